// Runs an eval set through the app, exactly as the API would: ingest the reports,
// submit each claim, read its verdict and evidence. Each scenario gets a fresh
// table on one embedded store, starting from the base corpus.
import type { App } from '../app/types.js';
import { loadConfig } from '../config.js';
import { LIMITS } from '../app/limits.js';
import { createRuntime } from '../runtime.js';
import { eachLimited } from '../eachLimited.js';
import { startEmbeddedDynamo } from '../store/embedded.js';
import { confidenceBasis } from '../domain/verdict.js';
import type { CaseResult } from './score.js';
import type { EvalCase, EvalReport, EvalSet } from './evalFile.js';

/** Scenarios judged at once. */
const SCENARIO_CONCURRENCY = 4;

async function ingestAll(app: App, reports: EvalReport[]): Promise<Map<string, string>> {
  const idToFile = new Map<string, string>();
  for (let i = 0; i < reports.length; i += LIMITS.reportsPerBatch) {
    const batch = reports.slice(i, i + LIMITS.reportsPerBatch);
    const results = await app.ingestReports(batch.map((r) => r.input));
    results.forEach((r, j) => {
      // A verbatim copy from the same source is stored once; keep the first file name.
      if (!idToFile.has(r.report.id)) idToFile.set(r.report.id, batch[j]!.file);
    });
  }
  return idToFile;
}

async function judgeCases(app: App, cases: EvalCase[], idToFile: Map<string, string>): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const c of cases) {
    const { claim } = await app.submitClaim({ text: c.claim });
    // One full page, strongest first: the confidence basis counts every item (eval claims have far fewer than 100).
    const evidence = await app.listEvidence(claim.id, { first: LIMITS.pageSizeMax });
    const listed = evidence.edges.map(({ node }) => ({
      report: idToFile.get(node.reportId) ?? node.reportId,
      stance: node.stance,
      rule: node.rule,
      sentence: node.sentence,
      reason: node.reason,
    }));
    const cited = new Map(listed.map((e) => [e.report, e.stance]));
    out.push({
      id: c.id,
      expect: c.expect,
      got: claim.verdict,
      confidence: claim.confidence,
      basis: confidenceBasis(
        claim.verdict,
        evidence.edges.map((e) => e.node),
      ),
      // The strongest evidence item is the one the verdict rests on (contradictions first, then support).
      decidedBy: evidence.edges[0]?.node.rule ?? 'NO_EVIDENCE',
      evidence: listed,
      stances: (c.evidence ?? []).map((e) => ({
        report: e.report,
        expect: e.stance,
        got: cited.get(e.report) ?? 'MENTIONS',
      })),
    });
  }
  return out;
}

export async function runEval(
  set: EvalSet,
  progress: (done: number, total: number) => void = () => {},
): Promise<CaseResult[]> {
  const embedded = await startEmbeddedDynamo();
  const total = set.cases.length + set.scenarios.reduce((n, s) => n + s.cases.length, 0);
  let done = 0;
  let table = 0;
  const withApp = async <T>(fn: (app: App) => Promise<T>): Promise<T> => {
    // The engine's settings only, never the environment's, except the term index's: its merge and fan-in
    // thresholds forced low run every read through the levels (docs/operations.md, "The term index").
    const { TERM_INDEX_MERGE_AT, TERM_INDEX_FAN_IN, TERM_INDEX_FAN_IN_ABOVE } = process.env;
    const config = {
      ...loadConfig({ TERM_INDEX_MERGE_AT, TERM_INDEX_FAN_IN, TERM_INDEX_FAN_IN_ABOVE }),
      dynamoEndpoint: embedded.endpoint,
      tableName: `eval-${table++}`,
    };
    const runtime = await createRuntime(config);
    try {
      return await fn(runtime.app);
    } finally {
      await runtime.close();
    }
  };
  try {
    const results: CaseResult[] = [];
    if (set.cases.length > 0) {
      results.push(...(await withApp(async (app) => judgeCases(app, set.cases, await ingestAll(app, set.base)))));
      done += set.cases.length;
      progress(done, total);
    }
    // Scenarios are independent (own table): run a few at once so store round trips overlap.
    const scenarioResults: CaseResult[][] = new Array(set.scenarios.length);
    await eachLimited(set.scenarios, SCENARIO_CONCURRENCY, async (scenario, i) => {
      scenarioResults[i] = await withApp(async (app) =>
        judgeCases(app, scenario.cases, await ingestAll(app, [...set.base, ...scenario.reports])),
      );
      done += scenario.cases.length;
      progress(done, total);
    });
    return [...results, ...scenarioResults.flat()];
  } finally {
    await embedded.close();
  }
}
