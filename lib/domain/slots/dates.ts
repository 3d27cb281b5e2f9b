// Dates with their granularity. chrono-node reads the many ways news prints a
// date ("August 3", "3 August 2023", "on Monday", "last week"); a bare year
// ("in 2012", "since 2013") is read here because chrono leaves it alone.
// Relative dates resolve against the report's publish date, and only when there is one.
import * as chrono from 'chrono-node';
import type { DateSlot } from '../types.js';

/** A bare year after a preposition, or after a determiner and before the noun it dates (not "the 2003-04 season"). */
const YEAR_AFTER =
  /\b(?:(?:in|since|from|of|by|until|during|early|late|mid-?)\s+((?:19|20)\d\d)\b|(?:the|its|their|his|her|this|that|last|['’]s)\s+((?:19|20)\d\d)(?=\s+\p{L}))/giu;

/**
 * chrono's two "N units ago" / "N units later" parsers repeat a long time-unit pattern up to ten times, and
 * V8 takes about 50 ms each to compile them to machine code when they first run twice: more than all the
 * engine's assets cost a cold container. Each can only match text holding one of its closing words, so for
 * text without them it is handed a pattern that matches nothing, which is what its own pattern would do:
 * the results are chrono's, the compile waits for a text that needs it.
 */
const CLOSING_WORDS: Array<[tail: string, words: RegExp]> = [
  [String.raw`\s{0,5}(?:ago|before|earlier)(?=\W|$)`, /ago|before|earlier/i],
  [
    String.raw`\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=(?:\W|$))`,
    /later|after|from now|henceforth|forward|out/i,
  ],
];
const MATCHES_NOTHING = /(?!)/;
type ChronoParser = chrono.Chrono['parsers'][number] & { innerPattern?: (context: unknown) => RegExp };
/** The parser's own pattern when it does not depend on the options (the two above do not), else undefined. */
function fixedInnerPattern(parser: ChronoParser): RegExp | undefined {
  try {
    return parser.innerPattern?.({ option: {} });
  } catch {
    return undefined;
  }
}
function closingWordChecked(parser: ChronoParser): ChronoParser {
  const inner = fixedInnerPattern(parser);
  const words = inner?.flags === 'i' && CLOSING_WORDS.find(([tail]) => inner.source.endsWith(tail))?.[1];
  if (!inner || !words) return parser;
  return Object.assign(Object.create(parser) as ChronoParser, {
    // Checked on every call: should a context ever give the parser another pattern, it runs as it is.
    pattern: (context: chrono.ParsingContext) =>
      parser.innerPattern?.(context) === inner && !words.test(context.text) ? MATCHES_NOTHING : parser.pattern(context),
  });
}
/** chrono's casual English parser, with the check above. */
export const parser = new chrono.Chrono({
  parsers: chrono.en.casual.parsers.map(closingWordChecked),
  refiners: chrono.en.casual.refiners,
});
/** How many of chrono's parsers the closing-word check applies to (2 with chrono-node 2.10). */
export const closingWordParsers = parser.parsers.filter((p, i) => p !== chrono.en.casual.parsers[i]).length;

const RELATIVE =
  /\b(?:yesterday|today|tonight|tomorrow|last|next|this|ago|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/** Words that make a date the edge of a span rather than the time of the event. */
const BOUND = /\b(?:since|until|till|after|before|ago)\b/i;
const BOUND_BEFORE = /\b(?:since|until|till|after|before|from|by)\s+(?:the\s+)?$/i;
const WEEKDAY_ONLY = /^\W*(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\W*$/i;
/** A length of time, not a date: "for six years", "in the past two months", "for six hours" (while "six years ago" is a date). */
const DURATION =
  /^(?:for|over|in|within)?\s*(?:the\s+)?(?:past|last|next)?\s*(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a few)\s+(?:years?|months?|weeks?|days?|nights?|hours?|minutes?|decades?)$/i;
const FUTURE = /\b(?:will|won't|shall|next|is to|are to|set to|plans? to|scheduled|due to|expected to)\b/i;

export function extractDates(text: string, publishedAt?: string): DateSlot[] {
  const ref = publishedAt ? new Date(publishedAt) : undefined;
  const out: DateSlot[] = [];
  const covered: Array<[number, number]> = [];
  for (const result of parser.parse(text, ref ?? new Date(Date.UTC(2000, 0, 1)))) {
    if (DURATION.test(result.text.trim())) continue;
    const start = result.start;
    const relative = RELATIVE.test(result.text);
    // Without a publish date only what the text fixes: "on Friday, 11 November 2011" is 11 November.
    if (relative && !ref && !(start.isCertain('day') && start.isCertain('month'))) continue;
    const hasDay =
      start.isCertain('day') ||
      (relative &&
        ref !== undefined &&
        (start.isCertain('weekday') || /day|yesterday|today|tomorrow/i.test(result.text)));
    const hasMonth = start.isCertain('month') || (relative && ref !== undefined);
    const hasYear = start.isCertain('year') || (relative && ref !== undefined);
    // Times of day alone ("at 10 am") are not dates.
    if (!hasDay && !hasMonth && !hasYear) continue;
    if (/week/i.test(result.text) && !start.isCertain('day')) continue; // a week is coarser than we model
    let when = { year: start.get('year'), month: start.get('month'), day: start.get('day') };
    // News reports what happened: a bare weekday ("bombed Thursday") is the last such day on or
    // before the publish date, unless the sentence speaks of the future ("will open on Monday").
    if (ref && WEEKDAY_ONLY.test(result.text) && !FUTURE.test(text)) {
      const date = Date.UTC(when.year ?? 0, (when.month ?? 1) - 1, when.day ?? 1);
      if (date > ref.getTime()) {
        const back = new Date(date - 7 * 86_400_000);
        when = { year: back.getUTCFullYear(), month: back.getUTCMonth() + 1, day: back.getUTCDate() };
      }
    }
    const slot: DateSlot = {
      kind: 'date',
      text: result.text,
      granularity: hasDay ? 'day' : hasMonth ? 'month' : 'year',
      ...(hasYear ? { year: when.year ?? undefined } : {}),
      ...(hasMonth ? { month: when.month ?? undefined } : {}),
      ...(hasDay ? { day: when.day ?? undefined } : {}),
    };
    if (BOUND.test(result.text) || BOUND_BEFORE.test(text.slice(Math.max(0, result.index - 12), result.index)))
      slot.bound = true;
    out.push(slot);
    covered.push([result.index, result.index + result.text.length]);
  }
  // "in 2012", "since 2013"; and a year before what it dates: "the 2003 earthquake", "Bam's 2003 quake".
  for (const match of text.matchAll(YEAR_AFTER)) {
    const at = (match.index ?? 0) + match[0].length - 4;
    if (covered.some(([a, b]) => at >= a && at < b)) continue;
    const bound = /^(?:since|from|by|until)\b/i.test(match[0]);
    const year = match[1] ?? match[2]!;
    out.push({
      kind: 'date',
      text: year,
      granularity: 'year',
      year: Number(year),
      ...(bound ? { bound } : {}),
    });
  }
  return out;
}

/** Dates agree when every field both of them know is equal ("July 2023" and "2023" agree). */
export function datesAgree(a: DateSlot, b: DateSlot): boolean {
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  if (a.month !== undefined && b.month !== undefined && a.month !== b.month) return false;
  if (a.day !== undefined && b.day !== undefined && a.day !== b.day) return false;
  return true;
}

/** Dates are comparable when they share at least one field. */
export function datesComparable(a: DateSlot, b: DateSlot): boolean {
  return (
    (a.year !== undefined && b.year !== undefined) ||
    (a.month !== undefined && b.month !== undefined) ||
    (a.day !== undefined && b.day !== undefined && a.month !== undefined && b.month !== undefined)
  );
}
