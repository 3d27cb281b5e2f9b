// `npm run assets:tagger`, `npm run assets:gazetteer`: runs one asset builder into assets/ (or --out DIR).
import { resolve } from 'node:path';

import { build as buildGazetteer } from '../assets/gazetteer.js';
import { build as buildTagger } from '../assets/tagger.js';

const BUILDERS: Record<string, (outDir: string) => Promise<void>> = { tagger: buildTagger, gazetteer: buildGazetteer };

const [name, flag, dir] = process.argv.slice(2);
const builder = name ? BUILDERS[name] : undefined;
if (!builder) {
  console.error(`usage: tsx lib/cli/buildAsset.ts <${Object.keys(BUILDERS).join('|')}> [--out DIR]`);
  process.exit(2);
}
const outDir = resolve(flag === '--out' && dir ? dir : 'assets');
const started = Date.now();
await builder(outDir);
console.log(`${name}: built into ${outDir} in ${Date.now() - started} ms`);
