// Stance of one statement towards a claim. First the topic: does the statement
// speak of the same predicate and key entities (term and name overlap)? Then the
// checkable details both state: numbers, dates, polarity. Agreement on all shared
// details is support; a conflict on one is contradiction; a hedge is only a mention.
import type { Alignment, ClaimAnalysis, DateSlot, NameSlot, Quantity, SlotComparison, Statement } from './types.js';
import {
  datesAgree,
  datesComparable,
  isCurrency,
  isOpenBound,
  isRank,
  measuredIn,
  namesMatch,
  openingName,
  quantitiesAgree,
  sameMeasure,
} from './slots/index.js';
import { deniedHarms, isHedged, isHedgedHeadline, judgesFalse, negatesTerms, saysNotKnown } from './slots/polarity.js';
import {
  inAppositive,
  isAside,
  isLandmark,
  isLocalAuthority,
  isPlace,
  isSetting,
  namesBack,
  namesEventBack,
  refersBack,
} from './references.js';
import { placeContains } from './resources/gazetteer.js';
import { extractQuantities } from './slots/quantities.js';
import { extractNames } from './slots/names.js';
import { isPartOfDay } from './slots/times.js';
import { angleBetween, DIRECTION_AGREES, DIRECTION_CONFLICTS, directionsIn } from './slots/directions.js';
import { type Succession, successionIn, successionSwapped } from './slots/succession.js';
import { isEventNoun, namesPeople, namesWork } from './events.js';
import {
  type Argument,
  clauseOf,
  headWord,
  impends,
  REPORTING_VERBS,
  rolesSwapped,
  sameArgument,
  type Clause,
} from './clause.js';
import type { Pending } from './pending.js';
import { areAntonyms, areSynonyms, derivedWords, isLemma, lemmatize } from './resources/wordnet.js';
import { frequencyRank } from './resources/vectors.js';
import { tag } from './resources/tagger.js';
import { CASE_STAGES, STOP_WORDS } from './lexicon.js';
import { canonicalTerm, contentTerms } from './terms.js';
import { foldCase, wordTokens } from './text.js';
import {
  actsAlike,
  bestLikeness,
  compoundNoun,
  isCompoundNoun,
  MEANING_CREDIT,
  meaningWords,
  namesKindOf,
  wordsAlike,
  wordsOpposed,
} from './meaning.js';

/** Share of the claim's weighted terms the statement covers, at or above which it states the same fact. */
export const SAME_FACT = 0.55;
/** Stricter bar for contradiction: a conflicting number in a loosely related sentence is noise. */
export const SAME_FACT_CONTRADICTION = 0.8;
/** Below this share the statement is not about the claim at all. */
export const ON_TOPIC = 0.35;
/**
 * A lower bar for a sentence that denies a harm ("No one was injured."): it names the harm and little else,
 * and its report's lead names the event.
 */
export const HARM_TOPIC = 0.25;
/**
 * A report that is only a headline names the fact in a few words and rarely repeats
 * every term or name of a full sentence: it states the claim at a lower overlap, and
 * one of the claim's names is enough.
 */
export const SAME_FACT_HEADLINE = 0.2;
export const SAME_FACT_CONTRADICTION_HEADLINE = 0.2;
/**
 * The fact bar for a sentence that gives the claim's figure with what it counts ("The works cost 2.4 million
 * pounds." for "The refurbishment of the library cost 2.4 million pounds") and names no other actor or place: a
 * figure with what it counts is a detail few sentences share by chance, so the sentence is on the claim's fact
 * though it says the rest in other words. A conflict needs more (a count of people in another role is common:
 * "one marcher was arrested" against "20,000 marched"): only two sums of money conflict at this bar.
 */
export const SAME_FACT_FIGURE = ON_TOPIC;

interface Context {
  terms?: string[];
  names?: NameSlot[];
  /** the previous sentence's figures: a sentence that refers back may leave them there ("A 63-year-old woman was shot. The woman, Kafoury, died.") */
  quantities?: Quantity[];
}

const contextOf = (statement: Statement): Context => {
  const previous = statement.extra?.context as Context | undefined;
  return refersBack(statement.text, previous?.terms) ? (previous ?? {}) : {};
};

/** The names of the report's headline and lead: what every later sentence is about. */
const leadOf = (statement: Statement): NameSlot[] => (statement.extra?.lead as NameSlot[] | undefined) ?? [];

/** The words of its report's story the sentence leaves out (analyze.ts): the story a detail it adds belongs to. */
const storyOf = (statement: Statement): string[] => (statement.extra?.story as string[] | undefined) ?? [];

/** Share of the name's words among the terms ("Greece" opening a sentence is a term, not a name). */
const nameShareIn = (name: NameSlot, terms: ReadonlySet<string>): number => {
  const words = name.key.split(' ');
  return words.filter((t) => terms.has(canonicalTerm(t))).length / words.length;
};

/** The name is one of the sentence's names, or its opening word ("France has ..." for "French"). */
const namedIn = (name: NameSlot, statement: Statement): boolean => {
  if (statement.slots.names.some((n) => namesMatch(name, n))) return true;
  const opening = openingName(statement.text);
  return opening !== undefined && namesMatch(name, opening);
};

/** The name is stated in the sentence: as a name, or word for word as plain terms. */
const statedIn = (name: NameSlot, statement: Statement): boolean =>
  namedIn(name, statement) || nameShareIn(name, new Set(statement.terms)) === 1;

/** A reading of the claim, computed once per claim: a claim is aligned with many statements. */
function perClaim<T>(compute: (claim: Statement) => T): (claim: Statement) => T {
  // Boxed, so that a reading that is undefined or false is kept too.
  const memo = new WeakMap<Statement, { value: T }>();
  return (claim) => {
    let entry = memo.get(claim);
    if (!entry) {
      entry = { value: compute(claim) };
      memo.set(claim, entry);
    }
    return entry.value;
  };
}

/** Index terms of the claim's names: they are scored by sound, not as terms. */
const nameTermsOf = perClaim(
  (claim): Set<string> =>
    new Set(
      claim.slots.names.flatMap((n) => [
        ...n.key.split(' ').flatMap((w) => [w, canonicalTerm(w)]),
        ...contentTerms(n.text),
      ]),
    ),
);

/** The claim's words behind each of its terms ("resigned" for resign): meaning is read from words, not stems. */
const claimWordsOf = perClaim((claim): Map<string, string[]> => {
  const byTerm = new Map<string, string[]>();
  for (const word of meaningWords(claim.text)) {
    // A two-word noun ("grappling hook") stands behind the terms of both its words.
    const terms = isCompoundNoun(word) ? word.split(' ').map(canonicalTerm) : [canonicalTerm(word)];
    for (const term of terms) byTerm.set(term, [...(byTerm.get(term) ?? []), word]);
  }
  return byTerm;
});

/**
 * A reading of a sentence, memoised by its text: a claim is aligned with many statements and a statement with many
 * claims, and statements come back from the store as new objects each time. Bounded: the oldest entry goes when
 * it is full.
 */
function byText<T>(read: (text: string) => T): (statement: Statement) => T {
  const memo = new Map<string, T>();
  return ({ text }) => {
    let value = memo.get(text);
    if (value === undefined) {
      value = read(text);
      if (memo.size >= TEXT_CACHE_SIZE) memo.delete(memo.keys().next().value!);
      memo.set(text, value);
    }
    return value;
  };
}
const TEXT_CACHE_SIZE = 20_000;

/** A sentence's words that can carry a fact by meaning. */
const sentenceWordsOf = byText(meaningWords);

/**
 * Credit for a claim term the sentence does not have as a term but says in other words (WordNet synonyms, close
 * word vectors: "prohibited" for "banned"), in [0, 1): see meaning.ts. The sentence's own words only, not
 * the context's.
 */
function meaningMatch(claim: Statement, term: string, statement: Statement): number {
  const words = claimWordsOf(claim).get(term);
  if (!words) return 0;
  const theirs = sentenceWordsOf(statement);
  let best = 0;
  for (const w of words) best = Math.max(best, bestLikeness(w, theirs));
  if (best < MEANING_CREDIT.kind && words.some((w) => theirs.some((t) => namesKindOf(t, w))))
    best = MEANING_CREDIT.kind;
  return best >= 1 ? MEANING_CREDIT.synonym : best;
}

/**
 * Weighted share of the claim's terms and names found in the statement; the terms and names of the sentence it
 * continues (its context) count half, the names of its lead count half too.
 */
function topicOverlap(
  claim: Statement,
  statement: Statement,
  context: Context,
  lead: NameSlot[],
  byMeaning = true,
): number {
  const own = new Set(statement.terms);
  const carried = new Set(context.terms ?? []);
  const nameTerms = nameTermsOf(claim);
  let total = 0;
  let found = 0;
  const unmatched: string[] = [];
  for (const term of claim.terms) {
    if (nameTerms.has(term)) continue; // names are scored below, by sound
    total += 1;
    if (own.has(term)) found += 1;
    else if (carried.has(term)) found += 0.5;
    else if (byMeaning) unmatched.push(term);
  }
  for (const name of claim.slots.names) {
    total += 1.5;
    if (namedIn(name, statement)) found += 1.5;
    // A bare headline names things in part ("Watch" for "Apple Watch"); a sentence must give most of the name.
    else if (statement.extra?.headlineOnly === true ? nameShareIn(name, own) > 0 : nameShareIn(name, own) > 0.5)
      found += 1.5;
    else if (takenUpByPronoun(claim, statement, name, context)) found += 1.5;
    else if ([...(context.names ?? []), ...lead].some((n) => namesMatch(name, n))) found += 0.75;
  }
  if (total === 0) return 0;
  // Words matched by meaning can lift a sentence over a bar, never from far below the lowest one: a sentence
  // that could not reach it even so is not worth the lookups (most candidates of a claim are such).
  const reachable = (found + unmatched.length * MEANING_CREDIT.synonym) / total;
  if (unmatched.length > 0 && reachable >= LOWEST_BAR)
    for (const term of unmatched) found += meaningMatch(claim, term, statement);
  return found / total;
}

/**
 * The sentence opens with "he", "she" or a possessive ("his", "her", "its") and the sentence before names the
 * claim's subject: the pronoun takes up that name ("Priya Soames quit on Monday. She had led the hospital for six
 * years."; "Restoring Kestrel Hall cost 1.6 million pounds. Its doors opened again on Monday."). Not a bare "it",
 * which is often no one ("It was not clear whether...").
 */
function takenUpByPronoun(claim: Statement, statement: Statement, name: NameSlot, context: Context): boolean {
  if (!PRONOUN_OPENING.test(statement.text)) return false;
  if (!(context.names ?? []).some((n) => namesMatch(name, n))) return false;
  const subject = clauseOfStatement(claim).subject;
  // The tagger may end a name early ("The Larch" of "The Larch Theatre reopened"): its head word is enough.
  return (
    subject !== undefined &&
    (foldCase(subject.phrase).includes(foldCase(name.text)) || name.key.split(' ').includes(foldCase(subject.head)))
  );
}
const PRONOUN_OPENING = /^(?:he|she|his|her|its)\b/iu;

/**
 * The claim has words besides its names and the sentence has none of them: not as a term, not carried from the
 * sentence before, not by meaning, not as a word that can say an act. Only the names reach the fact bar.
 */
function sharesOnlyNames(claim: Statement, statement: Statement, context: Context): boolean {
  const nameTerms = nameTermsOf(claim);
  const words = claim.terms.filter((t) => !nameTerms.has(t));
  if (words.length === 0) return false;
  const own = new Set(statement.terms);
  const carried = new Set(context.terms ?? []);
  const theirs = sentenceWordsOf(statement);
  // A word may say the claim's act in any sense, or as a near verb ("quit" for "left"): the act's looser bar.
  const saysByAct = (t: string) =>
    (claimWordsOf(claim).get(t) ?? []).some((w) => theirs.some((x) => actsAlike(lemmatize(w, 'v'), lemmatize(x, 'v'))));
  return words.every((t) => !own.has(t) && !carried.has(t) && meaningMatch(claim, t, statement) === 0 && !saysByAct(t));
}

/** The lowest bar a topic share is compared with (a headline's fact bar). */
const LOWEST_BAR = Math.min(SAME_FACT_HEADLINE, HARM_TOPIC, ON_TOPIC);

function publishDateSlot(publishedAt: string | undefined): DateSlot | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt ?? '');
  return m
    ? {
        kind: 'date',
        text: publishedAt!,
        granularity: 'day',
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
      }
    : undefined;
}

/**
 * Scope in time: a sentence dated in a year before its report was published is background
 * ("In 2004 a tsunami killed 230,000"): its figures and dates cannot contradict a claim about
 * the events of the day (a claim with no date, or dated in the report's year or later).
 */
function aboutEarlierTime(claim: Statement, statement: Statement, publishedAt?: string): boolean {
  const published = publishDateSlot(publishedAt)?.year;
  if (published === undefined) return false;
  const years = statement.slots.dates.map((d) => d.year);
  if (years.length === 0 || years.some((y) => y === undefined || y >= published)) return false;
  return claim.slots.dates.every((d) => d.year === undefined || d.year >= published);
}

interface SlotCheck {
  matched: SlotComparison[];
  conflicting: SlotComparison[];
  /** the claim has a number or date the statement does not state */
  missing: boolean;
  /** a conflicting figure is followed by the very words the claim's figure is ("50 were injured" for "80 people were injured") */
  countedConflict: boolean;
  /** the conflict is between two sums of money of one measure ("cost 4.2 million pounds" / "cost 2.4 million pounds") */
  moneyConflict: boolean;
  /** the conflicting figure counts the claim's unit with every word the claim's figure has ("80 stallholders had booked" for "200 stallholders had booked") */
  exactCountConflict: boolean;
  /** the conflict is of a slot that admits one value: the rank of the same thing ("the 8th arrondissement" / "the first arrondissement"), or the bearing from the same place ("northeast of Cobb" / "southwest of Cobb") */
  singleValueConflict: boolean;
  /** an agreeing figure counts the very thing the claim's figure counts ("14 people were taken to hospital"), or is the same sum of money */
  countedMatch: boolean;
  /** a counted match that gives the claim's figure itself, not an open bound under it ("at least two" for "fourteen") */
  statedFigure: boolean;
  /** the sentence itself states a date that agrees with the claim's (its report's publish date does not count) */
  datedMatch: boolean;
}

/**
 * Two figures of the sentence that add up to the claim's whole: "two of them fled but three boats were
 * captured" gives the five skiffs of "two of the five skiffs got away". Returns their text, or undefined.
 */
function partsSumming(whole: Quantity, figures: Quantity[]): string | undefined {
  if (whole.part === true) return undefined;
  // A part counts among the whole's things ("two of them"), whatever unit it was read with.
  const among = figures.filter(
    (s) =>
      s.implicit !== true && ((s.part === true && s.unit === undefined) || sameMeasure(whole, { ...s, part: false })),
  );
  for (let i = 0; i < among.length; i++) {
    for (let k = i + 1; k < among.length; k++) {
      const [a, b] = [among[i]!, among[k]!];
      if (
        (a.part === true || b.part === true) &&
        quantitiesAgree(whole, { ...a, value: a.value + b.value, low: a.low + b.low, high: a.high + b.high })
      )
        return `${a.text} + ${b.text}`;
    }
  }
  return undefined;
}

/**
 * The sentence's figure has the claim's figure's unit and the sentence names what is measured with one of the
 * claim's words besides the unit ("Turnout was put at 41 percent" for "Turnout in the vote was 41 percent"; "The
 * works cost 2.4 million pounds"): a sum of money is money whatever the words around it.
 */
function sameUnitOfMeasure(claim: Statement, q: Quantity, statement: Statement, s: Quantity): boolean {
  if (q.unit === undefined || s.unit !== q.unit) return false;
  if (isCurrency(q)) return true;
  const unitTerms = new Set([q.unit, ...(q.nouns ?? [])].map(canonicalTerm));
  const nameTerms = nameTermsOf(claim);
  return claim.terms.some((t) => !unitTerms.has(t) && !nameTerms.has(t) && statement.terms.includes(t));
}

/** The two figures count things of one kind: one unit's word names a kind of the other's ("saplings", "trees"). */
const unitsAkin = (q: Quantity, s: Quantity): boolean =>
  q.unitWord !== undefined &&
  s.unitWord !== undefined &&
  q.unit !== s.unit &&
  (namesKindOf(q.unitWord, s.unitWord) || namesKindOf(s.unitWord, q.unitWord));

/** Every word the claim's figure counts besides its unit follows the other figure too ("stallholders had booked"). */
const countsEvery = (q: Quantity, other: Quantity): boolean =>
  (q.nouns ?? []).every((n) => n === q.unit || (other.nouns ?? []).includes(n));

function compareSlots(claim: Statement, statement: Statement, context: Context, publishedAt?: string): SlotCheck {
  const published = publishDateSlot(publishedAt);
  const matched: SlotComparison[] = [];
  const conflicting: SlotComparison[] = [];
  let missing = false;
  let countedConflict = false;
  let countedMatch = false;
  let statedFigure = false;
  let datedMatch = false;
  let moneyConflict = false;
  let exactCountConflict = false;
  let singleValueConflict = false;
  const carriedFigures = context.quantities ?? [];
  // "A woman was killed" in a claim is its fact, not a figure a report must repeat; the whole a sentence's part is
  // counted from ("of its 400 jobs") is not the sentence's count of the act.
  const wholes = statement.slots.quantities.filter((s) => s.whole === true);
  const figures = statement.slots.quantities.filter((s) => s.whole !== true);
  // A part the claim gives with its whole stays a part ("Two of the five skiffs got away" is not "a five-boat
  // attack"): only a sentence's part with its whole counts the act ("cut 120 of its 400 jobs").
  const claimed = claim.slots.quantities.map(({ ofWhole: _, ...q }) => q);
  for (const q of claimed.filter((x) => x.implicit !== true)) {
    const measured = figures.filter((s) => sameMeasure(q, s));
    // The claim says what its figure counts beyond its unit ("twelve miles underground", "people were injured").
    const saysWhat = (q.nouns ?? []).some((n) => n !== q.unit);
    // When the sentence has a figure of that ("a depth of 1.2 miles"), that one decides, not another of the same
    // unit ("14 miles north of X").
    const precise = saysWhat ? measured.filter((s) => measuredIn(q, s)) : [];
    const same = precise.length > 0 ? precise : measured;
    // A figure the claim gives without saying what it counts ("measured 6.1") agrees with the same
    // figure of any measure; it conflicts only with a figure of the same (unnamed) measure.
    // An open bound ("at least three people") agrees with almost any figure: only when it is near the figure
    // ("as many as 20,000" for "about 20,000") or counts the same thing.
    const agrees = (s: Quantity) =>
      quantitiesAgree(q, s) &&
      (!isOpenBound(s) || isOpenBound(q) || Math.abs(q.value - s.value) <= 0.1 * q.value || measuredIn(q, s));
    // The whole ("the five skiffs" of "two of the five skiffs got away") can confirm only the claim's whole: a
    // figure the claim gives as the count of an act is the part's ("cut 400 jobs" is not "cut 120 of its 400").
    const whole = q.whole === true ? wholes.find((s) => sameMeasure(q, s) && agrees(s)) : undefined;
    // "Police said two of them were seriously hurt" counts "Two people were seriously injured": a part counts the
    // claim's figure when it counts the same act (it agrees only, never conflicts: "two of the boats got away" is
    // no count of "five boats attacked").
    const direct = same.find(agrees) ?? whole ?? (q.unit === undefined ? figures.find(agrees) : undefined);
    const part =
      direct || q.part === true
        ? undefined
        : figures.find(
            (s) => s.part === true && sameMeasure(q, { ...s, part: false }) && agrees(s) && measuredIn(q, s),
          );
    const agreeing = direct ?? part;
    // A figure the sentence leaves to the one it refers back to can confirm the claim, never contradict it.
    const carried = agreeing ? undefined : carriedFigures.find((s) => sameMeasure(q, s) && agrees(s));
    const parts = agreeing || carried ? undefined : partsSumming(q, figures);
    // "10,000 trees" for "Ten thousand saplings": the same count of a thing's kind agrees, never conflicts.
    const kin = agreeing || carried || parts ? undefined : figures.find((s) => unitsAkin(q, s) && agrees(s));
    if (agreeing) {
      matched.push({ kind: 'quantity', claim: q.text, report: agreeing.text });
      if (
        agreeing.implicit !== true &&
        (precise.includes(agreeing) || agreeing === part || sameUnitOfMeasure(claim, q, statement, agreeing))
      ) {
        countedMatch = true;
        if (!isOpenBound(agreeing) || isOpenBound(q)) statedFigure = true;
      }
    } else if (carried)
      matched.push({ kind: 'quantity', claim: q.text, report: `${carried.text} (previous sentence)` });
    else if (parts) matched.push({ kind: 'quantity', claim: q.text, report: parts });
    else if (kin) matched.push({ kind: 'quantity', claim: q.text, report: kin.text });
    else {
      // Two parts of one whole differ as a rule ("two of the skiffs got away", "three of the skiffs were captured"):
      // they conflict only when every word the claim's part counts follows the sentence's too.
      const rival = same.find(
        (s) => measuredIn(q, s) && s.implicit !== true && !(q.part === true && s.part === true && !countsEvery(q, s)),
      );
      if (rival) {
        conflicting.push({ kind: 'quantity', claim: q.text, report: rival.text });
        // "scored twice" counts what "scored four goals" counts: the act, by the claim's own verb.
        const actRepeated = /^(?:twice|thrice)$/i.test(rival.text) && q.unit !== undefined && countsEvery(rival, q);
        const sameCount =
          q.unit === rival.unit || (rival.unit !== undefined && (q.nouns ?? []).includes(rival.unit)) || actRepeated;
        // Two sums of money of one event ("worth 10 million euros", "making off with €2 million") are one measure too.
        if (sameCount && (saysWhat || isCurrency(q))) countedConflict = true;
        if (sameCount && isCurrency(q)) moneyConflict = true;
        if (sameCount && saysWhat && q.unit === rival.unit && countsEvery(q, rival)) exactCountConflict = true;
        if (isRank(q) && q.unit === rival.unit) singleValueConflict = true;
        // A part of the day is a circumstance, not a detail a sentence must repeat ("twenty quakes during the morning").
      } else if (!isPartOfDay(q)) missing = true;
    }
  }
  for (const d of claim.slots.dates) {
    const comparable = statement.slots.dates.filter((s) => datesComparable(d, s));
    const agreeing = comparable.find((s) => datesAgree(d, s));
    // A date that bounds a span ("in place since 2012") can confirm the claim's date, but only a date of
    // the same kind can conflict with it ("fighting since June" says nothing of when the camp was bombed,
    // "on Wednesday" nothing of "the first since 1991").
    const events = comparable.filter((s) => (s.bound === true) === (d.bound === true));
    if (agreeing) {
      matched.push({ kind: 'date', claim: d.text, report: agreeing.text });
      datedMatch = true;
    } else if (events.length > 0) conflicting.push({ kind: 'date', claim: d.text, report: events[0]!.text });
    // A sentence without a date speaks of its report's time: the publish date can confirm the
    // claim's date (never contradict it: the sentence may well be about an earlier event).
    else if (published && datesAgree(d, published) && datesComparable(d, published))
      matched.push({ kind: 'date', claim: d.text, report: `published ${publishedAt}` });
    else missing = true;
  }
  for (const n of claim.slots.names) {
    const same = statement.slots.names.find((s) => namesMatch(n, s));
    if (same) matched.push({ kind: 'name', claim: n.text, report: same.text });
  }
  // "three miles northeast of Cobb" against "3 miles southwest of Cobb": a place reckoned from the same place.
  const ourDirections = directionsIn(claim.text);
  const theirDirections = ourDirections.length > 0 ? directionsIn(statement.text) : [];
  for (const d of ourDirections) {
    const same = theirDirections.filter((s) => s.from === d.from);
    const agreeing = same.find((s) => angleBetween(d, s) <= DIRECTION_AGREES);
    const rival = same.find((s) => angleBetween(d, s) >= DIRECTION_CONFLICTS);
    if (agreeing) matched.push({ kind: 'direction', claim: d.text, report: agreeing.text });
    else if (rival) {
      conflicting.push({ kind: 'direction', claim: d.text, report: rival.text });
      singleValueConflict = true;
    }
  }
  return {
    matched,
    conflicting,
    missing,
    countedConflict,
    countedMatch,
    statedFigure,
    datedMatch,
    moneyConflict,
    exactCountConflict,
    singleValueConflict,
  };
}

/** Words that name a stage of a criminal case in its legal sense ("caught", "captured" also mean other things). */
const LEGAL_STAGE =
  /\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|charged|indicted|convicted|found guilty|sentenced|jailed|imprisoned|acquitted)\b/i;

/**
 * The claim names one stage of a criminal case ("found guilty") and the sentence only another ("charged"), or,
 * when the claim says it in legal words ("Police arrested the protester"), none at all: a sentence about the
 * same people that does not say they were arrested does not state that they were.
 */
function otherCaseStage(claim: Statement, statement: Statement): boolean {
  const has = (s: Statement, stage: string[]) => stage.some((t) => s.terms.includes(t));
  const claimed = CASE_STAGES.filter((stage) => has(claim, stage));
  if (claimed.length === 0 || claimed.some((stage) => has(statement, stage))) return false;
  return LEGAL_STAGE.test(claim.text) || CASE_STAGES.some((stage) => has(statement, stage));
}

/** The clause of a sentence (clause.ts). */
const clauseOfStatement = byText(clauseOf);

/** Verbs that carry no fact of their own: the fact is in what follows them ("stayed open", "has two years left"). */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'stay', 'remain', 'become', 'seem', 'appear', 'keep', 'get', 'go']);

/** The main verb's word, without its particle ("shut" of "shut down"). */
const verbOf = (clause: Clause): string => clause.predicate.split(' ')[0] ?? '';

/** Likeness of two predicates: the same (as terms, or with their particles), else how alike their verbs are (meaning.ts). */
function predicatesAlike(a: Clause, b: Clause): number {
  if (
    a.predicate === b.predicate ||
    a.predicate.split(' ').map(canonicalTerm).join(' ') === b.predicate.split(' ').map(canonicalTerm).join(' ')
  )
    return 1;
  return wordsAlike(verbOf(a), verbOf(b));
}

/** The claim's main act, when it carries a fact of its own: a verb that is neither light nor a function word. */
function claimAct(claim: Statement): string | undefined {
  const clause = clauseOfStatement(claim);
  if (!clause.complete || clause.modality !== 'act') return undefined;
  const verb = verbOf(clause);
  return verb.length > 2 && !LIGHT_VERBS.has(verb) && !STOP_WORDS.has(verb) ? verb : undefined;
}

/**
 * The sentence has the claim's two participants in the same roles but another act: "The council has proposed a
 * footbridge" for "The council built a footbridge". Its verb is neither the claim's act nor alike it (a synonym,
 * a close verb: "filed" for "sued"), and no word of the sentence says the act. Only when both roles are known on
 * both sides: a sentence with other participants may say the act in a way the clause reader does not see.
 */
function otherAct(claim: Statement, statement: Statement): string | undefined {
  const act = claimAct(claim);
  if (act === undefined) return undefined;
  const a = clauseOfStatement(claim);
  const b = clauseOfStatement(statement);
  if (!b.complete || !a.agent || !a.patient || !sameArgument(a.agent, b.agent) || !sameArgument(a.patient, b.patient))
    return undefined;
  const verb = verbOf(b);
  if (LIGHT_VERBS.has(verb) || statement.terms.includes(canonicalTerm(act))) return undefined;
  return saysAct(claim, statement, act) ? undefined : `${verb}, not ${act}`;
}

/**
 * A word of the sentence, or its verb lemma ("rose": "rise" for "raise"), says the claim's act: the same term, a
 * synonym in any sense, or a near verb (see actsAlike). Forms of the verb `besides` do not count ("began" is a sense
 * of "open", not when work began).
 */
function saysAct(claim: Statement, statement: Statement, act: string, besides?: string): boolean {
  const words = [act, ...(claimWordsOf(claim).get(canonicalTerm(act)) ?? [])];
  const theirs = sentenceWordsOf(statement).filter((t) => besides === undefined || lemmatize(t, 'v') !== besides);
  return words.some((w) => theirs.some((t) => actsAlike(w, t) || actsAlike(w, lemmatize(t, 'v'))));
}

/**
 * The cause the claim names after a passive ("was caused by arson", "was damaged by a landslide"), when the
 * sentence has no word for it (the same term, a synonym or a near word): it leaves the claim's point out. Not
 * people ("was felt by people in Santa Rosa" is said in many ways: "residents felt it"), and names are left to
 * `KEY_NAME_MISSING`.
 */
function agentMissing(claim: Statement, statement: Statement): string | undefined {
  const a = clauseOfStatement(claim);
  if (!a.passive || !a.agent || a.modality !== 'act') return undefined;
  const head = headWord(a.agent);
  if (
    head.length < 3 ||
    STOP_WORDS.has(head) ||
    namesPeople(head) ||
    claim.slots.names.some((n) => foldCase(n.text).includes(head))
  )
    return undefined;
  return hasWordFor(statement, head) ? undefined : head;
}

/** Verbs that start or carry on a piece of work: "Work starts on the bypass", "Digging continues on the tunnel". */
const STARTING_VERBS = new Set(['begin', 'start', 'commence', 'resume', 'continue', 'get under way']);

/**
 * The sentence tells that work on the claim's subject (or its object) has begun or goes on, and not the claim's
 * act: "Digging on the rail tunnel began on Monday" for "The rail tunnel opened to trains", "Work starts on the
 * bypass" for "The bypass opened". Work under way is an earlier stage than what it makes possible. The claim's
 * participant, or undefined.
 */
function workBegun(claim: Statement, statement: Statement): string | undefined {
  const act = claimAct(claim);
  if (act === undefined || STARTING_VERBS.has(act)) return undefined;
  const a = clauseOfStatement(claim);
  const b = clauseOfStatement(statement);
  if (!b.complete || !b.subject || b.negated || !STARTING_VERBS.has(verbOf(b))) return undefined;
  if (!namesWork(headWord(b.subject))) return undefined;
  const participant = [a.subject, a.patient]
    .map((p) => p && headWord(p))
    .find((h) => h !== undefined && h.length > 2 && !STOP_WORDS.has(h) && hasWordFor(statement, h));
  if (participant === undefined) return undefined;
  return saysAct(claim, statement, act, verbOf(b)) ? undefined : participant;
}

/** The sentence has a word for the claim's noun: the same term, a synonym or a near word. */
const hasWordFor = (statement: Statement, word: string): boolean =>
  statement.terms.includes(canonicalTerm(word)) || bestLikeness(word, sentenceWordsOf(statement)) > 0;

/**
 * What the claim's act is done to, when the sentence says the act but has no word for its object (the same term, a
 * synonym or a near word): "fired rubber bullets" is not stated by "fired tear gas at the crowd", nor "found a
 * handgun" by "found receipts". A sentence that tells the act in other words may name the object in others too.
 * Its head noun, or undefined.
 */
function objectMissing(claim: Statement, statement: Statement, context: Context): string | undefined {
  const object = claimObjectOf(claim);
  if (object === undefined) return undefined;
  const { act, head, term, names, compound } = object;
  if ((context.terms ?? []).includes(term) || hasWordFor(statement, head)) return undefined;
  if (compound && hasWordFor(statement, compound)) return undefined;
  // "the Skelder Hill scheme" for "the Skelder Hill wind farm": the name the object is called by is the object.
  if (names.some((n) => statement.slots.names.some((s) => namesMatch(n, s)))) return undefined;
  return saysAct(claim, statement, act) ? head : undefined;
}

/**
 * The claim's subject is a group of people named by what they do ("Bus drivers in Port Hessel went on strike") and
 * the sentence's subject is another ("Dock workers at Port Hessel went on strike"): the sentence has no word for
 * the claim's group nor for the word that qualifies it. Another group did it. The two subjects, or undefined.
 */
function otherGroup(claim: Statement, statement: Statement): string | undefined {
  const a = clauseOfStatement(claim);
  const b = clauseOfStatement(statement);
  if (!a.complete || !b.complete || a.passive || b.passive || !a.subject || !b.subject) return undefined;
  const head = headWord(a.subject);
  // "A strike by dock workers brought the port to a standstill": an event's by-phrase names who did it.
  const doer = isEventNoun(headWord(b.subject)) ? byGroupAfter(statement.text, b.subject.phrase) : undefined;
  const theirs = doer?.head ?? headWord(b.subject);
  if (head === theirs || !namesPeople(head) || !namesPeople(theirs)) return undefined;
  // The word before the group's head that says which group: "bus" of "Bus drivers", not a name ("Vellum staff").
  const words = a.subject.phrase.split(/\s+/);
  const at = words.findIndex((w) => lemmatize(foldCase(w), 'n') === head);
  if (at < 1) return undefined;
  const written = words[at - 1]!;
  const qualifier = foldCase(written);
  const capitalised = /^\p{Lu}/u.test(written) && !claim.text.startsWith(written);
  if (qualifier.length < 3 || STOP_WORDS.has(qualifier) || capitalised) return undefined;
  // A count is no group's qualifier: "Three people" is said by "Two women and a man".
  if (extractQuantities(qualifier).length > 0) return undefined;
  if (!isLemma(lemmatize(qualifier, 'n'), 'n') || claim.slots.names.some((n) => foldCase(n.text).includes(qualifier)))
    return undefined;
  if (hasWordFor(statement, head) || hasWordFor(statement, qualifier)) return undefined;
  return `${doer?.phrase ?? b.subject.phrase}, not ${a.subject.phrase}`;
}

/**
 * The claim says what a named body did ("The USGS classes a magnitude 4.6 quake as light") and the sentence names that
 * body only as its source ("A magnitude 4.6 quake was recorded, according to the U.S. Geological Survey"), without
 * the claim's act: it reports what the body said about something else. The source, or undefined.
 */
function sourceOnly(claim: Statement, statement: Statement): string | undefined {
  const a = clauseOfStatement(claim);
  const b = clauseOfStatement(statement);
  const source = b.attribution?.source;
  if (!a.complete || a.passive || !a.subject || !source || a.attribution || REPORTING_VERBS.has(a.predicate))
    return undefined;
  if (!sameBody(a.subject, source) || sameBody(a.subject, b.agent) || sameBody(a.subject, b.subject)) return undefined;
  if (claimAct(claim) !== undefined && saysClaimAct(claim, statement)) return undefined;
  // "Marl Bridge safe, engineers say" for "Engineers found the Marl Bridge safe": the source says the content.
  const doer = new Set(a.subject.phrase.split(/\s+/).map((w) => canonicalTerm(foldCase(w))));
  const content = [...claimWordsOf(claim)].filter(([term]) => !doer.has(term) && term !== canonicalTerm(a.predicate));
  return content.every(([, words]) => words.some((w) => hasWordFor(statement, w))) ? undefined : source.phrase;
}

/** The name is in the claim's doer ("The USGS" of "The USGS classes ..."). */
const isDoerOf = (claim: Statement, name: NameSlot): boolean => {
  const doer = clauseOfStatement(claim).agent;
  return doer !== undefined && extractNames(doer.phrase).some((n) => namesMatch(n, name));
};

/** The sentence says the claim's act, or the claim has no act to say. */
const saysClaimAct = (claim: Statement, statement: Statement): boolean => {
  const act = claimAct(claim);
  return act === undefined || saysAct(claim, statement, act);
};

/**
 * Another actor's other act: the sentence's subject is neither the claim's doer nor the body it names, and no word
 * of the sentence says the claim's act (the verb or its lemma, a synonym or a near verb, a word alike in meaning
 * or derived from it). "The US has threatened military intervention against Niger" does not say "Niger revoked its
 * military agreement with the US". The two subjects and the act, or undefined.
 */
function otherActor(claim: Statement, statement: Statement): string | undefined {
  const act = claimAct(claim);
  const a = clauseOfStatement(claim);
  const b = clauseOfStatement(statement);
  if (act === undefined || a.passive || !a.subject || !b.complete || b.passive || !b.subject) return undefined;
  // Both subjects name their actor: an unnamed subject ("the fire", "drivers", "this cancellation") may tell the
  // claim's event from another side.
  if (!namesIn(claim, a.subject) || !namesIn(statement, b.subject)) return undefined;
  if (LIGHT_VERBS.has(verbOf(b)) || sameBody(a.subject, b.subject) || saysAct(claim, statement, act)) return undefined;
  const words = [act, ...(claimWordsOf(claim).get(canonicalTerm(act)) ?? [])];
  const derived = words.flatMap((w) => derivedWords(w)).map(canonicalTerm);
  if (words.some((w) => hasWordFor(statement, w)) || derived.some((t) => statement.terms.includes(t))) return undefined;
  return `${b.subject.phrase}, not ${a.subject.phrase}; no word for ${act}`;
}

/** The sentence opens with a proper noun (a name the name reader leaves out as a lone opening word: "Niger"). */
const opensWithProperNoun = byText((text) => tag(text)[0]?.pos === 'PROPN');

/** The noun phrase holds one of its sentence's names ("The US", "Niger's junta"; a proper noun opening it). */
const namesIn = (statement: Statement, phrase: Argument): boolean =>
  statement.slots.names.some((n) => foldCase(phrase.phrase).includes(foldCase(n.text))) ||
  (statement.text.startsWith(phrase.phrase) && opensWithProperNoun(statement));

/** Two noun phrases for one body: the same head, or names that match ("USGS", "the U.S. Geological Survey"). */
const sameBody = (a: Argument, b: Argument | undefined): boolean => {
  if (!b) return false;
  if (sameArgument(a, b)) return true;
  const theirs = extractNames(b.phrase);
  return extractNames(a.phrase).some((n) => theirs.some((m) => namesMatch(n, m)));
};

/**
 * The people an event's by-phrase names, right after the phrase that names the event: "A strike by dock workers at
 * Port Hessel" gives "dock workers" (head "worker"). At most three lower-case words; the last that names people heads.
 */
function byGroupAfter(text: string, phrase: string): { head: string; phrase: string } | undefined {
  // The phrase is read from tokens ("A two - day strike"): its last word finds it in the text.
  const last = phrase.split(/\s+/).at(-1) ?? '';
  if (!/^[\p{L}-]+$/u.test(last)) return undefined;
  const words = new RegExp(`\\b${last}\\s+by\\s+([^,.;:]*)`, 'u').exec(text)?.[1]?.split(/\s+/) ?? [];
  const run: string[] = [];
  for (const word of words.slice(0, 3)) {
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word) || STOP_WORDS.has(word)) break;
    run.push(word);
  }
  const end = run.findLastIndex((w) => namesPeople(lemmatize(w, 'n')));
  if (end < 0) return undefined;
  return { head: lemmatize(run[end]!, 'n'), phrase: run.slice(0, end + 1).join(' ') };
}

/**
 * The claim tells part of its content as background, in a relative clause ("Marfin promised compensation to the
 * families of the three employees who died"), and the sentence has a word for none of the main clause's own
 * words (the same term, a synonym or a near word) nor says its act: "Three bank employees died in the fire" tells
 * the background, not the claim. The main clause's words, or undefined.
 */
function backgroundOnly(claim: Statement, statement: Statement): string | undefined {
  const words = claimMainWordsOf(claim);
  if (words.length === 0 || words.some((w) => hasWordFor(statement, w))) return undefined;
  const act = claimAct(claim);
  return act !== undefined && saysAct(claim, statement, act) ? undefined : words.join(', ');
}

/** The content words of the claim's main clause beside its relative clauses (clause.ts), light verbs left out. */
const claimMainWordsOf = perClaim((claim): string[] =>
  (clauseOfStatement(claim).mainWords ?? []).filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !LIGHT_VERBS.has(w)),
);

/**
 * The head noun of what the claim's act is done to, when it is one to look for: not people, names or a figure's unit
 * (other readings judge those), nor a noun whose meaning sits in the "of" phrase or "that" clause after it ("parts
 * of the province", "the size of the march", "rejected accusations that it bombed the camp"). Read once per claim.
 */
const claimObjectOf = perClaim(
  (claim): { act: string; head: string; term: string; names: NameSlot[]; compound?: string } | undefined => {
    const act = claimAct(claim);
    if (act === undefined) return undefined;
    const a = clauseOfStatement(claim);
    if (a.passive || !a.patient) return undefined;
    const at = claim.text.indexOf(a.patient.phrase);
    const after = at >= 0 ? claim.text.slice(at + a.patient.phrase.length) : '';
    if (/^\s+(?:of|that)\b/i.test(after)) return undefined;
    // A measure of a bare noun ("a fortune in jewels") is done to what it measures.
    const measured = MEASURED_NOUN.exec(after)?.[1];
    const head = measured ?? headWord(a.patient);
    if (head.length < 3 || /\d/.test(head) || STOP_WORDS.has(head) || namesPeople(head)) return undefined;
    // A common noun is said in many ways and often makes an idiom with its verb ("seized power", "quit his post").
    if ((frequencyRank(head) ?? Number.POSITIVE_INFINITY) < COMMON_NOUN_RANK) return undefined;
    const term = canonicalTerm(head);
    if (nameTermsOf(claim).has(term)) return undefined;
    // A figure's unit, or the figure itself ("showed at least twenty lesser quakes"), is left to the figures.
    const figureWords = claim.slots.quantities.flatMap((q) => [
      q.unit,
      ...(q.nouns ?? []),
      ...foldCase(q.text).split(' '),
    ]);
    if (figureWords.some((n) => n && (n === head || canonicalTerm(n) === term))) return undefined;
    const phrase = foldCase(a.patient.phrase);
    // "found grappling hooks": the head is said by a word for the two-word noun it is part of ("grapnels"), the
    // noun's first word or its last (a tagger may read "grappling" as a verb and end the phrase there).
    const before = phrase.split(/\s+/).at(-2);
    const next = /^\s+(\p{Ll}+)/u.exec(after)?.[1];
    const compound = measured
      ? undefined
      : ((before ? compoundNoun(before, head) : undefined) ?? (next ? compoundNoun(head, next) : undefined));
    return {
      act,
      head,
      term,
      names: claim.slots.names.filter((n) => phrase.includes(foldCase(n.text))),
      ...(compound ? { compound } : {}),
    };
  },
);

/** Nouns among the language's thousand most frequent words (by the word vectors' ranks) are too common to check. */
const COMMON_NOUN_RANK = 1000;

/** "in" and a bare noun after the object: the noun its measure measures ("a fortune in jewels", not "a gun in his flat"). */
const MEASURED_NOUN = /^\s+in\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those)\b)(\p{Ll}+)\b/u;

/**
 * The sentence negates the claim's act by its clause: its main verb is the claim's (or alike) and the clause
 * reader finds it negated in a form the cue words miss ("failed to reopen", "no longer runs", "denied that he sold").
 */
function clauseNegatesAct(claim: Statement, statement: Statement): boolean {
  const theirs = clauseOfStatement(statement);
  if (!theirs.complete || !theirs.negated) return false;
  const verb = verbOf(theirs);
  const act = claimAct(claim);
  return (
    claim.terms.includes(canonicalTerm(verb)) ||
    bestLikeness(verb, [...claimWordsOf(claim).values()].flat()) > 0 ||
    // "never breached the code" negates "broke the code": the claim's act by a synonym in any of its senses.
    (act !== undefined && areSynonyms(verb, act, 'v')) ||
    // "will not be allowed" negates the opposite of "prohibited": see negatedOpposite
    (act !== undefined && wordsOpposed(act, verb))
  );
}

/** Clause boundaries a hedge does not cross: "The tremor rattled homes, but would not be expected to do damage". */
const CLAUSE_BOUNDARY = /,\s+(?:but|although|though|whereas)\s+|;\s+/i;

/**
 * A hedge reaches the claim when it stands in the clause that holds most of the claim's words: "The tremor rattled
 * homes in Napa, but would not have been expected to do any damage" asserts the rattling. Ties keep the hedge.
 */
function hedgeReaches(claim: Statement, text: string): boolean {
  const parts = text.split(CLAUSE_BOUNDARY);
  // "... to cost under 4,500, but will it?": a question at the end doubts the clause before it too.
  if (parts.length < 2 || /\?["'’”)\]]*$/.test(text.trim())) return true;
  const terms = new Set(claim.terms);
  const shared = parts.map((p) => new Set(contentTerms(p).filter((t) => terms.has(t))).size);
  const most = Math.max(...shared);
  return parts.some((p, i) => shared[i] === most && isHedged(p));
}

/** The claim's participants in each other's roles: read through the passive, on the same act or on any act of the sentence whose subject is the claim's patient while the claim's agent follows the verb. */
function rolesReversed(claim: Statement, statement: Statement, a: Clause, b: Clause): boolean {
  if (predicatesAlike(a, b) > 0 && rolesSwapped(a, b)) return true;
  // Any act of the sentence, as long as one of its words says the claim's ("won the race, beating Rusk"):
  // "The bank appointed Ostrow, replacing Frey" reverses nothing of "Frey left the bank".
  const act = claimAct(claim);
  return (
    participantsReversed(claim, statement, a, b) &&
    !wordsOpposed(verbOf(a), verbOf(b)) &&
    act !== undefined &&
    saysAct(claim, statement, act)
  );
}

/**
 * The sentence's subject is the claim's patient and the claim's agent is named after it: "Quell won the race,
 * beating Rusk" for "Rusk beat Quell", "Ashby lost to Kelmouth" for "Kelmouth beat Ashby". Only between named
 * participants: "Greyline raised fares" is not reversed by "Fares rose, Greyline said".
 */
function participantsReversed(claim: Statement, statement: Statement, a: Clause, b: Clause): boolean {
  if (!a.agent || !a.patient || !b.agent || sameArgument(a.agent, a.patient)) return false;
  if (!sameArgument(a.patient, b.agent) || sameArgument(a.agent, b.agent)) return false;
  const asName = (arg: Clause['agent']) =>
    claim.slots.names.find((n) => sameArgument({ head: n.key, phrase: n.text }, arg));
  const agentName = asName(a.agent);
  if (!asName(a.patient)) return false;
  const subjectAt = statement.text.indexOf(b.agent.phrase);
  if (!agentName || subjectAt < 0) return false;
  const agentMatch = statement.slots.names.find((n) => namesMatch(agentName, n));
  return agentMatch !== undefined && statement.text.indexOf(agentMatch.text, subjectAt + b.agent.phrase.length) > 0;
}

/**
 * The sentence says the claim's act by its converse: the opposite verb with the participants the other way round
 * ("Ashby Vale lost to Kelmouth Rovers" for "Kelmouth Rovers beat Ashby Vale"), which is the same fact. Returns
 * "beat / lose", or undefined.
 */
function converseAct(claim: Statement, statement: Statement): string | undefined {
  const [a, b] = [clauseOfStatement(claim), clauseOfStatement(statement)];
  if (!a.complete || !b.complete || claimAct(claim) === undefined) return undefined;
  const [x, y] = [verbOf(a), verbOf(b)];
  return wordsOpposed(x, y) && participantsReversed(claim, statement, a, b) ? `${x} / ${y}` : undefined;
}

/**
 * Why a sentence that shares the claim's words and details still does not state its act, read from the two
 * clauses: the same act with the participants in each other's roles ("Southport beat Northfield" for
 * "Northfield beat Southport", or "Northfield was beaten by Southport"), the act only planned ("The
 * council plans to close the bridge" for "The council closed the bridge") or only hedged ("The manager could
 * leave the club"). Undefined when neither.
 */
function clauseMismatch(claim: Statement, statement: Statement): 'roles' | 'plan' | 'hedge' | undefined {
  const a = clauseOfStatement(claim);
  if (!a.complete || a.modality !== 'act') return undefined;
  const b = clauseOfStatement(statement);
  if (!b.complete) return undefined;
  // Roles are read for an act ("beat", "sued"), not for a state ("The operation was the fifth").
  if (claimAct(claim) !== undefined && rolesReversed(claim, statement, a, b)) return 'roles';
  // "A bin strike looms": the sentence's subject is the claim's act, still to come.
  if (impends(b) && b.subject !== undefined && claim.terms.includes(canonicalTerm(b.subject.head))) return 'plan';
  // "The council proposed a new pool", "plans to build a footbridge": whatever the claim says was done to the pool
  // or the footbridge, it is only planned.
  if (b.modality === 'plan' && a.patient && sameArgument(a.patient, b.patient)) return 'plan';
  // The sentence's act is the claim's: alike predicates, or its verb is one of the claim's words ("went on strike").
  if (predicatesAlike(a, b) === 0 && !claim.terms.includes(canonicalTerm(verbOf(b)))) return undefined;
  // "She has said she will not step down" is the refusal "She refused to resign" tells: no plan, an act.
  if (b.modality === 'plan') return a.refused === true && b.negated ? undefined : 'plan';
  if (b.modality === 'hedge') return 'hedge';
  // "Posts claimed that a shark was seen": credited to a verb that does not vouch for what it reports.
  if (b.attribution && HEARSAY_VERBS.has(b.attribution.verb) && !a.attribution) return 'hedge';
  return undefined;
}

/** Reporting verbs that pass a statement on without vouching for it: "Posts claimed that ...", "He alleged that ...". */
const HEARSAY_VERBS = new Set(['claim', 'allege', 'rumour', 'rumor', 'speculate', 'suggest']);

/**
 * One side negates the opposite of the other's act, which says the same: "will not be allowed to use hosepipes"
 * for "prohibited hosepipes", "did not lose" for "won". The polarity then agrees.
 */
function negatedOpposite(claim: Statement, statement: Statement): boolean {
  const [a, b] = [clauseOfStatement(claim), clauseOfStatement(statement)];
  // "The maternity unit has shut" is what "The hospital no longer has a maternity unit" says.
  const endedNoLonger = (ended: Clause, own: string, other: string) =>
    ended.complete && ENDING_ACTS.has(verbOf(ended)) && !NO_LONGER.test(own) && NO_LONGER.test(other);
  if (endedNoLonger(a, claim.text, statement.text) || endedNoLonger(b, statement.text, claim.text)) return true;
  if (!a.complete || !b.complete || a.negated === b.negated) return false;
  return wordsOpposed(verbOf(a), verbOf(b));
}

/** Acts that end something: said negated with "no longer" ("no longer runs", "is no longer open"), they agree. */
const ENDING_ACTS = new Set([
  'close',
  'shut',
  'end',
  'stop',
  'cease',
  'scrap',
  'abolish',
  'discontinue',
  'axe',
  'quit',
]);
const NO_LONGER = /\b(?:no\s+longer|not\s+(?:\w+\s+){0,3}any\s*more)\b/i;

/** The state a linking verb gives its subject ("stayed open", "was closed", "remains shut"): the word after it. */
const LINKED_STATE =
  /\b(?:stay(?:s|ed)?|remain(?:s|ed)?|is|are|was|were|kept|keeps|became|becomes)\s+(?:still\s+|fully\s+|partly\s+)?([a-z]+)/gi;

/**
 * The words that say what happened or what state holds: the main verb and a linked state. A verb with its particle
 * is read whole when WordNet knows it ("broke out" is "break out", which begins, not "break").
 */
function predicateWords(statement: Statement): string[] {
  const clause = clauseOfStatement(statement);
  const { predicate } = clause;
  const phrasal = predicate.includes(' ') && isLemma(predicate, 'v');
  const words = clause.complete ? [phrasal ? predicate : predicate.split(' ')[0]!] : [];
  for (const m of statement.text.matchAll(LINKED_STATE)) words.push(m[1]!.toLowerCase());
  return [...new Set(words)];
}

/**
 * The claim's act or state and the sentence's are opposites (WordNet antonyms: "stayed open" / "was closed",
 * "won" / "lost", "rose" / "fell") of the same subject, said the same way (neither or both negated). Returns "open vs closed".
 */
function oppositePredicate(claim: Statement, statement: Statement): string | undefined {
  return sameSubject(claim, statement) === true ? opposedPredicates(claim, statement) : undefined;
}

/**
 * Whether the sentence's subject is the claim's: undefined when either is unknown. The claim's patient may be the
 * sentence's subject: "Greyline lowered fares" against "Fares rose".
 */
function sameSubject(claim: Statement, statement: Statement): boolean | undefined {
  const claimClause = clauseOfStatement(claim);
  const b = clauseOfStatement(statement).subject;
  if (!claimClause.subject || !b) return undefined;
  const claimSubject = new Set(
    [claimClause.subject, claimClause.patient].flatMap((arg) => (arg ? contentTerms(arg.phrase) : [])),
  );
  // A possessor is not the subject: "Vellum Bank's shares" are not Vellum Bank.
  const phrase = b.phrase.replace(/^.*\S['’]s?\s+(?=\S)/u, '');
  return contentTerms(phrase).some((t) => claimSubject.has(t));
}

/**
 * The opposite act or state of another subject ("A birth centre opened" against "The maternity unit closed"):
 * not the claim's fact, and not against it either ("Norland set up a fund" says nothing against "The fund opened").
 */
function oppositeOfOther(claim: Statement, statement: Statement): string | undefined {
  if (sameSubject(claim, statement) !== false) return undefined;
  // None of the sentence's participants is one of the claim's: "Quell won, beating Rusk" is about "Rusk was defeated".
  const a = clauseOfStatement(claim);
  const b = clauseOfStatement(statement);
  const ours = new Set(
    [a.subject, a.object, a.agent, a.patient].flatMap((arg) => (arg ? contentTerms(arg.phrase) : [])),
  );
  const theirs = [b.subject, b.object].flatMap((arg) => (arg ? contentTerms(arg.phrase) : []));
  if (theirs.some((t) => ours.has(t))) return undefined;
  // Nor one the sentence names anywhere: the claim's subject and object, as names ("Tom Rusk", "Clearbrook Water").
  const phrases = foldCase([a.subject, a.object].map((arg) => arg?.phrase ?? '').join(' | '));
  const named = claim.slots.names.filter((n) => phrases.includes(foldCase(n.text)));
  return named.some((m) => statement.slots.names.some((n) => namesMatch(m, n)))
    ? undefined
    : opposedPredicates(claim, statement);
}

/** Acts that undo what their object names: "lifted the ban", "ended the strike", "scrapped the toll". */
const UNDOING_ACTS = new Set([...ENDING_ACTS, 'lift', 'revoke', 'repeal', 'rescind', 'overturn', 'cancel', 'remove']);

/**
 * One side undoes what the other's verb does, named by its noun: "Clearbrook Water lifted the hosepipe ban" against
 * "Clearbrook Water has banned hosepipes" (the object's noun is the other's verb, by lemma or WordNet derivation).
 * Returns "lift ban vs ban".
 */
function undoneAct(claim: Statement, statement: Statement): string | undefined {
  const undone = (undoing: Clause, doing: Clause): string | undefined => {
    if (!undoing.complete || !doing.complete || undoing.passive || !undoing.patient) return undefined;
    const undo = verbOf(undoing);
    if (!UNDOING_ACTS.has(undo)) return undefined;
    const noun = lemmatize(headWord(undoing.patient), 'n');
    const verb = verbOf(doing);
    if (LIGHT_VERBS.has(verb) || UNDOING_ACTS.has(verb)) return undefined;
    return noun === verb || derivedWords(noun).includes(verb) ? `${undo} ${noun} vs ${verb}` : undefined;
  };
  const [a, b] = [clauseOfStatement(claim), clauseOfStatement(statement)];
  return undone(a, b) ?? undone(b, a);
}

/** The claim's predicate and the sentence's opposed ("open vs closed"), by WordNet antonyms or opposed senses. */
function opposedPredicates(claim: Statement, statement: Statement): string | undefined {
  const undone = undoneAct(claim, statement);
  if (undone !== undefined) return undone;
  const claimWords = predicateWords(claim);
  if (claimWords.length === 0) return undefined;
  for (const b of predicateWords(statement)) {
    const a = claimWords.find((w) => w !== b && (areAntonyms(w, b) || wordsOpposed(w, b)));
    if (a) return `${a} vs ${b}`;
  }
  return undefined;
}

/**
 * The qualifier the sentence is under (pending.ts), when it reaches the claim: an unconfirmed fact reaches every
 * claim but one that is itself hedged or negated ("X has not confirmed the deal"); a pending act ("Nothing has
 * been approved yet", "The strike has not yet begun") reaches a claim whose words name it ("approved", "went on
 * strike").
 */
function pendingReaching(claim: Statement, statement: Statement): Pending | undefined {
  const pending = statement.extra?.pending as Pending | undefined;
  if (!pending || claim.slots.hedged || claimNegatedOf(claim)) return undefined;
  if (pending.reach === 'all') return pending;
  // Named by the same word or a WordNet synonym, not by a near vector: vectors put related acts together
  // ("proposed" / "approved"), and "Nothing has been approved yet" says nothing against "The council has proposed a pool".
  const theirs = new Set(pending.words.map(canonicalTerm));
  const nameTerms = nameTermsOf(claim);
  const ours = [...claimWordsOf(claim).entries()].filter(([t]) => !nameTerms.has(t)).flatMap(([, words]) => words);
  const named =
    claim.terms.some((t) => !nameTerms.has(t) && theirs.has(t)) ||
    pending.words.some((w) => bestLikeness(w, ours) >= MEANING_CREDIT.synonym);
  return named ? pending : undefined;
}

/**
 * What one statement says of a claim, read once. The rules below test it in order; the first that
 * applies decides the stance. Readings the early rules do not need (slot comparison, names, polarity)
 * are computed on first use, so an off-topic sentence costs one overlap score.
 */
export interface Reading {
  readonly claim: Statement;
  readonly statement: Statement;
  readonly publishedAt: string | undefined;
  /** topic overlap in [0, 1], with the context and lead the sentence carries */
  readonly score: number;
  readonly headline: boolean;
  /** the overlap at or above which the sentence states the claim's fact: lower for a headline and a sentence with the claim's counted figure */
  readonly sameFact: number;
  readonly slots: SlotCheck;
  /** names of the sentence that are neither the claim's, the lead's nor an aside */
  readonly strangers: NameSlot[];
  readonly missingName: boolean;
  readonly claimNegated: boolean;
  readonly statementNegated: boolean;
  readonly hedged: boolean;
  /** the cause the claim names after a passive, when the sentence has no word for it ("arson") */
  readonly agentMissing: string | undefined;
  /** what the claim's act is done to, when the sentence has no word for it ("rubber bullets" against "tear gas") */
  readonly objectMissing: string | undefined;
  /** the sentence tells another actor's other act: what it says instead */
  readonly otherActor: string | undefined;
  /** the sentence's subject is another group of people than the claim's ("Dock workers" against "Bus drivers") */
  readonly otherGroup: string | undefined;
  /** the sentence says only what the claim tells in a relative clause: the claim's main-clause words it lacks */
  readonly backgroundOnly: string | undefined;
  /** the sentence names the claim's doer only as its source, and says neither its act nor its content: the source */
  readonly sourceOnly: string | undefined;
  /** the sentence shares only the claim's names: none of its other words, as a term or by meaning */
  readonly namesOnly: boolean;
  /** the claim's participant the sentence tells work on as begun or going on, not the claim's act */
  readonly workBegun: string | undefined;
  /** the sentence has the claim's newcomer and the one replaced the other way round ("A to replace B" / "B, replacing A") */
  readonly successionSwapped: boolean;
  /** the sentence says the opposite act or state of another subject, as "open vs closed" */
  readonly oppositeOfOther: string | undefined;
  /** the sentence says the matter is not known yet and the claim does not ("the cause is not yet known") */
  readonly notKnown: boolean;
  readonly question: boolean;
  /** the slot conflicts plus the polarity conflict, when polarity differs */
  readonly conflicts: SlotComparison[];
  /** overlap of the sentence's own words (not the one it continues, nor words alike only in meaning): a conflict needs the sentence itself to state the fact */
  readonly ownScore: number;
  readonly contradictionBar: number;
  /** the claim's subject is an event and the sentence names it on another date */
  readonly eventRedated: boolean;
  /** a harm the sentence says did not happen ("no injuries were reported") that the claim asserts */
  readonly deniedHarm: string | undefined;
  /** the sentence says the opposite act or state ("closed" for "stayed open"), as "open vs closed" */
  readonly opposite: string | undefined;
  /** the sentence says the claim's act by its converse with the roles reversed ("lost to" for "beat"), as "beat / lose" */
  readonly converse: string | undefined;
  /** the qualifier a neighbouring sentence or clause puts on the sentence's fact, when it reaches the claim ("The vote is still to come.") */
  readonly pending: Pending | undefined;
  /** the sentence states the claim's act with the roles swapped, or only as a plan or a hedge */
  readonly clauseMismatch: 'roles' | 'plan' | 'hedge' | undefined;
  /** the sentence has the claim's participants in their roles doing another act, as "proposed, not built" */
  readonly otherAct: string | undefined;
  /** the harm both the claim and the sentence say did not happen ("Nobody was hurt" / "No one was injured") */
  readonly sharedDenial: string | undefined;
  /** the sentence calls the one before it false ("The claim is false"), and that one stated the claim's fact */
  readonly debunked: boolean;
}

function readStatement(claim: ClaimAnalysis, statement: Statement, publishedAt?: string): Reading {
  const c = claim.statement;
  // What the sentence carries from the one it refers back to, and from its report's lead: read once.
  const context = contextOf(statement);
  const lead = leadOf(statement);
  const headline = statement.extra?.headlineOnly === true;
  // The overlap at which the sentence states the claim's fact, before any lower bar its figures earn.
  const factBar = headline ? SAME_FACT_HEADLINE : SAME_FACT;
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  };
  const inClaim = (n: NameSlot) => c.slots.names.some((name) => namesMatch(name, n));
  // The harms the sentence says did not happen, read once for both harm readings below.
  const statementDenials = () => once('statementDenials', () => deniedHarms(statement.text));
  // A place inside one of the claim's places ("in Healdsburg" for a claim about Sonoma County) or around one
  // ("in California" for a claim about Healdsburg) is the claim's place told finer or coarser, not a rival place.
  const nearClaimPlace = (n: NameSlot) =>
    c.slots.names.some(
      (name) => !namesMatch(name, n) && (placeContains(name.text, n.text) || placeContains(n.text, name.text)),
    );
  // What a negation must reach to deny the claim: its predicate and its names ("not ... Ebola"). Built once for both sides.
  const predicate = () => once('predicate', () => new Set(c.terms));
  const reading: Reading = {
    claim: c,
    statement,
    publishedAt,
    // A sentence that adds a detail to its report's story ("Three people were hurt on Tuesday" after "Quake shakes
    // Eastmark") is about the story's words too, when the detail is the claim's (its counted figure or its date) and
    // the sentence names no other place or actor.
    get score() {
      return once('score', () => {
        const own = topicOverlap(c, statement, context, lead);
        const story = storyOf(statement);
        if (!c.terms.some((t) => story.includes(t))) return own;
        if (!reading.slots.statedFigure && !reading.slots.datedMatch) return own;
        if (reading.strangers.length > 0) return own;
        return Math.max(
          own,
          topicOverlap(c, statement, { ...context, terms: [...(context.terms ?? []), ...story] }, lead),
        );
      });
    },
    headline,
    get sameFact() {
      return once('sameFact', () => {
        if (headline) return factBar;
        // Read the figures only for a sentence between the two bars: below both or above the higher, they change nothing.
        if (reading.score < SAME_FACT_FIGURE || reading.score >= factBar) return factBar;
        return reading.slots.countedMatch && reading.strangers.length === 0 ? SAME_FACT_FIGURE : factBar;
      });
    },
    get slots() {
      return once('slots', () => compareSlots(c, statement, context, publishedAt));
    },
    // Every key entity of the claim must be there: the same act by or about someone else is another fact.
    // The headline's names scope a sentence that names no one and nowhere else ("In Eastmark, twelve
    // died" is about Eastmark, whatever the headline says), and a sentence that opens by naming the
    // event again ("The quake was felt in Oman"): the other places it names are where the event reached.
    get strangers() {
      return once('strangers', () =>
        statement.slots.names.filter(
          (n) =>
            !inClaim(n) && !lead.some((l) => namesMatch(l, n)) && !isAside(n, statement.text) && !nearClaimPlace(n),
        ),
      );
    },
    get missingName() {
      return once('missingName', () => {
        const strangers = reading.strangers;
        // A sentence that refers back continues the previous one's fact, in its place, though it names other
        // actors ("The delegation, headed by X, was hosted by Y"); not when it gives a place of its own ("in Eastline").
        const contextNames = context.names ?? [];
        const placedElsewhere = strangers.some((n) => isPlace(n, statement.text));
        const leadScoped = strangers.length === 0 || namesEventBack(statement.text);
        const scope = leadScoped || !placedElsewhere ? contextNames : [];
        // The lead names the story's scene and actors, and its sources too ("The U.S. Geological Survey reported
        // ..."): it stands in for the claim's doer only in a sentence that says the doer's act.
        const leadStandsIn = (name: NameSlot) =>
          leadScoped && lead.some((n) => namesMatch(name, n)) && (!isDoerOf(c, name) || saysClaimAct(c, statement));
        // The claim's place ("in Troy", "the Troy shooting") is the lead's when the sentence gives no place of its own, though it names
        // other people ("LaCalamita was found guilty of the slaying of Kafoury").
        const inLead = (name: NameSlot) =>
          !placedElsewhere && isSetting(name, c.text) && lead.some((n) => namesMatch(name, n));
        // The claim's region is named by a town in it that the sentence gives as its place ("struck Healdsburg, in
        // the wine country" for "the Sonoma County quake") or places its event by ("14 miles north of Healdsburg"
        // for "the Northern California quake"); the reverse (a region for the claim's town) is not.
        const placedInside = (name: NameSlot) =>
          statement.slots.names.some(
            (n) =>
              (isSetting(n, statement.text) || isLocalAuthority(n, statement.text) || isLandmark(n, statement.text)) &&
              !namesMatch(name, n) &&
              placeContains(name.text, n.text),
          );
        const named = (name: NameSlot) =>
          statedIn(name, statement) ||
          scope.some((n) => namesMatch(name, n)) ||
          leadStandsIn(name) ||
          inLead(name) ||
          placedInside(name);
        // Headlines are title-cased (every word looks like a name) and terse: their topic overlap decides.
        // A claim name may be left out ("an Indian warship" for "INS Sukanya"), but not replaced: when the
        // sentence names someone or somewhere the claim does not, a missing name means another actor or
        // place in the same role ("agreements with the EU" is not "the agreement with the United States").
        // A name in an appositive only describes the one before it ("Kafoury, the Gordon Advisors receptionist, ...").
        const absent = c.slots.names.filter((name) => !named(name) && !inAppositive(name, c.text)).length;
        const rival = statement.slots.names.some((n) => !inClaim(n) && !nearClaimPlace(n));
        return !headline && absent > 0 && (rival || absent * 2 > c.slots.names.length);
      });
    },
    get claimNegated() {
      return once('claimNegated', () => claimNegatedOf(c));
    },
    get statementNegated() {
      return once(
        'statementNegated',
        // A verdict of falsehood ("That is not true, ...") negates the sentence before it, not its own words.
        () =>
          !judgesFalse(statement.text) && (negatesTerms(statement.text, predicate()) || clauseNegatesAct(c, statement)),
      );
    },
    get pending() {
      return once('pending', () => pendingReaching(c, statement));
    },
    get hedged() {
      return once(
        'hedged',
        () =>
          ((statement.slots.hedged && hedgeReaches(c, statement.text)) ||
            ((headline || statement.extra?.headline === true) && isHedgedHeadline(statement.text, c.text)) ||
            // "The strike has not yet begun" does not hedge a claim that only says a strike was voted for.
            (reading.pending !== undefined && clauseOfStatement(c).modality !== 'plan') ||
            // "Fenwick City are understood to be close to signing him": a hedge the grammar carries, not a cue word.
            (clauseOfStatement(statement).modality === 'hedge' && clauseOfStatement(c).modality !== 'hedge')) &&
          !c.slots.hedged &&
          // A claim about the future is stated by a sentence about the future ("will cost" by "would cost").
          !(clauseOfStatement(c).modality === 'plan' && clauseOfStatement(statement).modality === 'plan'),
      );
    },
    get notKnown() {
      return once('notKnown', () => saysNotKnown(statement.text) && !saysNotKnown(c.text));
    },
    // A question asserts nothing, either way ("Real or hoax?"); a denial passed on with a hedge still denies.
    get question() {
      return once('question', () => /\?["'’”)\]]*$/.test(statement.text.trim()));
    },
    get conflicts() {
      return once('conflicts', () => {
        const { claimNegated, statementNegated } = reading;
        const polarity: SlotComparison[] =
          claimNegated !== statementNegated && !negatedOpposite(c, statement)
            ? [
                {
                  kind: 'polarity',
                  claim: claimNegated ? 'negated' : 'affirmed',
                  report: statementNegated ? 'negated' : 'affirmed',
                },
              ]
            : [];
        return [...reading.slots.conflicting, ...polarity];
      });
    },
    // A sentence that renames the previous one's subject and names nothing else ("The island, which has
    // about 200,000 residents") states its fact with the previous sentence's names.
    get ownScore() {
      return once('ownScore', () => {
        const strangers = reading.strangers;
        return namesBack(statement.text) && strangers.length === 0
          ? reading.score
          : // Words matched only by meaning place a sentence near the claim, not on its fact: a conflict needs its words.
            topicOverlap(c, statement, {}, strangers.length === 0 ? lead : [], false);
      });
    },
    // A figure that counts the very thing the claim's figure counts, in a sentence about the report's own event
    // (no other place or actor), is the same fact though the sentence is short ("The governor said 50 were injured").
    get contradictionBar() {
      const bar = headline ? SAME_FACT_CONTRADICTION_HEADLINE : SAME_FACT_CONTRADICTION;
      if (reading.strangers.length > 0) return bar;
      // Two sums of money of one measure conflict at the figure bar; other counts at the fact bar ("one marcher
      // was arrested" counts people too, but not the 20,000 who marched).
      // So do two counts of one unit followed by the same words ("80 stallholders had booked" against "200 stallholders
      // had booked"): the figure bar, as for a matching figure.
      const { countedConflict, moneyConflict, exactCountConflict, singleValueConflict } = reading.slots;
      if (countedConflict) return Math.min(moneyConflict || exactCountConflict ? SAME_FACT_FIGURE : factBar, bar);
      // A thing has one rank and a place one bearing from another: a sentence on the claim's fact that gives
      // another ("the first arrondissement", "southwest of Cobb") says it otherwise, though it tells more besides.
      return reading.eventRedated || singleValueConflict ? Math.min(factBar, bar) : bar;
    },
    // The claim's subject is an event ("The Orlen warehouse fire broke out on 16 August") and the sentence names it
    // with another day: an event happens once, so that is its date told otherwise, whatever verb tells the event.
    get eventRedated() {
      return once('eventRedated', () => {
        const head = clauseOfStatement(c).subject?.head;
        return (
          head !== undefined &&
          reading.slots.conflicting.some((k) => k.kind === 'date') &&
          isEventNoun(head) &&
          statement.terms.includes(canonicalTerm(head))
        );
      });
    },
    get converse() {
      return once('converse', () => converseAct(c, statement));
    },
    // The opposite verb with the roles the other way round is the same fact, not its opposite.
    get opposite() {
      return once('opposite', () => (reading.converse === undefined ? oppositePredicate(c, statement) : undefined));
    },
    get oppositeOfOther() {
      return once('oppositeOfOther', () =>
        reading.converse === undefined ? oppositeOfOther(c, statement) : undefined,
      );
    },
    get agentMissing() {
      return once('agentMissing', () => agentMissing(c, statement));
    },
    get objectMissing() {
      return once('objectMissing', () => objectMissing(c, statement, context));
    },
    get otherActor() {
      return once('otherActor', () => otherActor(c, statement));
    },
    get otherGroup() {
      return once('otherGroup', () => otherGroup(c, statement));
    },
    get backgroundOnly() {
      return once('backgroundOnly', () => backgroundOnly(c, statement));
    },
    get sourceOnly() {
      return once('sourceOnly', () => sourceOnly(c, statement));
    },
    get namesOnly() {
      return once('namesOnly', () => sharesOnlyNames(c, statement, context));
    },
    get workBegun() {
      return once('workBegun', () => workBegun(c, statement));
    },
    get successionSwapped() {
      return once('successionSwapped', () =>
        successionSwapped(claimSuccessionOf(c), successionIn(statement.text, statement.slots.names)),
      );
    },
    get clauseMismatch() {
      return once('clauseMismatch', () => clauseMismatch(c, statement));
    },
    get otherAct() {
      return once('otherAct', () => otherAct(c, statement));
    },
    get debunked() {
      return once('debunked', () => {
        const previous = statement.extra?.context as Context | undefined;
        if (!previous?.terms || !judgesFalse(statement.text)) return false;
        // The sentence before, read as a statement of its own: did it relay the claim's fact?
        const relayed: Statement = {
          index: statement.index - 1,
          text: '',
          terms: previous.terms,
          slots: { ...statement.slots, names: previous.names ?? [], quantities: previous.quantities ?? [] },
        };
        // The verdict sentence adds nothing of the claim's own: what it shares with the claim, the sentence before
        // said ("The claim is false: the photo was taken elsewhere" states the photo's origin itself).
        const before = new Set(previous.terms);
        if (statement.terms.some((t) => c.terms.includes(t) && !before.has(t))) return false;
        // Another version of the story is what was called false when the sentence before names someone or
        // somewhere the claim does not and misses one the claim names ("captions say it shows Carnby. That is
        // false." calls nothing false of "The photo was taken in Port Venn").
        const relayedNames = relayed.slots.names;
        const rival =
          relayedNames.some((n) => !c.slots.names.some((m) => namesMatch(m, n))) &&
          c.slots.names.some((m) => !relayedNames.some((n) => namesMatch(m, n)));
        return !rival && topicOverlap(c, relayed, {}, lead) >= reading.sameFact;
      });
    },
    get deniedHarm() {
      return once('deniedHarm', () => {
        const harm = statementDenials().find((t) => c.terms.includes(t));
        return harm === undefined || reading.claimNegated ? undefined : harm;
      });
    },
    get sharedDenial() {
      return once('sharedDenial', () =>
        reading.claimNegated ? statementDenials().find((t) => claimDenialsOf(c).includes(t)) : undefined,
      );
    },
  };
  return reading;
}

const polarityDiffers = (r: Reading): boolean => r.claimNegated !== r.statementNegated;

/** A term as the sentence words it, for a reason a reader understands ("injured", not the stem "injur"). */
const spokenAs = (term: string, text: string): string =>
  wordTokens(text).find((w) => canonicalTerm(foldCase(w)) === term) ?? term;

/**
 * A sentence that denies a harm speaks of the claim's event when it reaches `HARM_TOPIC`; below the topic bar only
 * if it names nothing of its own ("No one was hurt."), and never with a stranger, a missing key name, a question
 * or a hedge.
 */
const harmDenialFits = (r: Reading): boolean =>
  r.score >= HARM_TOPIC &&
  (r.score >= ON_TOPIC || r.statement.slots.names.every((n) => r.claim.slots.names.some((m) => namesMatch(m, n)))) &&
  r.strangers.length === 0 &&
  !r.missingName &&
  !r.question &&
  !r.hedged;

/** The harms the claim says did not happen ("Nobody was hurt"). */
const claimDenialsOf = perClaim((claim): string[] => deniedHarms(claim.text));

/** The succession the claim states ("A to replace B"). */
const claimSuccessionOf = perClaim((claim): Succession | undefined => successionIn(claim.text, claim.slots.names));

/** Whether the claim itself is negated. */
const claimNegatedOf = perClaim(
  (claim): boolean => negatesTerms(claim.text, new Set(claim.terms)) || clauseNegatesAct(claim, claim),
);

/** One step of the alignment decision: when it applies, the stance it gives and why, in words. */
export interface AlignmentRule {
  id: string;
  stance: Alignment['stance'];
  /** a claim and a sentence it decides, for people reading the rules */
  example: string;
  applies: (r: Reading) => boolean;
  reason: (r: Reading) => string;
  /** the details the evidence shows: by default the slots that matched and the conflicts */
  shows?: (r: Reading) => Pick<Alignment, 'matched' | 'conflicting'>;
}

const matchedOnly = (r: Reading) => ({ matched: r.slots.matched, conflicting: [] });

/** The sentence states the claim's fact by its words (the share reaches the fact bar) and nothing conflicts. */
const sameFactByWords = (r: Reading): boolean => r.score >= r.sameFact && r.conflicts.length === 0;

/** The alignment decision, in order: the first rule that applies decides. */
export const ALIGNMENT_RULES: readonly AlignmentRule[] = [
  {
    id: 'DEBUNKED',
    stance: 'CONTRADICTS',
    example:
      '"A shark was seen off the beach" vs "Posts claimed a shark was seen off the beach. The claim is false." (the second sentence)',
    applies: (r) => r.debunked && !r.claimNegated && !r.question && r.ownScore < r.sameFact,
    reason: () => 'the report calls the claim false',
    shows: (r) => ({
      matched: r.slots.matched,
      conflicting: [{ kind: 'polarity', claim: 'affirmed', report: 'called false' }],
    }),
  },
  {
    id: 'HARM_DENIED',
    stance: 'CONTRADICTS',
    example: '"The quake injured dozens" vs "There were no reports of injuries" (a report on that quake)',
    applies: (r) => r.deniedHarm !== undefined && harmDenialFits(r),
    reason: (r) => `polarity conflict: the report denies the harm (${spokenAs(r.deniedHarm!, r.statement.text)})`,
    shows: (r) => ({
      matched: r.slots.matched,
      conflicting: [{ kind: 'polarity', claim: 'affirmed', report: `no ${r.deniedHarm} reported` }],
    }),
  },
  {
    id: 'HARM_DENIED_TOO',
    stance: 'SUPPORTS',
    example: '"Nobody was hurt in the warehouse fire" vs "No one was injured." (a report on that fire)',
    applies: (r) => r.sharedDenial !== undefined && harmDenialFits(r),
    reason: (r) => `the report too denies the harm (${spokenAs(r.sharedDenial!, r.statement.text)})`,
  },
  {
    id: 'OFF_TOPIC',
    stance: 'MENTIONS',
    example: '"Troops left Niger" vs "The festival opened in Paris"',
    applies: (r) => r.score < Math.min(ON_TOPIC, r.sameFact),
    reason: () => 'different topic',
    shows: () => ({ matched: [], conflicting: [] }),
  },
  {
    id: 'EARLIER_TIME',
    stance: 'MENTIONS',
    example: '"The quake killed 12" vs "In 2004 a tsunami killed 230,000" (report of 2012)',
    applies: (r) => r.slots.conflicting.length > 0 && aboutEarlierTime(r.claim, r.statement, r.publishedAt),
    reason: () => 'about an earlier time than the claim',
    shows: matchedOnly,
  },
  {
    id: 'KEY_NAME_MISSING',
    stance: 'MENTIONS',
    example: '"Niger ended its agreement with the United States" vs "Niger ended its agreements with the EU"',
    applies: (r) => r.missingName,
    reason: () => 'a key name of the claim is missing',
    shows: matchedOnly,
  },
  {
    id: 'DETAIL_CONFLICT',
    stance: 'CONTRADICTS',
    example:
      '"France had 3,000 troops in Niger" vs "France had 1,500 troops in Niger"; "The bridge closed" vs "The bridge did not close"',
    applies: (r) =>
      r.ownScore >= r.contradictionBar && r.conflicts.length > 0 && !(r.hedged && !polarityDiffers(r)) && !r.question,
    reason: (r) => `${r.conflicts[0]!.kind} conflict: ${r.conflicts[0]!.claim} vs ${r.conflicts[0]!.report}`,
    shows: (r) => ({ matched: r.slots.matched, conflicting: r.conflicts }),
  },
  {
    id: 'NOT_YET_KNOWN',
    stance: 'MENTIONS',
    example: '"The explosion was caused by arson" vs "The cause of the explosion is not yet known"',
    applies: (r) => r.notKnown,
    reason: () => 'the report says it is not known yet',
    shows: matchedOnly,
  },
  {
    id: 'CONVERSE_ACT',
    stance: 'SUPPORTS',
    example: '"Kelmouth Rovers beat Ashby Vale" vs "Ashby Vale lost 3-1 to Kelmouth Rovers"',
    applies: (r) => sameFactByWords(r) && !r.slots.missing && !r.hedged && !r.question && r.converse !== undefined,
    reason: (r) => `same fact, said the other way round (${r.converse})`,
  },
  {
    id: 'OPPOSITE_PREDICATE',
    stance: 'CONTRADICTS',
    example: '"The Fenwick Bridge stayed open in March" vs "The Fenwick Bridge was closed on 3 March"',
    applies: (r) =>
      r.score >= ON_TOPIC &&
      r.slots.conflicting.length === 0 &&
      !polarityDiffers(r) &&
      !r.hedged &&
      !r.question &&
      r.opposite !== undefined,
    reason: (r) => `opposite act or state: ${r.opposite}`,
    shows: (r) => ({
      matched: r.slots.matched,
      conflicting: [{ kind: 'polarity', claim: r.opposite!.split(' vs ')[0]!, report: r.opposite!.split(' vs ')[1]! }],
    }),
  },
  {
    id: 'OPPOSITE_OF_OTHER',
    stance: 'MENTIONS',
    example: '"A birth centre has opened at the hospital" vs "The maternity unit at the hospital has closed"',
    applies: (r) => r.oppositeOfOther !== undefined && !polarityDiffers(r),
    reason: (r) => `the opposite act or state of something else (${r.oppositeOfOther})`,
    shows: matchedOnly,
  },
  {
    id: 'OTHER_CASE_STAGE',
    stance: 'MENTIONS',
    example: '"The man was found guilty" vs "The man was charged with murder"',
    applies: (r) => sameFactByWords(r) && !r.hedged && otherCaseStage(r.claim, r.statement),
    reason: () => 'names another stage of the case',
  },
  {
    id: 'ROLES_SWAPPED',
    stance: 'CONTRADICTS',
    example:
      '"Northfield beat Southport" vs "Southport beat Northfield" (or "Northfield was beaten by Southport"); "The bank chose Jo Frey to replace Al Ostrow" vs "The bank appointed Al Ostrow, replacing Jo Frey"',
    applies: (r) =>
      sameFactByWords(r) && !r.hedged && !r.question && (r.clauseMismatch === 'roles' || r.successionSwapped),
    reason: () => 'the roles are swapped',
    shows: (r) => ({
      matched: r.slots.matched,
      conflicting: [{ kind: 'polarity', claim: 'roles as claimed', report: 'roles swapped' }],
    }),
  },
  {
    id: 'PLAN_OR_HEDGE',
    stance: 'MENTIONS',
    example:
      '"The council closed the bridge" vs "The council plans to close the bridge"; "The manager left the club" vs "The manager could leave the club"',
    applies: (r) => sameFactByWords(r) && (r.clauseMismatch === 'plan' || r.clauseMismatch === 'hedge'),
    reason: (r) => (r.clauseMismatch === 'plan' ? 'a plan, not the act' : 'the act is only said to be possible'),
  },
  {
    id: 'WORK_BEGUN',
    stance: 'MENTIONS',
    example: '"The rail tunnel opened to trains" vs "Digging on the rail tunnel began on Monday"',
    applies: (r) => sameFactByWords(r) && r.workBegun !== undefined,
    reason: (r) => `tells work on the ${r.workBegun} begun, not the claim's act`,
  },
  {
    id: 'OTHER_ACT',
    stance: 'MENTIONS',
    example: '"The council sold the old library" vs "The council has renovated the old library"',
    applies: (r) => sameFactByWords(r) && r.otherAct !== undefined,
    reason: (r) => `another act of the same participants (${r.otherAct})`,
  },
  {
    id: 'AGENT_MISSING',
    stance: 'MENTIONS',
    example: '"The explosion was caused by arson" vs "A gas explosion tore through the block of flats"',
    applies: (r) => sameFactByWords(r) && r.agentMissing !== undefined,
    reason: (r) => `does not say the claim's cause (${r.agentMissing})`,
  },
  {
    id: 'OBJECT_MISSING',
    stance: 'MENTIONS',
    example: '"Riot police fired rubber bullets at the protesters" vs "Riot police fired tear gas at the protesters"',
    // Not a headline: it is terse and loose, and may leave the object out as it may leave out details (SAME_FACT).
    applies: (r) =>
      sameFactByWords(r) && !r.headline && r.statement.extra?.headline !== true && r.objectMissing !== undefined,
    reason: (r) => `does not say what the claim's act was done to (${r.objectMissing})`,
  },
  {
    id: 'OTHER_GROUP',
    stance: 'MENTIONS',
    example: '"Bus drivers in Port Hessel went on strike" vs "Dock workers at Port Hessel went on strike"',
    applies: (r) => sameFactByWords(r) && r.otherGroup !== undefined,
    reason: (r) => `another group does it (${r.otherGroup})`,
  },
  {
    id: 'BACKGROUND_ONLY',
    stance: 'MENTIONS',
    example: '"The firm that built the Ossary Bridge has gone bust" vs "The Ossary Bridge was built by Harlow & Sons"',
    applies: (r) => sameFactByWords(r) && r.backgroundOnly !== undefined,
    reason: (r) => `says what the claim tells as background, not its point (${r.backgroundOnly})`,
  },
  {
    id: 'SOURCE_ONLY',
    stance: 'MENTIONS',
    example:
      '"The Met Office rates the storm as severe" vs "The storm brought 80 mph gusts, according to the Met Office"',
    applies: (r) => sameFactByWords(r) && r.sourceOnly !== undefined,
    reason: (r) => `names the claim's subject only as its source (${r.sourceOnly})`,
  },
  {
    id: 'NAMES_ONLY',
    stance: 'MENTIONS',
    example:
      '"Declan Frey has left Vellum Bank" vs "Vellum\'s shares were little changed on the news" (a report on Frey)',
    // Not a headline: it is terse, and tells the act in a word of its own ("quits" for "has left").
    applies: (r) => sameFactByWords(r) && !r.headline && r.statement.extra?.headline !== true && r.namesOnly,
    reason: () => "shares only the claim's names, none of its other words",
  },
  {
    id: 'OTHER_ACTOR',
    stance: 'MENTIONS',
    example:
      '"Niger revoked its military agreement with the US" vs "The US has threatened military intervention against Niger"',
    // Not a headline: terse, its subject and verb may be words of its own.
    applies: (r) =>
      sameFactByWords(r) && !r.headline && r.statement.extra?.headline !== true && r.otherActor !== undefined,
    reason: (r) => `another actor's other act (${r.otherActor})`,
  },
  {
    id: 'SAME_FACT',
    stance: 'SUPPORTS',
    example: '"France had about 1,500 troops in Niger" vs "Some 1,500 French soldiers are stationed in Niger"',
    applies: (r) => sameFactByWords(r) && (!r.slots.missing || r.headline) && !r.hedged,
    reason: () => 'same fact, all shared details agree',
  },
  {
    id: 'HEDGED',
    stance: 'MENTIONS',
    example: '"The CEO resigned" vs "The CEO has reportedly resigned"',
    applies: (r) => r.hedged,
    reason: (r) =>
      r.pending
        ? `a neighbouring sentence says it is not so yet (${r.pending.form.toLowerCase().replaceAll('_', ' ')})`
        : 'reported without being asserted',
  },
  {
    id: 'DETAIL_MISSING',
    stance: 'MENTIONS',
    example: '"The quake killed 12 people" vs "The quake killed people in the north"',
    applies: (r) => r.slots.missing,
    reason: () => "does not state the claim's detail",
  },
  {
    id: 'TOPIC_ONLY',
    stance: 'MENTIONS',
    example: '"The bank was set on fire" vs "Protesters gathered outside the bank"',
    applies: () => true,
    reason: () => 'shares the topic, not the fact',
  },
];

export function alignStatement(claim: ClaimAnalysis, statement: Statement, publishedAt?: string): Alignment {
  const reading = readStatement(claim, statement, publishedAt);
  const rule = ALIGNMENT_RULES.find((r) => r.applies(reading))!;
  const { matched, conflicting } = rule.shows?.(reading) ?? {
    matched: reading.slots.matched,
    conflicting: reading.conflicts,
  };
  return {
    stance: rule.stance,
    rule: rule.id,
    score: reading.score,
    matched,
    conflicting,
    reason: rule.reason(reading),
  };
}
