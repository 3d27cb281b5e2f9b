// Submitting claims: one claim per normalised text, its terms registered so new
// reports find it, and its first verdict computed at once.
import { analyzeClaim, watchTermsOf } from '../domain/index.js';
import type { ClaimAnalysis } from '../domain/types.js';
import type { ClaimTerms, Clock, IdGen, Store } from './ports.js';
import { LIMITS } from './limits.js';
import type { ClaimRecord, SubmitClaimResult } from './types.js';
import { requiredText } from './validate.js';
import { sleep } from '../backoff.js';
import { badInput } from '../errors.js';

/** What a claim is indexed under: every term for search, its watch terms so new reports find it. */
export const claimTermsOf = (analysis: ClaimAnalysis): ClaimTerms => ({
  search: analysis.terms,
  watch: watchTermsOf(analysis).terms,
});

export function createSubmitClaim(deps: {
  store: Store;
  clock: Clock;
  ids: IdGen;
  recheckClaim: (id: string) => Promise<ClaimRecord>;
  /** stamped on every claim this analyses (lib/domain/version.ts) */
  analysisVersion: string;
}) {
  const { store, clock, ids, recheckClaim, analysisVersion } = deps;

  return async function submitClaim(input: { text: string }): Promise<SubmitClaimResult> {
    const text = requiredText('input.text', input?.text, LIMITS.claimTextMaxChars);
    const analysis = analyzeClaim(text);
    if (analysis.terms.length === 0)
      throw badInput('input.text', 'has no content words to check (only stop words or numbers)');
    const id = ids.newId('clm');
    const owner = await store.claimClaimGuard(analysis.textHash, id);
    if (owner !== id) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const existing = await store.getClaim(owner);
        if (existing && existing.version > 0) return { claim: existing, created: false };
        await sleep(Math.min(400, 20 * 2 ** attempt));
      }
    }
    const now = clock.now().toISOString();
    const claim: ClaimRecord = {
      id: owner,
      text,
      normalizedText: analysis.normalizedText,
      textHash: analysis.textHash,
      analysis,
      analysisVersion,
      verdict: 'UNVERIFIED',
      confidence: 0,
      rule: 'NO_SUPPORTING_OR_CONTRADICTING_REPORT',
      explanation: 'Not checked yet.',
      supportCount: 0,
      contradictCount: 0,
      mentionCount: 0,
      independentSources: 0,
      createdAt: now,
      updatedAt: now,
      version: 0,
      pending: 0,
      checked: 0,
      eventSeq: 0,
      unsentEvents: [],
    };
    const created = await store.putClaim(claim);
    if (created) {
      const terms = claimTermsOf(analysis);
      await store.addClaimToTerms(claim.id, terms.search, 'search');
      await store.addClaimToTerms(claim.id, terms.watch, 'watch');
      await store.addToCounters({ claims: 1 });
    }
    // Version 0 is "registered, not judged": whoever gets here first (or retries) judges it.
    return { claim: await recheckClaim(claim.id), created };
  };
}
