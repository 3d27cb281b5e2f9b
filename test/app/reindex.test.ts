// Re-index after an engine upgrade, over the real store: engine N is this checkout; engine N+1 is the
// same code with a changed lexicon (a new hedge cue and a new synonym group), loaded as a second module
// graph. Reports and claims stored by N, re-indexed by N+1, must end where a store built by N+1 from
// the start ends, and a re-index stopped half-way must finish on a second start with nothing done twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReindexJob, Store } from '../../lib/app/ports.js';
import type { ClaimRecord } from '../../lib/app/types.js';
import { loadConfig } from '../../lib/config.js';
import type { Runtime } from '../../lib/runtime.js';
import { createTestRuntime } from '../support/runtime.js';

type RuntimeModule = typeof import('../../lib/runtime.js');
type AppModule = typeof import('../../lib/app/index.js');
type QueueModule = typeof import('../../lib/queue/localReindexQueue.js');

/** Engine N+1: this engine with two lexicon entries changed. */
async function loadUpgradedEngine(): Promise<{ runtime: RuntimeModule; app: AppModule; queue: QueueModule }> {
  vi.resetModules();
  vi.doMock('../../lib/domain/lexicon.js', async (original) => {
    const lexicon = await original<typeof import('../../lib/domain/lexicon.js')>();
    return {
      ...lexicon,
      HEDGE_CUES: [...lexicon.HEDGE_CUES, 'ostensibly'],
      SYNONYM_GROUPS: [...lexicon.SYNONYM_GROUPS, ['ferri', 'boat', 'launch boat']],
    };
  });
  const [runtime, app, queue] = await Promise.all([
    import('../../lib/runtime.js'),
    import('../../lib/app/index.js'),
    import('../../lib/queue/localReindexQueue.js'),
  ]);
  vi.doUnmock('../../lib/domain/lexicon.js');
  return { runtime, app, queue };
}

// Invented reports: a hedge only engine N+1 reads ("ostensibly"), a copy of that report under another
// name, a word only N+1 folds with another ("boat" / "ferry"), and filler reports for several pages.
const REPORTS = [
  {
    source: 'Harbour Gazette',
    text: 'The Kestrel Bay ferry carried 1,200 passengers on its first weekend, the operator said on Monday. Tickets sold out within hours.',
  },
  {
    source: 'Coastal Times',
    text: 'The new Kestrel Bay boat carried 1,200 passengers on its first weekend, the operator said. More crossings are planned.',
  },
  {
    source: 'Valley Courier',
    text: 'The Dunmore textile mill ostensibly closed its doors on Friday after 80 years, leaving 300 workers without jobs.',
  },
  {
    source: 'Evening Ledger',
    text: 'The Dunmore textile mill ostensibly closed its doors on Friday after 80 years, leaving 300 workers without jobs.\nShared by the Evening Ledger.',
  },
  {
    source: 'River Post',
    text: 'The Dunmore textile mill closed on Friday after 80 years in business, the town council confirmed.',
  },
  ...Array.from({ length: 30 }, (_, i) => ({
    source: `Parish Bulletin ${i % 7}`,
    text: `The Alderford parish council met on Tuesday to discuss repairs to bridge number ${i + 3}. Councillor Maren Voss ${i % 2 ? 'proposed' : 'opposed'} a levy of ${(i + 2) * 1_000} pounds for the work.`,
  })),
];
const CLAIMS = [
  'The Kestrel Bay ferry carried 1,200 passengers on its first weekend.',
  'The Dunmore textile mill closed on Friday.',
  'The Alderford parish council discussed repairs to bridge number 7.',
];

async function build(app: Runtime['app']): Promise<void> {
  for (const report of REPORTS) await app.ingestReport(report);
  for (const text of CLAIMS) await app.submitClaim({ text });
}

const verdictsOf = async (app: Runtime['app']) => {
  const page = await app.listClaims({ first: 100 });
  return Object.fromEntries(
    page.edges.map(({ node: c }: { node: ClaimRecord }) => [
      c.text,
      {
        verdict: c.verdict,
        confidence: c.confidence,
        supportCount: c.supportCount,
        contradictCount: c.contradictCount,
        independentSources: c.independentSources,
      },
    ]),
  );
};

/** The store with its re-analysis writes counted per id, and a stop after `failAfter` report re-analyses. */
function countingStore(store: Store, failAfter = Number.POSITIVE_INFINITY) {
  const reports = new Map<string, number>();
  const claims = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'replaceReportIndex') {
        return async (...args: Parameters<Store['replaceReportIndex']>) => {
          const total = [...reports.values()].reduce((a, b) => a + b, 0);
          if (total >= failAfter) throw new Error('worker stopped');
          reports.set(args[0].id, (reports.get(args[0].id) ?? 0) + 1);
          return target.replaceReportIndex(...args);
        };
      }
      if (name === 'replaceClaimAnalysis') {
        return async (...args: Parameters<Store['replaceClaimAnalysis']>) => {
          claims.set(args[0].id, (claims.get(args[0].id) ?? 0) + 1);
          return target.replaceClaimAnalysis(...args);
        };
      }
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, reports, claims };
}

let upgraded: Awaited<ReturnType<typeof loadUpgradedEngine>>;
let fresh: Runtime;
let expected: Awaited<ReturnType<typeof verdictsOf>>;

beforeAll(async () => {
  upgraded = await loadUpgradedEngine();
  // What engine N+1 gives when it built the store itself.
  fresh = await upgraded.runtime.createRuntime(loadConfig({ SEED_DEMO: 'false' }), { inMemory: true });
  await build(fresh.app);
  expected = await verdictsOf(fresh.app);
}, 120_000);
afterAll(async () => fresh?.close());

/** A store built by engine N, and an app of engine N+1 over it whose store calls are counted. */
async function upgradeScenario(failAfter?: number) {
  const old = await createTestRuntime();
  await build(old.app);
  const counted = countingStore(old.store, failAfter);
  const errors: unknown[] = [];
  const queue = new upgraded.queue.LocalReindexQueue({
    concurrency: 2,
    onError: (e) => {
      errors.push(e);
      queue.stop();
    },
  });
  const app = upgraded.app.createApp({ store: counted.store, reindexQueue: queue });
  queue.setRunner((job: ReindexJob) => app.runReindexJob(job));
  return { old, app, queue, counted, errors };
}

describe('re-index after an engine upgrade', () => {
  it('gives every claim the verdict a store built by the new engine gives, analysing each report once', async () => {
    const { old, app, queue, counted } = await upgradeScenario();
    try {
      expect(app.analysisVersion).not.toBe(old.app.analysisVersion);
      const before = await verdictsOf(old.app);
      // The upgrade matters: some verdict differs between the engines before the re-index.
      expect(before).not.toEqual(expected);

      await app.startReindex();
      // Reads and writes go on meanwhile; a report ingested now is analysed by the new engine, once.
      const during = await app.ingestReport({
        source: 'Fenwick Observer',
        text: 'The Fenwick library will open on Sunday afternoons from March, its trustees announced.',
      });
      expect(during.report.analysisVersion).toBe(app.analysisVersion);
      expect((await app.listClaims({ first: 10 })).edges).toHaveLength(CLAIMS.length);
      await queue.idle();

      const run = (await app.reindexStatus())!;
      expect(run.phase).toBe('done');
      expect(run.finishedAt).toBeDefined();
      // The report ingested meanwhile is listed if it landed before the scan reached the end (timing).
      expect([REPORTS.length, REPORTS.length + 1]).toContain(run.reports.seen);
      expect(run.reports).toEqual({ seen: run.reports.seen, done: run.reports.seen, failed: 0 });
      expect(run.claims).toEqual({ seen: CLAIMS.length, done: CLAIMS.length, failed: 0 });
      // Each old report re-analysed exactly once, the one ingested during the run never.
      expect(counted.reports.size).toBe(REPORTS.length);
      expect([...counted.reports.values()].every((n) => n === 1)).toBe(true);
      expect(counted.reports.has(during.report.id)).toBe(false);
      expect([...counted.claims.values()]).toEqual(CLAIMS.map(() => 1));

      const after = await verdictsOf(app);
      const added = (await app.listReports({ first: 100 })).edges.map((e) => e.node);
      expect(added.every((r) => r.analysisVersion === app.analysisVersion)).toBe(true);
      // The report added during the run is about none of the claims.
      expect(after).toEqual(expected);

      // Starting it again once it is done does nothing.
      await app.startReindex();
      await queue.idle();
      expect(counted.reports.size).toBe(REPORTS.length);
      expect([...counted.reports.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await old.close();
    }
  }, 180_000);

  it('resumes a re-index stopped half-way: nothing done twice, nothing missed', async () => {
    const { old, app, queue, counted, errors } = await upgradeScenario(23);
    try {
      await app.startReindex();
      await queue.idle();
      // Both jobs in flight hit the stop.
      expect(errors.length).toBeGreaterThanOrEqual(1);
      const stopped = (await app.reindexStatus())!;
      expect(stopped.phase).toBe('reports');
      expect(stopped.reports.done).toBeLessThan(REPORTS.length);
      expect([...counted.reports.values()].reduce((a, b) => a + b, 0)).toBe(23);

      // Engine N+1 again, on a worker that does not stop: the same run goes on from the store.
      const resumed = countingStore(old.store);
      const queue2 = new upgraded.queue.LocalReindexQueue({ concurrency: 2 });
      const app2 = upgraded.app.createApp({ store: resumed.store, reindexQueue: queue2 });
      queue2.setRunner((job: ReindexJob) => app2.runReindexJob(job));
      await app2.startReindex();
      await queue2.idle();

      const run = (await app2.reindexStatus())!;
      expect(run.phase).toBe('done');
      expect(run.reports).toEqual({ seen: REPORTS.length, done: REPORTS.length, failed: 0 });
      expect(run.claims.done).toBe(CLAIMS.length);
      const ids = [...counted.reports.keys(), ...resumed.reports.keys()];
      expect(ids).toHaveLength(REPORTS.length);
      expect(new Set(ids).size).toBe(REPORTS.length);
      expect(await verdictsOf(app2)).toEqual(expected);
    } finally {
      await old.close();
    }
  }, 180_000);
});
