// loadConfig(env) is the only place that reads environment variables.
// Entry points call it once and pass the result down.

export type StoreMode = 'embedded' | 'aws';
/** Who counts toward independence: 'registered' publishers only (from their domains), or any name ('open'). */
export type SourcePolicy = 'registered' | 'open';
export const SOURCE_POLICIES: readonly SourcePolicy[] = ['registered', 'open'];

export interface Config {
  stage: string;
  /** 'embedded': an in-process dynalite persisted under dataDir; 'aws': DynamoDB (or `dynamoEndpoint`) */
  storeMode: StoreMode;
  tableName: string;
  region: string;
  /** explicit DynamoDB endpoint (DynamoDB Local, a remote dynalite); unset on AWS */
  dynamoEndpoint: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  /** plain API keys from API_KEYS (local use); undefined = no key check from env */
  apiKeys: string[] | undefined;
  /** look API keys up (hashed) in the table; on AWS this is the default */
  keysInTable: boolean;
  readsNeedKey: boolean;
  /** SQS queue for asynchronous re-checks; unset = re-check in-process */
  recheckQueueUrl: string | undefined;
  /** re-check at most this many affected claims inside the request; the rest go to the queue */
  recheckInlineLimit: number;
  /** reports waiting in the term index's recent items before an ingest merges them (lib/store/termIndex.ts) */
  termIndexMergeAt: number;
  /** slots of the term index's level 0; kept by a table from its first merge (lib/store/termIndex.ts) */
  termIndexFanIn: number;
  /** slots of every term index level above 0; kept likewise */
  termIndexFanInAbove: number;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** schema introspection and "did you mean" field suggestions: on locally, off on AWS unless asked for */
  introspection: boolean;
  graphiql: boolean;
  /** serve the dashboard (web/, built by `npm run web:build`) at / */
  dashboard: boolean;
  /** the built dashboard's folder; unset = the nearest web/dist (from source) or dashboard/ (Lambda bundle) */
  dashboardDir: string | undefined;
  /** browser origins allowed by CORS (CORS_ORIGINS, comma-separated; '*' for any, never with credentials) */
  corsOrigins: string[];
  /** load the demo reports and claims into an empty store on start */
  seedDemo: boolean;
  /** 'registered' on AWS (invented outlet names must not move a verdict); 'open' locally, for the demo and the evals */
  sourcePolicy: SourcePolicy;
  /** writes (mutation fields) per API key, or per client address when writes are open, per minute; 0 = no limit */
  writeRatePerMinute: number;
  /** serve the verdictChanged subscription (SSE) from an in-process feed: local and self-hosted; off on Lambda */
  subscriptions: boolean;
  /** SQS queue for re-index jobs (lib/app/reindex.ts); unset = worked in-process */
  reindexQueueUrl: string | undefined;
  /** SQS FIFO queue for webhook deliveries; unset = delivered in-process */
  deliveryQueueUrl: string | undefined;
  /** key sealing webhook signing secrets at rest; unset locally = a key file under dataDir (or per process, in memory) */
  webhookSecretKey: string | undefined;
  /** webhook URLs may point at loopback (and use http there): on for a server listening on loopback only, off on Lambda */
  webhookAllowLoopback: boolean;
  /** wait before the first retry of a failed delivery; doubles per attempt */
  webhookRetryBaseMs: number;
  /** attempts per delivery before it is dead-lettered and the endpoint marked failing */
  webhookMaxAttempts: number;
  /** no answer in this time is a failed attempt */
  webhookTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

const bool = (value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value.trim() === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
};

const int = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`config: ${name} must be an integer in ${min}..${max}, got "${value}"`);
  }
  return n;
};

const sourcePolicy = (value: string | undefined, fallback: SourcePolicy): SourcePolicy => {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (!(SOURCE_POLICIES as readonly string[]).includes(v))
    throw new Error(`config: SOURCE_POLICY must be one of ${SOURCE_POLICIES.join(', ')}, got "${value}"`);
  return v as SourcePolicy;
};

const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

export function loadConfig(env: Env = process.env): Config {
  const onLambda = env.AWS_LAMBDA_FUNCTION_NAME !== undefined;
  const storeMode: StoreMode =
    (env.STORE ?? (onLambda || env.TABLE_NAME ? 'aws' : 'embedded')) === 'aws' ? 'aws' : 'embedded';
  const keys = env.API_KEYS?.split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  const logLevel = (env.LOG_LEVEL ?? 'INFO').toUpperCase();
  const stage = env.STAGE ?? (onLambda ? 'prod' : 'local');
  const host = env.HOST ?? '127.0.0.1';
  // A server reachable from elsewhere must not let a webhook reach its own machine's other services.
  const listensOnLoopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
  return {
    stage,
    storeMode,
    tableName: env.TABLE_NAME ?? 'factcheck',
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    dataDir: env.DATA_DIR ?? '.data',
    host,
    port: int('PORT', env.PORT, 4000, 0, 65535),
    apiKeys: keys && keys.length > 0 ? keys : undefined,
    keysInTable: bool(env.KEYS_IN_TABLE, storeMode === 'aws'),
    readsNeedKey: bool(env.READS_NEED_KEY, false),
    recheckQueueUrl: env.RECHECK_QUEUE_URL || undefined,
    recheckInlineLimit: int('RECHECK_INLINE_LIMIT', env.RECHECK_INLINE_LIMIT, 25, 0, 100_000),
    termIndexMergeAt: int('TERM_INDEX_MERGE_AT', env.TERM_INDEX_MERGE_AT, 100, 1, 1_000),
    termIndexFanIn: int('TERM_INDEX_FAN_IN', env.TERM_INDEX_FAN_IN, 64, 2, 64),
    termIndexFanInAbove: int('TERM_INDEX_FAN_IN_ABOVE', env.TERM_INDEX_FAN_IN_ABOVE, 40, 2, 64),
    logLevel: (LOG_LEVELS as readonly string[]).includes(logLevel) ? (logLevel as Config['logLevel']) : 'INFO',
    introspection: bool(env.INTROSPECTION, !onLambda),
    graphiql: bool(env.GRAPHIQL, !onLambda),
    dashboard: bool(env.DASHBOARD, true),
    dashboardDir: env.DASHBOARD_DIR || undefined,
    seedDemo: bool(env.SEED_DEMO, !onLambda),
    subscriptions: bool(env.SUBSCRIPTIONS, !onLambda),
    deliveryQueueUrl: env.DELIVERY_QUEUE_URL || undefined,
    reindexQueueUrl: env.REINDEX_QUEUE_URL || undefined,
    webhookSecretKey: env.WEBHOOK_SECRET_KEY || undefined,
    webhookAllowLoopback: bool(env.WEBHOOK_ALLOW_LOOPBACK, !onLambda && listensOnLoopback),
    webhookRetryBaseMs: int('WEBHOOK_RETRY_BASE_MS', env.WEBHOOK_RETRY_BASE_MS, 10_000, 0, 30_000),
    webhookMaxAttempts: int('WEBHOOK_MAX_ATTEMPTS', env.WEBHOOK_MAX_ATTEMPTS, 8, 1, 20),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000, 100, 10_000),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter((o) => o.length > 0),
    sourcePolicy: sourcePolicy(env.SOURCE_POLICY, onLambda ? 'registered' : 'open'),
    // 120 a minute is two writes a second per key: far above a newsroom's pace, far below what
    // it takes to flood the store; API Gateway's stage throttling stays the outer bound.
    writeRatePerMinute: int('WRITE_RATE_PER_MINUTE', env.WRITE_RATE_PER_MINUTE, 120, 0, 1_000_000),
  };
}
