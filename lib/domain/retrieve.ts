// Candidate retrieval: BM25 over the term index. Rare terms weigh more, so a claim
// about "Yevkurov" finds the sentences that name him before those that say "Niger".
import type { ClaimAnalysis, Posting, RankedStatement } from './types.js';

const K1 = 1.2;

export function idf(totalReports: number, docFreq: number): number {
  return Math.log(1 + (totalReports - docFreq + 0.5) / (docFreq + 0.5));
}

export function rankStatements(
  claim: ClaimAnalysis,
  postings: Posting[],
  stats: { totalReports: number; docFreq: Map<string, number> },
  limit: number,
): RankedStatement[] {
  const claimTerms = new Set(claim.terms);
  const scores = new Map<string, RankedStatement>();
  const total = Math.max(stats.totalReports, 1);
  for (const posting of postings) {
    if (!claimTerms.has(posting.term)) continue;
    const df = Math.min(stats.docFreq.get(posting.term) ?? 1, total);
    // Every posting is one occurrence (tf = 1): BM25's tf part is then the constant (k1 + 1) / (1 + k1).
    const weight = idf(total, df);
    for (const index of posting.statements) {
      const key = `${posting.reportId}#${index}`;
      const entry = scores.get(key) ?? { reportId: posting.reportId, statementIndex: index, score: 0 };
      entry.score += weight * ((K1 + 1) / (1 + K1));
      scores.set(key, entry);
    }
  }
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || a.reportId.localeCompare(b.reportId) || a.statementIndex - b.statementIndex)
    .slice(0, limit);
}
