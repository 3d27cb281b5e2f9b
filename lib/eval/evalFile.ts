// Reading an eval file and its corpus (format: ../shared/eval/README.md).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { IngestReportInput } from '../app/types.js';
import type { Stance, Verdict } from '../domain/types.js';

export interface EvalCase {
  id: string;
  claim: string;
  expect: Verdict;
  why?: string;
  evidence?: Array<{ report: string; stance: Stance }>;
}

export interface EvalReport {
  /** file name as cases refer to it */
  file: string;
  input: IngestReportInput;
}

export interface EvalScenario {
  id: string;
  reports: EvalReport[];
  cases: EvalCase[];
}

export interface EvalSet {
  base: EvalReport[];
  cases: EvalCase[];
  scenarios: EvalScenario[];
}

interface ManifestEntry {
  file: string;
  source: string;
  publishedAt: string | null;
}

const basename = (p: string): string => p.split('/').at(-1) ?? p;

function reportFrom(
  path: string,
  source: string,
  publishedAt: string | null | undefined,
  file = basename(path),
): EvalReport {
  return { file, input: { source, text: readFileSync(path, 'utf8'), ...(publishedAt ? { publishedAt } : {}) } };
}

export function loadCorpus(dir: string): EvalReport[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { reports: ManifestEntry[] };
  return manifest.reports.map((r) => reportFrom(join(dir, r.file), r.source, r.publishedAt));
}

export function loadEvalSet(file: string): EvalSet {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const dir = dirname(resolve(file));
  const corpusDir = raw.corpus ? resolve(dir, raw.corpus) : undefined;
  const base = corpusDir ? loadCorpus(corpusDir) : [];
  const scenarios: EvalScenario[] = (raw.scenarios ?? []).map(
    (s: {
      id: string;
      addReports?: Array<{ copyOf?: string; file?: string; source: string; publishedAt?: string | null }>;
      cases: EvalCase[];
    }) => ({
      id: s.id,
      cases: s.cases,
      reports: (s.addReports ?? []).map((a) => {
        if (a.copyOf) {
          if (!corpusDir) throw new Error(`scenario ${s.id}: copyOf needs a corpus`);
          // A copy is cited under the original's file name plus its source, to tell them apart.
          return reportFrom(join(corpusDir, a.copyOf), a.source, a.publishedAt, `${a.copyOf}@${a.source}`);
        }
        if (!a.file) throw new Error(`scenario ${s.id}: each added report needs copyOf or file`);
        return reportFrom(resolve(dir, a.file), a.source, a.publishedAt);
      }),
    }),
  );
  return { base, cases: raw.cases ?? [], scenarios };
}
