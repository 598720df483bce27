/**
 * (e) Optimistic concurrency in the UI: two browser contexts edit the same organisation; the
 * second save gets 412, sees the Dutch conflict message and keeps its input; it can then put
 * its input on top of the newest version and save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('two people edit the same organisation', () => {
  it('the second save gets the conflict message and keeps its input', async () => {
    const first = (await h.newPage()).page;
    const second = (await h.newPage()).page;
    await login(first, 'admin');
    await login(second, 'beheerder'); // the organisation administrator of Zorggroep Horizon

    // Both open the edit form of Zorggroep Horizon.
    for (const page of [first, second]) {
      await page.goto('/beheer/organisaties?zoek=Horizon');
      await waitForPage(page, 'Organisaties');
      await page.getByRole('link', { name: 'Zorggroep Horizon' }).click();
      await waitForPage(page, 'Zorggroep Horizon');
      await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
      await waitForPage(page, 'Zorggroep Horizon wijzigen');
    }
    await expectAccessible(second, 'organisation edit (org admin)');

    // The first saves a new phone number.
    await first.getByLabel('Telefoonnummer').fill('010 765 4321');
    await first.getByRole('button', { name: 'Opslaan' }).click();
    await waitForPage(first, 'Zorggroep Horizon');
    await expect(first.getByRole('region', { name: 'De wijzigingen zijn opgeslagen' })).toBeVisible();

    // The second, still on the old version, changes the name and saves.
    await second.getByLabel('Naam').fill('Zorggroep Horizon Noord');
    await second.getByLabel('Benaming contactpersoon').fill('coördinator wonen');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = second.getByTestId('conflict');
    await expect(conflict).toBeFocused();
    await expect(conflict).toContainText('Iemand anders heeft dit intussen gewijzigd');
    await expect(conflict).toContainText('Uw invoer staat nog in het formulier');
    expect(new URL(second.url()).pathname).toMatch(/\/wijzigen$/);
    await expect(second.getByLabel('Naam')).toHaveValue('Zorggroep Horizon Noord');
    await expect(second.getByLabel('Benaming contactpersoon')).toHaveValue('coördinator wonen');
    await expectAccessible(second, 'organisation edit with a conflict');
    await screenshot(second, 'conflict');

    // Keep my changes on the newest version, then save: both people's changes survive.
    await second.getByRole('button', { name: 'Mijn wijzigingen behouden op de nieuwste versie' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'Uw wijzigingen staan klaar op de nieuwste versie' })).toBeVisible();
    await expect(second.getByLabel('Naam')).toHaveValue('Zorggroep Horizon Noord');
    await expect(second.getByLabel('Telefoonnummer')).toHaveValue('010 765 4321');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    await waitForPage(second, 'Zorggroep Horizon Noord');
    await expect(second.locator('main')).toContainText('010 765 4321');
    await expect(second.locator('main')).toContainText('coördinator wonen');
    await expectAccessible(second, 'organisation after resolving the conflict');

    // The first reloads and sees both changes.
    await first.reload();
    await waitForPage(first, 'Zorggroep Horizon Noord');
    await expect(first.locator('main')).toContainText('010 765 4321');
    expectNoPageErrors(first);
    expectNoPageErrors(second);
  });

  it('a stale deactivation is refused the same way', async () => {
    const a = (await h.newPage()).page;
    const b = (await h.newPage()).page;
    await login(a, 'admin');
    await login(b, 'admin');
    for (const page of [a, b]) {
      await page.goto('/beheer/organisaties?zoek=Vangnet');
      await waitForPage(page, 'Organisaties');
      await page.getByRole('link', { name: 'Vangnet Wonen' }).click();
      await waitForPage(page, 'Vangnet Wonen');
    }
    await a.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await waitForPage(a, 'Vangnet Wonen wijzigen');
    await a.getByLabel('Telefoonnummer').fill('020 000 1111');
    await a.getByRole('button', { name: 'Opslaan' }).click();
    await waitForPage(a, 'Vangnet Wonen');

    await b.getByRole('button', { name: 'Organisatie deactiveren' }).click();
    await expect(b.getByRole('region', { name: 'Organisatie deactiveren?' })).toBeFocused();
    await expectAccessible(b, 'deactivate confirmation');
    await b.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await expect(b.getByTestId('conflict')).toContainText('Iemand anders heeft dit intussen gewijzigd');
    await b.getByRole('button', { name: 'Nieuwste versie laden (mijn invoer vervalt)' }).click();
    await expect(b.locator('main')).toContainText('020 000 1111');
    await b.getByRole('button', { name: 'Organisatie deactiveren' }).click();
    await b.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await expect(b.getByTestId('org-status')).toContainText('Gedeactiveerd sinds');
    await expect(b.getByRole('button', { name: 'Organisatie deactiveren' })).toHaveCount(0);
    await expectAccessible(b, 'organisation after deactivation');
  });
});
