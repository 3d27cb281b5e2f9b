// Readings that hold on any news, on invented texts: an event named on another day contradicts the claim's date,
// a part given with its whole counts the act, a count of the claim's very thing conflicts at the figure bar, a
// length of time is not a date, and a vote to act or a looming act is not the act.
import { describe, expect, it } from 'vitest';
import { alignerAt } from '../support/align.js';
import { clauseOf } from '../../lib/domain/clause.js';
import { isEventNoun } from '../../lib/domain/events.js';
import { extractDates } from '../../lib/domain/slots/dates.js';
import { extractQuantities, sameMeasure } from '../../lib/domain/slots/quantities.js';

const PUBLISHED = '2025-03-10T09:00:00Z';

/** Aligns the claim with the report's sentence at `index` (0 is the headline). */
const alignIn = alignerAt(PUBLISHED);

describe('which nouns name an event, from WordNet', () => {
  it('reads fires, quakes, votes and festivals as events, and people, places and buildings as not', () => {
    for (const noun of ['fire', 'earthquake', 'election', 'festival', 'storm', 'concert'])
      expect(isEventNoun(noun)).toBe(true);
    for (const noun of ['mayor', 'warehouse', 'bridge', 'council', 'minister', 'hospital'])
      expect(isEventNoun(noun)).toBe(false);
  });
});

describe('an event named on another day', () => {
  const body = 'A blaze gutted a furniture depot in Quillmoor on 2 March 2025.\nNobody was hurt.';
  it('contradicts the claim that the event happened on another day, though it tells the event with another verb', () => {
    const a = alignIn('The Quillmoor depot fire broke out on 9 March 2025.', 'Depot fire in Quillmoor', body, 1);
    expect(a.stance).toBe('CONTRADICTS');
    expect(a.conflicting.some((k) => k.kind === 'date')).toBe(true);
  });
  it('supports the claim on the same day', () => {
    const a = alignIn('The Quillmoor depot fire broke out on 2 March 2025.', 'Depot fire in Quillmoor', body, 1);
    expect(a.stance).toBe('SUPPORTS');
  });
  it('does not read another date of a person as the date of their act', () => {
    const a = alignIn(
      'Ilsa Varne resigned as mayor of Quillmoor on 9 March 2025.',
      'Quillmoor mayor',
      'Ilsa Varne became mayor of Quillmoor on 2 March 2021.',
      1,
    );
    expect(a.stance).not.toBe('CONTRADICTS');
  });
});

describe('a length of time is not a date', () => {
  it('reads "for six hours" as no date, and "six hours ago" as one', () => {
    expect(extractDates('Crews fought the fire for six hours.', PUBLISHED)).toEqual([]);
    expect(extractDates('The fire broke out six hours ago.', PUBLISHED)).toHaveLength(1);
  });
});

describe('a part given with its whole', () => {
  it("gives the part the whole's unit and marks the whole", () => {
    const [part, whole] = extractQuantities('The bakery cut 30 of its 90 jobs.');
    expect(part).toMatchObject({ value: 30, unit: 'job', part: true, ofWhole: true });
    expect(whole).toMatchObject({ value: 90, whole: true });
    const named = extractQuantities("Forty-one of Dunmere College's 50 students passed.");
    expect(named[0]).toMatchObject({ value: 41, unit: named[1]?.unit });
    expect(named[1]?.whole).toBe(true);
    expect(extractQuantities('Of the 50 students who sat the test, 41 passed.')[0]).toMatchObject({
      value: 50,
      whole: true,
    });
  });
  const body = 'The Ambleton bakery has cut 30 of its 90 jobs, its owners said.';
  it("confirms the claim's whole with the sentence's whole, not a count of the act", () => {
    const body = 'Two of the five fishing boats that left Ambleton harbour were stranded.';
    const claim = 'Two of the five fishing boats were stranded near Ambleton.';
    expect(alignIn(claim, 'Boats stranded', body, 1).matched).toContainEqual(
      expect.objectContaining({ kind: 'quantity', claim: 'five', report: 'five' }),
    );
    expect(alignIn('Five fishing boats were stranded near Ambleton.', 'Boats stranded', body, 1).stance).not.toBe(
      'SUPPORTS',
    );
  });
  it('does not read another part of the same whole as a rival count', () => {
    const a = alignIn(
      'Two of the five fishing boats got away from the Ambleton patrol.',
      'Patrol stops boats',
      'The Ambleton patrol stopped three of the boats and seized their nets, and two of the fishing boats got away.',
      1,
    );
    expect(a.stance).not.toBe('CONTRADICTS');
  });
  it("supports the part as the act's count and contradicts the whole read as the act", () => {
    expect(alignIn('The Ambleton bakery cut 30 jobs.', 'Bakery cuts jobs', body, 1).stance).toBe('SUPPORTS');
    const whole = alignIn('The Ambleton bakery cut 90 jobs.', 'Bakery cuts jobs', body, 1);
    expect(whole.stance).toBe('CONTRADICTS');
    expect(whole.conflicting).toContainEqual({ kind: 'quantity', claim: '90', report: '30' });
  });
});

describe('a count of the very thing the claim counts', () => {
  it('conflicts at the figure bar when the same words follow both figures', () => {
    const a = alignIn(
      'About 300 runners had entered the Pellby harbour race.',
      'Pellby harbour race called off',
      'Organisers called off the Pellby harbour race on Sunday because of fog.\nAbout 120 runners had entered.',
      2,
    );
    expect(a.stance).toBe('CONTRADICTS');
  });
  it('reads the words a figure counts over four words ("patients came to harm")', () => {
    const [q] = extractQuantities('The review found 11 patients came to harm.');
    expect(q?.nouns).toContain('harm');
  });
});

describe('a vote to act and a looming act are not the act', () => {
  it('reads "voted to strike" as a plan and "a strike looms" as still to come', () => {
    expect(clauseOf('Porters at Lanmoor station have voted to strike over pay.').modality).toBe('plan');
    expect(clauseOf('A porters strike looms at Lanmoor.').modality).toBe('plan');
  });
  const body = 'Porters at Lanmoor station have voted to strike over pay.\nThe strike has not yet begun.';
  it('reads a vote to strike as a mention of the strike, and as support of the vote', () => {
    expect(alignIn('Porters at Lanmoor station went on strike over pay.', 'Porters vote', body, 1).stance).toBe(
      'MENTIONS',
    );
    expect(alignIn('Porters at Lanmoor station voted to strike over pay.', 'Porters vote', body, 1).stance).toBe(
      'SUPPORTS',
    );
    expect(alignIn('Porters at Lanmoor station went on strike.', 'Lanmoor porters strike looms', body, 0).stance).toBe(
      'MENTIONS',
    );
  });
});

describe('a count of people may count those of any kind WordNet calls persons', () => {
  it('marks "runners" and "shoppers" as persons, not "fans" (a device first) or "boxes"', () => {
    const persons = (text: string) => extractQuantities(text)[0]?.persons === true;
    expect(persons('About 8,400 runners finished.')).toBe(true);
    expect(persons('Some 300 shoppers queued.')).toBe(true);
    expect(persons('About 200 boxes were found.')).toBe(false);
  });
  it('matches "8,400 people ran" with "more than 8,000 runners"', () => {
    const [people] = extractQuantities('Some 8,400 people ran the Ormsby Marathon.');
    const [runners] = extractQuantities('More than 8,000 runners took part.');
    expect(sameMeasure(runners!, people!)).toBe(true);
    const [boxes] = extractQuantities('More than 8,000 boxes were packed.');
    expect(sameMeasure(boxes!, people!)).toBe(false);
  });
});

describe('a year before the noun it dates', () => {
  it('reads "the 2003 earthquake" and "Bam\'s 2003 quake" as dated 2003, not "the 2003-04 season"', () => {
    expect(extractDates('About 26,000 people died in the 2003 earthquake in Bam.')).toMatchObject([{ year: 2003 }]);
    expect(extractDates("Bam's 2003 quake destroyed the citadel.")).toMatchObject([{ year: 2003 }]);
    expect(extractDates('The 2003-04 season ended early.')).toEqual([]);
  });
  it('does not read a quake of another year as background to a claim about that year', () => {
    const body =
      'A quake struck Kerman on Tuesday.\nIn December 2003 a quake in Bam left more than 31,000 people dead.';
    const a = alignIn('About 26,000 people died in the 2003 earthquake in Bam.', 'Quake in Kerman', body, 2);
    expect(a.rule).not.toBe('EARLIER_TIME');
  });
});
