// The whole training run, from the corpus folder to the asset's bytes and a printable dev report.
import { createHash } from 'node:crypto';
import { DENSE_FEATURES, type FeatureGroup, type Features, type FeatureSpace } from '../domain/stance/features.js';
import {
  decodeStanceModel,
  decodeStanceModelBytes,
  stanceEnsemble,
  stanceLogits,
  STANCE_CLASSES,
  type StanceModel,
  type StanceModelFile,
} from '../domain/stance/model.js';
import { formatScores, scoreStances, type StanceScores } from '../eval/fnc.js';
import {
  calibratedProbabilities,
  decisionObjective,
  fitTemperature,
  offsetPrediction,
  tuneOffsets,
} from './calibrate.js';
import { examplesOf, type Example, type ProfileChoice } from './dataset.js';
import { encodeEnsembleFile, encodeModelFile, modelFile } from './export.js';
import { forward, trainNet, type Input } from './mlp.js';
import { featureSpace, prepare, VOCABULARY_SIZE, type Prepared } from './prepare.js';
import { DEFAULT_SPLIT, splitByStory, type Split } from './split.js';
import { readFeatureCache, writeFeatureCache, type CachedExamples } from './featureCache.js';
import { loadFnc } from './fnc1.js';

export interface TrainConfig {
  groups: FeatureGroup[];
  epochs: number;
  hidden: number;
  seed?: number;
  /** dropout on the hidden layer (default 0.4) */
  dropout?: number;
  /** Adam's learning rate (default 1e-3) */
  lr?: number;
  /** decoupled weight decay (default 1e-4) */
  weightDecay?: number;
  /** weight of macro-F1 against the relative score in the dev objective (epoch and offsets; default 1) */
  macroWeight?: number;
  /**
   * Ship the mean of the weights from this epoch to the last (Polyak / SWA) instead of the epoch best on dev: the
   * dev side's noisy per-epoch objective then picks nothing but the offsets and the temperature.
   */
  averageFrom?: number;
  log?: (line: string) => void;
}

/** Share of training pairs judged without the report's profile, so a report ingested before profiles still reads. */
const WITHOUT_PROFILE = 0.1;

/** Whether a training pair is judged with its report's profile: a fixed, seed-free draw by a hash of the pair. */
export function trainingProfile(pair: { headline: string; bodyId: number }): ProfileChoice {
  const u = createHash('sha1').update(`${pair.headline}#${pair.bodyId}`).digest().readUInt32BE(0) / 2 ** 32;
  return u < WITHOUT_PROFILE ? 'none' : 'stored';
}

function standardiser(features: Features[]): { mean: Float32Array; std: Float32Array } {
  const D = DENSE_FEATURES.length;
  const mean = new Float64Array(D);
  const sq = new Float64Array(D);
  for (const f of features) for (let i = 0; i < D; i++) mean[i]! += f.dense[i]!;
  for (let i = 0; i < D; i++) mean[i]! /= Math.max(features.length, 1);
  for (const f of features) for (let i = 0; i < D; i++) sq[i]! += (f.dense[i]! - mean[i]!) ** 2;
  const std = Float32Array.from(sq, (s) => {
    const v = Math.sqrt(s / Math.max(features.length, 1));
    return v < 1e-6 ? 1 : v;
  });
  return { mean: Float32Array.from(mean), std };
}

function inputOf(f: Features, mean: Float32Array, std: Float32Array, active: Uint8Array): Input {
  const dense = new Float32Array(f.dense.length);
  for (let i = 0; i < dense.length; i++) dense[i] = active[i] ? (f.dense[i]! - mean[i]!) / std[i]! : 0;
  return { dense, sparseIndex: Int32Array.from(f.sparseIndex), sparseValue: Float32Array.from(f.sparseValue) };
}

/** The inputs every fit starts from: computed once, reused by each configuration of an ablation. */
export interface FitInputs {
  space: FeatureSpace;
  vocab: string[];
  train: Example[];
  dev: Example[];
  /** the data the model says it was trained on */
  trainedOn: string;
}

export interface PreparedExamples extends FitInputs {
  prepared: Prepared;
}

export function prepareExamples(
  dir: string,
  log: (line: string) => void = () => {},
  vocabularySize = VOCABULARY_SIZE,
): PreparedExamples {
  const t0 = Date.now();
  const prepared = prepare(dir);
  return examplesFor(prepared, vocabularySize, log, t0);
}

/** Examples over an already prepared corpus with a vocabulary of the given size: one preparation, several fits. */
export function examplesFor(
  prepared: Prepared,
  vocabularySize = VOCABULARY_SIZE,
  log: (line: string) => void = () => {},
  t0 = Date.now(),
): PreparedExamples {
  const { split, corpus } = prepared;
  const { space, vocab } = featureSpace(prepared, vocabularySize);
  const train = examplesOf(corpus, split.train, space, { profile: (i) => trainingProfile(split.train[i]!) });
  const dev = examplesOf(corpus, split.dev, space);
  log(`features: ${train.length} train, ${dev.length} dev pairs in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return { prepared, space, vocab, train, dev, trainedOn: trainedOnOf(split) };
}

/**
 * The train and dev examples read through a given feature space (a checked-in net's vocabulary and IDF, as the app
 * reads them), from the cache file when it holds them, else computed (and written to it when one is named).
 */
export function examplesInSpace(
  dir: string,
  space: FeatureSpace,
  cacheFile: string | undefined,
  log: (line: string) => void = () => {},
): CachedExamples & { split: Split } {
  const cached = cacheFile ? readFeatureCache(cacheFile, space) : undefined;
  if (cached) {
    log(`features: ${cached.train.length} train, ${cached.dev.length} dev pairs read from ${cacheFile}`);
    return { ...cached, split: splitByStory(loadFnc(dir).pairs, DEFAULT_SPLIT) };
  }
  const t0 = Date.now();
  const { split, corpus } = prepare(dir);
  const train = examplesOf(corpus, split.train, space, { profile: (i) => trainingProfile(split.train[i]!) });
  const dev = examplesOf(corpus, split.dev, space);
  log(`features: ${train.length} train, ${dev.length} dev pairs in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (cacheFile) writeFeatureCache(cacheFile, space, { train, dev });
  return { train, dev, split };
}

export const trainedOnOf = (split: Split): string =>
  `fnc1-train split by story (seed ${DEFAULT_SPLIT.seed}): ${split.train.length} train, ${split.dev.length} dev, ${split.test.length} test pairs`;

interface DevTuning {
  offsets: number[];
  temperature: number;
  /** dev figures with the offsets and the temperature */
  scores: StanceScores;
  /** dev figures of the raw argmax */
  before: StanceScores;
}

/** Offsets and temperature fitted on dev logits (macro-F1 weighted `macroWeight` in the offsets' objective), and the figures with them. */
export function tuneLogits(
  logits: ReadonlyArray<ArrayLike<number>>,
  gold: readonly number[],
  macroWeight: number,
): Omit<DevTuning, 'before'> {
  const offsets = tuneOffsets(logits, gold, macroWeight);
  const temperature = fitTemperature(logits, gold, offsets);
  const scores = scoreStances(
    gold,
    logits.map((z) => offsetPrediction(z, offsets)),
    logits.map((z) => calibratedProbabilities(z, offsets, temperature)),
  );
  return { offsets, temperature, scores };
}

/** Offsets and temperature fitted on dev for the model as the app reads it, and its dev figures before and after. */
function tuneOnDev(model: StanceModel, dev: readonly Example[], macroWeight: number): DevTuning {
  const gold = dev.map((e) => e.label);
  const logits = dev.map((e) => stanceLogits(model, e.features));
  const { offsets, temperature, scores } = tuneLogits(logits, gold, macroWeight);
  const before = scoreStances(
    gold,
    logits.map((z) => offsetPrediction(z, [0, 0, 0, 0])),
  );
  return { offsets, temperature, scores, before };
}

const devMetrics = (s: StanceScores) => ({ relativeScore: s.relativeScore, macroF1: s.macroF1, f1: s.f1, ece: s.ece });

export interface FittedModel {
  file: StanceModelFile;
  bytes: Buffer;
  report: string;
  dev: StanceScores;
}

export function fitStanceModel(examples: FitInputs, config: TrainConfig): FittedModel {
  return fitStanceModels(examples, config, [config.averageFrom])[0]!;
}

/**
 * One training run, several ways to read its weights: for each entry the epoch best on dev (undefined) or the
 * average of the weights from that epoch on. Each is then tuned (offsets, temperature) and scored on dev alike.
 */
export function fitStanceModels(
  examples: FitInputs,
  config: TrainConfig,
  selections: ReadonlyArray<number | undefined>,
): FittedModel[] {
  const log = config.log ?? (() => {});
  const seed = config.seed ?? 20;
  const macroWeight = config.macroWeight ?? 1;
  const { space, vocab, train, dev, trainedOn } = examples;
  const { mean, std } = standardiser(train.map((e) => e.features));
  const groups = new Set(config.groups);
  const active = Uint8Array.from(DENSE_FEATURES.map(([, g]) => (groups.has(g) ? 1 : 0)));
  const useSparse = groups.has('tf');
  const trainInputs = train.map((e) => inputOf(e.features, mean, std, active));
  const devInputs = dev.map((e) => inputOf(e.features, mean, std, active));
  const labels = train.map((e) => e.label);
  const devGold = dev.map((e) => e.label);
  const counts = STANCE_CLASSES.map((_, c) => labels.filter((l) => l === c).length);
  // Rare classes weigh more, by the square root of their rarity; the dev-tuned offsets do the rest.
  const classWeights = counts.map((n) => Math.sqrt(labels.length / (4 * Math.max(n, 1))));
  const argmax = (z: ArrayLike<number>) => offsetPrediction(z, [0, 0, 0, 0]);
  const averageFrom = [...new Set(selections.filter((s): s is number => s !== undefined))];
  const run = trainNet(
    trainInputs,
    labels,
    {
      hidden: config.hidden,
      epochs: config.epochs,
      batch: 32,
      lr: config.lr ?? 1e-3,
      dropout: config.dropout ?? 0.4,
      weightDecay: config.weightDecay ?? 1e-4,
      seed,
      classWeights,
      useSparse,
      sparseSize: 3 * vocab.length,
      averageFrom,
    },
    (n) =>
      decisionObjective(
        devGold,
        devInputs.map((x) => argmax(forward(n, x, useSparse))),
        macroWeight,
      ),
    log,
  );
  return selections.map((from) => {
    const net = from === undefined ? run.net : run.averages.get(from);
    if (!net) throw new Error(`averageFrom ${from}: the run has only ${config.epochs} epochs`);
    const epoch = from === undefined ? run.epoch : `${from}-${config.epochs}`;
    const fileOf = (rest: Pick<Parameters<typeof modelFile>[0], 'offsets' | 'temperature' | 'trainedOn' | 'metrics'>) =>
      modelFile({ net, groups: config.groups, space, vocab, mean, std, ...rest });
    // Offsets and temperature are fitted on the shipped (quantised) model, read back as the app reads it.
    const draft = fileOf({ offsets: [0, 0, 0, 0], temperature: 1, trainedOn: '' });
    const { offsets, temperature, scores, before } = tuneOnDev(decodeStanceModel(draft), dev, macroWeight);
    const file = fileOf({ offsets, temperature, trainedOn, metrics: { epoch, dev: devMetrics(scores) } });
    const kept = from === undefined ? `best epoch ${epoch}` : `weights averaged over epochs ${epoch}`;
    const report = [
      `groups ${config.groups.join(',')}; ${kept}; offsets ${offsets.join(' ')}; temperature ${temperature}`,
      formatScores('dev before offsets', before),
      formatScores('dev (offsets + calibration)', scores),
    ].join('\n');
    return { file, bytes: encodeModelFile(file), report, dev: scores };
  });
}

export interface FittedEnsemble {
  bytes: Buffer;
  report: string;
  dev: StanceScores;
}

/**
 * Nets of one configuration (seeds) as one model: the mean of their softmax (each net without its own offsets
 * and temperature), then offsets and temperature fitted on dev for the mean, as for one net. The dev examples are
 * computed with the members' own vocabulary and IDF (they must share them).
 */
export function fitStanceEnsemble(prepared: Prepared, members: readonly Buffer[], macroWeight = 1): FittedEnsemble {
  const draft = stanceEnsemble(members.map(decodeStanceModelBytes), {
    offsets: new Float32Array(4),
    temperature: 1,
  });
  const dev = examplesOf(prepared.corpus, prepared.split.dev, draft.space);
  const { offsets, temperature, scores, before } = tuneOnDev(draft, dev, macroWeight);
  const bytes = encodeEnsembleFile(members, {
    trainedOn: trainedOnOf(prepared.split),
    offsets,
    temperature,
    metrics: { dev: devMetrics(scores) },
  });
  const report = [
    `ensemble of ${members.length} nets; offsets ${offsets.join(' ')}; temperature ${temperature}`,
    formatScores('dev before offsets', before),
    formatScores('dev (offsets + calibration)', scores),
  ].join('\n');
  return { bytes, report, dev: scores };
}
