/**
 * Issue 9, "every role finds its work": the home page shows what waits for the role, in words,
 * linked to the case; it fits 390 px and axe finds nothing; a case of the user's work for another
 * organisation offers to switch to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness({ demoCases: true });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function noOverflowAt390(page: Page, label: string) {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label}: page overflow at 390px`).toBeLessThanOrEqual(0);
  await expectAccessible(page, `${label} at 390px`);
}

describe('home queues per role', () => {
  it('the care worker starts at the organisation of her cases and sees her work in words, linked to the case', async () => {
    const { page } = await h.newPage();
    await login(page, 'begeleider');
    await waitForPage(page, 'Welkom, Sanne de Vries');
    await expect(page.getByTestId('home-acting')).toContainText('Zorggroep Horizon, als Begeleider.');
    const work = page.getByTestId('home-work');
    await expect(work.getByRole('heading', { name: 'Wat op u wacht' })).toBeVisible();
    await expect(page.getByTestId('home-queue-waitingOnOthers')).toContainText('Wonen: voordracht bevestigen of retourneren');
    const items = work.getByTestId('home-item');
    await expect(items.first()).toContainText(/uiterlijk \d+ \w+/);
    // Words, not codes.
    expect(await work.innerText()).not.toMatch(/\bD-\d{2}\b/);
    await expectAccessible(page, 'home (care worker)');
    await noOverflowAt390(page, 'home (care worker)');
    await screenshot(page, 'home-care-worker-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await items.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/(trajecten|formulieren)\//);
    expectNoPageErrors(page);
  });

  it('the corporation sees its client’s overdue offer deadline; Wonen the nomination', async () => {
    const corp = (await h.newPage()).page;
    await login(corp, 'corporatie');
    await waitForPage(corp, 'Welkom, Joost Meijer');
    await expect(corp.getByTestId('home-queue-overdue')).toContainText('Zorgaanbieder, woningcorporatie en Wonen: passend woningaanbod doen');
    await noOverflowAt390(corp, 'home (corporation)');

    const won = (await h.newPage()).page;
    await login(won, 'wonen');
    await waitForPage(won, 'Welkom, Fatma Yilmaz');
    await expect(won.getByTestId('home-queue-nominations')).toContainText('Wonen: voordracht bevestigen of retourneren');
    await noOverflowAt390(won, 'home (Wonen)');
    await screenshot(won, 'home-wonen-390');
  });

  it('a case of her work for the other organisation offers to switch, and the switch opens it', async () => {
    const { page } = await h.newPage();
    await login(page, 'begeleider');
    await waitForPage(page, 'Welkom, Sanne de Vries');
    const href = await page.getByTestId('home-work').getByTestId('home-item').first().getByRole('link').getAttribute('href');
    const switcher = page.getByLabel('Werkt namens');
    await switcher.selectOption({ label: 'Stichting Onderdak — Begeleider' });
    await page.getByRole('button', { name: 'Wisselen' }).click();
    await expect(page.getByTestId('home-acting')).toContainText('Stichting Onderdak');
    await page.goto(href!);
    await expect(page.getByTestId('switch-offer').first()).toContainText('Dit dossier hoort bij uw werk voor Zorggroep Horizon.');
    await expectAccessible(page, 'refused case with a switch offer');
    await page.getByRole('button', { name: 'Wissel naar Zorggroep Horizon' }).first().click();
    await expect(page.getByTestId('switch-offer')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expectNoPageErrors(page);
  });
});
