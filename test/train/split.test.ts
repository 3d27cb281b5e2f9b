import { describe, expect, it } from 'vitest';
import { inventedPairs } from '../support/fncPairs.js';
import { splitByStory } from '../../lib/train/split.js';

describe('splitByStory', () => {
  const pairs = inventedPairs(60);
  const split = splitByStory(pairs, { seed: 7, testShare: 0.2, devShare: 0.12 });

  it('keeps every headline and every body on one side', () => {
    const sideOf = new Map<string, string>();
    for (const side of ['train', 'dev', 'test'] as const) {
      for (const p of split[side]) {
        for (const key of [`h:${p.headline}`, `b:${p.bodyId}`]) {
          expect(sideOf.get(key) ?? side).toBe(side);
          sideOf.set(key, side);
        }
      }
    }
  });

  it('keeps every related pair and drops only crossing unrelated ones', () => {
    const kept = [...split.train, ...split.dev, ...split.test];
    expect(kept.length + split.dropped).toBe(pairs.length);
    expect(kept.filter((p) => p.stance !== 'unrelated').length).toBe(
      pairs.filter((p) => p.stance !== 'unrelated').length,
    );
    expect(split.stories).toBe(60);
  });

  it('holds out about the asked share of the kept pairs', () => {
    const kept = split.train.length + split.dev.length + split.test.length;
    expect(split.test.length / kept).toBeGreaterThan(0.12);
    expect(split.test.length / kept).toBeLessThan(0.3);
    expect(split.dev.length).toBeGreaterThan(0);
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const again = splitByStory(pairs, { seed: 7, testShare: 0.2, devShare: 0.12 });
    expect(again).toEqual(split);
    const other = splitByStory(pairs, { seed: 8, testShare: 0.2, devShare: 0.12 });
    expect(other.test.map((p) => p.headline)).not.toEqual(split.test.map((p) => p.headline));
  });
});
