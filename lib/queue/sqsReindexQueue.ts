// Re-index work on SQS: one message per job (a scan step or a page), worked by functions/reindex.ts.
// A job is idempotent (lib/app/reindex.ts), so SQS's at-least-once delivery and retries are safe; a job
// that keeps failing goes to the DLQ, and the reindex mutation queues what is left again.
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SqsSender } from './sqsClient.js';
import type { ReindexJob, ReindexQueue } from '../app/ports.js';

const SQS_BATCH = 10;
const PHASES = ['reports', 'claims'];

export class SqsReindexQueue implements ReindexQueue {
  constructor(
    private readonly sqs: SqsSender,
    private readonly queueUrl: string,
  ) {}

  async enqueue(jobs: ReindexJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += SQS_BATCH) {
      let entries = jobs.slice(i, i + SQS_BATCH).map((job, j) => ({ Id: String(j), MessageBody: JSON.stringify(job) }));
      for (let attempt = 0; entries.length > 0; attempt++) {
        if (attempt === 5) throw new Error(`could not enqueue ${entries.length} re-index message(s)`);
        const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        entries = entries.filter((e) => failed.has(e.Id));
      }
    }
  }
}

export function parseReindexMessage(body: string): ReindexJob {
  const job = JSON.parse(body) as Partial<Record<string, unknown>>;
  const { kind, version, phase, page } = job;
  if (typeof version !== 'string' || typeof phase !== 'string' || !PHASES.includes(phase)) {
    throw new Error('re-index message without a version and a phase (reports or claims)');
  }
  const scanPhase = phase as ReindexJob['phase'];
  if (kind === 'scan') return { kind, version, phase: scanPhase };
  if (kind === 'page' && typeof page === 'string') return { kind, version, phase: scanPhase, page };
  throw new Error('re-index message is neither a scan nor a page job');
}
