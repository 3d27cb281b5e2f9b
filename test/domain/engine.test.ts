import { describe, expect, it } from 'vitest';
import { analyzeClaim, analyzeReport, isCopy, judgeClaim } from '../../lib/domain/index.js';
import { alignStatement } from '../../lib/domain/align.js';
import { cleanText } from '../../lib/domain/clean.js';
import { extractDates } from '../../lib/domain/slots/dates.js';
import { extractNames, namesMatch } from '../../lib/domain/slots/names.js';
import { extractQuantities, quantitiesAgree } from '../../lib/domain/slots/quantities.js';
import { splitSentences } from '../../lib/domain/sentences.js';
import { contentTerms } from '../../lib/domain/terms.js';
import type { Candidate } from '../../lib/domain/types.js';

// Article sentences: a second sentence keeps the report from being read as a bare headline.
const BODY = '\nThe rest of the article covers other matters in detail.';
const stanceOf = (claim: string, sentence: string, publishedAt?: string) =>
  alignStatement(
    analyzeClaim(claim),
    analyzeReport({ text: sentence + BODY, ...(publishedAt ? { publishedAt } : {}) }).statements[0]!,
    publishedAt,
  ).stance;
const headlineStance = (claim: string, headline: string) =>
  alignStatement(analyzeClaim(claim), analyzeReport({ text: headline }).statements[0]!).stance;

describe('quantities', () => {
  it('reads digits, words, scales and currencies as intervals', () => {
    const [q] = extractQuantities('The bridge cost more than $100 million to build.');
    expect(q).toMatchObject({ value: 100_000_000, unit: 'usd' });
    expect(q!.high).toBeGreaterThan(1e300);
    const [w] = extractQuantities('approximately one thousand volunteers joined');
    expect(w).toMatchObject({ value: 1000 });
    expect(w!.low).toBeLessThan(1000);
    expect(extractQuantities('sales of 1.2m units')[0]?.value).toBe(1_200_000);
  });

  it('reads the currency signs and codes news puts before a sum, and keeps other dollars apart from US ones', () => {
    const sum = (text: string) => extractQuantities(text).map((q) => [q.value, q.unit]);
    expect(sum('The cuts aim to save euro30 billion ($40 billion) by 2012.')).toEqual([
      [30_000_000_000, 'eur'],
      [40_000_000_000, 'usd'],
    ]);
    expect(sum('The plan saves EUR 30 billion.')).toEqual([[30_000_000_000, 'eur']]);
    expect(sum('The port cost Rs 500 crore.')).toEqual([[5_000_000_000, 'inr']]);
    expect(sum('The grant was 3 lakh rupees.')).toEqual([[300_000, 'inr']]);
    expect(sum('The stadium cost A$3 million.')).toEqual([[3_000_000, 'aud']]);
    expect(sum('Portland hosted Euro 2016 qualifiers.')).toEqual([]);
    expect(
      stanceOf(
        'Orvania aims to cut 30 billion euros from its deficit.',
        'Orvania aims to cut euro30 billion from its deficit, officials said.',
      ),
    ).toBe('SUPPORTS');
  });

  it('reads a sum before a possessive or "of the" as money, not as a part', () => {
    const [worth] = extractQuantities("Some 40 million dollars' worth of grain is stored at the port.");
    expect(worth).toMatchObject({ value: 40_000_000, unit: 'usd' });
    const [sum] = extractQuantities("About $40 million of the region's grain is stored at the port.");
    expect(sum).toMatchObject({ unit: 'usd', nouns: expect.arrayContaining(['region']) });
    expect(sum!.part).toBeUndefined();
    expect(extractQuantities('Two of the crews were held.')[0]!.part).toBe(true);
    expect(
      stanceOf(
        "Some 40 million dollars' worth of Tarrow's grain is stored at the port of Quell.",
        "About $40 million of Tarrow's grain is stored at the port of Quell.",
      ),
    ).toBe('SUPPORTS');
  });

  it('counts people when the head of a compound after the figure names them ("five bank workers")', () => {
    expect(extractQuantities('Five bank workers were rescued.')[0]).toMatchObject({ unit: 'bank', persons: true });
    expect(extractQuantities('Three bank branches were shut.')[0]!.persons).toBeUndefined();
    expect(
      stanceOf(
        'Firefighters rescued five people from the roof of the Corvin Bank in Tessaly.',
        'Firefighters rescued five bank workers from the roof of the Corvin Bank in Tessaly.',
      ),
    ).toBe('SUPPORTS');
  });

  it('counts the members of a group of people when no noun of its own follows ("a gang of three")', () => {
    expect(extractQuantities('A gang of three carried out the raid.')[0]).toMatchObject({ value: 3, persons: true });
    expect(extractQuantities('A crew of five was rescued.')[0]).toMatchObject({ value: 5, persons: true });
    // Its own noun counts: "a team of 12 engineers" counts engineers; a series of things is not a group of people.
    expect(extractQuantities('A team of 12 engineers inspected it.')[0]).toMatchObject({ unit: 'engin' });
    expect(extractQuantities('A series of three blasts shook the port.')[0]!.persons).toBeUndefined();
    expect(
      stanceOf(
        'A gang of three carried out the raid on the Velmar jewellery shop in Tessaly.',
        'Four men carried out the raid on the Velmar jewellery shop in Tessaly.',
      ),
    ).toBe('CONTRADICTS');
  });

  it('agrees within a qualifier and conflicts beyond it', () => {
    const [about] = extractQuantities('about 1,000 people');
    const [exact] = extractQuantities('1,000 people');
    const [double] = extractQuantities('3,000 people');
    expect(quantitiesAgree(about!, exact!)).toBe(true);
    expect(quantitiesAgree(about!, double!)).toBe(false);
  });

  it('reads times of day on their own clock and compares them on a 12-hour dial when the half is unsaid', () => {
    const [morning] = extractQuantities('The tremor struck at 6:42 in the morning.');
    expect(morning).toMatchObject({ unit: 'clock', value: 6 * 60 + 42 });
    const [afternoon, utc] = extractQuantities('The ferry left at 1415 (1115 GMT).');
    expect(afternoon).toMatchObject({ unit: 'clock', value: 14 * 60 + 15 });
    expect(utc).toMatchObject({ unit: 'clock-utc' });
    const [bare] = extractQuantities('It happened at 2:15.');
    const [pm] = extractQuantities('It happened at 2:15 p.m.');
    const [later] = extractQuantities('It happened at 2:45 p.m.');
    expect(quantitiesAgree(bare!, pm!)).toBe(true);
    expect(quantitiesAgree(pm!, later!)).toBe(false);
    expect(extractQuantities('a magnitude of 5.4').map((q) => q.unit)).not.toContain('clock');
  });

  it('reads a part of the day as a span of the clock: inside it agrees, outside it conflicts', () => {
    const [afternoon] = extractQuantities('The tremor struck in the afternoon.');
    expect(afternoon).toMatchObject({ unit: 'clock', low: 12 * 60, high: 18 * 60 });
    const [early] = extractQuantities('The tremor struck at 7:37 a.m. local time.');
    const [morning] = extractQuantities('The tremor struck on Tuesday morning.');
    const [small] = extractQuantities('It came in the early hours of Thursday.');
    const [twoAm] = extractQuantities('It came at 2:09 a.m.');
    expect(quantitiesAgree(afternoon!, early!)).toBe(false);
    expect(quantitiesAgree(morning!, early!)).toBe(true);
    expect(quantitiesAgree(small!, twoAm!)).toBe(true);
    expect(quantitiesAgree(morning!, twoAm!)).toBe(true);
    expect(quantitiesAgree(afternoon!, morning!)).toBe(false);
    // "6:42 in the morning" is one time, not a time and a part of the day.
    expect(extractQuantities('The tremor struck at 6:42 in the morning.')).toHaveLength(1);
    expect(stanceOf('The Eastmark quake struck in the afternoon.', 'The Eastmark quake struck at 7:37 a.m.')).toBe(
      'CONTRADICTS',
    );
  });

  it('reads British and American units as one measure', () => {
    const [uk] = extractQuantities('about 55 kilometres from the coast');
    const [us] = extractQuantities('55 kilometers from the coast');
    expect(uk!.unit).toBe(us!.unit);
    expect(quantitiesAgree(uk!, us!)).toBe(true);
  });

  it('adds up people counted in parts, as a reader does', () => {
    const c = 'Three people died in the Westmark mill fire.';
    expect(stanceOf(c, 'Two women and a man died in the Westmark mill fire.')).toBe('SUPPORTS');
    expect(stanceOf(c, 'Two women and two men died in the Westmark mill fire.')).toBe('CONTRADICTS');
    expect(stanceOf(c, 'Two workers and a guard died in the Westmark mill fire.')).toBe('SUPPORTS');
  });

  it('reads a part that counts the same act as the claim\'s figure ("two of them were seriously hurt")', () => {
    const c = 'Two people were seriously injured in the Westmark mill fire.';
    expect(stanceOf(c, 'Two of them were seriously hurt in the Westmark mill fire, police said.')).toBe('SUPPORTS');
    // Another act of the part is no count of the claim's; a part never conflicts with the whole.
    expect(stanceOf(c, 'Two of them were arrested after the Westmark mill fire, police said.')).not.toBe('SUPPORTS');
    expect(
      stanceOf('Five boats attacked the Westmark ferry.', 'Two of them got away from the Westmark ferry.'),
    ).not.toBe('CONTRADICTS');
  });

  it('compares two lower bounds by their figures: a lower toll does not say a higher one, a higher one says it', () => {
    const [least7] = extractQuantities('at least 7 people died');
    const [least30] = extractQuantities('at least 30 people died');
    const [over30] = extractQuantities('more than 30 people died');
    // The claim's figure first: "at least 7 died" does not say "at least 30 died"; "at least 30" says "at least 7".
    expect(quantitiesAgree(least30!, least7!)).toBe(false);
    expect(quantitiesAgree(least7!, least30!)).toBe(true);
    expect(quantitiesAgree(least30!, over30!)).toBe(true);
    const [under50] = extractQuantities('fewer than 50 people came');
    const [under20] = extractQuantities('fewer than 20 people came');
    expect(quantitiesAgree(under50!, under20!)).toBe(true);
    expect(quantitiesAgree(under20!, under50!)).toBe(false);
  });

  it('does not read a total as the addition a claim counts ("a further 5,000"), but may read an addition as a count', () => {
    const c = 'A further 5,000 trees have been planted on Hob Moor.';
    expect(stanceOf(c, 'Volunteers have planted 10,000 trees on Hob Moor over the winter.')).not.toBe('CONTRADICTS');
    expect(stanceOf(c, 'Volunteers have planted another 5,000 trees on Hob Moor this winter.')).toBe('SUPPORTS');
  });

  it('reads a count followed by "and ... more" as a part of the total, at least the count', () => {
    const [part] = extractQuantities('The storm killed 300 people on the coast and hundreds more inland.');
    expect(part).toMatchObject({ value: 300, low: 300 });
    expect(part!.high).toBeGreaterThan(1e9);
    const c = 'The 1998 Harrow Bay storm killed about 900 people.';
    expect(
      stanceOf(c, 'In 1998 the Harrow Bay storm killed 300 people on the coast and hundreds more inland.'),
    ).not.toBe('CONTRADICTS');
    // More who did something else leave the count as it is.
    const [died] = extractQuantities('Five people died and 20 more were hurt.');
    expect(died!.high).toBeLessThan(6);
    expect(stanceOf(c, 'In 1998 the Harrow Bay storm killed 300 people and 20 more were hurt.')).toBe('CONTRADICTS');
  });

  it('does not count the figure of a model name: "six AK-47 rifles" are six rifles', () => {
    const qs = extractQuantities('Six AK-47 rifles and an F-16 were found.');
    expect(qs.map((q) => q.value)).toEqual([6]);
    expect(qs[0]!.unit).toBe(extractQuantities('six rifles')[0]!.unit);
  });

  it("reads a person's age however news writes it, and compares ages exactly", () => {
    const ages = ['a 52-year-old clerk', 'the clerk, aged 52, said', 'Dorn, 52, of Eastvale', 'Dorn, 52.'].map(
      (t) => extractQuantities(t)[0],
    );
    for (const age of ages) expect(age).toMatchObject({ unit: 'age', value: 52 });
    const [older] = extractQuantities('a 53-year-old clerk');
    expect(quantitiesAgree(ages[0]!, older!)).toBe(false);
    expect(quantitiesAgree(extractQuantities('Dorn was 53.')[0]!, ages[0]!)).toBe(false);
    // A span of ages: "in their twenties", "between 30 and 40 years old".
    const [twenties] = extractQuantities('The clerks were in their twenties.');
    expect(twenties).toMatchObject({ unit: 'age', low: 20, high: 29 });
    expect(quantitiesAgree(twenties!, extractQuantities('two clerks, between 30 and 40 years old, died')[0]!)).toBe(
      false,
    );
    expect(quantitiesAgree(twenties!, ages[0]!)).toBe(false);
    expect(quantitiesAgree(twenties!, extractQuantities('a 24-year-old clerk')[0]!)).toBe(true);
    expect(quantitiesAgree(twenties!, extractQuantities('two clerks aged between 25 and 35 died')[0]!)).toBe(true);
    // Not an age: a count after a place, a figure over any lifetime.
    expect(extractQuantities('In Eastvale, 52 people marched.')[0]?.unit).not.toBe('age');
    expect(extractQuantities('Dorn, 5,000, said')[0]?.unit).not.toBe('age');
  });

  it('reads "AK 47" as a model however it is spaced, but a figure in an upper-case headline as a figure', () => {
    expect(extractQuantities('Six AK 47 rifles were found.').map((q) => q.value)).toEqual([6]);
    expect(extractQuantities('WOMAN GIVES BIRTH TO 40-POUND BABY').map((q) => q.value)).toEqual([40]);
    // "-pound" before a noun is a weight, not money.
    expect(extractQuantities('a 280-pound catfish')[0]!.unit).not.toBe(extractQuantities('£280')[0]!.unit);
  });

  it('does not read years or calendar days as quantities', () => {
    expect(extractQuantities('In 2021 the port opened on March 3.')).toEqual([]);
    // An older year is dated by its words: "in 1795", "Westmark's 1795 charter"; "1500 people" is a count.
    expect(extractQuantities("Westmark's 1795 charter was signed in 1795.")).toEqual([]);
    expect(extractQuantities('1500 people marched')[0]?.value).toBe(1500);
  });
});

describe('dates', () => {
  it('keeps granularity and resolves relative dates against the publish date', () => {
    expect(extractDates('The ferry sank in July 2023.')[0]).toMatchObject({
      granularity: 'month',
      year: 2023,
      month: 7,
    });
    expect(extractDates('The school was founded in 1998.')[0]).toMatchObject({ granularity: 'year', year: 1998 });
    const [monday] = extractDates('The mayor resigned on Monday.', '2024-05-09');
    expect(monday).toMatchObject({ granularity: 'day', month: 5 });
    expect(extractDates('The mayor resigned on Monday.')).toEqual([]);
    // A bare weekday in a report is the last such day, unless the sentence speaks of the future.
    expect(extractDates('The bridge closed on Monday.', '2024-05-10')[0]).toMatchObject({ month: 5, day: 6 });
    expect(extractDates('The bridge will reopen on Monday.', '2024-05-10')[0]).toMatchObject({ month: 5, day: 13 });
  });

  it('reads a weekday before a day of a month as that day, with no publish date (as a claim has none)', () => {
    expect(extractDates('The bridge closed on Friday, 8 March 2024.')[0]).toMatchObject({
      granularity: 'day',
      year: 2024,
      month: 3,
      day: 8,
    });
    expect(extractDates('The bridge closed on Friday 8 March.')[0]).toMatchObject({ month: 3, day: 8 });
    // A report's "on Thursday" is then the day before: a conflict the claim's date can show.
    const c = 'The Tarn council closed the Fenwick Bridge on Friday, 8 March 2024.';
    expect(stanceOf(c, 'The Tarn council closed the Fenwick Bridge on Thursday.', '2024-03-09')).toBe('CONTRADICTS');
    expect(stanceOf(c, 'The Tarn council closed the Fenwick Bridge on Friday.', '2024-03-09')).toBe('SUPPORTS');
  });
});

describe('names', () => {
  /** The name a sentence gives, mid-sentence (a lone word opening a sentence is not read as a name). */
  const name = (text: string) => extractNames(`Then ${text} spoke.`)[0]!;

  it('matches transliteration variants and drops titles', () => {
    const [a] = extractNames('General Abdou Tiani spoke.');
    const [b] = extractNames('Abdou Tchiani spoke.');
    expect(a!.key).not.toContain('general');
    expect(namesMatch(a!, b!)).toBe(true);
    const [c] = extractNames('Minister Yevkurov arrived.');
    const [d] = extractNames('Minister Evkourov arrived.');
    expect(namesMatch(c!, d!)).toBe(true);
  });

  it("matches a place with its people's adjective, not with a neighbour", () => {
    expect(namesMatch(name('Indonesia'), name('Indonesian'))).toBe(true);
    expect(namesMatch(name('Sudan'), name('Sudanese'))).toBe(true);
    expect(namesMatch(name('Niger'), name('Nigerian'))).toBe(false);
    expect(namesMatch(name('Austria'), name('Australian'))).toBe(false);
    expect(namesMatch(name('France'), name('French'))).toBe(true);
    expect(namesMatch(name('Greece'), name('Greek'))).toBe(true);
    expect(namesMatch(name('France'), name('Greek'))).toBe(false);
  });

  it('needs names that sound alike to be spelled alike too, and accepts a long name misspelled by a letter', () => {
    expect(namesMatch(name('China'), name('Tchiani'))).toBe(false);
    expect(namesMatch(name('Paris'), name('Price'))).toBe(false);
    expect(namesMatch(name('Abdourahamane Tiani'), name('Abdourahmane Tchiani'))).toBe(true);
    expect(namesMatch(name('Gaddafi'), name('Qaddafi'))).toBe(true);
  });

  it('splits an office out of a run of names: the place it belongs to and the person who holds it', () => {
    const keys = (text: string) => extractNames(text).map((n) => n.key);
    expect(keys('Then Westmark Police Chief Dana Holt spoke.')).toEqual(['westmark', 'dana holt']);
    expect(keys('Assistant Westmark County Prosecutor Rob Lane said so.')).toEqual(['westmark county', 'rob lane']);
    expect(keys('Then Norland Deputy Defence Minister Ivo Rask spoke.')).toEqual(['norland', 'ivo rask']);
    // A minister's field is part of the title, not a place of its own.
    expect(keys('Then Defence Minister Ivo Rask spoke.')).toEqual(['defence ivo rask']);
  });

  it('matches a capital standing for its country, and a name with a hyphened qualifier', () => {
    expect(namesMatch(name('Khartoum'), name('Sudan'))).toBe(true);
    expect(namesMatch(name('Washington'), name('United States'))).toBe(true);
    // Only the whole country: Khartoum is not South Sudan's capital.
    expect(namesMatch(name('Khartoum'), name('South Sudan'))).toBe(false);
    expect(namesMatch(name('Redwater-area'), name('Redwater'))).toBe(true);
    expect(namesMatch(name('Paris-based'), name('Paris'))).toBe(true);
  });

  it('matches acronyms that keep small words or an acronym word whole', () => {
    expect(namesMatch(name('ECOWAS'), name('Economic Community of West African States'))).toBe(true);
    expect(namesMatch(name('USGS'), name('US Geological Survey'))).toBe(true);
    expect(namesMatch(name('EU'), name('European Union'))).toBe(true);
    expect(namesMatch(name('ECOWAS'), name('European Union'))).toBe(false);
  });
});

describe('paraphrase', () => {
  it('reads a landslide "caused" as "triggered", "buried" as "engulfed", a farm as a plantation', () => {
    expect(
      stanceOf(
        'A landslide caused by the quake buried a man on a Westmark farm.',
        'The quake triggered a landslide that engulfed a man on a Westmark plantation.',
      ),
    ).toBe('SUPPORTS');
    expect(
      stanceOf(
        'The quake caused a landslide that buried the farm.',
        'The quake triggered a landslide that engulfed the plantation.',
      ),
    ).toBe('SUPPORTS');
  });

  it('reads "found" as the past of "find" ("discovered"), not as "set up"', () => {
    expect(
      stanceOf('Westmark police found a shotgun in the car.', 'Westmark police discovered a shotgun in the car.'),
    ).toBe('SUPPORTS');
    expect(contentTerms('found')).toEqual(contentTerms('discovered'));
    expect(contentTerms('found')).not.toEqual(contentTerms('established'));
  });

  it('counts the same things behind different adjectives, and keeps units of measurement apart', () => {
    const c = 'Norland scrapped two defence accords with Westmark.';
    expect(stanceOf(c, 'Norland on Monday cancelled two key military agreements with Westmark.')).toBe('SUPPORTS');
    expect(
      stanceOf('Fishers in Westmark caught a 280-pound catfish.', 'Fishers in Westmark caught a 20-stone catfish.'),
    ).not.toBe('CONTRADICTS');
  });

  it('contradicts a negated claim with the affirmed fact, "military rulers" being the junta', () => {
    expect(
      stanceOf(
        "Westmark's military rulers did not end the two EU missions.",
        "Westmark's junta ended two EU missions on Monday.",
      ),
    ).toBe('CONTRADICTS');
  });

  it('reads a country opening the sentence as the name the claim gives as an adjective', () => {
    expect(
      stanceOf(
        'Operation Lynx involved about 4,000 French troops in the Sahel.',
        'France has deployed about 4,000 troops in the Sahel and the Sahara as part of Operation Lynx.',
      ),
    ).toBe('SUPPORTS');
  });

  it('does not read one stage of a criminal case as another', () => {
    const c = 'Mara Voss was found guilty of first-degree murder.';
    expect(stanceOf(c, 'Police said Mara Voss is charged with first-degree murder in the death of a neighbour.')).toBe(
      'MENTIONS',
    );
    expect(stanceOf(c, 'A jury convicted Mara Voss of first-degree murder on Tuesday.')).toBe('SUPPORTS');
    // A claim of an arrest needs a sentence that says so: the same people and place are not enough.
    const arrest = 'Police arrested the protester who threw the firebomb into the Westmark bank.';
    expect(stanceOf(arrest, 'A protester threw a firebomb into the Westmark bank as police fought the crowd.')).toBe(
      'MENTIONS',
    );
    expect(stanceOf(arrest, 'Police detained the protester who threw a firebomb into the Westmark bank.')).toBe(
      'SUPPORTS',
    );
    // "Caught" in its everyday sense is not a legal stage.
    expect(
      stanceOf(
        'A Westmark man was caught stealing a bicycle and forced to return it.',
        'A Westmark man who stole a bicycle was forced to return it.',
      ),
    ).toBe('SUPPORTS');
  });

  it('does not need light verbs ("happened", "kept") to contradict', () => {
    expect(
      stanceOf(
        'The coup in Westmark happened in October 2024.',
        'The military coup in Westmark took place in July 2024.',
      ),
    ).toBe('CONTRADICTS');
    expect(
      stanceOf('Norland kept roughly 4,000 troops in Westmark.', 'Norland had 1,500 troops stationed in Westmark.'),
    ).toBe('CONTRADICTS');
  });

  it('reads "no reports of injuries" in a report about the event as denying injuries', () => {
    const text =
      'A 4.1 earthquake shook Westmark early on Sunday. There were no reports of damage or injuries, officials said.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    const stance = (claim: string) => alignStatement(analyzeClaim(claim), report.statements[1]!, '2024-06-03').stance;
    expect(stance('The Westmark earthquake caused serious injuries.')).toBe('CONTRADICTS');
    expect(stance('Several people were injured in the Westmark quake.')).toBe('CONTRADICTS');
    expect(stance('The Westmark earthquake measured 4.1.')).toBe('MENTIONS');
    // About another place, it denies nothing of the claim's.
    const other = analyzeReport({
      text: 'A 4.1 earthquake shook Westmark early on Sunday. In Eastvale there were no reports of injuries.',
      publishedAt: '2024-06-03',
    });
    expect(
      alignStatement(
        analyzeClaim('The Westmark earthquake caused serious injuries.'),
        other.statements[1]!,
        '2024-06-03',
      ).stance,
    ).not.toBe('CONTRADICTS');
  });

  it('reads common news paraphrases as one fact: vessels and ships, shepherding and escorting, rejecting and denying', () => {
    expect(
      stanceOf(
        'The Norland frigate Osprey was shepherding a convoy of five cargo ships.',
        'The Norland frigate Osprey was escorting the five merchant vessels through the corridor.',
      ),
    ).toBe('SUPPORTS');
    expect(
      stanceOf(
        "Westmark's army rejected accusations that it bombed the Eastvale camp.",
        "Westmark's armed forces denied carrying out the bombing of the Eastvale camp.",
      ),
    ).toBe('SUPPORTS');
    expect(
      stanceOf(
        'Firefighters were kept from reaching the Eastvale bank.',
        'Rioters prevented fire crews from reaching the Eastvale bank.',
      ),
    ).toBe('SUPPORTS');
  });

  it('reads the verbs of unrest and crime as reporters vary them', () => {
    expect(
      stanceOf(
        'Rioters stopped fire crews from getting through to the Eastvale bank.',
        'Demonstrators prevented firefighters from reaching the Eastvale bank.',
      ),
    ).toBe('SUPPORTS');
    expect(
      stanceOf(
        'Police confiscated three rifles from the Westmark gang.',
        'Police recovered three weapons from the Westmark gang.',
      ),
    ).toBe('SUPPORTS');
  });

  it('reads a two-word member under a negation as negated: "did not go off" is "did not explode"', () => {
    const c = 'The bomb that landed near the Eastvale school did not go off.';
    expect(stanceOf(c, 'A bomb landed near a school in Eastvale but did not explode.')).toBe('SUPPORTS');
    expect(stanceOf(c, 'A bomb landed near a school in Eastvale and exploded.')).toBe('CONTRADICTS');
  });

  it('reads "seized power" as a coup', () => {
    expect(
      stanceOf("Westmark's army seized power in July 2024.", 'The military coup in Westmark took place in July 2024.'),
    ).toBe('SUPPORTS');
  });
});

describe('boilerplate and sentences', () => {
  it('drops menus, teasers, share boxes and bylines but keeps the story', () => {
    const page = [
      'News, Sport, Weather, Culture, Opinion',
      'Tramway approved for Lakeside',
      'The Lakeside council approved the tramway on Tuesday after a long debate.',
      'Read more: Storm closes the coastal road for a week',
      'Share this article',
      'By Jane Example',
      'Construction is due to start next spring, officials said.',
    ].join('\n');
    const clean = cleanText(page);
    expect(clean).toContain('approved the tramway');
    expect(clean).not.toContain('Storm closes');
    expect(clean).not.toContain('Share this');
    expect(clean).not.toContain('Jane Example');
  });

  it('keeps a short line that gives a verdict on the one before ("That is false."), not other short lines', () => {
    const page = [
      'No bear in Orrin Park',
      'Posts said a bear had been seen in Orrin Park on Sunday.',
      'That is false.',
      'Read more.',
      'The animal in the photo is a large dog, the park office said.',
    ].join('\n');
    const clean = cleanText(page);
    expect(clean).toContain('That is false.');
    expect(clean).not.toContain('Read more');
    const claim = analyzeClaim('A bear was seen in Orrin Park.');
    const report = analyzeReport({ title: 'No bear in Orrin Park', text: page, publishedAt: '2025-05-10' });
    const verdict = report.statements.find((s) => s.text === 'That is false.')!;
    expect(alignStatement(claim, verdict, '2025-05-10')).toMatchObject({ stance: 'CONTRADICTS', rule: 'DEBUNKED' });
  });

  it('keeps the standfirst under the headline, not a publishing stamp or a later heading', () => {
    const page = [
      'Tramway approved for Lakeside',
      'The Lakeside council backed the tramway with no vote against it',
      'Posted: 10:52 GMT, April 10, 2024',
      'The council approved the tramway on Tuesday after a long debate.',
      'Residents of the eastern districts react to the decision today',
      'Construction is due to start next spring, officials said.',
    ].join('\n');
    const clean = cleanText(page);
    expect(clean).toContain('with no vote against it.');
    expect(clean).not.toContain('Posted');
    expect(clean).not.toContain('eastern districts');
    const stamped = cleanText(
      [
        'Tramway approved for Lakeside',
        'Published on: Fri, 12 Apr 2024 at 09:56 by the city desk',
        'The council approved the tramway on Tuesday.',
      ].join('\n'),
    );
    expect(stamped).not.toContain('Published');
  });

  it('keeps a bare headline and does not split on abbreviations', () => {
    expect(cleanText('Mayor of Lakeside resigns over tram costs')).toContain('resigns');
    expect(splitSentences('Gen. Mara Voss arrived on Jan. 5. She left later.')).toHaveLength(2);
    expect(splitSentences('The Survey in Golden, Colo., said it was 6.1. Others disagreed.')).toHaveLength(2);
    expect(splitSentences('Why did it fall? officials asked. Nobody knew.')).toHaveLength(3);
    expect(
      splitSentences(
        'At 4:30 a.m. local time (10:30 p.m. ET) the gang struck. The alarm rang at 4:31 a.m. Guards came.',
      ),
    ).toEqual([
      'At 4:30 a.m. local time (10:30 p.m. ET) the gang struck.',
      'The alarm rang at 4:31 a.m.',
      'Guards came.',
    ]);
  });
});

describe('stance', () => {
  it('ends a negation at its clause, and reads an opening "No," as a denial of what follows', () => {
    const c = 'A bomb hit the Westmark market.';
    expect(
      stanceOf(c, 'One bomb hit the Westmark school but did not explode, another bomb hit the Westmark market.'),
    ).toBe('SUPPORTS');
    expect(stanceOf(c, 'No bomb hit the Westmark market.')).toBe('CONTRADICTS');
    expect(
      headlineStance(
        'A bronze bear in Westmark faces a parking fine',
        'No, a bronze bear in Westmark is not about to be given a parking fine',
      ),
    ).toBe('CONTRADICTS');
  });

  const claim = 'The Lakeside council approved the tramway in March 2024.';
  it('supports a paraphrase, contradicts a different month or a negation, mentions a hedge', () => {
    expect(stanceOf(claim, 'In March 2024 the council of Lakeside passed the tramway plan.')).toBe('SUPPORTS');
    expect(stanceOf(claim, 'The Lakeside council approved the tramway in June 2024.')).toBe('CONTRADICTS');
    expect(stanceOf(claim, 'The Lakeside council did not approve the tramway in March 2024.')).toBe('CONTRADICTS');
    expect(stanceOf(claim, 'The Lakeside council reportedly approved the tramway in March 2024.')).toBe('MENTIONS');
    expect(stanceOf(claim, 'Lakeside opened a new library in March 2024.')).toBe('MENTIONS');
  });

  it('reads a bare headline loosely, but attribution and questions only mention', () => {
    const c = 'The Lakeside council approved the tramway in March 2024.';
    expect(headlineStance(c, 'Lakeside green-lights tramway')).toBe('SUPPORTS');
    expect(headlineStance(c, 'Lakeside tramway approved, mayor says')).toBe('MENTIONS');
    expect(headlineStance(c, 'Did Lakeside approve the tramway?')).toBe('MENTIONS');
    expect(headlineStance(c, 'Lakeside council denies approving the tramway')).toBe('CONTRADICTS');
  });

  it('needs the words that say what a figure counts before it contradicts', () => {
    const c = 'Nine people died in the flood in Westmark.';
    expect(stanceOf(c, 'The flood hit Westmark, a town of 40,000 people, on Sunday.')).toBe('MENTIONS');
    expect(stanceOf(c, 'Fourteen people died in the flood in Westmark.')).toBe('CONTRADICTS');
  });

  it('reads a figure after its verb as counting what the verb says ("kills 1", "killing one")', () => {
    expect(
      stanceOf(
        'Two people died in the Westmark depot shooting.',
        'A gunman at the Westmark depot shot three people, killing one, before fleeing.',
      ),
    ).toBe('CONTRADICTS');
    expect(
      stanceOf(
        'One person died in the Westmark depot shooting.',
        'A gunman at the Westmark depot shot three people, killing one, before fleeing.',
      ),
    ).toBe('SUPPORTS');
    // "injuring two" counts the injured, not the dead.
    expect(
      stanceOf(
        'Two people died in the Westmark depot shooting.',
        'A gunman at the Westmark depot shot two people dead, injuring two, before fleeing.',
      ),
    ).toBe('SUPPORTS');
  });

  it("lets the lead's place stand in a sentence that contradicts, when the sentence names nowhere else", () => {
    const text =
      'Shooting at Westmark depot.\nA gunman who had been fired last week walked into the depot on Monday and shot three people, killing one, before fleeing.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    expect(
      alignStatement(
        analyzeClaim('Two people died in the Westmark depot shooting.'),
        report.statements[1]!,
        '2024-06-03',
      ).stance,
    ).toBe('CONTRADICTS');
  });

  it("contradicts with a short sentence whose figure counts the very thing the claim counts, in the report's own event", () => {
    const text = 'A strong earthquake struck Westmark island on Sunday. The governor of Westmark said 50 were injured.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    expect(
      alignStatement(
        analyzeClaim('Around 80 people were injured in the Westmark earthquake.'),
        report.statements[1]!,
        '2024-06-03',
      ).stance,
    ).toBe('CONTRADICTS');
    // A figure of the next clause's words counts something else: the dead are not the demonstrators.
    const fire = analyzeReport({
      text: 'Thousands marched on Wednesday. In Westmark a man and two women died after demonstrators torched the bank.',
      publishedAt: '2024-06-03',
    });
    expect(
      alignStatement(analyzeClaim('About 20,000 people demonstrated in Westmark.'), fire.statements[1]!, '2024-06-03')
        .stance,
    ).toBe('MENTIONS');
  });

  it('reads "X was 52" against the age the report gives, in any of its forms', () => {
    const c = 'Ann Dorn, the clerk killed in the Eastvale depot shooting, was 52.';
    const text =
      'Shooting at Eastvale depot kills clerk.\nA gunman killed a clerk at the Eastvale depot on Monday.\nRob Vance was charged with murder in the depot shooting death of the clerk, Dorn, 52, of Northby.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    // Vance is another person, but the sentence gives no place of its own: the lead's place stands.
    expect(alignStatement(analyzeClaim(c), report.statements[2]!, '2024-06-03').stance).toBe('SUPPORTS');
    expect(alignStatement(analyzeClaim(c.replace('52', '61')), report.statements[2]!, '2024-06-03').stance).toBe(
      'MENTIONS',
    );
    expect(
      stanceOf(
        c,
        'Rob Vance was convicted of the shotgun slaying of 52-year-old Ann Dorn in the Eastvale depot shooting.',
      ),
    ).toBe('SUPPORTS');
  });

  it('reads "the Navy" as the lead\'s own forces, and a seized count after a model name as the count the claim gives', () => {
    const text =
      'Warship foils pirate attack off Westmark.\nThe frigate Kestrel intercepted three pirate boats off Westmark on Friday.\nThe Navy confiscated 14 AK-47 rifles and 900 rounds from the boats, an officer said.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    expect(
      alignStatement(
        analyzeClaim('Six AK-47 rifles were seized from the pirate boats the Kestrel intercepted.'),
        report.statements[2]!,
        '2024-06-03',
      ).stance,
    ).toBe('CONTRADICTS');
    expect(
      alignStatement(
        analyzeClaim('Fourteen AK-47 rifles were seized from the pirate boats the Kestrel intercepted.'),
        report.statements[2]!,
        '2024-06-03',
      ).stance,
    ).toBe('SUPPORTS');
  });

  it('takes a figure from the sentence that a referring-back sentence continues, to confirm only', () => {
    const text =
      'Shooting at Eastvale depot.\nA 52-year-old woman and two men were shot at the Eastvale depot, police said.\nThe woman, identified by police as Ann Dorn, was killed in the shooting, police said.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    const claim = (age: number) =>
      analyzeClaim(`Ann Dorn, the woman killed in the Eastvale depot shooting, was ${age}.`);
    expect(alignStatement(claim(52), report.statements[2]!, '2024-06-03').stance).toBe('SUPPORTS');
    // The previous sentence's figure never contradicts: the sentence itself does not say it.
    expect(alignStatement(claim(61), report.statements[2]!, '2024-06-03').stance).toBe('MENTIONS');
  });

  it('keeps a sentence placed in another city out of the lead\'s place ("in the northern city of X")', () => {
    const text =
      'Tens of thousands march in Westmark as strike shuts the country.\nTens of thousands marched in Westmark on Wednesday.\nIn the northern city of Eastvale, another 20,000 people marched through the centre.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    expect(
      alignStatement(
        analyzeClaim('About 20,000 people marched in Westmark during the strike.'),
        report.statements[2]!,
        '2024-06-03',
      ).stance,
    ).toBe('MENTIONS');
  });

  it("compares the claim's figure with the sentence's figure of the same thing, not another of the same unit", () => {
    const c = 'The Westmark earthquake originated some twelve miles underground.';
    expect(
      stanceOf(c, 'The Westmark quake occurred about 14 miles north of Eastvale and had a depth of 1.2 miles.'),
    ).toBe('CONTRADICTS');
    expect(
      stanceOf(c, 'The Westmark quake occurred about 14 miles north of Eastvale and had a depth of 12 miles.'),
    ).toBe('SUPPORTS');
  });

  it('reads a part ("two of the skiffs") apart from the whole ("five skiffs")', () => {
    expect(
      stanceOf(
        'Two of the five Norland skiffs got away near Westmark.',
        'Two of the skiffs got away near Westmark, and Norland sailors seized the remaining three skiffs.',
      ),
    ).not.toBe('CONTRADICTS');
    expect(
      stanceOf(
        'Three of the five Norland skiffs got away near Westmark.',
        'Two of the five Norland skiffs got away near Westmark.',
      ),
    ).toBe('CONTRADICTS');
  });

  it('reads a count of people as possibly the count of protesters, troops or workers another report gives', () => {
    const c = 'Around 20,000 protesters marched in Westmark on the day of the strike.';
    expect(stanceOf(c, 'On the day of the strike, a further 20,000 people joined the marches in Westmark.')).toBe(
      'SUPPORTS',
    );
    expect(stanceOf(c, 'On the day of the strike, a further 60,000 people joined the marches in Westmark.')).toBe(
      'CONTRADICTS',
    );
  });

  it('counts "a receptionist dead" as one person, to confirm a count of one but never to contradict a count', () => {
    const c = 'The gunman at the Westmark depot killed one person and wounded two.';
    expect(
      stanceOf(
        c,
        'A jury convicted the gunman in the Westmark depot shooting that left a clerk dead and two managers wounded.',
      ),
    ).toBe('SUPPORTS');
    expect(
      stanceOf(c, 'A jury convicted the gunman in the Westmark depot shooting that left two managers wounded.'),
    ).toBe('MENTIONS');
    // "A woman was killed" says nothing of the toll: no conflict with a claim of three dead.
    expect(
      stanceOf(
        'Three people were killed in the Westmark depot shooting.',
        'A woman was killed in the Westmark depot shooting, police said.',
      ),
    ).not.toBe('CONTRADICTS');
    // Nor is it a figure the claim itself needs a report to repeat.
    expect(
      stanceOf(
        'A clerk was killed in the Westmark depot shooting.',
        'Ann Dorn, a clerk, was killed in the Westmark depot shooting.',
      ),
    ).toBe('SUPPORTS');
  });

  it('confirms a claim\'s whole by the parts a sentence adds up to ("two of them fled but three were captured")', () => {
    const c = 'Two of the five Norland skiffs got away near Westmark.';
    expect(stanceOf(c, 'Near Westmark, two of them managed to get away but three Norland skiffs were captured.')).toBe(
      'SUPPORTS',
    );
    expect(
      stanceOf(c, 'Near Westmark, two of them managed to get away but six Norland skiffs were captured.'),
    ).not.toBe('SUPPORTS');
  });

  it('reads "one of them" as a part of whatever the sentence counted, and irregular plurals as their singular', () => {
    const c = 'One of the women who died in the Westmark mill fire was a nurse.';
    expect(
      stanceOf(c, 'Three people, one of them a woman who worked as a nurse, died in the Westmark mill fire.'),
    ).toBe('SUPPORTS');
    expect(stanceOf(c, 'Three people, two of them women who worked as nurses, died in the Westmark mill fire.')).toBe(
      'CONTRADICTS',
    );
    // The index finds "a woman", "two men" for a claim's "the women", "a man".
    expect(contentTerms('women men')).toEqual(contentTerms('woman man'));
  });

  it('reads two sums of money of one event as one measure, and a landmark named with a capital as no rival place', () => {
    const c = 'The Westmark jewellery thieves got away with goods worth 10 million euros.';
    const second = (sentence: string) =>
      alignStatement(
        analyzeClaim(c),
        analyzeReport({ text: `Raiders struck in Westmark on Monday. ${sentence}`, publishedAt: '2024-06-03' })
          .statements[1]!,
        '2024-06-03',
      ).stance;
    expect(
      second('Thieves rammed a jewellery store near Place Royale in central Westmark and escaped with €2 million.'),
    ).toBe('CONTRADICTS');
    expect(
      second('Thieves rammed a jewellery store near Place Royale in central Westmark and escaped with €10 million.'),
    ).toBe('SUPPORTS');
  });

  it('does not let a background figure from an earlier year contradict the events of the day', () => {
    const c = 'The Westmark flood killed nine people.';
    expect(stanceOf(c, 'In 2009 a flood in Westmark killed 120 people.', '2024-04-02')).toBe('MENTIONS');
    expect(stanceOf(c, 'The flood in Westmark killed 12 people.', '2024-04-02')).toBe('CONTRADICTS');
  });

  it('reads later sentences of a report in the scope of its headline names', () => {
    const text =
      'Heavy rain fell for three days across the valley.\nThe river burst its banks near the old mill. Nine people died in the flood, officials said on Monday.';
    const report = analyzeReport({ title: 'Flood hits Westmark', text, publishedAt: '2024-04-02' });
    const claim = analyzeClaim('Nine people died in the Westmark flood.');
    const stances = report.statements.map((s) => alignStatement(claim, s, '2024-04-02').stance);
    expect(stances).toContain('SUPPORTS');
    // A sentence that names another place instead is about that place.
    const other = analyzeReport({
      title: 'Flood hits Westmark',
      text: `${text}\nIn Northby, twelve people died in the flood.`,
    });
    const last = other.statements.at(-1)!;
    expect(alignStatement(analyzeClaim('Twelve people died in the Westmark flood.'), last).stance).toBe('MENTIONS');
    // A landmark that locates the event is not another place in the claim's role.
    const landmark = analyzeReport({
      title: 'Flood hits Westmark',
      text: `${text}\nThe water rose to 3 metres at the bridge 2 miles north of Northby.`,
    });
    expect(
      alignStatement(analyzeClaim('The Westmark flood water rose to 3 metres.'), landmark.statements.at(-1)!).stance,
    ).toBe('SUPPORTS');
    const near = analyzeReport({
      title: 'Flood hits Westmark',
      text: `${text}\nThe water rose to 3 metres at the bridge near the historic Northby Abbey.`,
    });
    expect(
      alignStatement(analyzeClaim('The Westmark flood water rose to 3 metres.'), near.statements.at(-1)!).stance,
    ).toBe('SUPPORTS');
  });

  it('reads a sentence that names the event again as the lead event, whatever places it reaches', () => {
    const text =
      'A strong earthquake shook Northby island on Sunday, officials said. The quake, which struck at 1:53 p.m., was felt as far away as Eastvale and Southmoor.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    const claim = analyzeClaim('The Northby earthquake struck at 1:53 in the afternoon.');
    expect(alignStatement(claim, report.statements[1]!, '2024-06-03').stance).toBe('SUPPORTS');
    // Another event in the same report, in another place, is still another place.
    const other = analyzeReport({
      text: `${text} A quake struck Eastvale at 1:10 p.m. in 2019.`,
      publishedAt: '2024-06-03',
    });
    expect(alignStatement(claim, other.statements[2]!, '2024-06-03').stance).toBe('MENTIONS');
  });

  it("reads a fact split over two sentences, with the first one's names and the currency of a symbol", () => {
    const text =
      'Gunmen raided a depot of the Norland Rail company in Westmark on Sunday. According to police, the gunmen escaped with about €60,000 from the depot, which serves the Eastline trains.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    const claim = analyzeClaim('Gunmen took about 60,000 euros from a Norland Rail depot in Westmark.');
    expect(alignStatement(claim, report.statements[1]!, '2024-06-03').stance).toBe('SUPPORTS');
    // Without the relative clause's exemption, "Eastline" would read as another place in the claim's role.
    const rival = analyzeReport({
      text: text.replace(', which serves the Eastline trains', ' in Eastline'),
      publishedAt: '2024-06-03',
    });
    expect(alignStatement(claim, rival.statements[1]!, '2024-06-03').stance).toBe('MENTIONS');
  });

  it("takes the event's place from its police or from a sentence that locates it, when the lead only gives the region", () => {
    const claim = analyzeClaim('The gunman at the Westmark depot killed one person and wounded two.');
    const lead =
      'A Norland man shot to death one person and injured two others on Monday at a suburban Eastvale depot, police said.';
    const byPolice = analyzeReport({
      text: `${lead} The suspect had worked there, Westmark police Lt. Dana Holt said.`,
      publishedAt: '2024-06-03',
    });
    expect(alignStatement(claim, byPolice.statements[0]!, '2024-06-03').stance).toBe('SUPPORTS');
    const unplaced = analyzeReport({
      text: `${lead} The suspect had worked there, Lt. Dana Holt said.`,
      publishedAt: '2024-06-03',
    });
    expect(alignStatement(claim, unplaced.statements[0]!, '2024-06-03').stance).toBe('MENTIONS');
    const quake = analyzeClaim('A magnitude 4.6 earthquake shook Redwater Springs early on Thursday.');
    const text =
      'A magnitude 4.6 earthquake shook Lake County early on Thursday. The temblor struck 20 miles north of Eastvale in the Redwater Springs area.';
    expect(
      alignStatement(quake, analyzeReport({ text, publishedAt: '2024-06-03' }).statements[0]!, '2024-06-03').stance,
    ).toBe('SUPPORTS');
    // "near" and the verb that only introduces the figure ("measured 4.6") are not the fact's words.
    const measured = analyzeClaim('The earthquake near Redwater Springs measured 4.6.');
    expect(
      alignStatement(measured, analyzeReport({ text, publishedAt: '2024-06-03' }).statements[0]!, '2024-06-03').stance,
    ).toBe('SUPPORTS');
    const elsewhere = analyzeReport({
      text: text.replace('The temblor struck', 'Another temblor hit in 2019'),
      publishedAt: '2024-06-03',
    });
    expect(alignStatement(quake, elsewhere.statements[0]!, '2024-06-03').stance).toBe('MENTIONS');
  });

  it("reads a sentence that refers back in the previous sentence's place, though it names other actors", () => {
    const text =
      'A Norland trade delegation met port officials in Westmark on Monday. The delegation, led by Mara Voss, was received by harbour master Ivo Rask.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    const claim = analyzeClaim('Mara Voss led the Norland delegation to Westmark.');
    expect(alignStatement(claim, report.statements[1]!, '2024-06-03').stance).toBe('SUPPORTS');
    // The headline's partner does not stand in for another partner the sentence names.
    const pact = analyzeReport({
      title: 'Norland signs trade pact with Eastmark',
      text: 'Officials spoke of a new era on Monday. It also ended two defence agreements with the European Union.',
    });
    expect(
      alignStatement(analyzeClaim('Norland ended two defence agreements with Eastmark.'), pact.statements.at(-1)!)
        .stance,
    ).toBe('MENTIONS');
    expect(
      alignStatement(analyzeClaim('Norland ended the two Eastmark defence agreements.'), pact.statements.at(-1)!)
        .stance,
    ).toBe('MENTIONS');
  });

  it('takes the place that qualifies the claim\'s site ("the Westmark jewellery store") from the lead, though the sentence names the store', () => {
    const text =
      'Raiders ram Westmark jewellery store.\nFour men rammed a car into a jewellery store in central Westmark on Monday.\nAt around 4:30 a.m. the thieves rammed an SUV into the front of the Lumen store, near Place Royale.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    expect(
      alignStatement(
        analyzeClaim('The Westmark jewellery store was rammed at around 4:30 in the morning.'),
        report.statements[2]!,
        '2024-06-03',
      ).stance,
    ).toBe('SUPPORTS');
    const quake = analyzeReport({
      title: 'Quake rattles Westmark',
      text: 'A moderate quake struck near Westmark early on Monday.\nA survey by the Geology Office showed people as far south as Eastvale felt shaking.',
      publishedAt: '2024-06-03',
    });
    expect(
      alignStatement(
        analyzeClaim('Shaking from the Westmark-area quake was felt as far south as Eastvale.'),
        quake.statements.at(-1)!,
        '2024-06-03',
      ).stance,
    ).toBe('SUPPORTS');
  });

  it('reads "The delegation, headed by X" as taking up the delegation of the sentence before', () => {
    const text =
      'A Norland trade delegation arrived in Westmark on Monday for talks on grain exports. The delegation, headed by Mara Voss, met the port authority.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    const claim = analyzeClaim('Mara Voss headed a Norland trade delegation that arrived in Westmark for grain talks.');
    expect(alignStatement(claim, report.statements[1]!, '2024-06-03').stance).toBe('SUPPORTS');
  });

  it('lets a sentence that renames the previous subject contradict with its names', () => {
    const text =
      'Heavy rain hit Northby island on Sunday. The island, home to about 9,000 people, lost power for a day.';
    const report = analyzeReport({ text, publishedAt: '2024-06-03' });
    const claim = analyzeClaim('Northby island is home to about 30,000 people.');
    expect(report.statements.map((st) => alignStatement(claim, st, '2024-06-03').stance)).toContain('CONTRADICTS');
    const first = analyzeReport({
      text: 'Norland opened two schools in Westmark. The first, in Eastvale, has 300 pupils.',
    });
    const pupils = analyzeClaim('The Westmark school has 500 pupils.');
    expect(first.statements.map((st) => alignStatement(pupils, st).stance)).not.toContain('CONTRADICTS');
  });

  it('does not carry a name into a sentence about another entity of the same kind', () => {
    const text =
      'Norland set up two funds for Westmark. The first, the Westmark River Relief Fund, opened in March 2024 for flooded homes. The second, the Westmark Harbour Repair Fund, opened in January 2024 for the docks.';
    const report = analyzeReport({ text, publishedAt: '2024-06-01' });
    const claim = analyzeClaim('The Westmark River Relief Fund opened in March 2024.');
    const stances = report.statements.map((st) => alignStatement(claim, st, '2024-06-01').stance);
    expect(stances).toContain('SUPPORTS');
    expect(stances).not.toContain('CONTRADICTS');
  });

  it('reads "with no X" as denying X, but not a "no-show" compound', () => {
    const c = 'A flood warning was issued after the Westmark storm.';
    expect(stanceOf(c, 'The storm hit Westmark on Sunday with no flood warning issued.')).toBe('CONTRADICTS');
    expect(
      headlineStance(
        'The Westmark cinema charged a fee for missing a film',
        'Westmark cinema charges no show fee for missing a film',
      ),
    ).toBe('SUPPORTS');
  });

  it('keeps negation to the main clause and double negation affirmative', () => {
    const c = 'The mayor of Westmark adopted a stray dog.';
    expect(headlineStance(c, 'Westmark mayor adopts stray dog so it will not be put down')).toBe('SUPPORTS');
    expect(headlineStance(c, 'Westmark mayor did not adopt a stray dog')).toBe('CONTRADICTS');
    expect(headlineStance(c, "Westmark mayor's stray dog adoption: it's not fake")).toBe('SUPPORTS');
    expect(headlineStance(c, 'Westmark mayor slams rumors that he adopted a stray dog')).toBe('CONTRADICTS');
    expect(headlineStance(c, 'Westmark mayor adopted a stray dog? Not so fast')).toBe('MENTIONS');
  });

  it('lets intention support a claim about the future, not about the past', () => {
    expect(headlineStance('Norland Rail will open a line to Westmark', 'Norland Rail plans line to Westmark')).toBe(
      'SUPPORTS',
    );
    expect(headlineStance('Norland Rail opened a line to Westmark', 'Norland Rail plans line to Westmark')).toBe(
      'MENTIONS',
    );
    expect(
      headlineStance('Norland Rail opened a line to Westmark', 'Norland Rail opens line to Westmark: report'),
    ).toBe('MENTIONS');
  });

  it('does not let a date that bounds a span contradict the date of the event', () => {
    const c = 'The Westmark camp was shelled on 10 May 2024.';
    expect(stanceOf(c, 'The Westmark camp, shelled on 10 May 2024, has sheltered refugees since June 2023.')).toBe(
      'SUPPORTS',
    );
    expect(
      stanceOf(c, 'The Westmark camp, which has sheltered refugees since June 2023, was shelled in the night.'),
    ).not.toBe('CONTRADICTS');
    expect(stanceOf(c, 'The Westmark camp was shelled on 12 May 2024.')).toBe('CONTRADICTS');
    const since = 'The Westmark shelling was the first attack on the camp since 2019.';
    expect(
      stanceOf(since, 'The Westmark camp was shelled on 10 May 2024, the first attack on the camp since 2019.'),
    ).toBe('SUPPORTS');
    expect(
      stanceOf(since, 'The Westmark camp was shelled on 10 May 2024, the first attack on the camp since 2021.'),
    ).toBe('CONTRADICTS');
    expect(stanceOf(since, 'The Westmark camp was shelled on 10 May 2024, in the first attack on the camp.')).not.toBe(
      'CONTRADICTS',
    );
  });

  it('reads a range as one interval', () => {
    const c = 'Fifteen people died in the Westmark flood.';
    expect(stanceOf(c, 'Between 10 and 20 people died in the Westmark flood.')).toBe('SUPPORTS');
    expect(stanceOf(c, 'Some 10-20 people died in the Westmark flood.')).toBe('SUPPORTS');
    expect(
      stanceOf('Thirty people died in the Westmark flood.', 'Between 10 and 20 people died in the Westmark flood.'),
    ).toBe('CONTRADICTS');
  });

  it('lets an open bound agree only with a figure near it or counting the same thing', () => {
    const c = 'About 20,000 people marched in Westmark during the strike.';
    expect(
      stanceOf(c, 'A fire in Westmark killed at least three people during the strike as crowds marched.'),
    ).not.toBe('SUPPORTS');
    expect(stanceOf(c, 'As many as 20,000 people marched in Westmark during the strike.')).toBe('SUPPORTS');
    expect(
      stanceOf('At least 12 people were killed in the Westmark fire.', 'The Westmark fire killed 15 people.'),
    ).toBe('SUPPORTS');
  });

  it('does not let a figure about another place contradict', () => {
    const c = 'Norland has about 2,000 soldiers stationed in Westmark.';
    expect(stanceOf(c, 'Norland has deployed 9,000 soldiers across the Eastern Plains region.')).toBe('MENTIONS');
    expect(stanceOf(c, 'Norland has 6,000 soldiers stationed in Westmark.')).toBe('CONTRADICTS');
  });
});

describe('copies and verdicts', () => {
  const story =
    'The Lakeside council approved the tramway in March 2024. Construction will start next spring and cost about 40 million euros. Residents welcomed the decision at a public meeting on the same evening.';
  const report = (id: string, source: string, text: string): Candidate[] => {
    const a = analyzeReport({ text });
    return a.statements.map((statement) => ({ report: { id, source, copyGroup: id }, statement }));
  };

  it('recognises an edited copy as a copy and a different story as not', () => {
    const a = analyzeReport({ text: story }).signature;
    const b = analyzeReport({ text: `Tramway news.\n${story}\nCopyright Partner Wire.` }).signature;
    const c = analyzeReport({
      text: 'The Lakeside football club signed a new goalkeeper from Norland on Friday for an undisclosed fee.',
    }).signature;
    expect(isCopy(a, b)).toBe(true);
    expect(isCopy(a, c)).toBe(false);
  });

  it('lets a verdict line outrank the sentence it calls false, so the report disputes the claim', () => {
    const claim = analyzeClaim('A bear was seen in Orrin Park.');
    const check = report(
      'r1',
      'factdesk',
      'No bear in Orrin Park\nPosts said a bear had been seen in Orrin Park on Sunday.\nThat is false.\nThe animal in the photo is a large dog, the park office said.',
    );
    const judged = judgeClaim(claim, check);
    expect(judged.verdict).toBe('DISPUTED');
    expect(judged.evidence[0]).toMatchObject({ stance: 'CONTRADICTS' });
  });

  it('applies the verdict rules with independence by publisher and copy group', () => {
    const claim = analyzeClaim('The Lakeside council approved the tramway in March 2024.');
    expect(judgeClaim(claim, []).verdict).toBe('UNVERIFIED');
    const one = report('r1', 'daily', story);
    expect(judgeClaim(claim, one).verdict).toBe('SINGLE_SOURCE');
    const samePublisher = report('r2', 'daily', `In March 2024 the Lakeside council passed the tramway plan.${BODY}`);
    expect(judgeClaim(claim, [...one, ...samePublisher]).verdict).toBe('SINGLE_SOURCE');
    const copy = report('r3', 'wire', story).map((c) => ({ ...c, report: { ...c.report, copyGroup: 'r1' } }));
    expect(judgeClaim(claim, [...one, ...copy]).independentSources).toBe(1);
    const other = report('r4', 'herald', `In March 2024 the Lakeside council passed the tramway plan.${BODY}`);
    const corroborated = judgeClaim(claim, [...one, ...other]);
    expect(corroborated.verdict).toBe('CORROBORATED');
    expect(corroborated.rule).toBe('TWO_OR_MORE_INDEPENDENT_SOURCES');
    const against = report('r5', 'post', `The Lakeside council approved the tramway in June 2024.${BODY}`);
    const disputed = judgeClaim(claim, [...one, ...other, ...against]);
    expect(disputed.verdict).toBe('DISPUTED');
    expect(disputed.evidence[0]).toMatchObject({
      stance: 'CONTRADICTS',
      conflicting: [expect.objectContaining({ kind: 'date' })],
    });
    expect(disputed.confidence).toBeGreaterThan(0);
    expect(disputed.confidence).toBeLessThanOrEqual(1);
  });
});
