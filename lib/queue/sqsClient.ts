// The SQS client the queues send through. It is built on the first send, not at import: a GraphQL container
// whose first requests only read pays nothing for the SDK client's set-up (credentials, endpoint, middleware)
// in its cold start.
import { SQSClient } from '@aws-sdk/client-sqs';

/** What a queue needs of the SDK client. */
export type SqsSender = Pick<SQSClient, 'send'>;

export function lazySqsClient(create: () => SQSClient = () => new SQSClient({})): SqsSender {
  let client: SQSClient | undefined;
  const send = ((command: Parameters<SQSClient['send']>[0]) => {
    client ??= create();
    return client.send(command);
  }) as SQSClient['send'];
  return { send };
}
