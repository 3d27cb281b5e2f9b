// A verdict's confidence: the probability that the verdict is right, from a logistic model per verdict fitted
// on labelled claims judged through the app (npm run calibrate, lib/cli/calibrate.ts). Its inputs are what
// the verdict rests on: how many independent sources state or contradict the claim, how sure the stance model
// was of that evidence, and the strongest evidence the other way.
import { lazyAsset, readAsset } from './resources/assets.js';
import type { EvidenceItem, Verdict } from './types.js';

export const VERDICT_CALIBRATION_ASSET = 'verdict-calibration.json';

export const CONFIDENCE_FEATURES = [
  'bias',
  'supportingSources',
  'contradictingSources',
  'mentions',
  'decidingProbability',
  'strongestOpposite',
] as const;

export interface VerdictCalibration {
  features: readonly string[];
  /** logistic weights per verdict, in CONFIDENCE_FEATURES order */
  weights: Record<Verdict, number[]>;
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
const max = (xs: number[]): number => xs.reduce((m, x) => Math.max(m, x), 0);

/** The inputs of the confidence model, in CONFIDENCE_FEATURES order. */
export function confidenceFeatures(
  verdict: Verdict,
  counts: { supportingSources: number; contradictingSources: number },
  evidence: EvidenceItem[],
): number[] {
  const by = (stance: EvidenceItem['stance']) => evidence.filter((e) => e.stance === stance).map((e) => e.probability);
  const [supports, contradicts, mentions] = [by('SUPPORTS'), by('CONTRADICTS'), by('MENTIONS')];
  const deciding = verdict === 'DISPUTED' ? contradicts : verdict === 'UNVERIFIED' ? mentions : supports;
  // What argues against the verdict: support for a dispute, a near miss for "unverified", a doubtful mention for the rest.
  const opposite =
    verdict === 'DISPUTED'
      ? supports
      : verdict === 'UNVERIFIED'
        ? evidence.map((e) => 1 - e.probability)
        : mentions.map((m) => 1 - m);
  return [
    1,
    Math.log1p(counts.supportingSources),
    Math.log1p(counts.contradictingSources),
    Math.log1p(mentions.length),
    mean(deciding),
    max(opposite),
  ];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function confidenceWith(calibration: VerdictCalibration, verdict: Verdict, features: number[]): number {
  const w = calibration.weights[verdict];
  return sigmoid(features.reduce((z, x, i) => z + x * (w[i] ?? 0), 0));
}

export const loadVerdictCalibration = lazyAsset(
  () => JSON.parse(readAsset(VERDICT_CALIBRATION_ASSET).toString('utf8')) as VerdictCalibration,
);
