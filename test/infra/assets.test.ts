// The engine's assets ship beside the Lambda bundle (infra/stack.ts copies assets/): together they must stay
// within the deployment budget, and the manifest must describe exactly the files committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetManifest, MANIFEST } from '../../lib/assets/manifest.js';
import { assetsDir } from '../../lib/domain/resources/assets.js';

const BUDGET_BYTES = 20 * 1024 * 1024;

describe('engine assets', () => {
  it('are at most 20 MB together', () => {
    const { files, totalBytes } = assetManifest(assetsDir());
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['vectors.bin', 'wordnet.bin', 'gazetteer.bin', 'tagger-model.bin']),
    );
    expect(totalBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('match assets/manifest.json (run npm run assets after changing one)', () => {
    const committed = JSON.parse(readFileSync(join(assetsDir(), MANIFEST), 'utf8'));
    expect(committed).toEqual(assetManifest(assetsDir()));
  });
});
