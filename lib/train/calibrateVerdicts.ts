// Fits the verdict confidence model (lib/domain/calibration.ts) on held-out labelled claims: the FNC-1 dev
// stories, which the stance model was not trained on. Each dev headline is a claim and its paired bodies are its
// reports (one publisher each); the expected verdict follows from the gold stances by DESIGN.md's rules (a
// refuting body -> DISPUTED, else agreeing bodies: >= 2 CORROBORATED, 1 SINGLE_SOURCE, 0 UNVERIFIED), the same
// mechanical rule emergent.json's labels follow. The engine judges each claim exactly as judgeClaim does; a
// logistic regression per verdict then learns how often that verdict is right from what it rested on.
import { CONFIDENCE_FEATURES, confidenceFeatures, type VerdictCalibration } from '../domain/calibration.js';
import { countIndependent, judgeClaim } from '../domain/verdict.js';
import type { Candidate, Verdict } from '../domain/types.js';
import { VERDICTS } from '../domain/types.js';
import { candidateStatements, type Corpus } from './dataset.js';
import type { FncPair } from './fnc1.js';

export interface CalibrationCase {
  verdict: Verdict;
  features: number[];
  correct: boolean;
}

export function expectedVerdict(stances: FncPair['stance'][]): Verdict {
  if (stances.includes('disagree')) return 'DISPUTED';
  const agree = stances.filter((s) => s === 'agree').length;
  return agree >= 2 ? 'CORROBORATED' : agree === 1 ? 'SINGLE_SOURCE' : 'UNVERIFIED';
}

/** Every headline of `pairs` judged as a claim over its paired bodies, with whether the verdict was right. */
export function calibrationCases(corpus: Corpus, pairs: FncPair[], calibration: VerdictCalibration): CalibrationCase[] {
  const byHeadline = new Map<string, FncPair[]>();
  for (const p of pairs) byHeadline.set(p.headline, [...(byHeadline.get(p.headline) ?? []), p]);
  const cases: CalibrationCase[] = [];
  for (const [headline, group] of [...byHeadline.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const claim = corpus.claims.get(headline)!;
    const candidates: Candidate[] = group.flatMap((p) => {
      const body = corpus.bodies.get(p.bodyId)!;
      const report = { id: String(p.bodyId), source: `body-${p.bodyId}`, copyGroup: String(p.bodyId), profile: body.profile };
      return candidateStatements(corpus, claim, body).map((statement) => ({ report, statement }));
    });
    const result = judgeClaim(claim, candidates, calibration);
    const features = confidenceFeatures(
      result.verdict,
      { supportingSources: result.independentSources, contradictingSources: countIndependent(result.evidence.filter((e) => e.stance === 'CONTRADICTS')) },
      result.evidence,
    );
    cases.push({ verdict: result.verdict, features, correct: result.verdict === expectedVerdict(group.map((p) => p.stance)) });
  }
  return cases;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** L2-regularised logistic regression by full-batch gradient descent: deterministic, no randomness at all. */
export function fitLogistic(xs: number[][], ys: boolean[], { l2 = 0.01, steps = 4000, rate = 0.5 } = {}): number[] {
  const d = xs[0]?.length ?? CONFIDENCE_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  if (xs.length === 0) return w;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    xs.forEach((x, n) => {
      const err = sigmoid(x.reduce((z, v, i) => z + v * w[i]!, 0)) - (ys[n] ? 1 : 0);
      for (let i = 0; i < d; i++) grad[i]! += (err * x[i]!) / xs.length;
    });
    // The bias (feature 0) is not shrunk.
    for (let i = 0; i < d; i++) w[i]! -= rate * (grad[i]! + (i === 0 ? 0 : l2 * w[i]!));
  }
  return w.map((x) => Math.round(x * 1e6) / 1e6);
}

/** One model per verdict; a verdict too rare in the data to fit falls back to its observed accuracy. */
export function fitCalibration(cases: CalibrationCase[]): VerdictCalibration {
  const weights = Object.fromEntries(
    VERDICTS.map((v) => {
      const own = cases.filter((c) => c.verdict === v);
      if (own.length < 20) {
        const rate = (own.filter((c) => c.correct).length + 1) / (own.length + 2);
        return [v, [Math.log(rate / (1 - rate)), ...new Array<number>(CONFIDENCE_FEATURES.length - 1).fill(0)]];
      }
      return [v, fitLogistic(own.map((c) => c.features), own.map((c) => c.correct))];
    }),
  ) as Record<Verdict, number[]>;
  return { features: CONFIDENCE_FEATURES, weights };
}
