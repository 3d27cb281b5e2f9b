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

/** Solves a x = b for a small dense symmetric positive definite a (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let k = r + 1; k < n; k++) sum -= m[r]![k]! * x[k]!;
    x[r] = sum / m[r]![r]!;
  }
  return x;
}

/**
 * L2-regularised logistic regression by Newton's method (a handful of features, so each step solves the exact
 * Hessian): converges in a few dozen steps and is deterministic. The bias (feature 0) is not shrunk.
 */
export function fitLogistic(xs: number[][], ys: boolean[], { l2 = 0.001, steps = 50 } = {}): number[] {
  const d = xs[0]?.length ?? CONFIDENCE_FEATURES.length;
  let w = new Array<number>(d).fill(0);
  if (xs.length === 0) return w;
  for (let step = 0; step < steps; step++) {
    const grad = w.map((wi, i) => (i === 0 ? 0 : l2 * wi));
    const hess = w.map((_, i) => w.map((__, k) => (i === k && i > 0 ? l2 : 0)));
    xs.forEach((x, n) => {
      const p = sigmoid(x.reduce((z, v, i) => z + v * w[i]!, 0));
      const err = (p - (ys[n] ? 1 : 0)) / xs.length;
      const h = (p * (1 - p)) / xs.length;
      for (let i = 0; i < d; i++) {
        grad[i]! += err * x[i]!;
        for (let k = 0; k < d; k++) hess[i]![k]! += h * x[i]! * x[k]!;
      }
    });
    // A tiny ridge on every diagonal keeps the step defined when a feature is constant (all zeros) in the data.
    for (let i = 0; i < d; i++) hess[i]![i]! += 1e-9;
    const delta = solve(hess, grad);
    w = w.map((wi, i) => wi - delta[i]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-10) break;
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
      return [
        v,
        fitLogistic(
          own.map((c) => c.features),
          own.map((c) => c.correct),
        ),
      ];
    }),
  ) as Record<Verdict, number[]>;
  return { features: CONFIDENCE_FEATURES, weights };
}
