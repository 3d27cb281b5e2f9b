// Ingesting and deleting reports. Writes are ordered so that a failure half-way
// leaves nothing visible: statements, postings and copy bands first, the report
// item (which makes it visible) last. Guards make a repeat of the same report
// (same URL, or same source + content) return the stored one, even under concurrency.
import { createHash } from 'node:crypto';
import { analyzeReport, isCopy, isTimeKey, postingsOf } from '../domain/index.js';
import { AppError, badInput, notFound } from '../errors.js';
import { countMetric, logger } from '../observability.js';
import { sleep } from '../backoff.js';
import type { Clock, IdGen, ReportGuard, ReportIndex, Store } from './ports.js';
import { LIMITS } from './limits.js';
import { indexableIndex, isIndexableTerm, refuseUnstorable } from './reportFit.js';
import { admitReports, type WriterScope } from './sources.js';
import type { DeleteReportResult, IngestReportInput, IngestResult, ReportRecord } from './types.js';
import { sourceKeyOf, validateReport, type ValidReport } from './validate.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** How long a repeat waits for the first writer of the same report to finish. */
const WAIT_FOR_OTHER_WRITER_MS = 5_000;

export const urlHashOf = (url: string | undefined): string | undefined => (url ? sha256(url) : undefined);

type Analysis = ReturnType<typeof analyzeReport>;

/** The engine's reading of a report; a report with no sentences left is refused. */
export function analyzeInput(input: ValidReport, field = 'input.text'): Analysis {
  const analysis = analyzeReport({
    text: input.text,
    ...(input.title ? { title: input.title } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  });
  if (analysis.statements.length === 0) throw badInput(field, 'has no sentences left once page boilerplate is removed');
  return analysis;
}

/**
 * What makes a report findable: its statements, a posting per term (with the statements holding it,
 * and the statements that refer back to one holding it), its copy bands. Terms no claim can hold are
 * left out (see isIndexableTerm).
 */
export function reportIndexOf(analysis: Analysis, text: string): ReportIndex {
  return indexableIndex({
    text,
    statements: analysis.statements,
    postings: postingsOf(analysis.statements),
    bands: analysis.signature.bands,
  });
}

/**
 * Postings only where retrieval reads them: a term's postings are read POSTINGS_PER_TERM at a
 * time in sort-key order, and report ids sort by time, so once retrieval has found a term in
 * that many reports a newer report's posting for it is never read. Example: with "said" found in
 * 100 reports, report 101 writes no posting for "said"; its postings for rarer words are written.
 * (A term that falls below the cap again through deletes is written again once a re-check sees it.)
 */
export function withoutCommonPostings(index: ReportIndex, common: ReadonlyMap<string, number>): ReportIndex {
  if (common.size === 0) return index;
  return { ...index, postings: index.postings.filter((p) => !common.has(p.term)) };
}

export function reportRecordOf(
  id: string,
  input: ValidReport,
  analysis: Analysis,
  ingestedAt: string,
  copyGroup: string,
  analysisVersion: string,
): ReportRecord {
  return {
    id,
    source: input.source,
    sourceKey: sourceKeyOf(input.source),
    title: input.title,
    url: input.url,
    publishedAt: input.publishedAt,
    ingestedAt,
    contentHash: analysis.contentHash,
    textLength: input.text.length,
    statementCount: analysis.statements.length,
    copyGroup,
    signature: analysis.signature,
    terms: analysis.terms.filter(isIndexableTerm),
    profile: analysis.profile,
    analysisVersion,
  };
}

/** What one report's ingest did: the claims it may change (to re-check), and whether it owes that re-check. */
interface Outcome {
  report: ReportRecord;
  created: boolean;
  affected: string[];
  /** the report's counting, started as soon as it is visible and awaited in settle: it need not delay the re-check */
  counting?: Promise<unknown>;
}

/** A promise that settles to its error instead of rejecting, so nobody has to await it at once. */
const settled = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e ?? new Error('failed'),
  );

/** A validated report with its analysis, checked to fit the store: nothing is written before every report of a call is prepared. */
interface PreparedReport {
  input: ValidReport;
  analysis: Analysis;
  index: ReportIndex;
}

/**
 * Share of a claim's watch terms (its names, or all its terms when it names nothing) a
 * report must hold before it can change the claim's verdict. Watching names keeps the
 * number of re-checks per report flat as claims pile up on common words.
 */
const AFFECTS_SHARE = 0.34;

export async function claimsAffectedBy(store: Store, terms: string[]): Promise<string[]> {
  if ((await store.counters()).claims === 0) return []; // a fresh corpus: nothing to re-check
  const indexable = terms.filter(isIndexableTerm);
  // The claim's time of day alone is enough: it names one moment of one event (timeKeysOf). A claim a time key
  // reaches is in either way, so the share is counted over the words alone, and no key is read twice.
  const times = indexable.filter(isTimeKey);
  const [hits, timed] = await Promise.all([
    store.claimsForTerms(
      indexable.filter((t) => !isTimeKey(t)),
      'watch',
    ),
    times.length > 0 ? store.claimsForTerms(times, 'watch') : new Map<string, unknown>(),
  ]);
  const byShare = [...hits.entries()]
    .filter(([, h]) => h.hits >= Math.max(1, Math.ceil(h.termCount * AFFECTS_SHARE)))
    .map(([id]) => id);
  return [...new Set([...byShare, ...timed.keys()])];
}

export function createIngest(deps: {
  store: Store;
  clock: Clock;
  ids: IdGen;
  afterChange: (claimIds: string[], causes: Record<string, string>) => Promise<void>;
  /** stamped on every report this ingest analyses (lib/domain/version.ts) */
  analysisVersion: string;
  /** terms retrieval found common in this instance (lib/app/recheck.ts) */
  common?: ReadonlyMap<string, number>;
}) {
  const { store, clock, ids, afterChange, analysisVersion } = deps;
  const common = deps.common ?? new Map<string, number>();

  async function waitForReport(id: string): Promise<ReportRecord | null> {
    const deadline = Date.now() + WAIT_FOR_OTHER_WRITER_MS;
    for (let attempt = 0; ; attempt++) {
      const report = await store.getReport(id);
      if (report || Date.now() > deadline) return report;
      await sleep(Math.min(500, 20 * 2 ** attempt));
    }
  }

  async function copyGroupOf(id: string, signature: ReportRecord['signature']): Promise<string> {
    const members = (await store.bandMembers(signature.bands)).filter((m) => m !== id);
    if (members.length === 0) return id;
    const reports = (await store.getReports(members)).filter((r): r is ReportRecord => r !== null);
    const copies = reports
      .filter((r) => isCopy(r.signature, signature))
      .sort((a, b) => a.ingestedAt.localeCompare(b.ingestedAt));
    return copies[0]?.copyGroup ?? id;
  }

  /**
   * A report that started a copy group of its own may have raced copies stored at the same moment
   * (each saw none of the others). Once it is visible, it and every copy it now sees move to the
   * smallest group id among them. Groups only ever get smaller, and the last of the racers to
   * become visible sees them all, so the stored groups converge whatever the timing.
   */
  async function joinRacingCopies(report: ReportRecord): Promise<ReportRecord> {
    const members = (await store.bandMembers(report.signature.bands)).filter((m) => m !== report.id);
    if (members.length === 0) return report;
    const copies = (await store.getReports(members)).filter(
      (r): r is ReportRecord => r !== null && isCopy(r.signature, report.signature),
    );
    if (copies.length === 0) return report;
    const group = [report, ...copies].map((r) => r.copyGroup).sort()[0]!;
    await Promise.all(
      [report, ...copies].filter((r) => r.copyGroup > group).map((r) => store.lowerCopyGroup(r.id, group)),
    );
    return { ...report, copyGroup: group };
  }

  function prepare(valid: ValidReport, prefix: string): PreparedReport {
    const analysis = analyzeInput(valid, `${prefix}.text`);
    const index = withoutCommonPostings(reportIndexOf(analysis, valid.text), common);
    // Sized as stored; the id and copy group stand in at their usual length.
    refuseUnstorable(
      store,
      `${prefix}.text`,
      reportRecordOf(ids.newId('rep'), valid, analysis, clock.now().toISOString(), ids.newId('rep'), analysisVersion),
      index,
    );
    return { input: valid, analysis, index };
  }

  /**
   * The stored report owning a guard, or undefined when its owner never made it visible
   * (it failed or crashed half-way). `stale` remembers owners already waited for.
   */
  async function ownerReport(owner: string, stale: Set<string>): Promise<ReportRecord | undefined> {
    if (stale.has(owner)) return (await store.getReport(owner)) ?? undefined;
    const report = await waitForReport(owner);
    if (!report) stale.add(owner);
    return report ?? undefined;
  }

  /** Ingest one prepared report; returns the affected claims instead of re-checking them. */
  async function ingestOne({ input, analysis, index }: PreparedReport): Promise<Outcome> {
    const sourceKey = sourceKeyOf(input.source);
    const urlHash = urlHashOf(input.url);
    const urlGuard: ReportGuard | undefined = urlHash ? { kind: 'url', urlHash } : undefined;
    const contentGuard: ReportGuard = { kind: 'content', sourceKey, contentHash: analysis.contentHash };
    const stale = new Set<string>();

    // Same URL: the same report, whatever its text now says.
    if (urlGuard) {
      const owner = await store.readReportGuard(urlGuard);
      const existing = owner ? await ownerReport(owner, stale) : undefined;
      if (existing) return finishOwed(existing);
    }
    let id = ids.newId('rep');
    const owner = await store.claimReportGuard(contentGuard, id);
    if (owner !== id) {
      const existing = await ownerReport(owner, stale);
      if (existing) return finishOwed(existing);
      id = owner; // the first writer stopped half-way: finish its work under its id
    }
    const held: ReportGuard[] = [contentGuard];
    let visible = false;
    try {
      if (urlGuard) {
        let urlOwner = await store.claimReportGuard(urlGuard, id);
        if (urlOwner !== id) {
          const existing = await ownerReport(urlOwner, stale);
          if (existing) {
            await store.releaseReportGuard(contentGuard, id);
            return finishOwed(existing);
          }
          // Its owner never stored a report: the URL is free, or one URL would name several reports.
          urlOwner = await store.replaceReportGuard(urlGuard, urlOwner, id);
          if (urlOwner !== id)
            throw new AppError(
              'CONFLICT',
              `input.url: another report with this URL is being ingested right now; retry`,
              'input.url',
            );
        }
        held.push(urlGuard);
      }

      await store.putReportIndex(id, index);
      const ingestedAt = clock.now().toISOString();
      const report: ReportRecord = {
        ...reportRecordOf(id, input, analysis, ingestedAt, await copyGroupOf(id, analysis.signature), analysisVersion),
        owesCounters: true,
        owesRecheck: true,
      };
      const created = await store.putReport(report);
      visible = true;
      if (!created) return finishOwed((await store.getReport(id)) ?? report);
      const grouped = report.copyGroup === id ? await joinRacingCopies(report) : report;
      const counting = settled(store.countReportOnce(report, 1));
      countMetric('reportsIngested');
      return {
        report: { ...grouped, owesCounters: false },
        created: true,
        affected: await claimsAffectedBy(store, analysis.terms),
        counting,
      };
    } catch (e) {
      // Nothing of a report that never became visible stays behind: no guard names it, no index item points at it.
      if (!visible) await undo(id, index, held);
      throw e;
    }
  }

  /**
   * A stored report found again (a repeat, or a re-send after a crash): finish what it still owes.
   * Its first writer counts it right after storing it, so a report this fresh gets a moment first.
   */
  async function finishOwed(found: ReportRecord): Promise<Outcome> {
    let report = found;
    const deadline = Date.parse(report.ingestedAt) + WAIT_FOR_OTHER_WRITER_MS;
    for (let attempt = 0; report.owesCounters && clock.now().getTime() < deadline; attempt++) {
      await sleep(Math.min(500, 20 * 2 ** attempt));
      report = (await store.getReport(report.id)) ?? report;
    }
    if (report.owesCounters) await store.countReportOnce(report, 1);
    return { report, created: false, affected: report.owesRecheck ? await claimsAffectedBy(store, report.terms) : [] };
  }

  /** Re-check (or queue) the claims the reports affect, then record that they owe nothing more. */
  async function settle(outcomes: Outcome[]): Promise<void> {
    // Which report each claim is re-checked for (the last one, in a batch): verdict events name it.
    const causes: Record<string, string> = {};
    for (const o of outcomes) for (const claimId of o.affected) causes[claimId] = o.report.id;
    const [rechecked, ...counted] = await Promise.all([
      settled(afterChange(Object.keys(causes), causes)),
      ...outcomes.map((o) => o.counting),
    ]);
    const failure = rechecked ?? counted.find((c) => c !== undefined);
    if (failure !== undefined) throw failure;
    await store.clearOwedRecheck(outcomes.filter((o) => o.report.owesRecheck).map((o) => o.report.id));
  }

  /**
   * The ingest that finds enough reports waiting in the term index's recent items merges them (the store
   * runs one merge at a time). A merge that fails is logged, not the ingest's failure: the next one resumes it.
   */
  async function mergeWhenDue(): Promise<void> {
    try {
      await store.mergeTermIndex(true);
    } catch (e) {
      logger.warn('term index merge failed; the next ingest resumes it', { error: (e as Error).message });
    }
  }

  async function undo(id: string, index: ReportIndex, guards: ReportGuard[]): Promise<void> {
    try {
      await store.removeReportIndex(id, index);
      await Promise.all(guards.map((g) => store.releaseReportGuard(g, id)));
    } catch (e) {
      // The store is failing: a later ingest of the same report takes over what is left (see ownerReport).
      logger.warn('could not undo a failed ingest', { reportId: id, error: (e as Error).message });
    }
  }

  async function ingestReport(input: IngestReportInput, scope?: WriterScope): Promise<IngestResult> {
    const valid = validateReport(input, 'input');
    await admitReports(store, [valid], ['input'], scope);
    const outcome = await ingestOne(prepare(valid, 'input'));
    await settle([outcome]);
    await mergeWhenDue();
    return { report: outcome.report, created: outcome.created, affectedClaims: outcome.affected.length };
  }

  async function ingestReports(inputs: IngestReportInput[], scope?: WriterScope): Promise<IngestResult[]> {
    if (!Array.isArray(inputs) || inputs.length === 0) throw badInput('input.reports', 'must hold at least one report');
    if (inputs.length > LIMITS.reportsPerBatch) {
      throw badInput(
        'input.reports',
        `holds ${inputs.length} reports; the limit is ${LIMITS.reportsPerBatch} per batch`,
      );
    }
    // Validate, admit, analyse and size the whole batch before writing any of it.
    const fields = inputs.map((_, i) => `input.reports[${i}]`);
    const valid = inputs.map((input, i) => validateReport(input, fields[i]));
    await admitReports(store, valid, fields, scope);
    const prepared = valid.map((v, i) => prepare(v, fields[i]!));
    const results: Outcome[] = [];
    try {
      for (const p of prepared) results.push(await ingestOne(p));
    } catch (e) {
      // The reports stored before the failure are visible: their claims are re-checked all the same.
      await settle(results).catch((late: unknown) =>
        logger.warn('re-check after a failed batch failed too', { error: (late as Error).message }),
      );
      throw e;
    }
    await settle(results);
    await mergeWhenDue();
    return results.map((r) => ({ report: r.report, created: r.created, affectedClaims: r.affected.length }));
  }

  async function deleteReport(id: string, scope?: WriterScope): Promise<DeleteReportResult> {
    const report = await store.getReport(id);
    if (!report) throw notFound('id', 'report', id);
    if (scope?.sources && !scope.sources.includes(report.sourceKey)) {
      throw new AppError(
        'FORBIDDEN',
        `id: this API key may only delete reports of ${scope.sources.join(', ')}, not of "${report.source}"`,
        'id',
      );
    }
    if (!(await store.deleteReport(report, urlHashOf(report.url)))) throw notFound('id', 'report', id);
    await store.countReportOnce(report, -1);
    const affected = await claimsAffectedBy(store, report.terms);
    await afterChange(affected, Object.fromEntries(affected.map((claimId) => [claimId, report.id])));
    return { report, affectedClaims: affected.length };
  }

  return { ingestReport, ingestReports, deleteReport };
}
