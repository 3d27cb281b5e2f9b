// Times of day ("7:37 a.m.", "1:53 in the afternoon", "at 1353 (1023 GMT)", "around 4:30am")
// as quantities in minutes after midnight. Their unit tells the clock: "clock" for local
// time, "clock-utc" for GMT/UTC, so a local time is never compared with a UTC one.
// When neither says morning or afternoon, they compare on a 12-hour dial.
import type { Quantity } from '../types.js';

const MERIDIEM_AM = /^\s*(?:a\.?\s?m\.?(?![\p{L}])|in the morning|this morning|before dawn)/iu;
const MERIDIEM_PM =
  /^\s*(?:p\.?\s?m\.?(?![\p{L}])|in the (?:afternoon|evening)|this (?:afternoon|evening)|at night|tonight)/iu;
const UTC = /^\s*\(?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:GMT|UTC|Zulu)\b/i;
const APPROXIMATE = /\b(?:about|around|approximately|roughly|shortly (?:before|after)|just (?:before|after))\s+$/i;

/** "7:37", "13.53" (with a meridiem or a time word), "1353 GMT" / "1353 (1023 GMT)" / "0800 hours", "4 am". */
const TIME =
  /\b(?:(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)|(?<mh>[01]\d|2[0-3])(?<mm>[0-5]\d)(?=\s*(?:\(\s*\d{3,4}\s*(?:GMT|UTC)|GMT|UTC|hrs\b|hours\b|local time\b))|(?<bh>1[0-2]|0?[1-9])(?=\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?![\p{L}])))/giu;

function isTime(text: string, m: RegExpMatchArray): boolean {
  const g = m.groups ?? {};
  if (g.h === undefined) return true;
  // "6.1" is a magnitude, "13.53" a figure: a dotted pair is a time only with a meridiem or "at".
  if (m[0].includes('.')) {
    const after = text.slice((m.index ?? 0) + m[0].length);
    const before = text.slice(0, m.index ?? 0);
    return MERIDIEM_AM.test(after) || MERIDIEM_PM.test(after) || /\bat\s+$/i.test(before);
  }
  return true;
}

/** The times of day in a text, and their spans, so the number reader leaves those alone. */
export function extractTimes(text: string): { times: Quantity[]; spans: Array<[number, number]> } {
  const out: Quantity[] = [];
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(TIME)) {
    if (!isTime(text, m)) continue;
    const g = m.groups ?? {};
    let hours = Number(g.h ?? g.mh ?? g.bh);
    const minutes = Number(g.m ?? g.mm ?? 0);
    const start = m.index ?? 0;
    spans.push([start, start + m[0].length]);
    const after = text.slice(start + m[0].length, start + m[0].length + 40);
    const pm = MERIDIEM_PM.test(after);
    const am = MERIDIEM_AM.test(after);
    if (pm && hours < 12) hours += 12;
    if (am && hours === 12) hours = 0;
    const value = hours * 60 + minutes;
    const tolerance = APPROXIMATE.test(text.slice(Math.max(0, start - 25), start)) ? 15 : 1;
    const dial = pm || am || hours >= 13 || g.mh !== undefined ? '24h' : '12h';
    out.push({
      kind: 'quantity',
      text: m[0] + (pm || am ? after.match(pm ? MERIDIEM_PM : MERIDIEM_AM)![0] : ''),
      value,
      low: value - tolerance,
      high: value + tolerance,
      unit: UTC.test(after) ? 'clock-utc' : 'clock',
      nouns: [dial],
    });
  }
  for (const part of partsOfDay(text, spans)) out.push(part);
  return { times: out, spans };
}

/**
 * Parts of the day as spans of the clock, in minutes after midnight: a sentence that puts the event "in the
 * afternoon" says it did not happen at 7:37 a.m., and one that says "early on Thursday morning" agrees with 2:09 a.m.
 * Night is left out: it runs over midnight, and "at night" is as often a habit as a time.
 */
const PARTS_OF_DAY: ReadonlyArray<{ part: RegExp; from: number; to: number }> = [
  // News puts 2 a.m. on "Thursday morning": the morning runs from midnight.
  { part: /^morning$/i, from: 0, to: 12 * 60 },
  { part: /^early\s+morning$/i, from: 0, to: 9 * 60 },
  { part: /^late\s+morning$/i, from: 9 * 60, to: 12 * 60 },
  { part: /^(?:early\s+|late\s+)?afternoon$/i, from: 12 * 60, to: 18 * 60 },
  { part: /^(?:early\s+|late\s+)?evening$/i, from: 17 * 60, to: 23 * 60 },
  { part: /^early\s+hours$/i, from: 0, to: 6 * 60 },
];
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
/** "in the afternoon", "on Tuesday morning", "this evening", "in the early hours": a part of the day the event is put in. */
const PART_OF_DAY = new RegExp(
  `\\b(?:(?:in|during|on)\\s+the|this|yesterday|tomorrow|${WEEKDAY})\\s+((?:early\\s+|late\\s+)?(?:morning|afternoon|evening|hours))\\b`,
  'giu',
);

function partsOfDay(text: string, timeSpans: Array<[number, number]>): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(PART_OF_DAY)) {
    const start = m.index ?? 0;
    // "7:37 in the morning" is read with its time above.
    if (timeSpans.some(([, end]) => start >= end && start - end <= 3)) continue;
    const words = m[1]!.replace(/\s+/g, ' ');
    const found = PARTS_OF_DAY.find((p) => p.part.test(words));
    if (!found) continue;
    const half = (found.to - found.from) / 2;
    out.push({
      kind: 'quantity',
      text: m[0],
      value: found.from + half,
      low: found.from,
      high: found.to,
      unit: 'clock',
      nouns: ['24h'],
    });
  }
  return out;
}

const DAY = 24 * 60;
const HALF_DAY = 12 * 60;

/**
 * Two times agree when they are within tolerance, on a 12-hour dial when either does not say which half; a part of
 * the day agrees with a time or part inside or overlapping it (their spans meet).
 */
export function timesAgree(a: Quantity, b: Quantity): boolean {
  const dial = a.nouns?.includes('12h') || b.nouns?.includes('12h') ? HALF_DAY : DAY;
  const gap = Math.abs((((a.value - b.value) % dial) + dial) % dial);
  const distance = Math.min(gap, dial - gap);
  const [ta, tb] = [a.value - a.low, b.value - b.low];
  // Spans that only touch (morning until noon, afternoon from noon) do not meet.
  return ta > PRECISE || tb > PRECISE ? distance < ta + tb : distance <= Math.max(ta, tb);
}

/** The widest tolerance of a time told to the minute ("around 4:30" is 15 minutes either way). */
const PRECISE = 15;

/** A part of the day ("in the afternoon"), not a time told to the minute. */
export const isPartOfDay = (q: Quantity): boolean =>
  (q.unit?.startsWith('clock') ?? false) && q.value - q.low > PRECISE;
