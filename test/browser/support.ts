/**
 * Browser-test harness: the real server (API + built web app from dist/web) on a fresh
 * database, Debian's Chromium through playwright-core, and axe-core on every page visited.
 *
 * Clock: the server gets a fixed clock set to the *current real time*. The session cookie's
 * `expires` comes from the injected clock while Chromium judges it by its own wall clock, so a
 * clock fixed in the past or future would hand the browser an already-expired (or oddly-lived)
 * cookie. Browser tests are therefore the one place where the fixed clock starts at "now".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import './matchers.ts';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { loadConfig, type Config } from '../../src/platform/config/config.ts';
import { createServer, type Server } from '../../src/app/server.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../../src/app/seed/demo.ts';
import { openTestDatabase } from '../support/harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST_DIR = path.resolve(here, '../../dist/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserHarness {
  server: Server;
  baseUrl: string;
  browser: Browser;
  clock: ReturnType<typeof fixedClock>;
  newPage(opts?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBrowserHarness(overrides: Partial<Config> = {}): Promise<BrowserHarness> {
  if (!fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(`No built web app in ${WEB_DIST_DIR}: run "npm run build:web" first (npm run test:browser does).`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' }),
    demoSeed: true,
    cookieSecure: false,
    port: 0,
    webDistDir: WEB_DIST_DIR,
    // Many logins from one address in one suite: keep the login rate limit out of the way.
    loginRateLimitPerMinute: 1000,
    ...overrides,
  };
  const clock = fixedClock(new Date().toISOString());
  const database = await openTestDatabase();
  const server = await createServer(config, clock, database);
  // Port 0 (any free port) unless the test fixed one (an OIDC provider must know the callback URL up front).
  const address = await server.app.listen({ port: config.port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    baseUrl: address,
    browser,
    clock,
    async newPage(opts = {}) {
      const context = await browser.newContext({ baseURL: address, locale: opts.locale ?? 'nl-NL', viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      trackErrors(page);
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
      await database.dropDatabase();
    },
  };
}

/** Console errors and CSP violations fail the test that caused them. */
const pageErrors = new WeakMap<Page, string[]>();
function trackErrors(page: Page) {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Expected failures the UI handles itself (401 before login, 4xx the test provokes).
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    errors.push(`console: ${text}`);
  });
}

export function expectNoPageErrors(page: Page) {
  expect(pageErrors.get(page) ?? []).toEqual([]);
}

export const demoEmail = (who: string) => (who.includes('@') ? who : `${who}@${DEMO_DOMAIN}`);

/** Waits until the app has rendered the page's h1 (after client-side work settles). */
export async function waitForPage(page: Page, heading?: string | RegExp) {
  const h1 = page.locator('main h1');
  if (heading) await expect.poll(async () => (await h1.textContent())?.trim() ?? '', { timeout: 15_000 }).toMatch(heading instanceof RegExp ? heading : new RegExp(`^${escapeRe(heading)}$`));
  else await h1.first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForLoadState('networkidle').catch(() => {});
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * axe-core with the WCAG 2.1 A/AA rule set; zero violations allowed. Also checks the basics the
 * brief asks for on every page: one h1, a main landmark and a page title.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  await page.waitForLoadState('networkidle').catch(() => {});
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`.slice(0, 300)),
  }));
  expect(summary, `axe violations on ${label}`).toEqual([]);
  expect(await page.locator('h1').count(), `exactly one h1 on ${label}`).toBe(1);
  expect(await page.locator('main').count(), `one main landmark on ${label}`).toBe(1);
  expect(await page.title(), `document title on ${label}`).toMatch(/Thuisroute$/);
}

/** Logs in through the login form (mouse and keyboard as a user would). */
export async function login(page: Page, who: string, password = DEMO_PASSWORD) {
  await page.goto('/inloggen');
  await waitForPage(page);
  await page.getByLabel(/^(E-mailadres|E-mail address)\s*$/).fill(demoEmail(who));
  await page.getByLabel(/^(Wachtwoord|Password)\s*$/).fill(password);
  await page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'), { timeout: 15_000 });
  await waitForPage(page);
}

/** Visits a path, waits for the page and runs the accessibility checks. */
export async function visit(page: Page, pathname: string, heading?: string | RegExp) {
  await page.goto(pathname);
  await waitForPage(page, heading);
  await expectAccessible(page, pathname);
}

export async function screenshot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The ADS error summary (Invalid Form Alert) of a page or form. */
export function errorSummary(scope: Page | Locator): Locator {
  return scope.locator('.ams-invalid-form-alert');
}
