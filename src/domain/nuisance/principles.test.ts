/**
 * Principles of the nuisance protocol that hold over whole cases (overlast.md §7.1, §7.4, §7.6):
 * the file that supports an eviction (R-OV-08), eviction only as the last step through the court
 * (R-OV-40), the New Chance outside the court (R-OV-50), and the nuisance check before the lease
 * goes to the resident's own name (D-OV-14).
 */
import { describe, expect, it } from 'vitest';
import { applyNuisanceEvent, checkNuisanceEvent, initialNuisanceState, NUISANCE_TRANSITIONS } from './protocol.ts';
import { NEW_CHANCE_TRANSITIONS } from './new-chance.ts';
import { NUISANCE_STATES, type EscalationAction, type NuisanceEventInput, type NuisanceParty, type NuisanceState, type ReportFacts } from './model.ts';
import { initialState, transferConditions } from '../trajectories/index.ts';

const FACTS = { hasSupport: true, highRisk: false };
const TODAY = '2024-12-31';
const rep = (id: string, on: string): ReportFacts => ({ id, channel: 'C1', nuisanceType: 'noise', occurredAt: `${on}T23:30`, receivedOn: on, reporterKey: `k-${id}`, countsAgainstResident: true });
const ev = (type: NuisanceEventInput['type'], occurredOn: string, data: Record<string, unknown>) => ({ type, occurredOn, data }) as NuisanceEventInput;
const complaint = (id: string, on: string) => [ev('report_linked', on, { report: rep(id, on) }), ev('hearing_held', on, { reportId: id }), ev('judged', on, { reportId: id, behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: false })];
const steps = (action: EscalationAction, on: string, ...names: string[]) => names.map((s) => ev('action_step_done', on, { action, step: s }));
const letter = (id: string, kind: string, action: EscalationAction | null, on: string) => ev('letter_issued', on, { letterId: id, kind, action, agreementsNotKept: ['Geen harde muziek na 22.00 uur'] });

/** Plays the events through the checks, each by a party the transition table allows. */
function play(events: NuisanceEventInput[]): NuisanceState {
  let s = initialNuisanceState();
  for (const e of events) {
    const party = NUISANCE_TRANSITIONS[e.type].parties[0] as NuisanceParty;
    const v = checkNuisanceEvent({ facts: FACTS, state: s, party, today: TODAY }, e);
    if (v.length) throw new Error(`${e.type} refused: ${v.map((x) => x.code).join(', ')}`);
    s = applyNuisanceEvent(s, e);
  }
  return s;
}

const TO_COURT: NuisanceEventInput[] = [
  ...complaint('A1', '2024-01-10'), ev('corporation_informed', '2024-01-10', { approach: 'Wederhoor' }), ev('complainant_informed', '2024-01-11', { reportId: 'A1', togetherWithResident: true }),
  ...complaint('A2', '2024-02-01'), ev('escalated', '2024-02-01', { action: 3, reportId: 'A2' }),
  ...steps(3, '2024-02-02', 'warning_conversation', 'next_steps_explained', 'letter_archived', 'reporters_informed', 'police_advice'),
  letter('L3', 'warning_letter', 3, '2024-02-02'), ev('letter_signed', '2024-02-02', { letterId: 'L3', signature: 'signed', readAloud: true }), ev('letter_copied', '2024-02-02', { letterId: 'L3' }),
  ev('hub_involved', '2024-02-02', { situations: ['M6'] }),
  ...complaint('A3', '2024-03-01'), ev('escalated', '2024-03-01', { action: 4, reportId: 'A3' }),
  ...steps(4, '2024-03-02', 'team_manager_conversation', 'registered_in_file', 'neighbours_informed', 'hub_lead_discussed', 'legal_advice'),
  letter('L4', 'official_warning_letter', 4, '2024-03-02'), ev('letter_copied', '2024-03-02', { letterId: 'L4' }),
  ...complaint('A4', '2024-04-01'), ev('escalated', '2024-04-01', { action: 5, reportId: 'A4' }),
  ...steps(5, '2024-04-02', 'formal_notice_filed', 'legal_advice'),
  letter('L5', 'formal_notice', 5, '2024-04-02'), ev('letter_signed', '2024-04-02', { letterId: 'L5', signature: 'seen', readAloud: false }), ev('letter_copied', '2024-04-02', { letterId: 'L5' }),
  ...complaint('A5', '2024-05-01'), ev('escalated', '2024-05-01', { action: 6, reportId: 'A5' }),
  letter('L6', 'dissolution_notice', 6, '2024-05-02'), ...steps(6, '2024-05-02', 'legal_advice'),
  ev('hub_lead_taken', '2024-05-03', {}), ev('eiv_decided', '2024-05-03', { issued: true }),
];

describe('eviction: the file and the court', () => {
  it('R-OV-08: by the time the court is asked, the case holds the file: every complaint heard and judged justified, the letters of actions 3–6 with the resident\'s signatures and the copies to the corporation', () => {
    const s = play([...TO_COURT, ev('court_requested', '2024-05-06', { ground: 'nuisance_file' })]);
    expect(s.status).toBe('court_requested');
    expect(s.reports.map((r) => [r.id, r.heardOn !== null, r.judgement?.justified])).toEqual(['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => [id, true, true]));
    expect(s.letters.map((l) => [l.kind, l.signature, l.copiedOn !== null])).toEqual([
      ['warning_letter', 'signed', true], ['official_warning_letter', null, true], ['formal_notice', 'seen', true], ['dissolution_notice', null, false],
    ]);
    expect(s.eiv).toMatchObject({ issued: true });
  });

  it('R-OV-40: eviction is the ultimate measure: the court is asked only from action 6, never in any earlier state', () => {
    expect(NUISANCE_TRANSITIONS.court_requested.from).toEqual(['action_6']);
    const atFive = play(TO_COURT.slice(0, TO_COURT.findIndex((e) => e.type === 'escalated' && (e.data as { action: number }).action === 6)));
    expect(atFive.status).toBe('action_5');
    const v = checkNuisanceEvent({ facts: FACTS, state: atFive, party: 'care_provider', today: TODAY }, ev('court_requested', '2024-05-06', { ground: 'nuisance_file' }));
    expect(v.length).toBeGreaterThan(0);
    // In every state but action 6 the transition table refuses the court request.
    for (const status of NUISANCE_STATES.filter((x) => x !== 'action_6')) {
      const vs = checkNuisanceEvent({ facts: FACTS, state: { ...atFive, status }, party: 'care_provider', today: TODAY }, ev('court_requested', '2024-05-06', { ground: 'nuisance_file' }));
      expect(vs.length, status).toBeGreaterThan(0);
    }
  });
});

describe('New Chance outside the court', () => {
  it('R-OV-50: the New Chance route has no court step and ends either back in the resident\'s own name or by the hub; the lease is signed by the care provider or corporation', () => {
    const types = Object.keys(NEW_CHANCE_TRANSITIONS);
    expect(types.some((t) => /court|eviction|judgment/.test(t))).toBe(false);
    expect(NEW_CHANCE_TRANSITIONS.leases_signed.parties).toEqual(expect.arrayContaining(['care_provider']));
    expect(NEW_CHANCE_TRANSITIONS.leases_signed.parties).not.toContain('hub');
  });
});

describe('before the lease goes to the resident\'s own name', () => {
  it('D-OV-14 / R-OV-19: the transfer waits for the nuisance check with the hub and the corporation; with it done (and no behaviour change needed) the condition is met', () => {
    const t5 = (nuisanceCheck: ReturnType<typeof initialState>['nuisanceCheck']) => transferConditions({ ...initialState(), nuisanceCheck }, '2027-06-01').find((c) => c.id === 'T5')!;
    expect(t5(null).met).toBe(false);
    expect(t5({ on: '2027-05-01', complaintsFound: true, transferPossible: true, checkedWith: ['nuisance_hub', 'corporation'] }).met).toBe(true);
    expect(t5({ on: '2027-05-01', complaintsFound: false, transferPossible: true, checkedWith: ['corporation'] }).met).toBe(false);
  });
});
