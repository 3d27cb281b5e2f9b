// The documentation stays inside the repository and current: every relative link in README.md and docs/*.md
// names a file or folder of this repository (and a heading of it, when it has an #anchor), no link leaves
// for a sibling checkout, and docs/engine.md lists every alignment rule of the engine, in the engine's order.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALIGNMENT_RULES } from '../../lib/domain/align.js';
import { documentationFiles, linkTargets, repoRoot } from '../support/markdown.js';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

const anchorsIn = (markdown: string): Set<string> =>
  new Set(
    [...markdown.replace(/^```[\s\S]*?^```[^\S\n]*$/gm, '').matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)),
  );

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe.each(documentationFiles())('%s', (file) => {
  it('links only to files and headings inside the repository', () => {
    const broken: string[] = [];
    for (const target of linkTargets(read(file))) {
      if (/^(https?:|mailto:)/.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const absolute = path === '' ? join(repoRoot, file) : resolve(dirname(join(repoRoot, file)), path);
      const inside = !relative(repoRoot, absolute).startsWith('..');
      if (!inside || !existsSync(absolute)) {
        broken.push(target);
        continue;
      }
      if (anchor && absolute.endsWith('.md') && !anchorsIn(readFileSync(absolute, 'utf8')).has(anchor))
        broken.push(target);
    }
    expect(broken).toEqual([]);
  });
});

it('the README stays a short product page', () => {
  const readme = read('README.md');
  expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  expect(readme).not.toMatch(/\.\.\/shared|DESIGN\.md|\bsession\b|issue \d/i);
});

it('docs/engine.md lists every alignment rule, in the order the engine tries them', () => {
  const engine = read('docs/engine.md');
  const missing = ALIGNMENT_RULES.filter(
    (rule, i) => !engine.includes(`| ${i + 1} | \`${rule.id}\` | ${rule.stance} |`),
  );
  expect(missing.map((rule) => rule.id)).toEqual([]);
  expect(engine.match(/^\| \d+ \| `[A-Z_]+` \|/gm)).toHaveLength(ALIGNMENT_RULES.length);
});
