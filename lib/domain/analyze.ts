// Steps 1-3 of the engine for one report or one claim: clean, segment, extract.
import { createHash } from 'node:crypto';
import { cleanText, opensWithHeadline } from './clean.js';
import { copySignature } from './copies.js';
import { pendingFor } from './pending.js';
import { isLocalAuthority, isSource, locatesEvent } from './references.js';
import { splitSentences } from './sentences.js';
import { reportProfile } from './stance/profile.js';
import { extractSlots } from './slots/index.js';
import { isGossip } from './slots/polarity.js';
import { indexKeysOf, timeKeysOf } from './retrieve.js';
import { contentTerms, nameIndexTerms } from './terms.js';
import { collapseWhitespace, foldCase, normalizeText } from './text.js';
import type { ClaimAnalysis, NameSlot, ReportAnalysis, Statement } from './types.js';

/** Statements kept per report: a page longer than this is not one report's facts. */
const MAX_STATEMENTS = 400;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function analyzeStatement(text: string, index: number, publishedAt?: string): Statement {
  return { index, text, terms: contentTerms(text), slots: extractSlots(text, publishedAt) };
}

/** Statements whose names set the scene for the whole report: the headline and the lead. */
const LEAD_STATEMENTS = 5;
const LEAD_NAMES = 8;

/**
 * The places, people and organisations a report is about: the names of its headline and
 * lead. Later sentences leave them out ("The quake struck at dawn") and are still about them.
 */
function leadNames(statements: Statement[]): NameSlot[] {
  return distinctNames(statements.flatMap((s) => s.slots.names)).slice(0, LEAD_NAMES);
}

/** Names in order, each key once (its first spelling kept). */
function distinctNames(names: NameSlot[]): NameSlot[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    if (seen.has(n.key)) return false;
    seen.add(n.key);
    return true;
  });
}

/** Statements that tell the story a report's later sentences add details to: the headline and the first sentence. */
const STORY_STATEMENTS = 2;

/** The terms of the report's story: those of its headline and first sentence, each once. */
const storyTermsOf = (statements: Statement[]): string[] => [
  ...new Set(statements.slice(0, STORY_STATEMENTS).flatMap((s) => s.terms)),
];

/** Places the report gives for its event beyond the lead: few, so a long report's asides do not widen its scene. */
const SCENE_NAMES = 4;

/**
 * Where the report's event happened, said outside the headline and lead: the place whose police are
 * on the case ("Troy police said", when the lead only says "a suburban Detroit firm") and the places
 * of a sentence that locates the event again ("The temblor struck in the Geysers area").
 */
function sceneNames(statements: Statement[]): NameSlot[] {
  const placed = statements.flatMap(({ text, slots }) => {
    const locates = locatesEvent(text);
    return slots.names.filter((name) => isLocalAuthority(name, text) || (locates && !isSource(name, text)));
  });
  return distinctNames(placed).slice(0, SCENE_NAMES);
}

export function analyzeReport(input: { text: string; title?: string; publishedAt?: string }): ReportAnalysis {
  const body = cleanText(input.text);
  const title = input.title ? collapseWhitespace(normalizeText(input.title)) : '';
  const sentences = splitSentences(body);
  if (title && !sentences.some((s) => s.replace(/\.$/, '') === title.replace(/\.$/, ''))) sentences.unshift(title);
  const statements = sentences
    .slice(0, MAX_STATEMENTS)
    .map((sentence, i) => analyzeStatement(sentence, i, input.publishedAt));
  // The headline passes on what it attributes ("..., say sources") or gossips ("Star spotted in Rome"); in a
  // sentence the same words are sourcing and narration.
  const headline = statements[0];
  const titled = headline !== undefined && opensWithHeadline(input.text, headline.text, title);
  if (titled && isGossip(headline.text)) headline.slots.hedged = true;
  // The names that set a sentence's scene: the headline and lead sentences before it (the same for every later
  // sentence), and the places the report gives for its event elsewhere.
  const scene = sceneNames(statements);
  const leads = Array.from({ length: LEAD_STATEMENTS + 1 }, (_, k) =>
    distinctNames([...leadNames(statements.slice(0, k)), ...scene]),
  );
  const storyTerms = storyTermsOf(statements);
  statements.forEach((statement, i) => {
    const previous = statements[i - 1];
    // A sentence that refers back ("The second, set up in 2012, ...") inherits the previous one's topic.
    const context = previous
      ? { context: { terms: previous.terms, names: previous.slots.names, quantities: previous.slots.quantities } }
      : {};
    // The headline's own names set its scene too.
    const lead = leads[i === 0 ? 1 : Math.min(i, LEAD_STATEMENTS)]!;
    // "The vote is still to come." after it, or ", but nothing has been confirmed" in it: its fact is not so yet.
    const pending = pendingFor(statement.text, statements[i + 1]?.text);
    // The story's words a later sentence leaves out ("Quake shakes Eastmark. ..." then "Three people were hurt").
    const story = i >= STORY_STATEMENTS ? storyTerms.filter((t) => !statement.terms.includes(t)) : [];
    statement.extra = {
      ...context,
      ...(lead.length > 0 ? { lead } : {}),
      ...(pending ? { pending } : {}),
      ...(story.length > 0 ? { story } : {}),
      ...(i === 0 && titled ? { headline: true } : {}),
    };
  });
  // A report that is one unpunctuated line is a headline: it asserts loosely and briefly (see align.ts).
  // One full sentence ending in a full stop is a (short) article, judged as such.
  const headlineOnly = statements.length === 1 && !/[.!]["')\]]?$/.test(normalizeText(input.text).trim());
  if (headlineOnly) statements[0]!.extra = { ...statements[0]!.extra, headlineOnly: true };
  // Its times of day too: a claim that gives one watches for it (watchTermsOf).
  const terms = [...new Set(statements.flatMap(indexKeysOf))];
  const normalized = foldCase(collapseWhitespace(body));
  return {
    cleanText: body,
    contentHash: sha256(normalized),
    statements,
    terms,
    signature: copySignature(body),
    profile: reportProfile(statements),
  };
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

/**
 * The terms a new report must hold to possibly change this claim's verdict: the
 * claim's names when it has any (every statement that can support or contradict an
 * article-length claim names its key entities), else all its terms.
 */
export function watchTermsOf(claim: ClaimAnalysis): { terms: string[]; byName: boolean } {
  const names = nameIndexTerms(claim.statement.slots.names).filter((t) => claim.terms.includes(t));
  // A report that gives the claim's time of day may state it without its names (see timeKeysOf).
  const times = timeKeysOf(claim.statement);
  return names.length > 0
    ? { terms: [...names, ...times], byName: true }
    : { terms: [...claim.terms, ...times], byName: false };
}
