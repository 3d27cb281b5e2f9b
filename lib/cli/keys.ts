// `npm run keys -- create --role writer | revoke <id> | list`
// Against the local embedded store, or the deployed table with TABLE_NAME (and AWS credentials).
import { createApiKey, revokeApiKey, ROLES } from '../app/apiKeys.js';
import { loadConfig } from '../config.js';
import { createRuntime } from '../runtime.js';

const [command, ...rest] = process.argv.slice(2);
const usage = `usage: npm run keys -- create --role ${ROLES.join('|')} | revoke <id> | list`;
if (!command || !['create', 'revoke', 'list'].includes(command)) {
  console.error(usage);
  process.exit(2);
}
const runtime = await createRuntime({ ...loadConfig(), seedDemo: false });
try {
  if (command === 'create') {
    const role = rest[rest.indexOf('--role') + 1] ?? 'writer';
    const { key, record } = await createApiKey(runtime.store, role);
    console.log(`created ${record.role} key ${record.id}; shown once, store it now:\n${key}`);
  } else if (command === 'revoke') {
    const id = rest[0];
    if (!id) throw new Error(usage);
    console.log((await revokeApiKey(runtime.store, id)) ? `revoked ${id}` : `no key with id ${id}`);
  } else {
    for (const k of await runtime.store.listApiKeys()) console.log(`${k.id}  ${k.role.padEnd(6)}  created ${k.createdAt}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}`);
  }
} finally {
  await runtime.close();
}
