/**
 * (d) A failed login shows the API's Dutch message, and switching to English translates the page
 * and the message; the choice is remembered. A locked account gets the same message (no enumeration).
 * (f) Keyboard only: the skip link works, and a user logs in and reaches the users page with
 * Tab and Enter alone. Axe on every page and state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoEmail, errorSummary, expectAccessible, expectNoPageErrors, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

async function tryLogin(page: Page, email: string, password: string) {
  await page.getByLabel(/^(E-mailadres|E-mail address)\s*$/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)\s*$/).fill(password);
  await page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
}

/** Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; href: string | null; id: string }) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', text: (a?.textContent ?? '').trim(), href: a?.getAttribute('href') ?? null, id: a?.id ?? '' };
    });
    if (matches(el)) return el;
  }
  throw new Error('element not reached with Tab');
}

describe('login', () => {
  it('shows the Dutch error for wrong credentials, and English after switching', async () => {
    const { page } = await h.newPage();
    await visit(page, '/inloggen', 'Inloggen bij Thuisroute');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await screenshot(page, 'login');

    // Empty form: the error summary, in Dutch, takes focus.
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(errorSummary(page)).toBeFocused();
    await expect(errorSummary(page)).toContainText('Vul uw e-mailadres in.');
    await expectAccessible(page, 'login with empty fields');

    await tryLogin(page, demoEmail('admin'), 'niet-het-goede-wachtwoord');
    const alert = page.getByRole('region', { name: 'Inloggen mislukt' });
    await expect(alert).toBeFocused();
    await expect(alert).toContainText('Het e-mailadres of wachtwoord klopt niet.');
    await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveValue('');
    await expect(page.getByLabel('E-mailadres', { exact: true })).toHaveValue(demoEmail('admin'));
    await expectAccessible(page, 'login failed (nl)');
    await screenshot(page, 'login-failed');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await waitForPage(page, 'Log in to Thuisroute');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page).toHaveTitle('Log in – Thuisroute');
    await expect(page.getByRole('region', { name: 'Login failed' })).toContainText('The e-mail address or password is incorrect.');
    await expect(page.getByRole('button', { name: 'Wissel naar Nederlands' })).toBeVisible();
    await expectAccessible(page, 'login failed (en)');

    // Remembered across a reload; the API answers in English too.
    await page.reload();
    await waitForPage(page, 'Log in to Thuisroute');
    await tryLogin(page, demoEmail('admin'), 'still-not-the-password');
    await expect(page.getByRole('region', { name: 'Login failed' })).toContainText('The e-mail address or password is incorrect.');

    // Back to Dutch, then a successful login.
    await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
    await waitForPage(page, 'Inloggen bij Thuisroute');
    await tryLogin(page, demoEmail('admin'), 'thuisroute-demo');
    await waitForPage(page, 'Welkom, Pim Beheer');
    expectNoPageErrors(page);
  });

  it('hardening: a locked-out user gets the same message as a wrong password, which says what to do', async () => {
    const { page } = await h.newPage();
    await visit(page, '/inloggen', 'Inloggen bij Thuisroute');
    for (let i = 0; i < 5; i++) {
      await tryLogin(page, demoEmail('analist'), `fout-${i}`);
      await expect(page.getByRole('region', { name: 'Inloggen mislukt' })).toBeVisible();
    }
    await tryLogin(page, demoEmail('analist'), 'thuisroute-demo');
    // No account enumeration: a locked account answers like a wrong password or an unknown address.
    const locked = page.getByRole('region', { name: 'Inloggen mislukt' });
    await expect(locked).toBeFocused();
    await expect(locked).toContainText('Het e-mailadres of wachtwoord klopt niet.');
    await expect(locked).toContainText('Na te veel mislukte pogingen');
    await expect(locked).toContainText('beheerder');
    await expectAccessible(page, 'login locked');
  });

  it('sends an expired or missing session to the login page and back afterwards', async () => {
    const { page, context } = await h.newPage();
    await page.goto('/beheer/auditlog?uitkomst=denied');
    await waitForPage(page, 'Inloggen bij Thuisroute');
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/beheer/auditlog?uitkomst=denied');
    await tryLogin(page, demoEmail('admin'), 'thuisroute-demo');
    await waitForPage(page, 'Auditlog');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/beheer/auditlog?uitkomst=denied');

    // The session ends while the app is open: the next API call answers 401 and the app says so.
    // Let the page finish its own requests first, so the menu is not re-rendered under the click.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    // The click starts a client-side navigation whose first API call answers 401; the menu can be replaced
    // while Playwright is still confirming its click, which it then reports as "detached". Whether the click
    // landed is proven below: the login page must name this link's target as the page to return to.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Gebruikers' })
      .click({ timeout: 5000 })
      .catch(() => undefined);
    await waitForPage(page, 'Inloggen bij Thuisroute');
    await expect(page.getByRole('region', { name: 'Uw sessie is verlopen' })).toBeVisible();
    // The first API call that answers 401 ends the session in the app: that is the users page's
    // own call, or (when the router is still finishing the audit page) a call of the page being left.
    // Either way the login page offers the way back.
    expect(['/beheer/gebruikers', '/beheer/auditlog?uitkomst=denied']).toContain(new URL(page.url()).searchParams.get('terug'));
    await expectAccessible(page, 'login after the session expired');
  });

  it('shows the rate limit and the organisation login when the API says so', async () => {
    const { page } = await h.newPage();
    // The demo server has no identity provider and a generous rate limit: let the API answer as a real one would.
    await page.route('**/api/v1/auth/config', (route) => route.fulfill({ json: { oidc: { enabled: true, displayName: 'Veenhaven ID' } } }));
    await page.route('**/api/v1/auth/login', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/problem+json',
        headers: { 'retry-after': '42' },
        body: JSON.stringify({
          type: '/problems/rate_limited', title: 'Te veel pogingen', status: 429, detail: 'Probeer het over 42 seconden opnieuw.', code: 'rate_limited', retryAfter: 42,
          messages: { nl: { title: 'Te veel pogingen', detail: 'Probeer het over 42 seconden opnieuw.' }, en: { title: 'Too many requests', detail: 'Try again in 42 seconds.' } },
        }),
      }),
    );
    await visit(page, '/inloggen', 'Inloggen bij Thuisroute');
    const oidc = page.getByRole('link', { name: 'Inloggen via Veenhaven ID' });
    await expect(oidc).toBeVisible();
    await expect(oidc).toHaveAttribute('href', '/api/v1/auth/oidc/login');
    await tryLogin(page, demoEmail('admin'), 'thuisroute-demo');
    const limited = page.getByRole('region', { name: 'Te veel pogingen' });
    await expect(limited).toBeFocused();
    await expect(limited).toContainText('Probeer het over 42 seconden opnieuw.');
    await expectAccessible(page, 'login rate limited, with organisation login');
  });
});

describe('keyboard only', () => {
  it('skip link, log in and reach the users page with Tab and Enter', async () => {
    const { page } = await h.newPage();
    await page.goto('/inloggen');
    await waitForPage(page, 'Inloggen bij Thuisroute');

    // The first Tab stop is the skip link; Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible(); // visible when focused
    await expectAccessible(page, 'login with the skip link focused');
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    expect(new URL(page.url()).pathname).toBe('/inloggen');

    // From the main content, the next Tab stop is the e-mail field: the header is skipped.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('E-mailadres', { exact: true })).toBeFocused();
    await page.keyboard.type(demoEmail('beheerder'));
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
    await page.keyboard.type('thuisroute-demo');
    await page.keyboard.press('Enter');
    await waitForPage(page, 'Welkom, Mo Bakker');
    // After navigation, focus is on the new page's heading.
    await expect(page.locator('main h1')).toBeFocused();
    await expectAccessible(page, 'start page reached by keyboard');

    // Tab on from the heading to the "Gebruikers" card and follow it.
    await tabTo(page, (el) => el.tag === 'a' && el.href === '/beheer/gebruikers' && el.text === 'Gebruikers');
    await page.keyboard.press('Enter');
    await waitForPage(page, 'Gebruikers');
    expect(new URL(page.url()).pathname).toBe('/beheer/gebruikers');
    await expect(page.locator('main h1')).toBeFocused();
    await expectAccessible(page, 'users page reached by keyboard');

    // The skip link also works on pages with the full header and menu.
    await page.goto('/beheer/gebruikers');
    await waitForPage(page, 'Gebruikers');
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(after, 'the Tab after the skip link lands inside main').toBe(true);

    // Operate the search form by keyboard alone.
    await tabTo(page, (el) => el.id === 'user-filter-q');
    await page.keyboard.type('Sanne');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/zoek=Sanne/);
    await expect(page.getByTestId('users-table').locator('tbody tr')).toHaveCount(1);
    expectNoPageErrors(page);
  });
});
