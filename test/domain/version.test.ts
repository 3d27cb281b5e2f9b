// The analysis version follows the engine: its code digest, its lexicon and its assets.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysisVersionOf, lexiconDigest } from '../../lib/domain/version.js';
import { assetsDigest, engineCodeDigest, engineVersion } from '../../lib/engineVersion.js';
import { STOP_WORDS } from '../../lib/domain/lexicon.js';
import { assetPath, setAssetsDir } from '../../lib/domain/resources/assets.js';

const domainDir = join(import.meta.dirname, '../../lib/domain');

describe('analysis version', () => {
  it('is code-lexicon-assets, each part a digest of its own', () => {
    const version = engineVersion();
    expect(version).toBe(
      analysisVersionOf({ code: engineCodeDigest(), lexicon: lexiconDigest(), assets: assetsDigest() }),
    );
    expect(version).toMatch(/^[0-9a-f]{10}-[0-9a-f]{6}-[0-9a-f]{6}$/);
  });

  it('changes with any source file of the engine, and with nothing else', () => {
    const copy = mkdtempSync(join(tmpdir(), 'domain-'));
    cpSync(domainDir, copy, { recursive: true });
    expect(engineCodeDigest(copy)).toBe(engineCodeDigest());
    writeFileSync(join(copy, 'notes.md'), 'not code');
    expect(engineCodeDigest(copy)).toBe(engineCodeDigest());
    writeFileSync(join(copy, 'slots', 'extra.ts'), 'export const x = 1;\n');
    expect(engineCodeDigest(copy)).not.toBe(engineCodeDigest());
  });

  it('changes with a lexicon entry changed in memory', () => {
    const before = lexiconDigest();
    STOP_WORDS.add('zzyzxword');
    try {
      expect(lexiconDigest()).not.toBe(before);
    } finally {
      STOP_WORDS.delete('zzyzxword');
    }
    expect(lexiconDigest()).toBe(before);
  });

  it('changes with an asset (a retrained model has another sha-256 in the manifest)', () => {
    const manifest = JSON.parse(readFileSync(assetPath('manifest.json'), 'utf8'));
    const before = assetsDigest();
    const dir = mkdtempSync(join(tmpdir(), 'assets-'));
    manifest.files[0].sha256 = '0'.repeat(64);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    setAssetsDir(dir);
    try {
      expect(assetsDigest()).not.toBe(before);
    } finally {
      setAssetsDir(undefined);
    }
  });
});
