// A sentence that says its neighbour's fact is not (yet) so: "The vote is still to come.", "Nothing has been
// confirmed.", or a clause that says it of its own sentence ("..., but nothing has been confirmed"). Read once per
// report at ingest, it marks the sentence it qualifies, and alignment reads that sentence as hedged for the claims
// the qualifier reaches (see align.ts). The forms are named, ordered data; each says what it reaches.
import { meaningWords } from './meaning.js';
import { wordTokens } from './text.js';

/** What a pending form qualifies: every fact of its neighbour, or only the act it names. */
export type PendingReach = 'all' | 'named';

export interface PendingForm {
  id: string;
  example: string;
  pattern: RegExp;
  /** 'all': the neighbour's fact is unconfirmed, whatever it is; 'named': only acts alike the words it names */
  reach: PendingReach;
}

/** The qualifier a sentence carries for its neighbour: the form's id and, for a named reach, its words. */
export interface Pending {
  form: string;
  reach: PendingReach;
  words: string[];
}

/** The pending forms, in order: the first that matches a sentence (or its last clause) decides. */
export const PENDING_FORMS: readonly PendingForm[] = [
  {
    id: 'UNCONFIRMED',
    example: '"Fans say he has agreed terms with a club. Nothing has been confirmed."',
    pattern:
      /\b(?:nothing|neither\b[^.;,]*|none|no one|(?:has|have|had|did|does|do|could|would|will)\s+not|n['’]t|yet to|declined to|refused to)\s+(?:\w+\s+){0,2}(?:confirm(?:ed|s)?|verif(?:y|ied))\b/i,
    reach: 'all',
  },
  {
    id: 'STILL_TO_COME',
    example: '"The council has proposed a footbridge. The vote is still to come."',
    pattern: /\b(?:still|yet)\s+to\s+(?:come|happen|take place|be held|be taken|begin|start)\b/i,
    reach: 'named',
  },
  {
    id: 'NOT_YET',
    example: '"Workers voted to strike. The strike has not yet begun." / "Nothing has been approved yet."',
    pattern: /\b(?:not|nothing|no)\b[^.;]*\byet\b|\bnot\s+yet\b/i,
    reach: 'named',
  },
];

/** The forms' own words, which name no act: "still", "yet", "nothing", "been". */
const FORM_WORDS = new Set(['still', 'yet', 'nothing', 'been', 'come', 'happen', 'place']);

/** A clause that follows a comma and a conjunction of contrast: "..., but nothing has been confirmed". */
const LAST_CLAUSE = /,\s*(?:but|although|though|yet)\s+([^,]+)$/i;

/** The pending qualifier a sentence (or its last clause) states, if any; its words are its content words. */
export function pendingOf(text: string): Pending | undefined {
  const form = PENDING_FORMS.find((f) => f.pattern.test(text));
  if (!form) return undefined;
  return {
    form: form.id,
    reach: form.reach,
    words: form.reach === 'named' ? meaningWords(text).filter((w) => !FORM_WORDS.has(w)) : [],
  };
}

/**
 * The qualifier a sentence is under: its own last clause's ("X, but nothing has been confirmed"), else the next
 * sentence's, when that sentence is only the qualifier (short, the form alone: "The vote is still to come.").
 */
export function pendingFor(text: string, next: string | undefined): Pending | undefined {
  const last = LAST_CLAUSE.exec(text)?.[1];
  if (last) {
    const own = pendingOf(last);
    if (own) return own;
  }
  if (next === undefined || wordTokens(next).length > QUALIFIER_WORDS) return undefined;
  return pendingOf(next);
}

/** Most words a sentence of its own may have to be read as a qualifier of the one before. */
export const QUALIFIER_WORDS = 8;
