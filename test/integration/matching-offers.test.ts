/**
 * Offers through HTTP on a real database: both offer models end to end on the demo regions
 * (Veenhaven OM-AMS, Bergstede OM-UTR), their deadlines in the shared table, the trajectory's steps
 * recorded through its own write path, and the refusals (rule IDs, nothing written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
let corp: Agent;
let cw: Agent;

const orgId = async (code: string) => (await ctx.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
async function switchTo(a: Agent, code: string) {
  const s = await a.get('/api/v1/auth/session');
  const m = (s.json().memberships as Array<{ id: string; organisationCode?: string; organisationId: string }>);
  const target = await orgId(code);
  const mm = m.find((x) => x.organisationId === target);
  expect(mm, `membership in ${code}`).toBeTruthy();
  const r = await a.put('/api/v1/auth/session/active-membership', { membershipId: mm!.id });
  expect(r.statusCode, r.body).toBeLessThan(300);
}
const etag = async (a: Agent, url: string) => (await a.get(url)).headers.etag as string;
async function step(a: Agent, id: string, type: string, data: Record<string, unknown>, occurredOn = '2026-03-02') {
  return a.post(`/api/v1/offers/${id}/events`, { type, occurredOn, data }, { 'if-match': await etag(a, `/api/v1/offers/${id}`) });
}

const DWELLING = {
  postcode: '9001 AB', houseNumber: 200, floor: 1, lift: false, facilities: ['Douche'], noise: 'LOW', defects: [], contact: { name: 'Joost Meijer', role: 'Wijkbeheerder' },
  lastNuisanceFileOn: null, liveability: 'OK', accessType: 'porch', rooms: 2, areaM2: 48, dwellingType: 'apartment', wheelchairSuitable: false, availableOn: '2026-03-02',
  pool: ['omslag_mobw_adult', 'omslag_mobw_family', 'omslag_young_adult'], rent: 640,
};

beforeAll(async () => {
  ctx = await startTestApp({ demoCases: true });
  corp = await ctx.login('corporatie');
  cw = await ctx.login('begeleider');
  await switchTo(corp, 'WC-LINDE');
  await switchTo(cw, 'ZA-HORIZON');
}, 120_000);
afterAll(async () => ctx?.close());

describe('OM-AMS (Veenhaven): the corporation offers a dwelling to a care provider, which nominates its own client', () => {
  let dwellingId: string;
  let offerId: string;

  it('R-MA-06: a dwelling without the required fields is refused with the rule and nothing is written', async () => {
    const before = await ctx.db.selectFrom('dwellings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { contact: _c, ...withoutContact } = DWELLING;
    const r = await corp.post('/api/v1/dwellings', { ...withoutContact, manualAddress: { street: 'Proefstraat', city: 'Veenhaven', municipalityId: await orgId('GEM-VEENHAVEN'), neighbourhoodCode: 'BU90010001' } });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const after = await ctx.db.selectFrom('dwellings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('the address service off: a clear message naming manual entry; manual entry registers the dwelling as unverified', async () => {
    const off = await corp.post('/api/v1/dwellings', DWELLING);
    expect(off.statusCode).toBe(422);
    expect(off.json()).toMatchObject({ code: 'address_off', rule: 'R-MA-06' });
    const r = await corp.post('/api/v1/dwellings', { ...DWELLING, manualAddress: { street: 'Proefstraat', city: 'Veenhaven', municipalityId: await orgId('GEM-VEENHAVEN'), neighbourhoodCode: 'BU90010001', neighbourhoodName: 'Kerkbuurt' } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'available', offerable: true, address: { verified: false, postcode: '9001AB', neighbourhoodCode: 'BU90010001' }, lastNuisanceFileOn: null });
    dwellingId = r.json().id;
  });

  it('R-MA-07 / HC-01: a dwelling with a nuisance file of 2025-06-01 cannot be offered on 2026-03-02; the others see only "not offerable"', async () => {
    const r = await corp.post('/api/v1/dwellings', { ...DWELLING, houseNumber: 201, lastNuisanceFileOn: '2025-06-01', manualAddress: { street: 'Proefstraat', city: 'Veenhaven', municipalityId: await orgId('GEM-VEENHAVEN'), neighbourhoodCode: 'BU90010001' } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ offerable: false, offerableFrom: '2026-06-01', lastNuisanceFileOn: '2025-06-01' });
    const o = await corp.post('/api/v1/offers', { dwellingId: r.json().id, careProviderId: await orgId('ZA-HORIZON'), leaseType: 'intermediary' });
    expect(o.statusCode).toBe(422);
    expect(o.json()).toMatchObject({ rule: 'R-MA-07', code: 'not_offerable' });
    expect(await ctx.db.selectFrom('offers').select('id').where('dwelling_id', '=', r.json().id).execute()).toEqual([]);
    const wonen = await ctx.login('wonen');
    const seen = await wonen.get(`/api/v1/dwellings/${r.json().id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().offerable).toBe(false);
    expect(seen.json()).not.toHaveProperty('lastNuisanceFileOn');
  });

  it('R-MA-10 / R-MA-41 / D-02: the corporation offers actively (lease type and extra clauses recorded); the offer puts "reply within one working day" on the care provider\'s worklist', async () => {
    const o = await corp.post('/api/v1/offers', { dwellingId, careProviderId: await orgId('ZA-HORIZON'), leaseType: 'intermediary', extraClauses: ['Geen huisdieren'] });
    expect(o.statusCode, o.body).toBe(201);
    offerId = o.json().id;
    expect(o.json()).toMatchObject({ status: 'offered', model: 'OM-AMS', leaseType: 'intermediary', extraClauses: ['Geen huisdieren'] });
    const d = await ctx.db.selectFrom('deadlines').selectAll().where('case_kind', '=', 'offer').where('case_id', '=', offerId).execute();
    expect(d.map((x) => [x.rule_id, x.start_date, x.due_date, x.organisation_id])).toEqual([['D-02', '2026-03-02', '2026-03-03', await orgId('ZA-HORIZON')]]);
    const list = await cw.get('/api/v1/offers');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().map((x: { id: string }) => x.id)).toContain(offerId);
    // On the worklist and the home queue of the care provider (the same decision as the offer's detail); not on another care provider's.
    const wl = await cw.get('/api/v1/worklist');
    expect(wl.statusCode, wl.body).toBe(200);
    expect(wl.json().items.filter((i: { caseId: string }) => i.caseId === offerId).map((i: { ruleId: string; caseKind: string; due: string }) => [i.ruleId, i.caseKind])).toEqual([['D-02', 'offer']]);
    const home = await cw.get('/api/v1/home');
    expect(home.statusCode, home.body).toBe(200);
    expect(JSON.stringify(home.json())).toContain(offerId);
    const other = await ctx.login('begeleider');
    await switchTo(other, 'ZA-ONDERDAK');
    const wlOther = await other.get('/api/v1/worklist');
    expect(wlOther.json().items.filter((i: { caseId: string }) => i.caseId === offerId)).toEqual([]);
    expect((await other.get(`/api/v1/offers/${offerId}`)).statusCode).toBe(403);
  });

  it('R-MA-11: the care provider sees its own clients ranked for the dwelling, with the explanation in words', async () => {
    const r = await cw.get(`/api/v1/offers/${offerId}/candidates`);
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json().candidates as Array<{ rank: number; score: number; explanation: unknown; careProvider: string }>;
    expect(c.length).toBeGreaterThan(0);
    expect(c.map((x) => x.rank)).toEqual(c.map((_, i) => i + 1));
    expect(new Set(c.map((x) => x.careProvider))).toEqual(new Set(['Zorggroep Horizon']));
    expect(JSON.stringify((c[0]!.explanation as { sentences: string[] }).sentences)).not.toMatch(/\b(HC|SP)-\d\d\b/);
  });

  it('R-MA-05: the corporation cannot reply for the care provider (403, nothing written)', async () => {
    const r = await step(corp, offerId, 'replied', { reply: 'accept' });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ rule: 'R-MA-05' });
  });

  it('R-MA-13 / R-MA-16 / R-MA-18: nomination, client informed, final match — recorded on the trajectory through its own write path', async () => {
    const r = await cw.get(`/api/v1/offers/${offerId}/candidates`);
    const ranked = r.json().candidates as Array<{ trajectoryId: string; rank: number; name: string }>;
    expect(ranked.map((c) => c.name)).not.toContain('Chantal Wouters'); // her hand-recorded offer is still open (one offer at a time)
    // R-MA-11: nominating another client than the first needs a reason (nothing written without it).
    const second = await step(cw, offerId, 'replied', { reply: 'accept', trajectoryId: ranked[1]!.trajectoryId });
    expect(second.statusCode).toBe(422);
    expect(second.json()).toMatchObject({ rule: 'R-MA-11' });
    const chosen = ranked[0]!.trajectoryId;
    const reply = await step(cw, offerId, 'replied', { reply: 'accept', trajectoryId: chosen });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().status).toBe('accepted');
    // The ranking the care provider chose from is kept, with the rank it chose (tuning signal: rank 1 chosen).
    const kept = await ctx.db.selectFrom('proposals').select(['model', 'chosen_trajectory_id', 'chosen_rank']).where('dwelling_id', '=', dwellingId).executeTakeFirstOrThrow();
    expect(kept).toEqual({ model: 'OM-AMS', chosen_trajectory_id: chosen, chosen_rank: 1 });
    const informed = await step(cw, offerId, 'client_informed', { choicesDiscussed: true });
    expect(informed.statusCode, informed.body).toBe(201);
    const final = await step(corp, offerId, 'match_final', { woningnetWithdrawn: true });
    expect(final.statusCode, final.body).toBe(201);
    expect(final.json().status).toBe('final');
    const events = await ctx.db.selectFrom('trajectory_events').select(['type', 'occurred_on']).where('trajectory_id', '=', chosen).orderBy('seq').execute();
    expect(events.slice(-4).map((e) => e.type)).toEqual(['offer_received', 'offer_replied', 'client_informed', 'match_final']);
    const t = await ctx.db.selectFrom('trajectories').select(['dwelling_municipality_id', 'corporation_id']).where('id', '=', chosen).executeTakeFirstOrThrow();
    expect(t).toEqual({ dwelling_municipality_id: await orgId('GEM-VEENHAVEN'), corporation_id: await orgId('WC-LINDE') });
    const dw = await ctx.db.selectFrom('dwellings').select(['status', 'woningnet_withdrawn_on']).where('id', '=', dwellingId).executeTakeFirstOrThrow();
    expect(dw).toEqual({ status: 'let', woningnet_withdrawn_on: '2026-03-02' });
    // D-02…D-05 are the offer's: the trajectory derives none of its own for this offer.
    const trajectoryOfferDeadlines = await ctx.db.selectFrom('deadlines').select('rule_id').where('case_kind', '=', 'trajectory').where('case_id', '=', chosen).where('rule_id', 'in', ['D-02', 'D-03', 'D-04', 'D-05']).execute();
    expect(trajectoryOfferDeadlines).toEqual([]);
    const offerDeadlines = await ctx.db.selectFrom('deadlines').select(['rule_id', 'met_on']).where('case_kind', '=', 'offer').where('case_id', '=', offerId).orderBy('rule_id').execute();
    expect(offerDeadlines).toEqual([{ rule_id: 'D-02', met_on: '2026-03-02' }, { rule_id: 'D-05', met_on: '2026-03-02' }]);
  });

  it('a step after the offer ended is refused with the rule and nothing is written', async () => {
    const before = await ctx.db.selectFrom('offer_events').select('id').where('offer_id', '=', offerId).execute();
    const r = await step(corp, offerId, 'withdrawn', { reason: 'te laat' });
    expect(r.statusCode).toBe(422);
    expect(r.json().rule).toBeTruthy();
    expect(await ctx.db.selectFrom('offer_events').select('id').where('offer_id', '=', offerId).execute()).toHaveLength(before.length);
  });
});

describe('OM-UTR (Bergstede): the platform proposes three candidates, the corporation chooses', () => {
  let offerId: string;

  it('R-MA-01 / R-MA-11: the proposal of the demo dwelling lists three eligible candidates with the explanation; the corporation sees no care data', async () => {
    await switchTo(corp, 'WC-BERGSTEDE');
    const list = await corp.get('/api/v1/offers');
    expect(list.statusCode, list.body).toBe(200);
    const proposed = list.json().find((o: { status: string; model: string }) => o.status === 'proposed' && o.model === 'OM-UTR');
    expect(proposed).toBeTruthy();
    offerId = proposed.id;
    const o = await corp.get(`/api/v1/offers/${offerId}`);
    expect(o.statusCode, o.body).toBe(200);
    const cands = o.json().proposal.candidates as Array<{ rank: number; score: number; name: string }>;
    expect(cands.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(o.json().extraClauses).toEqual(['Geen open vuur of brandende kaarsen']);
    expect(o.body).not.toMatch(/careNeeded|care_needed|Ambulante begeleiding/);
  });

  it('R-MA-11: choosing number 2 without a reason is refused; with a reason it is recorded with the rank; the same version twice gives 412', async () => {
    const o = (await corp.get(`/api/v1/offers/${offerId}`)).json();
    const second = o.proposal.candidates[1].trajectoryId;
    const tag = await etag(corp, `/api/v1/offers/${offerId}`);
    const noReason = await corp.post(`/api/v1/offers/${offerId}/events`, { type: 'candidate_chosen', occurredOn: '2026-03-02', data: { trajectoryId: second, rank: 2 } }, { 'if-match': tag });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ rule: 'R-MA-11' });
    const ok = await corp.post(`/api/v1/offers/${offerId}/events`, { type: 'candidate_chosen', occurredOn: '2026-03-02', data: { trajectoryId: second, rank: 2, reason: 'Dicht bij het werk van de cliënt' } }, { 'if-match': tag });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await corp.post(`/api/v1/offers/${offerId}/events`, { type: 'candidate_chosen', occurredOn: '2026-03-02', data: { trajectoryId: second, rank: 2, reason: 'x' } }, { 'if-match': tag });
    expect(again.statusCode).toBe(412);
    const p = await ctx.db.selectFrom('proposals').select(['chosen_trajectory_id', 'chosen_rank', 'choice_reason']).where('id', '=', o.proposal.id).executeTakeFirstOrThrow();
    expect(p).toEqual({ chosen_trajectory_id: second, chosen_rank: 2, choice_reason: 'Dicht bij het werk van de cliënt' });
    const d = await ctx.db.selectFrom('deadlines').select(['rule_id', 'due_date']).where('case_kind', '=', 'offer').where('case_id', '=', offerId).orderBy('rule_id').execute();
    expect(d).toEqual([{ rule_id: 'D-02', due_date: '2026-03-03' }, { rule_id: 'D-05', due_date: '2026-03-09' }]);
  });

  it('R-MA-17: the client refuses the one-time offer: recorded, no second offer, a case review for the care provider and Wonen', async () => {
    await switchTo(cw, 'ZA-VIERDEHUIS');
    expect((await step(cw, offerId, 'replied', { reply: 'accept' })).statusCode).toBe(201);
    expect((await step(cw, offerId, 'client_informed', { choicesDiscussed: true })).statusCode).toBe(201);
    const r = await step(cw, offerId, 'client_refused', { reasons: 'Wil niet zo ver van haar dochter wonen' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().status).toBe('client_refused');
    const wonen = await ctx.login('wonen');
    const wl = await wonen.get('/api/v1/worklist');
    expect(wl.json().items.filter((i: { caseId: string }) => i.caseId === offerId)).toEqual([]); // Veenhaven's Wonen: not Bergstede's offer
    const review = await ctx.db.selectFrom('deadlines').select(['rule_id', 'actor_kinds', 'met_on']).where('case_kind', '=', 'offer').where('case_id', '=', offerId).where('rule_id', '=', 'R-MA-17').executeTakeFirstOrThrow();
    expect(review).toEqual({ rule_id: 'R-MA-17', actor_kinds: ['care_provider', 'wonen'], met_on: null });
    const dwelling = await ctx.db.selectFrom('offers as o').innerJoin('dwellings as d', 'd.id', 'o.dwelling_id').select('d.status').where('o.id', '=', offerId).executeTakeFirstOrThrow();
    expect(dwelling.status).toBe('available');
    const open = await ctx.db.selectFrom('offers').select('id').where('status', 'not in', ['final', 'declined', 'refused', 'client_refused', 'withdrawn']).where('dwelling_id', '=', (await ctx.db.selectFrom('offers').select('dwelling_id').where('id', '=', offerId).executeTakeFirstOrThrow()).dwelling_id).execute();
    expect(open).toEqual([]);
  });
});

describe('reading candidates in wait order', () => {
  it('R-MA-11 / §5.1 step 4: reading in small batches and stopping early proposes exactly what reading every candidate proposes', async () => {
    const { rankedCandidates } = await import('../../src/modules/matching/proposal.ts');
    const bergstede = await orgId('GEM-BERGSTEDE');
    const dwellings = await ctx.db.selectFrom('dwellings').selectAll().where('municipality_id', '=', bergstede).execute();
    expect(dwellings.length).toBeGreaterThan(1);
    for (const d of dwellings) {
      const all = await rankedCandidates(ctx.db, d, { offerDate: '2026-03-02', forCorporation: true, today: '2026-03-02', batch: 1000 });
      for (const batch of [1, 2, 3]) {
        const early = await rankedCandidates(ctx.db, d, { offerDate: '2026-03-02', forCorporation: true, today: '2026-03-02', batch });
        expect(early.proposal.proposed, `${d.reference} batch ${batch}`).toEqual(all.proposal.proposed);
        expect(early.candidates.length).toBeLessThanOrEqual(all.candidates.length);
      }
    }
  });
});

describe('every list is the detail\'s decision', () => {
  it('offers and dwellings: for every demo role and organisation, each listed item\'s detail answers 200, and no one lists an offer it cannot read', async () => {
    const people = ['begeleider', 'collega', 'teammanager', 'onafhankelijk', 'corporatie', 'wonen', 'mzwo', 'analist', 'beheerder', 'redacteur', 'admin'];
    const allOffers = await ctx.db.selectFrom('offers').select('id').execute();
    for (const who of people) {
      const a = await ctx.login(who);
      const memberships = (await a.get('/api/v1/auth/session')).json().memberships as Array<{ id: string }>;
      for (const m of memberships) {
        await a.put('/api/v1/auth/session/active-membership', { membershipId: m.id });
        const list = await a.get('/api/v1/offers?status=all');
        const listed = list.statusCode === 200 ? (list.json() as Array<{ id: string }>).map((o) => o.id) : [];
        for (const id of listed) expect((await a.get(`/api/v1/offers/${id}`)).statusCode, `${who} ${m.id} offer ${id}`).toBe(200);
        for (const o of allOffers.filter((x) => !listed.includes(x.id))) {
          expect((await a.get(`/api/v1/offers/${o.id}`)).statusCode, `${who} ${m.id} unlisted offer ${o.id}`).not.toBe(200);
        }
        const dw = await a.get('/api/v1/dwellings');
        const dIds = dw.statusCode === 200 ? (dw.json() as Array<{ id: string }>).map((d) => d.id) : [];
        for (const id of dIds.slice(0, 10)) expect((await a.get(`/api/v1/dwellings/${id}`)).statusCode, `${who} dwelling ${id}`).toBe(200);
      }
    }
  });
});
