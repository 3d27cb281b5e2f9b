// Places and what contains what: countries, their first-level divisions (state, province, region), their
// second-level ones (county, department) and 171k populated places, from GeoNames via kept packages
// (built by lib/assets/gazetteer.ts into assets/gazetteer.bin, read on first use, a block at a time). Names are folded
// (case, diacritics, dots, "the"), and a division answers to its name without its kind ("Tillabéri Region",
// "Tillaberi"; "Sonoma County", "Sonoma"). A village that shares a city's name is left out when the city
// dwarfs it (Paris, Texas beside Paris, France): the builder keeps the readings a news reader would mean.
import { foldCase } from '../text.js';
import { lazyAsset, readAsset } from './assets.js';
import { readBlockText } from './blocks.js';

export const GAZETTEER_ASSET = 'gazetteer.bin';

type Kind = 'C' | 'A' | 'B' | 'P';

interface Reading {
  /** country, first-level division (state, province, region), second-level (county, department), populated place */
  kind: Kind;
  /** where it is: "US", "US.CA", "US.CA.097"; a populated place carries the code of the division it sits in */
  code: string;
  /** a part of the place named by its compass word ("Northern California" of California) */
  part?: true;
}

/** The words of a division's kind, which news often leaves out ("Agadez Region" is "Agadez", "Republic of Ingushetia" "Ingushetia"). */
const DIVISION_SUFFIXES = [
  'region',
  'county',
  'province',
  'state',
  'governorate',
  'department',
  'district',
  'prefecture',
  'oblast',
  'krai',
  'municipality',
  'parish',
  'division',
  'territory',
  'emirate',
  'voivodeship',
  'republic',
  'autonomous region',
  'autonomous community',
  'capital district',
];
const DIVISION_PREFIXES = [
  'province',
  'state',
  'region',
  'department',
  'governorate',
  'county',
  'city',
  'municipality',
  'republic',
  'departement',
  'provincia',
  'estado',
  'etat',
];
/** "of", "de", "du", ... between a prefixed division word and the name ("Province of", "Estado de"). */
const DIVISION_LINKS = ['of ', 'de ', 'du ', 'des ', 'de la ', 'del '];
const DIVISION_WORDS = new RegExp(
  `\\s+(?:${DIVISION_SUFFIXES.join('|')})$|^(?:${DIVISION_PREFIXES.join('|')}) (?:${DIVISION_LINKS.join('|')})?`,
);

/** A place name's lookup key: folded, without dots, "the", hyphens or apostrophes ("the U.S." -> "us", "Côte-d'Ivoire" -> "cote d ivoire"). */
export function placeKey(name: string): string {
  return foldCase(name)
    .replace(/\./g, '')
    .replace(/[-'’‘`]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A division's key without the word of its kind ("sonoma county" -> "sonoma"). */
export const bareDivisionKey = (name: string): string => placeKey(name).replace(DIVISION_WORDS, '').trim();

/**
 * The asset's sorted lines as blocks (blocks.ts): a lookup finds its block by the blocks' first keys and
 * binary-searches the lines of that block alone. No map of a quarter of a million names is built (that took
 * 0.7 s), and no 4.5 MB text is gunzipped up front (that took 0.2-0.4 s).
 */
const loadIndex = lazyAsset(() => readBlockText(readAsset(GAZETTEER_ASSET), GAZETTEER_ASSET));

/** The readings written for the key ("PUS.CA.097 BUS.CA.097"), or undefined. */
function lookup(key: string): string | undefined {
  if (key === '') return undefined;
  return loadIndex().findKey(key);
}

const parseReadings = (line: string | undefined): Reading[] =>
  (line ?? '')
    .split(' ')
    .filter((r) => r !== '')
    .map((r) => ({ kind: r[0] as Kind, code: r.slice(1) }));

/** A compass word before a country's or division's name: "Northern California", "eastern Ukraine", "South-West Nigeria". */
const COMPASS_PART = /^(?:(?:north|south)(?: ?(?:east|west))?|east|west|central|upper|lower)(?:ern)? /;

/**
 * The name's readings. A part of a country or division named by its compass word ("Northern California") reads as
 * the whole when it is no place of its own ("North Carolina", "South Sudan" and "Western Australia" are): it holds
 * what the whole holds, without telling which part of it (a town of Southern California is in "Northern California").
 */
function readingsOf(name: string): Reading[] {
  const key = placeKey(name);
  const own = lookup(key);
  if (own !== undefined || !COMPASS_PART.test(key)) return parseReadings(own);
  return parseReadings(lookup(key.replace(COMPASS_PART, '')))
    .filter((r) => r.kind !== 'P')
    .map((r) => ({ ...r, part: true }));
}

/** The name is a known place (country, division or populated place). */
export function isPlace(name: string): boolean {
  return readingsOf(name).length > 0;
}

const within = (container: Reading, place: Reading): boolean => {
  if (container.kind === 'P') return false;
  // "Northern Nigeria" lies in Nigeria; "Southern Nigeria" does not lie in "Northern Nigeria".
  if (place.part && !container.part && place.kind === container.kind && place.code === container.code) return true;
  if (place.kind === 'P') return place.code === container.code || place.code.startsWith(`${container.code}.`);
  return place.code.startsWith(`${container.code}.`);
};

/** Some reading of `place` lies inside some reading of `container`: a city in its county, state or country; a region in its country. */
export function placeContains(container: string, place: string): boolean {
  const outer = readingsOf(container);
  if (outer.length === 0) return false;
  const inner = readingsOf(place);
  return inner.some((p) => outer.some((c) => within(c, p)));
}

/** The two names are one place ("Ivory Coast", "Côte d'Ivoire"), or one contains the other. */
export function sameOrContained(a: string, b: string): boolean {
  if (placeKey(a) === placeKey(b)) return isPlace(a);
  const ra = readingsOf(a);
  const rb = readingsOf(b);
  if (ra.some((x) => x.kind !== 'P' && !x.part && rb.some((y) => x.kind === y.kind && x.code === y.code && !y.part)))
    return true;
  return placeContains(a, b) || placeContains(b, a);
}
