// `npm run calibrate [-- --from DIR]`
// Fits the verdict confidence model (lib/domain/calibration.ts) and writes assets/verdict-calibration.json.
// Fitted on labelled claims judged by the engine through the app: the eval sets in CALIBRATION_SETS, which never
// include the final hold-outs (ecbplus-holdout3, niger-holdout) or the behaviour suite, so the ECE on those is
// measured out of sample. By default it runs those evals itself; `--from DIR` reads `npm run eval -- FILE --json`
// outputs saved as DIR/<name>.json instead, and also reports the ECE of every other file there. Deterministic.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { writeManifest } from '../assets/manifest.js';
import { confidenceWith, VERDICT_CALIBRATION_ASSET } from '../domain/calibration.js';
import { assetPath, assetsDir } from '../domain/resources/assets.js';
import { loadEvalSet } from '../eval/evalFile.js';
import { runEval } from '../eval/runEval.js';
import { expectedCalibrationError, summarize, type EvalSummary } from '../eval/score.js';
import { fitCalibration, type CalibrationCase } from '../train/calibrateVerdicts.js';

/** The sets the calibration is fitted on: the tuned sets and the first two hold-outs. */
export const CALIBRATION_SETS = [
  '../shared/eval/niger.json',
  '../shared/eval/emergent.json',
  'test/eval/ecbplus.json',
  'test/eval/niger-paraphrase.json',
  'test/eval/ecbplus-holdout.json',
  'test/eval/ecbplus-holdout2.json',
];

const args = process.argv.slice(2);
const from = args.includes('--from') ? args[args.indexOf('--from') + 1] : undefined;
const nameOf = (file: string) => basename(file, '.json');
const missing = CALIBRATION_SETS.filter((f) => !existsSync(from ? join(from, `${nameOf(f)}.json`) : f));
if (missing.length > 0) {
  console.log(`skipped: ${missing.join(', ')} not found (the checked-in calibration stays as it is)`);
  process.exit(0);
}
const started = Date.now();
const summaries = new Map<string, EvalSummary>();
if (from) {
  for (const f of readdirSync(from).filter((f) => f.endsWith('.json'))) {
    summaries.set(nameOf(f), JSON.parse(readFileSync(join(from, f), 'utf8')) as EvalSummary);
  }
} else {
  for (const file of CALIBRATION_SETS) {
    summaries.set(nameOf(file), summarize(await runEval(loadEvalSet(file))));
    process.stderr.write(`${file}: judged\n`);
  }
}
const casesOf = (s: EvalSummary): CalibrationCase[] =>
  s.cases.map((c) => {
    if (!c.basis) throw new Error('eval results without a confidence basis: run the eval with this checkout');
    return { verdict: c.got, features: c.basis, correct: c.got === c.expect };
  });
const fitted = new Set(CALIBRATION_SETS.map(nameOf));
const calibration = fitCalibration([...fitted].flatMap((n) => casesOf(summaries.get(n)!)));
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1]! : assetPath(VERDICT_CALIBRATION_ASSET));
writeFileSync(out, `${JSON.stringify(calibration, null, 1)}\n`);
if (out.startsWith(assetsDir())) writeManifest(assetsDir());
for (const [name, summary] of [...summaries.entries()].sort()) {
  const cases = casesOf(summary);
  const ece = expectedCalibrationError(
    cases.map((c) => ({ confidence: confidenceWith(calibration, c.verdict, c.features), correct: c.correct })),
  );
  const where = fitted.has(name) ? 'fitted on' : 'out of sample';
  console.log(
    `${name.padEnd(22)} ${String(cases.length).padStart(4)} claims  accuracy ${summary.accuracy.toFixed(3)}  ECE ${ece.toFixed(3)} (${where})`,
  );
}
console.log(`wrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
