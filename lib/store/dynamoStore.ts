// The Store over DynamoDB (lib-dynamodb). Works the same against AWS, DynamoDB
// Local and the embedded dynalite: only single-item conditions, batches and
// queries, no transactions (dynalite has none), so every multi-item write is
// ordered to stay correct when it stops half-way (docs/operations.md, failure semantics).
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  ApiKeyRecord,
  ClaimOrder,
  ClaimRecord,
  DeliveryRecord,
  EvidenceRecord,
  ImportedReport,
  Page,
  PageQuery,
  ClaimTerms,
  ReindexPage,
  ReindexRun,
  ReindexScanPhase,
  ReportGuard,
  ReportIndex,
  ReportRecord,
  SourceRecord,
  StatementRecord,
  Store,
  VerdictChange,
  VerdictEvent,
  WebhookRecord,
} from '../app/ports.js';
import { VERDICTS, type ClaimAnalysis, type Posting, type Verdict } from '../domain/types.js';
import { AppError } from '../errors.js';
import { eachLimited } from '../eachLimited.js';
import { backoff, sleep } from '../backoff.js';
import { logger } from '../observability.js';
import * as codec from './codec.js';
import { keys } from './keys.js';
import { ITEM_MAX_BYTES, itemBytes } from './itemSize.js';
import { GSI1, GSI2 } from './table.js';
import { TermIndex } from './termIndex.js';

type Item = Record<string, unknown>;

const BATCH_WRITE_MAX = 25;
const BATCH_GET_MAX = 100;
const UNPROCESSED_ATTEMPTS = 8;
/** Batch requests of one call in flight at once. */
const BATCH_CONCURRENCY = 4;
/** What a re-analysis changes on a report item (lib/app/reindex.ts); the rest is the ingest's. */
// `a` is the packed signature, terms and profile (codec.reportToItem).
const REANALYSED_ATTRIBUTES = ['statementCount', 'a', 'copyGroup', 'analysisVersion'];
/** Term partitions queried at once when looking up the claims of a report's terms. */
const TERM_QUERY_CONCURRENCY = 16;
/** Copy-band members read per band: a band shared by very many reports costs no more. */
export const BAND_MEMBERS_PER_BAND = 100;

const chunk = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export const isConditionalFailure = (e: unknown): boolean =>
  (e as { name?: string })?.name === 'ConditionalCheckFailedException';

const RETRYABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

/** Errors the SDK already retried and gave up on become a clear, typed error for callers. */
function unavailable(e: unknown): never {
  const name = (e as { name?: string })?.name ?? 'Error';
  const status = (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ?? 0;
  if (RETRYABLE.has(name) || status >= 500) {
    logger.error('store unavailable after retries', { error: name });
    throw new AppError(
      'UNAVAILABLE',
      'The data store is busy or unavailable; the request was not completed. Retry later.',
    );
  }
  throw e;
}

export class DynamoStore implements Store {
  private readonly termIndex: TermIndex;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    options: { mergeAt?: number; fanIn?: number; fanInAbove?: number } = {},
  ) {
    this.termIndex = new TermIndex(
      {
        table,
        send: (command) => this.send(command),
        sendIf: (command) => this.sendIf(command),
        queryAll: async (input) => {
          const out: Item[] = [];
          for await (const page of this.queryPages(input)) out.push(...(page.Items ?? []));
          return out;
        },
        batchWrite: (requests, concurrency) => this.batchWrite(requests, concurrency),
        batchGet: (keyList) => this.batchGet(keyList),
      },
      options.mergeAt,
      options.fanIn,
      options.fanInAbove,
    );
  }

  private async send<T>(command: object): Promise<T> {
    try {
      // One generic path for every command type: the document client's overloads do not unify.
      return (await (this.doc.send as (c: object) => Promise<unknown>).call(this.doc, command)) as T;
    } catch (e) {
      if (isConditionalFailure(e)) throw e;
      return unavailable(e);
    }
  }

  /** Every page of one query, in order (the table is filled in; each page's `Items` and `Count` as sent). */
  private async *queryPages(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  ): AsyncGenerator<{ Items?: Item[]; Count?: number }> {
    let lastKey: Item | undefined;
    do {
      const page = await this.send<{ Items?: Item[]; Count?: number; LastEvaluatedKey?: Item }>(
        new QueryCommand({ ...input, TableName: this.table, ExclusiveStartKey: lastKey }),
      );
      yield page;
      lastKey = page.LastEvaluatedKey;
    } while (lastKey);
  }

  /** Sends a conditional command: false when its condition did not hold, instead of throwing. */
  private async sendIf(command: object): Promise<boolean> {
    try {
      await this.send(command);
      return true;
    } catch (e) {
      if (isConditionalFailure(e)) return false;
      throw e;
    }
  }

  private async get(key: Item): Promise<Item | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }),
    );
    return out.Item;
  }

  /** Conditional put: false when an item with that key already exists. */
  private async putNew(item: Item): Promise<boolean> {
    return this.sendIf(
      new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
  }

  /** BatchWrite with retries of unprocessed items until all are written; a few batches in flight at once. */
  async batchWrite(
    requests: Array<{ PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } }>,
    concurrency = BATCH_CONCURRENCY,
  ): Promise<void> {
    await eachLimited(chunk(requests, BATCH_WRITE_MAX), concurrency, async (part) => {
      let pending: typeof part = part;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= UNPROCESSED_ATTEMPTS) {
          throw new AppError('UNAVAILABLE', 'The data store kept refusing part of a batch write; retry the request.');
        }
        if (attempt > 0) await sleep(backoff(attempt));
        const out = await this.send<{ UnprocessedItems?: Record<string, typeof part> }>(
          new BatchWriteCommand({ RequestItems: { [this.table]: pending } }),
        );
        pending = out.UnprocessedItems?.[this.table] ?? [];
      }
    });
  }

  async batchGet(keyList: Item[]): Promise<Item[]> {
    const out: Item[] = [];
    const unique = [...new Map(keyList.map((k) => [`${k.PK}|${k.SK}`, k])).values()];
    for (const part of chunk(unique, BATCH_GET_MAX)) {
      let pending: Item[] = part;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= UNPROCESSED_ATTEMPTS)
          throw new AppError('UNAVAILABLE', 'The data store kept refusing part of a batch read; retry.');
        if (attempt > 0) await sleep(backoff(attempt));
        const res = await this.send<{
          Responses?: Record<string, Item[]>;
          UnprocessedKeys?: Record<string, { Keys?: Item[] }>;
        }>(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }));
        out.push(...(res.Responses?.[this.table] ?? []));
        pending = res.UnprocessedKeys?.[this.table]?.Keys ?? [];
      }
    }
    return out;
  }

  private async page<T>(
    input: Omit<QueryCommandInput, 'TableName'>,
    query: PageQuery,
    decode: (i: Item) => T,
  ): Promise<Page<T>> {
    // The list a cursor belongs to: its index, partition and (on the table) sort-key prefix.
    const index = input.IndexName;
    const partition = input.ExpressionAttributeValues?.[':pk'] as string;
    const prefix = (input.ExpressionAttributeValues?.[':p'] as string | undefined) ?? '';
    const listing = `${index ?? 'table'}|${partition}|${prefix}`;
    const attrs = index ? ['PK', 'SK', `${index}SK`] : ['PK', 'SK'];
    const fits = (position: string[]) => (index ? true : position[0] === partition && position[1]!.startsWith(prefix));
    const startKey: Item | undefined = query.after
      ? {
          ...Object.fromEntries(
            codec.decodeCursor(query.after, listing, attrs.length, fits).map((v, i) => [attrs[i]!, v]),
          ),
          ...(index ? { [`${index}PK`]: partition } : {}),
        }
      : undefined;
    const items: Item[] = [];
    let lastKey: Item | undefined = startKey;
    // Ask for one more than a page to know whether another page follows.
    do {
      const out = await this.send<{ Items?: Item[]; LastEvaluatedKey?: Item }>(
        new QueryCommand({
          ...input,
          TableName: this.table,
          Limit: query.first + 1 - items.length,
          ExclusiveStartKey: lastKey,
        }),
      );
      items.push(...(out.Items ?? []));
      lastKey = out.LastEvaluatedKey;
    } while (lastKey && items.length < query.first + 1);
    const hasNextPage = items.length > query.first;
    const edges = items.slice(0, query.first).map((i) => ({
      node: decode(i),
      cursor: codec.encodeCursor(
        listing,
        attrs.map((a) => i[a] as string),
      ),
    }));
    return {
      edges,
      pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null, startCursor: edges[0]?.cursor ?? null },
    };
  }

  // ---- counters
  async counters(): Promise<{ reports: number; claims: number }> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({
        TableName: this.table,
        Key: keys.counters(),
        ConsistentRead: true,
        ProjectionExpression: 'reports, claims',
      }),
    );
    const item = out.Item;
    return { reports: (item?.reports as number) ?? 0, claims: (item?.claims as number) ?? 0 };
  }

  async addToCounters(delta: { reports?: number; claims?: number }): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.counters(),
        UpdateExpression: 'ADD reports :r, claims :c',
        ExpressionAttributeValues: { ':r': delta.reports ?? 0, ':c': delta.claims ?? 0 },
      }),
    );
  }

  // ---- reports
  private guardKey(guard: ReportGuard): Item {
    return guard.kind === 'url'
      ? keys.reportUrlGuard(guard.urlHash)
      : keys.reportContentGuard(guard.sourceKey, guard.contentHash);
  }

  async claimReportGuard(guard: ReportGuard, reportId: string): Promise<string> {
    const key = this.guardKey(guard);
    if (await this.putNew({ ...key, type: 'Guard', reportId })) return reportId;
    const existing = await this.get(key);
    return (existing?.reportId as string | undefined) ?? reportId;
  }

  async readReportGuard(guard: ReportGuard): Promise<string | undefined> {
    return (await this.get(this.guardKey(guard)))?.reportId as string | undefined;
  }

  async releaseReportGuard(guard: ReportGuard, reportId: string): Promise<void> {
    try {
      await this.send(
        new DeleteCommand({
          TableName: this.table,
          Key: this.guardKey(guard),
          ConditionExpression: 'reportId = :id',
          ExpressionAttributeValues: { ':id': reportId },
        }),
      );
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
    }
  }

  async replaceReportGuard(guard: ReportGuard, staleOwner: string, reportId: string): Promise<string> {
    const key = this.guardKey(guard);
    try {
      await this.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key, type: 'Guard', reportId },
          ConditionExpression: 'attribute_not_exists(PK) OR reportId = :stale',
          ExpressionAttributeValues: { ':stale': staleOwner },
        }),
      );
      return reportId;
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
      return ((await this.get(key))?.reportId as string | undefined) ?? reportId;
    }
  }

  oversizedReportItem(
    report: ReportRecord,
    index: ReportIndex,
  ): { item: string; bytes: number; limit: number } | undefined {
    const named: Array<[string, Item]> = [
      ['the report record (its title, URL and distinct words)', codec.reportToItem(report)],
      ['the report text (compressed)', codec.reportTextToItem(report.id, index.text)],
      ...codec.statementPacksOf(report.id, index.statements).map((pack, i): [string, Item] => {
        const first = i * codec.STATEMENTS_PER_PACK;
        const last = Math.min(index.statements.length, first + codec.STATEMENTS_PER_PACK);
        return [`the pack of sentences ${first + 1}-${last}`, pack];
      }),
    ];
    for (const [item, value] of named) {
      const bytes = itemBytes(value);
      if (bytes > ITEM_MAX_BYTES) return { item, bytes, limit: ITEM_MAX_BYTES };
    }
    return undefined;
  }

  /**
   * The keys a stored report's statements, postings and band memberships may have (its text item aside): the
   * statement packs, and the keys of stores written before packs and the hashed term index (one item per
   * statement, per term, per band; deleting a key that holds nothing is free of harm).
   */
  private indexKeysOf(report: Pick<ReportRecord, 'id' | 'statementCount' | 'terms' | 'signature'>): Item[] {
    const packs = Math.ceil(report.statementCount / codec.STATEMENTS_PER_PACK);
    return [
      ...Array.from({ length: packs }, (_, p) => keys.statementPack(report.id, p)),
      ...Array.from({ length: report.statementCount }, (_, i) => keys.legacyStatement(report.id, i)),
      ...report.terms.map((t) => keys.posting(t, report.id)),
      ...report.signature.bands.map((b) => keys.band(b, report.id)),
    ];
  }

  async getReportText(reportId: string): Promise<string | undefined> {
    const item = await this.get(keys.reportText(reportId));
    return item ? codec.itemToReportText(item) : undefined;
  }

  async replaceReportIndex(previous: ReportRecord, next: ReportRecord, index: ReportIndex): Promise<boolean> {
    // The new index over the old (same keys are overwritten), then what only the old analysis had, then
    // the flip. No step needs the one before it to have been the last: stopped anywhere, the same call
    // again (the report item still says `previous`) ends in the same items.
    await this.putReportIndex(next.id, index);
    const kept = new Set(this.indexKeysOf(next).map((k) => `${k.PK}|${k.SK}`));
    const stale = this.indexKeysOf(previous).filter((k) => !kept.has(`${k.PK}|${k.SK}`));
    await this.batchWrite(stale.map((Key) => ({ DeleteRequest: { Key } })));
    // The old analysis as merged into the hashed index; the new one is in the report's recent item.
    await this.termIndex.purge(previous.id, previous.terms, previous.signature.bands, { keepRecent: true });
    // An update of the analysis' own attributes, not a put: the owed-work markers and the listings are
    // other writers' (a put could bring back an `owesCounters` already cleared, and count the report twice).
    const item = codec.reportToItem(next);
    const names = REANALYSED_ATTRIBUTES.filter((n) => item[n] !== undefined);
    const flipped = await this.sendIf(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.report(next.id),
        UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
        ConditionExpression: previous.analysisVersion
          ? 'attribute_exists(PK) AND #v = :previous'
          : 'attribute_exists(PK) AND attribute_not_exists(#v)',
        ExpressionAttributeNames: {
          '#v': 'analysisVersion',
          ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(names.map((n, i) => [`:f${i}`, item[n]])),
          ...(previous.analysisVersion ? { ':previous': previous.analysisVersion } : {}),
        },
      }),
    );
    if (!flipped && !(await this.get(keys.report(next.id)))) {
      // Deleted meanwhile: its delete removed what the old record named; the new index is ours to remove.
      await this.batchWrite(
        [keys.reportText(next.id), ...this.indexKeysOf(next)].map((Key) => ({ DeleteRequest: { Key } })),
      );
      await this.termIndex.purge(next.id, next.terms, next.signature.bands);
    }
    return flipped;
  }

  async removeReportIndex(reportId: string, index: ReportIndex): Promise<void> {
    const deletes = [
      ...(await this.statementItemKeys(reportId)),
      ...this.indexItems(reportId, { ...index, statements: [] }).map((i) => ({ PK: i.PK, SK: i.SK }) as Item),
    ];
    await this.batchWrite(deletes.map((Key) => ({ DeleteRequest: { Key } })));
    // A merge may have taken its recent item into a batch meanwhile.
    await this.termIndex.purge(
      reportId,
      index.postings.map((p) => p.term),
      index.bands,
    );
  }

  /** The keys of a report's statement items as stored: packs, or one item per statement in stores written before. */
  private async statementItemKeys(reportId: string): Promise<Item[]> {
    const out: Item[] = [];
    for await (const page of this.queryPages({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.report(reportId).PK, ':p': 'STMT' },
      ProjectionExpression: 'PK, SK',
    }))
      out.push(...(page.Items ?? []));
    return out;
  }

  /**
   * A report's index items: its text, its statements in packs, and one recent item of the term index
   * with its postings and copy bands (lib/store/termIndex.ts merges it into the hashed buckets later).
   */
  private indexItems(reportId: string, index: ReportIndex): Item[] {
    return [
      codec.reportTextToItem(reportId, index.text),
      ...codec.statementPacksOf(reportId, index.statements),
      this.termIndex.recentItem(reportId, index.postings, index.bands),
    ];
  }

  async putReportIndex(reportId: string, index: ReportIndex): Promise<void> {
    await this.batchWrite(this.indexItems(reportId, index).map((Item) => ({ PutRequest: { Item } })));
  }

  async mergeTermIndex(onlyIfDue: boolean): Promise<number> {
    return this.termIndex.merge(onlyIfDue);
  }

  async bandMembers(bands: string[], capPerBand = BAND_MEMBERS_PER_BAND): Promise<string[]> {
    const [hashed, legacy] = await Promise.all([
      this.termIndex.lookup([], bands),
      this.legacyBandMembers(bands, capPerBand),
    ]);
    const lists = bands.map((band, i) =>
      [...new Set([...legacy[i]!, ...(hashed.bands.get(band) ?? [])])].sort().slice(0, capPerBand),
    );
    return [...new Set(lists.flat())];
  }

  /** Band members of stores written before the hashed index: an item per (band, report), or a string set per band. */
  private async legacyBandMembers(bands: string[], capPerBand: number): Promise<string[][]> {
    return Promise.all(
      bands.map(async (band) => {
        const out = await this.send<{ Items?: Item[] }>(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.bandPartition(band) },
            Limit: capPerBand,
          }),
        );
        // A member item per report, or (stores written before) one string set per band.
        return (out.Items ?? []).flatMap((i) => (i.ids ? [...(i.ids as Set<string>)] : [codec.reportIdOfMember(i)]));
      }),
    );
  }

  async importReports(reports: ImportedReport[]): Promise<void> {
    const items: Item[] = [];
    const sources = new Map<string, { name: string; count: number }>();
    // A recent item each, merged below as ingests would have merged them.
    for (const { report, index } of reports)
      items.push(this.termIndex.recentItem(report.id, index.postings, index.bands));
    for (const { report, index, urlHash } of reports) {
      items.push(
        codec.reportTextToItem(report.id, index.text),
        ...codec.statementPacksOf(report.id, index.statements),
        codec.reportToItem(report),
      );
      items.push({
        ...keys.reportContentGuard(report.sourceKey, report.contentHash),
        type: 'Guard',
        reportId: report.id,
      });
      if (urlHash) items.push({ ...keys.reportUrlGuard(urlHash), type: 'Guard', reportId: report.id });
      const source = sources.get(report.sourceKey) ?? { name: report.source, count: 0 };
      source.count += 1;
      sources.set(report.sourceKey, source);
    }
    await this.batchWrite(
      items.map((Item) => ({ PutRequest: { Item } })),
      8,
    );
    await Promise.all([...sources].map(([key, s]) => this.addToSource(key, s.name, s.count)));
    await this.addToCounters({ reports: reports.length });
    await this.termIndex.mergeBacklog();
  }

  async putReport(report: ReportRecord): Promise<boolean> {
    return this.putNew(codec.reportToItem(report));
  }

  async lowerCopyGroup(reportId: string, copyGroup: string): Promise<void> {
    try {
      await this.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.report(reportId),
          UpdateExpression: 'SET copyGroup = :g',
          ConditionExpression: 'attribute_exists(PK) AND copyGroup > :g',
          ExpressionAttributeValues: { ':g': copyGroup },
        }),
      );
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
    }
  }

  async countReportOnce(report: ReportRecord, delta: 1 | -1): Promise<void> {
    // No transactions: each counter item records the operation with its delta in one atomic
    // update (the `inflight` set), so a repeat after a crash anywhere in this sequence adds nothing.
    // The marker is dropped only once the report no longer says it owes the count.
    const op = `${delta > 0 ? 'add' : 'del'}:${report.id}`;
    const { PK, SK, GSI1PK, GSI1SK } = keys.source(report.sourceKey);
    const counted: Array<{ key: Item; set?: string; add: string; names: Record<string, string>; values: Item }> = [
      { key: keys.counters(), add: 'reports :d', names: {}, values: {} },
      {
        key: { PK, SK },
        set: '#n = if_not_exists(#n, :name), GSI1PK = :g1, GSI1SK = :g2, sourceKey = :k',
        add: 'reportCount :d',
        names: { '#n': 'name' },
        values: { ':name': report.source, ':g1': GSI1PK, ':g2': GSI1SK, ':k': report.sourceKey },
      },
    ];
    await Promise.all(
      counted.map(async (c) => {
        try {
          await this.send(
            new UpdateCommand({
              TableName: this.table,
              Key: c.key,
              UpdateExpression: `${c.set ? `SET ${c.set} ` : ''}ADD ${c.add}, #inflight :op`,
              ConditionExpression: 'NOT contains(#inflight, :opId)',
              ExpressionAttributeNames: { ...c.names, '#inflight': 'inflight' },
              ExpressionAttributeValues: { ...c.values, ':d': delta, ':op': new Set([op]), ':opId': op },
            }),
          );
        } catch (e) {
          if (!isConditionalFailure(e)) throw e; // counted before
        }
      }),
    );
    if (delta > 0) await this.removeAttribute(keys.report(report.id), 'owesCounters');
    await Promise.all(
      counted.map((c) =>
        this.send(
          new UpdateCommand({
            TableName: this.table,
            Key: c.key,
            UpdateExpression: 'DELETE #inflight :op',
            ExpressionAttributeNames: { '#inflight': 'inflight' },
            ExpressionAttributeValues: { ':op': new Set([op]) },
          }),
        ),
      ),
    );
  }

  async clearOwedRecheck(reportIds: string[]): Promise<void> {
    await eachLimited([...new Set(reportIds)], BATCH_CONCURRENCY, (id) =>
      this.removeAttribute(keys.report(id), 'owesRecheck'),
    );
  }

  /** REMOVE an attribute of an item if the item still exists. */
  private async removeAttribute(key: Item, name: string): Promise<void> {
    try {
      await this.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key,
          UpdateExpression: 'REMOVE #a',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#a': name },
        }),
      );
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
    }
  }

  async getReport(id: string): Promise<ReportRecord | null> {
    const item = await this.get(keys.report(id));
    return item ? codec.itemToReport(item) : null;
  }

  async getReports(ids: readonly string[]): Promise<Array<ReportRecord | null>> {
    return this.getMany(ids, keys.report, codec.itemToReport);
  }

  /** Batch-get items by id, in the order asked, null where missing. */
  private async getMany<T>(
    ids: readonly string[],
    keyOf: (id: string) => Item,
    decode: (i: Item) => T,
  ): Promise<Array<T | null>> {
    const items = await this.batchGet(ids.map(keyOf));
    const byId = new Map(items.map((i) => [i.id as string, decode(i)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Take a report out of the string-set band items of stores written before band members were items. */
  private async removeFromLegacyBands(bands: string[], reportId: string): Promise<void> {
    await Promise.all(
      bands.map(async (band) => {
        try {
          await this.send(
            new UpdateCommand({
              TableName: this.table,
              Key: keys.legacyBand(band),
              UpdateExpression: 'DELETE ids :v',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':v': new Set([reportId]) },
            }),
          );
        } catch (e) {
          if (!isConditionalFailure(e)) throw e;
        }
      }),
    );
  }

  async getStatements(refs: Array<{ reportId: string; index: number }>): Promise<StatementRecord[]> {
    const wanted = new Set(refs.map((r) => `${r.reportId}#${r.index}`));
    const packs = await this.batchGet(refs.map((r) => keys.statementPack(r.reportId, codec.packOf(r.index))));
    const found = packs.flatMap(codec.itemToStatements).filter((s) => wanted.has(`${s.reportId}#${s.statement.index}`));
    // Reports stored before packs have none: their statements are one item each.
    const packed = new Set(packs.map((p) => p.PK as string));
    const legacy = refs.filter((r) => !packed.has(keys.report(r.reportId).PK));
    if (legacy.length === 0) return found;
    const items = await this.batchGet(legacy.map((r) => keys.legacyStatement(r.reportId, r.index)));
    return [...found, ...items.map(codec.itemToLegacyStatement)];
  }

  async deleteReport(report: ReportRecord, urlHash: string | undefined): Promise<boolean> {
    // Conditional: of concurrent deletes of one report, exactly one removes it and does the rest.
    if (
      !(await this.sendIf(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.report(report.id),
          ConditionExpression: 'attribute_exists(PK)',
        }),
      ))
    )
      return false;
    const deletes: Item[] = [
      keys.reportText(report.id),
      ...(await this.statementItemKeys(report.id)),
      ...report.terms.map((t) => keys.posting(t, report.id)),
      ...report.signature.bands.map((b) => keys.band(b, report.id)),
    ];
    await this.batchWrite(deletes.map((Key) => ({ DeleteRequest: { Key } })));
    await this.termIndex.purge(report.id, report.terms, report.signature.bands);
    await this.removeFromLegacyBands(report.signature.bands, report.id);
    await this.releaseReportGuard(
      { kind: 'content', sourceKey: report.sourceKey, contentHash: report.contentHash },
      report.id,
    );
    if (urlHash) await this.releaseReportGuard({ kind: 'url', urlHash }, report.id);
    return true;
  }

  async listReports(query: PageQuery & { sourceKey?: string; oldestFirst?: boolean }): Promise<Page<ReportRecord>> {
    const bySource = query.sourceKey !== undefined;
    const index = bySource ? GSI1 : GSI2;
    return this.page(
      {
        IndexName: index,
        KeyConditionExpression: `${index}PK = :pk`,
        ExpressionAttributeValues: { ':pk': bySource ? keys.sourcePartition(query.sourceKey!) : keys.reportsPartition },
        ScanIndexForward: query.oldestFirst === true,
      },
      query,
      codec.itemToReport,
    );
  }

  // ---- term index
  async postings(term: string, cap: number): Promise<Posting[]> {
    return (await this.postingsOfTerms([term], cap))[0]!;
  }

  async postingsOfTerms(terms: string[], cap: number): Promise<Posting[][]> {
    if (terms.length === 0) return [];
    const [hashed, legacy] = await Promise.all([
      this.termIndex.lookup(terms, []),
      Promise.all(terms.map((t) => this.legacyPostings(t, cap))),
    ]);
    return terms.map((term, i) => {
      const byReport = new Map(legacy[i]!.map((p) => [p.reportId, p]));
      for (const p of hashed.postings.get(term) ?? []) byReport.set(p.reportId, p);
      return [...byReport.values()].sort((a, b) => (a.reportId < b.reportId ? -1 : 1)).slice(0, cap);
    });
  }

  /** Postings of stores written before the hashed index: one item per (term, report). */
  private async legacyPostings(term: string, cap: number): Promise<Posting[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :r)',
        ExpressionAttributeValues: { ':pk': keys.postingPartition(term), ':r': keys.postingPrefix },
        Limit: cap,
      }),
    );
    // Postings stored before the compact layout hold `st` and `cs` lists and a `reportId`.
    return (out.Items ?? []).map((i) => {
      const carried = codec.decodeIndexes(i.c ?? i.cs);
      return {
        term,
        reportId: codec.reportIdOfMember(i),
        statements: codec.decodeIndexes(i.s ?? i.st),
        ...(carried.length > 0 ? { carried } : {}),
      };
    });
  }

  async claimsForTerms(
    terms: string[],
    index: 'search' | 'watch',
  ): Promise<Map<string, { hits: number; termCount: number }>> {
    const out = new Map<string, { hits: number; termCount: number }>();
    const hit = (id: string, termCount: number) => {
      const current = out.get(id) ?? { hits: 0, termCount };
      current.hits += 1;
      out.set(id, current);
    };
    const prefix = keys.termClaimsPrefix(index);
    await eachLimited([...new Set(terms)], TERM_QUERY_CONCURRENCY, async (term) => {
      for await (const page of this.queryPages({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': keys.postingPartition(term), ':p': prefix },
        ProjectionExpression: 'SK, n, ids',
        ConsistentRead: true,
      })) {
        for (const item of page.Items ?? []) {
          const sk = item.SK as string;
          if (sk.startsWith(`${prefix}#`)) hit(sk.slice(prefix.length + 1), Number(item.n) || 1);
          else if (sk === prefix) {
            // The one string set per term of stores written before: entries are `claimId:termCount`.
            for (const entry of (item.ids as Set<string> | undefined) ?? []) {
              const [id, count] = entry.split(':');
              hit(id!, Number(count) || 1);
            }
          }
        }
      }
    });
    return out;
  }

  async addClaimToTerms(claimId: string, terms: string[], index: 'search' | 'watch'): Promise<void> {
    const distinct = [...new Set(terms)];
    await this.batchWrite(
      distinct.map((t) => ({ PutRequest: { Item: { ...keys.termClaim(t, index, claimId), n: terms.length } } })),
    );
  }

  /**
   * Take a claim out of the term -> claims index: its (term, claim) items for `stale`, and, for stores written
   * before that layout, its `claimId:termCount` entry in each of `previous`'s string sets (the new items stand
   * for the kept terms, so the old entry goes everywhere).
   */
  private async removeClaimFromTerms(
    claimId: string,
    stale: string[],
    previous: string[],
    index: 'search' | 'watch',
  ): Promise<void> {
    await this.batchWrite(stale.map((t) => ({ DeleteRequest: { Key: keys.termClaim(t, index, claimId) } })));
    const entry = `${claimId}:${previous.length}`;
    await eachLimited(previous, TERM_QUERY_CONCURRENCY, async (t) => {
      // conditional, so a store without the old set gains no empty item
      await this.sendIf(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.legacyTermClaims(t, index),
          UpdateExpression: 'DELETE ids :v',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':v': new Set([entry]) },
        }),
      );
    });
  }

  async replaceClaimAnalysis(
    previous: ClaimRecord,
    next: { analysis: ClaimAnalysis; analysisVersion: string },
    terms: { previous: ClaimTerms; next: ClaimTerms },
  ): Promise<boolean> {
    for (const index of ['search', 'watch'] as const) {
      const before = terms.previous[index];
      const after = terms.next[index];
      await this.addClaimToTerms(previous.id, after, index);
      const stale = before.filter((t) => !after.includes(t));
      await this.removeClaimFromTerms(previous.id, stale, before, index);
    }
    return this.sendIf(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.claim(previous.id),
        UpdateExpression: 'SET analysis = :a, analysisVersion = :v',
        ConditionExpression: previous.analysisVersion
          ? 'attribute_exists(PK) AND analysisVersion = :previous'
          : 'attribute_exists(PK) AND attribute_not_exists(analysisVersion)',
        ExpressionAttributeValues: {
          ':a': JSON.stringify(next.analysis),
          ':v': next.analysisVersion,
          ...(previous.analysisVersion ? { ':previous': previous.analysisVersion } : {}),
        },
      }),
    );
  }

  // ---- claims
  async claimClaimGuard(textHash: string, claimId: string): Promise<string> {
    const key = keys.claimTextGuard(textHash);
    if (await this.putNew({ ...key, type: 'Guard', claimId })) return claimId;
    return ((await this.get(key))?.claimId as string | undefined) ?? claimId;
  }

  async putClaim(claim: ClaimRecord): Promise<boolean> {
    return this.putNew(codec.claimToItem(claim));
  }

  async getClaim(id: string): Promise<ClaimRecord | null> {
    const item = await this.get(keys.claim(id));
    return item ? codec.itemToClaim(item) : null;
  }

  async getClaims(ids: readonly string[]): Promise<Array<ClaimRecord | null>> {
    return this.getMany(ids, keys.claim, codec.itemToClaim);
  }

  async saveVerdict(
    claim: ClaimRecord,
    expectedVersion: number,
    evidence: EvidenceRecord[],
    change: VerdictChange | undefined,
  ): Promise<boolean> {
    // Evidence of the new version first (invisible until the claim points at it), then the
    // conditional flip of the claim item, then clean-up of the old version's evidence.
    // An update, not a put: `pending` may be bumped concurrently and must not be overwritten.
    await this.batchWrite(evidence.map((e) => ({ PutRequest: { Item: codec.evidenceToItem(e, claim.version) } })));
    const fields: Record<string, unknown> = {
      verdict: claim.verdict,
      confidence: claim.confidence,
      rule: claim.rule,
      explanation: claim.explanation,
      supportCount: claim.supportCount,
      contradictCount: claim.contradictCount,
      mentionCount: claim.mentionCount,
      independentSources: claim.independentSources,
      updatedAt: claim.updatedAt,
      version: claim.version,
      checked: claim.checked,
      // The verdict's events ride in the same conditional write: a change is stored with its announcement or not at all.
      eventSeq: claim.eventSeq,
      unsentEvents: codec.unsentEventsValue(claim.unsentEvents),
      ...keys.claimByVerdict(claim.verdict, claim.updatedAt, claim.id),
    };
    const names = Object.keys(fields);
    try {
      await this.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.claim(claim.id),
          UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
          ConditionExpression: '#v = :expected',
          ExpressionAttributeNames: { '#v': 'version', ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])) },
          ExpressionAttributeValues: {
            ':expected': expectedVersion,
            ...Object.fromEntries(names.map((n, i) => [`:f${i}`, fields[n]])),
          },
        }),
      );
    } catch (e) {
      if (!isConditionalFailure(e)) throw e;
      await this.deleteEvidenceVersion(claim.id, claim.version);
      return false;
    }
    await Promise.all([
      change
        ? this.send(
            new PutCommand({ TableName: this.table, Item: codec.historyToItem(claim.id, claim.version, change) }),
          )
        : undefined,
      this.deleteEvidenceVersion(claim.id, expectedVersion),
    ]);
    return true;
  }

  async markClaimPending(claimId: string): Promise<number | undefined> {
    try {
      const out = await this.send<{ Attributes?: Item }>(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.claim(claimId),
          UpdateExpression: 'ADD pending :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return out.Attributes?.pending as number | undefined;
    } catch (e) {
      if (isConditionalFailure(e)) return undefined;
      throw e;
    }
  }

  private async deleteEvidenceVersion(claimId: string, version: number): Promise<void> {
    for await (const page of this.queryPages({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.claim(claimId).PK, ':p': keys.evidencePrefix(version) },
      ProjectionExpression: 'PK, SK',
    }))
      await this.batchWrite((page.Items ?? []).map((Key) => ({ DeleteRequest: { Key } })));
  }

  async listClaims(
    query: PageQuery & { verdict?: Verdict; order?: ClaimOrder; changedSince?: string },
  ): Promise<Page<ClaimRecord>> {
    const order =
      query.changedSince !== undefined ? 'changed' : (query.order ?? (query.verdict ? 'changed' : 'created'));
    if (order === 'changed' && !query.verdict) return this.listClaimsChanged(query);
    // GSI2's sort key starts with updatedAt, so "changed since" is a key condition, not a filter.
    const since =
      order === 'changed' && query.changedSince !== undefined
        ? { cond: ' AND GSI2SK >= :since', values: { ':since': query.changedSince } }
        : { cond: '', values: {} };
    const index = order === 'changed' ? GSI2 : GSI1;
    // Newest of one verdict has no index of its own: the newest-first listing, filtered (pages may
    // read more than they return; `page` keeps reading until the page is full or the index ends).
    const filter =
      order === 'created' && query.verdict
        ? { FilterExpression: '#verdict = :verdict', ExpressionAttributeNames: { '#verdict': 'verdict' } }
        : {};
    return this.page(
      {
        IndexName: index,
        KeyConditionExpression: `${index}PK = :pk${since.cond}`,
        ExpressionAttributeValues: {
          ':pk': index === GSI2 ? keys.verdictPartition(query.verdict!) : keys.claimsPartition,
          ...(filter.FilterExpression ? { ':verdict': query.verdict } : {}),
          ...since.values,
        },
        ...filter,
        ScanIndexForward: false,
      },
      query,
      codec.itemToClaim,
    );
  }

  /**
   * Every claim, most recently changed first: the per-verdict listings (GSI2, sorted by updatedAt) merged.
   * Each partition's first+1 claims below the cursor hold the merged page's, so a page is one query per
   * verdict; the cursor is the sort key of the last claim returned.
   */
  private async listClaimsChanged(query: PageQuery & { changedSince?: string }): Promise<Page<ClaimRecord>> {
    let before: string | undefined;
    if (query.after) before = codec.decodeCursor(query.after, 'claims-changed', 1, ([sk]) => typeof sk === 'string')[0];
    const since = query.changedSince;
    // A cursor below the lower bound has nothing after it (and BETWEEN would refuse the inverted range).
    if (before !== undefined && since !== undefined && before < since) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null, startCursor: null } };
    }
    // One sort-key condition per query: with both bounds, BETWEEN (inclusive) and the cursor's own item dropped after.
    const condition =
      before !== undefined && since !== undefined
        ? 'GSI2PK = :pk AND GSI2SK BETWEEN :since AND :before'
        : before !== undefined
          ? 'GSI2PK = :pk AND GSI2SK < :before'
          : since !== undefined
            ? 'GSI2PK = :pk AND GSI2SK >= :since'
            : 'GSI2PK = :pk';
    const pages = await Promise.all(
      VERDICTS.map((verdict) =>
        this.send<{ Items?: Item[] }>(
          new QueryCommand({
            TableName: this.table,
            IndexName: GSI2,
            KeyConditionExpression: condition,
            ExpressionAttributeValues: {
              ':pk': keys.verdictPartition(verdict),
              ...(before === undefined ? {} : { ':before': before }),
              ...(since === undefined ? {} : { ':since': since }),
            },
            ScanIndexForward: false,
            Limit: query.first + (before !== undefined && since !== undefined ? 2 : 1),
          }),
        ),
      ),
    );
    const items = pages
      .flatMap((p) => p.Items ?? [])
      .filter((i) => before === undefined || String(i.GSI2SK) < before)
      .sort((a, b) => String(b.GSI2SK).localeCompare(String(a.GSI2SK)));
    const edges = items
      .slice(0, query.first)
      .map((i) => ({ node: codec.itemToClaim(i), cursor: codec.encodeCursor('claims-changed', [String(i.GSI2SK)]) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: items.length > query.first,
        endCursor: edges.at(-1)?.cursor ?? null,
        startCursor: edges[0]?.cursor ?? null,
      },
    };
  }

  async listEvidence(claim: ClaimRecord, query: PageQuery & { stanceOrder?: number }): Promise<Page<EvidenceRecord>> {
    return this.page(
      {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: {
          ':pk': keys.claim(claim.id).PK,
          ':p': keys.evidencePrefix(claim.version, query.stanceOrder),
        },
      },
      query,
      codec.itemToEvidence,
    );
  }

  async listHistory(claimId: string): Promise<VerdictChange[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': keys.claim(claimId).PK, ':p': keys.historyPrefix },
        Limit: 100,
      }),
    );
    return (out.Items ?? []).map(codec.itemToHistory);
  }

  // ---- verdict events (the outbox)
  async putVerdictEvent(event: VerdictEvent): Promise<boolean> {
    return this.putNew(codec.verdictEventToItem(event));
  }

  async listVerdictEvents(claimId: string, limit: number): Promise<VerdictEvent[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': keys.claim(claimId).PK, ':p': keys.verdictEventPrefix },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(codec.itemToVerdictEvent);
  }

  async clearUnsentEvents(claimId: string, version: number): Promise<boolean> {
    return this.sendIf(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.claim(claimId),
        UpdateExpression: 'SET unsentEvents = :none',
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':none': [], ':v': version },
      }),
    );
  }

  // ---- webhooks and their deliveries
  async putWebhook(webhook: WebhookRecord): Promise<void> {
    await this.send(new PutCommand({ TableName: this.table, Item: codec.webhookToItem(webhook) }));
  }

  async getWebhook(id: string): Promise<WebhookRecord | null> {
    const item = await this.get(keys.webhook(id));
    return item ? codec.itemToWebhook(item) : null;
  }

  async listWebhooks(): Promise<WebhookRecord[]> {
    const out: WebhookRecord[] = [];
    for await (const page of this.queryPages({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.webhooksPartition },
    }))
      out.push(...(page.Items ?? []).map(codec.itemToWebhook));
    return out;
  }

  async deleteWebhook(id: string): Promise<boolean> {
    if (
      !(await this.sendIf(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.webhook(id),
          ConditionExpression: 'attribute_exists(PK)',
        }),
      ))
    )
      return false;
    for await (const page of this.queryPages({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.webhook(id).PK, ':p': keys.deliveryPrefix },
      ProjectionExpression: 'PK, SK',
    }))
      await this.batchWrite((page.Items ?? []).map((Key) => ({ DeleteRequest: { Key } })));
    return true;
  }

  async markWebhookFailing(id: string, at: string): Promise<void> {
    try {
      await this.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.webhook(id),
          UpdateExpression: 'SET #s = :failing, failingSince = if_not_exists(failingSince, :at)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':failing': 'FAILING', ':at': at },
        }),
      );
    } catch (e) {
      if (!isConditionalFailure(e)) throw e; // deleted meanwhile
    }
  }

  async putDelivery(delivery: DeliveryRecord): Promise<DeliveryRecord> {
    if (await this.putNew(codec.deliveryToItem(delivery))) return delivery;
    return (await this.getDelivery(delivery.webhookId, delivery.eventId)) ?? delivery;
  }

  async getDelivery(webhookId: string, eventId: string): Promise<DeliveryRecord | null> {
    const item = await this.get(keys.delivery(webhookId, eventId));
    return item ? codec.itemToDelivery(item) : null;
  }

  async recordDeliveryAttempt(delivery: DeliveryRecord, expectedAttempts: number): Promise<boolean> {
    return this.sendIf(
      new PutCommand({
        TableName: this.table,
        Item: codec.deliveryToItem(delivery),
        ConditionExpression: '#s = :pending AND attempts = :n',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':pending': 'PENDING', ':n': expectedAttempts },
      }),
    );
  }

  async listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': keys.webhook(webhookId).PK, ':p': keys.deliveryPrefix },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(codec.itemToDelivery);
  }

  async countClaims(verdict: Verdict): Promise<number> {
    let count = 0;
    for await (const page of this.queryPages({
      IndexName: GSI2,
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.verdictPartition(verdict) },
      Select: 'COUNT',
    }))
      count += page.Count ?? 0;
    return count;
  }

  // ---- sources
  async addToSource(sourceKey: string, name: string, delta: number): Promise<void> {
    const { PK, SK, GSI1PK, GSI1SK } = keys.source(sourceKey);
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK, SK },
        UpdateExpression:
          'SET #n = if_not_exists(#n, :name), GSI1PK = :g1, GSI1SK = :g2, sourceKey = :k ADD reportCount :d',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':name': name, ':g1': GSI1PK, ':g2': GSI1SK, ':k': sourceKey, ':d': delta },
      }),
    );
  }

  async listSources(): Promise<SourceRecord[]> {
    const out: SourceRecord[] = [];
    for await (const page of this.queryPages({
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.sourcesPartition },
    })) {
      for (const i of page.Items ?? []) {
        if ((i.reportCount as number) > 0 || i.registeredAt) out.push(codec.itemToSource(i));
      }
    }
    return out;
  }

  async getSources(sourceKeys: readonly string[]): Promise<Array<SourceRecord | null>> {
    const items = await this.batchGet(sourceKeys.map((k) => ({ PK: keys.source(k).PK, SK: keys.source(k).SK })));
    const byKey = new Map(items.map((i) => [i.sourceKey as string, codec.itemToSource(i)]));
    return sourceKeys.map((k) => byKey.get(k) ?? null);
  }

  async registerSource(
    sourceKey: string,
    r: { name: string; domains: string[]; group: string; at: string },
  ): Promise<boolean> {
    const { PK, SK, GSI1PK, GSI1SK } = keys.source(sourceKey);
    return this.sendIf(
      new UpdateCommand({
        TableName: this.table,
        Key: { PK, SK },
        UpdateExpression:
          'SET #n = :name, domains = :d, ownerGroup = :g, registeredAt = :at, GSI1PK = :g1, GSI1SK = :g2, sourceKey = :k, reportCount = if_not_exists(reportCount, :zero) REMOVE retiredAt',
        ConditionExpression: 'attribute_not_exists(registeredAt) OR attribute_exists(retiredAt)',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: {
          ':name': r.name,
          ':d': r.domains,
          ':g': r.group,
          ':at': r.at,
          ':g1': GSI1PK,
          ':g2': GSI1SK,
          ':k': sourceKey,
          ':zero': 0,
        },
      }),
    );
  }

  /** SET on a registered, unretired source; null when there is none. */
  private async changeRegisteredSource(
    sourceKey: string,
    fields: Record<string, unknown>,
  ): Promise<SourceRecord | null> {
    const names = Object.keys(fields);
    try {
      const out = await this.send<{ Attributes?: Item }>(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: keys.source(sourceKey).PK, SK: keys.source(sourceKey).SK },
          UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(registeredAt) AND attribute_not_exists(retiredAt)',
          ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
          ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:f${i}`, fields[n]])),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? codec.itemToSource(out.Attributes) : null;
    } catch (e) {
      if (isConditionalFailure(e)) return null;
      throw e;
    }
  }

  async updateSource(sourceKey: string, patch: { domains?: string[]; group?: string }): Promise<SourceRecord | null> {
    return this.changeRegisteredSource(sourceKey, {
      ...(patch.domains ? { domains: patch.domains } : {}),
      ...(patch.group ? { ownerGroup: patch.group } : {}),
    });
  }

  async retireSource(sourceKey: string, at: string): Promise<SourceRecord | null> {
    return this.changeRegisteredSource(sourceKey, { retiredAt: at });
  }

  // ---- write rate limits
  async countWrite(
    subject: string,
    minute: number,
    weight: number,
    limit: number,
    expiresAt: number,
  ): Promise<boolean> {
    return this.sendIf(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.writeRate(subject, minute),
        UpdateExpression: 'ADD writes :w SET expiresAt = :ttl',
        ConditionExpression: 'attribute_not_exists(writes) OR writes <= :room',
        ExpressionAttributeValues: { ':w': weight, ':ttl': expiresAt, ':room': limit - weight },
      }),
    );
  }

  // ---- re-index progress
  async getReindexRun(version: string): Promise<ReindexRun | null> {
    const item = await this.get(keys.reindexRun(version));
    return item ? codec.itemToReindexRun(item) : null;
  }

  async createReindexRun(run: ReindexRun): Promise<boolean> {
    return this.putNew(codec.reindexRunToItem(run));
  }

  async putReindexPage(page: ReindexPage): Promise<ReindexPage> {
    if (await this.putNew(codec.reindexPageToItem(page))) return page;
    return (await this.getReindexPage(page.version, page.phase, page.key)) ?? page;
  }

  async getReindexPage(version: string, phase: ReindexScanPhase, key: string): Promise<ReindexPage | null> {
    const item = await this.get(keys.reindexPage(version, phase, key));
    return item ? codec.itemToReindexPage(item) : null;
  }

  /** An update of the run item on a condition; the run after it, or null when the condition did not hold. */
  private async updateRun(
    version: string,
    update: string,
    condition: string,
    values: Item,
    names: Record<string, string> = {},
  ): Promise<ReindexRun | null> {
    try {
      const out = await this.send<{ Attributes?: Item }>(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.reindexRun(version),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? codec.itemToReindexRun(out.Attributes) : null;
    } catch (e) {
      if (isConditionalFailure(e)) return null;
      throw e;
    }
  }

  async advanceReindexScan(
    version: string,
    phase: ReindexScanPhase,
    from: string | null,
    to: string | null,
    listed: { items: number; pages: number },
  ): Promise<ReindexRun | null> {
    return this.updateRun(
      version,
      `SET #cursor = :to, scanned = :end ADD ${phase}Seen :n, openPages :p`,
      'phase = :phase AND #cursor = :from AND scanned = :no',
      {
        ':to': codec.scanPosition(to),
        ':end': to === null,
        ':n': listed.items,
        ':p': listed.pages,
        ':phase': phase,
        ':from': codec.scanPosition(from),
        ':no': false,
      },
      { '#cursor': 'cursor' },
    );
  }

  async completeReindexPage(page: ReindexPage, counts: { done: number; failed: number }): Promise<ReindexRun | null> {
    // No transactions: like countReportOnce, the run's counters take the page's counts together with a
    // marker of the page (one atomic update, refused when the marker is there), then the page is marked
    // done, then the marker goes. A repeat after a stop anywhere in between counts nothing twice.
    const pageKey = keys.reindexPage(page.version, page.phase, page.key);
    const marker = `${page.phase}#${page.key}`;
    const dropMarker = () =>
      this.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.reindexRun(page.version),
          UpdateExpression: 'DELETE inflight :m',
          ExpressionAttributeValues: { ':m': new Set([marker]) },
        }),
      );
    const stored = await this.get(pageKey);
    if (stored?.status !== 'open') {
      await dropMarker();
      return null;
    }
    const run = await this.updateRun(
      page.version,
      `ADD ${page.phase}Done :d, ${page.phase}Failed :f, openPages :minus, inflight :ms`,
      'attribute_exists(PK) AND NOT contains(inflight, :m)',
      { ':d': counts.done, ':f': counts.failed, ':minus': -1, ':ms': new Set([marker]), ':m': marker },
    );
    const marked = await this.sendIf(
      new UpdateCommand({
        TableName: this.table,
        Key: pageKey,
        UpdateExpression: page.failures?.length ? 'SET #s = :done, failures = :f' : 'SET #s = :done',
        ConditionExpression: '#s = :open',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':done': 'done',
          ':open': 'open',
          ...(page.failures?.length ? { ':f': JSON.stringify(page.failures) } : {}),
        },
      }),
    );
    await dropMarker();
    // Marked here and counted by a concurrent repeat (its marker refused ours): the run has the counts.
    return marked ? (run ?? (await this.getReindexRun(page.version))) : null;
  }

  async advanceReindexPhase(version: string, from: ReindexScanPhase, at: string): Promise<boolean> {
    const to = from === 'reports' ? 'claims' : 'done';
    const run = await this.updateRun(
      version,
      `SET phase = :to, #cursor = :start, scanned = :no${to === 'done' ? ', finishedAt = :at' : ''}`,
      'phase = :from',
      {
        ':to': to,
        ':from': from,
        ':start': codec.scanPosition(null),
        ':no': false,
        ...(to === 'done' ? { ':at': at } : {}),
      },
      { '#cursor': 'cursor' },
    );
    return run !== null;
  }

  async openReindexPages(version: string, phase: ReindexScanPhase): Promise<ReindexPage[]> {
    const out: ReindexPage[] = [];
    for await (const page of this.queryPages({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      FilterExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':pk': keys.reindexRun(version).PK,
        ':p': keys.reindexPagePrefix(phase),
        ':open': 'open',
      },
    }))
      out.push(...(page.Items ?? []).map(codec.itemToReindexPage));
    return out;
  }

  // ---- api keys
  async putApiKey(key: ApiKeyRecord): Promise<void> {
    await this.send(new PutCommand({ TableName: this.table, Item: codec.apiKeyToItem(key) }));
  }

  async getApiKeyByHash(hash: string): Promise<ApiKeyRecord | null> {
    const item = await this.get(keys.apiKey(hash));
    return item ? codec.itemToApiKey(item) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        IndexName: GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.apiKeysPartition },
      }),
    );
    return (out.Items ?? []).map(codec.itemToApiKey);
  }

  async revokeApiKey(id: string, at: string): Promise<boolean> {
    const key = (await this.listApiKeys()).find((k) => k.id === id);
    if (!key) return false;
    await this.putApiKey({ ...key, revokedAt: at });
    return true;
  }
}
