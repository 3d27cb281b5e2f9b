// Word vectors (assets/vectors.bin, built by lib/assets/vectors.ts): how close two words or phrases are
// in meaning. Read on first use; the int8 values stay packed and each vector is unpacked when asked for.
import { foldCase } from '../text.js';
import { lazyAsset, readAsset } from './assets.js';
import { lemmatize } from './wordnet.js';

export const VECTORS_ASSET = 'vectors.bin';

interface Vectors {
  dimensions: number;
  count: number;
  /** The word of a row (rows are in code-unit order of their words), decoded when first asked for. */
  wordAt(row: number): string;
  /** Each row's frequency rank in the source embedding (0 = most frequent). */
  ranks: Uint32Array;
  scales: Float32Array;
  values: Int8Array;
}

/** A typed view of the bytes in place when they are aligned for it, else a copy. */
function view<T>(
  bytes: Buffer,
  offset: number,
  count: number,
  make: (buffer: ArrayBuffer, offset: number, count: number) => T,
  width: number,
): T {
  const at = bytes.byteOffset + offset;
  if (at % width === 0) return make(bytes.buffer as ArrayBuffer, at, count);
  return make(new Uint8Array(bytes.subarray(offset, offset + width * count)).buffer, 0, count);
}

/** Decodes the format lib/assets/vectors.ts writes (see encodeVectors there). */
export function decodeVectors(bytes: Buffer): Vectors {
  if (bytes.length < 16 || bytes.toString('latin1', 0, 4) !== 'WVEC' || bytes.readUInt8(4) !== 2)
    throw new Error(`${VECTORS_ASSET}: not a version 2 vector file`);
  const dimensions = bytes.readUInt16LE(6);
  const count = bytes.readUInt32LE(8);
  const textBytes = bytes.readUInt32LE(12);
  let offset = 16;
  // Where each word starts in the newline-separated text: found by byte search, decoded only when a lookup
  // reaches it (a binary search reads about 17 of the 70,000), so first use makes no array of strings.
  const textStart = offset;
  const starts = new Int32Array(count + 1);
  let lines = 0;
  for (let at = textStart; lines < count; ) {
    starts[lines++] = at;
    const end = bytes.indexOf(10, at);
    if (end < 0 || end >= textStart + textBytes) break;
    at = end + 1;
  }
  starts[lines] = textStart + textBytes + 1;
  const words: string[] = new Array(count);
  const wordAt = (row: number): string => {
    let w = words[row];
    if (w === undefined) {
      w = bytes.toString('utf8', starts[row]!, starts[row + 1]! - 1);
      words[row] = w;
    }
    return w;
  };
  offset += textBytes + ((4 - (textBytes % 4)) % 4);
  const ranks = view(bytes, offset, count, (b, o, n) => new Uint32Array(b, o, n), 4);
  offset += 4 * count;
  const scales = view(bytes, offset, count, (b, o, n) => new Float32Array(b, o, n), 4);
  offset += 4 * count;
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + offset, count * dimensions);
  if (lines !== count || values.length !== count * dimensions) throw new Error(`${VECTORS_ASSET}: cut short`);
  return { dimensions, count, wordAt, ranks, scales, values };
}

const vectors = lazyAsset(() => decodeVectors(readAsset(VECTORS_ASSET)));

/** The word's row, by binary search over the sorted words. */
function rowOf(v: Vectors, word: string): number | undefined {
  let lo = 0;
  let hi = v.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = v.wordAt(mid);
    if (at === word) return mid;
    if (at < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function vectorAt(v: Vectors, i: number): Float32Array {
  const out = new Float32Array(v.dimensions);
  const scale = v.scales[i]!;
  const base = i * v.dimensions;
  for (let d = 0; d < v.dimensions; d++) out[d] = v.values[base + d]! * scale;
  return out;
}

/**
 * The word's vector, or undefined when the vocabulary lacks it. A rare inflection missing from the kept
 * vocabulary falls back to its lemma's vector ("overturns" -> overturn).
 */
export function wordVector(word: string): Float32Array | undefined {
  const v = vectors();
  const i = rowOfWord(v, word);
  return i === undefined ? undefined : vectorAt(v, i);
}

/** The word's row, or its lemma's when the kept vocabulary lacks the inflection. */
const rowOfWord = (v: Vectors, word: string): number | undefined => {
  const lower = foldCase(word);
  return rowOf(v, lower) ?? rowOf(v, lemmatize(lower));
};

/** The vocabulary, most frequent word first. */
export function vectorWords(): string[] {
  const v = vectors();
  const out = new Array<string>(v.count);
  for (let i = 0; i < v.count; i++) out[v.ranks[i]!] = v.wordAt(i);
  return out;
}

export const hasVector = (word: string): boolean => wordVector(word) !== undefined;

/** The word's frequency rank in the source embedding (0 = most frequent), or its lemma's; undefined when unknown. */
export function frequencyRank(word: string): number | undefined {
  const v = vectors();
  const i = rowOfWord(v, word);
  return i === undefined ? undefined : v.ranks[i];
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    dot += a[d]! * b[d]!;
    na += a[d]! * a[d]!;
    nb += b[d]! * b[d]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Cosine similarity of two words in [-1, 1]; 0 when either has no vector. */
export function similarity(a: string, b: string): number {
  if (foldCase(a) === foldCase(b)) return 1;
  const va = wordVector(a);
  const vb = wordVector(b);
  return va && vb ? cosine(va, vb) : 0;
}

/** The mean of the words' unit vectors (words without one are skipped); undefined when none has one. */
export function meanVector(words: readonly string[]): Float32Array | undefined {
  let sum: Float32Array | undefined;
  for (const word of words) {
    const v = wordVector(word);
    if (!v) continue;
    const u = unit(v);
    sum ??= new Float32Array(v.length);
    for (let d = 0; d < v.length; d++) sum[d]! += u[d]!;
  }
  return sum;
}

export interface PhraseSimilarity {
  /** Cosine of the two phrases' mean vectors. */
  mean: number;
  /**
   * Each word of the shorter side matched to its most similar word on the other side, averaged: high only
   * when every word has a close counterpart, so one shared topic word does not make two phrases alike.
   */
  aligned: number;
  /** Words of each side that had a vector. */
  known: [number, number];
}

function unit(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
  return sum;
}

export function phraseSimilarity(aWords: readonly string[], bWords: readonly string[]): PhraseSimilarity {
  // Each word's vector is read and normalised once; every comparison after that is a dot product.
  const unitVectors = (words: readonly string[]): Array<{ word: string; v: Float32Array }> =>
    words.flatMap((word) => {
      const v = wordVector(word);
      return v ? [{ word: foldCase(word), v: unit(v) }] : [];
    });
  const a = unitVectors(aWords);
  const b = unitVectors(bWords);
  const mean = (side: typeof a): Float32Array =>
    side.reduce((sum, { v }) => sum.map((x, d) => x + v[d]!), new Float32Array(side[0]!.v.length));
  const meanCosine = a.length > 0 && b.length > 0 ? cosine(mean(a), mean(b)) : 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const best = (x: (typeof a)[number]): number => Math.max(...long.map((y) => (x.word === y.word ? 1 : dot(x.v, y.v))));
  const aligned =
    short.length === 0 || long.length === 0 ? 0 : short.reduce((sum, x) => sum + best(x), 0) / short.length;
  return { mean: meanCosine, aligned, known: [a.length, b.length] };
}

/** The words of the vocabulary closest to the word, most similar first (for inspection and reports). */
export function nearestWords(word: string, count = 10): Array<{ word: string; similarity: number }> {
  const target = wordVector(word);
  if (!target) return [];
  const v = vectors();
  const best: Array<{ word: string; similarity: number }> = [];
  for (let i = 0; i < v.count; i++) {
    const w = v.wordAt(i);
    if (w === foldCase(word)) continue;
    const s = cosine(target, vectorAt(v, i));
    if (best.length < count || s > best[best.length - 1]!.similarity) {
      best.push({ word: w, similarity: s });
      best.sort((x, y) => y.similarity - x.similarity);
      if (best.length > count) best.pop();
    }
  }
  return best;
}
