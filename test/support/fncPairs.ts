// Invented FNC-1-shaped pairs for the split and cross-validation tests: each story has its own headlines and
// bodies joined by related pairs; every headline is also paired as unrelated with bodies of other stories (as in
// FNC-1).
import type { FncPair, FncStance } from '../../lib/train/fnc1.js';

export function inventedPairs(stories: number): FncPair[] {
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
