// Use cases end to end over the real store: verdicts follow the reports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../lib/runtime.js';
import { createTestRuntime } from '../support/runtime.js';

let rt: Runtime;
beforeEach(async () => {
  rt = await createTestRuntime();
});
afterEach(async () => rt.close());

const CLAIM = 'The Lakeside council approved a budget of 40 million euros for the tramway.';

describe('verdict lifecycle', () => {
  it('goes UNVERIFIED -> SINGLE_SOURCE -> CORROBORATED -> DISPUTED as reports arrive', async () => {
    const { claim } = await rt.app.submitClaim({ text: CLAIM });
    expect(claim.verdict).toBe('UNVERIFIED');

    await rt.app.ingestReport({
      source: 'Lakeside Daily',
      publishedAt: '2025-02-03',
      text: 'The Lakeside council approved a budget of 40 million euros for the tramway on Monday. Work starts in the autumn.',
    });
    expect((await rt.app.getClaim(claim.id))!.verdict).toBe('SINGLE_SOURCE');

    await rt.app.ingestReport({
      source: 'Northern Herald',
      publishedAt: '2025-02-04',
      text: 'Councillors in Lakeside passed a 40 million euro budget for the new tramway after a long debate.',
    });
    const corroborated = (await rt.app.getClaim(claim.id))!;
    expect(corroborated.verdict).toBe('CORROBORATED');
    expect(corroborated.independentSources).toBe(2);

    await rt.app.ingestReport({
      source: 'Valley Post',
      publishedAt: '2025-02-05',
      text: 'The Lakeside council approved a budget of 65 million euros for the tramway, the finance office said.',
    });
    const disputed = (await rt.app.getClaim(claim.id))!;
    expect(disputed.verdict).toBe('DISPUTED');
    const evidence = await rt.app.listEvidence(claim.id, { stance: 'CONTRADICTS' });
    expect(evidence.edges[0]!.node.conflicting[0]).toMatchObject({ kind: 'quantity' });
    const history = await rt.app.verdictHistory(claim.id);
    expect(history.map((h) => h.verdict)).toEqual(['UNVERIFIED', 'SINGLE_SOURCE', 'CORROBORATED', 'DISPUTED']);
  });

  it('counts a syndicated copy under another name once, and returns the same claim for the same text', async () => {
    const text =
      'The Lakeside council approved a budget of 40 million euros for the tramway on Monday. Work starts in the autumn and ends in two years.';
    await rt.app.ingestReport({ source: 'Lakeside Daily', text });
    await rt.app.ingestReport({ source: 'Partner Wire', text: `${text}\nDistributed by Partner Wire.` });
    const first = await rt.app.submitClaim({ text: CLAIM });
    expect(first.claim.verdict).toBe('SINGLE_SOURCE');
    expect(first.claim.supportCount).toBe(2);
    const again = await rt.app.submitClaim({ text: `  ${CLAIM.toUpperCase()}  ` });
    expect(again.claim.id).toBe(first.claim.id);
    expect(again.created).toBe(false);
  });

  it('re-checks claims when a report is deleted', async () => {
    const { report } = await rt.app.ingestReport({
      source: 'Lakeside Daily',
      text: 'The Lakeside council approved a budget of 40 million euros for the tramway on Monday.',
    });
    const { claim } = await rt.app.submitClaim({ text: CLAIM });
    expect(claim.verdict).toBe('SINGLE_SOURCE');
    const deleted = await rt.app.deleteReport(report.id);
    expect(deleted.affectedClaims).toBe(1);
    expect((await rt.app.getClaim(claim.id))!.verdict).toBe('UNVERIFIED');
  });

  it('loses no update when many reports touching one claim arrive at once', async () => {
    const { claim } = await rt.app.submitClaim({ text: CLAIM });
    // Six texts written apart (one template with a few words changed would be an edited copy, counted once).
    const stories: Array<[string, string]> = [
      [
        'Alpha News',
        'The Lakeside council approved a budget of 40 million euros for the tramway after a long evening session.',
      ],
      [
        'Beta Times',
        'Lakeside councillors approved 40 million euros for the tramway budget; opponents walked out before the count.',
      ],
      [
        'Gamma Post',
        'A tramway budget of 40 million euros won approval from the Lakeside council, ending months of argument over the route.',
      ],
      [
        'Delta Daily',
        'Lakeside will spend 40 million euros on its tramway: the council approved the budget on Tuesday with a narrow majority.',
      ],
      [
        'Epsilon Wire',
        'After three hearings, the council of Lakeside approved 40 million euros in spending for trams, officials confirmed.',
      ],
      [
        'Zeta Herald',
        'The tramway project in Lakeside got its money at last, as the council approved a budget of 40 million euros for it.',
      ],
    ];
    const outlets = stories.map(([source]) => source);
    await Promise.all(stories.map(([source, text]) => rt.app.ingestReport({ source, text })));
    const stored = (await rt.app.getClaim(claim.id))!;
    const fresh = await rt.app.recheckClaim(claim.id);
    expect(stored.verdict).toBe('CORROBORATED');
    expect(stored.supportCount).toBe(fresh.supportCount);
    expect(stored.independentSources).toBe(outlets.length);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    await expect(rt.app.submitClaim({ text: '   ' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.text',
    });
    await expect(rt.app.submitClaim({ text: 'x'.repeat(501) })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.text',
    });
    await expect(
      rt.app.ingestReport({ source: 'A', text: 'A real sentence about the tramway budget.', publishedAt: 'yesterday' }),
    ).rejects.toMatchObject({ field: 'input.publishedAt' });
    await expect(
      rt.app.ingestReport({ source: 'A', text: 'A real sentence about the tramway budget.', url: 'ftp://x.example/a' }),
    ).rejects.toMatchObject({ field: 'input.url' });
    await expect(
      rt.app.ingestReports([
        { source: 'A', text: 'Fine text about trams.' },
        { source: '', text: 'x' },
      ]),
    ).rejects.toMatchObject({ field: 'input.reports[1].source' });
    expect((await rt.app.stats()).reports).toBe(0);
  });
});
