// Which nouns name an event (a fire, an election, a concert, an earthquake) rather than a thing or a person, and
// which name people ("runners", "residents") or a group of them ("police", "crowd"). An event happens on one
// day, so a sentence that names the claim's event and gives it another day contradicts the claim's date
// whatever verb it tells the event with ("A fire destroyed the warehouse on 9 August" against "The
// warehouse fire broke out on 16 August"). Read from WordNet's hypernyms, not from a hand list.
import { hypernyms, lemmatize } from './resources/wordnet.js';

/** The WordNet kinds under which a noun is an event. */
export const EVENT_KINDS: ReadonlySet<string> = new Set(['event', 'natural phenomenon', 'time period']);
/**
 * Only the noun's most frequent sense is read: later senses make events of things ("bridge" the card game, "ferry"
 * the crossing, "government" the act of governing). A festival's first sense is the span of time it takes.
 */
export const EVENT_SENSES = 1;
const EVENT_DEPTH = 10;

const cache = new Map<string, boolean>();

/** Whether the noun, in one of its most frequent senses, is a kind of event: "fire", "quake", "vote", not "mayor". */
export function isEventNoun(noun: string): boolean {
  const word = noun.toLowerCase();
  let event = cache.get(word);
  if (event === undefined) {
    event =
      !word.includes(' ') &&
      hypernyms(word, 'n', { senses: EVENT_SENSES, depth: EVENT_DEPTH }).some((kind) => EVENT_KINDS.has(kind));
    cache.set(word, event);
  }
  return event;
}

/** How many senses of a noun are read for whether it names people: "runner" is a person in its first two. */
const PEOPLE_SENSES = 2;
const PEOPLE_DEPTH = 12;
const kinds = new Map<string, string[]>();
function kindsOf(word: string): string[] {
  let found = kinds.get(word);
  if (found === undefined) {
    found = hypernyms(lemmatize(word, 'n'), 'n', { senses: PEOPLE_SENSES, depth: PEOPLE_DEPTH });
    kinds.set(word, found);
  }
  return found;
}

/** Whether the noun names people, by WordNet's hypernyms: "runners", "shoppers", "strikers" (not "fans", a device first). */
export const namesPersons = (noun: string): boolean => kindsOf(noun.toLowerCase()).includes('person');

/** Whether the noun names people or a group of them: "residents", "police", "crowd", "people". */
export const namesPeople = (noun: string): boolean => {
  const found = kindsOf(noun.toLowerCase());
  return found.includes('person') || found.includes('group');
};

/**
 * The WordNet kinds under which a noun, in its most frequent sense, names work done on a thing: "work" itself,
 * "digging", "excavation", "construction" (creation), "renovation", "repair" (improvement).
 */
const WORK_KINDS: ReadonlySet<string> = new Set(['work', 'creation', 'improvement']);
const WORK_DEPTH = 4;

/** Whether the noun names work done on a thing: "Work on the bypass", "Digging on the tunnel", "Construction of the hall". */
export const namesWork = (noun: string): boolean => {
  const word = lemmatize(noun.toLowerCase(), 'n');
  return WORK_KINDS.has(word) || hypernyms(word, 'n', { senses: 1, depth: WORK_DEPTH }).some((k) => WORK_KINDS.has(k));
};
