// The SQS side of webhook deliveries (functions/deliver.ts): one record = one attempt. A failed
// attempt's message is hidden for the backoff delay (ChangeMessageVisibility) and reported as a
// batch item failure, so SQS offers it again then, and the FIFO group (endpoint + claim) waits
// for it: per-claim order holds through retries. The last attempt's failure is left to the
// queue's redrive policy (maxReceiveCount = attempts), which moves it to the DLQ at once.
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { SqsSender } from './sqsClient.js';
import type { SQSRecord } from 'aws-lambda';
import type { Deliverer } from '../app/deliveries.js';
import { retryDelayMs } from '../backoff.js';
import { DeliveryNotDone } from '../errors.js';
import { parseDeliveryMessage } from './sqsDeliveryQueue.js';

export { DeliveryNotDone };

export interface DeliveryWorkerDeps {
  deliverer: Deliverer;
  sqs: SqsSender;
  queueUrl: string;
  maxAttempts: number;
  retryBaseMs: number;
}

export function createDeliveryRecordHandler(deps: DeliveryWorkerDeps) {
  const hide = (record: SQSRecord, seconds: number) =>
    deps.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: deps.queueUrl,
        ReceiptHandle: record.receiptHandle,
        VisibilityTimeout: seconds,
      }),
    );

  return async (record: SQSRecord): Promise<void> => {
    const job = parseDeliveryMessage(record.body);
    // Receives, not recorded attempts, bound the work: a worker that crashed still used one.
    const receives = Number(record.attributes?.ApproximateReceiveCount ?? '1');
    const outcome = await deps.deliverer.deliver(job, { finalAttempt: receives >= deps.maxAttempts });
    if (outcome.kind === 'retry') {
      await hide(record, Math.max(1, Math.ceil(retryDelayMs(outcome.attempt, deps.retryBaseMs) / 1000)));
      throw new DeliveryNotDone(`attempt ${outcome.attempt} failed (${outcome.error}); retried later`);
    }
    if (outcome.kind === 'dead') {
      await hide(record, 0);
      throw new DeliveryNotDone(`attempt ${outcome.attempt} failed (${outcome.error}); dead-lettered`);
    }
  };
}
