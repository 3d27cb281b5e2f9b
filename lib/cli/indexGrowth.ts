// `npm run index-growth -- [--reports 1600] [--json]`
// How the term index's cost grows with the corpus (lib/bench/indexGrowth.ts). First it measures what a
// compaction costs per report, by how many reports a slot item holds: real article bodies (the FNC-1 bodies
// in ../shared/corpus/fnc1-train, read at run time; without them the stored measurement is used) analysed
// as ingest analyses them, their postings and bands packed into slot items over 256 ... 32,768 buckets as a
// compaction packs them, each item sized as DynamoDB bills it. Then it computes write units per report and
// worst-case index reads per claim at 100 reports to 20 million for the configured schedule and the others
// it was chosen from.
import { analyzeInput, reportIndexOf } from '../app/ingest.js';
import { randomIds } from '../app/ports.js';
import {
  type DensityCost,
  type GrowthPoint,
  growingTopGrowth,
  indexGrowth,
  MEASURED_DENSITY,
} from '../bench/indexGrowth.js';
import { loadConfig } from '../config.js';
import * as codec from '../store/codec.js';
import { itemBytes } from '../store/itemSize.js';
import { growthOf, Levels, recentItemOf, slotItemsOf } from '../store/termIndex.js';
import { fncAvailable, loadFnc } from '../train/fnc1.js';

const args = process.argv.slice(2);
const REPORTS = args.includes('--reports') ? Number(args[args.indexOf('--reports') + 1]) : 1_600;
const SIZES = [1_000, 10_000, 100_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000];

/** A schedule whose levels above have each their own fan-in (the last one for every level past the list), buckets growing by it: one of the alternatives. */
class FanInByLevel extends Levels {
  constructor(
    private readonly above: number[],
    fanIn0: number,
  ) {
    super(fanIn0, above[0], growthOf(fanIn0));
  }
  override fanIn(level: number): number {
    return level === 0 ? this.fanIn0 : this.above[Math.min(level, this.above.length) - 1]!;
  }
}

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
  return [256, 512, 1_024, 2_048, 4_096, 8_192, 16_384, 32_768]
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
  ['first (8, 16 above)', new Levels(8)],
  ['before (32, 20 above, x16)', new Levels(32, 20, 16)],
  ['32, 56 above, x16', new Levels(32, 56, 16)],
  ['48, 46 above, x24', new Levels(48, 46, 24)],
  ['32, then 20, 157 (growing)', new FanInByLevel([20, 157], 32)],
  ['32, then 40, 79 (growing)', new FanInByLevel([40, 79], 32)],
  ['64, then 20, 79 (growing)', new FanInByLevel([20, 79], 64)],
];
const result = {
  density: { measuredOn: measured ? `${REPORTS} FNC-1 bodies` : 'stored measurement', points: density },
  schedules: [
    ...schedules.map(([name, levels]) => ({
      name,
      schedule: levels.schedule,
      growth: indexGrowth(levels, SIZES, { mergeAt: config.termIndexMergeAt, density }).map(rounded),
    })),
    {
      // Levels 0 and 1 as before, level 2 never compacted, its slots over more buckets as it grows.
      name: '32, 20, top with growing buckets',
      schedule: [32, 20, 16],
      growth: growingTopGrowth(new Levels(32, 20, 16), 2, SIZES, { mergeAt: config.termIndexMergeAt, density }).map(
        rounded,
      ),
    },
  ],
};
function rounded(p: GrowthPoint): GrowthPoint {
  return {
    ...p,
    writeUnits: Math.round(p.writeUnits * 10) / 10,
    peakWriteUnits: Math.round(p.peakWriteUnits * 10) / 10,
  };
}
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  console.log(`one compaction per report, by reports per slot item (${result.density.measuredOn}):`);
  for (const p of density)
    console.log(
      `  ${String(p.reportsPerItem).padStart(5)} reports/item: ${p.writeUnits} write units, items of ${p.itemKb} KB`,
    );
  const table = (title: string, cell: (p: (typeof result.schedules)[number]['growth'][number]) => string) => {
    console.log(title);
    console.log(`  ${'reports'.padEnd(34)}${SIZES.map((n) => String(n).padStart(12)).join('')}`);
    for (const s of result.schedules)
      console.log(`  ${s.name.padEnd(34)}${s.growth.map((p) => cell(p).padStart(12)).join('')}`);
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
