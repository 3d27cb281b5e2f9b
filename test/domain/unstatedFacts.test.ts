// Sentences near a claim that do not state it, on invented texts: a matter said to be unknown, a plan denied,
// a hedge carried by grammar or by quotes, the opposite act of something else, a succession the other way
// round, a debunk of another version of the story, and a possessor read as a subject.
import { describe, expect, it } from 'vitest';
import { alignerAt } from '../support/align.js';
import { clauseOf } from '../../lib/domain/clause.js';
import { extractNames } from '../../lib/domain/slots/names.js';
import { isHedgedHeadline, saysNotKnown } from '../../lib/domain/slots/polarity.js';
import { successionIn, successionSwapped } from '../../lib/domain/slots/succession.js';

const alignIn = alignerAt('2025-06-02T09:00:00Z');

describe('a matter said to be unknown states no value of it', () => {
  it('reads "not yet known" and "too early to say", not a bare "known"', () => {
    expect(saysNotKnown('The cause of the fire is not yet known.')).toBe(true);
    expect(saysNotKnown('Police said it was too early to say what had caused the blast.')).toBe(true);
    expect(saysNotKnown('The cause of the fire is known to investigators.')).toBe(false);
  });
  it('mentions "caused by arson" with a sentence that says the cause is not known, and supports the same unknown', () => {
    const body =
      'A fire destroyed the Pell Street warehouse in Ormsby on Sunday. The cause of the fire is not yet known.';
    const arson = alignIn('The Pell Street warehouse fire in Ormsby was caused by arson.', 'Warehouse fire', body, 2);
    expect(arson).toMatchObject({ stance: 'MENTIONS', rule: 'NOT_YET_KNOWN' });
    const unknown = alignIn('The cause of the Pell Street warehouse fire is not yet known.', 'Warehouse fire', body, 2);
    expect(unknown.rule).not.toBe('NOT_YET_KNOWN');
  });
});

describe("the claim's cause left out", () => {
  it('mentions "was caused by arson" with a sentence of the fire that names no cause, and supports one that does', () => {
    const claim = 'The Pell Street warehouse fire in Ormsby was caused by arson.';
    const plain = alignIn(claim, 'Warehouse fire', 'The Pell Street warehouse fire in Ormsby destroyed 40 cars.', 1);
    expect(plain).toMatchObject({ stance: 'MENTIONS', rule: 'AGENT_MISSING' });
    const said = 'The Pell Street warehouse fire in Ormsby was caused by arson, police said.';
    expect(alignIn(claim, 'Warehouse fire', said, 1).stance).toBe('SUPPORTS');
  });
  it('does not ask for the same word for people ("felt by people" / "residents felt it")', () => {
    const a = alignIn(
      'The Ormsby tremor was felt by people in Tennick.',
      'Tremor',
      'The Ormsby tremor was felt in Tennick, where residents ran into the street.',
      1,
    );
    expect(a.rule).not.toBe('AGENT_MISSING');
  });
  it('leaves a named doer to the key-name check ("closed by Tennick Council")', () => {
    const a = alignIn(
      'The Ashby Road bridge was closed by Tennick Council.',
      'Bridge shut',
      'The Ashby Road bridge was closed on Monday.',
      1,
    );
    expect(a.rule).not.toBe('AGENT_MISSING');
  });
});

describe("what the claim's act was done to, left out", () => {
  it('mentions "fired rubber bullets" with "fired tear gas", and supports the same object or a synonym of it', () => {
    const claim = 'Riot police in Dunmere fired rubber bullets at the protesters.';
    const other = alignIn(claim, 'Clashes in Dunmere', 'Riot police in Dunmere fired tear gas at the protesters.', 1);
    expect(other).toMatchObject({ stance: 'MENTIONS', rule: 'OBJECT_MISSING' });
    const same = 'Riot police in Dunmere fired rubber bullets at the protesters on Sunday.';
    expect(alignIn(claim, 'Clashes in Dunmere', same, 1).stance).toBe('SUPPORTS');
    const handgun = "Police found a handgun in the suspect's flat in Dunmere.";
    const pistol = "Police found a pistol in the suspect's flat in Dunmere.";
    expect(alignIn(handgun, 'Dunmere raid', pistol, 1).stance).toBe('SUPPORTS');
    const receipts = "Police found receipts in the suspect's flat in Dunmere.";
    expect(alignIn(handgun, 'Dunmere raid', receipts, 1).rule).toBe('OBJECT_MISSING');
  });
  it('reads an object called by its name in other words as the object ("the Morden Ridge scheme")', () => {
    const claim = 'Voters in Carrow rejected the Morden Ridge wind farm.';
    const named = 'Voters in Carrow rejected the Morden Ridge scheme by a wide margin on Thursday.';
    expect(alignIn(claim, 'Carrow vote', named, 1)).toMatchObject({ stance: 'SUPPORTS', rule: 'SAME_FACT' });
    const other = 'Voters in Carrow rejected the budget scheme by a wide margin on Thursday.';
    expect(alignIn(claim, 'Carrow vote', other, 1).stance).toBe('MENTIONS');
  });
  it('leaves a headline alone: it is terse, and may leave the object out as it leaves out details', () => {
    const claim = 'Riot police in Dunmere fired rubber bullets at the protesters.';
    const a = alignIn(claim, 'Riot police in Dunmere fire tear gas at protesters', 'Clashes went on all night.', 0);
    expect(a.rule).not.toBe('OBJECT_MISSING');
  });
  it('reads a noun with an "of" phrase by the phrase ("parts of Dunmere"), and leaves people and figures to other readings', () => {
    const parts = alignIn(
      'The storm left parts of Dunmere without power.',
      'Storm in Dunmere',
      'Much of Dunmere was left without power by the storm.',
      1,
    );
    expect(parts.rule).not.toBe('OBJECT_MISSING');
    const people = alignIn(
      'The storm injured twelve people in Dunmere.',
      'Storm in Dunmere',
      'Twelve residents of Dunmere were hurt in the storm.',
      1,
    );
    expect(people.rule).not.toBe('OBJECT_MISSING');
  });
  it('reads a measure of a bare noun by the noun ("a fortune in diamonds"), and a figure as the figures\' own', () => {
    const claim = 'A lone robber stole a fortune in diamonds from the Ritz hotel in Dunmere.';
    const stones = 'A lone robber stole diamonds worth 80 million pounds from the Ritz hotel in Dunmere.';
    expect(alignIn(claim, 'Dunmere heist', stones, 1).stance).toBe('SUPPORTS');
    const cash = 'A lone robber stole cash from the Ritz hotel in Dunmere.';
    expect(alignIn(claim, 'Dunmere heist', cash, 1).rule).toBe('OBJECT_MISSING');
    const counted = alignIn(
      'Readings showed at least twenty smaller quakes in Dunmere that morning.',
      'Dunmere quake',
      'Readings indicated that at least 20 smaller earthquakes followed in Dunmere that morning.',
      1,
    );
    expect(counted.rule).not.toBe('OBJECT_MISSING');
  });
});

describe('a plan denied', () => {
  it('reads "there are no plans to close" and "has no plans to sell" as the act negated, as a plan', () => {
    expect(clauseOf('There are no plans to close the Ashby library.')).toMatchObject({
      predicate: 'close',
      negated: true,
      modality: 'plan',
    });
    expect(clauseOf('The council has no plans to sell the park.')).toMatchObject({ predicate: 'sell', negated: true });
    expect(clauseOf('The council has plans for the park.')).toMatchObject({ negated: false });
  });
  it('contradicts "will close" with "told us there are no plans to close"', () => {
    const body =
      'Tennick council told the Courier that there are no plans to close Ashby Library, and its budget is safe.';
    const a = alignIn('Ashby Library in Tennick will close in 2026.', 'Library stays', body, 1);
    expect(a.stance).toBe('CONTRADICTS');
  });
});

describe('a hedge carried by grammar or by quotes', () => {
  it('hedges "are understood to be close to signing" although no cue word says so', () => {
    expect(clauseOf('Marden Rovers are understood to be close to signing Eli Voss.')).toMatchObject({
      predicate: 'sign',
      modality: 'hedge',
    });
    const body = 'Marden Rovers are understood to be close to signing Eli Voss from Calder United.';
    expect(alignIn('Marden Rovers have signed Eli Voss.', 'Rovers move', body, 1).stance).toBe('MENTIONS');
  });
  it('reads a lower-case word in single quotes as a headline hedge, not a quoted name or a possessive', () => {
    expect(isHedgedHeadline("Voss 'agrees' Rovers move")).toBe(true);
    expect(isHedgedHeadline('Rovers ‘in talks’ over Voss')).toBe(true);
    expect(isHedgedHeadline("Rovers' manager quits")).toBe(false);
    expect(isHedgedHeadline("The 'Kings' of Marden win again")).toBe(false);
  });
});

describe('the opposite act of something else', () => {
  it('reads a participle hyphenated to a word as part of the subject ("a nurse-led clinic")', () => {
    expect(clauseOf('A nurse-led clinic has opened at Tennick Hospital.')).toMatchObject({
      predicate: 'open',
      subject: { head: 'clinic' },
    });
  });
  it('mentions, and never supports, "opened" with "closed" said of another subject', () => {
    const body = 'The children’s ward at Tennick Hospital has closed, and patients now go to Ormsby.';
    const a = alignIn('A nurse-led clinic has opened at Tennick Hospital.', 'Ward closes', body, 1);
    expect(a).toMatchObject({ stance: 'MENTIONS', rule: 'OPPOSITE_OF_OTHER' });
  });
  it('leaves a converse act of a claim participant alone ("won, beating Rusk" for "Rusk was defeated")', () => {
    const body = 'Ada Quell won the Varnock council election on Thursday, beating Tom Rusk by 812 votes.';
    const a = alignIn('Tom Rusk was defeated in the Varnock council election.', 'Quell wins', body, 1);
    expect(a.rule).not.toBe('OPPOSITE_OF_OTHER');
  });
});

describe('a succession the other way round', () => {
  const read = (text: string) => {
    const s = successionIn(text, extractNames(text));
    return s && `${s.incoming.text} in, ${s.outgoing.text} out`;
  };
  it('reads who comes in and who is replaced, active and passive', () => {
    expect(read('Orrin Bank chose Ada Kell to replace Tom Rusk as chief executive.')).toBe('Ada Kell in, Tom Rusk out');
    expect(read('Orrin Bank appointed Tom Rusk as chief executive, replacing Ada Kell.')).toBe(
      'Tom Rusk in, Ada Kell out',
    );
    expect(read('Ada Kell was replaced by Tom Rusk in May.')).toBe('Tom Rusk in, Ada Kell out');
    expect(read('Tom Rusk took over from Ada Kell in May.')).toBe('Tom Rusk in, Ada Kell out');
    expect(read('The council replaced the Fenwick Bridge.')).toBeUndefined();
  });
  it('swaps only when both people are in each other’s places', () => {
    const claim = successionIn('Ada Kell replaced Tom Rusk.', extractNames('Ada Kell replaced Tom Rusk.'));
    const same = 'Tom Rusk was replaced by Ada Kell.';
    const other = 'Tom Rusk replaced Ada Kell.';
    expect(successionSwapped(claim, successionIn(same, extractNames(same)))).toBe(false);
    expect(successionSwapped(claim, successionIn(other, extractNames(other)))).toBe(true);
  });
  it('contradicts "chose A to replace B" with "appointed B, replacing A"', () => {
    const body = 'Orrin Bank has appointed Tom Rusk as its chief executive, replacing Ada Kell, who retires this year.';
    const a = alignIn('Orrin Bank chose Ada Kell to replace Tom Rusk as chief executive.', 'New chief', body, 1);
    expect(a).toMatchObject({ stance: 'CONTRADICTS', rule: 'ROLES_SWAPPED' });
  });
});

describe('a debunk of another version of the story', () => {
  const body =
    'A photo of a flooded square has been widely shared with captions saying it shows Tennick Market Square. That is false.';
  it('calls the claim false when the sentence before relayed it', () => {
    const a = alignIn(
      'The widely shared photo of a flooded square shows Tennick Market Square.',
      'Photo check',
      body,
      2,
    );
    expect(a).toMatchObject({ stance: 'CONTRADICTS', rule: 'DEBUNKED' });
  });
  it('does not when the sentence before named another place than the claim', () => {
    const a = alignIn('The widely shared photo of a flooded square was taken in Port Ardel.', 'Photo check', body, 2);
    expect(a.rule).not.toBe('DEBUNKED');
  });
});

describe("a possessor is not the sentence's subject", () => {
  it('does not read "Corran Bank\'s shares were little changed" as the opposite of "left Corran Bank"', () => {
    const shares = alignIn(
      'Pell Austin has left Corran Bank.',
      'New chief at Corran',
      "Pell Austin has left Corran Bank. Corran Bank's shares were little changed on the news.",
      2,
    );
    expect(shares.stance).not.toBe('CONTRADICTS');
  });
});

describe('a sentence with only the claim names does not state its fact', () => {
  const claim = 'Orla Venn has left Harrow Bank.';
  const headline = 'Harrow Bank names new chief';
  const body = (sentence: string) =>
    `Harrow Bank has named Tom Ashe as its chief executive after Orla Venn told the board of her plans.\n${sentence}`;

  it('mentions the claim with a body sentence that shares its names and none of its other words', () => {
    const shares = alignIn(claim, headline, body("Harrow Bank's shares were little changed on the news."), 2);
    expect(shares).toMatchObject({ stance: 'MENTIONS', rule: 'NAMES_ONLY' });
  });

  it('still supports with a sentence that says the act in other words, and leaves a headline to its topic', () => {
    expect(alignIn(claim, headline, body('Orla Venn quit Harrow Bank on Friday.'), 2).stance).toBe('SUPPORTS');
    expect(alignIn(claim, 'Orla Venn and Harrow Bank', body('Shares were little changed.'), 0).rule).not.toBe(
      'NAMES_ONLY',
    );
  });
});

describe('another group of people in the subject does not state the claim', () => {
  const claim = 'Bus drivers in Port Hessel went on strike over pay.';
  const headline = 'Port Hessel strike';

  it('mentions the claim with a sentence whose subject is another trade, named by neither of its words', () => {
    const dock = alignIn(claim, headline, 'Dock workers at Port Hessel went on strike over pay on Monday.', 1);
    expect(dock).toMatchObject({ stance: 'MENTIONS', rule: 'OTHER_GROUP' });
    expect(dock.reason).toContain('Dock workers');
  });

  it("reads who did it from an event's by-phrase ('A strike by dock workers')", () => {
    const strike = 'A two-day strike by dock workers at Port Hessel over pay brought the port to a standstill.';
    const dock = alignIn(claim, headline, strike, 1);
    expect(dock).toMatchObject({ stance: 'MENTIONS', rule: 'OTHER_GROUP' });
    expect(dock.reason).toContain('dock workers');
    const buses = 'A two-day strike by bus drivers in Port Hessel over pay brought the town to a standstill.';
    expect(alignIn(claim, headline, buses, 1).rule).not.toBe('OTHER_GROUP');
  });

  it('still supports with the same group said otherwise, or a group the sentence names by its qualifier', () => {
    expect(alignIn(claim, headline, 'Drivers on the Port Hessel buses went on strike over pay.', 1).stance).toBe(
      'SUPPORTS',
    );
    expect(alignIn(claim, headline, 'Bus drivers in Port Hessel went on strike over pay.', 1).stance).toBe('SUPPORTS');
    // A group named by a name, not a trade, is left to the names: "Vellum staff".
    expect(
      alignIn(
        'Vellum staff in Port Hessel went on strike over pay.',
        headline,
        'Dock workers at Port Hessel went on strike over pay.',
        1,
      ).rule,
    ).not.toBe('OTHER_GROUP');
  });
});

describe('a sentence that tells only what the claim gives as background does not state it', () => {
  const claim = 'Harlow & Sons, the firm that built the Ossary Bridge, has gone into administration.';
  const headline = 'Ossary Bridge builder';

  it('reads the main clause beside the relative clause and the noun it describes', () => {
    expect(clauseOf('Marfell Council promised grants to the owners of the shops that flooded.').mainWords).toEqual([
      'promise',
      'grant',
      'owner',
    ]);
    expect(clauseOf('The Ossary Bridge, which opened in 1998, carries 30,000 cars a day.').mainWords).toBeUndefined();
    expect(clauseOf('Marfell Council promised grants to shop owners.').mainWords).toBeUndefined();
  });

  it('mentions the claim with a sentence of the relative clause alone, and supports one that says the point', () => {
    const built = alignIn(claim, headline, 'The Ossary Bridge was built by Harlow & Sons of Tennick in 1998.', 1);
    expect(built).toMatchObject({ stance: 'MENTIONS', rule: 'BACKGROUND_ONLY' });
    expect(built.reason).toContain('administration');
    const point = 'Harlow & Sons, which built the Ossary Bridge, went into administration on Monday.';
    expect(alignIn(claim, headline, point, 1).stance).toBe('SUPPORTS');
  });

  it('leaves a claim whose point is said in other words, or that has no relative clause, to the other rules', () => {
    const grants = 'Marfell Council promised grants to the owners of the shops that flooded.';
    const body = 'Marfell Council pledged grants to shopkeepers whose premises were flooded in March.';
    expect(alignIn(grants, 'Marfell floods', body, 1).rule).not.toBe('BACKGROUND_ONLY');
    const plain = 'Harlow & Sons built the Ossary Bridge.';
    expect(
      alignIn(plain, headline, 'The Ossary Bridge was built by Harlow & Sons of Tennick in 1998.', 1).rule,
    ).not.toBe('BACKGROUND_ONLY');
  });
});
