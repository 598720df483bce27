import { describe, expect, it } from 'vitest';
import { ATW_CALENDAR } from '../calendar/index.ts';
import { checkOfferEvent, deriveOfferDeadlines, deriveOfferState, newRegistrationAfterMatch, stalledOn, type OfferEvent, type OfferEventInput, type OfferFacts } from './offer.ts';

const AMS: OfferFacts = { model: 'OM-AMS', offeredOn: '2021-03-01', availableOn: '2021-03-01', proposed: [] };
const UTR: OfferFacts = { model: 'OM-UTR', offeredOn: '2021-05-03', availableOn: '2021-05-03', proposed: ['B', 'C', 'D'] };
let seq = 0;
const ev = (type: OfferEvent['type'], occurredOn: string, data: Record<string, unknown> = {}): OfferEvent => ({ seq: ++seq, type, occurredOn, data });
const due = (facts: OfferFacts, events: OfferEvent[], id: string) => deriveOfferDeadlines(ATW_CALENDAR, facts, deriveOfferState(facts, events)).find((d) => d.ruleId === id);
const ok = (): { eligible: boolean; failing: string[]; rank?: number | null } => ({ eligible: true, failing: [] });
const check = (facts: OfferFacts, events: OfferEvent[], party: 'corporation' | 'care_provider' | 'wonen', input: OfferEventInput, eligible = ok) =>
  checkOfferEvent({ facts, state: deriveOfferState(facts, events), party, today: '2021-12-31', eligible }, input);
const made = ev('offer_made', '2021-03-01');

describe('offer deadlines (matching.md Example 1, working days)', () => {
  it('D-02 / R-MA-13: reply by Tue 2021-03-02, one working day after the Monday offer; met by the reply', () => {
    expect(due(AMS, [made], 'D-02')).toMatchObject({ start: '2021-03-01', due: '2021-03-02', metOn: null, closedAs: null });
    expect(due(AMS, [made, ev('replied', '2021-03-02', { reply: 'request_viewing', trajectoryId: 'K-1' })], 'D-02')?.metOn).toBe('2021-03-02');
  });
  it('D-03 / R-MA-14: viewing by Wed 2021-03-03 (two working days after availability), only when a viewing is asked', () => {
    expect(due(AMS, [made, ev('replied', '2021-03-01', { reply: 'accept', trajectoryId: 'K-1' })], 'D-03')).toBeUndefined();
    expect(due(AMS, [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K-1' })], 'D-03')).toMatchObject({ due: '2021-03-03', metOn: null });
  });
  it('D-04 / R-MA-15: viewed on 03-03 and not accepted → reasons by Fri 2021-03-05; cancelled when accepted after the viewing', () => {
    const viewed = [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K-1' }), ev('viewing_held', '2021-03-03')];
    expect(due(AMS, viewed, 'D-04')).toMatchObject({ start: '2021-03-03', due: '2021-03-05', metOn: null, closedAs: null });
    expect(due(AMS, [...viewed, ev('refused', '2021-03-05', { reasonCodes: ['other'], reasons: 'x' })], 'D-04')).toMatchObject({ metOn: '2021-03-05' });
    expect(due(AMS, [...viewed, ev('replied', '2021-03-04', { reply: 'accept' })], 'D-04')).toMatchObject({ metOn: null, closedAs: 'cancelled' });
  });
  it('D-05 / R-MA-16: the client informed by Mon 2021-03-08, once a client is named; cancelled when the offer is withdrawn', () => {
    expect(due(AMS, [made], 'D-05')).toBeUndefined();
    const named = [made, ev('replied', '2021-03-01', { reply: 'accept', trajectoryId: 'K-1' })];
    expect(due(AMS, named, 'D-05')).toMatchObject({ start: '2021-03-01', due: '2021-03-08', metOn: null, closedAs: null });
    expect(due(AMS, [...named, ev('withdrawn', '2021-03-02', { reason: 'x' })], 'D-05')).toMatchObject({ closedAs: 'cancelled' });
    expect(due(AMS, [...named, ev('client_informed', '2021-03-05', { choicesDiscussed: true })], 'D-05')).toMatchObject({ metOn: '2021-03-05' });
  });
  it('D-02 in OM-UTR counts from the corporation\'s choice, not from the proposal', () => {
    expect(due(UTR, [ev('offer_made', '2021-05-03')], 'D-02')).toBeUndefined();
    expect(due(UTR, [ev('offer_made', '2021-05-03'), ev('candidate_chosen', '2021-05-07', { trajectoryId: 'C', rank: 2, reason: 'r' })], 'D-02')).toMatchObject({ start: '2021-05-07', due: '2021-05-10' });
  });
  it('a stalled offer is one with an open deadline past its due date', () => {
    const d = deriveOfferDeadlines(ATW_CALENDAR, AMS, deriveOfferState(AMS, [made]));
    expect(stalledOn(d, '2021-03-02')).toEqual([]);
    expect(stalledOn(d, '2021-03-03').map((x) => x.ruleId)).toEqual(['D-02']);
  });
});

describe('offer steps', () => {
  it('R-MA-17: a refused one-time offer closes as client_refused, creates no second offer, and opens a case review for care provider and Wonen', () => {
    const events = [made, ev('replied', '2021-03-01', { reply: 'accept', trajectoryId: 'K-9' }), ev('client_informed', '2021-03-02', { choicesDiscussed: true }), ev('client_refused', '2021-03-04', { reasons: 'wil niet in deze buurt' })];
    const s = deriveOfferState(AMS, events);
    expect(s.status).toBe('client_refused');
    const review = deriveOfferDeadlines(ATW_CALENDAR, AMS, s).find((d) => d.ruleId === 'R-MA-17');
    expect(review).toMatchObject({ start: '2021-03-04', due: '2021-03-18', metOn: null });
    expect(check(AMS, events, 'wonen', { type: 'case_review_held', occurredOn: '2021-03-10', data: { outcome: 'nieuw plan' } })).toEqual([]);
    expect(check(AMS, events, 'corporation', { type: 'case_review_held', occurredOn: '2021-03-10', data: { outcome: 'x' } })[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
    expect(check(AMS, events, 'care_provider', { type: 'replied', occurredOn: '2021-03-10', data: { reply: 'accept' } })[0]).toMatchObject({ code: 'wrong_status' });
  });
  it('R-MA-05: the corporation cannot reply for the care provider, the care provider cannot make the match final', () => {
    expect(check(AMS, [made], 'corporation', { type: 'replied', occurredOn: '2021-03-01', data: { reply: 'accept', trajectoryId: 'K-1' } })[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-MA-05' });
    expect(check(AMS, [made], 'care_provider', { type: 'match_final', occurredOn: '2021-03-01', data: { woningnetWithdrawn: true, newRegistration: true } })[0]).toMatchObject({ code: 'actor_not_allowed' });
  });
  it('R-MA-13: an OM-AMS reply that accepts names an eligible client of the care provider', () => {
    expect(check(AMS, [made], 'care_provider', { type: 'replied', occurredOn: '2021-03-01', data: { reply: 'accept' } }).map((x) => x.code)).toEqual(['nomination_required']);
    expect(check(AMS, [made], 'care_provider', { type: 'replied', occurredOn: '2021-03-01', data: { reply: 'accept', trajectoryId: 'K-1' } }, () => ({ eligible: false, failing: ['HC-03'] }))[0]).toMatchObject({ code: 'candidate_ineligible', rule: 'HC-03' });
    expect(check(AMS, [made], 'care_provider', { type: 'replied', occurredOn: '2021-03-01', data: { reply: 'accept', trajectoryId: 'K-1' } })).toEqual([]);
    expect(check(AMS, [made], 'care_provider', { type: 'replied', occurredOn: '2021-03-01', data: { reply: 'decline' } }).map((x) => x.code)).toEqual(['reasons_required']);
  });

  it('R-MA-11: nominating another client than the first of the ranking needs a reason; the first, or an unranked one, does not', () => {
    const nominate = (reason?: string) => ({ type: 'replied' as const, occurredOn: '2021-03-01', data: { reply: 'accept' as const, trajectoryId: 'K-2', ...(reason ? { reason } : {}) } });
    expect(check(AMS, [made], 'care_provider', nominate(), () => ({ eligible: true, failing: [], rank: 2 })).map((x) => [x.code, x.rule])).toEqual([['reason_required', 'R-MA-11']]);
    expect(check(AMS, [made], 'care_provider', nominate('Zus woont om de hoek'), () => ({ eligible: true, failing: [], rank: 2 }))).toEqual([]);
    expect(check(AMS, [made], 'care_provider', nominate(), () => ({ eligible: true, failing: [], rank: 1 }))).toEqual([]);
    expect(check(AMS, [made], 'care_provider', nominate(), () => ({ eligible: true, failing: [], rank: null }))).toEqual([]);
  });
  it('R-MA-11: choosing a candidate that is not rank 1 needs a reason; a candidate outside the proposal or no longer eligible is refused', () => {
    const p = [ev('offer_made', '2021-05-03')];
    expect(check(UTR, p, 'corporation', { type: 'candidate_chosen', occurredOn: '2021-05-03', data: { trajectoryId: 'C', rank: 2 } }).map((x) => x.code)).toEqual(['reason_required']);
    expect(check(UTR, p, 'corporation', { type: 'candidate_chosen', occurredOn: '2021-05-03', data: { trajectoryId: 'C', rank: 2, reason: 'school' } })).toEqual([]);
    expect(check(UTR, p, 'corporation', { type: 'candidate_chosen', occurredOn: '2021-05-03', data: { trajectoryId: 'B', rank: 1 } })).toEqual([]);
    expect(check(UTR, p, 'corporation', { type: 'candidate_chosen', occurredOn: '2021-05-03', data: { trajectoryId: 'A', rank: 1 } }).map((x) => x.code)).toEqual(['not_proposed']);
    expect(check(UTR, p, 'corporation', { type: 'candidate_chosen', occurredOn: '2021-05-03', data: { trajectoryId: 'B', rank: 1 } }, () => ({ eligible: false, failing: ['HC-02'] }))[0]).toMatchObject({ code: 'candidate_ineligible', rule: 'HC-02' });
    expect(check(UTR, p, 'corporation', { type: 'candidate_chosen', occurredOn: '2021-05-03', data: { trajectoryId: 'B', rank: 2, reason: 'x' } }).map((x) => x.code)).toEqual(['rank_mismatch']);
  });
  it('R-MA-15: a refusal comes after the viewing, with reason codes and words', () => {
    const viewing = [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K-1' })];
    expect(check(AMS, viewing, 'care_provider', { type: 'refused', occurredOn: '2021-03-02', data: { reasonCodes: ['other'], reasons: 'x' } }).map((x) => x.code)).toEqual(['viewing_missing']);
    const viewed = [...viewing, ev('viewing_held', '2021-03-02')];
    expect(check(AMS, viewed, 'care_provider', { type: 'refused', occurredOn: '2021-03-03', data: { reasonCodes: [], reasons: ' ' } }).map((x) => x.code)).toEqual(['reasons_required']);
    expect(check(AMS, viewed, 'care_provider', { type: 'refused', occurredOn: '2021-03-03', data: { reasonCodes: ['accessibility'], reasons: 'trap' } })).toEqual([]);
    expect(check(AMS, viewed, 'care_provider', { type: 'viewing_held', occurredOn: '2021-03-03', data: {} }).map((x) => x.code)).toEqual(['already_viewed']);
    expect(check(AMS, viewing, 'care_provider', { type: 'replied', occurredOn: '2021-03-02', data: { reply: 'accept' } }).map((x) => x.code)).toEqual(['viewing_first']);
    expect(deriveOfferState(AMS, [...viewed, ev('replied', '2021-03-03', { reply: 'accept' })]).status).toBe('accepted');
  });
  it('R-MA-16 / R-MA-17: informing the client means discussing the one-time offer; a step after a withdrawal is refused', () => {
    const named = [made, ev('replied', '2021-03-01', { reply: 'accept', trajectoryId: 'K-1' })];
    expect(check(AMS, named, 'care_provider', { type: 'client_informed', occurredOn: '2021-03-02', data: { choicesDiscussed: false } }).map((x) => x.code)).toEqual(['choices_not_discussed']);
    expect(deriveOfferState(AMS, [...named, ev('client_informed', '2021-03-02', { choicesDiscussed: true })]).status).toBe('client_informed');
    const withdrawn = [...named, ev('withdrawn', '2021-03-02', { reason: 'woning verkocht' })];
    expect(check(AMS, withdrawn, 'care_provider', { type: 'client_informed', occurredOn: '2021-03-03', data: { choicesDiscussed: true } })[0]).toMatchObject({ code: 'wrong_status' });
    expect(check(AMS, named, 'care_provider', { type: 'client_informed', occurredOn: '2022-01-01', data: { choicesDiscussed: true } }).map((x) => x.code)).toEqual(['date_in_future']);
    expect(check(AMS, named, 'care_provider', { type: 'client_informed', occurredOn: '2021-02-28', data: { choicesDiscussed: true } }).map((x) => x.code)).toEqual(['date_before_offer']);
  });
  it('R-MA-18: the match is final only after the client was informed and the dwelling left WoningNet; a new registration except on a youth contract', () => {
    const informed = [made, ev('replied', '2021-03-01', { reply: 'accept', trajectoryId: 'K-1' }), ev('client_informed', '2021-03-02', { choicesDiscussed: true })];
    expect(check(AMS, informed.slice(0, 2), 'corporation', { type: 'match_final', occurredOn: '2021-03-03', data: { woningnetWithdrawn: true, newRegistration: true } })[0]).toMatchObject({ code: 'wrong_status' });
    expect(check(AMS, informed, 'corporation', { type: 'match_final', occurredOn: '2021-03-03', data: { woningnetWithdrawn: false, newRegistration: true } }).map((x) => x.code)).toEqual(['woningnet_not_withdrawn']);
    expect(check(AMS, informed, 'corporation', { type: 'match_final', occurredOn: '2021-03-03', data: { woningnetWithdrawn: true, newRegistration: true } })).toEqual([]);
    expect(newRegistrationAfterMatch(false)).toBe(true);
    expect(newRegistrationAfterMatch(true)).toBe(false);
  });
});
