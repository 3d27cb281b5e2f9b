// The stance model's public surface: judge one report's candidate statements for a claim.
// At run time `statements` are up to CANDIDATES_PER_REPORT of the report's statements, the best ranked by BM25
// for the claim (as retrieval passes them), and `profile` the report's whole-body profile from ingest.
import type { Alignment, ClaimAnalysis, Stance, Statement } from '../types.js';
import { CUE_LISTS } from './cues.js';
import { CANDIDATES_PER_REPORT, featuresOf, readCandidate, type Reading } from './features.js';
import { loadStanceModel, stanceProbabilities, STANCE_CLASSES, type StanceClass, type StanceModel } from './model.js';
import type { ReportProfile } from './profile.js';

export { reportProfile, PROFILE_VERSION, type ReportProfile } from './profile.js';
export { CANDIDATES_PER_REPORT } from './features.js';
export { STANCE_CLASSES, type StanceClass } from './model.js';

export interface StanceSignal {
  name: string;
  value: number;
  /** words a reader understands */
  text: string;
}

export interface StanceJudgement {
  probs: Record<StanceClass, number>;
  /** the deciding sentence: the candidate that, judged alone, most supports the decided class */
  statementIndex: number;
  signals: StanceSignal[];
  /** the engine's reading of each candidate judged, best-ranked first: what the evidence rules test */
  readings: Array<{ statement: Statement; alignment: Alignment }>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const asRecord = (p: ArrayLike<number>): Record<StanceClass, number> =>
  Object.fromEntries(STANCE_CLASSES.map((c, i) => [c, p[i]!])) as Record<StanceClass, number>;

/** What a reader is told of the deciding sentence and the report: the engine's reading, overlap, cue words. */
function signalsOf(
  decided: Reading | undefined,
  readings: readonly Reading[],
  profile: ReportProfile | undefined,
): StanceSignal[] {
  const out: StanceSignal[] = [];
  if (decided) {
    const a = decided.alignment;
    out.push({
      name: 'engine',
      value: round(a.score),
      text: `the engine reads this sentence as ${a.stance.toLowerCase()}: ${a.reason}`,
    });
    for (const c of a.conflicting)
      out.push({
        name: `conflict.${c.kind}`,
        value: 1,
        text: `${c.kind} conflict: claim says ${c.claim}, report says ${c.report}`,
      });
    for (const m of a.matched)
      out.push({ name: `match.${m.kind}`, value: 1, text: `${m.kind} agrees: ${m.claim} / ${m.report}` });
    if (decided.semantic.opposites.length > 0) {
      out.push({
        name: 'opposites',
        value: decided.semantic.opposites.length,
        text: `opposite words (WordNet): ${decided.semantic.opposites.join(', ')}`,
      });
    }
    out.push({
      name: 'similarity',
      value: round(decided.semantic.alignedSimilarity),
      text: `word-vector similarity to the claim: ${decided.semantic.alignedSimilarity.toFixed(2)}`,
    });
    decided.cues.forEach((found, k) => {
      if (found.length > 0)
        out.push({
          name: `cue.${CUE_LISTS[k]!.name}`,
          value: found.length,
          text: `${CUE_LISTS[k]!.text} in the sentence: ${[...new Set(found)].join(', ')}`,
        });
    });
  }
  if (readings.length > 1) {
    const others = readings.filter((r) => r !== decided && r.alignment.stance !== 'MENTIONS');
    for (const r of others)
      out.push({
        name: 'engine.other',
        value: round(r.alignment.score),
        text: `another sentence reads as ${r.alignment.stance.toLowerCase()}: ${r.alignment.reason}`,
      });
  }
  if (profile && profile.n > 0) {
    const refuting = profile.cues[0] ?? 0;
    const denial = profile.cues[2] ?? 0;
    const hedging = profile.cues[3] ?? 0;
    if (refuting + denial > 0)
      out.push({
        name: 'report.refuting',
        value: refuting + denial,
        text: `${refuting + denial} sentence(s) of the report use refuting or denying words`,
      });
    if (hedging > 0)
      out.push({
        name: 'report.hedging',
        value: hedging,
        text: `${hedging} of the report's ${profile.n} sentences hedge`,
      });
  }
  return out;
}

/** The engine's stance that reads as each class: a sentence the engine reads the same way shows the decision. */
const ENGINE_READS: Record<number, (r: Reading) => boolean> = {
  0: (r) => r.alignment.stance === 'SUPPORTS',
  1: (r) => r.alignment.stance === 'CONTRADICTS',
  2: (r) => r.alignment.stance === 'MENTIONS' && r.alignment.reason !== 'different topic',
};

/**
 * The deciding sentence: the best-ranked candidate the engine reads the way the model decided; else the one that,
 * judged alone (with the report's profile), gives the decided class the highest probability.
 */
function decidingReading(
  claim: ClaimAnalysis,
  readings: readonly Reading[],
  decided: number,
  model: StanceModel,
  profile?: ReportProfile,
): Reading | undefined {
  const agreeing = readings.find((r) => ENGINE_READS[decided]?.(r) ?? false);
  if (agreeing || readings.length <= 1) return agreeing ?? readings[0];
  let best = readings[0];
  let bestP = -1;
  for (const r of readings) {
    const p = stanceProbabilities(model, featuresOf(claim, [r], model.space, profile))[decided]!;
    if (p > bestP + 1e-12) {
      bestP = p;
      best = r;
    }
  }
  return best;
}

/** Judges one report for a claim with the given (or the checked-in) model. */
export function judgeReport(
  claim: ClaimAnalysis,
  statements: Statement[],
  profile?: ReportProfile,
  publishedAt?: string,
  model: StanceModel = loadStanceModel(),
): StanceJudgement {
  const readings = statements
    .slice(0, CANDIDATES_PER_REPORT)
    .map((s) => readCandidate(claim, s, model.space, publishedAt));
  const probs = stanceProbabilities(model, featuresOf(claim, readings, model.space, profile));
  let decided = 0;
  for (let c = 1; c < 4; c++) if (probs[c]! > probs[decided]!) decided = c;
  const best = decidingReading(claim, readings, decided, model, profile);
  return {
    probs: asRecord(probs),
    statementIndex: best?.statement.index ?? -1,
    signals: signalsOf(best, readings, profile),
    readings: readings.map((r) => ({ statement: r.statement, alignment: r.alignment })),
  };
}

const ENGINE_STANCE: Record<StanceClass, Stance | undefined> = {
  agree: 'SUPPORTS',
  disagree: 'CONTRADICTS',
  discuss: 'MENTIONS',
  unrelated: undefined,
};

/** The engine's stance for a judgement's most probable class; undefined when the report is not evidence at all. */
export function stanceOfJudgement(judgement: StanceJudgement): { stance: Stance | undefined; probability: number } {
  let best: StanceClass = 'unrelated';
  for (const c of STANCE_CLASSES) if (judgement.probs[c] > judgement.probs[best]) best = c;
  return { stance: ENGINE_STANCE[best], probability: judgement.probs[best] };
}
