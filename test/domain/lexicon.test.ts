// The hand lexicon is data: each synonym group folds its members into one index term, so a word in two
// groups silently joins only the first ("quit" in both an "end" and a "resign" group never met "resigned").
import { describe, expect, it } from 'vitest';
import { SYNONYM_GROUPS } from '../../lib/domain/lexicon.js';
import { canonicalTerm, memberKeys } from '../../lib/domain/terms.js';

describe('synonym groups', () => {
  it('put every word in one group only', () => {
    const groupsOf = new Map<string, string[]>();
    for (const group of SYNONYM_GROUPS) {
      for (const key of new Set(group.flatMap(memberKeys)))
        groupsOf.set(key, [...(groupsOf.get(key) ?? []), group[0]!]);
    }
    const inTwo = [...groupsOf]
      .filter(([, heads]) => heads.length > 1)
      .map(([key, heads]) => `${key}: ${heads.join(', ')}`);
    expect(inTwo).toEqual([]);
  });

  it('have no empty or single-word groups', () => {
    expect(SYNONYM_GROUPS.filter((g) => g.length < 2)).toEqual([]);
  });

  it('fold each word to its main news sense', () => {
    expect(canonicalTerm('quit')).toBe(canonicalTerm('resigned'));
    expect(canonicalTerm('quit')).not.toBe(canonicalTerm('cancelled'));
    expect(canonicalTerm('ousted')).toBe(canonicalTerm('toppled'));
    expect(canonicalTerm('sacked')).toBe(canonicalTerm('dismissed'));
    expect(canonicalTerm('fire')).toBe(canonicalTerm('blaze'));
    expect(canonicalTerm('fire')).not.toBe(canonicalTerm('sacked'));
  });
});
