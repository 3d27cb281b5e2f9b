// Build-time source packages too large (or too odd) to be dependencies: installed on demand into
// .cache/assets (git-ignored), pinned to one version so a rebuild reads the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CACHE_DIR = resolve('.cache/assets');

/**
 * The installed folder of name@version, installing it into the cache first when it is missing. Each package
 * gets a prefix of its own: npm prunes what a --no-save install did not ask for, so two packages sharing one
 * prefix would evict each other.
 */
export function cachedPackage(name: string, version: string): string {
  const prefix = join(CACHE_DIR, `${name}@${version}`);
  const dir = join(prefix, 'node_modules', name);
  const manifest = join(dir, 'package.json');
  const installed = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version
    : undefined;
  if (installed !== version) {
    console.log(`installing ${name}@${version} into ${prefix} (build-time only)`);
    // --ignore-scripts: only the package's data files are read, never its install hooks.
    execFileSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', prefix, `${name}@${version}`],
      {
        stdio: 'inherit',
      },
    );
  }
  return dir;
}
