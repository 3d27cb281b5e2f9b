// Polarity and hedging. A denial or negation flips what a statement asserts; a
// hedge ("reportedly", "claims", a question) reports a claim without asserting it.
import { DENIAL_CUES, HEDGE_CUES, NEGATION_CUES } from '../lexicon.js';
import { foldCase } from '../text.js';

const phraseRegex = (phrases: string[]): RegExp =>
  new RegExp(`(?:^|[^\\p{L}'])(?:${phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=$|[^\\p{L}'])`, 'iu');

const NEGATION = phraseRegex(NEGATION_CUES);
const NEGATED_CONTRACTION = /\b\w+n't\b/i;
const DENIAL = phraseRegex(DENIAL_CUES);
const HEDGE = phraseRegex(HEDGE_CUES);

export function isNegated(text: string): boolean {
  const folded = foldCase(text);
  return NEGATION.test(folded) || NEGATED_CONTRACTION.test(folded) || DENIAL.test(folded);
}

export function isHedged(text: string): boolean {
  const folded = foldCase(text).trim();
  return folded.endsWith('?') || HEDGE.test(folded);
}
