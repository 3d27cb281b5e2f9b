// Succession between two named people: who comes in and who is replaced. "Vellum Bank chose Frey to replace Ostrow"
// and "Vellum Bank appointed Ostrow, replacing Frey" name the same two people in each other's places.
import { SUCCESSION_CUES } from '../lexicon.js';
import { escapeRegex, foldCase } from '../text.js';
import type { NameSlot } from '../types.js';
import { namesMatch } from './names.js';

export interface Succession {
  incoming: NameSlot;
  outgoing: NameSlot;
}

const cueRegex = (cues: string[]) => new RegExp(`\\b(?:${cues.map(escapeRegex).join('|')})\\b`, 'giu');
const PASSIVE = cueRegex(SUCCESSION_CUES.passive);
const ACTIVE = cueRegex(SUCCESSION_CUES.active);

/** Where each name stands in the text (its first occurrence), in order. */
function placed(text: string, names: NameSlot[]): { name: NameSlot; start: number; end: number }[] {
  const folded = foldCase(text);
  return names
    .map((name) => {
      const start = folded.indexOf(foldCase(name.text));
      return { name, start, end: start + name.text.length };
    })
    .filter((n) => n.start >= 0)
    .sort((a, b) => a.start - b.start);
}

/**
 * The succession a sentence states, from its first succession word with a name on each side: the nearest name
 * before it and the first after it. Undefined when it states none.
 */
export function successionIn(text: string, names: NameSlot[]): Succession | undefined {
  const folded = foldCase(text);
  const at = placed(text, names);
  for (const [regex, passive] of [
    [PASSIVE, true],
    [ACTIVE, false],
  ] as const) {
    for (const m of folded.matchAll(regex)) {
      const before = at.filter((n) => n.end <= m.index).at(-1);
      const after = at.find((n) => n.start >= m.index + m[0].length);
      if (!before || !after || namesMatch(before.name, after.name)) continue;
      return passive
        ? { incoming: after.name, outgoing: before.name }
        : { incoming: before.name, outgoing: after.name };
    }
  }
  return undefined;
}

/** The two successions name the same two people in each other's places. */
export function successionSwapped(claim: Succession | undefined, sentence: Succession | undefined): boolean {
  if (!claim || !sentence) return false;
  return namesMatch(claim.incoming, sentence.outgoing) && namesMatch(claim.outgoing, sentence.incoming);
}
