// Text normalisation shared by every engine step: one Unicode form, plain quotes
// and dashes, no invisible characters, so later steps can match on plain strings.

// Bidirectional controls too (U+200E/F, U+202A-202E, U+2066-2069): they change how text displays, not what it says.
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\u00AD]/g;
// C0/C1 controls except tab and newline: they only ever come from broken scrapes or abuse.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function normalizeText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ');
}

/** Lower-case, strip diacritics: "Tchiani" and "Tchianí" compare equal. */
export function foldCase(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Word tokens (letters, digits, inner apostrophes and hyphens), original case kept. */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? [];
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A phrase as a regular expression matching it literally ("U.S." matches only "U.S."). */
export const escapeRegex = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
