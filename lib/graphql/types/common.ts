// Shared GraphQL pieces: enums from the domain's lists, scalars, Relay page info
// and a connection factory (Relay-style cursors on every list).
import type { ObjectRef } from '@pothos/core';
import { GraphQLError, Kind } from 'graphql';
import { STANCES, VERDICTS } from '../../domain/types.js';
import type { Page } from '../../app/types.js';
import { builder, type Types } from '../builder.js';

export const VerdictEnum = builder.enumType('Verdict', {
  description: 'How the ingested reports agree with a claim.',
  values: VERDICTS,
});

export const StanceEnum = builder.enumType('Stance', {
  description: 'What one report does with a claim.',
  values: STANCES,
});

export const VerdictRuleEnum = builder.enumType('VerdictRule', {
  description: 'Which verdict rule fired.',
  values: [
    'CONTRADICTED',
    'TWO_OR_MORE_INDEPENDENT_SOURCES',
    'ONE_INDEPENDENT_SOURCE',
    'NO_SUPPORTING_OR_CONTRADICTING_REPORT',
  ] as const,
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON (used for schema.org JSON-LD).',
  serialize: (v) => v,
  parseValue: (v) => v,
});

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date or date-time string.',
  serialize: (v) => v,
  parseValue: (v) => {
    if (typeof v !== 'string') throw new GraphQLError('DateTime must be a string');
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return ast.value;
  },
});

export const PageInfoRef = builder.objectRef<Page<unknown>['pageInfo']>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.boolean({ resolve: () => false }),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

export function connectionOf<T>(name: string, node: ObjectRef<Types, T, T>): ObjectRef<Types, Page<T>, Page<T>> {
  const edge = builder.objectRef<Page<T>['edges'][number]>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      // Generic T defeats Pothos' resolver-result inference; the edge node is exactly T.
      node: t.field({ type: node, resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({ type: [edge], resolve: (p) => p.edges }),
      nodes: t.field({ type: [node], resolve: (p) => p.edges.map((e) => e.node) }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (p) => p.pageInfo }),
    }),
  });
}
