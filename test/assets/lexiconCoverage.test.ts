// The per-group coverage report the lead reads to decide which hand groups a resource can replace.
import { describe, expect, it } from 'vitest';
import { lexiconCoverage } from '../../lib/assets/lexiconCoverage.js';
import { SYNONYM_GROUPS } from '../../lib/domain/lexicon.js';

describe('lexicon coverage', () => {
  it('reports every group, reading written stems as words', () => {
    const { threshold, groups } = lexiconCoverage();
    expect(groups).toHaveLength(SYNONYM_GROUPS.length);
    expect(threshold).toBeGreaterThan(0.2);
    expect(threshold).toBeLessThan(0.9);
    const resign = groups.find((g) => g.head === 'resign')!;
    expect(resign.words).toContain('quit');
    expect(resign.connected).toBe(true);
    // "termin" is a Porter stem; the report looks it up as a word the resources know.
    const end = groups.find((g) => g.words.includes('cancelled') || g.words.includes('cancel'))!;
    expect(end.words.some((w) => w.startsWith('termin') && w.length > 'termin'.length)).toBe(true);
    for (const g of groups) expect(g.eitherPairs).toBeLessThanOrEqual(g.pairs);
  });
});
