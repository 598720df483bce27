/** The demo region has a live monitor on `npm start`: an agreement, plans, and placements up to today. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/harness.ts';
import type { MonitorResponse } from '../../src/domain/monitor/model.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ demoCases: true });
});
afterAll(async () => ctx?.close());

describe('demo monitor', () => {
  it('R-MO-17: the current year has deliveries to date, a plan with a status per row and corporation targets', async () => {
    const analyst = await ctx.login('analist');
    const res = await analyst.get('/api/v1/monitor?year=2026&municipality=GM9001');
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json() as MonitorResponse;
    expect(m.month).toBe(3); // TEST_NOW is 2 March 2026
    const ytd = m.rows.find((r) => r.metric === 'M-03' && r.period === 'ytd' && r.municipality === 'GM9001' && !r.mainGroup && !r.targetGroup && !r.corporation && !r.outsideAgreement);
    expect(ytd!.value as number).toBeGreaterThan(30);
    expect(m.rows.filter((r) => r.metric === 'M-07' && r.planVersion === 'current' && r.mainGroup)).toHaveLength(3);
    expect(m.rows.filter((r) => r.metric === 'M-09' && !r.measure)).toHaveLength(7);
    expect(m.rows.some((r) => r.metric === 'M-17' && (r.value as number) > 0)).toBe(true);
    expect(m.rows.find((r) => r.metric === 'M-01' && r.municipality === 'GM9001')!.value).toBe(420);
    // Last year is complete, with the revision as current plan and the initial one alongside (R-MO-09).
    const last = (await analyst.get('/api/v1/monitor?year=2025&municipality=GM9001')).json() as MonitorResponse;
    expect(last.planVersions.map((v) => [v.versionNo, v.role]).sort()).toEqual([[1, 'initial'], [2, 'current']]);
    expect(last.rows.some((r) => r.metric === 'M-22' && r.period === 'year')).toBe(true);
  });

  it('R-MO-39: the demo has room figures that add up to the released dwellings, so the household-size view has no warning', async () => {
    const analyst = await ctx.login('analist');
    const res = await analyst.get('/api/v1/monitor/tables/household-sizes?year=2025&month=12&municipality=GM9001');
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json() as { warnings: unknown[] };
    expect(t.warnings).toEqual([]);
  });
});
