// The hashed, merged, levelled term index: what readers find does not depend on whether a report is still
// in the recent items, merged into level 0 or compacted into the levels above; a merge or compaction stopped
// half-way is finished by the next; deletes and re-analyses leave nothing of the report behind in any level;
// slot items stay bounded.
import { DeleteCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../lib/app/types.js';
import type { Runtime } from '../../lib/runtime.js';
import * as codec from '../../lib/store/codec.js';
import type { DynamoStore } from '../../lib/store/dynamoStore.js';
import { keys } from '../../lib/store/keys.js';
import {
  compacted,
  FAN_IN as DEFAULT_FAN_IN,
  FAN_IN_ABOVE as DEFAULT_FAN_IN_ABOVE,
  growthOf,
  type IndexIo,
  KEEP_PER_TERM,
  Levels,
  madeAt,
  MERGE_AT,
  RECENT_SHARDS,
  slotItemsOf,
  TermIndex,
  termBucketOf,
} from '../../lib/store/termIndex.js';
import { growingTopGrowth, indexGrowth } from '../../lib/bench/indexGrowth.js';
import { createTestRuntime } from '../support/runtime.js';

let rt: Runtime;
let store: DynamoStore;
beforeEach(async () => {
  rt = await createTestRuntime();
  store = rt.store as DynamoStore;
});
afterEach(async () => rt.close());

type Item = Record<string, unknown>;
const doc = () => (store as unknown as { doc: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient }).doc;

async function scan(prefix: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await doc().send(
      new ScanCommand({ TableName: rt.config.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    out.push(...(page.Items ?? []).filter((i) => String(i.PK).startsWith(prefix)));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The store's own commands, for a TermIndex of the test's that fails where it is told to. */
function ioOf(s: DynamoStore): IndexIo {
  const inner = s as unknown as {
    send: IndexIo['send'];
    sendIf: IndexIo['sendIf'];
    queryPages: (input: object) => AsyncGenerator<{ Items?: Item[] }>;
    batchWrite: IndexIo['batchWrite'];
    batchGet: IndexIo['batchGet'];
  };
  return {
    table: rt.config.tableName,
    send: <T>(c: object) => inner.send.call(s, c) as Promise<T>,
    sendIf: (c) => inner.sendIf.call(s, c),
    queryAll: async (input) => {
      const out: Item[] = [];
      for await (const page of inner.queryPages.call(s, input)) out.push(...(page.Items ?? []));
      return out;
    },
    batchWrite: (r, n) => inner.batchWrite.call(s, r, n),
    batchGet: (k) => inner.batchGet.call(s, k),
  };
}

// Invented reports: each names its own harbour and shares the rest of its words with the others.
const harbours = ['Quenby', 'Ardle', 'Milport', 'Saltcombe', 'Fennick', 'Trowmouth', 'Ballowe', 'Kestrey'];
const reportOf = (i: number) => ({
  source: `Coast Outlet ${i % 3}`,
  text: `The ${harbours[i % harbours.length]} harbour board counted ${200 + i} trawlers in port on Tuesday. Its chair said the catch of herring had doubled since spring.`,
});
/** Every term of the reports, and one none of them holds. */
const termsOf = (reports: Array<{ terms: string[] }>) => [
  ...new Set(reports.flatMap((r) => r.terms)),
  'nothingmatches',
];
/** The term every report holds (the stem of "harbour"). */
let harbour = '';

/**
 * A re-analysis of `previous`: one term fewer (one the first report does not have, nor the harbour term) and a new
 * analysis version. Returns the dropped term and the re-analysed record.
 */
const oneTermFewer = (previous: ReportRecord, first: ReportRecord): { dropped: string; next: ReportRecord } => {
  const dropped = previous.terms.find((t) => t !== harbour && !first.terms.includes(t))!;
  return { dropped, next: { ...previous, terms: previous.terms.filter((t) => t !== dropped), analysisVersion: 'v2' } };
};

async function snapshot(reports: Array<{ terms: string[]; signature: { bands: string[] } }>) {
  harbour = reports[0]!.terms.find((t) => t.startsWith('harbo'))!;
  return {
    postings: await store.postingsOfTerms(termsOf(reports), 100),
    bands: await Promise.all(reports.map((r) => store.bandMembers(r.signature.bands))),
  };
}

describe('hashed term index', () => {
  it('reads the same postings and copy bands before and after a merge, and empties the recent items', async () => {
    const reports = [];
    for (let i = 0; i < 10; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    const before = await snapshot(reports);
    expect(before.postings[termsOf(reports).indexOf(harbour)]).toHaveLength(10);
    expect(before.postings.at(-1)).toEqual([]);
    expect((await scan('TNEW#')).length).toBe(10);

    expect(await store.mergeTermIndex(false)).toBe(10);
    expect(await scan('TNEW#')).toEqual([]);
    expect(await snapshot(reports)).toEqual(before);
    // One item per bucket the reports' terms and bands hash to, all in level 0's first slot.
    const buckets = await scan('TBUCKET#');
    expect(new Set(buckets.map((b) => `${String(b.PK).split('#')[1]} ${String(b.SK).split('#')[1]} ${b.g}`))).toEqual(
      new Set(['0 000 0']),
    );
    expect(await store.mergeTermIndex(false)).toBe(0);

    // Reports after the merge are found with those before it, in report-id order.
    const later = (await rt.app.ingestReport(reportOf(10))).report;
    const found = (await store.postings(harbour, 100)).map((p) => p.reportId);
    expect(found).toEqual([...reports.map((r) => r.id), later.id].sort());
    expect(await store.postings(harbour, 4)).toEqual((await store.postings(harbour, 100)).slice(0, 4));
  });

  it('merges only once MERGE_AT reports wait, when asked for a due merge', async () => {
    await rt.app.ingestReport(reportOf(0));
    await store.bandMembers(['none']);
    expect(await store.mergeTermIndex(true)).toBe(0);
    expect((await scan('TNEW#')).length).toBe(1);
    expect(MERGE_AT).toBeGreaterThan(1);
  });

  it('finishes a merge that stopped after writing its plan: same batch, nothing lost, nothing twice', async () => {
    const reports = [];
    for (let i = 0; i < 6; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    const before = await snapshot(reports);
    let writes = 0;
    const failing = new TermIndex({
      ...ioOf(store),
      batchWrite: async (requests, n) => {
        writes += 1;
        if (writes === 1) {
          // Part of the batch reaches the store, then the merge stops.
          await ioOf(store).batchWrite(requests.slice(0, 3), n);
          throw new Error('stopped');
        }
        return ioOf(store).batchWrite(requests, n);
      },
    });
    await expect(failing.merge(false)).rejects.toThrow('stopped');
    // Its lease holds: no other merge starts meanwhile.
    expect(await store.mergeTermIndex(false)).toBe(0);
    const lock = (
      await doc().send(
        new QueryCommand({
          TableName: rt.config.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.termIndexMerge().PK },
        }),
      )
    ).Items![0]!;
    expect(lock.ph).toBe('write');
    // The lease runs out (as after a crash): the next merge resumes the plan.
    await doc().send(
      new UpdateCommand({
        TableName: rt.config.tableName,
        Key: keys.termIndexMerge(),
        UpdateExpression: 'SET leaseUntil = :z',
        ExpressionAttributeValues: { ':z': 0 },
      }),
    );
    expect(await store.mergeTermIndex(false)).toBe(6);
    expect(await scan('TNEW#')).toEqual([]);
    // The state item counts the one merge and holds no plan and no lease.
    expect((await scan('TMERGE')).filter((i) => i.SK === 'MERGE')).toEqual([
      {
        ...keys.termIndexMerge(),
        m: 1,
        f: DEFAULT_FAN_IN,
        fs: [DEFAULT_FAN_IN, DEFAULT_FAN_IN_ABOVE, growthOf(DEFAULT_FAN_IN)],
      },
    ]);
    const slots = new Set((await scan('TBUCKET#')).map((b) => `${String(b.SK).split('#')[1]} ${b.g}`));
    expect([...slots]).toEqual(['000 0']);
    expect(await snapshot(reports)).toEqual(before);
  });

  it('takes a deleted report out of the merged buckets and the recent items', async () => {
    const reports: ReportRecord[] = [];
    for (let i = 0; i < 4; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    await store.mergeTermIndex(false);
    await snapshot(reports);
    const fresh = (await rt.app.ingestReport(reportOf(4))).report;
    for (const gone of [reports[1]!, fresh]) {
      await rt.app.deleteReport(gone.id);
      expect((await store.postings(harbour, 100)).map((p) => p.reportId)).not.toContain(gone.id);
      expect(await store.bandMembers(gone.signature.bands)).not.toContain(gone.id);
    }
    const named = [...(await scan('TBUCKET#')), ...(await scan('TNEW#'))].filter((i) => {
      const payload = codec.unpackJson<unknown>(i.d as Uint8Array);
      return JSON.stringify(payload).includes(reports[1]!.id) || String(i.SK).includes(fresh.id);
    });
    expect(named).toEqual([]);
    expect((await store.postings(harbour, 100)).map((p) => p.reportId)).toEqual(
      [reports[0]!, reports[2]!, reports[3]!].map((r) => r.id).sort(),
    );
  });

  it('re-indexes a merged report: its old postings leave the buckets, its new ones are found at once and after a merge', async () => {
    const reports: ReportRecord[] = [];
    for (let i = 0; i < 3; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    await store.mergeTermIndex(false);
    await snapshot(reports);
    const previous = reports[1]!;
    // The new analysis: one term fewer, and the harbour term found in the second sentence instead.
    const { dropped, next } = oneTermFewer(previous, reports[0]!);
    const before = (await store.postings(harbour, 100)).find((p) => p.reportId === previous.id)!;
    const postings = previous.terms
      .filter((t) => t !== dropped)
      .map((term) => ({ term, statements: term === harbour ? [1] : [0] }));
    const text = (await store.getReportText(previous.id))!;
    const statements = (await rt.app.reportStatements(previous)).map((s, index) => ({ ...s, index }));
    expect(before.statements).not.toEqual([1]);
    expect(
      await store.replaceReportIndex(previous, next, {
        text,
        statements: statements as never,
        postings,
        bands: next.signature.bands,
      }),
    ).toBe(true);
    const check = async () => {
      expect((await store.postings(dropped, 100)).map((p) => p.reportId)).not.toContain(previous.id);
      expect((await store.postings(harbour, 100)).find((p) => p.reportId === previous.id)!.statements).toEqual([1]);
      expect((await store.postings(harbour, 100)).map((p) => p.reportId)).toEqual(reports.map((r) => r.id).sort());
    };
    await check();
    expect(await store.mergeTermIndex(false)).toBe(1);
    await check();
  });

  it('keeps every bucket item bounded, whatever a batch holds', () => {
    // 1,000 invented reports of 150 terms each, ids as long as real ones; a third of each report's terms
    // fall in bucket 0, so that bucket's share of the batch is far over one part.
    const inBucket0 = Array.from({ length: 200_000 }, (_, n) => `w${n}`)
      .filter((t) => termBucketOf(t) === 0)
      .slice(0, 600);
    const reports = Array.from({ length: 1_000 }, (_, r) => ({
      reportId: `rep_${String(r).padStart(8, '0')}${(r * 7919).toString(36).padStart(12, 'x')}`,
      payload: {
        t: Array.from({ length: 150 }, (_, k): [string, string] => [
          k % 3 === 0 ? inBucket0[(r + k) % inBucket0.length]! : `v${r}-${k}`,
          `${k % 9},${(r + k) % 40}`,
        ]),
        b: [`${r % 16}:${r}`],
      },
    }));
    const items = slotItemsOf({ level: 0, buckets: 256, slot: 0, g: 0 }, reports);
    for (const i of items) expect((i.d as Uint8Array).byteLength).toBeLessThanOrEqual(64_000);
    let postings = 0;
    for (const i of items) {
      const p = codec.unpackJson<{ t: Record<string, unknown[]> }>(i.d as Uint8Array);
      for (const [term, list] of Object.entries(p.t)) {
        expect(String(i.PK)).toBe(keys.termBucketPartition(0, termBucketOf(term)));
        postings += list.length;
      }
    }
    expect(postings).toBe(1_000 * 150);
    expect(items.filter((i) => i.PK === keys.termBucketPartition(0, 0)).length).toBeGreaterThan(1);
    expect(RECENT_SHARDS).toBeGreaterThan(0);
  });
});

describe('levelled term index', () => {
  const FAN_IN = 2; // the smallest: level 0 has 2 slots, the levels above 4
  const FAN_IN_ABOVE = 4;
  const levels = new Levels(FAN_IN, FAN_IN_ABOVE, growthOf(FAN_IN));
  const useFanIn = async () => {
    await rt.close();
    rt = await createTestRuntime({ TERM_INDEX_FAN_IN: String(FAN_IN), TERM_INDEX_FAN_IN_ABOVE: String(FAN_IN_ABOVE) });
    store = rt.store as DynamoStore;
  };
  const mergeOne = () => new TermIndex(ioOf(store), 1, FAN_IN, FAN_IN_ABOVE).merge(false, { limit: 1 });
  const state = async () => (await scan('TMERGE')).find((i) => i.SK === keys.termIndexMerge().SK)!;
  /** Slot items a reader reads now (the others are stale: compacted, waiting to be overwritten). */
  const liveItems = async () => {
    const live = levels.live((await state()).m as number);
    return (await scan('TBUCKET#')).filter((i) => {
      const level = Number(String(i.PK).split('#')[1]);
      const at = live.find((l) => l.level === level);
      const slot = keys.slotOfKey(String(i.SK));
      return at !== undefined && slot < at.slots && i.g === at.base + slot;
    });
  };
  const holding = (items: Item[], reportId: string) =>
    items.filter((i) => JSON.stringify(codec.unpackJson<unknown>(i.d as Uint8Array)).includes(reportId));

  it('knows which slots are live from the number of merges', () => {
    expect(levels.live(0)).toEqual([{ level: 0, slots: 1, base: 0 }]);
    // After 5 merges level 0 holds write 4 in slot 0 (writes 2, 3 went to level 1 with 0, 1), and the
    // next merge writes slot 1 and compacts level 0 into level 1's slot 2.
    expect(levels.live(5)).toEqual([
      { level: 0, slots: 2, base: 4 },
      { level: 1, slots: 3, base: 0 },
    ]);
    expect(levels.compactionsAfter(5)).toEqual([0]);
    // The 8th merge fills level 0, which fills level 1, which starts level 2.
    expect(levels.compactionsAfter(7)).toEqual([0, 1]);
    expect(levels.live(8)).toEqual([
      { level: 0, slots: 1, base: 8 },
      { level: 2, slots: 1, base: 0 },
    ]);
    // Level 1 has growthOf(2) = 1 times level 0's buckets, level 2 four times level 1's.
    expect(levels.buckets(2)).toBe(256 * 1 * 4);
    expect(new Levels(32, 20, growthOf(32)).buckets(2)).toBe(256 * 16 * 20);
    expect(new Levels(8).buckets(2)).toBe(256 * 8 * 16); // the schedule before schedules were kept
  });

  it('keeps the schedule of a table from its first merge; a table merged before schedules were kept keeps its own', async () => {
    await useFanIn();
    for (let i = 0; i < 3; i++) await rt.app.ingestReport(reportOf(i));
    // An instance configured otherwise finds the table's schedule, from its first merge, and uses it.
    expect(await new TermIndex(ioOf(store), 1, FAN_IN, FAN_IN_ABOVE).merge(false, { limit: 1 })).toBe(1);
    expect((await state()).fs).toEqual([FAN_IN, FAN_IN_ABOVE, growthOf(FAN_IN)]);
    expect(await new TermIndex(ioOf(store), 1, 16, 32).merge(false, { limit: 1 })).toBe(1);
    expect(await state()).toMatchObject({ m: 2, f: FAN_IN, fs: [FAN_IN, FAN_IN_ABOVE, growthOf(FAN_IN)] });
    // Level 1 written by this schedule: its buckets are level 0's (growth 1), not 2 times.
    const level1 = await scan('TBUCKET#1#');
    expect(level1.length).toBeGreaterThan(0);
    for (const i of level1) expect(Number(String(i.PK).split('#')[2])).toBeLessThan(256);

    // A table merged before: `f` and `m` but no `fs`. It goes on with levels above of twice its fan-in.
    await rt.close();
    rt = await createTestRuntime();
    store = rt.store as DynamoStore;
    for (let i = 0; i < 3; i++) await rt.app.ingestReport(reportOf(i));
    await doc().send(
      new UpdateCommand({
        TableName: rt.config.tableName,
        Key: keys.termIndexMerge(),
        UpdateExpression: 'SET m = :m, f = :f',
        ExpressionAttributeValues: { ':m': 1, ':f': 2 },
      }),
    );
    expect(await new TermIndex(ioOf(store), 1, FAN_IN, FAN_IN_ABOVE).merge(false, { limit: 3 })).toBe(3);
    expect((await state()).fs).toEqual([2, 4, 2]);
    // Its second merge filled level 0: level 1 has 2 times level 0's buckets, as the table was written by.
    const legacy = new Levels(2);
    const terms = new Set(
      (await scan('TBUCKET#1#')).flatMap((i) => Object.keys(codec.unpackJson<{ t: object }>(i.d as Uint8Array).t)),
    );
    expect(terms.size).toBeGreaterThan(0);
    for (const i of await scan('TBUCKET#1#'))
      for (const term of Object.keys(codec.unpackJson<{ t: object }>(i.d as Uint8Array).t))
        expect(termBucketOf(term, legacy.buckets(1))).toBe(Number(String(i.PK).split('#')[2]));
  });

  it('compacts across levels and reads the same postings and bands after every merge as with none', async () => {
    await useFanIn();
    const reports: ReportRecord[] = [];
    for (let i = 0; i < 12; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    const before = await snapshot(reports);
    expect(before.postings[termsOf(reports).indexOf(harbour)]).toHaveLength(12);
    // Read after merges that start level 1 (2), fill it (8) and start level 2 (8), and in between.
    for (let m = 1; m <= 12; m++) {
      expect(await mergeOne()).toBe(1);
      if ([1, 2, 5, 8, 12].includes(m)) expect(await snapshot(reports)).toEqual(before);
    }
    expect(await scan('TNEW#')).toEqual([]);
    // 12 merges: level 1 has been written 6 times and level 2 once; a reader reads 3 levels.
    expect((await state()).m).toBe(12);
    expect(levels.live(12).map((l) => l.level)).toEqual([0, 1, 2]);
    expect((await scan('TBUCKET#2#')).length).toBeGreaterThan(0);
    // A level's items hold its buckets' terms only.
    for (const i of await scan('TBUCKET#')) {
      const [level, bucket] = String(i.PK).split('#').slice(1).map(Number);
      for (const term of Object.keys(codec.unpackJson<{ t: object }>(i.d as Uint8Array).t))
        expect(termBucketOf(term, levels.buckets(level!))).toBe(bucket);
    }
  });

  // Both shapes of schedule: level 0 narrower than the levels above (2, 4), and wider (4, 2: as the default, 64 and 40).
  it.each([
    [2, 4],
    [4, 2],
  ])(
    'grows as the growth model computes (level 0 with %i slots, %i above): each level written as often, holding as many reports, and read slot by slot',
    async (fanIn0, fanInAbove) => {
      const levels = new Levels(fanIn0, fanInAbove, growthOf(fanIn0));
      await useFanIn();
      const reports: ReportRecord[] = [];
      for (let i = 0; i < 9; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
      await snapshot(reports);
      // Slot items written, by level and write (`g`), with the reports they hold.
      const written = new Map<string, Set<string>>();
      const reads = new Map<number, number>();
      const io = ioOf(store);
      const watched: IndexIo = {
        ...io,
        batchWrite: async (requests, n) => {
          for (const r of requests) {
            const item = 'PutRequest' in r ? r.PutRequest.Item : undefined;
            if (!item || !String(item.PK).startsWith('TBUCKET#')) continue;
            const key = `${String(item.PK).split('#')[1]}|${item.g}`;
            const held = written.get(key) ?? new Set<string>();
            written.set(key, held);
            for (const list of Object.values(
              codec.unpackJson<{ t: Record<string, Array<[string]>> }>(item.d as Uint8Array).t,
            ))
              for (const [id] of list) held.add(id);
          }
          return io.batchWrite(requests, n);
        },
        queryAll: async (input) => {
          const items = await io.queryAll(input);
          const pk = String(input.ExpressionAttributeValues?.[':pk']);
          if (pk.startsWith('TBUCKET#'))
            reads.set(Number(pk.split('#')[1]), (reads.get(Number(pk.split('#')[1])) ?? 0) + items.length);
          return items;
        },
      };
      const index = new TermIndex(watched, 1, fanIn0, fanInAbove);
      for (let m = 1; m <= 9; m++) {
        expect(await index.merge(false, { limit: 1 })).toBe(1);
        // Reports a level has taken in so far: its writes times the reports of one write (the model's share).
        for (let level = 1; levels.writes(level, m) > 0; level++) {
          const into = [...written].filter(([k]) => k.startsWith(`${level}|`));
          expect(into).toHaveLength(levels.writes(level, m));
          expect(into.reduce((n, [, ids]) => n + ids.size, 0)).toBe(
            levels.writes(level, m) * levels.reportsPerWrite(level, 1),
          );
        }
        // A read of the term every report holds reads (and is billed for) one item per live slot of each level,
        // as the model counts: the slot the next merge writes too, once it holds an item (a stale one, skipped).
        reads.clear();
        await index.lookup([harbour], []);
        expect(Object.fromEntries(reads)).toEqual(
          Object.fromEntries(levels.live(m).map((l) => [l.level, Math.min(l.slots, levels.writes(l.level, m))])),
        );
      }
      expect((await state()).fs).toEqual(levels.schedule);
      // 9 merges reach level 2 with either shape (2 x 4 and 4 x 2 merges fill it).
      expect(levels.writes(2, 9)).toBe(1);
    },
  );

  it('computes the growth model on the level arithmetic', () => {
    // The model on one cost point (1 unit per report a compaction, 4 KB items: a read unit per slot).
    const flat = [{ reportsPerItem: 1, writeUnits: 1, itemKb: 4 }];
    const [at8] = indexGrowth(levels, [8], { mergeAt: 1, baseUnits: 20, density: flat, termBuckets: 1 });
    // 8 merges: level 1 written 4 times (2 reports each), level 2 once (8): 2 units a report on top of the base.
    expect(at8).toMatchObject({ reports: 8, levels: 2, writeUnits: 22, readUnits: 1 + 1 + 2 });
    expect(at8!.peakWriteUnits).toBe(22);
  });

  it('keeps the default schedule under 30 write units a report up to ten million reports, with reads bounded', () => {
    const sizes = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];
    const now = indexGrowth(new Levels(DEFAULT_FAN_IN, DEFAULT_FAN_IN_ABOVE, growthOf(DEFAULT_FAN_IN)), sizes);
    expect(now.at(-1)!.peakWriteUnits).toBeLessThanOrEqual(30);
    expect(now.at(-1)!.peakReadUnits).toBeLessThanOrEqual(350);
    // Three levels to ten million: the fourth is first written by merge 102,400 (64 x 40 x 40 merges of 100).
    const schedule = new Levels(DEFAULT_FAN_IN, DEFAULT_FAN_IN_ABOVE, growthOf(DEFAULT_FAN_IN));
    expect(now.at(-1)!.levels).toBe(3);
    expect([schedule.writes(3, 102_399), schedule.writes(3, 102_400)]).toEqual([0, 1]);
    // The schedules before passed 30 on the way: 8 slots, 16 above, buckets growing by the fan-in (by 12,800
    // reports), and 32 slots, 20 above (by 2 million, its level 3 beginning at 1.28 million).
    expect(indexGrowth(new Levels(8), sizes).at(-1)!.peakWriteUnits).toBeGreaterThan(30);
    const before = indexGrowth(new Levels(32, 20, growthOf(32)), [1_000_000, 2_000_000]);
    expect(before[0]!.peakWriteUnits).toBeLessThanOrEqual(30);
    expect(before[1]!.peakWriteUnits).toBeGreaterThan(30);
    // A top level never compacted, its slots over more buckets as it grows, keeps reads small but writes do not
    // stay under 30: its later slots hold few reports an item.
    const growingTop = growingTopGrowth(new Levels(32, 20, growthOf(32)), 2, sizes);
    expect(growingTop.at(-1)!.peakWriteUnits).toBeGreaterThan(30);
  });

  it('never gives evidence from a deleted report; compactions carry none of its postings, even of a delete that stopped half-way', async () => {
    await useFanIn();
    const reports: ReportRecord[] = [];
    for (let i = 0; i < 10; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    await snapshot(reports);
    // Merged through level 2 (8 merges: reports 0-7 compacted twice), reports 8, 9 in level 0.
    for (let m = 0; m < 10; m++) await mergeOne();
    const { claim } = await rt.app.submitClaim({ text: 'The Quenby harbour board counted 200 trawlers in port.' });
    const evidenceOf = async () =>
      (await rt.app.listEvidence(claim.id, { first: 50 })).edges.map((e) => e.node.reportId);
    expect(await evidenceOf()).toContain(reports[0]!.id);

    // Deleted: the claim is re-checked without it, no live slot holds it, though stale slots may until overwritten.
    const gone = reports[0]!;
    await rt.app.deleteReport(gone.id);
    expect(await evidenceOf()).not.toContain(gone.id);
    expect(holding(await liveItems(), gone.id)).toEqual([]);
    expect(holding(await scan('TBUCKET#'), gone.id).length).toBeGreaterThan(0);

    // A delete that stopped after taking out the report item (before the index): a reader skips the report,
    // and the next compaction of a level holding it drops it (its id is older than the orphan age, 0 here).
    const orphan = reports[8]!;
    await doc().send(new DeleteCommand({ TableName: rt.config.tableName, Key: keys.report(orphan.id) }));
    await rt.app.recheckClaims([claim.id]);
    expect(await evidenceOf()).not.toContain(orphan.id);
    expect(holding(await liveItems(), orphan.id).length).toBeGreaterThan(0);
    for (let i = 10; i < 16; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    const state0 = (await state()).m as number;
    for (let m = 0; m < 6; m++) await new TermIndex(ioOf(store), 1, FAN_IN, FAN_IN_ABOVE, 0).merge(false, { limit: 1 });
    // 16 merges: level 2 written again, from everything merged so far.
    expect(levels.writes(2, state0 + 6)).toBe(2);
    for (const id of [gone.id, orphan.id]) {
      expect(holding(await liveItems(), id)).toEqual([]);
      expect((await store.postings(harbour, 100)).map((p) => p.reportId)).not.toContain(id);
    }
    // The others are all there, and the claim still finds its evidence without the two.
    const kept = reports.filter((r) => r !== gone && r !== orphan).map((r) => r.id);
    expect((await store.postings(harbour, 100)).map((p) => p.reportId)).toEqual([...kept].sort());
    await rt.app.recheckClaims([claim.id]);
    const evidence = await evidenceOf();
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence).not.toContain(gone.id);
    expect(evidence).not.toContain(orphan.id);
  });

  it('tells when a report id was made, and nothing for ids that do not say', () => {
    const id = `rep_${Date.UTC(2026, 0, 2).toString(36)}0123456789ab`;
    expect(madeAt(id)).toBe(Date.UTC(2026, 0, 2));
    expect(madeAt('rep_1')).toBeUndefined();
    expect(madeAt('rep_000123')).toBeUndefined();
  });

  it('keeps the first postings by report id of a term, and the newest copy of a report', () => {
    const entries = Array.from({ length: KEEP_PER_TERM + 50 }, (_, k): [string, string] => [
      `rep_${String(1_000 - k).padStart(6, '0')}`,
      '0',
    ]);
    const out = compacted([
      { t: { harbo: entries.slice(0, 120) }, b: {} },
      { t: { harbo: [...entries.slice(120), ['rep_001000', '3']] }, b: { band: ['rep_2', 'rep_1'] } },
    ]);
    const ids = entries.map((e) => e[0]).sort();
    expect(out.t.harbo!.map((e) => e[0])).toEqual(ids.slice(0, KEEP_PER_TERM));
    expect(out.b.band).toEqual(['rep_1', 'rep_2']);
    // rep_001000 sorts last here and is cut; a report in two slots keeps the later slot's entry.
    const twice = compacted([
      { t: { x: [['rep_1', '0']] }, b: {} },
      { t: { x: [['rep_1', '2']] }, b: {} },
    ]);
    expect(twice.t.x).toEqual([['rep_1', '2']]);
  });

  it('finishes a compaction stopped half-way; readers miss nothing meanwhile', async () => {
    await useFanIn();
    const reports: ReportRecord[] = [];
    for (let i = 0; i < 6; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    const before = await snapshot(reports);
    expect(await mergeOne()).toBe(1);
    // The second merge fills level 0: its compaction into level 1 stops after a few buckets.
    let writes = 0;
    const failing = new TermIndex(
      {
        ...ioOf(store),
        batchWrite: async (requests, n) => {
          writes += 1;
          if (writes === 4) throw new Error('stopped');
          return ioOf(store).batchWrite(requests, n);
        },
      },
      1,
      FAN_IN,
      FAN_IN_ABOVE,
    );
    await expect(failing.merge(false, { limit: 1 })).rejects.toThrow('stopped');
    const stopped = await state();
    expect([stopped.ph, stopped.cl, stopped.m]).toEqual(['compact', 0, 1]);
    expect((await scan('TBUCKET#1#')).length).toBeGreaterThan(0);
    expect(await snapshot(reports)).toEqual(before);
    expect(await store.mergeTermIndex(false)).toBe(0); // the lease holds
    await doc().send(
      new UpdateCommand({
        TableName: rt.config.tableName,
        Key: keys.termIndexMerge(),
        UpdateExpression: 'SET leaseUntil = :z',
        ExpressionAttributeValues: { ':z': 0 },
      }),
    );
    expect(await store.mergeTermIndex(false)).toBe(1); // the stopped merge's report, resumed
    expect(await state()).toEqual({
      ...keys.termIndexMerge(),
      m: 2,
      f: FAN_IN,
      fs: [FAN_IN, FAN_IN_ABOVE, growthOf(FAN_IN)],
    });
    expect(await snapshot(reports)).toEqual(before);
    // The rest merged one at a time through another level-1 compaction: still the same.
    for (let m = 0; m < 4; m++) await mergeOne();
    expect(await snapshot(reports)).toEqual(before);
    expect(levels.live(6).map((l) => l.level)).toEqual([0, 1]);
  });

  it('takes a deleted or re-analysed report out of every level after compaction', async () => {
    await useFanIn();
    const reports: ReportRecord[] = [];
    for (let i = 0; i < 9; i++) reports.push((await rt.app.ingestReport(reportOf(i))).report);
    await snapshot(reports);
    for (let m = 0; m < 9; m++) await mergeOne();
    // Reports 0-7 are in level 2 (and, stale, below), report 8 in level 0.
    expect(holding(await liveItems(), reports[1]!.id).map((i) => String(i.PK).split('#')[1])).toContain('2');
    for (const gone of [reports[1]!, reports[8]!]) {
      expect(holding(await liveItems(), gone.id).length).toBeGreaterThan(0);
      await rt.app.deleteReport(gone.id);
      expect(holding(await liveItems(), gone.id)).toEqual([]);
      expect((await store.postings(harbour, 100)).map((p) => p.reportId)).not.toContain(gone.id);
      expect(await store.bandMembers(gone.signature.bands)).not.toContain(gone.id);
    }
    const kept = reports.filter((_, i) => i !== 1 && i !== 8);
    expect((await store.postings(harbour, 100)).map((p) => p.reportId)).toEqual(kept.map((r) => r.id).sort());

    // Re-analysis of a compacted report: one term fewer, the harbour term in another sentence.
    const previous = reports[3]!;
    const { dropped, next } = oneTermFewer(previous, reports[0]!);
    const statements = (await rt.app.reportStatements(previous)).map((s, index) => ({ ...s, index }));
    await store.replaceReportIndex(previous, next, {
      text: (await store.getReportText(previous.id))!,
      statements: statements as never,
      postings: next.terms.map((term) => ({ term, statements: term === harbour ? [1] : [0] })),
      bands: next.signature.bands,
    });
    const check = async () => {
      expect((await store.postings(dropped, 100)).map((p) => p.reportId)).not.toContain(previous.id);
      expect((await store.postings(harbour, 100)).find((p) => p.reportId === previous.id)!.statements).toEqual([1]);
    };
    await check();
    const droppedItems = (await liveItems()).filter((i) =>
      (codec.unpackJson<{ t: Record<string, Array<[string]>> }>(i.d as Uint8Array).t[dropped] ?? []).some(
        (e) => e[0] === previous.id,
      ),
    );
    expect(droppedItems).toEqual([]);
    // Merged and compacted again (the 10th..16th merges reach level 2 once more): still the new analysis.
    for (let m = 0; m < 7; m++) await new TermIndex(ioOf(store), 1, FAN_IN, FAN_IN_ABOVE).merge(false, { limit: 1 });
    await check();
    expect((await store.postings(harbour, 100)).map((p) => p.reportId)).toEqual(kept.map((r) => r.id).sort());
  });
});
