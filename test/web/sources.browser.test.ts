// The dashboard under SOURCE_POLICY=registered: evidence from a name nobody registered is shown, marked as not
// counted, on the claim page and on the report page, while the verdict rests on the registered outlet alone.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  hasChromium,
  launchBrowser,
  SCREENSHOTS,
  startDashboard,
  type RunningDashboard,
} from '../support/dashboard.js';

const available = hasChromium();
if (!available && process.env.REQUIRE_CHROMIUM)
  throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);

const CLAIM = 'The Elmsworth tidal barrier was closed for repairs in March 2025.';
const REGISTERED = {
  source: 'Elmsworth Tribune',
  url: 'https://elmsworthtribune.example/barrier',
  title: 'Barrier shut for repairs',
  text: 'The Elmsworth tidal barrier was closed for repairs in March 2025, the river authority said.\nBoats were sent through the old lock instead.',
};
const INVENTED = {
  source: 'Totally Real News',
  url: 'https://totallyreal.example/barrier',
  title: 'Barrier never shut',
  text: 'The Elmsworth tidal barrier was not closed in March 2025, whatever officials claim.\nLocals were surprised by the reports.',
};

describe.skipIf(!available)('dashboard under the registered-sources policy', () => {
  let app: RunningDashboard | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('marks evidence of an unregistered source as not counted, on the claim and on its report', async () => {
    app = await startDashboard({ SOURCE_POLICY: 'registered' });
    browser = await launchBrowser();
    const gql = app.api.gql;
    expect(
      (
        await gql(
          'mutation { registerSource(input: { name: "Elmsworth Tribune", domains: ["elmsworthtribune.example"] }) { source { key } } }',
        )
      ).errors,
    ).toBeUndefined();
    const id = (
      await gql('mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }', { text: CLAIM })
    ).data!.submitClaim.claim.id;
    const ingested = await gql(
      'mutation($input: IngestReportsInput!) { ingestReports(input: $input) { reports { id } } }',
      { input: { reports: [REGISTERED, INVENTED] } },
    );
    const inventedId = ingested.data!.ingestReports.reports[1].id;

    const page = await browser.context.newPage();
    await page.goto(`${app.url}/#/claim/${id}`);
    // The invented outlet's contradiction does not dispute it: one registered source supports it.
    await expect.poll(() => page.locator('.verdict-line .badge').getAttribute('data-verdict')).toBe('SINGLE_SOURCE');
    const invented = page.locator('[data-stance=CONTRADICTS] .evidence', { hasText: 'Totally Real News' });
    await expect.poll(() => invented.locator('.unvetted').count()).toBe(1);
    expect(await invented.locator('.unvetted').innerText()).toBe('not counted: unregistered source');
    expect(
      await page
        .locator('[data-stance=SUPPORTS] .evidence', { hasText: 'Elmsworth Tribune' })
        .locator('.unvetted')
        .count(),
    ).toBe(0);
    // Every marked item is from a name nobody registered (the demo's outlets are not registered either).
    const marked = await page
      .locator('.evidence', { has: page.locator('.unvetted') })
      .locator('.source')
      .allInnerTexts();
    expect(marked).not.toContain('Elmsworth Tribune');
    // The sources panel lists what counts, and says what it left out.
    expect(await page.locator('.copy-group .source').allInnerTexts()).toEqual(['Elmsworth Tribune']);
    expect(await page.locator('.uncounted').innerText()).toContain(
      'Not counted: 1 report(s) from unregistered sources',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'claim-unvetted.png'), fullPage: true });

    await page.goto(`${app.url}/#/report/${inventedId}`);
    await expect.poll(() => page.locator('.meta .unvetted').count()).toBe(1);
    expect(await page.locator('.meta .unvetted').innerText()).toContain('not counted');
    await page.close();
    expect(browser.offMachine).toEqual([]);
  }, 120_000);
});
