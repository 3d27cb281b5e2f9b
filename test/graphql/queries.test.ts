// Reads that must agree with the data: a report's source counts, search with a verdict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.rt.close());

const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } } }';
const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id verdict } } }';

describe('report.source', () => {
  it('carries the source report count, as sources does', async () => {
    const ids: string[] = [];
    for (const text of [
      'The Larkspur library extended its opening hours.',
      'The Larkspur library bought 400 new books.',
      'The Larkspur library hired a new archivist.',
    ]) {
      ids.push((await api.gql(INGEST, { input: { source: 'Larkspur Ledger', text } })).data!.ingestReport.report.id);
    }
    const report = (
      await api.gql('query($id: ID!) { report(id: $id) { source { name reportCount } } }', { id: ids[0] })
    ).data!.report;
    const listed = (await api.gql('{ sources { name reportCount } }')).data!.sources.find(
      (s: { name: string }) => s.name === 'Larkspur Ledger',
    );
    expect(report.source).toEqual({ name: 'Larkspur Ledger', reportCount: 3 });
    expect(listed.reportCount).toBe(3);
    const page = (await api.gql('{ reports(first: 3) { nodes { source { reportCount } } } }')).data!.reports.nodes;
    expect(page.map((n: { source: { reportCount: number } }) => n.source.reportCount)).toEqual([3, 3, 3]);
  });
});

describe('claims(search, verdict)', () => {
  it('filters by verdict before slicing a page', async () => {
    const dams = ['Ashcombe', 'Bellridge', 'Corvin', 'Dunmere', 'Elstow'];
    for (const [i, dam] of dams.entries()) {
      await api.gql(INGEST, {
        input: {
          source: `Reservoir News ${i}`,
          text: `The ${dam} dam holds 90 million cubic metres of water, engineers said.`,
        },
      });
      await api.gql(SUBMIT, { text: `The ${dam} dam holds 40 million cubic metres of water.` });
    }
    for (const dam of ['Fenby', 'Gorsley', 'Hatherop', 'Ilmer', 'Jevington'])
      await api.gql(SUBMIT, { text: `The ${dam} dam opened a visitor centre.` });
    const disputed = (await api.gql('{ claims(verdict: DISPUTED, first: 100) { nodes { text } } }')).data!.claims.nodes;
    expect(disputed.filter((n: { text: string }) => n.text.includes(' dam '))).toHaveLength(5);

    const page1 = (
      await api.gql(
        '{ claims(search: "dam", verdict: DISPUTED, first: 3) { nodes { verdict } pageInfo { hasNextPage endCursor } } }',
      )
    ).data!.claims;
    expect(page1.nodes).toHaveLength(3);
    expect(page1.nodes.every((n: { verdict: string }) => n.verdict === 'DISPUTED')).toBe(true);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await api.gql(
        'query($after: String) { claims(search: "dam", verdict: DISPUTED, first: 3, after: $after) { nodes { verdict } pageInfo { hasNextPage } } }',
        { after: page1.pageInfo.endCursor },
      )
    ).data!.claims;
    expect(page2.nodes).toHaveLength(2);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });
});
