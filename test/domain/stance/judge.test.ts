import { describe, expect, it } from 'vitest';
import { analyzeClaim, analyzeReport } from '../../../lib/domain/index.js';
import {
  CANDIDATES_PER_REPORT,
  judgeReport,
  reportProfile,
  STANCE_CLASSES,
  stanceOfJudgement,
} from '../../../lib/domain/stance/index.js';

// Invented reports about an invented bridge; the claim is judged against each with the checked-in model.
const claim = analyzeClaim('The Fenwick Bridge was closed to traffic on Monday');
const REPORTS = {
  restates:
    'The Fenwick Bridge was closed to traffic on Monday after engineers found cracks in its main span. Drivers were sent on a long detour through the town centre. The council said repairs would take several weeks.',
  denies:
    'The council denied reports that the Fenwick Bridge was closed to traffic on Monday, calling the story a hoax. The bridge remained open and traffic moved normally, officials said. A photo shared online was fake.',
  other:
    'A new bakery opened on the high street this week. Its owner said the sourdough sold out within hours. Customers queued around the block.',
};

const judge = (text: string) => {
  const { statements } = analyzeReport({ text });
  return {
    statements,
    judgement: judgeReport(claim, statements.slice(0, CANDIDATES_PER_REPORT), reportProfile(statements)),
  };
};

describe('judgeReport', () => {
  it('gives a denial more disagreement and a restatement more agreement', () => {
    const restates = judge(REPORTS.restates).judgement;
    const denies = judge(REPORTS.denies).judgement;
    expect(denies.probs.disagree).toBeGreaterThan(restates.probs.disagree);
    expect(restates.probs.agree).toBeGreaterThan(denies.probs.agree);
    expect(denies.probs.disagree).toBeGreaterThan(denies.probs.agree);
  });

  it('finds an unrelated report unrelated', () => {
    const { probs } = judge(REPORTS.other).judgement;
    expect(probs.unrelated).toBe(Math.max(...STANCE_CLASSES.map((c) => probs[c])));
    const none = judgeReport(claim, []);
    expect(none.probs.unrelated).toBe(Math.max(...STANCE_CLASSES.map((c) => none.probs[c])));
    expect(none.statementIndex).toBe(-1);
    expect(stanceOfJudgement(none).stance).toBeUndefined();
    expect(stanceOfJudgement(judge(REPORTS.denies).judgement).stance).toBe('CONTRADICTS');
  });

  it('returns probabilities, a deciding sentence among the candidates and readable signals', () => {
    const { statements, judgement } = judge(REPORTS.denies);
    expect(STANCE_CLASSES.reduce((s, c) => s + judgement.probs[c], 0)).toBeCloseTo(1, 10);
    expect(statements.map((s) => s.index)).toContain(judgement.statementIndex);
    expect(judgement.signals.length).toBeGreaterThan(0);
    expect(judgement.signals.some((s) => /denied|hoax/.test(s.text))).toBe(true);
    expect(judge(REPORTS.denies).judgement).toEqual(judgement);
  });

  it('keeps a report profile small and judges without one', () => {
    // The worst case: every sentence brings long, distinct words.
    const word = (i: number, k: number) =>
      `${'abcdefghij'.repeat(2).slice(i % 10, (i % 10) + 9)}${String.fromCharCode(97 + (k % 26))}${'xyzuvw'[i % 6]}${'qrstuvwxy'[Math.floor(i / 6) % 9]}${'mnopq'[Math.floor(i / 54) % 5]}ation`;
    const text = Array.from(
      { length: 150 },
      (_, i) => `The ${word(i, 1)} and ${word(i, 2)} met the ${word(i, 3)} of ${word(i, 4)}.`,
    ).join(' ');
    const { statements } = analyzeReport({ text });
    expect(new Set(statements.flatMap((s) => s.terms)).size).toBeGreaterThan(200);
    expect(JSON.stringify(reportProfile(statements)).length).toBeLessThan(2048);
    const without = judgeReport(
      claim,
      analyzeReport({ text: REPORTS.denies }).statements.slice(0, CANDIDATES_PER_REPORT),
    );
    expect(without.probs.disagree).toBeGreaterThan(without.probs.unrelated);
  });
});
