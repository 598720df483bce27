/**
 * Agreements and the reference data behind the monitor, through HTTP (monitor.md §2–§5, §9, §12):
 * the 2020 Amsterdam-style agreement of 1,800 for the demo municipality, its plan versions,
 * the distribution over the 7 demo corporations, a share agreement, quotas, and the refusals.
 *
 * This file is one walkthrough: the 2020 agreement is created in the first test and its plan
 * versions, distribution and targets are added over the tests after it, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { orgId, startTestApp, type Agent, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
let analyst: Agent;
let admin: Agent;
let corporation: Agent;
let gem: string;
let corps: string[];
let agreementId: string;

const MAIN_LINES = [
  { level: 'main_group', mainGroup: 'MG-1', dwellings: 375 },
  { level: 'main_group', mainGroup: 'MG-2', dwellings: 970 },
  { level: 'main_group', mainGroup: 'MG-3', dwellings: 460 },
];

beforeAll(async () => {
  ctx = await startTestApp();
  analyst = await ctx.login('analist');
  admin = await ctx.login('admin');
  corporation = await ctx.login('corporatie');
  gem = await orgId(ctx, 'GEM-VEENHAVEN');
  const rows = await ctx.db.selectFrom('organisations').select(['id', 'code']).where('type', '=', 'housing_corporation').orderBy('code').execute();
  corps = rows.map((r) => r.id);
});
afterAll(async () => ctx?.close());

describe('agreements and plan versions', () => {
  it('R-MO-03 / M-01: a programme analyst creates the absolute agreement of 1,800 a year for the municipality (by CBS code)', async () => {
    expect(corps).toHaveLength(7);
    const res = await analyst.post('/api/v1/agreements', { municipality: 'GM9001', name: 'Samenwerkingsafspraken 2020–2023', kind: 'absolute', firstYear: 2020, lastYear: 2023, yearlyNumber: 1800, distributeOverCorporations: true });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const a = res.json();
    expect(a).toMatchObject({ kind: 'absolute', yearlyNumber: 1800, share: null, firstYear: 2020, lastYear: 2023, distributeOverCorporations: true, tolerance: 0 });
    expect(a.municipality).toMatchObject({ id: gem, code: 'GEM-VEENHAVEN', municipalityCode: 'GM9001' });
    agreementId = a.id;
    const list = (await corporation.get('/api/v1/agreements?municipality=GEM-VEENHAVEN&year=2020')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].agreed).toMatchObject({ value: 1800, rounded: 1800 });
  });

  it('R-MO-07 / R-MO-08 / §12: plan version 1 per main group (375/970/460), a target group (590) and a group set (110): 1,805 ≠ 1,800 is a warning, still 201', async () => {
    const res = await analyst.post(`/api/v1/agreements/${agreementId}/plan-versions`, {
      year: 2020, decisionDate: '2020-01-15', effectiveFrom: '2020-01-01', reason: 'Verdeling op hoofdlijnen, begin 2020',
      lines: [
        ...MAIN_LINES,
        { level: 'target_group', targetGroup: 'omslag_mobw_adult', dwellings: 590 },
        { level: 'group_set', groupSet: { name: 'Jongeren, jongvolwassenen en jonge moeders', codes: ['omslag_young_mother', 'omslag_young_adult', 'housing_first_youth'] }, dwellings: 110 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ year: 2020, versionNo: 1, role: 'initial_and_current', readOnly: true, planned: 1805, agreed: 1800 });
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0]).toMatchObject({ code: 'plan_total_differs', planned: 1805, agreed: 1800, difference: 5 });
    expect(v.warnings[0].text.nl).toContain('1805');
    expect(v.warnings[0].text.en).toContain('1800');
    expect(v.lines.map((l: { level: string; mainGroup: string | null }) => [l.level, l.mainGroup])).toEqual([
      ['main_group', 'MG-1'], ['main_group', 'MG-2'], ['main_group', 'MG-3'], ['target_group', 'MG-2'], ['group_set', 'MG-2'],
    ]);
    expect(v.lines[4].groupSet.codes).toEqual(['omslag_young_mother', 'omslag_young_adult', 'housing_first_youth']);
  });

  it('R-MO-09 / R-MO-10: a mid-year revision is version 2; version 1 stays unchanged and read-only', async () => {
    const res = await analyst.post(`/api/v1/agreements/${agreementId}/plan-versions`, {
      year: 2020, decisionDate: '2020-07-01', effectiveFrom: '2020-07-01', reason: 'Herziene verdeling: minder zonder begeleiding, meer met begeleiding',
      lines: [{ level: 'main_group', mainGroup: 'MG-1', dwellings: 300 }, { level: 'main_group', mainGroup: 'MG-2', dwellings: 1060 }, { level: 'main_group', mainGroup: 'MG-3', dwellings: 440 }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ versionNo: 2, role: 'current', planned: 1800, warnings: [] });

    const list = (await corporation.get(`/api/v1/agreements/${agreementId}/plan-versions?year=2020`)).json();
    expect(list.items.map((v: { versionNo: number; role: string }) => [v.versionNo, v.role])).toEqual([[1, 'initial'], [2, 'current']]);
    expect(list.items[0].lines.map((l: { dwellings: number }) => l.dwellings)).toEqual([375, 970, 460, 590, 110]);
    expect(list.items[0].reason).toBe('Verdeling op hoofdlijnen, begin 2020');

    // The database refuses any change to a written version or line.
    const v1 = list.items[0];
    await expect(sql`UPDATE plan_versions SET reason = 'x' WHERE id = ${v1.id}`.execute(ctx.db)).rejects.toThrow(/read-only/);
    await expect(sql`DELETE FROM plan_lines WHERE plan_version_id = ${v1.id}`.execute(ctx.db)).rejects.toThrow(/read-only/);
    const detail = (await analyst.get(`/api/v1/agreements/${agreementId}`)).json();
    expect(detail.planVersions).toHaveLength(2);
  });

  it('R-MO-15 / R-MO-13 / M-08 / M-09: with stock per corporation the computed targets add up exactly to the yearly number', async () => {
    const stock = [12_345, 9_876, 7_654, 5_432, 3_210, 2_109, 1_098];
    const res = await analyst.put('/api/v1/corporation-stock?municipality=GM9001&year=2020', { items: corps.map((c, i) => ({ corporationId: c, dwellings: stock[i] })) });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(stock.reduce((s, n) => s + n, 0));
    const d = (await analyst.get(`/api/v1/agreements/${agreementId}?year=2020`)).json().year.distribution;
    expect(d).toMatchObject({ year: 2020, yearlyNumber: 1800, distributable: true, computedTotal: 1800, targetTotal: 1800 });
    expect(d.rows).toHaveLength(7);
    expect(d.rows.reduce((s: number, r: { computed: number }) => s + r.computed, 0)).toBe(1800);
    expect(d.rows.reduce((s: number, r: { stockShare: number }) => s + r.stockShare, 0)).toBeCloseTo(100, 9);
    for (const r of d.rows) {
      const exact = (1800 * r.stock) / 41_724;
      expect([Math.floor(exact), Math.ceil(exact)]).toContain(r.computed);
      expect(r.recorded).toBeNull();
      expect(r.target).toBe(r.computed);
    }
  });

  it('R-MO-14: a number recorded from the performance agreements takes precedence over the computed share, which stays as reference', async () => {
    const res = await analyst.put(`/api/v1/agreements/${agreementId}/corporation-targets/2020`, { items: [{ corporationId: corps[0], dwellings: 500 }] });
    expect(res.statusCode).toBe(200);
    const row = res.json().rows.find((r: { corporation: { id: string } }) => r.corporation.id === corps[0]);
    expect(row.recorded).toBe(500);
    expect(row.target).toBe(500);
    expect(row.computed).toBe(Math.round((1800 * 12_345) / 41_724));
    const detail = (await corporation.get(`/api/v1/agreements/${agreementId}?year=2020`)).json();
    expect(detail.recordedTargets).toEqual([expect.objectContaining({ year: 2020, corporationId: corps[0], dwellings: 500 })]);
  });

  it('R-MO-02 / M-10 / M-01: a share agreement (30% of released dwellings) computes its volume from the monthly released dwellings', async () => {
    const res = await analyst.post('/api/v1/agreements', { municipality: gem, kind: 'share', firstYear: 2016, lastYear: 2019, share: 0.3 });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ kind: 'share', share: 0.3, yearlyNumber: null });
    const rel = await analyst.put(`/api/v1/released-dwellings?municipality=GM9001&year=2019`, {
      items: [{ corporationId: corps[0], month: 1, dwellings: 100 }, { corporationId: corps[0], month: 2, dwellings: 200 }, { corporationId: corps[1], month: 3, dwellings: 1001 }],
    });
    expect(rel.statusCode).toBe(200);
    expect(rel.json()).toMatchObject({ total: 1301, byMonth: [100, 200, 1001, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    const detail = (await analyst.get(`/api/v1/agreements/${a.id}?year=2019`)).json();
    expect(detail.year.agreed).toEqual({ kind: 'share', value: 390.3, rounded: 390, share: 0.3, released: 1301 });
    expect(detail.year.distribution).toBeNull();
    // A year without released dwellings has no volume yet.
    expect((await analyst.get(`/api/v1/agreements/${a.id}?year=2018`)).json().year.agreed).toMatchObject({ value: null, rounded: null });
  });

  it('R-MO-06 / M-12: the estimated need is kept apart from the agreement and shows the gap', async () => {
    const res = await analyst.put('/api/v1/estimated-need?municipality=GM9001&year=2020', { items: [{ mainGroup: 'ALL', dwellings: 2444 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2020, agreed: 1800, gap: 644, items: [{ mainGroup: 'ALL', dwellings: 2444, version: 1 }] });
    const again = await analyst.put('/api/v1/estimated-need?municipality=GM9001&year=2020', { items: [{ mainGroup: 'ALL', dwellings: 2500 }] });
    expect(again.json().items[0]).toMatchObject({ dwellings: 2500, version: 2 });
  });
});

describe('statushouders inputs', () => {
  it('R-MO-32 / R-MO-34 / M-20: the quota is stored per half-year in persons; a change is a new version and earlier versions stay read-only', async () => {
    for (const [half, persons, reason] of [[1, 400, 'Taakstelling 2020'], [2, 400, 'Taakstelling 2020'], [2, 320, 'Verlaagd voor de tweede helft (herziene verdeling)']] as const) {
      const r = await analyst.post('/api/v1/statushouder-quotas', { municipality: 'GM9001', year: 2020, half, persons, decisionDate: '2020-06-30', reason });
      expect(r.statusCode).toBe(201);
    }
    const q = (await corporation.get('/api/v1/statushouder-quotas?municipality=GM9001&year=2020')).json();
    expect(q.items.map((i: { half: number; versionNo: number; current: boolean }) => [i.half, i.versionNo, i.current])).toEqual([[1, 1, true], [2, 1, false], [2, 2, true]]);
    expect(q.current).toEqual([{ year: 2020, half1: 400, half2: 320, total: 720 }]);
    await expect(sql`UPDATE statushouder_quotas SET persons = 1`.execute(ctx.db)).rejects.toThrow(/read-only/);
  });

  it('R-MO-35: the 2021 quota of 1,300 is recorded like any other year', async () => {
    await analyst.post('/api/v1/statushouder-quotas', { municipality: gem, year: 2021, half: 1, persons: 650, decisionDate: '2020-12-15', reason: 'Taakstelling 2021' });
    await analyst.post('/api/v1/statushouder-quotas', { municipality: gem, year: 2021, half: 2, persons: 650, decisionDate: '2020-12-15', reason: 'Taakstelling 2021' });
    const q = (await analyst.get('/api/v1/statushouder-quotas?municipality=GM9001&year=2021')).json();
    expect(q.current).toEqual([{ year: 2021, half1: 650, half2: 650, total: 1300 }]);
  });

  it('R-MO-33 / M-22: the opening backlog is set once and versioned; a stale If-Match is refused', async () => {
    const r = await analyst.put('/api/v1/statushouder-backlog?municipality=GM9001', { year: 2020, persons: 21 });
    expect(r.statusCode).toBe(200);
    expect(r.json().backlog).toMatchObject({ year: 2020, persons: 21, version: 1 });
    expect((await analyst.put('/api/v1/statushouder-backlog?municipality=GM9001', { year: 2020, persons: 25 }, { 'if-match': '"1"' })).json().backlog.version).toBe(2);
    const stale = await analyst.put('/api/v1/statushouder-backlog?municipality=GM9001', { year: 2020, persons: 30 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
  });

  it('M-27: housing units for young statushouders: target, cumulative and delivered, with the units still without a location', async () => {
    const r = await analyst.put('/api/v1/young-statushouder-units?municipality=GM9001&year=2020', { targetUnits: 2700, cumulativeUnits: 2378, deliveredUnits: 143 });
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toEqual([expect.objectContaining({ year: 2020, targetUnits: 2700, cumulativeUnits: 2378, deliveredUnits: 143, withoutLocation: 322 })]);
  });
});

describe('target groups and report layouts', () => {
  it('R-MO-01 / R-MO-42: the programme adds a target group, edits its flag and validity with If-Match; ?on= lists those valid on a date', async () => {
    const all = (await corporation.get('/api/v1/target-groups')).json().items;
    expect(all).toHaveLength(22);
    const on2019 = (await corporation.get('/api/v1/target-groups?on=2019-06-01')).json().items.map((g: { code: string }) => g.code);
    expect(on2019).not.toContain('wlz_independent');
    expect(on2019).toContain('social_medical_urgent');

    const created = await analyst.post('/api/v1/target-groups', { code: 'tijdelijk_onder_dak', mainGroup: 'MG-1', label: { nl: 'Tijdelijk Onder Dak', en: 'Temporary shelter pilot' }, countsTowardAgreement: false, validFrom: '2021-01-01' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'tijdelijk_onder_dak', countsTowardAgreement: false, validFrom: '2021-01-01', validTo: null, version: 1 });

    const wlz = all.find((g: { code: string }) => g.code === 'wlz_permanent');
    const off = await analyst.patch('/api/v1/target-groups/wlz_permanent', { countsTowardAgreement: false, label: { en: 'Long-term care (Wlz) permanent' } }, { 'if-match': `"${wlz.version}"` });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ countsTowardAgreement: false, label: { nl: 'Wlz-permanent', en: 'Long-term care (Wlz) permanent' }, version: wlz.version + 1 });
    const stale = await analyst.patch('/api/v1/target-groups/wlz_permanent', { validTo: '2023-12-31' }, { 'if-match': `"${wlz.version}"` });
    expect(stale.statusCode).toBe(412);
    // The main group cannot change once a plan uses the group.
    const used = await analyst.patch('/api/v1/target-groups/omslag_mobw_adult', { mainGroup: 'MG-1', hierarchyId: null }, { 'if-match': '"1"' });
    expect(used.statusCode).toBe(422);
    expect(used.json().code).toBe('target_group_in_use');
    const dup = await analyst.post('/api/v1/target-groups', { code: 'tijdelijk_onder_dak', mainGroup: 'MG-1', label: { nl: 'X', en: 'X' } });
    expect(dup.statusCode).toBe(409);
  });

  it('§12: the versioned report layouts map codes to the printed rows of both 2020 tables', async () => {
    const items = (await corporation.get('/api/v1/report-layouts')).json().items;
    expect(items.map((l: { code: string; version: number; current: boolean }) => [l.code, l.version, l.current])).toEqual([['phkg-delivery', 1, true], ['phkg-wait-times', 1, true]]);
    const combined = items[0].rows.find((r: { key: string }) => r.key === 'combined');
    expect(combined.codes).toEqual(['last_new_chance', 'bullying_approach', 'verbond_experiment', 'wlz_permanent']);
  });
});

describe('refusals', () => {
  it('an unknown target-group code, a bad group set or a date outside the year is a 400 problem in Dutch and English', async () => {
    const res = await analyst.post(`/api/v1/agreements/${agreementId}/plan-versions`, {
      year: 2021, decisionDate: '2021-01-10', effectiveFrom: '2020-12-01', reason: 'Test',
      lines: [
        { level: 'target_group', targetGroup: 'bestaat_niet', dwellings: 5 },
        { level: 'group_set', groupSet: { name: 'Dubbel', codes: ['omslag_young_mother', 'omslag_young_mother'] }, dwellings: 5 },
        { level: 'main_group', dwellings: 5 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p.messages.nl.title).toBe('Ongeldige invoer');
    expect(p.messages.en.title).toBe('Invalid input');
    const fields = p.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/effectiveFrom', '/lines/0/targetGroup', '/lines/1/groupSet/codes', '/lines/2/mainGroup']));
    const unknown = p.errors.find((e: { field: string }) => e.field === '/lines/0/targetGroup');
    expect(unknown.messageNl).toContain('Onbekende doelgroep');
    expect(unknown.messageEn).toContain('Unknown target group');
    // A set of one target group is not a set (schema: at least two codes).
    const one = await analyst.post(`/api/v1/agreements/${agreementId}/plan-versions`, { year: 2021, decisionDate: '2021-01-10', effectiveFrom: '2021-01-01', reason: 'Test', lines: [{ level: 'group_set', groupSet: { name: 'Eén', codes: ['omslag_young_mother'] }, dwellings: 5 }] });
    expect(one.statusCode).toBe(400);
    // A year outside the agreement.
    const outside = await analyst.post(`/api/v1/agreements/${agreementId}/plan-versions`, { year: 2024, decisionDate: '2024-01-10', effectiveFrom: '2024-01-01', reason: 'Test', lines: MAIN_LINES });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('/year');
    // Nothing was written for 2021.
    expect((await analyst.get(`/api/v1/agreements/${agreementId}/plan-versions?year=2021`)).json().items).toEqual([]);
  });

  it('R-MO-03: overlapping years for the same municipality are a 409; a stale If-Match on the agreement is a 412', async () => {
    const overlap = await analyst.post('/api/v1/agreements', { municipality: 'GM9001', kind: 'absolute', firstYear: 2023, lastYear: 2025, yearlyNumber: 1900 });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('agreement_overlap');
    expect(overlap.json().messages.en.detail).toContain('2020–2023');

    const ok = await analyst.patch(`/api/v1/agreements/${agreementId}`, { tolerance: 0.05 }, { 'if-match': '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ tolerance: 0.05, version: 2 });
    const stale = await analyst.patch(`/api/v1/agreements/${agreementId}`, { tolerance: 0.1 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const shorten = await analyst.patch(`/api/v1/agreements/${agreementId}`, { firstYear: 2021 }, { 'if-match': '"2"' });
    expect(shorten.statusCode).toBe(422);
    const missing = await analyst.patch(`/api/v1/agreements/${agreementId}`, { tolerance: 0.1 });
    expect(missing.statusCode).toBe(428);
  });

  it('an analyst of GEM-VEENHAVEN cannot write for another municipality (403); the platform administrator can', async () => {
    const other = await admin.post('/api/v1/organisations', { code: 'GEM-ANDERSTAD', name: 'Gemeente Anderstad', type: 'municipality', municipalityCode: 'GM9002' });
    expect(other.statusCode).toBe(201);
    const body = { municipality: 'GM9002', kind: 'absolute', firstYear: 2020, lastYear: 2023, yearlyNumber: 385 };
    const denied = await analyst.post('/api/v1/agreements', body);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    expect((await analyst.put('/api/v1/corporation-stock?municipality=GM9002&year=2020', { items: [{ corporationId: corps[0], dwellings: 10 }] })).statusCode).toBe(403);
    expect((await analyst.post('/api/v1/statushouder-quotas', { municipality: 'GM9002', year: 2020, half: 1, persons: 1, decisionDate: '2020-01-01', reason: 'x' })).statusCode).toBe(403);
    // A denied caller learns nothing about validity: an unknown municipality is also 403 for the analyst.
    expect((await analyst.post('/api/v1/agreements', { ...body, municipality: 'GM9999' })).statusCode).toBe(403);
    const byAdmin = await admin.post('/api/v1/agreements', body);
    expect(byAdmin.statusCode).toBe(201);
    // The analyst cannot add a plan version to the other municipality's agreement either.
    const pv = await analyst.post(`/api/v1/agreements/${byAdmin.json().id}/plan-versions`, { year: 2020, decisionDate: '2020-01-01', effectiveFrom: '2020-01-01', reason: 'x', lines: MAIN_LINES });
    expect(pv.statusCode).toBe(403);
    // An organisation that is not a municipality is refused (admin: allowed, but not valid).
    const notMun = await admin.post('/api/v1/agreements', { ...body, municipality: 'WC-LINDE' });
    expect(notMun.statusCode).toBe(422);
    expect(notMun.json().code).toBe('not_a_municipality');
    // Stock for an organisation that is not a housing corporation.
    const notCorp = await admin.put('/api/v1/corporation-stock?municipality=GM9002&year=2020', { items: [{ corporationId: gem, dwellings: 10 }] });
    expect(notCorp.statusCode).toBe(400);
  });

  it('a corporation contact reads everything but cannot write', async () => {
    expect((await corporation.get('/api/v1/agreements')).statusCode).toBe(200);
    expect((await corporation.get(`/api/v1/corporation-stock?municipality=GM9001&year=2020`)).json().items).toHaveLength(7);
    const writes = [
      await corporation.post('/api/v1/agreements', { municipality: 'GM9001', kind: 'absolute', firstYear: 2030, lastYear: 2031, yearlyNumber: 1 }),
      await corporation.post(`/api/v1/agreements/${agreementId}/plan-versions`, { year: 2021, decisionDate: '2021-01-01', effectiveFrom: '2021-01-01', reason: 'x', lines: MAIN_LINES }),
      await corporation.put(`/api/v1/agreements/${agreementId}/corporation-targets/2020`, { items: [] }),
      await corporation.put('/api/v1/corporation-stock?municipality=GM9001&year=2020', { items: [] }),
      await corporation.put('/api/v1/released-dwellings?municipality=GM9001&year=2020', { items: [] }),
      await corporation.post('/api/v1/target-groups', { code: 'poging', mainGroup: 'MG-1', label: { nl: 'x', en: 'x' } }),
      await corporation.post('/api/v1/statushouder-quotas', { municipality: 'GM9001', year: 2020, half: 1, persons: 1, decisionDate: '2020-01-01', reason: 'x' }),
    ];
    expect(writes.map((w) => w.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);
  });

  it('every write is audited with its resource type in the same transaction', async () => {
    const rows = await ctx.db.selectFrom('audit_log').select(['resource_type']).where('outcome', '=', 'success').where('action', 'in', ['agreement.manage', 'corporation_figures.manage', 'target_group.manage']).execute();
    const types = new Set(rows.map((r) => r.resource_type));
    for (const t of ['agreement', 'plan_version', 'corporation_target', 'corporation_stock', 'released_dwellings', 'estimated_need', 'statushouder_quota', 'statushouder_backlog', 'young_statushouder_units', 'target_group']) {
      expect(types).toContain(t);
    }
  });
});
