// The source registry: what a Source shows of its registration, the `source` query, the admin
// mutations that register, change and retire sources, and whether a report counts (vetted).
import type { SourceRecord } from '../../app/types.js';
import { isRegistered } from '../../app/sources.js';
import { sourceKeyOf } from '../../app/validate.js';
import { requireAdmin, requireReader } from '../auth.js';
import { builder } from '../builder.js';
import { ReportRef, SourceRef } from './report.js';

builder.objectFields(SourceRef, (t) => ({
  registered: t.boolean({
    description: 'registered by an operator and not retired: under the registered-sources policy only these count',
    resolve: (s) => isRegistered(s),
  }),
  domains: t.stringList({
    description: 'hosts its reports come from (subdomains included)',
    resolve: (s) => s.domains ?? [],
  }),
  group: t.string({
    nullable: true,
    description: 'owner group: outlets of one group count as one independent source',
    resolve: (s) => s.group ?? null,
  }),
  registeredAt: t.expose('registeredAt', { type: 'DateTime', nullable: true }),
  retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true }),
}));

builder.objectField(ReportRef, 'vetted', (t) =>
  t.boolean({
    description:
      "counts toward verdicts under the deployment's source policy (always under `open`; under `registered` only from a registered source's domains)",
    resolve: async (r, _, ctx) => ctx.app.isVetted(r, await ctx.loaders.source.load(r.sourceKey)),
  }),
);

const RegisterSourceInput = builder.inputType('RegisterSourceInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'The publisher name reports give as their source.' }),
    domains: t.stringList({
      required: true,
      description: 'Domains its reports come from, e.g. ["bayledger.example"]; subdomains are included.',
    }),
    group: t.string({
      required: false,
      description: 'The owner: outlets of one group count as one independent source. Defaults to the name.',
    }),
  }),
});

const UpdateSourceInput = builder.inputType('UpdateSourceInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'The registered source to change.' }),
    domains: t.stringList({ required: false, description: 'Replaces its domains.' }),
    group: t.string({ required: false, description: 'Moves it to another owner group.' }),
  }),
});

const RetireSourceInput = builder.inputType('RetireSourceInput', {
  fields: (t) => ({ name: t.string({ required: true }) }),
});

const SourcePayload = builder.objectRef<{ source: SourceRecord }>('SourcePayload').implement({
  fields: (t) => ({ source: t.field({ type: SourceRef, resolve: (p) => p.source }) }),
});

builder.queryField('source', (t) =>
  t.field({
    type: SourceRef,
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_, { name }, ctx) => {
      requireReader(ctx);
      return ctx.loaders.source.load(sourceKeyOf(name));
    },
  }),
);

builder.mutationFields((t) => ({
  registerSource: t.field({
    type: SourcePayload,
    description:
      'Admin: register a publisher with its domains and owner group. Claims its reports touch are re-checked.',
    args: { input: t.arg({ type: RegisterSourceInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      requireAdmin(ctx);
      return { source: await ctx.app.registerSource(input) };
    },
  }),
  updateSource: t.field({
    type: SourcePayload,
    description: "Admin: change a registered source's domains or owner group.",
    args: { input: t.arg({ type: UpdateSourceInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      requireAdmin(ctx);
      return { source: await ctx.app.updateSource(input) };
    },
  }),
  retireSource: t.field({
    type: SourcePayload,
    description: 'Admin: retire a registered source; its reports no longer count under the registered-sources policy.',
    args: { input: t.arg({ type: RetireSourceInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      requireAdmin(ctx);
      return { source: await ctx.app.retireSource(input) };
    },
  }),
}));
