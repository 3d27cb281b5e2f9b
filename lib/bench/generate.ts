// A deterministic generator of realistic synthetic news for the benchmark: events
// with invented places and people, several outlets telling the same facts in
// different words, syndicated copies, contradicting figures, page boilerplate.
// Entirely invented text.
import type { IngestReportInput } from '../app/types.js';
import { seededRandom } from '../train/random.js';

/** The trainer's seeded PRNG, so every run generates the same corpus. */
export const rng = seededRandom;

const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'dan',
  'vi',
  'tor',
  'sel',
  'ra',
  'nu',
  'bel',
  'os',
  'tam',
  'ri',
  'gan',
  'del',
  'por',
];
const OUTLETS = [
  'Harbour Times',
  'Northern Herald',
  'Valley Post',
  'Coastal Daily',
  'Ridge Gazette',
  'Metro Ledger',
  'Plains Courier',
  'Island Wire',
  'City Dispatch',
  'River Chronicle',
  'Summit News',
  'Bay Observer',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const BOILERPLATE = [
  'Home | News | Sport | Weather | Opinion',
  'Read more: Council debates parking fees again',
  'Share this article',
  'Subscribe to our newsletter for daily updates.',
  '© All rights reserved.',
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const word = (r: () => number, n = 2): string => {
  const w = Array.from({ length: n }, () => pick(r, SYLLABLES)).join('');
  return w[0]!.toUpperCase() + w.slice(1);
};

interface Fact {
  town: string;
  person: string;
  thing: string;
  count: number;
  month: number;
  year: number;
}

// Each fact can be told in several ways; {n} is the figure, {m} the month.
const TELLINGS: Array<(f: Fact, n: string, m: string) => string> = [
  (f, n, m) => `The council of ${f.town} approved a budget of ${n} euros for the new ${f.thing} in ${m} ${f.year}.`,
  (f, n, m) => `In ${m} ${f.year}, councillors in ${f.town} passed a ${n} euro budget for the ${f.thing}.`,
  (f, n, m) => `${f.town} will spend ${n} euros on its ${f.thing}, after a council vote in ${m} ${f.year}.`,
  (f, n) => `Mayor ${f.person} said the ${f.thing} in ${f.town} would cost ${n} euros.`,
];
const FILLER: Array<(f: Fact) => string> = [
  (f) => `Residents of ${f.town} gathered outside the town hall during the debate.`,
  (f) => `${f.person} has led the council of ${f.town} for six years.`,
  (f) => `Critics said the ${f.thing} would take years to finish.`,
  (f) => `Work on the ${f.thing} is due to start next spring.`,
  (f) => `Local businesses in ${f.town} welcomed the plan.`,
];

export interface SyntheticCorpus {
  reports: IngestReportInput[];
  claims: string[];
  /**
   * Up to `count` new claims (worded unlike `claims`, never the same event twice) about
   * events the first `reports` reports tell: what a newsroom submits about stories
   * already in the corpus.
   */
  probeClaims(reports: number, count: number): string[];
}

/**
 * `reports` reports and `claims` claims over max(reports / 8, claims) events: about one
 * claim per event, as a newsroom checks one or two facts of a story, and several
 * outlets per event once the corpus is large.
 */
export function generateCorpus(options: { reports: number; claims: number; seed?: number }): SyntheticCorpus {
  const r = rng(options.seed ?? 42);
  const events: Fact[] = Array.from({ length: Math.max(1, Math.ceil(options.reports / 8), options.claims) }, () => ({
    town: word(r, 3),
    person: `${word(r)} ${word(r, 3)}`,
    thing: pick(r, ['tram line', 'harbour bridge', 'sports hall', 'library', 'ring road', 'ferry terminal']),
    count: (1 + Math.floor(r() * 90)) * 1_000_000,
    month: Math.floor(r() * 12),
    year: 2020 + Math.floor(r() * 5),
  }));
  const reports: IngestReportInput[] = [];
  for (let i = 0; i < options.reports; i++) {
    const f = events[i % events.length]!;
    const previous = reports[i - events.length];
    if (previous && r() < 0.1) {
      // A syndicated copy under another outlet's name, with its own footer.
      reports.push({
        ...previous,
        source: pick(r, OUTLETS),
        text: `${previous.text}\nDistributed by partner wire.`,
        url: undefined,
      });
      continue;
    }
    const contradicts = r() < 0.08;
    const figure = contradicts ? f.count * 2 : f.count;
    const n = r() < 0.5 ? `${figure / 1_000_000} million` : figure.toLocaleString('en-US');
    const lines = [
      pick(r, BOILERPLATE),
      pick(r, TELLINGS)(f, n, MONTHS[f.month]!),
      ...Array.from({ length: 3 + Math.floor(r() * 4) }, () => pick(r, FILLER)(f)),
      pick(r, BOILERPLATE),
    ];
    reports.push({
      source: pick(r, OUTLETS),
      title: `${f.town} backs ${f.thing}`,
      url: `https://news.example/${i}`,
      publishedAt: `${f.year}-${String(f.month + 1).padStart(2, '0')}-${String(1 + Math.floor(r() * 27)).padStart(2, '0')}`,
      text: lines.join('\n'),
    });
  }
  const claims = Array.from({ length: options.claims }, (_, i) => {
    const f = events[i % events.length]!;
    const wrong = i % 5 === 4;
    return `The ${f.town} council approved ${(wrong ? f.count * 3 : f.count) / 1_000_000} million euros for the ${f.thing}${i >= events.length ? ` (claim ${i})` : ''}.`;
  });
  const probed = new Set<number>();
  const probeClaims = (upTo: number, count: number) => {
    const span = Math.max(1, Math.min(upTo, events.length));
    const out: string[] = [];
    for (let k = 0; out.length < count && k < span * 2; k++) {
      const e = Math.floor(r() * span);
      if (probed.has(e)) continue;
      probed.add(e);
      const f = events[e]!;
      out.push(
        `In ${f.town}, the council approved a budget of ${f.count / 1_000_000} million euros for the ${f.thing}.`,
      );
    }
    return out;
  };
  return { reports, claims, probeClaims };
}
