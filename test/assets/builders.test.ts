// The committed assets are what their builders make of the kept packages: rebuilt here, byte for byte.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build as buildGazetteer } from '../../lib/assets/gazetteer.js';
import { build as buildTagger } from '../../lib/assets/tagger.js';
import { GAZETTEER_ASSET } from '../../lib/domain/resources/gazetteer.js';
import { TAGGER_MODEL_ASSET } from '../../lib/domain/resources/tagger.js';

describe('asset builders', () => {
  it.each([
    ['gazetteer', buildGazetteer, GAZETTEER_ASSET],
    ['tagger', buildTagger, TAGGER_MODEL_ASSET],
  ] as const)('%s rebuilds the committed asset', async (_name, build, file) => {
    const out = mkdtempSync(join(tmpdir(), 'asset-'));
    await build(out);
    expect(readFileSync(join(out, file)).equals(readFileSync(join('assets', file)))).toBe(true);
  });
});
