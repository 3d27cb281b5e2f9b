import { describe, expect, it } from 'vitest';
import { alignSentence } from '../support/align.js';

// Invented sentences.
const align = (claim: string, sentence: string) => alignSentence(claim, sentence, '2025-03-04T09:00:00Z');

describe('opposite acts and states (WordNet antonyms)', () => {
  it('contradicts "stayed open" with "was closed", and names the pair', () => {
    const a = align(
      'The Fenwick Bridge stayed open to traffic in March 2025.',
      'The Fenwick Bridge was closed to traffic on 3 March 2025.',
    );
    expect(a.stance).toBe('CONTRADICTS');
    expect(a.rule).toBe('OPPOSITE_PREDICATE');
    expect(a.reason).toMatch(/open vs clos/);
  });

  it('contradicts an act with the undoing of what it names ("lifted the ban" / "banned"), either way round', () => {
    const lifted = align(
      'Clearbrook Water lifted the hosepipe ban in Tessford.',
      'Clearbrook Water has banned the use of garden hoses in Tessford.',
    );
    expect(lifted).toMatchObject({
      stance: 'CONTRADICTS',
      rule: 'OPPOSITE_PREDICATE',
      reason: expect.stringContaining('lift ban vs ban'),
    });
    expect(
      align('Clearbrook Water banned hosepipes in Tessford.', 'Clearbrook Water lifted the hosepipe ban in Tessford.')
        .stance,
    ).toBe('CONTRADICTS');
    expect(
      align(
        'Clearbrook Water lifted the hosepipe ban in Tessford.',
        'Clearbrook Water lifted the hosepipe ban in Tessford on Monday.',
      ).stance,
    ).toBe('SUPPORTS');
  });

  it('contradicts a win with a loss of the same contest', () => {
    const a = align(
      'The Harbour Rovers won the regional final on Saturday.',
      'The Harbour Rovers lost the regional final on Saturday.',
    );
    expect(a.stance).toBe('CONTRADICTS');
  });

  it('does not contradict the same state said in other words, or a negated opposite', () => {
    expect(
      align(
        'The Fenwick Bridge was closed to traffic in March 2025.',
        'The Fenwick Bridge was shut to traffic on 3 March 2025.',
      ).stance,
    ).not.toBe('CONTRADICTS');
    expect(
      align(
        'The Fenwick Bridge stayed open to traffic in March 2025.',
        'The Fenwick Bridge was not closed to traffic in March 2025.',
      ).rule,
    ).not.toBe('OPPOSITE_PREDICATE');
  });

  it('does not oppose the act of another subject ("Norland set up a fund" vs "the fund opened")', () => {
    expect(
      align('The Westmark Relief Fund opened in March 2025.', 'Norland set up the Westmark Relief Fund in March 2025.')
        .rule,
    ).not.toBe('OPPOSITE_PREDICATE');
  });

  it('leaves a hedged or questioned opposite as a mention', () => {
    expect(
      align(
        'The Fenwick Bridge stayed open to traffic in March 2025.',
        'The Fenwick Bridge may be closed to traffic on 3 March 2025.',
      ).stance,
    ).not.toBe('CONTRADICTS');
    expect(
      align(
        'The Fenwick Bridge stayed open to traffic in March 2025.',
        'Was the Fenwick Bridge closed to traffic on 3 March 2025?',
      ).stance,
    ).not.toBe('CONTRADICTS');
  });
});

describe('the predicate of a story sentence', () => {
  it('reads the subject after a dateline, so an opposite act of it is seen', () => {
    const claim = 'Shares in Corvane Biotech rose after its drug trial results.';
    const a = align(
      claim,
      'MARKET LEDGER, 9 October 2025 - Shares in Corvane Biotech fell on Thursday after its trial results.',
    );
    expect(a).toMatchObject({ stance: 'CONTRADICTS', rule: 'OPPOSITE_PREDICATE' });
    expect(align(claim, 'LOWICK (Wire) -- Shares in Corvane Biotech fell after its trial results.').stance).toBe(
      'CONTRADICTS',
    );
  });
  it('reads a verb with its particle whole: "broke out" begins, it does not "break"', () => {
    const a = align(
      'The Brenner Plastics blaze began in the packing hall.',
      'The Brenner Plastics fire broke out in the packing hall at about 10pm.',
    );
    expect(a.stance).toBe('SUPPORTS');
  });
});
