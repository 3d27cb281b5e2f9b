// Folded word tokens of a sentence and the cue lists they hold: computed once per statement.
import { foldCase, wordTokens } from '../text.js';
import { CUE_LISTS } from './cues.js';

export const foldedTokens = (text: string): string[] => wordTokens(text).map(foldCase);

const SINGLE = CUE_LISTS.map((list) => new Set(list.words.filter((w) => !w.includes(' ') && !w.includes("'"))));
const MULTI = CUE_LISTS.map((list) =>
  list.words.filter((w) => w.includes(' ') || w.includes("'")).map((w) => ` ${foldCase(w)} `),
);

/** Per cue list, the cue words the tokens hold (a word or phrase as often as it occurs). */
export function cuesOf(tokens: readonly string[]): string[][] {
  const joined = ` ${tokens.join(' ')} `;
  return CUE_LISTS.map((_, k) => {
    const found = tokens.filter((t) => SINGLE[k]!.has(t) || (t.endsWith("n't") && k === 1));
    for (const phrase of MULTI[k]!) if (joined.includes(phrase)) found.push(phrase.trim());
    return found;
  });
}

/** Word bigrams, for phrase overlap beyond single terms. */
export function bigrams(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}
