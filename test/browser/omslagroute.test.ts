/**
 * One full Omslagroute, from referral to the lease in the resident's own name, through the web app.
 * Four people in their own browser contexts: the care worker (begeleider@, acting for Zorggroep
 * Horizon), the corporation contact (corporatie@, De Linde Wonen), the independent reviewer
 * (onafhankelijk@) and the Wonen officer (wonen@). Every step is recorded in the UI with the
 * "Stap vastleggen" form that is generated from the TRANSITIONS table, with explicit past dates
 * (the server's clock decides "today"; the intermediate lease must have lasted a year before the
 * nomination, T1). Nothing is done through the API except reading the F-4 URL as the corporation
 * (which must answer 403).
 *
 * Checked along the way: the worklist, client list, trajectory page with metro line, form page,
 * public route page and Wonen queue have zero axe violations; the corporation never sees the
 * support plan (no F-4 in its form list, no support-plan event in its timeline, 403 on the F-4
 * URL); the F-1 supplement is filled in, submitted and signed by three parties (the care worker as
 * care provider and on the client's behalf, the corporation itself) and becomes final; at the end
 * every station of the metro line is done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expectAccessible, expectNoPageErrors, login, screenshot, startBrowserHarness, visit, waitForPage, type BrowserHarness } from './support.ts';

let h: BrowserHarness;
let cw: Page;
let corp: Page;
let reviewer: Page;
let wonen: Page;
let trajectoryUrl = '';
let f4Url = '';
const CLIENT = { first: 'Mila', last: `Route-${Date.now().toString(36)}` };
const NAME = `${CLIENT.first} ${CLIENT.last}`;

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
/** A date n days before the server's today (YYYY-MM-DD). */
const ago = (n: number) => amsterdam.format(new Date(h.clock.now().getTime() - n * 86_400_000));

beforeAll(async () => {
  h = await startBrowserHarness();
  cw = (await h.newPage()).page;
  corp = (await h.newPage()).page;
  reviewer = (await h.newPage()).page;
  wonen = (await h.newPage()).page;
  await login(cw, 'begeleider');
  // The care worker has two memberships; the case is at Zorggroep Horizon.
  const switcher = cw.getByLabel('Werkt namens');
  if (!((await switcher.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).startsWith('Zorggroep Horizon'))) {
    await switcher.selectOption({ label: 'Zorggroep Horizon — Begeleider' });
    await cw.getByRole('button', { name: 'Wisselen' }).click();
    await expect(cw.locator('#announcer')).toContainText('Zorggroep Horizon');
  }
  await login(corp, 'corporatie');
  await login(reviewer, 'onafhankelijk');
  await login(wonen, 'wonen');
});

afterAll(async () => {
  await h?.close();
});

async function openCase(page: Page) {
  await page.goto(trajectoryUrl);
  await waitForPage(page, NAME);
}

/**
 * Records one step with the generated form: choose it, date it, fill its fields, submit; a decision
 * with legal effect is confirmed in the dialog ("U legt een besluit vast met rechtsgevolg: …").
 */
async function step(page: Page, label: string, date: string, fill?: (form: Locator) => Promise<void>) {
  const form = page.getByTestId('step-form');
  await form.getByLabel('Welke stap?').selectOption({ label });
  await form.getByLabel('Datum waarop het gebeurde').fill(date);
  if (fill) await fill(form);
  await form.getByRole('button', { name: 'Stap vastleggen' }).click();
  // A refusal reads "Nog niet mogelijk: …" in the error summary: fail with it rather than with a timeout.
  const done = page.getByTestId('step-recorded').filter({ hasText: `Vastgelegd: ${label}.` });
  const refused = page.locator('#stap .ams-invalid-form-alert, #stap .ams-alert--error');
  const confirm = page.getByTestId('step-confirm');
  const state = async () => ((await done.count()) > 0 ? 'recorded' : (await refused.count()) > 0 ? `refused: ${await refused.first().innerText()}` : (await confirm.isVisible()) ? 'confirm' : 'waiting');
  await expect.poll(state, { timeout: 10_000 }).not.toBe('waiting');
  if ((await state()) === 'confirm') {
    await expect(confirm).toContainText(`U legt een besluit vast met rechtsgevolg: ${label}. Klopt dit?`);
    await confirm.getByRole('button', { name: 'Ja, vastleggen' }).click();
  }
  await expect.poll(state, { timeout: 10_000 }).toBe('recorded');
}

const phase = (page: Page) => page.getByTestId('case-phase');

/** Ticks a checkbox or chooses a radio button with the keyboard (ADS hides the native input visually). */
async function tick(box: Locator) {
  await box.focus();
  if (!(await box.isChecked())) await box.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);
}

describe('Omslagroute from referral to a lease in own name', () => {
  it('the public route page explains the phases and offers the blank forms', async () => {
    const anon = (await h.newPage()).page;
    await visit(anon, '/route', 'De Omslagroute stap voor stap');
    await expect(anon.getByTestId('route-phases').locator('li')).toHaveCount(10);
    await expect(anon.getByTestId('route-phases')).toContainText('Sleuteloverdracht');
    await expect(anon.getByTestId('blank-forms').getByRole('link')).toHaveCount(4);
    const pdf = await anon.request.get('/api/v1/forms/blank/F-1.pdf');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await screenshot(anon, 'route-page');
    expectNoPageErrors(anon);
  });

  it('the care worker registers the client with household, starts the trajectory and records consent', async () => {
    await visit(cw, '/werklijst', 'Mijn werklijst');
    await visit(cw, '/clienten', 'Cliënten');
    await cw.getByRole('link', { name: 'Nieuwe cliënt aanmelden' }).click();
    await waitForPage(cw, 'Nieuwe cliënt');
    const form = cw.locator('form[aria-labelledby="page-heading"]');
    await form.getByLabel('Voornaam').fill(CLIENT.first);
    await form.getByLabel('Achternaam').fill(CLIENT.last);
    await form.getByLabel('Geboortedatum', { exact: false }).first().fill('1990-05-17');
    await form.getByLabel('Telefoonnummer').fill('06 1234 5678');
    await form.getByLabel('Doelgroep').selectOption('omslag_mobw_adult');
    await form.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await form.getByLabel('Naam gezinslid 1').fill('Noor');
    await form.getByLabel('Geboortedatum gezinslid 1').fill('2019-03-02');
    await form.getByLabel('Startdatum traject').fill(ago(560));
    await expectAccessible(cw, 'new client form');
    await form.getByRole('button', { name: 'Cliënt aanmelden' }).click();
    await waitForPage(cw, NAME);
    trajectoryUrl = new URL(cw.url()).pathname;
    expect(trajectoryUrl).toMatch(/^\/trajecten\/[0-9a-f-]{36}$/);
    await expect(phase(cw)).toContainText('P0 · Toestemming');

    // Consent: purposes as checkboxes, the six explained items, retention; also the step "Toestemming gegeven".
    const consent = cw.getByTestId('consent-form');
    await consent.getByLabel('Gegeven op').fill(ago(560));
    // The purposes by name (their codes PB-1 … PB-7 only in a help disclosure).
    for (const p of ['Matching bewoner en woning', 'Passende toewijzing en start intermediaire verhuur', 'Kennismakingsgesprek', 'Signalen van overlast en huurachterstand', 'Jaarlijkse woonevaluatie', 'Voorafgaand aan omklap', 'Intermediaire verhuur stopt voor omklap']) {
      await tick(consent.getByLabel(p, { exact: true }));
    }
    for (const item of ['Welke informatie wordt gedeeld', 'Waarom die wordt gedeeld', 'Om welke gegevens het gaat', 'Met wie', 'Hoe en hoe lang die wordt bewaard', 'Welke rechten de cliënt heeft']) {
      await tick(consent.getByLabel(item, { exact: true }));
    }
    await consent.getByLabel('Bewaartermijn zoals verteld').fill('Tot 2 jaar na het einde van het traject');
    await consent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await expect(phase(cw)).toContainText('P1 · Voordracht en voorbereiding');
    await expect(cw.getByTestId('consents-table')).toContainText('Voorafgaand aan omklap');
    await expect(cw.getByTestId('consents-table')).not.toContainText('PB-6');
  });

  it('the care worker records the P1 steps and submits the referral', async () => {
    // Before anything is refused, the form says what the referral still needs, in words.
    const notYet = cw.getByTestId('steps-not-yet');
    await notYet.locator('summary').click();
    const referral = notYet.locator('li[data-step="referral_submitted"]');
    await expect(referral).toContainText('Het woonbehoeftenprofiel ontbreekt.');
    await expect(referral).toContainText('leefdomeinen: dagbesteding, sociaal functioneren, psychisch functioneren, financieel functioneren');
    await expect(notYet).not.toContainText('R-OR');
    await expect(cw.getByTestId('steps-suggested')).toContainText('Woonbehoeften vastgelegd');
    // A step that is not possible yet is not offered: the selector holds what can succeed now.
    await expect(cw.getByTestId('step-form').getByLabel('Welke stap?').locator('option', { hasText: 'Voordracht ingediend' })).toHaveCount(0);
    await step(cw, 'Woonbehoeften vastgelegd', ago(555), async (f) => {
      await f.getByLabel('Voorkeursbuurten').fill('Noord\nOost');
      await f.getByLabel('Buurten die niet passen').fill('Centrum');
      await f.getByLabel('Omstandigheden en woonwensen').fill('Rustige straat, dicht bij de school van Noor.');
    });
    await step(cw, 'Analyse kansen en overlastrisico', ago(554), async (f) => {
      for (const c of ['C1 De cliënt kan de huur betalen', 'C2 De cliënt kan een goede buur zijn', 'C3 De cliënt accepteert begeleiding', 'C4 De doelen passen bij de leefgebieden']) await tick(f.getByLabel(c));
      await f.getByLabel('Risico op overlast').fill('Laag; geen meldingen in de afgelopen twee jaar.');
    });
    await step(cw, 'Gepersonaliseerde doelen vastgesteld', ago(553), async (f) => {
      for (let i = 1; i <= 4; i++) {
        await f.getByRole('button', { name: 'Doel toevoegen' }).click();
        await f.getByLabel(`Omschrijving doel ${i}`).fill(['Vier dagdelen vrijwilligerswerk', 'Wekelijks contact met familie', 'Medicatie volgens afspraak', 'Huur elke maand op tijd betalen'][i - 1]!);
      }
      await tick(f.getByLabel('Doel 4 is gekoppeld aan de urgentie onder voorwaarden'));
    });
    await step(cw, 'Voorbereiding vastgelegd', ago(552), async (f) => {
      await f.getByLabel('Netwerk').fill('Zus in Noord, buurthuis.');
      await f.getByLabel('Financiën').fill('Budgetbeheer via WPI.');
      await tick(f.getByLabel('WoningNet-inschrijving gecontroleerd'));
    });
    await step(cw, 'Voordracht ingediend', ago(550));
    await expect(phase(cw)).toContainText('P2 ·');
    // The suggested next step comes first; a decision with legal effect asks for a confirmation,
    // by keyboard: focus starts on "Nee, terug", Escape goes back without recording anything.
    await expect(cw.getByTestId('steps-suggested')).toContainText('Voorgestelde volgende stap: Beschikking afgegeven');
    const stepForm = cw.getByTestId('step-form');
    await expect(stepForm.getByLabel('Welke stap?').locator('optgroup').first()).toHaveAttribute('label', 'Voorgesteld');
    await stepForm.getByLabel('Welke stap?').selectOption({ label: 'Beschikking afgegeven' });
    await stepForm.getByLabel('Datum waarop het gebeurde').fill(ago(540));
    await stepForm.getByRole('button', { name: 'Stap vastleggen' }).click();
    const confirm = cw.getByTestId('step-confirm');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Nee, terug' })).toBeFocused();
    // The open dialog has zero axe violations (its heading is the dialog's own; the page keeps its h1).
    const axe = await new AxeBuilder({ page: cw }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => v.id), 'axe violations on the confirmation dialog').toEqual([]);
    await cw.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(cw.getByTestId('step-recorded')).not.toContainText('Beschikking afgegeven');
    await stepForm.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect(confirm.getByRole('button', { name: 'Nee, terug' })).toBeFocused();
    await cw.keyboard.press('Shift+Tab');
    await expect(confirm.getByRole('button', { name: 'Ja, vastleggen' })).toBeFocused();
    await cw.keyboard.press('Enter');
    await expect(cw.getByTestId('step-recorded')).toContainText('Vastgelegd: Beschikking afgegeven.');
  });

  it('Wonen grants the urgency and starts active mediation', async () => {
    await visit(wonen, '/clienten', 'Cliënten');
    await wonen.getByRole('link', { name: NAME }).click();
    await waitForPage(wonen, NAME);
    await step(wonen, 'Urgentie toegekend', ago(530), async (f) => {
      await tick(f.getByLabel('Urgentie onder voorwaarden'));
    });
    await step(wonen, 'Actieve bemiddeling gestart', ago(530));
    await expect(phase(wonen)).toContainText('P3 · De juiste match');
    await expectAccessible(wonen, 'trajectory page (Wonen)');
  });

  it('the care worker assigns the corporation; the corporation offers a dwelling and the match is made', async () => {
    await openCase(cw);
    await cw.getByRole('button', { name: 'Woningcorporatie toewijzen' }).click();
    await cw.getByLabel('Woningcorporatie', { exact: true }).selectOption({ label: 'De Linde Wonen' });
    await expect.poll(() => cw.getByLabel('Vaste contactpersoon').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    await cw.getByRole('button', { name: 'Toewijzing opslaan' }).click();
    await expect(cw.getByTestId('corporation-current')).toContainText('De Linde Wonen, vaste contactpersoon Joost Meijer.');

    await visit(corp, '/clienten', 'Cliënten');
    await corp.getByRole('link', { name: NAME }).click();
    await waitForPage(corp, NAME);
    await step(corp, 'Aanbod ontvangen', ago(520), async (f) => {
      await f.getByLabel('Adres van de woning').fill('Lindelaan 12-2, Veenhaven');
      await f.getByLabel('Beschikbaar vanaf').fill(ago(515));
      await f.getByLabel('Verdieping').fill('2');
      await tick(f.getByLabel('Er is een lift'));
      await f.getByLabel('Contactpersoon corporatie').fill('Joost Meijer');
    });

    await openCase(cw);
    await step(cw, 'Gereageerd op aanbod', ago(520), async (f) => {
      await tick(f.getByRole('radio', { name: 'Accepteren' }));
    });
    await step(cw, 'Cliënt geïnformeerd over aanbod', ago(517), async (f) => {
      await tick(f.getByLabel('De keuzes zijn met de cliënt besproken'));
    });

    await openCase(corp);
    await step(corp, 'Match definitief', ago(515), async (f) => {
      await tick(f.getByLabel('Oude inschrijving is bewaard'));
    });
    await step(corp, 'Woning verhuurklaar', ago(510));
  });

  it('the care worker records the leases and the key handover, the introduction meeting and the support plan', async () => {
    await openCase(cw);
    await expectAccessible(cw, 'trajectory page with the metro line (P3)');
    // One current station (the case's phase), the stations before it done; no station after it done.
    await expect(cw.getByTestId('metro-line').locator('li[aria-current="step"]')).toHaveCount(1);
    await expect(cw.getByTestId('metro-line').locator('li[aria-current="step"]')).toHaveAttribute('data-phase', 'P3_matching');
    await expect(cw.getByTestId('metro-line').locator('li[data-phase="P4_key_handover"]')).toHaveAttribute('data-status', 'upcoming');
    await screenshot(cw, 'trajectory-p3');
    // The section menu moves focus to the section's heading.
    await cw.getByTestId('section-menu').getByRole('link', { name: 'Termijnen', exact: true }).click();
    await expect(cw.getByRole('heading', { level: 2, name: 'Termijnen', exact: true })).toBeFocused();
    // At 390 px the case page does not overflow sideways and stays accessible.
    const wide = cw.viewportSize();
    await cw.setViewportSize({ width: 390, height: 844 });
    const wideOnes = await cw.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 392).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`).join(' | '));
    expect(await cw.evaluate(() => document.documentElement.scrollWidth), wideOnes).toBeLessThanOrEqual(390);
    await expectAccessible(cw, 'trajectory page, narrow');
    await screenshot(cw, 'trajectory-narrow');
    if (wide) await cw.setViewportSize(wide);
    await screenshot(cw, 'trajectory-p3');
    await step(cw, 'Huurovereenkomsten getekend (start intermediaire verhuur)', ago(505), async (f) => {
      await tick(f.getByLabel('IBRI gedeeld met de corporatie'));
    });
    await step(cw, 'Omklapdoelen besproken met bewoner', ago(500));
    await step(cw, 'Sleuteloverdracht', ago(500), async (f) => {
      await tick(f.getByLabel('Contactpersoon corporatie was aanwezig'));
    });
    await expect(phase(cw)).toContainText('P4 · Sleuteloverdracht');
    // The dates lie in the past: the introduction-meeting deadlines (D-07, D-08) are late on the worklist.
    await visit(cw, '/werklijst', 'Mijn werklijst');
    const late = cw.getByTestId('worklist-overdue');
    await expect(late.getByRole('link', { name: NAME }).first()).toBeVisible();
    await expect(late).toContainText('Kennismakingsgesprek inplannen');
    await expect(late).not.toContainText('D-07');
    await expect(late).toContainText('Te laat ×3');
    await screenshot(cw, 'worklist');
    await openCase(cw);

    // Extend a deadline in the dialog (with a reason); the table keeps the original date.
    await cw.getByRole('button', { name: /^Opschorten of verlengen\W+Kennismakingsgesprek binnen 3 maanden na sleuteloverdracht$/ }).click();
    const dialog = cw.getByRole('dialog');
    await tick(dialog.getByRole('radio', { name: 'Verlengen tot een nieuwe datum' }));
    await dialog.getByLabel('Nieuwe uiterste datum').fill(ago(300));
    await dialog.getByLabel('Reden').fill('Bewoner tijdelijk opgenomen; gesprek later ingepland.');
    await dialog.getByRole('button', { name: 'Aanpassing opslaan' }).click();
    await expect(cw.getByTestId('deadlines-table')).toContainText('Oorspronkelijk');

    // Corrections are new events: correct the decision's reference, record and void a renewal.
    const decision = cw.getByTestId('timeline').locator('[data-event-type="decision_issued"]');
    await decision.getByRole('button', { name: /^Corrigeren/ }).click();
    await decision.getByLabel('Kenmerk beschikking').fill('BS-2025-0412');
    await decision.getByLabel('Reden').fill('Kenmerk ontbrak.');
    await decision.getByRole('button', { name: 'Correctie vastleggen' }).click();
    await expect(cw.getByTestId('timeline').locator('[data-event-type="event_corrected"]')).toContainText('BS-2025-0412');
    await expect(cw.getByTestId('timeline').locator('[data-event-type="decision_issued"]')).toContainText('Vervangen of vervallen');
    await step(cw, 'WoningNet-inschrijving verlengd', ago(499));
    const renewal = cw.getByTestId('timeline').locator('[data-event-type="woningnet_renewal_paid"]');
    await renewal.getByRole('button', { name: /^Vervallen verklaren/ }).click();
    await renewal.getByLabel('Reden').fill('Dubbel vastgelegd.');
    await renewal.getByRole('button', { name: 'Vervallen verklaren' }).click();
    await expect(cw.getByTestId('timeline').locator('[data-event-type="event_voided"]')).toContainText('Vervallen verklaard: WoningNet-inschrijving verlengd');
    await step(cw, 'Kennismakingsgesprek ingepland', ago(495), async (f) => {
      await f.getByLabel('Gepland op').fill(ago(470));
    });
    await step(cw, 'Kennismakingsgesprek gehouden', ago(470), async (f) => {
      await tick(f.getByLabel('In de woning van de bewoner'));
      await f.getByLabel('Woonevaluatie elke (maanden)').fill('12');
    });
    await expect(phase(cw)).toContainText('P5 ·');
    await step(cw, 'Begeleidingsplan opgesteld', ago(460));

    // A support plan form (F-4) exists as the care provider's own document.
    await cw.getByRole('button', { name: 'Nieuw: Begeleidingsplan' }).click();
    await waitForPage(cw, 'Begeleidingsplan');
    f4Url = new URL(cw.url()).pathname;
  });

  it('the F-1 supplement is filled in, submitted and signed by all three parties, and becomes final', async () => {
    await openCase(cw);
    await cw.getByRole('button', { name: 'Nieuw: Supplement Wonen en Goed Huurderschap' }).click();
    await waitForPage(cw, 'Supplement Wonen en Goed Huurderschap');
    const f = cw.getByTestId('form-renderer');
    const section = (title: string) => f.locator('section').filter({ has: cw.getByRole('heading', { name: title, exact: true }) });
    await section('Contactpersoon zorgaanbieder').getByLabel('Telefoonnummer').fill('020 555 0101');
    await section('Contactpersoon woningcorporatie').getByLabel('Telefoonnummer').fill('020 555 0202');
    await expect(section('Data').getByLabel('Startdatum intermediaire verhuur')).toHaveValue(ago(505));
    await expect(section('Data').getByLabel('Datum kennismakingsgesprek')).toHaveValue(ago(470));
    await f.getByLabel('Naam van de bewoner in de verklaring').fill(NAME);
    await tick(f.getByLabel('De bewoner gaat akkoord met deze verklaring'));
    for (const id of ['S-13', 'S-14', 'S-15', 'S-16', 'S-17', 'S-22', 'S-23', 'S-25', 'S-26', 'S-28', 'S-29']) {
      await f.locator(`#formulier-${id}`).fill(`Besproken in het kennismakingsgesprek (${id}).`);
    }
    for (const id of ['S-18', 'S-19', 'S-20', 'S-21', 'S-24']) await tick(f.locator(`#formulier-${id}`));
    await f.getByRole('button', { name: 'Doel toevoegen' }).click();
    await f.getByLabel('Omschrijving doel 1').fill('Huur elke maand op tijd betalen');
    await tick(f.getByLabel('Doel 1 is gekoppeld aan de urgentie onder voorwaarden'));
    await tick(section('5. Andere afspraken of opmerkingen').getByRole('radio', { name: 'Nee' }).first());
    for (const item of ['housing_fraud', 'dwelling_in_order', 'common_areas', 'corporation_website', 'brp_registration', 'woningnet_renewal']) await tick(f.locator(`#formulier-S-31a-${item}`));
    await tick(section('6. Vervolg').getByRole('radio', { name: 'Een periode' }));
    // Field codes stay out of labels: the period is just "Periode".
    await section('6. Vervolg').getByLabel('Periode', { exact: true }).fill('Over een half jaar, bij de woonevaluatie');
    await expect(f.locator('label', { hasText: /\([A-Z]-\d+[a-z]?\)/ })).toHaveCount(0);
    // Agreement references are in the help disclosures, not under every question.
    expect(await f.innerText()).not.toMatch(/Afspraak R-OR/);
    await tick(section('Vastleggen van de afspraken').getByRole('radio', { name: 'Ja' }));
    await expect(cw.getByTestId('form-progress')).not.toContainText('beantwoord');
    await expectAccessible(cw, 'form page F-1 (draft, filled in)');
    await cw.evaluate(() => window.scrollTo(0, 0));
    await screenshot(cw, 'form-page');
    await cw.getByRole('button', { name: 'Indienen' }).click();
    await expect(cw.getByTestId('form-status')).toContainText('Ingediend');

    // The care worker signs as care provider and records the resident's signature on the resident's behalf.
    const signCp = cw.getByTestId('sign-care_provider');
    await signCp.getByLabel('Functie').fill('Persoonlijk begeleider');
    await signCp.getByLabel('Datum van ondertekening').fill(ago(468));
    await signCp.getByRole('button', { name: 'Ondertekenen' }).click();
    const signClient = cw.getByTestId('sign-client');
    await expect(signClient.getByLabel('Naam van de bewoner')).toHaveValue(NAME);
    await signClient.getByLabel('Datum van ondertekening').fill(ago(468));
    await signClient.getByLabel('Hoe gaf de bewoner akkoord?').selectOption('on_behalf_in_person');
    await signClient.getByRole('button', { name: 'Handtekening bewoner vastleggen' }).click();
    await expect(cw.getByTestId('signature-panel').locator('[data-party="client"]')).toContainText('Getekend');
    const formUrl = new URL(cw.url()).pathname;

    // The corporation sees the submitted copy and signs for itself; the form becomes final.
    await corp.goto(formUrl);
    await waitForPage(corp, 'Supplement Wonen en Goed Huurderschap');
    await expect(corp.getByTestId('form-readonly')).toContainText('Huur elke maand op tijd betalen');
    const signCorp = corp.getByTestId('sign-corporation');
    await signCorp.getByLabel('Functie').fill('Wijkbeheerder');
    await signCorp.getByLabel('Datum van ondertekening').fill(ago(468));
    await signCorp.getByRole('button', { name: 'Ondertekenen' }).click();
    await expect(corp.getByTestId('form-final')).toContainText('Alle partijen hebben versie');
    await expectAccessible(corp, 'form page F-1 (final, corporation)');
    await expect(corp.getByTestId('form-status')).toContainText('Definitief');

    // The signature made the supplement final; the trajectory recorded it.
    await openCase(cw);
    await expect(cw.getByTestId('forms-table').locator('[data-kind="F-1"]')).toContainText('Door alle partijen getekend');
    await expect(cw.getByTestId('timeline').locator('[data-event-type="supplement_signed"]')).toHaveCount(1);
  });

  it('evaluation, goals, nuisance check and joint decision; the reviewer approves and the nomination goes to Wonen', async () => {
    await openCase(cw);
    await step(cw, 'Woonevaluatie gehouden', ago(120), async (f) => {
      await tick(f.getByRole('radio', { name: 'Omklap voorbereiden' }));
      await tick(f.getByLabel('Toestemming opnieuw gevraagd'));
      await tick(f.getByLabel('Telefonisch vooroverleg met de corporatie gehouden'));
      await tick(f.getByLabel('In de woning van de bewoner'));
    });
    await expect(phase(cw)).toContainText('P7 ·');
    await step(cw, 'Doel beoordeeld', ago(110), async (f) => {
      await f.getByLabel('Doel', { exact: true }).selectOption({ label: 'Huur elke maand op tijd betalen (urgentie)' });
      await tick(f.getByLabel('Het doel is behaald'));
    });
    await step(cw, 'Overlastcheck bij MZWO en corporatie', ago(100), async (f) => {
      await tick(f.getByLabel('Meldpunt Zorg en Woonoverlast'));
      await tick(f.getByLabel('Woningcorporatie'));
      await tick(f.getByLabel('Omklap kan zonder gedragsverandering'));
    });
    await step(cw, 'Gezamenlijk besluit tot omklap', ago(90), async (f) => {
      for (const l of ['De bewoner stemt in', 'De zorgaanbieder stemt in', 'De corporatie stemt in', 'Er zijn geen onaanvaardbare risico’s rond het wonen']) await tick(f.getByLabel(l));
      await f.getByLabel('Afspraken over zorg na omklap').fill('Lichte begeleiding drie maanden; buurtteam Noord.');
    });
    await expect(phase(cw)).toContainText('P8 · Omklap');
    await step(cw, 'Voordracht voor Omklap ingevuld', ago(85));

    await openCase(reviewer);
    await step(reviewer, 'Toets onafhankelijke derde', ago(80), async (f) => {
      await tick(f.getByRole('radio', { name: 'Goedgekeurd' }));
      await f.getByLabel('Motivering').fill('Doelen behaald, geen risico’s; voordracht is onderbouwd.');
    });

    await openCase(cw);
    await expect(cw.getByTestId('transfer-conditions')).toContainText('De onafhankelijke derde heeft de voordracht goedgekeurd.');
    await step(cw, 'Voordracht naar directie Wonen', ago(75), async (f) => {
      await tick(f.getByLabel('NAW-gegevens, rekeningnummer en IBRI gedeeld met de corporatie'));
    });
    await expectAccessible(cw, 'trajectory page (P8)');
  });

  it('Wonen confirms from its queue; the corporation records the lease in own name; the care worker closes the trajectory', async () => {
    await visit(wonen, '/wonen/voordrachten', 'Te controleren voordrachten');
    await screenshot(wonen, 'wonen-queue');
    await wonen.getByRole('link', { name: NAME }).click();
    await waitForPage(wonen, NAME);
    const types = await wonen.getByTestId('step-form').getByLabel('Welke stap?').locator('option').allTextContents();
    expect(types).toEqual(expect.arrayContaining(['Wonen bevestigt', 'Wonen stuurt terug met motivatie']));
    await step(wonen, 'Wonen bevestigt', ago(70));

    await openCase(corp);
    await step(corp, 'Huurcontract op eigen naam', ago(40), async (f) => {
      await tick(f.getByRole('radio', { name: 'Onbepaalde tijd' }));
    });
    await expect(phase(corp)).toContainText('P9 · Zorg na omklap');

    await openCase(cw);
    await step(cw, 'Traject afgesloten', ago(10));
    const stations = cw.getByTestId('metro-line').locator('li');
    await expect(stations).toHaveCount(10);
    await expect(cw.getByTestId('metro-line').locator('li[data-status="done"]')).toHaveCount(10);
    await expect(cw.getByTestId('metro-line')).toContainText('Afgerond');
    await expectAccessible(cw, 'trajectory page with the metro line (closed)');
    await screenshot(cw, 'trajectory-metro');
    expectNoPageErrors(cw);
  });

  it('the corporation never sees the support plan', async () => {
    await openCase(corp);
    await expect(corp.getByTestId('forms-table').locator('[data-kind="F-1"]')).toHaveCount(1);
    await expect(corp.getByTestId('forms-table').locator('[data-kind="F-4"]')).toHaveCount(0);
    await expect(corp.getByTestId('timeline').locator('[data-event-type="key_handover"]')).toHaveCount(1);
    await expect(corp.getByTestId('timeline').locator('[data-event-type="support_plan_completed"]')).toHaveCount(0);
    await expect(corp.getByTestId('metro-line')).toBeVisible();
    const res = await corp.request.get(`/api/v1/forms/${f4Url.split('/').pop()}`);
    expect(res.status()).toBe(403);
    await corp.goto(f4Url);
    await expect(corp.locator('main')).toContainText('Niet zichtbaar voor uw organisatie');
    expectNoPageErrors(corp);
    expectNoPageErrors(wonen);
    expectNoPageErrors(reviewer);
  });
});
