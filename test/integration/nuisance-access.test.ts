/**
 * Who reads which nuisance and New Chance case, through HTTP on the demo data (overlast.md, the
 * MZWO covenant): the care provider its residents' cases, the corporation its dwellings' cases
 * without the reporters' identities of reports it did not make and without the hearing and the
 * judgement (R-OV-68), the hub (MZWO) a case only once it is reported to it (R-OV-24), the hub of
 * another municipality, another care provider and another corporation never; every read of a case
 * is audited with its purpose; the list returns exactly the cases whose detail may be read; a New
 * Chance is shared with Wonen once granted (R-OV-64).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, orgId, startTestApp, userId, type Agent, type TestContext } from '../support/harness.ts';
import { otherMunicipality } from '../support/case-builder.ts';

let ctx: TestContext;
let otherHubEmail: string;

interface Report { id: string; channel: string; reporter: { name?: string | null; relation: string }; judgement?: unknown; heardOn?: unknown }
interface CaseView { id: string; version: number; reports: Report[]; events: Array<{ type: string; data: Record<string, unknown> }>; timeout?: unknown; replacement?: unknown; reviewFlag?: unknown; hub: { involved: boolean } | null }

const allCaseIds = async () => (await ctx.db.selectFrom('nuisance_cases').select('id').orderBy('id').execute()).map((r) => r.id);

async function listIds(agent: Agent, url = '/api/v1/nuisance/cases?status=all'): Promise<string[] | 'denied'> {
  const res = await agent.get(url);
  if (res.statusCode === 403) return 'denied';
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Array<{ id: string }>).map((c) => c.id).sort();
}

async function readableIds(agent: Agent, ids: string[], base = '/api/v1/nuisance/cases'): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const res = await agent.get(`${base}/${id}`);
    expect([200, 403], `${base}/${id}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    if (res.statusCode === 200) out.push(id);
  }
  return out.sort();
}

/** A demo nuisance case by its address (the demo seeds them by street). */
async function caseAt(street: string) {
  return ctx.db.selectFrom('nuisance_cases').selectAll().where('address', 'like', `${street}%`).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  ctx = await startTestApp({ demoCases: true });
  // Another municipality with its own hub and hub officer (the demo has one hub only).
  const { municipalityId } = await otherMunicipality(ctx);
  const now = ctx.clock.now();
  const hub = await ctx.db.insertInto('organisations').values({
    code: 'MZWO-DIJKSTAD', name: 'Meldpunt Zorg en Woonoverlast Dijkstad', type: 'nuisance_hub', parent_id: municipalityId, region_id: null, municipality_code: null, contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const demo = await ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'mzwo@demo.thuisroute.nl').executeTakeFirstOrThrow();
  otherHubEmail = 'mzwo@dijkstad.example';
  const u = await ctx.db.insertInto('users').values({ email: otherHubEmail, name: 'Meldpunt Dijkstad', password_hash: demo.password_hash, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ user_id: u.id, organisation_id: hub.id, role: 'nuisance_hub_officer', starts_on: '2020-01-01', created_at: now, updated_at: now }).execute();
  ctx.server.app.scopes.invalidate();
});
afterAll(async () => ctx?.close());

describe('nuisance cases: who reads which case', () => {
  it('the demo has nuisance cases, some reported to the hub and some not', async () => {
    const rows = await ctx.db.selectFrom('nuisance_cases').select(['id', 'hub_involved']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.hub_involved)).toBe(true);
    expect(rows.some((r) => !r.hub_involved)).toBe(true);
  });

  it('R-OV-24: the hub reads exactly the cases reported to it; before a report to it: 403 and absent from the list', async () => {
    const hub = await ctx.login('mzwo');
    const hubId = await orgId(ctx, 'MZWO-VEENHAVEN');
    const involved = (await ctx.db.selectFrom('nuisance_cases').select('id').where('hub_involved', '=', true).where('hub_id', '=', hubId).execute()).map((r) => r.id).sort();
    expect(await listIds(hub)).toEqual(involved);
    expect(await readableIds(hub, await allCaseIds())).toEqual(involved);

    // A first complaint at the care provider's reporting point: not reported to the hub.
    const first = await caseAt('Turfmarkt');
    expect(first.hub_involved).toBe(false);
    expect((await hub.get(`/api/v1/nuisance/cases/${first.id}`)).statusCode).toBe(403);
    expect(await listIds(hub)).not.toContain(first.id);

    // A neighbour reports the same address to the hub (C4): the report is proposed for the open case, without its reports.
    const report = { channel: 'C4', nuisanceType: 'noise', description: 'Opnieuw harde muziek in de nacht.', reporter: { name: 'K. Buur', relation: 'neighbour' }, about: { address: { postcode: '9001 AA', houseNumber: 3 } } };
    const proposed = await hub.post('/api/v1/nuisance/reports', report);
    expect(proposed.statusCode, proposed.body).toBe(409);
    expect(proposed.json().proposedCaseId).toBe(first.id);
    expect(proposed.json().earlierReports).toEqual([]);
    const linked = await hub.post('/api/v1/nuisance/reports', { ...report, caseId: first.id });
    expect(linked.statusCode, linked.body).toBe(201);

    // Now reported to it: the hub reads it, in the list and in detail.
    const detail = await hub.get(`/api/v1/nuisance/cases/${first.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect((detail.json() as CaseView).hub?.involved).toBe(true);
    expect(await listIds(hub)).toContain(first.id);
  });

  it('R-OV-24: the hub of another municipality never reads a Veenhaven case, reported to a hub or not', async () => {
    const other = await ctx.login(otherHubEmail);
    expect(await listIds(other)).toEqual([]);
    expect(await readableIds(other, await allCaseIds())).toEqual([]);
    expect(await listIds(other, '/api/v1/new-chance?status=all')).toEqual([]);
  });

  it('R-OV-68: the corporation reads its dwellings\' cases, never the reporter of a report it did not make, never the hearing or the judgement', async () => {
    const corp = await ctx.login('corporatie');
    const linde = await orgId(ctx, 'WC-LINDE');
    const own = (await ctx.db.selectFrom('nuisance_cases').select('id').where('corporation_id', '=', linde).execute()).map((r) => r.id).sort();
    expect(own.length).toBeGreaterThan(0);
    expect(await listIds(corp)).toEqual(own);
    expect(await readableIds(corp, await allCaseIds())).toEqual(own);

    let othersReports = 0;
    let ownReports = 0;
    for (const id of own) {
      const view = (await corp.get(`/api/v1/nuisance/cases/${id}`)).json() as CaseView;
      const rows = await ctx.db.selectFrom('nuisance_reports').select(['id', 'reported_by_organisation_id', 'reporter_name']).where('case_id', '=', id).execute();
      for (const r of view.reports) {
        const row = rows.find((x) => x.id === r.id)!;
        if (row.reported_by_organisation_id === linde) {
          ownReports++;
          expect(r.reporter.name).toBe(row.reporter_name);
        } else {
          othersReports++;
          expect(Object.keys(r.reporter)).toEqual(['relation']);
          if (row.reporter_name) expect(JSON.stringify(view)).not.toContain(row.reporter_name);
        }
        expect(r).not.toHaveProperty('judgement');
        expect(r).not.toHaveProperty('heardOn');
      }
      for (const e of view.events) {
        if (e.type === 'hearing_held' || e.type === 'judged') expect(e.data).toEqual({});
        expect(e.data).not.toHaveProperty('note');
        expect(e.data).not.toHaveProperty('behaviour');
      }
      expect(view).not.toHaveProperty('timeout');
      expect(view).not.toHaveProperty('replacement');
      expect(view).not.toHaveProperty('reviewFlag');
    }
    expect(othersReports).toBeGreaterThan(0);
    expect(ownReports).toBeGreaterThan(0);
  });

  it('R-OV-68: another care provider and another corporation never read a case', async () => {
    const cw = await actFor(await ctx.login('begeleider'), 'ZA-ONDERDAK');
    expect(await listIds(cw)).toEqual([]);
    expect(await readableIds(cw, await allCaseIds())).toEqual([]);
    const bergstede = await actFor(await ctx.login('corporatie'), 'WC-BERGSTEDE');
    expect(await listIds(bergstede)).toEqual([]);
    expect(await readableIds(bergstede, await allCaseIds())).toEqual([]);
    const vierdeHuis = await actFor(await ctx.login('begeleider'), 'ZA-VIERDEHUIS');
    expect(await readableIds(vierdeHuis, await allCaseIds())).toEqual([]);
  });

  it('PB-4 / PB-8: every read of a case detail writes an audit row with the reader\'s purpose', async () => {
    const c = await caseAt('Dagpauwoogstraat');
    expect(c.hub_involved).toBe(true);
    const readers: Array<[string, string]> = [['begeleider', 'case_management'], ['corporatie', 'PB-4'], ['mzwo', 'PB-8']];
    for (const [who, purpose] of readers) {
      const agent = await ctx.login(who);
      const actor = await userId(ctx, who);
      const last = (await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
      expect((await agent.get(`/api/v1/nuisance/cases/${c.id}`)).statusCode).toBe(200);
      expect((await agent.get(`/api/v1/nuisance/cases/${c.id}`)).statusCode).toBe(200);
      const rows = await ctx.db.selectFrom('audit_log').select(['purpose', 'outcome', 'resource_type', 'resource_id', 'actor_user_id']).where('seq', '>', last).where('action', '=', 'nuisance_case.read').orderBy('seq').execute();
      expect(rows.map((a) => [a.actor_user_id, a.resource_id, a.purpose, a.outcome, a.resource_type]), who)
        .toEqual([[actor, c.id, purpose, 'success', 'nuisance_case'], [actor, c.id, purpose, 'success', 'nuisance_case']]);
    }
  });

  it('list = detail: for each demo role the list returns exactly the cases whose detail it may read', async () => {
    const ids = await allCaseIds();
    const who: Array<[string, string | null]> = [
      ['begeleider', null], ['begeleider', 'ZA-ONDERDAK'], ['teammanager', null], ['onafhankelijk', null], ['corporatie', null], ['corporatie', 'WC-BERGSTEDE'],
      ['wonen', null], ['mzwo', null], ['analist', null], ['beheerder', null], ['admin', null], ['redacteur', null], [otherHubEmail, null],
    ];
    for (const [user, org] of who) {
      const agent = org ? await actFor(await ctx.login(user), org) : await ctx.login(user);
      const list = await listIds(agent);
      const readable = await readableIds(agent, ids);
      expect(list === 'denied' ? [] : list, `${user}${org ? ` (${org})` : ''}`).toEqual(readable);
      const ncIds = (await ctx.db.selectFrom('new_chance_cases').select('id').execute()).map((r) => r.id);
      const ncList = await listIds(agent, '/api/v1/new-chance?status=all');
      expect(ncList === 'denied' ? [] : ncList, `${user} new chance`).toEqual(await readableIds(agent, ncIds, '/api/v1/new-chance'));
    }
  });

  it('MZ-7: the hub checks whether an address has support without the care file', async () => {
    const hub = await ctx.login('mzwo');
    const res = await hub.get('/api/v1/nuisance/hub/address-check?postcode=9001AA&houseNumber=3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['address', 'careProvider', 'corporation', 'hasSupport', 'knownDwelling', 'openCase'].sort());
    expect(JSON.stringify(body)).not.toMatch(/trajectory|client|resident/i);
    // The check is the hub's: a care provider is refused.
    expect((await (await ctx.login('begeleider')).get('/api/v1/nuisance/hub/address-check?postcode=9001AA&houseNumber=3')).statusCode).toBe(403);
  });
});

describe('New Chance: shared with Wonen once granted', () => {
  it('R-OV-64: before the grant Wonen and the chosen care provider get 403 and do not list it; after the New Chance letter both read it', async () => {
    const nk = await ctx.db.selectFrom('new_chance_cases').selectAll().executeTakeFirstOrThrow();
    expect(nk.granted_on).toBeNull();
    const wonen = await ctx.login('wonen');
    const cw = await ctx.login('begeleider');
    const hub = await ctx.login('mzwo');
    expect((await wonen.get(`/api/v1/new-chance/${nk.id}`)).statusCode).toBe(403);
    expect(await listIds(wonen, '/api/v1/new-chance?status=all')).not.toContain(nk.id);
    expect((await cw.get(`/api/v1/new-chance/${nk.id}`)).statusCode).toBe(403);
    // The corporation (applicant) and the hub are at the table from the start.
    expect((await (await ctx.login('corporatie')).get(`/api/v1/new-chance/${nk.id}`)).statusCode).toBe(200);

    const read = await hub.get(`/api/v1/new-chance/${nk.id}`);
    expect(read.statusCode).toBe(200);
    const letter = await hub.post(`/api/v1/new-chance/${nk.id}/letter`, {}, { 'if-match': read.headers.etag as string });
    expect(letter.statusCode, letter.body).toBe(201);

    const after = await wonen.get(`/api/v1/new-chance/${nk.id}`);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().granted).toBe(true);
    expect(await listIds(wonen, '/api/v1/new-chance?status=all')).toContain(nk.id);
    expect((await cw.get(`/api/v1/new-chance/${nk.id}`)).statusCode).toBe(200);
    const audit = await ctx.db.selectFrom('audit_log').select(['purpose']).where('actor_user_id', '=', await userId(ctx, 'wonen')).where('action', '=', 'new_chance.read').where('resource_id', '=', nk.id).where('outcome', '=', 'success').execute();
    expect(audit.map((a) => a.purpose)).toContain('PB-8');
  });
});
