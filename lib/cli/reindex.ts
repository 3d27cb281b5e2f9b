// `npm run reindex [-- --graphql URL --key ADMIN_KEY]`
// Brings every stored report and claim up to this engine's analysis version (lib/app/reindex.ts),
// printing done / total, rate and time left as it goes. Locally it works the embedded store in this
// process (stop `npm start` first: the store has one owner); with --graphql it starts the re-index of a
// running deployment (the reindex mutation, an admin key) and follows its reindexStatus. Stopped at any
// point, the same command again resumes the run.
import { reindexProgress } from '../app/reindex.js';
import type { ReindexRun } from '../app/types.js';
import { loadConfig } from '../config.js';
import { createRuntime } from '../runtime.js';
import { progressLine } from './progress.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const graphqlUrl = option('--graphql');
const key = option('--key');
const POLL_MS = 1_000;

const STATUS_FIELDS = `version phase started finished total done failed
  reports { total done failed } claims { total done failed }`;

interface RemoteStatus {
  version: string;
  phase: string;
  total: number;
  done: number;
  failed: number;
}

async function graphql<T>(query: string): Promise<T> {
  const response = await fetch(graphqlUrl!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}

const local = (run: ReindexRun): RemoteStatus => ({ version: run.version, phase: run.phase, ...reindexProgress(run) });

async function follow(status: () => Promise<RemoteStatus | null>, finished: () => boolean): Promise<RemoteStatus> {
  const startedAt = Date.now();
  const first = await status();
  const base = first ? first.done + first.failed : 0;
  let last = first;
  for (;;) {
    last = (await status()) ?? last;
    if (last) {
      const handled = last.done + last.failed;
      process.stderr.write(`\r${progressLine(last, handled - base, Date.now() - startedAt)}\u001b[K`);
      if (last.phase === 'done' || last.phase === 'DONE') break;
    }
    if (finished()) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  process.stderr.write('\n');
  return last!;
}

if (graphqlUrl) {
  const started = await graphql<{ reindex: RemoteStatus }>(`mutation { reindex { ${STATUS_FIELDS} } }`);
  console.log(`re-index to ${started.reindex.version} started (${started.reindex.phase.toLowerCase()})`);
  const end = await follow(
    async () =>
      (await graphql<{ reindexStatus: RemoteStatus | null }>(`{ reindexStatus { ${STATUS_FIELDS} } }`)).reindexStatus,
    () => false,
  );
  console.log(`re-index to ${end.version}: ${end.done} done, ${end.failed} refused by the new engine`);
} else {
  const config = loadConfig();
  const runtime = await createRuntime(config).catch((e: unknown) => {
    if ((e as Error).name !== 'StoreInUseError') throw e;
    console.error(
      `${(e as Error).message}\nIs \`npm start\` running? Stop it first, or re-index through the running server:\n  npm run reindex -- --graphql http://localhost:${config.port}/graphql --key <admin key>`,
    );
    process.exit(1);
  });
  const queue = runtime.localReindex!;
  let failure: unknown;
  let stopping = false;
  queue.setRunner(async (job) => {
    try {
      await runtime.app.runReindexJob(job);
    } catch (e) {
      failure ??= e;
      queue.stop();
    }
  });
  process.once('SIGINT', () => {
    stopping = true;
    process.stderr.write('\nstopping: the jobs in flight finish, the rest stays in the store for the next run\n');
    queue.stop();
  });
  try {
    await runtime.app.startReindex();
    let idle = false;
    void queue.idle().then(() => {
      idle = true;
    });
    const end = await follow(
      async () => {
        const run = await runtime.app.reindexStatus();
        return run ? local(run) : null;
      },
      () => idle,
    );
    if (failure !== undefined || stopping) {
      if (failure !== undefined) console.error(`re-index stopped: ${(failure as Error).message ?? failure}`);
      console.error('run `npm run reindex` again to resume it');
      process.exitCode = 1;
    } else {
      console.log(`re-index to ${end.version}: ${end.done} done, ${end.failed} refused by the new engine`);
    }
  } finally {
    await runtime.close();
  }
}
