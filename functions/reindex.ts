// Lambda entry point: the SQS worker of re-index jobs (lib/app/reindex.ts): scan steps, which queue pages
// and the next step here, and pages of reports or claims. Partial batch failures: only failed jobs return
// to the queue (then the DLQ, and its alarm).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { lazySqsClient } from '../lib/queue/sqsClient.js';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { loadConfig } from '../lib/config.js';
import { configureObservability, logger, metrics } from '../lib/observability.js';
import { SqsDeliveryQueue } from '../lib/queue/sqsDeliveryQueue.js';
import { SqsRecheckQueue } from '../lib/queue/sqsRecheckQueue.js';
import { parseReindexMessage, SqsReindexQueue } from '../lib/queue/sqsReindexQueue.js';
import { createRuntime } from '../lib/runtime.js';

const config = loadConfig();
configureObservability({ logLevel: config.logLevel, metrics: true });
if (!config.reindexQueueUrl) throw new Error('config: REINDEX_QUEUE_URL must be set for the re-index worker');
const sqs = lazySqsClient();
const runtime = await createRuntime(config, {
  reindexQueue: new SqsReindexQueue(sqs, config.reindexQueueUrl),
  ...(config.recheckQueueUrl ? { recheckQueue: new SqsRecheckQueue(sqs, config.recheckQueueUrl) } : {}),
  ...(config.deliveryQueueUrl ? { deliveryQueue: new SqsDeliveryQueue(sqs, config.deliveryQueueUrl) } : {}),
});
const processor = new BatchProcessor(EventType.SQS);

const work = async (record: SQSRecord): Promise<void> => {
  await runtime.app.runReindexJob(parseReindexMessage(record.body));
};

export const handler = async (event: SQSEvent, context: Context) => {
  logger.addContext(context);
  try {
    return await processPartialResponse(event, work, processor, { context });
  } finally {
    metrics.publishStoredMetrics();
  }
};
