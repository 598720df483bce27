/**
 * The nuisance protocol through HTTP on a real database: a report from the first complaint to an
 * eviction judgment (category 1, actions 3 → 6, letters, the hub's lead and EIV, the court), the
 * deadlines in the shared table, the reports that belong together, the New Chance route to its
 * letter, and every refusal of the "bad input" list (rule ID in the body, nothing written).
 * The clock is moved between the protocol's steps (a new complaint must come in after the last).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, orgId, startTestApp, type Agent, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
let cw: Agent;
let corp: Agent;
let hub: Agent;
let trajectoryId = '';
let caseId = '';
const reports: string[] = [];

/** Moves the clock to the day and signs everyone in again (a session does not outlive days of idleness). */
async function at(day: string) {
  ctx.clock.set(`${day}T09:00:00Z`);
  await signIn();
}
async function signIn() {
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  corp = await actFor(await ctx.login('corporatie'), 'WC-LINDE');
  hub = await ctx.login('mzwo');
}
const caseUrl = () => `/api/v1/nuisance/cases/${caseId}`;
const etag = async (a: Agent, url = caseUrl()) => (await a.get(url)).headers.etag as string;
async function step(a: Agent, type: string, occurredOn: string, data: Record<string, unknown>) {
  return a.post(`${caseUrl()}/events`, { type, occurredOn, data }, { 'if-match': await etag(a) });
}
async function ok(a: Agent, type: string, occurredOn: string, data: Record<string, unknown>) {
  const r = await step(a, type, occurredOn, data);
  expect(r.statusCode, `${type}: ${r.body}`).toBe(201);
  return r.json();
}
const eventCount = async () => Number((await ctx.db.selectFrom('nuisance_events').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);
async function report(day: string, extra: Record<string, unknown> = {}) {
  await at(day);
  const body = {
    channel: 'C1', nuisanceType: 'noise', description: 'Harde muziek na middernacht.', occurredAt: `${day}T00:15`,
    reporter: { name: 'Buurvrouw Jansen', phone: '0612345678', relation: 'neighbour' }, about: { trajectoryId }, ...(caseId ? { caseId } : {}), ...extra,
  };
  const r = await cw.post('/api/v1/nuisance/reports', body);
  expect(r.statusCode, r.body).toBe(201);
  reports.push(r.json().reportId);
  caseId = r.json().caseId;
  return r.json().reportId as string;
}
async function hearAndJudge(reportId: string, day: string, agrees = false) {
  await ok(cw, 'hearing_held', day, { reportId, note: 'Wederhoor: bewoner herkent het.' });
  await ok(cw, 'judged', day, { reportId, behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: agrees });
}
async function letter(kind: string, agreements = ['Na 22.00 uur geen harde muziek']) {
  const r = await cw.post(`${caseUrl()}/letters`, { kind, behaviour: 'Harde muziek na 22.00 uur.', agreementsNotKept: agreements, nextSteps: 'Met uw begeleider maakt u een avondplan.' }, { 'if-match': await etag(cw) });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
async function sign(letterId: string, signature: 'signed' | 'seen', day: string) {
  const r = await cw.post(`/api/v1/nuisance/letters/${letterId}/signature`, { signedOn: day, signature, readAloud: true }, { 'if-match': await etag(cw) });
  expect(r.statusCode, r.body).toBe(201);
}
async function copy(letterId: string, day: string) {
  const r = await cw.post(`/api/v1/nuisance/letters/${letterId}/copy`, { copiedOn: day }, { 'if-match': await etag(cw) });
  expect(r.statusCode, r.body).toBe(201);
}

beforeAll(async () => {
  ctx = await startTestApp({ demoCases: true });
  await signIn();
  const horizon = await orgId(ctx, 'ZA-HORIZON');
  const linde = await orgId(ctx, 'WC-LINDE');
  // A client of Horizon who lives in a De Linde dwelling and has no nuisance case yet.
  const t = await ctx.db.selectFrom('trajectories').select('id').where('care_provider_id', '=', horizon).where('corporation_id', '=', linde).where('status', '=', 'active')
    .where('id', 'not in', (eb) => eb.selectFrom('nuisance_cases').select('trajectory_id').where('trajectory_id', 'is not', null)).orderBy('started_on').executeTakeFirstOrThrow();
  trajectoryId = t.id;
}, 120_000);
afterAll(async () => ctx?.close());

describe('category 1: the first complaint', () => {
  it('D-OV-01 / D-OV-04 / R-OV-25: a report on Monday gives the reporter and the corporation until Wednesday, on the care provider\'s worklist in the shared deadline table', async () => {
    const id = await report('2026-03-02');
    const rows = await ctx.db.selectFrom('deadlines').select(['key', 'rule_id', 'due_date', 'organisation_id', 'met_on']).where('case_kind', '=', 'nuisance').where('case_id', '=', caseId).execute();
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    expect(rows.find((d) => d.key === `D-OV-01:${id}`)).toMatchObject({ due_date: '2026-03-04', organisation_id: horizon, met_on: null });
    expect(rows.find((d) => d.key === `D-OV-04:${id}`)).toMatchObject({ due_date: '2026-03-04', organisation_id: horizon });
    // D-OV-05: three months from the first complaint, flagged to the hub.
    expect(rows.find((d) => d.rule_id === 'D-OV-05')).toMatchObject({ due_date: '2026-06-02' });
    // The deadline shows on the care worker's worklist like any other case's.
    const wl = await cw.get('/api/v1/worklist');
    expect(wl.statusCode).toBe(200);
    expect(JSON.stringify(wl.json())).toContain(caseId);
  });

  it('R-OV-26: a judgement without a recorded hearing is refused with the rule, and nothing is written', async () => {
    const before = await eventCount();
    const r = await step(cw, 'judged', '2026-03-02', { reportId: reports[0], behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: true });
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ rule: 'R-OV-26' });
    expect(r.json().messages.nl.detail).toBeTruthy();
    expect(r.json().messages.en.detail).toBeTruthy();
    expect(await eventCount()).toBe(before);
  });

  it('D-OV-01 met in time: the reporter approached and the corporation informed on the next working day', async () => {
    await at('2026-03-03');
    await ok(cw, 'reporter_contacted', '2026-03-03', { reportId: reports[0] });
    await ok(cw, 'corporation_informed', '2026-03-03', { approach: 'Gesprek met de bewoner morgen; terugkoppeling volgt.' });
    const rows = await ctx.db.selectFrom('deadlines').select(['key', 'met_on']).where('case_kind', '=', 'nuisance').where('case_id', '=', caseId).execute();
    expect(rows.find((d) => d.key === `D-OV-01:${reports[0]}`)?.met_on).toBe('2026-03-03');
    expect(rows.find((d) => d.key === `D-OV-04:${reports[0]}`)?.met_on).toBe('2026-03-03');
  });

  it('R-OV-27 (J1): heard, judged conscious and justified with the resident agreeing; the complainant informed together; written feedback to the corporation', async () => {
    await hearAndJudge(reports[0]!, '2026-03-03', true);
    await ok(cw, 'complainant_informed', '2026-03-03', { reportId: reports[0], togetherWithResident: true });
    const feedback = await letter('written_feedback');
    const view = (await cw.get(caseUrl())).json();
    expect(view.reports[0].judgement).toMatchObject({ row: 'J1' });
    expect(view.letters.map((l: { id: string }) => l.id)).toContain(feedback);
    // The feedback letter is addressed to the corporation: it reads it.
    const pdf = await corp.get(`/api/v1/nuisance/letters/${feedback}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});

describe('category 2: escalation through actions 3–6', () => {
  it('R-OV-07: a new report about the same client is proposed for linking to the open case, with the earlier reports beside it', async () => {
    await at('2026-03-16');
    const r = await cw.post('/api/v1/nuisance/reports', {
      channel: 'C1', nuisanceType: 'noise', description: 'Weer harde muziek.', occurredAt: '2026-03-15T23:50', reporter: { name: 'Buurman Pietersen', relation: 'neighbour' }, about: { trajectoryId },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'link_proposed', proposedCaseId: caseId });
    expect(r.json().earlierReports).toHaveLength(1);
    await report('2026-03-16', { reporter: { name: 'Buurman Pietersen', relation: 'neighbour' } });
    expect((await cw.get(caseUrl())).json().reports).toHaveLength(2);
  });

  it('R-OV-39: skipping action 3 is refused without a recorded hub decision', async () => {
    await hearAndJudge(reports[1]!, '2026-03-16');
    const before = await eventCount();
    const r = await step(cw, 'escalated', '2026-03-16', { action: 4, reportId: reports[1] });
    expect(r.statusCode).toBe(422);
    expect(r.json().violations.map((v: { rule: string }) => v.rule)).toContain('R-OV-39');
    expect(await eventCount()).toBe(before);
  });

  it('R-OV-10: the resident\'s own report about a neighbour never counts towards escalation', async () => {
    const own = await report('2026-03-16', { channel: 'C5', nuisanceType: 'noise', reporter: { name: null, relation: 'resident' }, description: 'De bewoner zelf heeft last van de bovenburen.' });
    const r = await step(cw, 'escalated', '2026-03-16', { action: 3, reportId: own });
    expect(r.statusCode).toBe(422);
    expect(r.json().violations.map((v: { rule: string }) => v.rule)).toContain('R-OV-10');
  });

  it('R-OV-30 / R-OV-31: a second similar justified complaint starts action 3; the warning letter must cite the agreements not kept (R-OV-09)', async () => {
    await ok(cw, 'escalated', '2026-03-16', { action: 3, reportId: reports[1] });
    await ok(cw, 'action_step_done', '2026-03-16', { action: 3, step: 'warning_conversation' });
    const before = await ctx.db.selectFrom('nuisance_letters').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const bad = await cw.post(`${caseUrl()}/letters`, { kind: 'warning_letter', behaviour: 'Harde muziek na 22.00 uur.', agreementsNotKept: [], nextSteps: 'Avondplan.' }, { 'if-match': await etag(cw) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ rule: 'R-OV-09' });
    const after = await ctx.db.selectFrom('nuisance_letters').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  let warning = '';
  it('R-OV-31: action 4 is refused while the action-3 warning letter is not signed, and says what is still missing', async () => {
    warning = await letter('warning_letter');
    await report('2026-03-23');
    await hearAndJudge(reports[3]!, '2026-03-23');
    const view = (await cw.get(caseUrl())).json();
    const escalate = view.steps.find((s: { type: string }) => s.type === 'escalated');
    expect(escalate.possible).toBe(false);
    expect(escalate.needs.map((n: { nl: string }) => n.nl).join(' ')).toMatch(/ondertekend/);
    const before = await eventCount();
    const r = await step(cw, 'escalated', '2026-03-23', { action: 4, reportId: reports[3] });
    expect(r.statusCode).toBe(422);
    expect(r.json().violations.map((v: { rule: string }) => v.rule)).toContain('R-OV-31');
    expect(await eventCount()).toBe(before);
  });

  it('R-OV-43 / D-OV-09: a time-out of more than two weeks is refused; two weeks is allowed', async () => {
    const long = await step(cw, 'timeout_started', '2026-03-23', { place: 'Respijthuis De Haven', plannedEndOn: '2026-04-07', corporationAligned: true });
    expect(long.statusCode).toBe(422);
    expect(long.json().violations.map((v: { rule: string }) => v.rule).some((x: string) => x === 'R-OV-43' || x === 'D-OV-09')).toBe(true);
    await ok(cw, 'timeout_started', '2026-03-23', { place: 'Respijthuis De Haven', plannedEndOn: '2026-04-06', corporationAligned: true });
    await at('2026-03-30');
    await ok(cw, 'timeout_ended', '2026-03-30', { outcome: 'returned' });
  });

  it('R-OV-32 / R-OV-33 / R-OV-34: with the letter read aloud and signed, copied, the reporters advised and the hub contacted, action 4 follows', async () => {
    await sign(warning, 'signed', '2026-03-23');
    await copy(warning, '2026-03-23');
    for (const s of ['next_steps_explained', 'letter_archived', 'reporters_informed', 'police_advice']) await ok(cw, 'action_step_done', '2026-03-23', { action: 3, step: s });
    await ok(cw, 'hub_involved', '2026-03-23', { situations: ['M6'], note: 'Herhaalde overlast.' });
    await ok(cw, 'escalated', '2026-03-23', { action: 4, reportId: reports[3] });
    expect((await cw.get(caseUrl())).json().status).toBe('action_4');
  });

  it('R-OV-35: action 5 (formal notice signed "voor gezien") after the official warning', async () => {
    await at('2026-04-06');
    const official = await letter('official_warning_letter');
    await copy(official, '2026-04-06');
    for (const s of ['team_manager_conversation', 'registered_in_file', 'neighbours_informed', 'hub_lead_discussed', 'legal_advice']) await ok(cw, 'action_step_done', '2026-04-06', { action: 4, step: s });
    await report('2026-04-07');
    await hearAndJudge(reports[4]!, '2026-04-07');
    await ok(cw, 'escalated', '2026-04-07', { action: 5, reportId: reports[4] });
    const notice = await letter('formal_notice');
    await sign(notice, 'seen', '2026-04-07');
    await copy(notice, '2026-04-07');
    for (const s of ['formal_notice_filed', 'legal_advice']) await ok(cw, 'action_step_done', '2026-04-07', { action: 5, step: s });
    await report('2026-04-20');
    await hearAndJudge(reports[5]!, '2026-04-20');
    await ok(cw, 'escalated', '2026-04-20', { action: 6, reportId: reports[5] });
    expect((await cw.get(caseUrl())).json().status).toBe('action_6');
  });

  it('R-OV-37: an eviction request without an EIV is refused; the EIV is decided under the hub\'s lead (MZ-9)', async () => {
    await letter('dissolution_notice');
    await ok(cw, 'action_step_done', '2026-04-20', { action: 6, step: 'legal_advice' });
    const before = await eventCount();
    const r = await step(cw, 'court_requested', '2026-04-20', { ground: 'nuisance_file' });
    expect(r.statusCode).toBe(422);
    expect(r.json().violations.map((v: { rule: string }) => v.rule)).toContain('R-OV-37');
    expect(await eventCount()).toBe(before);
    // The care provider may not decide the EIV; the hub with the lead does.
    expect((await step(cw, 'eiv_decided', '2026-04-20', { issued: true })).statusCode).toBe(403);
    const early = await step(hub, 'eiv_decided', '2026-04-20', { issued: true });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ rule: 'R-OV-37' });
    await ok(hub, 'hub_lead_taken', '2026-04-20', { note: 'Meldpunt neemt de regie.' });
    await ok(hub, 'eiv_decided', '2026-04-20', { issued: true });
  });

  it('R-OV-41: the court is asked and judges the eviction justified; the case ends as evicted and takes no further steps', async () => {
    await at('2026-04-22');
    await ok(cw, 'court_requested', '2026-04-22', { ground: 'nuisance_file' });
    await ok(cw, 'court_judgment', '2026-04-22', { evictionJustified: true });
    const view = (await cw.get(caseUrl())).json();
    expect(view.status).toBe('evicted');
    const r = await step(cw, 'hearing_held', '2026-04-22', { reportId: reports[5] });
    expect(r.statusCode).toBe(422);
  });

  it('stale If-Match: a concurrent edit is detected (412), nothing is lost', async () => {
    const r = await cw.post(`${caseUrl()}/events`, { type: 'closed', occurredOn: '2026-04-22', data: { reason: 'x x x' } }, { 'if-match': '"1"' });
    expect(r.statusCode).toBe(412);
  });
});

describe('who sees what', () => {
  it('R-OV-68: the corporation reads the case with the copies it was sent, never the hearing notes, the judgement or the reporters\' names', async () => {
    const r = await corp.get(caseUrl());
    expect(r.statusCode).toBe(200);
    const body = JSON.stringify(r.json());
    expect(body).not.toContain('Buurvrouw Jansen');
    expect(body).not.toContain('Wederhoor: bewoner herkent het.');
    expect(body).not.toContain('"judgement"');
    const v = r.json();
    expect(v.letters.every((l: { copiedOn: string | null; kind: string }) => l.copiedOn !== null || l.kind === 'written_feedback')).toBe(true);
  });

  it('the hub reads the case once it is reported to it, with the reporters (MZ-6) but without the care content', async () => {
    const r = await hub.get(caseUrl());
    expect(r.statusCode).toBe(200);
    const body = JSON.stringify(r.json());
    expect(body).toContain('Buurvrouw Jansen');
    expect(body).not.toContain('Wederhoor: bewoner herkent het.');
    const pdf = r.json().letters.find((l: { kind: string }) => l.kind === 'warning_letter');
    expect((await hub.get(`/api/v1/nuisance/letters/${pdf.id}/pdf`)).statusCode).toBe(403);
  });

  it('reporter identities never reach the resident: not in the letters as issued, not in the right-of-access export', async () => {
    const letters = await ctx.db.selectFrom('nuisance_letters').select('input').where('case_id', '=', caseId).execute();
    for (const l of letters) expect(JSON.stringify(l.input)).not.toMatch(/Jansen|Pietersen|0612345678/);
    const tm = await actFor(await ctx.login('teammanager'), 'ZA-HORIZON');
    const clientId = (await ctx.db.selectFrom('trajectories').select('client_id').where('id', '=', trajectoryId).executeTakeFirstOrThrow()).client_id;
    const x = await tm.get(`/api/v1/clients/${clientId}/export`);
    expect(x.statusCode, x.body).toBe(200);
    const nuisance = x.json().modules.find((m: { key: string }) => m.key === 'nuisance');
    expect(nuisance.items[0].reports.length).toBeGreaterThan(3);
    expect(JSON.stringify(x.json())).not.toMatch(/Jansen|Pietersen|0612345678/);
  });
});

describe('reports: channels and bad input', () => {
  it('R-OV-03: a report through a channel that is not the party\'s own is refused, nothing written', async () => {
    const n = async () => Number((await ctx.db.selectFrom('nuisance_reports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await n();
    const dwelling = await ctx.db.selectFrom('dwellings').select('id').where('corporation_id', '=', await orgId(ctx, 'WC-LINDE')).executeTakeFirstOrThrow();
    const r = await corp.post('/api/v1/nuisance/reports', { channel: 'C4', nuisanceType: 'smell', description: 'Stank in de portiek.', reporter: { name: 'X', relation: 'neighbour' }, about: { dwellingId: dwelling.id } });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ rule: 'R-OV-03' });
    expect(await n()).toBe(before);
  });

  it('MZ-7: the hub checks whether an address has support without seeing the care file; a C4 report there opens a case the hub reads', async () => {
    await at('2026-04-23');
    const check = await hub.get('/api/v1/nuisance/hub/address-check?postcode=9009ZZ&houseNumber=1');
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ hasSupport: false, careProvider: null, openCase: null });
    const r = await hub.post('/api/v1/nuisance/reports', { channel: 'C4', nuisanceType: 'pollution', description: 'Afval op het balkon.', reporter: { name: 'Buurtbewoner', relation: 'neighbour' }, about: { address: { postcode: '9009 ZZ', houseNumber: 1, street: 'Proefweg', city: 'Veenhaven' } } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().case).toMatchObject({ hasSupport: false, status: 'received' });
    const ov = (await hub.get('/api/v1/nuisance/hub/overview')).json();
    expect(ov.totals.open).toBeGreaterThan(0);
  });

  it('400: a report with an unknown channel is refused as invalid input (problem+json, no 5xx)', async () => {
    const r = await cw.post('/api/v1/nuisance/reports', { channel: 'C9', nuisanceType: 'noise', description: 'x x x', reporter: { relation: 'neighbour' }, about: { trajectoryId } });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });
});

describe('New Chance (Annex 5)', () => {
  const address = { postcode: '9004 DA', houseNumber: 9, street: 'Schoolstraat', city: 'Veenhaven' };
  let ncId = '';
  const nc = (a: Agent, type: string, occurredOn: string, data: Record<string, unknown>) =>
    etag(a, `/api/v1/new-chance/${ncId}`).then((e) => a.post(`/api/v1/new-chance/${ncId}/events`, { type, occurredOn, data }, { 'if-match': e }));

  it('R-OV-48: a tenant of a corporation that is not on the AFWC list is not eligible; nothing is written', async () => {
    const n = async () => Number((await ctx.db.selectFrom('new_chance_cases').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await n();
    const r = await hub.post('/api/v1/new-chance', { corporationId: await orgId(ctx, 'WC-AMSTELPOORT'), residentName: 'T. Test', address, requestedBy: 'hub', seriousNuisance: true, careNotDeliverable: true });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ rule: 'R-OV-48' });
    expect(await n()).toBe(before);
  });

  it('R-OV-52 / R-OV-53 / R-OV-54: the corporation applies; KO finds it suitable; the home visit finds care cannot be delivered here', async () => {
    const r = await corp.post('/api/v1/new-chance', { corporationId: await orgId(ctx, 'WC-LINDE'), residentName: 'Karel Brouwer', address, requestedBy: 'corporation', seriousNuisance: true, careNotDeliverable: true });
    expect(r.statusCode, r.body).toBe(201);
    ncId = r.json().id;
    expect((await nc(hub, 'ko_decided', '2026-04-23', { suitable: true })).statusCode).toBe(201);
    expect((await nc(hub, 'home_visit_held', '2026-04-23', { careCannotBeDeliveredHere: true })).statusCode).toBe(201);
  });

  it('R-OV-49: a New Chance without the resident\'s willingness is refused at the GO', async () => {
    const before = Number((await ctx.db.selectFrom('new_chance_events').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', ncId).executeTakeFirstOrThrow()).n);
    const r = await nc(hub, 'go_decided', '2026-04-23', { suitable: true, residentWilling: false, residentAttended: false, careProviderId: await orgId(ctx, 'ZA-HORIZON'), move: true, termMonths: 3, housingNeeds: 'Benedenwoning', temporaryStay: false });
    expect(r.statusCode).toBe(422);
    expect(r.json().violations.map((v: { rule: string }) => v.rule).some((x: string) => ['R-OV-49', 'R-OV-55'].includes(x))).toBe(true);
    const after = Number((await ctx.db.selectFrom('new_chance_events').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', ncId).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
  });

  it('R-OV-57 / D-OV-11 / R-OV-64: the GO decides a move within 3 months; the letter grants it; Wonen reads it only then; the term is on the corporation\'s worklist', async () => {
    let wonen = await ctx.login('wonen');
    expect((await wonen.get(`/api/v1/new-chance/${ncId}`)).statusCode).toBe(403);
    expect((await nc(hub, 'resident_conversation', '2026-04-23', { willing: 'yes' })).statusCode).toBe(201);
    await at('2026-04-24');
    const go = await nc(hub, 'go_decided', '2026-04-24', { suitable: true, residentWilling: true, residentAttended: true, careProviderId: await orgId(ctx, 'ZA-HORIZON'), move: true, termMonths: 3, housingNeeds: 'Benedenwoning buiten het centrum', temporaryStay: false });
    expect(go.statusCode, go.body).toBe(201);
    const l = await hub.post(`/api/v1/new-chance/${ncId}/letter`, {}, { 'if-match': await etag(hub, `/api/v1/new-chance/${ncId}`) });
    expect(l.statusCode, l.body).toBe(201);
    wonen = await ctx.login('wonen');
    expect((await wonen.get(`/api/v1/new-chance/${ncId}`)).statusCode).toBe(200);
    const d = await ctx.db.selectFrom('deadlines').select(['rule_id', 'due_date', 'organisation_id']).where('case_kind', '=', 'new_chance').where('case_id', '=', ncId).where('rule_id', '=', 'D-OV-11').executeTakeFirstOrThrow();
    expect(d).toMatchObject({ due_date: '2026-07-24', organisation_id: await orgId(ctx, 'WC-LINDE') });
    const pdf = await hub.get(`/api/v1/nuisance/letters/${l.json().id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});
