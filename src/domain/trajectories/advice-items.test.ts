/** Mutation tests for the SHOULD-level notices (advice.ts): each boundary on both sides, expected values by hand. */
import { describe, expect, it } from 'vitest';
import { initialState, notices, type TrajectoryState } from './index.ts';

const st = (o: Partial<TrajectoryState>): TrajectoryState => ({ ...initialState(), ...o });
const rules = (o: Partial<TrajectoryState>, asOf = '2026-06-15', birthDate: string | null = null) => notices({ state: st(o), asOf, birthDate }).map((n) => n.rule);

describe('advice notices', () => {
  it('R-OR-13 / D-01: warns only the day after three months from the later of decision and urgency', () => {
    const s = { decisionOn: '2026-01-12', urgencyOn: '2026-01-19' };
    expect(rules(s, '2026-04-19')).toEqual([]);
    expect(rules(s, '2026-04-20')).toEqual(['R-OR-13']);
    const decisionLast = { decisionOn: '2026-02-10', urgencyOn: '2026-01-19' };
    expect(rules(decisionLast, '2026-05-10')).toEqual([]);
    expect(rules(decisionLast, '2026-05-11')).toEqual(['R-OR-13']);
  });

  it('R-OR-13: no warning once the client was informed of an offer', () => {
    const offer = { offerId: null, eventId: 'e9', receivedOn: '2026-03-01', availableOn: '2026-03-10', address: 'x', reply: null, repliedOn: null, viewedOn: null, refusedOn: null, clientRefusedOn: null };
    const base = { decisionOn: '2026-01-12', urgencyOn: '2026-01-19' };
    expect(rules({ ...base, offers: [{ ...offer, clientInformedOn: '2026-03-12' }] }, '2026-06-01')).toEqual([]);
    expect(rules({ ...base, offers: [{ ...offer, clientInformedOn: null }] }, '2026-06-01')).toEqual(['R-OR-13']);
  });

  it('R-OR-39 / D-11: a young adult is 18 to 27 inclusive on the day; then an interval over 6 months is flagged', () => {
    const s = { evaluationIntervalMonths: 12 };
    const on = (birth: string) => rules(s, '2026-06-15', birth);
    expect(on('2008-06-15')).toEqual(['R-OR-39']); // 18 that day
    expect(on('2008-06-16')).toEqual([]); // 17, birthday tomorrow
    expect(on('2008-05-16')).toEqual(['R-OR-39']); // 18, birth month before
    expect(on('2008-07-14')).toEqual([]); // 17, birth month after
    expect(on('1998-06-16')).toEqual(['R-OR-39']); // still 27
    expect(on('1998-06-15')).toEqual([]); // 28 that day
    expect(on('1998-07-01')).toEqual(['R-OR-39']); // 27
    expect(on('1998-05-30')).toEqual([]); // 28
    expect(rules(s, '2026-06-15', null)).toEqual([]);
  });

  it('R-OR-39: six months is allowed, seven is flagged; no interval agreed is not flagged; multi-problem family counts too', () => {
    const young = '2005-01-01';
    expect(rules({ evaluationIntervalMonths: 6 }, '2026-06-15', young)).toEqual([]);
    expect(rules({ evaluationIntervalMonths: 7 }, '2026-06-15', young)).toEqual(['R-OR-39']);
    expect(rules({ evaluationIntervalMonths: null }, '2026-06-15', young)).toEqual([]);
    expect(rules({ evaluationIntervalMonths: 12, multiProblemFamily: true }, '2026-06-15', '1970-01-01')).toEqual(['R-OR-39']);
    expect(rules({ evaluationIntervalMonths: 12, multiProblemFamily: false }, '2026-06-15', '1970-01-01')).toEqual([]);
  });

  it('R-OR-32: warns after the key handover while the transfer goals are not recorded as communicated', () => {
    expect(rules({ keyHandoverOn: '2026-04-16' })).toEqual(['R-OR-32']);
    expect(rules({ keyHandoverOn: '2026-04-16', transferGoalsCommunicatedOn: '2026-04-15' })).toEqual([]);
    expect(rules({ keyHandoverOn: null })).toEqual([]);
  });

  it('R-OR-65: in P8 a goal linked to the urgency and not achieved is flagged; achieved or unlinked goals are not', () => {
    const goal = (linkedToUrgency: boolean, achieved: boolean) => ({ id: 'g', domain: 'daytime_activities', text: 't', linkedToUrgency, achieved, achievedOn: achieved ? '2027-01-01' : null }) as unknown as TrajectoryState['goals'][number];
    expect(rules({ phase: 'P8_transfer', goals: [goal(true, false)] })).toEqual(['R-OR-65']);
    expect(rules({ phase: 'P8_transfer', goals: [goal(true, true)] })).toEqual([]);
    expect(rules({ phase: 'P8_transfer', goals: [goal(false, false)] })).toEqual([]);
    expect(rules({ phase: 'P7_living', goals: [goal(true, false)] })).toEqual([]);
  });

  it('R-OR-94: consent withdrawn (given before, not active now) is flagged; never given or active is not', () => {
    expect(rules({ consentActive: false, consentId: 'c1' })).toEqual(['R-OR-94']);
    expect(rules({ consentActive: true, consentId: 'c1' })).toEqual([]);
    expect(rules({ consentActive: false, consentId: null })).toEqual([]);
  });

  it('R-OR-72 / D-14: the contract-in-own-name notice shows from the day after 4 weeks, not once signed', () => {
    expect(rules({ wonenConfirmedOn: '2027-06-01' }, '2027-06-29')).toEqual([]);
    expect(rules({ wonenConfirmedOn: '2027-06-01' }, '2027-06-30')).toEqual(['R-OR-72']);
    expect(rules({ wonenConfirmedOn: '2027-06-01', contractOwnNameOn: '2027-06-20' }, '2027-07-30')).toEqual([]);
  });
});
