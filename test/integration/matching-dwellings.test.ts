/**
 * Dwellings with official addresses (BAG through a local Locatieserver stand-in), the CSV upload,
 * the housing-need profile per party, and the configuration with its replay — through HTTP on a
 * real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { startLocatieserver, type LocatieserverStub } from '../support/locatieserver.ts';

let ctx: TestContext;
let ls: LocatieserverStub;
let corp: Agent;
let cw: Agent;

const orgId = async (code: string) => (await ctx.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
async function switchTo(a: Agent, code: string) {
  const s = (await a.get('/api/v1/auth/session')).json();
  const target = await orgId(code);
  const m = (s.memberships as Array<{ id: string; organisationId: string }>).find((x) => x.organisationId === target)!;
  expect((await a.put('/api/v1/auth/session/active-membership', { membershipId: m.id })).statusCode).toBe(200);
}
const count = async (table: 'dwellings' | 'housing_profiles' | 'matching_configs') => Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const BODY = {
  floor: 2, lift: true, facilities: ['Balkon'], noise: 'LOW', defects: [], contact: { name: 'Joost Meijer', role: 'Wijkbeheerder', phone: '020 123 4567' },
  lastNuisanceFileOn: null, liveability: 'OK', accessType: 'porch', rooms: 2, areaM2: 50, dwellingType: 'apartment', wheelchairSuitable: false, availableOn: '2026-03-10',
  pool: ['omslag_mobw_adult'], rent: 650,
};

beforeAll(async () => {
  ls = await startLocatieserver();
  ctx = await startTestApp({ demoCases: true, bagLocatieserverUrl: ls.url });
  corp = await ctx.login('corporatie');
  cw = await ctx.login('begeleider');
  await switchTo(corp, 'WC-LINDE');
  await switchTo(cw, 'ZA-HORIZON');
}, 120_000);
afterAll(async () => {
  await ctx?.close();
  await ls?.close();
});

describe('official addresses (BAG through the Locatieserver)', () => {
  it('F-D-10: a known address is stored verified with its BAG ids and neighbourhood, district and municipality codes; the municipality follows the address', async () => {
    ls.setMode('ok');
    const r = await corp.post('/api/v1/dwellings', { ...BODY, postcode: '9001 AA', houseNumber: 3 });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      municipalityId: await orgId('GEM-VEENHAVEN'),
      address: { street: 'Turfmarkt', city: 'Veenhaven', verified: true, bagAddressId: '9001200000000001', bagObjectId: '9001010000000001', municipalityCode: 'GM9001', neighbourhoodCode: 'BU90010000', districtCode: 'WK900100' },
    });
  });

  it('R-MA-06: an address the BAG does not know is refused with the rule and a message that names manual entry; nothing is written', async () => {
    const before = await count('dwellings');
    const r = await corp.post('/api/v1/dwellings', { ...BODY, postcode: '9001AA', houseNumber: 999 });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'address_not_found', rule: 'R-MA-06' });
    expect(r.json().detail).toMatch(/BAG/);
    expect(await count('dwellings')).toBe(before);
  });

  it('R-MA-06: several addresses at one number ask for the letter or addition', async () => {
    const r = await corp.post('/api/v1/dwellings', { ...BODY, postcode: '9002BC', houseNumber: 27 });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'address_ambiguous', rule: 'R-MA-06' });
    expect(r.json().candidates.map((c: { addition: string }) => c.addition).sort()).toEqual(['1', '2']);
  });

  it('the address service not answering: a clear message; manual entry still works and is marked unverified', async () => {
    ls.setMode('error');
    try {
      const before = await count('dwellings');
      const r = await corp.post('/api/v1/dwellings', { ...BODY, postcode: '9001AB', houseNumber: 14 });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'address_unavailable', rule: 'R-MA-06' });
      expect(r.json().detail).toMatch(/handmatig/);
      expect(await count('dwellings')).toBe(before);
      const manual = await corp.post('/api/v1/dwellings', { ...BODY, postcode: '9001AB', houseNumber: 14, manualAddress: { street: 'Kerkgracht', city: 'Veenhaven', municipalityId: await orgId('GEM-VEENHAVEN'), neighbourhoodCode: 'BU90010001' } });
      expect(manual.statusCode, manual.body).toBe(201);
      expect(manual.json().address).toMatchObject({ verified: false, bagAddressId: null, neighbourhoodCode: 'BU90010001' });
    } finally {
      ls.setMode('ok');
    }
  });

  it('a care worker may not register a dwelling (403), and the corporation\'s dwelling list is its own', async () => {
    expect((await cw.post('/api/v1/dwellings', { ...BODY, postcode: '9005EB', houseNumber: 61 })).statusCode).toBe(403);
    const list = await corp.get('/api/v1/dwellings');
    expect(list.statusCode).toBe(200);
    const linde = await orgId('WC-LINDE');
    expect(list.json().length).toBeGreaterThan(0);
    expect(list.json().every((d: { corporationId: string }) => d.corporationId === linde)).toBe(true);
    const byNeighbourhood = await corp.get('/api/v1/dwellings?neighbourhood=BU90010000');
    expect(byNeighbourhood.json().map((d: { address: { neighbourhoodCode: string } }) => d.address.neighbourhoodCode)).toEqual(['BU90010000']);
  });

  it('R-MA-09: a dwelling declared unsuitable carries its argument; without one it is refused', async () => {
    const d = (await corp.get('/api/v1/dwellings?neighbourhood=BU90010000')).json()[0];
    const tag = `"${d.version}"`;
    const bad = await corp.post(`/api/v1/dwellings/${d.id}/unsuitable`, { reasonCode: 'CONCENTRATION' }, { 'if-match': tag });
    expect(bad.statusCode).toBe(400);
    const ok = await corp.post(`/api/v1/dwellings/${d.id}/unsuitable`, { reasonCode: 'CONCENTRATION', reason: 'Drie plaatsingen in dezelfde portiek' }, { 'if-match': tag });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'unsuitable', unsuitable: { reasonCode: 'CONCENTRATION', reason: 'Drie plaatsingen in dezelfde portiek' } });
  });
});

describe('CSV upload of dwellings', () => {
  const header = 'postcode,house_number,house_letter,addition,floor,lift,facilities,noise,defects,contact_name,contact_role,last_nuisance_file_on,liveability,access_type,rooms,area_m2,dwelling_type,wheelchair_suitable,available_on,pool,rent';
  const row = (pc: string, nr: number, extra: Partial<Record<string, string>> = {}) => {
    const v = { postcode: pc, house_number: String(nr), house_letter: '', addition: '', floor: '1', lift: 'nee', facilities: 'Douche|Berging', noise: 'LOW', defects: '', contact_name: 'Joost Meijer', contact_role: 'Wijkbeheerder', last_nuisance_file_on: '', liveability: 'OK', access_type: 'porch', rooms: '2', area_m2: '48,5', dwelling_type: 'apartment', wheelchair_suitable: 'nee', available_on: '2026-03-20', pool: 'omslag_mobw_adult|omslag_young_adult', rent: '610', ...extra };
    return header.split(',').map((k) => v[k as keyof typeof v] ?? '').map((x) => (x.includes(',') ? `"${x}"` : x)).join(',');
  };

  it('all-or-nothing: one bad row rejects the file with a reason per row, nothing is written', async () => {
    const before = await count('dwellings');
    const csv = [header, row('9002BD', 8), row('9006FD', 40, { rooms: 'twee', noise: 'LOUD' })].join('\n');
    const r = await corp.request('POST', '/api/v1/dwellings/import', csv, { 'content-type': 'text/csv' });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'import_rejected', rule: 'R-MA-06', accepted: 0 });
    const rows = new Set(r.json().rejections.map((x: { row: number }) => x.row));
    expect([...rows]).toEqual([3]);
    expect(await count('dwellings')).toBe(before);
  });

  it('a file whose addresses the BAG knows is accepted whole, every dwelling verified', async () => {
    const csv = [header, row('9002BD', 8), row('9006FD', 40)].join('\n');
    const r = await corp.request('POST', '/api/v1/dwellings/import', csv, { 'content-type': 'text/csv' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().accepted).toBe(2);
    const stored = await ctx.db.selectFrom('dwellings').select(['address_verified', 'area_m2', 'pool', 'neighbourhood_code']).where('id', 'in', r.json().ids).orderBy('postcode').execute();
    expect(stored.map((d) => [d.address_verified, Number(d.area_m2), d.pool, d.neighbourhood_code])).toEqual([
      [true, 48.5, ['omslag_mobw_adult', 'omslag_young_adult'], 'BU90010101'],
      [true, 48.5, ['omslag_mobw_adult', 'omslag_young_adult'], 'BU90010501'],
    ]);
  });

  it('an address the BAG does not know rejects the whole file with the row', async () => {
    const before = await count('dwellings');
    const r = await corp.request('POST', '/api/v1/dwellings/import', [header, row('9004DA', 5, { addition: 'H' }), row('9007GA', 777)].join('\n'), { 'content-type': 'text/csv' });
    expect(r.statusCode).toBe(422);
    expect(r.json().rejections).toEqual([expect.objectContaining({ row: 3, rule: 'R-MA-06' })]);
    expect(await count('dwellings')).toBe(before);
  });
});

describe('the housing-need profile (woonbehoefteprofiel)', () => {
  let clientId: string;

  it('R-MA-02: the care provider writes it with the client (If-Match "0" for a new one, 412 on a stale version)', async () => {
    const t = await ctx.db.selectFrom('trajectories as t').innerJoin('clients as c', 'c.id', 't.client_id').select('c.id').where('c.first_name', '=', 'Chantal').executeTakeFirstOrThrow();
    clientId = t.id;
    const body = {
      preferred: [{ code: 'BU90010200', name: 'Vlinderbuurt', reason: 'Dicht bij haar moeder (mantelzorg)' }], excluded: [{ code: 'BU90010500', name: 'Oude Haven', reason: 'Oude netwerk' }],
      circumstances: ['informal_carers_nearby'], schools: [], careNeeded: 'Begeleiding bij herstel na verslaving', avoidLiquorShop: true, lowStimulus: true, needsWheelchair: false, groundFloorOrLift: false,
      formVersionId: 'woonbehoefteprofiel-2020',
    };
    const created = await cw.put(`/api/v1/clients/${clientId}/housing-profile`, body, { 'if-match': '"0"' });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ version: 1, careNeeded: 'Begeleiding bij herstel na verslaving', avoidLiquorShop: true });
    const stale = await cw.put(`/api/v1/clients/${clientId}/housing-profile`, { ...body, lowStimulus: false }, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(412);
    const read = await cw.get(`/api/v1/clients/${clientId}/housing-profile`);
    expect(read.json()).toMatchObject({ lowStimulus: true, expectation: { offeredLast12Months: expect.any(Number), wouldHavePassed: expect.any(Number) } });
  });

  it('R-MA-25 / R-MA-26: the corporation sees the derived housing needs under matching, never the care needed or the reasons', async () => {
    const r = await corp.get(`/api/v1/clients/${clientId}/housing-profile`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ avoidLiquorShop: true, lowStimulus: true, preferred: [{ code: 'BU90010200', name: 'Vlinderbuurt' }] });
    expect(r.body).not.toMatch(/verslaving|mantelzorg|Oude netwerk/);
    expect(r.json()).not.toHaveProperty('careNeeded');
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'purpose']).where('action', '=', 'housing_profile.read').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    expect(audit?.purpose).toBe('PB-1');
  });

  it('the corporation cannot write it (403), and a care worker of another organisation cannot read it', async () => {
    expect((await corp.put(`/api/v1/clients/${clientId}/housing-profile`, { preferred: [], excluded: [], circumstances: [], schools: [], avoidLiquorShop: null, lowStimulus: null, needsWheelchair: null, groundFloorOrLift: null }, { 'if-match': '"1"' })).statusCode).toBe(403);
    const other = await ctx.login('begeleider');
    await switchTo(other, 'ZA-ONDERDAK');
    expect((await other.get(`/api/v1/clients/${clientId}/housing-profile`)).statusCode).toBe(403);
  });
});

describe('configuration and replay', () => {
  it('R-MA-01: Wonen writes a new version of its municipality\'s configuration; an invalid one is refused and nothing is written', async () => {
    const wonen = await ctx.login('wonen');
    const municipalityId = await orgId('GEM-VEENHAVEN');
    const cur = (await wonen.get(`/api/v1/matching/config?municipalityId=${municipalityId}`)).json();
    expect(cur.config.model).toBe('OM-AMS');
    const before = await count('matching_configs');
    const bad = await wonen.put('/api/v1/matching/config', { municipalityId, expectedVersion: cur.version, config: { proposalSize: -1 }, note: 'fout' });
    expect(bad.statusCode).toBe(400);
    expect(await count('matching_configs')).toBe(before);
    const ok = await wonen.put('/api/v1/matching/config', { municipalityId, expectedVersion: cur.version, config: { ...cur.config, liquorHard: false }, note: 'Drankwinkel als zachte eis' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: cur.version + 1, changes: [expect.objectContaining({ path: 'liquorHard' })] });
    const again = await wonen.put('/api/v1/matching/config', { municipalityId, expectedVersion: cur.version, config: cur.config, note: 'tegelijk' });
    expect(again.statusCode).toBe(412);
    // R-MA-26: with the municipality's setting the corporation also sees the care topics of the application form.
    const chantal = (await ctx.db.selectFrom('clients').select('id').where('first_name', '=', 'Chantal').executeTakeFirstOrThrow()).id;
    expect((await corp.get(`/api/v1/clients/${chantal}/housing-profile`)).json()).not.toHaveProperty('careNeeded');
    const share = await wonen.put('/api/v1/matching/config', { municipalityId, expectedVersion: cur.version + 1, config: { ...cur.config, liquorHard: false, corporationSeesCareTopics: true }, note: 'Zorgonderwerpen delen' });
    expect(share.statusCode, share.body).toBe(200);
    expect((await corp.get(`/api/v1/clients/${chantal}/housing-profile`)).json()).toMatchObject({ careNeeded: 'Begeleiding bij herstel na verslaving' });
    // Wonen of another municipality may not.
    const bergstede = await orgId('GEM-BERGSTEDE');
    expect((await wonen.get(`/api/v1/matching/config?municipalityId=${bergstede}`)).statusCode).toBe(403);
  });

  it('replay: a proposed configuration over the past proposals says how many rankings and choices would change and why, and writes nothing', async () => {
    const bergstede = await orgId('GEM-BERGSTEDE');
    // Bergstede's Wonen is not a demo user: its own configuration is replayed by a Wonen officer of Bergstede.
    const u = await ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'wonen@demo.thuisroute.nl').executeTakeFirstOrThrow();
    const now = ctx.clock.now();
    const user = await ctx.db.insertInto('users').values({ email: 'wonen@bergstede.example', name: 'Wonen Bergstede', password_hash: u.password_hash, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await ctx.db.insertInto('memberships').values({ user_id: user.id, organisation_id: await orgId('GEM-BS-WONEN'), role: 'wonen_officer', starts_on: '2020-01-01', created_at: now, updated_at: now }).execute();
    ctx.server.app.scopes.invalidate();
    const w = await ctx.login('wonen@bergstede.example');
    const proposals = await ctx.db.selectFrom('proposals').select('id').where('municipality_id', '=', bergstede).execute();
    expect(proposals.length).toBeGreaterThan(0);
    const beforeConfigs = await count('matching_configs');
    const cur = (await w.get(`/api/v1/matching/config?municipalityId=${bergstede}`)).json();
    // The same configuration changes nothing.
    const same = await w.post('/api/v1/matching/replay', { municipalityId: bergstede, from: '2026-01-01', to: '2026-12-31', config: {} });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().totals).toMatchObject({ proposals: proposals.length, rankingsChanged: 0, proposalsChanged: 0, choicesAffected: 0 });
    // A heavier penalty for a noisy dwelling when low stimulus is advised (SP-04 MEDIUM 10 → 20) drops Marco (90 → 80) below Nadia (85):
    // the ranking and the proposal of the demo dwelling (noise MEDIUM) change, driven by SP-04.
    const changed = await w.post('/api/v1/matching/replay', { municipalityId: bergstede, from: '2026-01-01', to: '2026-12-31', config: { penalties: { ...cur.config.penalties, SP04medium: 20 } } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().totals).toMatchObject({ proposals: proposals.length, rankingsChanged: 1, proposalsChanged: 1, drivers: { 'SP-04': 1 } });
    expect(changed.json().changes).toEqual([expect.objectContaining({ path: 'penalties.SP04medium', before: 10, after: 20 })]);
    expect(await count('matching_configs')).toBe(beforeConfigs);
  });
});
