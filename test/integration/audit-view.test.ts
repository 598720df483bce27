/**
 * The audit log view (issue 9): one row per read of a resource in one page view, filters by
 * client and trajectory, the CSV export for Excel, and the chain summary naming the last row.
 */
import { parse } from 'csv-parse/sync';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actFor, auditCount, startTestApp, type Agent, type TestContext } from '../support/harness.ts';
import { buildCase, type BuiltCase } from '../support/case-builder.ts';
import { verifyAuditChain } from '../../src/modules/audit/verify.ts';
import { sealAudit } from '../../src/platform/audit/sealer.ts';
import type { Database } from '../../src/platform/db/schema.ts';

let ctx: TestContext;
let cw: Agent;
let admin: Agent;
let a: BuiltCase;
let b: BuiltCase;

beforeAll(async () => {
  ctx = await startTestApp();
  cw = await actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
  const won = await ctx.login('wonen');
  a = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1'], firstName: 'Anna', lastName: 'Audit' });
  b = await buildCase(ctx, { careWorker: cw, wonen: won, phase: 'P1_referral', purposes: ['PB-1'], firstName: 'Bram', lastName: 'Anders' });
  admin = await ctx.login('admin');
});
afterAll(async () => ctx?.close());

/** The GETs the trajectory page (src/web/pages/trajectories/TrajectoryPage.tsx) makes for one page view. */
async function viewTrajectoryPage(agent: Agent, c: BuiltCase, pageView: string) {
  const h = { 'x-page-view': pageView };
  const first = await agent.get(`/api/v1/trajectories/${c.trajectoryId}`, h);
  expect(first.statusCode, first.body).toBe(200);
  const rest = await Promise.all([
    agent.get(`/api/v1/trajectories/${c.trajectoryId}/events`, h),
    agent.get(`/api/v1/trajectories/${c.trajectoryId}/deadlines`, h),
    agent.get(`/api/v1/trajectories/${c.trajectoryId}/forms`, h),
    agent.get(`/api/v1/clients/${c.clientId}/consents`, h),
    agent.get(`/api/v1/clients/${c.clientId}`, h),
  ]);
  for (const r of rest) expect(r.statusCode, r.body).toBe(200);
}

type Item = { seq: string; action: string; resourceType: string; resourceId: string | null; purpose: string | null; details: Record<string, unknown> };

describe('audit view: one row per read of a resource in one page view', () => {
  it('R-OR-91: one trajectory page view writes one row per resource read (the trajectory, the client), listing every request', async () => {
    const before = await auditCount(ctx);
    await viewTrajectoryPage(cw, a, 'view-a-0000001');
    // Six requests, two resources read: the trajectory (its record, events, deadlines, forms and the
    // consents, which are read as part of the case) and the client's record.
    expect(await auditCount(ctx)).toBe(before + 2);
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where(sql<boolean>`details->>'pageView' = 'view-a-0000001'`).orderBy('seq').execute();
    expect(rows.map((r) => [r.resource_type, r.resource_id]).sort()).toEqual([['client', a.clientId], ['trajectory', a.trajectoryId]]);
    for (const r of rows) expect(r.purpose).not.toBeNull();

    // The view lists the four requests of the trajectory's read on its one row.
    const items = (await admin.get(`/api/v1/audit?trajectoryId=${a.trajectoryId}&resourceType=trajectory&limit=500`)).json().items as Item[];
    const row = items.find((i) => i.details.pageView === 'view-a-0000001')!;
    const routes = (row.details.fragments as Array<{ route: string }>).map((f) => f.route).sort();
    expect(routes).toEqual(['/api/v1/clients/:id/consents', '/api/v1/trajectories/:id', '/api/v1/trajectories/:id/deadlines', '/api/v1/trajectories/:id/events', '/api/v1/trajectories/:id/forms']);
    expect(items.filter((i) => i.details.pageView === 'view-a-0000001')).toHaveLength(1);

    // The chain stays intact: the audit rows are appended, never changed.
    await sealAudit(ctx.db);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, unsealed: { rows: 0 } });
  });

  it('R-OR-91: a later request of the same page view (a reload after a write) joins its row; another page view is a row of its own', async () => {
    const before = await auditCount(ctx);
    await cw.get(`/api/v1/trajectories/${a.trajectoryId}/events`, { 'x-page-view': 'view-a-0000001' });
    expect(await auditCount(ctx)).toBe(before);
    await viewTrajectoryPage(cw, a, 'view-a-0000002');
    expect(await auditCount(ctx)).toBe(before + 2);
    // Without a page view (an API client), every read is a row, as before.
    await cw.get(`/api/v1/trajectories/${a.trajectoryId}`);
    await cw.get(`/api/v1/trajectories/${a.trajectoryId}/events`);
    expect(await auditCount(ctx)).toBe(before + 4);
  });

  it('R-OR-91: a denied read is never merged: each refusal is a row of its own', async () => {
    const other = await ctx.login('corporatie');
    const before = await auditCount(ctx);
    for (const url of [`/api/v1/trajectories/${a.trajectoryId}`, `/api/v1/trajectories/${a.trajectoryId}/events`]) {
      const res = await other.get(url, { 'x-page-view': 'view-denied-01' });
      expect(res.statusCode).toBe(403);
    }
    expect(await auditCount(ctx)).toBe(before + 2);
  });
});

describe('audit view: filters by client and trajectory', () => {
  it('R-OR-91: filtering by client returns exactly the rows about that client (its record, trajectory, consent), by trajectory exactly the trajectory\'s', async () => {
    await viewTrajectoryPage(cw, b, 'view-b-0000001');
    const all = (await admin.get('/api/v1/audit?limit=500')).json().items as Item[];
    const byClient = (await admin.get(`/api/v1/audit?clientId=${a.clientId}&limit=500`)).json().items as Item[];
    const byTrajectory = (await admin.get(`/api/v1/audit?trajectoryId=${a.trajectoryId}&limit=500`)).json().items as Item[];

    // Hand-written oracle over the full list: the rows whose resource is the client, its consent or its trajectory,
    // a list that names the client (the client list's clientIds), or a look-up of the trail about it.
    const aboutA = (i: Item) =>
      i.details.clientId === a.clientId ||
      i.details.trajectoryId === a.trajectoryId ||
      (['client', 'consent'].includes(i.resourceType) && (i.resourceId === a.clientId || i.resourceId === a.consentId)) ||
      (i.resourceType === 'trajectory' && i.resourceId === a.trajectoryId) ||
      (Array.isArray(i.details.clientIds) && (i.details.clientIds as string[]).includes(a.clientId));
    expect(byClient.map((i) => i.seq)).toEqual(all.filter(aboutA).map((i) => i.seq));
    expect(byClient.length).toBeGreaterThan(5);
    expect(byClient.some((i) => i.resourceId === b.clientId || i.resourceId === b.trajectoryId)).toBe(false);

    expect(byTrajectory.map((i) => i.seq)).toEqual(all.filter((i) => (i.resourceType === 'trajectory' && i.resourceId === a.trajectoryId) || i.details.trajectoryId === a.trajectoryId).map((i) => i.seq));
    expect(byTrajectory.length).toBeGreaterThan(3);

    // Combined with the other filters.
    const reads = (await admin.get(`/api/v1/audit?clientId=${a.clientId}&action=client.read&limit=500`)).json().items as Item[];
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((i) => i.action === 'client.read' && i.resourceId === a.clientId)).toBe(true);
  });

  it('R-OR-91: only those allowed to read the audit trail may filter it; a care worker is refused', async () => {
    const res = await cw.get(`/api/v1/audit?clientId=${a.clientId}`);
    expect(res.statusCode).toBe(403);
    expect((await cw.get(`/api/v1/audit/export.csv?clientId=${a.clientId}`)).statusCode).toBe(403);
    // The organisation administrator sees the rows of its own organisation about the client.
    const orgAdmin = await ctx.login('beheerder');
    const own = await orgAdmin.get(`/api/v1/audit?clientId=${a.clientId}&limit=500`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);
    expect((await admin.get('/api/v1/audit?clientId=not-a-uuid')).statusCode).toBe(400);
  });
});

describe('audit view: export for Excel', () => {
  it('R-OR-91: the CSV export (semicolons, UTF-8 BOM, Dutch file name) parses back to the filtered rows, and is audited', async () => {
    const listed = (await admin.get(`/api/v1/audit?clientId=${a.clientId}&limit=500`)).json().items as Item[];
    const res = await admin.get(`/api/v1/audit/export.csv?clientId=${a.clientId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="auditlogboek-2026-03-02.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(res.rawPayload, { delimiter: ';', bom: true, columns: true }) as Array<Record<string, string>>;
    // The list's own read was audited after it answered: the export holds the same rows plus that one.
    const exported = records.filter((r) => Number(r.Volgnummer) <= Number(listed[0]!.seq));
    expect(exported.map((r) => r.Volgnummer)).toEqual(listed.map((i) => i.seq));
    const first = exported.find((r) => r.Volgnummer === listed.find((i) => i.action === 'client.read')!.seq)!;
    expect(first.Handeling).toBe('Cliënt bekeken');
    expect(first['Soort gegevens']).toBe('Cliënt');
    expect(first.Tijdstip).toBe('02-03-2026 10:00:00');
    expect(first.Uitkomst).toBe('Gelukt');

    const row = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(row.outcome).toBe('success');
    expect(row.purpose).toBe('security_audit');
    expect(row.details).toMatchObject({ format: 'csv', count: records.length, filters: { clientId: a.clientId } });
  });
});

describe('audit view: the chain summary', () => {
  it('R-OR-91: the verification names the last row it checked, even when a row is appended while it runs', async () => {
    await sealAudit(ctx.db);
    const { rows: before } = await sql<{ max: string; n: string }>`SELECT max(seq)::text AS max, count(*)::text AS n FROM audit_log`.execute(ctx.db);
    const head = await ctx.db.selectFrom('audit_seal').select('hash').where('seq', '=', before[0]!.max).executeTakeFirstOrThrow();
    // A database whose first answer is followed by an append (another request's audit row).
    let appended = false;
    const real = ctx.db.getExecutor();
    const executor = new Proxy(real, {
      get(target, prop) {
        if (prop === 'executeQuery') {
          return async (...args: Parameters<typeof real.executeQuery>) => {
            const result = await target.executeQuery(...args);
            if (!appended) {
              appended = true;
              await sql`INSERT INTO audit_log (occurred_at, action, resource_type, outcome) VALUES (${ctx.clock.now()}, 'test.concurrent', 'test', 'success')`.execute(ctx.db);
            }
            return result;
          };
        }
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const db = new Proxy(ctx.db, { get: (t, p) => (p === 'getExecutor' ? () => executor : (Reflect.get(t, p) as unknown)) }) as Kysely<Database>;
    const r = await verifyAuditChain(db);
    expect(appended).toBe(true);
    expect(r).toMatchObject({ ok: true, headSeq: Number(before[0]!.max), headHash: head.hash, rows: Number(before[0]!.n), unsealed: { rows: 0 } });
  });

  it('R-OR-91: over HTTP the summary names the newest link: its row number and hash, and the rows not sealed yet', async () => {
    await sealAudit(ctx.db);
    const { rows } = await sql<{ max: string }>`SELECT max(seq)::text AS max FROM audit_log`.execute(ctx.db);
    const head = await ctx.db.selectFrom('audit_seal').select('hash').where('seq', '=', rows[0]!.max).executeTakeFirstOrThrow();
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, headSeq: Number(rows[0]!.max), headHash: head.hash, unsealed: { rows: 0 } });
    // A row appended after the last seal is reported, not judged (verify alone) …
    await sql`INSERT INTO audit_log (occurred_at, action, resource_type, outcome) VALUES (${ctx.clock.now()}, 'test.unsealed', 'test', 'success')`.execute(ctx.db);
    const added = Number((await sql<{ max: string }>`SELECT max(seq)::text AS max FROM audit_log WHERE action = 'test.unsealed'`.execute(ctx.db)).rows[0]!.max);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, unsealed: { rows: 1, oldestSeq: added } });
    // … and the check over HTTP chains it first, so it covers the newest rows too (no job runs in tests).
    const again = (await admin.get('/api/v1/audit/verify')).json();
    expect(again).toMatchObject({ ok: true, unsealed: { rows: 0 } });
    expect(again.headSeq).toBeGreaterThanOrEqual(added);
    expect(await ctx.db.selectFrom('audit_seal').select('chain_no').where('seq', '=', String(added)).executeTakeFirst()).toBeDefined();
  });
});
