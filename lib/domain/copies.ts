// Near-duplicate detection: MinHash over word shingles with LSH banding. Copies
// (syndication, reprints, a new headline or footer, reordered paragraphs) share
// most shingles, so their signatures agree in most positions and in at least one
// band. Containment is estimated from the Jaccard estimate and the shingle counts,
// so an edited copy that adds or drops a few paragraphs still counts as a copy.
// Written here (about 60 lines) because the npm MinHash packages are unmaintained
// and we need stable, JSON-serialisable signatures.
import type { CopySignature } from './types.js';
import { foldCase } from './text.js';
import { unionFind } from './unionFind.js';

const PERMUTATIONS = 128;
const ROWS_PER_BAND = 2;
/** 16 bands of 2 rows: a pair with Jaccard 0.35 shares a band with p = 0.88, at 0.5 with p = 0.99; fewer bands mean fewer writes per report. */
const BANDS = 16;
/**
 * Shingles are 3 words inside one sentence: reordering sentences or changing one word in ten
 * keeps most of them (5-word shingles across sentences lost half). Measured on invented
 * stories (test/domain/copies.test.ts): 10% of words changed, sentences shuffled and a new
 * headline and footer keep Jaccard >= 0.46; same-event stories by different outlets in the
 * ECB+ corpus stay <= 0.23.
 */
const SHINGLE_WORDS = 3;
/** Signatures of another scheme are not comparable (stored before the sentence-local shingles). */
export const SIGNATURE_SCHEME = 2;
/** Jaccard at or above which two texts are one text, however short */
const COPY_JACCARD = 0.5;
/** Texts with at least this many shingles on both sides may be edited copies (below, one shared phrase is too much of a short text) */
const EDITED_MIN_SHINGLES = 20;
/** Jaccard at or above which two such texts are one edited text (one word in seven changed, on the sweep) */
const EDITED_JACCARD = 0.35;
/** share of the smaller text found in the larger at or above which it is an edited copy (a new headline, a dropped paragraph) */
const COPY_CONTAINMENT = 0.6;

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
  const out = new Set<number>();
  for (const sentence of foldCase(text).split(/(?<=[.!?])\s+|\n+/)) {
    const words = sentence.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) continue;
    const size = Math.min(SHINGLE_WORDS, words.length);
    for (let i = 0; i + size <= words.length; i++) out.add(fnv1a(words.slice(i, i + size).join(' ')));
  }
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
      bands.push(`${b}:${fnv1a(rows.join(',')).toString(36)}`);
    }
  }
  return { minhash, bands, shingles: set.size, scheme: SIGNATURE_SCHEME };
}

export function estimateJaccard(a: CopySignature, b: CopySignature): number {
  if (a.shingles === 0 || b.shingles === 0 || (a.scheme ?? 1) !== (b.scheme ?? 1)) return 0;
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
  if (Math.min(a.shingles, b.shingles) < EDITED_MIN_SHINGLES) return false;
  // Containment needs some real overlap, or a short text would be "contained" in anything.
  return j >= EDITED_JACCARD || (j >= 0.2 && estimateContainment(a, b) >= COPY_CONTAINMENT);
}

/**
 * One copy group per text among the given reports, whatever order or timing they were stored
 * in: reports whose signatures are copies, or that were stored in one group, merge (union-find),
 * and each merged group is named by its smallest stored group id. Two copies ingested at the same
 * moment each found no copy stored yet; this joins them before a verdict counts them.
 */
export function reconcileCopyGroups(
  reports: Array<{ id: string; copyGroup: string; signature: CopySignature }>,
): Map<string, string> {
  const { find, union } = unionFind();
  for (let i = 0; i < reports.length; i++) {
    for (let k = i + 1; k < reports.length; k++) {
      const [x, y] = [reports[i]!, reports[k]!];
      if (find(x.copyGroup) !== find(y.copyGroup) && isCopy(x.signature, y.signature)) union(x.copyGroup, y.copyGroup);
    }
  }
  return new Map(reports.map((r) => [r.id, find(r.copyGroup)]));
}
