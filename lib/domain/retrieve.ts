// Candidate retrieval: BM25 over the term index. Rare terms weigh more, so a claim
// about "Yevkurov" finds the sentences that name him before those that say "Niger".
import { refersBack } from './references.js';
import { nameIndexTerms } from './terms.js';
import type { ClaimAnalysis, Posting, RankedStatement, Statement } from './types.js';

const K1 = 1.2;
/** BM25's term-frequency part for one occurrence (every posting is tf = 1): a constant. */
const TF_ONCE = (K1 + 1) / (1 + K1);
/** Weight of a term a statement carries from the sentence it refers back to (align counts context half). */
const CARRIED_SHARE = 0.5;
/** Weight of a claim name that a statement's report gives elsewhere (its lead or scene). */
const SCENE_SHARE = 0.5;

export function idf(totalReports: number, docFreq: number): number {
  return Math.log(1 + (totalReports - docFreq + 0.5) / (docFreq + 0.5));
}

/** Time keys start with a sign no term has: terms are stemmed words. */
const TIME_KEY = '~t';
export const isTimeKey = (term: string): boolean => term.startsWith(TIME_KEY);

/**
 * Index keys for a statement's exact times of day ("at 2:09 a.m."), besides its terms: a time names one moment of
 * one event, so a claim that gives one finds the sentences that give it though they share few words with it
 * ("The quake occurred at 2:09 a.m." for "The Northern California quake hit at 2:09 in the morning"). Keyed on
 * the 12-hour dial, which a time without a.m. or p.m. is read on; a time given as about ("around 10") is left out.
 */
export function timeKeysOf(statement: Statement): string[] {
  const keys = statement.slots.quantities
    .filter((q) => q.unit?.startsWith('clock') && q.high - q.low <= 2)
    .map((q) => `${TIME_KEY}${q.value % 720}`);
  return [...new Set(keys)];
}

/** The keys a statement is indexed by: its terms and its times of day. */
export const indexKeysOf = (statement: Statement): string[] => [...statement.terms, ...timeKeysOf(statement)];

/** The keys a claim is looked up by: its terms and its times of day, as its statement is indexed. */
export const searchTermsOf = (claim: ClaimAnalysis): string[] => [...claim.terms, ...timeKeysOf(claim.statement)];

export function rankStatements(
  claim: ClaimAnalysis,
  postings: Posting[],
  stats: { totalReports: number; docFreq: Map<string, number> },
  limit: number,
  perReport = Number.POSITIVE_INFINITY,
): RankedStatement[] {
  const claimTerms = new Set(searchTermsOf(claim));
  const nameTerms = new Set(nameIndexTerms(claim.statement.slots.names));
  const namedIn = new Map<string, Array<{ weight: number; statements: Set<number> }>>();
  const scores = new Map<string, RankedStatement>();
  const total = Math.max(stats.totalReports, 1);
  for (const posting of postings) {
    if (!claimTerms.has(posting.term)) continue;
    const df = Math.min(stats.docFreq.get(posting.term) ?? 1, total);
    const weight = idf(total, df);
    const add = (index: number, share: number) => {
      const key = `${posting.reportId}#${index}`;
      const entry = scores.get(key) ?? { reportId: posting.reportId, statementIndex: index, score: 0 };
      entry.score += share * weight * TF_ONCE;
      scores.set(key, entry);
    };
    for (const index of posting.statements) add(index, 1);
    // A sentence that refers back ("It struck at 1:53") carries the previous one's terms at half weight, as in align.
    for (const index of posting.carried ?? []) add(index, CARRIED_SHARE);
    if (nameTerms.has(posting.term)) {
      const names = namedIn.get(posting.reportId) ?? namedIn.set(posting.reportId, []).get(posting.reportId)!;
      names.push({ weight, statements: new Set([...posting.statements, ...(posting.carried ?? [])]) });
    }
  }
  // A report that names the claim's place or actor somewhere has its other sentences in that scope (align reads
  // them with the lead's and the scene's names): they rank as if they named it, at half weight.
  for (const entry of scores.values()) {
    for (const name of namedIn.get(entry.reportId) ?? []) {
      if (!name.statements.has(entry.statementIndex)) entry.score += SCENE_SHARE * name.weight * TF_ONCE;
    }
  }
  const ranked = [...scores.values()].sort(
    (a, b) => b.score - a.score || a.reportId.localeCompare(b.reportId) || a.statementIndex - b.statementIndex,
  );
  // At most `perReport` statements of one report (training judges a body on its best few).
  const taken = new Map<string, number>();
  const out: RankedStatement[] = [];
  for (const r of ranked) {
    if (out.length >= limit) break;
    const n = taken.get(r.reportId) ?? 0;
    if (n >= perReport) continue;
    taken.set(r.reportId, n + 1);
    out.push(r);
  }
  return out;
}

/**
 * The term index of one report: per term, the statements holding it and the statements that
 * refer back to one holding it (a fact split over two sentences is found by either's terms).
 */
export function postingsOf(statements: Statement[]): Array<Omit<Posting, 'reportId'>> {
  const byTerm = new Map<string, { statements: number[]; carried: number[] }>();
  const entry = (t: string) => byTerm.get(t) ?? byTerm.set(t, { statements: [], carried: [] }).get(t)!;
  statements.forEach((s, i) => {
    for (const t of indexKeysOf(s)) entry(t).statements.push(s.index);
    const previous = statements[i - 1];
    if (previous && refersBack(s.text, previous.terms))
      for (const t of previous.terms) if (!s.terms.includes(t)) entry(t).carried.push(s.index);
  });
  return [...byTerm.entries()].map(([term, p]) => ({
    term,
    statements: p.statements,
    ...(p.carried.length > 0 ? { carried: p.carried } : {}),
  }));
}
