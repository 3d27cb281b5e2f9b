// The gazetteer on real places: a city in its county, region and country; a region in its country; names
// folded (case, diacritics, dots, "the", a division's kind); namesakes too small to mean (Paris, Texas) left out.
import { describe, expect, it } from 'vitest';
import { isPlace, placeContains, placeKey, sameOrContained } from '../../lib/domain/resources/gazetteer.js';

describe('gazetteer', () => {
  it('knows countries, divisions and cities', () => {
    for (const name of [
      'Niger',
      'Indonesia',
      'Aceh',
      'Sonoma County',
      'Healdsburg',
      'Banda Aceh',
      'Niamey',
      'Tillabéri',
      'Qeshm',
      'Ivory Coast',
    ])
      expect(isPlace(name), name).toBe(true);
    for (const name of ['Reuters', 'Tuesday', 'Apple Inc', 'Tchiani', '']) expect(isPlace(name), name).toBe(false);
  });

  it('places a city in its county, state and country', () => {
    expect(placeContains('Sonoma County', 'Healdsburg')).toBe(true);
    expect(placeContains('California', 'Healdsburg')).toBe(true);
    expect(placeContains('United States', 'Healdsburg')).toBe(true);
    expect(placeContains('Aceh', 'Banda Aceh')).toBe(true);
    expect(placeContains('Indonesia', 'Banda Aceh')).toBe(true);
    expect(placeContains('Hormozgan', 'Qeshm')).toBe(true);
  });

  it('places a region in its country', () => {
    expect(placeContains('Niger', 'Tillabéri Region')).toBe(true);
    expect(placeContains('Niger', 'Agadez')).toBe(true);
    expect(placeContains('USA', 'Texas')).toBe(true);
    expect(placeContains('Russia', 'Chechnya')).toBe(true);
  });

  it('is one way and keeps neighbours apart', () => {
    expect(placeContains('Healdsburg', 'Sonoma County')).toBe(false);
    expect(placeContains('Mali', 'Niamey')).toBe(false);
    expect(placeContains('Nigeria', 'Agadez')).toBe(false);
    expect(placeContains('France', 'Madrid')).toBe(false);
    expect(placeContains('Reuters', 'Paris')).toBe(false);
  });

  it('folds case, diacritics, dots, "the" and the word of a division', () => {
    expect(placeKey('the U.S.')).toBe('us');
    expect(placeKey("Côte-d'Ivoire")).toBe('cote d ivoire');
    expect(placeContains('Tillaberi', 'Ayorou')).toBe(true);
    expect(placeContains('the U.S.', 'California')).toBe(true);
    expect(placeContains('SONOMA', 'Healdsburg')).toBe(true);
  });

  it('reads a compass part of a country or division as the whole that holds it, not as its rival parts', () => {
    expect(placeContains('Northern California', 'Healdsburg')).toBe(true);
    expect(placeContains('eastern Ukraine', 'Donetsk')).toBe(true);
    expect(placeContains('Nigeria', 'northern Nigeria')).toBe(true);
    expect(sameOrContained('northern Nigeria', 'southern Nigeria')).toBe(false);
    // A part that is a place of its own keeps its own readings.
    expect(placeContains('North Carolina', 'Healdsburg')).toBe(false);
    expect(placeContains('South Sudan', 'Juba')).toBe(true);
    // Not a town: "East Hampton" is no part of a Hampton.
    expect(isPlace('Northern Reuters')).toBe(false);
  });

  it('leaves out a namesake the bigger place dwarfs', () => {
    expect(placeContains('France', 'Paris')).toBe(true);
    expect(placeContains('Texas', 'Paris')).toBe(false);
  });

  it('tells the same place under two names, or one inside the other', () => {
    expect(sameOrContained('Ivory Coast', "Côte d'Ivoire")).toBe(true);
    expect(sameOrContained('Healdsburg', 'Sonoma County')).toBe(true);
    expect(sameOrContained('Sonoma County', 'Healdsburg')).toBe(true);
    expect(sameOrContained('Paris', 'Lyon')).toBe(false);
    expect(sameOrContained('Reuters', 'Reuters')).toBe(false);
  });
});
