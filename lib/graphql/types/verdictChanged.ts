// The verdictChanged subscription (GraphQL over SSE, served by Yoga) and its event type.
// Fed in-process (Runtime.live): a local or self-hosted server holds the streams. On Lambda
// behind an HTTP API a request cannot outlive its response, so there the subscription answers
// UNAVAILABLE and clients use webhooks, or poll claims(changedSince:) (docs/webhooks.md).
import { filter, pipe } from 'graphql-yoga';
import type { VerdictEvent } from '../../app/types.js';
import { requireReader } from '../auth.js';
import { builder } from '../builder.js';
import { userError } from '../errors.js';
import { ClaimRef } from './claim.js';
import { VerdictEnum, VerdictRuleEnum } from './common.js';

export const VerdictChangedEventRef = builder.objectRef<VerdictEvent>('VerdictChangedEvent').implement({
  description: "One change of a claim's verdict, as stored with the change (the same event webhooks deliver).",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'the event id (webhook deliveries carry it as `id`)' }),
    claimId: t.exposeID('claimId'),
    seq: t.exposeInt('seq', { description: "1, 2, ... per claim: the order of the claim's changes" }),
    at: t.expose('at', { type: 'DateTime' }),
    previousVerdict: t.field({ type: VerdictEnum, resolve: (e) => e.previousVerdict }),
    verdict: t.field({ type: VerdictEnum, resolve: (e) => e.verdict }),
    confidence: t.exposeFloat('confidence'),
    rule: t.field({ type: VerdictRuleEnum, resolve: (e) => e.rule }),
    reportId: t.exposeID('reportId', {
      nullable: true,
      description: 'the report whose arrival or removal caused the change; null for a submit or a manual re-check',
    }),
    // Read fresh, not through the loader: a subscription's context (and its loader cache) lives as long as the stream.
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      description: 'the claim as it is now',
      resolve: (e, _, ctx) => ctx.app.getClaim(e.claimId),
    }),
  }),
});

builder.subscriptionField('verdictChanged', (t) =>
  t.field({
    type: VerdictChangedEventRef,
    description:
      "A claim's verdict changed: of one claim (claimId), to one verdict (verdict), or any. Served over SSE by local and self-hosted servers; on AWS use webhooks or poll claims(changedSince:).",
    args: {
      claimId: t.arg.id({ required: false }),
      verdict: t.arg({ type: VerdictEnum, required: false }),
    },
    subscribe: (_, args, ctx) => {
      requireReader(ctx);
      if (!ctx.live) {
        throw userError(
          'UNAVAILABLE',
          'Subscriptions are not served on this deployment (a Lambda behind an HTTP API cannot hold a stream); use webhooks, or poll claims(changedSince: <your last poll>).',
        );
      }
      const claimId = args.claimId === null || args.claimId === undefined ? undefined : String(args.claimId);
      return pipe(
        ctx.live.subscribe('verdictChanged'),
        filter(
          (e: VerdictEvent) =>
            (claimId === undefined || e.claimId === claimId) && (!args.verdict || e.verdict === args.verdict),
        ),
      );
    },
    resolve: (e) => e,
  }),
);
