// `npm run storage -- [--reports 200] [--json]`
// What a report costs to store, measured from outside the store code: real article bodies (the
// FNC-1 bodies in ../shared/corpus/fnc1-train, then the ECB+ and Niger articles beside them: every
// distinct full article the corpus holds, read at run time) ingested one by one through the app into
// a fresh in-memory embedded store, the write units the store answered for every write
// (lib/bench/writeMeter.ts), then a scan of the table (items and bytes by kind). The term index's
// schedule is the configured one (TERM_INDEX_MERGE_AT, TERM_INDEX_FAN_IN, TERM_INDEX_FAN_IN_ABOVE from
// the environment: small fan-ins make a few thousand reports go through as many levels as millions
// would); beside the measurement it prints what `npm run index-growth` computes for the same size and
// schedule.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { indexGrowth } from '../bench/indexGrowth.js';
import { loadConfig } from '../config.js';
import { loadCorpus } from '../eval/evalFile.js';
import { keys } from '../store/keys.js';
import { Levels, type Schedule } from '../store/termIndex.js';
import { meterWrites, type WriteMeter } from '../bench/writeMeter.js';
import { scanTable } from '../bench/storageScan.js';
import { createRuntime } from '../runtime.js';
import { DEFAULT_FNC_DIR, fncAvailable, loadFnc } from '../train/fnc1.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const REPORTS = option('--reports', 200);
/** Outlets the bodies are spread over (the corpus names none). */
const OUTLETS = 12;

if (!fncAvailable()) {
  console.error(`skipped: ${DEFAULT_FNC_DIR} not found (the real article bodies this measures with)`);
  process.exit(0);
}
/** Full articles beside FNC-1's (Emergent holds headlines only, and is left out). */
const ARTICLE_FOLDERS = ['ecbplus', 'niger'];
/** Every distinct article: FNC-1's bodies by id, then the other folders'; a text seen before (spaces and case aside) once. */
function articles(): Array<[number, string]> {
  const out: Array<[number, string]> = [...loadFnc().bodies.entries()].sort(([a], [b]) => a - b);
  const root = join(DEFAULT_FNC_DIR, '..');
  let id = 1_000_000;
  for (const folder of ARTICLE_FOLDERS) {
    const dir = join(root, folder);
    if (existsSync(join(dir, 'manifest.json'))) for (const r of loadCorpus(dir)) out.push([id++, r.input.text]);
  }
  const seen = new Set<string>();
  return out.filter(([, text]) => {
    const key = text.replace(/\s+/g, ' ').trim().toLowerCase();
    if (key.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
const available = articles();
const bodies = available.slice(0, REPORTS);
if (REPORTS > available.length)
  console.error(`the corpus holds ${available.length} distinct articles: measuring with all of them`);

let meter: WriteMeter | undefined;
let doc: DynamoDBDocumentClient | undefined;
const { TERM_INDEX_MERGE_AT, TERM_INDEX_FAN_IN, TERM_INDEX_FAN_IN_ABOVE } = process.env;
const config = loadConfig({ SEED_DEMO: 'false', TERM_INDEX_MERGE_AT, TERM_INDEX_FAN_IN, TERM_INDEX_FAN_IN_ABOVE });
const runtime = await createRuntime(config, {
  inMemory: true,
  instrument: (client) => {
    doc = client;
    meter = meterWrites(client);
  },
});
let textBytes = 0;
let ingested = 0;
try {
  meter!.reset();
  for (const [id, text] of bodies) {
    const { created } = await runtime.app.ingestReport({
      text,
      source: `Outlet ${id % OUTLETS}`,
      url: `https://outlet${id % OUTLETS}.example/articles/${id}`,
    });
    if (!created) continue;
    ingested += 1;
    textBytes += Buffer.byteLength(text, 'utf8');
    if (ingested % 20 === 0) process.stderr.write(`\ringested ${ingested}/${bodies.length}`);
  }
  process.stderr.write('\n');
  const writes = meter!.total;
  const table = await scanTable(doc!, config.tableName);
  const per = (x: number) => Math.round((x / ingested) * 10) / 10;
  // The term index's schedule and merges, from its state item; the growth model's figure for them.
  const state = (await doc!.send(new GetCommand({ TableName: config.tableName, Key: keys.termIndexMerge() }))).Item;
  const schedule = (state?.fs as Schedule | undefined) ?? [config.termIndexFanIn, config.termIndexFanInAbove, 1];
  const levels = Levels.of(schedule);
  const merges = (state?.m as number | undefined) ?? 0;
  const levelWrites: number[] = [];
  for (let l = 0; levels.writes(l, merges) > 0; l++) levelWrites.push(levels.writes(l, merges));
  const [computed] = indexGrowth(levels, [ingested], { mergeAt: config.termIndexMergeAt });
  const result = {
    reports: ingested,
    termIndex: {
      mergeAt: config.termIndexMergeAt,
      schedule,
      merges,
      levelWrites,
      computedWriteUnitsPerReport: Math.round(computed!.writeUnits * 10) / 10,
    },
    textBytesPerReport: per(textBytes),
    itemsPerReport: per(table.items),
    writeUnitsPerReport: per(writes.units),
    itemsWrittenPerReport: per(writes.items),
    writeUnitsByKind: Object.fromEntries(
      Object.entries(meter!.byKind)
        .sort(([, a], [, b]) => b.units - a.units)
        .map(([kind, k]) => [kind, per(k.units)]),
    ),
    storedBytesPerReport: per(table.bytes),
    storedToText: Math.round((table.bytes / textBytes) * 100) / 100,
    byKind: Object.fromEntries(
      Object.entries(table.byKind)
        .sort(([, a], [, b]) => b.bytes - a.bytes)
        .map(([kind, k]) => [kind, { itemsPerReport: per(k.items), bytesPerReport: per(k.bytes) }]),
    ),
  };
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    console.log(
      `${ingested} real article bodies (${result.textBytesPerReport} bytes of text each on average), ingested one by one through the app`,
    );
    console.log(
      `per report: ${result.itemsPerReport} items stored, ${result.writeUnitsPerReport} write units (${result.itemsWrittenPerReport} items written), ${result.storedBytesPerReport} bytes stored = ${result.storedToText}x the text`,
    );
    const t = result.termIndex;
    console.log(
      `term index: ${t.merges} merges of up to ${t.mergeAt} reports, schedule [${t.schedule.join(', ')}] (level 0's slots, the slots above, level 1's bucket growth), writes by level ${t.levelWrites.join(' / ')}; index-growth computes ${t.computedWriteUnitsPerReport} write units per report for this size and schedule`,
    );
    console.log(
      `write units, by the partition kind of the write (per report): ${Object.entries(result.writeUnitsByKind)
        .map(([kind, units]) => `${kind} ${units}`)
        .join(', ')}`,
    );
    console.log('stored, by kind (per report):');
    for (const [kind, k] of Object.entries(result.byKind))
      console.log(
        `  ${kind.padEnd(14)} ${String(k.itemsPerReport).padStart(7)} items ${String(k.bytesPerReport).padStart(9)} bytes`,
      );
  }
} finally {
  await runtime.close();
}
