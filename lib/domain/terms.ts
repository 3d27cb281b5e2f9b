// Content terms: what the term index and topic overlap work on. Words are stemmed
// (Porter, via `stemmer`), stop words dropped, and synonyms of common news
// predicates folded to one term so "scrapped" finds "annulled".
import { stemmer } from 'stemmer';
import { STOP_WORDS, SYNONYM_GROUPS } from './lexicon.js';
import { foldCase, wordTokens } from './text.js';

const stem = (word: string): string => stemmer(word);

// Each group member is keyed by its stem (and a multi-word member by its stemmed words).
const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = group[0]!.split(' ').map(stem).join(' ');
  for (const member of group) {
    const key = member.split(' ').map(stem).join(' ');
    if (!CANONICAL.has(key)) CANONICAL.set(key, head);
  }
}

/** The index term of one lower-case word. */
export function canonicalTerm(word: string): string {
  const stemmed = stem(foldCase(word));
  return CANONICAL.get(stemmed) ?? stemmed;
}

const isContentWord = (lower: string): boolean =>
  lower.length > 1 && !STOP_WORDS.has(lower) && !/^\d+$/.test(lower) && lower !== "n't";

/** Distinct content terms of a text, in order of first appearance. */
export function contentTerms(text: string): string[] {
  const tokens = wordTokens(text).map((t) => foldCase(t).replace(/'s$/, ''));
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (term: string): void => {
    if (!seen.has(term)) {
      seen.add(term);
      out.push(term);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined) {
      const pair = CANONICAL.get(`${stem(word)} ${stem(next)}`);
      if (pair) {
        add(pair);
        i++;
        continue;
      }
    }
    if (!isContentWord(word)) continue;
    add(canonicalTerm(word));
  }
  return out;
}
