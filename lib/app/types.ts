// The application's records and its use-case surface. The GraphQL layer codes
// against `App`; the store implements `Store` (lib/app/ports.ts) in these terms.
import type {
  ClaimAnalysis,
  EvidenceItem,
  SlotComparison,
  Stance,
  Statement,
  Verdict,
  VerdictRule,
  VerdictSummary,
  CopySignature,
} from '../domain/types.js';
import type { ReportProfile } from '../domain/stance/profile.js';
import type { RegisterSourceInput, UpdateSourceInput, WriterScope } from './sources.js';

export type Role = 'reader' | 'writer' | 'admin';

export interface ReportRecord {
  id: string;
  source: string;
  /** normalised publisher name: one publisher = one sourceKey */
  sourceKey: string;
  title: string | undefined;
  url: string | undefined;
  /** ISO date or date-time as given (normalised), or undefined */
  publishedAt: string | undefined;
  ingestedAt: string;
  contentHash: string;
  textLength: number;
  statementCount: number;
  /** copy group id (the id of the first report of this text) */
  copyGroup: string;
  signature: CopySignature;
  /** distinct terms, kept so deleting the report can remove its postings */
  terms: string[];
  /** whole-report signals the stance model reads (absent on reports stored before it) */
  profile?: ReportProfile;
  /**
   * The engine version (lib/domain/version.ts) whose analysis the report's statements, postings and copy
   * signature are; absent on reports stored before versions. Re-index brings it up to the running engine.
   */
  analysisVersion?: string;
  /**
   * Work the report still owes, written with the report and cleared once done: its count in the
   * counters, and the re-check of the claims it affects. A writer that stops half-way (crash,
   * failure) leaves them set; the next ingest of the same report finishes them.
   */
  owesCounters?: boolean;
  owesRecheck?: boolean;
}

export interface StatementRecord {
  reportId: string;
  statement: Statement;
}

export interface ClaimRecord extends VerdictSummary {
  id: string;
  text: string;
  normalizedText: string;
  textHash: string;
  analysis: ClaimAnalysis;
  /** the engine version that made `analysis` (and the terms the claim is indexed under); absent before versions */
  analysisVersion?: string;
  createdAt: string;
  updatedAt: string;
  /** optimistic-concurrency version; every verdict write increments it */
  version: number;
  /** bumped (atomically) each time a report that may change this claim arrives or leaves */
  pending: number;
  /** the `pending` value the stored verdict was computed after: checked >= n covers change n */
  checked: number;
  /** verdict changes recorded so far: the `seq` of the latest VerdictEvent */
  eventSeq: number;
  /**
   * Verdict changes written with the verdict (same conditional write) and not yet copied to the
   * outbox: empty once published. A writer that stops in between leaves them here, and the claim's
   * next re-check publishes them first (see lib/app/events.ts).
   */
  unsentEvents: VerdictEvent[];
}

/** One verdict change, recorded with the change itself: what subscriptions and webhooks announce. */
export interface VerdictEvent {
  /** evt_...: unique, sorts by creation time */
  id: string;
  claimId: string;
  /** 1, 2, ... per claim: the order deliveries keep */
  seq: number;
  at: string;
  previousVerdict: Verdict;
  verdict: Verdict;
  confidence: number;
  rule: VerdictRule;
  /** the report whose arrival (or removal) caused the re-check; null for a submit or a manual re-check */
  reportId: string | null;
}

export type WebhookStatus = 'ACTIVE' | 'FAILING';

export interface WebhookRecord {
  id: string;
  url: string;
  /** only changes to these verdicts; empty = every change */
  verdicts: Verdict[];
  /** only these claims; empty = every claim */
  claimIds: string[];
  /** the signing secret, encrypted (lib/webhooks/secretBox.ts): never returned after creation */
  sealedSecret: string;
  status: WebhookStatus;
  createdAt: string;
  /** when the endpoint was marked failing (a delivery was dead-lettered) */
  failingSince?: string;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD';

export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  claimId: string;
  status: DeliveryStatus;
  /** attempts whose outcome was recorded */
  attempts: number;
  createdAt: string;
  /** the exact JSON body, fixed at creation so every retry sends the same bytes */
  body: string;
  lastAttemptAt?: string;
  /** HTTP status of the last answer, if there was one */
  lastStatus?: number;
  lastError?: string;
  deliveredAt?: string;
}

export interface EvidenceRecord extends EvidenceItem {
  claimId: string;
  /** rank within the claim's evidence, strongest first */
  rank: number;
}

export interface VerdictChange {
  at: string;
  verdict: Verdict;
  confidence: number;
  rule: VerdictRule;
}

export interface SourceRecord {
  key: string;
  name: string;
  reportCount: number;
  /** set once an operator registered the source (see lib/app/sources.ts) */
  registeredAt?: string;
  /** set when it was retired: it no longer counts as registered */
  retiredAt?: string;
  /** hosts its reports come from (subdomains included) */
  domains?: string[];
  /** owner group key: outlets of one owner count as one independent source */
  group?: string;
}

export interface Stats {
  claims: number;
  reports: number;
  sources: number;
  byVerdict: Record<Verdict, number>;
}

/** A re-index walks the reports first (re-analysing each stale one), then the claims (re-analyse, re-check). */
export type ReindexPhase = 'reports' | 'claims' | 'done';
export type ReindexScanPhase = Exclude<ReindexPhase, 'done'>;

export interface ReindexCounts {
  /** items the scan has listed so far */
  seen: number;
  /** handled: re-analysed, found current already, or gone */
  done: number;
  /** refused by the new engine (e.g. no sentences left): listed on their page, never retried */
  failed: number;
}

/** One re-index to an engine version, kept in the store so any worker (or a second run) goes on from it. */
export interface ReindexRun {
  version: string;
  phase: ReindexPhase;
  startedAt: string;
  finishedAt?: string;
  /** the corpus counters when it started: the totals shown until the scan has seen everything */
  expected: { reports: number; claims: number };
  reports: ReindexCounts;
  claims: ReindexCounts;
  /** where the current phase's scan goes on from: a listing cursor, or null at its start */
  cursor: string | null;
  /** the current phase's scan has listed everything */
  scanned: boolean;
  /** pages of the current phase listed and not completed yet */
  openPages: number;
}

/** A page of work listed by a re-index scan: the unit a worker takes and completes exactly once. */
export interface ReindexPage {
  version: string;
  phase: ReindexScanPhase;
  /** digest of the scan position it was listed from: the same listing always makes the same page */
  key: string;
  ids: string[];
  /** the scan position after it */
  next: string | null;
  status: 'open' | 'done';
  /** ids the new engine refused, with why */
  failures?: Array<{ id: string; error: string }>;
}

/** Relay-style page: one opaque cursor per edge. */
export interface Page<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null; startCursor: string | null };
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface IngestReportInput {
  source: string;
  text: string;
  title?: string | null;
  url?: string | null;
  /** ISO date (YYYY-MM-DD) or date-time */
  publishedAt?: string | null;
}

export interface IngestResult {
  report: ReportRecord;
  /** false when the same report was already stored (same URL, or same source + content) */
  created: boolean;
  /** claims whose verdict was re-checked (inline) or queued because of this report */
  affectedClaims: number;
}

export interface SubmitClaimResult {
  claim: ClaimRecord;
  created: boolean;
}

export interface DeleteReportResult {
  report: ReportRecord;
  affectedClaims: number;
}

/** How `claims` may be ordered, and the store ordering each one reads. */
export const CLAIM_ORDERS = { NEWEST: 'created', RECENTLY_CHANGED: 'changed' } as const;
export type ClaimOrderBy = keyof typeof CLAIM_ORDERS;

export interface ListClaimsArgs extends PageArgs {
  verdict?: Verdict | null;
  search?: string | null;
  /** unset: newest first, or most recently changed first when a verdict is given */
  orderBy?: ClaimOrderBy | null;
  /** only claims changed at or after this ISO date(-time), most recently changed first: the polling path for live changes */
  changedSince?: string | null;
}

export interface CreateWebhookInput {
  url: string;
  verdicts?: Verdict[] | null;
  claimIds?: string[] | null;
}

/** The use cases. Every method validates its input and throws AppError on bad input. */
export interface App {
  /** `scope`: what the caller's key may write (a key bound to sources); absent = anything */
  ingestReport(input: IngestReportInput, scope?: WriterScope): Promise<IngestResult>;
  ingestReports(inputs: IngestReportInput[], scope?: WriterScope): Promise<IngestResult[]>;
  deleteReport(id: string, scope?: WriterScope): Promise<DeleteReportResult>;
  submitClaim(input: { text: string }): Promise<SubmitClaimResult>;
  recheckClaim(id: string): Promise<ClaimRecord>;
  /** used by the asynchronous worker; ignores ids that no longer exist */
  recheckClaims(ids: string[], causes?: Record<string, string>): Promise<void>;

  /** Admin: register an endpoint; the signing secret is returned here only. */
  createWebhook(input: CreateWebhookInput): Promise<{ webhook: WebhookRecord; secret: string }>;
  deleteWebhook(id: string): Promise<WebhookRecord>;
  listWebhooks(): Promise<WebhookRecord[]>;
  /** The endpoint's most recent deliveries, newest first. */
  listDeliveries(webhookId: string, first?: number | null): Promise<DeliveryRecord[]>;

  getClaim(id: string): Promise<ClaimRecord | null>;
  getClaims(ids: readonly string[]): Promise<Array<ClaimRecord | null>>;
  listClaims(args: ListClaimsArgs): Promise<Page<ClaimRecord>>;
  getReport(id: string): Promise<ReportRecord | null>;
  getReports(ids: readonly string[]): Promise<Array<ReportRecord | null>>;
  listReports(args: PageArgs & { source?: string | null }): Promise<Page<ReportRecord>>;
  /** Evidence of the claim's current verdict; pass the claim when it is already loaded to save a read. */
  listEvidence(
    claimId: string,
    args: PageArgs & { stance?: Stance | null },
    claim?: ClaimRecord,
  ): Promise<Page<EvidenceRecord>>;
  verdictHistory(claimId: string): Promise<VerdictChange[]>;
  /** The report's statements in order (its cleaned text), so a reader can check evidence in context. */
  reportStatements(
    report: Pick<ReportRecord, 'id' | 'statementCount'>,
    range?: { from: number; to: number },
  ): Promise<Array<{ index: number; text: string }>>;
  /** One evidence item per claim whose current verdict cites the report (bounded, see LIMITS.reportClaimsMax). */
  reportEvidence(report: ReportRecord): Promise<EvidenceRecord[]>;
  listSources(): Promise<SourceRecord[]>;
  getSources(sourceKeys: readonly string[]): Promise<Array<SourceRecord | null>>;
  stats(): Promise<Stats>;

  /** The source registry (admin): each change re-checks the claims the source's reports may affect. */
  registerSource(input: RegisterSourceInput): Promise<SourceRecord>;
  updateSource(input: UpdateSourceInput): Promise<SourceRecord>;
  retireSource(input: { name: string }): Promise<SourceRecord>;
  /** Whether a report counts toward verdicts under the deployment's source policy. */
  isVetted(report: ReportRecord, source: SourceRecord | null): boolean;
  /** Count a write of `subject` (an API key, or a client address); throws RATE_LIMITED beyond the limit. */
  admitWrite(subject: string, weight?: number): Promise<void>;

  /** The engine version this app analyses with (lib/domain/version.ts). */
  analysisVersion: string;
  /** Admin: start (or resume) the re-index to this app's engine version; returns its progress. */
  startReindex(): Promise<ReindexRun>;
  /** The re-index to this app's engine version, or null when none was started. */
  reindexStatus(): Promise<ReindexRun | null>;
  /** One queued piece of re-index work (the worker's entry point; in-process locally). */
  runReindexJob(job: ReindexJob): Promise<void>;
}

/** A message of the re-index queue: go on scanning a phase, or work one listed page. */
export type ReindexJob =
  | { kind: 'scan'; version: string; phase: ReindexScanPhase }
  | { kind: 'page'; version: string; phase: ReindexScanPhase; page: string };

export type { SlotComparison };
