// Report and Source types with their queries and mutations.
import type { ReportRecord, SourceRecord } from '../../app/types.js';
import { requireReader, requireWriter } from '../auth.js';
import { builder } from '../builder.js';
import { connectionOf } from './common.js';

export const SourceRef = builder.objectRef<SourceRecord>('Source').implement({
  description: 'A publisher. One publisher counts as one source however many reports it has.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    reportCount: t.exposeInt('reportCount'),
  }),
});

export const ReportStatementRef = builder.objectRef<{ index: number; text: string }>('ReportStatement').implement({
  description: 'One sentence of a report as the engine read it; Evidence.statementIndex points here.',
  fields: (t) => ({
    index: t.exposeInt('index'),
    text: t.exposeString('text'),
  }),
});

export const ReportRef = builder.objectRef<ReportRecord>('Report').implement({
  description: 'An ingested news report.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    ingestedAt: t.expose('ingestedAt', { type: 'DateTime' }),
    analysisVersion: t.string({
      nullable: true,
      description:
        'the engine version whose analysis (statements, index terms, copy signature) this report is stored with; null: stored before versions. A re-index brings it up to the running engine.',
      resolve: (r) => r.analysisVersion ?? null,
    }),
    source: t.field({
      type: SourceRef,
      resolve: async (r, _, ctx) => {
        const stored = await ctx.loaders.source.load(r.sourceKey);
        // The report's own spelling of the publisher; the count and the registration are the source's.
        return { ...stored, key: r.sourceKey, name: r.source, reportCount: stored?.reportCount ?? 0 };
      },
    }),
    copyGroup: t.exposeString('copyGroup', {
      description: 'Reports in one copy group are one text (syndication, reprints) and count as one source.',
    }),
    statementCount: t.exposeInt('statementCount'),
    textLength: t.exposeInt('textLength'),
    contentHash: t.exposeString('contentHash'),
    statements: t.field({
      type: [ReportStatementRef],
      description: 'The statements (sentences) of the report in order, page boilerplate removed.',
      resolve: (r, _, ctx) => ctx.app.reportStatements(r),
    }),
    text: t.string({
      description: 'The report as the engine read it (page boilerplate removed), one statement per line.',
      resolve: async (r, _, ctx) => (await ctx.app.reportStatements(r)).map((s) => s.text).join('\n'),
    }),
  }),
});

const ReportConnection = connectionOf('Report', ReportRef);

builder.queryFields((t) => ({
  report: t.field({
    type: ReportRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, { id }, ctx) => {
      requireReader(ctx);
      return ctx.loaders.report.load(String(id));
    },
  }),
  reports: t.field({
    type: ReportConnection,
    description: 'Reports newest first, optionally of one source.',
    args: {
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
      source: t.arg.string({ required: false }),
    },
    resolve: (_, args, ctx) => {
      requireReader(ctx);
      return ctx.app.listReports(args);
    },
  }),
  sources: t.field({
    type: [SourceRef],
    resolve: (_, __, ctx) => {
      requireReader(ctx);
      return ctx.app.listSources();
    },
  }),
}));

const IngestReportInput = builder.inputType('IngestReportInput', {
  fields: (t) => ({
    source: t.string({ required: true, description: 'The publisher.' }),
    text: t.string({ required: true, description: 'The article text (page boilerplate is removed).' }),
    title: t.string({ required: false }),
    url: t.string({ required: false, description: 'http(s) URL; the same URL again is the same report.' }),
    publishedAt: t.string({ required: false, description: 'ISO date (YYYY-MM-DD) or date-time.' }),
  }),
});

const IngestReportPayload = builder
  .objectRef<{ report: ReportRecord; created: boolean; affectedClaims: number }>('IngestReportPayload')
  .implement({
    fields: (t) => ({
      report: t.field({ type: ReportRef, resolve: (p) => p.report }),
      created: t.exposeBoolean('created', { description: 'false when the same report was already stored' }),
      affectedClaims: t.exposeInt('affectedClaims', {
        description: 'claims re-checked (or queued) because of this report',
      }),
    }),
  });

const IngestReportsInput = builder.inputType('IngestReportsInput', {
  fields: (t) => ({ reports: t.field({ type: [IngestReportInput], required: true }) }),
});

const IngestReportsPayload = builder
  .objectRef<{ results: Array<{ report: ReportRecord; created: boolean; affectedClaims: number }> }>(
    'IngestReportsPayload',
  )
  .implement({
    fields: (t) => ({
      results: t.field({ type: [IngestReportPayload], resolve: (p) => p.results }),
      reports: t.field({ type: [ReportRef], resolve: (p) => p.results.map((r) => r.report) }),
    }),
  });

const DeleteReportPayload = builder
  .objectRef<{ report: ReportRecord; affectedClaims: number }>('DeleteReportPayload')
  .implement({
    fields: (t) => ({
      deletedReportId: t.id({ resolve: (p) => p.report.id }),
      report: t.field({ type: ReportRef, resolve: (p) => p.report }),
      affectedClaims: t.exposeInt('affectedClaims'),
    }),
  });

builder.mutationFields((t) => ({
  ingestReport: t.field({
    type: IngestReportPayload,
    args: { input: t.arg({ type: IngestReportInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      requireWriter(ctx);
      return ctx.app.ingestReport(input, ctx.caller);
    },
  }),
  ingestReports: t.field({
    type: IngestReportsPayload,
    args: { input: t.arg({ type: IngestReportsInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      requireWriter(ctx);
      return { results: await ctx.app.ingestReports(input.reports, ctx.caller) };
    },
  }),
  deleteReport: t.field({
    type: DeleteReportPayload,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_, { id }, ctx) => {
      requireWriter(ctx);
      return ctx.app.deleteReport(String(id), ctx.caller);
    },
  }),
}));
