/**
 * The case (trajectory) page on its own (issue 9): the metro line agrees with the case (one current
 * station, the case's phase), the section menu moves focus to a section's heading, purposes read as
 * words (their codes only in a help disclosure), and the page neither overflows sideways at 390 px
 * nor has axe violations, at both widths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;
let cw: Page;
const CLIENT = { first: 'Sem', last: `Pagina-${Date.now().toString(36)}` };
const NAME = `${CLIENT.first} ${CLIENT.last}`;
const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const ago = (n: number) => amsterdam.format(new Date(h.clock.now().getTime() - n * 86_400_000));
async function tick(box: ReturnType<Page['getByLabel']>) {
  await box.focus();
  if (!(await box.isChecked())) await box.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);
}

beforeAll(async () => {
  h = await startBrowserHarness();
  cw = (await h.newPage()).page;
  await login(cw, 'begeleider');
  const switcher = cw.getByLabel('Werkt namens');
  if (!(await switcher.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).startsWith('Zorggroep Horizon')) {
    await switcher.selectOption({ label: 'Zorggroep Horizon — Begeleider' });
    await cw.getByRole('button', { name: 'Wisselen' }).click();
    await expect(cw.locator('#announcer')).toContainText('Zorggroep Horizon');
  }
});

afterAll(async () => {
  await h?.close();
});

describe('the case page', () => {
  it('a new case with consent: purposes in words, one current station, a section menu that moves focus', async () => {
    await visit(cw, '/clienten', 'Cliënten');
    await cw.getByRole('link', { name: 'Nieuwe cliënt aanmelden' }).click();
    await waitForPage(cw, 'Nieuwe cliënt');
    const form = cw.locator('form[aria-labelledby="page-heading"]');
    await form.getByLabel('Voornaam').fill(CLIENT.first);
    await form.getByLabel('Achternaam').fill(CLIENT.last);
    await form.getByLabel('Doelgroep').selectOption('omslag_mobw_adult');
    await form.getByLabel('Startdatum traject').fill(ago(60));
    await form.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await waitForPage(cw, NAME);

    const consent = cw.getByTestId('consent-form');
    // The purposes are offered by name; their codes sit in a closed help disclosure.
    await expect(consent.getByText('PB-1', { exact: false })).not.toBeVisible();
    await consent.getByTestId('purpose-codes-help').locator('summary').click();
    await expect(consent.getByTestId('purpose-codes-help')).toContainText('PB-1: Matching bewoner en woning');
    await consent.getByLabel('Gegeven op').fill(ago(60));
    for (const p of ['Matching bewoner en woning', 'Kennismakingsgesprek', 'Jaarlijkse woonevaluatie']) await tick(consent.getByLabel(p, { exact: true }));
    for (const item of ['Welke informatie wordt gedeeld', 'Waarom die wordt gedeeld', 'Om welke gegevens het gaat', 'Met wie', 'Hoe en hoe lang die wordt bewaard', 'Welke rechten de cliënt heeft']) {
      await tick(consent.getByLabel(item, { exact: true }));
    }
    await consent.getByLabel('Bewaartermijn zoals verteld').fill('Tot 2 jaar na het einde van het traject');
    await consent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    const table = cw.getByTestId('consents-table');
    await expect(table).toContainText('Matching bewoner en woning');
    await expect(table).not.toContainText('PB-1');

    // The metro line: exactly one current station, the case's phase; nothing after it is done.
    const line = cw.getByTestId('metro-line');
    await expect(line.locator('li[aria-current="step"]')).toHaveCount(1);
    await expect(line.locator('li[aria-current="step"]')).toHaveAttribute('data-phase', 'P1_referral');
    await expect(line.locator('li[data-phase="P0_consent"]')).toHaveAttribute('data-status', 'done');
    await expect(line.locator('li[data-phase="P6_support_plan"]')).toHaveAttribute('data-status', 'upcoming');

    // A station's details open under the line, in the flow: they do not cover the goals below.
    const toggle = line.getByRole('button', { name: /^Details\W+van Voordracht en voorbereiding$/ });
    await toggle.click();
    const panel = cw.getByTestId('metro-details');
    await expect(panel).toBeVisible();
    const [p, goals] = [await panel.boundingBox(), await cw.locator('#goals-heading').boundingBox()];
    expect(p!.y + p!.height).toBeLessThanOrEqual(goals!.y);
    await cw.keyboard.press('Escape');
    await expect(toggle).toBeFocused();
    await expect(panel).not.toBeVisible();

    // The section menu moves focus to the chosen section's heading.
    const menu = cw.getByTestId('section-menu');
    await menu.getByRole('link', { name: 'Toestemming', exact: true }).click();
    await expect(cw.getByRole('heading', { level: 2, name: 'Toestemming', exact: true })).toBeFocused();
    await menu.getByRole('link', { name: 'Termijnen', exact: true }).click();
    await expect(cw.getByRole('heading', { level: 2, name: 'Termijnen', exact: true })).toBeFocused();
    await expectAccessible(cw, 'case page, wide');
    await screenshot(cw, 'case-page-wide');

    // No rule, field or purpose code in the visible text of the page (help disclosures are closed).
    const visible = await cw.locator('main').innerText();
    expect(visible).not.toMatch(/\b(R-[A-Z]{2,3}-\d+|D-(?:[A-Z]{2,3}-)?\d+|E-\d+|PB-\d+|AMB-[A-Z]{2}-\d+)\b/);
    expectNoPageErrors(cw);
  });

  it('at 390 px the case page does not overflow sideways and stays accessible', async () => {
    await cw.setViewportSize({ width: 390, height: 844 });
    await cw.reload();
    await waitForPage(cw, NAME);
    await expect(cw.getByTestId('team-table')).toBeVisible();
    expect(await cw.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(cw, 'case page, narrow');
    await screenshot(cw, 'case-page-narrow');
    expectNoPageErrors(cw);
  });
});
