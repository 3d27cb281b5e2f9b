// The analysis version: what a stored analysis was made by. It changes with any part of the engine
// that can change an analysis or a judgement: its code, its lexicon and its assets (vectors,
// WordNet, gazetteer, tagger, stance model, calibration). Re-index compares versions for equality:
// they are names, not an order.
import { createHash } from 'node:crypto';
import * as lexicon from './lexicon.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Sets and maps as sorted arrays: the same lexicon always prints the same. */
const canonical = (_key: string, value: unknown): unknown =>
  value instanceof Set
    ? [...value].sort()
    : value instanceof Map
      ? [...value.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)))
      : value;

/**
 * A digest of the lexicon's values as loaded. The code digest covers lexicon.ts as written; this one
 * covers the values the engine actually runs with, so a lexicon changed any other way (a test's
 * changed entry, data generated at build time) is a new version too.
 */
export function lexiconDigest(): string {
  const entries = Object.entries(lexicon)
    .filter(([, v]) => typeof v !== 'function')
    .sort(([a], [b]) => a.localeCompare(b));
  return sha256(JSON.stringify(entries, canonical));
}

export interface VersionParts {
  /** sha-256 of the engine's sources (lib/domain) */
  code: string;
  /** lexiconDigest() */
  lexicon: string;
  /** sha-256 of the assets' own sha-256s (assets/manifest.json) */
  assets: string;
}

/** "code-lexicon-assets", each a short digest: which part changed shows in the version itself. */
export const analysisVersionOf = (parts: VersionParts): string =>
  `${parts.code.slice(0, 10)}-${parts.lexicon.slice(0, 6)}-${parts.assets.slice(0, 6)}`;
