// `npm run calibrate [-- --fnc-only] [--out file]`
// Fits the verdict confidence model (lib/domain/calibration.ts) and writes assets/verdict-calibration.json.
// Fitted on labelled claims the stance model never trained on: the FNC-1 dev stories (headlines as claims over
// their paired bodies) and the public eval sets the engine was developed against. The hold-outs and the
// behaviour suite are never used here, so their ECE is an out-of-sample measurement. Deterministic.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeManifest } from '../assets/manifest.js';
import { confidenceWith, VERDICT_CALIBRATION_ASSET, type VerdictCalibration } from '../domain/calibration.js';
import { assetPath, assetsDir } from '../domain/resources/assets.js';
import { loadEvalSet } from '../eval/evalFile.js';
import { runEval } from '../eval/runEval.js';
import { expectedCalibrationError } from '../eval/score.js';
import { calibrationCases, fitCalibration, type CalibrationCase } from '../train/calibrateVerdicts.js';
import { DEFAULT_FNC_DIR, fncAvailable } from '../train/fnc1.js';
import { prepare } from '../train/prepare.js';

/** The sets the calibration is fitted on (never a hold-out). */
export const CALIBRATION_SETS = ['../shared/eval/niger.json', 'test/eval/ecbplus.json', 'test/eval/niger-paraphrase.json', '../shared/eval/emergent.json'];

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
if (!fncAvailable(DEFAULT_FNC_DIR)) {
  console.log('skipped: ../shared/corpus/fnc1-train not found (the checked-in calibration stays as it is)');
  process.exit(0);
}
const started = Date.now();
// The features do not depend on the calibration, so any calibration judges the cases the same way.
const zero: VerdictCalibration = { features: [], weights: { CORROBORATED: [], DISPUTED: [], SINGLE_SOURCE: [], UNVERIFIED: [] } };
const { split, corpus } = prepare(DEFAULT_FNC_DIR);
const groups: Array<{ name: string; cases: CalibrationCase[] }> = [{ name: 'fnc1-dev', cases: calibrationCases(corpus, split.dev, zero) }];
if (!args.includes('--fnc-only')) {
  for (const file of CALIBRATION_SETS) {
    const results = await runEval(loadEvalSet(file));
    groups.push({ name: file, cases: results.map((r) => ({ verdict: r.got, features: r.basis ?? [], correct: r.got === r.expect })) });
    process.stderr.write(`${file}: ${results.length} claims\n`);
  }
}
const calibration = fitCalibration(groups.flatMap((g) => g.cases));
const out = resolve(option('--out') ?? assetPath(VERDICT_CALIBRATION_ASSET));
writeFileSync(out, `${JSON.stringify(calibration, null, 1)}\n`);
if (out.startsWith(assetsDir())) writeManifest(assetsDir());
for (const g of groups) {
  const scored = g.cases.map((c) => ({ confidence: confidenceWith(calibration, c.verdict, c.features), correct: c.correct }));
  const accuracy = g.cases.filter((c) => c.correct).length / Math.max(1, g.cases.length);
  console.log(`${g.name.padEnd(36)} ${String(g.cases.length).padStart(4)} claims  accuracy ${accuracy.toFixed(3)}  ECE (in sample) ${expectedCalibrationError(scored).toFixed(3)}`);
}
console.log(`wrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
