// node(id): ids carry their type in the prefix (clm_, rep_), so one lookup suffices.
import { requireReader } from '../auth.js';
import { builder } from '../builder.js';
import { ClaimRef } from './claim.js';
import { ReportRef } from './report.js';

const NodeRef = builder.unionType('Node', {
  types: [ClaimRef, ReportRef],
  resolveType: (value) => ('verdict' in (value as object) ? ClaimRef : ReportRef),
});

builder.queryField('node', (t) =>
  t.field({
    type: NodeRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_, { id }, ctx) => {
      requireReader(ctx);
      const key = String(id);
      if (key.startsWith('clm_')) return ctx.loaders.claim.load(key);
      if (key.startsWith('rep_')) return ctx.loaders.report.load(key);
      return null;
    },
  }),
);
