import { describe, expect, it } from 'vitest';
import { analyzeClaim, analyzeReport } from '../../lib/domain/index.js';
import { alignStatement } from '../../lib/domain/align.js';

// Invented sentences. A closing sentence keeps a one-sentence report from being read as a bare headline.
const BODY = '\nThe rest of the article covers other matters in detail.';
const PUBLISHED = '2025-06-11T09:00:00Z';
const alignAll = (claim: string, text: string) => {
  const c = analyzeClaim(claim);
  return analyzeReport({ text, publishedAt: PUBLISHED }).statements.map((s) => alignStatement(c, s, PUBLISHED));
};
const align = (claim: string, sentence: string) => alignAll(claim, sentence + BODY)[0]!;

describe('paraphrase by meaning (WordNet synonyms, word vectors)', () => {
  it('supports a claim said with synonyms the lexicon does not list', () => {
    const a = align(
      'The Marrowby council prohibited fireworks in the town park.',
      'The Marrowby council banned fireworks in the town park on Tuesday.',
    );
    expect(a.stance).toBe('SUPPORTS');
  });
});

describe('roles from the clause reader', () => {
  it('contradicts a claim with the participants swapped on the same act', () => {
    const a = align('Harlan Freight sued Kessock Mills.', 'Kessock Mills sued Harlan Freight over a late delivery.');
    expect(a.stance).toBe('CONTRADICTS');
    expect(a.rule).toBe('ROLES_SWAPPED');
  });

  it('supports the same roles said in the passive', () => {
    const a = align(
      'Harlan Freight sued Kessock Mills.',
      'Kessock Mills was sued by Harlan Freight over a late delivery.',
    );
    expect(a.stance).toBe('SUPPORTS');
  });

  it('contradicts a claimed winner who was beaten, named after the verb', () => {
    const a = align(
      'Ruth Calloway beat Anders Pell in the Tolbridge by-election.',
      'Anders Pell won the Tolbridge by-election, beating Ruth Calloway by 300 votes.',
    );
    expect(a.stance).toBe('CONTRADICTS');
  });

  it('reads another act of the same participants as a mention', () => {
    const a = align(
      'The Tolbridge council sold the old library.',
      'The Tolbridge council has renovated the old library.',
    );
    expect(a.stance).toBe('MENTIONS');
    expect(a.rule).toBe('OTHER_ACT');
    // A proposal is a plan of its object: a plan, before any other act.
    expect(
      align('The Tolbridge council built a new sports hall.', 'The Tolbridge council has proposed a new sports hall.')
        .rule,
    ).toBe('PLAN_OR_HEDGE');
  });
});

describe('modality and reported speech from the clause reader', () => {
  it('reads a plan as a mention of the act', () => {
    expect(
      align('The Tolbridge council closed the old pool.', 'The Tolbridge council plans to close the old pool.').rule,
    ).toBe('PLAN_OR_HEDGE');
  });

  it("reads work begun on the claim's subject as an earlier stage, not its act", () => {
    expect(
      align('The Tolbridge rail tunnel opened to trains.', 'Digging on the Tolbridge rail tunnel began on Monday.'),
    ).toMatchObject({ stance: 'MENTIONS', rule: 'WORK_BEGUN' });
    expect(
      align(
        'The Tolbridge sports hall reopened.',
        'Construction of the Tolbridge sports hall extension started in May.',
      ).rule,
    ).toBe('WORK_BEGUN');
    // The claim of the work itself is stated; a strike that began is not work done on a thing.
    expect(
      align('Work began on the Tolbridge rail tunnel.', 'Digging on the Tolbridge rail tunnel began on Monday.').stance,
    ).toBe('SUPPORTS');
    expect(
      align(
        'Workers at the Tolbridge plant walked out over pay.',
        'A strike by workers at the Tolbridge plant began on Monday.',
      ).rule,
    ).not.toBe('WORK_BEGUN');
  });

  it('reads "will not" as the refusal it states, and a plan that is not negated as a plan still', () => {
    const claim = 'Tolbridge mayor Ada Renn refused to resign.';
    expect(
      align(claim, 'Tolbridge mayor Ada Renn has said she will not step down, whatever her critics say.'),
    ).toMatchObject({
      stance: 'SUPPORTS',
      rule: 'SAME_FACT',
    });
    expect(align(claim, 'Tolbridge mayor Ada Renn has said she will step down in May.').stance).not.toBe('SUPPORTS');
    // "failed to" negates the act without refusing it: it is not what a "will not" says.
    expect(
      align('The Tolbridge council failed to close the old pool.', 'The Tolbridge council will not close the old pool.')
        .rule,
    ).toBe('PLAN_OR_HEDGE');
  });

  it('reads a possibility as a mention of the act', () => {
    expect(
      align('The Tolbridge coach left the club.', 'The Tolbridge coach could leave the club this summer.').stance,
    ).toBe('MENTIONS');
  });

  it('reads a claim passed on by "claimed that" as not asserted', () => {
    expect(
      align('A wolf was seen in Tolbridge forest.', 'Users online claimed that a wolf was seen in Tolbridge forest.')
        .stance,
    ).toBe('MENTIONS');
  });
});

describe('negation forms', () => {
  it('contradicts an act the sentence says failed', () => {
    const a = align('The Tolbridge ferry resumed service.', 'The Tolbridge ferry failed to resume service on Monday.');
    expect(a.stance).toBe('CONTRADICTS');
  });

  it("agrees when one side negates the opposite of the other's act", () => {
    const a = align(
      'The Tolbridge council prohibited barbecues in the park.',
      'Barbecues will not be allowed in the park, the Tolbridge council said.',
    );
    expect(a.stance).not.toBe('CONTRADICTS');
  });

  it('denies a harm said of everyone ("No one was hurt")', () => {
    const [, denial] = alignAll(
      'Three people were injured in the Tolbridge barn fire.',
      'Barn fire in Tolbridge\n\nNo one was hurt.\nFirefighters stayed until dawn.',
    );
    expect(denial!.stance).toBe('CONTRADICTS');
    expect(denial!.rule).toBe('HARM_DENIED');
  });
});

describe('a quoted claim that the report calls false', () => {
  const report =
    'Tolbridge wolf story is untrue\n\nMessages shared online claimed that a wolf was seen in Tolbridge forest.\nThe claim is false: the picture shows a dog in another country, rangers said.\nRangers patrol the forest daily.';

  it('contradicts the claim with the verdict sentence', () => {
    const readings = alignAll('A wolf was seen in Tolbridge forest.', report);
    expect(readings.some((a) => a.rule === 'DEBUNKED' && a.stance === 'CONTRADICTS')).toBe(true);
    expect(readings.some((a) => a.stance === 'SUPPORTS')).toBe(false);
  });

  it('does not read the verdict sentence against a fact it states itself', () => {
    const readings = alignAll('The picture of the Tolbridge wolf shows a dog in another country.', report);
    expect(readings.some((a) => a.rule === 'DEBUNKED')).toBe(false);
  });
});

describe('durations are not dates', () => {
  it('does not read "for six years" against a day', () => {
    const a = align(
      'Mara Quint ran the Tolbridge museum for six years.',
      'Mara Quint left the Tolbridge museum on Monday.',
    );
    expect(a.conflicting.some((c) => c.kind === 'date')).toBe(false);
  });
});
