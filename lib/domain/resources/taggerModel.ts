// The tagger's language model (wink-eng-lite-web-model 1.8.1, MIT) as the engine stores it: its data in one
// binary file (assets/tagger-model.bin) and its few functions in a small CommonJS file (assets/tagger-code.cjs),
// both written by lib/assets/tagger.ts. The package ships its data as 3 MB of JavaScript object literals, which
// cost a compile, a deep copy, a character-by-character base64 decode and a dictionary of 87,593 words on every
// cold start; here the packed lexicon is a typed-array view over the file, the words are read from a string
// table when first asked for, and the word -> index dictionary is a hash table built offline.
import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';
import { assetPath, readAsset } from './assets.js';

export const TAGGER_MODEL_ASSET = 'tagger-model.bin';
export const TAGGER_CODE_ASSET = 'tagger-code.cjs';
const MAGIC = 'WINK';
const VERSION = 1;

/** Byte ranges [offset, length] of the binary sections, relative to the file's start. */
export interface TaggerSections {
  lexicon: [number, number];
  xpansions: [number, number];
  lexemeText: [number, number];
  /** u32 start of each word in lexemeText, plus the end */
  lexemeStarts: [number, number];
  /** u32 slots, index + 1 of the word hashed there (0: empty), linear probing */
  lexemeTable: [number, number];
  /** the sub-models' state machines, JSON text that wink-nlp parses itself */
  machineText: [number, number];
  /** WordNet's exception lists the lemmatiser reads, "form TAB base" lines (spans in the header) */
  exceptionText: [number, number];
}

/** A machine's [start, end) within machineText. */
type Span = [number, number];

interface CoreFeature {
  list: Array<string | Set<number>>;
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

/** What wink-nlp's core model holds (the package's JSON; the members this module touches are typed). */
export interface CoreModel {
  /** per feature: [word, mask, shift, is-a-list (0) or a value (1), extractable, ...] */
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, CoreFeature>;
  pos: { hash: Record<string, number> };
  lexicon?: Uint32Array | string;
  xpansions?: Uint32Array | string;
  [member: string]: unknown;
}

/** The JSON part: the core model without its three big members, and every sub-model's machines. */
export interface TaggerModelHeader {
  core: CoreModel;
  machines: { sbd: Span[]; pos: Span[]; ner: Span[]; negation: Span[]; sa: Span[]; metaCER: Span };
  /** where each exception list's lines lie in exceptionText */
  exceptions: Record<ExceptionList, Span>;
  lexemeCount: number;
  sections: TaggerSections;
}

export const EXCEPTION_LISTS = ['adjective', 'noun', 'verb'] as const;
type ExceptionList = (typeof EXCEPTION_LISTS)[number];

/** The package's functions, as lib/assets/tagger.ts bundles them. */
interface TaggerCode {
  /** the (empty) objects the lemmatiser looks exceptions up in */
  exceptions: Record<ExceptionList, Record<string, string>>;
  featureFn: unknown;
  addons: { stem: unknown; lemmatize: unknown; readabilityStats: unknown };
  sbd: { setter: unknown; transformers: unknown[] };
  pos: { setter: unknown; updater: unknown; transformers: unknown[] };
  ner: { transformers: unknown[] };
  negation: { setter: unknown };
  sa: { setter: unknown };
  metaCER: { transformers: unknown[] };
}

/** FNV-1a over UTF-16 code units: the builder and the reader must agree on it, nothing else does. */
export function lexemeHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hash table's slots for the words: size the first power of two at least twice the count (a third to half full). */
export function lexemeTable(words: readonly string[]): Uint32Array {
  let size = 1;
  while (size < words.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  words.forEach((word, i) => {
    let at = lexemeHash(word) & (size - 1);
    while (slots[at] !== 0) at = (at + 1) & (size - 1);
    slots[at] = i + 1;
  });
  return slots;
}

const u32View = (bytes: Buffer, [offset, length]: [number, number]): Uint32Array => {
  if ((bytes.byteOffset + offset) % 4 !== 0)
    return new Uint32Array(Uint8Array.from(bytes.subarray(offset, offset + length)).buffer);
  return new Uint32Array(bytes.buffer, bytes.byteOffset + offset, length / 4);
};

export function readTaggerModelHeader(bytes: Buffer): TaggerModelHeader {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== MAGIC || bytes.readUInt32LE(4) !== VERSION)
    throw new Error(`${TAGGER_MODEL_ASSET}: not a version ${VERSION} tagger model (run npm run assets -- tagger)`);
  const jsonBytes = bytes.readUInt32LE(8);
  return JSON.parse(bytes.toString('utf8', 12, 12 + jsonBytes)) as TaggerModelHeader;
}

/**
 * The lexeme list and dictionary wink-nlp reads and extends (new words are pushed and hashed as text arrives):
 * the list a lazily filled array, the dictionary a proxy answering from the prebuilt table, new words kept in
 * the proxy's own object. wink-nlp only reads `hash[word]`, writes `hash[word] = index`, and reads, indexes and
 * pushes the list (lib/domain/resources/tagger.test compares every answer with the package's own model).
 */
function lexemes(bytes: Buffer, header: TaggerModelHeader): { list: string[]; hash: Record<string, number> } {
  const count = header.lexemeCount;
  const starts = u32View(bytes, header.sections.lexemeStarts);
  const table = u32View(bytes, header.sections.lexemeTable);
  const [textOffset] = header.sections.lexemeText;
  const mask = table.length - 1;
  const words: string[] = new Array(count);
  const wordAt = (i: number): string => {
    let w = words[i];
    if (w === undefined) {
      w = bytes.toString('utf8', textOffset + starts[i]!, textOffset + starts[i + 1]!);
      words[i] = w;
    }
    return w;
  };
  const indexOf = (word: string): number | undefined => {
    for (let at = lexemeHash(word) & mask; ; at = (at + 1) & mask) {
      const slot = table[at]!;
      if (slot === 0) return undefined;
      if (wordAt(slot - 1) === word) return slot - 1;
    }
  };
  const list = new Proxy(words, {
    get(target, key, receiver) {
      // Only an index of the model's own words is read from the table; anything else is the array's.
      if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
        const i = Number(key);
        if (i < count && Number.isInteger(i)) return wordAt(i);
      }
      return Reflect.get(target, key, receiver);
    },
  });
  const added: Record<string, number> = Object.create(null);
  const hash = new Proxy(added, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      return target[key] ?? indexOf(key);
    },
    has(target, key) {
      return typeof key === 'string' && (key in target || indexOf(key) !== undefined);
    },
  });
  return { list, hash };
}

/** The core model as the package's read-core-model.js and load-core-model.js leave it. */
function coreModel(bytes: Buffer, header: TaggerModelHeader): CoreModel {
  const model = header.core;
  const { packing, features } = model;
  const feature = (name: string): CoreFeature => features[name]!;
  model.lexicon = u32View(bytes, header.sections.lexicon);
  model.xpansions = u32View(bytes, header.sections.xpansions);
  for (const f in packing.layout) {
    if (packing.layout[f]![3] !== 0) continue;
    const hash: Record<string, number> = Object.create(null);
    const list = feature(f).list as string[];
    for (let k = 0; k < list.length; k += 1) hash[list[k]!] = k;
    feature(f).hash = hash;
  }
  const { list, hash } = lexemes(bytes, header);
  feature('lexeme').list = list;
  feature('lexeme').hash = hash;
  const clusters = feature('posClusters').list;
  for (let k = 0; k < clusters.length; k += 1)
    clusters[k] = new Set((clusters[k] as string).split('_').map((e) => model.pos.hash[e] || 0));
  const efList: string[] = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      feature(f).intrinsicSize = feature(f).list.length;
      feature(f).index = feature(f).list.length;
      feature(f).maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) efList.push(f);
  }
  packing.efList = efList;
  feature('lexeme').intrinsicSize = header.lexemeCount;
  feature('lexeme').index = header.lexemeCount;
  return model;
}

/** wink-nlp's annotations, and the sub-model each needs. */
export type Annotation = 'sbd' | 'pos' | 'ner' | 'negation' | 'sentiment' | 'cer';
const ALL_ANNOTATIONS: readonly Annotation[] = ['sbd', 'pos', 'ner', 'negation', 'sentiment', 'cer'];

/** What automaton.js's emptyModelJSON() writes: a machine that recognises nothing. */
const EMPTY_MACHINE = '[100,0,{"0":{}},{},{},{}]';

/**
 * A wink-nlp model read from the two assets, for a pipe: wink-nlp parses every sub-model's machines when it
 * starts, whether its pipe runs them or not (its pipe is fixed when it starts), so the named entity, negation
 * and sentiment machines (600 KB of JSON) are handed over only when the pipe has them, else an empty machine.
 */
export function loadTaggerModel(pipe: readonly Annotation[] = ALL_ANNOTATIONS): Model {
  const bytes = readAsset(TAGGER_MODEL_ASSET);
  const header = readTaggerModelHeader(bytes);
  const code = createRequire(import.meta.url)(assetPath(TAGGER_CODE_ASSET)) as TaggerCode;
  const [exceptionOffset] = header.sections.exceptionText;
  for (const list of EXCEPTION_LISTS) {
    const [start, end] = header.exceptions[list];
    const into = code.exceptions[list];
    for (const line of bytes.toString('utf8', exceptionOffset + start, exceptionOffset + end).split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) into[line.slice(0, tab)] = line.slice(tab + 1);
    }
  }
  const [textOffset] = header.sections.machineText;
  const text = ([start, end]: Span): string => bytes.toString('utf8', textOffset + start, textOffset + end);
  const used = (annotation: Annotation, spans: Span[]): string[] =>
    pipe.includes(annotation) ? spans.map(text) : spans.map(() => EMPTY_MACHINE);
  const machines = {
    sbd: header.machines.sbd.map(text),
    pos: header.machines.pos.map(text),
    ner: used('ner', header.machines.ner),
    negation: used('negation', header.machines.negation),
    sa: used('sentiment', header.machines.sa),
    metaCER: text(header.machines.metaCER),
  };
  const model = Object.create(null);
  model.core = () => coreModel(bytes, header);
  model.sbd = () => ({ machines: machines.sbd, setter: code.sbd.setter, transformers: code.sbd.transformers });
  model.pos = () => ({
    machines: machines.pos,
    setter: code.pos.setter,
    updater: code.pos.updater,
    transformers: code.pos.transformers,
  });
  model.ner = () => ({ machines: machines.ner, transformers: code.ner.transformers });
  model.negation = () => ({ machines: machines.negation, setter: code.negation.setter });
  model.sa = () => ({ machines: machines.sa, setter: code.sa.setter });
  model.metaCER = () => ({ machines: machines.metaCER, transformers: code.metaCER.transformers });
  model.featureFn = code.featureFn;
  model.addons = Object.create(null);
  model.addons.stem = code.addons.stem;
  model.addons.lemmatize = code.addons.lemmatize;
  model.addons.readabilityStats = code.addons.readabilityStats;
  model.addons.wordVectors = undefined;
  return model as Model;
}
