// A length of time is one measure in hours, whatever unit it is given in ("for ten days" against "lasted 48
// hours"), and is kept apart from a point in time ("two days later"), a span since ("the first in 20 years"),
// an age and a rate. Invented texts.
import { describe, expect, it } from 'vitest';
import { DURATION, extractQuantities, quantitiesAgree, sameMeasure } from '../../lib/domain/slots/quantities.js';
import { alignerAt } from '../support/align.js';

const alignIn = alignerAt('2026-01-14T09:00:00Z');
const only = (text: string) => {
  const found = extractQuantities(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('a length of time', () => {
  it('is read in hours, from any unit and from the article alone', () => {
    expect(only('The strike went on for ten days.')).toMatchObject({ unit: DURATION, value: 240 });
    expect(only('The January strike lasted 48 hours.')).toMatchObject({ unit: DURATION, value: 48 });
    expect(only('The chase went on for about 45 minutes.')).toMatchObject({ unit: DURATION, value: 0.75 });
    expect(only('The meeting lasted more than an hour.')).toMatchObject({ unit: DURATION, value: 1 });
  });
  it('compares across units: ten days is not 48 hours, two days is', () => {
    const tenDays = only('The strike went on for ten days.');
    const hours = only('The strike lasted 48 hours.');
    const twoDays = only('The strike went on for two days.');
    expect(sameMeasure(tenDays, hours)).toBe(true);
    expect(quantitiesAgree(tenDays, hours)).toBe(false);
    expect(quantitiesAgree(twoDays, hours)).toBe(true);
  });
  it('is not a point in time, a span since, an age or a rate', () => {
    for (const text of [
      'Two days later the port reopened.',
      'The quake struck ten minutes ago.',
      'It was the first strike in 20 years.',
      'The depot must be cleared within 48 hours.',
      'A 38-year-old man was arrested.',
    ])
      expect(extractQuantities(text).some((q) => q.unit === DURATION)).toBe(false);
  });
});

describe('a claim of how long something lasted', () => {
  const claim = 'Dock workers at Port Kessel went on strike for ten days in January 2026.';
  it('is contradicted by a report of the same strike that gives another length', () => {
    const a = alignIn(
      claim,
      'Port Kessel dockers strike',
      'Dock workers at Port Kessel went on strike on Monday for 48 hours in a dispute over pay.',
      1,
    );
    expect(a.stance).toBe('CONTRADICTS');
    expect(a.conflicting[0]).toMatchObject({ kind: 'quantity', report: '48' });
  });
  it('is supported by the same length in another unit', () => {
    const a = alignIn(
      'Dock workers at Port Kessel went on strike for two days in January 2026.',
      'Port Kessel dockers strike',
      'Dock workers at Port Kessel went on strike on Monday for 48 hours in a dispute over pay.',
      1,
    );
    expect(a.stance).toBe('SUPPORTS');
  });
});
