// Test runtimes: the real Store and App over a fresh in-memory dynalite, or over
// DynamoDB Local when STORE_ENDPOINT_KIND=dynamodb-local (see test/support/dynamodbLocal.ts).
import { loadConfig } from '../../lib/config.js';
import { createRuntime, type Runtime } from '../../lib/runtime.js';
import { startDynamoDbLocal } from './dynamodbLocal.js';

let tables = 0;
let shared: Promise<{ endpoint: string; close(): Promise<void> }> | undefined;

export async function createTestRuntime(env: Record<string, string> = {}): Promise<Runtime> {
  const base = loadConfig({ SEED_DEMO: 'false', ...env });
  if (process.env.STORE_ENDPOINT_KIND === 'dynamodb-local') {
    shared ??= startDynamoDbLocal();
    const local = await shared;
    return createRuntime({ ...base, dynamoEndpoint: local.endpoint, tableName: `t${process.pid}x${tables++}` });
  }
  return createRuntime(base, { inMemory: true });
}
