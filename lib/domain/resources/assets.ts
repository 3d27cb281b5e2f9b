// Where the engine's compact language assets (word vectors, WordNet, gazetteer, the stance model) live.
// They are built offline (`npm run assets`, `npm run train`), committed under assets/, copied beside the
// Lambda bundle by the stack, and read lazily: a module that needs one reads it on first use, once.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ASSETS = 'assets';
/** What marks the assets folder: lib/assets/ (the builders' sources) has none. */
const MARKER = 'manifest.json';
let configured: string | undefined;
let found: string | undefined;

/** Points the engine at another assets folder (tests, or a runtime that ships them elsewhere). */
export function setAssetsDir(dir: string | undefined): void {
  configured = dir;
}

/**
 * The assets folder: the configured one, else the nearest `assets/` holding a manifest.json above this module. That is the repo's
 * own folder when run from source (lib/domain/resources -> ../../..) and the bundle's when run on Lambda
 * (index.mjs and assets/ side by side in /var/task). It is told by its README.md, which the stack copies with it.
 */
export function assetsDir(): string {
  if (configured) return configured;
  if (found) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, ASSETS, MARKER))) {
      found = join(dir, ASSETS);
      return found;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no ${ASSETS}/ folder above ${fileURLToPath(import.meta.url)}: run npm run assets`);
    dir = parent;
  }
}

export const assetPath = (name: string): string => join(assetsDir(), name);

/** The asset's bytes, gunzipped when its name ends in .gz. */
export function readAsset(name: string): Buffer {
  const bytes = readFileSync(assetPath(name));
  return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

/** A value built from an asset on first use and kept for the life of the process (or Lambda instance). */
export function lazyAsset<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
