// The running engine's analysis version (lib/domain/version.ts), one function for every runtime.
// From source (npm start, the CLIs, tests) the code digest is computed from lib/domain's files at
// startup; a Lambda bundle has no sources on disk, so the stack computes the same digest at build
// time with engineCodeDigest() and esbuild defines it as __ENGINE_CODE_DIGEST__.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetPath } from './domain/resources/assets.js';
import { analysisVersionOf, lexiconDigest } from './domain/version.js';

declare const __ENGINE_CODE_DIGEST__: string | undefined;

const DOMAIN_DIR = fileURLToPath(new URL('./domain/', import.meta.url));

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    )
    .sort();

/** sha-256 over every source file of lib/domain (path and content, in path order). */
export function engineCodeDigest(domainDir = DOMAIN_DIR): string {
  const hash = createHash('sha256');
  for (const file of sourcesUnder(domainDir)) {
    hash.update(relative(domainDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** sha-256 over the assets' sha-256s as the manifest lists them. */
export function assetsDigest(): string {
  const manifest = JSON.parse(readFileSync(assetPath('manifest.json'), 'utf8')) as {
    files: Array<{ file: string; sha256: string }>;
  };
  const lines = manifest.files.map((f) => `${f.file} ${f.sha256}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

let memo: string | undefined;

/** The version every report and claim analysed by this process is stored with. */
export function engineVersion(): string {
  memo ??= analysisVersionOf({
    code: typeof __ENGINE_CODE_DIGEST__ === 'string' ? __ENGINE_CODE_DIGEST__ : engineCodeDigest(),
    lexicon: lexiconDigest(),
    assets: assetsDigest(),
  });
  return memo;
}
