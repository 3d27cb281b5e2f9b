import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { lazySqsClient } from '../../lib/queue/sqsClient.js';

describe('lazySqsClient', () => {
  const sqsMock = mockClient(SQSClient);
  afterEach(() => sqsMock.reset());

  it('builds the SDK client on the first send, once, and sends through it', async () => {
    let built = 0;
    const sqs = lazySqsClient(() => {
      built++;
      return new SQSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    });
    expect(built).toBe(0);
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const command = () =>
      new SendMessageBatchCommand({ QueueUrl: 'https://q', Entries: [{ Id: '0', MessageBody: '{}' }] });
    await sqs.send(command());
    await sqs.send(command());
    expect(built).toBe(1);
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(2);
  });
});
