// `npm start`: the dashboard, GraphQL and GraphiQL over the embedded store, demo data on first start.
import { createServer as createHttpServer } from 'node:http';
import { createAuthenticator } from '../app/apiKeys.js';
import { loadConfig } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { createServer } from '../graphql/server.js';
import { configureObservability, logger } from '../observability.js';
import { createNodeHandler } from '../http/node.js';
import { createRuntime } from '../runtime.js';

const config = loadConfig();
configureObservability({ logLevel: config.logLevel, metrics: false });
if (
  !config.apiKeys &&
  !config.keysInTable &&
  config.host !== '127.0.0.1' &&
  config.host !== 'localhost' &&
  config.host !== '::1'
) {
  console.error(`Refusing to listen on ${config.host} without API keys: set API_KEYS, or HOST=127.0.0.1.`);
  process.exit(1);
}
const runtime = await createRuntime(config).catch((e: unknown) => {
  if ((e as Error).name !== 'StoreInUseError') throw e;
  console.error(
    `${(e as Error).message}\nAnother \`npm start\` (or \`npm run ingest\`) is using ${config.dataDir}: stop it, or set DATA_DIR to another folder.`,
  );
  process.exit(1);
});
if (config.seedDemo) {
  const { seeded } = await seedDemo(runtime.app);
  if (seeded) console.error('Loaded the demo reports and claims (first start).');
}
const yoga = createServer({
  app: runtime.app,
  config,
  authenticate: createAuthenticator({ config, store: runtime.store }),
  live: runtime.live,
});
const server = createHttpServer(createNodeHandler(yoga));
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`;
  console.log(
    `GraphQL${config.graphiql ? ' + GraphiQL' : ''} at ${origin}/graphql (store: ${config.storeMode === 'embedded' ? `embedded, ${config.dataDir}` : config.tableName}${config.apiKeys ? ', API keys on' : ', writes open on loopback'})`,
  );
  if (config.dashboard) console.log(`Dashboard at ${origin}/`);
});

const shutdown = (signal: string) => {
  logger.info('shutting down', { signal });
  server.close(() => void runtime.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
