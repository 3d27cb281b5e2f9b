import { describe, expect, it } from 'vitest';
import { forestScores, type Forest } from '../../lib/domain/stance/trees.js';
import { softmax } from '../../lib/domain/stance/model.js';
import { binEdges, DEFAULT_BOOST, trainForest, type BoostData } from '../../lib/train/gbdt.js';
import { seededRandom } from '../../lib/train/random.js';

/** Three classes by two inputs (a third is noise): class 0 left of x0 = 0.3, class 2 above x1 = 0.6, else 1. */
function synthetic(n: number, seed: number): BoostData {
  const random = seededRandom(seed);
  const x = new Float64Array(n * 3);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [random(), random(), random()];
    x.set([a, b, c], i * 3);
    labels.push(a < 0.3 ? 0 : b > 0.6 ? 2 : 1);
  }
  return { x, width: 3, labels };
}

const accuracy = (forest: Forest, data: BoostData): number => {
  let right = 0;
  for (let i = 0; i < data.labels.length; i++) {
    const s = forestScores(forest, data.x.subarray(i * 3, i * 3 + 3));
    let best = 0;
    for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
    if (best === data.labels[i]) right++;
  }
  return right / data.labels.length;
};

describe('boosted trees', () => {
  const config = { ...DEFAULT_BOOST, rounds: 40, depth: 3, minLeaf: 5, bins: 32, seed: 7 };

  it('learns a rule the priors cannot, and keeps the rounds best on the validation side', () => {
    const train = synthetic(600, 1);
    const valid = synthetic(300, 2);
    const run = trainForest(train, valid, config);
    expect(accuracy(run.forest, valid)).toBeGreaterThan(0.93);
    // The base scores alone say the most frequent class for everyone.
    const priorsOnly: Forest = { ...run.forest, roots: new Int32Array(0) };
    expect(accuracy(priorsOnly, valid)).toBeLessThan(0.6);
    expect(run.forest.roots.length).toBe(run.rounds * 3);
    const best = Math.min(...run.validLoss);
    expect(run.validLoss[run.rounds - 1]).toBe(best);
    // The kept forest scores the validation side to that loss.
    let loss = 0;
    for (let i = 0; i < valid.labels.length; i++)
      loss -= Math.log(softmax(forestScores(run.forest, valid.x.subarray(i * 3, i * 3 + 3)))[valid.labels[i]!]!);
    expect(loss / valid.labels.length).toBeCloseTo(best, 6);
    // Splits only on the inputs that carry the rule, never on the noise, near the true edges.
    const splits = [...run.forest.feature].map((f, n) => [f, run.forest.value[n]!] as const).filter(([f]) => f >= 0);
    expect(splits.some(([f, v]) => f === 0 && Math.abs(v - 0.3) < 0.05)).toBe(true);
    expect(splits.some(([f, v]) => f === 1 && Math.abs(v - 0.6) < 0.05)).toBe(true);
  });

  it('gives the same nodes, bit for bit, for the same data and seed, and others for another seed', () => {
    const train = synthetic(400, 3);
    const valid = synthetic(200, 4);
    const a = trainForest(train, valid, config);
    const b = trainForest(train, valid, config);
    expect(b).toEqual(a);
    const c = trainForest(train, valid, { ...config, seed: 8 });
    expect([...c.forest.value]).not.toEqual([...a.forest.value]);
  });

  it('stops after `patience` rounds without a better validation loss', () => {
    // Labels independent of the inputs: the validation loss stops improving early.
    const noise = synthetic(300, 5);
    const shuffled = { ...noise, labels: noise.labels.map((_, i) => (i * 7) % 3) };
    const run = trainForest(shuffled, synthetic(200, 6), { ...config, patience: 3 });
    expect(run.validLoss.length).toBeLessThan(config.rounds);
    expect(run.validLoss.length - run.rounds).toBe(3);
  });

  it('bins at training quantiles, each edge a float32 the stored forest compares exactly', () => {
    const data = {
      x: Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]),
      width: 1,
      labels: [0, 0, 0, 0, 1, 1, 1, 1],
    };
    const [edges] = binEdges(data, 4);
    expect([...edges!]).toEqual([Math.fround(0.3), Math.fround(0.5), Math.fround(0.7)]);
    // A constant input has no edge to split on.
    expect(binEdges({ x: new Float64Array(8).fill(2), width: 1, labels: data.labels }, 4)[0]!.length).toBe(0);
    expect(() => trainForest(data, data, { ...config, bins: 300 })).toThrow(/bins/);
  });
});
