// Crash tests: a child process ingesting a 50-report batch over the persisted embedded
// store is killed with SIGKILL at a chosen point; the store is opened again, the batch
// re-sent through GraphQL, and then every claim equals its recheckClaim, every report is
// stored once and the counters are exact.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../lib/app/apiKeys.js';
import { loadConfig } from '../../lib/config.js';
import { createServer } from '../../lib/graphql/server.js';
import { createRuntime } from '../../lib/runtime.js';

const TOPICS = [
  {
    claim: 'The Fenwick tunnel cost 40 million euros to build.',
    says: (n: number) => `The Fenwick tunnel cost ${n === 9 ? 65 : 40} million euros to build, officials confirmed.`,
  },
  {
    claim: 'The Sallowby lighthouse was repainted red in June 2024.',
    says: (n: number) => `The Sallowby lighthouse was repainted ${n === 9 ? 'blue' : 'red'} in June 2024.`,
  },
  {
    claim: 'The Orrin Bay ferry carried 300 passengers on its first day.',
    says: (n: number) => `The Orrin Bay ferry carried ${n === 9 ? 900 : 300} passengers on its first day.`,
  },
  {
    claim: 'The Hollin canal lock reopened in March 2025.',
    says: (n: number) => `The Hollin canal lock reopened in ${n === 9 ? 'May' : 'March'} 2025 after repairs.`,
  },
  {
    claim: 'The Mirebrook council hired 12 new bus drivers.',
    says: (n: number) => `The Mirebrook council hired ${n === 9 ? 30 : 12} new bus drivers this spring.`,
  },
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const batch = Array.from({ length: 50 }, (_, i) => {
  const topic = TOPICS[i % TOPICS.length]!;
  return {
    source: `Crash Outlet ${i}`,
    url: `https://crash.example/story/${i}`,
    publishedAt: '2025-06-02',
    text: `${topic.says(Math.floor(i / 5))} Outlet ${i} spoke to residents on ${WEEKDAYS[i % 5]} about it. Story ${i} was filed by its local desk, which plans a follow-up about item ${i * 7}.`,
  };
});

async function openApi(dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false' });
  const rt = await createRuntime(config);
  const yoga = createServer({ app: rt.app, config, authenticate: createAuthenticator({ config, store: rt.store }) });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };
  return { rt, gql };
}

const VERDICT_FIELDS = 'id verdict supportCount contradictCount independentSources';

describe.each([
  ['between a report write and its counter update', 'putReport:20'],
  ['after every report is stored, before the re-checks', 'markClaimPending:1'],
  ['from outside (kill -9) once 25 reports are visible', 'outside'],
])('a batch killed (SIGKILL) %s', (_, dieAt) => {
  it('is finished by re-sending it: claims equal their re-check, reports stored once, counters exact', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fc-crash-'));
    const batchFile = join(dataDir, 'batch.json');
    writeFileSync(batchFile, JSON.stringify(batch));

    const before = await openApi(dataDir);
    for (const t of TOPICS)
      await before.gql('mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }', {
        text: t.claim,
      });
    await before.rt.close();

    const args = [
      '--import',
      'tsx',
      'test/support/crashingBatch.ts',
      batchFile,
      dieAt.startsWith('outside') ? 'putReport:report' : dieAt,
    ];
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' };
    if (dieAt.startsWith('outside')) {
      // kill -9 from outside once the 25th report is visible, wherever the child is then.
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('putReport 25')) child.kill('SIGKILL');
        });
        child.once('exit', (_code, sig) => resolve(sig));
      });
      expect(signal).toBe('SIGKILL');
    } else {
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', env });
      expect(child.signal, child.stderr).toBe('SIGKILL');
    }

    const after = await openApi(dataDir);
    try {
      await after.gql(
        'mutation($input: IngestReportsInput!) { ingestReports(input: $input) { results { created affectedClaims } } }',
        { input: { reports: batch } },
      );

      const claims = (await after.gql(`{ claims(first: 100) { nodes { ${VERDICT_FIELDS} } } }`)).claims.nodes;
      expect(claims).toHaveLength(TOPICS.length);
      for (const stored of claims) {
        const fresh = (
          await after.gql(`mutation($id: ID!) { recheckClaim(id: $id) { claim { ${VERDICT_FIELDS} } } }`, {
            id: stored.id,
          })
        ).recheckClaim.claim;
        expect(stored).toEqual(fresh);
        expect(stored.verdict).not.toBe('UNVERIFIED');
      }
      const reports = (await after.gql('{ reports(first: 100) { nodes { id url source { name } } } }')).reports.nodes;
      expect(reports).toHaveLength(batch.length);
      expect(new Set(reports.map((r: { url: string }) => r.url)).size).toBe(batch.length);
      const { stats, sources } = await after.gql('{ stats { reports sources } sources { name reportCount } }');
      expect(stats).toEqual({ reports: batch.length, sources: batch.length });
      expect(sources.every((s: { reportCount: number }) => s.reportCount === 1)).toBe(true);
    } finally {
      await after.rt.close();
    }
  }, 240_000);
});
