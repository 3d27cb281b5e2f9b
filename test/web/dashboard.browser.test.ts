// The dashboard in a real browser (Debian's Chromium via playwright-core), against the real server with
// the demo data: the claims list, forms that submit a claim and ingest two reports, the verdict turning
// CORROBORATED on an open page without a reload (polling), the claim's evidence and history, a report,
// the stats, a refused write shown at its field, and GraphiQL rendering with no request leaving the machine.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  hasChromium,
  launchBrowser,
  SCREENSHOTS,
  startDashboard,
  type RunningDashboard,
} from '../support/dashboard.js';

const available = hasChromium();
// `npm run test:browser` (and so CI) insists on a browser; plain `npm test` skips without one.
if (!available && process.env.REQUIRE_CHROMIUM)
  throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
if (!available)
  console.warn(`Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run does).`);

const CLAIM = 'The Harwick ferry service resumed on 3 May 2025 after a two-week strike.';
const REPORTS = [
  {
    source: 'Lowmoor Echo',
    title: 'Harwick ferries sail again',
    url: 'https://echo.example/harwick-ferry',
    publishedAt: '2025-05-03',
    text: 'The Harwick ferry service resumed on 3 May 2025 after a two-week strike by its crews.\nPassengers queued at the pier from early morning.',
  },
  {
    source: 'Fenwick Standard',
    title: 'Strike over at Harwick',
    url: 'https://standard.example/2025/05/harwick',
    publishedAt: '2025-05-04',
    text: 'Crews ended a two-week strike and the Harwick ferry service resumed on 3 May 2025, the operator confirmed.\nTimetables return to normal next week.',
  },
];

describe.skipIf(!available)('dashboard in Chromium', () => {
  let app: RunningDashboard;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startDashboard();
    browser = await launchBrowser();
    context = browser.context;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(() => {
    // The dashboard and GraphiQL must render with the network off: nothing may even try to leave.
    expect(browser.offMachine).toEqual([]);
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** Form controls with no accessible name (a <label>, aria-label or aria-labelledby): should be none. */
  const unlabelled = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input, select, textarea')]
        .filter(
          (el) => el.labels?.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'),
        )
        .map((el) => el.id || el.name),
    );

  it('lists the demo claims with verdict badges that read without colour', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    const rows = page.locator('table.claims tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const badges = await page.locator('table.claims .badge').allInnerTexts();
    expect(badges.map((b) => b.replace(/\s+/g, ' ').trim()).sort()).toEqual(
      ['✔ Corroborated', '✖ Disputed', '① Single source', '? Unverified'].sort(),
    );
    await page.selectOption('#claim-verdict', 'DISPUTED');
    await expect.poll(() => page.locator('table.claims tbody tr').count()).toBe(1);
    expect(await page.locator('table.claims tbody tr .badge').innerText()).toContain('Disputed');
    await page.selectOption('#claim-verdict', '');
    await page.fill('#claim-search', 'dam reopened');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => page.locator('table.claims tbody tr').allInnerTexts())
      .toEqual([expect.stringContaining('Kestrel Lake dam')]);
    await page.fill('#claim-search', '');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await unlabelled(page)).toEqual([]);
    await shot(page, 'claims');

    // Keyboard: a claim opens with Enter, and focus moves to the new page's heading.
    await rows.first().locator('a').focus();
    const text = await rows.first().locator('a').innerText();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('h1').innerText()).toBe(text);
    await page.close();
  });

  it('submits a claim and ingests two reports from the forms; an open list turns CORROBORATED without a reload', async () => {
    const list = await context.newPage();
    await list.goto(`${app.url}/`);
    await list.selectOption('#claim-order', 'RECENTLY_CHANGED');
    await list.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));

    const forms = await context.newPage();
    await forms.goto(`${app.url}/#/submit`);
    await forms.fill('#claim-form-text', CLAIM);
    await forms.click('#claim-form button[type=submit]');
    await expect.poll(() => forms.locator('#claim-form .success').innerText()).toContain('Submitted');
    const row = list.locator('table.claims tbody tr', { hasText: 'Harwick ferry' });
    await expect.poll(() => row.getAttribute('data-claim-id'), { timeout: 15_000 }).toBeTruthy();
    expect(await row.locator('.badge').getAttribute('data-verdict')).toBe('UNVERIFIED');

    for (const [i, report] of REPORTS.entries()) {
      for (const [name, value] of Object.entries(report)) await forms.fill(`#report-form-${name}`, value);
      await forms.click('#report-form button[type=submit]');
      await expect.poll(() => forms.locator('#report-form .success').innerText()).toContain('Ingested');
      if (i === 0)
        await expect
          .poll(() => row.locator('.badge').getAttribute('data-verdict'), { timeout: 15_000 })
          .toBe('SINGLE_SOURCE');
    }
    await expect
      .poll(() => row.locator('.badge').getAttribute('data-verdict'), { timeout: 15_000 })
      .toBe('CORROBORATED');
    expect(await list.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true); // no reload happened
    expect(await list.locator('#announcer').innerText()).toContain('Corroborated');
    await shot(forms, 'submit');

    // Open the claim: evidence by stance with the deciding sentence marked, sources, history.
    await row.locator('a').click();
    await expect.poll(() => list.locator('h1').innerText()).toBe(CLAIM);
    expect(await list.locator('.verdict-line .badge').getAttribute('data-verdict')).toBe('CORROBORATED');
    expect(await list.locator('.rule').innerText()).toContain('Two or more independent sources');
    const supporting = list.locator('[data-stance=SUPPORTS]');
    expect(await supporting.locator('h3').innerText()).toBe('Supporting (2)');
    const marked = await supporting.locator('mark').allInnerTexts();
    expect(marked).toHaveLength(2);
    expect(marked.every((m) => m.includes('Harwick ferry service resumed on 3 May 2025'))).toBe(true);
    expect(await supporting.locator('.context').first().innerText()).toMatch(/Passengers queued|Timetables return/);
    expect(await list.locator('#sources-title').innerText()).toBe('Independent sources: 2');
    const history = (await list.locator('ol.history li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    expect(history.map((t) => /Unverified|Single source|Corroborated/.exec(t)?.[0])).toEqual([
      'Unverified',
      'Single source',
      'Corroborated',
    ]);
    expect(await list.locator('svg.timeline circle').count()).toBe(3);
    await shot(list, 'claim');

    // The report: its text, source, date, URL and the claims it bears on.
    await supporting.locator('.evidence-head a', { hasText: 'Harwick ferries sail again' }).click();
    await expect.poll(() => list.locator('h1').innerText()).toBe('Harwick ferries sail again');
    expect(await list.locator('.meta').innerText()).toContain('Lowmoor Echo');
    expect(await list.locator('.meta a').getAttribute('href')).toBe(REPORTS[0]!.url);
    expect(await list.locator('.report-text').innerText()).toContain(
      'Passengers queued at the pier from early morning.',
    );
    expect(await list.locator('.bears-on').innerText()).toContain(CLAIM);
    await shot(list, 'report');
    await list.close();
    await forms.close();
  });

  it('shows a refused write next to the field at fault, and the stats as a chart', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/#/submit`);
    await page.locator('#report-form-source').waitFor();
    expect(await unlabelled(page)).toEqual([]);
    await page.fill('#report-form-source', 'Lowmoor Echo');
    await page.fill('#report-form-text', 'A sentence.');
    await page.fill('#report-form-url', 'ftp://echo.example/file');
    await page.click('#report-form button[type=submit]');
    await expect.poll(() => page.locator('#report-form [role=alert]').innerText()).toContain('input.url');
    expect(await page.locator('#report-form-url').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-form-url-error').innerText()).toContain('http');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-form-url');

    await page.click('a[data-nav=stats]');
    const { stats } = (await app.api.gql('{ stats { claims reports sources byVerdict { CORROBORATED DISPUTED } } }'))
      .data!;
    await expect
      .poll(() => page.locator('svg.chart').getAttribute('aria-label'))
      .toContain(`Corroborated: ${stats.byVerdict.CORROBORATED}, Disputed: ${stats.byVerdict.DISPUTED}`);
    const totals = (await page.locator('.totals').innerText()).replace(/\s+/g, ' ');
    expect(totals).toBe(`${stats.claims} claims ${stats.reports} reports ${stats.sources} sources`);
    await shot(page, 'stats');
    await page.close();
  });

  it('folds copies of one text under the first, and pages evidence past the first 25', async () => {
    const claim = 'The Brackley tram line carried 12,000 riders in its first week.';
    const text =
      'The Brackley tram line carried 12,000 riders in its first week, the transport board said.\nExtra trams will run at weekends.';
    const copies = Array.from({ length: 27 }, (_, i) => ({
      source: `Partner Wire ${i + 1}`,
      url: `https://wire${i + 1}.example/brackley-trams`,
      text,
    }));
    const { data } = await app.api.gql(
      'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }',
      { text: claim },
    );
    await app.api.gql('mutation($input: IngestReportsInput!) { ingestReports(input: $input) { reports { id } } }', {
      input: { reports: copies },
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/#/claim/${data!.submitClaim.claim.id}`);
    await expect.poll(() => page.locator('.verdict-line .badge').getAttribute('data-verdict')).toBe('SINGLE_SOURCE');
    expect(await page.locator('#sources-title').innerText()).toBe('Independent sources: 1');
    expect(await page.locator('.evidence').count()).toBe(25);
    expect(await page.locator('.copy-group').count()).toBe(1);
    await page.getByRole('button', { name: 'Show more evidence' }).click();
    // Every copy supports it; other reports may add a mention or two (which never count).
    await expect.poll(() => page.locator('[data-stance=SUPPORTS] .evidence').count()).toBe(27);
    const shown = await page.locator('.evidence').count();
    expect(await page.locator('.copy-group summary').innerText()).toBe('26 copies of this text (counted once)');
    await page.locator('.copy-group summary').click();
    expect(await page.locator('.copy-group details li').count()).toBe(26);
    await page.waitForTimeout(3_500); // a poll must keep the pages the reader opened
    expect(await page.locator('.evidence').count()).toBe(shown);
    expect(await page.locator('.copy-group details').getAttribute('open')).not.toBeNull();
    await shot(page, 'claim-copies');
    await page.close();
  });

  it('renders GraphiQL from local files, with no request leaving the machine', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${app.url}/graphql`);
    expect(response?.headers()['content-type']).toContain('text/html');
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    expect(await page.title()).toBe('factcheck GraphQL');
    await page.waitForTimeout(1_000); // let the editors and the schema fetch settle
    await shot(page, 'graphiql');
    await page.close();
  });
});
