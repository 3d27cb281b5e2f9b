// The alignment mechanisms that read a claim stated in other words or qualified elsewhere, on invented news:
// a figure that counts what the claim's figure counts, a converse act with the roles reversed, a denial of an
// act said with a gerund, and a sentence whose fact a neighbouring sentence or clause says is not so yet.
import { describe, expect, it } from 'vitest';
import { alignerAt } from '../support/align.js';
import { clauseOf } from '../../lib/domain/clause.js';
import { pendingFor, pendingOf, PENDING_FORMS } from '../../lib/domain/pending.js';

const PUBLISHED = '2025-06-04T09:00:00Z';

/** Aligns the claim with the report's sentence at `index` (0 is the headline). */
const alignIn = alignerAt(PUBLISHED);

describe('a figure that counts what the claim counts puts the sentence on the fact', () => {
  const body =
    'The Tollard Museum in Brindlecombe reopened on 3 June 2025 after a long closure.\n' +
    'Visitors queued along the quay before the doors opened.\n' +
    'The works cost 900,000 pounds.';
  it('supports the claim when the sum agrees, though the rest is said in other words', () => {
    const a = alignIn('The restoration of the Tollard Museum cost 900,000 pounds.', 'Museum reopens', body, 3);
    expect(a.stance).toBe('SUPPORTS');
    expect(a.matched.some((m) => m.kind === 'quantity')).toBe(true);
  });
  it('contradicts the claim when the sum on the same measure differs', () => {
    const a = alignIn('The restoration of the Tollard Museum cost 1.9 million pounds.', 'Museum reopens', body, 3);
    expect(a.stance).toBe('CONTRADICTS');
    expect(a.rule).toBe('DETAIL_CONFLICT');
  });
  it('leaves a sentence with another sum of another thing on the topic only', () => {
    const a = alignIn(
      'The restoration of the Tollard Museum cost 1.9 million pounds.',
      'Museum reopens',
      'The Tollard Museum in Brindlecombe reopened on 3 June 2025.\nTickets cost 12 pounds for adults at Ferris Hall.',
      2,
    );
    expect(a.stance).toBe('MENTIONS');
  });
});

describe("a count of a kind of the claim's thing agrees", () => {
  const claim = 'Two hundred saplings were put in the ground at Tessford Park by pupils.';
  it('states "two hundred saplings" with "200 trees", and does not contradict it with "300 trees"', () => {
    const said = (sentence: string) => alignIn(claim, 'Park planting', `Tessford pupils plant a wood.\n${sentence}`, 2);
    expect(said('Pupils have planted 200 trees at Tessford Park over the winter.')).toMatchObject({
      stance: 'SUPPORTS',
      matched: expect.arrayContaining([expect.objectContaining({ kind: 'quantity', report: '200' })]),
    });
    expect(said('Pupils have planted 300 trees at Tessford Park over the winter.').stance).toBe('MENTIONS');
  });
});

describe("an estimate's frame says what its figure counts", () => {
  const body =
    'Teachers marched through Brindlecombe on 3 June 2025 over pay.\n' +
    'Police put the march, which blocked the high street, at roughly 3,000 people.\n' +
    'The union said the turnout was a record.';
  it('contradicts a claim that puts the same thing at another figure', () => {
    const a = alignIn(
      'Police put the size of the Brindlecombe march at about 8,000 people.',
      'Teachers march',
      body,
      2,
    );
    expect(a).toMatchObject({ stance: 'CONTRADICTS', rule: 'DETAIL_CONFLICT' });
    expect(a.reason).toMatch(/8,000 vs roughly 3,000/);
  });
  it('supports a claim that puts it at the same figure', () => {
    const a = alignIn(
      'Police put the size of the Brindlecombe march at about 3,000 people.',
      'Teachers march',
      body,
      2,
    );
    expect(a.stance).toBe('SUPPORTS');
  });
});

describe('a converse act with the participants reversed is the same fact', () => {
  const body =
    'Ashby Vale lost 3-1 to Kelmouth Rovers on Saturday afternoon.\nThe crowd was the largest of the season.';
  it('supports "beat" with "lost to", the roles the other way round', () => {
    const a = alignIn('Kelmouth Rovers beat Ashby Vale.', 'Cup report', body, 1);
    expect(a.stance).toBe('SUPPORTS');
    expect(a.rule).toBe('CONVERSE_ACT');
    expect(a.reason).toMatch(/beat \/ lose/);
  });
  it('still contradicts the claim that the loser won', () => {
    const a = alignIn('Ashby Vale beat Kelmouth Rovers.', 'Cup report', body, 1);
    expect(a.stance).toBe('CONTRADICTS');
  });
});

describe('a denial said with a gerund negates the act', () => {
  it('reads "denied selling" as the act negated and credited to the denier', () => {
    const c = clauseOf('The mayor denied selling council land to his brother.');
    expect(c.predicate).toBe('sell');
    expect(c.negated).toBe(true);
    expect(c.attribution?.verb).toBe('deny');
  });
  it('supports a denial claim with a report of the denial, and contradicts the act itself', () => {
    const body =
      "Lyle Carrow denied that he had sold council land to his brother's firm.\nThe opposition wants an inquiry.";
    expect(alignIn("Lyle Carrow denied selling council land to his brother's firm.", 'Land row', body, 1).stance).toBe(
      'SUPPORTS',
    );
    expect(alignIn("Lyle Carrow sold council land to his brother's firm.", 'Land row', body, 1).stance).toBe(
      'CONTRADICTS',
    );
  });
});

describe('a neighbouring sentence or clause that says the fact is not so yet', () => {
  it('names each form with an example that it matches', () => {
    for (const form of PENDING_FORMS) {
      const sentences = [...form.example.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      expect(sentences.some((s) => s.split(/(?<=\.) /).some((part) => pendingOf(part)?.form === form.id))).toBe(true);
    }
  });
  it('reads the qualifier from the next short sentence or from a last clause, not from a long next sentence', () => {
    expect(pendingFor('Pollard Foods has bought Brackwater Dairies.', 'Nothing has been confirmed.')?.form).toBe(
      'UNCONFIRMED',
    );
    expect(pendingFor('Fans say he has agreed terms, but nothing has been confirmed.', undefined)?.form).toBe(
      'UNCONFIRMED',
    );
    expect(pendingFor('The council has proposed a pool.', 'The vote is still to come.')?.form).toBe('STILL_TO_COME');
    expect(
      pendingFor(
        'The council has proposed a pool.',
        'The mayor, who has not yet said how she will vote, spoke at length about the costs of the scheme on Monday.',
      ),
    ).toBeUndefined();
    expect(pendingFor('The council has proposed a pool.', 'It would cost 6 million pounds.')).toBeUndefined();
  });
  it('reads an unconfirmed report as a mention of any claim it would support', () => {
    const body =
      'Pollard Foods has bought Brackwater Dairies, people close to the talks said.\nNothing has been confirmed.';
    const a = alignIn('Pollard Foods bought Brackwater Dairies.', 'Dairy deal', body, 1);
    expect(a.stance).toBe('MENTIONS');
    expect(a.rule).toBe('HEDGED');
    expect(a.reason).toMatch(/not so yet/);
  });
  it('reaches only the act a pending sentence names', () => {
    const body = 'Councillors in Dennet have proposed a swimming pool.\nNothing has been approved yet.';
    expect(alignIn('Dennet councillors approved a swimming pool.', 'Pool plan', body, 1).stance).toBe('MENTIONS');
    expect(alignIn('Dennet councillors have proposed a swimming pool.', 'Pool plan', body, 1).stance).toBe('SUPPORTS');
  });
});

describe('a hedge reaches the clause it stands in', () => {
  const claim = 'The Tennick tremor rattled homes in Ormsby.';
  it('supports with a clause that asserts the claim beside a hedged one, and mentions with the claim hedged', () => {
    const asserted = 'The Tennick tremor rattled homes in Ormsby, but it may not have done any damage.';
    expect(alignIn(claim, 'Tremor', asserted, 1).stance).toBe('SUPPORTS');
    const hedged = 'Nobody was hurt, but the Tennick tremor may have rattled homes in Ormsby.';
    expect(alignIn(claim, 'Tremor', hedged, 1)).toMatchObject({ stance: 'MENTIONS', rule: 'HEDGED' });
    expect(alignIn(claim, 'Tremor', 'The Tennick tremor may have rattled homes in Ormsby.', 1).stance).toBe('MENTIONS');
    const doubted = 'Most residents expect the Tennick tremor rattled homes in Ormsby, but did it?';
    expect(alignIn(claim, 'Tremor', doubted, 1).stance).toBe('MENTIONS');
  });
});
