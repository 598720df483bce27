/**
 * Matching of dwellings and clients (issue 10), both offer models end to end as the roles that
 * perform them, on the demo data (Veenhaven works the Amsterdam way, Bergstede the Utrecht way):
 *
 * - Amsterdam: the corporation registers a dwelling (the address looked up in the BAG — a local
 *   stand-in of PDOK's Locatieserver), offers it to Zorggroep Horizon → the care worker sees its own
 *   clients ranked for the dwelling with an explanation, nominates one in the reply, informs the
 *   client → the corporation makes the match final.
 * - Utrecht: the corporation gets the proposal of three for a dwelling of Bergstede Wonen → chooses
 *   number 2 (a reason is required, and asked for) → the care provider of that client replies and
 *   informs the client.
 *
 * Every page visited is inspected at 1,440 and 390 px (`inspect`): axe with zero violations, no
 * horizontal overflow, no rule or criterion code outside the help disclosures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { errorSummary, expectNoPageErrors, login, screenshot, startBrowserHarness, waitForPage, type BrowserHarness } from './support.ts';
import { inspect } from './walk-support.ts';
import { startLocatieserver, type LocatieserverStub } from '../support/locatieserver.ts';
import { Agent, actFor as agentActFor } from '../support/harness.ts';

let h: BrowserHarness;
let bag: LocatieserverStub;
let corp: Page;
let cw: Page;
/** The trajectory of the client housed the Amsterdam way (a swap is started for it for Wonen's queue). */
let housedTrajectory = '';

beforeAll(async () => {
  bag = await startLocatieserver();
  h = await startBrowserHarness({ demoCases: true, bagLocatieserverUrl: bag.url });
  corp = (await h.newPage()).page;
  cw = (await h.newPage()).page;
  await login(corp, 'corporatie');
  await login(cw, 'begeleider');
}, 120_000);

afterAll(async () => {
  await h?.close();
  await bag?.close();
});

/** Works on behalf of the organisation (the header's switcher), when not already. */
async function actFor(page: Page, organisation: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const switcher = page.getByLabel('Werkt namens');
  const current = await switcher.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
  if (current.startsWith(organisation)) return;
  const label = await switcher.evaluate((s: HTMLSelectElement, org: string) => Array.from(s.options).find((o) => o.textContent?.startsWith(org))?.textContent ?? '', organisation);
  await switcher.selectOption({ label });
  await page.getByRole('button', { name: 'Wisselen' }).click();
  await expect(page.locator('#announcer')).toContainText(organisation);
}

async function menu(page: Page, item: string, heading: string | RegExp) {
  await page.setViewportSize({ width: 1440, height: 900 });
  // A long label may carry a soft hyphen, so it breaks in the narrow sidebar instead of being cut off.
  const name = new RegExp(`^${item.split('').map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u00AD?')}$`);
  await page.getByRole('navigation', { name: /hoofdmenu/i }).getByRole('link', { name }).click();
  await waitForPage(page, heading);
}

/** Ticks a checkbox with the keyboard (ADS hides the native input visually). */
async function tick(box: Locator) {
  await box.focus();
  if (!(await box.isChecked())) await box.press('Space');
  await expect.poll(() => box.isChecked()).toBe(true);
}

/** Records a step on the offer page through "Wat u nu kunt doen", and waits for the announcement. */
async function step(page: Page, label: string, fill?: (form: Locator) => Promise<void>) {
  const form = page.getByTestId('offer-step-form');
  await form.getByLabel('Welke stap?').selectOption({ label });
  if (fill) await fill(form);
  await form.getByRole('button', { name: 'Stap vastleggen' }).click();
  await expect
    .poll(async () => {
      if (await page.locator('#announcer').filter({ hasText: `Vastgelegd: ${label}.` }).count()) return 'recorded';
      const alert = page.locator('[data-testid="offer-steps"] .ams-alert--error, [data-testid="offer-steps"] .ams-invalid-form-alert');
      if (await alert.count()) return `refused: ${await alert.first().innerText()}`;
      return 'waiting';
    }, { timeout: 15_000 })
    .toBe('recorded');
  await page.waitForLoadState('networkidle').catch(() => {});
}

const status = (page: Page) => page.getByTestId('offer-status');

describe('matching: the Amsterdam way (offer to a care provider)', () => {
  let offerUrl = '';
  let nominee = '';

  it('corporation: registers a dwelling with its BAG address and offers it to a care provider', async () => {
    await actFor(corp, 'De Linde Wonen');
    await menu(corp, 'Woningen', 'Woningen');
    await expect(corp.getByTestId('dwellings-table')).toContainText('Zwanenlaan');
    await inspect(corp, 'dwellings (corporation)');

    // Filter on a neighbourhood: only its dwellings remain.
    await corp.getByLabel('Buurt').selectOption({ label: 'Vlinderbuurt' });
    await expect(corp.getByTestId('dwellings-table')).not.toContainText('Zwanenlaan');
    await expect(corp.getByTestId('dwellings-table')).toContainText('Dagpauwoogstraat');
    await corp.getByLabel('Buurt').selectOption({ label: 'Alle' });

    await corp.getByRole('link', { name: 'Nieuwe woning' }).click();
    await waitForPage(corp, 'Nieuwe woning');
    const form = corp.getByTestId('dwelling-form');
    await form.getByLabel('Postcode').fill('9002 BD');
    await form.getByLabel('Huisnummer').fill('8');
    await form.getByRole('button', { name: 'Adres opzoeken' }).click();
    await expect(corp.getByTestId('address-lookup')).toContainText('Elzenhof 8');
    await expect(corp.getByTestId('address-lookup')).toContainText('Buurt Elzenhof');

    await form.getByLabel('Aantal kamers').fill('2');
    await form.getByLabel('Oppervlakte in m²').fill('45');
    await form.getByLabel('Verdieping').fill('0');
    await form.getByLabel('Lift', { exact: true }).selectOption({ label: 'Nee' });
    await form.getByLabel('Loopafstand tot de dichtstbijzijnde drankwinkel in meters').fill('800');
    await form.getByLabel('Beschikbaar vanaf').fill(await corp.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())));
    await form.getByLabel('Huurprijs per maand in euro').fill('615');
    await tick(form.locator('input[name="dwelling-pool"][value="omslag_mobw_adult"]'));
    await form.getByLabel('Naam contactpersoon').fill('Joost Meijer');
    await form.getByLabel('Rol contactpersoon').fill('Wijkbeheerder');
    await inspect(corp, 'new dwelling (address looked up)');
    await screenshot(corp, 'matching-new-dwelling');

    // A required field left empty is named in the summary, in words.
    await form.getByLabel('Rol contactpersoon').fill('');
    await form.getByRole('button', { name: 'Woning opslaan' }).click();
    await expect(errorSummary(corp)).toContainText('Rol contactpersoon');
    await form.getByLabel('Rol contactpersoon').fill('Wijkbeheerder');
    await form.getByRole('button', { name: 'Woning opslaan' }).click();
    await waitForPage(corp, /^Elzenhof 8, 9002 BD/);
    await expect(corp.getByTestId('dwelling-facts')).toContainText('Elzenhof');
    await expect(corp.getByTestId('dwelling-facts')).not.toContainText('niet geverifieerd');
    await inspect(corp, 'dwelling (corporation)');

    await corp.getByLabel('Zorgaanbieder').selectOption({ label: 'Zorggroep Horizon' });
    await corp.getByRole('button', { name: 'Woning aanbieden' }).click();
    await waitForPage(corp, /^Aanbod: Elzenhof 8/);
    await expect(status(corp)).toContainText('Aangeboden: de zorgaanbieder reageert');
    offerUrl = new URL(corp.url()).pathname;
    // The corporation cannot reply for the care provider: it reads why, in words.
    await expect(corp.getByTestId('offer-steps')).toContainText('Aanbod intrekken');
    await inspect(corp, 'offer (corporation, offered)');
    expectNoPageErrors(corp);
  });

  it('care worker: sees its clients ranked for the dwelling, nominates one, replies and informs the client', async () => {
    await actFor(cw, 'Zorggroep Horizon');
    await menu(cw, 'Aanbiedingen', 'Aanbiedingen');
    await expect(cw.getByTestId('offers-table')).toContainText('Elzenhof 8');
    await inspect(cw, 'offers (care provider)');
    await cw.getByTestId('offers-table').getByRole('link', { name: /Elzenhof 8/ }).click();
    await waitForPage(cw, /^Aanbod: Elzenhof 8/);

    const own = cw.getByTestId('own-candidates');
    const first = own.getByTestId('candidate').first();
    await expect(first).toBeVisible();
    // Horizon's clients are ranked for this dwelling, each with the reasons in words; Ivo Smits (no
    // preferences) and Gijs van Dam (prefers another neighbourhood) are among them.
    await expect(own).toContainText('Ivo Smits');
    await expect(own).toContainText('Gijs van Dam');
    await expect(first.getByTestId('candidate-explanation')).toContainText(/\S/);
    nominee = (await first.getByRole('heading').innerText()).replace(/^1\.\s*/, '').trim();
    await inspect(cw, 'offer (care provider, own clients ranked)');
    await screenshot(cw, 'matching-own-candidates');

    // The ranking is advice: nominating number 2 asks for a reason first.
    const form = cw.getByTestId('offer-step-form');
    await own.getByTestId('candidate').nth(1).getByRole('button', { name: 'Voordragen' }).click();
    await expect(form.getByLabel('Reden van de keuze')).toBeVisible();
    await form.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect(errorSummary(cw)).toContainText('Geef een reden');
    await inspect(cw, 'offer (nominating number 2 without a reason)');

    await first.getByRole('button', { name: 'Voordragen' }).click();
    await expect(form.getByLabel('Reden van de keuze')).toHaveCount(0);
    await expect(form.getByLabel('Welke stap?')).toHaveValue('replied');
    await expect.poll(() => form.getByLabel('Cliënt die u voordraagt').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    await form.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect(status(cw)).toContainText('Aanvaard');
    await expect(cw.getByTestId('offer-client')).toContainText(nominee);
    housedTrajectory = ((await cw.getByTestId('offer-client').getByRole('link').getAttribute('href')) ?? '').split('/').pop() ?? '';

    await step(cw, 'Cliënt geïnformeerd', async (f) => {
      await tick(f.getByLabel('Met de cliënt besproken dat dit een eenmalig aanbod is en welke keuzes er zijn'));
    });
    await expect(status(cw)).toContainText('Cliënt geïnformeerd');
    await expect(cw.getByTestId('offer-deadlines')).toContainText('Gehaald');
    await inspect(cw, 'offer (care provider, client informed)');
    expectNoPageErrors(cw);
  });

  it('corporation: makes the match final', async () => {
    await menu(corp, 'Aanbiedingen', 'Aanbiedingen');
    await expect(corp.getByTestId('offers-table')).toContainText(nominee);
    await inspect(corp, 'offers (corporation)');
    await corp.getByTestId('offers-table').getByRole('link', { name: /Elzenhof 8/ }).click();
    await waitForPage(corp, /^Aanbod: Elzenhof 8/);
    expect(new URL(corp.url()).pathname).toBe(offerUrl);
    await expect(status(corp)).toContainText('Cliënt geïnformeerd');
    // Withdrawing from WoningNet comes first: the step says so when it is not ticked.
    const form = corp.getByTestId('offer-step-form');
    await form.getByLabel('Welke stap?').selectOption({ label: 'Match definitief maken' });
    await form.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect(errorSummary(corp)).toContainText('Haal de woning eerst uit WoningNet');
    await step(corp, 'Match definitief maken', async (f) => {
      await tick(f.getByLabel('De woning is uit WoningNet gehaald'));
    });
    await expect(status(corp)).toContainText('Match definitief');
    await expect(corp.getByTestId('offer-history')).toContainText('Match definitief maken');
    await inspect(corp, 'offer (match final)');
    expectNoPageErrors(corp);
  });
});

describe('matching: the Utrecht way (proposal of three, the corporation chooses)', () => {
  let offerUrl = '';
  let chosen = '';

  it('corporation: gets the proposal of three and chooses number 2 with a reason', async () => {
    await actFor(corp, 'Bergstede Wonen');
    await menu(corp, 'Woningen', 'Woningen');
    await inspect(corp, 'dwellings (Bergstede)');
    const row = corp.getByTestId('dwellings-table').getByRole('row').filter({ hasText: '1 kamers, 36 m²' });
    await row.getByRole('link').click();
    await waitForPage(corp);
    await corp.getByRole('button', { name: 'Voorstel ophalen' }).click();
    await waitForPage(corp, /^Aanbod: /);
    offerUrl = new URL(corp.url()).pathname;
    await expect(status(corp)).toContainText('Voorstel: de corporatie kiest een kandidaat');
    const proposal = corp.getByTestId('proposal');
    await expect(proposal.getByTestId('candidate')).toHaveCount(3);
    for (const c of await proposal.getByTestId('candidate').all()) await expect(c.getByTestId('candidate-explanation')).toContainText(/\S/);
    await inspect(corp, 'offer (proposal of three)');
    await screenshot(corp, 'matching-proposal');

    const second = proposal.getByTestId('candidate').nth(1);
    chosen = ((await second.getByRole('heading').innerText()).replace(/^2\.\s*/, '')).trim();
    await second.getByRole('button', { name: 'Kies' }).click();
    const choose = corp.getByTestId('choose-form');
    await expect(choose).toContainText('U kiest niet de eerste kandidaat');
    await choose.getByRole('button', { name: 'Keuze vastleggen' }).click();
    await expect(errorSummary(corp)).toContainText('Geef een reden');
    await inspect(corp, 'offer (choice without a reason)');
    await choose.getByLabel('Reden van de keuze').fill('Woont al in de buurt van haar werk; de portiek past bij haar.');
    await choose.getByRole('button', { name: 'Keuze vastleggen' }).click();
    await expect(status(corp)).toContainText('Wacht op reactie van de zorgaanbieder');
    await expect(corp.getByTestId('proposal-chosen')).toContainText(`nummer 2, ${chosen}`);
    await inspect(corp, 'offer (candidate chosen)');

    // In English, the explanations come in English too (asked again in the new language).
    await corp.getByTestId('language-toggle').click();
    await waitForPage(corp, /^Offer: /);
    await expect(corp.getByTestId('proposal')).toContainText('Proposal of candidates');
    await expect(corp.getByTestId('proposal').getByTestId('candidate-explanation').first()).toContainText(/points (deducted|less because)/);
    await expect(status(corp)).toContainText("Waiting for the care provider's reply");
    await inspect(corp, 'offer (English)');
    await corp.getByTestId('language-toggle').click();
    await waitForPage(corp, /^Aanbod: /);
    expectNoPageErrors(corp);
  });

  it('care provider of the chosen client: replies and informs the client', async () => {
    await actFor(cw, 'Het Vierde Huis Bergstede');
    await menu(cw, 'Aanbiedingen', 'Aanbiedingen');
    await cw.getByTestId('offers-table').getByRole('row').filter({ hasText: chosen }).getByRole('link').first().click();
    await waitForPage(cw, /^Aanbod: /);
    expect(new URL(cw.url()).pathname).toBe(offerUrl);
    await expect(cw.getByTestId('offer-client')).toContainText(chosen);
    // The care provider does not see the proposal's ranking (the corporation's choice).
    await expect(cw.getByTestId('proposal')).toHaveCount(0);
    await inspect(cw, 'offer (care provider, Utrecht)');
    await step(cw, 'Reageren op het aanbod', async (f) => {
      await tick(f.getByRole('radio', { name: 'Aannemen' }));
    });
    await expect(status(cw)).toContainText('Aanvaard');
    await step(cw, 'Cliënt geïnformeerd', async (f) => {
      await tick(f.getByLabel('Met de cliënt besproken dat dit een eenmalig aanbod is en welke keuzes er zijn'));
    });
    await expect(status(cw)).toContainText('Cliënt geïnformeerd');
    await inspect(cw, 'offer (Utrecht, client informed)');
    expectNoPageErrors(cw);
  });
});

/** Key handover for the housed client, then a swap to 70 m² through its steps up to Wonen's decision (the integration tests' recipe). */
async function submitSwapToWonen(trajectoryId: string) {
  expect(trajectoryId).toMatch(/^[0-9a-f-]{36}$/);
  const agent = async (who: string, org?: string) => {
    const a = new Agent(h.server);
    const res = await a.post('/api/v1/auth/login', { email: `${who}@demo.thuisroute.nl`, password: 'thuisroute-demo' });
    expect(res.statusCode, res.body).toBe(200);
    return org ? agentActFor(a, org) : a;
  };
  const [care, corporation, reviewer] = [await agent('begeleider', 'ZA-HORIZON'), await agent('corporatie', 'WC-LINDE'), await agent('onafhankelijk')];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(h.clock.now());
  const etag = async (a: Agent, url: string) => (await a.get(url)).headers.etag as string;
  const step = async (a: Agent, type: string, data: Record<string, unknown> = {}) => {
    const res = await a.post(`/api/v1/trajectories/${trajectoryId}/events`, { type, occurredOn: today, data }, { 'if-match': await etag(a, `/api/v1/trajectories/${trajectoryId}`) });
    expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  };
  await step(corporation, 'dwelling_ready');
  await step(corporation, 'lease_signed', { ibriShared: true });
  await step(care, 'transfer_goals_communicated');
  await step(care, 'key_handover', { corporationContactPresent: true });
  const started = await care.post('/api/v1/moves', { trajectoryId, kind: 'swap', currentArea: 45, targetArea: 70, similar: false, facts: { bothConsent: true, bothSuitable: true }, occurredOn: today });
  expect(started.statusCode, started.body).toBe(201);
  const id = started.json().id as string;
  const moveStep = async (a: Agent, type: string, data: Record<string, unknown> = {}) => {
    const res = await a.post(`/api/v1/moves/${id}/events`, { type, occurredOn: today, data }, { 'if-match': await etag(care, `/api/v1/moves/${id}`) });
    expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
  };
  await moveStep(corporation, 'facts_recorded', { corporationAgrees: true });
  await moveStep(care, 'substantiation_recorded', { summary: 'Het huishouden groeit; de woning is te klein geworden.' });
  await moveStep(reviewer, 'independent_review_done');
  await moveStep(care, 'submitted_to_wonen');
}

describe('matching: the other pages', () => {
  const csv = (rows: string[]) => [
    'postcode,house_number,floor,lift,facilities,noise,defects,contact_name,contact_role,liveability,access_type,rooms,area_m2,dwelling_type,wheelchair_suitable,available_on,pool,rent',
    ...rows,
  ].join('\n');
  const day = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(h.clock.now());

  it('corporation: a CSV upload is all or nothing, with a reason per refused row', async () => {
    await actFor(corp, 'De Linde Wonen');
    await menu(corp, 'Woningen', 'Woningen');
    await corp.getByRole('link', { name: 'Woningen uploaden (CSV)' }).click();
    await waitForPage(corp, 'Woningen uploaden');
    await inspect(corp, 'dwelling upload');
    const good = `9006FD,40,2,nee,Douche|Berging,LOW,,Joost Meijer,Wijkbeheerder,OK,porch,2,50,apartment,nee,${day()},omslag_mobw_adult,600`;
    const bad = `9001AA,3,1,ja,Douche,LOW,,Joost Meijer,Wijkbeheerder,OK,porch,twee,40,apartment,nee,${day()},omslag_mobw_adult,580`;
    await corp.getByLabel('CSV-bestand').setInputFiles({ name: 'woningen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv([good, bad])) });
    await corp.getByRole('button', { name: 'Uploaden' }).click();
    const rejections = corp.getByTestId('import-rejections');
    await expect(rejections).toContainText('1 rij afgewezen');
    await expect(rejections.getByRole('row').filter({ hasText: 'rooms' })).toContainText('3');
    await inspect(corp, 'dwelling upload (a row refused)');

    const fixed = bad.replace(',twee,', ',2,');
    await corp.getByLabel('CSV-bestand').setInputFiles({ name: 'woningen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv([good, fixed])) });
    await corp.getByRole('button', { name: 'Uploaden' }).click();
    await expect(corp.getByTestId('import-done')).toContainText('2 woningen opgeslagen');
    await inspect(corp, 'dwelling upload (saved)');
    await menu(corp, 'Woningen', 'Woningen');
    await expect(corp.getByTestId('dwellings-table')).toContainText('Loswal 40');
    await expect(corp.getByTestId('dwellings-table')).toContainText('Turfmarkt 3');

    // A change to a dwelling keeps its verified address and is saved with its version.
    await corp.getByTestId('dwellings-table').getByRole('link', { name: /Loswal 40/ }).click();
    await waitForPage(corp, /^Loswal 40/);
    await corp.getByRole('link', { name: 'Woning wijzigen' }).click();
    await waitForPage(corp, 'Woning wijzigen');
    const form = corp.getByTestId('dwelling-form');
    await expect(form.getByLabel('Huurprijs per maand in euro')).toHaveValue('600');
    await form.getByLabel('Huurprijs per maand in euro').fill('625');
    await inspect(corp, 'dwelling change');
    await form.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await waitForPage(corp, /^Loswal 40/);
    await expect(corp.getByTestId('dwelling-facts')).toContainText(/€\s625,00/);
    await expect(corp.getByTestId('dwelling-facts')).not.toContainText('niet geverifieerd');
    expectNoPageErrors(corp);
  });

  it('corporation: an address the BAG does not know is entered by hand and marked not verified', async () => {
    await menu(corp, 'Woningen', 'Woningen');
    await corp.getByRole('link', { name: 'Nieuwe woning' }).click();
    await waitForPage(corp, 'Nieuwe woning');
    const form = corp.getByTestId('dwelling-form');
    await form.getByLabel('Postcode').fill('9008 ZZ');
    await form.getByLabel('Huisnummer').fill('5');
    await form.getByRole('button', { name: 'Adres opzoeken' }).click();
    await expect(corp.getByTestId('address-lookup')).toContainText('Dit adres staat niet in de Basisregistratie Adressen en Gebouwen');
    await expect.poll(() => form.getByLabel('Adres met de hand invullen (niet geverifieerd)').isChecked()).toBe(true);
    await form.getByLabel('Straat').fill('Nieuwe Dijk');
    await form.getByLabel('Plaats').fill('Veenhaven');
    await form.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Veenhaven' });
    await form.getByLabel('Buurtcode').fill('BU90010700');
    await form.getByLabel('Naam van de buurt').fill('Nieuwe Dijk');
    await form.getByLabel('Aantal kamers').fill('3');
    await form.getByLabel('Oppervlakte in m²').fill('70');
    await form.getByLabel('Verdieping').fill('0');
    await form.getByLabel('Lift', { exact: true }).selectOption({ label: 'Nee' });
    await form.getByLabel('Beschikbaar vanaf').fill(day());
    await form.getByLabel('Huurprijs per maand in euro').fill('720');
    await tick(form.locator('input[name="dwelling-pool"][value="omslag_mobw_family"]'));
    await form.getByLabel('Naam contactpersoon').fill('Joost Meijer');
    await form.getByLabel('Rol contactpersoon').fill('Wijkbeheerder');
    await inspect(corp, 'new dwelling (by hand)');
    await form.getByRole('button', { name: 'Woning opslaan' }).click();
    await waitForPage(corp, /^Nieuwe Dijk 5/);
    await expect(corp.getByTestId('dwelling-facts')).toContainText('niet geverifieerd');
    await inspect(corp, 'dwelling (not verified)');

    // Every dwelling can be suitable unless…: declaring it unsuitable records the argument.
    await corp.getByRole('button', { name: 'Woning ongeschikt verklaren' }).click();
    await corp.getByLabel('Argument').selectOption({ label: 'Gebrek aan de woning' });
    await corp.getByLabel('Toelichting').fill('Vochtprobleem in de slaapkamer; eerst herstel.');
    await corp.getByRole('button', { name: 'Ongeschikt verklaren', exact: true }).click();
    await expect(corp.getByTestId('dwelling-unsuitable')).toContainText('Gebrek aan de woning: Vochtprobleem');
    await expect(corp.getByTestId('dwelling-facts')).toContainText('Ongeschikt verklaard');
    await inspect(corp, 'dwelling (declared unsuitable)');
    expectNoPageErrors(corp);
  });

  it('care worker: keeps the housing-need profile from the case page', async () => {
    await actFor(cw, 'Zorggroep Horizon');
    await menu(cw, 'Cliënten', 'Cliënten');
    await cw.getByTestId('clients-table').getByRole('link', { name: 'Gijs van Dam' }).first().click();
    await waitForPage(cw, 'Gijs van Dam');
    await cw.getByTestId('housing-profile-link').click();
    await waitForPage(cw, 'Woonbehoefteprofiel van Gijs van Dam');
    const form = cw.getByTestId('profile-form');
    await expect(form.getByLabel('Buurtcode').first()).toHaveValue('BU90010100');
    await expect(cw.getByTestId('profile-expectation')).toContainText('woningen die het afgelopen jaar zijn aangeboden');
    await inspect(cw, 'housing-need profile');
    await form.getByLabel('Medisch: benedenwoning of lift nodig').selectOption({ label: 'Ja' });
    await form.getByRole('button', { name: 'Profiel opslaan' }).click();
    await expect(errorSummary(cw)).toContainText('GGD-arts');
    await form.getByLabel('Datum advies GGD-arts').fill(day());
    await form.getByRole('button', { name: 'Profiel opslaan' }).click();
    await expect(cw.getByTestId('profile-saved')).toContainText('Het woonbehoefteprofiel is opgeslagen.');
    await inspect(cw, 'housing-need profile (saved)');

    // Someone else saves the profile meanwhile: this form keeps its input and saves it on the newest version.
    const other = (await h.newPage()).page;
    await login(other, 'begeleider');
    await actFor(other, 'Zorggroep Horizon');
    await other.goto(new URL(cw.url()).pathname);
    await waitForPage(other, 'Woonbehoefteprofiel van Gijs van Dam');
    await other.getByTestId('profile-form').getByLabel('Andere beperkingen').fill('Geen trappen met losse treden.');
    await other.getByTestId('profile-form').getByRole('button', { name: 'Profiel opslaan' }).click();
    await expect(other.getByTestId('profile-saved')).toBeVisible();
    const mine = cw.getByTestId('profile-form');
    await mine.getByLabel('Toelichting op de omstandigheden').fill('Zus woont in de Zwanenbuurt.');
    await mine.getByRole('button', { name: 'Profiel opslaan' }).click();
    await expect(cw.getByTestId('conflict')).toBeVisible();
    await expect.poll(() => mine.getByLabel('Toelichting op de omstandigheden').inputValue()).toBe('Zus woont in de Zwanenbuurt.');
    await inspect(cw, 'housing-need profile (412)');
    await cw.getByRole('button', { name: 'Mijn wijzigingen behouden op de nieuwste versie' }).click();
    await expect(cw.getByTestId('profile-saved')).toBeVisible();
    await expect.poll(() => cw.getByTestId('profile-form').getByLabel('Toelichting op de omstandigheden').inputValue()).toBe('Zus woont in de Zwanenbuurt.');
    expectNoPageErrors(cw);
  });

  it('care worker: asks to view a dwelling offered to Horizon, views it and refuses it with reasons', async () => {
    await menu(cw, 'Aanbiedingen', 'Aanbiedingen');
    await cw.getByTestId('offers-table').getByRole('link', { name: /Zwanenlaan 27-1/ }).click();
    await waitForPage(cw, /^Aanbod: Zwanenlaan 27/);
    const first = cw.getByTestId('own-candidates').getByTestId('candidate').first();
    await first.getByRole('button', { name: 'Voordragen' }).click();
    const form = cw.getByTestId('offer-step-form');
    await tick(form.getByRole('radio', { name: 'Eerst bezichtigen' }));
    await form.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect(status(cw)).toContainText('Bezichtiging');
    await step(cw, 'Bezichtiging gehouden');
    // Refusing needs a reason and words for it.
    await form.getByLabel('Welke stap?').selectOption({ label: 'Afwijzen na bezichtiging, met redenen' });
    await form.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect(errorSummary(cw)).toContainText('Kies minstens één reden');
    await inspect(cw, 'offer (refusal without reasons)');
    await step(cw, 'Afwijzen na bezichtiging, met redenen', async (f) => {
      await tick(f.getByLabel('Toegankelijkheid (verdieping, lift, rolstoel)'));
      await f.getByLabel('Toelichting op de redenen').fill('Eerste verdieping zonder lift; de cliënt heeft moeite met trappen.');
    });
    await expect(status(cw)).toContainText('Afgewezen na bezichtiging');
    await expect(cw.getByTestId('offer-history')).toContainText('Eerste verdieping zonder lift');
    await inspect(cw, 'offer (refused after the viewing)');
    expectNoPageErrors(cw);
  });

  it('Wonen: tries a setting on past proposals, saves it as a new version, and sees the swaps and moves queue', async () => {
    const wonen = (await h.newPage()).page;
    await login(wonen, 'wonen');
    await menu(wonen, 'Matching-instellingen', 'Matching-instellingen');
    await inspect(wonen, 'matching settings');
    const form = wonen.getByTestId('config-form');
    await form.getByLabel('Niet in een voorkeursbuurt').fill('40');
    await form.getByRole('button', { name: 'Uitproberen' }).click();
    await expect(wonen.getByTestId('replay-result')).toContainText('Voorstellen in de periode');
    await expect(wonen.getByTestId('replay-result')).toContainText('Niet in een voorkeursbuurt: 15 → 40');
    await inspect(wonen, 'matching settings (replayed)');
    await screenshot(wonen, 'matching-replay');
    await form.getByLabel('Waarom deze wijziging').fill('Voorkeursbuurt zwaarder laten wegen, na evaluatie.');
    await form.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await expect(wonen.locator('main')).toContainText('Opgeslagen als versie');
    await menu(wonen, 'Ruil en verhuizing', 'Ruil en verhuizing');
    await expect(wonen.locator('main')).toContainText('Er wacht nu niets op uw besluit.');
    await inspect(wonen, 'swaps and moves (Wonen, nothing waiting)');

    // The client housed the Amsterdam way gets the keys; a swap to a larger dwelling is prepared and
    // submitted (over the API, as the care worker, the corporation and the independent reviewer).
    await submitSwapToWonen(housedTrajectory);
    await wonen.reload();
    await waitForPage(wonen, 'Ruil en verhuizing');
    const move = wonen.getByTestId('move').first();
    await expect(move).toContainText('Woningruil');
    await expect(move).toContainText('45 m² → 70 m²');
    await inspect(wonen, 'swaps and moves (Wonen, one waiting)');
    await move.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(move).toContainText('Beslisondersteuning');
    await move.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(errorSummary(move)).toContainText('Kies of de directie Wonen instemt');
    await tick(move.getByRole('radio', { name: 'Instemmen', exact: true }));
    await move.getByLabel('Reden van het besluit').fill('Het huishouden woont passend in 70 m².');
    await inspect(wonen, 'swaps and moves (Wonen, deciding)');
    await move.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(wonen.locator('main')).toContainText('Er wacht nu niets op uw besluit.');
    expectNoPageErrors(wonen);
  });
});
