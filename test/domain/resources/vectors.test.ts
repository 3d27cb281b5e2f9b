// Word vectors read from the committed asset (assets/vectors.bin), as the engine reads them.
import { describe, expect, it } from 'vitest';
import {
  cosine,
  decodeVectors,
  nearestWords,
  phraseSimilarity,
  similarity,
  wordVector,
} from '../../../lib/domain/resources/vectors.js';
import { encodeVectors } from '../../../lib/assets/vectors.js';

describe('word vectors', () => {
  it('have 100 dimensions for common words and none for unknown ones', () => {
    expect(wordVector('minister')).toHaveLength(100);
    expect(wordVector('Minister')).toEqual(wordVector('minister'));
    expect(wordVector('zorblattish')).toBeUndefined();
  });

  it('place related words closer than unrelated ones', () => {
    expect(similarity('quit', 'resign')).toBeGreaterThan(similarity('quit', 'banana') + 0.3);
    expect(similarity('arrested', 'detained')).toBeGreaterThan(0.7);
    expect(similarity('car', 'vehicle')).toBeGreaterThan(similarity('car', 'election'));
    expect(similarity('same', 'SAME')).toBe(1);
    expect(similarity('quit', 'zorblattish')).toBe(0);
  });

  it('compare phrases by their mean vector and by word alignment', () => {
    const close = phraseSimilarity(['minister', 'quit'], ['minister', 'resigned']);
    const far = phraseSimilarity(['minister', 'quit'], ['banana', 'harvest']);
    expect(close.mean).toBeGreaterThan(far.mean);
    expect(close.aligned).toBeGreaterThan(far.aligned);
    expect(close.known).toEqual([2, 2]);
    expect(phraseSimilarity([], ['minister']).mean).toBe(0);
  });

  it('name the nearest words', () => {
    expect(nearestWords('resign', 10).map((n) => n.word)).toContain('quit');
  });
});

describe('vector file format', () => {
  it('round-trips words and vectors within int8 precision', () => {
    const source: Record<string, number[]> = { alpha: [0.5, -1.25, 2], beta: [0, 0, 0], 'gamma-ray': [-3, 1, 0.01] };
    // Written by frequency (beta is the most frequent), stored sorted, with each word's rank kept.
    const decoded = decodeVectors(encodeVectors(['beta', 'alpha', 'gamma-ray'], (w) => source[w]!, 3));
    const words = Array.from({ length: decoded.count }, (_, i) => decoded.wordAt(i));
    expect(words).toEqual(['alpha', 'beta', 'gamma-ray']);
    expect([...decoded.ranks]).toEqual([1, 0, 2]);
    for (const [word, v] of Object.entries(source)) {
      const i = words.indexOf(word);
      const back = [0, 1, 2].map((d) => decoded.values[i * 3 + d]! * decoded.scales[i]!);
      for (const [d, x] of back.entries()) expect(x).toBeCloseTo(v[d]!, 1);
    }
    expect(cosine([1, 0], [0, 1])).toBe(0);
  });

  it('refuses a file that is not one', () => {
    expect(() => decodeVectors(Buffer.from('not a vector file'))).toThrow(/not a version 2 vector file/);
  });
});
