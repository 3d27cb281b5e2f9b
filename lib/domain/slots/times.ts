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
  return { times: out, spans };
}

const DAY = 24 * 60;
const HALF_DAY = 12 * 60;

/** Two times agree when they are within tolerance, on a 12-hour dial when either does not say which half. */
export function timesAgree(a: Quantity, b: Quantity): boolean {
  const dial = a.nouns?.includes('12h') || b.nouns?.includes('12h') ? HALF_DAY : DAY;
  const gap = Math.abs((((a.value - b.value) % dial) + dial) % dial);
  const distance = Math.min(gap, dial - gap);
  return distance <= Math.max(a.value - a.low, b.value - b.low);
}
