// `npm run stance -- [--json] [--through-app] [--model file[,file...]] [--side test|dev] [--min-score X] [--min-macro-f1 X] [--min-disagree-f1 X] [--max-ece X]`
// Measures the stance model on the held-out (test) side of the FNC-1 training data split by story, as the
// challenge scored it; `--through-app` runs the same pairs through the app instead. Exits 1 below a gate.
// `--side dev` measures the dev side instead: for choosing between models (say, after a rule change moved the
// features) without reading the test side more than once.
import { readFileSync } from 'node:fs';
import { judgeReport } from '../domain/stance/index.js';
import { decodeStanceModelBytes, loadStanceModel, STANCE_CLASSES } from '../domain/stance/model.js';
import { argmax, formatScores, scoreStances } from '../eval/fnc.js';
import { predictThroughApp } from '../eval/throughApp.js';
import { candidateStatements } from '../train/dataset.js';
import { DEFAULT_FNC_DIR, fncAvailable } from '../train/fnc1.js';
import { prepare } from '../train/prepare.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const raw = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const gate = (name: string): number | undefined => {
  const value = raw(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    console.error(`${name} needs a number`);
    process.exit(2);
  }
  return n;
};
const gates = {
  score: gate('--min-score'),
  macro: gate('--min-macro-f1'),
  disagree: gate('--min-disagree-f1'),
  ece: gate('--max-ece'),
};
const dir = raw('--data') ?? DEFAULT_FNC_DIR;
if (!fncAvailable(dir)) {
  console.log(
    `skipped: ${dir === DEFAULT_FNC_DIR ? '../shared/corpus/fnc1-train' : dir} not found (no held-out FNC-1 measurement)`,
  );
  process.exit(0);
}

const started = Date.now();
const prepared = prepare(dir);
const { split, corpus, data } = prepared;
const side = raw('--side') ?? 'test';
if (side !== 'test' && side !== 'dev') {
  console.error('--side needs test or dev');
  process.exit(2);
}
const pairs = side === 'dev' ? split.dev : split.test;
const gold = pairs.map((p) => STANCE_CLASSES.indexOf(p.stance));
interface Measured {
  name: string;
  scores: ReturnType<typeof scoreStances>;
  perReportMs?: number;
  perReportCpuMs?: number;
}
const measured: Measured[] = [];
if (flag('--through-app')) {
  const predicted = await predictThroughApp(data, pairs, (line) => process.stderr.write(`${line}\n`));
  measured.push({ name: 'through the app', scores: scoreStances(gold, predicted) });
} else {
  const inputs = pairs.map((p) => {
    const claim = corpus.claims.get(p.headline)!;
    const body = corpus.bodies.get(p.bodyId)!;
    return { claim, statements: candidateStatements(corpus, claim, body), profile: body.profile };
  });
  // Several models (comma-separated) are measured on the same pairs in one run, one after the other.
  const files = raw('--model')?.split(',') ?? [undefined];
  for (const file of files) {
    const model = file ? decodeStanceModelBytes(readFileSync(file)) : loadStanceModel();
    // Load the model and the resources before timing: a cold start is measured by the bench, not here.
    if (inputs[0]) judgeReport(inputs[0].claim, inputs[0].statements, inputs[0].profile, undefined, model);
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const probs = inputs.map(({ claim, statements, profile }) => {
      const j = judgeReport(claim, statements, profile, undefined, model);
      return Float64Array.from(STANCE_CLASSES.map((c) => j.probs[c]));
    });
    const perReportMs = Number(process.hrtime.bigint() - t0) / 1e6 / Math.max(inputs.length, 1);
    // CPU time too: on a shared machine the wall clock counts other processes' turns.
    const cpu = process.cpuUsage(cpu0);
    const perReportCpuMs = (cpu.user + cpu.system) / 1000 / Math.max(inputs.length, 1);
    const scores = scoreStances(
      gold,
      probs.map((p) => argmax(p)),
      probs,
    );
    measured.push({ name: file ?? 'stance model', scores, perReportMs, perReportCpuMs });
  }
}
const seconds = (Date.now() - started) / 1000;
const split_ = {
  train: split.train.length,
  dev: split.dev.length,
  test: split.test.length,
  dropped: split.dropped,
  stories: split.stories,
};
const failures: string[] = [];
for (const { name, scores, perReportMs, perReportCpuMs } of measured) {
  if (flag('--json')) {
    process.stdout.write(
      `${JSON.stringify({ mode: flag('--through-app') ? 'through-app' : 'model', model: name, side, split: split_, ...scores, ...(perReportMs !== undefined ? { msPerReport: perReportMs, cpuMsPerReport: perReportCpuMs } : {}) })}\n`,
    );
  } else {
    console.log(
      formatScores(`FNC-1 split by story, ${side === 'dev' ? 'dev side' : 'held-out test side'} (${name})`, scores),
    );
    if (perReportMs !== undefined)
      console.log(
        `  judging: ${perReportMs.toFixed(3)} ms per report wall, ${perReportCpuMs!.toFixed(3)} ms CPU (features + inference, resources loaded)`,
      );
  }
  const at = measured.length > 1 ? `${name}: ` : '';
  if (gates.score !== undefined && scores.relativeScore < gates.score)
    failures.push(`${at}relative score ${scores.relativeScore.toFixed(3)} is below ${gates.score}`);
  if (gates.macro !== undefined && scores.macroF1 < gates.macro)
    failures.push(`${at}macro-F1 ${scores.macroF1.toFixed(3)} is below ${gates.macro}`);
  if (gates.disagree !== undefined && scores.f1.disagree < gates.disagree)
    failures.push(`${at}disagree F1 ${scores.f1.disagree.toFixed(3)} is below ${gates.disagree}`);
  if (gates.ece !== undefined && (scores.ece === undefined || scores.ece > gates.ece))
    failures.push(`${at}ECE ${scores.ece?.toFixed(3) ?? 'n/a (through the app)'} is above ${gates.ece}`);
}
if (!flag('--json')) {
  console.log(
    `  split: ${split_.train} train, ${split_.dev} dev, ${split_.test} test pairs; ${split_.stories} stories; ${split_.dropped} crossing unrelated pairs dropped`,
  );
  console.log(`  ${seconds.toFixed(0)} s`);
}
for (const f of failures) console.error(`FAIL: ${f}`);
process.exit(failures.length > 0 ? 1 : 0);
