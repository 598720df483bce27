/**
 * The programme team's maintenance pages behind the monitor (issue 4, part 1): the programme
 * analyst of Veenhaven reads the agreements and a plan, the target groups, records released
 * dwellings and released dwellings by rooms on the figures page, and imports a small placements
 * file. Axe on every page; the figures are typed and saved with the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoPageErrors, login, visit, type BrowserHarness, startBrowserHarness } from './support.ts';
import { SEED_YEAR, seedMonitorYear } from '../support/monitor-seed.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  await seedMonitorYear(h.server.database.db, h.clock.now());
});
afterAll(async () => {
  await h?.close();
});

describe('programme team pages', () => {
  it('R-MO-02, R-MO-09: the analyst reads the agreement, its plan versions and the target groups', async () => {
    const { page } = await h.newPage();
    await login(page, 'analist');
    await visit(page, '/monitor/afspraken', 'Afspraken en verdeling');
    await expect(page.locator('main')).toContainText('Afspraken Veenhaven 2024–2027');
    await expectAccessible(page, 'agreements list');
    await page.getByRole('link', { name: /Afspraken Veenhaven 2024–2027/ }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main')).toContainText('Verdeling over doelgroepen');
    await expectAccessible(page, 'agreement detail');

    await visit(page, '/monitor/doelgroepen', 'Doelgroepen');
    await expect(page.locator('main')).toContainText('Sociaal Medisch Urgenten');
    await expectAccessible(page, 'target groups');
    expectNoPageErrors(page);
  });

  it('R-MO-15, M-10, R-MO-39: the analyst records stock, released dwellings and released dwellings by rooms, by keyboard', async () => {
    const { page } = await h.newPage();
    await login(page, 'analist');
    await visit(page, '/monitor/cijfers', 'Cijfers corporaties en gemeente');
    await page.locator('#figures-year').selectOption(String(SEED_YEAR));
    const stock = page.locator('section[aria-labelledby="stock-heading"]');
    const lindeStock = stock.locator('input').first();
    await lindeStock.fill('1234');
    await lindeStock.press('Enter');
    await expect(stock).toContainText('De cijfers zijn opgeslagen.');
    await expect(stock.locator('tbody tr').last()).toContainText('1.234'); // the total row, Dutch number format
    const released = page.getByLabel(/^Vrijkomend bij .*Linde.* in jan/);
    await released.fill('7');
    await released.press('Enter'); // submits the section's form
    await expect(page.locator('section[aria-labelledby="released-heading"]')).toContainText('De cijfers zijn opgeslagen.');

    const rooms = page.getByLabel(/^Vrijgekomen bij .*Linde.* met 2 kamers$/);
    await rooms.fill('4');
    await rooms.press('Enter');
    await expect(page.locator('section[aria-labelledby="rooms-heading"]')).toContainText('De cijfers zijn opgeslagen.');
    // The rooms do not add up to the released dwellings of the year: a notice, not a refusal.
    await expect(page.getByTestId('rooms-differs')).toBeVisible();
    await expectAccessible(page, 'figures page after saving');

    // A value that is not a count is refused on the page, with the field marked.
    await rooms.fill('vier');
    await rooms.press('Enter');
    await expect(page.locator('section[aria-labelledby="rooms-heading"]')).toContainText('Vul een heel getal in (0 of meer).');
    await expect(rooms).toHaveAttribute('aria-invalid', 'true');
    expectNoPageErrors(page);
  });

  it('the analyst imports a small placements file and sees the result and the rejected row', async () => {
    const { page } = await h.newPage();
    await login(page, 'analist');
    await visit(page, '/monitor/import', 'Plaatsingen importeren');
    await expectAccessible(page, 'import page');
    const csv = [
      'placement_id,municipality,corporation,target_group,active_mediation_date,lease_signed_date,move_reason,persons',
      'BR-1,GM9001,WC-LINDE,omslag_mobw_adult,2024-01-05,2024-02-10,regular,1',
      'BR-2,GM9001,WC-LINDE,omslag_mobw_adult,2024-02-30,2024-03-10,regular,1',
    ].join('\n');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'plaatsingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // All or nothing (the default): one bad date refuses the file, with the row and the reason.
    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect(page.getByRole('heading', { name: 'Resultaat' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Afgekeurde rijen' })).toBeVisible();
    await expect(page.locator('main')).toContainText('2024-02-30');
    await expectAccessible(page, 'import refused');
    // Valid rows anyway: the good row is imported, the bad one listed.
    await page.getByText('Geldige rijen toch importeren en de afgekeurde rijen overslaan').click();
    expect(await page.getByLabel('Geldige rijen toch importeren en de afgekeurde rijen overslaan').isChecked()).toBe(true);
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'plaatsingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect(page.locator('main')).toContainText('Gedeeltelijk (geldige rijen geïmporteerd)');
    await expectAccessible(page, 'import result');
    expectNoPageErrors(page);
  });
});
