// Deleting a report: of concurrent deletes of one id exactly one succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.rt.close());

const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } } }';

describe('deleteReport', () => {
  it('of four concurrent deletes of one report, exactly one succeeds; the others get NOT_FOUND; counters drop by one', async () => {
    const first = await api.gql(INGEST, {
      input: { source: 'Tarn Valley News', text: 'The Tarn Valley bridge was closed for repairs on Tuesday.' },
    });
    await api.gql(INGEST, {
      input: { source: 'Tarn Valley News', text: 'The Tarn Valley market moved to the square on Saturday.' },
    });
    const id = first.data!.ingestReport.report.id;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.gql('mutation($id: ID!) { deleteReport(id: $id) { deletedReportId } }', { id }),
      ),
    );
    expect(results.filter((r) => r.data?.deleteReport?.deletedReportId === id)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'NOT_FOUND')).toHaveLength(3);
    const { stats, sources } = (await api.gql('{ stats { reports sources } sources { name reportCount } }')).data!;
    expect(stats).toEqual({ reports: 1, sources: 1 });
    expect(sources).toEqual([{ name: 'Tarn Valley News', reportCount: 1 }]);
  });
});
