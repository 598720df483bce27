/**
 * The client edit page (a debt from earlier closing notes): the care worker changes a client's
 * details and household; two editors at once — the second save gets the conflict message, keeps
 * its input, and can put it on top of the newest version (If-Match on PATCH /clients/:id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPageErrors, login, startBrowserHarness, waitForPage, type BrowserHarness } from './support.ts';
import { inspect } from './walk-support.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('changing a client', () => {
  it('two care workers edit the same client: the second keeps their input on 412 and saves on top of the newest version', async () => {
    const first = (await h.newPage()).page;
    const second = (await h.newPage()).page;
    await login(first, 'begeleider');
    await login(second, 'begeleider');
    // The first registers a client (with a trajectory) through the form.
    await first.goto('/clienten/nieuw');
    await waitForPage(first, 'Nieuwe cliënt');
    const form = first.locator('form[aria-labelledby="page-heading"]');
    const name = `Mees Bewerk-${Date.now().toString(36)}`;
    await form.getByLabel('Voornaam').fill('Mees');
    await form.getByLabel('Achternaam').fill(name.slice(5));
    await form.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await waitForPage(first, name);
    const trajectoryId = new URL(first.url()).pathname.split('/').pop()!;
    const trajectory = (await (await first.request.get(`/api/v1/trajectories/${trajectoryId}`)).json()) as { clientId: string };
    const clientId = trajectory.clientId;
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);

    // The first opens the edit page from the case page, the second by its address.
    await first.getByTestId('client-edit-link').click();
    await waitForPage(first, `Gegevens van ${name} wijzigen`);
    await second.goto(`/clienten/${clientId}/bewerken`);
    await waitForPage(second, `Gegevens van ${name} wijzigen`);
    await inspect(second, 'client edit');

    await first.getByLabel(/^Telefoonnummer/).fill('06 1111 2222');
    await first.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => new URL(first.url()).pathname).not.toMatch(/bewerken$/);

    await second.getByLabel(/^Huidig adres/).fill('Wandelpad 9, Veenhaven');
    await second.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await second.getByLabel('Naam gezinslid 1').fill('Sem');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = second.getByTestId('conflict');
    await expect(conflict).toBeFocused();
    await expect(conflict).toContainText('Iemand anders heeft dit intussen gewijzigd');
    await expect(second.getByLabel(/^Huidig adres/)).toHaveValue('Wandelpad 9, Veenhaven');
    await inspect(second, 'client edit with a conflict');

    await second.getByRole('button', { name: 'Mijn wijzigingen behouden op de nieuwste versie' }).click();
    await expect(second.getByLabel(/^Telefoonnummer/)).toHaveValue('06 1111 2222');
    await expect(second.getByLabel(/^Huidig adres/)).toHaveValue('Wandelpad 9, Veenhaven');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => new URL(second.url()).pathname).not.toMatch(/bewerken$/);

    const saved = (await (await second.request.get(`/api/v1/clients/${clientId}`)).json()) as { phone: string; address: string; household: Array<{ name: string }> };
    expect(saved.phone).toBe('06 1111 2222');
    expect(saved.address).toBe('Wandelpad 9, Veenhaven');
    expect(saved.household.map((m) => m.name)).toContain('Sem');
    expectNoPageErrors(first);
    expectNoPageErrors(second);
  });
});
