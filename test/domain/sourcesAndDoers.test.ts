// A body the claim says acted, met in a report only as the source of something else; the words that tell a
// possibility, a source at a sentence's end, initials with stops, and a present-tense verb the tagger took
// for a plural noun. Invented sentences.
import { describe, expect, it } from 'vitest';
import { alignSentence } from '../support/align.js';
import { analyzeClaim, analyzeReport } from '../../lib/domain/index.js';
import { alignStatement } from '../../lib/domain/align.js';
import { clauseOf } from '../../lib/domain/clause.js';
import { extractNames, namesMatch } from '../../lib/domain/slots/names.js';

const PUBLISHED = '2025-03-04T09:00:00Z';
/** The claim aligned with a one-sentence report, or with sentence `at` of a longer one. */
const align = (claim: string, text: string, at?: number) =>
  at === undefined
    ? alignSentence(claim, text, PUBLISHED)
    : alignStatement(analyzeClaim(claim), analyzeReport({ text, publishedAt: PUBLISHED }).statements[at]!, PUBLISHED);

describe('clause reading', () => {
  it('reads a present-tense verb the tagger took for a plural noun after the subject', () => {
    expect(clauseOf('The Harbour Weather Service classes a storm with 70 mph gusts as severe.')).toMatchObject({
      predicate: 'class',
      complete: true,
      agent: { phrase: 'The Harbour Weather Service' },
    });
    // A plural noun before a preposition stays a noun.
    expect(clauseOf('The bus routes in Calderwick were cut in April.').predicate).toBe('cut');
  });

  it('reads an infinitive after a noun phrase as describing it, not as the main verb', () => {
    expect(clauseOf('The decision to close the bridge was taken on Monday.')).toMatchObject({
      predicate: 'take',
      passive: true,
      patient: { head: 'decision' },
    });
    // With no other verb, the sentence has no main clause to read (the tagger took "dates" for a noun).
    expect(clauseOf("The city's plan to build a tram dates from 2012.").complete).toBe(false);
  });

  it('reads "can" said of any one of a kind as a possibility, and of one thing as a fact', () => {
    expect(clauseOf('A magnitude 6 earthquake can cause severe damage.').modality).toBe('hedge');
    expect(clauseOf('The new crane can lift 40 tonnes.').modality).toBe('act');
  });

  it('credits a source named at the end after "according to"', () => {
    expect(clauseOf('Gusts of 80 mph hit Tarnley on Monday, according to the Harbour Weather Service.')).toMatchObject({
      predicate: 'hit',
      attribution: { source: { phrase: 'the Harbour Weather Service' }, verb: 'according to' },
    });
  });
});

describe('names', () => {
  it('reads initials with stops as one word, so an acronym meets the name it stands for', () => {
    const [full] = extractNames('Then the U.S. Seismic Bureau spoke.');
    const [short] = extractNames('Then the USSB spoke.');
    expect(full!.key).toBe('us seismic bureau');
    expect(namesMatch(full!, short!)).toBe(true);
  });
});

describe('a body named only as a source', () => {
  const claim = 'The Harbour Weather Service rates the storm as severe.';

  it('is a mention when the sentence reports something else on its word', () => {
    expect(
      align(claim, 'Storm Ilsa brought gusts of 80 mph to Tarnley, according to the Harbour Weather Service.'),
    ).toMatchObject({
      stance: 'MENTIONS',
      rule: 'SOURCE_ONLY',
      reason: expect.stringContaining('the Harbour Weather Service'),
    });
  });

  it('is not a mention when the sentence says the act, though on the body’s word', () => {
    expect(align(claim, 'Storm Ilsa was rated severe, according to the Harbour Weather Service.').rule).not.toBe(
      'SOURCE_ONLY',
    );
    // The source says the claim's content: its finding is the claim's act.
    expect(align('Inspectors found the Tollard Dam safe.', 'Tollard Dam safe, inspectors say.').rule).not.toBe(
      'SOURCE_ONLY',
    );
    // The source said it of itself: "the operator said fares rose" is the operator raising them.
    expect(
      align(
        'Greyline Buses raised fares in Calderwick in April 2025.',
        'Bus fares in Calderwick rose by 10 percent on 1 April 2025, the operator Greyline Buses said.',
      ).stance,
    ).toBe('SUPPORTS');
  });

  it('is not stood in for by the lead when the sentence does not say the act', () => {
    const report = [
      'Storm Ilsa reaches Tarnley',
      '',
      'The Harbour Weather Service said Storm Ilsa reached Tarnley overnight.',
      'Storm Ilsa was a severe storm that brought down trees across Tarnley.',
      'Schools stayed open.',
    ].join('\n');
    const later = analyzeReport({ text: report, publishedAt: PUBLISHED }).statements.findIndex((s) =>
      s.text.startsWith('Storm Ilsa was'),
    );
    expect(later).toBeGreaterThan(0);
    expect(align(claim, report, later).rule).toBe('KEY_NAME_MISSING');
    // Said with the act, the lead's body is the doer.
    const rated = report.replace('was a severe storm that', 'was rated severe after it');
    expect(align(claim, rated, later).stance).toBe('SUPPORTS');
  });
});

describe('another actor', () => {
  it("mentions a claim with a sentence where another named actor does something else to the claim's doer", () => {
    const claim = 'The Vellmark government revoked its fishing agreement with Orrland.';
    expect(
      align(
        claim,
        'Orrland, which backs the deposed fisheries minister, has threatened sanctions against the Vellmark government.',
      ),
    ).toMatchObject({ stance: 'MENTIONS', rule: 'OTHER_ACTOR' });
    // The claim's act said, by the other side: not another act.
    expect(align(claim, 'Orrland said the Vellmark government had cancelled the fishing agreement.').rule).not.toBe(
      'OTHER_ACTOR',
    );
    // An unnamed subject may tell the claim's event from another side.
    expect(
      align(
        'Harrowby council introduced a 4 pound daily parking charge on the seafront.',
        "Drivers on Harrowby seafront have had to pay since Monday, when the council's 4 pound daily charge began.",
      ).rule,
    ).not.toBe('OTHER_ACTOR');
  });
});

describe('a name in an appositive', () => {
  it('only describes the name before it: a sentence that names that one is not missing a key name', () => {
    const claim = 'Mara Quill, the Tessford Bank cashier who was hurt, was released from hospital on Friday.';
    const a = align(claim, 'Cashier Mara Quill, who was hurt, was released from Orrin General Hospital on Friday.');
    expect(a.rule).not.toBe('KEY_NAME_MISSING');
    expect(a.stance).toBe('SUPPORTS');
  });

  it('keeps the name as the sentence writes it, initials with their stops', () => {
    expect(extractNames('Then the U.S. Seismic Bureau spoke.')[0]!.text).toBe('U.S. Seismic Bureau');
  });
});
