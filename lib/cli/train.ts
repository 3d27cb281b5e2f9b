// `npm run train [-- --groups engine,lexical,cues,profile,tf] [--out file] [--epochs N] [--hidden N]`
// Trains the stance model on the FNC-1 training data split by story, tunes its decision offsets and calibration
// on the dev split, prints the dev figures and writes assets/stance-model.json.gz. Deterministic (seeded).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_FNC_DIR, fncAvailable } from '../train/fnc1.js';
import { FEATURE_GROUPS, type FeatureGroup } from '../domain/stance/features.js';
import { trainStanceModel } from '../train/trainStance.js';
import { assetPath } from '../domain/resources/assets.js';
import { STANCE_MODEL_ASSET } from '../domain/stance/model.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const dir = option('--data') ?? DEFAULT_FNC_DIR;
if (!fncAvailable(dir)) {
  console.log(`skipped: ${dir.includes('shared') ? '../shared/corpus/fnc1-train' : dir} not found (the checked-in model stays as it is)`);
  process.exit(0);
}
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
const { bytes, report } = trainStanceModel(dir, {
  groups,
  epochs: number('--epochs', 14),
  hidden: number('--hidden', 100),
  log: (line) => console.log(line),
});
writeFileSync(out, bytes);
console.log(report);
console.log(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
