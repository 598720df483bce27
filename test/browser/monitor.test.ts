/**
 * The monitor dashboard (issue 4, pages): the programme analyst of Veenhaven opens /monitor and
 * sees the headline tiles, the tables and the charts of the seeded year, changes the filter,
 * downloads a table as CSV; the corporation contact sees its own corporation first (R-MO-21).
 * Axe on every state.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';
import { SEED_YEAR, seedMonitorYear } from '../support/monitor-seed.ts';
import { todayIn } from '../../src/platform/clock.ts';
import { dateInWords } from '../../src/domain/monitor/period.ts';
import { MONTHS } from '../../src/domain/monitor/tables.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  await seedMonitorYear(h.server.database.db, h.clock.now());
});
afterAll(async () => {
  await h?.close();
});

describe('monitor dashboard', () => {
  it('M-03, M-07, M-14, M-17, M-24, R-MO-09, R-MO-25, R-MO-26, R-MO-36: the analyst sees tiles, tables and charts of the own municipality, filters and downloads a CSV', async () => {
    const { page } = await h.newPage();
    await login(page, 'analist');
    await visit(page, `/monitor?jaar=${SEED_YEAR}`, 'Monitor huisvesting kwetsbare groepen');
    await expect(page.getByTestId('monitor-default-view')).toContainText('U ziet de cijfers van Gemeente Veenhaven.');

    // Headline tiles: 36 counted dwellings delivered of 120 agreed (December of a past year).
    const tiles = page.getByTestId('monitor-tiles');
    await expect(tiles).toContainText('Geleverd t/m december');
    await expect(tiles).toContainText('36');
    await expect(tiles).toContainText('van 120 afgesproken woningen voor heel 2024');
    await expect(page.getByTestId('monitor-tile-expected')).toContainText('doel tot en met het eind van december, 12 twaalfde delen van de afspraak');
    await expect(page.getByTestId('monitor-tile-month')).toContainText('Geleverd in december');
    await expect(page.getByTestId('monitor-tile-month')).toContainText('maanddeel: 10 (een twaalfde van de afspraak)');
    // A closed year stands at its last day, in words (never ISO).
    await expect(page.getByTestId('monitor-scope')).toContainText('Stand per 31 december 2024.');
    await expect(tiles).toContainText('Binnen 3 maanden gehuisvest');
    await expect(tiles).toContainText('Geen signaal (10% of minder)');
    // Warning: the first plan version adds up to 125, not 120 (a warning, not an error).
    await expect(page.getByTestId('monitor-warnings')).toContainText('telt op tot 125');

    // Tables with captions; the initial plan version alongside the current one (R-MO-09).
    const groups = page.getByTestId('monitor-table-groups');
    await expect(groups.locator('caption')).toContainText('Prognose en levering per hoofdgroep en doelgroep (Gemeente Veenhaven, 2024 t/m december)');
    const mg2 = groups.locator('tr[data-key="MG-2"]');
    await expect(mg2).toContainText('55');
    await expect(mg2).toContainText('50');
    await expect(mg2).toContainText('Achter');
    await expect(page.locator('main')).toContainText('Eerste verdeling: versie 1');
    await expect(page.getByTestId('monitor-table-wait-times')).toContainText('Sociaal Medisch Urgenten');
    await expect(page.locator('main')).toContainText('De echte wachttijd is langer'); // R-MO-26
    await expect(page.locator('main')).toContainText('zoeken eerst zes maanden zelf'); // R-MO-25
    await expect(page.getByTestId('monitor-table-waiting').locator('tr[data-key="total"]')).toContainText('3');
    await expect(page.getByTestId('monitor-table-apart').locator('tr[data-key="total"]')).toContainText('1');
    await expect(page.getByTestId('monitor-table-statushouders')).toContainText('Eerste halfjaar 2024');
    await expect(page.locator('main')).toContainText('geen overschrijding'); // R-MO-36

    // Charts: figures with captions and an accessible name.
    await expect(page.locator('figure')).toHaveCount(3);
    await expect(page.locator('figure svg[role="img"]').first()).toHaveAttribute('aria-label', /cumulatief 36 woningen geleverd, verwacht 120/);
    await expect(page.getByRole('link', { name: 'Maandrapportage (PDF)' })).toHaveAttribute('href', /\/api\/v1\/monitor\/report\.pdf\?year=2024&month=12&municipality=GM9001/);
    await expectAccessible(page, 'monitor (analyst)');
    await screenshot(page, 'monitor-analyst');

    // Filter: up to June. The URL reflects it; the tiles follow.
    await page.getByLabel('Tot en met maand').selectOption({ label: 'juni' });
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await expect(page).toHaveURL(/maand=6/);
    await expect(tiles).toContainText('Geleverd t/m juni');
    await expect(page.getByTestId('monitor-table-monthly').locator('tbody tr')).toHaveCount(6);
    await expectAccessible(page, 'monitor filtered to June');

    // Download the groups table as CSV: the same numbers as on screen.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-groups-csv').click()]);
    expect(download.suggestedFilename()).toBe('monitor-doelgroepen-gemeente-veenhaven-2024-06.csv');
    const file = await download.path();
    // For Dutch Excel: a byte order mark and semicolons.
    const raw = fs.readFileSync(file!);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parse(raw, { delimiter: ';', bom: true }) as string[][];
    expect(lines[0]![0]).toBe('Groep');
    const total = lines.find((l) => l[0] === 'Totaal (afgesproken aantal)')!;
    expect(total[1]).toBe('120');
    const screenTotal = await groups.locator('tr[data-key="total"] td').nth(3).textContent();
    expect(total[4]).toBe(screenTotal!.trim());
    expectNoPageErrors(page);
  });

  it('R-MO-39, R-MO-40: the analyst opens the optional views by keyboard: household sizes against rooms, and the figures in the printed report layout', async () => {
    const { page } = await h.newPage();
    await login(page, 'analist');
    await visit(page, `/monitor?jaar=${SEED_YEAR}`, 'Monitor huisvesting kwetsbare groepen');
    // Both sections start collapsed and load nothing until opened.
    const sizes = page.getByRole('button', { name: 'Huishoudgrootte statushouders en vrijgekomen woningen naar kamers' });
    await expect(sizes).toHaveAttribute('aria-expanded', 'false');
    await sizes.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('monitor-household-sizes-proposal')).toContainText('Voorstel, geen norm');
    await expect(page.getByTestId('monitor-table-household-sizes').locator('caption')).toBeVisible();

    const layout = page.getByRole('button', { name: 'Cijfers in de indeling van het jaarverslag' });
    await layout.focus();
    await page.keyboard.press('Enter');
    const table = page.getByTestId('monitor-report-layout-table');
    await expect(table.locator('caption')).toContainText(`${SEED_YEAR}, stand per 31 december ${SEED_YEAR}`);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
    // The other layout: wait times per printed row, with the previous year alongside.
    const select = page.getByLabel('Indeling', { exact: true });
    const options = await select.locator('option').allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(2);
    const waitOption = options.find((o) => /wacht/i.test(o))!;
    await select.selectOption({ label: waitOption });
    await expect(table.locator('thead')).toContainText('Binnen 3 maanden');
    await expect(table.locator('thead')).toContainText(`Binnen 3 maanden in ${SEED_YEAR - 1}`);
    await expectAccessible(page, 'monitor optional views open');
    expectNoPageErrors(page);
  });

  it('R-MO-21: the corporation contact sees its own corporation first, the whole region one step away', async () => {
    const { page } = await h.newPage();
    await login(page, 'corporatie');
    await visit(page, `/monitor?jaar=${SEED_YEAR}`, 'Monitor huisvesting kwetsbare groepen');
    await expect(page.getByTestId('monitor-default-view')).toContainText('U ziet de cijfers van uw eigen corporatie, De Linde Wonen.');
    const firstRow = () => page.getByTestId('monitor-table-corporations').locator('tbody tr').first();
    await expect(firstRow()).toContainText('De Linde Wonen');

    await page.getByTestId('monitor-full-view').click();
    await waitForPage(page, 'Monitor huisvesting kwetsbare groepen');
    await expect(page).toHaveURL(/corporatie=alle/);
    await expect(page.getByTestId('monitor-table-corporations').locator('tbody tr')).toHaveCount(2);
    await expect(firstRow()).toContainText('De Linde Wonen (uw corporatie)');
    await expect(page.getByTestId('monitor-default-view')).toContainText('De Linde Wonen staat bovenaan');
    await expectAccessible(page, 'monitor (corporation, whole region)');
    await screenshot(page, 'monitor-corporation');
    expectNoPageErrors(page);
  });
  it('issue 9: the running month stands at today; the in-page navigation moves focus to a section; tables scroll in their own region at 1,440 and 390 px', async () => {
    const { page } = await h.newPage();
    await login(page, 'analist');
    const today = todayIn(h.clock);
    const [year, month, day] = today.split('-').map(Number) as [number, number, number];
    await visit(page, `/monitor?jaar=${year}`, 'Monitor huisvesting kwetsbare groepen');
    // The default period is the running month, standing at today (the injected clock), in words.
    await expect(page.getByTestId('monitor-scope')).toContainText(`Stand per ${dateInWords(today, 'nl')}.`);
    const upto = `${day} ${MONTHS[month - 1]!.nl}`;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < lastDay) {
      await expect(page.getByTestId('monitor-scope')).toContainText('De maand loopt nog');
      await expect(page.getByTestId('monitor-tile-delivered')).toContainText(`Geleverd t/m ${upto}`);
    }
    await expect(page.locator('main')).not.toContainText(/\b\d{4}-\d{2}-\d{2}\b/);

    // In-page navigation: a list of links to the sections; following one moves focus to its heading.
    const nav = page.getByRole('navigation', { name: 'Op deze pagina' });
    await expect(nav.getByRole('link')).toHaveCount(9);
    await nav.getByRole('link', { name: 'Levering per maand' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#monitor-monthly-heading')).toBeFocused();
    await expect(page).toHaveURL(/#monitor-monthly-heading$/);

    // Tables never widen the page: at 1,440 and 390 px every table fits or scrolls inside its own labelled region.
    await visit(page, `/monitor?jaar=${SEED_YEAR}&corporatie=alle`, 'Monitor huisvesting kwetsbare groepen');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `page overflow at ${width}px`).toBeLessThanOrEqual(0);
      // Give the scroll regions a moment to notice the new width (ResizeObserver).
      await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('.tr-table-scroll')].filter((el) => {
        const table = el.querySelector('table');
        if (!table) return false;
        const scrolls = el.scrollWidth > el.clientWidth + 1;
        // A wider table must be a focusable, labelled scroll region; a fitting one must fit.
        return scrolls ? !(el.getAttribute('role') === 'region' && el.getAttribute('tabindex') === '0' && el.getAttribute('aria-label')) : table.getBoundingClientRect().right > el.getBoundingClientRect().right + 1;
      }).map((el) => `${el.querySelector('caption')?.textContent}: ${el.scrollWidth}/${el.clientWidth} ${el.getAttribute('role')} ${el.querySelector('table')!.getBoundingClientRect().right}/${el.getBoundingClientRect().right}`)), { message: `tables clipped at ${width}px` }).toEqual([]);
      // No scroll container of the design system's own inside the region (it was neither focusable nor labelled).
      expect(await page.evaluate(() => [...document.querySelectorAll('.tr-monitor .ams-table')].filter((el) => getComputedStyle(el).overflowX !== 'visible').length)).toBe(0);
      await expectAccessible(page, `monitor at ${width}px`);
    }
    await screenshot(page, 'monitor-390');

    // The corporations table is a flat list: it sorts on a column by its header button.
    await page.setViewportSize({ width: 1440, height: 900 });
    const corporations = page.getByTestId('monitor-table-corporations');
    await corporations.getByRole('button', { name: 'Corporatie', exact: true }).click();
    await expect(corporations.locator('th[aria-sort="ascending"]')).toHaveCount(1);
    expectNoPageErrors(page);
  });
});
