import { describe, expect, it } from 'vitest';
import { storyFolds } from '../../lib/train/crossValidate.js';
import type { FncPair, FncStance } from '../../lib/train/fnc1.js';
import { splitByStory } from '../../lib/train/split.js';

// Invented stories, as in split.test.ts: related pairs within a story, unrelated pairs across stories.
function inventedPairs(stories: number): FncPair[] {
  const pairs: FncPair[] = [];
  const related: FncStance[] = ['agree', 'disagree', 'discuss'];
  for (let s = 0; s < stories; s++) {
    for (let h = 0; h < 1 + (s % 3); h++) {
      const headline = `story ${s} headline ${h}`;
      for (let b = 0; b < 2 + (s % 2); b++)
        pairs.push({ headline, bodyId: s * 10 + b, stance: related[(s + h + b) % 3]! });
      for (let o = 1; o <= 4; o++) pairs.push({ headline, bodyId: ((s + o * 7) % stories) * 10, stance: 'unrelated' });
    }
  }
  return pairs;
}

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
