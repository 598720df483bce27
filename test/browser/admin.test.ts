/**
 * (a) The platform administrator's day: create and change an organisation, create a user with a
 * first membership, add a membership, deactivate a user with hand-over to a successor, then read
 * the audit log and verify the hash chain. Axe runs on every page and state visited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { errorSummary, expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;
let page: Page;

beforeAll(async () => {
  h = await startBrowserHarness();
  ({ page } = await h.newPage());
});
afterAll(async () => {
  await h?.close();
});

describe('platform administrator', () => {
  it('logs in and sees the start page with the active organisation and role', async () => {
    await login(page, 'admin');
    await waitForPage(page, 'Welkom, Pim Beheer');
    await expect.poll(() => page.getByTestId('home-acting').textContent()).toContain('Gemeente Veenhaven, als Platformbeheerder');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const item of ['Startpagina', 'Organisaties', 'Gebruikers', 'Auditlog', 'Kalender', 'Mijn account']) {
      await expect(menu.getByRole('link', { name: item })).toBeVisible();
    }
    await expectAccessible(page, 'start page');
    await screenshot(page, 'home-admin');
  });

  it('creates an organisation, with a clear error summary first', async () => {
    await visit(page, '/beheer/organisaties', 'Organisaties');
    await screenshot(page, 'organisations');
    await page.getByRole('link', { name: 'Nieuwe organisatie toevoegen' }).click();
    await waitForPage(page, 'Nieuwe organisatie');
    await expectAccessible(page, 'new organisation form');

    // Submitting empty: the summary takes focus and links to the fields.
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const summary = errorSummary(page);
    await expect(summary).toContainText('Verbeter de fouten voordat u verdergaat');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: /Soort organisatie: Vul dit veld in/ })).toBeVisible();
    await expect(page).toHaveTitle(/^\(\d+ invoerfouten?\) Nieuwe organisatie – Thuisroute$/);
    await expectAccessible(page, 'new organisation form with errors');

    await page.getByLabel('Soort organisatie').selectOption({ label: 'Zorgaanbieder' });
    await page.getByLabel('Naam').fill('Zorgcollectief De Haven');
    await page.getByLabel('Code').fill('za-dehaven');
    await expect(page.getByLabel('Code')).toHaveValue('ZA-DEHAVEN');
    await page.getByLabel('E-mailadres').fill('info@dehaven.example');
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await waitForPage(page, 'Zorgcollectief De Haven');
    await expect(page.getByRole('region', { name: 'De organisatie is toegevoegd' })).toBeVisible();
    await expectAccessible(page, 'organisation detail after create');
  });

  it('refuses a duplicate code next to the field', async () => {
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await waitForPage(page, 'Zorgcollectief De Haven wijzigen');
    await page.getByLabel('Code').fill('ZA-HORIZON');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.locator('#org-code-error')).toContainText('Er bestaat al een organisatie met deze code');
    await expect(page.getByLabel('Code')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Code')).toHaveAttribute('aria-describedby', /org-code-error/);
    await expectAccessible(page, 'organisation edit with a field error');
  });

  it('edits the organisation', async () => {
    await page.getByLabel('Code').fill('ZA-DEHAVEN');
    await page.getByLabel('Naam').fill('Zorgcollectief De Nieuwe Haven');
    await page.getByLabel('Telefoonnummer').fill('020 123 4567');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForPage(page, 'Zorgcollectief De Nieuwe Haven');
    await expect(page.getByRole('region', { name: 'De wijzigingen zijn opgeslagen' })).toBeVisible();
    await expect(page.getByText('020 123 4567')).toBeVisible();
    await expectAccessible(page, 'organisation detail after edit');
  });

  it('creates a user with a first membership', async () => {
    await visit(page, '/beheer/gebruikers', 'Gebruikers');
    await screenshot(page, 'users');
    await page.getByRole('link', { name: 'Nieuwe gebruiker toevoegen' }).click();
    await waitForPage(page, 'Nieuwe gebruiker');
    await expectAccessible(page, 'new user form');
    await page.getByLabel('Naam').fill('Noor Hendriks');
    await page.getByLabel('E-mailadres').fill('noor.hendriks@dehaven.example');
    await page.getByLabel('Eerste wachtwoord').fill('een-lang-start-wachtwoord');
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Zorgcollectief De Nieuwe Haven' });
    await page.getByLabel('Rol').selectOption({ label: 'Begeleider' });
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await waitForPage(page, 'Noor Hendriks');
    await expect(page.getByRole('region', { name: 'De gebruiker is toegevoegd' })).toBeVisible();
    await expect(page.getByTestId('memberships-table')).toContainText('Zorgcollectief De Nieuwe Haven');
    await expectAccessible(page, 'user detail after create');
  });

  it('adds a second membership', async () => {
    const form = page.getByRole('form', { name: 'Lidmaatschap toevoegen' });
    await form.getByLabel('Organisatie').selectOption({ label: 'Zorggroep Horizon' });
    await form.getByLabel('Rol').selectOption({ label: 'Begeleider' });
    await form.getByRole('button', { name: 'Lidmaatschap toevoegen' }).click();
    await expect(page.getByTestId('memberships-table').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByRole('status').filter({ hasText: 'Lidmaatschap Zorggroep Horizon — Begeleider is toegevoegd.' }).first()).toBeVisible();
    await expectAccessible(page, 'user detail after adding a membership');
    await screenshot(page, 'user-detail');
  });

  it('ends a membership after confirmation', async () => {
    await page.getByRole('button', { name: 'Lidmaatschap Zorgcollectief De Nieuwe Haven — Begeleider beëindigen' }).click();
    const confirm = page.getByRole('region', { name: 'Lidmaatschap beëindigen?' });
    await expect(confirm).toBeFocused();
    await expectAccessible(page, 'end membership confirmation');
    await confirm.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het lidmaatschap Zorgcollectief De Nieuwe Haven — Begeleider is beëindigd.' }).first()).toBeVisible();
    const rows = page.getByTestId('memberships-table').locator('tbody tr');
    await expect(rows.filter({ hasText: 'Zorgcollectief De Nieuwe Haven' })).toContainText('Beëindigd');
    await expect(rows.filter({ hasText: 'Zorggroep Horizon' })).toContainText('Actief');
  });

  it("changes the user's name", async () => {
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await waitForPage(page, 'Noor Hendriks wijzigen');
    await expectAccessible(page, 'edit user');
    await page.getByLabel('Naam').fill('Noor Hendriks-de Wit');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForPage(page, 'Noor Hendriks-de Wit');
    await expect(page.getByRole('region', { name: 'De wijzigingen zijn opgeslagen' })).toBeVisible();
  });

  it('deactivates the user and hands the work over to a successor', async () => {
    await page.getByRole('button', { name: 'Gebruiker deactiveren…' }).click();
    const form = page.getByRole('form', { name: 'Gebruiker deactiveren' });
    await expect(form.getByLabel('Opvolger')).toBeFocused();
    await expectAccessible(page, 'deactivate form');
    await form.getByRole('button', { name: 'Noor Hendriks-de Wit deactiveren' }).click();
    await expect(errorSummary(form)).toBeFocused();

    await form.getByLabel('Opvolger').selectOption({ label: 'Sanne de Vries (begeleider@demo.thuisroute.nl)' });
    await form.getByLabel('Reden').fill('Uit dienst per vandaag');
    await form.getByRole('button', { name: 'Noor Hendriks-de Wit deactiveren' }).click();
    const result = page.getByTestId('handover-result');
    await expect(result).toBeFocused();
    await expect(result).toContainText('De gebruiker is gedeactiveerd');
    await expect(result).toContainText('Het openstaande werk is overgedragen aan Sanne de Vries.');
    await expect(page.getByTestId('user-status')).toContainText('Gedeactiveerd op');
    await expect(page.getByText('Uit dienst per vandaag')).toBeVisible();
    await expectAccessible(page, 'user detail after deactivation');
  });

  it('unlocks a locked-out account', async () => {
    // Five wrong passwords lock Fatma Yilmaz's account.
    for (let i = 0; i < 5; i++) {
      const res = await page.request.post('/api/v1/auth/login', { data: { email: 'wonen@demo.thuisroute.nl', password: `fout-${i}` } });
      expect(res.status()).toBe(401);
    }
    await visit(page, '/beheer/gebruikers?zoek=Fatma', 'Gebruikers');
    await expect(page.getByTestId('users-table')).toContainText('Geblokkeerd');
    await page.getByRole('link', { name: 'Fatma Yilmaz' }).click();
    await waitForPage(page, 'Fatma Yilmaz');
    await expect(page.getByTestId('user-status')).toContainText('Geblokkeerd tot');
    await page.getByRole('button', { name: 'Blokkade opheffen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De blokkade is opgeheven' }).first()).toBeVisible();
    await expect(page.getByTestId('user-status')).toContainText('Actief');
    await expect(page.getByRole('button', { name: 'Blokkade opheffen' })).toHaveCount(0);
    await expectAccessible(page, 'user detail after unlocking');
  });

  it('reads the audit log and verifies the chain', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Auditlog' }).click();
    await waitForPage(page, 'Auditlog');
    await expect(page.locator('main h1')).toBeFocused();
    const table = page.getByTestId('audit-table');
    await expect(table).toContainText('Gebruiker gedeactiveerd');
    await expect(table).toContainText('Organisatie toegevoegd');
    await expect(table).toContainText('Lidmaatschap toegevoegd');
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'audit');

    await page.getByLabel('Uitkomst').selectOption({ label: 'Gelukt' });
    await page.getByLabel('Handeling').selectOption({ label: 'Gebruiker gedeactiveerd' });
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(page).toHaveURL(/handeling=user.deactivate/);

    await page.getByRole('button', { name: 'Controleer keten' }).click();
    const verify = page.getByTestId('verify-result');
    await expect(verify).toBeFocused();
    await expect(verify).toContainText('De keten is intact');
    await expect(verify).toContainText(/Alle [\d.]+ regels zijn gecontroleerd/);
    await expectAccessible(page, 'audit log after verification');

    // The summary names the last row of the trail: the newest row when the page is opened anew.
    const head = (await verify.locator('dd').nth(1).innerText()).trim();
    await page.getByRole('link', { name: 'Filters wissen' }).click();
    // Wait for the unfiltered page: the filtered row stays on screen until the new page has loaded.
    await expect(page).not.toHaveURL(/handeling=/);
    await expect.poll(async () => table.locator('tbody tr').count()).toBeGreaterThan(1);
    await expect
      .poll(async () => Number((await table.locator('tbody tr').first().locator('td').first().innerText()).trim()))
      .toBeGreaterThanOrEqual(Number(head));

    // Filters by client and trajectory, the export of the filtered rows, sortable columns.
    await page.getByLabel('Cliënt (kenmerk)').fill('geen-kenmerk');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByText('Vul het volledige kenmerk in')).toBeVisible();
    await expect(page.getByLabel('Cliënt (kenmerk)')).toBeFocused();
    await page.getByLabel('Cliënt (kenmerk)').fill('');
    await page.getByLabel('Traject (kenmerk)').fill('3f2a9c1e-0b7d-4e8a-9c2f-1a2b3c4d5e6f');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/traject=3f2a9c1e/);
    await expect(page.getByTestId('audit-export')).toHaveAttribute('href', /\/api\/v1\/audit\/export\.csv\?trajectoryId=3f2a9c1e-0b7d-4e8a-9c2f-1a2b3c4d5e6f&lang=nl/);
    await page.getByRole('link', { name: 'Filters wissen' }).click();
    await page.getByRole('button', { name: 'Tijdstip' }).click();
    await expect(page.getByRole('columnheader', { name: 'Tijdstip' })).toHaveAttribute('aria-sort', 'ascending');

    // At 390 px the table scrolls in its own region; the page does not overflow sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'audit log at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    expectNoPageErrors(page);
  });
});
