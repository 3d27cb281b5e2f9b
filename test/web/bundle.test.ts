// The dashboard's first load stays small (<= 200 KB of JavaScript, gzipped) and references nothing off
// the machine: the built index.html and every file it loads come from the server's own origin.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard } from '../support/dashboard.js';

const BUDGET_BYTES = 200 * 1024;
let dir: string;
beforeAll(() => {
  dir = buildDashboard();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Scripts and module preloads of index.html, then their static imports: what the first load fetches. */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const seen = new Set<string>();
  while (queue.length) {
    const src = queue.shift()!;
    if (seen.has(src)) continue;
    seen.add(src);
    const code = readFileSync(join(dir, src), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g))
      queue.push(`/assets/${m[1]}`);
  }
  return [...seen];
}

describe('dashboard bundle', () => {
  it(`loads at most ${BUDGET_BYTES / 1024} KB of gzipped JavaScript first`, () => {
    const scripts = firstLoadScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((n, src) => n + gzipSync(readFileSync(join(dir, src)), { level: 9 }).length, 0);
    console.log(
      `dashboard first load: ${scripts.length} script(s), ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('references no other origin (no CDN): every src and href in the page is local', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => /^(?:https?:)?\/\//i.test(r))).toEqual([]);
    const code = firstLoadScripts()
      .map((src) => readFileSync(join(dir, src), 'utf8'))
      .join('\n');
    // The SVG namespace is an identifier, not a request.
    const urls = [...code.matchAll(/https?:\/\/[^\s"'`)]+/g)]
      .map((m) => m[0])
      .filter((u) => !u.startsWith('http://www.w3.org/'));
    expect(urls).toEqual([]);
  });
});
