/**
 * Role walks (issue 9): each role starts on its home page and finishes its main task there, on the
 * happy path, without a refusal. Every page visited is inspected at 1,440 px and 390 px
 * (`inspect`): axe with zero violations, no horizontal page overflow, and no rule, field, purpose,
 * form or metric code or translation key in visible text outside the help disclosures.
 *
 * - care worker: home → new client → consent → the P1 steps → referral sent;
 * - Wonen officer: home queue → the urgency request of that client → urgency decided (confirmed);
 * - corporation contact: home queue → its client → offer → (care worker accepts and informs) → match;
 * - programme analyst: home → monitor of the running month → CSV and XLSX exported;
 * - administrator: home → audit log, filtered on the client, exported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoPageErrors, login, startBrowserHarness, waitForPage, type BrowserHarness } from './support.ts';
import { inspect } from './walk-support.ts';

let h: BrowserHarness;
let cw: Page;
let wonen: Page;
let corp: Page;
let trajectoryUrl = '';
const CLIENT = { first: 'Lieke', last: `Wandel-${Date.now().toString(36)}` };
const NAME = `${CLIENT.first} ${CLIENT.last}`;

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
/** A date n days before the server's today (YYYY-MM-DD). */
const ago = (n: number) => amsterdam.format(new Date(h.clock.now().getTime() - n * 86_400_000));

beforeAll(async () => {
  h = await startBrowserHarness();
  cw = (await h.newPage()).page;
  wonen = (await h.newPage()).page;
  corp = (await h.newPage()).page;
});

afterAll(async () => {
  await h?.close();
});

async function home(page: Page, who: string) {
  await login(page, who);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  await inspect(page, `home (${who})`);
}

/** Ticks a checkbox or chooses a radio button with the keyboard (ADS hides the native input visually). */
async function tick(box: Locator) {
  await box.focus();
  if (!(await box.isChecked())) await box.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);
}

/**
 * Records one step with "Stap vastleggen": choose it, date it, fill its fields, submit, and confirm
 * when the step is a decision with legal effect. Fails with the refusal's text, never a timeout.
 */
async function step(page: Page, label: string, date: string, fill?: (form: Locator) => Promise<void>) {
  const form = page.getByTestId('step-form');
  await form.getByLabel('Welke stap?').selectOption({ label });
  await form.getByLabel('Datum waarop het gebeurde').fill(date);
  if (fill) await fill(form);
  await form.getByRole('button', { name: 'Stap vastleggen' }).click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: /^(Ja, vastleggen|Bevestigen)/ });
  const done = page.getByTestId('step-recorded').filter({ hasText: `Vastgelegd: ${label}.` });
  const refused = page.locator('#stap .ams-invalid-form-alert, #stap .ams-alert--error');
  await expect
    .poll(async () => {
      if ((await done.count()) > 0) return 'recorded';
      if ((await refused.count()) > 0) return `refused: ${await refused.first().innerText()}`;
      if (await confirm.isVisible().catch(() => false)) await confirm.click();
      return 'waiting';
    }, { timeout: 15_000 })
    .toBe('recorded');
}

const phase = (page: Page) => page.getByTestId('case-phase');

/** Opens the case from the home page's work queue (the item names the client). */
async function openFromHome(page: Page) {
  await page.goto('/');
  await waitForPage(page);
  const item = page.getByTestId('home-work').getByRole('link', { name: NAME }).first();
  await item.click();
  await waitForPage(page, NAME);
}

describe('role walks from the home page, without codes, at 1,440 and 390 px', () => {
  it('care worker: from the home page, a new client to the referral sent', async () => {
    await home(cw, 'begeleider');
    await cw.getByRole('link', { name: 'Nieuwe cliënt aanmelden' }).first().click();
    await waitForPage(cw, 'Nieuwe cliënt');
    const form = cw.locator('form[aria-labelledby="page-heading"]');
    await form.getByLabel('Voornaam').fill(CLIENT.first);
    await form.getByLabel('Achternaam').fill(CLIENT.last);
    await form.getByLabel('Geboortedatum', { exact: false }).first().fill('1988-02-11');
    await form.getByLabel('Doelgroep').selectOption('omslag_mobw_adult');
    await form.getByLabel('Startdatum traject').fill(ago(60));
    await inspect(cw, 'new client');
    await form.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await waitForPage(cw, NAME);
    trajectoryUrl = new URL(cw.url()).pathname;
    await inspect(cw, 'client page (P0)');

    const consent = cw.getByTestId('consent-form');
    await consent.getByLabel('Gegeven op').fill(ago(58));
    for (const p of ['Matching bewoner en woning', 'Passende toewijzing en start intermediaire verhuur', 'Kennismakingsgesprek', 'Signalen van overlast en huurachterstand', 'Jaarlijkse woonevaluatie', 'Voorafgaand aan omklap']) {
      await tick(consent.getByLabel(new RegExp(`^(PB-\\d — )?${p}`)));
    }
    for (const item of ['Welke informatie wordt gedeeld', 'Waarom die wordt gedeeld', 'Om welke gegevens het gaat', 'Met wie', 'Hoe en hoe lang die wordt bewaard', 'Welke rechten de cliënt heeft']) {
      await tick(consent.getByLabel(item, { exact: true }));
    }
    await consent.getByLabel('Bewaartermijn zoals verteld').fill('Tot 2 jaar na het einde van het traject');
    await consent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await expect(phase(cw)).toContainText('Voordracht en voorbereiding');
    // What the referral still needs is said before it is tried, not by refusing it.
    const notYet = cw.getByTestId('steps-not-yet');
    await expect(notYet).toContainText('Voordracht ingediend');
    await inspect(cw, 'client page (P1)');

    await step(cw, 'Woonbehoeften vastgelegd', ago(55), async (f) => {
      await f.getByLabel('Voorkeursbuurten').fill('Noord');
      await f.getByLabel('Buurten die niet passen').fill('Centrum');
      await f.getByLabel('Omstandigheden en woonwensen').fill('Begane grond of lift.');
    });
    await step(cw, 'Analyse kansen en overlastrisico', ago(54), async (f) => {
      for (const c of ['C1 De cliënt kan de huur betalen', 'C2 De cliënt kan een goede buur zijn', 'C3 De cliënt accepteert begeleiding', 'C4 De doelen passen bij de leefgebieden']) await tick(f.getByLabel(c));
      await f.getByLabel('Risico op overlast').fill('Laag.');
    });
    await step(cw, 'Gepersonaliseerde doelen vastgesteld', ago(53), async (f) => {
      for (let i = 1; i <= 4; i++) {
        await f.getByRole('button', { name: 'Doel toevoegen' }).click();
        await f.getByLabel(`Omschrijving doel ${i}`).fill(['Drie dagdelen werk', 'Contact met zus', 'Stabiel blijven', 'Huur op tijd betalen'][i - 1]!);
      }
      await tick(f.getByLabel('Doel 4 is gekoppeld aan de urgentie onder voorwaarden'));
    });
    await step(cw, 'Voorbereiding vastgelegd', ago(52), async (f) => {
      await f.getByLabel('Netwerk').fill('Zus.');
      await f.getByLabel('Financiën').fill('Budgetbeheer.');
      await tick(f.getByLabel('WoningNet-inschrijving gecontroleerd'));
    });
    await step(cw, 'Voordracht ingediend', ago(50));
    await expect(phase(cw)).toContainText('Beschikking, urgentie');
    await step(cw, 'Beschikking afgegeven', ago(45));
    await inspect(cw, 'client page (referral sent)');
    expectNoPageErrors(cw);
  });

  it('Wonen officer: from the urgency queue on the home page, the urgency decided with a confirmation', async () => {
    await home(wonen, 'wonen');
    await expect(wonen.getByTestId('home-work')).toContainText(NAME);
    await openFromHome(wonen);
    await inspect(wonen, 'client page (Wonen)');
    await step(wonen, 'Urgentie toegekend', ago(40), async (f) => {
      await tick(f.getByLabel('Urgentie onder voorwaarden'));
    });
    await step(wonen, 'Actieve bemiddeling gestart', ago(40));
    await expect(phase(wonen)).toContainText('De juiste match');
    await inspect(wonen, 'client page (urgency decided)');
    expectNoPageErrors(wonen);
  });

  it('corporation contact: from its home queue, an offer to a final match', async () => {
    // The care worker assigns the corporation (the case comes into its view).
    await cw.goto(trajectoryUrl);
    await waitForPage(cw, NAME);
    await cw.getByRole('button', { name: 'Woningcorporatie toewijzen' }).click();
    await cw.getByLabel('Woningcorporatie', { exact: true }).selectOption({ label: 'De Linde Wonen' });
    await expect.poll(() => cw.getByLabel('Vaste contactpersoon').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    await cw.getByRole('button', { name: 'Toewijzing opslaan' }).click();
    await expect(cw.getByTestId('corporation-current')).toContainText('De Linde Wonen');

    await home(corp, 'corporatie');
    await openFromHome(corp);
    await inspect(corp, 'client page (corporation)');
    await step(corp, 'Aanbod ontvangen', ago(30), async (f) => {
      await f.getByLabel('Adres van de woning').fill('Wandelpad 3, Veenhaven');
      await f.getByLabel('Beschikbaar vanaf').fill(ago(28));
      await f.getByLabel('Verdieping').fill('0');
      await f.getByLabel('Contactpersoon corporatie').fill('Joost Meijer');
    });

    await cw.goto(trajectoryUrl);
    await waitForPage(cw, NAME);
    await step(cw, 'Gereageerd op aanbod', ago(30), async (f) => {
      await tick(f.getByRole('radio', { name: 'Accepteren' }));
    });
    await step(cw, 'Cliënt geïnformeerd over aanbod', ago(27), async (f) => {
      await tick(f.getByLabel('De keuzes zijn met de cliënt besproken'));
    });

    // The offer clock is met once the client is informed; the final match is found from the client list.
    await corp.goto('/clienten');
    await waitForPage(corp, 'Cliënten');
    await inspect(corp, 'client list (corporation)');
    await corp.getByRole('link', { name: NAME }).first().click();
    await waitForPage(corp, NAME);
    await step(corp, 'Match definitief', ago(26), async (f) => {
      await tick(f.getByLabel('Oude inschrijving is bewaard'));
    });
    await inspect(corp, 'client page (match final)');
    expectNoPageErrors(corp);
  });

  it('programme analyst: from the home page, the monitor of the running month exported', async () => {
    const { page } = await h.newPage();
    await home(page, 'analist');
    await page.getByRole('link', { name: /^Monitor/ }).first().click();
    await waitForPage(page, 'Monitor huisvesting kwetsbare groepen');
    const today = h.clock.now();
    const monthName = new Intl.DateTimeFormat('nl-NL', { month: 'long', timeZone: 'Europe/Amsterdam' }).format(today);
    const dayMonth = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'Europe/Amsterdam' }).format(today);
    await expect(page.locator('main')).toContainText(monthName);
    await expect(page.locator('main')).toContainText(`Stand per`);
    await expect(page.locator('main')).toContainText(dayMonth);
    await inspect(page, 'monitor (running month)');
    const csv = page.getByRole('link', { name: /CSV/ }).first();
    const href = await csv.getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain(';');
    expectNoPageErrors(page);
  });

  it('administrator: from the home page, the audit log of the client', async () => {
    const { page } = await h.newPage();
    await home(page, 'admin');
    await page.getByRole('link', { name: /^Auditlog/ }).first().click();
    await waitForPage(page);
    await inspect(page, 'audit log');
    expectNoPageErrors(page);
  });
});
