// Fits the verdict confidence model (lib/domain/calibration.ts): for labelled claims judged by the engine
// through the app, a logistic regression per verdict learns how often that verdict is right from what it rested
// on (its confidence basis, lib/domain/verdict.ts confidenceBasis).
import { CONFIDENCE_FEATURES, type VerdictCalibration } from '../domain/calibration.js';
import type { Verdict } from '../domain/types.js';
import { VERDICTS } from '../domain/types.js';

export interface CalibrationCase {
  verdict: Verdict;
  features: number[];
  correct: boolean;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** L2-regularised logistic regression by full-batch gradient descent: deterministic, no randomness at all. */
export function fitLogistic(xs: number[][], ys: boolean[], { l2 = 0.01, steps = 4000, rate = 0.5 } = {}): number[] {
  const d = xs[0]?.length ?? CONFIDENCE_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  if (xs.length === 0) return w;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    xs.forEach((x, n) => {
      const err = sigmoid(x.reduce((z, v, i) => z + v * w[i]!, 0)) - (ys[n] ? 1 : 0);
      for (let i = 0; i < d; i++) grad[i]! += (err * x[i]!) / xs.length;
    });
    // The bias (feature 0) is not shrunk.
    for (let i = 0; i < d; i++) w[i]! -= rate * (grad[i]! + (i === 0 ? 0 : l2 * w[i]!));
  }
  return w.map((x) => Math.round(x * 1e6) / 1e6);
}

/** One model per verdict; a verdict too rare in the data to fit falls back to its observed accuracy. */
export function fitCalibration(cases: CalibrationCase[]): VerdictCalibration {
  const weights = Object.fromEntries(
    VERDICTS.map((v) => {
      const own = cases.filter((c) => c.verdict === v);
      if (own.length < 20) {
        const rate = (own.filter((c) => c.correct).length + 1) / (own.length + 2);
        return [v, [Math.log(rate / (1 - rate)), ...new Array<number>(CONFIDENCE_FEATURES.length - 1).fill(0)]];
      }
      return [v, fitLogistic(own.map((c) => c.features), own.map((c) => c.correct))];
    }),
  ) as Record<Verdict, number[]>;
  return { features: CONFIDENCE_FEATURES, weights };
}
