import type { Slots } from '../types.js';
import { extractDates } from './dates.js';
import { extractNames } from './names.js';
import { isHedged, isNegated } from './polarity.js';
import { extractQuantities } from './quantities.js';

export function extractSlots(text: string, publishedAt?: string): Slots {
  return {
    quantities: extractQuantities(text),
    dates: extractDates(text, publishedAt),
    names: extractNames(text),
    negated: isNegated(text),
    hedged: isHedged(text),
  };
}

export { datesAgree, datesComparable } from './dates.js';
export { namesMatch, openingName } from './names.js';
export { isCurrency, isOpenBound, isRank, measuredIn, quantitiesAgree, sameMeasure } from './quantities.js';
