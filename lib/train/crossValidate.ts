// Choosing a model without the test side: K-fold cross-validation BY STORY over the training part of the split
// (every pair off the held-out test side, the dev side included), several seeds per fold. Each fold's stories are
// its validation side (epoch, offsets and temperature tuned there, as the trainer tunes them on dev); the pairs
// with both ends outside the fold train; unrelated pairs crossing into the fold are left out of that fold.
// The vocabulary and IDF are drawn once from the whole training part: unlabelled, and the same for every variant.
import { unionFind } from '../domain/unionFind.js';
import { decodeStanceModel, stanceLogits } from '../domain/stance/model.js';
import type { StanceScores } from '../eval/fnc.js';
import { analyseCorpus, exampleOf, readingsOf, type Example } from './dataset.js';
import { loadFnc, type FncPair } from './fnc1.js';
import { featureSpace } from './prepare.js';
import { seededRandom, shuffle } from './random.js';
import { DEFAULT_SPLIT, splitByStory } from './split.js';
import { fitStanceModels, trainingProfile, tuneLogits, type TrainConfig } from './trainStance.js';

export interface Variant {
  /** what it changes against the checked-in configuration */
  about: string;
  vocabularySize: number;
  config: Omit<TrainConfig, 'log' | 'seed'>;
}

const ALL_GROUPS: TrainConfig['groups'] = ['engine', 'lexical', 'cues', 'profile', 'tf', 'semantic'];
const BASE = { groups: ALL_GROUPS, epochs: 8, hidden: 100, dropout: 0.4 };

/**
 * The variants compared, by name (`npm run train -- --cv K --variants a,b`). A profile holding the body's whole bag
 * of terms (branch model2-bag) was compared on these folds too and lost on each of them; averaging the weights
 * (swa*) and the lower learning rate (lowlr*) drew or lost against vocab3000 on the objective (docs/engine.md).
 */
export const VARIANTS: Record<string, Variant> = {
  vocab3000: {
    about: 'the checked-in configuration: vocabulary 3,000, the epoch best on dev',
    vocabularySize: 3000,
    config: BASE,
  },
  vocab5000: { about: 'vocabulary 5,000 (as the UCL baseline)', vocabularySize: 5000, config: BASE },
  'baseline-inputs': {
    about: "only the UCL baseline's kind of inputs: term counts and TF-IDF cosines (lexical and tf groups)",
    vocabularySize: 3000,
    config: { ...BASE, groups: ['lexical', 'tf'] },
  },
  swa2: {
    about: 'vocabulary 3,000, the weights averaged over epochs 2-8 instead of the epoch best on dev',
    vocabularySize: 3000,
    config: { ...BASE, averageFrom: 2 },
  },
  swa4: {
    about: 'vocabulary 3,000, the weights averaged over epochs 4-8',
    vocabularySize: 3000,
    config: { ...BASE, averageFrom: 4 },
  },
  lowlr: {
    about: 'learning rate 5e-4, 12 epochs, the epoch best on dev',
    vocabularySize: 3000,
    config: { ...BASE, lr: 5e-4, epochs: 12 },
  },
  'lowlr-swa4': {
    about: 'learning rate 5e-4, 12 epochs, the weights averaged over epochs 4-12',
    vocabularySize: 3000,
    config: { ...BASE, lr: 5e-4, epochs: 12, averageFrom: 4 },
  },
  'lowlr-swa7': {
    about: 'learning rate 5e-4, 12 epochs, the weights averaged over epochs 7-12',
    vocabularySize: 3000,
    config: { ...BASE, lr: 5e-4, epochs: 12, averageFrom: 7 },
  },
  'vocab5000-relative': {
    about: 'vocabulary 5,000, objective relative + 0.5 macro-F1',
    vocabularySize: 5000,
    config: { ...BASE, macroWeight: 0.5 },
  },
};

/**
 * The fold of each pair's headline and body: stories in a seeded order, each to the fold holding the fewest
 * pairs so far, so folds are of about equal size.
 */
export function storyFolds(pairs: readonly FncPair[], folds: number, seed: number): Array<[number, number]> {
  const uf = unionFind();
  const h = (p: FncPair) => `h:${p.headline}`;
  const b = (p: FncPair) => `b:${p.bodyId}`;
  for (const p of pairs) {
    uf.find(h(p));
    uf.find(b(p));
    if (p.stance !== 'unrelated') uf.union(h(p), b(p));
  }
  const size = new Map<string, number>();
  for (const p of pairs) size.set(uf.find(h(p)), (size.get(uf.find(h(p))) ?? 0) + 1);
  const stories = [...new Set(pairs.flatMap((p) => [uf.find(h(p)), uf.find(b(p))]))].sort();
  shuffle(stories, seededRandom(seed));
  const load = new Array<number>(folds).fill(0);
  const fold = new Map<string, number>();
  for (const s of stories) {
    const k = load.indexOf(Math.min(...load));
    fold.set(s, k);
    load[k]! += size.get(s) ?? 0;
  }
  return pairs.map((p) => [fold.get(uf.find(h(p)))!, fold.get(uf.find(b(p)))!]);
}

export interface FoldResult {
  variant: string;
  fold: number;
  seed: number;
  /** the epoch kept, or the epochs averaged ("4-8") */
  epoch: string;
  scores: StanceScores;
  objective: number;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(xs.length, 1);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

export function crossValidate(
  dir: string,
  names: string[],
  options: { folds: number; seeds: number; macroWeights?: number[]; log?: (line: string) => void },
): { results: FoldResult[]; report: string } {
  const log = options.log ?? (() => {});
  const t0 = Date.now();
  const data = loadFnc(dir);
  // The same test side as the trainer's split (it is filled first); everything else is the training part.
  const split = splitByStory(data.pairs, { ...DEFAULT_SPLIT, devShare: 0 });
  const pairs = split.train;
  const corpus = analyseCorpus(data, pairs);
  const ends = storyFolds(pairs, options.folds, DEFAULT_SPLIT.seed);
  log(
    `cv: ${pairs.length} training-part pairs, ${options.folds} folds by story, analysed in ${(Date.now() - t0) / 1000} s`,
  );
  const results: FoldResult[] = [];
  const sizes = [...new Set(names.map((n) => VARIANTS[n]!.vocabularySize))];
  for (const size of sizes) {
    const { space, vocab } = featureSpace({ data, split, corpus }, size);
    const readings = pairs.map((p) => readingsOf(corpus, p, space));
    log(`cv: vocabulary ${size}, candidates read in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    // Variants that differ only in how the run's weights are read (best epoch or an average) share one run.
    const runs = new Map<string, string[]>();
    for (const name of names.filter((n) => VARIANTS[n]!.vocabularySize === size)) {
      const { averageFrom: _, ...rest } = VARIANTS[name]!.config;
      const key = JSON.stringify(rest);
      runs.set(key, [...(runs.get(key) ?? []), name]);
    }
    const trainChoice = pairs.map((p) => trainingProfile(p));
    const trainEx: Example[] = pairs.map((p, i) => exampleOf(corpus, p, readings[i]!, space, trainChoice[i]));
    // Validation reads every pair with its report's profile, as the app would.
    const valEx: Example[] = pairs.map((p, i) =>
      trainChoice[i] === 'stored' ? trainEx[i]! : exampleOf(corpus, p, readings[i]!, space, 'stored'),
    );
    for (const group of runs.values()) {
      const config = VARIANTS[group[0]!]!.config;
      for (let fold = 0; fold < options.folds; fold++) {
        const train = trainEx.filter((_, i) => ends[i]![0] !== fold && ends[i]![1] !== fold);
        const dev = valEx.filter((_, i) => ends[i]![0] === fold && ends[i]![1] === fold);
        for (let s = 0; s < options.seeds; s++) {
          const seed = 20 + s;
          const fits = fitStanceModels(
            { space, vocab, train, dev, trainedOn: '' },
            { ...config, seed },
            group.map((name) => VARIANTS[name]!.config.averageFrom),
          );
          group.forEach((name, k) => {
            const fitted = fits[k]!;
            const d = fitted.dev;
            const objective = d.relativeScore + d.macroF1;
            const epoch = String((fitted.file.metrics as { epoch?: number | string } | undefined)?.epoch ?? '');
            results.push({ variant: name, fold, seed, epoch, scores: d, objective });
            log(
              `cv ${name} fold ${fold} seed ${seed}: ${train.length} train, ${dev.length} val; epoch ${epoch}; relative ${d.relativeScore.toFixed(3)} macro-F1 ${d.macroF1.toFixed(3)} disagree ${d.f1.disagree.toFixed(3)} agree ${d.f1.agree.toFixed(3)} ECE ${d.ece?.toFixed(3)} objective ${objective.toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
            );
            // Other weights of macro-F1 in the offsets' objective, on the same fit (the epoch stays the one chosen).
            const model = decodeStanceModel(fitted.file);
            const logits = dev.map((e) => stanceLogits(model, e.features));
            const gold = dev.map((e) => e.label);
            for (const w of options.macroWeights ?? []) {
              const { offsets, scores: a } = tuneLogits(logits, gold, w);
              const alt = `${name}@w${w}`;
              results.push({ variant: alt, fold, seed, epoch, scores: a, objective: a.relativeScore + a.macroF1 });
              log(
                `cv ${alt} fold ${fold} seed ${seed}: relative ${a.relativeScore.toFixed(3)} macro-F1 ${a.macroF1.toFixed(3)} disagree ${a.f1.disagree.toFixed(3)} agree ${a.f1.agree.toFixed(3)} ECE ${a.ece?.toFixed(3)} offsets ${offsets.join(' ')}`,
              );
            }
          });
        }
      }
    }
  }
  const shown = [...new Set(results.map((r) => r.variant))];
  const rows = shown.map((name) => {
    const rs = results.filter((r) => r.variant === name);
    const col = (f: (r: FoldResult) => number) => {
      const xs = rs.map(f);
      return `${mean(xs).toFixed(3)} ±${sd(xs).toFixed(3)}`;
    };
    return `${name.padEnd(18)} ${col((r) => r.scores.relativeScore)}  ${col((r) => r.scores.macroF1)}  ${col((r) => r.scores.f1.disagree)}  ${col((r) => r.scores.f1.agree)}  ${col((r) => r.scores.ece ?? 0)}  ${col((r) => r.objective)}   ${VARIANTS[name]?.about ?? 'the same fits, offsets tuned with that weight of macro-F1'}`;
  });
  // Folds differ more than variants do: each variant against the first, fold by fold and seed by seed.
  const first = results.filter((r) => r.variant === names[0]);
  const paired = shown.slice(1).map((name) => {
    const diffs = results
      .filter((r) => r.variant === name)
      .map((r) => r.objective - (first.find((f) => f.fold === r.fold && f.seed === r.seed)?.objective ?? Number.NaN));
    return `${name.padEnd(18)} objective ${mean(diffs) >= 0 ? '+' : ''}${mean(diffs).toFixed(3)} ±${sd(diffs).toFixed(3)} against ${names[0]} (${diffs.filter((d) => d > 0).length} of ${diffs.length} folds better)`;
  });
  const report = [
    `cross-validation by story: ${options.folds} folds x ${options.seeds} seed(s) over ${pairs.length} training-part pairs (mean ±sd)`,
    `${'variant'.padEnd(18)} ${['relative', 'macro-F1', 'disagree', 'agree', 'ECE', 'objective'].map((h) => h.padEnd(13)).join(' ')}`,
    ...rows,
    ...paired,
  ].join('\n');
  return { results, report };
}
