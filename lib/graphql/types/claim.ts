// Claim, Evidence and verdict history, with the claim queries and mutations.
import { claimReviewOf } from '../../app/claimReview.js';
import type { ClaimRecord, EvidenceRecord, VerdictChange } from '../../app/types.js';
import type { SlotComparison } from '../../domain/types.js';
import { requireReader, requireWriter } from '../auth.js';
import { builder } from '../builder.js';
import { connectionOf, StanceEnum, VerdictEnum, VerdictRuleEnum } from './common.js';
import { badInput } from '../../errors.js';
import { ReportRef, ReportStatementRef } from './report.js';

const SlotComparisonRef = builder.objectRef<SlotComparison>('SlotComparison').implement({
  description: 'A checkable detail (quantity, date, name, polarity, direction) as the claim and the report state it.',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    claim: t.exposeString('claim'),
    report: t.exposeString('report'),
  }),
});

// Declared before Evidence, which points back at its claim.
export const ClaimRef = builder.objectRef<ClaimRecord>('Claim');

export const EvidenceRef = builder.objectRef<EvidenceRecord>('Evidence').implement({
  description: "One report's strongest statement about the claim.",
  fields: (t) => ({
    stance: t.field({ type: StanceEnum, resolve: (e) => e.stance }),
    sentence: t.exposeString('sentence'),
    score: t.exposeFloat('score', { description: 'topic overlap with the claim, 0..1' }),
    reason: t.exposeString('reason'),
    rule: t.exposeString('rule', {
      description: 'id of the evidence rule that decided the stance (see docs/engine.md)',
    }),
    probability: t.exposeFloat('probability', {
      description: "the stance model's calibrated probability of this stance, 0..1",
    }),
    signals: t.exposeStringList('signals', { description: 'the strongest signals behind the stance, in words' }),
    copyGroup: t.exposeString('copyGroup'),
    vetted: t.exposeBoolean('vetted', {
      description:
        "counted toward the verdict: false for a report of an unregistered source (or not from a registered source's domains) under the registered-sources policy",
    }),
    statementIndex: t.exposeInt('statementIndex', {
      description: "position of `sentence` among the report's statements (Report.statements)",
    }),
    context: t.field({
      type: [ReportStatementRef],
      description:
        'The deciding sentence with up to `radius` (0..5, default 1) statements of the report either side of it.',
      args: { radius: t.arg.int({ required: false, defaultValue: 1 }) },
      resolve: async (e, { radius }, ctx) => {
        const r = radius ?? 1;
        if (!Number.isInteger(r) || r < 0 || r > 5) throw badInput('radius', 'must be an integer in 0..5');
        const report = await ctx.loaders.report.load(e.reportId);
        if (!report) return [];
        return ctx.app.reportStatements(report, { from: e.statementIndex - r, to: e.statementIndex + r });
      },
    }),
    claim: t.field({
      type: ClaimRef,
      nullable: true,
      description: 'the claim this evidence bears on',
      resolve: (e, _, ctx) => ctx.loaders.claim.load(e.claimId),
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

// Report.evidence lives here, beside Evidence, because report.ts cannot import this file (Evidence
// already points at Report).
builder.objectField(ReportRef, 'evidence', (t) =>
  t.field({
    type: [EvidenceRef],
    description: 'What this report does for each claim whose current verdict cites it (at most 50 claims looked at).',
    resolve: (r, _, ctx) => ctx.app.reportEvidence(r),
  }),
);

const VerdictChangeRef = builder.objectRef<VerdictChange>('VerdictChange').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    verdict: t.field({ type: VerdictEnum, resolve: (h) => h.verdict }),
    confidence: t.exposeFloat('confidence'),
    rule: t.field({ type: VerdictRuleEnum, resolve: (h) => h.rule }),
  }),
});

const EvidenceConnection = connectionOf('Evidence', EvidenceRef);

ClaimRef.implement({
  description: 'A factual sentence and how the ingested reports agree with it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text'),
    verdict: t.field({ type: VerdictEnum, resolve: (c) => c.verdict }),
    confidence: t.exposeFloat('confidence', {
      description:
        'The probability (0.01-0.99) that the verdict is right, from the calibrated confidence model (docs/engine.md#confidence)',
    }),
    rule: t.field({ type: VerdictRuleEnum, resolve: (c) => c.rule }),
    explanation: t.exposeString('explanation'),
    supportCount: t.exposeInt('supportCount'),
    contradictCount: t.exposeInt('contradictCount'),
    mentionCount: t.exposeInt('mentionCount'),
    independentSources: t.exposeInt('independentSources'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    analysisVersion: t.string({
      nullable: true,
      description: 'the engine version that analysed the claim text; null: stored before versions',
      resolve: (c) => c.analysisVersion ?? null,
    }),
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
        return claimReviewOf(
          c,
          reports.flatMap((r) => (r?.url ? [r.url] : [])),
        );
      },
    }),
  }),
});

const ClaimConnection = connectionOf('Claim', ClaimRef);

const ClaimOrderEnum = builder.enumType('ClaimOrder', {
  description: 'Order of a claims listing.',
  values: {
    NEWEST: { description: 'newest submitted first' },
    RECENTLY_CHANGED: { description: 'most recently changed verdict (or evidence) first' },
  } as const,
});

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
    description:
      'Claims, optionally of one verdict or matching every word of `search`; newest first unless `orderBy` says otherwise (with a verdict and no `orderBy`, or with `changedSince`: most recently changed first).',
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      verdict: t.arg({ type: VerdictEnum, required: false }),
      search: t.arg.string({ required: false }),
      orderBy: t.arg({ type: ClaimOrderEnum, required: false }),
      changedSince: t.arg({
        type: 'DateTime',
        required: false,
        description:
          'only claims whose verdict (or evidence) changed at or after this time, most recently changed first: poll with the time of your last poll minus a minute, and dedupe',
      }),
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
