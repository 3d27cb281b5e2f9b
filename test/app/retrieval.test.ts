// Retrieval at scale: a claim is checked against the statements its rare terms find;
// terms in more reports than the postings cap are not read again once found common.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../lib/app/index.js';
import { POSTINGS_PER_TERM } from '../../lib/app/recheck.js';
import { createSeeder } from '../../lib/bench/seed.js';
import type { Runtime } from '../../lib/runtime.js';
import type { Store } from '../../lib/app/ports.js';
import { createTestRuntime } from '../support/runtime.js';

let rt: Runtime;
beforeEach(async () => {
  rt = await createTestRuntime();
});
afterEach(async () => rt.close());

const towns = [
  'Arlen',
  'Borrow',
  'Castel',
  'Dunmere',
  'Eskby',
  'Fallow',
  'Gorran',
  'Hollin',
  'Ivel',
  'Jarrow',
  'Kelso',
  'Lorne',
];

/** `count` invented reports from `outlets` outlets, bulk-seeded: the many sentences a claim's common words find. */
const seedNoise = (count: number, outlets: number, text: (i: number) => string) =>
  createSeeder(rt.store).seed(
    Array.from({ length: count }, (_, i) => ({ source: `Outlet ${i % outlets}`, text: text(i) })),
  );

describe('retrieval by rare terms', () => {
  it('finds the evidence among many reports sharing the common words, and stops reading the common ones', async () => {
    // More reports than the cap say "council", "approved", "budget", "tram" about other places.
    await seedNoise(
      POSTINGS_PER_TERM + 20,
      7,
      (i) =>
        `The council of ${towns[i % towns.length]}${i} approved a budget of ${i + 3} million euros for the new tram line. Work starts soon.`,
    );
    await rt.app.ingestReport({
      source: 'Quayside Post',
      text: 'The Quayside council approved a budget of 40 million euros for the new tram line on Monday.',
    });
    await rt.app.ingestReport({
      source: 'Harbour Times',
      text: 'Councillors in Quayside passed a 40 million euro budget for the tram line.',
    });

    const queried: string[] = [];
    const spy = Object.create(rt.store) as Store;
    spy.postingsOfTerms = (terms, cap) => {
      queried.push(...terms);
      return rt.store.postingsOfTerms(terms, cap);
    };
    const app = createApp({ store: spy });
    const { claim } = await app.submitClaim({
      text: 'The Quayside council approved 40 million euros for the tram line.',
    });
    expect(claim.verdict).toBe('CORROBORATED');
    expect(claim.independentSources).toBe(2);
    expect(queried).toContain('council');

    queried.length = 0;
    const again = await app.recheckClaim(claim.id);
    expect(again.verdict).toBe('CORROBORATED');
    expect(queried).not.toContain('council');
    expect(queried.length).toBeGreaterThan(0);
  });

  it('writes no postings that retrieval never reads: a new report skips the terms found common', async () => {
    await seedNoise(
      POSTINGS_PER_TERM + 5,
      7,
      (i) =>
        `The council of ${towns[i % towns.length]}${i} approved a budget of ${i + 3} million euros for the new tram line.`,
    );
    await rt.app.ingestReport({
      source: 'Quayside Post',
      text: 'The Quayside council approved a budget of 40 million euros for the new tram line on Monday.',
    });
    const { claim } = await rt.app.submitClaim({
      text: 'The Quayside council approved 40 million euros for the tram line.',
    });
    expect(claim.verdict).toBe('SINGLE_SOURCE');
    const firstCouncil = (await rt.store.postings('council', POSTINGS_PER_TERM)).map((p) => p.reportId);

    // Re-checked by this report: 'council' is common by now, 'quaysid' is not.
    const { report } = await rt.app.ingestReport({
      source: 'Harbour Times',
      text: 'Councillors in Quayside passed a 40 million euro budget for the tram line, the council said.',
    });
    expect(report.terms).toEqual(expect.arrayContaining(['council', 'quaysid']));
    const postings = async (term: string) =>
      (await rt.store.postings(term, 1_000)).filter((p) => p.reportId === report.id);
    expect(await postings('council')).toEqual([]);
    expect(await postings('quaysid')).toHaveLength(1);
    // What retrieval reads of the common term is what it read before, and the verdict counts the report.
    expect((await rt.store.postings('council', POSTINGS_PER_TERM)).map((p) => p.reportId)).toEqual(firstCouncil);
    const after = await rt.app.getClaim(claim.id);
    expect(after!.verdict).toBe('CORROBORATED');
    expect(after!.independentSources).toBe(2);
  });

  it("finds the second half of a fact split over two sentences, by the first half's terms", async () => {
    // Many statements share the claim's common words; its rare name is only in the sentence before the time.
    await seedNoise(
      40,
      5,
      (i) =>
        `The Quayside council met about the tram line vote. Members of the Quayside council spoke before the tram line vote. The Quayside tram line council vote was put off, number ${i}.`,
    );
    await rt.app.ingestReport({
      source: 'Quayside Post',
      text: 'The Quayside council approved the Zephyr tram line on Monday. It voted at 21:40 after a long debate.',
    });
    await rt.app.ingestReport({
      source: 'Harbour Times',
      text: 'Late on Monday the Quayside council backed the Zephyr tram line. It voted at 21:40, with two members absent.',
    });
    const { claim } = await rt.app.submitClaim({
      text: 'The Quayside council voted on the Zephyr tram line at 21:40.',
    });
    expect(claim.verdict).toBe('CORROBORATED');
  });

  it('finds a lead sentence that leaves out the place its report names further down', async () => {
    // Many sentences share more of the claim's words than the lead does, none of them its place.
    await seedNoise(
      40,
      5,
      (i) =>
        `A magnitude 3.${i % 9} earthquake shook the valley early on Thursday, number ${i}. A magnitude 2.${i % 9} earthquake shook the hills early on Thursday too.`,
    );
    const text =
      'A magnitude 4.6 earthquake shook Lake County on Thursday. The temblor struck 20 miles north of Eastvale in the Redwater Springs area.';
    await rt.app.ingestReport({ source: 'Valley Courier', text, publishedAt: '2024-06-06' });
    const other =
      'Thursday brought a magnitude 4.6 earthquake that shook homes across Lake County. Seismologists said the temblor struck in the Redwater Springs area, far from any town.';
    await rt.app.ingestReport({ source: 'Coast Daily', text: other, publishedAt: '2024-06-06' });
    const { claim } = await rt.app.submitClaim({
      text: 'A magnitude 4.6 earthquake shook Redwater Springs early on Thursday.',
    });
    expect(claim.verdict).toBe('CORROBORATED');
  });

  it("finds a sentence by the claim's time of day though it shares none of the claim's names, whichever comes first", async () => {
    // Many sentences say "quake" about other places; the claim's region is only in the report's lead.
    await seedNoise(
      70,
      5,
      (i) => `A small quake shook the Orran valley ${i} on Monday. The quake was felt in Orran town ${i}.`,
    );
    await rt.app.ingestReport({
      source: 'Valley Courier',
      text: 'A magnitude 4.1 quake shook the north of the state overnight. The quake struck at 3:52 a.m. about 6 miles east of Healdsburg.',
    });
    const { claim } = await rt.app.submitClaim({
      text: 'The Northern California quake struck at 3:52 in the morning.',
    });
    expect(claim.verdict).toBe('SINGLE_SOURCE');
    // A second report after the claim: it is re-checked by the time of day, which is all the two share besides "quake".
    const { affectedClaims } = await rt.app.ingestReport({
      source: 'Coast Daily',
      text: 'Homes rattled when a quake struck at 3:52 a.m., some 9 miles north of Healdsburg, with a depth of two miles.',
    });
    expect(affectedClaims).toBe(1);
    expect((await rt.app.getClaim(claim.id))!.verdict).toBe('CORROBORATED');
  });
});
