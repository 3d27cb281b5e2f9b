// Sentences that lean on the one before or on the report's lead: how a fact split
// over two sentences ("An earthquake hit Qeshm. It struck at 1:53 p.m.") is read.
import { canonicalTerm } from './terms.js';

/** An adverb, conjunction or attribution a sentence may open with before its subject ("Also, it ...", "According to police, the robbers ..."). */
const OPENER = String.raw`^(?:according to [^,]{1,40},\s+)?(?:[\p{L}]+ly,\s+|also,?\s+|but\s+|and\s+)?`;

/** Nouns of the events news reports are about: "the quake" names the lead's event again. */
const EVENT_NOUNS = 'quake|earthquake|tremor|temblor|attack|blast|explosion|fire|robbery|heist|raid|shooting|bombing|storm|crash|accident|incident';

/** Sentences that open by referring back ("It", "The second", "This move") inherit the previous sentence's topic. */
const REFERS_BACK = new RegExp(
  `${OPENER}(?:it|its|this|that|these|those|they|their|he|she|his|her|there|the (?:first|second|third|latter|former|move|decision|agreement|deal|mission|group|company|government|country|plan|same|${EVENT_NOUNS}|strike|operation|vote|suspect|gunman|victims?|thieves|robbers|camp|island|ship|warship))\\b`,
  'iu',
);

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
