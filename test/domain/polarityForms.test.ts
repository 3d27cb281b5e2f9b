// Negation said in other forms, on invented texts: an act that "stopped" (a gerund after an ending verb), a
// finding reported with "ruled that", and a negated act said with a synonym of the claim's verb.
import { describe, expect, it } from 'vitest';
import { alignerAt } from '../support/align.js';
import { clauseOf } from '../../lib/domain/clause.js';

const PUBLISHED = '2025-02-01T09:00:00Z';

/** Aligns the claim with the report's sentence at `index` (0 is the headline). */
const alignIn = alignerAt(PUBLISHED);

describe('an ending verb before a gerund negates its act', () => {
  it('reads "stopped running" as the act negated, not credited to anyone, and "stopped the car" as an act', () => {
    const stopped = clauseOf('The Dunmere night bus has stopped running.');
    expect(stopped).toMatchObject({ predicate: 'run', negated: true });
    expect(stopped.attribution).toBeUndefined();
    expect(clauseOf('Police stopped the car.')).toMatchObject({ predicate: 'stop', negated: false });
  });
  it('supports "stopped running" with "no longer runs", and contradicts "still runs" with it', () => {
    const body = 'The Dunmere night bus no longer runs on Saturdays, the council said.';
    expect(alignIn('The Dunmere night bus has stopped running on Saturdays.', 'Night bus cut', body, 1).stance).toBe(
      'SUPPORTS',
    );
    expect(alignIn('The Dunmere night bus runs on Saturdays.', 'Night bus cut', body, 1).stance).toBe('CONTRADICTS');
  });
});

describe('a ruling reports its finding', () => {
  it('reads the clause after "ruled that" with the panel as its source', () => {
    const clause = clauseOf('The tribunal ruled that Edda Marsh never breached the rules.');
    expect(clause).toMatchObject({ predicate: 'breach', negated: true, attribution: { verb: 'rule' } });
  });
  it('supports a negated claim whose verb the finding says with a synonym', () => {
    const a = alignIn(
      'Edda Marsh did not break the club rules.',
      'Marsh cleared',
      'The tribunal ruled that Edda Marsh never breached the club rules.',
      1,
    );
    expect(a.stance).toBe('SUPPORTS');
  });
});

describe('a word of safety denies harm only', () => {
  it('contradicts a claim of harm with "survived"', () => {
    const body = 'The folk singer Ilse Varro survived a car crash in Dunmere on Saturday, her manager said.';
    const claim = 'The folk singer Ilse Varro was killed in a car crash in Dunmere.';
    expect(alignIn(claim, 'Varro rumours', body, 1)).toMatchObject({ stance: 'CONTRADICTS', rule: 'DETAIL_CONFLICT' });
  });
  it('does not read "is safe" as denying a claim that names no harm', () => {
    const body = 'The Marl Bridge in Dunmere is safe after a car crash, engineers said.';
    const claim = 'The Marl Bridge in Dunmere was closed after a car crash.';
    const a = alignIn(claim, 'Bridge checked', body, 1);
    expect(a.stance).not.toBe('CONTRADICTS');
    expect(a.reason).not.toMatch(/polarity/);
  });
});

describe('an ending said with "no longer"', () => {
  it('supports "has shut" with "no longer has", either way round', () => {
    const claim = 'The maternity unit at Brackwell General Hospital has shut.';
    const body = 'Brackwell General Hospital no longer has a maternity unit, the health board said.';
    expect(alignIn(claim, 'Unit gone', body, 1).stance).toBe('SUPPORTS');
    const closed = 'The maternity unit at Brackwell General Hospital has shut, the health board said.';
    expect(alignIn('Brackwell General Hospital no longer has a maternity unit.', 'Unit gone', closed, 1).stance).toBe(
      'SUPPORTS',
    );
  });
});
