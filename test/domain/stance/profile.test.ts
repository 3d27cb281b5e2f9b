import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../../lib/domain/index.js';
import { PROFILE_VERSION, reportProfile } from '../../../lib/domain/stance/profile.js';

// Invented text only.
const TEXT =
  'The Fenwick Bridge was closed to traffic on Monday, and traffic backed up. Engineers found cracks in the bridge. The council said the bridge would reopen in May.';

describe('reportProfile', () => {
  it('counts, for each term, the statements that hold it, most frequent first', () => {
    const { statements } = analyzeReport({ text: TEXT });
    const profile = reportProfile(statements);
    expect(profile.v).toBe(PROFILE_VERSION);
    const expected = new Map<string, number>();
    for (const s of statements) for (const t of new Set(s.terms)) expected.set(t, (expected.get(t) ?? 0) + 1);
    expect(new Map(profile.terms)).toEqual(expected);
    expect(new Map(profile.terms).get('bridg')).toBe(3);
    // Most frequent first.
    const counts = profile.terms.map(([, n]) => n);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
