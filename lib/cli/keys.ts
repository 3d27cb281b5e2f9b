// `npm run keys -- create --role writer [--sources "Bay Ledger,Harbour Wire"] | revoke <id> | list`
// Against the local embedded store, or the deployed table with TABLE_NAME (and AWS credentials).
// --sources binds a writer key to those publishers: it may ingest for no other.
import { createApiKey, revokeApiKey, ROLES } from '../app/apiKeys.js';
import { loadConfig } from '../config.js';
import { createRuntime } from '../runtime.js';

const [command, ...rest] = process.argv.slice(2);
const usage = `usage: npm run keys -- create --role ${ROLES.join('|')} [--sources "Name A,Name B"] | revoke <id> | list`;
if (!command || !['create', 'revoke', 'list'].includes(command)) {
  console.error(usage);
  process.exit(2);
}
const option = (name: string): string | undefined => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : undefined);
const runtime = await createRuntime({ ...loadConfig(), seedDemo: false });
try {
  if (command === 'create') {
    const role = option('--role') ?? 'writer';
    const sources = option('--sources')
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const { key, record } = await createApiKey(runtime.store, role, new Date(), sources ? { sources } : {});
    const bound = record.sources ? ` for sources ${record.sources.join(', ')}` : '';
    console.log(`created ${record.role} key ${record.id}${bound}; shown once, store it now:\n${key}`);
  } else if (command === 'revoke') {
    const id = rest[0];
    if (!id) throw new Error(usage);
    console.log((await revokeApiKey(runtime.store, id)) ? `revoked ${id}` : `no key with id ${id}`);
  } else {
    for (const k of await runtime.store.listApiKeys()) {
      console.log(
        `${k.id}  ${k.role.padEnd(6)}  created ${k.createdAt}${k.sources ? `  sources ${k.sources.join(',')}` : ''}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}`,
      );
    }
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
} finally {
  await runtime.close();
}
