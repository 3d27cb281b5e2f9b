// Compass directions from a named place: "about 3 miles southwest of Cobb", "55 km to the west of Bireun".
import { COMPASS } from '../lexicon.js';
import { canonicalTerm } from '../terms.js';

export interface Direction {
  /** as the text says it: "southwest of Cobb" */
  text: string;
  degrees: number;
  /** the place it is reckoned from, as a term of its first word ("cobb") */
  from: string;
}

/** "north-east" and "north east" are "northeast"; "north-north-east" is "north-northeast". */
const POINT = String.raw`(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west)){0,2}`;
const DIRECTION = new RegExp(
  String.raw`\b(?<point>${POINT})(?:ward|erly)?\s+of\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?(?<place>\p{Lu}[\p{L}'’-]+)`,
  'giu',
);

/** The compass point in degrees, or undefined for words that are not one ("south-south"). */
function degreesOf(point: string): number | undefined {
  const parts = point.toLowerCase().split(/[\s-]+/);
  // "north east" and "north-east" are one point; three parts keep their first hyphen: "north-northeast".
  const key = parts.length === 3 ? `${parts[0]}-${parts[1]}${parts[2]}` : parts.join('');
  return COMPASS[key];
}

export function directionsIn(text: string): Direction[] {
  return [...text.matchAll(DIRECTION)].flatMap((m) => {
    const degrees = degreesOf(m.groups?.point ?? '');
    const place = m.groups?.place ?? '';
    // "in the south of France" is a part of the place, not a direction from it ("to the west of Bireun" is one).
    const before = text.slice(Math.max(0, (m.index ?? 0) - 8), m.index ?? 0);
    if (degrees === undefined || (/\bthe\s+$/i.test(before) && !/\bto\s+the\s+$/i.test(before))) return [];
    return [{ text: m[0], degrees, from: canonicalTerm(place) }];
  });
}

/** The angle between two compass points, 0 to 180 degrees. */
export const angleBetween = (a: Direction, b: Direction): number => {
  const d = Math.abs(a.degrees - b.degrees) % 360;
  return d > 180 ? 360 - d : d;
};

/** Two directions from one place agree within one compass step either way ("north" / "northeast"). */
export const DIRECTION_AGREES = 45;
/** ... and conflict from a right angle on ("west" / "south", "northeast" / "southwest"). */
export const DIRECTION_CONFLICTS = 90;
