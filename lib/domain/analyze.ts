// Steps 1-3 of the engine for one report or one claim: clean, segment, extract.
import { createHash } from 'node:crypto';
import { cleanText } from './clean.js';
import { copySignature } from './copies.js';
import { splitSentences } from './sentences.js';
import { extractSlots } from './slots/index.js';
import { contentTerms } from './terms.js';
import { collapseWhitespace, foldCase, normalizeText } from './text.js';
import type { ClaimAnalysis, ReportAnalysis, Statement } from './types.js';

/** Statements kept per report: a page longer than this is not one report's facts. */
const MAX_STATEMENTS = 400;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function analyzeStatement(text: string, index: number, publishedAt?: string): Statement {
  return { index, text, terms: contentTerms(text), slots: extractSlots(text, publishedAt) };
}

export function analyzeReport(input: { text: string; title?: string; publishedAt?: string }): ReportAnalysis {
  const body = cleanText(input.text);
  const title = input.title ? collapseWhitespace(normalizeText(input.title)) : '';
  const sentences = splitSentences(body);
  if (title && !sentences.some((s) => s.replace(/\.$/, '') === title.replace(/\.$/, ''))) sentences.unshift(title);
  const statements: Statement[] = [];
  let previous: Statement | undefined;
  for (const sentence of sentences.slice(0, MAX_STATEMENTS)) {
    const statement = analyzeStatement(sentence, statements.length, input.publishedAt);
    // A sentence that refers back ("The second, set up in 2012, ...") inherits the previous one's topic.
    if (previous) statement.extra = { context: { terms: previous.terms, names: previous.slots.names } };
    statements.push(statement);
    previous = statement;
  }
  // A report that is one line is a headline: it asserts loosely and briefly (see align.ts).
  if (statements.length === 1) statements[0]!.extra = { ...statements[0]!.extra, headlineOnly: true };
  const terms = [...new Set(statements.flatMap((s) => s.terms))];
  const normalized = foldCase(collapseWhitespace(body));
  return { cleanText: body, contentHash: sha256(normalized), statements, terms, signature: copySignature(body) };
}

export function normalizeClaimText(text: string): string {
  return collapseWhitespace(normalizeText(text));
}

export function analyzeClaim(text: string): ClaimAnalysis {
  const normalizedText = normalizeClaimText(text);
  const statement = analyzeStatement(normalizedText, 0);
  return {
    normalizedText,
    textHash: sha256(foldCase(normalizedText).replace(/[.!?]+$/, '')),
    terms: statement.terms,
    statement,
  };
}
