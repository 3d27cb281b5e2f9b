// Content terms: what the term index and topic overlap work on. Words are stemmed
// (Porter, via `stemmer`), stop words dropped, and synonyms of common news
// predicates folded to one term so "scrapped" finds "annulled".
import { stemmer } from 'stemmer';
import { STOP_WORDS, SYNONYM_GROUPS } from './lexicon.js';
import { baseForms, isLemma } from './resources/wordnet.js';
import { NUMBER_WORD } from './slots/numbers.js';
import { foldCase, wordTokens } from './text.js';
import type { NameSlot } from './types.js';

const stem = (word: string): string => stemmer(word);

// Each group member is keyed by its stem (and a multi-word member by its stemmed words), and
// by itself as written: a member written as a stem ("collaps", "accus") is what the stemmer
// makes of the words, though stemming it again would not give it back ("collap").
/** The keys a synonym-group member is looked up by: its stemmed words, and itself as written. */
export const memberKeys = (member: string): string[] => [...new Set([member.split(' ').map(stem).join(' '), member])];

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = memberKeys(group[0]!)[0]!;
  // A key in two groups would silently join the first (test/domain/lexicon.test.ts forbids it).
  for (const member of group) for (const key of memberKeys(member)) if (!CANONICAL.has(key)) CANONICAL.set(key, head);
}

// British and American spellings index as one term (jewellery/jewelry, harbour/harbor, centre/center, kilometre/kilometer).
const SPELLING: Array<[RegExp, string]> = [
  [/^jewell/, 'jewel'],
  [/([^aeiou])our(s|ed|ing)?$/, '$1or$2'],
  [/^(\p{L}{2,})tre(s)?$/u, '$1ter$2'],
  [/is(e|es|ed|ing|ation|ations)$/, 'iz$1'],
];

const americanSpelling = (word: string): string => SPELLING.reduce((w, [from, to]) => w.replace(from, to), word);

/** Plurals the stemmer cannot fold: "women" is "woman". */
const IRREGULAR_PLURALS: Record<string, string> = {
  women: 'woman',
  men: 'man',
  children: 'child',
  firemen: 'fireman',
  gunmen: 'gunman',
  policemen: 'policeman',
};

/** The index terms of names' words ("Gordon Advisors" -> gordon, advis): how a name is found in the term index. */
export const nameIndexTerms = (names: readonly NameSlot[]): string[] => [
  ...new Set(names.flatMap((n) => n.key.split(' ').map(canonicalTerm))),
];

/** The index term of two lower-case words read as one ("set fire", "got away"), if they are a group member. */
export const pairTerm = (word: string, next: string): string | undefined =>
  CANONICAL.get(`${stem(word)} ${stem(next)}`);

/** Whether the hand lexicon files the word in one of its synonym groups. */
export const inSynonymGroup = (word: string): boolean => {
  const folded = foldCase(word);
  return CANONICAL.has(stem(americanSpelling(IRREGULAR_PLURALS[folded] ?? folded)));
};

/** The index term of one lower-case word. */
export function canonicalTerm(word: string): string {
  const folded = foldCase(word);
  const stemmed = stem(americanSpelling(IRREGULAR_PLURALS[folded] ?? folded));
  return CANONICAL.get(stemmed) ?? stemmed;
}

/**
 * Words that belong to a figure or a time rather than to the fact: qualifiers ("around 80")
 * and the halves of the day ("1:53 in the afternoon"), compared as slots.
 */
const SLOT_WORDS = new Set([
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'estimated',
  'morning',
  'afternoon',
  'evening',
  'am',
  'pm',
  'a.m',
  'p.m',
  'gmt',
  'utc',
]);

/**
 * A fraction in words ("four-fifths", "two-thirds") is a share, compared as a quantity (quantities.ts), and
 * indexed as the word of a share is: "percent", so "80 percent of the haul" and "four-fifths of it" share it.
 */
const FRACTION_WORD =
  /^(?:one|two|three|four|five|seven|nine)-(?:halves|thirds|quarters|fifths|sixths|eighths|tenths)$/;

/** A currency symbol says the currency's word: "€60,000" is about euros as much as "60,000 euros". */
const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'euro', $: 'dollar', '£': 'pound', '¥': 'yen' };

/** A figure, with or without a scale letter ("6.1", "1,500", "2.6m", "110bn"). */
const FIGURE = /^\d[\d.,]*(?:k|m|bn|b)?$/;

// Figures are compared as quantities, not as words.
const isContentWord = (lower: string): boolean =>
  lower.length > 1 &&
  !STOP_WORDS.has(lower) &&
  !SLOT_WORDS.has(lower) &&
  !FIGURE.test(lower) &&
  !FRACTION_WORD.test(lower) &&
  lower !== "n't" &&
  !NUMBER_WORD.test(lower);

const isCount = (lower: string | undefined): boolean =>
  lower !== undefined && lower !== 'and' && (FIGURE.test(lower) || NUMBER_WORD.test(lower));
/** Words before a count of what is left: "has two years left", "with ten minutes left", "are two tickets left". */
const HELD_BEFORE = new Set(['has', 'have', 'had', 'having', 'with', 'are', 'is', 'was', 'were', 'only', 'just']);

/**
 * "left" after a count that something has is what remains, not an act of leaving: "has two years left on his
 * contract", "with ten minutes left", "there are two tickets left" (but "two men left the building"). The folded
 * tokens without such a "left": what remains is told by the count and its noun, and "remaining" would be alike
 * the verb "left" in WordNet, which is what the sentence does not say.
 */
export function withoutLeftAsRemaining(tokens: readonly string[]): string[] {
  const held = (at: number) => isCount(tokens[at]) && HELD_BEFORE.has(tokens[at - 1] ?? '');
  return tokens.filter((t, i) => !(t === 'left' && (held(i - 1) || held(i - 2))));
}

/** Distinct content terms of a text, in order of first appearance. */
export function contentTerms(text: string): string[] {
  const tokens = withoutLeftAsRemaining(wordTokens(text).map((t) => foldCase(t).replace(/'s$/, '')));
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (term: string): void => {
    if (!seen.has(term)) {
      seen.add(term);
      out.push(term);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined) {
      const pair = pairTerm(word, next);
      if (pair) {
        add(pair);
        i++;
        continue;
      }
    }
    if (FRACTION_WORD.test(word)) add(canonicalTerm('percent'));
    if (!isContentWord(word)) continue;
    add(canonicalTerm(word));
  }
  for (const symbol of text.match(/[€$£¥](?=\s?\d)/g) ?? []) add(canonicalTerm(CURRENCY_SYMBOLS[symbol]!));
  if (AGAIN.test(text)) for (const term of repeatedActs(tokens)) add(term);
  return out;
}

/** An act said twice over: "opened again", "was elected once more". */
const AGAIN = /\b(?:again|anew|once more)\b/i;

/**
 * "Re-" verbs a sentence says with "again": "its doors opened again" says "reopened", "built anew" says "rebuilt".
 * A verb counts when WordNet knows its "re-" form as a verb, so "opened again" gains `reopen` and "said again"
 * gains nothing ("resaid" is no word).
 */
function repeatedActs(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (!/^\p{Ll}{3,}$/u.test(token) || STOP_WORDS.has(token)) continue;
    for (const base of baseForms(token, 'v')) if (isLemma(`re${base}`, 'v')) out.push(canonicalTerm(`re${token}`));
  }
  return out;
}
