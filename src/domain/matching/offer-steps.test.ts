/**
 * The offer's steps refused with their rule and the field they point at (what the page marks),
 * and the state every step derives — the offer as a case (matching.md §4.2, §5.1 step 6).
 */
import { describe, expect, it } from 'vitest';
import { ATW_CALENDAR } from '../calendar/index.ts';
import { OFFER_TRANSITIONS, checkOfferEvent, deriveOfferDeadlines, deriveOfferState, isClosed, type OfferEvent, type OfferEventInput, type OfferFacts } from './offer.ts';

const AMS: OfferFacts = { model: 'OM-AMS', offeredOn: '2021-03-01', availableOn: '2021-03-01', proposed: [] };
const UTR: OfferFacts = { model: 'OM-UTR', offeredOn: '2021-05-03', availableOn: '2021-05-03', proposed: ['B', 'C', 'D'] };
let seq = 0;
const ev = (type: OfferEvent['type'], occurredOn: string, data: Record<string, unknown> = {}): OfferEvent => ({ seq: ++seq, type, occurredOn, data });
type Elig = (id: string) => { eligible: boolean; failing: string[]; rank?: number | null };
const yes: Elig = () => ({ eligible: true, failing: [] });
const sig = (facts: OfferFacts, events: OfferEvent[], party: 'corporation' | 'care_provider' | 'wonen' | null, input: OfferEventInput, eligible: Elig = yes, today = '2021-12-31') =>
  checkOfferEvent({ facts, state: deriveOfferState(facts, events), party, today, eligible }, input).map((x) => [x.code, x.rule, x.field ?? null, x.forbidden ?? false]);
const made = ev('offer_made', '2021-03-01');
const named = [made, ev('replied', '2021-03-01', { reply: 'accept', trajectoryId: 'K-1' })];

describe('refusals name their rule and field', () => {
  it('R-MA-05: another party gets actor_not_allowed (403); no party at all neither records', () => {
    expect(sig(AMS, [made], 'corporation', { type: 'viewing_held', occurredOn: '2021-03-01', data: {} })).toEqual([['actor_not_allowed', 'R-MA-05', null, true]]);
    expect(sig(AMS, [made], null, { type: 'withdrawn', occurredOn: '2021-03-01', data: { reason: 'x' } })).toEqual([['actor_not_allowed', 'R-MA-05', null, true]]);
    expect(sig(AMS, [made], 'wonen', { type: 'withdrawn', occurredOn: '2021-03-01', data: { reason: 'x' } })).toEqual([['actor_not_allowed', 'R-MA-05', null, true]]);
    const refused = [...named, ev('client_informed', '2021-03-02', { choicesDiscussed: true }), ev('client_refused', '2021-03-03', { reasons: 'x' })];
    expect(sig(AMS, refused, 'care_provider', { type: 'case_review_held', occurredOn: '2021-03-05', data: { outcome: 'x' } })).toEqual([]);
    expect(sig(AMS, refused, null, { type: 'case_review_held', occurredOn: '2021-03-05', data: { outcome: 'x' } })).toEqual([['actor_not_allowed', 'R-MA-05', null, true]]);
  });

  it('a step not possible in the status names the first rule of the step; the offer itself has no status yet', () => {
    expect(sig(AMS, [made], 'care_provider', { type: 'viewing_held', occurredOn: '2021-03-01', data: {} })).toEqual([['wrong_status', 'R-MA-14', null, false]]);
    expect(sig(AMS, [made], 'corporation', { type: 'match_final', occurredOn: '2021-03-01', data: { woningnetWithdrawn: true, newRegistration: true } })).toEqual([['wrong_status', 'R-MA-18', null, false]]);
    expect(sig(AMS, [], 'corporation', { type: 'offer_made', occurredOn: '2021-03-01', data: {} })).toEqual([]);
    expect(OFFER_TRANSITIONS.offer_made.from).toEqual([]);
  });

  it('dates: today is allowed, tomorrow is not; the offer date is allowed, the day before is not', () => {
    const inform = (on: string) => ({ type: 'client_informed' as const, occurredOn: on, data: { choicesDiscussed: true } });
    expect(sig(AMS, named, 'care_provider', inform('2021-03-05'), yes, '2021-03-05')).toEqual([]);
    expect(sig(AMS, named, 'care_provider', inform('2021-03-06'), yes, '2021-03-05')).toEqual([['date_in_future', null, '/occurredOn', false]]);
    expect(sig(AMS, named, 'care_provider', inform('2021-03-01'), yes, '2021-03-05')).toEqual([]);
    expect(sig(AMS, named, 'care_provider', inform('2021-02-28'), yes, '2021-03-05')).toEqual([['date_before_offer', null, '/occurredOn', false]]);
  });

  it('R-MA-11: the corporation\'s choice — not proposed, no longer eligible (its failing rule), wrong rank, missing reason', () => {
    const p = [ev('offer_made', '2021-05-03')];
    const choose = (trajectoryId: string, rank: number, reason?: string) => ({ type: 'candidate_chosen' as const, occurredOn: '2021-05-03', data: { trajectoryId, rank, ...(reason ? { reason } : {}) } });
    expect(sig(UTR, p, 'corporation', choose('A', 1))).toEqual([['not_proposed', 'R-MA-11', '/data/trajectoryId', false]]);
    expect(sig(UTR, p, 'corporation', choose('B', 1), () => ({ eligible: false, failing: ['HC-03', 'HC-02'] }))).toEqual([['candidate_ineligible', 'HC-03', '/data/trajectoryId', false]]);
    expect(sig(UTR, p, 'corporation', choose('B', 1), () => ({ eligible: false, failing: [] }))).toEqual([['candidate_ineligible', 'R-MA-11', '/data/trajectoryId', false]]);
    expect(sig(UTR, p, 'corporation', choose('C', 3, 'x'))).toEqual([['rank_mismatch', 'R-MA-11', '/data/rank', false]]);
    expect(sig(UTR, p, 'corporation', choose('D', 3, '  '))).toEqual([['reason_required', 'R-MA-11', '/data/reason', false]]);
    expect(sig(UTR, p, 'corporation', choose('D', 3, 'school'))).toEqual([]);
  });

  it('R-MA-13 / R-MA-15: replies — decline needs codes and words; nomination needed and eligible; after the viewing only acceptance', () => {
    const reply = (data: Record<string, unknown>) => ({ type: 'replied' as const, occurredOn: '2021-03-01', data } as OfferEventInput);
    expect(sig(AMS, [made], 'care_provider', reply({ reply: 'decline', reasonCodes: ['other'] }))).toEqual([['reasons_required', 'R-MA-15', '/data/reasons', false]]);
    expect(sig(AMS, [made], 'care_provider', reply({ reply: 'decline', reasons: 'geen passende cliënt' }))).toEqual([['reasons_required', 'R-MA-15', '/data/reasons', false]]);
    expect(sig(AMS, [made], 'care_provider', reply({ reply: 'decline', reasonCodes: ['no_suitable_client'], reasons: 'geen passende cliënt' }))).toEqual([]);
    expect(sig(AMS, [made], 'care_provider', reply({ reply: 'request_viewing' }))).toEqual([['nomination_required', 'R-MA-13', '/data/trajectoryId', false]]);
    expect(sig(AMS, [made], 'care_provider', reply({ reply: 'accept', trajectoryId: 'K-1' }), () => ({ eligible: false, failing: ['HC-09'] }))).toEqual([['candidate_ineligible', 'HC-09', '/data/trajectoryId', false]]);
    expect(sig(AMS, [made], 'care_provider', reply({ reply: 'accept', trajectoryId: 'K-1' }), () => ({ eligible: false, failing: [] }))).toEqual([['candidate_ineligible', 'R-MA-11', '/data/trajectoryId', false]]);
    expect(sig(AMS, [made], 'care_provider', reply({ reply: 'accept', trajectoryId: 'K-2' }), () => ({ eligible: true, failing: [], rank: 2 }))).toEqual([['reason_required', 'R-MA-11', '/data/reason', false]]);
    // A client already named: another one is refused, the same one (or none) is fine.
    const utrNamed = [ev('offer_made', '2021-05-03'), ev('candidate_chosen', '2021-05-03', { trajectoryId: 'B', rank: 1 })];
    const r = (data: Record<string, unknown>) => ({ type: 'replied' as const, occurredOn: '2021-05-03', data } as OfferEventInput);
    expect(sig(UTR, utrNamed, 'care_provider', r({ reply: 'accept', trajectoryId: 'C' }))).toEqual([['other_client', 'R-MA-17', '/data/trajectoryId', false]]);
    expect(sig(UTR, utrNamed, 'care_provider', r({ reply: 'accept', trajectoryId: 'B' }))).toEqual([]);
    expect(sig(UTR, utrNamed, 'care_provider', r({ reply: 'accept' }))).toEqual([]);
    // During the viewing: before it is held nothing but… nothing; after it, acceptance (a refusal is its own step).
    const viewing = [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K-1' })];
    expect(sig(AMS, viewing, 'care_provider', r({ reply: 'accept' }))).toEqual([['viewing_first', 'R-MA-15', '/data/reply', false]]);
    const viewed = [...viewing, ev('viewing_held', '2021-03-02')];
    expect(sig(AMS, viewed, 'care_provider', r({ reply: 'decline', reasonCodes: ['other'], reasons: 'x' }))).toEqual([['viewing_first', 'R-MA-15', '/data/reply', false]]);
    expect(sig(AMS, viewed, 'care_provider', r({ reply: 'accept' }))).toEqual([]);
  });

  it('R-MA-14 / R-MA-15 / R-MA-16 / R-MA-17 / R-MA-18: the other steps\' own checks', () => {
    const viewing = [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K-1' })];
    const viewed = [...viewing, ev('viewing_held', '2021-03-02')];
    expect(sig(AMS, viewed, 'care_provider', { type: 'viewing_held', occurredOn: '2021-03-03', data: {} })).toEqual([['already_viewed', 'R-MA-14', null, false]]);
    expect(sig(AMS, viewing, 'care_provider', { type: 'refused', occurredOn: '2021-03-03', data: { reasonCodes: ['other'], reasons: 'x' } })).toEqual([['viewing_missing', 'R-MA-15', null, false]]);
    expect(sig(AMS, viewed, 'care_provider', { type: 'refused', occurredOn: '2021-03-03', data: { reasonCodes: ['other'], reasons: '' } })).toEqual([['reasons_required', 'R-MA-15', '/data/reasons', false]]);
    expect(sig(AMS, viewed, 'care_provider', { type: 'refused', occurredOn: '2021-03-03', data: { reasonCodes: [], reasons: 'trap' } })).toEqual([['reasons_required', 'R-MA-15', '/data/reasons', false]]);
    const informed = [...named, ev('client_informed', '2021-03-02', { choicesDiscussed: true })];
    expect(sig(AMS, informed, 'care_provider', { type: 'client_informed', occurredOn: '2021-03-03', data: { choicesDiscussed: true } })).toEqual([['wrong_status', 'R-MA-16', null, false]]);
    const informedEarly = [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K-1' }), ev('client_informed', '2021-03-02', { choicesDiscussed: true })];
    expect(sig(AMS, informedEarly, 'care_provider', { type: 'client_informed', occurredOn: '2021-03-03', data: { choicesDiscussed: true } })).toEqual([['already_informed', 'R-MA-16', null, false]]);
    expect(sig(AMS, named, 'care_provider', { type: 'client_informed', occurredOn: '2021-03-03', data: { choicesDiscussed: false } })).toEqual([['choices_not_discussed', 'R-MA-17', '/data/choicesDiscussed', false]]);
    expect(sig(AMS, informed, 'care_provider', { type: 'client_refused', occurredOn: '2021-03-03', data: { reasons: ' ' } })).toEqual([['reasons_required', 'R-MA-17', '/data/reasons', false]]);
    const refused = [...informed, ev('client_refused', '2021-03-03', { reasons: 'x' }), ev('case_review_held', '2021-03-05', { outcome: 'x' })];
    expect(sig(AMS, refused, 'wonen', { type: 'case_review_held', occurredOn: '2021-03-06', data: { outcome: 'y' } })).toEqual([['already_reviewed', 'R-MA-17', null, false]]);
    expect(sig(AMS, informed, 'corporation', { type: 'match_final', occurredOn: '2021-03-03', data: { woningnetWithdrawn: false, newRegistration: true } })).toEqual([['woningnet_not_withdrawn', 'R-MA-18', '/data/woningnetWithdrawn', false]]);
    expect(sig(AMS, named, 'corporation', { type: 'withdrawn', occurredOn: '2021-03-03', data: { reason: ' ' } })).toEqual([['reason_required', 'R-MA-11', '/data/reason', false]]);
    expect(sig(AMS, named, 'corporation', { type: 'withdrawn', occurredOn: '2021-03-03', data: { reason: 'Woning verkocht' } })).toEqual([]);
  });
});

describe('the state every step derives', () => {
  it('OM-AMS starts offered, OM-UTR proposed; an offer made to a named client awaits its reply', () => {
    expect(deriveOfferState(AMS, [made])).toMatchObject({ status: 'offered', trajectoryId: null, replyStartOn: '2021-03-01' });
    expect(deriveOfferState(UTR, [ev('offer_made', '2021-05-03')])).toMatchObject({ status: 'proposed', trajectoryId: null, replyStartOn: null });
    expect(deriveOfferState(AMS, [ev('offer_made', '2021-03-01', { trajectoryId: 'K-7' })])).toMatchObject({ status: 'awaiting_reply', trajectoryId: 'K-7', replyStartOn: '2021-03-01' });
    expect(deriveOfferState(UTR, [ev('offer_made', '2021-05-03'), ev('candidate_chosen', '2021-05-04', { trajectoryId: 'C', rank: 2 })])).toMatchObject({ status: 'awaiting_reply', trajectoryId: 'C', chosenRank: 2, replyStartOn: '2021-05-04' });
  });

  it('replies: decline → declined, viewing → viewing, accept → accepted, or client_informed when the client was already informed', () => {
    expect(deriveOfferState(AMS, [made, ev('replied', '2021-03-01', { reply: 'decline' })]).status).toBe('declined');
    expect(deriveOfferState(AMS, [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K' })]).status).toBe('viewing');
    expect(deriveOfferState(AMS, named).status).toBe('accepted');
    const early = [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K' }), ev('client_informed', '2021-03-02', { choicesDiscussed: true })];
    expect(deriveOfferState(AMS, early)).toMatchObject({ status: 'viewing', clientInformedOn: '2021-03-02' });
    expect(deriveOfferState(AMS, [...early, ev('viewing_held', '2021-03-03'), ev('replied', '2021-03-03', { reply: 'accept' })])).toMatchObject({ status: 'client_informed', repliedOn: '2021-03-03', reply: 'accept', trajectoryId: 'K' });
  });

  it('the end states: final, refused, client refused, withdrawn — each closed; the review and the final date kept', () => {
    const informed = [...named, ev('client_informed', '2021-03-02', { choicesDiscussed: true })];
    expect(deriveOfferState(AMS, [...informed, ev('match_final', '2021-03-04', { woningnetWithdrawn: true, newRegistration: true })])).toMatchObject({ status: 'final', finalOn: '2021-03-04' });
    expect(deriveOfferState(AMS, [...informed, ev('client_refused', '2021-03-04', { reasons: 'x' }), ev('case_review_held', '2021-03-10', { outcome: 'x' })])).toMatchObject({ status: 'client_refused', clientRefusedOn: '2021-03-04', reviewHeldOn: '2021-03-10' });
    expect(deriveOfferState(AMS, [...named, ev('withdrawn', '2021-03-02', { reason: 'x' })])).toMatchObject({ status: 'withdrawn', withdrawnOn: '2021-03-02' });
    for (const s of ['final', 'declined', 'refused', 'client_refused', 'withdrawn'] as const) expect(isClosed(s), s).toBe(true);
    for (const s of ['proposed', 'offered', 'awaiting_reply', 'viewing', 'accepted', 'client_informed'] as const) expect(isClosed(s), s).toBe(false);
  });

  it('D-02…D-05: a deadline not met when the offer ends otherwise is cancelled; a met one stays met', () => {
    const viewing = [made, ev('replied', '2021-03-01', { reply: 'request_viewing', trajectoryId: 'K-1' })];
    const declined = deriveOfferDeadlines(ATW_CALENDAR, AMS, deriveOfferState(AMS, [...viewing, ev('withdrawn', '2021-03-02', { reason: 'x' })]));
    expect(declined.map((d) => [d.ruleId, d.metOn, d.closedAs])).toEqual([['D-02', '2021-03-01', null], ['D-03', null, 'cancelled'], ['D-05', null, 'cancelled']]);
    const viewed = [...viewing, ev('viewing_held', '2021-03-02')];
    const refused = deriveOfferDeadlines(ATW_CALENDAR, AMS, deriveOfferState(AMS, [...viewed, ev('refused', '2021-03-03', { reasonCodes: ['other'], reasons: 'x' })]));
    expect(refused.map((d) => [d.ruleId, d.metOn, d.closedAs])).toEqual([['D-02', '2021-03-01', null], ['D-03', '2021-03-02', null], ['D-04', '2021-03-03', null], ['D-05', null, 'cancelled']]);
    const clientRefused = deriveOfferDeadlines(ATW_CALENDAR, AMS, deriveOfferState(AMS, [...named, ev('client_refused', '2021-03-03', { reasons: 'x' })]));
    expect(clientRefused.map((d) => [d.ruleId, d.metOn, d.closedAs])).toEqual([['D-02', '2021-03-01', null], ['D-05', null, 'cancelled'], ['R-MA-17', null, null]]);
    const declinedByProvider = deriveOfferDeadlines(ATW_CALENDAR, AMS, deriveOfferState(AMS, [made, ev('replied', '2021-03-02', { reply: 'decline', reasonCodes: ['other'], reasons: 'x' })]));
    expect(declinedByProvider.map((d) => [d.ruleId, d.metOn, d.closedAs])).toEqual([['D-02', '2021-03-02', null]]);
  });
});
