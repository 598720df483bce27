/**
 * The New Chance scheme (overlast.md §7.6) from request to letter, as the roles that perform it, on
 * the demo data (Veenhaven's hub, De Linde Wonen on its AFWC list):
 *
 * - the corporation applies for a tenant (an application without a ground is refused in words);
 * - the hub records the Small Meeting (suitable), the home visit, the resident's willingness and the
 *   Large Meeting (a move within 3 months, housing needs, Zorggroep Horizon), and issues the New
 *   Chance letter; its PDF link answers a PDF;
 * - a second application stops when the resident is in doubt: without willingness no New Chance;
 * - the hub's overview per district, the address check and a district's cases.
 *
 * Every page visited is inspected at 1,440 and 390 px (`inspect`): axe with zero violations, no
 * horizontal overflow, no rule or step code outside the help disclosures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { errorSummary, expectNoPageErrors, login, screenshot, startBrowserHarness, waitForPage, type BrowserHarness } from './support.ts';
import { inspect } from './walk-support.ts';

let h: BrowserHarness;
let corp: Page;
let hub: Page;

beforeAll(async () => {
  h = await startBrowserHarness({ demoCases: true });
  corp = (await h.newPage()).page;
  hub = (await h.newPage()).page;
  await login(corp, 'corporatie');
  await login(hub, 'mzwo');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function menu(page: Page, item: string, heading: string | RegExp) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const name = new RegExp(`^${item.split('').map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u00AD?')}$`);
  await page.getByRole('navigation', { name: /hoofdmenu/i }).getByRole('link', { name }).click();
  await waitForPage(page, heading);
}

/** Ticks a checkbox or chooses a radio button with the keyboard (ADS hides the native input visually). */
async function tick(box: Locator) {
  await box.focus();
  if (!(await box.isChecked())) await box.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);
}

/** Records a step through "Wat u nu kunt doen" and waits for the announcement (or shows the refusal). */
async function step(page: Page, label: string, fill?: (form: Locator) => Promise<void>) {
  const form = page.getByTestId('nk-step-form');
  await form.getByLabel('Welke stap?').selectOption({ label });
  if (fill) await fill(form);
  await form.getByRole('button', { name: 'Stap vastleggen' }).click();
  await expect
    .poll(async () => {
      if (await page.locator('#announcer').filter({ hasText: `Vastgelegd: ${label}.` }).count()) return 'recorded';
      const alert = page.locator('[data-testid="nk-steps"] .ams-alert--error, [data-testid="nk-steps"] .ams-invalid-form-alert');
      if (await alert.count()) return `refused: ${await alert.first().innerText()}`;
      return 'waiting';
    }, { timeout: 15_000 })
    .toBe('recorded');
  await page.waitForLoadState('networkidle').catch(() => {});
}

/** The corporation's application for a tenant of its own; returns the case's path. */
async function apply(name: string, houseNumber: string) {
  await menu(corp, 'Nieuwe Kans', 'Nieuwe Kans');
  await corp.getByRole('link', { name: 'Een Nieuwe Kans aanvragen' }).click();
  await waitForPage(corp, 'Nieuwe Kans aanvragen');
  const form = corp.getByTestId('nk-apply-form');
  await expect.poll(() => form.getByLabel('Woningcorporatie van de huurder').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
  await form.getByLabel('Naam van de huurder').fill(name);
  await form.getByLabel('Postcode').fill('9004 DA');
  await form.getByLabel('Huisnummer').fill(houseNumber);
  await form.getByLabel('Straat').fill('Schoolstraat');
  await form.getByLabel('Plaats').fill('Veenhaven');
  return form;
}

const stepNow = (page: Page) => page.getByTestId('nk-step');

describe('New Chance: from the application to the letter', () => {
  let casePath = '';

  it('corporation: applies for a tenant; without a ground the hub refuses in words', async () => {
    const form = await apply('Anna de Wit', '7');
    await inspect(corp, 'New Chance application');
    // No ground ticked: the refusal is the problem's Dutch message, at the field.
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await expect(errorSummary(corp)).toContainText('er moet ernstige overlast zijn of zorg die in de huidige woning niet kan worden geleverd');
    await inspect(corp, 'New Chance application refused');
    await tick(form.getByLabel('Er is ernstige overlast'));
    await form.getByLabel('Toelichting').fill('Ernstige geluidsoverlast; de huurder wil hulp.');
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await waitForPage(corp, 'Nieuwe Kans: Anna de Wit');
    await expect(stepNow(corp)).toContainText('Klein Overleg');
    casePath = new URL(corp.url()).pathname;
    // The corporation cannot take the Small Meeting's decision: nothing to record now, in words.
    await expect(corp.getByTestId('nk-route').locator('[aria-current="step"]')).toContainText('Klein Overleg');
    await inspect(corp, 'New Chance case (corporation, at the Small Meeting)');
    expectNoPageErrors(corp);
  });

  it('hub: Small Meeting, home visit, the resident willing, the Large Meeting, the letter as PDF', async () => {
    await menu(hub, 'Nieuwe Kans', 'Nieuwe Kans');
    await expect(hub.getByTestId('new-chance-list')).toContainText('Anna de Wit');
    await inspect(hub, 'New Chance list (hub)');
    await hub.getByTestId('new-chance-list').getByRole('link', { name: 'Anna de Wit' }).click();
    await waitForPage(hub, 'Nieuwe Kans: Anna de Wit');
    expect(new URL(hub.url()).pathname).toBe(casePath);
    // What waits, shown before trying: the Large Meeting's steps come later.
    await expect(hub.getByTestId('nk-not-yet')).toContainText('Besluit Groot Overleg: Nog niet mogelijk');
    await inspect(hub, 'New Chance case (hub, at the Small Meeting)');

    await step(hub, 'Besluit Klein Overleg', async (f) => {
      await tick(f.getByRole('radio', { name: 'Ja', exact: true }));
    });
    await expect(stepNow(hub)).toContainText('Huisbezoek');
    await step(hub, 'Huisbezoek door wijk-SPV en corporatie', async (f) => {
      await tick(f.getByRole('radio', { name: 'Ja', exact: true }));
    });
    await expect(stepNow(hub)).toContainText('Gesprek met de bewoner');
    await step(hub, 'Gesprek met de bewoner over de Nieuwe Kans', async (f) => {
      await expect(f).toContainText('Zonder instemming van de bewoner stopt de Nieuwe Kans');
      await tick(f.getByRole('radio', { name: 'Ja, de bewoner wil meewerken' }));
    });
    await expect(stepNow(hub)).toContainText('Groot Overleg');
    await hub.getByTestId('nk-step-form').getByLabel('Welke stap?').selectOption({ label: 'Besluit Groot Overleg' });
    await inspect(hub, 'New Chance case (hub, the Large Meeting form)');
    await step(hub, 'Besluit Groot Overleg', async (f) => {
      await f.getByLabel('Zorgaanbieder die de begeleiding gaat geven').selectOption({ label: 'Zorggroep Horizon' });
      await tick(f.getByRole('radio', { name: 'Verhuizing naar een andere woning' }));
      await f.getByLabel('Termijn van de verhuizing (in maanden)').fill('3');
      await f.getByLabel('Woonbehoefte').fill('Eenkamerwoning op de begane grond');
    });
    await expect(hub.getByTestId('nk-events')).toContainText('Verhuizing binnen 3 maanden');
    await expect(hub.getByTestId('nk-events')).toContainText('Zorggroep Horizon');

    await hub.getByTestId('nk-issue-letter').click();
    await expect(hub.getByTestId('nk-letter-list')).toContainText('Nieuwe Kans Brief');
    await expect(stepNow(hub)).toContainText('Actieve bemiddeling');
    await expect(hub.getByTestId('nk-summary')).toContainText('Zorggroep Horizon');
    await expect(hub.getByTestId('nk-deadlines')).toContainText('Woning bemiddelen binnen de afgesproken termijn');
    await inspect(hub, 'New Chance case (hub, letter issued)');
    await screenshot(hub, 'new-chance-letter-issued');

    const href = await hub.getByTestId('nk-letter-pdf').first().getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/nuisance\/letters\/[0-9a-f-]{36}\/pdf/);
    const pdf = await hub.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The same case in English: the step, the route and the letter in words.
    await hub.getByRole('button', { name: 'Switch to English' }).click();
    await waitForPage(hub, 'New Chance: Anna de Wit');
    await expect(stepNow(hub)).toContainText('Active mediation');
    await expect(hub.getByTestId('nk-letter-list')).toContainText('New Chance letter');
    await inspect(hub, 'New Chance case (hub, English)');
    await hub.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
    await waitForPage(hub, 'Nieuwe Kans: Anna de Wit');
    expectNoPageErrors(hub);
  });

  it('a resident in doubt: without willingness the New Chance stops', async () => {
    const form = await apply('Bram Kuipers', '9');
    await tick(form.getByLabel('Zorg kan in de huidige woning niet worden geleverd'));
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await waitForPage(corp, 'Nieuwe Kans: Bram Kuipers');
    const path = new URL(corp.url()).pathname;

    await hub.goto(path);
    await waitForPage(hub, 'Nieuwe Kans: Bram Kuipers');
    await step(hub, 'Besluit Klein Overleg', async (f) => tick(f.getByRole('radio', { name: 'Ja', exact: true })));
    await step(hub, 'Huisbezoek door wijk-SPV en corporatie', async (f) => tick(f.getByRole('radio', { name: 'Ja', exact: true })));
    await step(hub, 'Gesprek met de bewoner over de Nieuwe Kans', async (f) => tick(f.getByRole('radio', { name: 'De bewoner twijfelt' })));
    await expect(stepNow(hub)).toContainText('Beëindigd');
    await expect(hub.getByTestId('nk-end-reason')).toContainText('Zonder instemming van de bewoner is er geen Nieuwe Kans');
    await expect(hub.getByText('De Nieuwe Kans is beëindigd; de route stopt hier.')).toBeVisible();
    await expect(hub.getByTestId('nk-nothing-now')).toBeVisible();
    await inspect(hub, 'New Chance case (ended: resident in doubt)');
    expectNoPageErrors(hub);
  });

  it('hub: the overview per district, the address check and a district\'s cases', async () => {
    await menu(hub, 'Meldpunt', 'Meldpunt Zorg en Woonoverlast');
    await expect(hub.getByTestId('hub-districts')).toContainText('Oost');
    await expect(hub.getByTestId('hub-districts')).toContainText('over de streeftermijn van drie maanden');
    await expect(hub.getByTestId('hub-situations')).toContainText('Dagpauwoogstraat');
    await expect(hub.getByTestId('hub-new-chance')).toContainText('Actieve bemiddeling');
    await inspect(hub, 'hub overview');

    const check = hub.getByTestId('address-check-form');
    await check.getByLabel('Postcode').fill('9003 CA');
    await check.getByLabel('Huisnummer').fill('112');
    await check.getByRole('button', { name: 'Adres controleren' }).click();
    // The answer in words (yes or no), whom to contact and the open case reported to the hub.
    await expect(hub.getByTestId('address-check-result')).toContainText(/(Ja, er is|Nee, er is geen) begeleiding/);
    await expect(hub.getByTestId('address-check-result')).toContainText('De Linde Wonen');
    await expect(hub.getByTestId('address-check-result').getByRole('link', { name: /bekijk de zaak/ })).toHaveAttribute('href', /^\/overlast\/zaken\//);
    await inspect(hub, 'hub overview (address checked)');
    await screenshot(hub, 'hub-overview');

    await hub.getByTestId('hub-districts').getByRole('link', { name: 'Oost' }).click();
    await waitForPage(hub, 'Zaken in wijk Oost');
    await expect(hub.getByTestId('district-cases')).toContainText('Dagpauwoogstraat');
    await inspect(hub, 'hub district cases');
    expectNoPageErrors(hub);
  });
});
