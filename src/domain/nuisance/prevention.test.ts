import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_DB_LIN, MIN_DB_LW, checkStartConversation, preventionGaps, underlayGaps, type Furnishing, type StartConversation } from './prevention.ts';
import { ATW_CALENDAR } from '../calendar/index.ts';
import { deriveNuisanceDeadlines } from './deadlines.ts';
import { deriveNuisanceState } from './protocol.ts';

const FLOOR_OK: Furnishing = { floorCovering: true, curtains: true, hardFloor: true, underlay: { mark: 'TNO', dbLin: 10, dbLw: 21 }, receiptKept: true };
const COMPLETE: StartConversation = {
  heldOn: '2026-03-02', furnishingRules: true, behaviourAndConsequences: true, neighbours: true, acquaintance: 'done', furnishing: FLOOR_OK, highRisk: false, note: null,
};
const codes = (p: StartConversation) => preventionGaps(p).map((g) => g.code);

describe('the start conversation (R-OV-14)', () => {
  it('R-OV-14: a complete start conversation with a compliant floor leaves nothing open', () => {
    expect(preventionGaps(COMPLETE)).toEqual([]);
  });
  it('R-OV-14: each of the three topics (furnishing rules, behaviour and consequences, neighbours) is required, and the conversation itself', () => {
    expect(codes({ ...COMPLETE, heldOn: null })).toEqual(['conversation_not_held']);
    expect(codes({ ...COMPLETE, furnishingRules: false })).toEqual(['furnishing_rules']);
    expect(codes({ ...COMPLETE, behaviourAndConsequences: false })).toEqual(['behaviour']);
    expect(codes({ ...COMPLETE, neighbours: false })).toEqual(['neighbours']);
    expect(preventionGaps({ ...COMPLETE, neighbours: false })[0]).toMatchObject({ rule: 'R-OV-14', level: 'MUST' });
  });
  it('R-OV-14: a start conversation cannot be dated after today (the day itself is fine)', () => {
    expect(checkStartConversation(COMPLETE, '2026-03-02')).toEqual([]);
    expect(checkStartConversation({ ...COMPLETE, heldOn: '2026-03-03' }, '2026-03-02')).toEqual([expect.objectContaining({ code: 'date_in_future', rule: 'R-OV-14', field: '/heldOn' })]);
  });
});

describe('the furnishing minimum (R-OV-15)', () => {
  it('R-OV-15: floor covering and curtains are the minimum', () => {
    expect(codes({ ...COMPLETE, furnishing: { ...FLOOR_OK, floorCovering: false } })).toEqual(['floor_covering']);
    expect(codes({ ...COMPLETE, furnishing: { ...FLOOR_OK, curtains: false } })).toEqual(['curtains']);
  });
  it('R-OV-15: under a hard floor a certified underlay of at least 10 dB Lin and 21 dB Lw: exactly the minimum passes, one below fails', () => {
    expect(underlayGaps(FLOOR_OK)).toEqual([]);
    expect(underlayGaps({ ...FLOOR_OK, underlay: { mark: 'TUV', dbLin: MIN_DB_LIN - 1, dbLw: MIN_DB_LW } }).map((g) => g.code)).toEqual(['underlay_db_lin']);
    expect(underlayGaps({ ...FLOOR_OK, underlay: { mark: 'TUV', dbLin: MIN_DB_LIN, dbLw: MIN_DB_LW - 1 } }).map((g) => g.code)).toEqual(['underlay_db_lw']);
    expect(underlayGaps({ ...FLOOR_OK, underlay: { mark: null, dbLin: 12, dbLw: 22 } }).map((g) => g.code)).toEqual(['underlay_not_certified']);
    expect(underlayGaps({ ...FLOOR_OK, underlay: { mark: 'TNO', dbLin: null, dbLw: null } }).map((g) => g.code)).toEqual(['underlay_db_lin', 'underlay_db_lw']);
    expect(underlayGaps({ ...FLOOR_OK, underlay: null }).map((g) => g.code)).toEqual(['underlay_missing']);
  });
  it('R-OV-15: without a hard floor no underlay is asked, and no receipt advice', () => {
    expect(codes({ ...COMPLETE, furnishing: { ...FLOOR_OK, hardFloor: false, underlay: null, receiptKept: false } })).toEqual([]);
  });
  it('R-OV-15: keeping the receipt is advice, listed after what is required', () => {
    const gaps = preventionGaps({ ...COMPLETE, neighbours: false, furnishing: { ...FLOOR_OK, receiptKept: false } });
    expect(gaps.map((g) => [g.code, g.level])).toEqual([['neighbours', 'MUST'], ['receipt', 'ADVICE']]);
  });
  it('R-OV-15: insulation figures outside 0–60 dB are impossible input', () => {
    expect(checkStartConversation({ ...COMPLETE, furnishing: { ...FLOOR_OK, underlay: { mark: 'TNO', dbLin: 61, dbLw: 21 } } }, '2026-03-02')).toEqual([expect.objectContaining({ field: '/furnishing/underlay/dbLin' })]);
    expect(checkStartConversation({ ...COMPLETE, furnishing: { ...FLOOR_OK, underlay: { mark: 'TNO', dbLin: 10, dbLw: -1 } } }, '2026-03-02')).toEqual([expect.objectContaining({ field: '/furnishing/underlay/dbLw' })]);
    expect(checkStartConversation({ ...COMPLETE, furnishing: { ...FLOOR_OK, underlay: { mark: 'TNO', dbLin: 0, dbLw: 60 } } }, '2026-03-02')).toEqual([]);
  });
});

describe('each open item names its rule', () => {
  it('R-OV-14 / R-OV-15: the conversation and its topics under R-OV-14, the furnishing under R-OV-15', () => {
    const nothing: StartConversation = {
      ...COMPLETE, heldOn: null, furnishingRules: false, behaviourAndConsequences: false, neighbours: false,
      furnishing: { floorCovering: false, curtains: false, hardFloor: true, underlay: null, receiptKept: false },
    };
    expect(preventionGaps(nothing).map((g) => [g.code, g.rule, g.level])).toEqual([
      ['conversation_not_held', 'R-OV-14', 'MUST'], ['furnishing_rules', 'R-OV-14', 'MUST'], ['behaviour', 'R-OV-14', 'MUST'], ['neighbours', 'R-OV-14', 'MUST'],
      ['floor_covering', 'R-OV-15', 'MUST'], ['curtains', 'R-OV-15', 'MUST'], ['underlay_missing', 'R-OV-15', 'MUST'], ['receipt', 'R-OV-15', 'ADVICE'],
    ]);
    expect(underlayGaps({ ...FLOOR_OK, underlay: { mark: null, dbLin: null, dbLw: null } }).map((g) => [g.code, g.rule, g.level])).toEqual([
      ['underlay_not_certified', 'R-OV-15', 'MUST'], ['underlay_db_lin', 'R-OV-15', 'MUST'], ['underlay_db_lw', 'R-OV-15', 'MUST'],
    ]);
    expect(checkStartConversation({ ...COMPLETE, furnishing: { ...FLOOR_OK, underlay: { mark: 'TNO', dbLin: -1, dbLw: 61 } } }, '2026-03-02').map((v) => [v.code, v.rule])).toEqual([['db_out_of_range', 'R-OV-15'], ['db_out_of_range', 'R-OV-15']]);
  });
});

describe('neighbours and risk (R-OV-16, R-OV-17)', () => {
  it('R-OV-17: getting acquainted is the resident\'s free choice: declining is never a gap, not discussing is advice', () => {
    expect(codes({ ...COMPLETE, acquaintance: 'declined' })).toEqual([]);
    expect(codes({ ...COMPLETE, acquaintance: 'planned' })).toEqual([]);
    expect(preventionGaps({ ...COMPLETE, acquaintance: 'not_discussed' })).toEqual([expect.objectContaining({ code: 'acquaintance', level: 'ADVICE', rule: 'R-OV-17' })]);
  });
  it('R-OV-16: the high-risk flag is the resident\'s own fact, never a gap', () => {
    expect(preventionGaps({ ...COMPLETE, highRisk: true })).toEqual([]);
  });
  it('property: a gap exists exactly for each missing required item (oracle: counting the false flags)', () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (held, a, b, c, floor, curtains) => {
      const p: StartConversation = { ...COMPLETE, heldOn: held ? '2026-03-02' : null, furnishingRules: a, behaviourAndConsequences: b, neighbours: c, furnishing: { ...FLOOR_OK, floorCovering: floor, curtains } };
      const expected = [held, a, b, c, floor, curtains].filter((x) => !x).length;
      expect(preventionGaps(p).filter((g) => g.level === 'MUST')).toHaveLength(expected);
    }));
  });
});

describe('R-OV-16: short lines for a high-risk resident', () => {
  it('R-OV-16: the hearing of a high-risk resident is due within 2 working days instead of 5, the hub contact after action 3 within 1', () => {
    const report = { id: 'R1', channel: 'C1' as const, nuisanceType: 'noise' as const, occurredAt: null, receivedOn: '2026-03-02', reporterKey: 'k', countsAgainstResident: true };
    const s = deriveNuisanceState({ hasSupport: true, highRisk: false }, [{ seq: 1, type: 'report_linked', occurredOn: '2026-03-02', data: { report } }]);
    const due = (highRisk: boolean, opts = {}) => deriveNuisanceDeadlines(ATW_CALENDAR, { hasSupport: true, highRisk }, s, opts).find((d) => d.ruleId === 'D-OV-08')?.due;
    expect(due(false)).toBe('2026-03-09');
    expect(due(true)).toBe('2026-03-04');
    // A municipality's own shorter setting stays when it is shorter still.
    expect(due(true, { d08WorkingDays: 1 })).toBe('2026-03-03');
    const withAction3 = { ...s, actionStartedOn: { 3: '2026-03-02' } };
    const hub = (highRisk: boolean) => deriveNuisanceDeadlines(ATW_CALENDAR, { hasSupport: true, highRisk }, withAction3).find((d) => d.ruleId === 'R-OV-33')?.due;
    expect(hub(false)).toBe('2026-03-04');
    expect(hub(true)).toBe('2026-03-03');
  });
});
