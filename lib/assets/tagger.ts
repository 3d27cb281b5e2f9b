// Builds the tagger's model asset: wink-eng-lite-web-model (MIT) bundled into one CommonJS file that the
// runtime requires from assets/ on first use. Its 3 MB of lexicon would otherwise sit inside the Lambda's
// JS bundle (which must stay under 1.5 MB); wink-nlp's own code (~40 kB) stays in the bundle.
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { TAGGER_MODEL_ASSET } from '../domain/resources/tagger.js';

export async function build(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entry = createRequire(import.meta.url).resolve('wink-eng-lite-web-model');
  await esbuild({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    legalComments: 'inline',
    banner: {
      js: '/* wink-eng-lite-web-model 1.8.1, (c) Graype Systems, MIT licence; bundled by lib/assets/tagger.ts */',
    },
    outfile: join(outDir, TAGGER_MODEL_ASSET),
    logLevel: 'silent',
  });
}
