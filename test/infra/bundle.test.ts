// The Lambda bundle is part of the product: built with the stack's esbuild options, it
// must stay within 1.5 MB and must not carry the local-only embedded store.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLambdaBundle, stageLambdaBundle, timeBundleImport } from '../../lib/bench/bundle.js';
import { engineCodeDigest } from '../../lib/engineVersion.js';
import { describe, expect, it } from 'vitest';

describe('Lambda bundle', () => {
  it('is at most 1.5 MB and leaves dynalite and the GraphiQL page out', async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'index.mjs');
    await buildLambdaBundle('functions/graphql.ts', outfile);
    expect(statSync(outfile).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const code = readFileSync(outfile, 'utf8');
    expect(code).not.toContain('classic-level');
    // GraphiQL's 9 MB local page stays out: the bundle only names the module it would import.
    expect(code).toMatch(/import\("@graphql-yoga\/render-graphiql"\)/);
  });

  it('carries the engine code digest computed at build time: the bundle has no lib/domain to read', async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'index.mjs');
    await buildLambdaBundle('functions/reindex.ts', outfile);
    expect(statSync(outfile).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect(readFileSync(outfile, 'utf8')).toContain(engineCodeDigest());
  });

  it('keeps the webhook delivery worker small: no GraphQL server, no embedded store', async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'index.mjs');
    await buildLambdaBundle('functions/deliver.ts', outfile);
    expect(statSync(outfile).size).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    const code = readFileSync(outfile, 'utf8');
    expect(code).not.toContain('classic-level');
  });

  // The bench's init figure: a bundle that cannot import (here: no assets/ beside it, whose manifest module
  // scope reads) must come back as an error, not as a time of 0.
  it('imports in a fresh process when staged as the stack stages it; a failed import is an error, not a time', async () => {
    const timing = timeBundleImport(await stageLambdaBundle('functions/graphql.ts'));
    expect(Number.isFinite(timing.ms) && timing.ms > 0).toBe(true);
    expect(Number.isFinite(timing.cpuMs) && timing.cpuMs > 0).toBe(true);
    const bare = await stageLambdaBundle('functions/graphql.ts', '');
    expect(() => timeBundleImport(bare)).toThrow(/failed \(exit 1\): Error: no assets\/ folder/);
  }, 60_000);
});
