// Claim, Evidence and verdict history, with the claim queries and mutations.
import { claimReviewOf } from '../../app/claimReview.js';
import type { ClaimRecord, EvidenceRecord, VerdictChange } from '../../app/types.js';
import type { SlotComparison } from '../../domain/types.js';
import { requireReader, requireWriter } from '../auth.js';
import { builder } from '../builder.js';
import { connectionOf, StanceEnum, VerdictEnum, VerdictRuleEnum } from './common.js';
import { ReportRef } from './report.js';

const SlotComparisonRef = builder.objectRef<SlotComparison>('SlotComparison').implement({
  description: 'A checkable detail (quantity, date, name, polarity) as the claim and the report state it.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    claim: t.exposeString('claim'),
    report: t.exposeString('report'),
  }),
});

const EvidenceRef = builder.objectRef<EvidenceRecord>('Evidence').implement({
  description: "One report's strongest statement about the claim.",
  fields: (t) => ({
    stance: t.field({ type: StanceEnum, resolve: (e) => e.stance }),
    sentence: t.exposeString('sentence'),
    score: t.exposeFloat('score', { description: 'topic overlap with the claim, 0..1' }),
    reason: t.exposeString('reason'),
    copyGroup: t.exposeString('copyGroup'),
    vetted: t.exposeBoolean('vetted', {
      description: "counted toward the verdict: false for a report of an unregistered source (or not from a registered source's domains) under the registered-sources policy",
    }),
    report: t.field({
      type: ReportRef,
      nullable: true,
      resolve: (e, _, ctx) => ctx.loaders.report.load(e.reportId),
    }),
    matched: t.field({ type: [SlotComparisonRef], resolve: (e) => e.matched }),
    conflicting: t.field({ type: [SlotComparisonRef], resolve: (e) => e.conflicting }),
  }),
});

const VerdictChangeRef = builder.objectRef<VerdictChange>('VerdictChange').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    verdict: t.field({ type: VerdictEnum, resolve: (h) => h.verdict }),
    confidence: t.exposeFloat('confidence'),
    rule: t.field({ type: VerdictRuleEnum, resolve: (h) => h.rule }),
  }),
});

const EvidenceConnection = connectionOf('Evidence', EvidenceRef);

export const ClaimRef = builder.objectRef<ClaimRecord>('Claim').implement({
  description: 'A factual sentence and how the ingested reports agree with it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text'),
    verdict: t.field({ type: VerdictEnum, resolve: (c) => c.verdict }),
    confidence: t.exposeFloat('confidence', { description: '0..1; higher bands are more often right (see README)' }),
    rule: t.field({ type: VerdictRuleEnum, resolve: (c) => c.rule }),
    explanation: t.exposeString('explanation'),
    supportCount: t.exposeInt('supportCount'),
    contradictCount: t.exposeInt('contradictCount'),
    mentionCount: t.exposeInt('mentionCount'),
    independentSources: t.exposeInt('independentSources'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    evidence: t.field({
      type: EvidenceConnection,
      args: {
        first: t.arg.int({ required: false }),
        after: t.arg.string({ required: false }),
        stance: t.arg({ type: StanceEnum, required: false }),
      },
      resolve: (c, args, ctx) => ctx.app.listEvidence(c.id, args, c),
    }),
    verdictHistory: t.field({ type: [VerdictChangeRef], resolve: (c, _, ctx) => ctx.app.verdictHistory(c.id) }),
    claimReview: t.field({
      type: 'JSON',
      description: 'schema.org ClaimReview JSON-LD',
      resolve: async (c, _, ctx) => {
        const page = await ctx.app.listEvidence(c.id, { first: 10, stance: 'SUPPORTS' }, c);
        const reports = await Promise.all(page.edges.map((e) => ctx.loaders.report.load(e.node.reportId)));
        return claimReviewOf(c, reports.flatMap((r) => (r?.url ? [r.url] : [])));
      },
    }),
  }),
});

const ClaimConnection = connectionOf('Claim', ClaimRef);

builder.queryFields((t) => ({
  claim: t.field({
    type: ClaimRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, { id }, ctx) => {
      requireReader(ctx);
      return ctx.loaders.claim.load(String(id));
    },
  }),
  claims: t.field({
    type: ClaimConnection,
    description: 'Claims newest first; by verdict, most recently changed first; or matching every word of `search`.',
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      verdict: t.arg({ type: VerdictEnum, required: false }),
      search: t.arg.string({ required: false }),
    },
    resolve: (_, args, ctx) => {
      requireReader(ctx);
      return ctx.app.listClaims(args);
    },
  }),
}));

const SubmitClaimInput = builder.inputType('SubmitClaimInput', {
  fields: (t) => ({ text: t.string({ required: true, description: 'One factual sentence.' }) }),
});

const SubmitClaimPayload = builder.objectRef<{ claim: ClaimRecord; created: boolean }>('SubmitClaimPayload').implement({
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, nullable: true, resolve: (p) => p.claim }),
    created: t.exposeBoolean('created', { description: 'false when the same normalised text was submitted before' }),
  }),
});

const RecheckClaimPayload = builder.objectRef<{ claim: ClaimRecord }>('RecheckClaimPayload').implement({
  fields: (t) => ({ claim: t.field({ type: ClaimRef, nullable: true, resolve: (p) => p.claim }) }),
});

builder.mutationFields((t) => ({
  submitClaim: t.field({
    type: SubmitClaimPayload,
    args: { input: t.arg({ type: SubmitClaimInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      requireWriter(ctx);
      return ctx.app.submitClaim(input);
    },
  }),
  recheckClaim: t.field({
    type: RecheckClaimPayload,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_, { id }, ctx) => {
      requireWriter(ctx);
      return { claim: await ctx.app.recheckClaim(String(id)) };
    },
  }),
}));
