// Re-index (admin): bring stored reports and claims up to the running engine's analysis version, and
// follow its progress. The work runs on the re-index queue (SQS and its worker on AWS), not in the request.
import { reindexProgress, type ReindexProgress } from '../../app/reindex.js';
import type { ReindexRun } from '../../app/types.js';
import { requireAdmin } from '../auth.js';
import { builder } from '../builder.js';

const ReindexPhaseEnum = builder.enumType('ReindexPhase', {
  description: 'Reports are re-analysed first, then claims are re-analysed and re-checked.',
  values: { REPORTS: { value: 'reports' }, CLAIMS: { value: 'claims' }, DONE: { value: 'done' } } as const,
});

const ReindexCountsRef = builder.objectRef<ReindexProgress>('ReindexCounts').implement({
  fields: (t) => ({
    total: t.exposeInt('total', {
      description: 'items to handle: what the scan listed, or the count at the start while it is still listing',
    }),
    done: t.exposeInt('done', { description: 're-analysed, found current already, or gone' }),
    failed: t.exposeInt('failed', {
      description: 'refused by the new engine (no sentences left, too large): left as they were',
    }),
  }),
});

const ReindexStatusRef = builder.objectRef<ReindexRun>('ReindexStatus').implement({
  description: 'A re-index to one engine version: reports first, then claims. Starting it again resumes it.',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'the engine version it brings data to' }),
    phase: t.field({ type: ReindexPhaseEnum, resolve: (r) => r.phase }),
    total: t.int({ description: 'reports and claims to handle', resolve: (r) => reindexProgress(r).total }),
    done: t.int({ resolve: (r) => reindexProgress(r).done }),
    failed: t.int({ resolve: (r) => reindexProgress(r).failed }),
    reports: t.field({ type: ReindexCountsRef, resolve: (r) => reindexProgress(r).reports }),
    claims: t.field({ type: ReindexCountsRef, resolve: (r) => reindexProgress(r).claims }),
    started: t.expose('startedAt', { type: 'DateTime' }),
    finished: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('reindexStatus', (t) =>
  t.field({
    type: ReindexStatusRef,
    nullable: true,
    description: "The re-index to the running engine's version (admin); null when none was started.",
    resolve: (_, __, ctx) => {
      requireAdmin(ctx);
      return ctx.app.reindexStatus();
    },
  }),
);

builder.mutationField('reindex', (t) =>
  t.field({
    type: ReindexStatusRef,
    description:
      'Admin: re-analyse every report and claim stored by another engine version, then re-check every claim. Runs in the background; starting it again resumes it (or, once done, returns it).',
    resolve: (_, __, ctx) => {
      requireAdmin(ctx);
      return ctx.app.startReindex();
    },
  }),
);
