// Builds the tagger's model assets from wink-eng-lite-web-model (MIT): its data as one binary file that
// lib/domain/resources/taggerModel.ts reads without parsing (packed lexicon, word string table, prebuilt word
// hash table, and a small JSON part), and its functions (feature extractors, stemmer, lemmatiser with WordNet's
// exception lists, transformers and setters) bundled into one small CommonJS file. wink-nlp's own code stays
// in the Lambda bundle. Same package version, same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build as esbuild } from 'esbuild';
import {
  type CoreModel,
  EXCEPTION_LISTS,
  lexemeTable,
  TAGGER_CODE_ASSET,
  TAGGER_MODEL_ASSET,
  type TaggerModelHeader,
  type TaggerSections,
} from '../domain/resources/taggerModel.js';

const PACKAGE = 'wink-eng-lite-web-model';

/** The package's functions, each under the name taggerModel.ts puts it back at (see the package's load-*.js). */
const CODE_ENTRY = `module.exports = {
  exceptions: { adjective: require('./wn-adjective-exceptions.js'), noun: require('./wn-noun-exceptions.js'), verb: require('./wn-verb-exceptions.js') },
  featureFn: require('./feature.js'),
  addons: { stem: require('./porter-stemmer.js'), lemmatize: require('./lemmatize.js'), readabilityStats: require('./readability-stats.js') },
  sbd: { setter: require('./sbd-setter.js'), transformers: require('./sbd-transformers.js') },
  pos: { setter: require('./pos-setter.js'), updater: require('./pos-updater.js'), transformers: require('./pos-transformers.js') },
  ner: { transformers: require('./ner-transformers.js') },
  negation: { setter: require('./negation-setter.js') },
  sa: { setter: require('./sa-setter.js') },
  metaCER: { transformers: require('./cer-transformers.js') },
};`;

const align4 = (n: number): number => (n + 3) & ~3;

/** The package's model data in the layout taggerModel.ts reads. */
export function encodeTaggerModel(dist: string): Buffer {
  const require = createRequire(join(dist, 'model.js'));
  const json = (name: string) => require(`./languages/cur/models/${name}.json`);
  const core = structuredClone(json('eng-core-web-model')) as CoreModel;
  const lexicon = Buffer.from(core.lexicon as string, 'base64');
  const xpansions = Buffer.from(core.xpansions as string, 'base64');
  const lexeme = core.features.lexeme as Partial<CoreModel['features'][string]>;
  const words = lexeme.list as string[];
  delete core.lexicon;
  delete core.xpansions;
  delete lexeme.list;
  const text = words.map((w) => Buffer.from(w, 'utf8'));
  const starts = new Uint32Array(words.length + 1);
  text.forEach((b, i) => {
    starts[i + 1] = starts[i]! + b.length;
  });
  const table = lexemeTable(words);
  const blobs: Array<[keyof TaggerSections, Buffer]> = [
    ['lexicon', lexicon],
    ['xpansions', xpansions],
    ['lexemeStarts', Buffer.from(starts.buffer)],
    ['lexemeTable', Buffer.from(table.buffer)],
    ['lexemeText', Buffer.concat(text)],
  ];
  const machineParts: string[] = [];
  let machineEnd = 0;
  const span = (machine: string): [number, number] => {
    machineParts.push(machine);
    const start = machineEnd;
    machineEnd += Buffer.byteLength(machine, 'utf8');
    return [start, machineEnd];
  };
  const machines: TaggerModelHeader['machines'] = {
    sbd: (json('eng-sbd-model') as string[]).map(span),
    pos: (json('eng-pos-model') as string[]).map(span),
    ner: (json('eng-ner-model') as string[]).map(span),
    negation: (json('eng-negation-model') as string[]).map(span),
    sa: (json('eng-sa-model') as string[]).map(span),
    // load-cer-meta-model.js hands wink-nlp its machines as one JSON string.
    metaCER: span(JSON.stringify(json('eng-cer-meta-model'))),
  };
  blobs.push(['machineText', Buffer.from(machineParts.join(''), 'utf8')]);
  // The lists as "form TAB base" lines, in the order the package's modules add them.
  let exceptionEnd = 0;
  const exceptionParts: string[] = [];
  const exceptions = Object.fromEntries(
    EXCEPTION_LISTS.map((list) => {
      const entries = Object.entries(require(`./wn-${list}-exceptions.js`) as Record<string, string>);
      if (entries.some(([form, base]) => /[\t\n]/.test(form + base))) throw new Error(`${list}: a tab or newline`);
      const part = entries.map(([form, base]) => `${form}\t${base}\n`).join('');
      exceptionParts.push(part);
      const start = exceptionEnd;
      exceptionEnd += Buffer.byteLength(part, 'utf8');
      return [list, [start, exceptionEnd]];
    }),
  ) as TaggerModelHeader['exceptions'];
  blobs.push(['exceptionText', Buffer.from(exceptionParts.join(''), 'utf8')]);
  // The sections' offsets depend on the header's length, which depends on the offsets: lay out until stable.
  let sections = {} as TaggerSections;
  for (let headerBytes = 0; ; ) {
    let at = align4(12 + headerBytes);
    const next = {} as TaggerSections;
    for (const [name, b] of blobs) {
      next[name] = [at, b.length];
      at = align4(at + b.length);
    }
    sections = next;
    const header: TaggerModelHeader = {
      core,
      machines,
      exceptions,
      lexemeCount: words.length,
      sections,
    };
    const encoded = Buffer.from(JSON.stringify(header), 'utf8');
    if (encoded.length === headerBytes) {
      const out = Buffer.alloc(at);
      out.write('WINK', 0, 'latin1');
      out.writeUInt32LE(1, 4);
      out.writeUInt32LE(encoded.length, 8);
      encoded.copy(out, 12);
      for (const [name, b] of blobs) b.copy(out, sections[name][0]);
      return out;
    }
    headerBytes = encoded.length;
  }
}

export async function build(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const dist = dirname(createRequire(import.meta.url).resolve(PACKAGE));
  const version = (createRequire(import.meta.url)(`${PACKAGE}/package.json`) as { version: string }).version;
  await writeFile(join(outDir, TAGGER_MODEL_ASSET), encodeTaggerModel(dist));
  await esbuild({
    // The exception lists are data in the model file: their modules become empty objects filled at load.
    plugins: [
      {
        name: 'exceptions-as-data',
        setup(b) {
          b.onLoad({ filter: /wn-(adjective|noun|verb)-exceptions\.js$/ }, () => ({
            contents: 'module.exports = Object.create(null);',
            loader: 'js',
          }));
        },
      },
    ],
    stdin: { contents: CODE_ENTRY, resolveDir: dist, loader: 'js', sourcefile: 'tagger-code.js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    legalComments: 'inline',
    banner: {
      js: `/* ${PACKAGE} ${version}, (c) Graype Systems, MIT licence; functions bundled by lib/assets/tagger.ts */`,
    },
    outfile: join(outDir, TAGGER_CODE_ASSET),
    logLevel: 'silent',
  });
}
