// Faults a real store cannot be made to produce, through aws-sdk-client-mock.
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/app/index.js';
import { DynamoStore } from '../../lib/store/dynamoStore.js';
import type { Runtime } from '../../lib/runtime.js';
import { createTestRuntime } from '../support/runtime.js';

const throttled = () =>
  Object.assign(new Error('Rate exceeded'), {
    name: 'ProvisionedThroughputExceededException',
    $metadata: { httpStatusCode: 400 },
  });

describe('store faults', () => {
  // Mock one client instance only, so the real-store tests below are untouched.
  let doc: DynamoDBDocumentClient;
  let ddb: ReturnType<typeof mockClient>;
  const newStore = () => {
    doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1', maxAttempts: 2 }));
    ddb = mockClient(doc);
    return new DynamoStore(doc, 't');
  };
  afterEach(() => ddb.restore());

  it('turns throttling that outlasts the SDK retries into a clear UNAVAILABLE error', async () => {
    const store = newStore();
    ddb.on(GetCommand).rejects(throttled());
    await expect(store.getReport('rep_1')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('retries BatchWriteItem unprocessed items until all are written', async () => {
    const item = (i: number) => ({ PutRequest: { Item: { PK: `P${i}`, SK: 'S' } } });
    const store = newStore();
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { t: [item(2), item(3)] } })
      .resolvesOnce({ UnprocessedItems: { t: [item(3)] } })
      .resolves({ UnprocessedItems: {} });
    await store.batchWrite([item(1), item(2), item(3)]);
    const calls = ddb.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(3);
    expect((calls[2]!.args[0].input as { RequestItems: Record<string, unknown> }).RequestItems.t).toEqual([item(3)]);
  });

  it('retries BatchGetItem unprocessed keys', async () => {
    const store = newStore();
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { t: [{ PK: 'A', SK: 'S' }] },
        UnprocessedKeys: { t: { Keys: [{ PK: 'B', SK: 'S' }] } },
      })
      .resolves({ Responses: { t: [{ PK: 'B', SK: 'S' }] } });
    const items = await store.batchGet([
      { PK: 'A', SK: 'S' },
      { PK: 'B', SK: 'S' },
    ]);
    expect(items.map((i) => i.PK)).toEqual(['A', 'B']);
  });

  it('gives up on a batch the store keeps refusing, with a clear error', async () => {
    const item = { PutRequest: { Item: { PK: 'P', SK: 'S' } } };
    const store = newStore();
    ddb.on(BatchWriteCommand).resolves({ UnprocessedItems: { t: [item] } });
    await expect(store.batchWrite([item])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('faults against the real store', () => {
  let rt: Runtime | undefined;
  afterEach(async () => rt?.close());

  it('retries a verdict write that loses a version race (ConditionalCheckFailed)', async () => {
    rt = await createTestRuntime();
    const store = rt.store;
    let failures = 1;
    const racing = Object.create(store) as typeof store;
    racing.saveVerdict = async (...args) => {
      if (failures-- > 0) return false; // another writer got there first
      return store.saveVerdict(...args);
    };
    const app = createApp({ store: racing });
    const { claim } = await app.submitClaim({ text: 'The Lakeside ferry carried 300 passengers on its first day.' });
    expect(claim.version).toBe(1);
  });

  it('leaves no visible half-ingested report when a write fails half-way, and the retry completes it', async () => {
    rt = await createTestRuntime();
    const store = rt.store;
    const failing = Object.create(store) as typeof store;
    failing.putReport = async () => {
      throw Object.assign(new Error('connection reset'), { name: 'TimeoutError' });
    };
    const input = {
      source: 'Lakeside Daily',
      text: 'The Lakeside ferry carried 300 passengers on its first day of service.',
    };
    await expect(createApp({ store: failing }).ingestReport(input)).rejects.toThrow();
    expect((await rt.app.listReports({ first: 10 })).edges).toHaveLength(0);
    const retry = await rt.app.ingestReport(input);
    expect(retry.created).toBe(true);
    expect((await rt.app.listReports({ first: 10 })).edges.map((e) => e.node.id)).toEqual([retry.report.id]);
  });
});
