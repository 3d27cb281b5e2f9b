// The first requests of a cold Lambda container: an embedded DynamoDB here holds a few invented reports; each
// child is a fresh process that imports a staged bundle of lib/bench/coldStartEntry.ts and sends two claim
// checks (submitClaim) through the Lambda handler, with API_KEYS so no key lookup is needed. Reports the CPU of
// the import (which here also checks the table exists), of each request, and of any asset the requests left
// unloaded. Printed by `npm run assets -- --measure-first [runs] [--against BUNDLE]`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadConfig } from '../config.js';
import { createRuntime } from '../runtime.js';
import { startEmbeddedDynamo } from '../store/embedded.js';
import { lambdaLikeEnv } from './resources.js';

const run = promisify(execFile);
const KEY = 'k-first-request-measure-0000000000';

export interface FirstRequests {
  startCpuMs: number;
  importCpuMs: number;
  firstRequestCpuMs: number;
  firstRequestMs: number;
  secondRequestCpuMs: number;
  /** CPU of loading the assets the two requests did not load. */
  leftAssetsCpuMs: number;
  verdict: string;
}

/** Invented reports, in the house's own words. */
const REPORTS = [
  [
    'Harbour Gazette',
    'The Fenwick Bridge was closed to traffic on Monday after inspectors found cracks in two of its supports. The county engineer said repairs would take at least six weeks.',
  ],
  [
    'Valley Courier',
    'County officials closed the Fenwick Bridge on Monday. Inspectors had found cracked supports, and drivers were told to use the ring road until repairs end.',
  ],
  [
    'Riverside Daily',
    'Traffic was diverted on Monday as the Fenwick Bridge shut. A spokesperson denied reports that the bridge would be demolished.',
  ],
] as const;

const CHILD = `
const ms = (c) => (c.user + c.system) / 1000;
const c0 = process.cpuUsage();
const m = await import(process.argv[1]);
const c1 = process.cpuUsage();
const ask = (text, id) => m.handler({ version: '2.0', rawPath: '/graphql', rawQueryString: '', headers: { 'content-type': 'application/json', authorization: 'Bearer ${KEY}', host: 'measure' }, requestContext: { http: { method: 'POST', sourceIp: '127.0.0.1' }, requestId: id }, isBase64Encoded: false, body: JSON.stringify({ query: 'mutation($t: String!) { submitClaim(input: { text: $t }) { claim { verdict } } }', variables: { t: text } }) });
const t1 = performance.now();
const first = await ask('The Fenwick Bridge was closed on Monday ' + process.pid, 'first');
const c2 = process.cpuUsage(); const t2 = performance.now();
if (first.statusCode !== 200 || !first.body.includes('verdict')) throw new Error('first request: ' + first.statusCode + ' ' + first.body.slice(0, 300));
await ask('The Fenwick Bridge shut on Monday ' + process.pid, 'second');
const c3 = process.cpuUsage();
m.loadEngineAssets();
const c4 = process.cpuUsage();
console.log(JSON.stringify({ startCpuMs: ms(c0), importCpuMs: ms(c1) - ms(c0), firstRequestCpuMs: ms(c2) - ms(c1), firstRequestMs: t2 - t1, secondRequestCpuMs: ms(c3) - ms(c2), leftAssetsCpuMs: ms(c4) - ms(c3), verdict: JSON.parse(first.body).data.submitClaim.claim.verdict }));
process.exit(0);
`;

/**
 * `runs` cold containers of each bundle, the bundles alternating (so load on the machine hits them alike); one
 * result per run, per bundle. The children are run asynchronously: the embedded store answers from this process.
 */
export async function measureFirstRequests(bundles: string[], runs: number): Promise<FirstRequests[][]> {
  const dynamo = await startEmbeddedDynamo({});
  const env = lambdaLikeEnv('first-request-measure', {
    AWS_LAMBDA_FUNCTION_NAME: 'first-request-measure',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    API_KEYS: KEY,
    SOURCE_POLICY: 'open',
    LOG_LEVEL: 'ERROR',
  });
  const runtime = await createRuntime(loadConfig(env));
  try {
    for (const [source, text] of REPORTS) await runtime.app.ingestReport({ source, text, publishedAt: '2025-03-03' });
    const out: FirstRequests[][] = bundles.map(() => []);
    for (let i = 0; i < runs; i++)
      for (const [b, bundle] of bundles.entries()) {
        const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CHILD, bundle], {
          encoding: 'utf8',
          env,
          timeout: 120_000,
        });
        out[b]!.push(JSON.parse(stdout.trim().split('\n').pop()!) as FirstRequests);
      }
    return out;
  } finally {
    await runtime.close();
    await dynamo.close();
  }
}
