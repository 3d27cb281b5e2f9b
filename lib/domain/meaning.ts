// How close two words are in meaning, from the kept resources rather than a hand list: WordNet synonyms (the
// words' first senses share a synset: "prohibited" / "banned", "quit" / "resigned") and word vectors (a close
// neighbour: "torched" / "burned", "seized" / "captured"). Term matching uses it where the lexicon and the stemmer
// find nothing, so a paraphrase with few shared words still covers the claim. Two words the hand lexicon files in
// different groups ("killed" / "injured") or that WordNet opposes ("rose" / "fell") are never alike, however close
// their vectors: nearness in a vector space is relatedness, not sameness of fact.
import { STOP_WORDS, VERB_PARTICLES } from './lexicon.js';
import { similarity, wordVector } from './resources/vectors.js';
import {
  antonyms,
  areAntonyms,
  areSynonyms,
  baseForms,
  derivedWords,
  hypernyms,
  isLemma,
  lemmatize,
  synonyms,
} from './resources/wordnet.js';
import { canonicalTerm, inSynonymGroup, withoutLeftAsRemaining } from './terms.js';
import { foldCase, wordTokens } from './text.js';

/** How much a word matched by meaning counts against a word matched by its stem (1), per kind of match. */
export const MEANING_CREDIT = {
  /** the words share a synset among their first senses */
  synonym: 0.75,
  /** the sentence's word names a kind of the claim's thing ("helicopter" for "aircraft"): it says the claim's word */
  kind: 0.75,
  /** one word is derived from the other, a noun for a verb or the verb for the noun ("explosion" / "exploded") */
  derived: 0.75,
  /** the words' vectors are at least `VECTOR_BAR` alike */
  vector: 0.5,
} as const;
/** How many hypernym levels up a sentence's noun may be read as the claim's ("helicopter" to "aircraft" is two). */
export const KIND_DEPTH = 4;
/** Cosine of two words' vectors at or above which they are near enough to count as the same word. */
export const VECTOR_BAR = 0.78;
/**
 * A looser bar for the claim's main act than for its other words: the act must be said, and a verb is said in
 * many ways ("defeated" / "beaten", "sued" / "filed a lawsuit"), while the other words already place the fact.
 */
export const ACT_VECTOR_BAR = 0.6;
/** How near a word's base form must be to an antonym's for the two to be opposed ("increase" near "raise"). */
export const OPPOSITE_VECTOR_BAR = 0.7;
/** WordNet senses read per word: beyond the first few, every word is a synonym of many others. */
const SENSES = 3;

const MEMO_LIMIT = 100_000;
const alikeMemo = new Map<string, Map<string, number>>();

/** Words of a figure's qualifier ("at least", "nearly"): quantities compare them as bounds, not as meaning. */
const QUALIFIER_WORDS = new Set([
  'least',
  'most',
  'nearly',
  'almost',
  'roughly',
  'approximately',
  'fewer',
  'less',
  'more',
]);

/**
 * Letters only, three or more, not a function word nor a qualifier: the words that can carry a fact by meaning;
 * and a verb with its particle that WordNet holds ("turn down", which says "reject"; see `meaningWords`).
 */
const isMeaningWord = (word: string): boolean =>
  (word.length >= 3 && /^\p{Ll}+$/u.test(word) && !STOP_WORDS.has(word) && !QUALIFIER_WORDS.has(word)) ||
  isPhrasalVerb(word) ||
  isCompoundNoun(word);

/** Particles that make a verb another verb: "turned down" (rejected), "called off" (cancelled), "stepped down". */
const PARTICLES = new Set(VERB_PARTICLES);
const isPhrasalVerb = (phrase: string): boolean => {
  const [verb, particle, more] = phrase.split(' ');
  return (
    more === undefined &&
    particle !== undefined &&
    PARTICLES.has(particle) &&
    /^\p{Ll}{2,}$/u.test(verb!) &&
    isLemma(phrase, 'v')
  );
};

/**
 * A noun of two words that WordNet holds as one ("grappling hook", which says "grapnel"; "police officer",
 * "fire engine"): read as one word by meaning, as a reader reads it.
 */
export const isCompoundNoun = (phrase: string): boolean => {
  const [first, head, more] = phrase.split(' ');
  return (
    more === undefined &&
    head !== undefined &&
    opensCompound(first!) &&
    /^\p{Ll}{2,}$/u.test(head) &&
    !PARTICLES.has(head) &&
    isLemma(phrase, 'n')
  );
};
/** A word that can open a two-word noun: letters, not a function word. */
const opensCompound = (word: string): boolean => /^\p{Ll}{2,}$/u.test(word) && !STOP_WORDS.has(word);

/**
 * The two-word noun WordNet holds for a word and the next, the second in any of its noun forms ("grappling" and
 * "hooks" make "grappling hook"), or undefined. The first word is checked before the second's forms are looked up:
 * every pair of a sentence's words comes through here.
 */
export const compoundNoun = (first: string, second: string): string | undefined =>
  opensCompound(first)
    ? [second, ...baseForms(second, 'n')].map((form) => `${first} ${form}`).find(isCompoundNoun)
    : undefined;

/**
 * How alike two lower-case words are, in [0, 1]: 1 for the same term, the credit of the best kind of match
 * (`MEANING_CREDIT`), 0 when none, when they are opposites, or when the lexicon keeps them apart.
 */
export function wordsAlike(a: string, b: string): number {
  // Looked up as given first, by word and then word (no key to build): term matching asks about the same
  // lower-case words again and again.
  const [first, second] = a < b ? [a, b] : [b, a];
  let row = alikeMemo.get(first);
  if (!row) {
    if (alikeMemo.size >= MEMO_LIMIT) alikeMemo.clear();
    row = new Map();
    alikeMemo.set(first, row);
  }
  let value = row.get(second);
  if (value === undefined) {
    const [x, y] = [foldCase(a), foldCase(b)];
    value = canonicalTerm(x) === canonicalTerm(y) || sameLemma(x, y) ? 1 : findAlike(x, y);
    if (row.size >= MEMO_LIMIT) row.clear();
    row.set(second, value);
  }
  return value;
}

/** Two forms of one word the stemmer does not join: irregular inflections ("left" / "leaves", "fell" / "fallen"). */
const sameLemma = (a: string, b: string): boolean => {
  const [x, y] = [profileOf(a), profileOf(b)];
  return x.meaning && y.meaning && x.lemma === y.lemma;
};

/** What a word brings to a comparison, read once per word: its group, its WordNet synonyms, its unit vector. */
interface WordProfile {
  meaning: boolean;
  grouped: boolean;
  lemma: string;
  synonyms: ReadonlySet<string>;
  derived: ReadonlySet<string>;
  vector: Float32Array | undefined;
}

const profiles = new Map<string, WordProfile>();
function profileOf(word: string): WordProfile {
  let profile = profiles.get(word);
  if (!profile) {
    const meaning = isMeaningWord(word);
    const v = meaning ? wordVector(word) : undefined;
    let norm = 0;
    if (v) for (let d = 0; d < v.length; d++) norm += v[d]! * v[d]!;
    profile = {
      meaning,
      grouped: meaning && inSynonymGroup(word),
      lemma: meaning ? lemmatize(word) : word,
      synonyms: new Set(meaning ? synonyms(word, undefined, { senses: SENSES }) : []),
      derived: new Set(meaning ? derivedWords(word, { senses: SENSES }) : []),
      vector: v && norm > 0 ? v.map((x) => x / Math.sqrt(norm)) : undefined,
    };
    if (profiles.size >= MEMO_LIMIT) profiles.clear();
    profiles.set(word, profile);
  }
  return profile;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += a[d]! * b[d]!;
  return sum;
}

// Cheap tests first (set lookups, one dot product); WordNet's antonyms only for a pair that would match.
function findAlike(a: string, b: string): number {
  const [x, y] = [profileOf(a), profileOf(b)];
  if (!x.meaning || !y.meaning) return 0;
  // The lexicon's groups are validated data: two words it files apart are different facts.
  if (x.grouped && y.grouped) return 0;
  // Both ways, as a shared synset among the first senses of each word would be.
  const synonym = (x.synonyms.has(b) || x.synonyms.has(y.lemma)) && (y.synonyms.has(a) || y.synonyms.has(x.lemma));
  const derived = x.derived.has(b) || x.derived.has(y.lemma) || y.derived.has(a) || y.derived.has(x.lemma);
  const credit = synonym
    ? MEANING_CREDIT.synonym
    : derived
      ? MEANING_CREDIT.derived
      : x.vector && y.vector && dot(x.vector, y.vector) >= VECTOR_BAR
        ? MEANING_CREDIT.vector
        : 0;
  return credit > 0 && areAntonyms(a, b, { senses: SENSES }) ? 0 : credit;
}

/** WordNet knows the word as a verb: only a verb can say an act by nearness of vectors ("footbridge" is near "built"). */
const isVerbForm = (word: string): boolean => baseForms(word, 'v').length > 0;

/**
 * Whether a sentence's word can say the claim's act: the same term, a synonym in any sense, or a verb whose vector is at least
 * `ACT_VECTOR_BAR` alike ("filed" for "sued"); never an opposite.
 */
export function actsAlike(act: string, word: string): boolean {
  const key = `${act}\t${word}`;
  let value = actMemo.get(key);
  if (value === undefined) {
    const [x, y] = [foldCase(act), foldCase(word)];
    value =
      canonicalTerm(x) === canonicalTerm(y) ||
      (isMeaningWord(x) &&
        isMeaningWord(y) &&
        !areAntonyms(x, y, { senses: SENSES }) &&
        !wordsOpposed(x, y) &&
        (areSynonyms(x, y) || (isVerbForm(y) && similarity(x, y) >= ACT_VECTOR_BAR)));
    if (actMemo.size >= MEMO_LIMIT) actMemo.clear();
    actMemo.set(key, value);
  }
  return value;
}
const actMemo = new Map<string, boolean>();

/**
 * Whether two words say opposite things: WordNet antonyms, or one is the antonym of a synonym or a close vector
 * neighbour of the other ("lowered" / "increased": lower is the antonym of raise, and raise is near increase).
 */
export function wordsOpposed(a: string, b: string): boolean {
  const key = a < b ? `${a}\t${b}` : `${b}\t${a}`;
  let value = opposedMemo.get(key);
  if (value === undefined) {
    value = findOpposed(foldCase(a), foldCase(b)) ? 1 : 0;
    if (opposedMemo.size >= MEMO_LIMIT) opposedMemo.clear();
    opposedMemo.set(key, value);
  }
  return value === 1;
}
const opposedMemo = new Map<string, number>();

function findOpposed(x: string, y: string): boolean {
  if (x === y || canonicalTerm(x) === canonicalTerm(y) || lemmatize(x) === lemmatize(y)) return false;
  if (areAntonyms(x, y)) return true;
  if (!isMeaningWord(x) || !isMeaningWord(y)) return false;
  // The antonym must stand nearer the other word than the word itself does ("raise" is nearer "increase" than
  // "lower" is).
  const opposite = (p: string, q: string) =>
    antonyms(p, undefined, { senses: SENSES }).some(
      (o) =>
        areSynonyms(o, q) ||
        (similarity(o, lemmatize(q)) >= OPPOSITE_VECTOR_BAR && similarity(o, lemmatize(q)) > similarity(p, q)),
    );
  return opposite(x, y) || opposite(y, x);
}

/**
 * Whether the sentence's word names a kind of what the claim's word names: a noun whose first sense has the
 * claim's noun among its hypernyms, at most `KIND_DEPTH` levels up ("helicopter" says "aircraft", "rifle" says
 * "weapon"). One way only: a claim about a helicopter is not stated by "an aircraft".
 */
export function namesKindOf(specific: string, general: string): boolean {
  const [x, y] = [foldCase(specific), foldCase(general)];
  if (x === y || !isMeaningWord(x) || !isMeaningWord(y) || !isLemma(lemmatize(y, 'n'), 'n')) return false;
  let kinds = kindMemo.get(x);
  if (!kinds) {
    kinds = new Set(hypernyms(x, 'n', { senses: 1, depth: KIND_DEPTH }));
    if (kindMemo.size >= MEMO_LIMIT) kindMemo.clear();
    kindMemo.set(x, kinds);
  }
  return kinds.has(y) || kinds.has(lemmatize(y, 'n'));
}
const kindMemo = new Map<string, Set<string>>();

/** A text's words that can carry a fact by meaning, lower-case, each once. */
export function meaningWords(text: string): string[] {
  const tokens = withoutLeftAsRemaining(wordTokens(text).map(foldCase));
  const words = tokens.filter(isMeaningWord);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [word, next] = [tokens[i]!, tokens[i + 1]!];
    // "have turned down the plan": the verb and its particle as WordNet's one verb, "turn down".
    if (PARTICLES.has(next)) {
      const phrase = `${lemmatize(word, 'v')} ${next}`;
      if (isPhrasalVerb(phrase)) words.push(phrase);
      continue;
    }
    // "found grappling hooks": the two words as WordNet's one noun, "grappling hook".
    const compound = compoundNoun(word, next);
    if (compound) words.push(compound);
  }
  return [...new Set(words)];
}

/** The best likeness of the word to any of the words, in [0, 1]. */
export function bestLikeness(word: string, words: readonly string[]): number {
  let best = 0;
  for (const w of words) {
    const s = wordsAlike(word, w);
    if (s > best) best = s;
    if (best === 1) break;
  }
  return best;
}
