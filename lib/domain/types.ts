// The engine's vocabulary. Pure data: no AWS, GraphQL, HTTP or store types here.
// Everything the engine stores (statements, signatures) must be JSON-serialisable,
// because the store keeps it as an opaque blob and hands it back unchanged.

import type { ReportProfile } from './stance/profile.js';

export const VERDICTS = ['CORROBORATED', 'DISPUTED', 'SINGLE_SOURCE', 'UNVERIFIED'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const STANCES = ['SUPPORTS', 'CONTRADICTS', 'MENTIONS'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * The order evidence is kept and shown in: contradictions first, since one decides a dispute, then support, then
 * mentions. The store keys evidence items by this rank, so stored data depends on it: append, never reorder.
 */
export const STANCE_ORDER = ['CONTRADICTS', 'SUPPORTS', 'MENTIONS'] as const satisfies readonly Stance[];
export const stanceRank = (stance: Stance): number => STANCE_ORDER.indexOf(stance);

export type SlotKind = 'quantity' | 'date' | 'name' | 'polarity' | 'direction';

/** A quantity as an interval: "about 1,000" -> [900, 1100], "more than 100" -> (100, Infinity). */
export interface Quantity {
  kind: 'quantity';
  text: string;
  value: number;
  low: number;
  high: number;
  /** normalised unit or currency ("usd", "troops", "percent"), or undefined */
  unit?: string;
  /** the unit's word as written, lower case ("saplings"), when the unit is a word after the figure */
  unitWord?: string;
  /** the unit names people, by WordNet ("8,400 runners"): "8,400 people" may count them */
  persons?: boolean;
  /** the content words right after the figure ("two crucial military agreements" -> crucial, militari, agreement) */
  nouns?: string[];
  /** a part of a whole the sentence counts ("two of the skiffs", "the remaining three"): never the whole's figure */
  part?: boolean;
  /** an addition to what was counted before ("a further 5,000 trees", "another 200 jobs"): never a total's figure */
  increment?: boolean;
  /** a part whose whole the sentence states ("120" in "cut 120 of its 400 jobs"): it counts the act */
  ofWhole?: boolean;
  /** the whole a stated part is counted from ("of its 400 jobs" in "cut 120 of its 400 jobs"): not the act's count, never compared */
  whole?: boolean;
  /** one person told by the article alone ("a receptionist dead"): it can confirm a count of one, never contradict a count */
  implicit?: boolean;
}

export interface DateSlot {
  kind: 'date';
  text: string;
  granularity: 'year' | 'month' | 'day';
  year?: number;
  month?: number;
  day?: number;
  /** the date bounds a span ("since June", "one day after", "until 2014"): not the date of the event itself */
  bound?: boolean;
}

export interface NameSlot {
  kind: 'name';
  text: string;
  /** lower-case, diacritics and titles removed */
  key: string;
  /** phonetic codes of the name's tokens, for spelling / transliteration variants */
  phonetic: string[];
}

export interface Slots {
  quantities: Quantity[];
  dates: DateSlot[];
  names: NameSlot[];
  /** the statement negates or denies its predicate */
  negated: boolean;
  /** the statement reports without asserting ("reportedly", "claims", a question) */
  hedged: boolean;
}

/** One sentence of a report (or the claim itself), analysed. */
export interface Statement {
  index: number;
  text: string;
  /** stemmed content terms, stop words out, entities kept whole; used for the term index */
  terms: string[];
  slots: Slots;
  /** engine-private extras (e.g. context carried from the previous sentence); JSON only */
  extra?: Record<string, unknown>;
}

/** Near-duplicate signature of a report's cleaned text. */
export interface CopySignature {
  minhash: number[];
  /** LSH band keys: reports sharing a band are copy candidates */
  bands: string[];
  /** number of shingles, for containment estimates */
  shingles: number;
  /** how shingles were cut (absent: the first scheme); signatures of different schemes never match */
  scheme?: number;
}

export interface ReportAnalysis {
  cleanText: string;
  /** whole-report signals for the stance model (see stance/profile.ts), computed once from every statement */
  profile: ReportProfile;
  /** sha-256 hex of the normalised clean text: same source + same hash = same report */
  contentHash: string;
  statements: Statement[];
  /** distinct terms of the whole report (union of statement terms) */
  terms: string[];
  signature: CopySignature;
}

export interface ClaimAnalysis {
  /** the normalised claim text: two submissions with the same normalised text are one claim */
  normalizedText: string;
  textHash: string;
  terms: string[];
  statement: Statement;
}

/** A slot compared between claim and statement, for explanations. */
export interface SlotComparison {
  kind: SlotKind;
  claim: string;
  report: string;
}

export interface Alignment {
  stance: Stance;
  /** id of the rule that decided the stance (see ALIGNMENT_RULES in align.ts) */
  rule: string;
  /** topic-overlap strength in [0, 1] */
  score: number;
  matched: SlotComparison[];
  conflicting: SlotComparison[];
  /** short human reason: "number conflict: 3,000 vs 1,500", "negated", "hedged" */
  reason: string;
}

/** What the engine knows of a report when judging a claim. */
export interface ReportRef {
  id: string;
  source: string;
  /** the report's stance profile; reports stored before profiles existed have none */
  profile?: ReportProfile;
  /** copy group id: reports in one group are one text */
  copyGroup: string;
  publishedAt?: string;
  /** the owner group of a registered source: outlets of one owner are one source */
  owner?: string;
  /** false: shown as evidence but not counted (an unregistered name under the registered-sources policy) */
  vetted?: boolean;
}

export interface Candidate {
  report: ReportRef;
  statement: Statement;
}

export interface EvidenceItem {
  reportId: string;
  source: string;
  copyGroup: string;
  owner?: string;
  /** counted toward the verdict (see ReportRef.vetted) */
  vetted: boolean;
  statementIndex: number;
  sentence: string;
  stance: Stance;
  /** id of the evidence rule that decided the stance (EVIDENCE_RULES in verdict.ts) */
  rule: string;
  score: number;
  /** the stance model's calibrated probability of this stance */
  probability: number;
  matched: SlotComparison[];
  conflicting: SlotComparison[];
  reason: string;
  /** the strongest signals behind the decision, in words */
  signals: string[];
}

export type VerdictRule =
  | 'CONTRADICTED'
  | 'TWO_OR_MORE_INDEPENDENT_SOURCES'
  | 'ONE_INDEPENDENT_SOURCE'
  | 'NO_SUPPORTING_OR_CONTRADICTING_REPORT';

/** A verdict without its evidence: what a claim carries. */
export type VerdictSummary = Omit<VerdictResult, 'evidence'>;

export interface VerdictResult {
  verdict: Verdict;
  confidence: number;
  rule: VerdictRule;
  /** one sentence for people: which rule fired and on what counts */
  explanation: string;
  supportCount: number;
  contradictCount: number;
  mentionCount: number;
  independentSources: number;
  /** at most one item per report (its strongest statement), strongest first */
  evidence: EvidenceItem[];
}

/** A posting from the term index, as the store returns it. */
export interface Posting {
  term: string;
  reportId: string;
  /** indexes of the report's statements that contain the term */
  statements: number[];
  /** indexes of statements that refer back to one containing the term ("It struck at 1:53"): they carry its topic */
  carried?: number[];
}

export interface RankedStatement {
  reportId: string;
  statementIndex: number;
  score: number;
}
