// assets/manifest.json: every committed asset with its sha256 and size. The engine's analysis version is
// derived from it, so a changed asset shows up as a new version; `npm run train` rewrites it too.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST = 'manifest.json';
/** Files in assets/ that are not engine assets. */
const NOT_ASSETS = new Set([MANIFEST, 'README.md']);

export interface AssetEntry {
  file: string;
  bytes: number;
  sha256: string;
}

export interface AssetManifest {
  files: AssetEntry[];
  totalBytes: number;
}

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();

export function assetManifest(dir: string): AssetManifest {
  const files = listFiles(dir)
    .filter((f) => !NOT_ASSETS.has(f))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, bytes: statSync(join(dir, file)).size, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
  return { files, totalBytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

export function writeManifest(dir: string): AssetManifest {
  const manifest = assetManifest(dir);
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
