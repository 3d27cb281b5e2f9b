// Re-index: bring every stored report and then every claim up to the running engine's analysis
// version. The work is listed by scans into pages, and each page is one queued job (SQS on AWS, an
// in-process queue locally); the run item and the pages in the store say how far it got, so a stop
// anywhere is resumed by starting again. A report is re-analysed at most once per version (the flip
// of its version is conditional, and reports at the version are skipped), through the same index
// writes ingest uses. Claims are re-analysed and re-checked after every report is.
import { createHash } from 'node:crypto';
import { analyzeClaim, isCopy } from '../domain/index.js';
import type { CopySignature } from '../domain/types.js';
import { AppError } from '../errors.js';
import { countMetric, logger } from '../observability.js';
import { claimTermsOf } from './claims.js';
import { analyzeInput, reportIndexOf, reportRecordOf } from './ingest.js';
import type { Clock, ReindexQueue, Store } from './ports.js';
import { refuseUnstorable } from './reportFit.js';
import type { ReindexJob, ReindexPage, ReindexRun, ReindexScanPhase, ReportRecord } from './types.js';

/** Items one job works: small enough for a Lambda's minutes many times over (about 50 ms a report). */
export const REINDEX_PAGE_SIZE = 20;
/** Pages one scan step lists before handing on to the next step. */
const PAGES_PER_SCAN = 10;

export interface ReindexDeps {
  store: Store;
  clock: Clock;
  queue: ReindexQueue;
  /** the version this engine stamps: the run's target */
  analysisVersion: string;
  /** re-check claims on the new analysis (lib/app/recheck.ts) */
  recheckClaims: (ids: string[]) => Promise<void>;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** What a report that outlived the text item's introduction can be analysed from: its stored sentences. */
async function storedText(store: Store, report: ReportRecord): Promise<string> {
  const refs = Array.from({ length: report.statementCount }, (_, index) => ({ reportId: report.id, index }));
  const statements = await store.getStatements(refs);
  return statements
    .sort((a, b) => a.statement.index - b.statement.index)
    .map((s) => s.statement.text)
    .join('\n\n');
}

export function createReindex(deps: ReindexDeps) {
  const { store, clock, queue, analysisVersion: version } = deps;
  const now = () => clock.now().toISOString();

  /**
   * The copy group of a re-analysed report: the smallest id among it and its copies by the new signature,
   * where a copy already re-analysed brings its group instead (an old one's group was decided by the old
   * engine). Ids sort by time, so that is the first report of the text, as at ingest.
   */
  async function copiesOf(id: string, signature: CopySignature): Promise<{ group: string; copies: ReportRecord[] }> {
    const members = (await store.bandMembers(signature.bands)).filter((m) => m !== id);
    const reports = members.length > 0 ? await store.getReports(members) : [];
    const copies = reports.filter((r): r is ReportRecord => r !== null && isCopy(r.signature, signature));
    const group = [id, ...copies.map((c) => (c.analysisVersion === version ? c.copyGroup : c.id))].sort()[0]!;
    return { group, copies };
  }

  /** Re-analyse one report with this engine, unless it is gone or at this version already. */
  async function reindexReport(id: string): Promise<'reanalysed' | 'current' | 'gone'> {
    const report = await store.getReport(id);
    if (!report) return 'gone';
    if (report.analysisVersion === version) return 'current';
    const text = (await store.getReportText(id)) ?? (await storedText(store, report));
    const input = {
      source: report.source,
      text,
      title: report.title,
      url: report.url,
      publishedAt: report.publishedAt,
    };
    const analysis = analyzeInput(input, `report ${id}`);
    const index = reportIndexOf(analysis, text);
    const { group, copies } = await copiesOf(id, analysis.signature);
    // The content hash and length stay the ingest's: they are the report's identity (its guard), not analysis.
    const next: ReportRecord = {
      ...reportRecordOf(id, input, analysis, report.ingestedAt, group, version),
      contentHash: report.contentHash,
      textLength: report.textLength,
    };
    refuseUnstorable(store, `report ${id}`, next, index);
    if (!(await store.replaceReportIndex(report, next, index))) return 'current';
    // Copies re-analysed at the same moment each saw the other's old record: groups only move down, so they meet.
    await Promise.all(
      copies
        .filter((c) => c.analysisVersion === version && c.copyGroup > group)
        .map((c) => store.lowerCopyGroup(c.id, group)),
    );
    countMetric('reportsReindexed');
    return 'reanalysed';
  }

  /** Re-analyse a claim (its terms move with it) unless it is at this version, then re-check it on the new index. */
  async function reindexClaim(id: string): Promise<'reanalysed' | 'current' | 'gone'> {
    const claim = await store.getClaim(id);
    if (!claim) return 'gone';
    let outcome: 'reanalysed' | 'current' = 'current';
    if (claim.analysisVersion !== version) {
      const analysis = analyzeClaim(claim.text);
      if (analysis.terms.length === 0)
        throw new AppError('BAD_USER_INPUT', `claim ${id}: the new engine finds no content words in it`);
      await store.replaceClaimAnalysis(
        claim,
        { analysis, analysisVersion: version },
        { previous: claimTermsOf(claim.analysis), next: claimTermsOf(analysis) },
      );
      outcome = 'reanalysed';
    }
    await deps.recheckClaims([id]);
    return outcome;
  }

  /** Work one listed page; refusals of the new engine are recorded on the page, anything else is retried. */
  async function workPage(phase: ReindexScanPhase, key: string): Promise<void> {
    const page = await store.getReindexPage(version, phase, key);
    if (!page || page.status === 'done') return;
    let done = 0;
    const failures: Array<{ id: string; error: string }> = [];
    for (const id of page.ids) {
      try {
        await (phase === 'reports' ? reindexReport(id) : reindexClaim(id));
        done += 1;
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'BAD_USER_INPUT')) throw e;
        logger.warn('re-index: the new engine refused an item', { id, error: e.message });
        failures.push({ id, error: e.message });
      }
    }
    const run = await store.completeReindexPage({ ...page, failures }, { done, failed: failures.length });
    if (run) await finishPhaseIfDone(run);
  }

  /** List the next pages of a phase from where the run's scan stands, queue them, and hand on. */
  async function scan(phase: ReindexScanPhase): Promise<void> {
    const run = await store.getReindexRun(version);
    if (!run || run.phase !== phase || run.scanned) return;
    const pages: ReindexPage[] = [];
    let position = run.cursor;
    do {
      // A page is fixed by the position it was listed from: a repeat of this step finds the same pages.
      const pageKey = digest(position ?? '');
      const listed =
        (await store.getReindexPage(version, phase, pageKey)) ??
        (await store.putReindexPage(await listPage(phase, position, pageKey)));
      pages.push(listed);
      position = listed.next;
    } while (position !== null && pages.length < PAGES_PER_SCAN);
    const open = pages.filter((p) => p.status === 'open');
    await queue.enqueue(open.map((p) => ({ kind: 'page', version, phase, page: p.key })));
    const items = pages.reduce((n, p) => n + p.ids.length, 0);
    const after = await store.advanceReindexScan(version, phase, run.cursor, position, { items, pages: pages.length });
    if (!after) return; // another scan of this run got here first and goes on
    if (position !== null) await queue.enqueue([{ kind: 'scan', version, phase }]);
    else await finishPhaseIfDone(after);
  }

  async function listPage(phase: ReindexScanPhase, after: string | null, key: string): Promise<ReindexPage> {
    const query = { first: REINDEX_PAGE_SIZE, after };
    const listed =
      phase === 'reports'
        ? await store.listReports({ ...query, oldestFirst: true })
        : await store.listClaims({ ...query, order: 'created' });
    return {
      version,
      phase,
      key,
      ids: listed.edges.map((e) => e.node.id),
      next: listed.pageInfo.hasNextPage ? listed.pageInfo.endCursor : null,
      status: 'open',
    };
  }

  /** Once a phase's scan is over and no page of it is open, the next phase starts (exactly once). */
  async function finishPhaseIfDone(run: ReindexRun): Promise<void> {
    if (run.phase === 'done' || !run.scanned || run.openPages > 0) return;
    const phase = run.phase;
    // The counters say so; the pages themselves decide (a counter can trail a stop).
    if ((await store.openReindexPages(version, phase)).length > 0) return;
    if (!(await store.advanceReindexPhase(version, phase, now()))) return;
    if (phase === 'reports') await queue.enqueue([{ kind: 'scan', version, phase: 'claims' }]);
    else logger.info('re-index finished', { version });
  }

  async function startReindex(): Promise<ReindexRun> {
    const counters = await store.counters();
    const fresh: ReindexRun = {
      version,
      phase: 'reports',
      startedAt: now(),
      expected: counters,
      reports: { seen: 0, done: 0, failed: 0 },
      claims: { seen: 0, done: 0, failed: 0 },
      cursor: null,
      scanned: false,
      openPages: 0,
    };
    if (await store.createReindexRun(fresh)) {
      logger.info('re-index started', { version, reports: counters.reports, claims: counters.claims });
      await queue.enqueue([{ kind: 'scan', version, phase: 'reports' }]);
      return fresh;
    }
    // A run to this version exists: queue again what it still has to do (what was queued may be lost).
    const run = (await store.getReindexRun(version))!;
    if (run.phase === 'done') return run;
    const phase = run.phase;
    const open = await store.openReindexPages(version, phase);
    await queue.enqueue([
      ...(run.scanned ? [] : [{ kind: 'scan' as const, version, phase }]),
      ...open.map((p): ReindexJob => ({ kind: 'page', version, phase, page: p.key })),
    ]);
    await finishPhaseIfDone({ ...run, openPages: Math.min(run.openPages, open.length) });
    return (await store.getReindexRun(version)) ?? run;
  }

  async function runReindexJob(job: ReindexJob): Promise<void> {
    if (job.version !== version) {
      // Another engine's run (an older deployment's, or a newer one's still rolling out): not ours to do.
      logger.warn('re-index job for another engine version skipped', { job: job.version, engine: version });
      return;
    }
    if (job.kind === 'scan') await scan(job.phase);
    else await workPage(job.phase, job.page);
  }

  return {
    startReindex,
    reindexStatus: () => store.getReindexRun(version),
    runReindexJob,
  };
}

export interface ReindexProgress {
  total: number;
  done: number;
  failed: number;
}

/**
 * What a run has done against what it has to do, per phase and in all. Until a phase's scan has listed
 * everything, its total is the larger of what it listed and the corpus counter at the start.
 */
export function reindexProgress(
  run: ReindexRun,
): ReindexProgress & { reports: ReindexProgress; claims: ReindexProgress } {
  const of = (phase: 'reports' | 'claims'): ReindexProgress => {
    const counts = run[phase];
    const listedAll =
      run.phase === 'done' || (run.phase === 'claims' && phase === 'reports') || (run.phase === phase && run.scanned);
    return {
      total: listedAll ? counts.seen : Math.max(counts.seen, run.expected[phase]),
      done: counts.done,
      failed: counts.failed,
    };
  };
  const reports = of('reports');
  const claims = of('claims');
  return {
    total: reports.total + claims.total,
    done: reports.done + claims.done,
    failed: reports.failed + claims.failed,
    reports,
    claims,
  };
}
