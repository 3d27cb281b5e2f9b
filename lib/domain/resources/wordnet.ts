// WordNet (assets/wordnet.bin, built by lib/assets/wordnet.ts): lemmas, synonyms, antonyms, hypernyms.
// Read on first use as blocks (blocks.ts): a lemma or synset line is inflated and decoded when a lookup first
// reaches its block.
import { foldCase } from '../text.js';
import { lazyAsset, readAsset } from './assets.js';
import { type BlockText, readBlockText } from './blocks.js';

export const WORDNET_ASSET = 'wordnet.bin';

/** WordNet's parts of speech: noun, verb, adjective (satellites included), adverb. */
export type WordnetPos = 'n' | 'v' | 'a' | 'r';
const POS_ORDER: readonly WordnetPos[] = ['n', 'v', 'a', 'r'];

export interface Synset {
  id: number;
  /** 'n', 'v', 'a', 'r', or 's' for a satellite adjective (one that points to its cluster's head with '&'). */
  pos: WordnetPos | 's';
  words: string[];
  /** Symbol ('!' antonym, '@' hypernym, 'i' instance hypernym, '&' similar to, '*' entails, '>' causes, '+' derived). */
  pointers: Array<{ symbol: string; target: number; source: number; dest: number }>;
}

interface Wordnet {
  text: BlockText;
  /** Byte ranges [start, end) of the sections' bodies. */
  synsets: [number, number];
  lemmas: [number, number];
  parsed: Map<number, Synset>;
  lemmaCache: Map<string, string | undefined>;
  exceptions: Record<WordnetPos, Map<string, string[]>>;
}

/**
 * Finds the text's sections by their header lines (each starts a block), so only the blocks a lookup reaches
 * are ever inflated: a synset's id is its byte offset and the lemma lines are sorted. The exception lists
 * (111 KB) are read whole, as morphy asks them first.
 */
export function parseWordnet(text: BlockText): Wordnet {
  const sections = new Map<string, [number, number]>();
  let pos = 0;
  while (pos < text.length) {
    const m = /^#(\w+) (\d+)$/.exec(text.lineAt(pos) ?? '');
    if (!m) throw new Error(`${WORDNET_ASSET}: expected a section header at byte ${pos}`);
    const start = pos + m[0].length + 1;
    const body: [number, number] = [start, start + Number(m[2])];
    if (body[1] > text.length) throw new Error(`${WORDNET_ASSET}: #${m[1]} is cut short`);
    sections.set(m[1]!, body);
    pos = body[1];
  }
  const section = (name: string): [number, number] => {
    const range = sections.get(name);
    if (!range) throw new Error(`${WORDNET_ASSET}: no #${name} section`);
    return range;
  };
  const exceptions = { n: new Map(), v: new Map(), a: new Map(), r: new Map() } as Wordnet['exceptions'];
  const [from, to] = section('exceptions');
  for (const line of text.slice(from, to).split('\n')) {
    if (!line) continue;
    const [p, form, bases] = line.split('\t') as [WordnetPos, string, string];
    exceptions[p].set(form, bases.split(' '));
  }
  return {
    text,
    synsets: section('synsets'),
    lemmas: section('lemmas'),
    parsed: new Map(),
    lemmaCache: new Map(),
    exceptions,
  };
}

const wordnet = lazyAsset(() => parseWordnet(readBlockText(readAsset(WORDNET_ASSET), WORDNET_ASSET)));

/** The lemma line's synset lists ("n|v|a|r"), by binary search over the sorted lemma lines. */
function lemmaEntry(lemma: string): string | undefined {
  const wn = wordnet();
  if (wn.lemmaCache.has(lemma)) return wn.lemmaCache.get(lemma);
  const found = wn.text.findKey(lemma, wn.lemmas[0], wn.lemmas[1]);
  if (wn.lemmaCache.size > 100_000) wn.lemmaCache.clear();
  wn.lemmaCache.set(lemma, found);
  return found;
}

export function synset(id: number): Synset {
  const wn = wordnet();
  let s = wn.parsed.get(id);
  if (!s) {
    const [from, to] = wn.synsets;
    const at = from + id;
    const line = Number.isInteger(id) && id >= 0 && at < to ? wn.text.lineAt(at) : undefined;
    if (line === undefined) throw new Error(`no WordNet synset ${id}`);
    const [pos, words, pointers] = line.split('\t') as [Synset['pos'], string, string];
    s = {
      id,
      pos,
      words: words.split(' ').map((w) => w.replace(/_/g, ' ')),
      pointers: pointers
        .split(' ')
        .filter(Boolean)
        .map((p) => {
          const parts = p.slice(1).split('.').map(Number);
          return parts.length === 3
            ? { symbol: p[0]!, source: parts[0]!, dest: parts[1]!, target: parts[2]! }
            : { symbol: p[0]!, source: 0, dest: 0, target: parts[0]! };
        }),
    };
    wn.parsed.set(id, s);
  }
  return s;
}

const key = (word: string): string => foldCase(word).trim().replace(/\s+/g, '_');

/** The synset ids of a lemma (exactly as WordNet lists it) for one part of speech, most frequent sense first. */
function lemmaSynsets(lemma: string, pos: WordnetPos): number[] {
  const entry = lemmaEntry(key(lemma));
  const ids = entry?.split('|')[POS_ORDER.indexOf(pos)];
  return ids ? ids.split(',').map(Number) : [];
}

export const isLemma = (word: string, pos: WordnetPos): boolean => lemmaSynsets(word, pos).length > 0;

/** Morphy's suffix rules: an inflected ending and what the base form ends in instead. */
const DETACHMENT: Record<WordnetPos, Array<[string, string]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

/**
 * WordNet's base forms of a word for one part of speech, as morphy finds them: the exception list first
 * ("fled" -> flee), then the word itself when it is a lemma, then the suffix rules whose result is a lemma.
 */
export function baseForms(word: string, pos: WordnetPos): string[] {
  const form = key(word);
  const cacheKey = `${pos}\t${form}`;
  let forms = baseFormCache.get(cacheKey);
  if (!forms) {
    forms = findBaseForms(form, pos);
    if (baseFormCache.size > 100_000) baseFormCache.clear();
    baseFormCache.set(cacheKey, forms);
  }
  return [...forms];
}

const baseFormCache = new Map<string, string[]>();

function findBaseForms(form: string, pos: WordnetPos): string[] {
  const out = new Set<string>(wordnet().exceptions[pos].get(form) ?? []);
  if (isLemma(form, pos)) out.add(form);
  for (const [suffix, ending] of DETACHMENT[pos]) {
    if (form.length > suffix.length + 1 && form.endsWith(suffix)) {
      const base = form.slice(0, form.length - suffix.length) + ending;
      if (isLemma(base, pos)) out.add(base);
    }
  }
  return [...out].filter((b) => isLemma(b, pos)).map((b) => b.replace(/_/g, ' '));
}

/**
 * The word's lemma. With a part of speech, morphy's first base form; without one, the first part of speech
 * (verb, noun, adjective, adverb: news predicates first) that has one, so "resigned" is resign though
 * WordNet also lists the adjective "resigned". Unknown words come back lower-cased.
 */
export function lemmatize(word: string, pos?: WordnetPos): string {
  for (const p of pos ? [pos] : (['v', 'n', 'a', 'r'] as const)) {
    const base = baseForms(word, p)[0];
    if (base !== undefined) return base;
  }
  return foldCase(word).trim();
}

export interface SenseOptions {
  /** Only the word's first N senses (WordNet orders them by frequency); all when absent. */
  senses?: number;
}

/** The synsets of the word's base forms, for one part of speech or all, most frequent sense first. */
export function synsetsOf(word: string, pos?: WordnetPos, options: SenseOptions = {}): Synset[] {
  const out: Synset[] = [];
  for (const p of pos ? [pos] : POS_ORDER) {
    const ids = [...new Set(baseForms(word, p).flatMap((b) => lemmaSynsets(b, p)))];
    out.push(...ids.slice(0, options.senses ?? ids.length).map(synset));
  }
  return out;
}

const unique = (words: Iterable<string>, except: Set<string>): string[] =>
  [...new Set(words)].filter((w) => !except.has(w));
const formsOf = (word: string, pos?: WordnetPos): Set<string> =>
  new Set([foldCase(word).trim(), ...(pos ? [pos] : POS_ORDER).flatMap((p) => baseForms(word, p))]);

/** Words sharing a synset with the word, most frequent sense first. */
export function synonyms(word: string, pos?: WordnetPos, options: SenseOptions = {}): string[] {
  return unique(
    synsetsOf(word, pos, options).flatMap((s) => s.words),
    formsOf(word, pos),
  );
}

export function areSynonyms(a: string, b: string, pos?: WordnetPos, options: SenseOptions = {}): boolean {
  const ids = new Set(synsetsOf(a, pos, options).map((s) => s.id));
  return synsetsOf(b, pos, options).some((s) => ids.has(s.id));
}

/** The synsets a synset's antonym pointers reach, counting a lexical pointer only when it starts at one of fromWords. */
function directAntonyms(s: Synset, fromWords?: Set<string>): Synset[] {
  return s.pointers
    .filter((p) => p.symbol === '!' && (!fromWords || p.source === 0 || fromWords.has(s.words[p.source - 1]!)))
    .map((p) => synset(p.target));
}

/**
 * The target words of a synset's pointers of one kind, counting a lexical pointer only when it starts at one of
 * fromWords, and only into synsets that `into` accepts.
 */
const pointedWordsOf = (
  symbol: string,
  s: Synset,
  fromWords?: Set<string>,
  into: (target: Synset) => boolean = () => true,
): string[] => {
  const out: string[] = [];
  for (const p of s.pointers) {
    if (p.symbol !== symbol || (fromWords && p.source !== 0 && !fromWords.has(s.words[p.source - 1]!))) continue;
    const target = synset(p.target);
    if (into(target)) out.push(p.dest > 0 ? target.words[p.dest - 1]! : target.words[0]!);
  }
  return out;
};
const antonymWordsOf = (s: Synset, fromWords?: Set<string>): string[] => pointedWordsOf('!', s, fromWords);

/**
 * An adjective's cluster heads: itself when it is a head, else the heads its similar-to pointers reach.
 * WordNet gives antonyms only between heads, so a satellite ("shut") is opposed through its head ("closed").
 */
const clusterHeads = (s: Synset): Synset[] =>
  s.pos === 's' ? s.pointers.filter((p) => p.symbol === '&').map((p) => synset(p.target)) : [s];
/** A head with its satellites. */
const clusterOf = (head: Synset): Synset[] => [
  head,
  ...head.pointers.filter((p) => p.symbol === '&').map((p) => synset(p.target)),
];

/** Opposites of the word: WordNet's direct antonyms, then for adjectives those of its cluster's head. */
export function antonyms(word: string, pos?: WordnetPos, options: SenseOptions = {}): string[] {
  const forms = formsOf(word, pos);
  const out: string[] = [];
  for (const s of synsetsOf(word, pos, options)) {
    out.push(...antonymWordsOf(s, forms));
    if (s.pos === 's') for (const head of clusterHeads(s)) out.push(...antonymWordsOf(head));
  }
  return unique(out, forms);
}

/** A noun for a verb's act or doer, or the verb for the noun: not adjectives ("elected", "eligible"). */
const DERIVED_POS: Partial<Record<Synset['pos'], WordnetPos>> = { n: 'v', v: 'n' };

/**
 * Words derived from the word or it from them, in any part of speech (WordNet's derivational links between word
 * senses): "runner" and "run", "explosion" and "explode", "death" and "die".
 */
export function derivedWords(word: string, options: SenseOptions = {}): string[] {
  const forms = formsOf(word);
  return unique(
    synsetsOf(word, undefined, options).flatMap((s) =>
      pointedWordsOf('+', s, forms, (target) => target.pos === DERIVED_POS[s.pos]),
    ),
    forms,
  );
}

const opposedCache = new Map<string, Set<number>>();

/** The synsets opposed to the word's: direct antonyms, and for adjectives the whole opposite cluster. */
function opposedSynsetIds(word: string, pos?: WordnetPos, options: SenseOptions = {}): Set<number> {
  const cacheKey = `${foldCase(word)}\t${pos ?? ''}\t${options.senses ?? ''}`;
  const cached = opposedCache.get(cacheKey);
  if (cached) return cached;
  const forms = formsOf(word, pos);
  const out = new Set<number>();
  for (const s of synsetsOf(word, pos, options)) {
    for (const t of directAntonyms(s, forms)) out.add(t.id);
    if (s.pos === 'a' || s.pos === 's') {
      for (const head of clusterHeads(s))
        for (const opposite of directAntonyms(head)) for (const t of clusterOf(opposite)) out.add(t.id);
    }
  }
  // Bounded: the engine asks about the words of claims and their evidence, a few thousand at most per instance.
  if (opposedCache.size > 50_000) opposedCache.clear();
  opposedCache.set(cacheKey, out);
  return out;
}

/**
 * Whether the two words are opposites in some sense: a synset of one is a direct antonym of a synset of the
 * other, or for adjectives they sit in opposite halves of one cluster. Parts of speech may differ, so
 * "closed" (adjective) opposes "open" (verb or adjective) through the word forms the antonym names.
 */
export function areAntonyms(a: string, b: string, options: SenseOptions = {}): boolean {
  const cacheKey = `${foldCase(a)}\t${foldCase(b)}\t${options.senses ?? ''}`;
  let answer = antonymPairCache.get(cacheKey);
  if (answer === undefined) {
    answer = findAntonymy(a, b, options);
    if (antonymPairCache.size > 100_000) antonymPairCache.clear();
    antonymPairCache.set(cacheKey, answer);
  }
  return answer;
}

const antonymPairCache = new Map<string, boolean>();

function findAntonymy(a: string, b: string, options: SenseOptions): boolean {
  const opposed = opposedSynsetIds(a, undefined, options);
  if (synsetsOf(b, undefined, options).some((s) => opposed.has(s.id))) return true;
  const bForms = formsOf(b);
  return (
    antonyms(a, undefined, options).some((w) => bForms.has(w)) ||
    antonyms(b, undefined, options).some((w) => formsOf(a).has(w))
  );
}

/** The words of the word's hypernym synsets (instance hypernyms included), nearest first, up to depth levels. */
export function hypernyms(word: string, pos?: WordnetPos, options: SenseOptions & { depth?: number } = {}): string[] {
  let level = synsetsOf(word, pos, options);
  const seen = new Set<number>(level.map((s) => s.id));
  const out: string[] = [];
  for (let d = 0; d < (options.depth ?? 1); d++) {
    const next: Synset[] = [];
    for (const s of level) {
      for (const p of s.pointers) {
        if ((p.symbol === '@' || p.symbol === 'i') && !seen.has(p.target)) {
          seen.add(p.target);
          next.push(synset(p.target));
        }
      }
    }
    out.push(...next.flatMap((s) => s.words));
    level = next;
  }
  return unique(out, formsOf(word, pos));
}

/** Whether `general` is a hypernym of `specific` within depth levels: a "car" is a kind of "vehicle". */
export function isKindOf(specific: string, general: string, pos?: WordnetPos, depth = 6): boolean {
  const forms = formsOf(general, pos);
  return hypernyms(specific, pos, { depth }).some((w) => forms.has(w));
}

/** What the verb entails or causes ("kill" causes "die"): the verbs its '*' and '>' pointers reach. */
export function entailments(word: string, options: SenseOptions = {}): string[] {
  return unique(
    synsetsOf(word, 'v', options).flatMap((s) =>
      s.pointers.filter((p) => p.symbol === '*' || p.symbol === '>').flatMap((p) => synset(p.target).words),
    ),
    formsOf(word, 'v'),
  );
}
