// The reindex mutation and reindexStatus query (admin), over the local server's in-process queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/app/index.js';
import { createTestApi } from '../support/graphql.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;
const ADMIN = 'admin-secret';
let api: Api;
beforeAll(async () => {
  api = await createTestApi({ API_KEYS: ADMIN });
});
afterAll(async () => api.rt.close());

const STATUS = `version phase total done failed reports { total done failed } claims { total done failed } started finished`;

describe('reindex', () => {
  it('needs an admin key', async () => {
    const out = await api.gql(`mutation { reindex { version } }`);
    expect(out.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('brings reports stored by an older engine to this one and reports progress until DONE', async () => {
    // Stored by "an older engine": the same code under another version name.
    const older = createApp({ store: api.rt.store, analysisVersion: 'older-engine' });
    const { report } = await older.ingestReport({
      source: 'Marsh Gazette',
      text: 'The Marsh Lane footbridge reopened on Thursday after a two-month repair, the county said.',
    });
    await older.submitClaim({ text: 'The Marsh Lane footbridge reopened on Thursday.' });
    const REPORT = `query($id: ID!) { report(id: $id) { analysisVersion } }`;
    expect((await api.gql(REPORT, { id: report.id }, ADMIN)).data!.report.analysisVersion).toBe('older-engine');
    expect((await api.gql(`{ reindexStatus { phase } }`, {}, ADMIN)).data!.reindexStatus).toBeNull();

    const started = await api.gql(`mutation { reindex { ${STATUS} } }`, {}, ADMIN);
    expect(started.errors).toBeUndefined();
    expect(started.data!.reindex).toMatchObject({ version: api.rt.app.analysisVersion, phase: 'REPORTS', total: 2 });
    await api.rt.localReindex!.idle();

    const status = (await api.gql(`{ reindexStatus { ${STATUS} } }`, {}, ADMIN)).data!.reindexStatus;
    expect(status).toMatchObject({
      phase: 'DONE',
      total: 2,
      done: 2,
      failed: 0,
      reports: { total: 1, done: 1, failed: 0 },
      claims: { total: 1, done: 1, failed: 0 },
    });
    expect(status.finished).not.toBeNull();
    expect((await api.gql(REPORT, { id: report.id }, ADMIN)).data!.report.analysisVersion).toBe(
      api.rt.app.analysisVersion,
    );
    // Once done, the mutation returns the finished run and queues nothing.
    const again = (await api.gql(`mutation { reindex { phase done } }`, {}, ADMIN)).data!.reindex;
    expect(again).toEqual({ phase: 'DONE', done: 2 });
  });
});
