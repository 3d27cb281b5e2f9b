// A child process for the crash tests: ingests a batch through the app over the
// persisted embedded store (dynalite in this same process), and kills itself with
// SIGKILL right after the Nth call of one store method, as a crash would stop it.
// With <method>:report it only prints a line per call, for the parent to kill it from outside.
// usage: tsx test/support/crashingBatch.ts <batch.json> <method>:<n|report>   (DATA_DIR from the env)
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../lib/config.js';
import { createRuntime } from '../../lib/runtime.js';

const [batchFile, dieAt] = process.argv.slice(2);
const [method, nth] = (dieAt ?? '').split(':');
const reports = JSON.parse(readFileSync(batchFile!, 'utf8'));
const runtime = await createRuntime(loadConfig({ ...process.env, SEED_DEMO: 'false' }));
const store = runtime.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
const original = store[method!]!.bind(store);
let calls = 0;
(store as Record<string, unknown>)[method!] = async (...args: unknown[]) => {
  const out = await original(...args);
  calls++;
  if (nth === 'report') process.stdout.write(`${method} ${calls}\n`);
  else if (calls === Number(nth)) process.kill(process.pid, 'SIGKILL');
  return out;
};
await runtime.app.ingestReports(reports);
// Reaching here means the crash point was never hit: the test treats a clean exit as a failure to crash.
await runtime.close();
