// Query-shape limits: every refusal has its own code and names the limit and its value.
// The documentation's examples run within them in test/docs/examples.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../lib/graphql/server.js';
import { createTestApi } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.rt.close());

const field = (n: number, f: (k: number) => string) => Array.from({ length: n }, (_, k) => f(k)).join(' ');

describe('query limits', () => {
  it.each([
    ['400 aliases of __typename', `{ ${field(400, (k) => `a${k}: __typename`)} }`, 'TOO_MANY_ALIASES', 'maxAliases'],
    ['30 aliased stats', `{ ${field(30, (k) => `a${k}: stats { claims }`)} }`, 'TOO_MANY_ALIASES', 'maxAliases'],
    ['2,100 tokens', `{ stats { ${'claims '.repeat(2_100)} } }`, 'QUERY_TOO_LONG', 'maxTokens'],
    [
      '100 claims x 100 evidence items',
      '{ claims(first: 100) { nodes { evidence(first: 100) { nodes { sentence stance report { title url } } } } } }',
      'QUERY_TOO_COMPLEX',
      'maxCost',
    ],
    [
      '21 directives',
      `{ stats { ${'claims @include(if: true) '.repeat(21)} } }`,
      'TOO_MANY_DIRECTIVES',
      'maxDirectives',
    ],
  ])('refuses %s with its own code, naming the limit and its value', async (_, query, code, limit) => {
    const result = await api.gql(query);
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({ code, limit, max: QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS] });
    expect(error?.message).toContain(limit);
    expect(error?.message).toContain(String(QUERY_LIMITS[limit as keyof typeof QUERY_LIMITS]));
    expect(error?.message).not.toMatch(/syntax error/i);
  });

  it('weighs a page by its size: first: 100 of the dashboard read is refused, first: 10 runs', async () => {
    const read = (n: number) =>
      `{ claims(first: ${n}) { nodes { text evidence(first: 5) { nodes { sentence matched { kind } report { title source { name } } } } verdictHistory { verdict } } } }`;
    expect((await api.gql(read(10))).errors).toBeUndefined();
    expect((await api.gql(read(100))).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
