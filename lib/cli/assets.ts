// `npm run assets [-- name ...] [--out DIR]`: builds the engine's compact language assets into assets/ (all
// builders, or the named ones) and rewrites assets/manifest.json; --out builds elsewhere (a test compares the
// result with the committed files). Deterministic: the same sources give the same bytes.
import { resolve } from 'node:path';
import { ASSET_BUILDERS } from '../assets/builders.js';
import { writeManifest } from '../assets/manifest.js';

const outAt = process.argv.indexOf('--out');
const OUT_DIR = resolve(outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1]! : 'assets');
if (process.argv.includes('--coverage')) {
  // Measures vocabulary cuts instead of building: how much of real news text each keeps a vector for.
  const { loadEmbedding, VOCABULARY_SIZE } = await import('../assets/vectors.js');
  const { printCoverage } = await import('../assets/vectorCoverage.js');
  printCoverage(loadEmbedding(), [20_000, 40_000, VOCABULARY_SIZE, 80_000, 120_000, 200_000]);
  process.exit(0);
}
if (process.argv.includes('--lexicon')) {
  // Reports how much of each hand-written synonym group WordNet and the vectors already cover.
  (await import('../assets/lexiconCoverage.js')).printLexiconCoverage();
  process.exit(0);
}
if (process.argv.includes('--measure-first')) {
  // Cold containers' first two claim checks through the Lambda handler; with --against BUNDLE (an older build
  // staged by stageLambdaBundle('lib/bench/coldStartEntry.ts')) the two builds alternate, the older one first.
  const { stageLambdaBundle } = await import('../bench/bundle.js');
  const { measureFirstRequests } = await import('../bench/firstRequest.js');
  const runs = Number(process.argv[process.argv.indexOf('--measure-first') + 1]) || 3;
  const against = process.argv.includes('--against') ? process.argv[process.argv.indexOf('--against') + 1] : undefined;
  const bundles = [...(against ? [against] : []), await stageLambdaBundle('lib/bench/coldStartEntry.ts')];
  const results = await measureFirstRequests(bundles, runs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [b, rows] of results.entries()) {
    for (const row of rows) console.log(JSON.stringify({ bundle: bundles[b], ...row }));
    const keys = Object.keys(rows[0]!).filter((k) => k !== 'verdict') as Array<keyof (typeof rows)[number]>;
    console.log(
      `${bundles[b]} medians of ${rows.length}: ${keys.map((k) => `${k} ${median(rows.map((r) => Number(r[k]))).toFixed(1)}`).join(', ')}`,
    );
  }
  process.exit(0);
}
if (process.argv.includes('--measure')) {
  // Measures the committed assets instead of building: cold loads, memory, lookups, a cold Lambda start.
  const { measureColdStart, measureResource } = await import('../bench/resources.js');
  const runs = Number(process.argv[process.argv.indexOf('--measure') + 1]) || 3;
  for (const resource of ['vectors', 'wordnet'] as const) {
    for (let i = 0; i < runs; i++) console.log(JSON.stringify(measureResource(resource)));
  }
  for (let i = 0; i < runs; i++) console.log(JSON.stringify({ coldStart: await measureColdStart() }));
  process.exit(0);
}
const names = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--out');
const unknown = names.filter((n) => !ASSET_BUILDERS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown asset ${unknown.join(', ')}; known: ${ASSET_BUILDERS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

for (const builder of ASSET_BUILDERS.filter((b) => names.length === 0 || names.includes(b.name))) {
  const started = Date.now();
  await (await builder.load()).build(OUT_DIR);
  console.log(`${builder.name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const manifest = writeManifest(OUT_DIR);
for (const f of manifest.files)
  console.log(`${f.file.padEnd(28)} ${(f.bytes / 1024).toFixed(0).padStart(7)} KB  ${f.sha256.slice(0, 12)}`);
console.log(`total ${(manifest.totalBytes / 1024 / 1024).toFixed(2)} MB`);
