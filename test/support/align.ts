// Aligns a claim with one sentence of an invented report, read as ingest reads it (headline, lead, neighbours).
import { alignStatement } from '../../lib/domain/align.js';
import { analyzeClaim, analyzeReport } from '../../lib/domain/index.js';
import type { Alignment } from '../../lib/domain/types.js';

/** A function that aligns the claim with the report's sentence at `index` (0 is the headline), published at `publishedAt`. */
export const alignerAt =
  (publishedAt: string) =>
  (claim: string, headline: string, body: string, index: number): Alignment => {
    const report = analyzeReport({ title: headline, text: body, publishedAt });
    return alignStatement(analyzeClaim(claim), report.statements[index]!, publishedAt);
  };

/** A body line after a one-sentence report keeps it from being read as a bare headline. */
export const BODY_LINE = '\nThe rest of the article covers other matters in detail.';

/** Aligns the claim with a report that is the sentence and a body line, published at `publishedAt`. */
export const alignSentence = (claim: string, sentence: string, publishedAt?: string): Alignment =>
  alignStatement(
    analyzeClaim(claim),
    analyzeReport({ text: sentence + BODY_LINE, ...(publishedAt ? { publishedAt } : {}) }).statements[0]!,
    publishedAt,
  );
