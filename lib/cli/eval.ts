// `npm run eval -- <file.json> [--json] [--wrong] [--min-accuracy X] [--min-stance X]`
import { basename } from 'node:path';
import { loadEvalSet } from '../eval/evalFile.js';
import { runEval } from '../eval/runEval.js';
import { formatSummary, summarize } from '../eval/score.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): number | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value)) {
    console.error(`${name} needs a number`);
    process.exit(2);
  }
  return value;
};
const file = args.find(
  (a, i) => !a.startsWith('--') && !['--min-accuracy', '--min-stance'].includes(args[i - 1] ?? ''),
);
if (!file) {
  console.error('usage: npm run eval -- <file.json> [--json] [--wrong] [--min-accuracy X] [--min-stance X]');
  process.exit(2);
}

const set = loadEvalSet(file);
const started = Date.now();
const results = await runEval(set, (done, total) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${file}: ${done}/${total} cases`);
  else if (done === total || done % 50 === 0) process.stderr.write(`${file}: ${done}/${total} cases\n`);
});
if (process.stderr.isTTY) process.stderr.write('\n');
const summary = summarize(results);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (flag('--json')) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  console.log(formatSummary(file, summary));
  console.log(`\n${seconds} s`);
}
if (flag('--wrong')) {
  const why = new Map([...set.cases, ...set.scenarios.flatMap((s) => s.cases)].map((c) => [c.id, c]));
  // Grouped by the rule the verdict rests on, so a rule that misfires shows as one block.
  const byRule = new Map<string, typeof results>();
  for (const r of results.filter((x) => x.expect !== x.got)) {
    const rule = r.decidedBy ?? 'NO_EVIDENCE';
    const group = byRule.get(rule);
    if (group) group.push(r);
    else byRule.set(rule, [r]);
  }
  for (const [rule, wrong] of [...byRule.entries()].sort((a, b) => b[1].length - a[1].length)) {
    console.error(`\n${rule}: ${wrong.length} wrong`);
    for (const r of wrong) {
      console.error(
        `  ${r.id}: expected ${r.expect}, got ${r.got} (${r.confidence}) :: ${why.get(r.id)?.claim} :: ${why.get(r.id)?.why ?? ''}`,
      );
      // The evidence that is not a mention, as the API lists it: what the verdict was built from.
      for (const e of (r.evidence ?? []).filter((x) => x.stance !== 'MENTIONS').slice(0, 6))
        console.error(`      ${e.stance} ${e.rule} ${basename(e.report)}: ${e.sentence.slice(0, 140)} (${e.reason})`);
    }
  }
}
process.stderr.write(`eval finished in ${seconds} s\n`);

const minAccuracy = option('--min-accuracy');
const minStance = option('--min-stance');
let failed = false;
if (minAccuracy !== undefined && summary.accuracy < minAccuracy) {
  console.error(`FAIL: accuracy ${summary.accuracy} is below ${minAccuracy}`);
  failed = true;
}
if (minStance !== undefined && (summary.stance?.accuracy ?? 0) < minStance) {
  console.error(`FAIL: stance accuracy ${summary.stance?.accuracy ?? 'n/a'} is below ${minStance}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
