// Webhook deliveries in-process (local and self-hosted runs): the same delivery code as the
// SQS worker, with the queue's guarantees kept here: one delivery at a time per endpoint and
// claim (in order), retried after the backoff delay until delivered or dead, and a delivery
// whose attempt threw (the store failed before the outcome was recorded) is offered again.
// Pending deliveries live in memory: a process that stops loses the queue, not the delivery
// items, which stay PENDING (see docs/webhooks.md).
import type { DeliveryJob, DeliveryQueue } from '../app/ports.js';
import type { DeliveryOutcome } from '../app/deliveries.js';
import { logger } from '../observability.js';

export interface LocalDeliveryQueueOptions {
  deliver: (job: DeliveryJob) => Promise<DeliveryOutcome>;
  /** wait before attempt n + 1 after attempt n failed */
  delayMs: (attempt: number) => number;
  /** attempts that throw (not an answer: the store or the worker failed) before the job is left to a later run */
  maxCrashes?: number;
}

export class LocalDeliveryQueue implements DeliveryQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly queued = new Set<string>();
  private readonly sleeping = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private closed = false;

  constructor(private readonly options: LocalDeliveryQueueOptions) {}

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    for (const job of jobs) {
      const key = `${job.webhookId}/${job.eventId}`;
      if (this.closed || this.queued.has(key)) continue; // already waiting: a re-publish adds nothing
      this.queued.add(key);
      const group = `${job.webhookId}/${job.claimId}`;
      const tail = (this.tails.get(group) ?? Promise.resolve())
        .then(() => this.run(job))
        .finally(() => this.queued.delete(key));
      this.tails.set(group, tail);
      void tail.finally(() => {
        if (this.tails.get(group) === tail) this.tails.delete(group);
      });
    }
  }

  /** Resolves once every queued delivery is done (delivered, dead, or stopped by close). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.sleeping) {
      clearTimeout(s.timer);
      s.wake();
    }
    await this.idle();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleeping.delete(entry);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.sleeping.add(entry);
    });
  }

  private async run(job: DeliveryJob): Promise<void> {
    const maxCrashes = this.options.maxCrashes ?? 10;
    let crashes = 0;
    while (!this.closed) {
      let outcome: DeliveryOutcome;
      try {
        outcome = await this.options.deliver(job);
      } catch (e) {
        // Not acknowledged: offered again, as SQS would after the visibility timeout.
        crashes++;
        logger.warn('webhook delivery attempt failed before its outcome was recorded', {
          ...job,
          error: (e as Error).message,
        });
        if (crashes >= maxCrashes) return;
        await this.sleep(this.options.delayMs(crashes));
        continue;
      }
      if (outcome.kind !== 'retry') return;
      await this.sleep(this.options.delayMs(outcome.attempt));
    }
  }
}
