// Items <-> records. Engine structures (claim analysis, statements) are stored as
// JSON strings: the store never looks inside them. A report's bulky parts (its statements, and
// on the report item its copy signature, distinct terms and profile) are JSON compressed with
// brotli into binary attributes: a report is a few items, and write units follow item size.
import type {
  ApiKeyRecord,
  ClaimRecord,
  ReindexPage,
  ReindexRun,
  DeliveryRecord,
  EvidenceRecord,
  ReportRecord,
  SourceRecord,
  StatementRecord,
  VerdictChange,
  VerdictEvent,
  WebhookRecord,
} from '../app/ports.js';
import { keys } from './keys.js';
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { badInput } from '../errors.js';
import { stanceRank, type Statement } from '../domain/types.js';

type Item = Record<string, unknown>;

/** Mid quality: within a few per cent of the best brotli does on this JSON, at a small part of its time. */
const BROTLI_QUALITY = 6;

export const packJson = (value: unknown): Uint8Array => {
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  return brotliCompressSync(json, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
};

export const unpackJson = <T>(bytes: Uint8Array): T => JSON.parse(brotliDecompressSync(bytes).toString('utf8')) as T;

/** What the report item packs into one binary attribute `a`. */
interface PackedAnalysis {
  signature: ReportRecord['signature'];
  terms: ReportRecord['terms'];
  profile?: ReportRecord['profile'];
}

export function reportToItem(r: ReportRecord): Item {
  const { signature, terms, profile, ...rest } = r;
  const packed: PackedAnalysis = { signature, terms, ...(profile ? { profile } : {}) };
  return {
    ...keys.report(r.id),
    ...keys.reportBySource(r.sourceKey, r.publishedAt ?? r.ingestedAt, r.id),
    ...keys.reportListing(r.ingestedAt, r.id),
    type: 'Report',
    ...rest,
    a: packJson(packed),
  };
}

export function itemToReport(i: Item): ReportRecord {
  // Report items written before the packed layout hold each part as a JSON string attribute.
  const packed: PackedAnalysis =
    i.a instanceof Uint8Array
      ? unpackJson<PackedAnalysis>(i.a)
      : {
          signature: JSON.parse(i.signature as string),
          terms: JSON.parse(i.terms as string),
          ...(typeof i.profile === 'string' ? { profile: JSON.parse(i.profile) } : {}),
        };
  return {
    id: i.id as string,
    source: i.source as string,
    sourceKey: i.sourceKey as string,
    title: (i.title as string | undefined) ?? undefined,
    url: (i.url as string | undefined) ?? undefined,
    publishedAt: (i.publishedAt as string | undefined) ?? undefined,
    ingestedAt: i.ingestedAt as string,
    contentHash: i.contentHash as string,
    textLength: i.textLength as number,
    statementCount: i.statementCount as number,
    copyGroup: i.copyGroup as string,
    signature: packed.signature,
    terms: packed.terms,
    ...(packed.profile ? { profile: packed.profile } : {}),
    ...(typeof i.analysisVersion === 'string' ? { analysisVersion: i.analysisVersion } : {}),
    ...(i.owesCounters ? { owesCounters: true } : {}),
    ...(i.owesRecheck ? { owesRecheck: true } : {}),
  };
}

/** Texts are stored compressed (brotli, binary): read once per re-index, they need not be cheap to read. */
export const reportTextToItem = (reportId: string, text: string): Item => ({
  ...keys.reportText(reportId),
  type: 'ReportText',
  body: brotliCompressSync(Buffer.from(text, 'utf8'), {
    params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: text.length },
  }),
});

export const itemToReportText = (i: Item): string => brotliDecompressSync(i.body as Uint8Array).toString('utf8');

/** Consecutive statements per pack item: a report of up to this many sentences is one item. */
export const STATEMENTS_PER_PACK = 16;
export const packOf = (index: number): number => Math.floor(index / STATEMENTS_PER_PACK);

/** A report's statements as pack items, each holding STATEMENTS_PER_PACK consecutive ones compressed. */
export function statementPacksOf(reportId: string, statements: Statement[]): Item[] {
  const packs = new Map<number, Statement[]>();
  for (const s of statements) packs.set(packOf(s.index), [...(packs.get(packOf(s.index)) ?? []), s]);
  return [...packs].map(([pack, members]) => ({
    ...keys.statementPack(reportId, pack),
    type: 'Statements',
    z: packJson(members),
  }));
}

export const itemToStatements = (i: Item): StatementRecord[] => {
  const reportId = (i.PK as string).slice('REPORT#'.length);
  return unpackJson<Statement[]>(i.z as Uint8Array).map((statement) => ({ reportId, statement }));
};

/** A statement item of stores written before packs. */
export const itemToLegacyStatement = (i: Item): StatementRecord => ({
  reportId: i.reportId as string,
  statement: JSON.parse(i.data as string),
});

/** Statement indexes as a short string ("0,3,7"): a list of numbers costs a few bytes more per entry. */
export const encodeIndexes = (xs: number[]): string => xs.join(',');
export const decodeIndexes = (v: unknown): number[] =>
  typeof v === 'string' ? (v === '' ? [] : v.split(',').map(Number)) : ((v as number[] | undefined) ?? []);

/** The report id at the tail of a posting's or band member's sort key (`R#id`). */
export const reportIdOfMember = (i: Item): string => (i.reportId as string | undefined) ?? (i.SK as string).slice(2);

export function claimToItem(c: ClaimRecord): Item {
  return {
    ...keys.claim(c.id),
    ...keys.claimListing(c.createdAt, c.id),
    ...keys.claimByVerdict(c.verdict, c.updatedAt, c.id),
    type: 'Claim',
    ...c,
    analysis: JSON.stringify(c.analysis),
    unsentEvents: c.unsentEvents.map((e) => JSON.stringify(e)),
  };
}

export function itemToClaim(i: Item): ClaimRecord {
  return {
    id: i.id as string,
    text: i.text as string,
    normalizedText: i.normalizedText as string,
    textHash: i.textHash as string,
    analysis: JSON.parse(i.analysis as string),
    ...(typeof i.analysisVersion === 'string' ? { analysisVersion: i.analysisVersion } : {}),
    verdict: i.verdict as ClaimRecord['verdict'],
    confidence: i.confidence as number,
    rule: i.rule as ClaimRecord['rule'],
    explanation: i.explanation as string,
    supportCount: i.supportCount as number,
    contradictCount: i.contradictCount as number,
    mentionCount: i.mentionCount as number,
    independentSources: i.independentSources as number,
    createdAt: i.createdAt as string,
    updatedAt: i.updatedAt as string,
    version: i.version as number,
    pending: (i.pending as number | undefined) ?? 0,
    checked: (i.checked as number | undefined) ?? 0,
    // Claims stored before verdict events have none.
    eventSeq: (i.eventSeq as number | undefined) ?? 0,
    unsentEvents: ((i.unsentEvents as string[] | undefined) ?? []).map((e) => JSON.parse(e) as VerdictEvent),
  };
}

const SCAN_START = '-';

export const reindexRunToItem = (r: ReindexRun): Item => ({
  ...keys.reindexRun(r.version),
  type: 'ReindexRun',
  version: r.version,
  phase: r.phase,
  startedAt: r.startedAt,
  ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
  expectedReports: r.expected.reports,
  expectedClaims: r.expected.claims,
  ...Object.fromEntries(
    (['reports', 'claims'] as const).flatMap((p) => [
      [`${p}Seen`, r[p].seen],
      [`${p}Done`, r[p].done],
      [`${p}Failed`, r[p].failed],
    ]),
  ),
  // A missing cursor cannot be compared in a condition: the scan's start is a value of its own.
  cursor: r.cursor ?? SCAN_START,
  scanned: r.scanned,
  openPages: r.openPages,
});

export const scanPosition = (cursor: string | null): string => cursor ?? SCAN_START;

export const itemToReindexRun = (i: Item): ReindexRun => {
  const counts = (p: 'reports' | 'claims') => ({
    seen: (i[`${p}Seen`] as number | undefined) ?? 0,
    done: (i[`${p}Done`] as number | undefined) ?? 0,
    failed: (i[`${p}Failed`] as number | undefined) ?? 0,
  });
  return {
    version: i.version as string,
    phase: i.phase as ReindexRun['phase'],
    startedAt: i.startedAt as string,
    ...(i.finishedAt ? { finishedAt: i.finishedAt as string } : {}),
    expected: { reports: (i.expectedReports as number) ?? 0, claims: (i.expectedClaims as number) ?? 0 },
    reports: counts('reports'),
    claims: counts('claims'),
    cursor: i.cursor === SCAN_START || i.cursor === undefined ? null : (i.cursor as string),
    scanned: i.scanned === true,
    openPages: (i.openPages as number | undefined) ?? 0,
  };
};

export const reindexPageToItem = (p: ReindexPage): Item => ({
  ...keys.reindexPage(p.version, p.phase, p.key),
  type: 'ReindexPage',
  version: p.version,
  phase: p.phase,
  key: p.key,
  ids: JSON.stringify(p.ids),
  next: p.next ?? SCAN_START,
  status: p.status,
  ...(p.failures?.length ? { failures: JSON.stringify(p.failures) } : {}),
});

export const itemToReindexPage = (i: Item): ReindexPage => ({
  version: i.version as string,
  phase: i.phase as ReindexPage['phase'],
  key: i.key as string,
  ids: JSON.parse(i.ids as string),
  next: i.next === SCAN_START ? null : (i.next as string),
  status: i.status as ReindexPage['status'],
  ...(typeof i.failures === 'string' ? { failures: JSON.parse(i.failures) } : {}),
});

export const unsentEventsValue = (events: VerdictEvent[]): string[] => events.map((e) => JSON.stringify(e));

export const verdictEventToItem = (e: VerdictEvent): Item => ({
  ...keys.verdictEvent(e.claimId, e.seq),
  type: 'VerdictEvent',
  ...e,
});

export const itemToVerdictEvent = (i: Item): VerdictEvent => ({
  id: i.id as string,
  claimId: i.claimId as string,
  seq: i.seq as number,
  at: i.at as string,
  previousVerdict: i.previousVerdict as VerdictEvent['previousVerdict'],
  verdict: i.verdict as VerdictEvent['verdict'],
  confidence: i.confidence as number,
  rule: i.rule as VerdictEvent['rule'],
  reportId: (i.reportId as string | null | undefined) ?? null,
});

export const webhookToItem = (w: WebhookRecord): Item => ({
  ...keys.webhook(w.id),
  ...keys.webhookListing(w.createdAt, w.id),
  type: 'Webhook',
  ...w,
});

export const itemToWebhook = (i: Item): WebhookRecord => ({
  id: i.id as string,
  url: i.url as string,
  verdicts: (i.verdicts as WebhookRecord['verdicts'] | undefined) ?? [],
  claimIds: (i.claimIds as string[] | undefined) ?? [],
  sealedSecret: i.sealedSecret as string,
  status: (i.status as WebhookRecord['status'] | undefined) ?? 'ACTIVE',
  createdAt: i.createdAt as string,
  ...(i.failingSince ? { failingSince: i.failingSince as string } : {}),
});

export const deliveryToItem = (d: DeliveryRecord): Item => ({
  ...keys.delivery(d.webhookId, d.eventId),
  type: 'Delivery',
  ...d,
});

export const itemToDelivery = (i: Item): DeliveryRecord => ({
  webhookId: i.webhookId as string,
  eventId: i.eventId as string,
  claimId: i.claimId as string,
  status: i.status as DeliveryRecord['status'],
  attempts: (i.attempts as number | undefined) ?? 0,
  createdAt: i.createdAt as string,
  body: i.body as string,
  ...(i.lastAttemptAt ? { lastAttemptAt: i.lastAttemptAt as string } : {}),
  ...(typeof i.lastStatus === 'number' ? { lastStatus: i.lastStatus } : {}),
  ...(i.lastError ? { lastError: i.lastError as string } : {}),
  ...(i.deliveredAt ? { deliveredAt: i.deliveredAt as string } : {}),
});

export const evidenceToItem = (e: EvidenceRecord, version: number): Item => ({
  ...keys.evidence(e.claimId, version, stanceRank(e.stance), e.rank),
  type: 'Evidence',
  ...e,
  matched: JSON.stringify(e.matched),
  conflicting: JSON.stringify(e.conflicting),
  signals: JSON.stringify(e.signals),
});

export const itemToEvidence = (i: Item): EvidenceRecord => ({
  claimId: i.claimId as string,
  rank: i.rank as number,
  reportId: i.reportId as string,
  source: i.source as string,
  copyGroup: i.copyGroup as string,
  ...(i.owner ? { owner: i.owner as string } : {}),
  // evidence stored before the source policy was always counted
  vetted: (i.vetted as boolean | undefined) ?? true,
  statementIndex: i.statementIndex as number,
  sentence: i.sentence as string,
  stance: i.stance as EvidenceRecord['stance'],
  score: i.score as number,
  matched: JSON.parse(i.matched as string),
  conflicting: JSON.parse(i.conflicting as string),
  reason: i.reason as string,
  // Evidence stored before stances carried their rule has none.
  rule: (i.rule as string | undefined) ?? 'UNRECORDED',
  // Evidence judged before the stance model has no probability or signals.
  probability: (i.probability as number | undefined) ?? (i.score as number),
  signals: typeof i.signals === 'string' ? JSON.parse(i.signals) : [],
});

export const historyToItem = (claimId: string, version: number, h: VerdictChange): Item => ({
  ...keys.history(claimId, h.at, version),
  type: 'VerdictChange',
  ...h,
});

export const itemToHistory = (i: Item): VerdictChange => ({
  at: i.at as string,
  verdict: i.verdict as VerdictChange['verdict'],
  confidence: i.confidence as number,
  rule: i.rule as VerdictChange['rule'],
});

export const apiKeyToItem = (k: ApiKeyRecord): Item => ({
  ...keys.apiKey(k.hash),
  ...keys.apiKeyListing(k.createdAt, k.id),
  type: 'ApiKey',
  ...k,
});

export const itemToApiKey = (i: Item): ApiKeyRecord => ({
  id: i.id as string,
  hash: i.hash as string,
  role: i.role as ApiKeyRecord['role'],
  createdAt: i.createdAt as string,
  ...(i.revokedAt ? { revokedAt: i.revokedAt as string } : {}),
  ...(i.sources ? { sources: [...(i.sources as string[])] } : {}),
});

export const itemToSource = (i: Item): SourceRecord => ({
  key: i.sourceKey as string,
  name: i.name as string,
  reportCount: (i.reportCount as number | undefined) ?? 0,
  ...(i.registeredAt ? { registeredAt: i.registeredAt as string } : {}),
  ...(i.retiredAt ? { retiredAt: i.retiredAt as string } : {}),
  ...(i.domains ? { domains: [...(i.domains as string[])] } : {}),
  ...(i.ownerGroup ? { group: i.ownerGroup as string } : {}),
});

/**
 * Page cursors: opaque to clients. A cursor carries a tag of the list it belongs to (a hash of
 * its index, partition and prefix) and the position in it; a cursor of another list, or one
 * that was edited, is refused as bad input instead of reaching DynamoDB as a start key.
 */
const listingTag = (listing: string): string => createHash('sha256').update(listing).digest('base64url').slice(0, 12);
/** A key attribute is at most 2,048 bytes (partition) or 1,024 (sort); positions are far shorter. */
const CURSOR_VALUE_MAX_BYTES = 1_024;

export function encodeCursor(listing: string, position: string[]): string {
  return Buffer.from(JSON.stringify([listingTag(listing), ...position])).toString('base64url');
}

/** The position of a cursor of `listing`, or BAD_USER_INPUT. `valid` checks the position fits the list's query. */
export function decodeCursor(
  cursor: string,
  listing: string,
  size: number,
  valid: (position: string[]) => boolean,
  field = 'after',
): string[] {
  let value: unknown;
  try {
    value = cursor.length <= 4 * 1_024 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    value = undefined;
  }
  if (
    !Array.isArray(value) ||
    value.length !== size + 1 ||
    !value.every((v) => typeof v === 'string' && v.length > 0 && Buffer.byteLength(v) <= CURSOR_VALUE_MAX_BYTES)
  ) {
    throw badInput(field, 'malformed cursor; pass a cursor returned by a previous page');
  }
  const [tag, ...position] = value as string[];
  if (tag !== listingTag(listing) || !valid(position)) {
    throw badInput(
      field,
      'this cursor belongs to another list (or to evidence since replaced by a new verdict); pass a cursor returned by a previous page of this list',
    );
  }
  return position;
}
