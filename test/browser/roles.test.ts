/**
 * (b) The organisation administrator sees only its own organisation's users and no
 * create-organisation action; (c) a care worker with two memberships switches organisation
 * and the header shows the new one. Axe on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('organisation administrator (beheerder@, Zorggroep Horizon)', () => {
  it('sees only the users of its own organisation', async () => {
    const { page } = await h.newPage();
    await login(page, 'beheerder');
    await waitForPage(page, 'Welkom, Mo Bakker');
    await expectAccessible(page, 'start page (org admin)');

    await visit(page, '/beheer/gebruikers', 'Gebruikers');
    await expect(page.locator('main')).toContainText('De gebruikers van uw organisatie.');
    const cells = page.getByTestId('user-memberships');
    await expect(cells).toHaveCount(5); // Sanne, Karim, Ineke, Mo and Daan work at Zorggroep Horizon
    for (const text of await cells.allTextContents()) {
      expect(text).toContain('Zorggroep Horizon');
      // Sanne also works for Stichting Onderdak: outside this administrator's scope, so not shown.
      expect(text).not.toContain('Stichting Onderdak');
      expect(text).not.toContain('Gemeente Veenhaven');
    }
    const names = await page.getByTestId('users-table').locator('tbody tr td:first-child').allTextContents();
    expect(names).not.toContain('Pim Beheer');
    expect(names).toContain('Sanne de Vries');

    // The organisation filter offers only its own organisation.
    const options = await page.getByLabel('Organisatie', { exact: false }).locator('option').allTextContents();
    expect(options).toEqual(['Alle organisaties', 'Zorggroep Horizon']);
    await screenshot(page, 'users-org-admin');
    expectNoPageErrors(page);
  });

  it('cannot see the create-organisation action, and the page itself says no access', async () => {
    const { page } = await h.newPage();
    await login(page, 'beheerder');
    await visit(page, '/beheer/organisaties', 'Organisaties');
    await expect(page.getByTestId('create-organisation')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Nieuwe organisatie toevoegen' })).toHaveCount(0);
    await page.getByLabel('Zoek op naam of code').fill('Horizon');
    await page.getByRole('button', { name: 'Zoeken' }).click();

    // Its own organisation may be changed (name and contact details), another may not.
    await page.getByRole('link', { name: 'Zorggroep Horizon' }).click();
    await waitForPage(page, 'Zorggroep Horizon');
    await expect(page.getByRole('link', { name: 'Gegevens wijzigen' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Organisatie deactiveren' })).toHaveCount(0);
    await expectAccessible(page, 'own organisation (org admin)');

    await visit(page, '/beheer/organisaties/nieuw', 'Geen toegang');
    await expect(page.locator('main')).toContainText('U heeft geen toegang tot deze pagina');

    // The audit log shows its own organisation's entries; verifying the chain is for platform administrators.
    await visit(page, '/beheer/auditlog', 'Auditlog');
    await expect(page.locator('main')).toContainText('Handelingen door of over uw organisatie');
    await expect(page.getByRole('button', { name: 'Controleer keten' })).toHaveCount(0);
    await expect(page.getByTestId('audit-table')).toContainText('Mo Bakker');
    expectNoPageErrors(page);
  });
});

describe('care worker with two memberships (begeleider@)', () => {
  it('switches organisation and the header shows the new one', async () => {
    const { page } = await h.newPage();
    await login(page, 'begeleider');
    await waitForPage(page, 'Welkom, Sanne de Vries');

    const switcher = page.getByLabel('Werkt namens');
    const selected = () => switcher.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    const options = ['Stichting Onderdak', 'Zorggroep Horizon'];
    const before = (await selected()).replace(' — Begeleider', '');
    expect(options).toContain(before);
    const target = options.find((o) => o !== before)!;
    await expect(page.getByTestId('home-acting')).toContainText(`${before}, als Begeleider.`);
    // A care worker has no administration pages.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(menu.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
    await expect(menu.getByRole('link', { name: 'Auditlog' })).toHaveCount(0);
    await expect(menu.getByRole('link', { name: 'Kalender' })).toBeVisible();
    await expectAccessible(page, 'start page (care worker)');
    await screenshot(page, 'home-care-worker');

    await switcher.selectOption({ label: `${target} — Begeleider` });
    await page.getByRole('button', { name: 'Wisselen' }).click();
    await expect(page.locator('#announcer')).toContainText(`U werkt nu namens ${target} als Begeleider.`);
    expect(await selected()).toBe(`${target} — Begeleider`);
    await expect(page.getByTestId('home-acting')).toContainText(`${target}, als Begeleider.`);
    await expectAccessible(page, 'start page after switching');

    // The choice lives in the server-side session: it survives a reload.
    await page.reload();
    await waitForPage(page, 'Welkom, Sanne de Vries');
    expect(await page.getByLabel('Werkt namens').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toBe(`${target} — Begeleider`);

    // Administration pages stay closed, with a clear message rather than an empty page.
    await visit(page, '/beheer/gebruikers', 'Geen toegang');
    expectNoPageErrors(page);
  });
});
