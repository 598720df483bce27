/**
 * POST /api/v1/imports/placements (api.md § "Placements CSV (import)"): streaming, row
 * validation with a Dutch reason per rejected row, idempotent on placement_id, all-or-nothing
 * unless ?partial=true, scope of a programme analyst, and the bad inputs of issue 4.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgId, startTestApp, type Agent, type TestContext } from '../support/harness.ts';

let ctx: TestContext;
let admin: Agent;
let analyst: Agent;

const URL = '/api/v1/imports/placements';
const HEADER = 'placement_id,municipality,corporation,target_group,active_mediation_date,lease_signed_date,move_reason,persons';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

async function placementCount(): Promise<number> {
  const r = await ctx.db.selectFrom('placements').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function importCount(): Promise<number> {
  const r = await ctx.db.selectFrom('placement_imports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

function post(agent: Agent, body: string, query = '', headers: Record<string, string> = {}) {
  return agent.request('POST', `${URL}${query}`, body, { 'content-type': 'text/csv', ...headers });
}

/** A POST whose body is a stream (light-my-request pipes it; nothing is built as one string). */
function postStream(agent: Agent, payload: Readable, query = '', headers: Record<string, string> = {}) {
  return ctx.server.app.inject({
    method: 'POST',
    url: `${URL}${query}`,
    payload,
    headers: {
      'content-type': 'text/csv',
      'accept-language': 'nl',
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': agent.csrfToken ?? '',
      ...headers,
    },
  });
}

async function setMaxBytes(n: number | null) {
  await ctx.db.deleteFrom('settings').where('key', '=', 'placement_import').execute();
  if (n !== null) await ctx.db.insertInto('settings').values({ key: 'placement_import', value: JSON.stringify({ maxBytes: n }), updated_by: null, updated_at: new Date() }).execute();
}

type Rej = { row: number; placementId?: string; field?: string; code: string; message: { nl: string; en: string } };

beforeAll(async () => {
  ctx = await startTestApp();
  admin = await ctx.login('admin');
  analyst = await ctx.login('analist');
  const region = await ctx.db.selectFrom('organisations').select('region_id').where('code', '=', 'GEM-VEENHAVEN').executeTakeFirstOrThrow();
  const now = new Date('2026-01-01T00:00:00Z');
  await ctx.db.insertInto('organisations').values({ code: 'GEM-DIJKSTAD', name: 'Gemeente Dijkstad', type: 'municipality', municipality_code: 'GM9002', region_id: region.region_id, parent_id: null, contact_role_label: null, email: null, phone: null, created_at: now, updated_at: now }).execute();
});
afterAll(async () => ctx?.close());

describe('placements import: happy path and idempotency', () => {
  it('imports rows (source import, import id set) and re-importing the same ids updates them', async () => {
    const body = csv(
      'HP-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,',
      'HP-2,GM9001,WC-HAVENWONINGEN,statushouder_regular,2020-02-01,2020-05-15,regular,4',
      'HP-3,gm9001,,omslag_mobw_adult,2020-06-01,,swap,1',
    );
    const before = await placementCount();
    const res = await post(admin, body, '?filename=historie.csv');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ status: 'succeeded', rowsTotal: 3, rowsAccepted: 3, rowsRejected: 0, inserted: 3, updated: 0, rejections: [], rejectionsTruncated: false });
    expect(await placementCount()).toBe(before + 3);
    const rows = await ctx.db.selectFrom('placements').selectAll().where('placement_id', 'in', ['HP-1', 'HP-2', 'HP-3']).orderBy('placement_id').execute();
    expect(rows.map((p) => [p.source, p.import_id, p.persons, p.move_reason, p.lease_signed_date])).toEqual([
      ['import', r.importId, 1, 'regular', '2020-03-01'],
      ['import', r.importId, 4, 'regular', '2020-05-15'],
      ['import', r.importId, 1, 'swap', null],
    ]);
    expect(rows[1]!.corporation_id).toBe(await orgId(ctx, 'WC-HAVENWONINGEN'));

    const again = await post(admin, body.replace('2020-05-15,regular,4', '2020-05-15,regular,5'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'succeeded', rowsAccepted: 3, inserted: 0, updated: 3 });
    expect(await placementCount()).toBe(before + 3);
    const hp2 = await ctx.db.selectFrom('placements').select(['persons', 'version', 'import_id']).where('placement_id', '=', 'HP-2').executeTakeFirstOrThrow();
    expect(hp2).toEqual({ persons: 5, version: 2, import_id: again.json().importId });

    const list = await admin.get(URL);
    expect(list.statusCode).toBe(200);
    // (The test clock stands still, so both imports have the same start time: look the second one up by id.)
    expect(list.json().items.find((i: { id: string }) => i.id === again.json().importId)).toMatchObject({ status: 'succeeded', rowsAccepted: 3, updated: 3, createdBy: 'Pim Beheer' });
    expect(list.json().items.some((i: { filename: string | null }) => i.filename === 'historie.csv')).toBe(true);
    const one = await admin.get(`${URL}/${r.importId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: r.importId, inserted: 3, rejections: [] });
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('resource_id', '=', r.importId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'placement.import', outcome: 'success' });
  });

  it('accepts the optional extension columns in any order and the browser form (multipart, field "file")', async () => {
    const text = 'route,placement_id,wheelchair_dwelling,district,neighbourhood,municipality,corporation,target_group,active_mediation_date,lease_signed_date,move_reason\n' +
      'housing_project,MP-1,,Noord,Havenkwartier,GM9001,,statushouder_regular,2021-01-05,2021-02-01,\n' +
      ',MP-2,,,,GM9001,WC-LINDE,wheelchair_urgent,2021-01-05,2021-03-01,\n';
    const boundary = '----thuisroute' + crypto.randomBytes(8).toString('hex');
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plaatsingen 2021.csv"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
    const res = await admin.request('POST', URL, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', inserted: 2 });
    const rows = await ctx.db.selectFrom('placements').select(['placement_id', 'route', 'wheelchair_dwelling', 'district', 'corporation_id']).where('placement_id', 'in', ['MP-1', 'MP-2']).orderBy('placement_id').execute();
    expect(rows).toEqual([
      { placement_id: 'MP-1', route: 'housing_project', wheelchair_dwelling: false, district: 'Noord', corporation_id: null },
      { placement_id: 'MP-2', route: 'corporation_dwelling', wheelchair_dwelling: true, district: null, corporation_id: await orgId(ctx, 'WC-LINDE') },
    ]);
    const imp = await ctx.db.selectFrom('placement_imports').select('filename').where('id', '=', res.json().importId).executeTakeFirstOrThrow();
    expect(imp.filename).toBe('plaatsingen 2021.csv');
  });

  it('reports progress for a client-chosen token', async () => {
    const token = crypto.randomUUID();
    const res = await post(admin, csv('PR-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,'), `?progressToken=${token}`);
    expect(res.statusCode).toBe(200);
    const p = await admin.get(`${URL}/progress/${token}`);
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ token, status: 'succeeded', importId: res.json().importId, rowsProcessed: 1, rowsAccepted: 1, rowsRejected: 0 });
    expect((await analyst.get(`${URL}/progress/${token}`)).statusCode).toBe(404);
    const reused = await post(admin, csv('PR-2,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,'), `?progressToken=${token}`);
    expect(reused.statusCode).toBe(409);
  });
});

describe('placements import: bad input, each rejected with row number and Dutch reason', () => {
  async function rejected(body: string, query = ''): Promise<{ rejections: Rej[]; body: Record<string, unknown> }> {
    const before = await placementCount();
    const imports = await importCount();
    const res = await post(admin, body, query);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const b = res.json();
    expect(b).toMatchObject({ code: 'import_rejected', status: 422, importStatus: 'rejected', rowsAccepted: 0, inserted: 0, updated: 0 });
    expect(await placementCount()).toBe(before);
    expect(await importCount()).toBe(imports + 1);
    const stored = await ctx.db.selectFrom('placement_imports').select(['status', 'rows_rejected']).where('id', '=', b.importId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('rejected');
    return { rejections: b.rejections, body: b };
  }

  it('a wrong header rejects the whole file at row 1', async () => {
    const { rejections } = await rejected('placement_id,gemeente,corporation,target_group,active_mediation_date,lease_signed_date,move_reason\nX-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,\n');
    expect(rejections.map((r) => [r.row, r.code, r.field])).toEqual([[1, 'header_unknown_column', 'gemeente'], [1, 'header_missing_column', 'municipality']]);
    expect(rejections[0]!.message.nl).toContain('Onbekende kolom "gemeente"');
  });

  it('a duplicated column rejects the header', async () => {
    const { rejections } = await rejected(`${HEADER},persons\nX-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,1,1\n`);
    expect(rejections.map((r) => [r.row, r.code])).toEqual([[1, 'header_duplicate_column']]);
  });

  it('an unknown target-group code', async () => {
    const { rejections } = await rejected(csv('TG-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,', 'TG-2,GM9001,WC-LINDE,daklozen,2020-01-10,2020-03-01,,'));
    expect(rejections).toEqual([{ row: 3, placementId: 'TG-2', field: 'target_group', code: 'unknown_target_group', message: { nl: 'Onbekende doelgroepcode "daklozen".', en: 'Unknown target group code "daklozen".' } }]);
  });

  it('a date like 2020-02-30', async () => {
    const { rejections } = await rejected(csv('DT-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-02-30,,'));
    expect(rejections.map((r) => [r.row, r.field, r.code])).toEqual([[2, 'lease_signed_date', 'invalid_date']]);
    expect(rejections[0]!.message.nl).toBe('lease_signed_date: "2020-02-30" is geen bestaande datum in de vorm JJJJ-MM-DD.');
  });

  it('a lease date before the active-mediation date', async () => {
    const { rejections } = await rejected(csv('LB-1,GM9001,WC-LINDE,social_medical_urgent,2020-04-10,2020-03-01,,'));
    expect(rejections.map((r) => [r.row, r.code])).toEqual([[2, 'lease_before_mediation']]);
    expect(rejections[0]!.message.nl).toContain('vóór de start van de actieve bemiddeling');
  });

  it('a placement_id duplicated within one file', async () => {
    const { rejections } = await rejected(csv(
      'DU-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,',
      'DU-2,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,',
      'DU-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-04-01,,',
    ));
    expect(rejections).toEqual([expect.objectContaining({ row: 4, placementId: 'DU-1', code: 'duplicate_in_file' })]);
    expect(rejections[0]!.message.nl).toBe('placement_id "DU-1" komt al voor in rij 2 van dit bestand.');
  });

  it('unknown municipality and corporation codes', async () => {
    const { rejections } = await rejected(csv(
      'UC-1,GM0000,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,',
      'UC-2,GM9001,WC-ONBEKEND,social_medical_urgent,2020-01-10,2020-03-01,,',
    ));
    expect(rejections.map((r) => [r.row, r.code])).toEqual([[2, 'unknown_municipality'], [3, 'unknown_corporation']]);
    expect(rejections[0]!.message.nl).toBe('Onbekende gemeentecode "GM0000".');
  });

  it('a file cut off mid-row (no closing newline, too few columns)', async () => {
    const body = csv('CO-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,') + 'CO-2,GM9001,WC-LI';
    const { rejections } = await rejected(body);
    expect(rejections).toEqual([{ row: 3, code: 'truncated_row', message: expect.objectContaining({ nl: 'Bestand afgebroken midden in een rij: de laatste rij is onvolledig.' }) }]);
  });

  it('a file cut off inside a quoted value', async () => {
    const body = csv('CQ-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,') + 'CQ-2,GM9001,"WC-LI';
    const { rejections } = await rejected(body);
    expect(rejections.map((r) => [r.row, r.code])).toEqual([[3, 'truncated_row']]);
    expect(rejections[0]!.message.nl).toContain('Bestand afgebroken midden in een rij');
  });

  it('a row with too few columns in the middle of the file is a column-count rejection, not a cut-off', async () => {
    const { rejections } = await rejected(csv('CC-1,GM9001,WC-LINDE', 'CC-2,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,'));
    expect(rejections.map((r) => [r.row, r.code])).toEqual([[2, 'column_count']]);
  });

  it('a header without rows, and a refused placement kept by a trajectory', async () => {
    const { rejections } = await rejected(`${HEADER}\n`);
    expect(rejections.map((r) => r.code)).toEqual(['no_rows']);
    const now = new Date();
    await ctx.db.insertInto('placements').values({ placement_id: 'TRJ-1', municipality_id: await orgId(ctx, 'GEM-VEENHAVEN'), corporation_id: await orgId(ctx, 'WC-LINDE'), target_group: 'omslag_mobw_adult', active_mediation_date: '2021-01-01', lease_signed_date: '2021-05-01', source: 'trajectory', created_at: now, updated_at: now }).execute();
    const r2 = await rejected(csv('TRJ-1,GM9001,WC-LINDE,omslag_mobw_adult,2021-01-01,2021-06-01,,'));
    expect(r2.rejections).toEqual([expect.objectContaining({ row: 2, placementId: 'TRJ-1', code: 'managed_elsewhere' })]);
    expect(r2.rejections[0]!.message.nl).toContain('deze plaatsing komt uit een traject'.replace('deze', 'Deze'));
    const kept = await ctx.db.selectFrom('placements').select(['lease_signed_date', 'source']).where('placement_id', '=', 'TRJ-1').executeTakeFirstOrThrow();
    expect(kept).toEqual({ lease_signed_date: '2021-05-01', source: 'trajectory' });
  });

  it('an empty file is a 400, not an import', async () => {
    const imports = await importCount();
    const res = await post(admin, '');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('empty_file');
    expect(await importCount()).toBe(imports);
  });

  it('a body that is not CSV is a 415', async () => {
    const res = await admin.post(URL, { rows: [] });
    expect(res.statusCode).toBe(415);
  });
});

describe('placements import: all-or-nothing and partial', () => {
  const mixed = csv(
    'AN-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,',
    'AN-2,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-02-30,,',
    'AN-3,GM9001,WC-LINDE,crisis_shelter_family,2020-01-10,2020-03-01,perspective_reassessment,3',
    'AN-4,GM9001,WC-LINDE,onbekend,2020-01-10,2020-03-01,,',
  );

  it('a failed all-or-nothing import leaves the placements table unchanged', async () => {
    const before = await ctx.db.selectFrom('placements').select(['placement_id', 'version']).orderBy('placement_id').execute();
    const res = await post(admin, mixed);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ importStatus: 'rejected', rowsTotal: 4, rowsValid: 2, rowsAccepted: 0, rowsRejected: 2 });
    expect(res.json().detail).toContain('er is niets geïmporteerd');
    expect(await ctx.db.selectFrom('placements').select(['placement_id', 'version']).orderBy('placement_id').execute()).toEqual(before);
    const audit = await ctx.db.selectFrom('audit_log').select(['outcome']).where('resource_id', '=', res.json().importId).execute();
    expect(audit).toEqual([{ outcome: 'failure' }]);
    const stored = await admin.get(`${URL}/${res.json().importId}`);
    expect(stored.json()).toMatchObject({ status: 'rejected', rowsRejected: 2 });
    expect(stored.json().rejections.map((r: Rej) => r.row)).toEqual([3, 5]);
  });

  it('?partial=true accepts the valid rows and reports the rejected ones', async () => {
    const before = await placementCount();
    const res = await post(admin, mixed, '?partial=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'partial', partial: true, rowsTotal: 4, rowsAccepted: 2, rowsRejected: 2, inserted: 2 });
    expect(res.json().rejections.map((r: Rej) => [r.row, r.code])).toEqual([[3, 'invalid_date'], [5, 'unknown_target_group']]);
    expect(await placementCount()).toBe(before + 2);
  });

  it('answers in English when asked (the rejection keeps both languages)', async () => {
    const res = await post(admin, mixed, '', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('nothing was imported');
    expect(res.json().rejections[0].message).toEqual({ nl: expect.any(String), en: expect.stringContaining('not an existing date') });
  });
});

describe('placements import: who may import what', () => {
  it('a programme analyst of GEM-VEENHAVEN (GM9001) cannot import rows of another municipality', async () => {
    const res = await post(analyst, csv(
      'SC-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,',
      'SC-2,GM9002,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,',
    ));
    expect(res.statusCode).toBe(422);
    expect(res.json().rejections).toEqual([expect.objectContaining({ row: 3, placementId: 'SC-2', field: 'municipality', code: 'outside_scope' })]);
    expect(res.json().rejections[0].message.nl).toContain('gemeenten binnen uw organisatie');
    const ok = await post(analyst, csv('SC-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,'));
    expect(ok.statusCode).toBe(200);
    // The platform administrator may import for any municipality.
    const adm = await post(admin, csv('SC-2,GM9002,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,'));
    expect(adm.statusCode).toBe(200);
    // …and the analyst cannot take over that placement by re-importing its id for GM9001.
    const takeover = await post(analyst, csv('SC-2,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,'));
    expect(takeover.statusCode).toBe(422);
    expect(takeover.json().rejections[0]).toMatchObject({ row: 2, code: 'outside_scope' });
    // The analyst's list shows the imports of its organisation tree (the demo administrator is a member of GEM-VEENHAVEN too).
    const mine = (await analyst.get(URL)).json().items as Array<{ id: string }>;
    expect(mine.some((i) => i.id === ok.json().importId)).toBe(true);
    expect((await analyst.get(`${URL}/${ok.json().importId}`)).statusCode).toBe(200);
    expect((await analyst.get(`${URL}/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('a corporation contact and an anonymous caller are refused (403/401)', async () => {
    const corp = await ctx.login('corporatie');
    const body = csv('FB-1,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,');
    const res = await post(corp, body);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await corp.get(URL)).statusCode).toBe(403);
    expect((await post(ctx.agent(), body)).statusCode).toBe(401);
  });
});

describe('placements import: size limit and streaming', () => {
  /** A lazily generated CSV: `rows` data rows, produced chunk by chunk; `read` counts the bytes pulled. */
  function generated(rows: number, prefix: string, opts: { header?: boolean } = {}) {
    let i = 0;
    const stats = { bytes: 0 };
    const stream = new Readable({
      read() {
        if (i === 0 && opts.header !== false) {
          const h = Buffer.from(HEADER + '\n');
          stats.bytes += h.length;
          this.push(h);
        }
        if (i >= rows) {
          this.push(null);
          return;
        }
        const lines: string[] = [];
        const end = Math.min(rows, i + 1000);
        for (; i < end; i++) {
          const month = String((i % 12) + 1).padStart(2, '0');
          lines.push(`${prefix}-${i},GM9001,${i % 2 ? 'WC-LINDE' : 'WC-HAVENWONINGEN'},${i % 3 ? 'social_medical_urgent' : 'statushouder_regular'},2019-${month}-01,2020-${month}-15,,${(i % 5) + 1}\n`);
        }
        const b = Buffer.from(lines.join(''));
        stats.bytes += b.length;
        this.push(b);
      },
    });
    return { stream, stats };
  }

  it('a declared Content-Length over the limit is refused with 413 before the body is read', async () => {
    await setMaxBytes(100_000);
    try {
      const imports = await importCount();
      const { stream, stats } = generated(1_000_000, 'BIG');
      const res = await postStream(admin, stream, '', { 'content-length': String(2 * 1024 * 1024 * 1024) });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ code: 'file_too_large', maxBytes: 100_000 });
      expect(res.json().detail).toContain('er is niets geïmporteerd');
      expect(stats.bytes).toBeLessThan(10 * 1024 * 1024);
      expect(await importCount()).toBe(imports);
      stream.destroy();
    } finally {
      await setMaxBytes(null);
    }
  });

  it('a streamed body (no Content-Length) that exceeds the limit is refused with 413 and nothing is imported', async () => {
    await setMaxBytes(100_000);
    try {
      const before = await placementCount();
      const { stream, stats } = generated(50_000, 'OVR');
      const res = await postStream(admin, stream);
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('file_too_large');
      expect(res.json().row).toBeGreaterThan(1);
      expect(stats.bytes).toBeLessThan(2 * 1024 * 1024);
      expect(await placementCount()).toBe(before);
      const stored = await admin.get(`${URL}/${res.json().importId}`);
      expect(stored.json()).toMatchObject({ status: 'rejected', rowsAccepted: 0 });
      expect(stored.json().rejections).toEqual([expect.objectContaining({ code: 'file_too_large', row: res.json().row })]);
      stream.destroy();
    } finally {
      await setMaxBytes(null);
    }
  });

  it('streams a large generated file in batches with bounded memory (and reports throughput)', async () => {
    // 200,000 rows (≈ 15 MB) on PostgreSQL; 50,000 on in-memory PGlite, which writes only ~4,000 rows/s
    // (WASM) and keeps the database itself in this process's memory. The 1M-row benchmark is bench/.
    const ROWS = process.env.TEST_DATABASE_URL ? 200_000 : 50_000;
    const { stream, stats } = generated(ROWS, 'ST');
    // Live heap, not garbage: each sample first runs a full garbage collection, so heapUsed is what
    // the import retains (a batch or two, never the file), whatever the collector's timing.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = rssBefore;
    let heapPeak = heapBefore;
    const timer = setInterval(() => {
      gc();
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heapPeak = Math.max(heapPeak, m.heapUsed);
    }, 250);
    const t0 = performance.now();
    const res = await postStream(admin, stream, '?filename=generated.csv');
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', rowsTotal: ROWS, rowsAccepted: ROWS, inserted: ROWS });
    const growthMb = (peak - rssBefore) / 1024 / 1024;
    const heapMb = (heapPeak - heapBefore) / 1024 / 1024;
    console.log(`placements import: ${ROWS} rows (${(stats.bytes / 1024 / 1024).toFixed(1)} MB) in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds)} rows/s on ${ctx.server.database.kind}; peak RSS growth ${growthMb.toFixed(0)} MB (includes PGlite's own heap), live JS heap growth ${heapMb.toFixed(0)} MB`);
    expect(growthMb).toBeLessThan(300);
    // The live JS heap holds a batch being parsed and one being staged, never the file or its ids.
    expect(heapMb).toBeLessThan(40);
    const n = await ctx.db.selectFrom('placements').select((eb) => eb.fn.countAll<string>().as('n')).where('import_id', '=', res.json().importId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(ROWS);
  }, 300_000);
});
