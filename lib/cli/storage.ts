// `npm run storage -- [--reports 200] [--json]`
// What a report costs to store, measured from outside the store code: real article bodies (the
// FNC-1 bodies in ../shared/corpus/fnc1-train, read at run time) ingested one by one through the
// app into a fresh in-memory embedded store, the write units the store answered for every write
// (lib/bench/writeMeter.ts), then a scan of the table (items and bytes by kind).
import { loadConfig } from '../config.js';
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
const bodies = [...loadFnc().bodies.entries()]
  .sort(([a], [b]) => a - b)
  .filter(([, text]) => text.trim().length > 0)
  .slice(0, REPORTS);

let meter: WriteMeter | undefined;
let doc: DynamoDBDocumentClient | undefined;
const config = loadConfig({ SEED_DEMO: 'false' });
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
  const result = {
    reports: ingested,
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
