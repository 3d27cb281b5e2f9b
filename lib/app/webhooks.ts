// Webhook registrations (admin): an endpoint URL, what it wants (verdicts, claims), and its
// signing secret, shown once at creation and stored sealed.
import type { Clock, IdGen, Store } from './ports.js';
import { VERDICTS, type Verdict } from '../domain/types.js';
import { badInput, notFound } from '../errors.js';
import { checkOutboundUrl, type OutboundPolicy } from '../webhooks/outbound.js';
import type { SecretBox } from '../webhooks/secretBox.js';
import { newWebhookSecret } from '../webhooks/signature.js';
import { LIMITS } from './limits.js';
import type { CreateWebhookInput, DeliveryRecord, WebhookRecord } from './types.js';
import { pageSize, requiredText, validId } from './validate.js';

export function createWebhooks(deps: {
  store: Store;
  clock: Clock;
  ids: IdGen;
  secrets: SecretBox;
  policy: OutboundPolicy;
}) {
  const { store, clock, ids } = deps;

  async function createWebhook(input: CreateWebhookInput): Promise<{ webhook: WebhookRecord; secret: string }> {
    const url = requiredText('input.url', input?.url, LIMITS.urlMaxChars);
    const checked = checkOutboundUrl(url, deps.policy);
    if ('reason' in checked) throw badInput('input.url', checked.reason);
    const verdicts = [...new Set(input.verdicts ?? [])];
    verdicts.forEach((v, i) => {
      if (!(VERDICTS as readonly string[]).includes(v))
        throw badInput(`input.verdicts[${i}]`, `must be one of ${VERDICTS.join(', ')}`);
    });
    const claimIds = [...new Set((input.claimIds ?? []).map((id, i) => validId(`input.claimIds[${i}]`, id)))];
    if (claimIds.length > LIMITS.webhookClaimIdsMax)
      throw badInput('input.claimIds', `holds ${claimIds.length} claims; the limit is ${LIMITS.webhookClaimIdsMax}`);
    const found = await store.getClaims(claimIds);
    const missing = found.indexOf(null);
    if (missing >= 0) throw notFound(`input.claimIds[${missing}]`, 'claim', claimIds[missing]!);
    const existing = await store.listWebhooks();
    if (existing.length >= LIMITS.webhooksMax)
      throw badInput('input', `this deployment already has ${existing.length} webhooks, the limit; delete one first`);
    const secret = newWebhookSecret();
    const webhook: WebhookRecord = {
      id: ids.newId('whk'),
      url: checked.url.href,
      verdicts: verdicts as Verdict[],
      claimIds,
      sealedSecret: deps.secrets.seal(secret),
      status: 'ACTIVE',
      createdAt: clock.now().toISOString(),
    };
    await store.putWebhook(webhook);
    return { webhook, secret };
  }

  async function deleteWebhook(id: string): Promise<WebhookRecord> {
    const webhookId = validId('id', id);
    const webhook = await store.getWebhook(webhookId);
    if (!webhook || !(await store.deleteWebhook(webhookId))) throw notFound('id', 'webhook', webhookId);
    return webhook;
  }

  const listWebhooks = (): Promise<WebhookRecord[]> => store.listWebhooks();

  const listDeliveries = (webhookId: string, first?: number | null): Promise<DeliveryRecord[]> =>
    store.listDeliveries(webhookId, pageSize('first', first ?? 10));

  return { createWebhook, deleteWebhook, listWebhooks, listDeliveries };
}
