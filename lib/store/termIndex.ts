// The term index (postings: term -> the statements of each report holding it) and the copy-band index
// (band -> reports), hashed and merged so that a report costs a few write units, not one per term.
//
// Ingest writes a report's postings and bands once, into one compressed "recent" item (in one of a few
// partitions, so writes spread). A merge, run once enough recent items wait, groups the postings of
// many reports by bucket (a hash of the term) and writes one compressed item per (bucket, merge batch),
// then deletes the recent items it merged. Readers read the recent items first and then the buckets of
// their terms, so a report is always found in one place or the other (in both for a moment: the newer
// copy wins). Deletes and re-analyses take a report out of the buckets of its old terms (`purge`).
// docs/operations.md ("Costs") gives the figures.
import { createHash, randomUUID } from 'node:crypto';
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
 * Buckets of the term hash. Fixed for a table's life (readers find a term's bucket by it): more buckets
 * make a merge write more, smaller items; fewer make a term's read bigger. 256 keeps a merge batch's item
 * near 1 KB at MERGE_AT reports (see docs/operations.md).
 */
export const TERM_BUCKETS = 256;
/** Partitions the recent items are spread over (write throughput per partition). */
export const RECENT_SHARDS = 4;
/** A merge is due once this many reports wait in the recent items (the default of TERM_INDEX_MERGE_AT). */
export const MERGE_AT = 100;
/** Reports merged in one batch at most (bounds the plan item and the merge's memory). */
const MERGE_MAX = 1_000;
/** A bucket item's compressed payload is split into parts above this (far below DynamoDB's 400 KB). */
const PART_MAX_BYTES = 64_000;
/** How long a merge holds the lease; a merge that stopped is resumed by the next one after this. */
const LEASE_MS = 5 * 60_000;
/** Buckets queried at once. */
const BUCKET_QUERY_CONCURRENCY = 16;
/** Decoded items kept in memory (a bucket item changes only with its `v`, a recent one with its `h`). */
const DECODED_CACHE_MAX = 4_096;
const PURGE_ATTEMPTS = 8;

/** A report's share of the index as it is written: [term, statements, carried?] and its bands. */
interface RecentPayload {
  t: Array<[string, string, string?]>;
  b: string[];
}
/** A bucket item: term -> [reportId, statements, carried?], band -> report ids. */
interface BucketPayload {
  t: Record<string, Array<[string, string, string?]>>;
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
// Terms and bands share the buckets, told apart by a prefix of the hashed string.
export const termBucketOf = (term: string): number => fnv1a(`t:${term}`) % TERM_BUCKETS;
export const bandBucketOf = (band: string): number => fnv1a(`b:${band}`) % TERM_BUCKETS;
export const recentShardOf = (reportId: string): number => fnv1a(reportId) % RECENT_SHARDS;

const digest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64').slice(0, 12);

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

/** Bucket items of one batch: the reports' postings and bands grouped by bucket, split into bounded parts. */
export function bucketItemsOf(batch: string, reports: Array<{ reportId: string; payload: RecentPayload }>): Item[] {
  const buckets = new Map<number, BucketPayload>();
  const bucket = (n: number): BucketPayload => {
    const found = buckets.get(n);
    if (found) return found;
    const made: BucketPayload = { t: {}, b: {} };
    buckets.set(n, made);
    return made;
  };
  const add = <T>(lists: Record<string, T[]>, key: string, entry: T) => {
    const list = lists[key];
    if (list) list.push(entry);
    else lists[key] = [entry];
  };
  // Report ids in order, so each list is in report-id order like the sort keys of a per-term index.
  for (const { reportId, payload } of [...reports].sort((a, b) => a.reportId.localeCompare(b.reportId))) {
    for (const [term, s, c] of payload.t)
      add(bucket(termBucketOf(term)).t, term, c ? ([reportId, s, c] as [string, string, string?]) : [reportId, s]);
    for (const band of payload.b) add(bucket(bandBucketOf(band)).b, band, reportId);
  }
  return [...buckets].flatMap(([n, payload]) =>
    splitParts(payload).map((part, i) => ({ ...keys.termBucket(n, batch, i), d: codec.packJson(part), v: 0 })),
  );
}

/** A payload in parts each under PART_MAX_BYTES compressed: halves by key until each fits. */
function splitParts(payload: BucketPayload): BucketPayload[] {
  if (codec.packJson(payload).byteLength <= PART_MAX_BYTES) return [payload];
  const entries: Array<['t' | 'b', string, unknown]> = [
    ...Object.entries(payload.t).map(([k, v]): ['t', string, unknown] => ['t', k, v]),
    ...Object.entries(payload.b).map(([k, v]): ['b', string, unknown] => ['b', k, v]),
  ];
  if (entries.length < 2) return [payload]; // one term's list: the merge batch bounds it
  const half = Math.ceil(entries.length / 2);
  const of = (xs: typeof entries): BucketPayload => {
    const p: BucketPayload = { t: {}, b: {} };
    for (const [kind, k, v] of xs) (p[kind] as Record<string, unknown>)[k] = v;
    return p;
  };
  return [...splitParts(of(entries.slice(0, half))), ...splitParts(of(entries.slice(half)))];
}

const toEntry = (term: string, s: string, c?: string): IndexEntry => {
  const carried = c ? codec.decodeIndexes(c) : [];
  return { term, statements: codec.decodeIndexes(s), ...(carried.length > 0 ? { carried } : {}) };
};

export class TermIndex {
  private readonly decoded = new Map<string, unknown>();
  /** Recent items the last read of this instance found: a merge is due from MERGE_AT. */
  private recentSeen = 0;

  constructor(
    private readonly io: IndexIo,
    private readonly mergeAt = MERGE_AT,
  ) {}

  /** Reports still in the recent items, as this instance last saw them. */
  get recentWaiting(): number {
    return this.recentSeen;
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

  /** An item's payload, decoded once per version of it (`v` of a bucket item, `h` of a recent one). */
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
   * Every item of the buckets, oldest batch first, decoded. Consistent: a merge deletes the recent items
   * right after writing its batch, so a reader that missed them must see the batch.
   */
  private async readBuckets(buckets: number[]): Promise<Map<number, BucketPayload[]>> {
    const out = new Map<number, BucketPayload[]>();
    await eachLimited([...new Set(buckets)], BUCKET_QUERY_CONCURRENCY, async (n) => {
      const items = await this.io.queryAll({
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.termBucketPartition(n) },
        ConsistentRead: true,
      });
      out.set(
        n,
        items.map((i) => this.decode<BucketPayload>(i)),
      );
    });
    return out;
  }

  /**
   * Every report holding each term (with its statements) and each band, in report-id order. The recent
   * items are read before the buckets: a merge writes its batch before it deletes what it merged, so
   * each report is seen at least once; where both have it, the recent item (the newer) wins.
   */
  async lookup(
    terms: string[],
    bands: string[],
  ): Promise<{ postings: Map<string, Posting[]>; bands: Map<string, string[]> }> {
    const recent = await this.readRecent();
    const buckets = await this.readBuckets([...terms.map(termBucketOf), ...bands.map(bandBucketOf)]);
    const postings = new Map<string, Map<string, Posting>>(terms.map((t) => [t, new Map()]));
    const members = new Map<string, Set<string>>(bands.map((b) => [b, new Set()]));
    for (const term of postings.keys()) {
      const byReport = postings.get(term)!;
      for (const payload of buckets.get(termBucketOf(term)) ?? [])
        for (const [reportId, s, c] of payload.t[term] ?? [])
          byReport.set(reportId, { reportId, ...toEntry(term, s, c) });
    }
    for (const band of members.keys())
      for (const payload of buckets.get(bandBucketOf(band)) ?? [])
        for (const reportId of payload.b[band] ?? []) members.get(band)!.add(reportId);
    for (const { reportId, payload } of recent) {
      for (const [term, s, c] of payload.t) postings.get(term)?.set(reportId, { reportId, ...toEntry(term, s, c) });
      for (const band of payload.b) members.get(band)?.add(reportId);
    }
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return {
      postings: new Map(
        [...postings].map(([t, m]) => [t, [...m.values()].sort((a, b) => byId(a.reportId, b.reportId))]),
      ),
      bands: new Map([...members].map(([b, s]) => [b, [...s].sort(byId)])),
    };
  }

  recentItem(reportId: string, postings: IndexEntry[], bands: string[]): Item {
    return recentItemOf(reportId, postings, bands);
  }

  /** Bucket items for reports loaded in bulk (no recent items: one batch of their own). */
  bulkItems(reports: Array<{ reportId: string; postings: IndexEntry[]; bands: string[] }>): Item[] {
    return bucketItemsOf(
      newBatchId(),
      reports.map((r) => ({
        reportId: r.reportId,
        payload: codec.unpackJson<RecentPayload>(recentItemOf(r.reportId, r.postings, r.bands).d as Uint8Array),
      })),
    );
  }

  /**
   * Take a report out of the index under these terms and bands: its recent item, and its entries in the
   * buckets they hash to (each item rewritten on the condition of its `v`, again on a conflict).
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
    const buckets = [...new Set([...terms.map(termBucketOf), ...bands.map(bandBucketOf)])];
    await eachLimited(buckets, BUCKET_QUERY_CONCURRENCY, async (n) => {
      const items = await this.io.queryAll({
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.termBucketPartition(n) },
        ConsistentRead: true,
      });
      for (const item of items) await this.purgeItem(item, reportId);
    });
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
              Item: { ...key, d: codec.packJson(kept), v: (item.v as number) + 1 },
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
   * Merge the recent items into a batch of bucket items (when `onlyIfDue`: only once `mergeAt` reports
   * wait, as this instance last saw). One merge at a time (a lease on the merge item); its plan is
   * written before its batch, so a merge that stopped anywhere is finished by the next. Returns how many
   * reports it merged.
   */
  async merge(onlyIfDue: boolean): Promise<number> {
    if (onlyIfDue && this.recentSeen < this.mergeAt) return 0;
    const owner = randomUUID();
    const now = Date.now();
    let lease: Item | undefined;
    try {
      lease = (
        await this.io.send<{ Attributes?: Item }>(
          new UpdateCommand({
            TableName: this.io.table,
            Key: keys.termIndexMerge(),
            UpdateExpression: 'SET leaseUntil = :until, #o = :me',
            ConditionExpression: 'attribute_not_exists(PK) OR leaseUntil < :now',
            ExpressionAttributeNames: { '#o': 'owner' },
            ExpressionAttributeValues: { ':until': now + LEASE_MS, ':me': owner, ':now': now },
            ReturnValues: 'ALL_NEW',
          }),
        )
      ).Attributes;
    } catch (e) {
      if ((e as { name?: string }).name === 'ConditionalCheckFailedException') return 0; // another merge runs
      throw e;
    }
    const mine = {
      ConditionExpression: '#o = :me',
      ExpressionAttributeNames: { '#o': 'owner' },
    };
    let plan = lease?.bt
      ? {
          batch: lease.bt as string,
          merged: codec.unpackJson<Array<[string, string]>>(lease.ms as Uint8Array),
          phase: lease.ph as 'write' | 'delete',
        }
      : undefined;
    if (!plan) {
      const recent = await this.readRecent();
      if (recent.length === 0 || (onlyIfDue && recent.length < this.mergeAt)) {
        await this.release(owner);
        return 0;
      }
      const chosen = recent.sort((a, b) => a.reportId.localeCompare(b.reportId)).slice(0, MERGE_MAX);
      plan = { batch: newBatchId(), merged: chosen.map((r) => [r.reportId, r.h]), phase: 'write' };
      await this.io.send(
        new UpdateCommand({
          TableName: this.io.table,
          Key: keys.termIndexMerge(),
          UpdateExpression: 'SET bt = :b, ms = :m, ph = :p',
          ...mine,
          ExpressionAttributeValues: {
            ':b': plan.batch,
            ':m': codec.packJson(plan.merged),
            ':p': 'write',
            ':me': owner,
          },
        }),
      );
    }
    if (plan.phase === 'write') {
      // The plan's reports as they are now (one deleted meanwhile is left out: it is gone).
      const items = await this.io.batchGet(plan.merged.map(([id]) => keys.recentIndex(recentShardOf(id), id)));
      const reports = items.map((i) => ({
        reportId: reportIdOfRecent(i),
        payload: codec.unpackJson<RecentPayload>(i.d as Uint8Array),
      }));
      await this.io.batchWrite(bucketItemsOf(plan.batch, reports).map((Item) => ({ PutRequest: { Item } })));
      // What was merged, by content: a recent item rewritten since (a re-analysis) stays for the next merge.
      const merged = new Map(items.map((i) => [reportIdOfRecent(i), i.h as string]));
      plan = {
        ...plan,
        merged: plan.merged.filter(([id]) => merged.get(id) !== undefined).map(([id]) => [id, merged.get(id)!]),
      };
      await this.io.send(
        new UpdateCommand({
          TableName: this.io.table,
          Key: keys.termIndexMerge(),
          UpdateExpression: 'SET ph = :p, ms = :m',
          ...mine,
          ExpressionAttributeValues: { ':p': 'delete', ':m': codec.packJson(plan.merged), ':me': owner },
        }),
      );
    }
    await eachLimited(plan.merged, BUCKET_QUERY_CONCURRENCY, async ([id, h]) => {
      await this.io.sendIf(
        new DeleteCommand({
          TableName: this.io.table,
          Key: keys.recentIndex(recentShardOf(id), id),
          ConditionExpression: 'h = :h',
          ExpressionAttributeValues: { ':h': h },
        }),
      );
    });
    await this.release(owner);
    this.recentSeen = Math.max(0, this.recentSeen - plan.merged.length);
    logger.info('term index merged', { batch: plan.batch, reports: plan.merged.length });
    return plan.merged.length;
  }

  private async release(owner: string): Promise<void> {
    await this.io.sendIf(
      new DeleteCommand({
        TableName: this.io.table,
        Key: keys.termIndexMerge(),
        ConditionExpression: '#o = :me',
        ExpressionAttributeNames: { '#o': 'owner' },
        ExpressionAttributeValues: { ':me': owner },
      }),
    );
  }
}

/** Batch ids sort by when the batch was made. */
const newBatchId = (): string => `${String(Date.now()).padStart(14, '0')}-${randomUUID().slice(0, 8)}`;
