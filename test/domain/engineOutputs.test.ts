// The engine's outputs pinned: what each asset answers (tagger, clauses, WordNet, vectors, gazetteer) and what
// the app decides for the first behavioural scenarios, compared exactly with the committed snapshot. A change to
// how an asset is stored or loaded must leave every line here as it was; a change meant to alter the engine's
// judgement (a retrained model, a new rule) updates the snapshot on purpose:
// `npx vitest run -u test/domain/engineOutputs.test.ts`, and the diff shows what moved.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clauseOf } from '../../lib/domain/clause.js';
import { isPlace, placeContains, sameOrContained } from '../../lib/domain/resources/gazetteer.js';
import { tag } from '../../lib/domain/resources/tagger.js';
import { nearestWords, similarity, vectorWords, wordVector } from '../../lib/domain/resources/vectors.js';
import {
  antonyms,
  areAntonyms,
  entailments,
  hypernyms,
  lemmatize,
  synonyms,
} from '../../lib/domain/resources/wordnet.js';
import { loadEvalSet } from '../../lib/eval/evalFile.js';
import { runEval } from '../../lib/eval/runEval.js';

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Invented sentences: news shapes the clause reader meets (passives, reported speech, plans, negation, numbers). */
const SENTENCES = [
  'The council closed the Fenwick Bridge on Monday after engineers found cracks.',
  'The bridge did not close, police said.',
  'The mayor was arrested by police in Northfield late on Tuesday.',
  'Southport beat Northfield 3-1 in the cup final.',
  'The company plans to cut 1,500 jobs by the end of 2026.',
  'Officials reportedly denied that the dam had burst.',
  'According to the ministry, about 2,000 people fled the floods.',
  'Engineers said the tunnel would reopen in August.',
  'Investors pulled out of the deal, which was worth more than $100 million.',
  'The minister quit on Friday; she had resigned once before.',
  'Did the storm damage the harbour wall?',
  'Firefighters rescued twelve children from the burning school.',
  'The strike, which began in July, has never been settled.',
  'A magnitude 5.4 earthquake shook homes in Healdsburg at 6:42 in the morning.',
  'Rebels seized the airport and took three hostages, the army said.',
  'Prices rose sharply while wages stayed flat.',
  "The senator's aides won't comment on the leaked memo.",
  'Doctors are in talks to end the walkout at St Mary’s hospital.',
  'Rain fell.',
  'Results: 14 seats for the Greens, 9 for Labour.',
];

/** Words across the vocabulary (every 251st by frequency) and a few chosen ones: what WordNet and the vectors are asked. */
const chosenWords = [
  'resigned',
  'quit',
  'closed',
  'open',
  'won',
  'lost',
  'fled',
  'children',
  'troops',
  'increased',
  'arrested',
  'earthquake',
  'announced',
  'overturns',
  'shut',
  'good',
  'kill',
];
const sampledWords = (): string[] => vectorWords().filter((_, i) => i % 251 === 0);

describe('engine outputs (pinned: a storage or loading change must not move them)', () => {
  it('tagger and clause reader', () => {
    const tokens = SENTENCES.map((s) =>
      tag(s)
        .map((t) => `${t.text}/${t.pos}/${t.lemma}`)
        .join(' '),
    );
    const clauses = SENTENCES.map((s) => clauseOf(s));
    // Word salad over the vocabulary reaches lexicon entries and out-of-vocabulary paths the sentences do not.
    const words = sampledWords();
    const salad = Array.from({ length: 40 }, (_, i) => words.slice(i * 5, i * 5 + 9).join(' '));
    const saladTags = salad.map((s) => tag(s).map((t) => `${t.pos}/${t.lemma}`));
    expect({ tokens, clauses, saladTags: digest(saladTags), firstSalad: saladTags[0] }).toMatchSnapshot();
  });

  it('WordNet', () => {
    const ask = (w: string) => ({
      lemma: lemmatize(w),
      nounLemma: lemmatize(w, 'n'),
      synonyms: synonyms(w),
      antonyms: antonyms(w),
      hypernyms: hypernyms(w, undefined, { depth: 2 }),
      entailments: entailments(w),
    });
    const chosen = Object.fromEntries(chosenWords.map((w) => [w, ask(w)]));
    const sampled = sampledWords().map(ask);
    const pairs = [
      ['closed', 'open'],
      ['shut', 'open'],
      ['won', 'lost'],
      ['rise', 'fall'],
      ['increase', 'cut'],
      ['quit', 'resign'],
    ].map(([a, b]) => areAntonyms(a!, b!));
    expect({ chosen, pairs, sampled: digest(sampled), sampledCount: sampled.length }).toMatchSnapshot();
  });

  it('word vectors', () => {
    const words = vectorWords();
    const table = createHash('sha256');
    for (const w of words) table.update(Buffer.from(wordVector(w)!.buffer));
    const pairs = [
      ['quit', 'resign'],
      ['troops', 'soldiers'],
      ['closed', 'open'],
      ['earthquake', 'tremor'],
      ['overturns', 'overturned'],
    ].map(([a, b]) => similarity(a!, b!));
    expect({
      count: words.length,
      first: words.slice(0, 10),
      table: table.digest('hex'),
      pairs,
      nearest: nearestWords('minister', 5),
    }).toMatchSnapshot();
  });

  it('gazetteer', () => {
    const names = ['Healdsburg', 'Sonoma County', 'California', 'Paris', 'Niger', 'Niamey', "Côte d'Ivoire", 'Agadez'];
    const contains = names.flatMap((a) => names.map((b) => (placeContains(a, b) ? 1 : 0))).join('');
    const same = sameOrContained('Ivory Coast', "Côte d'Ivoire");
    const capitalised = sampledWords().map((w) => w.charAt(0).toUpperCase() + w.slice(1));
    expect({
      isPlace: names.map(isPlace),
      contains,
      same,
      sampledPlaces: capitalised.filter(isPlace),
    }).toMatchSnapshot();
  });

  it('verdicts, confidences and evidence of the first behavioural scenarios, through the app', async () => {
    const set = loadEvalSet('test/eval/behaviour.json');
    const results = await runEval({ ...set, scenarios: set.scenarios.slice(0, 5) });
    expect(results).toMatchSnapshot();
  });
});
