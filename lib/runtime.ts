// Composition root: config -> DynamoDB client (embedded, local endpoint or AWS)
// -> Store -> App. Every entry point (server, Lambda, CLIs, tests) builds through this.
import { join } from 'node:path';
import { createApp } from './app/index.js';
import type { RecheckQueue } from './app/ports.js';
import type { App } from './app/types.js';
import type { Config } from './config.js';
import { createDocumentClient, ensureTable } from './store/client.js';
import { DynamoStore } from './store/dynamoStore.js';
import type { Store } from './store/port.js';

export interface Runtime {
  app: App;
  store: Store;
  config: Config;
  endpoint?: string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** embedded mode: keep nothing on disk */
  inMemory?: boolean;
  /** embedded mode: run the store in this process (default) or in a child process, on a core of its own */
  embeddedProcess?: 'inline' | 'child';
  recheckQueue?: RecheckQueue;
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  let endpoint = config.dynamoEndpoint;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (config.storeMode === 'embedded' && !endpoint) {
    const { startEmbeddedDynamo } = await import('./store/embedded.js');
    const embedded = await startEmbeddedDynamo({
      ...(options.inMemory ? {} : { path: join(config.dataDir, 'dynalite') }),
      ...(options.embeddedProcess ? { process: options.embeddedProcess } : {}),
    });
    endpoint = embedded.endpoint;
    stopEmbedded = embedded.close;
  }
  const local = endpoint !== undefined;
  const doc = createDocumentClient({ region: config.region, endpoint, localCredentials: local });
  if (local) await ensureTable(doc, config.tableName);
  const store = new DynamoStore(doc, config.tableName);
  const app = createApp({
    store,
    ...(options.recheckQueue ? { recheckQueue: options.recheckQueue } : {}),
    recheckInlineLimit: config.recheckInlineLimit,
    sourcePolicy: config.sourcePolicy,
    writeRatePerMinute: config.writeRatePerMinute,
  });
  return {
    app,
    store,
    config,
    ...(endpoint ? { endpoint } : {}),
    async close() {
      doc.destroy();
      await stopEmbedded?.();
    },
  };
}
