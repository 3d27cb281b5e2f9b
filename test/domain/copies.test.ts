// Edited copies count once: a sweep of edit rates over invented stories, and the ECB+ pair
// that is one agency text edited by two outlets (read by path; skipped without ../shared).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeReport, isCopy, reconcileCopyGroups } from '../../lib/domain/index.js';
import { copySignature } from '../../lib/domain/copies.js';
import { editCopy, STORIES } from '../fixtures/copies/stories.js';

const SEEDS = 20;
/** Share of edited variants still found to be copies of their story, at one edit rate. */
function detectionRate(rate: number, reorder: boolean): number {
  let found = 0;
  STORIES.forEach((story, i) => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      if (
        isCopy(
          copySignature(story),
          copySignature(editCopy(story, { rate, seed: seed * 31 + i, reorder, frame: reorder })),
        )
      )
        found++;
    }
  });
  return found / (STORIES.length * SEEDS);
}

describe('edited copies', () => {
  it('finds every copy with up to 10% of words changed, sentences reordered and a new headline and footer; few at 20%, none at 30%', () => {
    const rates = [0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3];
    const sweep = rates.map((rate) => ({
      rate,
      edited: detectionRate(rate, false),
      reordered: detectionRate(rate, true),
    }));
    console.log(
      `edited-copy sweep (${STORIES.length} stories x ${SEEDS} seeds): ${sweep.map((s) => `${Math.round(s.rate * 100)}%: ${s.edited.toFixed(2)}/${s.reordered.toFixed(2)}`).join(', ')}`,
    );
    for (const s of sweep.filter((x) => x.rate <= 0.1)) expect([s.edited, s.reordered]).toEqual([1, 1]);
    expect(sweep.find((s) => s.rate === 0.2)!.reordered).toBeLessThan(0.5);
    expect(sweep.find((s) => s.rate === 0.3)!).toMatchObject({ edited: 0, reordered: 0 });
  });

  it('finds a copy with five words changed, and keeps different stories apart', () => {
    for (const [i, story] of STORIES.entries()) {
      expect(isCopy(copySignature(story), copySignature(editCopy(story, { words: 5, seed: 7 + i })))).toBe(true);
      for (const other of STORIES.slice(i + 1)) expect(isCopy(copySignature(story), copySignature(other))).toBe(false);
    }
  });

  it('joins copies into one group whatever group each was stored with, named by the smallest id', () => {
    const [a, b] = STORIES;
    const reports = [
      {
        id: 'rep_3',
        copyGroup: 'rep_3',
        signature: copySignature(editCopy(a!, { rate: 0.05, seed: 3, reorder: true, frame: true })),
      },
      { id: 'rep_1', copyGroup: 'rep_1', signature: copySignature(a!) },
      { id: 'rep_2', copyGroup: 'rep_2', signature: copySignature(editCopy(a!, { words: 5, seed: 2 })) },
      { id: 'rep_4', copyGroup: 'rep_4', signature: copySignature(b!) },
    ];
    const groups = reconcileCopyGroups(reports);
    expect(Object.fromEntries(groups)).toEqual({ rep_1: 'rep_1', rep_2: 'rep_1', rep_3: 'rep_1', rep_4: 'rep_4' });
    expect(Object.fromEntries(reconcileCopyGroups([...reports].reverse()))).toEqual(Object.fromEntries(groups));
  });
});

const ECB = new URL('../../../shared/corpus/ecbplus/', import.meta.url);
const ecbText = (file: string) => readFileSync(new URL(file, ECB), 'utf8');

describe.skipIf(!existsSync(ECB))('ECB+ edited agency copy (needs ../shared/corpus/ecbplus)', () => {
  it('finds 014/015 (one agency text edited by two outlets) a copy, and a third outlet on the same event not', () => {
    const national = analyzeReport({ text: ecbText('014_athens-bank-fire-thenational.txt') }).signature;
    const inquirer = analyzeReport({ text: ecbText('015_athens-bank-fire-inquirer.txt') }).signature;
    const usatoday = analyzeReport({ text: ecbText('016_athens-bank-fire-usatoday.txt') }).signature;
    expect(isCopy(national, inquirer)).toBe(true);
    expect(isCopy(national, usatoday)).toBe(false);
    expect(isCopy(inquirer, usatoday)).toBe(false);
  });
});
