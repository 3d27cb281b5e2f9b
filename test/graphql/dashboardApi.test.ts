// What the dashboard reads beyond the basics: claims ordered by newest or most recently changed (with
// and without a verdict, paged), a report's text and statements, and the claims it bears on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/graphql.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;
let api: Api;
const ids: Record<string, string> = {};
const pause = () => new Promise((r) => setTimeout(r, 15));

const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id verdict } } }';
const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } affectedClaims } }';
const LIST = `query($first: Int, $after: String, $verdict: Verdict, $orderBy: ClaimOrder, $search: String) {
  claims(first: $first, after: $after, verdict: $verdict, orderBy: $orderBy, search: $search) { nodes { id verdict } pageInfo { hasNextPage endCursor } } }`;

async function all(variables: Record<string, unknown>): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
      await api.gql(LIST, { ...variables, first: 1, after })
    ).data!.claims;
    out.push(...page.nodes.map((n: { id: string }) => n.id));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  api = await createTestApi();
  for (const [name, text] of [
    ['bridge', 'The Orlen footbridge reopened to walkers in March 2024.'],
    ['market', 'The Selwick night market will move to the harbour in June.'],
    ['orchard', 'Volunteers planted 400 apple trees in the Dunmore orchard.'],
  ] as const) {
    ids[name] = (await api.gql(SUBMIT, { text })).data!.submitClaim.claim.id;
    await pause();
  }
  // Changes the oldest claim's verdict last, so "most recently changed" and "newest" disagree.
  ids.report = (
    await api.gql(INGEST, {
      input: {
        source: 'Orlen Courier',
        url: 'https://courier.example/footbridge',
        publishedAt: '2024-03-20',
        text: 'Menu | News | Sport\nThe Orlen footbridge reopened to walkers in March 2024 after a winter of repairs.\nThe council paid for new railings.\nShare this story',
      },
    })
  ).data!.ingestReport.report.id;
});
afterAll(async () => api.rt.close());

describe('claims(orderBy:)', () => {
  it('pages newest first and most recently changed first, each claim once', async () => {
    expect(await all({ orderBy: 'NEWEST' })).toEqual([ids.orchard, ids.market, ids.bridge]);
    expect(await all({})).toEqual([ids.orchard, ids.market, ids.bridge]);
    expect(await all({ orderBy: 'RECENTLY_CHANGED' })).toEqual([ids.bridge, ids.orchard, ids.market]);
  });

  it('orders within one verdict both ways', async () => {
    expect(await all({ verdict: 'UNVERIFIED', orderBy: 'NEWEST' })).toEqual([ids.orchard, ids.market]);
    expect(await all({ verdict: 'UNVERIFIED', orderBy: 'RECENTLY_CHANGED' })).toEqual([ids.orchard, ids.market]);
    expect(await all({ verdict: 'UNVERIFIED' })).toEqual([ids.orchard, ids.market]);
    expect(await all({ verdict: 'SINGLE_SOURCE', orderBy: 'NEWEST' })).toEqual([ids.bridge]);
  });

  it('orders search results too', async () => {
    const search = 'reopened footbridge';
    expect(
      (await api.gql(LIST, { search, orderBy: 'RECENTLY_CHANGED' })).data!.claims.nodes.map(
        (n: { id: string }) => n.id,
      ),
    ).toEqual([ids.bridge]);
  });

  it('refuses a cursor of another listing with a typed error naming `after`', async () => {
    const newest = (await api.gql(LIST, { first: 1, orderBy: 'NEWEST' })).data!.claims.pageInfo.endCursor;
    const res = await api.gql(LIST, { first: 1, orderBy: 'RECENTLY_CHANGED', after: newest });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('Report text, statements and evidence', () => {
  it('gives the cleaned text, its statements, and the claims it bears on with the deciding sentence', async () => {
    const res = await api.gql(
      `query($id: ID!) { report(id: $id) { text statementCount statements { index text }
      evidence { stance sentence statementIndex claim { id verdict } } } }`,
      { id: ids.report },
    );
    const report = res.data!.report;
    expect(report.statements).toHaveLength(report.statementCount);
    expect(report.statements.map((s: { index: number }) => s.index)).toEqual([...report.statements.keys()]);
    expect(report.text).toContain('The council paid for new railings.');
    expect(report.text).not.toContain('Share this story');
    expect(report.evidence).toHaveLength(1);
    const [evidence] = report.evidence;
    expect(evidence).toMatchObject({ stance: 'SUPPORTS', claim: { id: ids.bridge, verdict: 'SINGLE_SOURCE' } });
    expect(report.statements[evidence.statementIndex].text).toBe(evidence.sentence);
  });

  it("gives the deciding sentence in its report's context, and refuses a radius out of range", async () => {
    const q = `query($id: ID!, $radius: Int) { claim(id: $id) { evidence { nodes { sentence statementIndex context(radius: $radius) { index text } } } } }`;
    const [evidence] = (await api.gql(q, { id: ids.bridge, radius: 1 })).data!.claim.evidence.nodes;
    const at = evidence.statementIndex as number;
    expect(evidence.context.map((s: { index: number }) => s.index)).toEqual([at - 1, at, at + 1].filter((i) => i >= 0));
    expect(evidence.context.find((s: { index: number }) => s.index === at).text).toBe(evidence.sentence);
    expect(evidence.context.at(-1).text).toBe('The council paid for new railings.');
    const bad = await api.gql(q, { id: ids.bridge, radius: 9 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'radius' });
  });
});
