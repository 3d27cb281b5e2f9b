// Items <-> records. Engine structures (claim analysis, statements) are stored as
// JSON strings: the store never looks inside them.
import type { ClaimRecord, EvidenceRecord, ReportRecord, SourceRecord, StatementRecord, VerdictChange } from '../app/types.js';
import type { ApiKeyRecord } from './port.js';
import { keys } from './keys.js';
import { badInput } from '../errors.js';

type Item = Record<string, unknown>;

const STANCE_ORDER = { CONTRADICTS: 0, SUPPORTS: 1, MENTIONS: 2 } as const;
export const stanceOrder = (stance: keyof typeof STANCE_ORDER): number => STANCE_ORDER[stance];

export function reportToItem(r: ReportRecord): Item {
  return {
    ...keys.report(r.id),
    ...keys.reportBySource(r.sourceKey, r.publishedAt ?? r.ingestedAt, r.id),
    ...keys.reportListing(r.ingestedAt, r.id),
    type: 'Report',
    ...r,
    signature: JSON.stringify(r.signature),
    terms: JSON.stringify(r.terms),
  };
}

export function itemToReport(i: Item): ReportRecord {
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
    signature: JSON.parse(i.signature as string),
    terms: JSON.parse(i.terms as string),
  };
}

export const statementToItem = (s: StatementRecord): Item => ({
  ...keys.statement(s.reportId, s.statement.index),
  type: 'Statement',
  reportId: s.reportId,
  data: JSON.stringify(s.statement),
});

export const itemToStatement = (i: Item): StatementRecord => ({
  reportId: i.reportId as string,
  statement: JSON.parse(i.data as string),
});

export function claimToItem(c: ClaimRecord): Item {
  return {
    ...keys.claim(c.id),
    ...keys.claimListing(c.createdAt, c.id),
    ...keys.claimByVerdict(c.verdict, c.updatedAt, c.id),
    type: 'Claim',
    ...c,
    analysis: JSON.stringify(c.analysis),
  };
}

export function itemToClaim(i: Item): ClaimRecord {
  return {
    id: i.id as string,
    text: i.text as string,
    normalizedText: i.normalizedText as string,
    textHash: i.textHash as string,
    analysis: JSON.parse(i.analysis as string),
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
  };
}

export const evidenceToItem = (e: EvidenceRecord, version: number): Item => ({
  ...keys.evidence(e.claimId, version, stanceOrder(e.stance), e.rank),
  type: 'Evidence',
  ...e,
  matched: JSON.stringify(e.matched),
  conflicting: JSON.stringify(e.conflicting),
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

/** Opaque page cursors: the item's key, base64url-encoded. */
export function encodeCursor(key: Item): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): Item {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.PK === 'string' && typeof value.SK === 'string') {
      for (const v of Object.values(value)) if (typeof v !== 'string') throw new Error('bad key');
      return value as Item;
    }
  } catch {
    // fall through
  }
  throw badInput(field, 'malformed cursor; pass a cursor returned by a previous page');
}
