// Who did what to whom in a sentence, and how it is said: the main verb (with its particle), its subject
// and object, whether it is passive (so "X was arrested by police" has agent police and patient X),
// negated (the negation that reaches THAT verb, not one in a relative clause), and its modality (an act,
// a plan, a hedge, a question). Reported speech is read through: "Police said the bridge did not close"
// is a clause about the bridge, attributed to police; "X denied that Y" is Y, negated.
//
// It reads the tags and lemmas of a kept tagger (resources/tagger.ts) with a few named word lists, and
// falls back gracefully: when it cannot find a verb it says so (`complete: false`) instead of guessing.
import { tag, type Token } from './resources/tagger.js';
import { foldCase } from './text.js';
import { VERB_PARTICLES } from './lexicon.js';
import { isLemma, lemmatize } from './resources/wordnet.js';

export type Modality = 'act' | 'plan' | 'hedge' | 'question';

export interface Argument {
  /** the head's lemma ("mayor" for "the mayor of Eastline"), a proper name whole ("jane doe") */
  head: string;
  /** the words of the noun phrase as written */
  phrase: string;
}

export interface Clause {
  /** lemma of the main verb with its particle ("shut down"); '' when none was found */
  predicate: string;
  /** the grammatical subject */
  subject?: Argument;
  /** the direct object of an active verb */
  object?: Argument;
  /** who does it: the subject of an active verb, the by-phrase of a passive one */
  agent?: Argument;
  /** to whom: the object of an active verb, the subject of a passive one */
  patient?: Argument;
  passive: boolean;
  negated: boolean;
  modality: Modality;
  /** who the sentence credits ("police said ...", "according to the ministry"), and the reporting verb */
  attribution?: { source?: Argument; verb: string };
  /** false when no main verb was found: roles are then unknown, not absent */
  complete: boolean;
  /** the act is negated by a refusal ("refused to resign", "declined to comment"): a will not, said as an act */
  refused?: boolean;
  /**
   * When the sentence has a relative clause: the content words (lemmas) of the main clause from its verb on, outside
   * the relative clause and the noun it describes. "Marfin promised compensation to the families of the three
   * employees who died": promise, compensation, family. What the sentence tells as background is not among them.
   */
  mainWords?: string[];
}

// --- Named word lists (each with the example it is for) ---

/** Verbs that report a clause: "Police said [the bridge did not close]". */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'say',
  'rule',
  'conclude',
  'tell',
  'report',
  'announce',
  'state',
  'confirm',
  'add',
  'claim',
  'insist',
  'warn',
  'allege',
  'explain',
  'write',
  'note',
  'believe',
  'think',
  'estimate',
  'acknowledge',
  'admit',
  'argue',
  'testify',
  'reveal',
  'suggest',
  'deny',
  'assert',
  'maintain',
]);
/** Reporting verbs that deny what they report: "The ministry denied that troops fired". */
const DENYING_VERBS = new Set(['deny', 'refute']);
/** Verbs before a gerund that say its act no longer happens: "The ferry has stopped running" is "no longer runs". */
const ENDING_VERBS = new Set(['stop', 'cease', 'quit']);
/** Verbs of intention before "to": "The airline plans to cut jobs" is a plan, not a cut. */
const PLAN_VERBS = new Set([
  'plan',
  'intend',
  'aim',
  'seek',
  'prepare',
  'propose',
  'threaten',
  'hope',
  'want',
  'vow',
  'pledge',
  'promise',
  'expect',
  'agree',
  'set',
  'try',
  'attempt',
  'go',
  'mean',
  'wish',
  'offer',
  'decide',
  'consider',
  'vote',
]);
/**
 * Verbs whose object is only planned: "The council proposed a new pool" is no pool yet, as "plans to build a pool"
 * is none. With "to" they are plan verbs as above; with an object they make the clause a plan too.
 */
const PROPOSAL_VERBS = new Set(['propose', 'plan', 'seek', 'want', 'consider', 'mull', 'envisage', 'recommend']);
/** Verbs that say their subject is still to come: "A bin strike looms" is no strike yet. */
const IMPENDING_VERBS = new Set(['loom']);
/** The clause says its subject is still to come ("A bin strike looms"): the subject names the act that has not happened. */
export const impends = (clause: Clause): boolean => IMPENDING_VERBS.has(clause.predicate);
/** Adjectives of intention after "be" and before "to": "The bank is due to raise rates", "is close to signing". */
const PLAN_ADJECTIVES = new Set([
  'due',
  'poised',
  'set',
  'expected',
  'scheduled',
  'slated',
  'likely',
  'unlikely',
  'ready',
  'about',
  'close',
]);
/** Verbs that, passive or raising, hedge what follows: "The singer is said to have left", "He appears to have fled". */
const HEDGE_VERBS = new Set([
  'say',
  'believe',
  'think',
  'report',
  'allege',
  'understand',
  'rumour',
  'rumor',
  'suspect',
  'appear',
  'seem',
  'claim',
  'fear',
]);
/** Nouns of intention that "no" denies before "to": "There are no plans to close the school" closes nothing. */
const PLAN_NOUNS = new Set(['plan', 'intention', 'proposal']);
/** Verbs before "to" whose infinitive did not happen: "The talks failed to produce a deal". */
const NEGATING_VERBS = new Set(['fail', 'refuse', 'decline']);
/** Negating verbs that refuse the act, so that "refused to resign" is what "said she will not resign" says. */
const REFUSING_VERBS = new Set(['refuse', 'decline']);
/** Verbs before "to" that leave the act stated: "Rescuers managed to reach the village". */
const ACT_VERBS = new Set(['manage', 'begin', 'start', 'continue', 'help', 'vote', 'move', 'rush']);
/** Adverbs that hedge the sentence: "Rebels reportedly seized the town". */
const HEDGE_ADVERBS = new Set([
  'reportedly',
  'allegedly',
  'apparently',
  'supposedly',
  'purportedly',
  'possibly',
  'probably',
  'perhaps',
  'seemingly',
  'presumably',
  'likely',
  'rumoredly',
  'ostensibly',
]);
/** Modals of possibility: "The president may have misled Congress". */
const HEDGE_MODALS = new Set(['may', 'might', 'could']);
/** Determiners of a noun phrase about any one of a kind: "A magnitude 6 quake can cause severe damage". */
const GENERIC_DETERMINERS = new Set(['a', 'an', 'any']);
/** "can" said of any one of a kind tells what may happen, not what did: a possibility, as "may" is. */
const isGenericCan = (verbWords: string[], subject: Argument | undefined): boolean =>
  verbWords.includes('can') && GENERIC_DETERMINERS.has(subject?.phrase.split(/\s+/)[0]?.toLowerCase() ?? '');
/** Modals of the future: "The minister will resign". */
const PLAN_MODALS = new Set(['will', 'shall', "'ll", 'wo', 'would']);
/** Auxiliaries that a bare verb follows, whatever the tagger made of it: "will close", "may damage". */
const BARE_VERB_BEFORE = new Set([
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'can',
  'could',
  'must',
  "'ll",
  'wo',
  'ca',
]);
/** Words that negate the verb they stand with: "did not", "never". */
const NEGATORS = new Set(['not', "n't", 'never', 'nt']);
const PARTICLES = new Set(VERB_PARTICLES);
/** Conjunctions that open a subordinate clause before the main one: "After the storm hit, residents fled". */
const SUBORDINATORS = new Set([
  'after',
  'when',
  'while',
  'although',
  'though',
  'because',
  'as',
  'if',
  'before',
  'since',
  'once',
  'until',
  'whereas',
  'unless',
  'whether',
]);
/** Pronouns that open a relative clause: "The man who did not pay was arrested". */
const RELATIVES = new Set(['who', 'which', 'whom', 'whose', 'where']);
/** Nouns of time: "resigned on Monday" has no object. */
const TIME_NOUNS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'day',
  'week',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  'weekend',
  'today',
  'yesterday',
  'tomorrow',
  'hour',
  'minute',
  'time',
  'decade',
  'century',
]);
/** Forms of the passive auxiliary: "was arrested", "has been closed", "got fired". */
const PASSIVE_AUX = new Set(['be', 'get']);
/** Words of a figure before the object: "destroyed more than 200 homes". */
const QUANTIFIERS = [
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['at', 'least'],
  ['up', 'to'],
  ['as', 'many', 'as'],
  ['as', 'much', 'as'],
  ['nearly'],
  ['about'],
  ['around'],
  ['almost'],
  ['some'],
];
/** What may follow a verb and not a noun's last word: a particle or preposition, a determiner, a pronoun, a figure. */
const AFTER_VERB = new Set(['ADP', 'DET', 'PRON', 'PART', 'NUM']);
/** Past participles a tagger may read as adjectives after a passive auxiliary: "The road was closed". */
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

const isVerbal = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
const isNegator = (t: Token) => NEGATORS.has(t.lower);

/** Pieces of a sentence: the verb groups, marked when they sit in a relative clause. */
interface VerbGroup {
  start: number;
  /** one past the last token */
  end: number;
  relative: boolean;
}

/** The token at `i` was read as a noun right after a nominal, with no verb before it: where a verb may stand. */
const nounAfterSubject = (t: Token, out: Token[], i: number): boolean =>
  t.pos === 'NOUN' && i > 0 && NOMINAL.has(out[i - 1]!.pos) && !out.slice(0, i).some(isVerbal);

/**
 * Corrects the few tag errors that break clause reading and are safe to fix by position: a word after "do" or a
 * modal (+ "not") is a verb ("did not close", "Did the storm damage", "will close"), a sentence-initial
 * capitalised plural is a noun, not a name ("Engineers said"), a participle hyphenated to a word before a noun is
 * an adjective ("midwife-led"), and a word after a possessive is a noun ("the children's ward").
 */
function repairTags(tokens: Token[]): Token[] {
  const out = tokens.map((t) => ({ ...t }));
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    // "the children's ward closed": after a possessive comes a noun, never a verb.
    if (t.pos === 'VERB' && out[i - 1]?.pos === 'PART' && /^['’]s$/.test(out[i - 1]!.lower)) {
      out[i] = { ...t, pos: 'NOUN', lemma: t.lower };
      continue;
    }
    // "a midwife-led unit", "a London-based bank": a participle joined to a word before a noun is an adjective.
    if (
      t.pos === 'VERB' &&
      out[i - 1]?.text === '-' &&
      out[i - 2] !== undefined &&
      /\p{L}$/u.test(out[i - 2]!.text) &&
      /(?:ed|en)$/.test(t.lower) &&
      (out[i + 1]?.pos === 'NOUN' || out[i + 1]?.pos === 'PROPN' || out[i + 1]?.pos === 'ADJ')
    ) {
      out[i] = { ...t, pos: 'ADJ' };
      continue;
    }
    // "The company plans to shut down ...": a plural noun before "to" and a verb, with no verb before it, is the verb.
    if (nounAfterSubject(t, out, i) && /s$/.test(t.lower) && out[i + 1]?.lower === 'to' && out[i + 2]?.pos === 'VERB') {
      out[i] = { ...t, pos: 'VERB', lemma: t.lower.replace(/s$/, '') };
    }
    // "A Chinese man chopped off his own penis", "Rebel forces shot down a helicopter": a past form read as a noun,
    // after the subject and before what follows a verb, with no verb before it, is the verb ("shed" in "the garden
    // shed at the back" is no past form). Irregular forms by WordNet's lemma; not a plural ("Government forces in").
    if (
      nounAfterSubject(t, out, i) &&
      (/ed$/.test(t.lower) || !/(?:s|ing)$/.test(t.lower)) &&
      AFTER_VERB.has(out[i + 1]?.pos ?? '')
    ) {
      const lemma = lemmatize(t.lower, 'v');
      if (lemma !== t.lower) {
        out[i] = { ...t, pos: 'VERB', lemma };
        continue;
      }
    }
    // "The USGS classes a magnitude 4.6 quake as light": a present form read as a plural noun, after the subject
    // and before a determiner, with no verb before it, is the verb ("the bus routes in Calderwick" stay nouns).
    if (nounAfterSubject(t, out, i) && /[^s]s$/.test(t.lower) && out[i + 1]?.pos === 'DET') {
      const lemma = lemmatize(t.lower, 'v');
      if (lemma !== t.lower && isLemma(lemma, 'v')) {
        out[i] = { ...t, pos: 'VERB', lemma };
        continue;
      }
    }
    if (t.pos === 'AUX' && (t.lemma === 'do' || BARE_VERB_BEFORE.has(t.lower))) {
      let k = i + 1;
      while (k < out.length && (isNegator(out[k]!) || out[k]!.pos === 'ADV')) k++;
      // The question's inverted subject stands between ("Did the storm damage ..."): the first non-nominal after it.
      if (i === 0) {
        while (k < out.length && (out[k]!.pos === 'DET' || out[k]!.pos === 'ADJ')) k++;
        let e = k;
        while (e < out.length && NOMINAL.has(out[e]!.pos)) e++;
        // A verb after the subject needs no repair ("Will the government raise"); else the subject keeps its
        // first noun and the last one is the verb ("Did the storm damage the station").
        if (e - k < 2 || (out[e] && isVerbal(out[e]!))) continue;
        k = e - 1;
      }
      const v = out[k];
      if (v && (v.pos === 'ADJ' || v.pos === 'NOUN')) out[k] = { ...v, pos: 'VERB', lemma: v.lower };
    }
  }
  return out;
}

/** The word at `i` opens a relative clause: "who", "which", or "that" after a noun ("the bank that burned"). */
const opensRelative = (tokens: Token[], i: number): boolean =>
  RELATIVES.has(tokens[i]!.lower) ||
  (tokens[i]!.lower === 'that' && i > 0 && NOMINAL.has(tokens[i - 1]!.pos) && tokens[i - 1]!.pos !== 'PRON');

/**
 * The verb at `i` is an infinitive that describes the noun before it, as a relative clause does: "The EU's mission
 * to build capacity ... dates from 2012", "the decision to close the bridge". Only after a noun phrase with a
 * determiner or a possessive: a headline's bare "Police to close the bridge" tells a plan.
 */
function describesNoun(tokens: Token[], i: number): boolean {
  if (tokens[i - 1]?.lower !== 'to' || tokens[i - 2]?.pos !== 'NOUN') return false;
  for (let k = i - 3; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.pos === 'DET' || (t.pos === 'PART' && /^['’]s$/.test(t.lower))) return true;
    if (!['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t.pos)) return false;
  }
  return false;
}

/** Verb groups: runs of auxiliaries and verbs, with the negators and adverbs between them. */
function verbGroups(tokens: Token[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let relativePending = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (opensRelative(tokens, i)) {
      relativePending = true;
      continue;
    }
    if (!isVerbal(t)) continue;
    // "Striking workers": an -ing word before a noun at the opening, or after a determiner, describes it.
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (
      t.pos === 'VERB' &&
      /ing$/.test(t.lower) &&
      next &&
      NOMINAL.has(next.pos) &&
      (!previous || previous.pos === 'DET' || previous.pos === 'ADJ')
    )
      continue;
    let end = i + 1;
    while (end < tokens.length) {
      const u = tokens[end]!;
      if (isVerbal(u) || isNegator(u)) end++;
      else if (
        (u.pos === 'ADV' || u.pos === 'PART') &&
        u.lower !== 'to' &&
        end + 1 < tokens.length &&
        (isVerbal(tokens[end + 1]!) || isNegator(tokens[end + 1]!) || tokens[end + 1]!.pos === 'ADV')
      )
        end++;
      else break;
    }
    // "no longer expect", "never closed": the negating adverbs just before the group belong to it.
    let start = i;
    while (
      start > 0 &&
      (tokens[start - 1]!.pos === 'ADV' || isNegator(tokens[start - 1]!) || tokens[start - 1]!.lower === 'no') &&
      !groups.some((g) => g.end > start - 1)
    )
      start--;
    // "The mayor of Eastline, who took office in 2021, announced": a relative clause's group, then the main one.
    const relative = relativePending || describesNoun(tokens, i);
    groups.push({ start, end, relative });
    relativePending = false;
    i = end - 1;
  }
  return groups;
}

const headOfVerbGroup = (tokens: Token[], g: VerbGroup): number => {
  for (let k = g.end - 1; k >= g.start; k--) if (tokens[k]!.pos === 'VERB') return k;
  for (let k = g.end - 1; k >= g.start; k--) if (tokens[k]!.pos === 'AUX') return k;
  return g.end - 1;
};

/**
 * The noun phrase that starts at `from` (after determiners, adjectives, numbers): its head is its last noun
 * before a preposition, verb or punctuation; a run of names is one head ("Jane Doe"); "billions of dollars"
 * heads on "billion". Undefined when no noun starts there.
 */
function nounPhrase(
  tokens: Token[],
  from: number,
  to = tokens.length,
): { argument: Argument; end: number } | undefined {
  let k = from;
  let head = -1;
  while (k < to) {
    const t = tokens[k]!;
    if (t.pos === 'PART' && /^['’]s$/.test(t.lower))
      head = -1; // "the company's chief executive": the possessor is not the head
    else if (head === k - 1 && t.text === '-' && ['ADJ', 'NOUN'].includes(tokens[k + 1]?.pos ?? ''))
      head = -1; // "a midwife-led centre", "a two-day strike": the word before the hyphen is part of a modifier
    else if (head >= 0) {
      // After the head only a compound goes on ("power station", "Jane Doe"): "jewels worth ..." ends at "jewels".
      if (head === k - 1 && (t.pos === 'NOUN' || t.pos === 'PROPN')) head = k;
      else break;
    } else if (NOMINAL.has(t.pos)) head = k;
    else if (t.pos === 'DET' || t.pos === 'ADJ' || (t.pos === 'PUNCT' && /^[-–]$/.test(t.text))) {
      // determiners and adjectives before the head
    } else if (t.pos === 'VERB' && /(?:ing|ed)$/.test(t.lower) && k + 1 < to && NOMINAL.has(tokens[k + 1]!.pos)) {
      // "the striking workers", "the damaged station": a participle describing the noun
    } else break;
    k++;
  }
  if (head < 0) return undefined;
  const h = tokens[head]!;
  let first = head;
  if (h.pos === 'PROPN') while (first > from && tokens[first - 1]!.pos === 'PROPN') first--;
  const lemma =
    h.pos === 'PROPN'
      ? tokens
          .slice(first, head + 1)
          .map((t) => foldCase(t.text))
          .join(' ')
      : foldCase(h.lemma || h.lower);
  const phrase = tokens
    .slice(from, k)
    .map((t) => t.text)
    .join(' ')
    .replace(/ (['’]s)\b/g, '$1');
  return { argument: { head: lemma, phrase }, end: k };
}

/** The subject: the first comma-separated stretch before the verb that holds a noun and is not a phrase of place or time, or a relative clause. */
function subjectBefore(tokens: Token[], end: number, groups: VerbGroup[]): Argument | undefined {
  let start = 0;
  for (let k = 0; k <= end; k++) {
    if (k < end && !(tokens[k]!.pos === 'PUNCT' && tokens[k]!.text === ',')) continue;
    const first = tokens[start];
    const inGroup = groups.some((g) => g.relative && g.start >= start && g.start < k);
    if (
      first &&
      first.pos !== 'ADP' &&
      first.pos !== 'SCONJ' &&
      !RELATIVES.has(first.lower) &&
      !SUBORDINATORS.has(first.lower)
    ) {
      const np = nounPhrase(tokens, start, k);
      if (np && !(inGroup && np.end > k)) return np.argument;
    }
    start = k + 1;
  }
  return undefined;
}

/** The object right after the verb (and its particle); time words ("on Monday", "next week") are not objects. */
function objectAfter(tokens: Token[], from: number): Argument | undefined {
  let k = from;
  while (k < tokens.length && tokens[k]!.pos === 'ADV') k++;
  const quantifier = QUANTIFIERS.find((q) => q.every((w, i) => tokens[k + i]?.lower === w));
  if (quantifier) k += quantifier.length;
  const np = nounPhrase(tokens, k);
  if (!np || TIME_NOUNS.has(np.argument.head)) return undefined;
  return np.argument;
}

/** The agent of a passive verb: "by" and its noun phrase, after the verb. */
function agentAfter(tokens: Token[], from: number): Argument | undefined {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' || (isVerbal(t) && k > from)) return undefined;
    if (t.lower === 'by') return nounPhrase(tokens, k + 1)?.argument;
  }
  return undefined;
}

const NONE: Clause = { predicate: '', passive: false, negated: false, modality: 'act', complete: false };

/** Strips "According to X, " at the opening and ", X said" / ", said X" at the end; returns the source. */
function stripAttribution(tokens: Token[]): { tokens: Token[]; attribution?: { source?: Argument; verb: string } } {
  if (tokens[0]?.lower === 'according' && tokens[1]?.lower === 'to') {
    const comma = tokens.findIndex((t) => t.text === ',');
    if (comma > 2)
      return {
        tokens: tokens.slice(comma + 1),
        attribution: { source: nounPhrase(tokens, 2, comma)?.argument, verb: 'according to' },
      };
  }
  const lastComma = tokens.map((t) => t.text).lastIndexOf(',');
  // "..., said Scherlinck, who would not say why": a relative clause on the source at the end is the source's.
  if (lastComma > 0 && RELATIVES.has(tokens[lastComma + 1]?.lower ?? '')) {
    const before = stripAttribution(tokens.slice(0, lastComma));
    if (before.attribution) return before;
  }
  // "..., according to the U.S. Geological Survey.": the source at the end.
  if (lastComma > 0 && tokens[lastComma + 1]?.lower === 'according' && tokens[lastComma + 2]?.lower === 'to') {
    const source = nounPhrase(tokens, lastComma + 3);
    if (source && tokens.slice(source.end).every((t) => t.pos === 'PUNCT'))
      return { tokens: tokens.slice(0, lastComma), attribution: { source: source.argument, verb: 'according to' } };
  }
  if (lastComma > 0) {
    const tail = tokens.slice(lastComma + 1).filter((t) => t.pos !== 'PUNCT');
    const verbs = tail.filter(isVerbal);
    const reporting = verbs.find((t) => REPORTING_VERBS.has(t.lemma));
    if (tail.length > 0 && tail.length <= 8 && reporting && verbs.every((t) => t === reporting || t.pos === 'AUX')) {
      const at = tail.indexOf(reporting);
      const after = at === 0 ? nounPhrase(tail, 1) : undefined;
      const before = at > 0 ? nounPhrase(tail, 0, at) : undefined;
      // ", police said" ends on the verb; ", said the ministry" ends on its source: anything after is a clause of its own.
      const source =
        at === tail.length - 1 ? before?.argument : after && after.end === tail.length ? after.argument : undefined;
      if (source) return { tokens: tokens.slice(0, lastComma), attribution: { source, verb: reporting.lemma } };
    }
  }
  return { tokens };
}

function clauseOfTokens(all: Token[], depth = 0): Clause {
  const question = all.some((t) => t.text === '?');
  let tokens = all.filter((t) => !(t.pos === 'PUNCT' && /^[.!?"“”'‘’]$/.test(t.text)));
  const stripped = stripAttribution(tokens);
  tokens = stripped.tokens;
  const attribution = stripped.attribution;
  // "After the storm hit the coast, residents fled": the main clause follows the subordinate one.
  if (tokens[0] && SUBORDINATORS.has(tokens[0].lower)) {
    const comma = tokens.findIndex((t) => t.text === ',');
    if (comma > 0) tokens = tokens.slice(comma + 1);
  }
  tokens = repairTags(tokens);
  const groups = verbGroups(tokens);
  // "Did the storm damage ...": the inverted auxiliary joins the verb after the subject.
  let inverted: VerbGroup | undefined;
  if (question && groups[0]?.start === 0 && groups.length > 1 && tokens[0]!.pos === 'AUX') inverted = groups.shift();
  const mainAt = groups.findIndex((g) => !g.relative);
  const main = groups[mainAt];
  if (!main) return { ...NONE, modality: question ? 'question' : 'act', attribution };
  const groupTokens = [
    ...(inverted ? tokens.slice(inverted.start, inverted.end) : []),
    ...tokens.slice(main.start, main.end),
  ];
  let head = headOfVerbGroup(tokens, main);
  let negated =
    groupTokens.some(isNegator) ||
    groupTokens.some((t, i) => t.lower === 'no' && groupTokens[i + 1]?.lower === 'longer');
  const subject = inverted
    ? nounPhrase(tokens, inverted.end, main.start)?.argument
    : subjectBefore(tokens, main.start, groups);
  const headLemma = tokens[head]!.lemma;
  // "X denied selling the land" says what "X denied that he sold the land" says: the act, negated and credited to X;
  // "The ferry stopped running" says it no longer runs.
  const gerundNegator = groupTokens.find(
    (t, i) =>
      i < groupTokens.length - 1 &&
      (DENYING_VERBS.has(t.lemma) || ENDING_VERBS.has(t.lemma)) &&
      /ing$/.test(tokens[head]!.lower),
  );
  if (gerundNegator) negated = !negated;
  let refused = false;

  // Reported speech: the clause is what is reported, credited to the subject.
  const later = groups.slice(mainAt + 1);
  // "LaCalamita was denied a handgun permit": a reporting verb in the passive reports nothing of its subject's.
  const reportedInPassive =
    !/ing$/.test(tokens[head]!.lower) && groupTokens.some((t) => t.pos === 'AUX' && PASSIVE_AUX.has(t.lemma));
  if (
    REPORTING_VERBS.has(headLemma) &&
    !reportedInPassive &&
    later.length > 0 &&
    depth < 3 &&
    !tokens.slice(main.end, main.end + 2).some((t) => t.lower === 'to')
  ) {
    let from = main.end;
    // "told reporters that ...": the hearer before the clause.
    if (headLemma === 'tell') from = nounPhrase(tokens, from)?.end ?? from;
    while (
      from < tokens.length &&
      (tokens[from]!.lower === 'that' ||
        tokens[from]!.pos === 'ADP' ||
        tokens[from]!.pos === 'PUNCT' ||
        TIME_NOUNS.has(tokens[from]!.lower))
    )
      from++;
    const inner = clauseOfTokens(tokens.slice(from), depth + 1);
    if (inner.complete) {
      const denies = DENYING_VERBS.has(headLemma) && !negated;
      return {
        ...inner,
        negated: denies ? !inner.negated : inner.negated,
        attribution: inner.attribution ?? { source: subject, verb: headLemma },
      };
    }
  }

  let modality: Modality = 'act';
  const lowers = groupTokens.map((t) => t.lower);
  if (lowers.some((w) => HEDGE_MODALS.has(w)) || isGenericCan(lowers, subject)) modality = 'hedge';
  else if (lowers.some((w) => PLAN_MODALS.has(w)) || (lowers.includes('going') && tokens[main.end]?.lower === 'to'))
    modality = 'plan';
  let passive = false;
  const isPassiveAt = (h: number, start: number) => {
    const verb = tokens[h]!;
    if (/ing$/.test(verb.lower)) return false;
    for (let k = h - 1; k >= start; k--) {
      const t = tokens[k]!;
      if (t.pos === 'ADV' || isNegator(t)) continue;
      return t.pos === 'AUX' && PASSIVE_AUX.has(t.lemma) && verb.pos === 'VERB';
    }
    return false;
  };
  passive = isPassiveAt(head, main.start);

  // A verb and "to" and another verb: a plan, a hedge, a failure, or an act stated another way.
  let end = main.end;
  for (let hops = 0; hops < 3; hops++) {
    let k = end;
    // "is only due to open": an adverb may stand before the plan adjective.
    while (tokens[k]?.pos === 'ADV' && tokens[k + 1]?.pos === 'ADJ' && PLAN_ADJECTIVES.has(tokens[k + 1]!.lower)) k++;
    const outer = tokens[head]!;
    // "There are no plans to close", "The firm has no intention to sell": the act is denied, as a plan.
    const deniedPlan =
      (outer.lemma === 'be' || outer.lemma === 'have') &&
      tokens[k]?.lower === 'no' &&
      PLAN_NOUNS.has(tokens[k + 1]?.lemma ?? '');
    if (deniedPlan) k += 2;
    // "is due to", "is set to": a plan adjective before "to".
    const adjective = tokens[k]?.pos === 'ADJ' && PLAN_ADJECTIVES.has(tokens[k]!.lower) ? tokens[k] : undefined;
    if (adjective) k++;
    if (tokens[k]?.lower !== 'to' || !tokens[k + 1] || !isVerbal(tokens[k + 1]!)) break;
    const next = groups.find((g) => g.start === k + 1);
    if (!next) break;
    const lemma = adjective ? adjective.lower : outer.lemma;
    // "The council is to close the bridge", "The aim was to close it": a plan.
    // Not "is to blame", which says who caused it.
    const destined =
      lemma === 'be' && hops === 0 && !passive && !adjective && !deniedPlan && tokens[k + 1]!.lower !== 'blame';
    if (deniedPlan) {
      modality = modality === 'hedge' ? 'hedge' : 'plan';
      negated = !negated;
    } else if (
      adjective ||
      destined ||
      (PLAN_VERBS.has(lemma) && (!passive || lemma === 'set' || lemma === 'expect' || lemma === 'schedule'))
    )
      modality = modality === 'hedge' ? 'hedge' : 'plan';
    else if (HEDGE_VERBS.has(lemma)) modality = 'hedge';
    else if (NEGATING_VERBS.has(lemma)) {
      negated = !negated;
      if (REFUSING_VERBS.has(lemma)) refused = true;
    } else if (!ACT_VERBS.has(lemma) && lemma !== 'have' && lemma !== 'need' && lemma !== 'be') break;
    head = headOfVerbGroup(tokens, next);
    // "is said to have left": the perfect infinitive keeps the hedge; "may have" in the inner group hedges too.
    const innerWords = tokens.slice(next.start, next.end).map((t) => t.lower);
    if (innerWords.some((w) => HEDGE_MODALS.has(w))) modality = 'hedge';
    passive = isPassiveAt(head, next.start);
    end = next.end;
  }
  if (tokens.some((t) => HEDGE_ADVERBS.has(t.lower))) modality = 'hedge';
  if (question) modality = 'question';

  let predicate = foldCase(tokens[head]!.lemma || tokens[head]!.lower);
  if ((IMPENDING_VERBS.has(predicate) || PROPOSAL_VERBS.has(predicate)) && modality === 'act') modality = 'plan';
  let after = Math.max(end, head + 1);
  const particle = tokens[after];
  // A particle of the lexicon's, or an adverb WordNet joins to the verb as a phrasal verb ("went ahead").
  if (
    particle &&
    ((PARTICLES.has(particle.lower) && (particle.pos === 'ADP' || particle.pos === 'PART' || particle.pos === 'ADV')) ||
      (particle.pos === 'ADV' && isLemma(`${predicate} ${particle.lower}`, 'v')))
  ) {
    predicate = `${predicate} ${particle.lower}`;
    after++;
  }
  const object = passive ? undefined : objectAfter(tokens, after);
  const byAgent = passive ? agentAfter(tokens, after) : undefined;
  const clause: Clause = { predicate, passive, negated, modality, complete: true };
  if (subject) clause.subject = subject;
  if (object) clause.object = object;
  const agent = passive ? byAgent : subject;
  const patient = passive ? subject : object;
  if (agent) clause.agent = agent;
  if (patient) clause.patient = patient;
  if (attribution) clause.attribution = attribution;
  else if (gerundNegator && DENYING_VERBS.has(gerundNegator.lemma))
    clause.attribution = { ...(subject ? { source: subject } : {}), verb: gerundNegator.lemma };
  if (refused) clause.refused = true;
  const mainWords = mainWordsBesideRelatives(tokens, groups, main, object);
  if (mainWords) clause.mainWords = mainWords;
  return clause;
}

/** The last word of an argument's head: "bypass" of "dunhollow bypass", "mayor" of "the mayor". */
export const headWord = (argument: Argument): string => argument.head.split(' ').at(-1) ?? '';

/** Parts of speech whose words carry the main clause's content. */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

/**
 * The main clause's content words from its verb group on, leaving out each relative clause (from its pronoun to
 * the next comma, or to the main verb when it comes first) and the noun phrase it describes. Undefined when the
 * sentence has no relative clause, or when a figure stands in the main part (figures are read by the slots).
 */
function mainWordsBesideRelatives(
  tokens: Token[],
  groups: VerbGroup[],
  main: VerbGroup,
  object: Argument | undefined,
): string[] | undefined {
  // "that" with a subject of its own after it opens what is said of the noun ("accusations that it bombed the
  // camp"), not a description of it: only "that" right before its verb is read as relative ("the bank that burned").
  const opens = tokens
    .map((_, i) => i)
    .filter(
      (i) =>
        opensRelative(tokens, i) &&
        groups.some((g) => g.relative && g.start > i) &&
        (tokens[i]!.lower !== 'that' || isVerbal(tokens[i + 1] ?? tokens[i]!)),
    );
  if (opens.length === 0) return undefined;
  const background = new Set<number>();
  for (const open of opens) {
    let end = tokens.findIndex((t, k) => k > open && t.text === ',');
    if (end < 0) end = tokens.length;
    if (main.start > open) end = Math.min(end, main.start);
    for (let k = open; k < end; k++) background.add(k);
    let k = open - 1;
    if (tokens[k]?.text === ',') k--;
    // The main verb's object, described by the relative clause, is the main clause's own ("headed a delegation that
    // visited Niamey").
    if (object && foldCase(tokens[k]?.lemma || tokens[k]?.lower || '') === headWord(object)) continue;
    while (k >= 0 && (NOMINAL.has(tokens[k]!.pos) || tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ')) {
      background.add(k);
      k--;
    }
  }
  const rest = tokens.slice(main.start).filter((_, i) => !background.has(main.start + i));
  if (rest.some((t) => t.pos === 'NUM')) return undefined;
  return rest.filter((t) => CONTENT_POS.has(t.pos)).map((t) => foldCase(t.lemma || t.lower));
}

/**
 * A dateline before a story's first sentence: "LOWICK, 14 November 2025 - ", "JAKARTA, Indonesia (AP) -- ",
 * "MARKET LEDGER, 9 October - ". Its place is still the sentence's (names and retrieval read the whole text);
 * only the grammar starts after it, so that the subject is the story's, not the dateline's.
 */
const DATELINE =
  /^\p{Lu}[\p{Lu}.'’ -]*\p{Lu}(?:,[^-–—()]{1,40}(?:\s*\([^)]{1,30}\))?|\s*\([^)]{1,30}\))\s+(?:-{1,2}|–|—)\s+(?=\S)/u;

/** The clause structure of one sentence (see the module comment). Never throws: an unreadable sentence is incomplete. */
export function clauseOf(sentence: string): Clause {
  const text = sentence.trim().replace(DATELINE, '');
  if (text === '') return { ...NONE };
  try {
    return clauseOfTokens(tag(text));
  } catch {
    return { ...NONE };
  }
}

/** Two arguments name the same thing: the same head lemma, or one name inside the other ("Doe", "Jane Doe"). */
export function sameArgument(a: Argument | undefined, b: Argument | undefined): boolean {
  if (!a || !b) return false;
  if (a.head === b.head) return true;
  const [x, y] = a.head.length <= b.head.length ? [a.head, b.head] : [b.head, a.head];
  return x.length > 2 && ` ${y} `.includes(` ${x} `);
}

/**
 * The sentence has the claim's two participants in each other's roles: "A beat B" against "B beat A", or
 * against "A was beaten by B" (roles are read through the passive). False when either role is unknown.
 */
export function rolesSwapped(claim: Clause, sentence: Clause): boolean {
  if (!claim.agent || !claim.patient || !sentence.agent || !sentence.patient) return false;
  if (sameArgument(claim.agent, claim.patient)) return false;
  return (
    sameArgument(claim.agent, sentence.patient) &&
    sameArgument(claim.patient, sentence.agent) &&
    !sameArgument(claim.agent, sentence.agent)
  );
}

/** The sentence has the claim's participants in the same roles (each role the two both know agrees). */
export function sameRoles(claim: Clause, sentence: Clause): boolean {
  const roles = (['agent', 'patient'] as const).filter((r) => claim[r] && sentence[r]);
  return roles.length > 0 && roles.every((r) => sameArgument(claim[r], sentence[r]));
}

export { clauseOfTokens as clauseOfTaggedTokens };
