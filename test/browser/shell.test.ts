/**
 * The shell on small and large screens (issue 9): a compact header at 390 px with the menu and the
 * account controls behind one button (keyboard operable, sane focus order), no sideways overflow on
 * the list pages, a clearly visible focus ring on the dark-blue menu, and sortable tables that say
 * their order (aria-sort) and announce it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

/** WCAG relative luminance contrast of two rgb()/rgba() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The focused element's outline (style, width in px, colour) and the background of the area it sits in. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    let bg = 'rgba(0, 0, 0, 0)';
    for (let n: HTMLElement | null = el.parentElement; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, background: bg, text: el.textContent?.trim() ?? '' };
  });
}

async function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The innermost elements that stick out to the right (for the failure message). */
async function sticksOut(page: Page): Promise<string> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      if (!clipped && r.right > w + 1 && r.width > 0) {
        out.push(`${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ').join('.')} → ${Math.round(r.right)}px: ${(el.textContent ?? '').trim().slice(0, 40)}`);
      }
    }
    return out.slice(0, 6).join(' | ');
  });
}

describe('narrow window (390 px)', () => {
  it('has a compact header; menu and account controls sit behind one keyboard-operable button', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'begeleider');
    const header = page.locator('header.ams-page-header');
    const height = (await header.boundingBox())!.height;
    expect(height, 'header height at 390 px').toBeLessThanOrEqual(80);
    await screenshot(page, 'shell-header-narrow');
    // Only the brand, the language switch and the menu button are visible.
    await expect(page.getByRole('button', { name: 'Wisselen' })).toHaveCount(0);
    expect(await page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(false);
    const button = page.getByRole('button', { name: 'Hoofdmenu tonen' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Hoofdmenu verbergen' })).toHaveAttribute('aria-expanded', 'true');
    // Focus order: the menu button, then the main menu's links, then the account controls.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.ams-menu') !== null)).toBe(true);
    const panel = page.locator('.tr-account-panel');
    await expect(panel.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
    await expect(panel.getByRole('link', { name: /Ingelogd als/ })).toBeVisible();
    await expectAccessible(page, 'start page, narrow, menu open');
    await screenshot(page, 'shell-menu-narrow');
    expect(await overflow(page), 'overflow with the menu open').toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await panel.getByRole('link', { name: /Ingelogd als/ }).click();
    await waitForPage(page, 'Mijn account');
    await expect(page.getByRole('button', { name: 'Hoofdmenu tonen' })).toHaveAttribute('aria-expanded', 'false');
    expectNoPageErrors(page);
  });

  it('no page of the shell or its lists scrolls sideways', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'begeleider');
    for (const [path, heading] of [['/', undefined], ['/werklijst', undefined], ['/clienten', 'Cliënten'], ['/kalender', 'Kalender en termijnen'], ['/route', undefined]] as const) {
      await visit(page, path, heading);
      expect(await overflow(page), `horizontal overflow on ${path} at 390 px`).toBeLessThanOrEqual(0);
    }
    await screenshot(page, 'shell-route-narrow');
    const { page: admin } = await h.newPage();
    await admin.setViewportSize({ width: 390, height: 844 });
    await login(admin, 'teammanager');
    for (const path of ['/beheer/organisaties', '/beheer/gebruikers']) {
      await visit(admin, path);
      expect(await overflow(admin), `horizontal overflow on ${path} at 390 px`).toBeLessThanOrEqual(0);
    }
  });
});

describe('wide window (1,440 px)', () => {
  it('shows a clearly visible focus ring on the dark-blue menu and in the page', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'begeleider');
    const link = page.locator('#hoofdmenu').getByRole('link', { name: 'Kalender' });
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.background), `focus ring ${ring.color} on ${ring.background}`).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'shell-focus-menu');
    // A link in the page, on white.
    await visit(page, '/kalender', 'Kalender en termijnen');
    await page.locator('main').getByRole('button').first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const inPage = await focusRing(page);
    expect(contrast(inPage.color, inPage.background), `focus ring ${inPage.color} on ${inPage.background}`).toBeGreaterThanOrEqual(3);
  });

  it('sorts a table from its header: aria-sort on the column, the order announced', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'teammanager');
    await visit(page, '/kalender', 'Kalender en termijnen');
    await page.getByLabel('Jaar').selectOption('2026');
    const table = page.locator('#holidays-table');
    await expect(table).toContainText('Koningsdag');
    const names = () => table.locator('tbody tr td:nth-child(2)').allTextContents();
    const sortByName = table.getByRole('button', { name: 'Naam' });
    await sortByName.focus();
    await page.keyboard.press('Enter');
    const th = table.locator('thead th').nth(1);
    await expect(th).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('#announcer')).toContainText('Gesorteerd op Naam, oplopend.');
    const up = await names();
    expect(up).toEqual([...up].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base', numeric: true })));
    await page.keyboard.press('Space');
    await expect(th).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('#announcer')).toContainText('aflopend');
    expect(await names()).toEqual([...up].reverse());
    await expectAccessible(page, 'calendar, sorted');
    // A paginated list says that only the page shown is sorted.
    await visit(page, '/beheer/organisaties', 'Organisaties');
    await page.locator('main table').getByRole('button', { name: 'Naam' }).click();
    await expect(page.locator('main')).toContainText('Sorteren ordent alleen de rijen op deze pagina.');
    await expect(page.locator('#announcer')).toContainText('alleen de rijen op deze pagina');
    await expectAccessible(page, 'organisations, sorted');
    expectNoPageErrors(page);
  });
});

describe('the pages with sortable tables at 390 and 1,440 px', () => {
  /** Axe and no sideways overflow at both widths; back to 1,440 px afterwards. */
  async function atBothWidths(page: Page, label: string) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(50);
      await expectAccessible(page, `${label} at ${width} px`);
      const over = await overflow(page);
      expect(over, `horizontal overflow on ${label} at ${width} px: ${over > 0 ? await sticksOut(page) : ''}`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('administration: organisations, an organisation, users, a user', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'admin');
    await visit(page, '/beheer/organisaties', 'Organisaties');
    await atBothWidths(page, 'organisations');
    await page.locator('main table tbody a').first().click();
    await page.locator('main h1').waitFor();
    await atBothWidths(page, 'an organisation');
    await visit(page, '/beheer/gebruikers', 'Gebruikers');
    await atBothWidths(page, 'users');
    await page.locator('main table tbody a').first().click();
    await page.locator('[data-testid="memberships-table"]').waitFor();
    await atBothWidths(page, 'a user');
    expectNoPageErrors(page);
  });

  it('monitor reference data: agreements, target groups, figures', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'analist');
    for (const path of ['/monitor/afspraken', '/monitor/doelgroepen', '/monitor/cijfers', '/monitor/import']) {
      await visit(page, path);
      await atBothWidths(page, path);
    }
    expectNoPageErrors(page);
  });
});

