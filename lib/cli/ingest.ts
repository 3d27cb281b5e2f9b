// `npm run ingest -- <folder> [--graphql URL] [--key KEY]`
// Loads a folder of .txt reports with a manifest.json (see README): into the local
// embedded store directly (stop `npm start` first: the store has one owner), or
// through a running API (local or deployed) with --graphql.
import { LIMITS } from '../app/limits.js';
import type { IngestReportInput, IngestResult } from '../app/types.js';
import { loadConfig } from '../config.js';
import { loadCorpus } from '../eval/evalFile.js';
import { createRuntime } from '../runtime.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const folder = args.find((a, i) => !a.startsWith('--') && !['--graphql', '--key'].includes(args[i - 1] ?? ''));
if (!folder) {
  console.error(
    'usage: npm run ingest -- <folder with manifest.json> [--graphql http://localhost:4000/graphql] [--key API_KEY]',
  );
  process.exit(2);
}

const reports = loadCorpus(folder).map((r) => r.input);
const graphqlUrl = option('--graphql');
const key = option('--key');

async function viaGraphql(batch: IngestReportInput[]): Promise<Array<Pick<IngestResult, 'created'>>> {
  const response = await fetch(graphqlUrl!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({
      query: 'mutation($input: IngestReportsInput!) { ingestReports(input: $input) { results { created } } }',
      variables: { input: { reports: batch } },
    }),
  });
  const body = (await response.json()) as {
    data?: { ingestReports: { results: Array<{ created: boolean }> } };
    errors?: Array<{ message: string }>;
  };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!.ingestReports.results;
}

const config = loadConfig();
const runtime = graphqlUrl
  ? undefined
  : await createRuntime(config).catch((e: unknown) => {
      if ((e as Error).name !== 'StoreInUseError') throw e;
      console.error(
        `${(e as Error).message}\nIs \`npm start\` running? Stop it first, or ingest through the running server:\n  npm run ingest -- ${folder} --graphql http://localhost:${config.port}/graphql${config.apiKeys ? ' --key <API key>' : ''}`,
      );
      process.exit(1);
    });
let created = 0;
let done = 0;
try {
  // Batches small enough for the HTTP body limit when going through the API.
  const size = graphqlUrl ? 20 : LIMITS.reportsPerBatch;
  for (let i = 0; i < reports.length; i += size) {
    const batch = reports.slice(i, i + size);
    const results = runtime ? await runtime.app.ingestReports(batch) : await viaGraphql(batch);
    created += results.filter((r) => r.created).length;
    done += batch.length;
    process.stderr.write(`\ringested ${done}/${reports.length} reports`);
  }
  process.stderr.write('\n');
  console.log(`${done} reports read, ${created} new, ${done - created} already stored`);
} finally {
  await runtime?.close();
}
