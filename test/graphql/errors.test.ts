// Errors that say what happened: ids that cannot be ours, cursors of another list,
// implausible dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
  for (const [source, text] of [
    ['Fallow Gazette', 'The Fallow Street bakery opened a second shop in March.'],
    ['Brook Times', 'The Fallow Street bakery opened a second shop in March, its owner said.'],
  ]) {
    await api.gql('mutation($input: IngestReportInput!) { ingestReport(input: $input) { created } }', {
      input: { source, text },
    });
  }
  for (const text of [
    'The Fallow Street bakery opened a second shop in March.',
    'The Fallow Street bakery hired six bakers.',
  ]) {
    await api.gql('mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }', { text });
  }
});
afterAll(async () => api.rt.close());

const longId = (prefix: string) => `${prefix}${'x'.repeat(3_000)}`;

describe('over-long ids', () => {
  it.each([
    ['claim', 'query($id: ID!) { claim(id: $id) { id } }', 'clm_'],
    ['report', 'query($id: ID!) { report(id: $id) { id } }', 'rep_'],
    ['node', 'query($id: ID!) { node(id: $id) { ... on Claim { id } } }', 'clm_'],
    ['recheckClaim', 'mutation($id: ID!) { recheckClaim(id: $id) { claim { id } } }', 'clm_'],
    ['deleteReport', 'mutation($id: ID!) { deleteReport(id: $id) { deletedReportId } }', 'rep_'],
  ])('%s with a 3,000-character id answers BAD_USER_INPUT naming the id', async (_, query, prefix) => {
    const result = await api.gql(query, { id: longId(prefix) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(result.errors?.[0]?.message).toContain('id');
  });
});

describe('cursors', () => {
  const endCursor = async (query: string) => (await api.gql(query)).data!;
  it('are opaque: no table keys inside', async () => {
    const page = await endCursor('{ claims(first: 1) { pageInfo { endCursor } } }');
    const decoded = Buffer.from(page.claims.pageInfo.endCursor, 'base64url').toString('utf8');
    expect(decoded).not.toMatch(/"(PK|SK|GSI\dPK|GSI\dSK)"/);
  });

  it('of another list, or forged from raw keys, answer BAD_USER_INPUT naming after', async () => {
    const claimsCursor = (await endCursor('{ claims(first: 1) { pageInfo { endCursor } } }')).claims.pageInfo.endCursor;
    const reportsCursor = (await endCursor('{ reports(first: 1) { pageInfo { endCursor } } }')).reports.pageInfo
      .endCursor;
    const rawKey = Buffer.from(
      JSON.stringify({ PK: 'REPORT#rep_x', SK: 'REPORT', GSI2PK: 'REPORTS', GSI2SK: '2025#rep_x' }),
    ).toString('base64url');
    const claimId = (await endCursor('{ claims(first: 1) { nodes { id } } }')).claims.nodes[0].id;
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['query($after: String) { reports(after: $after) { nodes { id } } }', { after: claimsCursor }],
      [
        'query($after: String) { reports(source: "Fallow Gazette", after: $after) { nodes { id } } }',
        { after: reportsCursor },
      ],
      [
        'query($after: String) { claims(verdict: SINGLE_SOURCE, after: $after) { nodes { id } } }',
        { after: claimsCursor },
      ],
      ['query($after: String) { claims(after: $after) { nodes { id } } }', { after: reportsCursor }],
      ['query($after: String) { claims(after: $after) { nodes { id } } }', { after: rawKey }],
      [
        'query($id: ID!, $after: String) { claim(id: $id) { evidence(after: $after) { nodes { sentence } } } }',
        { id: claimId, after: claimsCursor },
      ],
    ];
    for (const [query, variables] of attempts) {
      const result = await api.gql(query, variables);
      expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('of the same list still page', async () => {
    const first = (await endCursor('{ reports(first: 1) { nodes { id } pageInfo { endCursor hasNextPage } } }'))
      .reports;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (
      await api.gql('query($after: String) { reports(first: 1, after: $after) { nodes { id } } }', {
        after: first.pageInfo.endCursor,
      })
    ).data!.reports;
    expect(next.nodes[0].id).not.toBe(first.nodes[0].id);
  });
});

describe('publishedAt', () => {
  it.each(['0000-01-01', '9999-12-31', '1850-06-01', '0001-01-01T00:00:00Z'])(
    '%s is refused, the error giving the plausible range',
    async (publishedAt) => {
      const result = await api.gql('mutation($input: IngestReportInput!) { ingestReport(input: $input) { created } }', {
        input: { source: 'Dated Post', publishedAt, text: 'The Fallow Street bakery sold its first loaf at dawn.' },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.publishedAt' });
      expect(result.errors?.[0]?.message).toMatch(/1900-01-01 to \d{4}-\d{2}-\d{2}/);
    },
  );

  it('accepts a date in the range', async () => {
    const result = await api.gql(
      'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { publishedAt } } }',
      {
        input: {
          source: 'Dated Post',
          publishedAt: '1969-07-21',
          text: 'The Fallow Street bakery baked a moon-shaped cake.',
        },
      },
    );
    expect(result.data!.ingestReport.report.publishedAt).toBe('1969-07-21');
  });
});
