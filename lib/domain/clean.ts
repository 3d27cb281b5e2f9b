// Boilerplate removal, line by line. A scraped page is mostly furniture: menus,
// teasers for other stories, related links, share boxes, widgets, bylines. None
// of it is the report's own statement, so it must go before anything is indexed.
import { judgesFalse } from './slots/polarity.js';
import { collapseWhitespace, normalizeText } from './text.js';

/** One regex from named parts: `^(?:part|part|...)`, each part itself a regex source. */
const opening = (parts: Record<string, readonly string[]>, flags = 'iu'): RegExp =>
  new RegExp(`^(?:${Object.values(parts).flat().join('|')})`, flags);

/** Lines that open with these are furniture wherever they appear, by kind. */
const FURNITURE_START = opening({
  links: [
    'read more',
    'read also',
    'also read',
    'see also',
    'related',
    'recommended',
    'more from',
    'more on',
    'more news',
    'next article',
    'previous article',
    'trending',
    'most read',
    'most popular',
    'top stories',
    'you may also like',
    "don't miss",
  ],
  media: ['watch', 'listen', 'photo:', 'image:', 'picture:', 'credit:'],
  subscriptions: [
    'subscribe',
    'sign up',
    'newsletter',
    'follow us',
    'follow @',
    'share (?:this|on|via)',
    'click here',
    'join our',
    'download (?:our|the) app',
  ],
  commercial: ['advertisement', 'sponsored'],
  legal: [
    'copyright',
    '©',
    'all rights reserved',
    'cookie',
    'we use cookies',
    'terms of (?:use|service)',
    'privacy policy',
  ],
  comments: [String.raw`comments?\b`, 'leave a (?:comment|reply)'],
  account: ['log ?in', 'sign ?in'],
  bylines: [
    'source:',
    'sources:',
    'tags?:',
    'filed under',
    'reporting by',
    'editing by',
    'writing by',
    'additional reporting',
    String.raw`by [\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3}$`,
    'posted (?:on|by)',
    'updated:',
    'published:',
    'last updated',
  ],
  navigation: ['contact us', 'about us', String.raw`home\b`, String.raw`menu\b`, 'skip to'],
});

/** After one of these headings the rest of the page is lists of other stories or comments. */
const TAIL_START = opening({
  stories: [
    'related (?:articles|stories|news|posts|content)',
    'more (?:stories|articles|news)',
    'you may also like',
    'recommended for you',
    'popular (?:posts|stories)',
    'latest (?:news|stories)$',
  ],
  comments: [String.raw`comments?\s*\(?\d*\)?$`, String.raw`\d+ comments?`, 'leave a (?:comment|reply)'],
});

const WIDGET =
  /\b(?:USD|EUR|GBP|JPY|CHF|CNY|RUB|XOF|BTC)\b.*\d.*\b(?:USD|EUR|GBP|JPY|CHF|CNY|RUB|XOF|BTC)\b|\b(?:°C|°F|humidity|forecast)\b/i;
const SENTENCE_END = /[.!?]["')\]]?$/;

const wordCount = (line: string): number => line.split(/\s+/).filter(Boolean).length;

function isMenu(line: string): boolean {
  const separators = (line.match(/[,|•·»]/g) ?? []).length;
  return !SENTENCE_END.test(line) && separators >= 3 && wordCount(line) / (separators + 1) <= 3;
}

/** A dateline or a publishing stamp ("Posted: 1052 GMT, April 10", "on April 30, 2008 at 4:31 AM"). */
const STAMP = /\b(?:posted|published|updated|GMT|UTC|[AP]M)\b|\d{1,2}:\d{2}|^(?:on|at|by|according to)\b/iu;

/** The standfirst: a heading right under the headline that sums the story up in a clause of its own. */
const isStandfirst = (line: string): boolean => wordCount(line) >= 8 && !STAMP.test(line);

/** Whether the report's first statement is its headline: a title given apart, or a first line that is a heading. */
export function opensWithHeadline(raw: string, first: string | undefined, title: string): boolean {
  if (first === undefined) return false;
  if (title) return first.replace(/\.$/, '') === title.replace(/\.$/, '');
  const line = normalizeText(raw)
    .split('\n')
    .map(collapseWhitespace)
    .find((l) => l.length > 0);
  return line !== undefined && !SENTENCE_END.test(line) && first.replace(/\.$/, '') === line.replace(/:$/, '');
}

/**
 * The report's own text. Headings are dropped except the first substantial one
 * (the headline) and a standfirst right under it; a text that is nothing but a headline is kept as it is.
 */
export function cleanText(raw: string): string {
  const lines = normalizeText(raw)
    .split('\n')
    .map(collapseWhitespace)
    .filter((l) => l.length > 0);
  const kept: string[] = [];
  let headlineKept = false;
  let standfirstSeen = false;
  for (const line of lines) {
    if (TAIL_START.test(line) && kept.length > 0) break;
    if (FURNITURE_START.test(line) || WIDGET.test(line) || isMenu(line)) continue;
    const isHeading = !SENTENCE_END.test(line);
    if (isHeading) {
      if (!headlineKept && wordCount(line) >= 4 && kept.length === 0) {
        kept.push(line.endsWith(':') ? line.slice(0, -1) : `${line}.`);
        headlineKept = true;
      } else {
        // The heading right under the headline is its standfirst: the story in one clause, kept as a sentence.
        if (kept.length === 1 && !standfirstSeen && isStandfirst(line)) kept.push(`${line}.`);
        standfirstSeen = true;
      }
      continue;
    }
    // A line of a few words is furniture ("Read more.", "All rights reserved."), unless it is a verdict on the
    // line before: "That is false." is the point of a fact-check.
    if (wordCount(line) < 4 && !judgesFalse(line)) continue;
    kept.push(line);
  }
  if (kept.length === 0) {
    // Nothing looked like prose: a bare headline (or a one-line wire item). Keep the longest line.
    // A one-line text that looks like furniture ("Video: ...") is still all the report there is.
    const prose = lines.filter((l) => !FURNITURE_START.test(l));
    const longest = (prose.length > 0 ? prose : lines).sort((a, b) => b.length - a.length)[0];
    return longest ?? '';
  }
  return kept.join('\n');
}
