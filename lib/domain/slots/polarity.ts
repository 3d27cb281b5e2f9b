// Polarity and hedging. A denial or negation flips what a statement asserts; a
// hedge ("reportedly", "claims", a question) reports a claim without asserting it.
import { DENIAL_CUES, HEADLINE_HEDGE_CUES, HEDGE_CUES, NEGATION_CUES } from '../lexicon.js';
import { canonicalTerm } from '../terms.js';
import { foldCase, wordTokens } from '../text.js';

const phraseRegex = (phrases: string[]): RegExp =>
  new RegExp(`(?:^|[^\\p{L}'])(?:${phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=$|[^\\p{L}'])`, 'iu');

const NEGATION = phraseRegex(NEGATION_CUES);
const NEGATED_CONTRACTION = /\b\w+n't\b/i;
const DENIAL = phraseRegex(DENIAL_CUES);
const HEDGE = phraseRegex(HEDGE_CUES);
const HEADLINE_HEDGE = phraseRegex(HEADLINE_HEDGE_CUES);

/** Attribution hedges a headline (see lexicon). */
export const isHedgedHeadline = (text: string): boolean => HEADLINE_HEDGE.test(foldCase(text));

export function isNegated(text: string): boolean {
  const folded = foldCase(text);
  return NEGATION.test(folded) || NEGATED_CONTRACTION.test(folded) || DENIAL.test(folded);
}

// "May" the month is not "may" the modal verb.
const MONTH_MAY = /\b(?:in|of|since|until|by|early|late|mid-?|last|next|this)\s+May\b|\bMay\s+(?=\d|of\b)/g;

export function isHedged(text: string): boolean {
  const folded = foldCase(text.replace(MONTH_MAY, ' ')).trim();
  return folded.endsWith('?') || HEDGE.test(folded);
}

const NEGATORS = new Set(NEGATION_CUES);
/** How many words after "not"/"never" its scope reaches. */
const NEGATION_SCOPE = 4;

/**
 * Whether the text negates one of the given terms: a denial anywhere, or a negator
 * with one of the terms shortly after it. "did not cancel the deal" negates "cancel";
 * "no longer has troops there, but signed the pact" does not negate "sign".
 */
export function negatesTerms(text: string, terms: ReadonlySet<string>): boolean {
  const folded = foldCase(text);
  if (DENIAL.test(folded)) return true;
  const tokens = wordTokens(folded);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!NEGATORS.has(token) && !token.endsWith("n't")) continue;
    for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length; j++) {
      if (terms.has(canonicalTerm(tokens[j]!))) return true;
    }
  }
  return false;
}
