// How much of each hand-written synonym group (lib/domain/lexicon.ts) the kept resources already know:
// for each group, which member pairs are WordNet synonyms (any sense) or word-vector neighbours above a
// threshold, and whether those links alone join the whole group. `npm run assets -- --lexicon` prints it,
// so a group the resources fully cover can be replaced by them and one they miss stays hand-kept.
import { stemmer } from 'stemmer';
import { SYNONYM_GROUPS } from '../domain/lexicon.js';
import { phraseSimilarity, similarity, vectorWords } from '../domain/resources/vectors.js';
import { areSynonyms, synsetsOf } from '../domain/resources/wordnet.js';

export interface GroupCoverage {
  head: string;
  /** The members as words (a stem is read as the most frequent vocabulary word with that stem). */
  words: string[];
  pairs: number;
  wordnetPairs: number;
  vectorPairs: number;
  eitherPairs: number;
  /** Whether WordNet and vector links alone connect every member (single link). */
  connected: boolean;
  /** Whether WordNet links alone do: vectors also link opposites ("increase"/"decrease" sit at 0.88). */
  wordnetConnected: boolean;
  /** Members linked to no other member by either resource. */
  unlinked: string[];
}

/** The most frequent vocabulary word for each Porter stem. */
function wordsByStem(): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of vectorWords()) {
    const s = stemmer(word);
    if (!out.has(s)) out.set(s, word);
  }
  return out;
}

/**
 * A member as words: a word WordNet knows stays itself ("quit", not "quite", which shares its stem); a written
 * stem ("termin", "di") becomes the most frequent vocabulary word with that stem.
 */
function memberWords(member: string, byStem: Map<string, string>): string {
  return member
    .split(' ')
    .map((w) => (synsetsOf(w).length > 0 ? w : (byStem.get(w) ?? w)))
    .join(' ');
}

const vectorSimilarity = (a: string, b: string): number =>
  a.includes(' ') || b.includes(' ') ? phraseSimilarity(a.split(' '), b.split(' ')).mean : similarity(a, b);

/**
 * The vector threshold: the 95th percentile of similarities between the heads of different groups, which
 * are distinct meanings (though often of one topic), so about 1 unrelated pair in 20 passes it.
 */
export function vectorThreshold(heads: string[]): number {
  const sims: number[] = [];
  for (let i = 0; i < heads.length; i++)
    for (let j = i + 1; j < heads.length; j++) sims.push(vectorSimilarity(heads[i]!, heads[j]!));
  sims.sort((a, b) => a - b);
  return sims[Math.floor(0.95 * (sims.length - 1))]!;
}

export function lexiconCoverage(): { threshold: number; groups: GroupCoverage[] } {
  const byStem = wordsByStem();
  const groups = SYNONYM_GROUPS.map((g) => [...new Set(g.map((m) => memberWords(m, byStem)))]);
  const threshold = vectorThreshold(groups.map((g) => g[0]!));
  return {
    threshold,
    groups: groups.map((words) => {
      const components = () => {
        const parent = words.map((_, i) => i);
        const find = (i: number): number => {
          if (parent[i] !== i) parent[i] = find(parent[i]!);
          return parent[i]!;
        };
        return {
          join: (i: number, j: number) => {
            parent[find(i)] = find(j);
          },
          count: () => new Set(words.map((_, i) => find(i))).size,
        };
      };
      const either = components();
      const wordnetOnly = components();
      const linked = new Set<number>();
      let wordnetPairs = 0;
      let vectorPairs = 0;
      let eitherPairs = 0;
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j < words.length; j++) {
          const wn = areSynonyms(words[i]!, words[j]!);
          const vec = vectorSimilarity(words[i]!, words[j]!) >= threshold;
          if (wn) {
            wordnetPairs++;
            wordnetOnly.join(i, j);
          }
          if (vec) vectorPairs++;
          if (wn || vec) {
            eitherPairs++;
            linked.add(i).add(j);
            either.join(i, j);
          }
        }
      }
      const pairs = (words.length * (words.length - 1)) / 2;
      return {
        head: words[0]!,
        words,
        pairs,
        wordnetPairs,
        vectorPairs,
        eitherPairs,
        connected: either.count() === 1,
        wordnetConnected: wordnetOnly.count() === 1,
        unlinked: words.filter((_, i) => !linked.has(i)),
      };
    }),
  };
}

export function printLexiconCoverage(): void {
  const { threshold, groups } = lexiconCoverage();
  const sum = (f: (g: GroupCoverage) => number): number => groups.reduce((s, g) => s + f(g), 0);
  console.log(`vector threshold ${threshold.toFixed(3)} (95th percentile of head-to-head similarity across groups)`);
  console.log(
    `${groups.length} groups, ${sum((g) => g.pairs)} pairs: WordNet ${sum((g) => g.wordnetPairs)}, vectors ${sum((g) => g.vectorPairs)}, either ${sum((g) => g.eitherPairs)}; ` +
      `${groups.filter((g) => g.connected).length} groups fully joined by the resources, ${groups.filter((g) => g.wordnetConnected).length} by WordNet alone`,
  );
  console.log(
    '| group | members | pairs | WordNet | vectors | either | joined | by WordNet alone | linked to nothing |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const g of groups) {
    console.log(
      `| ${g.head} | ${g.words.length} | ${g.pairs} | ${g.wordnetPairs} | ${g.vectorPairs} | ${g.eitherPairs} | ${g.connected ? 'yes' : 'no'} | ${g.wordnetConnected ? 'yes' : 'no'} | ${g.unlinked.join(', ')} |`,
    );
  }
}
