// Lambda entry point: the SQS FIFO worker that sends webhook deliveries (lib/queue/deliveryWorker.ts).
// A failed group does not hold up other groups of the batch (skipGroupOnError): order is per
// endpoint and claim, not global.
import { SqsFifoPartialProcessorAsync, processPartialResponse } from '@aws-lambda-powertools/batch';
import { lazySqsClient } from '../lib/queue/sqsClient.js';
import type { Context, SQSEvent } from 'aws-lambda';
import { loadConfig } from '../lib/config.js';
import { configureObservability, logger, metrics } from '../lib/observability.js';
import { createDeliveryRecordHandler } from '../lib/queue/deliveryWorker.js';
import { SqsDeliveryQueue } from '../lib/queue/sqsDeliveryQueue.js';
import { createRuntime } from '../lib/runtime.js';

const config = loadConfig();
configureObservability({ logLevel: config.logLevel, metrics: true });
if (!config.deliveryQueueUrl) throw new Error('config: DELIVERY_QUEUE_URL must be set for the delivery worker');
const sqs = lazySqsClient();
const runtime = await createRuntime(config, { deliveryQueue: new SqsDeliveryQueue(sqs, config.deliveryQueueUrl) });
const processor = new SqsFifoPartialProcessorAsync();
const deliver = createDeliveryRecordHandler({
  deliverer: runtime.deliverer,
  sqs,
  queueUrl: config.deliveryQueueUrl,
  maxAttempts: config.webhookMaxAttempts,
  retryBaseMs: config.webhookRetryBaseMs,
});

export const handler = async (event: SQSEvent, context: Context) => {
  logger.addContext(context);
  try {
    return await processPartialResponse(event, deliver, processor, { context, skipGroupOnError: true });
  } finally {
    metrics.publishStoredMetrics();
  }
};
