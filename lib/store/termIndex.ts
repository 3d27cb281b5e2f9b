// The term index (postings: term -> the statements of each report holding it) and the copy-band index
// (band -> reports), hashed, merged and levelled so that a report costs a few write units, not one per
// term, and a term's read stays bounded as the corpus grows.
//
// Ingest writes a report's postings and bands once, into one compressed "recent" item (in one of a few
// partitions, so writes spread). A merge, run once enough recent items wait, groups the postings of
// many reports by bucket (a hash of the term) and writes them into the next slot of level 0, one
// compressed item per bucket, then deletes the recent items it merged. When a level's slots are all
// written, a compaction rewrites them into one slot of the next level, spread over more buckets (level 1:
// half level 0's fan-in times as many, so its items hold twice the reports; above: fan-in times, so items
// stay as they are), keeping per term only the first postings by report id a reader can need. Slots are
// overwritten in place, which spares the deletes: a level's slots are stale once compacted, and the
// merge count (the state item) says which slots are live. Readers read the recent items and, per level,
// the live slots of their terms' buckets, so a read costs about fan-in items per level and levels grow
// with the logarithm of the corpus (a table keeps its schedule of fan-ins from its first merge). Deletes and re-analyses take a report
// out of every level (`purge`). docs/operations.md ("The term index") gives the design and the figures.
import { createHash, randomUUID } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Posting } from '../domain/types.js';
import { eachLimited } from '../eachLimited.js';
import { logger } from '../observability.js';
import * as codec from './codec.js';
import { keys } from './keys.js';

type Item = Record<string, unknown>;
type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** What the index needs of the store: its commands, with the store's retries and errors. */
export interface IndexIo {
  table: string;
  send<T>(command: object): Promise<T>;
  sendIf(command: object): Promise<boolean>;
  queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Item[]>;
  batchWrite(requests: WriteRequest[], concurrency?: number): Promise<void>;
  batchGet(keyList: Item[]): Promise<Item[]>;
}

/**
 * Buckets of level 0. Fixed for a table's life (readers find a term's bucket by it): more buckets make a
 * merge write more, smaller items; fewer make a term's read bigger. 256 keeps a merge's item near 1 KB at
 * MERGE_AT reports. Level L + 1 has fan-in times the buckets of level L.
 */
export const TERM_BUCKETS = 256;
/** Partitions the recent items are spread over (write throughput per partition). */
export const RECENT_SHARDS = 4;
/** A merge is due once this many reports wait in the recent items (the default of TERM_INDEX_MERGE_AT). */
export const MERGE_AT = 100;
/** Slots of level 0 (the default of TERM_INDEX_FAN_IN). */
export const FAN_IN = 64;
/** Slots of every level above 0 (the default of TERM_INDEX_FAN_IN_ABOVE). */
export const FAN_IN_ABOVE = 40;
/**
 * Postings a compaction keeps per term (and members per band), the first by report id: twice what a reader
 * takes (100), so up to that many deletes among them still leave the reader all it would have found.
 */
export const KEEP_PER_TERM = 200;
/** Reports merged in one batch at most (bounds the plan item and the merge's memory). */
const MERGE_MAX = 1_000;
/** A slot item's compressed payload is split into parts above this (far below DynamoDB's 400 KB). */
const PART_MAX_BYTES = 64_000;
/** How long a merge holds the lease; a merge that stopped is resumed by the next one after this. */
const LEASE_MS = 5 * 60_000;
/** Buckets queried at once. */
const BUCKET_QUERY_CONCURRENCY = 16;
/** Decoded items kept in memory (a slot item changes only with its `v`, a recent one with its `h`). */
const DECODED_CACHE_MAX = 4_096;
const PURGE_ATTEMPTS = 8;
/** Reads repeated when a merge began or ended while they ran (each needs a whole merge to overlap). */
const READ_ATTEMPTS = 8;
/**
 * A compaction drops the postings and band entries of reports whose report item is gone this long after
 * their id was made (a delete that stopped before it took the report out of the index): no ingest runs so
 * long, so one whose report item is still to come is never dropped.
 */
export const ORPHAN_AFTER_MS = 60 * 60_000;
/** Source buckets a compaction works between recording where it is (its plan's `cb`). */
const COMPACT_CHUNK = 256;
/**
 * How long a merge called from an ingest works before it records where it is and leaves the rest to the
 * next ingest (a compaction of a high level is tens of thousands of items; a request has 29 s).
 */
export const MERGE_BUDGET_MS = 8_000;

/** A report's share of the index as it is written: [term, statements, carried?] and its bands. */
interface RecentPayload {
  t: Array<[string, string, string?]>;
  b: string[];
}
type Entry = [string, string, string?];
/** A slot item: term -> [reportId, statements, carried?], band -> report ids. */
interface BucketPayload {
  t: Record<string, Entry[]>;
  b: Record<string, string[]>;
}

export interface IndexEntry {
  term: string;
  statements: number[];
  carried?: number[];
}

const fnv1a = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};
// Terms and bands share the buckets, told apart by a prefix of the hashed string. A bucket count of a
// level divides the next one's, so a level-L bucket's postings go to fan-in buckets of level L + 1.
export const termBucketOf = (term: string, buckets = TERM_BUCKETS): number => fnv1a(`t:${term}`) % buckets;
export const bandBucketOf = (band: string, buckets = TERM_BUCKETS): number => fnv1a(`b:${band}`) % buckets;
export const recentShardOf = (reportId: string): number => fnv1a(reportId) % RECENT_SHARDS;

const digest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64').slice(0, 12);
/** A slot item's version: new on every write, so a conditional rewrite never matches a later item. */
const newVersion = (): string => randomUUID().slice(0, 8);

/** A table's level schedule, as its state item keeps it (`fs`): [level 0's slots, slots above, bucket growth 0 -> 1]. */
export type Schedule = [number, number, number];

/**
 * Level 1's buckets per level 0 bucket: half level 0's slots, so a level 1 item holds about twice the reports
 * of a level 0 item (0.78 per bucket instead of 0.39 at MERGE_AT 100), which costs 2.4 write units per report
 * a compaction instead of 3.4 (items near 1.4 KB instead of 0.8: fewer items under the 1 KB unit; measured on
 * FNC-1 bodies, docs/operations.md "The term index"). Levels above grow by their fan-in, so their items stay so.
 */
export const growthOf = (fanIn0: number): number => Math.max(1, Math.round(fanIn0 / 2));

/** The schedule of a table written before schedules were kept: levels above 0 have twice level 0's slots and buckets grow by the fan-in. */
export const legacySchedule = (fanIn0: number): Schedule => [fanIn0, 2 * fanIn0, fanIn0];

/**
 * The level arithmetic: which slots hold what, from the number of merges done. Level 0 is written once
 * per merge; level L + 1 once per `fanIn(L)` writes of level L (a compaction of L's slots into one of its).
 */
export class Levels {
  readonly fanIn0: number;
  readonly fanInAbove: number;
  /** Level 1's buckets per bucket of level 0 (a divisor chain: level L + 1's count is a multiple of level L's). */
  readonly growth0: number;

  constructor(fanIn0: number, fanInAbove = 2 * fanIn0, growth0 = fanIn0) {
    this.fanIn0 = fanIn0;
    this.fanInAbove = fanInAbove;
    this.growth0 = growth0;
  }

  static of(schedule: Schedule): Levels {
    return new Levels(...schedule);
  }

  get schedule(): Schedule {
    return [this.fanIn0, this.fanInAbove, this.growth0];
  }

  fanIn(level: number): number {
    return level === 0 ? this.fanIn0 : this.fanInAbove;
  }

  /** Buckets of a level: level 1 has growth0 times level 0's, each level above fan-in times the one below. */
  buckets(level: number): number {
    let n = TERM_BUCKETS;
    for (let l = 0; l < level; l++) n *= l === 0 ? this.growth0 : this.fanIn(l);
    return n;
  }

  /** Reports a write of a level holds (merges of `mergeAt` reports). */
  reportsPerWrite(level: number, mergeAt: number): number {
    let n = mergeAt;
    for (let l = 0; l < level; l++) n *= this.fanIn(l);
    return n;
  }

  /** Writes of a level after `merges` merges. */
  writes(level: number, merges: number): number {
    let c = merges;
    for (let l = 0; l < level; l++) c = Math.floor(c / this.fanIn(l));
    return c;
  }

  /**
   * The slots a reader reads at each level while `merges` merges are done and the next may be running:
   * those written since the level's last compaction, and the one the next merge writes (it is live while
   * it runs, and the level it fills stays live until its compaction is written). `base` is the write
   * number (`g`) of slot 0, so slot j holds write base + j; anything else in a slot is stale.
   */
  live(merges: number): Array<{ level: number; slots: number; base: number }> {
    const out: Array<{ level: number; slots: number; base: number }> = [];
    for (let level = 0; this.writes(level, merges + 1) > 0; level++) {
      const c = this.writes(level, merges);
      const f = this.fanIn(level);
      const slots = (c % f) + (this.writes(level, merges + 1) > c ? 1 : 0);
      if (slots > 0) out.push({ level, slots, base: c - (c % f) });
    }
    return out;
  }

  /** The compactions merge number `merges` (0-based) is followed by: levels whose last slot it fills. */
  compactionsAfter(merges: number): number[] {
    const out: number[] = [];
    for (let level = 0; ; level++) {
      const c = this.writes(level, merges + 1);
      if (c === this.writes(level, merges) || c % this.fanIn(level) !== 0) return out;
      out.push(level);
    }
  }
}

/** The recent item of a report: its postings and bands, compressed. */
export function recentItemOf(reportId: string, postings: IndexEntry[], bands: string[]): Item {
  const payload: RecentPayload = {
    t: postings.map((p) =>
      p.carried?.length
        ? [p.term, codec.encodeIndexes(p.statements), codec.encodeIndexes(p.carried)]
        : [p.term, codec.encodeIndexes(p.statements)],
    ),
    b: bands,
  };
  const d = codec.packJson(payload);
  return { ...keys.recentIndex(recentShardOf(reportId), reportId), d, h: digest(d) };
}

const reportIdOfRecent = (i: Item): string => (i.SK as string).slice(2);

/** Where a slot goes: its level, the level's bucket count, the slot and the write it holds. */
export interface SlotTarget {
  level: number;
  buckets: number;
  slot: number;
  g: number;
}

/** Slot items of merged reports: their postings and bands grouped by bucket, in report-id order, in bounded parts. */
export function slotItemsOf(target: SlotTarget, reports: Array<{ reportId: string; payload: RecentPayload }>): Item[] {
  const lists: BucketPayload = { t: {}, b: {} };
  const add = <T>(into: Record<string, T[]>, key: string, entry: T) => {
    const list = into[key];
    if (list) list.push(entry);
    else into[key] = [entry];
  };
  // Report ids in order, so each list is in report-id order like the sort keys of a per-term index.
  for (const { reportId, payload } of [...reports].sort((a, b) => byId(a.reportId, b.reportId))) {
    for (const [term, s, c] of payload.t) add(lists.t, term, c ? ([reportId, s, c] as Entry) : [reportId, s]);
    for (const band of payload.b) add(lists.b, band, reportId);
  }
  return itemsOfLists(target, lists);
}

/** The items of one slot holding these lists, each list in the bucket of the target level its key hashes to. */
function itemsOfLists(target: SlotTarget, lists: BucketPayload): Item[] {
  const buckets = new Map<number, BucketPayload>();
  const bucket = (n: number): BucketPayload => {
    const found = buckets.get(n);
    if (found) return found;
    const made: BucketPayload = { t: {}, b: {} };
    buckets.set(n, made);
    return made;
  };
  for (const [term, list] of Object.entries(lists.t)) bucket(termBucketOf(term, target.buckets)).t[term] = list;
  for (const [band, list] of Object.entries(lists.b)) bucket(bandBucketOf(band, target.buckets)).b[band] = list;
  return [...buckets].flatMap(([n, payload]) =>
    splitParts(payload).map((part, i) => ({
      ...keys.termSlot(target.level, n, target.slot, i),
      d: codec.packJson(part),
      v: newVersion(),
      g: target.g,
    })),
  );
}

/**
 * One bucket's slots merged into one payload, newest slot last winning for a report in two, each list cut
 * to the first KEEP_PER_TERM by report id (a reader never takes more than its cap of the first ones).
 */
export function compacted(slots: BucketPayload[]): BucketPayload {
  const terms = new Map<string, Map<string, Entry>>();
  const bands = new Map<string, Set<string>>();
  for (const payload of slots) {
    for (const [term, list] of Object.entries(payload.t)) {
      const byReport = terms.get(term) ?? new Map<string, Entry>();
      terms.set(term, byReport);
      for (const e of list) byReport.set(e[0], e);
    }
    for (const [band, list] of Object.entries(payload.b)) {
      const members = bands.get(band) ?? new Set<string>();
      bands.set(band, members);
      for (const r of list) members.add(r);
    }
  }
  const out: BucketPayload = { t: {}, b: {} };
  for (const [term, byReport] of terms)
    out.t[term] = [...byReport.values()].sort((a, b) => byId(a[0], b[0])).slice(0, KEEP_PER_TERM);
  for (const [band, members] of bands) out.b[band] = [...members].sort(byId).slice(0, KEEP_PER_TERM);
  return out;
}

/** A payload in parts each under PART_MAX_BYTES compressed: halves by key until each fits. */
function splitParts(payload: BucketPayload): BucketPayload[] {
  if (codec.packJson(payload).byteLength <= PART_MAX_BYTES) return [payload];
  const entries: Array<['t' | 'b', string, unknown]> = [
    ...Object.entries(payload.t).map(([k, v]): ['t', string, unknown] => ['t', k, v]),
    ...Object.entries(payload.b).map(([k, v]): ['b', string, unknown] => ['b', k, v]),
  ];
  if (entries.length < 2) return [payload]; // one term's list: the merge batch and the compaction's cap bound it
  const half = Math.ceil(entries.length / 2);
  const of = (xs: typeof entries): BucketPayload => {
    const p: BucketPayload = { t: {}, b: {} };
    for (const [kind, k, v] of xs) (p[kind] as Record<string, unknown>)[k] = v;
    return p;
  };
  return [...splitParts(of(entries.slice(0, half))), ...splitParts(of(entries.slice(half)))];
}

/** A set of bucket numbers as a compressed bitmap (dense levels compress to a few bytes). */
const packBuckets = (buckets: Iterable<number>, size: number): Uint8Array => {
  const bits = new Uint8Array(Math.ceil(size / 8));
  for (const b of buckets) bits[b >> 3]! |= 1 << (b & 7);
  return new Uint8Array(brotliCompressSync(bits));
};
const unpackBuckets = (packed: Uint8Array): number[] => {
  const bits = brotliDecompressSync(packed);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i++) for (let k = 0; k < 8; k++) if (bits[i]! & (1 << k)) out.push(i * 8 + k);
  return out;
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const toEntry = (term: string, s: string, c?: string): IndexEntry => {
  const carried = c ? codec.decodeIndexes(c) : [];
  return { term, statements: codec.decodeIndexes(s), ...(carried.length > 0 ? { carried } : {}) };
};

/** The state item as readers need it: merges done, the level schedule, and the plan running (if any). */
interface State {
  merges: number;
  levels: Levels;
  /** changes when a merge begins (its batch id) or ends (the merge count): a reader's reads overlapped one */
  mark: string;
  /** a merge stopped or paused with work left, and no lease on it: the next ingest resumes it */
  resumable: boolean;
}

export class TermIndex {
  private readonly decoded = new Map<string, unknown>();
  /** Recent items the last read of this instance found: a merge is due from MERGE_AT. */
  private recentSeen = 0;
  /** The last state read found a merge to resume: a merge is due. */
  private resumable = false;

  constructor(
    private readonly io: IndexIo,
    private readonly mergeAt = MERGE_AT,
    /** Level 0's slots for a table's first merge; the state item keeps it from then on. */
    private readonly fanIn = FAN_IN,
    /** Slots of the levels above for a table's first merge; kept likewise. */
    private readonly fanInAbove = FAN_IN_ABOVE,
    private readonly orphanAfterMs = ORPHAN_AFTER_MS,
  ) {}

  /** Reports still in the recent items, as this instance last saw them. */
  get recentWaiting(): number {
    return this.recentSeen;
  }

  private async readState(): Promise<State> {
    const item = (
      await this.io.send<{ Item?: Item }>(
        new GetCommand({
          TableName: this.io.table,
          Key: keys.termIndexMerge(),
          ConsistentRead: true,
          ProjectionExpression: '#m, #f, #s, #b, #l',
          ExpressionAttributeNames: { '#m': 'm', '#f': 'f', '#s': 'fs', '#b': 'bt', '#l': 'leaseUntil' },
        }),
      )
    ).Item;
    const merges = (item?.m as number | undefined) ?? 0;
    const resumable = item?.bt !== undefined && ((item.leaseUntil as number | undefined) ?? 0) < Date.now();
    this.resumable = resumable;
    return {
      merges,
      levels: levelsOf(item, this.fanIn),
      mark: `${merges}|${(item?.bt as string | undefined) ?? ''}`,
      resumable,
    };
  }

  private async readRecent(): Promise<Array<{ reportId: string; payload: RecentPayload; h: string }>> {
    const shards = await Promise.all(
      Array.from({ length: RECENT_SHARDS }, (_, shard) =>
        this.io.queryAll({
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.recentIndexPartition(shard) },
          ConsistentRead: true,
        }),
      ),
    );
    const items = shards.flat();
    this.recentSeen = items.length;
    return items.map((i) => ({
      reportId: reportIdOfRecent(i),
      payload: this.decode<RecentPayload>(i, `${i.SK}|${i.h}`),
      h: i.h as string,
    }));
  }

  /** An item's payload, decoded once per version of it (`v` of a slot item, `h` of a recent one). */
  private decode<T>(i: Item, version = `${i.PK}|${i.SK}|${i.v}`): T {
    let payload = this.decoded.get(version);
    if (!payload) {
      payload = codec.unpackJson<T>(i.d as Uint8Array);
      if (this.decoded.size >= DECODED_CACHE_MAX) this.decoded.delete(this.decoded.keys().next().value!);
      this.decoded.set(version, payload);
    }
    return payload as T;
  }

  /**
   * The live slots of one bucket of a level, oldest write first. Consistent: a merge deletes the recent
   * items right after writing its slot, so a reader that missed them must see the slot. An item whose `g`
   * is not its slot's current write is stale (a part or bucket the slot's last write left out).
   */
  private async readSlots(live: { level: number; slots: number; base: number }, bucket: number): Promise<Item[]> {
    const items = await this.io.queryAll({
      KeyConditionExpression: 'PK = :pk AND SK < :hi',
      ExpressionAttributeValues: {
        ':pk': keys.termBucketPartition(live.level, bucket),
        ':hi': keys.termSlotBound(live.slots),
      },
      ConsistentRead: true,
    });
    return items
      .filter((i) => i.g === live.base + keys.slotOfKey(i.SK as string))
      .sort((a, b) => (a.g as number) - (b.g as number));
  }

  /** The live slots of the buckets these terms and bands hash to, per level (lowest first). */
  private async readLevels(state: State, terms: string[], bands: string[]): Promise<Array<Map<number, Item[]>>> {
    return Promise.all(
      state.levels.live(state.merges).map(async (live) => {
        const n = state.levels.buckets(live.level);
        const buckets = [
          ...new Set([...terms.map((t) => termBucketOf(t, n)), ...bands.map((b) => bandBucketOf(b, n))]),
        ];
        const out = new Map<number, Item[]>();
        await eachLimited(buckets, BUCKET_QUERY_CONCURRENCY, async (b) => {
          out.set(b, await this.readSlots(live, b));
        });
        return out;
      }),
    );
  }

  /**
   * Every report holding each term (with its statements) and each band, in report-id order. The recent
   * items are read before the slots: a merge writes its slot before it deletes what it merged, and a
   * compaction writes the next level before the slots it read can be overwritten, so within one merge
   * each report is seen at least once. Slots are overwritten only by a later merge, so reads that a merge
   * began or ended during are read again. Where several places hold a report, the newest wins: the recent
   * item, then lower levels, then later slots.
   */
  async lookup(
    terms: string[],
    bands: string[],
  ): Promise<{ postings: Map<string, Posting[]>; bands: Map<string, string[]> }> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.readState();
      const recent = await this.readRecent();
      const levels = await this.readLevels(before, terms, bands);
      const after = await this.readState();
      if (before.mark === after.mark || attempt >= READ_ATTEMPTS) {
        if (before.mark !== after.mark) logger.warn('term index read overlapped merges', { attempts: attempt });
        return this.assemble(before, terms, bands, recent, levels);
      }
    }
  }

  private assemble(
    state: State,
    terms: string[],
    bands: string[],
    recent: Array<{ reportId: string; payload: RecentPayload }>,
    levels: Array<Map<number, Item[]>>,
  ): { postings: Map<string, Posting[]>; bands: Map<string, string[]> } {
    const postings = new Map<string, Map<string, Posting>>(terms.map((t) => [t, new Map()]));
    const members = new Map<string, Set<string>>(bands.map((b) => [b, new Set()]));
    const live = state.levels.live(state.merges);
    for (let k = levels.length - 1; k >= 0; k--) {
      const n = state.levels.buckets(live[k]!.level);
      for (const [term, byReport] of postings)
        for (const item of levels[k]!.get(termBucketOf(term, n)) ?? [])
          for (const [reportId, s, c] of this.decode<BucketPayload>(item).t[term] ?? [])
            byReport.set(reportId, { reportId, ...toEntry(term, s, c) });
      for (const [band, set] of members)
        for (const item of levels[k]!.get(bandBucketOf(band, n)) ?? [])
          for (const reportId of this.decode<BucketPayload>(item).b[band] ?? []) set.add(reportId);
    }
    for (const { reportId, payload } of recent) {
      for (const [term, s, c] of payload.t) postings.get(term)?.set(reportId, { reportId, ...toEntry(term, s, c) });
      for (const band of payload.b) members.get(band)?.add(reportId);
    }
    return {
      postings: new Map(
        [...postings].map(([t, m]) => [t, [...m.values()].sort((a, b) => byId(a.reportId, b.reportId))]),
      ),
      bands: new Map([...members].map(([b, set]) => [b, [...set].sort(byId)])),
    };
  }

  recentItem(reportId: string, postings: IndexEntry[], bands: string[]): Item {
    return recentItemOf(reportId, postings, bands);
  }

  /** Merge every waiting report, MERGE_AT a merge, as ingests would have (reports loaded in bulk). */
  async mergeBacklog(): Promise<void> {
    while ((await this.merge(false, { limit: this.mergeAt, budgetMs: Number.POSITIVE_INFINITY })) > 0);
  }

  /**
   * Take a report out of the index under these terms and bands: its recent item, and its entries in the
   * live slots of every level (each item rewritten on the condition of its `v`, again on a conflict).
   * Levels go lowest first, as a compaction moves postings up: one that read a slot before this rewrote
   * it finds the slot changed and compacts it again, one that read it after has nothing of the report.
   * Again if a merge began or ended meanwhile (its slots are then others).
   * `keepRecent`: a re-analysis has just written the report's new recent item.
   */
  async purge(
    reportId: string,
    terms: string[],
    bands: string[],
    options: { keepRecent?: boolean } = {},
  ): Promise<void> {
    if (!options.keepRecent)
      await this.io.send(
        new DeleteCommand({ TableName: this.io.table, Key: keys.recentIndex(recentShardOf(reportId), reportId) }),
      );
    for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
      const before = await this.readState();
      for (const live of before.levels.live(before.merges)) {
        const n = before.levels.buckets(live.level);
        const buckets = [
          ...new Set([...terms.map((t) => termBucketOf(t, n)), ...bands.map((b) => bandBucketOf(b, n))]),
        ];
        await eachLimited(buckets, BUCKET_QUERY_CONCURRENCY, async (b) => {
          for (const item of await this.readSlots(live, b)) await this.purgeItem(item, reportId);
        });
      }
      if ((await this.readState()).mark === before.mark) return;
    }
    throw new Error(`term index: merges kept running while ${reportId} was taken out`);
  }

  private async purgeItem(first: Item, reportId: string): Promise<void> {
    let item: Item | undefined = first;
    for (let attempt = 0; item && attempt < PURGE_ATTEMPTS; attempt++) {
      const payload = codec.unpackJson<BucketPayload>(item.d as Uint8Array);
      const kept: BucketPayload = { t: {}, b: {} };
      let found = false;
      for (const [term, list] of Object.entries(payload.t)) {
        const rest = list.filter((e) => e[0] !== reportId);
        found ||= rest.length < list.length;
        if (rest.length > 0) kept.t[term] = rest;
      }
      for (const [band, list] of Object.entries(payload.b)) {
        const rest = list.filter((r) => r !== reportId);
        found ||= rest.length < list.length;
        if (rest.length > 0) kept.b[band] = rest;
      }
      if (!found) return;
      const key: Item = { PK: item.PK, SK: item.SK };
      const empty = Object.keys(kept.t).length === 0 && Object.keys(kept.b).length === 0;
      const condition = { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': item.v } };
      const done = empty
        ? await this.io.sendIf(new DeleteCommand({ TableName: this.io.table, Key: key, ...condition }))
        : await this.io.sendIf(
            new PutCommand({
              TableName: this.io.table,
              Item: { ...key, d: codec.packJson(kept), v: newVersion(), g: item.g },
              ...condition,
            }),
          );
      if (done) return;
      item = (
        await this.io.send<{ Item?: Item }>(
          new GetCommand({ TableName: this.io.table, Key: key, ConsistentRead: true }),
        )
      ).Item;
    }
    if (item) throw new Error(`term index: could not take ${reportId} out of ${item.PK} ${item.SK}`);
  }

  /**
   * Merge the recent items into the next slot of level 0, then compact every level that slot fills (when
   * `onlyIfDue`: only once `mergeAt` reports wait, or a merge is left to resume, as this instance last saw).
   * One merge at a time (a lease on the state item); its plan is written before any slot, and each phase
   * is recorded as it ends (a compaction every COMPACT_CHUNK buckets), so a merge that stopped anywhere is
   * finished by the next. After `budgetMs` a compaction records where it is and frees the lease for the
   * next ingest to go on. Returns how many reports it merged (0 while its compaction is unfinished).
   */
  async merge(onlyIfDue: boolean, options: { limit?: number; budgetMs?: number } = {}): Promise<number> {
    if (onlyIfDue && this.recentSeen < this.mergeAt && !this.resumable) return 0;
    const { limit = MERGE_MAX, budgetMs = MERGE_BUDGET_MS } = options;
    const deadline = Date.now() + budgetMs;
    const owner = randomUUID();
    const now = Date.now();
    let lease: Item;
    try {
      lease = (
        await this.io.send<{ Attributes: Item }>(
          new UpdateCommand({
            TableName: this.io.table,
            Key: keys.termIndexMerge(),
            UpdateExpression:
              'SET leaseUntil = :until, #o = :me, #f = if_not_exists(#f, :f), #m = if_not_exists(#m, :zero)',
            ConditionExpression: 'attribute_not_exists(leaseUntil) OR leaseUntil < :now',
            ExpressionAttributeNames: { '#o': 'owner', '#f': 'f', '#m': 'm' },
            ExpressionAttributeValues: {
              ':until': now + LEASE_MS,
              ':me': owner,
              ':now': now,
              ':f': this.fanIn,
              ':zero': 0,
            },
            ReturnValues: 'ALL_NEW',
          }),
        )
      ).Attributes;
    } catch (e) {
      if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return 0; // another merge runs
      throw e;
    }
    const merges = lease.m as number;
    if (!lease.fs) {
      // The schedule is kept from a table's first merge. A table merged before schedules were kept goes on
      // with the schedule it was written by; one with nothing merged yet (no level above 0) takes this one's.
      const schedule: Schedule =
        merges === 0
          ? [lease.f as number, this.fanInAbove, growthOf(lease.f as number)]
          : legacySchedule(lease.f as number);
      await this.io.send(
        new UpdateCommand({
          TableName: this.io.table,
          Key: keys.termIndexMerge(),
          UpdateExpression: 'SET fs = :s',
          ConditionExpression: '#o = :me AND attribute_not_exists(fs)',
          ExpressionAttributeNames: { '#o': 'owner' },
          ExpressionAttributeValues: { ':me': owner, ':s': schedule },
        }),
      );
      lease.fs = schedule;
    }
    const levels = levelsOf(lease, this.fanIn);
    const setPlan = (values: Record<string, unknown>) =>
      this.io.send(
        new UpdateCommand({
          TableName: this.io.table,
          Key: keys.termIndexMerge(),
          UpdateExpression: `SET ${Object.keys(values)
            .map((_, i) => `#p${i} = :p${i}`)
            .join(', ')}`,
          ConditionExpression: '#o = :me',
          ExpressionAttributeNames: {
            '#o': 'owner',
            ...Object.fromEntries(Object.keys(values).map((k, i) => [`#p${i}`, k])),
          },
          ExpressionAttributeValues: {
            ':me': owner,
            ...Object.fromEntries(Object.values(values).map((v, i) => [`:p${i}`, v])),
          },
        }),
      );
    let plan = lease.bt
      ? {
          batch: lease.bt as string,
          merged: codec.unpackJson<Array<[string, string]>>(lease.ms as Uint8Array),
          phase: lease.ph as 'write' | 'delete' | 'compact',
          level: (lease.cl as number | undefined) ?? 0,
          cursor: (lease.cb as number | undefined) ?? 0,
        }
      : undefined;
    if (!plan) {
      const recent = await this.readRecent();
      if (recent.length === 0 || (onlyIfDue && recent.length < this.mergeAt)) {
        await this.release(owner);
        return 0;
      }
      const chosen = recent.sort((a, b) => byId(a.reportId, b.reportId)).slice(0, limit);
      plan = {
        batch: newBatchId(),
        merged: chosen.map((r) => [r.reportId, r.h]),
        phase: 'write',
        level: 0,
        cursor: 0,
      };
      await setPlan({ bt: plan.batch, ms: codec.packJson(plan.merged), ph: 'write' });
    }
    if (plan.phase === 'write') {
      const merged = await this.writeSlot(levels, merges, plan.merged);
      plan = { ...plan, merged, phase: 'delete' };
      await setPlan({ ph: 'delete', ms: codec.packJson(plan.merged) });
    }
    if (plan.phase === 'delete') {
      await eachLimited(plan.merged, BUCKET_QUERY_CONCURRENCY, async ([id, h]) => {
        // A recent item rewritten since it was merged (a re-analysis) stays for the next merge.
        await this.io.sendIf(
          new DeleteCommand({
            TableName: this.io.table,
            Key: keys.recentIndex(recentShardOf(id), id),
            ConditionExpression: 'h = :h',
            ExpressionAttributeValues: { ':h': h },
          }),
        );
      });
      const first = levels.compactionsAfter(merges)[0];
      plan = { ...plan, phase: 'compact', level: first ?? 0 };
      if (first !== undefined) await setPlan({ ph: 'compact', cl: first });
    }
    for (const level of levels.compactionsAfter(merges).filter((l) => l >= plan.level)) {
      const from = level === plan.level ? plan.cursor : 0;
      const done = await this.compact(levels, merges, level, from, deadline, (cursor) => setPlan({ cb: cursor }));
      if (!done) {
        await this.release(owner);
        this.resumable = true;
        logger.info('term index compaction paused', { batch: plan.batch, level });
        return 0;
      }
      if (levels.compactionsAfter(merges).includes(level + 1)) await setPlan({ cl: level + 1, cb: 0 });
    }
    // Done: the merge count moves on (readers' slots with it) and the lease is free, in one write.
    await this.io.sendIf(
      new UpdateCommand({
        TableName: this.io.table,
        Key: keys.termIndexMerge(),
        UpdateExpression: 'SET #m = :next REMOVE bt, ms, ph, cl, cb, #o, leaseUntil',
        ConditionExpression: '#o = :me',
        ExpressionAttributeNames: { '#o': 'owner', '#m': 'm' },
        ExpressionAttributeValues: { ':me': owner, ':next': merges + 1 },
      }),
    );
    this.recentSeen = Math.max(0, this.recentSeen - plan.merged.length);
    this.resumable = false;
    logger.info('term index merged', {
      batch: plan.batch,
      reports: plan.merged.length,
      merges: merges + 1,
      compacted: levels.compactionsAfter(merges),
    });
    return plan.merged.length;
  }

  /**
   * Write the plan's reports, as their recent items are now, into level 0's slot of this merge; returns
   * what was merged, by content. A report deleted or re-analysed after its recent item was read here may
   * have been taken out of the index before this slot was written: read again after, and those whose
   * recent item changed or went are taken out of the slot as it was written.
   */
  private async writeSlot(
    levels: Levels,
    merges: number,
    plan: Array<[string, string]>,
  ): Promise<Array<[string, string]>> {
    const keyList = plan.map(([id]) => keys.recentIndex(recentShardOf(id), id));
    const items = await this.io.batchGet(keyList);
    const reports = items.map((i) => ({
      reportId: reportIdOfRecent(i),
      payload: codec.unpackJson<RecentPayload>(i.d as Uint8Array),
    }));
    const target = { level: 0, buckets: levels.buckets(0), slot: merges % levels.fanIn(0), g: merges };
    const written = slotItemsOf(target, reports);
    await this.io.batchWrite(written.map((Item) => ({ PutRequest: { Item } })));
    await this.noteBuckets(levels, 0, merges, written);
    const now = new Map((await this.io.batchGet(keyList)).map((i) => [reportIdOfRecent(i), i.h as string]));
    for (const [k, r] of reports.entries())
      if (now.get(r.reportId) !== items[k]!.h)
        await this.purge(
          r.reportId,
          r.payload.t.map(([t]) => t),
          r.payload.b,
          { keepRecent: true },
        );
    return items.filter((i) => now.get(reportIdOfRecent(i)) === i.h).map((i) => [reportIdOfRecent(i), i.h as string]);
  }

  /**
   * Compact level `level`'s full slots into the next level's slot of this merge, bucket by bucket: each
   * bucket's slots merged (KEEP_PER_TERM per term) and written into the fan-in buckets of the next level its
   * terms hash to. The slots are read again after: one a purge rewrote meanwhile is compacted again.
   */
  private async compact(
    levels: Levels,
    merges: number,
    level: number,
    from: number,
    deadline: number,
    progress: (cursor: number) => Promise<unknown>,
  ): Promise<boolean> {
    const f = levels.fanIn(level);
    const source = { level, slots: f, base: levels.writes(level, merges + 1) - f };
    const written = levels.writes(level + 1, merges + 1) - 1;
    const target = {
      level: level + 1,
      buckets: levels.buckets(level + 1),
      slot: written % levels.fanIn(level + 1),
      g: written,
    };
    const buckets = await this.bucketsWritten(levels, level, source.base);
    const versions = (items: Item[]) => items.map((i) => `${i.SK}|${i.v}`).join(',');
    const present = new Map<string, boolean>();
    for (let at = from; at < buckets.length; at += COMPACT_CHUNK) {
      if (Date.now() > deadline) return false;
      const out: Item[] = [];
      await eachLimited(buckets.slice(at, at + COMPACT_CHUNK), BUCKET_QUERY_CONCURRENCY, async (b) => {
        let before: Item[] = [];
        for (let attempt = 0; attempt < PURGE_ATTEMPTS; attempt++) {
          const items = await this.readSlots(source, b);
          if (items.length === 0 && before.length === 0) return;
          const payloads = await this.withoutOrphans(
            items.map((i) => this.decode<BucketPayload>(i)),
            present,
          );
          const next = itemsOfLists(target, compacted(payloads));
          // Again after a purge: what the last attempt wrote and this one does not is the purged report's.
          const kept = new Set(next.map((i) => `${i.PK}|${i.SK}`));
          const left = before.filter((i) => !kept.has(`${i.PK}|${i.SK}`));
          await this.io.batchWrite([
            ...next.map((Item) => ({ PutRequest: { Item } })),
            ...left.map((i) => ({ DeleteRequest: { Key: { PK: i.PK, SK: i.SK } } })),
          ]);
          if (versions(await this.readSlots(source, b)) === versions(items)) {
            out.push(...next);
            return;
          }
          before = next;
        }
        throw new Error(`term index: bucket ${b} of level ${level} kept changing while compacted`);
      });
      await this.noteBuckets(levels, level + 1, written, out);
      await progress(at + COMPACT_CHUNK);
    }
    return true;
  }

  /**
   * These payloads without the reports that are gone: whose report item does not exist though their id was
   * made over ORPHAN_AFTER_MS ago (`present` remembers what was found, for the rest of the compaction).
   */
  private async withoutOrphans(payloads: BucketPayload[], present: Map<string, boolean>): Promise<BucketPayload[]> {
    const ids = new Set<string>();
    for (const p of payloads) {
      for (const list of Object.values(p.t)) for (const e of list) ids.add(e[0]);
      for (const list of Object.values(p.b)) for (const r of list) ids.add(r);
    }
    const old = Date.now() - this.orphanAfterMs;
    const unknown = [...ids].filter((id) => !present.has(id) && (madeAt(id) ?? Number.POSITIVE_INFINITY) <= old);
    if (unknown.length > 0) {
      const found = new Set((await this.io.batchGet(unknown.map((id) => keys.report(id)))).map((i) => String(i.PK)));
      for (const id of unknown) present.set(id, found.has(keys.report(id).PK));
    }
    const gone = (id: string) => present.get(id) === false;
    if (![...ids].some(gone)) return payloads;
    logger.info('term index compaction drops reports that are gone', { reports: [...ids].filter(gone).length });
    return payloads.map((p) => ({
      t: Object.fromEntries(
        Object.entries(p.t)
          .map(([term, list]) => [term, list.filter((e) => !gone(e[0]))] as const)
          .filter(([, list]) => list.length > 0),
      ),
      b: Object.fromEntries(
        Object.entries(p.b)
          .map(([band, list]) => [band, list.filter((r) => !gone(r))] as const)
          .filter(([, list]) => list.length > 0),
      ),
    }));
  }

  /** The buckets of a level written since its round began at write `base` (all of them if not recorded). */
  private async bucketsWritten(levels: Levels, level: number, base: number): Promise<number[]> {
    const item = (
      await this.io.send<{ Item?: Item }>(
        new GetCommand({ TableName: this.io.table, Key: keys.termLevelBuckets(level), ConsistentRead: true }),
      )
    ).Item;
    if (item?.r === base) return unpackBuckets(item.bm as Uint8Array);
    return Array.from({ length: levels.buckets(level) }, (_, b) => b);
  }

  /** Add the buckets of these items (written as write `g` of the level) to its round's record. */
  private async noteBuckets(levels: Levels, level: number, g: number, items: Item[]): Promise<void> {
    const f = levels.fanIn(level);
    const round = g - (g % f);
    const key = keys.termLevelBuckets(level);
    const item = (
      await this.io.send<{ Item?: Item }>(new GetCommand({ TableName: this.io.table, Key: key, ConsistentRead: true }))
    ).Item;
    const buckets = new Set(item?.r === round ? unpackBuckets(item.bm as Uint8Array) : []);
    for (const i of items) buckets.add(Number(String(i.PK).split('#')[2]));
    await this.io.send(
      new PutCommand({
        TableName: this.io.table,
        Item: { ...key, r: round, bm: packBuckets(buckets, levels.buckets(level)) },
      }),
    );
  }

  private async release(owner: string): Promise<void> {
    await this.io.sendIf(
      new UpdateCommand({
        TableName: this.io.table,
        Key: keys.termIndexMerge(),
        UpdateExpression: 'REMOVE #o, leaseUntil',
        ConditionExpression: '#o = :me',
        ExpressionAttributeNames: { '#o': 'owner' },
        ExpressionAttributeValues: { ':me': owner },
      }),
    );
  }
}

/** The levels of a state item: its kept schedule, or the legacy one of its level 0 fan-in (this instance's before a first merge). */
function levelsOf(state: Item | undefined, fanIn: number): Levels {
  const kept = state?.fs as number[] | undefined;
  if (kept?.length === 3) return Levels.of(kept.map(Number) as Schedule);
  return Levels.of(legacySchedule((state?.f as number | undefined) ?? fanIn));
}

/** When a report id was made (`rep_` + base-36 milliseconds + 12 hex digits, lib/app/ports.ts), if it says. */
export function madeAt(reportId: string): number | undefined {
  const m = /^[a-z]+_([0-9a-z]+)[0-9a-f]{12}$/.exec(reportId);
  const at = m ? Number.parseInt(m[1]!, 36) : Number.NaN;
  return Number.isFinite(at) && at > Date.UTC(2020, 0, 1) && at < Date.now() + 86_400_000 ? at : undefined;
}

/** Batch ids sort by when the batch was made. */
const newBatchId = (): string => `${String(Date.now()).padStart(14, '0')}-${randomUUID().slice(0, 8)}`;
