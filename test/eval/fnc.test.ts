import { describe, expect, it } from 'vitest';
import { confusionMatrix, expectedCalibrationError, fncScore, scoreStances } from '../../lib/eval/fnc.js';

// Classes: 0 agree, 1 disagree, 2 discuss, 3 unrelated.
describe('FNC-1 scoring', () => {
  it('scores a hand-made confusion as the challenge did', () => {
    const gold = [0, 0, 1, 2, 3, 3];
    const predicted = [0, 2, 3, 2, 3, 0];
    // best: 4 related x 1 + 2 unrelated x 0.25 = 4.5; got: agree right 1, agree as discuss 0.25, disagree as
    // unrelated 0, discuss right 1, unrelated right 0.25, unrelated as agree 0 = 2.5
    expect(fncScore(gold, predicted)).toBeCloseTo(2.5 / 4.5, 10);
    expect(confusionMatrix(gold, predicted)).toEqual([
      [1, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [1, 0, 0, 1],
    ]);
    const s = scoreStances(gold, predicted);
    // agree: tp 1, predicted 2, actual 2 -> 0.5; disagree 0; discuss: tp 1, predicted 2, actual 1 -> 2/3;
    // unrelated: tp 1, predicted 2, actual 2 -> 0.5
    expect(s.f1.agree).toBeCloseTo(0.5);
    expect(s.f1.disagree).toBe(0);
    expect(s.f1.discuss).toBeCloseTo(2 / 3);
    expect(s.f1.unrelated).toBeCloseTo(0.5);
    expect(s.macroF1).toBeCloseTo((0.5 + 0 + 2 / 3 + 0.5) / 4);
    expect(s.accuracy).toBeCloseTo(3 / 6);
  });

  it('gives 1 for a perfect prediction', () => {
    expect(fncScore([0, 1, 2, 3], [0, 1, 2, 3])).toBe(1);
  });
});

describe('expected calibration error', () => {
  it('is zero when confidence equals accuracy in each bin', () => {
    // Four cases at 0.75 confidence, three right.
    const probs = [0, 1, 2, 3].map(() => [0.75, 0.25 / 3, 0.25 / 3, 0.25 / 3]);
    expect(expectedCalibrationError(probs, [0, 0, 0, 1])).toBeCloseTo(0, 10);
  });

  it('weights each bin by its share of cases', () => {
    // Two cases at 0.95, both wrong (gap 0.95); two at 0.55, both right (gap 0.45): ECE = (0.95 + 0.45) / 2.
    const probs = [
      [0.95, 0.05, 0, 0],
      [0.95, 0.05, 0, 0],
      [0.55, 0.45, 0, 0],
      [0.55, 0.45, 0, 0],
    ];
    expect(expectedCalibrationError(probs, [1, 1, 0, 0])).toBeCloseTo(0.7, 10);
  });
});
