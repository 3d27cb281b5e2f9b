// A report's stance profile: whole-body signals computed once at ingest from ALL its statements, so evidence that
// retrieval does not rank among a claim's few candidates (a debunking paragraph, the body's overall vocabulary)
// still reaches the stance model. Small (well under 2 KB of JSON) and model-independent: raw counts, no weights.
import type { Statement } from '../types.js';
import { cuesOf, foldedTokens } from './tokens.js';

export const PROFILE_VERSION = 1;
/** Terms kept: enough for a cosine with the claim, few enough to stay small. */
const PROFILE_TERMS = 80;
/** A longer 'term' is a URL or a run-together token: it says little and would only grow the profile. */
const MAX_TERM_LENGTH = 20;
const LEAD_TERMS = 20;
/** The stored profile's budget (JSON characters). */
export const MAX_PROFILE_BYTES = 2000;

export interface ReportProfile {
  v: number;
  /** statements in the report */
  n: number;
  /** the most frequent content terms, [term, number of statements holding it], most frequent first */
  terms: Array<[string, number]>;
  /** the terms of the report's first statement (its headline or lead) */
  lead: string[];
  /** per cue list (cues.ts order), the number of statements holding one of its cues */
  cues: number[];
  /** statements the engine read as negated, hedged, or a question */
  negated: number;
  hedged: number;
  questions: number;
}

export function reportProfile(statements: Statement[]): ReportProfile {
  const counts = new Map<string, number>();
  const cues: number[] = [];
  let negated = 0;
  let hedged = 0;
  let questions = 0;
  for (const s of statements) {
    for (const t of s.terms) if (t.length <= MAX_TERM_LENGTH) counts.set(t, (counts.get(t) ?? 0) + 1);
    cuesOf(foldedTokens(s.text)).forEach((found, k) => {
      cues[k] = (cues[k] ?? 0) + (found.length > 0 ? 1 : 0);
    });
    if (s.slots.negated) negated += 1;
    if (s.slots.hedged) hedged += 1;
    if (/\?["'")\]]*$/.test(s.text.trim())) questions += 1;
  }
  // Ties keep the first-seen term first (Map order), so the profile is the same on every run.
  const terms = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, PROFILE_TERMS);
  const profile: ReportProfile = {
    v: PROFILE_VERSION,
    n: statements.length,
    terms,
    lead: (statements[0]?.terms ?? []).filter((t) => t.length <= MAX_TERM_LENGTH).slice(0, LEAD_TERMS),
    cues: cuesOf([]).map((_, k) => cues[k] ?? 0),
    negated,
    hedged,
    questions,
  };
  // Long words could still pass the budget: the least frequent terms go first.
  while (profile.terms.length > 0 && JSON.stringify(profile).length > MAX_PROFILE_BYTES) profile.terms.pop();
  return profile;
}
