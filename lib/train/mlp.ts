// Training of the stance MLP: dense features (standardised) and sparse term counts -> one ReLU hidden layer ->
// four classes, softmax cross-entropy with class weights, dropout on the hidden layer, Adam (lazy on the sparse
// rows a batch touches, so an epoch does not sweep the whole vocabulary matrix). Seeded: same data, same weights.
import { gaussian, seededRandom, shuffle, type Random } from './random.js';

export interface Net {
  dense: number;
  sparse: number;
  hidden: number;
  w1d: Float32Array;
  w1s: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

/** One training input: standardised dense values (inactive groups at 0) and sparse entries. */
export interface Input {
  dense: Float32Array;
  sparseIndex: Int32Array;
  sparseValue: Float32Array;
}

export interface TrainOptions {
  hidden: number;
  epochs: number;
  batch: number;
  lr: number;
  dropout: number;
  weightDecay: number;
  seed: number;
  classWeights: number[];
  useSparse: boolean;
  /** rows of the sparse matrix (3 x vocabulary), whatever the inputs touch */
  sparseSize: number;
  /**
   * Epochs from which a weight average runs (Polyak / SWA): for each, the mean of the weights at the end of that
   * epoch and every later one. One run gives the best epoch and every average asked for.
   */
  averageFrom?: number[];
}

export function initNet(dense: number, sparse: number, hidden: number, random: Random): Net {
  const fill = (n: number, fanIn: number) =>
    Float32Array.from({ length: n }, () => gaussian(random) * Math.sqrt(2 / fanIn));
  return {
    dense,
    sparse,
    hidden,
    w1d: fill(dense * hidden, dense + 50),
    w1s: fill(sparse * hidden, dense + 50).map((v) => v * 0.5),
    b1: new Float32Array(hidden),
    w2: fill(hidden * 4, hidden),
    b2: new Float32Array(4),
  };
}

/** Hidden pre-activations of one input. */
function hiddenOf(net: Net, x: Input, useSparse: boolean): Float64Array {
  const H = net.hidden;
  const h = Float64Array.from(net.b1);
  for (let i = 0; i < net.dense; i++) {
    const v = x.dense[i]!;
    if (v === 0) continue;
    const row = i * H;
    for (let j = 0; j < H; j++) h[j]! += v * net.w1d[row + j]!;
  }
  if (useSparse) {
    for (let k = 0; k < x.sparseIndex.length; k++) {
      const v = x.sparseValue[k]!;
      const row = x.sparseIndex[k]! * H;
      for (let j = 0; j < H; j++) h[j]! += v * net.w1s[row + j]!;
    }
  }
  return h;
}

/** The trainer's forward pass (no dropout): output scores of one input. */
export function forward(net: Net, x: Input, useSparse: boolean): Float64Array {
  const h = hiddenOf(net, x, useSparse);
  const z = Float64Array.from(net.b2);
  for (let j = 0; j < net.hidden; j++) {
    const a = h[j]!;
    if (a <= 0) continue;
    for (let c = 0; c < 4; c++) z[c]! += a * net.w2[j * 4 + c]!;
  }
  return z;
}

class Adam {
  private m: Float32Array;
  private v: Float32Array;
  private t: Int32Array | undefined;
  constructor(size: number, lazyRows?: number) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
    this.t = lazyRows !== undefined ? new Int32Array(lazyRows) : undefined;
  }
  /** Updates w[from, to) with the gradient g (same indices), at step `step` (or the row's own step when lazy). */
  update(
    w: Float32Array,
    g: Float32Array,
    from: number,
    to: number,
    step: number,
    lr: number,
    decay: number,
    row?: number,
  ): void {
    const b1 = 0.9;
    const b2 = 0.999;
    let t = step;
    if (this.t && row !== undefined) t = ++this.t[row]!;
    const c1 = 1 - b1 ** t;
    const c2 = 1 - b2 ** t;
    for (let i = from; i < to; i++) {
      const gi = g[i]!;
      const m = b1 * this.m[i]! + (1 - b1) * gi;
      const v = b2 * this.v[i]! + (1 - b2) * gi * gi;
      this.m[i] = m;
      this.v[i] = v;
      w[i] = w[i]! - lr * (m / c1 / (Math.sqrt(v / c2) + 1e-8) + decay * w[i]!);
    }
  }
}

export interface EpochReport {
  epoch: number;
  loss: number;
}

/**
 * Trains the net; after each epoch `evaluate` scores it (higher is better) and the best epoch's weights are
 * returned, so the number of epochs is chosen on held-apart data, never on the test split.
 */
export function trainNet(
  inputs: Input[],
  labels: number[],
  options: TrainOptions,
  evaluate: (net: Net, epoch: number) => number,
  log: (line: string) => void = () => {},
): { net: Net; epoch: number; score: number; averages: Map<number, Net> } {
  const random = seededRandom(options.seed);
  const D = inputs[0]?.dense.length ?? 0;
  const H = options.hidden;
  const net = initNet(D, options.sparseSize, H, random);
  const adamD = new Adam(net.w1d.length);
  const adamS = new Adam(net.w1s.length, net.sparse);
  const adamB1 = new Adam(H);
  const adamW2 = new Adam(net.w2.length);
  const adamB2 = new Adam(4);
  const gD = new Float32Array(net.w1d.length);
  const gS = new Float32Array(net.w1s.length);
  const gB1 = new Float32Array(H);
  const gW2 = new Float32Array(net.w2.length);
  const gB2 = new Float32Array(4);
  const order = inputs.map((_, i) => i);
  const keep = 1 - options.dropout;
  let best = { net: cloneNet(net), epoch: 0, score: -Infinity };
  const sums = new Map((options.averageFrom ?? []).map((from) => [from, new WeightSum(net)] as const));
  let step = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    for (let start = 0; start < order.length; start += options.batch) {
      const batch = order.slice(start, start + options.batch);
      gD.fill(0);
      gB1.fill(0);
      gW2.fill(0);
      gB2.fill(0);
      const touched = new Set<number>();
      for (const i of batch) {
        const x = inputs[i]!;
        const y = labels[i]!;
        const pre = hiddenOf(net, x, options.useSparse);
        const a = new Float64Array(H);
        for (let j = 0; j < H; j++) a[j] = pre[j]! > 0 && random() < keep ? pre[j]! / keep : 0;
        const z = Float64Array.from(net.b2);
        for (let j = 0; j < H; j++) if (a[j] !== 0) for (let c = 0; c < 4; c++) z[c]! += a[j]! * net.w2[j * 4 + c]!;
        const max = Math.max(...z);
        const e = z.map((v) => Math.exp(v - max));
        const sum = e.reduce((s, v) => s + v, 0);
        const w = options.classWeights[y]! / batch.length;
        loss -= options.classWeights[y]! * Math.log(Math.max(e[y]! / sum, 1e-12));
        const dz = e.map((v, c) => w * (v / sum - (c === y ? 1 : 0)));
        for (let c = 0; c < 4; c++) gB2[c]! += dz[c]!;
        const dh = new Float64Array(H);
        for (let j = 0; j < H; j++) {
          if (a[j] === 0) continue;
          let s = 0;
          for (let c = 0; c < 4; c++) {
            gW2[j * 4 + c]! += a[j]! * dz[c]!;
            s += net.w2[j * 4 + c]! * dz[c]!;
          }
          dh[j] = s / keep;
        }
        for (let j = 0; j < H; j++) gB1[j]! += dh[j]!;
        for (let d = 0; d < D; d++) {
          const v = x.dense[d]!;
          if (v === 0) continue;
          const row = d * H;
          for (let j = 0; j < H; j++) gD[row + j]! += v * dh[j]!;
        }
        if (options.useSparse) {
          for (let k = 0; k < x.sparseIndex.length; k++) {
            const r = x.sparseIndex[k]!;
            const v = x.sparseValue[k]!;
            const row = r * H;
            if (!touched.has(r)) {
              touched.add(r);
              gS.fill(0, row, row + H);
            }
            for (let j = 0; j < H; j++) gS[row + j]! += v * dh[j]!;
          }
        }
      }
      step += 1;
      const { lr, weightDecay } = options;
      adamD.update(net.w1d, gD, 0, gD.length, step, lr, weightDecay);
      adamB1.update(net.b1, gB1, 0, H, step, lr, 0);
      adamW2.update(net.w2, gW2, 0, gW2.length, step, lr, weightDecay);
      adamB2.update(net.b2, gB2, 0, 4, step, lr, 0);
      for (const r of [...touched].sort((p, q) => p - q))
        adamS.update(net.w1s, gS, r * H, r * H + H, step, lr, weightDecay, r);
    }
    const score = evaluate(net, epoch);
    log(`epoch ${epoch}: loss ${(loss / order.length).toFixed(4)} dev ${score.toFixed(4)}`);
    if (score > best.score) best = { net: cloneNet(net), epoch, score };
    for (const [from, sum] of sums) if (epoch >= from) sum.add(net);
  }
  const averages = new Map([...sums].filter(([, sum]) => sum.count > 0).map(([from, sum]) => [from, sum.mean()]));
  return { ...best, averages };
}

/** A running sum of a net's weights (in float64, so the mean does not depend on float32 rounding order). */
class WeightSum {
  count = 0;
  private readonly sums: Float64Array[];
  constructor(private readonly shape: Net) {
    this.sums = parts(shape).map((w) => new Float64Array(w.length));
  }
  add(net: Net): void {
    parts(net).forEach((w, k) => {
      const s = this.sums[k]!;
      for (let i = 0; i < w.length; i++) s[i]! += w[i]!;
    });
    this.count += 1;
  }
  mean(): Net {
    const [w1d, w1s, b1, w2, b2] = this.sums.map((s) => Float32Array.from(s, (v) => v / this.count));
    return { ...this.shape, w1d: w1d!, w1s: w1s!, b1: b1!, w2: w2!, b2: b2! };
  }
}

const parts = (net: Net): Float32Array[] => [net.w1d, net.w1s, net.b1, net.w2, net.b2];

export function cloneNet(net: Net): Net {
  return {
    ...net,
    w1d: net.w1d.slice(),
    w1s: net.w1s.slice(),
    b1: net.b1.slice(),
    w2: net.w2.slice(),
    b2: net.b2.slice(),
  };
}
