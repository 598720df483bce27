/**
 * The daily digest e-mail: built per user from the worklist into the outbox, drained by the
 * outbox worker through nodemailer to a real SMTP server started in this test (smtp-server),
 * retried with exponential backoff on failure; and the job runner that schedules it.
 *
 * This file is one walkthrough, in order: the digests are built (today, again today, the next day),
 * the outbox then sends the four mails built, a failed send is retried, and the jobs run it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestApp, userId, type Agent, type TestContext, actFor, etagOf } from '../support/harness.ts';
import { buildDigests, clientInitials } from '../../src/modules/notifications/digest.ts';
import { drainOutbox, enqueueEmail, OUTBOX_MAX_ATTEMPTS } from '../../src/modules/notifications/outbox.ts';
import { createMailTransport, mailSettingsFromEnv, type MailTransport } from '../../src/platform/mail.ts';
import { JobRunner, JOB_LOCK_NAMESPACE, withJobLock, type JobLogger } from '../../src/platform/jobs/runner.ts';
import { moduleJobs } from '../../src/platform/module.ts';
import { MODULES } from '../../src/app/modules.ts';

const BASE = 'https://thuisroute.example';
const FROM = 'Thuisroute <no-reply@thuisroute.example>';

let ctx: TestContext;
let sanne: string;
let daan: string;
const tids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

interface Received {
  from: string;
  to: string[];
  raw: string;
}
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
/** Recipients refused this many more times (RCPT TO → 450). */
const refuse = new Map<string, number>();

const silent: JobLogger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

async function loginCareWorker(): Promise<Agent> {
  return actFor(await ctx.login('begeleider'), 'ZA-HORIZON');
}

/** A client with a trajectory whose Fibu agreements (D-12: evaluation every six months) were made on `fibuOn`. */
async function caseWithFibu(cw: Agent, firstName: string, lastName: string, startedOn: string, fibuOn: string): Promise<string> {
  const c = await cw.post('/api/v1/clients', { firstName, lastName, birthDate: '1985-05-05', address: 'Kade 1, Veenhaven' });
  expect(c.statusCode, c.body).toBe(201);
  const t = await cw.post('/api/v1/trajectories', { clientId: c.json().id, startedOn });
  expect(t.statusCode, t.body).toBe(201);
  const ev = await cw.post(`/api/v1/trajectories/${t.json().id}/events`, { type: 'fibu_agreements_made', occurredOn: fibuOn, data: {} }, { 'if-match': t.headers.etag as string });
  expect(ev.statusCode, ev.body).toBe(201);
  return t.json().id;
}

/** The text/plain part of a raw MIME message, decoded (quoted-printable or base64). */
function textPart(raw: string): string {
  const part = raw.split(/\r\n--[^\r\n]+\r\n/).find((p) => /^Content-Type: text\/plain/im.test(p.split('\r\n\r\n')[0]!));
  if (!part) return '';
  const [head, ...rest] = part.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n').replace(/\r\n--[^\r\n]*--\s*$/, '');
  if (/Content-Transfer-Encoding: base64/i.test(head!)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head!)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(raw)?.[1]?.trim();

beforeAll(async () => {
  ctx = await startTestApp();
  ctx.clock.set('2026-03-02T09:00:00Z');
  sanne = await userId(ctx, 'begeleider');
  daan = await userId(ctx, 'collega');
  const cw = await loginCareWorker();
  // A: D-12 due Monday 2 February 2026 (1 Feb is a Sunday) → overdue on 2 March.
  tids.A = await caseWithFibu(cw, 'Ayla', 'Demir', '2025-06-02', '2025-08-01');
  // B: D-12 due Wednesday 4 March 2026 → due within 10 working days.
  tids.B = await caseWithFibu(cw, 'Bram', 'van der Kok', '2025-08-15', '2025-09-04');
  // C: D-12 due Monday 9 March 2026, handed to Daan (English-speaking colleague) as personal supervisor.
  tids.C = await caseWithFibu(cw, 'Chloé', 'Janssen', '2025-09-01', '2025-09-09');
  const handed = await cw.post(`/api/v1/trajectories/${tids.C}/team`, { userId: daan, caseRole: 'personal_supervisor' }, { 'if-match': await etagOf(cw, `/api/v1/trajectories/${tids.C}`) });
  expect(handed.statusCode, handed.body).toBe(201);

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      const left = refuse.get(address.address) ?? 0;
      if (left > 0) {
        refuse.set(address.address, left - 1);
        const err = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
        err.responseCode = 450;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await ctx?.close();
});

describe('daily digest', () => {
  it('digest: one e-mail per user with a non-empty worklist, overdue first, in the user’s language, naming clients by initials only', async () => {
    const r = await buildDigests(ctx.db, ctx.clock, { publicBaseUrl: BASE });
    expect(r).toMatchObject({ date: '2026-03-02', written: 2, alreadyBuilt: 0 });
    const rows = await ctx.db.selectFrom('outbox_emails').selectAll().orderBy('to_address').execute();
    expect(rows.map((x) => x.to_address)).toEqual(['begeleider@demo.thuisroute.nl', 'collega@demo.thuisroute.nl']);

    const nl = rows[0]!;
    expect(nl.dedupe_key).toBe(`digest:${sanne}:2026-03-02`);
    expect(nl.subject).toBe('Thuisroute: 1 termijn verlopen, 1 binnenkort');
    expect(nl.sent_at).toBeNull();
    expect(nl.attempts).toBe(0);
    const text = nl.body_text;
    expect(text).toContain('Goedemorgen Sanne de Vries,');
    expect(text).toContain('- D-12 Fibu-evaluatie elk half jaar');
    expect(text).toContain('Uiterlijk: maandag 2 februari 2026 · Cliënt: A.D.');
    expect(text).toContain('Uiterlijk: woensdag 4 maart 2026 · Cliënt: B.K.');
    expect(text).toContain(`${BASE}/trajecten/${tids.A}`);
    expect(text.indexOf('Verlopen termijnen (1)')).toBeLessThan(text.indexOf('Binnenkort (tot en met maandag 16 maart 2026) (1)'));
    expect(text.indexOf(tids.A)).toBeLessThan(text.indexOf(tids.B));
    expect(nl.body_html).toContain(`<a href="${BASE}/trajecten/${tids.B}">Open het traject</a>`);
    // Privacy by design: no names, birth dates or addresses of clients leave the platform.
    for (const s of ['Ayla', 'Demir', 'Bram', 'Kok', 'Chloé', '1985', 'Kade 1']) {
      expect(text, s).not.toContain(s);
      expect(nl.body_html, s).not.toContain(s);
    }
    expect(text).not.toContain(tids.C);

    const en = rows[1]!;
    expect(en.subject).toBe('Thuisroute: 1 deadline due soon');
    expect(en.body_text).toContain('Good morning Daan Mulder,');
    expect(en.body_text).toContain('- D-12 Fibu evaluation every six months');
    expect(en.body_text).toContain('Due: Monday 9 March 2026 · Client: C.J.');
    expect(en.body_text).toContain(`${BASE}/trajecten/${tids.C}`);
    expect(en.body_text).not.toContain('Chloé');
  });

  it('digest: building twice on a day writes nothing new; the next day builds again', async () => {
    expect(await buildDigests(ctx.db, ctx.clock, { publicBaseUrl: BASE })).toMatchObject({ written: 0, alreadyBuilt: 2 });
    expect(await ctx.db.selectFrom('outbox_emails').select('id').execute()).toHaveLength(2);
    ctx.clock.set('2026-03-03T06:30:00Z');
    expect(await buildDigests(ctx.db, ctx.clock, { publicBaseUrl: BASE })).toMatchObject({ date: '2026-03-03', written: 2 });
    const keys = (await ctx.db.selectFrom('outbox_emails').select('dedupe_key').orderBy('dedupe_key').execute()).map((r) => r.dedupe_key);
    expect(keys).toEqual(expect.arrayContaining([`digest:${sanne}:2026-03-03`, `digest:${daan}:2026-03-03`]));
  });

  it('digest: initials leave out Dutch surname particles', () => {
    expect(clientInitials('Ayla', 'Demir')).toBe('A.D.');
    expect(clientInitials('Jan Willem', 'van der Berg')).toBe('J.W.B.');
    expect(clientInitials('Özlem', "'t Hart")).toBe('Ö.H.');
    expect(clientInitials(null, null)).toBeNull();
  });
});

describe('outbox', () => {
  it('outbox: the drainer sends through nodemailer to a real SMTP server; To, Subject and body as built, never the client’s name', async () => {
    // Without SMTP_URL nothing is sent and the rows stay pending.
    expect(mailSettingsFromEnv({})).toEqual({ smtpUrl: null, from: 'Thuisroute <no-reply@thuisroute.invalid>' });
    expect(await drainOutbox(ctx.db, ctx.clock, null, { from: FROM })).toMatchObject({ skipped: true, sent: 0 });

    const transport = createMailTransport(mailSettingsFromEnv({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }).smtpUrl!);
    const r = await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM });
    expect(r).toEqual({ sent: 4, failed: 0, gaveUp: 0, skipped: false });
    const msg = received.find((m) => m.to.includes('begeleider@demo.thuisroute.nl') && header(m.raw, 'Subject') === 'Thuisroute: 1 termijn verlopen, 1 binnenkort')!;
    expect(msg).toBeTruthy();
    expect(msg.from).toBe('no-reply@thuisroute.example');
    expect(header(msg.raw, 'To')).toBe('begeleider@demo.thuisroute.nl');
    expect(header(msg.raw, 'From')).toBe(FROM);
    const body = textPart(msg.raw);
    expect(body).toContain('D-12 Fibu-evaluatie elk half jaar');
    expect(body).toContain('maandag 2 februari 2026');
    expect(body).toContain('woensdag 4 maart 2026');
    expect(body).toContain('Cliënt: A.D.');
    expect(body).toContain(`${BASE}/trajecten/${tids.A}`);
    expect(msg.raw).toMatch(/Content-Type: text\/html/i);
    for (const s of ['Ayla', 'Demir', 'Bram', 'van der Kok']) expect(msg.raw, s).not.toContain(s);

    const rows = await ctx.db.selectFrom('outbox_emails').select(['sent_at', 'attempts', 'last_error']).execute();
    expect(rows.every((x) => x.sent_at !== null && x.attempts === 1 && x.last_error === null)).toBe(true);
    expect(await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM })).toMatchObject({ sent: 0 });
  });

  it('outbox: a failed send is retried with backoff', async () => {
    const transport: MailTransport = createMailTransport(`smtp://127.0.0.1:${smtpPort}`);
    refuse.set('flaky@example.org', 2);
    refuse.set('gone@example.org', 1_000);
    await enqueueEmail(ctx.db, ctx.clock, { to: 'flaky@example.org', subject: 'Thuisroute: test', text: 'hallo' });
    await enqueueEmail(ctx.db, ctx.clock, { to: 'gone@example.org', subject: 'Thuisroute: test', text: 'hallo' });
    const row = (to: string) => ctx.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', to).executeTakeFirstOrThrow();

    // Attempt 1 fails: the next attempt is one minute later; nothing happens before it.
    let at = ctx.clock.now().getTime();
    expect(await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM })).toMatchObject({ sent: 0, failed: 2 });
    let flaky = await row('flaky@example.org');
    expect(flaky).toMatchObject({ attempts: 1, sent_at: null });
    expect(flaky.last_error).toMatch(/450|temporarily unavailable/i);
    expect(new Date(flaky.next_attempt_at).getTime() - at).toBe(60_000);
    ctx.clock.advance(59_000);
    expect(await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM })).toMatchObject({ sent: 0, failed: 0 });

    // Attempt 2 fails: two minutes; attempt 3 succeeds.
    ctx.clock.advance(1_000);
    at = ctx.clock.now().getTime();
    expect(await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM })).toMatchObject({ sent: 0, failed: 2 });
    flaky = await row('flaky@example.org');
    expect(flaky.attempts).toBe(2);
    expect(new Date(flaky.next_attempt_at).getTime() - at).toBe(120_000);
    ctx.clock.advance(120_000);
    expect(await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM })).toMatchObject({ sent: 1, failed: 1 });
    flaky = await row('flaky@example.org');
    expect(flaky).toMatchObject({ attempts: 3, last_error: null });
    expect(flaky.sent_at).not.toBeNull();
    expect(received.filter((m) => m.to.includes('flaky@example.org'))).toHaveLength(1);

    // The other keeps failing: 1, 2, 4, 8, 16, 32, 64 minutes apart; after 8 attempts it is given up, its last error kept.
    let gone = await row('gone@example.org');
    const waits: number[] = [(new Date(gone.next_attempt_at).getTime() - ctx.clock.now().getTime()) / 60_000];
    while (gone.attempts < OUTBOX_MAX_ATTEMPTS) {
      const before = ctx.clock.now().getTime();
      ctx.clock.set(new Date(gone.next_attempt_at).toISOString());
      await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM });
      gone = await row('gone@example.org');
      if (gone.attempts < OUTBOX_MAX_ATTEMPTS) waits.push((new Date(gone.next_attempt_at).getTime() - ctx.clock.now().getTime()) / 60_000);
      expect(ctx.clock.now().getTime()).toBeGreaterThanOrEqual(before);
    }
    expect(waits).toEqual([4, 8, 16, 32, 64]);
    expect(gone).toMatchObject({ attempts: 8, sent_at: null });
    expect(gone.last_error).toMatch(/450|temporarily unavailable/i);
    ctx.clock.advance(24 * 3600_000);
    expect(await drainOutbox(ctx.db, ctx.clock, transport, { from: FROM })).toMatchObject({ sent: 0, failed: 0, gaveUp: 0 });
    expect((await row('gone@example.org')).attempts).toBe(8);
  });
});

describe('job runner', () => {
  it('jobs: the digest is built once a day at or after 07:00 Europe/Amsterdam, under an advisory lock, and the outbox job sends it', async () => {
    const transport = createMailTransport(`smtp://127.0.0.1:${smtpPort}`);
    const allJobs = moduleJobs(MODULES, { database: ctx.server.database, clock: ctx.clock, config: { publicBaseUrl: BASE }, mail: { smtpUrl: null, from: FROM }, log: silent, transport });
    // The audit sealer runs every 250 ms (ADR 0014; tested in test/integration/audit-sealer.test.ts).
    expect(allJobs.find((j) => j.name === 'audit-sealer')?.everyMs).toBe(250);
    const jobs = allJobs.filter((j) => j.name !== 'audit-sealer');
    expect(jobs.map((j) => [j.name, j.everyMs])).toEqual([['deletions', 3_600_000], ['digest', 300_000], ['outbox', 30_000]]);
    const digest = jobs.find((j) => j.name === 'digest')!;
    // Observe the lock while the digest job runs.
    let locksHeld = -1;
    const observed = { ...digest, run: async () => {
      // Two-key advisory lock: classid = namespace, objid = hashtext(job name) read as an unsigned oid.
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = ${JOB_LOCK_NAMESPACE} AND objsubid = 2
        AND objid::bigint = (hashtext('digest')::bigint + 4294967296) % 4294967296 AND granted`.execute(ctx.db);
      locksHeld = rows[0]!.n;
      return digest.run();
    } };
    const runner = new JobRunner({ database: ctx.server.database, clock: ctx.clock, log: silent, jobs: [jobs[0]!, observed, jobs[2]!] });

    ctx.clock.set('2026-03-04T05:59:00Z'); // 06:59 in Amsterdam (CET)
    let out = await runner.tick();
    expect(out.deletions).toMatchObject({ status: 'ran', result: { due: 0 } });
    expect(out.digest).toMatchObject({ status: 'ran', result: { skipped: 'before_07_00' } });
    expect(locksHeld).toBe(1);
    // Not due again until five minutes have passed on the clock.
    ctx.clock.advance(60_000);
    out = await runner.tick();
    expect(out.digest).toEqual({ status: 'not_due' });
    expect(out.deletions).toEqual({ status: 'not_due' });
    ctx.clock.advance(4 * 60_000); // 07:04
    out = await runner.tick();
    expect(out.digest).toMatchObject({ status: 'ran', result: { date: '2026-03-04', written: 2 } });
    expect(out.outbox).toMatchObject({ status: 'ran' });
    ctx.clock.advance(5 * 60_000);
    out = await runner.tick();
    expect(out.digest).toMatchObject({ status: 'ran', result: { skipped: 'built_today' } });
    expect(out.outbox).toMatchObject({ status: 'ran' });
    expect((await ctx.db.selectFrom('outbox_emails').select('id').where('sent_at', 'is', null).where('attempts', '<', OUTBOX_MAX_ATTEMPTS).execute())).toEqual([]);
    expect(received.filter((m) => /Thuisroute: \d/.test(header(m.raw, 'Subject') ?? '') && m.to.includes('collega@demo.thuisroute.nl'))).toHaveLength(3);

    // One run at a time per job; stop() waits for running jobs and then refuses new runs.
    const first = runner.runNow('deletions');
    expect(await runner.runNow('deletions')).toEqual({ status: 'busy' });
    await runner.stop();
    expect(await first).toMatchObject({ status: 'ran' });
    expect(await runner.runNow('outbox')).toEqual({ status: 'stopped' });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = ${JOB_LOCK_NAMESPACE}`.execute(ctx.db);
    expect(rows[0]!.n).toBe(0);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('jobs: on PostgreSQL a second app instance skips a job while the first holds its lock', async () => {
    const db = ctx.server.database;
    const other = new JobRunner({ database: db, clock: ctx.clock, log: silent, jobs: [{ name: 'outbox', everyMs: 30_000, run: async () => 'ran' }] });
    const inner = await withJobLock(db, 'outbox', () => other.runNow('outbox'));
    expect(inner).toEqual({ acquired: true, value: { status: 'locked' } });
    expect(await other.runNow('outbox')).toMatchObject({ status: 'ran', result: 'ran' });
  });
});
