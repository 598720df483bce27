import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ATW_CALENDAR } from '../calendar/index.ts';
import { deriveNuisanceDeadlines, deriveReportDeadlines } from './deadlines.ts';
import { deriveNuisanceState } from './protocol.ts';
import type { Channel, NuisanceEvent, ReportFacts } from './model.ts';

const rep = (id: string, receivedOn: string, channel: Channel): ReportFacts => ({ id, channel, nuisanceType: 'noise', occurredAt: null, receivedOn, reporterKey: `k-${id}`, countsAgainstResident: channel !== 'C5' });
const stateOf = (reports: ReportFacts[]) => deriveNuisanceState({ hasSupport: true, highRisk: false }, reports.map((r, i): NuisanceEvent => ({ seq: i + 1, type: 'report_linked', occurredOn: r.receivedOn, data: { report: r } })));

describe('one report\'s deadlines (the reporting point\'s queue)', () => {
  it('D-OV-01 / D-OV-03 / D-OV-04: the report\'s own clock, the same deadlines the whole case derives for it', () => {
    const s = stateOf([rep('A', '2026-03-02', 'C1'), rep('B', '2026-03-06', 'C2')]);
    const all = deriveNuisanceDeadlines(ATW_CALENDAR, { hasSupport: true, highRisk: false }, s);
    expect(deriveReportDeadlines(ATW_CALENDAR, { hasSupport: true, highRisk: false }, s, 'B')).toEqual(all.filter((d) => d.key.endsWith(':B')));
    expect(deriveReportDeadlines(ATW_CALENDAR, { hasSupport: true, highRisk: false }, s, 'B').map((d) => [d.ruleId, d.due])).toEqual([['D-OV-02', '2026-03-10'], ['D-OV-03', '2026-03-10'], ['D-OV-08', '2026-03-13']]);
  });
  it('R-OV-05: no clock for an unknown report or an address without support', () => {
    const s = stateOf([rep('A', '2026-03-02', 'C1')]);
    expect(deriveReportDeadlines(ATW_CALENDAR, { hasSupport: true, highRisk: false }, s, 'X')).toEqual([]);
    expect(deriveReportDeadlines(ATW_CALENDAR, { hasSupport: false, highRisk: false }, s, 'A')).toEqual([]);
  });
  it('property: the per-report deadlines of every report together are the case\'s per-report deadlines', () => {
    const channel = fc.constantFrom<Channel>('C1', 'C2', 'C3', 'C4', 'C5');
    fc.assert(fc.property(fc.array(fc.tuple(channel, fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 6 }), (xs) => {
      const reports = xs.map(([c, d], i) => rep(`R${i}`, new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10), c)).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
      const s = stateOf(reports);
      const facts = { hasSupport: true, highRisk: false };
      const perReport = reports.flatMap((r) => deriveReportDeadlines(ATW_CALENDAR, facts, s, r.id)).map((d) => d.key).sort();
      const whole = deriveNuisanceDeadlines(ATW_CALENDAR, facts, s).filter((d) => d.key.includes(':')).map((d) => d.key).sort();
      expect(perReport).toEqual(whole);
    }));
  });
});
