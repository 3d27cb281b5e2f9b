// schema.org ClaimReview JSON-LD for a claim, so publishers can embed the verdict.
import type { ClaimRecord } from './types.js';

const RATING: Record<ClaimRecord['verdict'], number> = {
  DISPUTED: 1,
  UNVERIFIED: 2,
  SINGLE_SOURCE: 3,
  CORROBORATED: 4,
};

export function claimReviewOf(claim: ClaimRecord, evidenceUrls: string[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.text,
    datePublished: claim.updatedAt,
    author: { '@type': 'Organization', name: 'factcheck-graphql' },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING[claim.verdict],
      worstRating: 1,
      bestRating: 4,
      alternateName: claim.verdict,
      ratingExplanation: claim.explanation,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(evidenceUrls.length > 0 ? { appearance: evidenceUrls.map((url) => ({ '@type': 'CreativeWork', url })) } : {}),
    },
  };
}
