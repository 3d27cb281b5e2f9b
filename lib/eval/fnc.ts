// Scoring of the stance model as the FNC-1 challenge scored it, plus macro-F1, per-class F1, the confusion matrix
// and the expected calibration error. Classes are indexed as STANCE_CLASSES: agree, disagree, discuss, unrelated.
import { calibrationError } from './score.js';
export const CLASSES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
const UNRELATED = 3;

export interface StanceScores {
  total: number;
  /** FNC-1 score over the best possible: 0.25 for related/unrelated right, 0.75 more for the right related stance */
  relativeScore: number;
  accuracy: number;
  macroF1: number;
  f1: Record<(typeof CLASSES)[number], number>;
  /** confusion[gold][predicted] */
  confusion: number[][];
  ece?: number;
}

export function fncScore(gold: readonly number[], predicted: readonly number[]): number {
  let score = 0;
  let best = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    best += g === UNRELATED ? 0.25 : 1;
    if ((g === UNRELATED) === (p === UNRELATED)) score += 0.25;
    if (g !== UNRELATED && g === p) score += 0.75;
  });
  return best === 0 ? 0 : score / best;
}

export function confusionMatrix(gold: readonly number[], predicted: readonly number[]): number[][] {
  const m = CLASSES.map(() => CLASSES.map(() => 0));
  gold.forEach((g, i) => {
    m[g]![predicted[i]!]! += 1;
  });
  return m;
}

export function f1PerClass(confusion: number[][]): number[] {
  return CLASSES.map((_, c) => {
    const tp = confusion[c]![c]!;
    const predicted = confusion.reduce((s, row) => s + row[c]!, 0);
    const actual = confusion[c]!.reduce((s, v) => s + v, 0);
    return tp === 0 ? 0 : (2 * tp) / (predicted + actual);
  });
}

/**
 * Expected calibration error over `bins` equal-width bins of the top probability: the gap between confidence
 * and accuracy in each bin, weighted by the bin's share of cases.
 */
export function expectedCalibrationError(
  probs: ReadonlyArray<ArrayLike<number>>,
  gold: readonly number[],
  bins = 10,
): number {
  return calibrationError(
    probs.map((p, i) => ({ confidence: p[argmax(p)]!, correct: argmax(p) === gold[i] })),
    bins,
  );
}

export const argmax = (p: ArrayLike<number>): number => {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
};

export function scoreStances(
  gold: readonly number[],
  predicted: readonly number[],
  probs?: ReadonlyArray<ArrayLike<number>>,
): StanceScores {
  const confusion = confusionMatrix(gold, predicted);
  const f1 = f1PerClass(confusion);
  const correct = gold.filter((g, i) => g === predicted[i]).length;
  return {
    total: gold.length,
    relativeScore: fncScore(gold, predicted),
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: f1.reduce((s, v) => s + v, 0) / f1.length,
    f1: { agree: f1[0]!, disagree: f1[1]!, discuss: f1[2]!, unrelated: f1[3]! },
    confusion,
    ...(probs ? { ece: expectedCalibrationError(probs, gold) } : {}),
  };
}

const pct = (x: number) => x.toFixed(3);

export function formatScores(title: string, s: StanceScores): string {
  const lines = [
    `${title}: ${s.total} pairs`,
    `  relative score ${pct(s.relativeScore)}  macro-F1 ${pct(s.macroF1)}  accuracy ${pct(s.accuracy)}${s.ece !== undefined ? `  ECE ${pct(s.ece)}` : ''}`,
    `  F1: ${CLASSES.map((c) => `${c} ${pct(s.f1[c])}`).join('  ')}`,
    `  confusion (rows gold, columns predicted: ${CLASSES.join(' ')})`,
    ...s.confusion.map((row, g) => `    ${CLASSES[g]!.padEnd(10)} ${row.map((v) => String(v).padStart(6)).join('')}`),
  ];
  return lines.join('\n');
}
