// Decision offsets and calibration, both fitted on the dev split (never the test split): per-class offsets added
// to the logits lift the rare classes (`disagree`) where the dev figures say it pays, then one temperature makes
// the probabilities honest (minimum negative log-likelihood).
import { fncScore, f1PerClass, confusionMatrix } from '../eval/fnc.js';

const softmaxRow = (z: ArrayLike<number>, offsets: readonly number[], t: number): number[] => {
  const s = Array.from(z, (v, c) => (v + offsets[c]!) / t);
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

const predict = (z: ArrayLike<number>, offsets: readonly number[]): number => {
  let best = 0;
  for (let c = 1; c < 4; c++) if (z[c]! + offsets[c]! > z[best]! + offsets[best]!) best = c;
  return best;
};

/** What offsets are tuned for: the challenge's score plus macro-F1 (by default equally). */
export function decisionObjective(gold: readonly number[], predicted: readonly number[], macroWeight = 1): number {
  const f1 = f1PerClass(confusionMatrix(gold, predicted));
  return fncScore(gold, predicted) + (macroWeight * f1.reduce((s, v) => s + v, 0)) / 4;
}

/**
 * The relative score where dev macro-F1 and `disagree` F1 reach their floors; under a floor, far less, by the
 * shortfall (so a search that starts under one climbs towards it).
 */
export function constrainedObjective(floors: {
  macroF1: number;
  disagreeF1: number;
}): (gold: readonly number[], predicted: readonly number[]) => number {
  return (gold, predicted) => {
    const f1 = f1PerClass(confusionMatrix(gold, predicted));
    const macro = f1.reduce((s, v) => s + v, 0) / 4;
    const shortfall = Math.max(0, floors.macroF1 - macro) + Math.max(0, floors.disagreeF1 - f1[1]!);
    return fncScore(gold, predicted) - (shortfall > 0 ? 10 + 10 * shortfall : 0);
  };
}

/** Coordinate ascent on a grid, `unrelated` fixed at 0; ties keep the smaller move. */
export function tuneOffsets(
  logits: ReadonlyArray<ArrayLike<number>>,
  gold: readonly number[],
  macroWeight = 1,
): number[] {
  return tuneOffsetsFor(logits, gold, (g, predicted) => decisionObjective(g, predicted, macroWeight));
}

/** The same ascent for any objective of the predictions, from the given offsets. */
export function tuneOffsetsFor(
  logits: ReadonlyArray<ArrayLike<number>>,
  gold: readonly number[],
  score: (gold: readonly number[], predicted: readonly number[]) => number,
  start: readonly number[] = [0, 0, 0, 0],
): number[] {
  const offsets = [...start];
  const objective = () =>
    score(
      gold,
      logits.map((z) => predict(z, offsets)),
    );
  let best = objective();
  for (let pass = 0; pass < 3; pass++) {
    for (const c of [1, 0, 2]) {
      const start = offsets[c]!;
      let bestValue = start;
      for (let step = -30; step <= 30; step++) {
        const value = Math.round((start + step * 0.1) * 10) / 10;
        offsets[c] = value;
        const score = objective();
        if (score > best + 1e-9 || (Math.abs(score - best) <= 1e-9 && Math.abs(value) < Math.abs(bestValue))) {
          best = Math.max(best, score);
          bestValue = value;
        }
      }
      offsets[c] = bestValue;
    }
  }
  return offsets;
}

export function fitTemperature(
  logits: ReadonlyArray<ArrayLike<number>>,
  gold: readonly number[],
  offsets: readonly number[],
): number {
  let best = { t: 1, nll: Infinity };
  for (let k = 20; k <= 500; k++) {
    const t = k / 100;
    let nll = 0;
    logits.forEach((z, i) => {
      nll -= Math.log(Math.max(softmaxRow(z, offsets, t)[gold[i]!]!, 1e-12));
    });
    if (nll < best.nll) best = { t, nll };
  }
  return best.t;
}

export const calibratedProbabilities = softmaxRow;
export const offsetPrediction = predict;
