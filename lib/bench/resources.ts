// Measures the engine's language assets as the Lambda meets them: each asset's cold load (a fresh process
// per asset, so nothing is cached), the memory it adds, how fast lookups run once loaded, and a cold start
// of the real Lambda bundle with every asset loaded. Printed by `npm run assets -- --measure`.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { stageLambdaBundle } from './bundle.js';

export interface ResourceMeasure {
  resource: string;
  coldLoadMs: number;
  /** CPU time of the load: on a shared machine wall time also counts waiting for a core. */
  coldLoadCpuMs: number;
  rssDeltaMb: number;
  /** CPU microseconds per lookup, once loaded. */
  lookupMicros: Record<string, number>;
}

/** Run in a child: loads one resource cold and times a few lookups. */
const CHILD = (resource: 'vectors' | 'wordnet'): string => `
const started = performance.now();
const rss0 = process.memoryUsage().rss;
const wn = await import(${JSON.stringify(resolve('lib/domain/resources/wordnet.ts'))});
const vec = await import(${JSON.stringify(resolve('lib/domain/resources/vectors.ts'))});
const t0 = performance.now();
const cpu0 = process.cpuUsage();
${resource === 'vectors' ? "vec.similarity('quit', 'resign')" : "wn.lemmatize('resigned')"};
const coldLoadMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const coldLoadCpuMs = (cpu.user + cpu.system) / 1000;
const rssDeltaMb = (process.memoryUsage().rss - rss0) / 1048576;
const time = (fn, n = 2000) => { fn(0); const c = process.cpuUsage(); for (let i = 0; i < n; i++) fn(i); const u = process.cpuUsage(c); return (u.user + u.system) / n; };
const words = ['resigned', 'troops', 'increased', 'fled', 'arrested', 'closed', 'earthquake', 'announced'];
const lookupMicros = ${
  resource === 'vectors'
    ? '{ similarity: time((i) => vec.similarity(words[i % 8], words[(i + 3) % 8])), phraseSimilarity4x4: time((i) => vec.phraseSimilarity(words.slice(i % 4, i % 4 + 4), words.slice(4)), 500) }'
    : "{ lemmatize: time((i) => wn.lemmatize(words[i % 8] + (i % 50 ? '' : 's'))), synonyms: time((i) => wn.synonyms(words[i % 8])), areAntonyms: time((i) => wn.areAntonyms(words[i % 8], words[(i + 5) % 8]), 500) }"
};
console.log(JSON.stringify({ resource: ${JSON.stringify(resource)}, coldLoadMs, coldLoadCpuMs, rssDeltaMb, lookupMicros }));
`;

const runChild = (args: string[], env: NodeJS.ProcessEnv = process.env): string =>
  execFileSync(process.execPath, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n')
    .pop()!;

export function measureResource(resource: 'vectors' | 'wordnet'): ResourceMeasure {
  return JSON.parse(runChild(['--import', 'tsx', '--input-type=module', '-e', CHILD(resource)])) as ResourceMeasure;
}

export interface ColdStart {
  /** Importing the minified Lambda bundle (module scope: config, store client, server). */
  importMs: number;
  /** Then loading every engine asset. */
  assetsMs: number;
  totalMs: number;
  /** CPU time of Node's own start (before the import), of the import alone, and of the asset loads. */
  startCpuMs: number;
  importCpuMs: number;
  assetsCpuMs: number;
  /** Each asset's first use: wall and CPU milliseconds. */
  perAssetMs: Record<string, { ms: number; cpuMs: number }>;
  rssMb: number;
}

/**
 * A cold Lambda-like start: the bundle built as the stack builds it, assets/ copied beside it (or `bundle`,
 * one staged already by stageLambdaBundle('lib/bench/coldStartEntry.ts'), e.g. an older build to alternate with).
 */
export async function measureColdStart(bundle?: string): Promise<ColdStart> {
  const entry = bundle ?? (await stageLambdaBundle('lib/bench/coldStartEntry.ts'));
  const script = `
const ms = (c) => (c.user + c.system) / 1000;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const m = await import(${JSON.stringify(entry)});
const t1 = performance.now();
const cpu1 = process.cpuUsage();
const perAssetMs = m.loadEngineAssets();
const t2 = performance.now();
const cpu2 = process.cpuUsage();
console.log(JSON.stringify({ importMs: t1 - t0, assetsMs: t2 - t1, totalMs: t2 - t0, startCpuMs: ms(cpu0), importCpuMs: ms(cpu1) - ms(cpu0), assetsCpuMs: ms(cpu2) - ms(cpu1), perAssetMs, rssMb: process.memoryUsage().rss / 1048576 }));
`;
  // The store is only configured at start (no request is made), so any table name will do.
  return JSON.parse(runChild(['--input-type=module', '-e', script], lambdaLikeEnv('coldstart-measure'))) as ColdStart;
}

/**
 * The environment of a child that starts the Lambda bundle as the stack runs it: the AWS store on `table` with
 * placeholder credentials, and Node started as Lambda's Node 20+ runtimes start it, without NODE_EXTRA_CA_CERTS
 * (a machine that sets it, as this one reads the system's CA bundle, adds about 35 ms of CPU to Node's own start).
 */
export function lambdaLikeEnv(table: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _extraCerts, ...inherited } = process.env;
  return {
    ...inherited,
    STORE: 'aws',
    TABLE_NAME: table,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    ...extra,
  };
}
