// Cue words the stance model counts. They are inputs, not rules: the model learns how much each list (and, for the
// claim, each refuting word) weighs. The engine's own negation, denial and hedge lists (lexicon.ts) are reused;
// the lists here are the ones the stance model adds.
import { DENIAL_CUES, FALSEHOOD_ADJECTIVES, HEDGE_CUES, NEGATION_CUES, SAFETY_CUES } from '../lexicon.js';

/** The FNC-1 baseline's refuting words: a body that debunks says these ("the photo was a hoax, he denies it"). */
export const REFUTING_WORDS = [
  'fake',
  'fraud',
  'hoax',
  'false',
  'deny',
  'denies',
  'denied',
  'not',
  'despite',
  'nope',
  'doubt',
  'doubts',
  'bogus',
  'debunk',
  'debunked',
  'pranks',
  'prank',
  'retract',
  'retracted',
  'untrue',
  'satire',
  'rumor',
  'rumour',
  'claims',
];

/** Words that assert a fact as confirmed ("officials confirmed the death"): agreement more than discussion. */
export const CONFIRMING_WORDS = [
  'confirmed',
  'confirms',
  'confirm',
  'announced',
  'officially',
  'revealed',
  'verified',
  'proved',
  'proven',
  'indeed',
  'admitted',
];

/** Attribution that passes a claim on ("according to a report", "sources say"): discussion more than agreement. */
export const ATTRIBUTION_WORDS = [
  'according',
  'reportedly',
  'allegedly',
  'report',
  'reports',
  'reported',
  'sources',
  'source',
  'claimed',
  'claim',
  'purportedly',
  'rumors',
  'rumours',
  'unconfirmed',
  'speculation',
  'appears',
  'apparently',
  'suggests',
  'believed',
  'may',
  'might',
  'could',
];

/** The named lists, in the order of the features they make. */
export const CUE_LISTS: ReadonlyArray<{ name: string; words: readonly string[]; text: string }> = [
  { name: 'refuting', words: REFUTING_WORDS, text: 'refuting words' },
  { name: 'negation', words: NEGATION_CUES, text: 'negations' },
  { name: 'denial', words: [...DENIAL_CUES, ...SAFETY_CUES, ...FALSEHOOD_ADJECTIVES], text: 'denials' },
  { name: 'hedging', words: HEDGE_CUES, text: 'hedges' },
  { name: 'attribution', words: ATTRIBUTION_WORDS, text: 'attributions' },
  { name: 'confirming', words: CONFIRMING_WORDS, text: 'confirmations' },
];
