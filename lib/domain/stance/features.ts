// The stance model's inputs for one claim and one report: the engine's own reading of each candidate statement
// (alignStatement), lexical overlap, cue words, the report's whole-body profile, and sparse term counts.
// Pure: the vocabulary and IDF weights come in with the feature space (from the model asset).
import { alignStatement } from '../align.js';
import type { Alignment, ClaimAnalysis, Statement } from '../types.js';
import { REFUTING_WORDS } from './cues.js';
import type { ReportProfile } from './profile.js';
import { semanticReading, type SemanticReading } from './semantic.js';
import { bigrams, cuesOf, foldedTokens } from './tokens.js';

/** Feature groups, for ablation: a model names the groups it was trained with. */
export const FEATURE_GROUPS = ['engine', 'lexical', 'cues', 'profile', 'tf', 'semantic'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

/** Candidate statements judged per report: the best K of the report's statements by BM25 for the claim. */
export const CANDIDATES_PER_REPORT = 4;

export interface FeatureSpace {
  /** term -> index into the sparse blocks */
  vocab: Map<string, number>;
  /** IDF per vocabulary index; terms outside it weigh `idfUnknown` */
  idf: Float32Array;
  idfUnknown: number;
}

/** What the engine and the cue lists read in one candidate statement. */
export interface Reading {
  statement: Statement;
  alignment: Alignment;
  cues: string[][];
  semantic: SemanticReading;
  values: Float64Array;
}

const READING_FEATURES: ReadonlyArray<[string, FeatureGroup]> = [
  ['supports', 'engine'],
  ['contradicts', 'engine'],
  ['mentions', 'engine'],
  ['overlap', 'engine'],
  ['matchedQuantity', 'engine'],
  ['matchedDate', 'engine'],
  ['matchedName', 'engine'],
  ['conflictQuantity', 'engine'],
  ['conflictDate', 'engine'],
  ['conflictName', 'engine'],
  ['conflictPolarity', 'engine'],
  ['negated', 'engine'],
  ['hedged', 'engine'],
  ['question', 'engine'],
  ['differentTopic', 'engine'],
  ['missingName', 'engine'],
  ['jaccard', 'lexical'],
  ['coverage', 'lexical'],
  ['idfCoverage', 'lexical'],
  ['bigramShare', 'lexical'],
  ['refuting', 'cues'],
  ['negation', 'cues'],
  ['denial', 'cues'],
  ['hedging', 'cues'],
  ['attribution', 'cues'],
  ['confirming', 'cues'],
  ['vectorMean', 'semantic'],
  ['vectorAligned', 'semantic'],
  ['opposites', 'semantic'],
];

const CLAIM_FEATURES: ReadonlyArray<[string, FeatureGroup]> = [
  ['claim.negated', 'engine'],
  ['claim.hedged', 'engine'],
  ['claim.question', 'engine'],
  ['claim.quantities', 'engine'],
  ['claim.dates', 'engine'],
  ['claim.names', 'engine'],
  ['candidates', 'engine'],
  ['claim.length', 'lexical'],
  ['candidates.cosine', 'lexical'],
  ['claim.refuting', 'cues'],
  ['claim.negation', 'cues'],
  ['claim.denial', 'cues'],
  ['claim.hedging', 'cues'],
  ['claim.attribution', 'cues'],
  ['claim.confirming', 'cues'],
  ...REFUTING_WORDS.map((w): [string, FeatureGroup] => [`claim.word.${w}`, 'cues']),
  ['profile.present', 'profile'],
  ['profile.cosine', 'profile'],
  ['profile.coverage', 'profile'],
  ['profile.lead', 'profile'],
  ['profile.refuting', 'profile'],
  ['profile.negation', 'profile'],
  ['profile.denial', 'profile'],
  ['profile.hedging', 'profile'],
  ['profile.attribution', 'profile'],
  ['profile.confirming', 'profile'],
  ['profile.negated', 'profile'],
  ['profile.hedged', 'profile'],
  ['profile.questions', 'profile'],
  ['profile.size', 'profile'],
];

/** Names and groups of the dense features, in vector order. */
export const DENSE_FEATURES: ReadonlyArray<[string, FeatureGroup]> = [
  ...(['max', 'mean', 'top'] as const).flatMap((agg) =>
    READING_FEATURES.map(([n, g]): [string, FeatureGroup] => [`${agg}.${n}`, g]),
  ),
  ...CLAIM_FEATURES,
];

export interface Features {
  dense: Float64Array;
  /** sparse inputs: indices into [claim terms | candidate terms | profile terms], each block vocab-sized */
  sparseIndex: number[];
  sparseValue: number[];
}

const isQuestion = (text: string): boolean => /\?["'")\]]*$/.test(text.trim());
const cap = (x: number, max = 3): number => Math.min(x, max);

function idfOf(space: FeatureSpace, term: string): number {
  const i = space.vocab.get(term);
  return i === undefined ? space.idfUnknown : space.idf[i]!;
}

/** The engine's and the cue lists' reading of one candidate: computed once, reused for every subset judged. */
export function readCandidate(
  claim: ClaimAnalysis,
  statement: Statement,
  space: FeatureSpace,
  publishedAt?: string,
): Reading {
  const alignment = alignStatement(claim, statement, publishedAt);
  const tokens = foldedTokens(statement.text);
  const cues = cuesOf(tokens);
  const semantic = semanticReading(claim.statement, tokens);
  const claimTerms = claim.terms;
  const own = new Set(statement.terms);
  const shared = claimTerms.filter((t) => own.has(t));
  const union = new Set([...claimTerms, ...statement.terms]).size;
  let idfAll = 0;
  let idfShared = 0;
  for (const t of claimTerms) {
    const w = idfOf(space, t);
    idfAll += w;
    if (own.has(t)) idfShared += w;
  }
  const claimBigrams = bigrams(foldedTokens(claim.statement.text));
  const statementBigrams = bigrams(tokens);
  let bigramHits = 0;
  for (const b of claimBigrams) if (statementBigrams.has(b)) bigramHits += 1;
  const count = (kind: string, list: Alignment['matched']) => cap(list.filter((x) => x.kind === kind).length);
  const values = Float64Array.from([
    alignment.stance === 'SUPPORTS' ? 1 : 0,
    alignment.stance === 'CONTRADICTS' ? 1 : 0,
    alignment.stance === 'MENTIONS' ? 1 : 0,
    alignment.score,
    count('quantity', alignment.matched),
    count('date', alignment.matched),
    count('name', alignment.matched),
    count('quantity', alignment.conflicting),
    count('date', alignment.conflicting),
    count('name', alignment.conflicting),
    count('polarity', alignment.conflicting),
    statement.slots.negated ? 1 : 0,
    statement.slots.hedged ? 1 : 0,
    isQuestion(statement.text) ? 1 : 0,
    alignment.reason === 'different topic' ? 1 : 0,
    alignment.reason === 'a key name of the claim is missing' ? 1 : 0,
    union === 0 ? 0 : shared.length / union,
    claimTerms.length === 0 ? 0 : shared.length / claimTerms.length,
    idfAll === 0 ? 0 : idfShared / idfAll,
    claimBigrams.size === 0 ? 0 : bigramHits / claimBigrams.size,
    ...cues.map((found) => cap(found.length)),
    semantic.meanSimilarity,
    semantic.alignedSimilarity,
    cap(semantic.opposites.length),
  ]);
  return { statement, alignment, cues, semantic, values };
}

/** IDF-weighted cosine between the claim's terms (once each) and counted terms. */
function cosine(claimTerms: readonly string[], counts: ReadonlyMap<string, number>, space: FeatureSpace): number {
  let dot = 0;
  let a = 0;
  let b = 0;
  const claim = new Set(claimTerms);
  for (const t of claim) {
    const w = idfOf(space, t);
    a += w * w;
    const c = counts.get(t);
    if (c !== undefined) dot += w * w * c;
  }
  for (const [t, c] of counts) {
    const w = idfOf(space, t) * c;
    b += w * w;
  }
  return a === 0 || b === 0 ? 0 : dot / Math.sqrt(a * b);
}

/** Adds a block of counted terms, L2-normalised, at `offset` in the sparse input. */
function addBlock(out: Features, counts: ReadonlyMap<string, number>, space: FeatureSpace, offset: number): void {
  const entries: Array<[number, number]> = [];
  for (const [t, c] of counts) {
    const i = space.vocab.get(t);
    if (i !== undefined) entries.push([i, c]);
  }
  const norm = Math.sqrt(entries.reduce((s, [, c]) => s + c * c, 0)) || 1;
  entries.sort((x, y) => x[0] - y[0]);
  for (const [i, c] of entries) {
    out.sparseIndex.push(offset + i);
    out.sparseValue.push(c / norm);
  }
}

/** The model's input for a claim and some of one report's candidates (already read), with its profile if any. */
export function featuresOf(
  claim: ClaimAnalysis,
  readings: readonly Reading[],
  space: FeatureSpace,
  profile?: ReportProfile,
): Features {
  const width = READING_FEATURES.length;
  const dense = new Float64Array(DENSE_FEATURES.length);
  const n = readings.length;
  for (let k = 0; k < width; k++) {
    let max = 0;
    let sum = 0;
    for (const r of readings) {
      const v = r.values[k]!;
      if (v > max) max = v;
      sum += v;
    }
    dense[k] = max;
    dense[width + k] = n === 0 ? 0 : sum / n;
    dense[2 * width + k] = readings[0]?.values[k] ?? 0;
  }
  const c = claim.statement;
  const claimTokens = foldedTokens(c.text);
  const claimCues = cuesOf(claimTokens);
  const claimWords = new Set(claimTokens);
  const candidateCounts = new Map<string, number>();
  for (const r of readings)
    for (const t of r.statement.terms) candidateCounts.set(t, (candidateCounts.get(t) ?? 0) + 1);
  const profileCounts = new Map(profile?.terms ?? []);
  const lead = new Set(profile?.lead ?? []);
  const statements = Math.max(profile?.n ?? 0, 1);
  const claimValues = [
    c.slots.negated ? 1 : 0,
    c.slots.hedged ? 1 : 0,
    isQuestion(c.text) ? 1 : 0,
    cap(c.slots.quantities.length),
    cap(c.slots.dates.length),
    cap(c.slots.names.length),
    n / CANDIDATES_PER_REPORT,
    Math.log1p(claim.terms.length),
    cosine(claim.terms, candidateCounts, space),
    ...claimCues.map((found) => cap(found.length)),
    ...REFUTING_WORDS.map((w) => (claimWords.has(w) ? 1 : 0)),
    profile ? 1 : 0,
    profile ? cosine(claim.terms, profileCounts, space) : 0,
    profile && claim.terms.length > 0 ? claim.terms.filter((t) => profileCounts.has(t)).length / claim.terms.length : 0,
    profile && claim.terms.length > 0 ? claim.terms.filter((t) => lead.has(t)).length / claim.terms.length : 0,
    ...(profile ? profile.cues.map((k) => k / statements) : [0, 0, 0, 0, 0, 0]),
    profile ? profile.negated / statements : 0,
    profile ? profile.hedged / statements : 0,
    profile ? profile.questions / statements : 0,
    profile ? Math.log1p(profile.n) / 5 : 0,
  ];
  dense.set(claimValues, 3 * width);
  const out: Features = { dense, sparseIndex: [], sparseValue: [] };
  const V = space.vocab.size;
  addBlock(out, new Map(claim.terms.map((t) => [t, 1])), space, 0);
  addBlock(out, candidateCounts, space, V);
  if (profile) addBlock(out, profileCounts, space, 2 * V);
  return out;
}
