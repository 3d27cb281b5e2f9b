// A later sentence that adds a detail to its report's story ("Roads were blocked on 9 March") is about the story
// its headline and first sentence tell, when the detail is the claim's own: its date or its counted figure, stated in
// the sentence, with no other place or actor. Invented texts.
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../lib/domain/index.js';
import { alignerAt } from '../support/align.js';

const PUBLISHED = '2025-03-10T09:00:00Z';
const alignIn = alignerAt(PUBLISHED);

const HEADLINE = 'Earthquake shakes hill town of Eastmark';
/** A report whose story is told by its first sentence; the sentence under test is the fourth statement (index 3). */
const reportWith = (detail: string): string =>
  `A strong earthquake shook the hill town of Eastmark before dawn, toppling chimneys.\nA relief fund opened at the town hall.\n${detail}`;

const DATED =
  'A strong earthquake shook the hill town of Eastmark on 9 March 2025, toppling chimneys and blocking roads.';
const COUNTED = 'A strong earthquake shook the hill town of Eastmark, toppling chimneys and blocking 14 roads.';

describe("a report's story words", () => {
  it('are kept with each later statement: the headline and first sentence terms it lacks', () => {
    const report = analyzeReport({
      title: HEADLINE,
      text: reportWith('Roads were blocked, officials said.'),
      publishedAt: PUBLISHED,
    });
    const [headline, first, later] = report.statements;
    const story = later?.extra?.story as string[];
    expect(story).toContain('eastmark');
    // Its own words are its own: "town" is in the story and in the sentence ("at the town hall").
    expect(story).not.toContain('town');
    expect(story.length).toBeGreaterThan(3);
    // The headline and first sentence tell the story themselves.
    expect(headline?.extra?.story).toBeUndefined();
    expect(first?.extra?.story).toBeUndefined();
  });
});

describe('a detail sentence states its story with the claim', () => {
  it("supports the claim when it states the claim's date", () => {
    const a = alignIn(DATED, HEADLINE, reportWith('Roads were blocked on 9 March 2025, officials said.'), 3);
    expect(a.stance).toBe('SUPPORTS');
    expect(a.matched.some((k) => k.kind === 'date')).toBe(true);
  });
  it("supports the claim when it states the claim's counted figure", () => {
    const a = alignIn(COUNTED, HEADLINE, reportWith('In all, 14 roads were blocked, officials said.'), 3);
    expect(a.stance).toBe('SUPPORTS');
  });
  it('is only on the topic without the detail', () => {
    const a = alignIn(DATED, HEADLINE, reportWith('Roads were blocked, officials said.'), 3);
    expect(a.stance).toBe('MENTIONS');
  });
  it('is not lifted by the publish date, which the sentence does not state', () => {
    const claim =
      'A strong earthquake shook the hill town of Eastmark on 10 March 2025, toppling chimneys and blocking roads.';
    const a = alignIn(claim, HEADLINE, reportWith('Roads were blocked, officials said.'), 3);
    expect(a.stance).toBe('MENTIONS');
  });
  it('is not lifted by an open bound under the claim\'s figure ("at least 2" for 14)', () => {
    const a = alignIn(COUNTED, HEADLINE, reportWith('In all, at least 2 roads were blocked, officials said.'), 3);
    expect(a.stance).toBe('MENTIONS');
  });
  it('is not lifted when the sentence gives another place', () => {
    const a = alignIn(DATED, HEADLINE, reportWith('Roads in the city of Westford were blocked on 9 March 2025.'), 3);
    expect(a.stance).toBe('MENTIONS');
  });
});
