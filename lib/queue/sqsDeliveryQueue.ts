// Webhook deliveries on AWS: an SQS FIFO queue, one message group per endpoint and claim, so
// one claim's deliveries to one endpoint arrive in order while other claims and endpoints go
// on. The worker is functions/deliver.ts.
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SqsSender } from './sqsClient.js';
import type { DeliveryJob, DeliveryQueue } from '../app/ports.js';

const SQS_BATCH = 10;

export const deliveryGroupId = (job: DeliveryJob): string => `${job.webhookId}.${job.claimId}`;

export class SqsDeliveryQueue implements DeliveryQueue {
  constructor(
    private readonly sqs: SqsSender,
    private readonly queueUrl: string,
  ) {}

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += SQS_BATCH) {
      let entries = jobs.slice(i, i + SQS_BATCH).map((job, j) => ({
        Id: String(j),
        MessageBody: JSON.stringify(job),
        MessageGroupId: deliveryGroupId(job),
        // A re-publish within SQS's 5-minute window is dropped by SQS; later, the worker skips what is no longer PENDING.
        MessageDeduplicationId: `${job.webhookId}.${job.eventId}`,
      }));
      for (let attempt = 0; entries.length > 0; attempt++) {
        if (attempt === 5) throw new Error(`could not enqueue ${entries.length} webhook deliveries`);
        const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
      }
    }
  }
}

export function parseDeliveryMessage(body: string): DeliveryJob {
  const parsed = JSON.parse(body) as Partial<DeliveryJob>;
  if (
    typeof parsed.webhookId !== 'string' ||
    typeof parsed.eventId !== 'string' ||
    typeof parsed.claimId !== 'string'
  ) {
    throw new Error('delivery message without webhookId, eventId and claimId');
  }
  return { webhookId: parsed.webhookId, eventId: parsed.eventId, claimId: parsed.claimId };
}
