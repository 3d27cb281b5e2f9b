// What of a report can be stored: every text within the input limits is either
// stored or refused naming the field, before anything is written.
import { badInput } from '../errors.js';
import type { ReportIndex, Store } from './ports.js';
import { LIMITS } from './limits.js';
import type { ReportRecord } from './types.js';

/**
 * A term longer than a whole claim can never be one of a claim's terms, so indexing it finds
 * nothing; and a word of a few thousand characters would make a key over DynamoDB's 2,048 bytes.
 * Example: a 2,100-letter run in a scraped page is dropped from the index, the report is kept.
 */
export const isIndexableTerm = (term: string): boolean => term.length <= LIMITS.claimTextMaxChars;

export function indexableIndex(index: ReportIndex): ReportIndex {
  return { ...index, postings: index.postings.filter((p) => isIndexableTerm(p.term)) };
}

/** Refuse a report that would need an item over the store's size limit (one enormous "sentence"). */
export function refuseUnstorable(store: Store, field: string, report: ReportRecord, index: ReportIndex): void {
  const over = store.oversizedReportItem(report, index);
  if (!over) return;
  throw badInput(
    field,
    `${over.item} takes ${over.bytes} bytes once analysed; the store's limit is ${over.limit} bytes per item. Break the text into sentences (with full stops) of reasonable length`,
  );
}
