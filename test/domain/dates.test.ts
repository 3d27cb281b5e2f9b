// The date parser is chrono's casual English one with a check that skips its "ago" / "later" patterns on text
// that holds none of their closing words (lib/domain/slots/dates.ts): it must find exactly what chrono finds.
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { closingWordParsers, parser } from '../../lib/domain/slots/dates.js';

// Invented sentences, each closing word alone in one of them: chrono reads a date in each.
const ONE_CLOSING_WORD = [
  'Ten years ago the mill burned.',
  'Two hours before the vote the hall was full.',
  'Six days earlier the road had flooded.',
  'Two weeks later the pier reopened.',
  'Rain fell 3 hours after the match.',
  'Repairs will finish 6 months from now.',
  '3 years henceforth the law will change.',
  '2 days forward the deadline moves.',
  '3 weeks out the organisers had no venue.',
];
// And sentences with several, with none, in capitals, and words that only hold one ("about", "throughout").
const SENTENCES = [
  ...ONE_CLOSING_WORD,
  'The Fenwick Bridge was closed to traffic on Monday, 3 March 2025.',
  'Three days ago the council voted to shut the ferry.',
  'Two weeks later the pier reopened, about 5 years after the storm.',
  'The strike ended 4 hours before the deadline and 2 days earlier than planned.',
  'Repairs will finish 6 months from now, the engineer said.',
  'TEN YEARS AGO THE MILL BURNED DOWN.',
  'Crews worked throughout the night and the road opened without delay.',
  'The mayor spoke at 10 am on Friday about the budget for next year.',
  'He resigned in 2012, and in 2013 the party lost the election.',
  '3 weeks out the organisers still had no venue; a month henceforth they would.',
  'The vote was held on 12/03/2024 and counted by 9 pm.',
];

const found = (p: chrono.Chrono, text: string) =>
  p.parse(text, new Date(Date.UTC(2025, 2, 3))).map((r) => ({
    index: r.index,
    text: r.text,
    start: r.start.date().toISOString(),
    known: ['year', 'month', 'day', 'weekday', 'hour'].filter((c) => r.start.isCertain(c as chrono.Component)),
    end: r.end?.date().toISOString(),
  }));

describe('date parser', () => {
  it('finds what chrono casual finds, in every sentence', () => {
    for (const text of SENTENCES) expect(found(parser, text), text).toEqual(found(chrono.en.casual, text));
    // Each closing word does lead chrono to a date, so a word left out of the check fails above.
    for (const text of ONE_CLOSING_WORD) expect(found(chrono.en.casual, text), text).toHaveLength(1);
  });

  it('applies the closing-word check to both of chrono 2.10 parsers it was written for', () => {
    expect(closingWordParsers).toBe(2);
  });
});
