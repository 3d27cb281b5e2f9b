// One attempt of one webhook delivery: the code both the SQS worker (AWS) and the in-process
// queue (local) run. The delivery's state only moves after the attempt's outcome is known:
// a worker that stops between sending and recording leaves it PENDING, and the queue sends it
// again (at least once; receivers dedupe on the event id).
import type { Clock, DeliveryJob, Store } from './ports.js';
import { postJson, type OutboundLimits, type OutboundPolicy, type OutboundResponse } from '../webhooks/outbound.js';
import type { SecretBox } from '../webhooks/secretBox.js';
import { SIGNATURE_HEADER, signatureHeader } from '../webhooks/signature.js';
import { logger } from '../observability.js';
import { EVENT_TYPE } from './events.js';
import type { DeliveryRecord } from './types.js';

export type DeliveryOutcome =
  | { kind: 'delivered'; attempt: number }
  | { kind: 'retry'; attempt: number; error: string }
  | { kind: 'dead'; attempt: number; error: string }
  /** nothing to do: already delivered or dead, webhook deleted, or another worker recorded this attempt */
  | { kind: 'skipped' };

export interface DelivererDeps {
  store: Store;
  clock: Clock;
  secrets: SecretBox;
  policy: OutboundPolicy;
  limits: OutboundLimits;
  maxAttempts: number;
  /** the transport; tests may wrap it, production uses postJson */
  send?: typeof postJson;
}

const ERROR_MAX_CHARS = 300;

export function createDeliverer(deps: DelivererDeps) {
  const { store, clock } = deps;
  const send = deps.send ?? postJson;

  /** `finalAttempt`: the queue will not offer this delivery again (SQS receive count at its limit). */
  async function deliver(job: DeliveryJob, options: { finalAttempt?: boolean } = {}): Promise<DeliveryOutcome> {
    const delivery = await store.getDelivery(job.webhookId, job.eventId);
    if (delivery?.status !== 'PENDING') return { kind: 'skipped' };
    const webhook = await store.getWebhook(job.webhookId);
    if (!webhook) return { kind: 'skipped' };
    const attempt = delivery.attempts + 1;
    const at = clock.now();
    let response: OutboundResponse | undefined;
    let error: string | undefined;
    try {
      const secret = deps.secrets.open(webhook.sealedSecret);
      response = await send(
        webhook.url,
        delivery.body,
        {
          [SIGNATURE_HEADER]: signatureHeader(secret, delivery.body, at),
          'X-Factcheck-Event': EVENT_TYPE,
          'X-Factcheck-Delivery': `${job.webhookId}.${job.eventId}`,
        },
        deps.policy,
        deps.limits,
      );
      if (response.status < 200 || response.status > 299)
        error = `HTTP ${response.status}${response.body ? `: ${response.body}` : ''}`;
    } catch (e) {
      error = (e as Error).message || String(e);
    }
    const ok = error === undefined;
    const dead = !ok && (attempt >= deps.maxAttempts || options.finalAttempt === true);
    const next: DeliveryRecord = {
      ...delivery,
      attempts: attempt,
      lastAttemptAt: at.toISOString(),
      status: ok ? 'DELIVERED' : dead ? 'DEAD' : 'PENDING',
      ...(response ? { lastStatus: response.status } : {}),
      ...(error ? { lastError: error.slice(0, ERROR_MAX_CHARS) } : {}),
      ...(ok ? { deliveredAt: at.toISOString() } : {}),
    };
    // The acknowledgement: a conditional write, so two workers racing on one delivery record one outcome.
    if (!(await store.recordDeliveryAttempt(next, delivery.attempts))) return { kind: 'skipped' };
    if (dead) {
      logger.warn('webhook delivery dead-lettered', {
        webhookId: webhook.id,
        eventId: job.eventId,
        attempts: attempt,
        error,
      });
      await store.markWebhookFailing(webhook.id, at.toISOString());
      return { kind: 'dead', attempt, error: error! };
    }
    if (ok) {
      if (webhook.status === 'FAILING') {
        const { failingSince: _, ...healthy } = webhook;
        await store.putWebhook({ ...healthy, status: 'ACTIVE' });
      }
      return { kind: 'delivered', attempt };
    }
    return { kind: 'retry', attempt, error: error! };
  }

  return { deliver };
}

export type Deliverer = ReturnType<typeof createDeliverer>;
