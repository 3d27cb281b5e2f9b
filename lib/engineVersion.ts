// The running engine's analysis version (lib/domain/version.ts), one function for every runtime.
// From source (npm start, the CLIs, tests) the code digest is computed from lib/domain's files at
// startup; a Lambda bundle has no sources on disk, so the stack computes the same digest at build
// time with engineCodeDigest() and esbuild defines it as __ENGINE_CODE_DIGEST__.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AssetManifest, MANIFEST } from './assets/manifest.js';
import { assetPath } from './domain/resources/assets.js';
import { analysisVersionOf, lexiconDigest } from './domain/version.js';

declare const __ENGINE_CODE_DIGEST__: string | undefined;

const DOMAIN_DIR = fileURLToPath(new URL('./domain/', import.meta.url));

/** sha-256 over every source file of lib/domain (path and content, in path order). */
export function engineCodeDigest(domainDir = DOMAIN_DIR): string {
  const hash = createHash('sha256');
  const sources = readdirSync(domainDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of sources.sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(domainDir, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** sha-256 over the assets' sha-256s as the manifest lists them. */
export function assetsDigest(): string {
  const manifest = JSON.parse(readFileSync(assetPath(MANIFEST), 'utf8')) as AssetManifest;
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
