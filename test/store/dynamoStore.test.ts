// The real DynamoStore against the embedded store (or DynamoDB Local).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeeder } from '../../lib/bench/seed.js';
import type { Runtime } from '../../lib/runtime.js';
import type { DynamoStore } from '../../lib/store/dynamoStore.js';
import { createTestRuntime } from '../support/runtime.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await createTestRuntime();
});
afterAll(async () => rt.close());

const report = (i: number, source = 'Lakeside Daily') => ({
  source,
  text: `Lakeside story number ${i}: the harbour authority reported ${i * 10} ferry crossings on the northern route this week. Officials expect more traffic soon.`,
  publishedAt: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
});

describe('DynamoStore', () => {
  it('pages reports newest first with opaque cursors, and by source', async () => {
    for (let i = 0; i < 5; i++) await rt.app.ingestReport(report(i, i % 2 ? 'Odd Times' : 'Even Post'));
    const first = await rt.app.listReports({ first: 2 });
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await rt.app.listReports({ first: 2, after: first.pageInfo.endCursor });
    const ids = new Set([...first.edges, ...second.edges].map((e) => e.node.id));
    expect(ids.size).toBe(4);
    const odd = await rt.app.listReports({ first: 10, source: 'odd times' });
    expect(odd.edges.map((e) => e.node.source)).toEqual(['Odd Times', 'Odd Times']);
    const sources = await rt.app.listSources();
    expect(sources.map((s) => s.name).sort()).toEqual(['Even Post', 'Odd Times']);
  });

  it('refuses a malformed cursor with a clear error', async () => {
    await expect(rt.app.listReports({ first: 2, after: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('stores ten concurrent identical ingests once and returns one id to all', async () => {
    const input = report(42, 'Concurrent Courier');
    const results = await Promise.all(Array.from({ length: 10 }, () => rt.app.ingestReport(input)));
    expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const listed = await rt.app.listReports({ first: 100, source: 'Concurrent Courier' });
    expect(listed.edges).toHaveLength(1);
  });

  it('treats the same URL as the same report', async () => {
    const a = await rt.app.ingestReport({ ...report(7, 'Url Herald'), url: 'https://url-herald.example/a' });
    const b = await rt.app.ingestReport({ ...report(8, 'Url Herald'), url: 'https://url-herald.example/a' });
    expect(b.report.id).toBe(a.report.id);
    expect(b.created).toBe(false);
  });

  it('writes a verdict only on the expected version', async () => {
    const { claim } = await rt.app.submitClaim({ text: 'The harbour authority reported 420 ferry crossings.' });
    const ok = await rt.store.saveVerdict({ ...claim, version: claim.version + 1 }, claim.version, [], undefined);
    expect(ok).toBe(true);
    const stale = await rt.store.saveVerdict(
      { ...claim, version: claim.version + 1, verdict: 'DISPUTED' },
      claim.version,
      [],
      undefined,
    );
    expect(stale).toBe(false);
    expect((await rt.app.getClaim(claim.id))!.version).toBe(claim.version + 1);
  });

  it('deletes a report with its postings so it no longer counts', async () => {
    const { report: r } = await rt.app.ingestReport(report(99, 'Delete Daily'));
    await rt.app.deleteReport(r.id);
    expect(await rt.app.getReport(r.id)).toBeNull();
    expect(await rt.store.postings('ferri', 500)).not.toContainEqual(expect.objectContaining({ reportId: r.id }));
    await expect(rt.app.deleteReport(r.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds copy-band members in the hashed index, and those of the item-per-member and string-set layouts before it', async () => {
    const store = rt.store as DynamoStore;
    await store.batchWrite([
      { PutRequest: { Item: { PK: 'BAND#t:1', SK: 'REPORTS', ids: new Set(['rep_old']) } } },
      { PutRequest: { Item: { PK: 'BAND#t:2', SK: 'R#rep_mid' } } },
    ]);
    await store.putReportIndex('rep_new', {
      text: 'A band test.',
      statements: [],
      postings: [],
      bands: ['t:1', 't:2'],
    });
    expect((await store.bandMembers(['t:1', 't:2'])).sort()).toEqual(['rep_mid', 'rep_new', 'rep_old']);
    expect(await store.bandMembers(['t:1'], 1)).toEqual(['rep_new']);
    expect(await store.mergeTermIndex(false)).toBeGreaterThan(0);
    expect((await store.bandMembers(['t:1', 't:2'])).sort()).toEqual(['rep_mid', 'rep_new', 'rep_old']);
  });

  it('bulk-loads reports as ingest would store them: listed, counted, copies grouped, repeats refused', async () => {
    const seeder = createSeeder(rt.store);
    const text =
      'The Seedville harbour authority reported 120 ferry crossings on the northern route this week. Officials expect more traffic soon and plan new berths.';
    const loaded = await seeder.seed([
      { source: 'Seed Daily', text, url: 'https://seed.example/a' },
      { source: 'Seed Wire', text: `${text}\nDistributed by partner wire.` },
      { source: 'Seed Daily', text, url: 'https://seed.example/a' },
    ]);
    expect(loaded).toBe(2);
    const listed = (await rt.app.listReports({ first: 100 })).edges
      .map((e) => e.node)
      .filter((r) => r.source.startsWith('Seed '));
    expect(listed).toHaveLength(2);
    expect(new Set(listed.map((r) => r.copyGroup)).size).toBe(1);
    const again = await rt.app.ingestReport({ source: 'Seed Daily', text, url: 'https://seed.example/a' });
    expect(again.created).toBe(false);
    const { claim } = await rt.app.submitClaim({
      text: 'The Seedville harbour authority reported 120 ferry crossings.',
    });
    expect(claim.supportCount).toBe(2);
    expect(claim.independentSources).toBe(1);
  });
});
