/**
 * The remaining pages: calendar (holidays and the Atw due-date calculator), my account (name,
 * language, password), the 404 page and the English interface. Axe on every page and state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { errorSummary, expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;
let page: Page;

beforeAll(async () => {
  h = await startBrowserHarness();
  ({ page } = await h.newPage());
  await login(page, 'teammanager');
});
afterAll(async () => {
  await h?.close();
});

describe('calendar', () => {
  it('lists the days off of a chosen year', async () => {
    await visit(page, '/kalender', 'Kalender en termijnen');
    await page.getByLabel('Jaar').selectOption('2026');
    const table = page.locator('#holidays-table');
    await expect(table).toContainText('Vrije dagen in 2026');
    await expect(table).toContainText('Tweede Paasdag');
    await expect(table).toContainText('maandag 6 april 2026');
    await expect(table).toContainText('Koningsdag');
    await expect(page.locator('#announcer')).toContainText('vrije dagen in 2026 getoond');
    await expectAccessible(page, 'calendar');
  });

  it('computes a due date and explains the Atw adjustment', async () => {
    // 30 March 2026 + 6 days = Sunday 5 April; Easter Monday 6 April is no working day either:
    // Atw art. 1 moves the deadline to Tuesday 7 April.
    await page.getByLabel('Begindatum').fill('2026-03-30');
    await page.getByLabel('Aantal').fill('6');
    await page.getByLabel('Eenheid').selectOption({ label: 'Dagen' });
    await page.getByRole('button', { name: 'Bereken uiterste datum' }).click();
    const result = page.getByTestId('due-result');
    await expect(result).toBeFocused();
    await expect(result).toContainText('Uiterste datum: dinsdag 7 april 2026');
    await expect(result).toContainText('Atw artikel 1');
    await expect(result).toContainText('zondag 5 april 2026');
    await expect(result).toContainText('6 dagen');
    await expectAccessible(page, 'calendar with a due date');
    await screenshot(page, 'calendar');

    await page.getByLabel('Aantal').fill('veel');
    await page.getByRole('button', { name: 'Bereken uiterste datum' }).click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(errorSummary(page)).toContainText('Vul een heel getal van 0 of meer in.');
    await expectAccessible(page, 'calendar with an input error');
  });
});

describe('my account', () => {
  it('changes the name and the language', async () => {
    await visit(page, '/mijn-account', 'Mijn account');
    await expect(page.locator('main')).toContainText('Zorggroep Horizon — Teammanager');
    await page.getByLabel('Naam', { exact: true }).fill('Karim El Idrissi-Bos');
    await page.getByLabel('Taal van Thuisroute').selectOption({ label: 'Engels' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForPage(page, 'My account');
    await expect(page.getByRole('region', { name: 'Your details have been saved' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Logged in as Karim El Idrissi-Bos' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'my account (en)');
    await screenshot(page, 'account-en');

    // The English interface elsewhere.
    await visit(page, '/', 'Welcome, Karim El Idrissi-Bos');
    await expect(page.getByTestId('home-acting')).toContainText('Zorggroep Horizon, as Team manager.');
    await visit(page, '/beheer/gebruikers', 'Users');
    await visit(page, '/kalender', 'Calendar and deadlines');
    await page.getByLabel('Year').selectOption('2026');
    await expect(page.locator('#holidays-table')).toContainText('Easter Monday');

    await visit(page, '/mijn-account', 'My account');
    await page.getByLabel('Language of Thuisroute').selectOption({ label: 'Dutch' });
    await page.getByRole('button', { name: 'Save' }).click();
    await waitForPage(page, 'Mijn account');
  });

  it('refuses a wrong current password next to the field, then changes the password', async () => {
    await page.getByLabel('Huidig wachtwoord').fill('dit-is-het-niet');
    await page.getByLabel('Nieuw wachtwoord').fill('een nieuw en lang wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een nieuw en lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(page.locator('#password-currentPassword-error')).toContainText('Uw huidige wachtwoord klopt niet.');
    await expectAccessible(page, 'password change with an error');

    await page.getByLabel('Huidig wachtwoord').fill('thuisroute-demo');
    await page.getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.locator('#password-newPassword-error')).toContainText('Te kort: minimaal 12 tekens.');

    await page.getByLabel('Nieuw wachtwoord').fill('een nieuw en lang wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een nieuw en lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByRole('region', { name: 'Uw wachtwoord is gewijzigd' })).toBeFocused();
    await expectAccessible(page, 'password changed');
  });
});

describe('lists', () => {
  it('pages through the organisations', async () => {
    await visit(page, '/beheer/organisaties', 'Organisaties');
    await expect(page.locator('main table caption')).toContainText('Organisaties (34 gevonden)');
    await page.getByRole('link', { name: 'Volgende pagina' }).click();
    await expect(page).toHaveURL(/pagina=2/);
    await expect(page.locator('main table')).toContainText('Zorggroep Horizon');
    await expect(page.getByRole('link', { name: 'Vorige pagina' })).toBeVisible();
    await expectAccessible(page, 'organisations, page 2');
    await page.getByLabel('Soort organisatie').selectOption({ label: 'Woningcorporatie' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/soort=housing_corporation/);
    await expect(page.locator('main table caption')).toContainText('Organisaties (7 gevonden)');
    expect(new URL(page.url()).searchParams.get('pagina')).toBeNull();
  });
});

describe('narrow window', () => {
  it('puts the main menu behind the menu button and stays accessible', async () => {
    const { page: phone } = await h.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await login(phone, 'begeleider');
    await expectAccessible(phone, 'start page, narrow');
    const menu = phone.getByRole('button', { name: 'Hoofdmenu tonen' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(phone.getByRole('button', { name: 'Hoofdmenu verbergen' })).toHaveAttribute('aria-expanded', 'true');
    await phone.locator('.ams-page-header__mega-menu').getByRole('link', { name: 'Kalender' }).click();
    await waitForPage(phone, 'Kalender en termijnen');
    await expectAccessible(phone, 'calendar, narrow');
    await screenshot(phone, 'calendar-narrow');
    await visit(phone, '/beheer/organisaties', 'Organisaties');
    expectNoPageErrors(phone);
  });
});

describe('not found', () => {
  it('shows a helpful 404 page, logged in or not', async () => {
    await visit(page, '/bestaat-niet', 'Pagina niet gevonden');
    await expect(page.getByRole('link', { name: 'Naar de startpagina', exact: true })).toBeVisible();
    await screenshot(page, 'not-found');
    const anon = (await h.newPage()).page;
    await visit(anon, '/ook/niet', 'Pagina niet gevonden');
    await expect(anon.getByRole('link', { name: 'Naar de inlogpagina' })).toBeVisible();
    expectNoPageErrors(page);
    expectNoPageErrors(anon);
  });
});
