// WordNet read from the committed asset (assets/wordnet.txt.gz), as the engine reads it.
import { describe, expect, it } from 'vitest';
import {
  antonyms,
  areAntonyms,
  areSynonyms,
  baseForms,
  derivedWords,
  entailments,
  hypernyms,
  isKindOf,
  lemmatize,
  synonyms,
  synsetsOf,
} from '../../../lib/domain/resources/wordnet.js';

describe('lemmatize', () => {
  it('strips regular inflections, verbs first when no part of speech is given', () => {
    expect(lemmatize('resigned')).toBe('resign');
    expect(lemmatize('resigned', 'a')).toBe('resigned');
    expect(lemmatize('overturns')).toBe('overturn');
    expect(lemmatize('Arrested')).toBe('arrest');
    expect(lemmatize('leaves', 'n')).toBe('leaf');
  });

  it('reads irregular forms from the exception lists', () => {
    expect(lemmatize('won')).toBe('win');
    expect(lemmatize('lost')).toBe('lose');
    expect(lemmatize('fled')).toBe('flee');
    expect(lemmatize('rose')).toBe('rise');
    expect(lemmatize('children', 'n')).toBe('child');
    expect(baseForms('found', 'v')).toEqual(['find', 'found']);
  });

  it('keeps a word that is already a lemma and returns unknown words lower-cased', () => {
    expect(lemmatize('species', 'n')).toBe('species');
    expect(lemmatize('Zorblatt')).toBe('zorblatt');
    expect(synsetsOf('zorblatt')).toEqual([]);
  });
});

describe('synonyms', () => {
  it('finds words sharing a synset', () => {
    expect(synonyms('quit', 'v')).toContain('resign');
    expect(areSynonyms('quit', 'resigned')).toBe(true);
    expect(areSynonyms('car', 'automobile')).toBe(true);
    expect(areSynonyms('quit', 'banana')).toBe(false);
  });

  it('can be held to the most frequent senses', () => {
    expect(areSynonyms('quit', 'resign', 'v')).toBe(true);
    // "stop" is a rare sense of "quit"; its first sense alone ("leave a job") does not reach it.
    expect(areSynonyms('quit', 'stop', 'v')).toBe(true);
    expect(areSynonyms('quit', 'stop', 'v', { senses: 1 })).toBe(false);
  });
});

describe('antonyms', () => {
  it('lists direct antonyms', () => {
    expect(antonyms('open')).toEqual(expect.arrayContaining(['close', 'closed']));
    expect(antonyms('increase', 'v')).toContain('decrease');
    expect(antonyms('win', 'v')).toContain('lose');
  });

  it('opposes inflected forms and adjectives through their cluster heads', () => {
    expect(areAntonyms('open', 'closed')).toBe(true);
    expect(areAntonyms('won', 'lost')).toBe(true);
    expect(areAntonyms('increased', 'decreased')).toBe(true);
    expect(areAntonyms('rose', 'fell')).toBe(true);
    // "shut" is a satellite of "closed": opposed to "open" only through the head.
    expect(areAntonyms('shut', 'open')).toBe(true);
    expect(areAntonyms('dead', 'alive')).toBe(true);
  });

  it('does not oppose synonyms or unrelated words', () => {
    expect(areAntonyms('quit', 'resign')).toBe(false);
    expect(areAntonyms('open', 'banana')).toBe(false);
    expect(areAntonyms('closed', 'shut')).toBe(false);
  });
});

describe('hypernyms and entailment', () => {
  it('walks up the hierarchy', () => {
    expect(hypernyms('earthquake', 'n')).toContain('geological phenomenon');
    expect(isKindOf('car', 'vehicle', 'n')).toBe(true);
    expect(isKindOf('vehicle', 'car', 'n')).toBe(false);
  });

  it('reads what a verb causes or entails', () => {
    expect(entailments('kill')).toContain('die');
  });
});

describe('derivedWords', () => {
  it('links nouns and verbs derived one from the other, not adjectives', () => {
    expect(derivedWords('explosion')).toContain('explode');
    expect(derivedWords('runners')).toContain('run');
    expect(derivedWords('death')).toContain('die');
    expect(derivedWords('elected')).toContain('election');
    expect(derivedWords('elected')).not.toContain('eligible');
    expect(derivedWords('zorblatt')).toEqual([]);
  });
});
