// Polarity and hedging. A denial or negation flips what a statement asserts; a
// hedge ("reportedly", "claims", a question) reports a claim without asserting it.
import {
  DENIAL_CUES,
  DISMISSAL_VERBS,
  HARM_WORDS,
  HARMED_PARTICIPLES,
  UNFOUNDED,
  NO_COMPOUNDS,
  FALSEHOOD_ADJECTIVES,
  HEADLINE_HEDGE_CUES,
  GOSSIP_CUES,
  HEDGE_CUES,
  NEGATION_CUES,
  NOT_KNOWN_CUES,
  SAFETY_CUES,
  SAFETY_DENIES,
  STOP_WORDS,
  STORY_NOUNS,
  SUBORDINATORS,
} from '../lexicon.js';
import { canonicalTerm, contentTerms, pairTerm } from '../terms.js';
import { escapeRegex, foldCase, wordTokens } from '../text.js';

const phraseRegex = (phrases: string[]): RegExp =>
  new RegExp(`(?:^|[^\\p{L}'])(?:${phrases.map(escapeRegex).join('|')})(?=$|[^\\p{L}'])`, 'iu');

/** The cues a global phrase regex finds in a (folded) text, without the character before each. */
const cuesIn = (folded: string, all: RegExp): string[] =>
  [...folded.matchAll(all)].map((m) => m[0].replace(/^[^\p{L}']+/u, ''));

/** One compiled regex per single cue: headline hedges check each cue against the claim. */
const cueRegexes = new Map<string, RegExp>();
const cueRegex = (cue: string): RegExp => {
  let regex = cueRegexes.get(cue);
  if (!regex) {
    regex = phraseRegex([cue]);
    cueRegexes.set(cue, regex);
  }
  return regex;
};

const NEGATION = phraseRegex(NEGATION_CUES);
const NEGATED_CONTRACTION = /\b\w+n't\b/i;
/** Any denial, safety words included: whether a sentence reads as negated at all (a stance-model input). */
const DENIAL = phraseRegex([...DENIAL_CUES, ...SAFETY_CUES]);
const DENIAL_ALL = new RegExp(phraseRegex(DENIAL_CUES).source, 'giu');
const SAFETY_ALL = new RegExp(phraseRegex(SAFETY_CUES).source, 'giu');
/** The claim terms a safety word denies (see SAFETY_CUES): "alive" denies "killed", not "closed". */
let safetyDeniedTerms: Set<string> | undefined;
function safetyDenies(term: string): boolean {
  if (!safetyDeniedTerms) safetyDeniedTerms = new Set(SAFETY_DENIES.map(canonicalTerm));
  return safetyDeniedTerms.has(term);
}
const HEDGE = phraseRegex(HEDGE_CUES);
const GOSSIP = phraseRegex(GOSSIP_CUES);
const HEADLINE_HEDGE = phraseRegex(HEADLINE_HEDGE_CUES);

const HEADLINE_HEDGE_ALL = new RegExp(HEADLINE_HEDGE.source, 'giu');
/** Cues of intention: what a claim about the future ("will", "is set to") itself says. */
const INTENT_CUES = new Set([
  'plans',
  'plan',
  'planning',
  'working on',
  'wants',
  'hopes',
  'expected',
  'considering',
  'mulls',
  'weighs',
  'eyes',
]);
const FUTURE = /\b(?:will|won't|going to|plans? to|set to|to be)\b/i;

/** A lower-case word in single quotes, the headline's way of passing a claim on: "Star 'agrees' move", "Club ‘in talks’" (not a quoted name). */
const SCARE_QUOTED = /(?:^|[\s(])['‘]\p{Ll}[\p{L} -]{0,20}\p{L}['’](?=[\s,.:;!?)]|$)/u;

/** A source credited at the end ("...: Report", "... - NY Post", "...: DJ"). */
const CREDITED_AT_END =
  /(?::|\s[-–—]{1,2})\s*(?:[\p{L}.]+\s){0,2}(?:report|reports|paper|post|times|journal|media|sources?|\p{Lu}{2,4})\.?$/iu;

/**
 * Attribution hedges a headline (see lexicon), unless the claim says it too: "Tom Brokaw
 * wants X" is stated by a headline that says he wants it, and "eBay is planning an app"
 * states "eBay will make an app".
 */
export function isHedgedHeadline(text: string, claimText = ''): boolean {
  if (CREDITED_AT_END.test(text.trim()) || SCARE_QUOTED.test(text)) return true;
  const claim = foldCase(claimText);
  const future = FUTURE.test(claim);
  // "Marl Bridge safe, engineers say" states "Engineers found the bridge safe": the claim names the speaker.
  const folded = foldCase(text);
  const speaker = SPEAKER_AT_END.exec(folded)?.[1] ?? SPEAKER_AFTER_VERB.exec(folded)?.[1];
  const claimTerms = new Set(
    claim
      .split(/[^\p{L}]+/u)
      .filter(Boolean)
      .map(canonicalTerm),
  );
  const ownSpeaker = speaker !== undefined && claimTerms.has(canonicalTerm(speaker));
  return cuesIn(withoutDismissed(folded), HEADLINE_HEDGE_ALL).some(
    (cue) => !(future && INTENT_CUES.has(cue)) && !cueRegex(cue).test(claim) && !(ownSpeaker && SAYING_CUES.has(cue)),
  );
}
/** Attribution verbs whose speaker a headline names at its end: ", engineers say", "says mayor". */
const SAYING_CUES = new Set(['says', 'say', 'said']);
const SPEAKER_AT_END = /(?:^|,\s*|\s)(\p{L}+)\s+(?:says|say|said)\W*$/u;
const SPEAKER_AFTER_VERB = /,\s*(?:says|say|said)\s+(?:\p{L}+\s+)?(\p{L}+)\W*$/u;

export function isNegated(text: string): boolean {
  const folded = foldCase(text);
  return NEGATION.test(folded) || NEGATED_CONTRACTION.test(folded) || DENIAL.test(folded);
}

// "May" the month is not "may" the modal verb ("in May", "on 16 May", "May 16").
const MONTH_MAY =
  /\b(?:in|of|since|until|by|early|late|mid-?|last|next|this)\s+May\b|\b\d{1,2}(?:st|nd|rd|th)?\s+May\b|\bMay\s+(?=\d|of\b)/g;

/**
 * A judging clause ("The claim is false", "That was not true"), then a colon: what follows is the clause's
 * point, not in its scope. A label before a colon ("Wildest rumour yet:", "Rumour:") has no verb and stays.
 */
const CLAUSE_THEN_COLON = /^[^:]*\b(?:is|are|was|were)\b[^:]*:\s+(?=\S)/;
/** A relative clause on a source named at the end: ", said Scherlinck, who would not say why" hedges nothing said. */
const SOURCE_ASIDE = /(,\s+(?:said|says|according to)\s+[^,]{1,60}),\s+(?:who|which)\b.*$/u;

/**
 * Whether the sentence reports without asserting. A hedge in a judging clause before a colon does not reach past
 * it: "The claim is false: the photo was taken in 2019" asserts the photo's date; a label before one still hedges
 * ("Rumour: ...", "Wildest rumour yet: ...").
 */
export function isHedged(text: string): boolean {
  const folded = foldCase(text.replace(MONTH_MAY, ' ').replace(SOURCE_ASIDE, '$1')).trim();
  // "rejecting claims that he sold them": a story word a dismissal acts on is denied, not passed on.
  const asserted = withoutDismissed(folded.replace(CLAUSE_THEN_COLON, ''));
  return folded.endsWith('?') || HEDGE.test(asserted);
}

const NOT_KNOWN = phraseRegex(NOT_KNOWN_CUES);
/** Whether the sentence says its matter is not known yet (see NOT_KNOWN_CUES). */
export function saysNotKnown(text: string): boolean {
  return NOT_KNOWN.test(foldCase(text));
}

/** Whether a headline passes gossip on ("spotted", "eyes", "mulls"): see GOSSIP_CUES. */
export function isGossip(text: string): boolean {
  return GOSSIP.test(foldCase(text));
}

const NEGATORS = new Set(NEGATION_CUES);
const GERUND_PREPOSITIONS = new Set(['with', 'for', 'of', 'by', 'about', 'over', 'from', 'on']);
/** How many words after "not"/"never" its scope reaches. */
const NEGATION_SCOPE = 4;

/** A negated denial affirms: "not fake", "isn't a hoax", "no myth". */
const NEGATED_DENIAL = new RegExp(
  `(?:\\bnot|n't|\\bno|\\bnever)\\s+(?:(?:a|an|the|really|just|at all)\\s+)?(?:${[...FALSEHOOD_ADJECTIVES, ...DENIAL_CUES].map(escapeRegex).join('|')})\\b`,
  'iu',
);

/** The text without the dismissals in it ("rejecting claims", "slams rumors"), whose story words hedge nothing. */
const withoutDismissed = (folded: string): string => folded.replace(DISMISSALS, ' ');

/**
 * A dismissal verb acting on a story word a few words on: "slams rumors that...", "kills stolen Batmobile rumor".
 * Global, for `replace` and `matchAll` only (a global regex's `test` would carry `lastIndex` between calls).
 */
const DISMISSALS = new RegExp(
  `(?:^|[^\\p{L}])(?:${DISMISSAL_VERBS.map(escapeRegex).join('|')})\\s+(?:[\\p{L}'’-]+\\s+){0,4}?(?:${[...STORY_NOUNS].map(escapeRegex).join('|')})(?=$|[^\\p{L}])`,
  'giu',
);

/**
 * Whether a dismissal in the text denies the claim: it denies the story it acts on, to the end of that clause. What
 * the sentence goes on to say is asserted: "dismissed rumours that the dam had failed, saying the structure is
 * intact" denies "the dam failed" and states "the dam is intact" (the claim's "intact" is said after the story, not
 * in it). A dismissal with nothing of the claim after its story ("slams rumors of a recall") denies the claim.
 */
function dismisses(folded: string, terms: ReadonlySet<string>): boolean {
  for (const match of folded.matchAll(DISMISSALS)) {
    const from = (match.index ?? 0) + match[0].length;
    const clauseEnd = folded.slice(from).search(/[,;:]|\s-+\s/);
    if (clauseEnd < 0) return true;
    const story = new Set(contentTerms(folded.slice(match.index ?? 0, from + clauseEnd)));
    const asserted = contentTerms(folded.slice(from + clauseEnd));
    if (!asserted.some((t) => terms.has(t) && !story.has(t))) return true;
  }
  return false;
}

/**
 * Whether the text negates one of the given terms: a denial anywhere, or a negator
 * with one of the terms shortly after it. "did not cancel the deal" negates "cancel";
 * "no longer has troops there, but signed the pact" does not negate "sign".
 */
export function negatesTerms(text: string, terms: ReadonlySet<string>): boolean {
  const folded = foldCase(text);
  if (NEGATED_DENIAL.test(folded)) return false;
  // A denial word the claim itself uses ("a Marine surviving a headshot") is its predicate, not a denial.
  const harmClaimed = [...terms].some(safetyDenies);
  const denials = [...cuesIn(folded, DENIAL_ALL), ...(harmClaimed ? cuesIn(folded, SAFETY_ALL) : [])];
  if (denials.some((cue) => !cue.split(' ').every((w) => terms.has(canonicalTerm(w)))) || dismisses(folded, terms))
    return true;
  // "No, a mechanical bear is not ...": an answer that denies what the headline goes on to say.
  if (/^\s*["']?no\s*[,.:!-]/i.test(text)) return true;
  // A negation reaches to the end of its clause: "one bomb did not explode, another hit the market" denies nothing of the market.
  return text.split(/[,;:()]|\s-+\s/).some((clause) => clauseNegates(clause, terms));
}

function clauseNegates(text: string, terms: ReadonlySet<string>): boolean {
  const original = wordTokens(text);
  const tokens = original.map(foldCase);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (FALSEHOOD_ADJECTIVES.has(token)) {
      const next = tokens[i + 1];
      const commonNoun = next !== undefined && /^\p{Ll}/u.test(original[i + 1]!) && !STOP_WORDS.has(next);
      if (!commonNoun || STORY_NOUNS.has(next!) || terms.has(canonicalTerm(next!))) return true;
      continue;
    }
    if (!NEGATORS.has(token) && !token.endsWith("n't")) continue;
    // "a no-show fee", "a no-fly zone", "a no-confidence vote" (often unhyphenated) name things; they negate nothing.
    if (token === 'no' && NO_COMPOUNDS.has(tokens[i + 1] ?? '')) continue;
    // A negation inside a subordinate clause ("so he won't turn", "a panel that didn't include") is not the main verb's.
    if (tokens.slice(Math.max(0, i - 3), i).some((t) => SUBORDINATORS.has(t))) continue;
    // "frustrated with not finding love", "executed for not harvesting": a negated gerund after a preposition
    // ("with no warning issued" still denies the warning).
    if (token !== 'no' && GERUND_PREPOSITIONS.has(tokens[i - 1] ?? '')) continue;
    // A contracted negation is the verb's own ("isn't", "won't"): it negates the statement.
    if (token.endsWith("n't")) return true;
    for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length; j++) {
      // A two-word member counts as its term: "did not go off" negates "explode".
      const pair = j + 1 < tokens.length ? pairTerm(tokens[j]!, tokens[j + 1]!) : undefined;
      if (terms.has(canonicalTerm(tokens[j]!)) || (pair !== undefined && terms.has(pair))) return true;
    }
  }
  return false;
}

const HARM = Object.keys(HARM_WORDS).join('|');
/** "There were no immediate reports of damage or injuries", "caused no casualties", "no deaths were reported". */
const NO_HARM = new RegExp(
  `\\bno\\s+(?:immediate\\s+|initial\\s+|further\\s+)?(?:reports?\\s+of\\s+)?(?:any\\s+)?(?:major\\s+|serious\\s+)?(${HARM})(?:\\s+or\\s+(?:major\\s+|serious\\s+)?(${HARM}))?\\b`,
  'giu',
);

/** People who did not come to harm, said of everyone: "No one was injured", "nobody was seriously hurt". */
const NOBODY_HARMED = new RegExp(
  `\\b(?:no one|no-one|nobody|none of (?:them|the \\p{L}+))\\s+(?:was|were|has been|had been|is|got)\\s+(?:seriously\\s+|badly\\s+|critically\\s+)?(${Object.keys(
    HARMED_PARTICIPLES,
  ).join('|')})\\b`,
  'giu',
);

/** The harms (as terms: killed, injured, damage) a sentence says did not happen. */
export function deniedHarms(text: string): string[] {
  const out = new Set<string>();
  const folded = foldCase(text);
  for (const m of folded.matchAll(NO_HARM)) {
    for (const word of [m[1], m[2]])
      for (const harm of word ? (HARM_WORDS[word] ?? []) : []) out.add(canonicalTerm(harm));
  }
  for (const m of folded.matchAll(NOBODY_HARMED))
    for (const harm of HARMED_PARTICIPLES[m[1]!] ?? []) out.add(canonicalTerm(harm));
  return [...out];
}

/** "The claim is false", "That is not true", "This rumour is baseless": a verdict of falsehood on what was just said. */
const FALSEHOOD_VERDICT = new RegExp(
  `^\\s*(?:but\\s+|however,?\\s+)?(?:(?:the|this|that|these|those|such)\\s+(?:[\\p{L}-]+\\s+)?(?:${[...STORY_NOUNS].join('|')})|that|this|it)\\s+(?:is|was|are|were|has been|have been|'s)\\s+(?:also\\s+|simply\\s+|completely\\s+|entirely\\s+)?(?:not true|untrue|${[...FALSEHOOD_ADJECTIVES, ...UNFOUNDED].join('|')})\\b`,
  'iu',
);

/** The sentence gives a verdict of falsehood on the one before it (see FALSEHOOD_VERDICT). */
export const judgesFalse = (text: string): boolean => FALSEHOOD_VERDICT.test(foldCase(text));
