// What the use cases take from outside: the Store (implemented by lib/store/dynamoStore.ts, the
// only implementation; tests run it against the embedded store or DynamoDB Local), the clock, ids and
// the queues. lib/store imports nothing from lib/app but this module, which re-exports the records
// it stores.
import { randomUUID } from 'node:crypto';
import type {
  ClaimRecord,
  DeliveryRecord,
  EvidenceRecord,
  Page,
  ReindexJob,
  ReindexPage,
  ReindexRun,
  ReindexScanPhase,
  ReportRecord,
  Role,
  SourceRecord,
  StatementRecord,
  VerdictChange,
  VerdictEvent,
  WebhookRecord,
} from './types.js';
import type { ClaimAnalysis, Posting, Statement, Verdict } from '../domain/types.js';

/** The records the store keeps, for lib/store to implement the port in these terms. */
export type * from './types.js';

export interface Clock {
  now(): Date;
}

export interface IdGen {
  newId(prefix: string): string;
}

/** Where re-checks go when there are too many for one request (SQS on AWS). */
export interface RecheckQueue {
  /** `causes`: the report each claim is re-checked for, carried to the worker for the verdict events */
  enqueue(claimIds: string[], causes?: Record<string, string>): Promise<void>;
}

/** Where re-index work goes (SQS on AWS, an in-process queue locally); lib/app/reindex.ts does it. */
export interface ReindexQueue {
  enqueue(jobs: ReindexJob[]): Promise<void>;
}

/** One webhook delivery to attempt: the delivery item holds the rest. */
export interface DeliveryJob {
  webhookId: string;
  eventId: string;
  /** deliveries of one claim to one endpoint go in order (the SQS FIFO message group) */
  claimId: string;
}

/** Where webhook deliveries go (SQS FIFO on AWS, in-process locally). */
export interface DeliveryQueue {
  enqueue(jobs: DeliveryJob[]): Promise<void>;
}

/** Told of each verdict change once it is in the outbox (the local subscription feed). */
export type VerdictEventListener = (event: VerdictEvent, claim: ClaimRecord) => void;

export const systemClock: Clock = { now: () => new Date() };

/** Sortable-enough, unguessable ids: prefix + time + random. */
export const randomIds: IdGen = {
  newId: (prefix) => `${prefix}_${Date.now().toString(36)}${randomUUID().replace(/-/g, '').slice(0, 12)}`,
};

export interface ApiKeyRecord {
  id: string;
  hash: string;
  role: Role;
  createdAt: string;
  revokedAt?: string;
  /** source keys a writer key may ingest for; absent = any source */
  sources?: string[];
}

export interface SourceRegistration {
  name: string;
  domains: string[];
  group: string;
  at: string;
}

export type ReportGuard =
  | { kind: 'url'; urlHash: string }
  | { kind: 'content'; sourceKey: string; contentHash: string };

export interface ReportIndex {
  /** the report's text as ingested, kept so a later engine can analyse it again (re-index) */
  text: string;
  statements: Statement[];
  postings: Array<{ term: string; statements: number[]; carried?: number[] }>;
  bands: string[];
}

export interface ImportedReport {
  report: ReportRecord;
  index: ReportIndex;
  urlHash?: string | undefined;
}

export type ClaimOrder = 'created' | 'changed';

/** The terms a claim is indexed under: all of them for search, its key terms to watch (see submitClaim). */
export interface ClaimTerms {
  search: string[];
  watch: string[];
}

export interface PageQuery {
  first: number;
  after?: string | null;
}

export interface Store {
  counters(): Promise<{ reports: number; claims: number }>;
  addToCounters(delta: { reports?: number; claims?: number }): Promise<void>;

  /** Claim a guard for `reportId`; returns the id that owns it (ours, or the earlier writer's). */
  claimReportGuard(guard: ReportGuard, reportId: string): Promise<string>;
  readReportGuard(guard: ReportGuard): Promise<string | undefined>;
  releaseReportGuard(guard: ReportGuard, reportId: string): Promise<void>;
  /** Take over a guard whose owner never made its report visible (it failed or crashed); returns the owner after. */
  replaceReportGuard(guard: ReportGuard, staleOwner: string, reportId: string): Promise<string>;
  /** The first item of this report that would be over the store's item size limit, if any (checked before writing). */
  oversizedReportItem(
    report: ReportRecord,
    index: ReportIndex,
  ): { item: string; bytes: number; limit: number } | undefined;
  /** Undo putReportIndex of a report that will not be made visible. */
  removeReportIndex(reportId: string, index: ReportIndex): Promise<void>;
  /**
   * Write what makes a report findable, before the report item makes it visible: its
   * statements and its text, and its postings and copy bands in one item of the term index, in batch writes.
   */
  putReportIndex(reportId: string, index: ReportIndex): Promise<void>;
  /** Reports sharing any of the bands, at most `capPerBand` read per band (cost stays bounded). */
  bandMembers(bands: string[], capPerBand?: number): Promise<string[]>;
  /** Make the report visible; false when it already was. */
  putReport(report: ReportRecord): Promise<boolean>;
  /** Move a report to a copy group with a smaller id (never to a larger one: repairs only converge). */
  lowerCopyGroup(reportId: string, copyGroup: string): Promise<void>;
  /**
   * Count a report in the corpus and source counters (delta 1 when stored, -1 when deleted) exactly
   * once, however often it is called for that report and wherever a caller stopped before; clears
   * the report's `owesCounters`.
   */
  countReportOnce(report: ReportRecord, delta: 1 | -1): Promise<void>;
  /** The claims these reports affect are re-checked or queued: clear their `owesRecheck`. */
  clearOwedRecheck(reportIds: string[]): Promise<void>;
  /**
   * Bulk load into a store nobody else is writing to (benchmark seeding, imports): every
   * item of each report (index, report, guards) in full batch writes, counters and sources
   * once, then the term index merged as ingests would have merged it. No guard conditions and no re-checks: the caller decides copy groups and
   * re-checks claims if it needs to.
   */
  importReports(reports: ImportedReport[]): Promise<void>;
  getReport(id: string): Promise<ReportRecord | null>;
  getReports(ids: readonly string[]): Promise<Array<ReportRecord | null>>;
  getStatements(refs: Array<{ reportId: string; index: number }>): Promise<StatementRecord[]>;
  /**
   * Remove the report item first (invisible at once), then its statements, postings, bands and guards;
   * false (and nothing done) when the report item was already gone: another delete got there first.
   */
  deleteReport(report: ReportRecord, urlHash: string | undefined): Promise<boolean>;
  /** Newest first; `oldestFirst` walks them in ingest order instead (re-index: reports added meanwhile come last). */
  listReports(query: PageQuery & { sourceKey?: string; oldestFirst?: boolean }): Promise<Page<ReportRecord>>;
  /** The text a report was ingested with; undefined for reports stored before texts were kept. */
  getReportText(reportId: string): Promise<string | undefined>;
  /**
   * Replace a report's analysis (re-index) through the same items putReportIndex writes: the new index
   * first, then the items only `previous` had are removed, then the report item flips to `next` if it is
   * still at `previous.analysisVersion`. A repeat after a stop anywhere redoes the same writes; false when
   * the report is gone (its new index removed again) or another writer flipped it first.
   */
  replaceReportIndex(previous: ReportRecord, next: ReportRecord, index: ReportIndex): Promise<boolean>;

  /** Postings of a term in report-id order, at most `cap`. */
  postings(term: string, cap: number): Promise<Posting[]>;
  /** Postings of each term (as `postings`), read together: the index's recent items are read once for all. */
  postingsOfTerms(terms: string[], cap: number): Promise<Posting[][]>;
  /**
   * Move the term index's recent items (one per report ingested since the last merge) into its hashed
   * buckets; with `onlyIfDue`, only once enough wait. Idempotent and resumable; returns the reports merged.
   */
  mergeTermIndex(onlyIfDue: boolean): Promise<number>;
  /** Claims indexed under any of the terms, with how many of them each holds and how many it was indexed under. */
  claimsForTerms(terms: string[], index: 'search' | 'watch'): Promise<Map<string, { hits: number; termCount: number }>>;
  addClaimToTerms(claimId: string, terms: string[], index: 'search' | 'watch'): Promise<void>;
  /**
   * Store a claim's analysis by another engine version (re-index): index it under `terms.next`, drop the
   * entries only `terms.previous` had, then set the analysis if the claim is still at
   * `previous.analysisVersion`. Each step is a repeatable write; false when the claim is gone or was flipped first.
   */
  replaceClaimAnalysis(
    previous: ClaimRecord,
    next: { analysis: ClaimAnalysis; analysisVersion: string },
    terms: { previous: ClaimTerms; next: ClaimTerms },
  ): Promise<boolean>;

  claimClaimGuard(textHash: string, claimId: string): Promise<string>;
  putClaim(claim: ClaimRecord): Promise<boolean>;
  getClaim(id: string): Promise<ClaimRecord | null>;
  getClaims(ids: readonly string[]): Promise<Array<ClaimRecord | null>>;
  /**
   * Write a new verdict if the stored version is still `expectedVersion` (optimistic
   * concurrency); false on conflict. Evidence and a history entry go with it, and the claim's
   * `eventSeq` and `unsentEvents` are written in the same conditional update as the verdict.
   */
  saveVerdict(
    claim: ClaimRecord,
    expectedVersion: number,
    evidence: EvidenceRecord[],
    change: VerdictChange | undefined,
  ): Promise<boolean>;
  /** Atomically bump the claim's `pending` counter; returns the new value (undefined if the claim is gone). */
  markClaimPending(claimId: string): Promise<number | undefined>;
  /**
   * Claims newest first ('created') or most recently changed first ('changed'), optionally of one
   * verdict. Unset order: 'changed' with a verdict, 'created' without (each served by one index query).
   */
  listClaims(
    query: PageQuery & { verdict?: Verdict; order?: ClaimOrder; changedSince?: string },
  ): Promise<Page<ClaimRecord>>;
  listEvidence(claim: ClaimRecord, query: PageQuery & { stanceOrder?: number }): Promise<Page<EvidenceRecord>>;
  listHistory(claimId: string): Promise<VerdictChange[]>;

  /** The outbox item of a verdict change, written once it is dispatched (idempotent): true when this call created it. */
  putVerdictEvent(event: VerdictEvent): Promise<boolean>;
  /** A claim's outbox items, oldest first (at most `limit`). */
  listVerdictEvents(claimId: string, limit: number): Promise<VerdictEvent[]>;
  /** Empty the claim's `unsentEvents` if its version is still `version`; false when a newer verdict (which carried them on) was written. */
  clearUnsentEvents(claimId: string, version: number): Promise<boolean>;

  putWebhook(webhook: WebhookRecord): Promise<void>;
  getWebhook(id: string): Promise<WebhookRecord | null>;
  listWebhooks(): Promise<WebhookRecord[]>;
  /** Remove the webhook and its deliveries; false when there was none. */
  deleteWebhook(id: string): Promise<boolean>;
  markWebhookFailing(id: string, at: string): Promise<void>;
  /** Create the delivery unless it exists; returns the stored one either way. */
  putDelivery(delivery: DeliveryRecord): Promise<DeliveryRecord>;
  getDelivery(webhookId: string, eventId: string): Promise<DeliveryRecord | null>;
  /**
   * Record an attempt's outcome if the stored delivery is still PENDING with `expectedAttempts`
   * recorded; false when another worker recorded one first.
   */
  recordDeliveryAttempt(delivery: DeliveryRecord, expectedAttempts: number): Promise<boolean>;
  /** The webhook's deliveries, newest first. */
  listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]>;
  countClaims(verdict: Verdict): Promise<number>;

  addToSource(sourceKey: string, name: string, delta: number): Promise<void>;
  listSources(): Promise<SourceRecord[]>;
  /** Sources by key, in the order asked, null where unknown. */
  getSources(sourceKeys: readonly string[]): Promise<Array<SourceRecord | null>>;
  /** Register a source (or a retired one again); false when it is registered already. */
  registerSource(sourceKey: string, registration: SourceRegistration): Promise<boolean>;
  /** Change a registered source's domains or group; null when it is not registered (or retired). */
  updateSource(sourceKey: string, patch: { domains?: string[]; group?: string }): Promise<SourceRecord | null>;
  /** Retire a registered source; null when it is not registered (or retired already). */
  retireSource(sourceKey: string, at: string): Promise<SourceRecord | null>;

  /**
   * Count `weight` writes of `subject` in `minute`, unless that makes more than `limit`: one
   * conditional update of a counter item, so the limit holds across every server instance.
   */
  countWrite(subject: string, minute: number, weight: number, limit: number, expiresAt: number): Promise<boolean>;

  // Re-index progress (lib/app/reindex.ts): one run item per engine version, one item per listed page.
  getReindexRun(version: string): Promise<ReindexRun | null>;
  /** false when a run for this version exists already. */
  createReindexRun(run: ReindexRun): Promise<boolean>;
  /** Create the page unless it exists; returns the stored one either way (a repeated scan lists the same page). */
  putReindexPage(page: ReindexPage): Promise<ReindexPage>;
  getReindexPage(version: string, phase: ReindexScanPhase, key: string): Promise<ReindexPage | null>;
  /**
   * Move the phase's scan from `from` to `to` (null `to`: the scan is over), counting the listed items and
   * pages, if it is still at `from` in that phase; null when another scan moved it first.
   */
  advanceReindexScan(
    version: string,
    phase: ReindexScanPhase,
    from: string | null,
    to: string | null,
    listed: { items: number; pages: number },
  ): Promise<ReindexRun | null>;
  /** Mark an open page done and add its counts to the run, once; null when it was done already. */
  completeReindexPage(page: ReindexPage, counts: { done: number; failed: number }): Promise<ReindexRun | null>;
  /** Move the run from one phase to the next (a fresh scan), once; false when it had moved already. */
  advanceReindexPhase(version: string, from: ReindexScanPhase, at: string): Promise<boolean>;
  /** The phase's pages not completed yet (resuming a run whose queued work was lost). */
  openReindexPages(version: string, phase: ReindexScanPhase): Promise<ReindexPage[]>;

  putApiKey(key: ApiKeyRecord): Promise<void>;
  getApiKeyByHash(hash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  revokeApiKey(id: string, at: string): Promise<boolean>;
}
