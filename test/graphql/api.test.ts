import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/app/apiKeys.js';
import { createServer } from '../../lib/graphql/server.js';
import { createTestApi, type GraphQLResult } from '../support/graphql.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;
let api: Api;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.rt.close());

const SUBMIT =
  'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id text verdict confidence supportCount contradictCount independentSources } } }';
const INGEST =
  'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id source { name } } created } }';
const CLAIM = `query($id: ID!) { claim(id: $id) { verdict independentSources claimReview
  evidence(first: 10) { edges { cursor node { stance sentence matched { kind claim report } conflicting { kind claim report } report { id title url publishedAt source { name } } } } pageInfo { hasNextPage endCursor } } } }`;

const errorOf = (r: GraphQLResult) => r.errors?.[0];

describe('GraphQL API', () => {
  it('follows the reports: UNVERIFIED, SINGLE_SOURCE, CORROBORATED, DISPUTED', async () => {
    const submitted = await api.gql(SUBMIT, { text: 'The Lakeside ferry carried 300 passengers on its first day.' });
    const id = submitted.data!.submitClaim.claim.id;
    expect(submitted.data!.submitClaim.claim.verdict).toBe('UNVERIFIED');
    const verdict = async () => (await api.gql(CLAIM, { id })).data!.claim.verdict;

    await api.gql(INGEST, {
      input: {
        source: 'Lakeside Daily',
        url: 'https://daily.example/ferry',
        publishedAt: '2025-06-02',
        text: 'The Lakeside ferry carried 300 passengers on its first day, the operator said.',
      },
    });
    expect(await verdict()).toBe('SINGLE_SOURCE');
    await api.gql(INGEST, {
      input: {
        source: 'Harbour Times',
        text: 'On its first day in service, 300 passengers rode the new Lakeside ferry.',
      },
    });
    expect(await verdict()).toBe('CORROBORATED');
    await api.gql(INGEST, {
      input: { source: 'Coast Post', text: 'The Lakeside ferry carried 900 passengers on its first day.' },
    });
    const claim = (await api.gql(CLAIM, { id })).data!.claim;
    expect(claim.verdict).toBe('DISPUTED');
    expect(claim.evidence.edges[0].node).toMatchObject({
      stance: 'CONTRADICTS',
      report: { source: { name: 'Coast Post' } },
    });
    expect(claim.evidence.edges.some((e: any) => e.node.report.url === 'https://daily.example/ferry')).toBe(true);
    expect(claim.claimReview).toMatchObject({ '@type': 'ClaimReview', reviewRating: { alternateName: 'DISPUTED' } });

    const again = await api.gql(SUBMIT, { text: 'The Lakeside ferry carried 300 passengers on its first day.' });
    expect(again.data!.submitClaim.claim.id).toBe(id);
  });

  it('lists claims by verdict and search, pages with cursors, and counts stats', async () => {
    const list = await api.gql(
      '{ claims(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } stats { claims reports byVerdict { DISPUTED } } sources { name } }',
    );
    expect(list.data!.claims.edges).toHaveLength(1);
    expect(list.data!.stats.byVerdict.DISPUTED).toBeGreaterThanOrEqual(1);
    const search = await api.gql('{ claims(search: "ferry passengers") { nodes { text } } }');
    expect(search.data!.claims.nodes[0].text).toContain('ferry');
    const byVerdict = await api.gql('{ claims(verdict: DISPUTED) { nodes { verdict } } }');
    expect(byVerdict.data!.claims.nodes.every((n: any) => n.verdict === 'DISPUTED')).toBe(true);
    const node = await api.gql(`{ node(id: "${list.data!.claims.edges[0].node.id}") { ... on Claim { text } } }`);
    expect(node.data!.node.text).toBeTruthy();
  });

  it.each([
    ['blank claim text', SUBMIT, { text: '  \u200b ' }, 'input.text'],
    ['too long claim text', SUBMIT, { text: 'a'.repeat(501) }, 'input.text'],
    [
      'bad date',
      INGEST,
      { input: { source: 'X', text: 'A sentence about the ferry.', publishedAt: '2025-13-40' } },
      'input.publishedAt',
    ],
    [
      'non-http URL',
      INGEST,
      { input: { source: 'X', text: 'A sentence about the ferry.', url: 'javascript:alert(1)' } },
      'input.url',
    ],
    ['page size 0', '{ claims(first: 0) { nodes { id } } }', {}, 'first'],
    ['page size 101', '{ reports(first: 101) { nodes { id } } }', {}, 'first'],
    ['malformed cursor', '{ claims(after: "zzz") { nodes { id } } }', {}, 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, query, variables, field) => {
    const before = (await api.gql('{ stats { claims reports } }')).data!.stats;
    const result = await api.gql(query, variables);
    expect(errorOf(result)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errorOf(result)?.message).toContain(field);
    expect((await api.gql('{ stats { claims reports } }')).data!.stats).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown report id on delete, and null for an unknown claim', async () => {
    expect(
      errorOf(await api.gql('mutation { deleteReport(id: "rep_nope") { deletedReportId } }'))?.extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await api.gql('{ claim(id: "clm_nope") { id } }')).data!.claim).toBeNull();
  });

  it('limits aliases and tokens, and masks unexpected errors', async () => {
    const aliases = Array.from({ length: 30 }, (_, k) => `a${k}: stats { claims }`).join(' ');
    expect(errorOf(await api.gql(`{ ${aliases} }`))?.message).toMatch(/alias/i);
    const manyTokens = `{ stats { ${'claims '.repeat(2_100)} } }`;
    expect(errorOf(await api.gql(manyTokens))?.message).toMatch(/token/i);
    const broken = Object.create(api.rt.app) as typeof api.rt.app;
    broken.stats = async () => {
      throw new Error('secret connection string leaked');
    };
    const yoga = createServer({ app: broken, config: api.rt.config, authenticate: async () => ({ role: 'admin' }) });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { claims } }' }),
    });
    const body = await response.json();
    expect(body.errors[0].message).not.toContain('secret');
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses an oversized body with HTTP 413', async () => {
    const response = await api.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) },
      body: JSON.stringify({ query: '{ stats { claims } }' }),
    });
    expect(response.status).toBe(413);
  });
});

describe('API keys', () => {
  it('needs a key for mutations when API_KEYS is set; a reader key is FORBIDDEN', async () => {
    const keyed = await createTestApi({ API_KEYS: 'local-secret', KEYS_IN_TABLE: 'true' });
    try {
      expect(errorOf(await keyed.gql(SUBMIT, { text: 'The tram opened in May.' }))?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(errorOf(await keyed.gql(SUBMIT, { text: 'The tram opened in May.' }, 'wrong'))?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(
        (await keyed.gql(SUBMIT, { text: 'The tram opened in May.' }, 'local-secret')).data?.submitClaim.claim.id,
      ).toBeTruthy();
      const { key } = await createApiKey(keyed.rt.store, 'reader');
      expect(errorOf(await keyed.gql(SUBMIT, { text: 'The tram opened in June.' }, key))?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await keyed.gql('{ stats { claims } }')).data!.stats.claims).toBe(1);
    } finally {
      await keyed.rt.close();
    }
  });
});

describe('schema', () => {
  it('matches schema/schema.graphql (run `npm run schema` after changing types)', async () => {
    const { readFileSync } = await import('node:fs');
    const { lexicographicSortSchema, printSchema } = await import('graphql');
    const { schema } = await import('../../lib/graphql/schema.js');
    expect(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8')).toBe(
      `${printSchema(lexicographicSortSchema(schema))}\n`,
    );
  });
});
