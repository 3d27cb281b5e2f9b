// The committed assets are what their builders make of the kept packages: rebuilt here, byte for byte, by
// the same CLI that builds them (in a child process: the gazetteer build parses 25 MB of JSON, which would
// hold the test worker's event loop for seconds).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_ASSET } from '../../lib/domain/resources/gazetteer.js';
import { TAGGER_CODE_ASSET, TAGGER_MODEL_ASSET } from '../../lib/domain/resources/tagger.js';

const run = promisify(execFile);

describe('asset builders', () => {
  it.each([
    ['gazetteer', [GAZETTEER_ASSET]],
    ['tagger', [TAGGER_MODEL_ASSET, TAGGER_CODE_ASSET]],
  ] as const)('%s rebuilds the committed asset', async (name, files) => {
    const out = mkdtempSync(join(tmpdir(), 'asset-'));
    await run(process.execPath, ['--import', 'tsx', 'lib/cli/assets.ts', name, '--out', out]);
    for (const file of files)
      expect(readFileSync(join(out, file)).equals(readFileSync(join('assets', file)))).toBe(true);
  });
});
