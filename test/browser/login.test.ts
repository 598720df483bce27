/**
 * (d) A failed login shows the API's Dutch message, and switching to English translates the page
 * and the message; the choice is remembered. A locked account gets the same message (no enumeration).
 * (f) Keyboard only: the skip link works, and a user logs in and reaches the users page with
 * Tab and Enter alone. Axe on every page and state.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- oidc-provider ships no type declarations (and @types/oidc-provider is not installed)
import Provider from 'oidc-provider';
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
});

// A Thuisroute of its own for these tests: configured for a real OpenID Connect provider (oidc-provider,
// as in test/integration/oidc.test.ts) and with a login rate limit of 3 a minute, so both answers
// come from the real parts instead of a faked /auth/config and a faked 429.
describe('login against a real identity provider and a real rate limit', () => {
  let oh: BrowserHarness;
  let providerServer: http.Server;
  let issuer: string;

  beforeAll(async () => {
    providerServer = http.createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as net.AddressInfo).port}`;
    const port = await new Promise<number>((resolve) => { const srv = net.createServer().listen(0, '127.0.0.1', () => { const p = (srv.address() as net.AddressInfo).port; srv.close(() => resolve(p)); }); });
    const base = `http://127.0.0.1:${port}`;
    const clientSecret = crypto.randomBytes(24).toString('base64url');
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'thuisroute', client_secret: clientSecret, redirect_uris: [`${base}/api/v1/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: async (_ctx: unknown, id: string) => (id === 'daan-sub' ? { accountId: id, claims: async () => ({ sub: id, email: demoEmail('collega'), email_verified: true, name: 'Daan Mulder' }) } : undefined),
      pkce: { required: () => true },
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'browser-rs256', use: 'sig', alg: 'RS256' }] },
      cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
      features: { devInteractions: { enabled: true } },
    });
    providerServer.on('request', provider.callback());
    oh = await startBrowserHarness({
      port, publicBaseUrl: base, loginRateLimitPerMinute: 3,
      oidc: { issuer, clientId: 'thuisroute', clientSecret, redirectUri: `${base}/api/v1/auth/oidc/callback`, displayName: 'Veenhaven ID', scope: 'openid email profile' },
    });
  });
  afterAll(async () => {
    await oh?.close();
    providerServer?.closeAllConnections();
    await new Promise((resolve) => providerServer?.close(resolve));
  });

  it('the organisation login goes to the provider and back, logged in', async () => {
    const { page, context } = await oh.newPage();
    // The provider's development pages link styles on the internet, unreachable here: answer those empty.
    await context.route((u) => u.hostname !== '127.0.0.1', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
    await visit(page, '/inloggen', 'Inloggen bij Thuisroute');
    const oidc = page.getByRole('link', { name: 'Inloggen via Veenhaven ID' });
    await expect(oidc).toHaveAttribute('href', '/api/v1/auth/oidc/login');
    await oidc.click();
    // The provider's own sign-in and consent pages (oidc-provider's development interactions).
    await page.waitForURL((u) => u.origin === issuer);
    await page.locator('input[name="login"]').fill('daan-sub');
    await page.locator('input[name="password"]').fill('willekeurig');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.origin === issuer && u.pathname.startsWith('/interaction/'));
    await page.locator('button[type="submit"]').click();
    await waitForPage(page, /^(Welkom|Welcome), /);
    expect(new URL(page.url()).origin).toBe(new URL(oh.baseUrl).origin);
    expectNoPageErrors(page);
  });

  it('shows the rate limit the API answers after too many login attempts from one address', async () => {
    const { page } = await oh.newPage();
    await visit(page, '/inloggen', 'Inloggen bij Thuisroute');
    // The limit is 3 login requests a minute from this address (the test before used none of them: it logged in by OIDC).
    for (let i = 0; i < 3; i++) {
      await tryLogin(page, demoEmail('admin'), `fout-${i}`);
      await expect(page.getByRole('region', { name: 'Inloggen mislukt' })).toBeVisible();
    }
    await tryLogin(page, demoEmail('admin'), 'thuisroute-demo');
    const limited = page.getByRole('region', { name: 'Te veel pogingen' });
    await expect(limited).toBeFocused();
    await expect(limited).toContainText(/Probeer het over \d+ seconden opnieuw\./);
    await expect(page.getByRole('link', { name: 'Inloggen via Veenhaven ID' })).toBeVisible();
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
