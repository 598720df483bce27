import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUB_SITUATIONS, type NuisanceEventInput, type ReportFacts } from './model.ts';
import { HUB_SITUATION_WORDS, hubPrompts } from './mzwo.ts';
import { deriveNuisanceState } from './protocol.ts';

const FACTS = { hasSupport: true, highRisk: false };
const rep = (id: string, over: Partial<ReportFacts> = {}): ReportFacts => ({
  id, channel: 'C1', nuisanceType: 'noise', occurredAt: null, receivedOn: '2024-01-10', reporterKey: `k-${id}`, countsAgainstResident: true, ...over,
});
const link = (r: ReportFacts): NuisanceEventInput => ({ type: 'report_linked', occurredOn: r.receivedOn, data: { report: r } });
const prompts = (events: NuisanceEventInput[]) => hubPrompts(deriveNuisanceState(FACTS, events));
const escalated: NuisanceEventInput = { type: 'escalated', occurredOn: '2024-03-04', data: { action: 3, reportId: 'A', hubSkipDecision: null } };
const hub: NuisanceEventInput = { type: 'hub_involved', occurredOn: '2024-03-05', data: { situations: ['M2'] } };

describe('R-OV-20: prompting a report to the hub (M2, M6, M10)', () => {
  it('R-OV-20 / M2: two distinct reporters prompt; one reporter twice, or an unknown reporter, does not', () => {
    expect(prompts([link(rep('A'))])).toEqual([]);
    expect(prompts([link(rep('A', { reporterKey: 'k' })), link(rep('B', { reporterKey: 'k' }))])).toEqual([]);
    expect(prompts([link(rep('A', { reporterKey: 'k' })), link(rep('B', { reporterKey: null })), link(rep('C', { reporterKey: null }))])).toEqual([]);
    expect(prompts([link(rep('A')), link(rep('B'))])).toEqual(['M2']);
  });
  it('R-OV-20 / R-OV-10: a C5 reporter is not a neighbour complaining about the resident', () => {
    expect(prompts([link(rep('A')), link(rep('B', { channel: 'C5', countsAgainstResident: false }))])).toEqual([]);
  });
  it('R-OV-20 / M6: reaching action 3 prompts', () => {
    expect(prompts([link(rep('A')), escalated])).toEqual(['M6']);
  });
  it('R-OV-20 / M10: a harassment report against the resident prompts; one by the resident (C5) does not', () => {
    expect(prompts([link(rep('A', { nuisanceType: 'harassment' }))])).toEqual(['M10']);
    expect(prompts([link(rep('A', { nuisanceType: 'harassment', channel: 'C5', countsAgainstResident: false }))])).toEqual([]);
  });
  it('R-OV-20: all three together, in order; nothing once the hub is involved', () => {
    const all = [link(rep('A', { nuisanceType: 'harassment' })), link(rep('B')), escalated];
    expect(prompts(all)).toEqual(['M2', 'M6', 'M10']);
    expect(prompts([...all, hub])).toEqual([]);
  });
  it('R-OV-20: the prompts are always a subset of M2, M6, M10 without repeats (property)', () => {
    const reportArb = fc.record({
      key: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: null }),
      type: fc.constantFrom('noise' as const, 'harassment' as const),
      c5: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(reportArb, { maxLength: 6 }), fc.boolean(), (rs, esc) => {
      const events = rs.map((r, i) => link(rep(`R${i}`, { reporterKey: r.key, nuisanceType: r.type, ...(r.c5 ? { channel: 'C5' as const, countsAgainstResident: false } : {}) })));
      const p = prompts(esc ? [...events, escalated] : events);
      expect(new Set(p).size).toBe(p.length);
      expect(p.every((m) => ['M2', 'M6', 'M10'].includes(m))).toBe(true);
      expect(p.includes('M6')).toBe(esc);
    }));
  });
  it('R-OV-20: every situation M1–M10 has words in Dutch and English', () => {
    expect(Object.keys(HUB_SITUATION_WORDS)).toEqual([...HUB_SITUATIONS]);
    for (const m of HUB_SITUATIONS) {
      expect(HUB_SITUATION_WORDS[m].nl.length).toBeGreaterThan(0);
      expect(HUB_SITUATION_WORDS[m].en.length).toBeGreaterThan(0);
    }
  });
});
