import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, createPostgresDatabase, orgId, startTestApp, userId, type TestContext } from '../support/harness.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { verifyAuditChain } from '../../src/modules/audit/verify.ts';
import { writeAudit } from '../../src/platform/audit/writer.ts';
import { sealAudit } from '../../src/platform/audit/sealer.ts';
import { fixedClock } from '../../src/platform/clock.ts';

const run = promisify(execFile);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

describe('audit trail: every write and every read of personal data', () => {
  it('a read of personal data records actor, organisation, action, resource, purpose, time and request id', async () => {
    const admin = await ctx.login('admin');
    const target = await userId(ctx, 'begeleider');
    const res = await admin.get(`/api/v1/users/${target}`, { 'x-request-id': 'req-audit-read-1' });
    expect(res.statusCode).toBe(200);
    const row = await ctx.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'req-audit-read-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      action: 'user.read',
      resource_type: 'user',
      resource_id: target,
      purpose: 'account_administration',
      outcome: 'success',
      actor_user_id: await userId(ctx, 'admin'),
      actor_organisation_id: await orgId(ctx, 'GEM-VEENHAVEN'),
      actor_role: 'platform_admin',
    });
    expect(new Date(row.occurred_at).toISOString()).toBe(ctx.clock.now().toISOString());
  });

  it('a read of your own account is audited with purpose own_account; a list read names the users shown', async () => {
    const me = await ctx.login('begeleider');
    const id = await userId(ctx, 'begeleider');
    await me.get(`/api/v1/users/${id}`, { 'x-request-id': 'req-self' });
    expect((await ctx.db.selectFrom('audit_log').select('purpose').where('request_id', '=', 'req-self').executeTakeFirstOrThrow()).purpose).toBe('own_account');
    const manager = await ctx.login('teammanager');
    await manager.get('/api/v1/users', { 'x-request-id': 'req-list' });
    const list = await ctx.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'req-list').executeTakeFirstOrThrow();
    expect(list.purpose).toBe('colleague_lookup');
    expect((list.details as { userIds: string[] }).userIds).toContain(id);
  });

  it('a write and its audit row commit together; a refused write leaves neither', async () => {
    const admin = await ctx.login('admin');
    const before = await auditCount(ctx);
    const ok = await admin.post('/api/v1/regions', { code: 'REGIO-AUDIT', name: 'Regio Audit' }, { 'x-request-id': 'req-write-ok' });
    expect(ok.statusCode).toBe(201);
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('request_id', '=', 'req-write-ok').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'region.create', resource_id: ok.json().id, outcome: 'success' });
    const after = await auditCount(ctx);
    const dup = await admin.post('/api/v1/regions', { code: 'REGIO-AUDIT', name: 'Nog een' });
    expect(dup.statusCode).toBe(409);
    expect(await auditCount(ctx)).toBe(after);
    expect(after).toBe(before + 1);
  });

  it('R-OR-91: against unlawful processing the database refuses UPDATE, DELETE and TRUNCATE on the audit trail', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('the hash chain verifies, over HTTP for a platform administrator', async () => {
    const admin = await ctx.login('admin');
    await sealAudit(ctx.db); // what the sealer job does within a second (ADR 0014)
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, changed: [], broken: [] });
    expect(res.json().rows).toBeGreaterThan(5);
  });

  it('admins query the trail: filters and paging; an organisation administrator sees only its own organisation', async () => {
    const admin = await ctx.login('admin');
    const page1 = (await admin.get('/api/v1/audit?limit=3')).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await admin.get(`/api/v1/audit?limit=3&before=${page1.nextBefore}`)).json();
    expect(Number(page2.items[0].seq)).toBeLessThan(Number(page1.items[2].seq));
    const logins = (await admin.get('/api/v1/audit?action=auth.login&outcome=success')).json();
    expect(logins.items.every((i: { action: string }) => i.action === 'auth.login')).toBe(true);

    const orgAdmin = await ctx.login('beheerder');
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const own = (await orgAdmin.get('/api/v1/audit?limit=200')).json();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i: { actorOrganisationId: string | null; subjectOrganisationId: string | null }) => i.actorOrganisationId === horizon || i.subjectOrganisationId === horizon)).toBe(true);
    expect((await orgAdmin.get('/api/v1/audit/verify')).statusCode).toBe(403);
  });
});

describe('audit trail tamper detection', () => {
  async function tamperableDb() {
    const h = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    await migrate(h);
    const clock = fixedClock('2026-03-02T09:00:00Z');
    for (let i = 0; i < 5; i++) {
      await writeAudit(h.db, clock, null, { action: `test.${i}`, resourceType: 'test', resourceId: String(i), outcome: 'success', details: { i } }, { userId: null });
    }
    await sealAudit(h.db); // what the sealer job does within a second (ADR 0014)
    return h;
  }

  it('detects a changed row (its own hash no longer matches)', async () => {
    const h = await tamperableDb();
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    // Only someone who bypasses the append-only trigger can do this; the chain still finds it.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(h.db);
    await sql`UPDATE audit_log SET resource_id = 'changed' WHERE seq = 3`.execute(h.db);
    const r = await verifyAuditChain(h.db);
    expect(r.ok).toBe(false);
    expect(r.changed).toEqual(['3']);
    await h.close();
  });

  it('detects a removed row (its seal has no row any more)', async () => {
    const h = await tamperableDb();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(h.db);
    await sql`DELETE FROM audit_log WHERE seq = 2`.execute(h.db);
    const r = await verifyAuditChain(h.db);
    expect(r.ok).toBe(false);
    expect(r.broken).toEqual(['2']);
    expect(r.rows).toBe(5);
    await h.close();
  });

  it('detects a removed row together with its seal (the link of its successor breaks)', async () => {
    const h = await tamperableDb();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(h.db);
    await sql`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_update`.execute(h.db);
    await sql`DELETE FROM audit_log WHERE seq = 2`.execute(h.db);
    await sql`DELETE FROM audit_seal WHERE seq = 2`.execute(h.db);
    const r = await verifyAuditChain(h.db);
    expect(r.ok).toBe(false);
    expect(r.broken).toEqual(['3']);
    expect(r.rows).toBe(4);
    await h.close();
  });

  it('a changed seal is found too (its hash no longer matches its row)', async () => {
    const h = await tamperableDb();
    await sql`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_update`.execute(h.db);
    await sql`UPDATE audit_seal SET hash = repeat('a', 64) WHERE seq = 4`.execute(h.db);
    const r = await verifyAuditChain(h.db);
    expect(r).toMatchObject({ ok: false, changed: ['4'], broken: ['5'] });
    await h.close();
  });

  it('npm run audit:verify exits 0 on an intact trail and 1 after a row was changed or removed', async () => {
    const base = process.env.TEST_DATABASE_URL;
    let env: NodeJS.ProcessEnv;
    let cleanup: () => Promise<void>;
    if (base) {
      const created = await createPostgresDatabase(base);
      env = { DATABASE_URL: created.url };
      cleanup = created.drop;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuisroute-audit-'));
      env = { DATA_DIR: dir };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
    try {
      const h = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR ?? '' });
      await migrate(h);
      const clock = fixedClock('2026-03-02T09:00:00Z');
      for (let i = 0; i < 3; i++) await writeAudit(h.db, clock, null, { action: 'cli.test', resourceType: 'test', outcome: 'success' }, { userId: null });
      await h.close();
      const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/modules/audit/verify-cli.ts', ...args], { env: { ...process.env, ...env, NODE_ENV: 'test' }, cwd: process.cwd() });
      // Not sealed yet: intact, three rows waiting; --seal chains them first (what the sealer job does).
      expect((await cli()).stdout).toContain('Audit trail intact: 0 rows, head null null; 3 row(s) not sealed yet.');
      const ok = await cli('--seal');
      expect(ok.stdout).toContain('Sealed 3 row(s).');
      expect(ok.stdout).toContain('Audit trail intact: 3 rows');
      const h2 = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR ?? '' });
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(h2.db);
      await sql`UPDATE audit_log SET action = 'forged' WHERE seq = 2`.execute(h2.db);
      await h2.close();
      const bad = await cli().then(() => null, (e: { code: number; stderr: string }) => e);
      expect(bad?.code).toBe(1);
      expect(bad?.stderr).toContain('NOT intact: 1 changed row(s), 0 broken link(s)');
      const h3 = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR ?? '' });
      await sql`UPDATE audit_log SET action = 'cli.test' WHERE seq = 2`.execute(h3.db); // back as it was
      await sql`DELETE FROM audit_log WHERE seq = 3`.execute(h3.db);
      await h3.close();
      const removed = await cli().then(() => null, (e: { code: number; stderr: string }) => e);
      expect(removed?.code).toBe(1);
      expect(removed?.stderr).toContain('NOT intact: 0 changed row(s), 1 broken link(s)');
    } finally {
      await cleanup();
    }
  }, 120_000);
});
