// Ingesting and deleting reports. Writes are ordered so that a failure half-way
// leaves nothing visible: statements, postings and copy bands first, the report
// item (which makes it visible) last. Guards make a repeat of the same report
// (same URL, or same source + content) return the stored one, even under concurrency.
import { createHash } from 'node:crypto';
import { analyzeReport, isCopy, postingsOf } from '../domain/index.js';
import { AppError, badInput, notFound } from '../errors.js';
import { countMetric } from '../observability.js';
import type { ReportGuard, ReportIndex, Store } from '../store/port.js';
import { LIMITS } from './limits.js';
import type { Clock, IdGen } from './ports.js';
import { admitReports, type WriterScope } from './sources.js';
import type { DeleteReportResult, IngestReportInput, IngestResult, ReportRecord } from './types.js';
import { sourceKeyOf, validateReport, type ValidReport } from './validate.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long a repeat waits for the first writer of the same report to finish. */
const WAIT_FOR_OTHER_WRITER_MS = 5_000;

export const urlHashOf = (url: string | undefined): string | undefined => (url ? sha256(url) : undefined);

type Analysis = ReturnType<typeof analyzeReport>;

/** The engine's reading of a report; a report with no sentences left is refused. */
export function analyzeInput(input: ValidReport): Analysis {
  const analysis = analyzeReport({
    text: input.text,
    ...(input.title ? { title: input.title } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  });
  if (analysis.statements.length === 0) throw badInput('input.text', 'has no sentences left once page boilerplate is removed');
  return analysis;
}

/**
 * What makes a report findable: its statements, a posting per term (with the statements holding it,
 * and the statements that refer back to one holding it), its copy bands.
 */
export function reportIndexOf(analysis: Analysis): ReportIndex {
  return { statements: analysis.statements, postings: postingsOf(analysis.statements), bands: analysis.signature.bands };
}

export function reportRecordOf(id: string, input: ValidReport, analysis: Analysis, ingestedAt: string, copyGroup: string): ReportRecord {
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
    terms: analysis.terms,
  };
}

/**
 * Share of a claim's watch terms (its names, or all its terms when it names nothing) a
 * report must hold before it can change the claim's verdict. Watching names keeps the
 * number of re-checks per report flat as claims pile up on common words.
 */
const AFFECTS_SHARE = 0.34;

export async function claimsAffectedBy(store: Store, terms: string[]): Promise<string[]> {
  if ((await store.counters()).claims === 0) return []; // a fresh corpus: nothing to re-check
  const hits = await store.claimsForTerms(terms, 'watch');
  return [...hits.entries()].filter(([, h]) => h.hits >= Math.max(1, Math.ceil(h.termCount * AFFECTS_SHARE))).map(([id]) => id);
}

export function createIngest(deps: { store: Store; clock: Clock; ids: IdGen; afterChange: (claimIds: string[]) => Promise<void> }) {
  const { store, clock, ids, afterChange } = deps;

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
    const copies = reports.filter((r) => isCopy(r.signature, signature)).sort((a, b) => a.ingestedAt.localeCompare(b.ingestedAt));
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
    const copies = (await store.getReports(members)).filter((r): r is ReportRecord => r !== null && isCopy(r.signature, report.signature));
    if (copies.length === 0) return report;
    const group = [report, ...copies].map((r) => r.copyGroup).sort()[0]!;
    await Promise.all([report, ...copies].filter((r) => r.copyGroup > group).map((r) => store.lowerCopyGroup(r.id, group)));
    return { ...report, copyGroup: group };
  }

  /** Ingest one validated report; returns the affected claims instead of re-checking them. */
  async function ingestOne(input: ValidReport): Promise<{ report: ReportRecord; created: boolean; affected: string[] }> {
    const analysis = analyzeInput(input);
    const sourceKey = sourceKeyOf(input.source);
    const urlHash = urlHashOf(input.url);
    const urlGuard: ReportGuard | undefined = urlHash ? { kind: 'url', urlHash } : undefined;
    const contentGuard: ReportGuard = { kind: 'content', sourceKey, contentHash: analysis.contentHash };

    // Same URL: the same report, whatever its text now says.
    if (urlGuard) {
      const owner = await store.readReportGuard(urlGuard);
      const existing = owner ? await waitForReport(owner) : null;
      if (existing) return { report: existing, created: false, affected: [] };
    }
    let id = ids.newId('rep');
    const owner = await store.claimReportGuard(contentGuard, id);
    if (owner !== id) {
      const existing = await waitForReport(owner);
      if (existing) return { report: existing, created: false, affected: [] };
      id = owner; // the first writer stopped half-way: finish its work under its id
    }
    if (urlGuard) {
      const urlOwner = await store.claimReportGuard(urlGuard, id);
      if (urlOwner !== id) {
        const existing = await waitForReport(urlOwner);
        if (existing) {
          await store.releaseReportGuard(contentGuard, id);
          return { report: existing, created: false, affected: [] };
        }
      }
    }

    await store.putReportIndex(id, reportIndexOf(analysis));
    const ingestedAt = clock.now().toISOString();
    const report = reportRecordOf(id, input, analysis, ingestedAt, await copyGroupOf(id, analysis.signature));
    const created = await store.putReport(report);
    if (!created) return { report: (await store.getReport(id)) ?? report, created: false, affected: [] };
    const grouped = report.copyGroup === id ? await joinRacingCopies(report) : report;
    await Promise.all([store.addToCounters({ reports: 1 }), store.addToSource(sourceKey, input.source, 1)]);
    countMetric('reportsIngested');
    return { report: grouped, created: true, affected: await claimsAffectedBy(store, analysis.terms) };
  }

  async function ingestReport(input: IngestReportInput, scope?: WriterScope): Promise<IngestResult> {
    const valid = validateReport(input);
    await admitReports(store, [valid], ['input'], scope);
    const { report, created, affected } = await ingestOne(valid);
    await afterChange(affected);
    return { report, created, affectedClaims: affected.length };
  }

  async function ingestReports(inputs: IngestReportInput[], scope?: WriterScope): Promise<IngestResult[]> {
    if (!Array.isArray(inputs) || inputs.length === 0) throw badInput('input.reports', 'must hold at least one report');
    if (inputs.length > LIMITS.reportsPerBatch) {
      throw badInput('input.reports', `holds ${inputs.length} reports; the limit is ${LIMITS.reportsPerBatch} per batch`);
    }
    // Validate the whole batch before writing any of it.
    const valid = inputs.map((input, i) => validateReport(input, `input.reports[${i}]`));
    await admitReports(store, valid, valid.map((_, i) => `input.reports[${i}]`), scope);
    const results: Array<{ report: ReportRecord; created: boolean; affected: string[] }> = [];
    for (const v of valid) results.push(await ingestOne(v));
    const affected = [...new Set(results.flatMap((r) => r.affected))];
    await afterChange(affected);
    return results.map((r) => ({ report: r.report, created: r.created, affectedClaims: r.affected.length }));
  }

  async function deleteReport(id: string, scope?: WriterScope): Promise<DeleteReportResult> {
    const report = await store.getReport(id);
    if (!report) throw notFound('id', 'report', id);
    if (scope?.sources && !scope.sources.includes(report.sourceKey)) {
      throw new AppError('FORBIDDEN', `id: this API key may only delete reports of ${scope.sources.join(', ')}, not of "${report.source}"`, 'id');
    }
    await store.deleteReport(report, urlHashOf(report.url));
    await Promise.all([store.addToCounters({ reports: -1 }), store.addToSource(report.sourceKey, report.source, -1)]);
    const affected = await claimsAffectedBy(store, report.terms);
    await afterChange(affected);
    return { report, affectedClaims: affected.length };
  }

  return { ingestReport, ingestReports, deleteReport };
}
