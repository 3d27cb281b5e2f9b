// Webhooks (admin): registration, removal, and each endpoint's recent deliveries.
import type { DeliveryRecord, WebhookRecord } from '../../app/types.js';
import { requireAdmin } from '../auth.js';
import { builder } from '../builder.js';
import { VerdictEnum } from './common.js';

const WebhookStatusEnum = builder.enumType('WebhookStatus', {
  values: {
    ACTIVE: { description: 'deliveries are going through' },
    FAILING: {
      description: 'a delivery was dead-lettered after every attempt failed; the next success makes it ACTIVE again',
    },
  } as const,
});

const DeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  values: {
    PENDING: { description: 'not yet answered with 2xx; retried with backoff' },
    DELIVERED: { description: 'answered with 2xx' },
    DEAD: { description: 'every attempt failed; dead-lettered' },
  } as const,
});

const DeliveryRef = builder.objectRef<DeliveryRecord>('WebhookDelivery').implement({
  description: 'One verdict change sent (or being sent) to one endpoint.',
  fields: (t) => ({
    eventId: t.exposeID('eventId'),
    claimId: t.exposeID('claimId'),
    status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastAttemptAt: t.expose('lastAttemptAt', { type: 'DateTime', nullable: true }),
    lastStatus: t.exposeInt('lastStatus', { nullable: true, description: 'HTTP status of the last answer' }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'why the last failed attempt failed' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
  }),
});

const WebhookRef = builder.objectRef<WebhookRecord>('Webhook').implement({
  description: 'An endpoint that receives signed claim.verdictChanged POSTs.',
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    verdicts: t.field({
      type: [VerdictEnum],
      description: 'only changes to these verdicts; empty = all',
      resolve: (w) => w.verdicts,
    }),
    claimIds: t.exposeIDList('claimIds', { description: 'only these claims; empty = all' }),
    status: t.field({ type: WebhookStatusEnum, resolve: (w) => w.status }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    failingSince: t.expose('failingSince', { type: 'DateTime', nullable: true }),
    deliveries: t.field({
      type: [DeliveryRef],
      description: 'the most recent deliveries, newest first (default 10)',
      args: { first: t.arg.int({ required: false }) },
      resolve: (w, { first }, ctx) => ctx.app.listDeliveries(w.id, first),
    }),
  }),
});

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  fields: (t) => ({
    url: t.string({
      required: true,
      description: 'https URL (http only to loopback on local servers); private and metadata addresses are refused',
    }),
    verdicts: t.field({
      type: [VerdictEnum],
      required: false,
      description: 'only changes to these verdicts; empty or unset = all',
    }),
    claimIds: t.idList({ required: false, description: 'only these claims; empty or unset = all' }),
  }),
});

const CreateWebhookPayload = builder
  .objectRef<{ webhook: WebhookRecord; secret: string }>('CreateWebhookPayload')
  .implement({
    fields: (t) => ({
      webhook: t.field({ type: WebhookRef, resolve: (p) => p.webhook }),
      secret: t.exposeString('secret', {
        description: 'the signing secret: shown only here, keep it; it verifies X-Factcheck-Signature',
      }),
    }),
  });

const DeleteWebhookPayload = builder.objectRef<{ webhook: WebhookRecord }>('DeleteWebhookPayload').implement({
  fields: (t) => ({ webhook: t.field({ type: WebhookRef, resolve: (p) => p.webhook }) }),
});

builder.queryField('webhooks', (t) =>
  t.field({
    type: [WebhookRef],
    description: 'Admin: the registered webhooks, oldest first.',
    resolve: (_, __, ctx) => {
      requireAdmin(ctx);
      return ctx.app.listWebhooks();
    },
  }),
);

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: CreateWebhookPayload,
    description: 'Admin: register an endpoint for signed claim.verdictChanged deliveries.',
    args: { input: t.arg({ type: CreateWebhookInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      requireAdmin(ctx);
      return ctx.app.createWebhook({
        url: input.url,
        verdicts: input.verdicts ?? null,
        claimIds: input.claimIds?.map(String) ?? null,
      });
    },
  }),
  deleteWebhook: t.field({
    type: DeleteWebhookPayload,
    description: 'Admin: remove an endpoint and its delivery records; queued deliveries to it are dropped.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_, { id }, ctx) => {
      requireAdmin(ctx);
      return { webhook: await ctx.app.deleteWebhook(String(id)) };
    },
  }),
}));
