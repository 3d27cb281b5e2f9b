import { describe, expect, it } from 'vitest';
import { CONFIDENCE_FEATURES, confidenceWith } from '../../lib/domain/calibration.js';
import { fitCalibration, type CalibrationCase } from '../../lib/train/calibrateVerdicts.js';

const features = (sources: number, probability: number): number[] => [1, Math.log1p(sources), 0, 0, probability, 0];

describe('verdict calibration', () => {
  // Invented cases: a corroboration by more sources with surer evidence is right more often (80% vs 40%).
  const cases: CalibrationCase[] = [];
  for (let i = 0; i < 200; i++) {
    const strong = i % 2 === 0;
    cases.push({
      verdict: 'CORROBORATED',
      features: strong ? features(4, 0.9) : features(2, 0.5),
      correct: strong ? i % 10 !== 0 : i % 10 < 5,
    });
  }

  it('learns confidences that match how often each kind of verdict was right', () => {
    const calibration = fitCalibration(cases);
    expect(calibration.features).toEqual(CONFIDENCE_FEATURES);
    expect(confidenceWith(calibration, 'CORROBORATED', features(4, 0.9))).toBeCloseTo(0.8, 1);
    expect(confidenceWith(calibration, 'CORROBORATED', features(2, 0.5))).toBeCloseTo(0.4, 1);
  });

  it('falls back to the smoothed accuracy for a verdict with too few cases, and is deterministic', () => {
    const few: CalibrationCase[] = [0, 1, 2, 3].map((i) => ({
      verdict: 'DISPUTED',
      features: features(1, 0.8),
      correct: i < 3,
    }));
    const calibration = fitCalibration([...cases, ...few]);
    expect(confidenceWith(calibration, 'DISPUTED', features(1, 0.8))).toBeCloseTo(4 / 6, 5);
    expect(fitCalibration([...cases, ...few])).toEqual(calibration);
  });
});
