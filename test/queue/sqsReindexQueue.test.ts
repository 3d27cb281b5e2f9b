// The SQS side of re-index: jobs go out ten per batch (failed entries sent again) and come back as the
// same jobs; a malformed message is refused (and so retried, then dead-lettered) rather than guessed at.
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReindexJob } from '../../lib/app/ports.js';
import { parseReindexMessage, SqsReindexQueue } from '../../lib/queue/sqsReindexQueue.js';

const sqsMock = mockClient(SQSClient);
afterEach(() => sqsMock.reset());

const jobs: ReindexJob[] = [
  { kind: 'scan', version: 'v2', phase: 'reports' },
  ...Array.from(
    { length: 22 },
    (_, i): ReindexJob => ({ kind: 'page', version: 'v2', phase: 'claims', page: `p${i}` }),
  ),
];

describe('SqsReindexQueue', () => {
  it('sends each job as one message, ten per batch, and sends refused entries again', async () => {
    let refused = false;
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: Array<{ Id: string }> }) => {
      if (!refused) {
        refused = true;
        return { Successful: [], Failed: [{ Id: input.Entries[0]!.Id, SenderFault: false, Code: 'InternalError' }] };
      }
      return { Successful: input.Entries.map((e) => ({ Id: e.Id })), Failed: [] };
    });
    await new SqsReindexQueue(new SQSClient({}), 'https://sqs.example/q').enqueue(jobs);
    const calls = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(calls.map((c) => c.args[0].input.Entries!.length)).toEqual([10, 1, 10, 3]);
    // Everything but the first call's refused entry went through.
    const sent = calls.flatMap((c, i) =>
      c.args[0].input.Entries!.filter((e) => i > 0 || e.Id !== '0').map((e) => parseReindexMessage(e.MessageBody!)),
    );
    expect(sent).toHaveLength(jobs.length);
    expect(new Set(sent.map((j) => JSON.stringify(j)))).toEqual(new Set(jobs.map((j) => JSON.stringify(j))));
  });

  it('refuses messages that are not re-index jobs', () => {
    expect(() => parseReindexMessage('{"kind":"page","version":"v2","phase":"reports"}')).toThrow(/neither/);
    expect(() => parseReindexMessage('{"kind":"scan","version":"v2","phase":"sources"}')).toThrow(/phase/);
    expect(() => parseReindexMessage('{"claimIds":["clm_1"]}')).toThrow(/version/);
  });
});
