// Sentences that lean on the one before or on the report's lead: how a fact split
// over two sentences ("An earthquake hit Qeshm. It struck at 1:53 p.m.") is read.
import { canonicalTerm } from './terms.js';
import type { NameSlot } from './types.js';

/** An adverb, conjunction or attribution a sentence may open with before its subject ("Also, it ...", "According to police, the robbers ..."). */
const OPENER = String.raw`^(?:according to [^,]{1,40},\s+)?(?:[\p{L}]+ly,\s+|also,?\s+|but\s+|and\s+)?`;

/** Nouns of the events news reports are about: "the quake" names the lead's event again. */
const EVENT_NOUNS =
  'quake|earthquake|tremor|temblor|attack|blast|explosion|fire|robbery|heist|raid|shooting|bombing|storm|crash|accident|incident';

/** Sentences that open by referring back ("It", "The second", "This move") inherit the previous sentence's topic. */
const PRONOUNS_BACK = 'it|its|this|that|these|those|they|their|he|she|his|her|there';
/** What "the ..." refers back to: an order, the previous act, an actor or a place. */
const DESCRIPTIONS_BACK = [
  'first|second|third|latter|former',
  'move|decision|agreement|deal|mission|group|company|government|country|plan|same',
  EVENT_NOUNS,
  'strike|operation|vote|suspect|gunman|victims?|thieves|robbers|camp|island|ship|warship',
].join('|');
const REFERS_BACK = new RegExp(`${OPENER}(?:${PRONOUNS_BACK}|the (?:${DESCRIPTIONS_BACK}))\\b`, 'iu');

/** A definite description that renames the previous sentence's subject ("The island", "The gunman"). */
const NAMES_BACK = new RegExp(
  `${OPENER}the (?:${EVENT_NOUNS}|island|town|city|village|camp|ship|warship|vessel|suspect|gunman|victims?|thieves|robbers|attackers)\\b`,
  'iu',
);

/**
 * A sentence that opens by naming the event again ("The quake, which struck at 1353, was felt in
 * Oman") is about the lead's event, whatever other places it names on the way.
 */
const EVENT_BACK = new RegExp(`${OPENER}the (?:${EVENT_NOUNS})\\b`, 'iu');

/** "The delegation, headed by ..." after "A delegation led by ...": the definite article takes up the noun. */
const DEFINITE_NOUN = new RegExp(`${OPENER}the ([\\p{L}-]+)`, 'iu');

/**
 * Whether the sentence refers back to the one before: by a pronoun or a usual anaphor, or by "the"
 * and a noun the previous sentence used (given its terms).
 */
export const refersBack = (text: string, previousTerms: readonly string[] = []): boolean => {
  if (REFERS_BACK.test(text)) return true;
  const noun = DEFINITE_NOUN.exec(text)?.[1];
  return noun !== undefined && previousTerms.includes(canonicalTerm(noun));
};
export const namesBack = (text: string): boolean => NAMES_BACK.test(text);
export const namesEventBack = (text: string): boolean => EVENT_BACK.test(text);

/** A sentence that places the event: "The temblor struck 26 miles north of Santa Rosa in the Geysers area". */
const LOCATES_EVENT = new RegExp(
  `\\bthe (?:${EVENT_NOUNS})\\b[^,;]{0,20}? (?:struck|hit|occurred|happened|took place|erupted|broke out|(?:was|were) (?:centered|centred|located|based))\\b`,
  'iu',
);
export const locatesEvent = (text: string): boolean => LOCATES_EVENT.test(text);

interface Around {
  /** where the name starts in the sentence */
  at: number;
  before: string;
  after: string;
}

/** The text on either side of a name in its sentence (undefined when the name is not written as such). */
function around(name: NameSlot, text: string): Around | undefined {
  const at = text.indexOf(name.text);
  return at < 0
    ? undefined
    : {
        at,
        before: text.slice(Math.max(0, at - 40), at),
        after: text.slice(at + name.text.length, at + name.text.length + 30),
      };
}

/** The words around a name make it the sentence's source: "according to the Survey", "Reuters reported". */
const sourceAround = ({ before, after }: Around): boolean =>
  /according to(?: the)?(?: [\p{L}.]+){0,2} $/iu.test(before) ||
  /^,?(?: [\p{L}.]+){0,3} (?:said|says|reported|reports|told)\b/iu.test(after) ||
  /\b(?:said|says|reported|told)(?: the)? $/iu.test(before);

/**
 * A name the sentence mentions on the way, not its actor or place: the source of the sentence
 * ("according to the Survey", "Reuters reported"), a landmark that locates the event ("north of
 * Healdsburg"), or a name inside a relative clause ("the company, which runs restaurant cars on the TGV").
 */
export function isAside(name: NameSlot, text: string): boolean {
  const near = around(name, text);
  if (!near) return false;
  if (LANDMARK_BEFORE.test(near.before)) return true;
  if (/\b(?:which|who|whose|where)\b[^,;:()]*$/iu.test(text.slice(0, near.at))) return true;
  return sourceAround(near);
}

/**
 * The name sits in an appositive that describes the name before it, between commas: "Kafoury, the Gordon Advisors
 * receptionist who was killed, was 63". The name before already says who; the appositive's name only describes.
 */
export function inAppositive(name: NameSlot, text: string): boolean {
  const near = around(name, text);
  if (!near) return false;
  const opens = /\p{Lu}[\p{L}'’-]*,\s+(?:the|a|an)\s+(?:[\p{L}'’-]+\s+){0,3}$/u.test(text.slice(0, near.at));
  return opens && /^[^,;:]*,/.test(text.slice(near.at + name.text.length));
}

/** Before a landmark: "14 miles north of Healdsburg", "near Clearlake", "near the prestigious Place Vendome". */
const LANDMARK_BEFORE =
  /(?:\b(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:[-\p{L}]*)? of|\b(?:[Nn]ear|[Oo]utside|[Oo]ff))(?: the)?(?: \p{L}+){0,2}? $/u;

/** The name is a landmark the sentence places its event by: "14 miles north of Healdsburg", "near Clearlake". */
export function isLandmark(name: NameSlot, text: string): boolean {
  const near = around(name, text);
  return near !== undefined && LANDMARK_BEFORE.test(near.before);
}

/** The name is given as where something happened: "in Eastline", "at the Westmark depot", "in the northern city of Eastline". */
const PLACE_BEFORE =
  /\b(?:in|at|into|near|outside)(?: the)?(?:(?: [\p{L}-]+){0,2} (?:city|town|village|province|state|region|district|county|island|capital) of)? $/iu;

export function isPlace(name: NameSlot, text: string): boolean {
  const near = around(name, text);
  return near !== undefined && PLACE_BEFORE.test(near.before);
}

/** Nouns of the places events happen at: "the Westmark depot", "the Paris jewellery store". */
const SITE_NOUNS =
  'store|shop|boutique|firm|office|offices|bank|branch|camp|mosque|church|school|hotel|hospital|factory|plant|mine|depot|station|airport|port|market|building|area|region|province|county';

/** The name qualifies the place or the event the sentence is about: "the Troy shooting", "the Paris jewellery store", "the Geysers-area quake". */
const QUALIFIES_SITE = new RegExp(`^(?:['’]s|-\\p{Ll}+)?(?: [\\p{Ll}-]+)?? (?:${EVENT_NOUNS}|${SITE_NOUNS})\\b`, 'u');

/** The name says where: given as a place ("in Eastline") or as the place of the event or site ("the Eastline depot fire"). */
export function isSetting(name: NameSlot, text: string): boolean {
  const near = around(name, text);
  return near !== undefined && (PLACE_BEFORE.test(near.before) || QUALIFIES_SITE.test(near.after));
}

/** The name is the sentence's source: "according to the Survey", "Reuters reported", "said the ministry". */
export function isSource(name: NameSlot, text: string): boolean {
  const near = around(name, text);
  return near !== undefined && sourceAround(near);
}

/** The place whose police, sheriff or prosecutors are on the case ("Troy police said"): where the event happened. */
export function isLocalAuthority(name: NameSlot, text: string): boolean {
  const near = around(name, text);
  return (
    near !== undefined && /^(?:['’]s)? (?:police|sheriff|fire department|prosecutors?|coroner)\b/iu.test(near.after)
  );
}
