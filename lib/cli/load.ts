// `npm run load [-- --seconds 30 --connections 20]`: starts the local server on a free
// loopback port with a fresh store, drives it with autocannon (90% reads, 10% writes),
// then checks that nothing was lost: zero 5xx, every written report readable, every
// claim equal to what recheckClaim computes. Exits 1 on any failure. Loopback only.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const num = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const SECONDS = num('--seconds', 30);
const CONNECTIONS = num('--connections', 20);

const port = await new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});
const url = `http://127.0.0.1:${port}/graphql`;
const server = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/serve.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'fc-load-')),
    SEED_DEMO: 'true',
    WRITE_RATE_PER_MINUTE: '0',
    LOG_LEVEL: 'WARN',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
};
for (let i = 0; ; i++) {
  try {
    if ((await gql('{ stats { claims } }')).data) break;
  } catch {
    // not up yet
  }
  if (i > 300) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 100));
}
const claimIds: string[] = (await gql('{ claims(first: 100) { nodes { id } } }')).data.claims.nodes.map(
  (n: { id: string }) => n.id,
);

const READ_CLAIM =
  'query($id: ID!) { claim(id: $id) { id verdict confidence evidence(first: 10) { nodes { stance sentence report { id source { name } } } } } }';
const READ_LIST = '{ claims(first: 20) { nodes { id text verdict confidence } } }';
const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } } }';
const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }';
const TOWNS = ['Lakeside', 'Port Aldren', 'Kestrel Lake', 'Brindle Mills', 'Northshore'];

let seq = 0;
const writtenReports = new Set<string>();
const writeErrors: string[] = [];
const bodyFor = (): string => {
  const n = seq++;
  const roll = n % 10;
  if (roll === 0) {
    const town = TOWNS[n % TOWNS.length]!;
    return JSON.stringify({
      query: INGEST,
      variables: {
        input: {
          source: `Load Outlet ${n % 7}`,
          url: `https://load.example/${n}`,
          publishedAt: '2025-05-01',
          text: `The ${town} council approved ${(n % 9) + 1} million euros for the new library on Monday. Report number ${n} adds that work starts in June.`,
        },
      },
    });
  }
  if (roll === 5 && n % 20 === 5)
    return JSON.stringify({
      query: SUBMIT,
      variables: {
        text: `The ${TOWNS[n % TOWNS.length]} council approved ${(n % 9) + 1} million euros for the new library.`,
      },
    });
  if (roll % 2 === 0) return JSON.stringify({ query: READ_LIST });
  return JSON.stringify({ query: READ_CLAIM, variables: { id: claimIds[n % claimIds.length] } });
};

console.error(`load: ${SECONDS} s, ${CONNECTIONS} connections, 90% reads / 10% writes against ${url}`);
const result = await autocannon({
  url,
  connections: CONNECTIONS,
  duration: SECONDS,
  // The embedded store shares one process with the server; allow slow writes rather than count them as lost.
  timeout: 30,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request: Record<string, unknown>) => ({ ...request, body: bodyFor() }),
      onResponse: (status: number, body: string) => {
        if (!body.includes('ingestReport') && !body.includes('submitClaim')) return;
        try {
          const parsed = JSON.parse(body);
          if (parsed.errors) writeErrors.push(parsed.errors[0].message);
          const id = parsed.data?.ingestReport?.report?.id;
          if (id) writtenReports.add(id);
        } catch {
          writeErrors.push(`unparseable response (${status})`);
        }
      },
    },
  ],
});

// autocannon destroys its connections at the end, but the server finishes the requests they
// carried: an ingest still re-checking its claims would look like a stale claim. Wait until the
// counts have stayed put for a few seconds (at most a minute) before checking.
const QUIET_MS = 5_000;
let last = '';
for (
  let quietSince = Date.now(), started = Date.now();
  Date.now() - quietSince < QUIET_MS && Date.now() - started < 60_000;
) {
  await new Promise((r) => setTimeout(r, 500));
  const now = JSON.stringify((await gql('{ stats { claims reports } }')).data);
  if (now !== last) [last, quietSince] = [now, Date.now()];
}
console.error('checking: every written report present, every claim equal to its re-check...');
const missing: string[] = [];
for (const id of writtenReports)
  if (!(await gql('query($id: ID!) { report(id: $id) { id } }', { id })).data?.report) missing.push(id);
const mismatched: string[] = [];
let after: string | null = null;
let claimsChecked = 0;
do {
  const page: any = (
    await gql(
      'query($after: String) { claims(first: 100, after: $after) { nodes { id verdict supportCount contradictCount independentSources } pageInfo { hasNextPage endCursor } } }',
      { after },
    )
  ).data.claims;
  for (const stored of page.nodes) {
    const fresh = (
      await gql(
        'mutation($id: ID!) { recheckClaim(id: $id) { claim { verdict supportCount contradictCount independentSources } } }',
        { id: stored.id },
      )
    ).data.recheckClaim.claim;
    claimsChecked++;
    if (['verdict', 'supportCount', 'contradictCount', 'independentSources'].some((k) => stored[k] !== fresh[k]))
      mismatched.push(stored.id);
  }
  after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
} while (after);
stop();

const figures = {
  seconds: SECONDS,
  connections: CONNECTIONS,
  requests: result.requests.total,
  rps: Math.round(result.requests.average),
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  status5xx: result['5xx'],
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  reportsWritten: writtenReports.size,
  reportsMissing: missing.length,
  writeErrors: writeErrors.length,
  claimsChecked,
  claimsMismatched: mismatched.length,
};
console.log(JSON.stringify(figures, null, 2));
const pass =
  figures.status5xx === 0 && figures.reportsMissing === 0 && figures.claimsMismatched === 0 && figures.errors === 0;
console.log(pass ? 'PASS' : 'FAIL');
process.exit(pass ? 0 : 1);
