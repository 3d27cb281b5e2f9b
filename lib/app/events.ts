// Publishing verdict changes. The change's event is written in the verdict's own conditional
// write (the claim's `unsentEvents`); publishing creates a delivery per matching webhook,
// queues them, writes the event's outbox item (so an outbox item means "dispatched"), and
// then empties `unsentEvents`. Each step is
// idempotent, so a publisher that stops anywhere leaves the event on the claim and the
// claim's next re-check (or the next verdict write, which carries it on) publishes it again:
// nothing stored goes unannounced, and nothing is announced that was not stored.
import type { DeliveryJob, DeliveryQueue, Store, VerdictEventListener } from './ports.js';
import { logger } from '../observability.js';
import type { ClaimRecord, DeliveryRecord, VerdictEvent, WebhookRecord } from './types.js';

export const EVENT_TYPE = 'claim.verdictChanged';

/** The delivery body: fixed when the delivery is created, so every retry sends (and signs) the same bytes. */
export function deliveryBody(event: VerdictEvent, claim: Pick<ClaimRecord, 'text'>): string {
  return JSON.stringify({
    id: event.id,
    type: EVENT_TYPE,
    createdAt: event.at,
    data: {
      claimId: event.claimId,
      text: claim.text,
      previousVerdict: event.previousVerdict,
      verdict: event.verdict,
      confidence: event.confidence,
      rule: event.rule,
      reportId: event.reportId,
      seq: event.seq,
    },
  });
}

export const webhookWants = (w: WebhookRecord, e: VerdictEvent): boolean =>
  (w.verdicts.length === 0 || w.verdicts.includes(e.verdict)) &&
  (w.claimIds.length === 0 || w.claimIds.includes(e.claimId));

export function createEventPublisher(deps: {
  store: Store;
  deliveryQueue?: DeliveryQueue | undefined;
  onEvent?: VerdictEventListener | undefined;
}) {
  const { store } = deps;

  async function dispatch(event: VerdictEvent, claim: ClaimRecord, webhooks: WebhookRecord[]): Promise<void> {
    const jobs: DeliveryJob[] = [];
    for (const w of webhooks.filter((w) => webhookWants(w, event))) {
      const delivery: DeliveryRecord = {
        webhookId: w.id,
        eventId: event.id,
        claimId: event.claimId,
        status: 'PENDING',
        attempts: 0,
        createdAt: event.at,
        body: deliveryBody(event, claim),
      };
      const stored = await store.putDelivery(delivery);
      // Queued again when still pending: a publisher that stopped after creating it may not have queued it.
      if (stored.status === 'PENDING') jobs.push({ webhookId: w.id, eventId: event.id, claimId: event.claimId });
    }
    if (jobs.length > 0 && deps.deliveryQueue) await deps.deliveryQueue.enqueue(jobs);
  }

  /** Publish the claim's unsent events, oldest first. `claim` is the record as stored (its version). */
  async function publish(claim: ClaimRecord): Promise<void> {
    if (claim.unsentEvents.length === 0) return;
    const webhooks = await store.listWebhooks();
    for (const event of [...claim.unsentEvents].sort((a, b) => a.seq - b.seq)) {
      // Dispatching again after a stop is harmless: deliveries are conditional puts, and the queue skips what is done.
      await dispatch(event, claim, webhooks);
      if (await store.putVerdictEvent(event)) {
        try {
          deps.onEvent?.(event, claim);
        } catch (e) {
          logger.warn('verdict event listener failed', { eventId: event.id, error: (e as Error).message });
        }
      }
    }
    // When a newer verdict was written meanwhile it carried these on, and its writer clears them.
    await store.clearUnsentEvents(claim.id, claim.version);
  }

  return { publish };
}
