// From FNC-1 pairs to the stance model's inputs, exactly as the app will judge them: each body is analysed as an
// ingested report (its statements as stored, its profile), each headline as a submitted claim, and a pair's
// candidates are the body's best K statements for the headline by the engine's own BM25 (rankStatements), with
// the app's rule that terms common to POSTINGS_PER_TERM reports or more are not retrieved by.
import { analyzeClaim, analyzeReport, postingsOf, rankStatements } from '../domain/index.js';
import type { ClaimAnalysis, Posting, Statement } from '../domain/types.js';
import {
  CANDIDATES_PER_REPORT,
  featuresOf,
  readCandidate,
  type Features,
  type Reading,
  type FeatureSpace,
} from '../domain/stance/features.js';
import { reportProfile, type ReportProfile } from '../domain/stance/profile.js';
import { STANCE_CLASSES } from '../domain/stance/model.js';
import { POSTINGS_PER_TERM } from '../app/recheck.js';
import type { FncData, FncPair } from './fnc1.js';

export interface AnalysedBody {
  statements: Statement[];
  postings: Posting[];
  profile: ReportProfile;
}

export interface Corpus {
  bodies: Map<number, AnalysedBody>;
  claims: Map<string, ClaimAnalysis>;
  /** bodies holding each term: the store's document frequency */
  docFreq: Map<string, number>;
}

export function analyseCorpus(data: FncData, pairs: FncPair[]): Corpus {
  const bodies = new Map<number, AnalysedBody>();
  const docFreq = new Map<string, number>();
  // Every body is in the store, whichever side its pairs are on: retrieval statistics see the whole corpus.
  for (const [id, text] of [...data.bodies.entries()].sort((a, b) => a[0] - b[0])) {
    const { statements, terms } = analyzeReport({ text });
    const reportId = String(id);
    bodies.set(id, {
      statements,
      postings: postingsOf(statements).map((p) => ({ ...p, reportId })),
      profile: reportProfile(statements),
    });
    for (const t of terms) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  }
  const claims = new Map<string, ClaimAnalysis>();
  for (const p of pairs) if (!claims.has(p.headline)) claims.set(p.headline, analyzeClaim(p.headline));
  return { bodies, claims, docFreq };
}

/** The body's candidate statements for the claim, best first, as the app's retrieval would pass them. */
export function candidateStatements(corpus: Corpus, claim: ClaimAnalysis, body: AnalysedBody): Statement[] {
  const total = corpus.bodies.size;
  const rare = claim.terms.filter((t) => (corpus.docFreq.get(t) ?? 0) < POSTINGS_PER_TERM);
  const used = new Set(rare.length > 0 ? rare : claim.terms);
  const postings = body.postings.filter((p) => used.has(p.term));
  const docFreq = new Map([...used].map((t) => [t, Math.min(corpus.docFreq.get(t) ?? 1, POSTINGS_PER_TERM)]));
  const ranked = rankStatements(claim, postings, { totalReports: total, docFreq }, CANDIDATES_PER_REPORT);
  return ranked.map((r) => body.statements[r.statementIndex]!);
}

export interface Example {
  features: Features;
  label: number;
}

/** Which profile a training pair is judged with: the one stored, or none (a report stored before profiles). */
export type ProfileChoice = 'stored' | 'none';

/** The engine's reading of a pair's candidates: the costly part of an example, independent of the profile. */
export function readingsOf(corpus: Corpus, pair: FncPair, space: FeatureSpace): Reading[] {
  const claim = corpus.claims.get(pair.headline)!;
  const body = corpus.bodies.get(pair.bodyId)!;
  return candidateStatements(corpus, claim, body).map((s) => readCandidate(claim, s, space));
}

/** One pair's example from its readings, with the profile chosen for it. */
export function exampleOf(
  corpus: Corpus,
  pair: FncPair,
  readings: readonly Reading[],
  space: FeatureSpace,
  choice: ProfileChoice = 'stored',
): Example {
  const claim = corpus.claims.get(pair.headline)!;
  const body = corpus.bodies.get(pair.bodyId)!;
  const profile = choice === 'stored' ? body.profile : undefined;
  return { features: featuresOf(claim, readings, space, profile), label: STANCE_CLASSES.indexOf(pair.stance) };
}

export function examplesOf(
  corpus: Corpus,
  pairs: FncPair[],
  space: FeatureSpace,
  options: { profile?: (i: number) => ProfileChoice } = {},
): Example[] {
  return pairs.map((p, i) => exampleOf(corpus, p, readingsOf(corpus, p, space), space, options.profile?.(i)));
}
