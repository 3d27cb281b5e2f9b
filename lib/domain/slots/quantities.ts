// Quantities as intervals (an open bound is Number.MAX_VALUE, not Infinity: slots are
// stored as JSON, where Infinity would turn into null).
// A qualifier widens the exact value into the range a
// careful reader would accept: "about 1,000" is 900..1,100, "more than $100 million"
// is anything above, "up to 20" anything from 0 to 20.
import type { Quantity } from '../types.js';
import { DURATION_HOURS, MONTHS, PERSON_NOUNS, STOP_WORDS } from '../lexicon.js';
import { namesPeople, namesPersons } from '../events.js';
import { isLemma, lemmatize } from '../resources/wordnet.js';
import { canonicalTerm } from '../terms.js';
import { ORDINAL_WORDS, ordinalValue, parseDigits, parseNumberWords, SCALES } from './numbers.js';
import { extractTimes, timesAgree } from './times.js';

export const UNBOUNDED = Number.MAX_VALUE;

const WORD_NUMBERS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|pair';
const QUALIFIERS =
  'about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|more than|over|at least|up to|as many as|less than|fewer than|under|upwards of|in excess of|just over|just under|only|exactly|a total of';

const QUANTITY = new RegExp(
  String.raw`(?<qual>\b(?:${QUALIFIERS})\s+)?` +
    String.raw`(?<cur>(?:\b(?:US|AU|A|CA|C|NZ|HK|S))?\$|€|£|¥|₹|\beuro(?=\d)|\b(?:USD|EUR|GBP|Rs\.?|INR)\s?)?` +
    String.raw`(?<num>\d+(?:[.,]\d+)*|\b(?:(?:${WORD_NUMBERS}|a|an)[\s-]+(?:and[\s-]+)?)*(?:${WORD_NUMBERS})\b)` +
    String.raw`(?:\s*(?<scale>trillion|billion|million|thousand|crore|lakhs?|bn|mn|mln|m|k|tn)\b)?` +
    String.raw`(?<pct>\s*(?:%|per\s?cent\b))?`,
  'gi',
);

/**
 * Signs and codes before a sum, as news writes them: "$40bn", "US$5 million", "A$3 million" (not US dollars),
 * "euro30 billion" and "EUR 30 billion" (feeds that spell the sign out; "Euro 2016" is a tournament), "Rs 500 crore".
 */
const CURRENCY: Record<string, string> = {
  $: 'usd',
  us$: 'usd',
  usd: 'usd',
  a$: 'aud',
  au$: 'aud',
  c$: 'cad',
  ca$: 'cad',
  nz$: 'nzd',
  hk$: 'hkd',
  s$: 'sgd',
  '€': 'eur',
  eur: 'eur',
  euro: 'eur',
  '£': 'gbp',
  gbp: 'gbp',
  '¥': 'jpy',
  '₹': 'inr',
  rs: 'inr',
  'rs.': 'inr',
  inr: 'inr',
};
/** The unit codes of sums of money. */
const CURRENCY_UNITS = new Set(Object.values(CURRENCY));
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'usd',
  dollars: 'usd',
  euro: 'eur',
  euros: 'eur',
  pound: 'gbp',
  pounds: 'gbp',
  rupee: 'inr',
  rupees: 'inr',
};

function interval(value: number, qualifier: string | undefined): [number, number] {
  switch (qualifier?.toLowerCase().replace(/\s+/g, ' ').trim()) {
    case 'about':
    case 'around':
    case 'approximately':
    case 'roughly':
    case 'some':
    case 'an estimated':
    case 'estimated':
      return [value * 0.9, value * 1.1];
    case 'nearly':
    case 'almost':
    case 'close to':
    case 'just under':
      return [value * 0.85, value];
    case 'more than':
    case 'over':
    case 'upwards of':
    case 'in excess of':
    case 'just over':
      return [value, UNBOUNDED];
    case 'at least':
      return [value, UNBOUNDED];
    case 'up to':
    case 'as many as':
      return [0, value];
    case 'less than':
    case 'fewer than':
    case 'under':
      return [0, value];
    default: {
      // A bare figure is often rounded; a round one ("2,000", "1.5 million") is an approximation.
      const round = value >= 1_000 && value % 100 === 0;
      const tolerance = round ? 0.05 : 0.02;
      return [value * (1 - tolerance), value * (1 + tolerance)];
    }
  }
}

/** The noun a figure counts: the first content word after it ("1,500 French troops" -> troop). */
function unitAfter(rest: string): string | undefined {
  return unitWordAfter(rest)?.term;
}

/** The unit after a figure as a term, with the word it was read from ("runners" -> runner). */
function unitWordAfter(rest: string): { term: string; word: string; next?: string } | undefined {
  // Model names stay one word and are skipped like names: "six AK-47 rifles" counts rifles.
  const words =
    rest
      .match(/^[\s-]*((?:[\p{L}\p{N}'-]+\s*){1,4})/u)?.[1]
      ?.split(/\s+/)
      .filter(Boolean) ?? [];
  for (const [i, word] of words.slice(0, 3).entries()) {
    const lower = withoutPossessive(word);
    // "a 600-pound woman" weighs; "600 pounds" may be money.
    if (lower in CURRENCY_WORDS) {
      const term = /^-/.test(rest) && lower.startsWith('pound') ? canonicalTerm('pound') : CURRENCY_WORDS[lower]!;
      return { term, word: lower };
    }
    if (STOP_WORDS.has(lower) || lower === 'of' || lower === 'more' || lower === 'additional' || lower === 'new')
      continue;
    if (/^\p{Lu}/u.test(word) || /\p{N}/u.test(word)) continue; // nationality or name adjectives: "French troops"
    const next = words[i + 1];
    return { term: canonicalTerm(lower), word: lower, ...(next ? { next: withoutPossessive(next) } : {}) };
  }
  return undefined;
}

/** A group of people before "of": "a gang of three", "a crew of five". */
const GROUP_OF = /\b(?:a|an|the)\s+(\p{Ll}+)\s+of\s+$/iu;
const PEOPLE_UNIT = canonicalTerm('people');

/**
 * A figure after a group of people counts its members when no noun of its own follows: "a gang of three carried out
 * the raid" is three people, as "four men" are; "a team of 12 engineers" counts engineers.
 */
function countsMembers(before: string, unitWord: { word: string } | undefined): boolean {
  const group = GROUP_OF.exec(before.slice(-40))?.[1];
  if (group === undefined || !namesPeople(group) || namesPersons(group)) return false;
  return unitWord === undefined || !isLemma(lemmatize(unitWord.word, 'n'), 'n');
}

/** The unit of a person's age: "63-year-old", "aged 63", "Kafoury, 63, of Warren". */
export const AGE = 'age';

/** The unit of a length of time, valued in hours: "for ten days", "lasted 48 hours", "about 45 minutes". */
export const DURATION = 'duration';

/**
 * The unit of a span since or until something, valued in hours: "the first time in forty years", "in four
 * decades", "within 48 hours". Compared only with other spans: it is not how long a thing lasted.
 */
export const SPAN = 'span';

const DURATION_WORD = new RegExp(String.raw`^[\s-]+(${Object.keys(DURATION_HOURS).join('|')})s?\b`, 'i');
/** Words after a length of time that make it a point in time ("two days later", "ten minutes ago") or an age. */
const OFFSET_AFTER = /^[\s-]+(?:later|ago|earlier|before|after|afterwards|on|from now|old)\b|^-old\b/i;
/**
 * Words before it that make it the span since or until something, not how long a thing lasted: "the first strike
 * in 20 years", "within 48 hours", "every two weeks", "in the past 10 years", "the next three days" ("after 15 minutes"
 * is how long it took).
 */
const SPAN_BEFORE = /\b(?:in|within|every|per|since|the)(?:\s+(?:the|last|past|next|first|coming))*\s+$/i;

/**
 * How many hours a figure at [start, end) gives as a length of time ("went on strike for ten days": 240), and
 * whether it is a span since or until something ("the first time in forty years"); undefined when it is neither
 * (a point in time, an age, a rate).
 */
function durationHours(text: string, start: number, end: number): { hours: number; span: boolean } | undefined {
  const word = DURATION_WORD.exec(text.slice(end));
  if (!word) return undefined;
  const rest = text.slice(end + word[0].length);
  if (OFFSET_AFTER.test(rest) || /^\s+(?:a|an|per)\s+\p{L}/iu.test(rest)) return undefined;
  const span = SPAN_BEFORE.test(text.slice(Math.max(0, start - 30), start));
  // "every two weeks" is a rate, not a span.
  if (span && /\b(?:every|per)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) return undefined;
  return { hours: DURATION_HOURS[word[1]!.toLowerCase()]!, span };
}

/** A figure of a length of time in hours, given in a unit of `hours` hours; an open bound stays open. */
const inHours = (x: number, hours: number): number => (x === UNBOUNDED ? x : x * hours);

/** Words after or before a figure that make it an age: "63 years old", "63-year-old", "aged 63". */
const AGE_AFTER = /^[\s-]+years?[\s-]+old\b/i;
const AGE_BEFORE = /\b(?:aged|ages?|age of)\s+$/i;

/**
 * Whether the figure at [start, end) gives a person's age, as news writes it: "a 63-year-old
 * woman", "63 years old", "aged 63", or the figure set off by commas after a name ("Kafoury, 63, of Warren").
 */
function isAge(text: string, start: number, end: number, value: number): boolean {
  if (!Number.isInteger(value) || value < 1 || value > 120) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (AGE_AFTER.test(after) || AGE_BEFORE.test(before)) return true;
  return /\p{Lu}[\p{L}'’.-]*,\s*$/u.test(before) && /^\s*(?:,|;|\)|\.(?!\d)|\s+and\b|$)/.test(after);
}

/**
 * The content words among the four words after a figure ("people were killed" -> peopl, kill; "patients came to harm"
 * -> patient, came, harm), as terms; names left out.
 */
function wordsAfter(rest: string): string[] {
  // The words of the figure's own clause: "two women died after demonstrators set..." counts the dead, not demonstrators.
  // A model name is skipped like a name: "six AK-47 rifles were seized" counts seized rifles.
  const words = (
    rest.replace(/^[\s-]*\p{Lu}[\p{L}]*-?\d[\p{L}\p{N}-]*/u, '').match(/^[\s-]*((?:[\p{L}\p{N}'-]+\s*){1,5})/u)?.[1] ??
    ''
  )
    .split(/\s+(?=(?:after|before|when|while|as|because|since|until|but|though|although)\b)/i)[0]!
    .split(/\s+/)
    .filter(Boolean);
  // Nor the next figure's words: in "two aftershocks stronger than magnitude 5" magnitude is the 5's measure.
  const next = words.findIndex((w, i) => isFigure(w) || (i + 1 < words.length && isFigure(words[i + 1]!)));
  return (
    words
      .slice(0, Math.min(4, next === -1 ? words.length : next))
      // Names say where or whose ("troops in Niger"), not what the figure counts.
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w.toLowerCase()) && !/\p{N}/u.test(w) && !/^\p{Lu}/u.test(w))
      .map((w) => canonicalTerm(withoutPossessive(w)))
  );
}

/** A word in lower case without its possessive ending: "dollars' worth" counts dollars, "the country's trade" a country. */
const withoutPossessive = (word: string): string => word.toLowerCase().replace(/['’]s?$/u, '');

/** A word that is a figure: digits, or a number word other than the article ("five", not "a"). */
const isFigure = (word: string): boolean =>
  /^\d/.test(word) || (!/^(?:a|an)$/i.test(word) && parseNumberWords([word.replace(/[^\p{L}-]/gu, '')]) !== undefined);

/** Capitals before a figure that name a model ("AK 47"), not a word of an upper-case headline ("GIVES BIRTH TO 40"). */
function isModelPrefix(before: string): boolean {
  const letters = /(?:^|[^\p{L}])(\p{Lu}{2,3}) $/u.exec(before)?.[1];
  return letters !== undefined && !STOP_WORDS.has(letters.toLowerCase());
}

function isDatePart(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
  const after = text.slice(end, end + 12).toLowerCase();
  const monthBefore = Object.keys(MONTHS).some((m) => new RegExp(`\\b${m}\\.?\\s*$`).test(before));
  const monthAfter = Object.keys(MONTHS).some((m) => new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${m}\\b`).test(after));
  if (monthBefore || monthAfter) return true;
  if (/^(?:st|nd|rd|th)\b/.test(after)) return true;
  return false;
}

const FIGURE_TEXT = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?`;
/** "between 10 and 20 people", "10 to 20", "10-20", "1-2 million": one interval, not two figures. */
const BETWEEN_AND = String.raw`between\s+(?<a1>${FIGURE_TEXT})\s+and\s+(?<b1>${FIGURE_TEXT})`;
const DASH_OR_TO = String.raw`(?<a2>${FIGURE_TEXT})\s*(?:-|–|to)\s*(?<b2>${FIGURE_TEXT})`;
const RANGE_SCALE = String.raw`(?:\s*(?<scale>trillion|billion|million|thousand|bn|m|k)\b)?`;
const RANGE = new RegExp(
  String.raw`(?<![\p{L}\d.,-])(?:${BETWEEN_AND}|${DASH_OR_TO})${RANGE_SCALE}(?![\d.,]*\d)`,
  'giu',
);

/** Ranges of figures, with the spans they cover (their figures are not read again one by one). */
function extractRanges(text: string): { ranges: Quantity[]; spans: Array<[number, number]> } {
  const ranges: Quantity[] = [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(RANGE)) {
    const g = m.groups ?? {};
    const scale = SCALES[g.scale?.toLowerCase() ?? ''] ?? 1;
    const low = (parseDigits(g.a1 ?? g.a2 ?? '') ?? NaN) * scale;
    const high = (parseDigits(g.b1 ?? g.b2 ?? '') ?? NaN) * scale;
    // Not a range: a span of years ("2012-2013"), a score or a count going down ("3-1").
    if (!(low < high) || [g.a1 ?? g.a2, g.b1 ?? g.b2].every((n) => /^(1[89]|20)\d\d$/.test(n ?? ''))) continue;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // "between 30 and 40 years old", "aged 30-40": a span of ages.
    const age = AGE_AFTER.test(text.slice(end)) || AGE_BEFORE.test(text.slice(Math.max(0, start - 12), start));
    const unit = age ? AGE : unitAfter(text.slice(end));
    ranges.push({
      kind: 'quantity',
      text: m[0].trim(),
      value: (low + high) / 2,
      low,
      high,
      ...(unit ? { unit } : {}),
      nouns: wordsAfter(text.slice(end)),
    });
    spans.push([start, end]);
  }
  return { ranges, spans };
}

const DECADES: Record<string, number> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};
/** "in their twenties", "in his early 60s", "in her late forties": a span of ages. */
const AGE_DECADE =
  /\bin\s+(?:his|her|their)\s+(?:(early|mid|late)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s)\b/gi;

function ageDecades(text: string): { ages: Quantity[]; spans: Array<[number, number]> } {
  const ages: Quantity[] = [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(AGE_DECADE)) {
    const decade = DECADES[m[2]!.toLowerCase()] ?? Number(m[2]!.slice(0, 2));
    const part = m[1]?.toLowerCase();
    const [low, high] =
      part === 'early'
        ? [decade, decade + 3]
        : part === 'mid'
          ? [decade + 3, decade + 6]
          : part === 'late'
            ? [decade + 6, decade + 9]
            : [decade, decade + 9];
    ages.push({ kind: 'quantity', text: m[0], value: (low + high) / 2, low, high, unit: AGE, nouns: [] });
    spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return { ages, spans };
}

const DENOMINATORS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  eighth: 8,
  eighths: 8,
  tenth: 10,
  tenths: 10,
};
const NUMERATORS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, nine: 9 };
/**
 * A fraction in words is a share, as a percentage: "four-fifths of the haul" is 80 percent of it, "two-thirds
 * of voters" 66.7 percent. A singular fraction must be followed by "of" ("a third of the staff"), or it is an
 * ordinal ("a third man was held"); "half" counts before "of" or "the" ("half the flights", not "half an hour").
 */
const FRACTION =
  /\b(?:(a|one)[\s-]+(half|third|quarter|fifth|sixth|eighth|tenth)(?=\s+of\b)|(two|three|four|five|seven|nine)[\s-]+(thirds|quarters|fifths|sixths|eighths|tenths)\b|half(?=\s+(?:of|the)\b))/giu;

function fractions(text: string): { shares: Quantity[]; spans: Array<[number, number]> } {
  const shares: Quantity[] = [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(FRACTION)) {
    const numerator = m[1] || m[3] ? NUMERATORS[(m[1] ?? m[3])!.toLowerCase()]! : 1;
    const denominator = m[2] || m[4] ? DENOMINATORS[(m[2] ?? m[4])!.toLowerCase()]! : 2;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = text
      .slice(Math.max(0, start - 20), start)
      .match(/(about|around|roughly|nearly|almost|more than|less than|some)\s+$/i)?.[1];
    const value = Math.round((numerator / denominator) * 1000) / 10;
    const [low, high] = interval(value, before);
    shares.push({
      kind: 'quantity',
      text: m[0],
      value,
      low,
      high,
      unit: 'percent',
      nouns: wordsAfter(text.slice(end)),
    });
    spans.push([start, end]);
  }
  return { shares, spans };
}

/**
 * One span of time the article alone gives: "a minute of silence", "more than an hour". Not a rate ("once an
 * hour", "per minute"), a part of one ("half an hour") nor a listing ("an hour or two"). A length of time, in hours.
 */
const ARTICLE_SPAN = new RegExp(
  String.raw`(?<!\b(?:once|twice|times|per|a|half|quarter of)\s+)(?<qual>\b(?:${QUALIFIERS})\s+)?\b(?:a|an)\s+(?=(?:minute|hour)\b(?!\s+(?:or|and|to)\b))`,
  'giu',
);

function articleSpans(text: string): Quantity[] {
  return [...text.matchAll(ARTICLE_SPAN)].map((m) => {
    const end = (m.index ?? 0) + m[0].length;
    const [low, high] = interval(1, m.groups?.qual);
    const word = text.slice(end).match(/^\p{L}+/u)?.[0] ?? '';
    const hours = DURATION_HOURS[word.toLowerCase()] ?? 1;
    return {
      kind: 'quantity',
      text: `${m[0]}${word}`.trim(),
      value: hours,
      low: inHours(low, hours),
      high: inHours(high, hours),
      unit: DURATION,
      nouns: wordsAfter(text.slice(end)),
    };
  });
}

/** The unit of a rank: a rank compares only with a rank of the same thing ("the 8th district", "the first district"). */
export const RANK = 'rank';
/** A rank of a thing ("the 8th district"), whose unit is the thing ranked. */
export const isRank = (q: Quantity): boolean => q.unit?.startsWith(`${RANK}:`) ?? false;
const ORDINAL = String.raw`(?:\d{1,3}(?:st|nd|rd|th)|${Object.keys(ORDINAL_WORDS).join('|')})`;
/**
 * A rank of a thing, after a definite determiner so that "first reported" and "a second bomb" (another one) are
 * not ranks: "the city's 8th district", "on the third floor", "for the first time". Not a date ("the 8th of May"),
 * a count ("the first two days") nor a compound ("a third-party app").
 */
const RANK_OF_THING = new RegExp(
  String.raw`\b(?:the|its|his|her|their|our|this|that|\p{L}+['’]s|\p{L}+s['’])\s+(?:(?<adj>\p{Ll}+)\s+)?(?<ord>${ORDINAL})\s+(?<noun>\p{Ll}[\p{L}]+)\b(?!-)`,
  'giu',
);
/** A place in a race or a ranking: "finished second", "came 3rd", "ranked fifth", "in fourth place". */
const RANK_IN_RACE = new RegExp(
  String.raw`\b(?:(?:finish(?:ed|es|ing)?|came|comes|placed|ranked|ended)\s+(?:in\s+)?(?<ord>${ORDINAL})|in\s+(?<place>${ORDINAL})\s+place)\b(?!-)`,
  'giu',
);

/** Ranks read as exact figures whose unit is the thing ranked: "third floor" conflicts with "eighth floor". */
function ranks(text: string): Quantity[] {
  const rank = (said: string, ordinal: string | undefined, thing: string): Quantity[] => {
    const value = ordinalValue(ordinal ?? '');
    if (value === undefined) return [];
    return [{ kind: 'quantity', text: said, value, low: value, high: value, unit: `${RANK}:${thing}`, nouns: [] }];
  };
  const things = [...text.matchAll(RANK_OF_THING)].flatMap((m) => {
    const noun = m.groups?.noun ?? '';
    const folded = noun.toLowerCase();
    // "the 8th of May", "the first two days", "the second of three": not the rank of a thing named after it.
    if (folded in MONTHS || STOP_WORDS.has(folded) || parseNumberWords([folded]) !== undefined) return [];
    return rank(`${m.groups?.ord} ${noun}`, m.groups?.ord, canonicalTerm(noun));
  });
  const places = [...text.matchAll(RANK_IN_RACE)].flatMap((m) =>
    rank(m[0].trim(), m.groups?.ord ?? m.groups?.place, 'place'),
  );
  return [...things, ...places];
}

/**
 * "twice" and "thrice" count an act: "scored twice" is two goals scored, "was stabbed twice" two wounds. Not a
 * multiplier ("twice as many", "twice as long as", "twice the size") nor a rate ("twice a week", "twice daily").
 */
const REPEATED =
  /\b(twice|thrice)\b(?!\s+(?:as\s+(?:many|much|[\p{L}-]+\s+as)|the|that|a|an|its|their|his|her|what|per|daily|weekly|monthly|yearly|annually|over)\b)/giu;

function repetitions(text: string): Quantity[] {
  return [...text.matchAll(REPEATED)].map((m) => {
    const value = m[1]!.toLowerCase() === 'twice' ? 2 : 3;
    const start = m.index ?? 0;
    const before = /([\p{L}-]+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
    const verb = before && !STOP_WORDS.has(before) ? [canonicalTerm(before)] : [];
    return { kind: 'quantity', text: m[0], value, low: value, high: value, nouns: verb };
  });
}

/**
 * An estimate's frame: "Police put the size of the march at about 50,000", "officials estimated the damage at
 * 2 million euros". The words of what is estimated (up to a comma, names left out) say what the figure counts.
 */
const ESTIMATE_FRAME =
  /\b(?:put|puts|putting|estimated?|estimates|estimating|placed?|places|placing|pegged|pegs|numbered)\s+([^.;:]{1,80}?)\s+at\s+$/iu;
function estimatedThing(before: string): string[] {
  const thing = ESTIMATE_FRAME.exec(before)?.[1]?.split(',')[0];
  if (!thing) return [];
  // Lower case, a month's name is a word ("the march"), not a date.
  return (thing.match(/[\p{L}][\p{L}'’-]*/gu) ?? [])
    .filter((w) => w === w.toLowerCase() && (!STOP_WORDS.has(w) || w in MONTHS) && w !== 'of')
    .map((w) => canonicalTerm(withoutPossessive(w)));
}

/** Words before a figure that make it an addition: "a further 5,000", "another 200", "an additional 40". */
const INCREMENT_BEFORE = /\b(?:a\s+further|another|an\s+additional|an\s+extra|additional|further)\s+$/i;

/**
 * Words after a count that add more of the same to it: "killed 170,000 people in the province and tens of
 * thousands more in countries around the ocean", "arrested 40 in the capital and dozens more elsewhere". The count
 * is a part of the total, which is at least it; not when the more do something else ("and 20 more were hurt").
 */
const MORE_AFTER = new RegExp(
  String.raw`^(?:\s+[\p{L}'’-]+){0,7},?\s+and\s+(?:(?:many|several|dozens|scores|hundreds|thousands|millions|tens|(?:${WORD_NUMBERS}|\d[\d,.]*)(?:\s+(?:hundred|thousand|million))?)(?:\s+of\s+(?:hundreds|thousands|millions))?\s+)?more\b(?!\s+(?:were|was|are|is|have|has|had|been|than)\b)`,
  'iu',
);

export function extractQuantities(text: string): Quantity[] {
  const { times, spans: timeSpans } = extractTimes(text);
  const { ranges, spans: rangeSpans } = extractRanges(text);
  const { ages, spans: ageSpans } = ageDecades(text);
  const { shares, spans: shareSpans } = fractions(text);
  const spans = [...timeSpans, ...rangeSpans, ...ageSpans, ...shareSpans];
  const out: Quantity[] = [...times, ...ranges, ...ages, ...shares, ...repetitions(text)];
  const counts: Located[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const groups = match.groups ?? {};
    const numText = groups.num ?? '';
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const isDigits = /^\d/.test(numText);
    // "a two million-euro heist": the article is not a number ("a million" keeps it: one million).
    const words = numText.split(/[\s-]+/);
    if (
      !isDigits &&
      words.length > 1 &&
      /^(?:a|an)$/i.test(words[0]!) &&
      !/^(?:hundred|thousand|million|billion|dozen)$/i.test(words[1]!)
    )
      words.shift();
    let value = isDigits ? parseDigits(numText) : parseNumberWords(words);
    if (value === undefined) continue;
    // "a"/"an" alone is an article, not a number; "pair" counts two only as "a pair of" ("the pair were held" is people).
    if (!isDigits && /^(?:a|an)$/i.test(numText.trim())) continue;
    if (!isDigits && /pair$/i.test(numText) && !/^\s+of\b/i.test(text.slice(end))) continue;
    const scale = groups.scale?.toLowerCase();
    const currency = groups.cur ? CURRENCY[groups.cur.trim().toLowerCase()] : undefined;
    // "m"/"k" only count as scales next to digits with a currency or right after the digits.
    if (scale && (scale === 'm' || scale === 'k' || scale === 'b') && !isDigits) continue;
    if (scale) value *= SCALES[scale] ?? 1;
    // A year: 1800-2099, or an older one the words before date ("in 1795", "Paul Revere's 1795 time capsule").
    const isYear =
      isDigits &&
      !scale &&
      !currency &&
      !groups.pct &&
      (/^(1[89]|20)\d\d$/.test(numText) ||
        (/^1[0-7]\d\d$/.test(numText) &&
          /(?:\b(?:in|from|since|until|till|circa)|['’]s)\s+$/i.test(text.slice(Math.max(0, start - 8), start))));
    if (isYear) continue;
    if (isDigits && !scale && !currency && isDatePart(text, start + match[0].indexOf(numText), end)) continue;
    const numStart = start + match[0].indexOf(numText);
    if (isDigits && spans.some(([a, b]) => numStart >= a && numStart < b)) continue; // times of day, ranges and decades of age, read above
    if (shareSpans.some(([a, b]) => numStart >= a && numStart < b)) continue; // "four-fifths", read above
    // A figure joined to letters is a model or a code, not a count: "AK-47", "F-16", "MH17", "G7", "AK 47".
    if (
      isDigits &&
      !currency &&
      (/[\p{L}][-‐]?$/u.test(text.slice(Math.max(0, numStart - 2), numStart)) ||
        isModelPrefix(text.slice(Math.max(0, numStart - 5), numStart)))
    )
      continue;
    const age = !groups.pct && !currency && !scale && isAge(text, numStart, end, value);
    const length = groups.pct || age || currency ? undefined : durationHours(text, start, end);
    const hours = length?.hours;
    const unitWord = groups.pct || age || currency || hours ? undefined : unitWordAfter(text.slice(end));
    const members = !groups.pct && !age && !currency && !hours && countsMembers(text.slice(0, start), unitWord);
    const unit = groups.pct
      ? 'percent'
      : age
        ? AGE
        : length
          ? length.span
            ? SPAN
            : DURATION
          : members
            ? PEOPLE_UNIT
            : (currency ?? unitWord?.term);
    // An age is given in whole years and read as such: 63 is not 64. A length of time is read in hours.
    // "170,000 in the province and tens of thousands more": the total is at least the figure.
    const [low, high] = age
      ? [value, value]
      : MORE_AFTER.test(text.slice(end))
        ? [value, UNBOUNDED]
        : interval(value, groups.qual);
    // The measure can also stand before the figure: "magnitude 4.6", "a depth of 10 km".
    const before = text
      .slice(Math.max(0, start - 30), start)
      .match(/([\p{L}-]+)\s+(?:of\s+)?$/u)?.[1]
      ?.toLowerCase();
    const nounsAfter = wordsAfter(text.slice(end));
    const beforeTerm = before && !STOP_WORDS.has(before) ? canonicalTerm(before) : undefined;
    // The group a figure counts the members of is its unit, not a word of what it counts ("a gang of three").
    const framed = estimatedThing(text.slice(Math.max(0, start - 80), start));
    const nouns = [...new Set([...(beforeTerm && !members ? [...nounsAfter, beforeTerm] : nounsAfter), ...framed])];
    const partOf = /^\s+of\s+(the|its|their|those|these|them)\b/i.exec(text.slice(end))?.[1]?.toLowerCase();
    // A share is a part by nature: "58 percent of those who voted" measures what "58 percent of voters" does; a
    // sum "of the country's trade" is what the trade is worth, not a part of a count.
    const part =
      !groups.pct &&
      !CURRENCY_UNITS.has(unit ?? '') &&
      (partOf !== undefined || /\b(?:remaining|other)\s+$/i.test(text.slice(Math.max(0, start - 12), start)));
    // "a further 5,000 trees", "another 200 jobs": an addition, not the total another figure counts.
    const increment = INCREMENT_BEFORE.test(text.slice(Math.max(0, start - 16), start));
    // "two of them": what they are is in an earlier clause, not in the words after.
    const counted = !groups.pct && (partOf === 'them' || partOf === 'these' || partOf === 'those') ? undefined : unit;
    const quantity: Quantity = {
      kind: 'quantity',
      text: match[0].trim(),
      value: inHours(value, hours ?? 1),
      low: inHours(low, hours ?? 1),
      high: inHours(high, hours ?? 1),
      ...(counted ? { unit: counted } : {}),
      ...(counted && !members && unitWord && counted === unitWord.term ? { unitWord: unitWord.word } : {}),
      // The unit may be the first word of a compound whose head names people: "five bank workers", "two aid workers".
      ...(counted &&
      (members || (unitWord && (namesPersons(unitWord.word) || (unitWord.next && namesPersons(unitWord.next)))))
        ? { persons: true }
        : {}),
      nouns,
      ...(part ? { part } : {}),
      ...(increment ? { increment } : {}),
    };
    out.push(quantity);
    counts.push({
      quantity,
      start: numStart,
      end,
      before: beforeTerm,
    });
  }
  markWholes(text, counts);
  return [...out, ...peopleSums(text), ...singlePeople(text), ...articleSpans(text), ...ranks(text)];
}

interface Located {
  quantity: Quantity;
  start: number;
  end: number;
  /** the word before the figure, as a term ("cut" in "cut 120 of its 400 jobs") */
  before: string | undefined;
}

/** Between a part and its whole: "120 of its 400 jobs", "62 of Holmby School's 80 candidates", "two of the five skiffs". */
const PART_BEFORE_WHOLE =
  /^\s+of\s+(?:the|its|their|his|her|our|(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s)\s+$/u;
/** A relative clause after a whole's noun: "the five boats that left port". */
const RELATIVE_AFTER = /^\s*(?:[\p{L}'’-]+\s+){1,2}(?:that|who|which|whose)\b/iu;
/** Before a whole that opens the sentence: "Of the 80 pupils who sat the exam, 62 passed." */
const WHOLE_FIRST = /^\W*of\s+(?:the|its|their|all)\s+$/i;

/**
 * A part given with its whole counts the act: in "The mill cut 120 of its 400 jobs" 120 jobs were cut and 400 is
 * the workforce they were cut from. The part takes the whole's unit and can be compared with a figure that is not
 * a part ("cut 120 jobs"); the whole is marked so it is never read as the act's count ("cut 400 jobs" is not stated).
 */
function markWholes(text: string, counts: Located[]): void {
  for (const [i, whole] of counts.entries()) {
    const part = counts[i - 1];
    if (part && PART_BEFORE_WHOLE.test(text.slice(part.end, whole.start))) {
      part.quantity.unit = whole.quantity.unit;
      // It counts the whole's things, what the word before it says ("cut") and what follows the whole ("62 of the 80
      // pupils passed"), unless a relative clause follows, which is the whole's ("five boats that left port").
      const own = RELATIVE_AFTER.test(text.slice(whole.end)) ? [] : (whole.quantity.nouns ?? []);
      const unit = whole.quantity.unit ? [whole.quantity.unit] : [];
      part.quantity.nouns = [...new Set([...unit, ...(part.before ? [part.before] : []), ...own])];
      if (part.quantity.unit === undefined) delete part.quantity.unit;
      part.quantity.part = true;
      part.quantity.ofWhole = true;
      whole.quantity.whole = true;
    } else if (WHOLE_FIRST.test(text.slice(0, whole.start))) whole.quantity.whole = true;
  }
}

/** People nouns a harm word may follow with the article alone: "a receptionist dead", "a woman was killed". */
const ONE_PERSON = PERSON_NOUNS.join('|');
const HARM = 'dead|killed|died|wounded|injured|hurt';
/** "a receptionist was found dead" */
const PERSON_THEN_HARM = String.raw`an?\s+(?:[\p{Ll}-]+\s+)?(${ONE_PERSON})\s+(?:was\s+|were\s+|had\s+)?(?:(?:shot|left|found|later)\s+)?(${HARM})`;
/** "killing a guard" */
const HARM_THEN_PERSON = String.raw`(killing|killed|wounding|wounded|injuring|injured)\s+an?\s+(?:[\p{Ll}-]+\s+)?(${ONE_PERSON})`;
const SINGLE_PERSON = new RegExp(String.raw`\b(?:${PERSON_THEN_HARM}|${HARM_THEN_PERSON})\b`, 'giu');

/** "a receptionist dead", "killing a guard": one person, which the article alone says. */
function singlePeople(text: string): Quantity[] {
  return [...text.matchAll(SINGLE_PERSON)].map((m) => {
    const noun = (m[1] ?? m[4])!.toLowerCase();
    const harm = canonicalTerm((m[2] ?? m[3])!.toLowerCase());
    return {
      kind: 'quantity',
      text: m[0],
      value: 1,
      low: 1,
      high: 1,
      unit: canonicalTerm('person'),
      nouns: [canonicalTerm(noun), harm],
      implicit: true,
    };
  });
}

const IRREGULAR_PLURAL: Record<string, string> = {
  man: 'men',
  woman: 'women',
  child: 'children',
  person: 'people',
  policeman: 'policemen',
  policewoman: 'policewomen',
  fisherman: 'fishermen',
  youth: 'youths',
};
/** People nouns in the singular and the plural: "two women and one man", "three protesters and a guard". */
const PEOPLE_SUM_NOUNS = PERSON_NOUNS.flatMap((n) => [n, IRREGULAR_PLURAL[n] ?? `${n}s`]).join('|');
const SMALL_NUMBER = `\\d+|a|an|${WORD_NUMBERS}`;
const PEOPLE_SUM = new RegExp(
  `\\b(${SMALL_NUMBER})\\s+(?:${PEOPLE_SUM_NOUNS})\\s*(?:,|and)\\s+(${SMALL_NUMBER})\\s+(?:${PEOPLE_SUM_NOUNS})\\b`,
  'gi',
);

/** "two women and one man died": three people, as a reader adds them up. */
function peopleSums(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(PEOPLE_SUM)) {
    const count = (word: string): number | undefined =>
      /^\d/.test(word) ? parseDigits(word) : /^an?$/i.test(word) ? 1 : parseNumberWords([word]);
    const a = count(m[1]!);
    const b = count(m[2]!);
    if (a === undefined || b === undefined) continue;
    const value = a + b;
    const nounsAfter = wordsAfter(text.slice((m.index ?? 0) + m[0].length));
    out.push({
      kind: 'quantity',
      text: m[0],
      value,
      low: value,
      high: value,
      unit: canonicalTerm('people'),
      nouns: [canonicalTerm('people'), ...nounsAfter],
    });
  }
  return out;
}

/** Units of measurement and currencies: a figure in one is never the same measure as a figure in another. */
const MEASUREMENT_UNITS = new Set([
  ...CURRENCY_UNITS,
  'percent',
  DURATION,
  SPAN,
  ...`kilogram kg gram pound lb stone ton tonne ounce mile km kilometre kilometer metre meter mm cm feet foot inch yard acre
  hectare litre liter gallon barrel degree year month week day hour minute second magnitude mph`
    .split(/\s+/)
    .map((w) => canonicalTerm(w)),
]);

const PEOPLE_UNITS = new Set(['people', 'person'].map((w) => canonicalTerm(w)));
const PERSON_UNITS = new Set(PERSON_NOUNS.map((w) => canonicalTerm(w)));
const isPeople = (q: Quantity): boolean => q.unit !== undefined && PEOPLE_UNITS.has(q.unit);
const countsPersons = (q: Quantity): boolean =>
  q.persons === true || (q.unit !== undefined && PERSON_UNITS.has(q.unit));

/** A sum of money ("€2 million", "10 million euros"). */
export const isCurrency = (q: Quantity): boolean => q.unit !== undefined && CURRENCY_UNITS.has(q.unit);

/** The claim's figure `a` and the report's `b` speak of the same thing when their units agree (or neither has one). */
export function sameMeasure(a: Quantity, b: Quantity): boolean {
  // "Two of the skiffs got away": the part is not the whole ("two of the skiffs" is not "five"). A part given with
  // its whole ("120 of its 400 jobs") counts the act, as a figure that is not a part does ("cut 120 jobs").
  if ((a.part === true) !== (b.part === true) && a.ofWhole !== true && b.ofWhole !== true) return false;
  // A claim's addition ("A further 5,000 trees were planted") is not the total a report counts ("10,000 planted so
  // far"); a report's addition may be the claim's count ("a further 20,000 joined the marches" for "20,000 marched").
  if (a.increment === true && b.increment !== true) return false;
  if ((a.unit ?? '') === (b.unit ?? '')) return true;
  // "20,000 people" may be the "20,000 protesters" another report counts.
  if ((isPeople(a) && countsPersons(b)) || (isPeople(b) && countsPersons(a))) return true;
  // "one of them" counts among whatever the sentence named before: "one of the women" may be it.
  if (a.part === true && (a.unit === undefined || b.unit === undefined)) return true;
  // "two military agreements" and "two crucial military agreements" count the same thing.
  // "magnitude 4.6 earthquake" and "4.6 magnitude"; "five people were killed" and "three killed".
  if (
    (a.unit !== undefined && (b.nouns ?? []).includes(a.unit)) ||
    (b.unit !== undefined && (a.nouns ?? []).includes(b.unit))
  )
    return true;
  // A figure after its verb has no noun ("kills 1", "killing one"): it counts what the verb says, as
  // "two people died" does (died and killed fold to one term).
  const [bare, other] = a.unit === undefined ? [a, b] : [b, a];
  // "Kafoury was 63": a figure with nothing after it may be an age.
  if (bare.unit === undefined && other.unit === AGE) return (bare.nouns ?? []).length === 0;
  if (bare.unit === undefined)
    return (
      other.unit !== undefined &&
      !MEASUREMENT_UNITS.has(other.unit) &&
      (bare.nouns ?? []).some((n) => (other.nouns ?? []).includes(n))
    );
  // The unit is the first word after the figure, often an adjective: "two defence accords" and "two key
  // military agreements" both count agreements. Two figures followed by the same noun count the same thing.
  // Not when a unit of measurement tells them apart ("280-pound catfish", "20-stone catfish").
  if (MEASUREMENT_UNITS.has(a.unit!) || MEASUREMENT_UNITS.has(b.unit!)) return false;
  return (a.nouns ?? []).some((n) => n !== a.unit && n !== b.unit && (b.nouns ?? []).includes(n));
}

const isClock = (q: Quantity): boolean => q.unit?.startsWith('clock') ?? false;
const lowerBoundOnly = (q: Quantity): boolean => q.high === UNBOUNDED;
const upperBoundOnly = (q: Quantity): boolean => q.low === 0 && q.value > 0;
/** "at least 3", "up to 40": a figure open on one side. */
export const isOpenBound = (q: Quantity): boolean => lowerBoundOnly(q) || upperBoundOnly(q);

/**
 * The report's figure `b` agrees with the claim's `a` when their intervals meet. Two bounds of the same kind
 * agree when the report's bound says the claim's: "at least 40 arrested" says "more than 30 arrested", but
 * "at least five killed" does not say "at least 24 killed" (another, earlier toll), though both are open upwards.
 */
export function quantitiesAgree(a: Quantity, b: Quantity): boolean {
  if (isClock(a) || isClock(b)) return isClock(a) && isClock(b) && timesAgree(a, b);
  // Ages are whole years: "was 63" is exactly 63, "in their twenties" 20 to 29.
  if (a.unit === AGE || b.unit === AGE) {
    const years = (q: Quantity): [number, number] =>
      q.unit === AGE ? [q.low, q.high] : [Math.round(q.value), Math.round(q.value)];
    const [[al, ah], [bl, bh]] = [years(a), years(b)];
    return al <= bh && bl <= ah;
  }
  const near = Math.abs(a.value - b.value) <= 0.1 * Math.max(a.value, b.value);
  if (lowerBoundOnly(a) && lowerBoundOnly(b)) return near || b.value > a.value;
  if (upperBoundOnly(a) && upperBoundOnly(b)) return near || b.value < a.value;
  return a.low <= b.high && b.low <= a.high;
}

/**
 * The words that say what a figure counts, beyond its unit ("Ten people died" -> died): a
 * figure of the same unit without them next to it counts something else ("evacuating the
 * injured to a city of 500,000 people").
 */
export function measuredIn(q: Quantity, other: Quantity): boolean {
  const words = (q.nouns ?? []).filter((n) => n !== q.unit);
  // A sum of money is money, whatever the words around it ("worth 10 million euros", "making off with €2 million").
  if (isClock(q) || words.length === 0 || (isCurrency(q) && q.unit === other.unit)) return true;
  const near = [...(other.nouns ?? []), ...(other.unit ? [other.unit] : [])];
  const found = words.filter((w) => near.includes(w)).length;
  return found * 2 >= words.length;
}
