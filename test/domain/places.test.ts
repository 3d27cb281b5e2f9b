// A place inside the claim's place (a town in the claim's county, a city in its country) is the claim's place
// told finer: it supports the claim and is not read as a rival name. A place elsewhere still is a rival.
// The clause of each sentence keeps a role swap or a plan from passing for the claim's act.
import { describe, expect, it } from 'vitest';
import { alignSentence } from '../support/align.js';
import { directionsIn } from '../../lib/domain/slots/directions.js';

const alignment = (claim: string, sentence: string) => alignSentence(claim, sentence);

describe("places inside the claim's place", () => {
  it("a town in the claim's county supports a claim about the county", () => {
    expect(
      alignment(
        'A magnitude 4.4 earthquake shook Sonoma County on Tuesday.',
        'A magnitude 4.4 earthquake shook homes in Healdsburg on Tuesday.',
      ).stance,
    ).toBe('SUPPORTS');
  });

  it("a city in the claim's region supports a claim about the region", () => {
    expect(
      alignment('Heavy floods destroyed 300 homes in Aceh.', 'Heavy floods destroyed 300 homes in Banda Aceh.').stance,
    ).toBe('SUPPORTS');
    expect(
      alignment(
        'Soldiers arrested twelve smugglers in Niger on Friday.',
        'Soldiers arrested twelve smugglers in Agadez on Friday.',
      ).stance,
    ).toBe('SUPPORTS');
  });

  it('a place elsewhere is still a rival', () => {
    expect(
      alignment('Heavy floods destroyed 300 homes in Aceh.', 'Heavy floods destroyed 300 homes in Bangkok.').stance,
    ).toBe('MENTIONS');
    expect(
      alignment(
        'Soldiers arrested twelve smugglers in Niger on Friday.',
        'Soldiers arrested twelve smugglers in Bamako on Friday.',
      ).stance,
    ).toBe('MENTIONS');
  });

  it("a town the sentence places its event by, inside the claim's part of a state, supports a claim about that part", () => {
    const claim = 'The Northern California quake struck at 4:17 in the morning.';
    expect(
      alignment(claim, 'The quake struck at 4:17 a.m. about 9 miles east of Healdsburg, with a depth of two miles.')
        .stance,
    ).toBe('SUPPORTS');
    // A landmark elsewhere does not.
    expect(
      alignment(claim, 'The quake struck at 4:17 a.m. about 9 miles east of Reno, with a depth of two miles.').stance,
    ).toBe('MENTIONS');
  });

  it("a region around the claim's town does not state the town", () => {
    expect(
      alignment(
        'A magnitude 4.4 earthquake shook homes in Healdsburg on Tuesday.',
        'A magnitude 4.4 earthquake shook Sonoma County on Tuesday.',
      ).stance,
    ).toBe('MENTIONS');
  });

  it('a contained place keeps a conflicting figure a conflict', () => {
    expect(
      alignment('Heavy floods destroyed 300 homes in Aceh.', 'Heavy floods destroyed 1,200 homes in Banda Aceh.')
        .stance,
    ).toBe('CONTRADICTS');
  });
});

describe('clauses in the alignment', () => {
  // The claim puts another participant in the agent's role: the report says the opposite of who did it.
  it('contradicts a claim with the roles swapped', () => {
    expect(
      alignment(
        'Northfield beat Southport in the cup final on Saturday.',
        'Southport beat Northfield in the cup final on Saturday.',
      ),
    ).toMatchObject({ stance: 'CONTRADICTS', rule: 'ROLES_SWAPPED', reason: 'the roles are swapped' });
    expect(
      alignment(
        'Northfield beat Southport in the cup final on Saturday.',
        'Northfield was beaten by Southport in the cup final on Saturday.',
      ),
    ).toMatchObject({ stance: 'CONTRADICTS', rule: 'ROLES_SWAPPED', reason: 'the roles are swapped' });
    expect(
      alignment(
        'Northfield beat Southport in the cup final on Saturday.',
        'Southport was beaten by Northfield in the cup final on Saturday.',
      ).stance,
    ).toBe('SUPPORTS');
  });

  it('does not take a plan for the act', () => {
    expect(
      alignment(
        'The council closed the Fenwick Bridge to traffic.',
        'The council plans to close the Fenwick Bridge to traffic.',
      ),
    ).toMatchObject({ stance: 'MENTIONS', reason: 'a plan, not the act' });
    expect(
      alignment(
        'The council closed the Fenwick Bridge to traffic.',
        'The council will close the Fenwick Bridge to traffic.',
      ).stance,
    ).toBe('MENTIONS');
    expect(
      alignment(
        'The council closed the Fenwick Bridge to traffic.',
        'The council closed the Fenwick Bridge to traffic on Monday.',
      ).stance,
    ).toBe('SUPPORTS');
  });
});

describe('a direction from a named place', () => {
  it('reads compass points however they are spelled, with the place they are reckoned from', () => {
    expect(directionsIn('3 miles south-west of Cobb, 55 km to the north east of Bireun')).toEqual([
      { text: 'south-west of Cobb', degrees: 225, from: 'cobb' },
      { text: 'north east of Bireun', degrees: 45, from: 'bireun' },
    ]);
    expect(directionsIn('The south of France')).toEqual([]);
  });
  it('contradicts another direction from the same place, and agrees within a compass step', () => {
    const claim = 'The Velmor quake struck 55 km west of Bireun.';
    expect(alignment(claim, 'The Velmor quake struck 55 km south of Bireun on Tuesday.')).toMatchObject({
      stance: 'CONTRADICTS',
      reason: expect.stringContaining('direction conflict'),
    });
    expect(alignment(claim, 'The Velmor quake struck 55 km west-northwest of Bireun on Tuesday.').stance).toBe(
      'SUPPORTS',
    );
    // A place has one bearing from another: a sentence on the claim's fact that tells more besides still contradicts.
    expect(
      alignment(
        'The Velmor quake struck about three miles northeast of Cobb.',
        'The survey reported that the Velmor quake was centred about 3 miles southwest of Cobb, in a hilly area.',
      ),
    ).toMatchObject({ stance: 'CONTRADICTS', reason: 'direction conflict: northeast of Cobb vs southwest of Cobb' });
    // From another place, a direction says nothing against the claim's.
    expect(alignment(claim, 'The Velmor quake struck 55 km west of Bireun, south of Tarn.').stance).toBe('SUPPORTS');
  });
});
