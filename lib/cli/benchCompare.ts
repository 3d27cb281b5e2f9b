// `npm run bench:compare -- <git-ref> [--quick]`: the benchmark of the engine at <git-ref> and of this
// checkout, one after the other in one run on this machine, and their ratios (new / old). Absolute
// times on a shared 2-core VM drift from run to run; ratios measured side by side hold.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const ref = args.find((a) => !a.startsWith('--'));
if (!ref) {
  console.error('usage: npm run bench:compare -- <git-ref> [--quick]');
  process.exit(2);
}
const passOn = args.filter((a) => a === '--quick');
const root = resolve('.');

interface BenchResult {
  read: { ratio: number; p50Ms: number };
  scale: Array<{ reports: number; ingestMsPerReport: number; submitClaimMs: number; claimReadMs: number }>;
  bundle: { bytes: number; initMs: number | null; coldStart?: { totalMs: number; importMs: number; assetsMs: number } };
  [k: string]: unknown;
}

function bench(dir: string): BenchResult {
  process.stderr.write(`\n== bench in ${dir}\n`);
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/bench.ts', '--json', ...passOn], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`bench failed in ${dir} (exit ${out.status})`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as BenchResult;
}

const worktree = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
execFileSync('git', ['worktree', 'add', '--detach', worktree, ref], { stdio: 'ignore' });
try {
  // The baseline runs on this checkout's installed packages: a dependency added since is simply unused there.
  if (!existsSync(join(worktree, 'node_modules')))
    symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
  const old = bench(worktree);
  const now = bench(root);
  const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 100) / 100);
  const rows = now.scale.map((s, i) => {
    const o = old.scale[i]!;
    return {
      reports: s.reports,
      ingest: {
        old: o.ingestMsPerReport,
        new: s.ingestMsPerReport,
        ratio: ratio(s.ingestMsPerReport, o.ingestMsPerReport),
      },
      submitClaim: { old: o.submitClaimMs, new: s.submitClaimMs, ratio: ratio(s.submitClaimMs, o.submitClaimMs) },
      claimRead: { old: o.claimReadMs, new: s.claimReadMs, ratio: ratio(s.claimReadMs, o.claimReadMs) },
    };
  });
  const first = now.scale[0]!;
  const last = now.scale.at(-1)!;
  const summary = {
    baseline: ref,
    scale: rows,
    growth: {
      ingest: ratio(last.ingestMsPerReport, first.ingestMsPerReport),
      submitClaim: ratio(last.submitClaimMs, first.submitClaimMs),
    },
    bundle: { old: old.bundle, new: now.bundle, ratio: ratio(now.bundle.bytes, old.bundle.bytes) },
    // A ref from before the bench measured it has none: then only the new figure shows.
    coldStart:
      old.bundle.coldStart && now.bundle.coldStart
        ? {
            total: ratio(now.bundle.coldStart.totalMs, old.bundle.coldStart.totalMs),
            import: ratio(now.bundle.coldStart.importMs, old.bundle.coldStart.importMs),
            assets: ratio(now.bundle.coldStart.assetsMs, old.bundle.coldStart.assetsMs),
          }
        : now.bundle.coldStart,
    readRatio: { old: old.read.ratio, new: now.read.ratio },
    new: now,
  };
  console.log(JSON.stringify(summary, null, 2));
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { stdio: 'ignore' });
  rmSync(worktree, { recursive: true, force: true });
}
