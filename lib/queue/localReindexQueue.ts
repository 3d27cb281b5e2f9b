// Re-index work in-process (npm run reindex, and the reindex mutation of a local server): the same
// jobs the SQS worker runs, a few at once. A job that throws is not retried here: the run's state is
// in the store, so starting the re-index again resumes it (SQS would retry, then dead-letter).
import type { ReindexJob, ReindexQueue } from '../app/ports.js';
import { logger } from '../observability.js';

export interface LocalReindexQueueOptions {
  /** runs one job: set once the app that does the work exists (it needs this queue first) */
  run?: (job: ReindexJob) => Promise<void>;
  /** jobs in flight at once: analysis is CPU work, so a few are enough to keep the store busy too */
  concurrency?: number;
  /** told of a job that threw; by default logged */
  onError?: (error: unknown, job: ReindexJob) => void;
}

const keyOf = (job: ReindexJob): string =>
  job.kind === 'scan' ? `${job.version}/${job.phase}/scan` : `${job.version}/${job.phase}/${job.page}`;

export class LocalReindexQueue implements ReindexQueue {
  private readonly waiting: ReindexJob[] = [];
  /** queued, not started: a job asked for again meanwhile (a resume, a repeated scan) is the same job */
  private readonly known = new Set<string>();
  private running = 0;
  private stopped = false;
  private idlers: Array<() => void> = [];

  constructor(private readonly options: LocalReindexQueueOptions = {}) {}

  setRunner(run: (job: ReindexJob) => Promise<void>): void {
    this.options.run = run;
  }

  async enqueue(jobs: ReindexJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.stopped || this.known.has(keyOf(job))) continue;
      this.known.add(keyOf(job));
      this.waiting.push(job);
    }
    this.pump();
  }

  /** Stop taking jobs: those running finish, the waiting ones are dropped (the store keeps what they were). */
  stop(): void {
    this.stopped = true;
    for (const job of this.waiting.splice(0)) this.known.delete(keyOf(job));
    this.pump();
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idlers.push(resolve));
  }

  private pump(): void {
    const run = this.options.run;
    const limit = this.options.concurrency ?? 2;
    while (run && this.running < limit && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      // A running scan queues its own next step: the same key, and a job of its own.
      this.known.delete(keyOf(job));
      this.running += 1;
      run(job)
        .catch((e: unknown) => {
          if (this.options.onError) this.options.onError(e, job);
          else logger.error('re-index job failed; start the re-index again to resume', { job, error: String(e) });
        })
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
    if (this.running === 0 && this.waiting.length === 0) {
      for (const resolve of this.idlers.splice(0)) resolve();
    }
  }
}
