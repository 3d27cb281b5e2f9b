// Semantic signals from the kept resources: word-vector similarity of the claim's content words to a sentence's
// ("ferry halted" / "boat service suspended", which share no term), and WordNet antonymy between them ("closed"
// against "open", "won" against "lost"). Per-claim work is done once; per-word lookups are memoised (bounded).
import { STOP_WORDS } from '../lexicon.js';
import { wordVector } from '../resources/vectors.js';
import { antonyms, lemmatize } from '../resources/wordnet.js';
import type { Statement } from '../types.js';
import { foldedTokens } from './tokens.js';

const MEMO_LIMIT = 200_000;

const dot = (a: Float32Array, b: Float32Array): number => {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
};

function memo<T>(fn: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    let v = cache.get(word);
    if (v === undefined && !cache.has(word)) {
      v = fn(word);
      if (cache.size >= MEMO_LIMIT) cache.clear();
      cache.set(word, v);
    }
    return v as T;
  };
}

/** The word's unit vector, or null without one. */
const unitVector = memo((word: string): Float32Array | null => {
  const v = wordVector(word);
  if (!v) return null;
  const norm = Math.sqrt(dot(v, v)) || 1;
  return v.map((x) => x / norm);
});

const lemmaOf = memo((word: string): string => lemmatize(word));

/** Folded tokens are lower-case without diacritics: plain letters are a-z. */
const LETTERS = /^[a-z]+$/;

/** Words that carry content: letters only, three or more, not function words (negations are read elsewhere). */
export const contentWords = (tokens: readonly string[]): string[] => [
  ...new Set(tokens.filter((t) => t.length >= 3 && LETTERS.test(t) && !STOP_WORDS.has(t))),
];

interface ClaimSemantics {
  words: Set<string>;
  vectors: Float32Array[];
  mean: Float32Array | undefined;
  /** the opposites of the claim's words (and of their lemmas) */
  opposites: Set<string>;
}

const claimCache = new WeakMap<Statement, ClaimSemantics>();

function meanOf(vectors: readonly Float32Array[]): Float32Array | undefined {
  if (vectors.length === 0) return undefined;
  const sum = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let d = 0; d < v.length; d++) sum[d]! += v[d]!;
  return sum;
}

function claimSemantics(claim: Statement): ClaimSemantics {
  let s = claimCache.get(claim);
  if (!s) {
    const words = contentWords(foldedTokens(claim.text));
    const vectors = words.map(unitVector).filter((v): v is Float32Array => v !== null);
    const opposites = new Set<string>();
    for (const w of words)
      for (const form of new Set([w, lemmaOf(w)])) for (const a of antonyms(form)) opposites.add(a);
    s = { words: new Set([...words, ...words.map(lemmaOf)]), vectors, mean: meanOf(vectors), opposites };
    claimCache.set(claim, s);
  }
  return s;
}

export interface SemanticReading {
  /** cosine of the mean vectors of claim and sentence content words */
  meanSimilarity: number;
  /** each claim word's best match in the sentence, averaged */
  alignedSimilarity: number;
  /** sentence words that are opposites of a claim word (and not claim words themselves) */
  opposites: string[];
}

export function semanticReading(claim: Statement, tokens: readonly string[]): SemanticReading {
  const c = claimSemantics(claim);
  const words = contentWords(tokens);
  const vectors = words.map(unitVector).filter((v): v is Float32Array => v !== null);
  const mean = meanOf(vectors);
  let meanSimilarity = 0;
  if (mean && c.mean) meanSimilarity = dot(mean, c.mean) / (Math.sqrt(dot(mean, mean) * dot(c.mean, c.mean)) || 1);
  let aligned = 0;
  if (vectors.length > 0) {
    for (const cv of c.vectors) {
      let best = -1;
      for (const v of vectors) best = Math.max(best, dot(cv, v));
      aligned += best;
    }
    aligned = c.vectors.length === 0 ? 0 : aligned / c.vectors.length;
  }
  const opposites =
    c.opposites.size === 0
      ? []
      : words.filter((w) => !c.words.has(w) && (c.opposites.has(w) || c.opposites.has(lemmaOf(w))));
  return { meanSimilarity, alignedSimilarity: aligned, opposites };
}
