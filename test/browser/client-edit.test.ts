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
    const list = await first.request.get('/api/v1/clients?limit=1');
    expect(list.status()).toBe(200);
    const client = ((await list.json()) as { items: Array<{ clientId?: string; id?: string; firstName: string; lastName: string }> }).items[0]!;
    const clientId = client.clientId ?? client.id!;
    const name = `${client.firstName} ${client.lastName}`;

    for (const page of [first, second]) {
      await page.goto(`/clienten/${clientId}/bewerken`);
      await waitForPage(page, `Gegevens van ${name} wijzigen`);
    }
    await inspect(second, 'client edit');

    await first.getByLabel('Telefoonnummer').fill('06 1111 2222');
    await first.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => new URL(first.url()).pathname).not.toMatch(/bewerken$/);

    await second.getByLabel('Adres').fill('Wandelpad 9, Veenhaven');
    await second.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await second.getByLabel(/^Naam gezinslid \d$/).last().fill('Sem');
    await second.getByRole('button', { name: 'Opslaan' }).click();
    const conflict = second.getByTestId('conflict');
    await expect(conflict).toBeFocused();
    await expect(conflict).toContainText('Iemand anders heeft dit intussen gewijzigd');
    await expect(second.getByLabel('Adres')).toHaveValue('Wandelpad 9, Veenhaven');
    await inspect(second, 'client edit with a conflict');

    await second.getByRole('button', { name: 'Mijn wijzigingen behouden op de nieuwste versie' }).click();
    await expect(second.getByLabel('Telefoonnummer')).toHaveValue('06 1111 2222');
    await expect(second.getByLabel('Adres')).toHaveValue('Wandelpad 9, Veenhaven');
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
