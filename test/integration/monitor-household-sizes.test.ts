/**
 * R-MO-39 over HTTP: released dwellings by number of rooms are maintained like the other
 * corporation figures (replace-a-set per municipality and year, versions, audit, the same
 * permission), and the optional monitor table lines up statushouder households by household
 * size against them, as JSON, CSV and XLSX with the same numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { flattenTable, type TableModel } from '../../src/domain/monitor/tables.ts';
import type { HouseholdSizesTableModel } from '../../src/domain/monitor/household-sizes.ts';
import type { MonitorResponse } from '../../src/domain/monitor/model.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const A = 'GM9001'; // Veenhaven (demo): the analyst's municipality
const B = 'GM9002'; // Lindendal, same region
const YEAR = 2025;
const Q = `year=${YEAR}&month=9&municipality=${A}`;

let ctx: TestContext;
let analyst: Agent;
let admin: Agent;
let corporationContact: Agent;
let linde: string;
let haven: string;
let veenhaven: string;

beforeAll(async () => {
  ctx = await startTestApp();
  analyst = await ctx.login('analist');
  admin = await ctx.login('admin');
  corporationContact = await ctx.login('corporatie');
  const now = ctx.clock.now();
  const region = await ctx.db.selectFrom('regions').select('id').where('code', '=', 'REGIO-VEENHAVEN').executeTakeFirstOrThrow();
  veenhaven = (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'GEM-VEENHAVEN').executeTakeFirstOrThrow()).id;
  const lindendal = await ctx.db.insertInto('organisations').values({
    code: 'GEM-LINDENDAL', name: 'Gemeente Lindendal', type: 'municipality', parent_id: null, region_id: region.id, municipality_code: B,
    contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  ctx.server.app.scopes.invalidate();
  linde = (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-LINDE').executeTakeFirstOrThrow()).id;
  haven = (await ctx.db.selectFrom('organisations').select('id').where('code', '=', 'WC-HAVENWONINGEN').executeTakeFirstOrThrow()).id;

  let n = 0;
  const p = (muni: string, corp: string | null, tg: string, lease: string, persons: number, extra: Record<string, unknown> = {}) => ({
    placement_id: `HS-${++n}`, municipality_id: muni, corporation_id: corp, target_group: tg, active_mediation_date: '2024-12-01', lease_signed_date: lease,
    persons, source: 'import' as const, created_at: now, updated_at: now, ...extra,
  });
  await ctx.db.insertInto('placements').values([
    // Veenhaven, counted up to September: 1 person ×3 (one Ruggensteun), 2, 4, 5 and 7 persons (5 or more).
    p(veenhaven, linde, 'statushouder_regular', `${YEAR}-01-10`, 1),
    p(veenhaven, haven, 'statushouder_regular', `${YEAR}-03-10`, 1),
    p(veenhaven, linde, 'statushouder_ruggensteun', `${YEAR}-09-30`, 1),
    p(veenhaven, linde, 'statushouder_regular', `${YEAR}-02-10`, 2),
    p(veenhaven, haven, 'statushouder_regular', `${YEAR}-04-10`, 4),
    p(veenhaven, linde, 'statushouder_regular', `${YEAR}-05-10`, 5),
    p(veenhaven, haven, 'statushouder_regular', `${YEAR}-06-10`, 7),
    // Not counted: after the month, the year before, a housing project, a swap, another main group.
    p(veenhaven, linde, 'statushouder_regular', `${YEAR}-10-01`, 3),
    p(veenhaven, linde, 'statushouder_regular', `${YEAR - 1}-12-31`, 3),
    p(veenhaven, null, 'statushouder_regular', `${YEAR}-02-01`, 3, { route: 'housing_project' }),
    p(veenhaven, linde, 'statushouder_regular', `${YEAR}-02-01`, 3, { move_reason: 'swap', active_mediation_date: null }),
    p(veenhaven, linde, 'omslag_mobw_family', `${YEAR}-02-01`, 3),
    // Lindendal: one household of 3.
    p(lindendal.id, haven, 'statushouder_regular', `${YEAR}-03-03`, 3),
  ]).execute();
  // M-10 of the year for Veenhaven: 40 (Linde 25, Havenwoningen 15).
  await ctx.db.insertInto('released_dwellings').values([
    { municipality_id: veenhaven, corporation_id: linde, year: YEAR, month: 2, dwellings: 25, updated_by: null, updated_at: now },
    { municipality_id: veenhaven, corporation_id: haven, year: YEAR, month: 5, dwellings: 15, updated_by: null, updated_at: now },
  ]).execute();
});
afterAll(async () => ctx?.close());

const ROOMS = () => [
  { corporationId: linde, rooms: 1, dwellings: 4 },
  { corporationId: linde, rooms: 2, dwellings: 10 },
  { corporationId: linde, rooms: 3, dwellings: 8 },
  { corporationId: linde, rooms: 5, dwellings: 3 },
  { corporationId: haven, rooms: 2, dwellings: 6 },
  { corporationId: haven, rooms: 3, dwellings: 5 },
  { corporationId: haven, rooms: 4, dwellings: 4 },
];

async function table(agent: Agent, query: string): Promise<HouseholdSizesTableModel> {
  const res = await agent.get(`/api/v1/monitor/tables/household-sizes?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as HouseholdSizesTableModel;
}
const cellsOf = (t: TableModel, key: string) => Object.fromEntries(t.columns.map((c, i) => [c.key, t.rows.find((r) => r.key === key)!.cells[i]]));

describe('R-MO-39: household size vs released dwellings by rooms', () => {
  it('R-MO-39: released dwellings by rooms are maintained per corporation over HTTP: replace a set, versions, audit', async () => {
    const put = await analyst.put(`/api/v1/released-dwelling-rooms?municipality=${A}&year=${YEAR}`, { items: ROOMS() });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ year: YEAR, total: 40, byRooms: [4, 16, 13, 4, 3], released: 40 });
    expect(put.json().items).toHaveLength(7);
    expect(put.json().items.every((i: { version: number }) => i.version === 1)).toBe(true);

    // Replacing: one value changed, one left out (removed), the others unchanged (version kept).
    const next = ROOMS().filter((i) => !(i.corporationId === haven && i.rooms === 4)).map((i) => (i.corporationId === linde && i.rooms === 1 ? { ...i, dwellings: 8 } : i));
    const again = await analyst.put(`/api/v1/released-dwelling-rooms?municipality=GEM-VEENHAVEN&year=${YEAR}`, { items: next });
    expect(again.statusCode, again.body).toBe(200);
    const body = again.json();
    expect(body).toMatchObject({ total: 40, byRooms: [8, 16, 13, 0, 3] });
    expect(body.items).toHaveLength(6);
    const version = (corp: string, rooms: number) => body.items.find((i: { corporation: { id: string }; rooms: number }) => i.corporation.id === corp && i.rooms === rooms)?.version;
    expect(version(linde, 1)).toBe(2);
    expect(version(linde, 2)).toBe(1);
    expect(version(haven, 4)).toBeUndefined();

    // Reads need only reference.read: the same figures for a corporation contact.
    const read = await corporationContact.get(`/api/v1/released-dwelling-rooms?municipality=${A}&year=${YEAR}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().byRooms).toEqual([8, 16, 13, 0, 3]);

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'resource_type', 'resource_id', 'outcome'])
      .where('resource_type', '=', 'released_dwelling_rooms').where('outcome', '=', 'success').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'corporation_figures.manage', resource_id: `${veenhaven}:${YEAR}` });

    // Back to the full set for the view below.
    expect((await analyst.put(`/api/v1/released-dwelling-rooms?municipality=${A}&year=${YEAR}`, { items: ROOMS() })).statusCode).toBe(200);
  });

  it('R-MO-39: bad input is a 400 or 422 problem+json with a Dutch message, and nothing is written', async () => {
    const url = `/api/v1/released-dwelling-rooms?municipality=${A}&year=${YEAR}`;
    const before = (await analyst.get(url)).json().byRooms;
    const cases: Array<[unknown, number, string]> = [
      [{ items: [{ corporationId: linde, rooms: 6, dwellings: 1 }] }, 400, 'validation'],
      [{ items: [{ corporationId: linde, rooms: 0, dwellings: 1 }] }, 400, 'validation'],
      [{ items: [{ corporationId: linde, rooms: 2, dwellings: -1 }] }, 400, 'validation'],
      [{ items: [{ corporationId: linde, rooms: 2, dwellings: '3' }] }, 400, 'validation'],
      [{ items: [{ corporationId: linde, rooms: 2, dwellings: 1, extra: true }] }, 400, 'validation'],
      [{ items: [{ corporationId: linde, rooms: 2, dwellings: 1 }, { corporationId: linde, rooms: 2, dwellings: 2 }] }, 400, 'validation'],
      [{ items: [{ corporationId: veenhaven, rooms: 2, dwellings: 1 }] }, 400, 'validation'],
    ];
    for (const [body, status, code] of cases) {
      const res = await analyst.put(url, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const p = res.json();
      expect(p.code).toBe(code);
      expect(p.title).toBe('Ongeldige invoer');
      expect(p.errors?.length, res.body).toBeGreaterThan(0);
      expect(p.errors[0].messageNl).toMatch(/[a-z]/);
    }
    const dup = await analyst.put(url, cases[5]![0]);
    expect(dup.json().errors[0]).toMatchObject({ field: '/items/1/rooms', code: 'duplicate', message: 'Deze corporatie en dit aantal kamers staat dubbel in de lijst.' });
    const notCorp = await analyst.put(url, cases[6]![0]);
    expect(notCorp.json().errors[0]).toMatchObject({ field: '/items/0/corporationId', code: 'not_a_corporation', message: 'Gemeente Veenhaven is geen woningcorporatie.' });
    // Not a municipality (for a caller allowed on it): 422 with the rule.
    const notMun = await admin.put(`/api/v1/released-dwelling-rooms?municipality=WC-LINDE&year=${YEAR}`, { items: [{ corporationId: linde, rooms: 2, dwellings: 1 }] });
    expect(notMun.statusCode).toBe(422);
    expect(notMun.headers['content-type']).toContain('application/problem+json');
    expect(notMun.json()).toMatchObject({ code: 'not_a_municipality', detail: 'De Linde Wonen is geen gemeente.' });
    expect((await analyst.get(url)).json().byRooms).toEqual(before);
  });

  it('R-MO-39: a foreign municipality is 403 for the analyst, and a corporation contact cannot write', async () => {
    const foreign = await analyst.put(`/api/v1/released-dwelling-rooms?municipality=${B}&year=${YEAR}`, { items: [{ corporationId: haven, rooms: 3, dwellings: 2 }] });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.json()).toMatchObject({ code: 'forbidden', title: 'Geen toegang' });
    // An unknown municipality is also 403: a denied caller learns nothing about validity.
    expect((await analyst.put(`/api/v1/released-dwelling-rooms?municipality=GM9999&year=${YEAR}`, { items: [] })).statusCode).toBe(403);
    expect((await corporationContact.put(`/api/v1/released-dwelling-rooms?municipality=${A}&year=${YEAR}`, { items: [] })).statusCode).toBe(403);
    // The platform administrator may: Lindendal gets figures by rooms, 3 rooms only.
    const byAdmin = await admin.put(`/api/v1/released-dwelling-rooms?municipality=${B}&year=${YEAR}`, { items: [{ corporationId: haven, rooms: 3, dwellings: 2 }] });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
  });

  it('R-MO-39: the view lines up statushouder households by size (to the month) against released dwellings by rooms (the year), with counts and shares', async () => {
    const t = await table(analyst, Q);
    expect(t.name).toBe('household-sizes');
    expect(t.caption.nl).toBe(`Huishoudgrootte statushouders en vrijgekomen woningen naar kamers (Gemeente Veenhaven, ${YEAR} t/m september)`);
    expect(t.rows.map((r) => r.key)).toEqual([A, `${A}:1`, `${A}:2`, `${A}:3`, `${A}:4`, `${A}:5`]);
    // Households: 3 of 1 person, 1 of 2, none of 3, 1 of 4, 2 of 5 or more = 7; dwellings 4/16/13/4/3 = 40.
    expect(cellsOf(t, A)).toEqual({ households: 7, householdShare: 100, dwellings: 40, dwellingShare: 100 });
    expect(cellsOf(t, `${A}:1`)).toEqual({ households: 3, householdShare: 43, dwellings: 4, dwellingShare: 10 });
    expect(cellsOf(t, `${A}:2`)).toEqual({ households: 1, householdShare: 14, dwellings: 16, dwellingShare: 40 });
    expect(cellsOf(t, `${A}:3`)).toEqual({ households: 0, householdShare: 0, dwellings: 13, dwellingShare: 33 });
    expect(cellsOf(t, `${A}:4`)).toEqual({ households: 1, householdShare: 14, dwellings: 4, dwellingShare: 10 });
    expect(cellsOf(t, `${A}:5`)).toEqual({ households: 2, householdShare: 29, dwellings: 3, dwellingShare: 8 });
    // The pairing is a proposal, not a norm, in both languages.
    expect(t.explanations[0]!.id).toBe('R-MO-39');
    expect(t.explanations[0]!.text.nl).toContain('geen norm');
    expect(t.explanations[0]!.text.en).toContain('not a norm');
    // The figures by rooms add up to M-10 of the year: no warning.
    expect(t.warnings).toEqual([]);

    // The households are those of M-23 to date on the dashboard.
    const m = (await analyst.get(`/api/v1/monitor?${Q}`)).json() as MonitorResponse;
    const m23 = m.rows.find((r) => r.metric === 'M-23' && r.period === 'ytd' && r.municipality === A && r.mainGroup === 'MG-3' && !r.targetGroup && !r.corporation && !r.region);
    expect(m23?.value).toBe(7);
  });

  it('R-MO-39: the CSV and the XLSX carry the same numbers as the JSON table, with the note that the pairing is a proposal', async () => {
    const t = await table(analyst, Q);
    for (const lang of ['nl', 'en'] as const) {
      const flat = flattenTable(t, lang);
      const csv = await analyst.get(`/api/v1/monitor/tables/household-sizes?${Q}&format=csv&lang=${lang}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toContain(`monitor-${lang === 'nl' ? 'huishoudgrootte' : 'household-sizes'}-gemeente-veenhaven-${YEAR}-09.csv`);
      const lines = parse(csv.body, { delimiter: ';', bom: true }) as string[][];
      expect(lines[0]).toEqual(flat.header);
      expect(lines.slice(1)).toEqual(flat.rows.map((r) => r.map((v) => (v === null ? '' : String(v).replace('.', ',')))));
    }
    const viaAccept = await analyst.request('GET', `/api/v1/monitor/tables/household-sizes?${Q}`, undefined, { accept: 'text/csv' });
    expect(viaAccept.headers['content-type']).toContain('text/csv');
    expect(viaAccept.body.split('\n')[0]).toContain('Huishoudgrootte / aantal kamers');

    const xlsx = await analyst.get(`/api/v1/monitor/tables/household-sizes?${Q}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const flat = flattenTable(t, 'nl');
    // Cell by cell, numbers as numbers and empty cells for the blank shares.
    const values = (n: number) => Array.from({ length: flat.header.length }, (_, i) => sheet.getRow(n).getCell(i + 1).value ?? null);
    expect(sheet.rowCount).toBe(flat.rows.length + 1);
    expect(values(1)).toEqual(flat.header);
    flat.rows.forEach((r, i) => expect(values(i + 2), `row ${i}`).toEqual(r));
    const notes = (wb.worksheets[1]!.getColumn(1).values as unknown[]).filter((v): v is string => typeof v === 'string');
    expect(notes.some((n) => n.includes('geen norm') && n.includes('(R-MO-39)'))).toBe(true);
  });

  it('R-MO-39: a region is shown per municipality; a corporation narrows both sides; differences with M-10 are a warning', async () => {
    const t = await table(analyst, `year=${YEAR}&month=9&region=REGIO-VEENHAVEN`);
    expect(t.rows.filter((r) => r.level === 'main').map((r) => r.key)).toEqual([B, A]);
    expect(cellsOf(t, B)).toEqual({ households: 1, householdShare: 100, dwellings: 2, dwellingShare: 100 });
    expect(cellsOf(t, `${B}:3`)).toEqual({ households: 1, householdShare: 100, dwellings: 2, dwellingShare: 100 });
    expect(t.rows.find((r) => r.key === `${B}:3`)!.label.nl).toBe('Gemeente Lindendal: 3 personen / 3 kamers');
    expect(cellsOf(t, A)).toMatchObject({ households: 7, dwellings: 40 });
    // Lindendal has figures by rooms (2) but no M-10: a warning, never a refusal.
    expect(t.warnings).toMatchObject([{ code: 'rooms_total_differs', municipality: B, rooms: 2, released: 0 }]);

    const corp = await table(analyst, `${Q}&corporation=WC-HAVENWONINGEN`);
    expect(corp.caption.nl).toContain('Gemeente Veenhaven, Havenwoningen, 2025');
    // Havenwoningen: households of 1, 4 and 7 persons; dwellings 2 rooms 6, 3 rooms 5, 4 rooms 4 = 15 = its M-10.
    expect(cellsOf(corp, A)).toEqual({ households: 3, householdShare: 100, dwellings: 15, dwellingShare: 100 });
    expect(cellsOf(corp, `${A}:2`)).toMatchObject({ households: 0, dwellings: 6, dwellingShare: 40 });
    expect(corp.warnings).toEqual([]);
  });

  it('R-MO-39: an unknown municipality is a 400 problem; another year without figures is shown empty with shares left blank', async () => {
    const res = await analyst.get(`/api/v1/monitor/tables/household-sizes?year=${YEAR}&month=9&municipality=GM9999`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'unknown_municipality', detail: 'Gemeente GM9999 is niet bekend.' });
    const empty = await table(analyst, `year=2019&month=12&municipality=${A}`);
    expect(empty.rows).toHaveLength(6);
    expect(cellsOf(empty, A)).toEqual({ households: 0, householdShare: null, dwellings: 0, dwellingShare: null });
    expect(empty.warnings).toEqual([]);
  });
});
