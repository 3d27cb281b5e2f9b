// From per-statement alignments to a verdict. Each report contributes its strongest
// statement; independence counts groups of reports linked by the same publisher, owner group or
// the same copy group, so a syndicated text or a second story by one outlet adds nothing.
import { alignStatement } from './align.js';
import { judgeReport, type StanceJudgement } from './stance/index.js';
import { loadStanceModel } from './stance/model.js';
import { confidenceFeatures, confidenceWith, loadVerdictCalibration, type VerdictCalibration } from './calibration.js';
import {
  stanceRank,
  type Candidate,
  type ClaimAnalysis,
  type EvidenceItem,
  type ReportRef,
  type Stance,
  type Statement,
  type VerdictResult,
  type VerdictRule,
} from './types.js';
import { unionFind } from './unionFind.js';

/** Number of independent sources among reports: publishers, owners and copy groups merge (union-find). */
export function countIndependent(
  items: Array<{ source: string; copyGroup: string; owner?: string | undefined }>,
): number {
  const { find, union } = unionFind();
  for (const item of items) {
    union(`source:${item.source.trim().toLowerCase()}`, `copy:${item.copyGroup}`);
    if (item.owner) union(`owner:${item.owner}`, `copy:${item.copyGroup}`);
  }
  const roots = new Set<string>();
  for (const item of items) roots.add(find(`copy:${item.copyGroup}`));
  return roots.size;
}

/** One report as the engine and the stance model read it for a claim. */
export interface ReportJudgement {
  report: ReportRef;
  model: StanceJudgement;
  /** the engine's reading of every candidate of the report, best-ranked first (the model reads the first few) */
  readings: Reading[];
}

type Reading = StanceJudgement['readings'][number];

/** One step of the evidence decision: when it applies, the reading (sentence) it rests on. */
export interface EvidenceRule {
  id: string;
  /** the stance it gives; undefined: the report is not evidence at all */
  stance: Stance | undefined;
  /** a claim and a report sentence it decides, for people reading the rules */
  example: string;
  applies: (j: ReportJudgement) => Reading | undefined;
}

const p = (j: ReportJudgement) => j.model.probs;
const decided = (j: ReportJudgement): keyof StanceJudgement['probs'] => {
  const probs = p(j);
  return (Object.keys(probs) as Array<keyof typeof probs>).reduce((a, b) => (probs[b] > probs[a] ? b : a));
};
/** The sentence the model's decision rests on (see judgeReport). */
const deciding = (j: ReportJudgement): Reading | undefined =>
  j.readings.find((r) => r.statement.index === j.model.statementIndex) ?? j.readings[0];
/**
 * The engine's own reading of the report: its strongest statement that supports or contradicts (highest
 * alignment score; the first such on a tie), so a background sentence with another date does not outvote the
 * sentence that states the claim.
 */
const engineBest = (j: ReportJudgement): Reading | undefined => {
  const best = j.readings.reduce<Reading | undefined>(
    (top, r) => (r.alignment.stance !== 'MENTIONS' && (!top || r.alignment.score > top.alignment.score) ? r : top),
    undefined,
  );
  if (best === undefined) return undefined;
  // A verdict line on the sentence before ("Posts said a wolf was seen. That is false.") outranks the sentence it
  // judges: the report relays that sentence to call it false.
  return (
    j.readings.find((r) => r.alignment.rule === 'DEBUNKED' && r.statement.index === best.statement.index + 1) ?? best
  );
};
const engineReads = (j: ReportJudgement, stance: Stance): Reading | undefined => {
  const best = engineBest(j);
  return best?.alignment.stance === stance ? best : undefined;
};

/**
 * How sure the model must be to overrule the engine: bars on its probabilities, so they are the model asset's own
 * (`evidence` in the stance model; 0.7 each for a model that names none), chosen on the FNC-1 dev stories and the
 * development eval sets (docs/engine.md). Below them the engine's reading of the details stands.
 */
const bars = () => loadStanceModel().evidence;
/** Engine readings that only say the wording differs, which a paraphrase the model recognises can answer. */
const WORDING_ONLY = new Set(['TOPIC_ONLY', 'DETAIL_MISSING']);

/**
 * The evidence decision for one report, in order: the first rule that applies decides. The engine checks
 * details (figures, dates, names, negation, roles, scope); the model, trained on labelled news, reads the
 * report as a whole: refutations, paraphrases, other stories.
 */
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  {
    id: 'ENGINE_CONFLICT',
    stance: 'CONTRADICTS',
    example:
      '"France had 3,000 troops in Niger" vs "France had 1,500 troops in Niger"; "The bridge closed" vs "The bridge did not close"',
    applies: (j) => engineReads(j, 'CONTRADICTS'),
  },
  {
    id: 'MODEL_REFUTES',
    stance: 'CONTRADICTS',
    example: '"A cat survived a fall from the 30th floor" vs a report that calls the story a hoax',
    applies: (j) => (p(j).disagree >= bars().refutes ? deciding(j) : undefined),
  },
  {
    id: 'ENGINE_SAME_FACT',
    stance: 'SUPPORTS',
    example: '"France had about 1,500 troops in Niger" vs "Some 1,500 French soldiers are stationed in Niger"',
    applies: (j) => engineReads(j, 'SUPPORTS'),
  },
  {
    id: 'MODEL_PARAPHRASE',
    stance: 'SUPPORTS',
    example: '"The minister resigned" vs "The minister stepped down on Monday, her office said"',
    applies: (j) => {
      const reading = deciding(j);
      return p(j).agree >= bars().paraphrase && reading && WORDING_ONLY.has(reading.alignment.rule)
        ? reading
        : undefined;
    },
  },
  {
    id: 'MODEL_UNRELATED',
    stance: undefined,
    example: '"The bridge closed" vs a report on a football match',
    applies: (j) => (decided(j) === 'unrelated' ? deciding(j) : undefined),
  },
  {
    id: 'SAME_TOPIC',
    stance: 'MENTIONS',
    example: '"The bank was set on fire" vs "Protesters gathered outside the bank"',
    applies: (j) => deciding(j),
  },
];

function evidenceOf(claim: ClaimAnalysis, candidates: Candidate[]): EvidenceItem[] {
  // Candidates come best-ranked first; each report is judged on its own best-ranked statements.
  const byReport = new Map<string, { report: ReportRef; statements: Statement[] }>();
  for (const { report, statement } of candidates) {
    const entry = byReport.get(report.id) ?? byReport.set(report.id, { report, statements: [] }).get(report.id)!;
    entry.statements.push(statement);
  }
  const items: EvidenceItem[] = [];
  for (const { report, statements } of byReport.values()) {
    const model = judgeReport(claim, statements, report.profile, report.publishedAt);
    const rest = statements
      .slice(model.readings.length)
      .map((statement) => ({ statement, alignment: alignStatement(claim, statement, report.publishedAt) }));
    const judgement: ReportJudgement = { report, model, readings: [...model.readings, ...rest] };
    for (const rule of EVIDENCE_RULES) {
      const reading = rule.applies(judgement);
      if (!reading) continue;
      if (rule.stance === undefined) break;
      const a = reading.alignment;
      const probability =
        rule.stance === 'SUPPORTS'
          ? p(judgement).agree
          : rule.stance === 'CONTRADICTS'
            ? p(judgement).disagree
            : p(judgement).discuss;
      items.push({
        reportId: report.id,
        source: report.source,
        copyGroup: report.copyGroup,
        ...(report.owner ? { owner: report.owner } : {}),
        vetted: report.vetted !== false,
        statementIndex: reading.statement.index,
        sentence: reading.statement.text,
        stance: rule.stance,
        rule: rule.id,
        score: Number(a.score.toFixed(3)),
        probability: Number(probability.toFixed(3)),
        matched: a.matched,
        conflicting: a.conflicting,
        reason: a.reason,
        signals: judgement.model.signals.slice(0, 4).map((s) => s.text),
      });
      break;
    }
  }
  return items.sort(
    (a, b) => stanceRank(a.stance) - stanceRank(b.stance) || b.score - a.score || a.reportId.localeCompare(b.reportId),
  );
}

/** The verdict rules of DESIGN.md section 1, in order: the first that holds decides. */
const VERDICT_RULES: ReadonlyArray<{
  rule: VerdictRule;
  verdict: VerdictResult['verdict'];
  holds: (c: Counts) => boolean;
  explain: (c: Counts) => string;
}> = [
  {
    rule: 'CONTRADICTED',
    verdict: 'DISPUTED',
    holds: (c) => c.contradicting > 0,
    explain: (c) =>
      `${c.contradictingSources} independent source(s) contradict the claim (${c.contradicting} report(s)); ${c.independentSources} support it.`,
  },
  {
    rule: 'TWO_OR_MORE_INDEPENDENT_SOURCES',
    verdict: 'CORROBORATED',
    holds: (c) => c.independentSources >= 2,
    explain: (c) =>
      `${c.independentSources} independent sources support the claim (${c.supporting} report(s)); none contradicts it.`,
  },
  {
    rule: 'ONE_INDEPENDENT_SOURCE',
    verdict: 'SINGLE_SOURCE',
    holds: (c) => c.independentSources === 1,
    explain: (c) =>
      `One independent source supports the claim (${c.supporting} report(s), counting copies and the same publisher once); none contradicts it.`,
  },
  {
    rule: 'NO_SUPPORTING_OR_CONTRADICTING_REPORT',
    verdict: 'UNVERIFIED',
    holds: () => true,
    explain: (c) =>
      c.mentions > 0
        ? `No report states or contradicts the claim; ${c.mentions} report(s) only mention its topic.`
        : 'No report states, contradicts or mentions the claim.',
  },
];

interface Counts {
  supporting: number;
  contradicting: number;
  mentions: number;
  independentSources: number;
  contradictingSources: number;
}

/** What a verdict's confidence is computed from (CONFIDENCE_FEATURES), given the claim's whole evidence. */
export function confidenceBasis(verdict: VerdictResult['verdict'], evidence: EvidenceItem[]): number[] {
  const sources = (stance: Stance) => countIndependent(evidence.filter((e) => e.stance === stance));
  return confidenceFeatures(
    verdict,
    { supportingSources: sources('SUPPORTS'), contradictingSources: sources('CONTRADICTS') },
    evidence,
  );
}

const clamp = (x: number): number => Math.round(Math.min(0.99, Math.max(0.01, x)) * 100) / 100;

export function judgeClaim(
  claim: ClaimAnalysis,
  candidates: Candidate[],
  calibration: VerdictCalibration = loadVerdictCalibration(),
): VerdictResult {
  const evidence = evidenceOf(claim, candidates);
  // Unvetted reports are shown with the evidence but never counted: they cannot support,
  // dispute or even dampen a verdict (an invented outlet name must not move it).
  const counted = evidence.filter((e) => e.vetted);
  const supporting = counted.filter((e) => e.stance === 'SUPPORTS');
  const contradicting = counted.filter((e) => e.stance === 'CONTRADICTS');
  const counts: Counts = {
    supporting: supporting.length,
    contradicting: contradicting.length,
    mentions: counted.filter((e) => e.stance === 'MENTIONS').length,
    independentSources: countIndependent(supporting),
    contradictingSources: countIndependent(contradicting),
  };
  const { rule, verdict, explain } = VERDICT_RULES.find((r) => r.holds(counts))!;
  const features = confidenceBasis(verdict, counted);
  return {
    verdict,
    rule,
    confidence: clamp(confidenceWith(calibration, verdict, features)),
    explanation: explain(counts),
    supportCount: counts.supporting,
    contradictCount: counts.contradicting,
    mentionCount: counts.mentions,
    independentSources: counts.independentSources,
    evidence,
  };
}
