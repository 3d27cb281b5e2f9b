// Texts inside the documented limits are stored or refused naming the field, and a
// failed ingest leaves nothing behind (no URL guard naming a report that never was).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../lib/app/apiKeys.js';
import { createApp } from '../../lib/app/index.js';
import { urlHashOf } from '../../lib/app/ingest.js';
import { createServer } from '../../lib/graphql/server.js';
import { createTestApi, type GraphQLResult } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.rt.close());

const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } created } }';
const BATCH =
  'mutation($input: IngestReportsInput!) { ingestReports(input: $input) { results { created report { id } } } }';
const STATS = '{ stats { reports } }';

const numbersLine = Array.from({ length: 7_000 }, (_, i) => String((i * 7919) % 100_000))
  .join(' ')
  .slice(0, 29_000);
// 199,000 characters of numbers in one sentence: its analysis takes over 400 KB even compressed.
const unstorableLine = Array.from({ length: 60_000 }, (_, i) => String((i * 7919) % 100_000))
  .join(' ')
  .slice(0, 199_000);
const CASES: Array<[string, string]> = [
  [
    'a 2,100-character word',
    `The Sallowby lighthouse was repainted red in June 2024. The painters left ${'q'.repeat(2_100)} scrawled on a crate.`,
  ],
  ['a 199,999-character word', 'y'.repeat(199_999)],
  ['199,000 CJK characters without punctuation', '\u706f'.repeat(199_000)],
  ['a 29 KB line of numbers', numbersLine],
];

const expectStoredOrRefused = (result: GraphQLResult, field: string, stored: () => boolean) => {
  const error = result.errors?.[0];
  if (error) {
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(field);
  } else {
    expect(stored()).toBe(true);
  }
};

describe('ingest within the limits', () => {
  it.each(CASES)('stores or refuses %s with BAD_USER_INPUT naming input.text', async (name, text) => {
    const before = (await api.gql(STATS)).data!.stats.reports;
    const result = await api.gql(INGEST, {
      input: { source: 'Probe Gazette', url: `https://probe.example/${encodeURIComponent(name)}`, text },
    });
    expectStoredOrRefused(result, 'input.text', () => result.data!.ingestReport.created === true);
    const after = (await api.gql(STATS)).data!.stats.reports;
    expect(after).toBe(before + (result.errors ? 0 : 1));
  });

  it('keeps a report whose only oddity is one over-long word, and finds it by its other words', async () => {
    const text = `The Orrin Bay ferry pier was rebuilt in oak in 2023. Visitors carved ${'z'.repeat(3_000)} into one post.`;
    const result = await api.gql(INGEST, { input: { source: 'Bay Courier', text } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.ingestReport.created).toBe(true);
    const claim = await api.gql(
      'mutation { submitClaim(input: { text: "The Orrin Bay ferry pier was rebuilt in oak in 2023." }) { claim { verdict supportCount } } }',
    );
    expect(claim.data!.submitClaim.claim).toMatchObject({ verdict: 'SINGLE_SOURCE', supportCount: 1 });
  });

  it('refuses an unstorable report in a batch by its index, writing none of the batch', async () => {
    const before = (await api.gql(STATS)).data!.stats.reports;
    const result = await api.gql(BATCH, {
      input: {
        reports: [
          { source: 'Batch Post', text: 'The Hollin canal lock reopened on Friday after repairs.' },
          { source: 'Batch Post', text: unstorableLine },
        ],
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reports[1].text' });
    expect((await api.gql(STATS)).data!.stats.reports).toBe(before);
  });
});

describe('a failed ingest leaves nothing behind', () => {
  const ingestThreeTimes = async (url: string, outlet: string) => {
    const out: Array<{ id: string; created: boolean; ms: number }> = [];
    for (const [i, text] of [
      'The Mirebrook mill reopened in May.',
      'The Mirebrook mill reopened in May, the owners said.',
      'Mirebrook mill: open again since May.',
    ].entries()) {
      const t0 = Date.now();
      const r = await api.gql(INGEST, { input: { source: `${outlet} ${i}`, url, text } });
      expect(r.errors).toBeUndefined();
      out.push({ id: r.data!.ingestReport.report.id, created: r.data!.ingestReport.created, ms: Date.now() - t0 });
    }
    return out;
  };

  it('releases the URL guard of an ingest that failed half-way: one URL names one report', async () => {
    const url = 'https://mill.example/reopened';
    const failing = Object.create(api.rt.store) as typeof api.rt.store;
    failing.putReportIndex = async () => {
      throw Object.assign(new Error('connection reset'), { name: 'TimeoutError' });
    };
    const broken = createServer({
      app: createApp({ store: failing }),
      config: api.rt.config,
      authenticate: createAuthenticator({ config: api.rt.config, store: api.rt.store }),
    });
    const response = await broken.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: INGEST,
        variables: { input: { source: 'Mill Weekly', url, text: 'The Mirebrook mill reopened in April.' } },
      }),
    });
    expect((await response.json()).errors).toHaveLength(1);
    expect(await api.rt.store.readReportGuard({ kind: 'url', urlHash: urlHashOf(url)! })).toBeUndefined();

    const runs = await ingestThreeTimes(url, 'Mill Weekly');
    expect(runs.map((r) => r.created)).toEqual([true, false, false]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(1);
    expect(Math.max(...runs.map((r) => r.ms))).toBeLessThan(3_000);
  });

  it('takes over a URL guard left by a crashed writer, once, instead of storing a report per retry', async () => {
    const url = 'https://mill.example/crashed';
    await api.rt.store.claimReportGuard({ kind: 'url', urlHash: urlHashOf(url)! }, 'rep_crashedwriter');
    const runs = await ingestThreeTimes(url, 'Mill Monthly');
    expect(runs.map((r) => r.created)).toEqual([true, false, false]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(1);
    // Only the first waits (for the crashed writer that never finishes); the others find the report at once.
    expect(runs[1]!.ms + runs[2]!.ms).toBeLessThan(3_000);
  });
});
