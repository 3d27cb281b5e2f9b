import { describe, expect, it } from 'vitest';
import { actsAlike, MEANING_CREDIT, wordsAlike, wordsOpposed } from '../../lib/domain/meaning.js';

describe('word meaning from WordNet and word vectors', () => {
  it('finds synonyms the lexicon does not list', () => {
    expect(wordsAlike('prohibited', 'banned')).toBe(MEANING_CREDIT.synonym);
    expect(wordsAlike('permit', 'licence')).toBeGreaterThan(0);
  });

  it('gives the same term full credit', () => {
    expect(wordsAlike('resigned', 'resigns')).toBe(1);
  });

  it('gives two inflections of one word full credit when the stemmer does not join them', () => {
    expect(wordsAlike('left', 'leaves')).toBe(1);
    expect(wordsAlike('beaten', 'beat')).toBe(1);
    expect(wordsAlike('fell', 'fallen')).toBe(1);
    expect(wordsAlike('fell', 'rose')).toBe(0);
  });

  it('keeps apart words the lexicon files in different groups, however near their vectors', () => {
    expect(wordsAlike('killed', 'injured')).toBe(0);
  });

  it('never makes opposites alike', () => {
    expect(wordsAlike('rose', 'fell')).toBe(0);
    expect(wordsAlike('won', 'lost')).toBe(0);
  });

  it('gives nothing for unrelated words and function words', () => {
    expect(wordsAlike('bridge', 'salary')).toBe(0);
    expect(wordsAlike('the', 'a')).toBe(0);
  });

  it('reads an act said by a near verb, but not by a noun that is only related', () => {
    expect(actsAlike('sued', 'filed')).toBe(true);
    expect(actsAlike('built', 'footbridge')).toBe(false);
    expect(actsAlike('approved', 'rejected')).toBe(false);
  });

  it('finds opposites through a synonym ("lowered" against "increased")', () => {
    expect(wordsOpposed('lowered', 'increased')).toBe(true);
    expect(wordsOpposed('lowered', 'raised')).toBe(true);
    expect(wordsOpposed('approved', 'rejected')).toBe(true);
    expect(wordsOpposed('closed', 'shut')).toBe(false);
  });
});
