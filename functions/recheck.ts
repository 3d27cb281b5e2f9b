// Lambda entry point: the SQS worker that re-checks claims queued by large ingests.
// Partial batch failures: only the failed messages return to the queue (then the DLQ).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord, Context } from 'aws-lambda';
import { loadConfig } from '../lib/config.js';
import { configureObservability, logger, metrics } from '../lib/observability.js';
import { lazySqsClient } from '../lib/queue/sqsClient.js';
import { SqsDeliveryQueue } from '../lib/queue/sqsDeliveryQueue.js';
import { parseRecheckMessage } from '../lib/queue/sqsRecheckQueue.js';
import { createRuntime } from '../lib/runtime.js';

const config = loadConfig();
configureObservability({ logLevel: config.logLevel, metrics: true });
// Verdict changes found here are published like the API's: deliveries go to the delivery queue.
const runtime = await createRuntime(
  config,
  config.deliveryQueueUrl ? { deliveryQueue: new SqsDeliveryQueue(lazySqsClient(), config.deliveryQueueUrl) } : {},
);
const processor = new BatchProcessor(EventType.SQS);

const recheck = async (record: SQSRecord): Promise<void> => {
  const { claimIds, causes } = parseRecheckMessage(record.body);
  await runtime.app.recheckClaims(claimIds, causes);
};

export const handler = async (event: SQSEvent, context: Context) => {
  logger.addContext(context);
  try {
    return await processPartialResponse(event, recheck, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
};
