// The SQS delivery worker's record handler against the real store and a receiver on 127.0.0.1.
// SQS itself is mocked (aws-sdk-client-mock): the handler's only SQS call hides a message for
// the backoff delay, which no local queue reproduces.
import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryJob } from '../../lib/app/ports.js';
import { createDeliveryRecordHandler, DeliveryNotDone } from '../../lib/queue/deliveryWorker.js';
import { deliveryGroupId } from '../../lib/queue/sqsDeliveryQueue.js';
import { createTestApi } from '../support/graphql.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;
let api: Api;
let rx: Receiver;
let answer = 200;
const sqsMock = mockClient(SQSClient);
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/deliveries.fifo';

beforeAll(async () => {
  api = await createTestApi({ WEBHOOK_MAX_ATTEMPTS: '8' });
  rx = await startReceiver(() => answer);
});
afterAll(async () => {
  sqsMock.restore();
  await rx.close();
  await api.rt.close();
});

let n = 0;
const recordOf = (job: DeliveryJob, receives: number): SQSRecord =>
  ({
    messageId: `m${++n}`,
    receiptHandle: `rh${n}`,
    body: JSON.stringify(job),
    attributes: { ApproximateReceiveCount: String(receives), MessageGroupId: deliveryGroupId(job) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:deliveries.fifo',
    awsRegion: 'us-east-1',
  }) as unknown as SQSRecord;

/** A claim with a webhook, and the delivery job its first verdict change created (the local queue is stopped first). */
async function pendingJob(town: string): Promise<DeliveryJob> {
  const claimId = (
    await api.gql('mutation($t: String!) { submitClaim(input: { text: $t }) { claim { id } } }', {
      t: `The ${town} ferry carried 300 passengers on its first day.`,
    })
  ).data!.submitClaim.claim.id;
  const hook = await api.rt.app.createWebhook({ url: rx.url, claimIds: [claimId] });
  // Deliveries are created by the app as usual; here the local queue must not send them: the SQS handler will.
  const local = api.rt.localDeliveries!;
  const enqueue = local.enqueue.bind(local);
  local.enqueue = async () => undefined;
  try {
    await api.gql('mutation($i: IngestReportInput!) { ingestReport(input: $i) { report { id } } }', {
      i: {
        source: `${town} Daily`,
        text: `The ${town} ferry carried 300 passengers on its first day, the operator said.`,
      },
    });
  } finally {
    local.enqueue = enqueue;
  }
  const [delivery] = await api.rt.store.listDeliveries(hook.webhook.id, 1);
  expect(delivery).toMatchObject({ status: 'PENDING', attempts: 0 });
  return { webhookId: hook.webhook.id, eventId: delivery!.eventId, claimId };
}

const handlerWith = (retryBaseMs: number) =>
  createDeliveryRecordHandler({
    deliverer: api.rt.deliverer,
    sqs: new SQSClient({ region: 'us-east-1' }),
    queueUrl: QUEUE,
    maxAttempts: 8,
    retryBaseMs,
  });

describe('delivery worker (SQS)', () => {
  it('hides a failed attempt for the backoff delay and fails the record; the next receive delivers it', async () => {
    sqsMock.reset();
    sqsMock.on(ChangeMessageVisibilityCommand).resolves({});
    const job = await pendingJob('Greyling');
    const handle = handlerWith(10_000);
    answer = 500;
    await expect(handle(recordOf(job, 1))).rejects.toBeInstanceOf(DeliveryNotDone);
    await expect(handle(recordOf(job, 2))).rejects.toBeInstanceOf(DeliveryNotDone);
    const hides = sqsMock.commandCalls(ChangeMessageVisibilityCommand).map((c) => c.args[0].input.VisibilityTimeout);
    expect(hides).toEqual([10, 20]); // first retry within 30 s, then doubling
    answer = 200;
    await handle(recordOf(job, 3));
    expect(await api.rt.store.getDelivery(job.webhookId, job.eventId)).toMatchObject({
      status: 'DELIVERED',
      attempts: 3,
    });
    // A redelivered message of a delivered job sends nothing.
    const before = rx.received.length;
    await handle(recordOf(job, 4));
    expect(rx.received.length).toBe(before);
  });

  it("dead-letters on the queue's last receive: DEAD, endpoint FAILING, message made visible for the redrive", async () => {
    sqsMock.reset();
    sqsMock.on(ChangeMessageVisibilityCommand).resolves({});
    const job = await pendingJob('Saltcombe');
    answer = 500;
    await expect(handlerWith(10_000)(recordOf(job, 8))).rejects.toThrow(/dead-lettered/);
    expect(sqsMock.commandCalls(ChangeMessageVisibilityCommand).map((c) => c.args[0].input.VisibilityTimeout)).toEqual([
      0,
    ]);
    expect(await api.rt.store.getDelivery(job.webhookId, job.eventId)).toMatchObject({ status: 'DEAD', attempts: 1 });
    expect(await api.rt.store.getWebhook(job.webhookId)).toMatchObject({ status: 'FAILING' });
  });

  it("in a batch, a failed group's later messages fail too while other groups go on", async () => {
    sqsMock.reset();
    sqsMock.on(ChangeMessageVisibilityCommand).resolves({});
    const failing = await pendingJob('Ashby');
    const other = await pendingJob('Kelmore');
    const sameGroupLater: DeliveryJob = { ...failing, eventId: 'evt_later' };
    answer = 500;
    const records = [recordOf(failing, 1), recordOf(sameGroupLater, 1), recordOf(other, 1)];
    const handle = handlerWith(10_000);
    // Only the first group fails: the other endpoint's delivery must still go out in this batch.
    const out = await processPartialResponse(
      { Records: records },
      async (r: SQSRecord) => {
        answer = r === records[2] ? 200 : 500;
        return handle(r);
      },
      new SqsFifoPartialProcessorAsync(),
      { skipGroupOnError: true },
    );
    expect(out.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([records[0]!.messageId, records[1]!.messageId]);
    expect(await api.rt.store.getDelivery(other.webhookId, other.eventId)).toMatchObject({ status: 'DELIVERED' });
    expect(await api.rt.store.getDelivery(failing.webhookId, failing.eventId)).toMatchObject({
      status: 'PENDING',
      attempts: 1,
    });
  });
});
