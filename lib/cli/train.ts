// `npm run train [-- --groups engine,lexical,cues,profile,tf] [--out file] [--epochs N] [--hidden N] [--vocab N] [--dropout X] [--average-from N] [--seed N[,N...]] [--ensemble a.bin,b.bin] [--trees [--net file] [--cache file] [--evidence R,P]] [--ablation] [--cv K [--seeds N] [--variants a,b] [--macro-weights 0.5,0.25]]`
// Trains the stance model on the FNC-1 training data split by story, tunes its decision offsets and calibration
// on the dev split, prints the dev figures and writes assets/stance-model.bin. Deterministic (seeded). Several
// seeds train one net each and write their ensemble; `--ensemble` makes one of nets already trained.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeManifest } from '../assets/manifest.js';
import { DEFAULT_FNC_DIR, fncAvailable } from '../train/fnc1.js';
import { FEATURE_GROUPS, type FeatureGroup } from '../domain/stance/features.js';
import {
  examplesInSpace,
  fitStanceEnsemble,
  fitStanceModel,
  prepareExamples,
  trainedOnOf,
} from '../train/trainStance.js';
import { chosenVariant, fitBlend } from '../train/blend.js';
import { examplesOf } from '../train/dataset.js';
import { crossValidate, VARIANTS } from '../train/crossValidate.js';
import { prepare, VOCABULARY_SIZE } from '../train/prepare.js';
import { argmax, scoreStances } from '../eval/fnc.js';
import { assetPath, assetsDir } from '../domain/resources/assets.js';
import {
  decodeStanceModel,
  decodeStanceModelBytes,
  stanceProbabilities,
  STANCE_MODEL_ASSET,
} from '../domain/stance/model.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const dir = option('--data') ?? DEFAULT_FNC_DIR;
const groups = (option('--groups')?.split(',') ?? [...FEATURE_GROUPS]) as FeatureGroup[];
const unknown = groups.filter((g) => !(FEATURE_GROUPS as readonly string[]).includes(g));
if (unknown.length > 0) {
  console.error(`--groups: unknown group(s) ${unknown.join(', ')}; known: ${FEATURE_GROUPS.join(', ')}`);
  process.exit(2);
}
const number = (name: string, fallback: number): number => {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`${name} needs a positive number`);
    process.exit(2);
  }
  return v;
};
const out = resolve(option('--out') ?? assetPath(STANCE_MODEL_ASSET));
const started = Date.now();
const epochs = number('--epochs', 8);
const hidden = number('--hidden', 100);
const vocabularySize = number('--vocab', VOCABULARY_SIZE);
const dropout = number('--dropout', 0.4);
// The seeds of the initialisation, shuffling and dropout, one net each; the split's seed is fixed (DEFAULT_SPLIT),
// so every seed trains, tunes and is measured on the same sides.
const seeds = (option('--seed') ?? '20').split(',').map(Number);
if (!seeds.every((s) => Number.isInteger(s) && s >= 0)) {
  console.error('--seed needs whole numbers, comma-separated');
  process.exit(2);
}
const ensemble = option('--ensemble')?.split(',');
const averageFrom = option('--average-from') === undefined ? undefined : number('--average-from', 1);
if (averageFrom !== undefined && (!Number.isInteger(averageFrom) || averageFrom > epochs)) {
  console.error(`--average-from needs an epoch from 1 to --epochs (${epochs})`);
  process.exit(2);
}
if (dropout >= 1) {
  console.error('--dropout needs a share below 1');
  process.exit(2);
}
const evidenceRaw = option('--evidence')?.split(',').map(Number);
if (evidenceRaw && (evidenceRaw.length !== 2 || !evidenceRaw.every((v) => v > 0 && v <= 1))) {
  console.error('--evidence needs two probabilities, the refuting and the paraphrase bars (e.g. 0.8,0.7)');
  process.exit(2);
}
const evidence = evidenceRaw ? { refutes: evidenceRaw[0]!, paraphrase: evidenceRaw[1]! } : undefined;
const log = (line: string) => console.log(line);
// Options are checked before the corpus, so a bad one is reported even where the data is missing.
if (!fncAvailable(dir)) {
  console.log(
    `skipped: ${dir === DEFAULT_FNC_DIR ? '../shared/corpus/fnc1-train' : dir} not found (the checked-in model stays as it is)`,
  );
  process.exit(0);
}

if (option('--cv') !== undefined) {
  // Model choice on the training side only: K folds by story, several seeds, the named variants. Writes no asset.
  const names = option('--variants')?.split(',') ?? Object.keys(VARIANTS);
  const unknownVariants = names.filter((n) => !(n in VARIANTS));
  if (unknownVariants.length > 0) {
    console.error(`--variants: unknown ${unknownVariants.join(', ')}; known: ${Object.keys(VARIANTS).join(', ')}`);
    process.exit(2);
  }
  const macroWeights = option('--macro-weights')?.split(',').map(Number) ?? [];
  const { report } = crossValidate(dir, names, {
    folds: number('--cv', 3),
    seeds: number('--seeds', 1),
    macroWeights,
    log,
  });
  console.log(report);
  process.exit(0);
}

if (args.includes('--ablation')) {
  // What each feature group buys: groups added one at a time, each fitted and tuned on dev, then scored on the
  // held-out split (reported, never used to choose). Writes no asset.
  const examples = prepareExamples(dir, log, vocabularySize);
  const { corpus, split } = examples.prepared;
  const test = examplesOf(corpus, split.test, examples.space);
  const gold = test.map((e) => e.label);
  const rows: string[] = [];
  const configs: FeatureGroup[][] = [
    ...FEATURE_GROUPS.map((_, k) => FEATURE_GROUPS.slice(0, k + 1)),
    // the UCL baseline's inputs: term counts and a TF-IDF cosine
    ['lexical', 'tf'],
  ];
  for (const groups of configs) {
    const fitted = fitStanceModel(examples, { groups, epochs, hidden, dropout });
    const model = decodeStanceModel(fitted.file);
    const probs = test.map((e) => stanceProbabilities(model, e.features));
    const s = scoreStances(
      gold,
      probs.map((p) => argmax(p)),
      probs,
    );
    const d = fitted.dev;
    const row = `${groups.join('+').padEnd(34)} dev ${d.relativeScore.toFixed(3)} ${d.macroF1.toFixed(3)} ${d.f1.disagree.toFixed(3)} | test ${s.relativeScore.toFixed(3)} ${s.macroF1.toFixed(3)} ${s.f1.disagree.toFixed(3)} ${s.ece!.toFixed(3)}`;
    rows.push(row);
    log(row);
  }
  console.log(
    [
      '',
      'groups                             dev: relative macro-F1 disagree-F1 | test: relative macro-F1 disagree-F1 ECE',
      ...rows,
    ].join('\n'),
  );
  process.exit(0);
}

let bytes: Buffer;
let report: string;
if (args.includes('--trees')) {
  // Boosted trees blended with a trained net (the checked-in one unless --net names another), over the net's own
  // feature space; --cache keeps the computed train and dev features in a file for quick refits.
  const netFile = resolve(option('--net') ?? assetPath(STANCE_MODEL_ASSET));
  const net = readFileSync(netFile);
  const space = decodeStanceModelBytes(net).space;
  const { train, dev, split } = examplesInSpace(dir, space, option('--cache'), log);
  const fitted = fitBlend({ net, train, dev, trainedOn: trainedOnOf(split), evidence, log });
  const chosen = chosenVariant(fitted.variants);
  bytes = chosen.bytes;
  report = `${fitted.report}\nwritten: the ${chosen.name} offsets`;
} else if (ensemble) {
  // Nets already trained, read before anything is written (one of them may be the asset the ensemble replaces).
  const members = ensemble.map((f) => readFileSync(resolve(f)));
  ({ bytes, report } = fitStanceEnsemble(prepare(dir), members));
} else {
  const examples = prepareExamples(dir, log, vocabularySize);
  const fitted = seeds.map((seed) =>
    fitStanceModel(examples, { groups, epochs, hidden, dropout, averageFrom, seed, log }),
  );
  if (fitted.length === 1) ({ bytes, report } = fitted[0]!);
  else {
    const joined = fitStanceEnsemble(
      examples.prepared,
      fitted.map((f) => f.bytes),
    );
    bytes = joined.bytes;
    report = [...fitted.map((f, k) => `seed ${seeds[k]}: ${f.report}`), joined.report].join('\n');
  }
}
writeFileSync(out, bytes);
// The engine's analysis version follows the asset manifest: a new model is a new version.
if (dirname(out) === assetsDir()) writeManifest(assetsDir());
console.log(report);
console.log(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
