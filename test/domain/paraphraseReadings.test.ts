// Readings a paraphrase needs beyond shared words: a fraction in words is a share, "twice" counts an act, a noun
// derived from a verb says it, an article can be a count of one minute or hour, a specific noun says its general
// kind, "opened again" says "reopened", a proposal is a plan, two denials of one harm agree, and headline gossip
// and attribution hedge a headline, not a body's narration.
// Invented texts only.
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../lib/domain/index.js';
import { isHedged, negatesTerms } from '../../lib/domain/slots/polarity.js';
import { MEANING_CREDIT, meaningWords, namesKindOf, wordsAlike } from '../../lib/domain/meaning.js';
import { DURATION, extractQuantities, quantitiesAgree, SPAN } from '../../lib/domain/slots/quantities.js';
import { contentTerms } from '../../lib/domain/terms.js';
import { alignerAt } from '../support/align.js';

const alignIn = alignerAt('2025-05-10');

describe('fractions in words are shares', () => {
  it('reads "four-fifths of", "two-thirds", "a third of" and "half the" as percentages', () => {
    expect(extractQuantities('Police recovered four-fifths of the stolen watches.')).toEqual([
      expect.objectContaining({ unit: 'percent', value: 80 }),
    ]);
    expect(extractQuantities('Roughly two-thirds of members backed the plan.')[0]).toMatchObject({
      unit: 'percent',
      value: 66.7,
    });
    expect(extractQuantities('About a third of the staff left.')[0]).toMatchObject({ unit: 'percent', value: 33.3 });
    expect(extractQuantities('Half the flights were cancelled.')[0]).toMatchObject({ unit: 'percent', value: 50 });
  });

  it('compares a fraction with a percentage of the same thing', () => {
    const [words] = extractQuantities('Police recovered four-fifths of the stolen watches.');
    expect(quantitiesAgree(words!, extractQuantities('Police recovered 80 percent of the stolen watches.')[0]!)).toBe(
      true,
    );
    expect(quantitiesAgree(words!, extractQuantities('Police recovered 40 percent of the stolen watches.')[0]!)).toBe(
      false,
    );
  });

  it('leaves ordinals and spans of time alone', () => {
    expect(extractQuantities('A third man was held on Friday.')).toEqual([]);
    expect(extractQuantities('They waited half an hour.')).toEqual([]);
  });

  it('indexes the fraction word as the word of a share, not as itself', () => {
    const terms = contentTerms('Police recovered four-fifths of the stolen watches.');
    expect(terms).not.toContain('four-fifth');
    expect(terms).toEqual(expect.arrayContaining(contentTerms('80 percent')));
  });

  it('keeps a share a share before "of those" or "of the", as before a plain noun', () => {
    const [share] = extractQuantities('Fifty-eight percent of those who voted opposed the Hensby quarry.');
    expect(share).toMatchObject({ unit: 'percent', value: 58 });
    expect(share!.part).toBeUndefined();
    expect(extractQuantities('Two of those who voted stayed away.')[0]!.unit).toBeUndefined();
    const alignment = alignIn(
      '58 percent of Hensby voters opposed the quarry.',
      'Referendum result',
      'Voters in Hensby have turned down a quarry in a referendum. Fifty-eight percent of those who voted opposed the quarry, while 42 percent backed it.',
      2,
    );
    expect(alignment.stance).toBe('SUPPORTS');
  });

  it('lets a fraction confirm a percentage claim', () => {
    const alignment = alignIn(
      'Police have recovered 80 percent of the watches stolen from the Dunmere jeweller.',
      'Dunmere watch haul',
      'Police have recovered four-fifths of the watches stolen from the Dunmere jeweller, detectives said.',
      1,
    );
    expect(alignment.stance).toBe('SUPPORTS');
  });
});

describe('"a pair of" counts two', () => {
  it('reads "a pair of aftershocks" as two aftershocks, and not "the pair" of people', () => {
    const [pair] = extractQuantities('A pair of aftershocks followed the quake.');
    expect(pair).toMatchObject({ value: 2, unit: extractQuantities('Two aftershocks followed.')[0]!.unit });
    expect(extractQuantities('The pair were arrested on Friday.')).toEqual([]);
  });
});

describe('an article before minutes and hours counts one', () => {
  it('reads "a minute of silence" as one minute and "more than an hour" as a bound, both lengths of time in hours', () => {
    const [minute] = extractQuantities('Councillors held a minute of silence.');
    expect(minute).toMatchObject({ value: 1 / 60, unit: DURATION });
    expect(quantitiesAgree(minute!, extractQuantities('Councillors stood in silence for one minute.')[0]!)).toBe(true);
    expect(quantitiesAgree(minute!, extractQuantities('Councillors held a two-minute silence.')[0]!)).toBe(false);
    expect(extractQuantities('The hearing lasted more than an hour.')[0]).toMatchObject({ low: 1, unit: DURATION });
  });

  it('is not a rate nor a listing, nor other time words', () => {
    expect(extractQuantities('The ferry runs once an hour.')).toEqual([]);
    expect(extractQuantities('The talks take an hour or two.').map((q) => q.text)).toEqual(['two']);
    expect(extractQuantities('A day later the road reopened.')).toEqual([]);
  });
});

describe('a specific noun says its general kind', () => {
  it('reads WordNet hypernyms one way only', () => {
    expect(namesKindOf('helicopter', 'aircraft')).toBe(true);
    expect(namesKindOf('rifle', 'weapon')).toBe(true);
    expect(namesKindOf('aircraft', 'helicopter')).toBe(false);
    expect(namesKindOf('helicopter', 'helicopter')).toBe(false);
  });

  it('lets "a helicopter landed" say more of "an aircraft landed" than a lorry would', () => {
    const claim = 'An aircraft landed at the Ferrow airstrip.';
    const said = (vehicle: string) =>
      alignIn(claim, 'Aid arrives', `A ${vehicle} landed at the Ferrow airstrip on Friday.`, 1).score;
    expect(said('helicopter')).toBeGreaterThan(said('lorry'));
  });
});

describe('a noun derived from a verb says the verb', () => {
  it('gives a derived word its own credit', () => {
    expect(wordsAlike('closure', 'closed')).toBe(MEANING_CREDIT.derived);
    expect(wordsAlike('voters', 'voted')).toBe(MEANING_CREDIT.derived);
    expect(wordsAlike('bridge', 'bridal')).toBe(0);
  });

  it('lets "people ran the race" say "runners took part in it" with the same count', () => {
    const claim = 'More than 3,000 runners took part in the Corlby Half Marathon.';
    const sentence = (text: string) => alignIn(claim, 'Race day in Corlby', text, 1);
    expect(sentence('About 3,200 people ran the Corlby Half Marathon on Sunday.').stance).toBe('SUPPORTS');
    expect(sentence('About 3,200 people watched the Corlby Half Marathon on Sunday.').stance).toBe('MENTIONS');
  });
});

describe('"twice" counts an act', () => {
  it('reads "scored twice" and "stabbed twice" as two, not a multiplier or a rate', () => {
    expect(extractQuantities('Jory Penn scored twice before half-time.')).toEqual([
      expect.objectContaining({ value: 2, nouns: ['score'] }),
    ]);
    expect(extractQuantities('He was stabbed twice.')[0]).toMatchObject({ value: 2 });
    expect(extractQuantities('Rents are twice as high as in 2020.')).toEqual([]);
    expect(extractQuantities('The ferry sails twice a day.')).toEqual([]);
    expect(extractQuantities('The new hall is twice the size of the old hall.')).toEqual([]);
  });

  it('lets "scored twice" state two goals and contradict four', () => {
    const said = (claim: string) =>
      alignIn(claim, 'Cup final', 'Jory Penn scored twice as Amble Town won the Tarvin Cup final 3-1.', 1).stance;
    expect(said('Jory Penn scored two goals in the Tarvin Cup final.')).toBe('SUPPORTS');
    expect(said('Jory Penn scored four goals in the Tarvin Cup final.')).toBe('CONTRADICTS');
  });

  it('counts the goals of "scored four goals" in a sentence that tells the rest in its own words', () => {
    const body =
      'Amble Town beat Tarvin Rovers 3-1 on Saturday.\nStriker Jory Penn scored twice for Amble in the second half.';
    expect(alignIn('Jory Penn scored four goals against Tarvin Rovers.', 'Amble win', body, 2)).toMatchObject({
      stance: 'CONTRADICTS',
      reason: 'quantity conflict: four vs twice',
    });
    expect(alignIn('Jory Penn scored two goals against Tarvin Rovers.', 'Amble win', body, 2).stance).toBe('SUPPORTS');
  });
});

describe('a span since something is a length of time of its own kind', () => {
  it('reads "in forty years" and "in four decades" as one span, another span otherwise, and no duration', () => {
    const [years] = extractQuantities('Trams ran in Orrin for the first time in forty years.');
    const [decades] = extractQuantities('Trams are back in Orrin for the first time in four decades.');
    const [thirty] = extractQuantities('Trams ran in Orrin for the first time in thirty years.');
    expect(years).toMatchObject({ unit: SPAN, value: 40 * 8766 });
    expect(quantitiesAgree(years!, decades!)).toBe(true);
    expect(quantitiesAgree(years!, thirty!)).toBe(false);
    // How long a thing lasted stays a duration; a rate is neither.
    expect(extractQuantities('The strike lasted for forty days.')[0]).toMatchObject({ unit: DURATION });
    expect(extractQuantities('The ferry sails every two weeks.').some((q) => q.unit === SPAN)).toBe(false);
  });
});

describe('"left" after a count that something has is what remains', () => {
  it('drops "left" from "has two years left" and "with ten minutes left", and keeps the act of leaving', () => {
    const left = contentTerms('Ivo Brandt left Dunhollow Rovers.').find(
      (t) => !contentTerms('Ivo Brandt Dunhollow Rovers').includes(t),
    )!;
    expect(contentTerms('Brandt has two years left on his contract.')).not.toContain(left);
    expect(contentTerms('The visitors scored with ten minutes left.')).not.toContain(left);
    expect(meaningWords('There are 2 tickets left.')).not.toContain('left');
    expect(contentTerms('Two men left the building.')).toContain(left);
    expect(meaningWords('Brandt left the club after two years.')).toContain('left');
  });
});

describe('"again" says a "re-" verb', () => {
  it('gives "opened again" the term of "reopened", and nothing to a verb with no "re-" form', () => {
    expect(contentTerms('The library opened again on Monday.')).toEqual(
      expect.arrayContaining(contentTerms('The library reopened.')),
    );
    expect(contentTerms('She said again that she would stay.')).toEqual(contentTerms('She said that she would stay.'));
  });
});

describe('a hedge stays in its clause', () => {
  it('does not reach past a clause that ends in a colon, but a label before one hedges', () => {
    expect(isHedged('The claim is false: the photo was taken in Wales in 2019.')).toBe(false);
    expect(isHedged('The claim is false: the photo may have been taken in Wales.')).toBe(true);
    expect(isHedged('Rumour: Pollard Foods buys Brackwater Dairies')).toBe(true);
    expect(isHedged('Wildest Pollard rumour yet: 500 new shops by June.')).toBe(true);
  });
});

describe('the month May is no modal', () => {
  it('reads "May" after a day, before a day or after "in" as the month', () => {
    expect(isHedged('An inspection on 16 May found the Tollard Dam safe.')).toBe(false);
    expect(isHedged('The dam was inspected on the 3rd May.')).toBe(false);
    expect(isHedged('The dam was inspected on May 16.')).toBe(false);
    expect(isHedged('The dam may be unsafe, engineers said.')).toBe(true);
  });
});

describe('a story word a dismissal acts on is denied, not passed on', () => {
  it('does not hedge "rejecting claims that" or "dismissed rumours", and still hedges "claimed that"', () => {
    const denial = 'Ada Renn said she never owned Corvane shares, rejecting claims that she sold them in May.';
    expect(isHedged(denial)).toBe(false);
    expect(isHedged('The club dismissed rumours of a takeover.')).toBe(false);
    expect(isHedged('Posts claimed that Ada Renn sold Corvane shares.')).toBe(true);
    expect(alignIn('Ada Renn denied selling shares in Corvane.', 'Shares row', denial, 1).stance).toBe('SUPPORTS');
  });

  it('denies only the dismissed story: what the sentence goes on to say is asserted', () => {
    const terms = (text: string) => new Set(contentTerms(text));
    const sentence = 'Engineers dismissed rumours that the Holt Weir dam had failed, saying the dam is intact.';
    expect(negatesTerms(sentence, terms('The Holt Weir dam is intact.'))).toBe(false);
    expect(negatesTerms(sentence, terms('The Holt Weir dam failed.'))).toBe(true);
    expect(
      negatesTerms('Engineers dismissed rumours that the Holt Weir dam had failed.', terms('The dam failed.')),
    ).toBe(true);
    // What follows the story says nothing of the claim: the dismissal still denies it.
    expect(
      negatesTerms(
        'Pollard Foods dismissed reports of job cuts, saying it would hire 200 staff.',
        terms('Pollard Foods will cut jobs.'),
      ),
    ).toBe(true);
    const report = 'Dam rumours false';
    expect(alignIn('The Holt Weir dam is intact.', report, sentence, 1).stance).toBe('SUPPORTS');
    expect(alignIn('The Holt Weir dam failed.', report, sentence, 1).stance).toBe('CONTRADICTS');
  });
});

describe('headline gossip words do not hedge narration', () => {
  it('reads "spotted" in a body as seeing, and "reportedly" as a hedge still', () => {
    expect(isHedged('At 9.25 a.m. the crew spotted five boats near the reef.')).toBe(false);
    expect(isHedged('The crew reportedly spotted five boats near the reef.')).toBe(true);
  });

  it('still hedges a gossip headline, as a title or as the first line', () => {
    const body = 'Fans say the singer Lia Corran was seen on Pellow Island on Sunday.';
    const first = (input: { text: string; title?: string }) => analyzeReport(input).statements[0]!;
    expect(first({ title: 'Lia Corran spotted on Pellow Island', text: body }).slots.hedged).toBe(true);
    expect(first({ text: `Lia Corran spotted on Pellow Island, say fans\n\n${body}` }).slots.hedged).toBe(true);
    expect(first({ text: 'The crew spotted five boats near the reef on Sunday.' }).slots.hedged).toBe(false);
  });
});

describe('a proposal is no act yet', () => {
  it('reads "has proposed a new library" as a plan against "approved" and "built" claims about it', () => {
    const body = 'Holm council has proposed a new library beside Ferris Park.';
    for (const claim of [
      'Holm council approved a new library.',
      'Holm council built a new library beside Ferris Park.',
    ])
      expect(alignIn(claim, 'Library plan', body, 1)).toMatchObject({
        stance: 'MENTIONS',
        reason: 'a plan, not the act',
      });
    expect(alignIn('Holm council proposed a new library.', 'Library plan', body, 1).stance).toBe('SUPPORTS');
  });
});

describe("a report's headline passes on what it attributes", () => {
  it('does not hedge a claim about what its speaker found: "..., engineers say" states "Engineers found ..."', () => {
    const text =
      'Ketter Lane bridge needs new cables, engineers say\n\nThe council met on Monday to discuss its budget.';
    expect(alignIn('Engineers found the Ketter Lane bridge needs new cables.', '', text, 0).stance).toBe('SUPPORTS');
    expect(alignIn('The Ketter Lane bridge needs new cables.', '', text, 0).stance).toBe('MENTIONS');
  });

  it('hedges "..., say sources" in a headline above a body, and not the same words in the body', () => {
    const text = 'Ketter Lane library sold, say sources\n\nThe council met on Monday to discuss its budget.';
    expect(alignIn('The Ketter Lane library was sold.', '', text, 0).stance).toBe('MENTIONS');
    const body = 'The Ketter Lane library was sold to a developer, sources said on Monday.';
    expect(alignIn('The Ketter Lane library was sold.', 'Library news', body, 1).stance).toBe('SUPPORTS');
  });
});

describe('two denials of one harm agree', () => {
  it('supports "Nobody was hurt in the fire" with "No one was injured." in a report on that fire', () => {
    const body = 'A fire destroyed a timber yard in Wexley on Friday night.\nNo one was injured.';
    expect(alignIn('Nobody was hurt in the Wexley timber yard fire.', 'Timber yard fire', body, 2)).toMatchObject({
      stance: 'SUPPORTS',
      rule: 'HARM_DENIED_TOO',
    });
    // and still contradicts the claim of the harm
    expect(alignIn('Two people were hurt in the Wexley timber yard fire.', 'Timber yard fire', body, 2).stance).toBe(
      'CONTRADICTS',
    );
  });
});

describe('a verb with its particle says what WordNet files it under', () => {
  it('reads "turned down" as "rejected" and "called off" as "cancelled"', () => {
    const claim = 'Lowick voters rejected the Skelder Hill wind farm in a local referendum.';
    const body = 'Residents of Lowick have turned down a wind farm on Skelder Hill in a local referendum.';
    expect(alignIn(claim, 'Vote', body, 1).stance).toBe('SUPPORTS');
    expect(
      alignIn('The Dunmere concert was cancelled.', 'Concert', 'The Dunmere concert was called off on Friday.', 1)
        .stance,
    ).toBe('SUPPORTS');
  });
  it('keeps a particle that makes no verb of WordNet out ("walked down" is not a verb of its own)', () => {
    const words = new Set(meaningWords('Residents walked down the street and turned down the plan.'));
    expect(words.has('turn down')).toBe(true);
    expect(words.has('walk down')).toBe(false);
  });
});

describe('two-word nouns WordNet holds as one', () => {
  it('reads "grappling hooks" as one noun, alike "grapnels", and "police officers" alike "policemen"', () => {
    expect(meaningWords('The crew found grappling hooks.')).toContain('grappling hook');
    expect(wordsAlike('grappling hook', 'grapnels')).toBe(MEANING_CREDIT.synonym);
    expect(meaningWords('Two police officers were hurt.')).toContain('police officer');
    expect(wordsAlike('police officer', 'policemen')).toBe(MEANING_CREDIT.synonym);
    // Two words WordNet does not join stay two words.
    expect(meaningWords('Two bank workers were hurt.')).toEqual(['bank', 'workers', 'hurt']);
  });

  it('says the object of the act by a word for the two-word noun, either way round', () => {
    const claim = 'The Tarrow coastguard found grappling hooks on the seized skiffs.';
    const report = 'Coastguard finds pirate gear';
    const found = alignIn(claim, report, 'The Tarrow coastguard found grapnels on the seized skiffs.', 1);
    expect(found).toMatchObject({ stance: 'SUPPORTS' });
    const other = alignIn(claim, report, 'The Tarrow coastguard found ladders on the seized skiffs.', 1);
    expect(other).toMatchObject({ stance: 'MENTIONS', rule: 'OBJECT_MISSING' });
    const back = alignIn(
      'The Tarrow coastguard found grapnels on the seized skiffs.',
      report,
      'The Tarrow coastguard found grappling hooks on the seized skiffs.',
      1,
    );
    expect(back).toMatchObject({ stance: 'SUPPORTS' });
  });
});

describe('"he", "she" or "its" takes up the name the sentence before gives', () => {
  it('reads the pronoun as the claim subject named just before, not as anyone the claim does not name', () => {
    const claim = 'Mara Quist ran the Holloway Museum for eight years.';
    const body =
      'Mara Quist, director of the Holloway Museum, retired on Friday after a row over funding.\nShe had led the museum for eight years.';
    expect(alignIn(claim, 'Museum director retires', body, 2)).toMatchObject({ stance: 'SUPPORTS' });
    const other =
      'Ivo Lark, director of the Holloway Museum, retired on Friday after a row over funding.\nShe had led the museum for eight years.';
    expect(alignIn(claim, 'Museum director retires', other, 2).stance).toBe('MENTIONS');
  });

  it('reads "its" as the thing the sentence before names, and leaves a bare "it" alone', () => {
    const claim = 'The Larch Theatre reopened.';
    const body = (last: string) =>
      `Crowds gathered in the high street on Monday.\nThe mayor thanked the volunteers who ran the appeal.\nRepairs to the Larch Theatre cost 2 million pounds, the council said.\n${last}`;
    // The name counts whole, as if the sentence gave it, not the half a neighbour's name gets.
    expect(alignIn(claim, 'Curtain up again', body('Its doors opened again that evening.'), 4).score).toBe(1);
    expect(alignIn(claim, 'Curtain up again', body('It opened again that evening.'), 4).score).toBeLessThan(1);
  });
});
