// The data every stance step starts from: FNC-1 loaded, split by story, analysed as the app would.
import { contentTerms } from '../domain/terms.js';
import type { FeatureSpace } from '../domain/stance/features.js';
import { loadFnc, type FncData } from './fnc1.js';
import { DEFAULT_SPLIT, splitByStory, type Split } from './split.js';
import { analyseCorpus, type Corpus } from './dataset.js';

export interface Prepared {
  data: FncData;
  split: Split;
  corpus: Corpus;
}

export function prepare(dir: string): Prepared {
  const data = loadFnc(dir);
  const split = splitByStory(data.pairs, DEFAULT_SPLIT);
  const corpus = analyseCorpus(data, [...split.train, ...split.dev, ...split.test]);
  return { data, split, corpus };
}

/** Terms kept in the sparse blocks: the most widespread of the training side. */
export const VOCABULARY_SIZE = 3000;
const MIN_DOC_FREQ = 3;

/**
 * Vocabulary and IDF from the training side only (its headlines and its bodies as documents), so nothing of the
 * dev or test stories shapes the inputs.
 */
export function featureSpace(prepared: Prepared, size = VOCABULARY_SIZE): { space: FeatureSpace; vocab: string[] } {
  const { split, corpus } = prepared;
  const docs: string[][] = [];
  for (const h of [...new Set(split.train.map((p) => p.headline))].sort())
    docs.push(corpus.claims.get(h)?.terms ?? contentTerms(h));
  for (const id of [...new Set(split.train.map((p) => p.bodyId))].sort((a, b) => a - b)) {
    docs.push([...new Set(corpus.bodies.get(id)!.statements.flatMap((s) => s.terms))]);
  }
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df.entries()]
    .filter(([, n]) => n >= MIN_DOC_FREQ)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, size)
    .map(([t]) => t);
  const n = docs.length;
  const idfOf = (k: number) => Math.log((1 + n) / (1 + k)) + 1;
  return {
    vocab,
    space: {
      vocab: new Map(vocab.map((t, i) => [t, i])),
      idf: Float32Array.from(vocab.map((t) => idfOf(df.get(t)!))),
      idfUnknown: idfOf(0),
    },
  };
}
