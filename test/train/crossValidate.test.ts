import { describe, expect, it } from 'vitest';
import { storyFolds } from '../../lib/train/crossValidate.js';
import { inventedPairs } from '../support/fncPairs.js';
import { splitByStory } from '../../lib/train/split.js';

describe('storyFolds', () => {
  const pairs = inventedPairs(60);
  const ends = storyFolds(pairs, 3, 20);

  it('puts both ends of every related pair in one fold, and only unrelated pairs cross', () => {
    pairs.forEach((p, i) => {
      const [h, b] = ends[i]!;
      if (p.stance !== 'unrelated') expect(h).toBe(b);
    });
    expect(pairs.some((p, i) => p.stance === 'unrelated' && ends[i]![0] !== ends[i]![1])).toBe(true);
  });

  it('makes folds of about equal size, the same for the same seed', () => {
    const sizes = [0, 1, 2].map((k) => ends.filter(([h]) => h === k).length);
    expect(Math.min(...sizes) / Math.max(...sizes)).toBeGreaterThan(0.8);
    expect(storyFolds(pairs, 3, 20)).toEqual(ends);
  });

  it('leaves the held-out test side as the trainer splits it when no dev side is taken', () => {
    const options = { seed: 7, testShare: 0.2, devShare: 0.12 };
    expect(splitByStory(pairs, { ...options, devShare: 0 }).test).toEqual(splitByStory(pairs, options).test);
  });
});
