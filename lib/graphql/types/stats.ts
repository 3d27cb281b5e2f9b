import type { Stats } from '../../app/types.js';
import { requireReader } from '../auth.js';
import { builder } from '../builder.js';

const VerdictCountsRef = builder.objectRef<Stats['byVerdict']>('VerdictCounts').implement({
  fields: (t) => ({
    CORROBORATED: t.exposeInt('CORROBORATED'),
    DISPUTED: t.exposeInt('DISPUTED'),
    SINGLE_SOURCE: t.exposeInt('SINGLE_SOURCE'),
    UNVERIFIED: t.exposeInt('UNVERIFIED'),
  }),
});

const StatsRef = builder.objectRef<Stats>('Stats').implement({
  fields: (t) => ({
    claims: t.exposeInt('claims'),
    reports: t.exposeInt('reports'),
    sources: t.exposeInt('sources'),
    byVerdict: t.field({ type: VerdictCountsRef, resolve: (s) => s.byVerdict }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: StatsRef,
    resolve: (_, __, ctx) => {
      requireReader(ctx);
      return ctx.app.stats();
    },
  }),
);
