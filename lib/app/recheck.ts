// Re-checking a claim: retrieve candidate statements through the term index,
// judge them with the engine, and store the verdict with optimistic concurrency.
// Reads of a claim never recompute: they read what this wrote.
import type { SourcePolicy } from '../config.js';
import { judgeClaim, rankStatements, reconcileCopyGroups, searchTermsOf } from '../domain/index.js';
import type { Candidate, Posting } from '../domain/types.js';
import { backoff, sleep } from '../backoff.js';
import type { Clock, IdGen, Store } from './ports.js';
import { notFound, AppError } from '../errors.js';
import { eachLimited } from '../eachLimited.js';
import { countMetric, logger } from '../observability.js';
import { isVetted, ownerOf } from './sources.js';
import type { ClaimRecord, EvidenceRecord, VerdictEvent } from './types.js';

/**
 * Postings read per claim term: bounded so retrieval cost does not grow with the corpus.
 * A term with this many reports or more is common: it says little about which statements
 * are about the claim (low IDF) and any 100 of its postings are arbitrary, so retrieval
 * skips it whenever the claim has rarer terms (see candidatesFor).
 */
export const POSTINGS_PER_TERM = 100;
/** Statements judged per claim: the best-ranked by BM25. */
export const CANDIDATES_PER_CLAIM = 60;
/** Evidence items kept per claim (strongest first). */
const EVIDENCE_KEPT = 100;
const SAVE_ATTEMPTS = 25;
/** Claims re-checked at once after a change. */
const RECHECK_CONCURRENCY = 4;
/** How long a term found common is not queried again (postings only grow, except on deletes). */
const COMMON_TERM_TTL_MS = 10 * 60_000;

/**
 * Terms found to have at least POSTINGS_PER_TERM postings, with when: one per app instance,
 * shared with ingest, which writes no more postings for them (see withoutCommonPostings).
 */
export type CommonTerms = Map<string, number>;

/**
 * Candidate statements of a claim. Retrieval uses the claim's rare terms (fewer than
 * POSTINGS_PER_TERM reports): their postings are complete and carry the claim's
 * specifics (names, places). Common terms are used only when the claim has nothing
 * else. Which terms are common is remembered for a while, so their postings are not
 * read again; the result is the same as reading them and dropping them.
 */
async function candidatesFor(
  store: Store,
  policy: SourcePolicy,
  claim: ClaimRecord,
  common: CommonTerms,
  now: number,
): Promise<Candidate[]> {
  const terms = searchTermsOf(claim.analysis);
  const known = (t: string) => (common.get(t) ?? -Infinity) > now - COMMON_TERM_TTL_MS;
  const read = (ts: string[]) => store.postingsOfTerms(ts, POSTINGS_PER_TERM);
  let queried = terms.filter((t) => !known(t));
  const [firstLists, counters] = await Promise.all([read(queried), store.counters()]);
  let lists = firstLists;
  queried.forEach((t, i) => {
    // Fewer again (reports deleted): ingest writes its postings again.
    if (lists[i]!.length >= POSTINGS_PER_TERM) common.set(t, now);
    else common.delete(t);
  });
  let used = queried.map((t, i) => ({ t, list: lists[i]! })).filter((x) => x.list.length < POSTINGS_PER_TERM);
  if (used.length === 0) {
    // Only common words: retrieve by all of them, capped, as the best there is.
    const rest = terms.filter((t) => !queried.includes(t));
    const more = await read(rest);
    queried = [...queried, ...rest];
    lists = [...lists, ...more];
    used = queried.map((t, i) => ({ t, list: lists[i]! }));
  }
  const postings: Posting[] = used.flatMap((x) => x.list);
  const docFreq = new Map(used.map((x) => [x.t, x.list.length]));
  const ranked = rankStatements(
    claim.analysis,
    postings,
    { totalReports: Math.max(counters.reports, 1), docFreq },
    CANDIDATES_PER_CLAIM,
  );
  if (ranked.length === 0) return [];
  const reportIds = [...new Set(ranked.map((r) => r.reportId))];
  const [reports, statements] = await Promise.all([
    store.getReports(reportIds),
    store.getStatements(ranked.map((r) => ({ reportId: r.reportId, index: r.statementIndex }))),
  ]);
  // Only visible reports count: postings of a report still being written (or deleted) are ignored.
  const visible = reports.filter((r): r is NonNullable<typeof r> => r !== null);
  const byId = new Map(visible.map((r) => [r.id, r]));
  const sourceKeys = [...new Set(visible.map((r) => r.sourceKey))];
  const sources = new Map((await store.getSources(sourceKeys)).map((s, i) => [sourceKeys[i]!, s]));
  // Copies stored at the same moment each found no copy yet: join them before anything counts.
  const copyGroups = reconcileCopyGroups(visible);
  const out: Candidate[] = [];
  // Best-ranked first: the engine judges each report on its best statements.
  const rank = new Map(ranked.map((r, i) => [`${r.reportId}#${r.statementIndex}`, i]));
  statements.sort(
    (a, b) => rank.get(`${a.reportId}#${a.statement.index}`)! - rank.get(`${b.reportId}#${b.statement.index}`)!,
  );
  for (const s of statements) {
    const report = byId.get(s.reportId);
    if (!report) continue;
    const source = sources.get(report.sourceKey);
    const owner = ownerOf(source);
    out.push({
      report: {
        id: report.id,
        source: report.sourceKey,
        copyGroup: copyGroups.get(report.id) ?? report.copyGroup,
        ...(report.publishedAt ? { publishedAt: report.publishedAt } : {}),
        ...(owner ? { owner } : {}),
        vetted: isVetted(policy, report, source),
        ...(report.profile ? { profile: report.profile } : {}),
      },
      statement: s.statement,
    });
  }
  return out;
}

/** What the explanation says of evidence shown but not counted (unregistered names under the registered policy). */
function unvettedNote(evidence: Array<{ vetted: boolean; stance: string }>): string {
  const unvetted = evidence.filter((e) => !e.vetted && e.stance !== 'MENTIONS').length;
  return unvetted > 0
    ? ` ${unvetted} report(s) from unregistered sources (or not from a registered source's domains) are shown but not counted.`
    : '';
}

export interface RecheckDeps {
  store: Store;
  clock: Clock;
  ids: IdGen;
  /** publishes a stored claim's unsent verdict events (lib/app/events.ts) */
  publish: (claim: ClaimRecord) => Promise<void>;
  /** who counts toward verdicts (lib/app/sources.ts) */
  sourcePolicy: SourcePolicy;
  /** the instance's common terms (shared with ingest); a map of its own when absent */
  common?: CommonTerms;
}

export function createRecheck(deps: RecheckDeps) {
  const { store, clock, ids, sourcePolicy } = deps;
  const common: CommonTerms = deps.common ?? new Map();

  /** Announce what the stored claim still owes; a failure is logged, and the next re-check or verdict write retries it. */
  async function publishOwed(claim: ClaimRecord): Promise<void> {
    if (claim.unsentEvents.length === 0) return;
    try {
      await deps.publish(claim);
    } catch (e) {
      logger.warn('could not publish verdict events yet; the claim keeps them', {
        claimId: claim.id,
        error: (e as Error).message,
      });
    }
  }

  /**
   * Recompute and store a claim's verdict. With `covers`, the caller only needs a
   * verdict computed after its change was recorded (pending >= covers): when another
   * writer already stored one, there is nothing left to do. That is what keeps
   * concurrent ingests from fighting over a hot claim without losing any of them.
   */
  async function recheckClaim(id: string, covers?: number, reportId?: string): Promise<ClaimRecord> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const current = await store.getClaim(id);
      if (!current) throw notFound('id', 'claim', id);
      if (covers !== undefined && current.checked >= covers && current.version > 0) {
        await publishOwed(current);
        return current;
      }
      const candidates = await candidatesFor(store, sourcePolicy, current, common, Date.now());
      const result = judgeClaim(current.analysis, candidates);
      const now = clock.now().toISOString();
      const changed =
        result.verdict !== current.verdict || result.confidence !== current.confidence || current.version === 0;
      const next: ClaimRecord = {
        ...current,
        verdict: result.verdict,
        confidence: result.confidence,
        rule: result.rule,
        explanation: result.explanation + unvettedNote(result.evidence),
        supportCount: result.supportCount,
        contradictCount: result.contradictCount,
        mentionCount: result.mentionCount,
        independentSources: result.independentSources,
        updatedAt: changed ? now : current.updatedAt,
        version: current.version + 1,
        // Read before the postings: every change bumped before this point is in this computation.
        checked: current.pending,
      };
      const evidence: EvidenceRecord[] = result.evidence
        .slice(0, EVIDENCE_KEPT)
        .map((e, rank) => ({ ...e, claimId: id, rank }));
      const change =
        result.verdict !== current.verdict || current.version === 0
          ? { at: now, verdict: result.verdict, confidence: result.confidence, rule: result.rule }
          : undefined;
      // A change of verdict (a first check that stays UNVERIFIED is none) is an event, stored with it.
      const event: VerdictEvent | undefined =
        result.verdict !== current.verdict
          ? {
              id: ids.newId('evt'),
              claimId: id,
              seq: current.eventSeq + 1,
              at: now,
              previousVerdict: current.verdict,
              verdict: result.verdict,
              confidence: result.confidence,
              rule: result.rule,
              reportId: reportId ?? null,
            }
          : undefined;
      if (event) {
        next.eventSeq = event.seq;
        next.unsentEvents = [...current.unsentEvents, event];
      }
      if (await store.saveVerdict(next, current.version, evidence, change)) {
        if (change && current.version > 0) countMetric('verdictChanges');
        await publishOwed(next);
        return { ...next, unsentEvents: [] };
      }
      // Someone else wrote a newer verdict meanwhile: read again and recompute on fresh data.
      await sleep(backoff(attempt));
    }
    logger.warn('verdict save kept conflicting', { claimId: id });
    throw new AppError('CONFLICT', `claim ${id} is being updated by many writers at once; retry`, 'id');
  }

  /**
   * Re-check claims after a change: record the change on each claim, then make sure a verdict
   * covers it. Claims are independent (each has its own version), so a few go at once; the
   * first failure is raised once all have finished.
   */
  async function recheckClaims(claimIds: string[], causes: Record<string, string> = {}): Promise<void> {
    let failure: unknown;
    await eachLimited([...new Set(claimIds)], RECHECK_CONCURRENCY, async (id) => {
      try {
        const covers = await store.markClaimPending(id);
        if (covers === undefined) return; // the claim is gone
        await recheckClaim(id, covers, causes[id]);
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_FOUND') return;
        failure ??= e;
      }
    });
    if (failure !== undefined) throw failure;
  }

  return { recheckClaim, recheckClaims };
}
