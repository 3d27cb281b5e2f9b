// `npm run index-growth -- [--reports 1600] [--json]`
// How the term index's cost grows with the corpus (lib/bench/indexGrowth.ts). First it measures what a
// compaction costs per report, by how many reports a slot item holds: real article bodies (the FNC-1 bodies
// in ../shared/corpus/fnc1-train, read at run time; without them the stored measurement is used) analysed
// as ingest analyses them, their postings and bands packed into slot items over 256 ... 4,096 buckets as a
// compaction packs them, each item sized as DynamoDB bills it. Then it computes write units per report and
// worst-case index reads per claim at 100 reports to 2 million for the configured schedule and the others
// it was chosen from.
import { analyzeInput, reportIndexOf } from '../app/ingest.js';
import { randomIds } from '../app/ports.js';
import { type DensityCost, indexGrowth, MEASURED_DENSITY } from '../bench/indexGrowth.js';
import { loadConfig } from '../config.js';
import * as codec from '../store/codec.js';
import { itemBytes } from '../store/itemSize.js';
import { growthOf, Levels, recentItemOf, slotItemsOf } from '../store/termIndex.js';
import { fncAvailable, loadFnc } from '../train/fnc1.js';

const args = process.argv.slice(2);
const REPORTS = args.includes('--reports') ? Number(args[args.indexOf('--reports') + 1]) : 1_600;
const SIZES = [100, 1_000, 10_000, 12_800, 50_000, 200_000, 1_000_000, 2_000_000];

function measureDensity(): DensityCost[] {
  const bodies = [...loadFnc().bodies.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, text]) => text.trim().length > 0)
    .slice(0, REPORTS);
  const reports = bodies.map(([, text]) => {
    const index = reportIndexOf(analyzeInput({ text } as Parameters<typeof analyzeInput>[0]), text);
    const reportId = randomIds.newId('rep');
    const item = recentItemOf(reportId, index.postings, index.bands);
    return {
      reportId,
      payload: codec.unpackJson<Parameters<typeof slotItemsOf>[1][number]['payload']>(item.d as Uint8Array),
    };
  });
  return [256, 512, 1_024, 2_048, 4_096]
    .map((buckets) => {
      const items = slotItemsOf({ level: 1, buckets, slot: 3, g: 12 }, reports);
      const bytes = items.reduce((n, i) => n + itemBytes(i), 0);
      const units = items.reduce((n, i) => n + Math.ceil(itemBytes(i) / 1024), 0);
      const round = (x: number) => Math.round(x * 100) / 100;
      return {
        reportsPerItem: round(reports.length / buckets),
        writeUnits: round(units / reports.length),
        itemKb: round(bytes / items.length / 1024),
      };
    })
    .reverse();
}

const measured = fncAvailable();
const density = measured ? measureDensity() : MEASURED_DENSITY;
const config = loadConfig({});
const schedules: Array<[string, Levels]> = [
  [
    `configured (${config.termIndexFanIn}, ${config.termIndexFanInAbove} above)`,
    new Levels(config.termIndexFanIn, config.termIndexFanInAbove, growthOf(config.termIndexFanIn)),
  ],
  ['before (8, 16 above)', new Levels(8)],
  ['8, 32 above', new Levels(8, 32, 8)],
  ['8, 64 above', new Levels(8, 64, 8)],
  ['8, 36 above, level 1 x4', new Levels(8, 36, 4)],
  ['16, 26 above, level 1 x8', new Levels(16, 26, 8)],
  ['24, 21 above, level 1 x12', new Levels(24, 21, 12)],
];
const result = {
  density: { measuredOn: measured ? `${REPORTS} FNC-1 bodies` : 'stored measurement', points: density },
  schedules: schedules.map(([name, levels]) => ({
    name,
    schedule: levels.schedule,
    growth: indexGrowth(levels, SIZES, { mergeAt: config.termIndexMergeAt, density }).map((p) => ({
      ...p,
      writeUnits: Math.round(p.writeUnits * 10) / 10,
      peakWriteUnits: Math.round(p.peakWriteUnits * 10) / 10,
    })),
  })),
};
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  console.log(`one compaction per report, by reports per slot item (${result.density.measuredOn}):`);
  for (const p of density)
    console.log(
      `  ${String(p.reportsPerItem).padStart(5)} reports/item: ${p.writeUnits} write units, items of ${p.itemKb} KB`,
    );
  const table = (title: string, cell: (p: (typeof result.schedules)[number]['growth'][number]) => string) => {
    console.log(title);
    console.log(`  ${'reports'.padEnd(28)}${SIZES.map((n) => String(n).padStart(13)).join('')}`);
    for (const s of result.schedules)
      console.log(`  ${s.name.padEnd(28)}${s.growth.map((p) => cell(p).padStart(13)).join('')}`);
  };
  table(
    'write units per report, amortized (the most up to that size):',
    (p) => `${p.writeUnits} (${p.peakWriteUnits})`,
  );
  table(
    'worst-case index read units per claim (the most up to that size):',
    (p) => `${p.readUnits} (${p.peakReadUnits})`,
  );
}
