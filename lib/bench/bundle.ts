// The Lambda bundle as the stack builds it (esbuild options mirror infra/stack.ts), staged as the stack stages
// it (assets/ copied beside index.mjs), and the timing of its import in a fresh process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { engineCodeDigest } from '../engineVersion.js';

export async function buildLambdaBundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    mainFields: ['module', 'main'],
    external: ['dynalite', '@graphql-yoga/render-graphiql'],
    define: { __ENGINE_CODE_DIGEST__: JSON.stringify(engineCodeDigest()) },
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    outfile,
    logLevel: 'silent',
  });
}

/**
 * Builds `entry` into a fresh folder with the repo's assets/ beside it, as the stack's afterBundling hook
 * does: module scope reads assets/manifest.json (the engine's analysis version), so a bundle without it
 * does not import. Returns the bundle's path.
 */
export async function stageLambdaBundle(entry: string, assets = 'assets'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-bundle-'));
  const bundle = join(dir, 'index.mjs');
  await buildLambdaBundle(entry, bundle);
  if (assets) cpSync(assets, join(dir, 'assets'), { recursive: true });
  return bundle;
}

/** The environment a Lambda container starts the GraphQL function with (no request is made, so no credentials). */
export const LAMBDA_ENV: NodeJS.ProcessEnv = {
  STORE: 'aws',
  TABLE_NAME: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  LOG_LEVEL: 'ERROR',
};

export interface ImportTiming {
  /** Wall milliseconds of `await import(bundle)`. */
  ms: number;
  /** CPU milliseconds of the process up to the import's end (Node's own start included). */
  cpuMs: number;
}

/**
 * Imports `bundle` in a fresh Node process and returns how long it took. Throws, with the child's error,
 * when the import fails or prints no timing: a failed import is never read as a time.
 */
export function timeBundleImport(bundle: string, env: NodeJS.ProcessEnv = LAMBDA_ENV): ImportTiming {
  const script = `const t = performance.now(); await import(${JSON.stringify(bundle)}); const c = process.cpuUsage(); console.log(JSON.stringify({ importTiming: { ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000 } }));`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  const why = () =>
    (out.error?.message ?? out.stderr.split('\n').find((l) => /^[\w.]*Error\b/.test(l)) ?? out.stderr.trim()).slice(
      0,
      500,
    );
  if (out.status !== 0) throw new Error(`importing ${bundle} failed (exit ${out.status ?? out.signal}): ${why()}`);
  const line = out.stdout
    .trim()
    .split('\n')
    .find((l) => l.startsWith('{"importTiming"'));
  const timing = line ? (JSON.parse(line) as { importTiming: ImportTiming }).importTiming : undefined;
  if (!timing || !(timing.ms > 0) || !(timing.cpuMs > 0))
    throw new Error(`importing ${bundle} printed no timing: ${JSON.stringify(out.stdout.slice(-300))} ${why()}`);
  return timing;
}
