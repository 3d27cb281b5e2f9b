// Number words to values ("one thousand", "twenty-five", "a dozen"). Written here
// because the npm packages for it pull in large fuzzy-matching dependencies that
// would weigh on the Lambda bundle for a few dozen words.

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
  pair: 2,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
export const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
  // South Asian scales: "Rs 500 crore" is five billion rupees.
  crore: 10_000_000,
  lakh: 100_000,
  lakhs: 100_000,
  k: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  mln: 1_000_000,
  bn: 1_000_000_000,
  b: 1_000_000_000,
  tn: 1_000_000_000_000,
};

export const NUMBER_WORD = new RegExp(
  `^(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand', 'million', 'billion', 'trillion', 'and'].join('|')})$`,
);

/** Value of a run of number words, or undefined when the run is not a number. */
export function parseNumberWords(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words) {
    const word = raw.toLowerCase();
    if (word === 'and') continue;
    for (const part of word.split('-')) {
      if (part in UNITS) {
        current += UNITS[part]!;
        seen = true;
      } else if (part in TENS) {
        current += TENS[part]!;
        seen = true;
      } else if (part === 'hundred') {
        current = (current || 1) * 100;
        seen = true;
      } else if (part === 'thousand' || part === 'million' || part === 'billion' || part === 'trillion') {
        total += (current || 1) * SCALES[part]!;
        current = 0;
        seen = true;
      } else {
        return undefined;
      }
    }
  }
  return seen ? total + current : undefined;
}

/** "1,500" -> 1500, "1.2" -> 1.2, "1.500" (European thousands) -> 1500. */
export function parseDigits(text: string): number | undefined {
  const clean = text.replace(/\s/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(clean)) return Number(clean.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+$/.test(clean)) return Number(clean.replace(/\./g, ''));
  if (/^\d+(\.\d+)?$/.test(clean)) return Number(clean);
  return undefined;
}

/** Ordinal words to their rank ("third" -> 3); digits with a suffix ("8th") are read by `ordinalValue`. */
export const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

/** The rank an ordinal says: "third" and "3rd" are 3; anything else is undefined. */
export function ordinalValue(word: string): number | undefined {
  const folded = word.toLowerCase();
  const digits = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(folded);
  return digits ? Number(digits[1]) : ORDINAL_WORDS[folded];
}
