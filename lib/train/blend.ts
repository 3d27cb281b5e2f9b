// Boosted trees over the dense inputs, blended with a trained net: the trees are fitted on the train side (rounds
// kept by dev log-loss), then the blend's weight, offsets and temperature on dev, two ways: the trainer's objective
// (relative + macro-F1), and the relative score alone under floors on macro-F1 and `disagree` F1.
import { DENSE_FEATURES } from '../domain/stance/features.js';
import {
  baseLogits,
  DEFAULT_EVIDENCE_THRESHOLDS,
  decodeStanceModelBytes,
  softmax,
  STANCE_CLASSES,
  type EvidenceThresholds,
} from '../domain/stance/model.js';
import { forestScores, type Forest } from '../domain/stance/trees.js';
import { formatScores, scoreStances, type StanceScores } from '../eval/fnc.js';
import {
  calibratedProbabilities,
  constrainedObjective,
  decisionObjective,
  fitTemperature,
  offsetPrediction,
  tuneOffsetsFor,
} from './calibrate.js';
import type { Example } from './dataset.js';
import { encodeBlendFile } from './export.js';
import { DEFAULT_BOOST, trainForest, type BoostConfig, type BoostData } from './gbdt.js';

/** The floors of the constrained variant's offsets. */
export const BLEND_FLOORS = { macroF1: 0.62, disagreeF1: 0.25 };
/** Net weights tried, net alone (1) to trees alone (0). */
const WEIGHTS = Array.from({ length: 11 }, (_, k) => k / 10);

export const boostData = (examples: readonly Example[]): BoostData => {
  const D = DENSE_FEATURES.length;
  const x = new Float64Array(examples.length * D);
  for (const [i, e] of examples.entries()) x.set(e.features.dense, i * D);
  return { x, width: D, labels: examples.map((e) => e.label) };
};

export interface BlendVariant {
  name: 'objective' | 'constrained';
  netWeight: number;
  offsets: number[];
  temperature: number;
  dev: StanceScores;
  bytes: Buffer;
}

/**
 * Which variant goes forward (fixed before any test measurement): the constrained offsets when their dev relative
 * score beats the objective's by at least 0.005, else the objective's.
 */
export function chosenVariant(variants: readonly BlendVariant[]): BlendVariant {
  const objective = variants.find((v) => v.name === 'objective')!;
  const constrained = variants.find((v) => v.name === 'constrained');
  return constrained && constrained.dev.relativeScore >= objective.dev.relativeScore + 0.005 ? constrained : objective;
}

export interface FittedBlend {
  forest: Forest;
  rounds: number;
  variants: BlendVariant[];
  report: string;
}

const mix = (net: Float64Array, trees: Float64Array, w: number): Float64Array =>
  net.map((v, c) => Math.log(Math.max(w * v + (1 - w) * trees[c]!, 1e-300)));

export function fitBlend(args: {
  net: Buffer;
  train: readonly Example[];
  dev: readonly Example[];
  trainedOn: string;
  boost?: Partial<BoostConfig>;
  evidence?: EvidenceThresholds;
  log?: (line: string) => void;
}): FittedBlend {
  const log = args.log ?? (() => {});
  const labels = args.train.map((e) => e.label);
  const counts = STANCE_CLASSES.map((_, c) => labels.filter((l) => l === c).length);
  // The net's class weights: rare classes weigh more by the square root of their rarity.
  const classWeights = counts.map((n) => Math.sqrt(labels.length / (4 * Math.max(n, 1))));
  const config = { ...DEFAULT_BOOST, classWeights, ...args.boost };
  const t0 = Date.now();
  const run = trainForest(boostData(args.train), boostData(args.dev), config, log);
  log(
    `trees: ${run.rounds} rounds kept, ${run.forest.feature.length} nodes, ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  const model = decodeStanceModelBytes(args.net);
  const gold = args.dev.map((e) => e.label);
  const netP = args.dev.map((e) => softmax(baseLogits(model, e.features)));
  const treeP = args.dev.map((e) => softmax(forestScores(run.forest, e.features.dense)));
  const objective = (g: readonly number[], p: readonly number[]) => decisionObjective(g, p, 1);
  const scored = (logits: Float64Array[], offsets: number[]) => {
    const temperature = fitTemperature(logits, gold, offsets);
    const dev = scoreStances(
      gold,
      logits.map((z) => offsetPrediction(z, offsets)),
      logits.map((z) => calibratedProbabilities(z, offsets, temperature)),
    );
    return { temperature, dev };
  };
  const lines: string[] = [];
  let best: { w: number; offsets: number[]; value: number; logits: Float64Array[] } | undefined;
  for (const w of WEIGHTS) {
    const logits = netP.map((p, i) => mix(p, treeP[i]!, w));
    const offsets = tuneOffsetsFor(logits, gold, objective);
    const value = objective(
      gold,
      logits.map((z) => offsetPrediction(z, offsets)),
    );
    const s = scoreStances(
      gold,
      logits.map((z) => offsetPrediction(z, offsets)),
    );
    lines.push(
      `net weight ${w.toFixed(1)}: offsets ${offsets.join(' ')}; dev relative ${s.relativeScore.toFixed(3)}, macro-F1 ${s.macroF1.toFixed(3)}, disagree F1 ${s.f1.disagree.toFixed(3)}, objective ${value.toFixed(4)}`,
    );
    if (!best || value > best.value + 1e-9) best = { w, offsets, value, logits };
  }
  const chosen = best!;
  const constrainedOffsets = tuneOffsetsFor(chosen.logits, gold, constrainedObjective(BLEND_FLOORS), chosen.offsets);
  const evidence = args.evidence ?? DEFAULT_EVIDENCE_THRESHOLDS;
  const variants = (
    [
      ['objective', chosen.offsets],
      ['constrained', constrainedOffsets],
    ] as const
  ).map(([name, offsets]): BlendVariant => {
    const { temperature, dev } = scored(chosen.logits, [...offsets]);
    const bytes = encodeBlendFile(args.net, run.forest, {
      trainedOn: args.trainedOn,
      netWeight: chosen.w,
      offsets: [...offsets],
      temperature,
      evidence,
      metrics: {
        rounds: run.rounds,
        offsetsFor: name,
        dev: { relativeScore: dev.relativeScore, macroF1: dev.macroF1, f1: dev.f1, ece: dev.ece },
      },
    });
    return { name, netWeight: chosen.w, offsets: [...offsets], temperature, dev, bytes };
  });
  const report = [
    ...lines,
    `net weight kept ${chosen.w}`,
    ...variants.flatMap((v) => [
      `${v.name}: offsets ${v.offsets.join(' ')}; temperature ${v.temperature}`,
      formatScores(`dev, blend (${v.name} offsets)`, v.dev),
    ]),
  ].join('\n');
  return { forest: run.forest, rounds: run.rounds, variants, report };
}
