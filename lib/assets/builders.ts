// The builders `npm run assets` runs, in order. Each module exports `build(outDir)`, writes its compact
// files into outDir and nothing else; a new asset is one more line here.
export interface AssetBuilder {
  /** The name `npm run assets -- <name>` selects it by. */
  name: string;
  load: () => Promise<{ build(outDir: string): Promise<void> }>;
}

export const ASSET_BUILDERS: AssetBuilder[] = [
  { name: 'vectors', load: () => import('./vectors.js') },
  { name: 'wordnet', load: () => import('./wordnet.js') },
  { name: 'tagger', load: () => import('./tagger.js') },
  { name: 'gazetteer', load: () => import('./gazetteer.js') },
];
