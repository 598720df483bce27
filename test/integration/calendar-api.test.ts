import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgId, startTestApp, type TestContext } from '../support/harness.ts';
import { ATW_CALENDAR, computeDue } from '../../src/domain/calendar/index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

describe('calendar API', () => {
  it('GET /calendar/holidays lists the Atw holidays and decree days of a year', async () => {
    const res = await ctx.agent().get('/api/v1/calendar/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const dates = res.json().map((d: { date: string }) => d.date);
    expect(dates).toEqual(['2026-01-01', '2026-01-02', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-15', '2026-05-25', '2026-12-25', '2026-12-26']);
    expect(res.json().find((d: { date: string }) => d.date === '2026-04-03')).toMatchObject({ name: 'Goede Vrijdag', kind: 'statutory' });
    expect(res.json().find((d: { date: string }) => d.date === '2026-05-15').kind).toBe('decree');
  });

  it('GET /calendar/due gives the same answer as the domain function the deadlines use', async () => {
    const cases = [
      ['2026-04-02', 5, 'working_days'],
      ['2026-01-31', 1, 'months'],
      ['2026-02-20', 6, 'weeks'],
      ['2025-12-23', 3, 'days'],
      ['2026-03-02', 1, 'years'],
    ] as const;
    for (const [start, amount, unit] of cases) {
      const res = await ctx.agent().get(`/api/v1/calendar/due?start=${start}&amount=${amount}&unit=${unit}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(computeDue(ATW_CALENDAR, { start, amount, unit }))));
    }
    // Easter 2026: 5 working days after Thursday 2 April skip Good Friday and Easter Monday.
    expect((await ctx.agent().get('/api/v1/calendar/due?start=2026-04-02&amount=5&unit=working_days')).json().due).toBe('2026-04-13');
  });

  it('records why a due date moved (Atw art. 1)', async () => {
    const res = await ctx.agent().get('/api/v1/calendar/due?start=2026-02-23&amount=6&unit=weeks&ruleId=D-07');
    const body = res.json();
    expect(body.ruleId).toBe('D-07');
    expect(body.unadjustedDue).toBe('2026-04-06');
    expect(body.due).toBe('2026-04-07');
    expect(body.adjustments[0]).toMatchObject({ rule: 'ATW_ART1', from: '2026-04-06', to: '2026-04-07' });
    expect(body.adjustments[0].reason).toContain('Tweede Paasdag');
  });

  it('rejects 2025-02-30, an unknown unit and a negative amount with 400 problem+json', async () => {
    for (const q of ['start=2025-02-30&amount=1&unit=days', 'start=2025-02-01&amount=1&unit=fortnights', 'start=2025-02-01&amount=-1&unit=days', 'start=2025-02-01&amount=1.5&unit=days']) {
      const res = await ctx.agent().get(`/api/v1/calendar/due?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await ctx.agent().get('/api/v1/calendar/holidays?year=1999')).statusCode).toBe(400);
  });

  it('a per-organisation closing day moves that organisation’s due dates, not others’', async () => {
    const oa = await ctx.login('beheerder');
    const horizon = await orgId(ctx, 'ZA-HORIZON');
    const add = await oa.post('/api/v1/calendar/days', { date: '2026-06-05', name: 'Teamdag Horizon', organisationId: horizon });
    expect(add.statusCode).toBe(201);
    const q = 'start=2026-06-03&amount=2&unit=working_days';
    expect((await ctx.agent().get(`/api/v1/calendar/due?${q}`)).json().due).toBe('2026-06-05');
    expect((await ctx.agent().get(`/api/v1/calendar/due?${q}&organisationId=${horizon}`)).json().due).toBe('2026-06-08');
    expect((await ctx.agent().get(`/api/v1/calendar/holidays?year=2026&organisationId=${horizon}`)).json().map((d: { kind: string }) => d.kind)).toContain('organisation');
    // The Horizon administrator may not enter decree days or another organisation's closing days.
    expect((await oa.post('/api/v1/calendar/days', { date: '2029-05-11', name: 'Dag na Hemelvaart' })).statusCode).toBe(403);
    expect((await oa.post('/api/v1/calendar/days', { date: '2026-06-05', name: 'x', organisationId: await orgId(ctx, 'WC-LINDE') })).statusCode).toBe(403);
    expect((await oa.delete(`/api/v1/calendar/days/${add.json().id}`)).statusCode).toBe(204);
    expect((await ctx.agent().get(`/api/v1/calendar/due?${q}&organisationId=${horizon}`)).json().due).toBe('2026-06-05');
  });

  it('a platform administrator enters the decree days of a new year when published', async () => {
    const admin = await ctx.login('admin');
    expect((await ctx.agent().get('/api/v1/calendar/due?start=2029-05-10&amount=1&unit=working_days')).json().due).toBe('2029-05-11');
    const add = await admin.post('/api/v1/calendar/days', { date: '2029-05-11', name: 'Dag na Hemelvaartsdag (Besluit gelijkstelling)', nameEn: 'Day after Ascension Day (royal decree)' });
    expect(add.statusCode).toBe(201);
    expect((await ctx.agent().get('/api/v1/calendar/due?start=2029-05-10&amount=1&unit=working_days')).json().due).toBe('2029-05-14');
    expect((await admin.post('/api/v1/calendar/days', { date: '2029-05-11', name: 'dubbel' })).statusCode).toBe(409);
  });
});
