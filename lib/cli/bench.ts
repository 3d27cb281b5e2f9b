// `npm run bench -- [--json] [--chart FILE.svg] [--quick] [--child-store]`
// One run on the embedded store: read path (GraphQL over HTTP vs the raw store),
// ingest and claim costs as the corpus grows to 10,000 reports, and the Lambda bundle.
import { statSync, writeFileSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthenticator } from '../app/apiKeys.js';
import { LIMITS } from '../app/limits.js';
import { stageLambdaBundle, timeBundleImport } from '../bench/bundle.js';
import { type ColdStart, measureColdStart } from '../bench/resources.js';
import { generateCorpus } from '../bench/generate.js';
import { meterReads, type ReadMeter } from '../bench/readMeter.js';
import { meterWrites, type WriteMeter } from '../bench/writeMeter.js';
import { indexGrowth } from '../bench/indexGrowth.js';
import { createSeeder } from '../bench/seed.js';
import { loadConfig } from '../config.js';
import { createServer } from '../graphql/server.js';
import { createRuntime } from '../runtime.js';
import { growthOf, Levels } from '../store/termIndex.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const chartFile = args.includes('--chart') ? args[args.indexOf('--chart') + 1] : undefined;
const log = (message: string) => process.stderr.write(`${message}\n`);

const SIZES = quick ? [100, 300] : [100, 1_000, 10_000];
const CLAIMS = quick ? 200 : 1_000;
/**
 * Reports ingested through the real path (guards, index, copy groups, re-checks) at each
 * step; the rest of a step is bulk-seeded first (lib/bench/seed.ts) so 10,000 fits the budget.
 */
const SAMPLE = 100;
const READ_SECONDS = quick ? 2 : 5;
const CONCURRENCY = 8;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

/** Run `op` with fixed concurrency for a bounded time; returns throughput and latencies. */
async function drive(
  op: (i: number) => Promise<unknown>,
  seconds: number,
): Promise<{ rps: number; latencies: number[] }> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let i = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const [, ms] = await timed(() => op(i++));
      latencies.push(ms);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { rps: latencies.length / ((performance.now() - start) / 1000), latencies };
}

const config = { ...loadConfig({ SEED_DEMO: 'false' }), recheckInlineLimit: Number.POSITIVE_INFINITY };
// The store runs in this process by default. --child-store runs it in a child process (its own
// core): on this 2-core VM that measured no better for the scale steps, and it made the read ratio
// depend on how the two processes get scheduled next to other work (see docs/benchmark.md).
const childStore = args.includes('--child-store');
// Write units and bytes put, as the store answers them for every write (lib/bench/writeMeter.ts).
let meter: WriteMeter | undefined;
let reads: ReadMeter | undefined;
const runtime = await createRuntime(config, {
  inMemory: true,
  embeddedProcess: childStore ? 'child' : 'inline',
  instrument: (doc) => {
    meter = meterWrites(doc);
    reads = meterReads(doc);
  },
});
const { app, store } = runtime;
const corpus = generateCorpus({ reports: SIZES.at(-1)!, claims: CLAIMS });
const started = performance.now();

log(`submitting ${CLAIMS} claims (4 at a time)...`);
const claimIds: string[] = new Array(CLAIMS);
let nextClaim = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (nextClaim < CLAIMS) {
      const i = nextClaim++;
      claimIds[i] = (await app.submitClaim({ text: corpus.claims[i]! })).claim.id;
    }
  }),
);

const scale: Array<{
  reports: number;
  ingestMsPerReport: number;
  writeUnitsPerReport: number;
  recheckWriteUnitsPerReport: number;
  amortizedWriteUnitsPerReport: number;
  readUnitsPerRecheck: number;
  recheckReadsByKind: Record<string, number>;
  storedBytesPerReport: number;
  submitClaimMs: number;
  claimReadMs: number;
}> = [];
const seeder = createSeeder(store);
let ingested = 0;
// The term index's merges and compactions (TBUCKET, TMERGE writes) over the whole corpus so far: the
// seeding merges through the same code as ingests, MERGE_AT reports a merge, so these are what real
// ingests of the corpus would have cost; a step's SAMPLE ingests hold one merge and rarely a compaction.
const indexUnits = () => (meter!.byKind.TBUCKET?.units ?? 0) + (meter!.byKind.TMERGE?.units ?? 0);
let indexSoFar = 0;
let countedAtRow = 0;
/** Claims re-checked one by one at each step, for their read units. */
const RECHECKS = 20;
for (const size of SIZES) {
  const seedTo = Math.max(ingested, size - SAMPLE);
  if (seedTo > ingested) {
    const [, seedMs] = await timed(() => seeder.seed(corpus.reports.slice(ingested, seedTo)));
    log(`  seeded ${seedTo - ingested} reports in bulk (${Math.round(seedMs / 1000)} s)`);
  }
  const segment = corpus.reports.slice(seedTo, size);
  indexSoFar += indexUnits() - countedAtRow;
  meter!.reset();
  const [, ms] = await timed(async () => {
    for (let i = 0; i < segment.length; i += LIMITS.reportsPerBatch) {
      for (const r of await app.ingestReports(segment.slice(i, i + LIMITS.reportsPerBatch))) seeder.remember(r.report);
    }
  });
  ingested = size;
  // Cost per report of the last stretch (SAMPLE real ingests) before the corpus reaches this size:
  // the report's own writes, apart from the verdict writes of the claims it made re-checked.
  const ingestMsPerReport = ms / segment.length;
  const claimSide = meter!.byKind.CLAIM ?? { units: 0, items: 0, bytesPut: 0 };
  const writeUnitsPerReport = (meter!.total.units - claimSide.units) / segment.length;
  const recheckWriteUnitsPerReport = claimSide.units / segment.length;
  const storedBytesPerReport = (meter!.total.bytesPut - claimSide.bytesPut) / segment.length;
  countedAtRow = indexUnits();
  indexSoFar += countedAtRow;
  const amortizedWriteUnitsPerReport = writeUnitsPerReport - countedAtRow / segment.length + indexSoFar / size;
  reads!.reset();
  for (let i = 0; i < RECHECKS; i++) await app.recheckClaims([claimIds[(i * 53) % claimIds.length]!]);
  const readUnitsPerRecheck = reads!.total / RECHECKS;
  const recheckReadsByKind = Object.fromEntries(
    Object.entries(reads!.byKind)
      .sort(([, a], [, b]) => b - a)
      .map(([kind, units]) => [kind, round(units / RECHECKS, 1)]),
  );
  const submitTimes: number[] = [];
  for (const text of corpus.probeClaims(size, 15)) submitTimes.push((await timed(() => app.submitClaim({ text })))[1]);
  const readTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const id = claimIds[(i * 37) % claimIds.length]!;
    readTimes.push((await timed(async () => Promise.all([app.getClaim(id), app.listEvidence(id, { first: 10 })])))[1]);
  }
  const row = {
    reports: size,
    ingestMsPerReport: round(ingestMsPerReport),
    writeUnitsPerReport: round(writeUnitsPerReport, 1),
    recheckWriteUnitsPerReport: round(recheckWriteUnitsPerReport, 1),
    amortizedWriteUnitsPerReport: round(amortizedWriteUnitsPerReport, 1),
    readUnitsPerRecheck: round(readUnitsPerRecheck, 1),
    recheckReadsByKind,
    storedBytesPerReport: Math.round(storedBytesPerReport),
    submitClaimMs: round(median(submitTimes)),
    claimReadMs: round(median(readTimes)),
  };
  scale.push(row);
  log(
    `  ${size} reports: ${row.ingestMsPerReport} ms/report ingest (${row.writeUnitsPerReport} write units and ${row.storedBytesPerReport} bytes stored per report, ${row.amortizedWriteUnitsPerReport} with the corpus' merges and compactions, ${row.recheckWriteUnitsPerReport} units of re-checks), ${row.readUnitsPerRecheck} read units per claim re-check (${Object.entries(
      row.recheckReadsByKind,
    )
      .map(([k, u]) => `${k} ${u}`)
      .join(', ')}), submitClaim ${row.submitClaimMs} ms, claim read ${row.claimReadMs} ms`,
  );
}

log('read path: GraphQL over HTTP vs the raw store...');
const yoga = createServer({ app, config, authenticate: createAuthenticator({ config, store }) });
const server = createHttpServer(yoga);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
const CLAIM_QUERY =
  'query($id: ID!) { claim(id: $id) { id text verdict confidence evidence(first: 10) { nodes { stance sentence report { id title source { name } } } } } }';
const LIST_QUERY = '{ claims(first: 20) { nodes { id text verdict confidence } } }';
// The driver is node:http with a keep-alive agent: fetch (undici) cost more CPU per request than
// the server's own HTTP handling, and it shares the process (and core) with the server.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const post = (query: string, variables: Record<string, unknown> = {}) =>
  new Promise<void>((resolve, reject) => {
    const payload = JSON.stringify({ query, variables });
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: unknown[] };
          if (body.errors) reject(new Error(JSON.stringify(body.errors)));
          else resolve();
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
const graphqlRead = (i: number) =>
  i % 2 === 0 ? post(CLAIM_QUERY, { id: claimIds[i % claimIds.length] }) : post(LIST_QUERY);
const rawRead = async (i: number) => {
  if (i % 2 === 0) {
    const id = claimIds[i % claimIds.length]!;
    // The same reads the GraphQL path makes, straight through the Store: claim, its evidence, their reports.
    const claim = (await store.getClaim(id))!;
    const evidence = await store.listEvidence(claim, { first: 10 });
    await store.getReports([...new Set(evidence.edges.map((e) => e.node.reportId))]);
    return claim;
  }
  return store.listClaims({ first: 20 });
};
await drive(graphqlRead, 1); // warm-up
await drive(rawRead, 0.5);
// One-second rounds, alternating, so load from anything else on the machine hits both sides alike.
const graphql = { seconds: 0, latencies: [] as number[] };
const raw = { seconds: 0, latencies: [] as number[] };
for (let round = 0; round < READ_SECONDS; round++) {
  for (const [side, op] of [
    [graphql, graphqlRead],
    [raw, rawRead],
  ] as const) {
    const out = await drive(op, 1);
    side.seconds += out.latencies.length / out.rps;
    side.latencies.push(...out.latencies);
  }
}
const rps = (side: typeof graphql) => side.latencies.length / side.seconds;
server.close();
agent.destroy();
const read = {
  graphqlRps: round(rps(graphql), 1),
  rawRps: round(rps(raw), 1),
  ratio: round(rps(graphql) / rps(raw), 3),
  p50Ms: round(percentile(graphql.latencies, 0.5)),
  p99Ms: round(percentile(graphql.latencies, 0.99)),
};
log(
  `  GraphQL ${read.graphqlRps} rps (p50 ${read.p50Ms} ms, p99 ${read.p99Ms} ms) vs raw store ${read.rawRps} rps: ratio ${read.ratio}`,
);
await runtime.close();

log('Lambda bundle...');
const bundleFile = await stageLambdaBundle('functions/graphql.ts');
const bytes = statSync(bundleFile).size;
const inits: number[] = [];
const initErrors: string[] = [];
for (let i = 0; i < 5; i++) {
  try {
    inits.push(timeBundleImport(bundleFile).ms);
  } catch (err) {
    initErrors.push((err as Error).message);
  }
}
// A cold start with every engine asset loaded (lib/bench/resources.ts): the budget's figure, median of 3.
const colds: ColdStart[] = [];
for (let i = 0; i < 3; i++) colds.push(await measureColdStart());
const coldMedian = (pick: (c: ColdStart) => number) => round(median(colds.map(pick)));
const coldStart = {
  importMs: coldMedian((c) => c.importMs),
  assetsMs: coldMedian((c) => c.assetsMs),
  totalMs: coldMedian((c) => c.totalMs),
  startCpuMs: coldMedian((c) => c.startCpuMs),
  importCpuMs: coldMedian((c) => c.importCpuMs),
  assetsCpuMs: coldMedian((c) => c.assetsCpuMs),
  rssMb: coldMedian((c) => c.rssMb),
};
// A failed import is reported as a failure (initMs null, the error kept), never as a time.
const bundle = {
  bytes,
  initMs: inits.length > 0 ? round(median(inits)) : null,
  ...(initErrors.length > 0 ? { initErrors: initErrors.length, initError: initErrors[0] } : {}),
  coldStart,
};
// CPU per phase holds better than wall time on a loaded machine.
const coldCpu = () =>
  `CPU: Node's start ${coldStart.startCpuMs} + import ${coldStart.importCpuMs} + assets ${coldStart.assetsCpuMs} ms`;
const initText = () =>
  bundle.initMs === null
    ? `init FAILED in all ${initErrors.length} runs: ${initErrors[0]}`
    : `init ${bundle.initMs} ms (median of ${inits.length}${initErrors.length ? `; ${initErrors.length} runs FAILED: ${initErrors[0]}` : ''})`;
log(`  ${bytes} bytes, ${initText()}`);
log(
  `  cold start with assets: ${coldStart.totalMs} ms (import ${coldStart.importMs} + assets ${coldStart.assetsMs}, ${coldStart.rssMb} MB); ${coldCpu()}`,
);

log(`total ${Math.round((performance.now() - started) / 1000)} s`);
// The term index's growth past what the bench ingests, computed for this schedule (npm run index-growth).
const levels = new Levels(config.termIndexFanIn, config.termIndexFanInAbove, growthOf(config.termIndexFanIn));
const indexGrowthRows = indexGrowth(levels, [...SIZES, 100_000, 1_000_000, 10_000_000], {
  mergeAt: config.termIndexMergeAt,
}).map((p) => ({ ...p, writeUnits: round(p.writeUnits, 1), peakWriteUnits: round(p.peakWriteUnits, 1) }));
const result = { read, scale, bundle, indexGrowth: { schedule: levels.schedule, rows: indexGrowthRows } };
if (chartFile) writeFileSync(chartFile, chart(scale));
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  console.log(
    `\nreads (GraphQL over HTTP vs raw store, same embedded endpoint (${childStore ? 'child process' : 'in this process'}), concurrency 8)`,
  );
  console.log(
    `  GraphQL ${read.graphqlRps} rps, raw ${read.rawRps} rps, ratio ${read.ratio}, p50 ${read.p50Ms} ms, p99 ${read.p99Ms} ms`,
  );
  console.log(
    `\nscale (${CLAIMS} claims present; each step seeds in bulk up to ${SAMPLE} reports short of its size, then ingests ${SAMPLE} for real)\n  reports  ingest ms/report  write units/report  amortized  bytes stored/report  re-check units/report  read units/re-check  submitClaim ms  claim read ms`,
  );
  for (const s of scale)
    console.log(
      `  ${String(s.reports).padStart(7)}  ${String(s.ingestMsPerReport).padStart(16)}  ${String(s.writeUnitsPerReport).padStart(18)}  ${String(s.amortizedWriteUnitsPerReport).padStart(9)}  ${String(s.storedBytesPerReport).padStart(19)}  ${String(s.recheckWriteUnitsPerReport).padStart(21)}  ${String(s.readUnitsPerRecheck).padStart(19)}  ${String(s.submitClaimMs).padStart(14)}  ${String(s.claimReadMs).padStart(13)}`,
    );
  console.log(
    `\nterm index growth, computed for fan-in ${levels.fanIn0} / ${levels.fanInAbove} above (real-body write units; worst-case index reads of a claim)\n     reports  levels  write units/report (peak)  index read units/claim (peak)`,
  );
  for (const p of indexGrowthRows)
    console.log(
      `  ${String(p.reports).padStart(10)}  ${String(p.levels).padStart(6)}  ${`${p.writeUnits} (${p.peakWriteUnits})`.padStart(25)}  ${`${p.readUnits} (${p.peakReadUnits})`.padStart(29)}`,
    );
  console.log(`\nLambda bundle: ${bytes} bytes, ${initText()}`);
  console.log(
    `cold start with assets: ${coldStart.totalMs} ms (import ${coldStart.importMs} + assets ${coldStart.assetsMs}), ${coldStart.rssMb} MB; ${coldCpu()}`,
  );
}

function chart(rows: typeof scale): string {
  const w = 640;
  const h = 320;
  const pad = 50;
  const series: Array<[keyof (typeof rows)[number], string]> = [
    ['ingestMsPerReport', '#c0392b'],
    ['submitClaimMs', '#2980b9'],
    ['claimReadMs', '#27ae60'],
  ];
  const max = Math.max(...rows.flatMap((r) => series.map(([k]) => Number(r[k])))) * 1.1 || 1;
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, rows.length - 1);
  const y = (v: number) => h - pad - (v / max) * (h - 2 * pad);
  const lines = series.map(([k, color], s) => {
    const points = rows.map((r, i) => `${x(i)},${y(Number(r[k]))}`).join(' ');
    return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/><text x="${w - pad - 150}" y="${pad + 16 * s}" fill="${color}" font-size="12">${k} (ms)</text>`;
  });
  const labels = rows.map(
    (r, i) => `<text x="${x(i)}" y="${h - pad + 18}" font-size="12" text-anchor="middle">${r.reports} reports</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="white"/><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#333"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#333"/><text x="${pad - 8}" y="${y(max / 1.1)}" font-size="11" text-anchor="end">${round(max / 1.1, 1)}</text>${lines.join('')}${labels.join('')}</svg>\n`;
}
