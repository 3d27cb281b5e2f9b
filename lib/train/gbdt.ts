// A small histogram gradient-boosted softmax forest, the model family of the FNC-1 baseline and winners: each
// round fits one regression tree per class to the softmax loss's gradient (second-order leaves, L2-regularised),
// on each input's value bin (quantiles of the training side), over a seeded share of the rows. Rounds are kept up
// to the best log-loss on a validation side. Deterministic: same data and seed, same nodes bit for bit.
import type { Forest } from '../domain/stance/trees.js';
import { forestScores } from '../domain/stance/trees.js';
import { seededRandom } from './random.js';

export interface BoostConfig {
  /** most rounds (one tree per class each) */
  rounds: number;
  depth: number;
  learningRate: number;
  /** value bins per input, at most 256 */
  bins: number;
  /** fewest rows a leaf may hold */
  minLeaf: number;
  /** L2 weight on the leaf values */
  lambda: number;
  /** share of rows each round sees (drawn by the seed) */
  subsample: number;
  /** rounds without a better validation log-loss before stopping */
  patience: number;
  seed: number;
  /** per-class weight of a row in the loss (rare classes heavier); default 1 each */
  classWeights?: readonly number[];
}

export const DEFAULT_BOOST: BoostConfig = {
  rounds: 300,
  depth: 6,
  learningRate: 0.1,
  bins: 64,
  minLeaf: 20,
  lambda: 1,
  subsample: 0.8,
  patience: 10,
  seed: 20,
};

export interface BoostData {
  /** row-major inputs, `width` per row */
  x: Float64Array;
  width: number;
  labels: readonly number[];
}

export interface BoostRun {
  forest: Forest;
  /** rounds kept */
  rounds: number;
  /** validation log-loss after each round fitted */
  validLoss: number[];
}

/** Bin edges per input: the quantiles of its training values (float32, so a stored edge compares as trained). */
export function binEdges(data: BoostData, bins: number): Float64Array[] {
  const n = data.labels.length;
  const edges: Float64Array[] = [];
  for (let f = 0; f < data.width; f++) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = Math.fround(data.x[i * data.width + f]!);
    values.sort();
    const out: number[] = [];
    for (let q = 1; q < bins; q++) {
      const v = values[Math.min(n - 1, Math.floor((q * n) / bins))]!;
      // An edge sends values <= it left; the largest value needs no edge.
      if (v < values[n - 1]! && (out.length === 0 || v > out[out.length - 1]!)) out.push(v);
    }
    edges.push(Float64Array.from(out));
  }
  return edges;
}

/** The bin of a value: the first edge it does not exceed, else one past the last. */
function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function softmaxInto(z: Float64Array, at: number, k: number, out: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, z[at + c]!);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    out[c] = Math.exp(z[at + c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < k; c++) out[c]! /= sum;
}

interface NodeList {
  feature: number[];
  value: number[];
  left: number[];
}

/** Fits the forest; `valid` (same width) chooses how many rounds are kept. */
export function trainForest(
  train: BoostData,
  valid: BoostData,
  config: BoostConfig = DEFAULT_BOOST,
  log: (line: string) => void = () => {},
): BoostRun {
  const { width: D } = train;
  const n = train.labels.length;
  const K = Math.max(...train.labels, ...valid.labels) + 1;
  if (valid.width !== D) throw new Error('trainForest: train and validation inputs differ in width');
  if (config.bins < 2 || config.bins > 256) throw new Error('trainForest: bins must be 2 to 256');
  const weights = Float64Array.from(train.labels, (l) => config.classWeights?.[l] ?? 1);
  const edges = binEdges(train, config.bins);
  const B = config.bins;
  const binned = new Uint8Array(n * D);
  for (let i = 0; i < n; i++)
    for (let f = 0; f < D; f++) binned[i * D + f] = binOf(edges[f]!, Math.fround(train.x[i * D + f]!));

  // Base scores: the (weighted) log priors.
  const prior = new Float64Array(K);
  for (let i = 0; i < n; i++) prior[train.labels[i]!]! += weights[i]!;
  const total = prior.reduce((s, v) => s + v, 0);
  const base = Float32Array.from(prior, (v) => Math.log(Math.max(v / total, 1e-6)));
  const scores = new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let c = 0; c < K; c++) scores[i * K + c] = base[c]!;

  const nodes: NodeList = { feature: [], value: [], left: [] };
  const roots: number[] = [];
  const random = seededRandom(config.seed);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const p = new Float64Array(K);
  const histG = new Float64Array(D * B);
  const histH = new Float64Array(D * B);
  const histN = new Int32Array(D * B);
  const { lambda, minLeaf, learningRate } = config;

  const leaf = (rows: Int32Array): number => {
    let G = 0;
    let H = 0;
    for (const r of rows) {
      G += grad[r]!;
      H += hess[r]!;
    }
    return Math.fround((-G / (H + lambda)) * learningRate);
  };

  // Grows the node at `at` over `rows`; returns nothing, fills `nodes`.
  const grow = (at: number, rows: Int32Array, depth: number): void => {
    if (depth >= config.depth || rows.length < 2 * minLeaf) {
      nodes.value[at] = leaf(rows);
      return;
    }
    histG.fill(0);
    histH.fill(0);
    histN.fill(0);
    let G = 0;
    let H = 0;
    for (const r of rows) {
      const g = grad[r]!;
      const h = hess[r]!;
      G += g;
      H += h;
      const row = r * D;
      for (let f = 0; f < D; f++) {
        const k = f * B + binned[row + f]!;
        histG[k]! += g;
        histH[k]! += h;
        histN[k]!++;
      }
    }
    const parent = (G * G) / (H + lambda);
    let best = { gain: 1e-9, feature: -1, bin: -1 };
    for (let f = 0; f < D; f++) {
      let gl = 0;
      let hl = 0;
      let nl = 0;
      const last = edges[f]!.length;
      for (let b = 0; b < last; b++) {
        const k = f * B + b;
        gl += histG[k]!;
        hl += histH[k]!;
        nl += histN[k]!;
        const nr = rows.length - nl;
        if (nl < minLeaf) continue;
        if (nr < minLeaf) break;
        const gr = G - gl;
        const hr = H - hl;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
        if (gain > best.gain) best = { gain, feature: f, bin: b };
      }
    }
    if (best.feature < 0) {
      nodes.value[at] = leaf(rows);
      return;
    }
    const goLeft = rows.filter((r) => binned[r * D + best.feature]! <= best.bin);
    const goRight = rows.filter((r) => binned[r * D + best.feature]! > best.bin);
    const left = nodes.feature.length;
    for (const child of [left, left + 1]) {
      nodes.feature[child] = -1;
      nodes.value[child] = 0;
      nodes.left[child] = 0;
    }
    nodes.feature[at] = best.feature;
    nodes.value[at] = edges[best.feature]![best.bin]!;
    nodes.left[at] = left;
    grow(left, goLeft, depth + 1);
    grow(left + 1, goRight, depth + 1);
  };

  const forestSoFar = (): Forest => ({
    classes: K,
    base,
    roots: Int32Array.from(roots),
    feature: Int16Array.from(nodes.feature),
    value: Float32Array.from(nodes.value),
    left: Int32Array.from(nodes.left),
  });
  const validLoss: number[] = [];
  const m = valid.labels.length;
  const validScores = new Float64Array(m * K);
  for (let i = 0; i < m; i++) for (let c = 0; c < K; c++) validScores[i * K + c] = base[c]!;
  let bestRound = 0;
  let bestLoss = Infinity;
  // The nodes of the rounds kept: the arrays grow round after round, so the best round's length truncates them.
  const nodesAfter: number[] = [];
  for (let round = 0; round < config.rounds; round++) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (config.subsample >= 1 || random() < config.subsample) rows.push(i);
    const sample = Int32Array.from(rows);
    const firstTree = roots.length;
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < n; i++) {
        softmaxInto(scores, i * K, K, p);
        const y = train.labels[i] === c ? 1 : 0;
        grad[i] = weights[i]! * (p[c]! - y);
        hess[i] = Math.max(weights[i]! * p[c]! * (1 - p[c]!), 1e-16);
      }
      const root = nodes.feature.length;
      nodes.feature[root] = -1;
      nodes.value[root] = 0;
      nodes.left[root] = 0;
      roots.push(root);
      grow(root, sample, 0);
    }
    // Every row (sampled or not) moves by the round's trees, as the forest will score it.
    const forest = forestSoFar();
    const roundOnly: Forest = { ...forest, base: new Float32Array(K), roots: forest.roots.subarray(firstTree) };
    for (let i = 0; i < n; i++) {
      const s = forestScores(roundOnly, rowOf(train, i));
      for (let c = 0; c < K; c++) scores[i * K + c]! += s[c]!;
    }
    let loss = 0;
    for (let i = 0; i < m; i++) {
      const s = forestScores(roundOnly, rowOf(valid, i));
      for (let c = 0; c < K; c++) validScores[i * K + c]! += s[c]!;
      softmaxInto(validScores, i * K, K, p);
      loss -= Math.log(Math.max(p[valid.labels[i]!]!, 1e-15));
    }
    loss /= Math.max(m, 1);
    validLoss.push(loss);
    nodesAfter.push(nodes.feature.length);
    log(`round ${round + 1}: validation log-loss ${loss.toFixed(4)}`);
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      bestRound = round + 1;
    } else if (round + 1 - bestRound >= config.patience) break;
  }
  const kept = nodesAfter[bestRound - 1] ?? 0;
  const forest = forestSoFar();
  return {
    forest: {
      classes: K,
      base,
      roots: forest.roots.slice(0, bestRound * K),
      feature: forest.feature.slice(0, kept),
      value: forest.value.slice(0, kept),
      left: forest.left.slice(0, kept),
    },
    rounds: bestRound,
    validLoss,
  };
}

const rowOf = (data: BoostData, i: number): Float64Array => data.x.subarray(i * data.width, (i + 1) * data.width);
