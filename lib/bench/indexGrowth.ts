// How the term index's cost grows with the corpus, computed: write units per report (amortized over every
// merge and compaction so far) and the worst-case index reads of one claim, at any corpus size, for a level
// schedule. The level arithmetic is the index's own (`Levels`: which writes each level has had, which slots
// a reader reads); the unit costs are measured: a report's writes before any compaction by `npm run storage`
// (real bodies), and what one compaction costs per report, by how many reports a slot item holds, by
// `npm run index-growth` (real bodies' postings packed into slot items as a compaction packs them). A
// corpus too big to ingest here is computed, not measured; docs/operations.md ("The term index") says how.
import type { Levels } from '../store/termIndex.js';

/** One compaction's cost per report, at a density of reports per bucket item (a slot of S reports over B buckets: S / B). */
export interface DensityCost {
  reportsPerItem: number;
  /** write units per report the slot's items cost (each item ceil(KB)) */
  writeUnits: number;
  /** average stored KB of one item (what a reader reads of it) */
  itemKb: number;
}

/**
 * Measured by `npm run index-growth` on 1,600 FNC-1 bodies (their postings and copy bands as ingest writes
 * them, report ids as the app makes them), without the compaction's cap of KEEP_PER_TERM postings per term
 * (which only drops postings): an upper bound where terms are common.
 */
export const MEASURED_DENSITY: DensityCost[] = [
  { reportsPerItem: 0.05, writeUnits: 14.91, itemKb: 0.21 },
  { reportsPerItem: 0.1, writeUnits: 9.97, itemKb: 0.29 },
  { reportsPerItem: 0.2, writeUnits: 5.84, itemKb: 0.45 },
  { reportsPerItem: 0.39, writeUnits: 3.43, itemKb: 0.79 },
  { reportsPerItem: 0.78, writeUnits: 2.44, itemKb: 1.45 },
  { reportsPerItem: 1.56, writeUnits: 2.08, itemKb: 2.73 },
  { reportsPerItem: 3.13, writeUnits: 1.81, itemKb: 5.14 },
  { reportsPerItem: 6.25, writeUnits: 1.6, itemKb: 9.5 },
];

/**
 * A report's write units with no compaction yet: `npm run storage` on 200 real bodies (its own items, the
 * recent item put and deleted, its share of a level 0 merge: 100 reports over 256 buckets, 0.39 a bucket).
 */
export const MEASURED_BASE_UNITS = 24.7;

/** A claim's rare terms in distinct buckets, the worst case (retrieval reads every bucket a term hashes to). */
export const TERM_BUCKETS_PER_CLAIM = 8;

/** Interpolated on log density between measured points; held at the ends. */
export function costAt(
  density: number,
  table: DensityCost[] = MEASURED_DENSITY,
): { writeUnits: number; itemKb: number } {
  const points = [...table].sort((a, b) => a.reportsPerItem - b.reportsPerItem);
  const first = points[0]!;
  const last = points.at(-1)!;
  if (density <= first.reportsPerItem) return first;
  if (density >= last.reportsPerItem) return last;
  const i = points.findIndex((p) => p.reportsPerItem > density) - 1;
  const [a, b] = [points[i]!, points[i + 1]!];
  const f = Math.log(density / a.reportsPerItem) / Math.log(b.reportsPerItem / a.reportsPerItem);
  return { writeUnits: a.writeUnits + f * (b.writeUnits - a.writeUnits), itemKb: a.itemKb + f * (b.itemKb - a.itemKb) };
}

export interface GrowthPoint {
  reports: number;
  /** levels a reader reads (0 included) */
  levels: number;
  /** write units per report, amortized over every merge and compaction of a corpus of this size */
  writeUnits: number;
  /** the most `writeUnits` reaches at any size up to this one (just after a level's compaction) */
  peakWriteUnits: number;
  /** index read units of one claim at this size, worst case: each term bucket's live slots per level, the state item twice */
  readUnits: number;
  /** the most `readUnits` reaches at any size up to this one */
  peakReadUnits: number;
}

export interface GrowthOptions {
  mergeAt?: number;
  baseUnits?: number;
  density?: DensityCost[];
  termBuckets?: number;
}

/** The cost of the index at each of `sizes` (reports, ascending), merging `mergeAt` reports at a time. */
export function indexGrowth(levels: Levels, sizes: number[], options: GrowthOptions = {}): GrowthPoint[] {
  const { mergeAt = 100, baseUnits = MEASURED_BASE_UNITS, density = MEASURED_DENSITY } = options;
  const termBuckets = options.termBuckets ?? TERM_BUCKETS_PER_CLAIM;
  const densityOf = (level: number) => levels.reportsPerWrite(level, mergeAt) / levels.buckets(level);
  /** A level's compaction cost per report passing through it, and its item size. */
  const cost = (level: number) => costAt(densityOf(level), density);
  const writesAt = (merges: number): number => {
    if (merges === 0) return baseUnits;
    let compacted = 0;
    for (let level = 1; levels.writes(level, merges) > 0; level++)
      compacted += cost(level).writeUnits * levels.writes(level, merges) * levels.reportsPerWrite(level, mergeAt);
    return baseUnits + compacted / (merges * mergeAt);
  };
  const readsAt = (merges: number): number => {
    let perBucket = 0;
    // Level 0's items hold one merge's reports over TERM_BUCKETS; each level's density is its own.
    for (const live of levels.live(merges))
      perBucket += Math.max(1, Math.ceil((live.slots * cost(live.level).itemKb) / 4));
    return termBuckets * perBucket + 2;
  };
  return growthPoints(sizes, mergeAt, writesAt, readsAt, (until) => levels.live(until).length);
}

/**
 * The growth figures at each corpus size, from a schedule's write and read units after a number of merges: the
 * peaks are the most on the way there (writes just after each compaction, reads at every merge count).
 */
function growthPoints(
  sizes: readonly number[],
  mergeAt: number,
  writesAt: (merges: number) => number,
  readsAt: (merges: number) => number,
  levelsAt: (merges: number) => number,
): GrowthPoint[] {
  const out: GrowthPoint[] = [];
  let peakWrites = 0;
  let peakReads = 0;
  let merges = 0;
  for (const reports of sizes) {
    const until = Math.floor(reports / mergeAt);
    for (; merges <= until; merges++) {
      peakWrites = Math.max(peakWrites, writesAt(merges));
      peakReads = Math.max(peakReads, readsAt(merges));
    }
    out.push({
      reports,
      levels: levelsAt(until),
      writeUnits: writesAt(until),
      peakWriteUnits: peakWrites,
      readUnits: readsAt(until),
      peakReadUnits: peakReads,
    });
  }
  return out;
}

/**
 * An alternative evaluated (not how the index works): levels below `top` as `levels` has them, and a top level
 * that is never compacted into a next one. Its slots are written as a compaction of the level below writes them,
 * each over more buckets as the level grows (slots 2^k - 1 .. 2^(k+1) - 2 over 2^k times the level's buckets), so
 * a reader's query of one bucket per group of slots reads a bounded number of bytes; the slots of later groups
 * hold fewer reports an item, which costs more write units each.
 */
export function growingTopGrowth(
  levels: Levels,
  top: number,
  sizes: number[],
  options: GrowthOptions = {},
): GrowthPoint[] {
  const { mergeAt = 100, baseUnits = MEASURED_BASE_UNITS, density = MEASURED_DENSITY } = options;
  const termBuckets = options.termBuckets ?? TERM_BUCKETS_PER_CLAIM;
  const perWrite = (level: number) => levels.reportsPerWrite(level, mergeAt);
  const cost = (level: number) => costAt(perWrite(level) / levels.buckets(level), density);
  const groupOf = (slot: number) => Math.floor(Math.log2(slot + 1));
  const byGroup = new Map<number, { writeUnits: number; itemKb: number }>();
  const topCost = (slot: number) => {
    const group = groupOf(slot);
    let c = byGroup.get(group);
    if (!c) {
      c = costAt(perWrite(top) / (levels.buckets(top) * 2 ** group), density);
      byGroup.set(group, c);
    }
    return c;
  };
  // The top level's writes are the writes of a level never compacted: those of the level below over its fan-in.
  const topWrites = (merges: number) => Math.floor(levels.writes(top - 1, merges) / levels.fanIn(top - 1));
  const writesAt = (merges: number): number => {
    if (merges === 0) return baseUnits;
    let compacted = 0;
    for (let level = 1; level < top && levels.writes(level, merges) > 0; level++)
      compacted += cost(level).writeUnits * levels.writes(level, merges) * perWrite(level);
    for (let slot = 0; slot < topWrites(merges); slot++) compacted += topCost(slot).writeUnits * perWrite(top);
    return baseUnits + compacted / (merges * mergeAt);
  };
  const readsAt = (merges: number): number => {
    let perBucket = 0;
    for (const live of levels.live(merges))
      if (live.level < top) perBucket += Math.max(1, Math.ceil((live.slots * cost(live.level).itemKb) / 4));
    const slots = topWrites(merges + 1);
    for (let group = 0; 2 ** group - 1 < slots; group++) {
      const n = Math.min(slots, 2 ** (group + 1) - 1) - (2 ** group - 1);
      perBucket += Math.max(1, Math.ceil((n * topCost(2 ** group - 1).itemKb) / 4));
    }
    return termBuckets * perBucket + 2;
  };
  return growthPoints(sizes, mergeAt, writesAt, readsAt, (until) => {
    const groups = topWrites(until) > 0 ? groupOf(topWrites(until) - 1) + 1 : 0;
    return levels.live(until).filter((l) => l.level < top).length + groups;
  });
}
