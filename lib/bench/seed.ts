// Bulk seeding for the benchmark's large steps: reports reach the store with the items
// ingest writes (statements, report, guards, counters, sources: the same builders as
// lib/app/ingest.ts; their postings and copy bands go straight into one merged batch of the
// term index per call, as a merge would write them), but in full batch writes and without
// re-checking claims, so 10,000 reports load in well under a minute. Copy groups are
// decided in memory with the engine's own test (isCopy) against everything seeded or
// remembered. The benchmark then measures real ingests on top of this corpus.
import { isCopy } from '../domain/index.js';
import { engineVersion } from '../engineVersion.js';
import { analyzeInput, reportIndexOf, reportRecordOf, urlHashOf } from '../app/ingest.js';
import { randomIds, systemClock } from '../app/ports.js';
import type { IngestReportInput, ReportRecord } from '../app/types.js';
import { sourceKeyOf, validateReport } from '../app/validate.js';
import type { ImportedReport, Store } from '../app/ports.js';

export interface Seeder {
  /** Load reports in bulk; repeats (same source and content, or same URL) are skipped as ingest would. */
  seed(inputs: IngestReportInput[]): Promise<number>;
  /** Make a report ingested the ordinary way known to later copy-group decisions. */
  remember(report: ReportRecord): void;
}

/** Reports per importReports call: bounded memory, full batches. */
const CHUNK = 500;

export function createSeeder(store: Store, version = engineVersion()): Seeder {
  const byBand = new Map<string, ReportRecord[]>();
  const seen = new Set<string>();
  const remember = (report: ReportRecord) => {
    for (const band of report.signature.bands) byBand.set(band, [...(byBand.get(band) ?? []), report]);
    seen.add(`c:${report.sourceKey}#${report.contentHash}`);
    if (report.url) seen.add(`u:${urlHashOf(report.url)}`);
  };

  function prepare(input: IngestReportInput): ImportedReport | undefined {
    const valid = validateReport(input);
    const analysis = analyzeInput(valid);
    const urlHash = urlHashOf(valid.url);
    if (seen.has(`c:${sourceKeyOf(valid.source)}#${analysis.contentHash}`) || (urlHash && seen.has(`u:${urlHash}`)))
      return undefined;
    const candidates = new Set(analysis.signature.bands.flatMap((b) => byBand.get(b) ?? []));
    const copies = [...candidates]
      .filter((r) => isCopy(r.signature, analysis.signature))
      .sort((a, b) => a.ingestedAt.localeCompare(b.ingestedAt));
    const id = randomIds.newId('rep');
    const report = reportRecordOf(
      id,
      valid,
      analysis,
      systemClock.now().toISOString(),
      copies[0]?.copyGroup ?? id,
      version,
    );
    remember(report);
    return { report, index: reportIndexOf(analysis, valid.text), urlHash };
  }

  return {
    remember,
    async seed(inputs) {
      let loaded = 0;
      let writing: Promise<void> = Promise.resolve();
      for (let i = 0; i < inputs.length; i += CHUNK) {
        // Analyse the next chunk while the store writes the previous one.
        const batch = inputs.slice(i, i + CHUNK).flatMap((input) => prepare(input) ?? []);
        await writing;
        writing = batch.length > 0 ? store.importReports(batch) : Promise.resolve();
        loaded += batch.length;
      }
      await writing;
      return loaded;
    },
  };
}
