// Re-checks that do not fit in a request go to SQS; the worker (functions/recheck.ts)
// runs them. Failed entries of a batch are sent again, then reported.
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SqsSender } from './sqsClient.js';
import type { RecheckQueue } from '../app/ports.js';

const SQS_BATCH = 10;
/** Claim ids per message: one message re-checks a small group of claims. */
const IDS_PER_MESSAGE = 10;

export class SqsRecheckQueue implements RecheckQueue {
  constructor(
    private readonly sqs: SqsSender,
    private readonly queueUrl: string,
  ) {}

  async enqueue(claimIds: string[], causes: Record<string, string> = {}): Promise<void> {
    const bodies: string[] = [];
    for (let i = 0; i < claimIds.length; i += IDS_PER_MESSAGE) {
      const ids = claimIds.slice(i, i + IDS_PER_MESSAGE);
      const known = Object.fromEntries(ids.filter((id) => causes[id]).map((id) => [id, causes[id]!]));
      bodies.push(JSON.stringify({ claimIds: ids, ...(Object.keys(known).length > 0 ? { causes: known } : {}) }));
    }
    for (let i = 0; i < bodies.length; i += SQS_BATCH) {
      let entries = bodies.slice(i, i + SQS_BATCH).map((MessageBody, j) => ({ Id: String(j), MessageBody }));
      for (let attempt = 0; entries.length > 0; attempt++) {
        if (attempt === 5) throw new Error(`could not enqueue ${entries.length} re-check message(s)`);
        const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
      }
    }
  }
}

export function parseRecheckMessage(body: string): { claimIds: string[]; causes: Record<string, string> } {
  const parsed = JSON.parse(body) as { claimIds?: unknown; causes?: unknown };
  if (!Array.isArray(parsed.claimIds) || !parsed.claimIds.every((id) => typeof id === 'string')) {
    throw new Error('re-check message without a claimIds array');
  }
  // Messages queued before causes were carried have none; a malformed one only loses the cause.
  const causes =
    typeof parsed.causes === 'object' && parsed.causes !== null
      ? Object.fromEntries(Object.entries(parsed.causes).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : {};
  return { claimIds: parsed.claimIds as string[], causes };
}
