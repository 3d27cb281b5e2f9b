// Names of people, places and organisations: runs of capitalised words. Matching is
// by spelling-insensitive keys: diacritics folded, titles dropped, and each token's
// Double Metaphone code, so "Tiani"/"Tchiani" and "Yevkurov"/"Evkourov" agree.
import { doubleMetaphone } from 'double-metaphone';
import type { NameSlot } from '../types.js';
import { CAPITAL_OF, GENERIC_SUBJECTS, MONTHS, PORTFOLIOS, STOP_WORDS, TITLES, WEEKDAYS } from '../lexicon.js';
import { foldCase } from '../text.js';
import { NUMBER_WORD } from './numbers.js';

const NAME_RUN = /\b\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|al|el|bin|van|von|der|la|le|of|the)\s+)?\p{Lu}[\p{L}'’-]*)*/gu;

/** Clocks, not names: "1023 GMT". */
const TIME_ZONES = new Set(['gmt', 'utc', 'est', 'edt', 'pst', 'pdt', 'cet', 'bst', 'ist']);

const isNoise = (token: string): boolean => {
  const lower = foldCase(token);
  return (
    STOP_WORDS.has(lower) ||
    TIME_ZONES.has(lower) ||
    TITLES.has(lower) ||
    GENERIC_SUBJECTS.has(lower) ||
    NUMBER_WORD.test(lower) ||
    lower in MONTHS ||
    lower in WEEKDAYS ||
    lower.length < 2
  );
};

export function phoneticKeys(token: string): string[] {
  const [primary, secondary] = doubleMetaphone(foldCase(token));
  return [...new Set([primary, secondary].filter((c): c is string => !!c && c.length > 0))];
}

/** The small words inside a name ("Economic Community of West African States") that its key leaves out. */
const SMALL_WORD = /^(?:of|the|and|for)$/i;

/**
 * Acronyms a multi-word name may go by: the initials of its words ("European Union" -> "eu"), with its
 * small words too ("Economic Community of West African States" -> "ecowas"), and with a word that is
 * itself an acronym kept whole ("US Geological Survey" -> "usgs").
 */
function acronymsOf(words: string[]): string[] {
  const initials = (keepSmall: boolean, keepAcronyms: boolean) =>
    words
      .filter((w) => keepSmall || !SMALL_WORD.test(w))
      .map((w) => (keepAcronyms && /^\p{Lu}{2,}$/u.test(w) ? foldCase(w) : foldCase(w)[0]))
      .join('');
  return [...new Set([initials(false, false), initials(true, false), initials(false, true), initials(true, true)])];
}

const nameSlotOf = (tokens: string[], words: string[] = tokens): NameSlot => {
  const phonetic = tokens.flatMap((t) => phoneticKeys(t));
  const acronyms = tokens.length > 1 ? acronymsOf(words).map((a) => `#${a}`) : [];
  return {
    kind: 'name',
    text: tokens.join(' '),
    key: tokens.map(foldCase).join(' '),
    phonetic: [...phonetic, ...acronyms],
  };
};

/** A name's word without its possessive or a hyphened qualifier: "Khartoum's", "Geysers-area", "Paris-based". */
const bareToken = (token: string): string =>
  token.replace(/['’]s$/, '').replace(/-(?:area|based|born|led|backed|bound|style|era|region|wide|made)$/i, '');

/**
 * The capitalised word that opens a sentence, as a name: not extracted as one ("France has deployed"
 * reads like "Damage from"), but it can still be the claim's name, said as its adjective ("French").
 */
export function openingName(text: string): NameSlot | undefined {
  const raw = /^\p{Lu}[\p{L}'’-]*/u.exec(text)?.[0];
  const word = raw === undefined ? undefined : bareToken(raw);
  return word && !isNoise(word) ? nameSlotOf([word]) : undefined;
}

/** Initials with stops are one word: "U.S. Geological Survey" is "US Geological Survey" (so "USGS"). */
const DOTTED_INITIALS = /\b(?:\p{Lu}\.){2,}/gu;
const undotted = (text: string): string => text.replace(DOTTED_INITIALS, (m) => m.replace(/\./g, ''));

export function extractNames(text: string): NameSlot[] {
  const out: NameSlot[] = [];
  for (const match of undotted(text).matchAll(NAME_RUN)) {
    // A lone capitalised word opening the sentence is capitalised because it opens the sentence
    // ("Damage from...", "Police said...", "Greece secured..."): without a possessive or all
    // capitals, it stays a plain term. Its word still counts in the topic overlap, as a term.
    if ((match.index ?? 0) === 0 && !/\s/.test(match[0]) && !/^\p{Lu}{2,}$/u.test(match[0]) && !/['’]s$/.test(match[0]))
      continue;
    for (const part of splitAtOffices(match[0].split(/\s+/).map(bareToken))) {
      // The acronym may keep the small words the key drops ("of" in ECOWAS).
      const words = part.filter((t) => !isNoise(t) || SMALL_WORD.test(t));
      const tokens = words.filter((t) => !isNoise(t));
      if (tokens.length > 0) out.push(asWritten(nameSlotOf(tokens, words), text));
    }
  }
  return out;
}

/**
 * The name's text as the sentence writes it ("U.S. Geological Survey", not "US Geological Survey"), so that it
 * can be found in the sentence; its key and sound stay those of the undotted words.
 */
function asWritten(slot: NameSlot, text: string): NameSlot {
  if (text.includes(slot.text)) return slot;
  const pattern = slot.text
    .split(/\s+/)
    .map((w) =>
      /^\p{Lu}{2,}$/u.test(w) ? [...w].map((c) => `${c}\\.?`).join('') : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('\\s+');
  const written = new RegExp(pattern, 'u').exec(text)?.[0];
  return written ? { ...slot, text: written } : slot;
}

/** Words of an office or force between two names: "Troy Police Chief Charles Craft" is Troy's chief, Charles Craft. */
const isOffice = (word: string): boolean => {
  const lower = foldCase(word);
  return TITLES.has(lower) || GENERIC_SUBJECTS.has(lower) || PORTFOLIOS.has(lower);
};

/**
 * A run of capitalised words split where an office stands between two names: "Genesee County Sheriff
 * Robert Pickell" is Genesee County's sheriff, Robert Pickell. Words between two office words belong to
 * the title ("Deputy Defence Minister").
 */
function splitAtOffices(words: string[]): string[][] {
  const first = words.findIndex((w, i) => isOffice(w) && words.slice(0, i).some((v) => !isNoise(v) && !isOffice(v)));
  if (first < 0) return [words];
  const last = words.length - 1 - [...words].reverse().findIndex(isOffice);
  if (!words.slice(last + 1).some((w) => !isNoise(w))) return [words];
  return [words.slice(0, first), words.slice(last + 1)];
}

const codeCache = new Map<string, string[]>();
const codesOf = (token: string): string[] => {
  let codes = codeCache.get(token);
  if (!codes) {
    codes = phoneticKeys(token).filter((c) => c.length >= 2);
    if (codeCache.size > 50_000) codeCache.clear();
    codeCache.set(token, codes);
  }
  return codes;
};

/** "Indonesia"/"Indonesian", "Iran"/"Iranian", "Sudan"/"Sudanese": a place and its people's adjective. */
const DEMONYM = /^a?(?:n|an|ian|ese|i|ish)$/;
/**
 * Adjectives that look like another place's ("Nigerian" is Nigeria's, not Niger's: "Nigerien"), and
 * adjectives no suffix rule derives ("French" is France's).
 */
const DEMONYM_OF: Record<string, string> = {
  nigerian: 'nigeria',
  nigerians: 'nigeria',
  nigerien: 'niger',
  nigeriens: 'niger',
  french: 'france',
  british: 'britain',
  dutch: 'netherlands',
  swiss: 'switzerland',
  greek: 'greece',
  spanish: 'spain',
  turkish: 'turkey',
  irish: 'ireland',
  danish: 'denmark',
  swedish: 'sweden',
  finnish: 'finland',
  polish: 'poland',
  thai: 'thailand',
  filipino: 'philippines',
  welsh: 'wales',
  scottish: 'scotland',
  english: 'england',
  israeli: 'israel',
  iraqi: 'iraq',
  yemeni: 'yemen',
  pakistani: 'pakistan',
  afghan: 'afghanistan',
  malagasy: 'madagascar',
};
/** A capital standing for its country's government ("Khartoum's army", "Washington has threatened"): whole names only. */
const isCapitalOf = (a: string, b: string): boolean =>
  CAPITAL_OF[a]?.includes(b) === true || CAPITAL_OF[b]?.includes(a) === true;

const isDemonym = (a: string, b: string): boolean => {
  if (DEMONYM_OF[a] || DEMONYM_OF[b]) return DEMONYM_OF[a] === b || DEMONYM_OF[b] === a;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  // The place may end in an "a" its adjective keeps or drops: Kenya/Kenyan, Indonesia/Indonesian.
  const stem = short.replace(/a$/, '');
  return short.length >= 4 && long.startsWith(stem) && DEMONYM.test(long.slice(stem.length));
};

/** Levenshtein distance, for the few name tokens that sound alike. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Tokens that sound alike are one name when they are also spelled alike: "Tiani"/"Tchiani" and
 * "Yevkurov"/"Evkourov" are transliterations; "China"/"Tchiani" only share a sound code.
 */
const soundAlike = (a: string, b: string): boolean => {
  const longest = Math.max(a.length, b.length);
  const distance = editDistance(a, b);
  // A long name spelled one or two letters differently is the same name ("Abdourahamane"/"Abdourahmane").
  if (longest >= 7 && distance <= Math.floor(0.2 * longest)) return true;
  return codesOf(a).some((code) => codesOf(b).includes(code)) && distance <= Math.max(2, 0.4 * longest);
};

const tokensMatch = (a: string, b: string): boolean =>
  a === b || isDemonym(a, b) || (a.length >= 3 && b.length >= 3 && soundAlike(a, b));

/**
 * Two names refer to the same entity when most words of the shorter one match the
 * other's, by spelling or by sound ("Yevkurov"/"Evkourov"), or one is the other's
 * acronym. "EU Military Partnership Mission" and "EU Civilian Capacity-Building
 * Mission" share two words of four, so they are different missions.
 */
export function namesMatch(a: NameSlot, b: NameSlot): boolean {
  if (a.key === b.key || isCapitalOf(a.key, b.key)) return true;
  if (a.phonetic.some((code) => code.startsWith('#') && code.slice(1) === b.key.replace(/\s+/g, ''))) return true;
  if (b.phonetic.some((code) => code.startsWith('#') && code.slice(1) === a.key.replace(/\s+/g, ''))) return true;
  const aTokens = a.key.split(' ');
  const bTokens = b.key.split(' ');
  const [shorter, longer] = aTokens.length <= bTokens.length ? [aTokens, bTokens] : [bTokens, aTokens];
  const shared = shorter.filter((t) => longer.some((u) => tokensMatch(t, u))).length;
  return shared > 0 && shared * 2 > shorter.length;
}
