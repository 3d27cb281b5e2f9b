// Composition root: config -> DynamoDB client (embedded, local endpoint or AWS)
// -> Store -> App. Every entry point (server, Lambda, CLIs, tests) builds through this.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeliverer, type Deliverer } from './app/deliveries.js';
import { retryDelayMs } from './backoff.js';
import { createApp } from './app/index.js';
import { systemClock, type DeliveryQueue, type RecheckQueue, type ReindexQueue } from './app/ports.js';
import type { App } from './app/types.js';
import type { Config } from './config.js';
import { createLiveEvents, type LiveEvents } from './graphql/live.js';
import { LocalDeliveryQueue } from './queue/localDeliveryQueue.js';
import { LocalReindexQueue } from './queue/localReindexQueue.js';
import type { OutboundPolicy } from './webhooks/outbound.js';
import { createSecretBox, unconfiguredSecretBox, type SecretBox } from './webhooks/secretBox.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, ensureTable } from './store/client.js';
import { DynamoStore } from './store/dynamoStore.js';
import type { Store } from './app/ports.js';

/** What is read of a webhook receiver's answer: enough for an error message, never a download. */
const WEBHOOK_RESPONSE_MAX_BYTES = 16 * 1024;

export interface Runtime {
  app: App;
  store: Store;
  config: Config;
  endpoint?: string;
  /** the verdictChanged feed, where config.subscriptions is on */
  live: LiveEvents | undefined;
  /** one webhook delivery attempt (the SQS worker calls it; locally the in-process queue does) */
  deliverer: Deliverer;
  /** the in-process delivery queue, when deliveries are not sent to SQS */
  localDeliveries: LocalDeliveryQueue | undefined;
  /** the in-process re-index queue, when re-index work is not sent to SQS */
  localReindex: LocalReindexQueue | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** embedded mode: keep nothing on disk */
  inMemory?: boolean;
  /** embedded mode: run the store in this process (default) or in a child process, on a core of its own */
  embeddedProcess?: 'inline' | 'child';
  recheckQueue?: RecheckQueue;
  /** webhook deliveries go here (SQS on AWS) instead of the in-process queue */
  deliveryQueue?: DeliveryQueue;
  /** re-index work goes here (SQS on AWS) instead of the in-process queue */
  reindexQueue?: ReindexQueue;
  /** the engine version to stamp (tests of an upgrade); default: the running engine's */
  analysisVersion?: string;
  /** sees the DynamoDB client before anything is sent (the storage tool meters its writes) */
  instrument?: (doc: DynamoDBDocumentClient) => void;
}

/**
 * The key sealing webhook secrets: WEBHOOK_SECRET_KEY; locally a key file beside the embedded
 * store (created once, readable by its owner only), or one per process for an in-memory store.
 * Elsewhere without a key, webhooks fail with a clear error when used, and the rest works.
 */
function secretBoxFor(config: Config, embeddedOnDisk: boolean, inMemory: boolean): SecretBox {
  if (config.webhookSecretKey) return createSecretBox(config.webhookSecretKey);
  if (embeddedOnDisk) {
    const file = join(config.dataDir, 'webhook-secret.key');
    if (!existsSync(file)) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    }
    return createSecretBox(readFileSync(file, 'utf8').trim());
  }
  if (inMemory) return createSecretBox(randomBytes(32).toString('base64url'));
  return unconfiguredSecretBox;
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
  options.instrument?.(doc);
  if (local) await ensureTable(doc, config.tableName);
  const store = new DynamoStore(doc, config.tableName, {
    mergeAt: config.termIndexMergeAt,
    fanIn: config.termIndexFanIn,
    fanInAbove: config.termIndexFanInAbove,
  });
  const secrets = secretBoxFor(
    config,
    config.storeMode === 'embedded' && !config.dynamoEndpoint && !options.inMemory,
    options.inMemory === true,
  );
  const outboundPolicy: OutboundPolicy = { allowLoopback: config.webhookAllowLoopback };
  const deliverer = createDeliverer({
    store,
    clock: systemClock,
    secrets,
    policy: outboundPolicy,
    limits: { timeoutMs: config.webhookTimeoutMs, maxResponseBytes: WEBHOOK_RESPONSE_MAX_BYTES },
    maxAttempts: config.webhookMaxAttempts,
  });
  const localDeliveries = options.deliveryQueue
    ? undefined
    : new LocalDeliveryQueue({
        deliver: (job) => deliverer.deliver(job),
        delayMs: (attempt) => retryDelayMs(attempt, config.webhookRetryBaseMs),
      });
  const live = config.subscriptions ? createLiveEvents() : undefined;
  const localReindex = options.reindexQueue ? undefined : new LocalReindexQueue();
  const app = createApp({
    reindexQueue: options.reindexQueue ?? localReindex!,
    ...(options.analysisVersion ? { analysisVersion: options.analysisVersion } : {}),
    store,
    ...(options.recheckQueue ? { recheckQueue: options.recheckQueue } : {}),
    recheckInlineLimit: config.recheckInlineLimit,
    sourcePolicy: config.sourcePolicy,
    writeRatePerMinute: config.writeRatePerMinute,
    secrets,
    outboundPolicy,
    deliveryQueue: options.deliveryQueue ?? localDeliveries!,
    ...(live ? { onVerdictEvent: (event) => live.publish('verdictChanged', event) } : {}),
  });
  localReindex?.setRunner((job) => app.runReindexJob(job));
  return {
    app,
    store,
    config,
    ...(endpoint ? { endpoint } : {}),
    live,
    deliverer,
    localDeliveries,
    localReindex,
    async close() {
      localReindex?.stop();
      await localReindex?.idle();
      await localDeliveries?.close();
      doc.destroy();
      await stopEmbedded?.();
    },
  };
}
