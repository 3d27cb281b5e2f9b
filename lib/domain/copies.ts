// Near-duplicate detection: MinHash over word shingles with LSH banding. Copies
// (syndication, reprints, a new headline or footer, reordered paragraphs) share
// most shingles, so their signatures agree in most positions and in at least one
// band. Containment is estimated from the Jaccard estimate and the shingle counts,
// so an edited copy that adds or drops a few paragraphs still counts as a copy.
// Written here (about 60 lines) because the npm MinHash packages are unmaintained
// and we need stable, JSON-serialisable signatures.
import type { CopySignature } from './types.js';
import { foldCase } from './text.js';

const PERMUTATIONS = 128;
const ROWS_PER_BAND = 3;
/** 16 bands of 3 rows: a pair with Jaccard 0.5 shares a band with p = 0.88, at 0.7 with p > 0.99; fewer bands mean fewer writes per report. */
const BANDS = 16;
const SHINGLE_WORDS = 5;
/** Jaccard at or above which two texts are one text */
const COPY_JACCARD = 0.5;
/** share of the smaller text found in the larger at or above which it is an edited copy */
const COPY_CONTAINMENT = 0.7;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: PERMUTATIONS }, (_, i) => fnv1a(`seed-${i}`));

export function shingles(text: string): Set<number> {
  const words = foldCase(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const size = Math.min(SHINGLE_WORDS, Math.max(1, words.length));
  const out = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) out.add(fnv1a(words.slice(i, i + size).join(' ')));
  return out;
}

export function copySignature(text: string): CopySignature {
  const set = shingles(text);
  const minhash = SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const s of set) {
      const h = mix(s, seed);
      if (h < min) min = h;
    }
    return min;
  });
  const bands: string[] = [];
  if (set.size > 0) {
    for (let b = 0; b < BANDS; b++) {
      const rows = minhash.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND);
      bands.push(`${b}:${fnv1a(rows.join(','))
        .toString(36)}`);
    }
  }
  return { minhash, bands, shingles: set.size };
}

export function estimateJaccard(a: CopySignature, b: CopySignature): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a.minhash[i] === b.minhash[i]) same++;
  return same / PERMUTATIONS;
}

/** Share of the smaller text's shingles that the larger one holds, from the Jaccard estimate. */
export function estimateContainment(a: CopySignature, b: CopySignature): number {
  const j = estimateJaccard(a, b);
  const small = Math.min(a.shingles, b.shingles);
  if (small === 0) return 0;
  const intersection = (j * (a.shingles + b.shingles)) / (1 + j);
  return Math.min(1, intersection / small);
}

export function isCopy(a: CopySignature, b: CopySignature): boolean {
  const j = estimateJaccard(a, b);
  if (j >= COPY_JACCARD) return true;
  // Containment needs some real overlap, or a one-line text would be "contained" in anything.
  return j >= 0.15 && Math.min(a.shingles, b.shingles) >= 20 && estimateContainment(a, b) >= COPY_CONTAINMENT;
}
