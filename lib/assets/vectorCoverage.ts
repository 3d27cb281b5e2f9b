// How much of real news text a vocabulary cut covers: content-word tokens (alphabetic, not stop words) of
// the FNC-1 training headlines and the ECB+ articles in ../shared/corpus, read at build time by path and
// never copied. `npm run assets -- --coverage` prints it for several cuts; the chosen one is VOCABULARY_SIZE.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STOP_WORDS } from '../domain/lexicon.js';
import { foldCase, wordTokens } from '../domain/text.js';
import { ALPHABETIC, type loadEmbedding, vocabulary } from './vectors.js';

const CORPUS = resolve('../shared/corpus');

function corpusTexts(): Record<string, string[]> | undefined {
  if (!existsSync(CORPUS)) return undefined;
  const stances = readFileSync(join(CORPUS, 'fnc1-train/train_stances.csv'), 'utf8').split('\n').slice(1);
  const headlines = [
    ...new Set(stances.map((l) => l.replace(/,\d+,\w+\s*$/, '').replace(/^"|"$/g, '')).filter(Boolean)),
  ];
  const ecbDir = join(CORPUS, 'ecbplus');
  const articles = readdirSync(ecbDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ecbDir, f), 'utf8'));
  return { 'fnc1-train headlines': headlines, 'ecbplus articles': articles };
}

const contentWords = (text: string): string[] =>
  wordTokens(text)
    .map((t) => foldCase(t).replace(/'s$/, ''))
    .filter((w) => ALPHABETIC.test(w) && !STOP_WORDS.has(w));

export function printCoverage(embedding: ReturnType<typeof loadEmbedding>, sizes: number[]): void {
  const texts = corpusTexts();
  if (!texts) {
    console.log(`coverage: skipped, no corpus at ${CORPUS}`);
    return;
  }
  const known = new Set(Object.keys(embedding.vectors));
  for (const [name, docs] of Object.entries(texts)) {
    const tokens = docs.flatMap(contentWords);
    const types = new Set(tokens);
    const inEmbedding = tokens.filter((t) => known.has(t)).length;
    console.log(
      `${name}: ${tokens.length} content tokens, ${types.size} distinct; full embedding covers ${((100 * inEmbedding) / tokens.length).toFixed(2)}% of tokens`,
    );
    for (const size of sizes) {
      const kept = new Set(vocabulary(embedding, size));
      const covered = tokens.filter((t) => kept.has(t)).length;
      const coveredTypes = [...types].filter((t) => kept.has(t)).length;
      console.log(
        `  top ${String(size).padStart(6)} (+lexicon, ${kept.size} words): ${((100 * covered) / tokens.length).toFixed(2)}% of tokens, ${((100 * coveredTypes) / types.size).toFixed(1)}% of distinct words`,
      );
    }
  }
}
