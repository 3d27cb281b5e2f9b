// Lambda entry point: the GraphQL API behind API Gateway. Everything is built once
// per container, at module scope; the handler only translates the event.
import { lazySqsClient } from '../lib/queue/sqsClient.js';
import { createAuthenticator } from '../lib/app/apiKeys.js';
import { loadConfig } from '../lib/config.js';
import { createServer } from '../lib/graphql/server.js';
import { createLambdaHandler } from '../lib/http/lambda.js';
import { configureObservability, logger, metrics } from '../lib/observability.js';
import { SqsDeliveryQueue } from '../lib/queue/sqsDeliveryQueue.js';
import { SqsRecheckQueue } from '../lib/queue/sqsRecheckQueue.js';
import { SqsReindexQueue } from '../lib/queue/sqsReindexQueue.js';
import { createRuntime } from '../lib/runtime.js';

const config = loadConfig();
configureObservability({ logLevel: config.logLevel, metrics: true });
const sqs = lazySqsClient();
const runtime = await createRuntime(config, {
  ...(config.recheckQueueUrl ? { recheckQueue: new SqsRecheckQueue(sqs, config.recheckQueueUrl) } : {}),
  ...(config.deliveryQueueUrl ? { deliveryQueue: new SqsDeliveryQueue(sqs, config.deliveryQueueUrl) } : {}),
  // The reindex mutation only queues its first scan step; the re-index worker does the rest.
  ...(config.reindexQueueUrl ? { reindexQueue: new SqsReindexQueue(sqs, config.reindexQueueUrl) } : {}),
});
const yoga = createServer({
  app: runtime.app,
  config,
  authenticate: createAuthenticator({ config, store: runtime.store }),
});
const handle = createLambdaHandler(yoga);

export const handler: typeof handle = async (event, context) => {
  // Every log line of this invocation carries the Lambda request id (and cold-start flag).
  if (context) logger.addContext(context);
  try {
    return await handle(event, context);
  } finally {
    metrics.publishStoredMetrics();
  }
};
