// Input validation for every use case: clear errors naming the field and the
// limit, before anything is written. Text is NFC-normalised and stripped of
// control, zero-width and bidirectional-control characters.
import { badInput } from '../errors.js';
import { LIMITS } from './limits.js';
import type { IngestReportInput } from './types.js';

// eslint-disable-next-line no-control-regex
// Bidirectional controls (U+200E/F, U+202A-202E, U+2066-2069) with them: stored text must display as it was checked.
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

export function cleanInput(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '');
}

export function requiredText(field: string, value: unknown, maxChars: number): string {
  if (typeof value !== 'string') throw badInput(field, 'is required and must be a string');
  const text = cleanInput(value).trim();
  if (text.length === 0) throw badInput(field, 'must not be empty or blank');
  if (text.length > maxChars)
    throw badInput(field, `is too long (${text.length} characters; the limit is ${maxChars})`);
  return text;
}

export function optionalText(field: string, value: unknown, maxChars: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badInput(field, 'must be a string');
  const text = cleanInput(value).trim();
  if (text.length === 0) return undefined;
  if (text.length > maxChars)
    throw badInput(field, `is too long (${text.length} characters; the limit is ${maxChars})`);
  return text;
}

export function optionalUrl(field: string, value: unknown): string | undefined {
  const text = optionalText(field, value, LIMITS.urlMaxChars);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(field, 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput(field, 'must be an http(s) URL');
  url.hash = '';
  return url.toString();
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO date (kept as YYYY-MM-DD) or date-time (kept as UTC ISO). */
export function optionalDate(field: string, value: unknown): string | undefined {
  const text = optionalText(field, value, 40);
  if (text === undefined) return undefined;
  if (ISO_DATE.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text)
      throw badInput(field, `"${text}" is not a real calendar date`);
    return text;
  }
  if (ISO_DATE_TIME.test(text)) {
    const d = new Date(text);
    if (Number.isNaN(d.getTime())) throw badInput(field, `"${text}" is not a valid date-time`);
    return d.toISOString();
  }
  throw badInput(field, `"${text}" is not an ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)`);
}

/**
 * A publish date a report can have: from LIMITS.publishedAtMinYear to a week from now.
 * Relative dates in the text resolve against it, so year 0 or 9999 would date every event wrongly.
 */
export function optionalPublishDate(field: string, value: unknown, now = new Date()): string | undefined {
  const date = optionalDate(field, value);
  if (date === undefined) return undefined;
  const min = `${LIMITS.publishedAtMinYear}-01-01`;
  const max = new Date(now.getTime() + LIMITS.publishedAtMaxDaysAhead * 86_400_000).toISOString().slice(0, 10);
  const day = date.slice(0, 10);
  if (day < min || day > max)
    throw badInput(field, `"${date}" is outside the plausible range ${min} to ${max} (a week from today)`);
  return date;
}

export interface ValidReport {
  source: string;
  text: string;
  title: string | undefined;
  url: string | undefined;
  publishedAt: string | undefined;
}

export function validateReport(input: IngestReportInput, prefix = 'input'): ValidReport {
  if (!input || typeof input !== 'object') throw badInput(prefix, 'is required');
  return {
    source: requiredText(`${prefix}.source`, input.source, LIMITS.sourceMaxChars),
    text: requiredText(`${prefix}.text`, input.text, LIMITS.reportTextMaxChars),
    title: optionalText(`${prefix}.title`, input.title, LIMITS.titleMaxChars),
    url: optionalUrl(`${prefix}.url`, input.url),
    publishedAt: optionalPublishDate(`${prefix}.publishedAt`, input.publishedAt),
  };
}

/** An id as this service makes them; anything else is refused before it reaches a key. */
export function validId(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(field, 'must not be empty');
  const id = value.trim();
  if (id.length > LIMITS.idMaxChars || !/^[A-Za-z0-9_-]+$/.test(id)) {
    throw badInput(
      field,
      `is not an id of this service (ids are at most ${LIMITS.idMaxChars} letters, digits, "_" or "-")`,
    );
  }
  return id;
}

export function pageSize(field: string, first: number | null | undefined): number {
  if (first === undefined || first === null) return LIMITS.pageSizeDefault;
  if (!Number.isInteger(first) || first < LIMITS.pageSizeMin || first > LIMITS.pageSizeMax) {
    throw badInput(field, `must be an integer from ${LIMITS.pageSizeMin} to ${LIMITS.pageSizeMax}`);
  }
  return first;
}

/** One publisher, one key: case, spacing and punctuation do not make a new source. */
export function sourceKeyOf(source: string): string {
  return (
    source
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'unknown'
  );
}
