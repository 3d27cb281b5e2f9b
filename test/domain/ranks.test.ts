// A rank is a figure of the thing ranked: "the 8th district" is not "the first district", "finished second" is
// not "finished fourth". Invented texts only.
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../lib/domain/slots/quantities.js';
import { alignerAt } from '../support/align.js';

const alignIn = alignerAt('2025-05-10');
const ranksIn = (text: string) =>
  extractQuantities(text)
    .filter((q) => q.unit?.startsWith('rank:'))
    .map((q) => [q.value, q.unit]);

describe('ranks', () => {
  it('reads an ordinal after a definite determiner as the rank of the noun after it', () => {
    expect(ranksIn("The shop is in the city's 8th district.")).toEqual([[8, 'rank:district']]);
    expect(ranksIn('The office is on the third floor of the Velmar tower.')).toEqual([[3, 'rank:floor']]);
    // After a possessive written with a bare apostrophe, and with a word between the determiner and the rank.
    expect(ranksIn("The shop is in Ardis' first district.")).toEqual([[1, 'rank:district']]);
    expect(ranksIn('The shop is in the central first district of Marlow.')).toEqual([[1, 'rank:district']]);
    expect(ranksIn('Corin Hale finished 2nd; Ada Moss came in fourth place.')).toEqual([
      [2, 'rank:place'],
      [4, 'rank:place'],
    ]);
  });
  it('does not read dates, counts, compounds or "a second" (another one) as ranks', () => {
    for (const text of [
      'The vote is on the 8th of May.',
      'It happened on May 8th.',
      'The first two days were calm.',
      'It was first reported on Monday.',
      'A second bomb went off.',
      'Its third-party app failed.',
    ])
      expect(ranksIn(text), text).toEqual([]);
  });
  it('contradicts a claim that gives another rank of the same thing, and supports the same rank', () => {
    const body = 'The Velmar jewellery shop, on the third floor of the tower, was raided on Monday.';
    expect(alignIn('The Velmar jewellery shop is on the eighth floor of the tower.', 'Raid', body, 1)).toMatchObject({
      stance: 'CONTRADICTS',
      rule: 'DETAIL_CONFLICT',
    });
    expect(alignIn('The Velmar jewellery shop is on the third floor of the tower.', 'Raid', body, 1).stance).toBe(
      'SUPPORTS',
    );
    // A thing has one rank: a sentence on the claim's fact that gives another contradicts it at the fact bar,
    // though it tells more besides (its share of the claim's words is under the contradiction bar).
    const claim = "The Velmar jewellery shop raided by thieves is in the city's 8th district.";
    expect(
      alignIn(claim, 'Raid', "Officers searched the Velmar jewellery shop in the city's first district.", 1),
    ).toMatchObject({ stance: 'CONTRADICTS', reason: 'quantity conflict: 8th district vs first district' });
    expect(
      alignIn(
        claim,
        'Raid',
        'Officers searched the Velmar jewellery shop, in the central first district, after thieves raided it at dawn.',
        1,
      ).stance,
    ).toBe('CONTRADICTS');
    const race = 'Corin Hale finished fourth in the Dunmere marathon on Sunday.';
    expect(alignIn('Corin Hale finished second in the Dunmere marathon.', 'Marathon', race, 1).stance).toBe(
      'CONTRADICTS',
    );
  });
});
