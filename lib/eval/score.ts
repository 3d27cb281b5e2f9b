// Pure scoring of an eval run: accuracy, confusion matrix, stance accuracy and
// accuracy per confidence band (higher bands should be more accurate).
import { STANCES, VERDICTS, type Stance, type Verdict } from '../domain/types.js';

export interface CaseResult {
  id: string;
  expect: Verdict;
  got: Verdict;
  confidence: number;
  /** the stance rule of the evidence the verdict rests on (its strongest item), or NO_EVIDENCE */
  decidedBy?: string;
  /** what the confidence was computed from (confidenceBasis): the verdict calibration is fitted on these */
  basis?: number[];
  /** expected vs assigned stance per listed report */
  stances: Array<{ report: string; expect: Stance; got: Stance }>;
  /** the evidence as the API lists it, strongest first: what `--wrong` prints for a wrong case */
  evidence?: Array<{ report: string; stance: Stance; rule: string; sentence: string; reason: string }>;
}

export const BANDS = [
  { name: '[0.00,0.50)', low: 0, high: 0.5 },
  { name: '[0.50,0.70)', low: 0.5, high: 0.7 },
  { name: '[0.70,0.85)', low: 0.7, high: 0.85 },
  { name: '[0.85,1.00]', low: 0.85, high: 1.01 },
] as const;

export interface EvalSummary {
  total: number;
  correct: number;
  accuracy: number;
  cases: Array<{ id: string; expect: Verdict; got: Verdict; confidence: number; basis?: number[] }>;
  confusion: Record<Verdict, Record<Verdict, number>>;
  bands: Array<{ band: string; total: number; correct: number; accuracy: number | null }>;
  /** expected calibration error over 10 equal-width confidence bins: how far confidence is from accuracy */
  ece: number;
  /** the listed reports' stances: how many, how many right, and expected against assigned */
  stance?: {
    total: number;
    correct: number;
    accuracy: number;
    confusion: Record<Stance, Record<Stance, number>>;
  };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10_000) / 10_000);

/**
 * Expected calibration error with equal-width bins: the case-weighted mean gap between each bin's mean
 * confidence and its accuracy. 0 is perfectly calibrated.
 */
export function calibrationError(items: Iterable<{ confidence: number; correct: boolean }>, bins = 10): number {
  const sums = Array.from({ length: bins }, () => ({ n: 0, confidence: 0, correct: 0 }));
  let total = 0;
  for (const { confidence, correct } of items) {
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(confidence * bins)))]!;
    bin.n += 1;
    bin.confidence += confidence;
    bin.correct += correct ? 1 : 0;
    total += 1;
  }
  if (total === 0) return 0;
  return sums.reduce((gap, b) => gap + (b.n === 0 ? 0 : Math.abs(b.correct - b.confidence)), 0) / total;
}

/** calibrationError rounded to four places, as eval summaries report it. */
export function expectedCalibrationError(items: Array<{ confidence: number; correct: boolean }>, bins = 10): number {
  return Math.round(calibrationError(items, bins) * 10_000) / 10_000;
}

/** A confusion matrix over the labels, every count 0: expected, then assigned. */
const zeroMatrix = <L extends string>(labels: readonly L[]): Record<L, Record<L, number>> =>
  Object.fromEntries(labels.map((e) => [e, Object.fromEntries(labels.map((g) => [g, 0]))])) as Record<
    L,
    Record<L, number>
  >;

export function summarize(results: CaseResult[]): EvalSummary {
  const confusion = zeroMatrix(VERDICTS);
  let correct = 0;
  for (const r of results) {
    confusion[r.expect][r.got] += 1;
    if (r.expect === r.got) correct += 1;
  }
  const bands = BANDS.map((b) => {
    const inBand = results.filter((r) => r.confidence >= b.low && r.confidence < b.high);
    const ok = inBand.filter((r) => r.expect === r.got).length;
    return {
      band: b.name,
      total: inBand.length,
      correct: ok,
      accuracy: inBand.length ? ratio(ok, inBand.length) : null,
    };
  });
  const stances = results.flatMap((r) => r.stances);
  const stanceCorrect = stances.filter((s) => s.expect === s.got).length;
  const stanceConfusion = zeroMatrix(STANCES);
  for (const s of stances) stanceConfusion[s.expect][s.got] += 1;
  return {
    total: results.length,
    correct,
    accuracy: ratio(correct, results.length),
    cases: results.map((r) => ({
      id: r.id,
      expect: r.expect,
      got: r.got,
      confidence: r.confidence,
      ...(r.basis ? { basis: r.basis } : {}),
    })),
    confusion,
    bands,
    ece: expectedCalibrationError(results.map((r) => ({ confidence: r.confidence, correct: r.expect === r.got }))),
    ...(stances.length > 0
      ? {
          stance: {
            total: stances.length,
            correct: stanceCorrect,
            accuracy: ratio(stanceCorrect, stances.length),
            confusion: stanceConfusion,
          },
        }
      : {}),
  };
}

export function formatSummary(name: string, s: EvalSummary): string {
  const lines = [`${name}: accuracy ${s.accuracy.toFixed(3)} (${s.correct}/${s.total})`];
  if (s.stance) lines.push(`stance accuracy ${s.stance.accuracy.toFixed(3)} (${s.stance.correct}/${s.stance.total})`);
  const short: Record<Verdict, string> = {
    CORROBORATED: 'CORR',
    DISPUTED: 'DISP',
    SINGLE_SOURCE: 'SING',
    UNVERIFIED: 'UNVR',
  };
  lines.push('', `expected \\ got  ${VERDICTS.map((v) => short[v].padStart(6)).join('')}`);
  for (const e of VERDICTS)
    lines.push(`${e.padEnd(15)} ${VERDICTS.map((g) => String(s.confusion[e][g]).padStart(6)).join('')}`);
  if (s.stance) {
    lines.push('', `stance: expected \\ got  ${STANCES.map((v) => v.slice(0, 4).padStart(6)).join('')}`);
    for (const e of STANCES)
      lines.push(`${e.padEnd(23)} ${STANCES.map((g) => String(s.stance!.confusion[e][g]).padStart(6)).join('')}`);
  }
  lines.push('', `expected calibration error (10 bins): ${s.ece.toFixed(3)}`, '', 'confidence band   cases  accuracy');
  for (const b of s.bands)
    lines.push(
      `${b.band.padEnd(17)} ${String(b.total).padStart(5)}  ${b.accuracy === null ? '-' : b.accuracy.toFixed(3)}`,
    );
  return lines.join('\n');
}
