import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATW_CALENDAR } from '../calendar/index.ts';
import { overdueOn } from './deadlines.ts';
import type { NewChanceEventInput, NewChanceParty, NewChanceState } from './model.ts';
import {
  checkNewChanceEvent, DEFAULT_AFWC_CODES, DEFAULT_AFWC_MEMBERS, deriveNewChanceDeadlines, deriveNewChanceState, isEligible, NEW_CHANCE_DEADLINES,
  NEW_CHANCE_STEP_WORDS, NEW_CHANCE_TRANSITIONS, newChanceShared, type NewChanceEventType,
} from './new-chance.ts';

type DataOf<K extends NewChanceEventType> = Extract<NewChanceEventInput, { type: K }>['data'];
const e = <K extends NewChanceEventType>(type: K, occurredOn: string, data: DataOf<K>) => ({ type, occurredOn, data }) as NewChanceEventInput;

const REQ = e('requested', '2026-03-02', { requestedBy: 'corporation', corporationCode: 'ymere', seriousNuisance: true, careNotDeliverable: true });
const KO = e('ko_decided', '2026-03-04', { suitable: true });
const VISIT = e('home_visit_held', '2026-03-09', { careCannotBeDeliveredHere: true });
const WILLING = e('resident_conversation', '2026-03-11', { willing: 'yes' });
const GO_MOVE_DATA: DataOf<'go_decided'> = { suitable: true, residentWilling: true, residentAttended: true, careProviderId: 'cp-1', move: true, termMonths: 2, housingNeeds: 'begane grond, rustige buurt', temporaryStay: true };
const GO_MOVE = e('go_decided', '2026-03-16', GO_MOVE_DATA);
const GO_HERE = e('go_decided', '2026-03-16', { ...GO_MOVE_DATA, move: false, termMonths: null, housingNeeds: null, temporaryStay: false });
const LETTER = e('letter_issued', '2026-03-16', { letterId: 'L1' });
const MEDIATION = e('active_mediation_placed', '2026-03-18', {});
const DWELLING = e('dwelling_mediated', '2026-04-20', { address: 'Kade 1', corporationCode: 'ymere' });
const LEASES = e('leases_signed', '2026-04-24', {});
const GOALS = e('goals_set', '2026-05-01', { goals: ['De huur op tijd betalen'] });
const EVAL_OK = e('evaluation_held', '2027-04-20', { goalsKept: true, nuisance: false });

const TO_GO = [REQ, KO, VISIT, WILLING];
const MOVED = [...TO_GO, GO_MOVE, LETTER, MEDIATION, DWELLING, LEASES];
const HERE = [...TO_GO, GO_HERE, LETTER];

const st = (events: NewChanceEventInput[]) => deriveNewChanceState(events);
const chk = (events: NewChanceEventInput[], party: NewChanceParty | null, input: NewChanceEventInput, afwcMembers: ReadonlyArray<string> = DEFAULT_AFWC_CODES, today = '2027-12-31') =>
  checkNewChanceEvent({ state: st(events), party, today, afwcMembers }, input);
const codes = (events: NewChanceEventInput[], party: NewChanceParty | null, input: NewChanceEventInput, afwc?: ReadonlyArray<string>) => chk(events, party, input, afwc).map((v) => `${v.code}/${v.rule}`);
const dl = (events: NewChanceEventInput[], id: string) => deriveNewChanceDeadlines(ATW_CALENDAR, st(events)).find((d) => d.ruleId === id);

describe('eligibility (R-OV-48)', () => {
  it('R-OV-48: the default AFWC list is footnote 6, as codes and names (Woonzorg not included, AMB-OV-05)', () => {
    expect(DEFAULT_AFWC_MEMBERS.map((m) => m.name)).toEqual(['de Alliantie Amsterdam', 'de Key', 'Eigen Haard', 'Rochdale', 'Stadgenoot', 'Ymere']);
    expect(DEFAULT_AFWC_CODES).toEqual(['de-alliantie', 'de-key', 'eigen-haard', 'rochdale', 'stadgenoot', 'ymere']);
    expect(isEligible('woonzorg')).toBe(false);
  });
  it('R-OV-48: a corporation matches by code or name, in any case and spacing; a list of names works too', () => {
    expect(isEligible('ymere')).toBe(true);
    expect(isEligible(' Eigen Haard ')).toBe(true);
    expect(isEligible('DE-KEY', DEFAULT_AFWC_CODES)).toBe(true);
    expect(isEligible('rochdale', ['Rochdale'])).toBe(true);
    expect(isEligible('Stadgenoot', ['stadgenoot'])).toBe(true);
    expect(isEligible('ymere', ['rochdale'])).toBe(false);
    expect(isEligible('YMERE', [' ymere '])).toBe(true);
    expect(isEligible('Ymére', ['ymere'])).toBe(false);
  });
  it('R-OV-48 / AMB-OV-05: the list is configurable: Woonzorg eligible once added', () => {
    expect(isEligible('Woonzorg', [...DEFAULT_AFWC_CODES, 'woonzorg'])).toBe(true);
    expect(isEligible('woonzorg', [])).toBe(false);
  });
  it('R-OV-48 Ex 2: an application for a tenant of a corporation not on the configured list is refused', () => {
    expect(codes([], 'corporation', e('requested', '2026-03-02', { ...(REQ.data as DataOf<'requested'>), corporationCode: 'woonzorg' }))).toEqual(['not_afwc_member/R-OV-48']);
    expect(chk([], 'corporation', REQ, ['woonzorg'])[0]).toMatchObject({ code: 'not_afwc_member', field: '/data/corporationCode' });
    expect(chk([], 'corporation', e('requested', '2026-03-02', { ...(REQ.data as DataOf<'requested'>), corporationCode: 'woonzorg' }), ['woonzorg'])).toEqual([]);
  });
  it('R-OV-48: there must be serious nuisance or care that cannot be delivered; either one suffices', () => {
    const req = (seriousNuisance: boolean, careNotDeliverable: boolean) => e('requested', '2026-03-02', { ...(REQ.data as DataOf<'requested'>), seriousNuisance, careNotDeliverable });
    expect(codes([], 'hub', req(false, false))).toEqual(['no_ground/R-OV-48']);
    expect(chk([], 'hub', req(true, false))).toEqual([]);
    expect(chk([], 'hub', req(false, true))).toEqual([]);
  });
  it('R-OV-52: any party may apply; no party at all is forbidden', () => {
    for (const p of ['care_provider', 'corporation', 'hub', 'wonen'] as const) expect(chk([], p, REQ)).toEqual([]);
    expect(chk([], null, REQ)).toEqual([expect.objectContaining({ code: 'actor_not_allowed', forbidden: true, rule: 'R-OV-52' })]);
    expect(codes([REQ], 'hub', REQ)).toEqual(['wrong_step/R-OV-52']);
  });
});

describe('the workflow NK-1…NK-5 (§7.6)', () => {
  it('Ex 1: a Ymere tenant, serious nuisance, care not deliverable, willing: KO → home visit → GO → New Chance letter', () => {
    const steps: string[] = [];
    const path = [REQ, KO, VISIT, WILLING, e('uvo_held', '2026-03-13', {}), GO_MOVE, LETTER];
    const parties: NewChanceParty[] = ['corporation', 'hub', 'corporation', 'hub', 'hub', 'hub', 'hub'];
    path.forEach((ev, i) => {
      expect(chk(path.slice(0, i), parties[i]!, ev)).toEqual([]);
      steps.push(st(path.slice(0, i + 1)).step);
    });
    expect(steps).toEqual(['NK-2', 'NK-3', 'NK-4', 'NK-5', 'NK-5', 'NK-5', 'NK-6']);
    expect(st(path)).toMatchObject({ requestedOn: '2026-03-02', grantedOn: '2026-03-16', letterId: 'L1', letterOn: '2026-03-16', decision: { careProviderId: 'cp-1', move: true, termMonths: 2, on: '2026-03-16' } });
  });
  it('R-OV-51: the KO, UVO and GO decisions and the letter are the hub\'s; the home visit the hub\'s or the corporation\'s', () => {
    expect(chk([REQ], 'corporation', KO)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true, rule: 'R-OV-53' });
    expect(chk(TO_GO, 'care_provider', GO_MOVE)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
    expect(chk(TO_GO, 'corporation', e('uvo_held', '2026-03-13', {}))[0]).toMatchObject({ code: 'actor_not_allowed' });
    expect(chk([...TO_GO, GO_MOVE], 'corporation', LETTER)[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OV-57' });
    expect(chk([REQ, KO], 'hub', VISIT)).toEqual([]);
    expect(chk([REQ, KO], 'corporation', VISIT)).toEqual([]);
    expect(chk([REQ, KO], 'care_provider', VISIT)[0]).toMatchObject({ code: 'actor_not_allowed' });
  });
  it('R-OV-53 Ex 3: the KO finds the New Chance unsuitable: it ends at NK-2 and there is no home visit', () => {
    const events = [REQ, e('ko_decided', '2026-03-04', { suitable: false })];
    expect(st(events)).toMatchObject({ step: 'ended', endedOn: '2026-03-04', endReason: 'ko_not_suitable' });
    expect(codes(events, 'hub', VISIT)).toEqual(['case_ended/R-OV-53']);
  });
  it('R-OV-53: no home visit before the KO decided', () => {
    expect(codes([REQ], 'hub', VISIT)).toEqual(['wrong_step/R-OV-53']);
  });
  it('R-OV-54 Ex 4: the home visit finds care can be delivered at home: it ends at NK-3, no conversation with the resident', () => {
    const events = [REQ, KO, e('home_visit_held', '2026-03-09', { careCannotBeDeliveredHere: false })];
    expect(st(events)).toMatchObject({ step: 'ended', endReason: 'care_deliverable_here' });
    expect(codes(events, 'hub', WILLING)).toEqual(['case_ended/R-OV-54']);
    expect(codes([REQ, KO], 'hub', WILLING)).toEqual(['wrong_step/R-OV-54']);
  });
  it('R-OV-49 Ex 5: a resident who doubts (or says no) ends it; no GO follows', () => {
    for (const willing of ['doubtful', 'no'] as const) {
      const events = [REQ, KO, VISIT, e('resident_conversation', '2026-03-11', { willing })];
      expect(st(events)).toMatchObject({ step: 'ended', endReason: 'not_willing', endedOn: '2026-03-11' });
      expect(chk(events, 'hub', GO_MOVE)[0]).toMatchObject({ code: 'case_ended' });
    }
  });
  it('R-OV-49: a GO decision without the resident\'s willingness is refused ("a New Chance without the resident\'s consent")', () => {
    const go = e('go_decided', '2026-03-16', { ...GO_MOVE_DATA, residentWilling: false });
    expect(chk(TO_GO, 'hub', go)).toEqual([expect.objectContaining({ code: 'no_consent', rule: 'R-OV-49', field: '/data/residentWilling' })]);
    expect(chk(TO_GO, 'hub', go)[0]?.en).toContain('without the resident’s consent');
    expect(st([...TO_GO, go])).toMatchObject({ step: 'ended', endReason: 'not_willing', decision: null });
  });
  it('R-OV-55: the GO (and an optional UVO) comes only after the resident said yes', () => {
    expect(codes([REQ, KO, VISIT], 'hub', GO_MOVE)).toEqual(['wrong_step/R-OV-55']);
    expect(codes([REQ, KO, VISIT], 'hub', e('uvo_held', '2026-03-13', {}))).toEqual(['wrong_step/R-OV-55']);
    expect(chk(TO_GO, 'hub', e('uvo_held', '2026-03-13', {}))).toEqual([]);
  });
  it('R-OV-56: a suitable GO names the care provider; an unsuitable GO ends the case and needs none', () => {
    expect(codes(TO_GO, 'hub', e('go_decided', '2026-03-16', { ...GO_MOVE_DATA, careProviderId: null }))).toEqual(['care_provider_required/R-OV-56']);
    expect(codes(TO_GO, 'hub', e('go_decided', '2026-03-16', { ...GO_MOVE_DATA, careProviderId: '  ' }))).toEqual(['care_provider_required/R-OV-56']);
    const unsuitable = e('go_decided', '2026-03-16', { ...GO_MOVE_DATA, suitable: false, careProviderId: null, termMonths: null, housingNeeds: null });
    expect(chk(TO_GO, 'hub', unsuitable)).toEqual([]);
    expect(st([...TO_GO, unsuitable])).toMatchObject({ step: 'ended', endReason: 'go_not_suitable', decision: null });
  });
  it('R-OV-57: for a move the GO sets the term (whole months, at least 1) and the housing needs', () => {
    const go = (p: Partial<DataOf<'go_decided'>>) => e('go_decided', '2026-03-16', { ...GO_MOVE_DATA, ...p });
    expect(codes(TO_GO, 'hub', go({ termMonths: null }))).toEqual(['term_required/R-OV-57']);
    expect(codes(TO_GO, 'hub', go({ termMonths: 0 }))).toEqual(['term_required/R-OV-57']);
    expect(codes(TO_GO, 'hub', go({ termMonths: 1.5 }))).toEqual(['term_required/R-OV-57']);
    expect(chk(TO_GO, 'hub', go({ termMonths: 1 }))).toEqual([]);
    expect(codes(TO_GO, 'hub', go({ housingNeeds: ' ' }))).toEqual(['housing_needs_required/R-OV-57']);
    expect(codes(TO_GO, 'hub', go({ housingNeeds: null }))).toEqual(['housing_needs_required/R-OV-57']);
  });
  it('R-OV-57: the current dwelling needs no term or housing needs, but a temporary stay elsewhere only goes with a move', () => {
    expect(chk(TO_GO, 'hub', GO_HERE)).toEqual([]);
    expect(codes(TO_GO, 'hub', e('go_decided', '2026-03-16', { ...(GO_HERE.data as DataOf<'go_decided'>), temporaryStay: true }))).toEqual(['temporary_stay_without_move/R-OV-57']);
  });
  it('R-OV-57: the New Chance letter requires the GO decision', () => {
    expect(codes(TO_GO, 'hub', LETTER)).toEqual(['go_decision_missing/R-OV-57']);
    expect(chk([...TO_GO, GO_MOVE], 'hub', LETTER)).toEqual([]);
    expect(codes([REQ, KO, VISIT], 'hub', LETTER)).toEqual(['wrong_step/R-OV-57']);
  });
  it('R-OV-64: information is shared beyond the covenant parties only once granted (the letter)', () => {
    expect(newChanceShared(st([...TO_GO, GO_MOVE]))).toBe(false);
    expect(newChanceShared(st([...TO_GO, GO_MOVE, LETTER]))).toBe(true);
  });
  it('a date in the future is refused', () => {
    expect(chk([REQ], 'hub', e('ko_decided', '2028-01-01', { suitable: true }))).toEqual([expect.objectContaining({ code: 'date_in_future', field: '/occurredOn', rule: 'R-OV-53' })]);
    expect(chk([REQ], 'hub', e('ko_decided', '2027-12-31', { suitable: true }))).toEqual([]);
  });
});

describe('after the letter: NK-6…NK-11', () => {
  it('Ex 7: a very urgent move with a 2-month term: the letter states needs and term, a temporary stay, Wonen places in active mediation; D-OV-11 = letter + 2 months', () => {
    const granted = [...TO_GO, GO_MOVE, LETTER];
    expect(st(granted).decision).toMatchObject({ move: true, termMonths: 2, housingNeeds: 'begane grond, rustige buurt', temporaryStay: true });
    expect(chk(granted, 'wonen', MEDIATION)).toEqual([]);
    expect(st([...granted, MEDIATION])).toMatchObject({ step: 'NK-7', mediationPlacedOn: '2026-03-18' });
    expect(dl(granted, 'D-OV-11')).toMatchObject({ key: 'D-OV-11', start: '2026-03-16', due: '2026-05-18', actor: 'corporation', nature: 'MUST', metOn: null, closedAs: null });
    expect(dl([...TO_GO, GO_MOVE], 'D-OV-11')).toBeUndefined();
  });
  it('D-OV-11: letter Fri 2026-03-13 + 2 months = Wed 05-13 (in time), the day after is late; met by the mediated dwelling', () => {
    const granted = [...TO_GO, GO_MOVE, e('letter_issued', '2026-03-13', { letterId: 'L1' })];
    expect(dl(granted, 'D-OV-11')?.due).toBe('2026-05-13');
    expect(dl([...granted, MEDIATION, e('dwelling_mediated', '2026-05-13', { address: 'Kade 1', corporationCode: 'ymere' })], 'D-OV-11')?.metOn).toBe('2026-05-13');
  });
  it('R-OV-58: active mediation is Wonen\'s, only after the letter and only for a move', () => {
    expect(codes([...TO_GO, GO_MOVE], 'wonen', MEDIATION)).toEqual(['wrong_step/R-OV-58']);
    expect(chk([...TO_GO, GO_MOVE, LETTER], 'corporation', MEDIATION)[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OV-58', forbidden: true });
    expect(codes([...TO_GO, GO_MOVE, LETTER, MEDIATION], 'wonen', MEDIATION)).toEqual(['wrong_step/R-OV-58']);
  });
  it('R-OV-65 Ex 6: the current dwelling: no active mediation, new dwelling or new leases; the case continues at NK-9 and has no D-OV-11', () => {
    expect(st(HERE)).toMatchObject({ step: 'NK-9', grantedOn: '2026-03-16' });
    expect(codes(HERE, 'wonen', MEDIATION)).toEqual(['current_dwelling/R-OV-65']);
    expect(codes(HERE, 'corporation', DWELLING)).toEqual(['current_dwelling/R-OV-65']);
    expect(codes(HERE, 'care_provider', LEASES)).toEqual(['current_dwelling/R-OV-65']);
    expect(codes([...TO_GO, GO_HERE], 'wonen', MEDIATION)).toEqual(['current_dwelling/R-OV-65']);
    expect(chk(HERE, 'care_provider', GOALS)).toEqual([]);
    expect(dl(HERE, 'D-OV-11')).toBeUndefined();
  });
  it('R-OV-59: the corporation mediates a dwelling after the placement in active mediation; address and corporation are required', () => {
    const placed = [...TO_GO, GO_MOVE, LETTER, MEDIATION];
    expect(chk(placed, 'corporation', DWELLING)).toEqual([]);
    expect(codes([...TO_GO, GO_MOVE, LETTER], 'corporation', DWELLING)).toEqual(['wrong_step/R-OV-59']);
    expect(chk(placed, 'care_provider', DWELLING)[0]).toMatchObject({ code: 'actor_not_allowed' });
    expect(codes(placed, 'corporation', e('dwelling_mediated', '2026-04-20', { address: ' ', corporationCode: '' }))).toEqual(['address_required/R-OV-59', 'corporation_required/R-OV-59']);
    expect(st([...placed, DWELLING])).toMatchObject({ step: 'NK-8', dwellingMediatedOn: '2026-04-20' });
  });
  it('R-OV-60: the head lease and sublease are signed by the care provider or the corporation, after the dwelling', () => {
    const mediated = [...TO_GO, GO_MOVE, LETTER, MEDIATION, DWELLING];
    expect(chk(mediated, 'care_provider', LEASES)).toEqual([]);
    expect(chk(mediated, 'corporation', LEASES)).toEqual([]);
    expect(chk(mediated, 'hub', LEASES)[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OV-60' });
    expect(codes([...TO_GO, GO_MOVE, LETTER, MEDIATION], 'care_provider', LEASES)).toEqual(['wrong_step/R-OV-60']);
    expect(st(MOVED)).toMatchObject({ step: 'NK-9', leasesSignedOn: '2026-04-24' });
  });
  it('R-OV-61: housing goals (at least one) by the care provider at NK-9; evaluations only after goals; the hub hears of an evaluation', () => {
    expect(codes([...TO_GO, GO_MOVE, LETTER, MEDIATION, DWELLING], 'care_provider', GOALS)).toEqual(['wrong_step/R-OV-61']);
    expect(chk(MOVED, 'corporation', GOALS)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
    expect(codes(MOVED, 'care_provider', e('goals_set', '2026-05-01', { goals: [' ', ''] }))).toEqual(['goals_required/R-OV-61']);
    expect(codes(MOVED, 'care_provider', e('goals_set', '2026-05-01', { goals: [] }))).toEqual(['goals_required/R-OV-61']);
    expect(chk(MOVED, 'care_provider', e('goals_set', '2026-05-01', { goals: ['', 'Rust in huis'] }))).toEqual([]);
    expect(codes(MOVED, 'care_provider', EVAL_OK)).toEqual(['goals_first/R-OV-61']);
    expect(chk([...MOVED, GOALS], 'care_provider', EVAL_OK)).toEqual([]);
    expect(codes([...MOVED, GOALS], 'care_provider', e('hub_informed', '2027-04-22', { about: 'evaluation' }))).toEqual(['no_evaluation/R-OV-61']);
    expect(chk([...MOVED, GOALS, EVAL_OK], 'care_provider', e('hub_informed', '2027-04-22', { about: 'evaluation' }))).toEqual([]);
    expect(chk([...MOVED, GOALS, EVAL_OK], 'hub', e('hub_informed', '2027-04-22', { about: 'evaluation' }))[0]).toMatchObject({ code: 'actor_not_allowed' });
  });
  it('D-OV-12: goals evaluated at least yearly: goals 2026-05-01 → Mon 2027-05-03; after an evaluation, a year from it', () => {
    const d12 = dl([...MOVED, GOALS], 'D-OV-12');
    expect(d12).toMatchObject({ start: '2026-05-01', due: '2027-05-03', actor: 'care_provider', metOn: null, closedAs: null });
    expect([overdueOn([d12!], '2027-05-03').length, overdueOn([d12!], '2027-05-04').length]).toEqual([0, 1]);
    expect(dl([...MOVED, GOALS, EVAL_OK], 'D-OV-12')).toMatchObject({ start: '2027-04-20', due: '2028-04-20' });
    expect(dl([...MOVED, GOALS, EVAL_OK, e('goals_set', '2027-06-01', { goals: ['x'] })], 'D-OV-12')?.start).toBe('2027-06-01');
    expect(dl(MOVED, 'D-OV-12')).toBeUndefined();
  });
  it('R-OV-61 / D-OV-12: the hub hears the outcome within 10 working days: Tue 2027-04-20 → Mon 05-10 (King\'s Day, Liberation Day, Ascension and the day after skipped)', () => {
    const evaluated = [...MOVED, GOALS, EVAL_OK];
    expect(dl(evaluated, 'R-OV-61')).toMatchObject({ key: 'R-OV-61', start: '2027-04-20', due: '2027-05-10', metOn: null, actor: 'care_provider' });
    expect(dl([...evaluated, e('hub_informed', '2027-04-20', { about: 'evaluation' })], 'R-OV-61')?.metOn).toBe('2027-04-20');
    const earlier = [...MOVED, GOALS, e('evaluation_held', '2027-01-10', { goalsKept: true, nuisance: false }), e('hub_informed', '2027-01-12', { about: 'evaluation' }), EVAL_OK];
    expect(dl(earlier, 'R-OV-61')?.metOn).toBeNull();
  });
  it('R-OV-62 / D-OV-13: a concern goes to the hub within 2 working days: Fri 2026-10-02 → Tue 10-06; a new concern reopens it', () => {
    const base = [...MOVED, GOALS];
    const concern = e('concern_signalled', '2026-10-02', { note: 'Buren klagen weer over geluid' });
    expect(chk(base, 'care_provider', concern)).toEqual([]);
    expect(codes(base, 'care_provider', e('concern_signalled', '2026-10-02', { note: ' ' }))).toEqual(['note_required/R-OV-62']);
    expect(codes(base, 'care_provider', e('hub_informed', '2026-10-02', { about: 'concern' }))).toEqual(['no_concern/R-OV-62']);
    const d13 = dl([...base, concern], 'D-OV-13');
    expect(d13).toMatchObject({ start: '2026-10-02', due: '2026-10-06', metOn: null, actor: 'care_provider', nature: 'MUST' });
    expect(overdueOn([d13!], '2026-10-06')).toEqual([]);
    expect(overdueOn([d13!], '2026-10-07')).toEqual([d13]);
    const informed = [...base, concern, e('hub_informed', '2026-10-02', { about: 'concern' })];
    expect(dl(informed, 'D-OV-13')?.metOn).toBe('2026-10-02');
    expect(chk([...base, concern], 'care_provider', e('hub_informed', '2026-10-02', { about: 'concern' }))).toEqual([]);
    expect(dl([...informed, e('concern_signalled', '2026-11-02', { note: 'opnieuw' })], 'D-OV-13')).toMatchObject({ start: '2026-11-02', metOn: null });
    expect(dl(base, 'D-OV-13')).toBeUndefined();
  });
  it('R-OV-63 Ex 8: after a year with goals kept and no nuisance, the outcome goes to the hub and the lease may return to the own name by consensus', () => {
    const year = [...MOVED, GOALS, EVAL_OK, e('hub_informed', '2027-04-22', { about: 'evaluation' })];
    const back = e('returned_to_own_name', '2027-05-01', { allPartiesAgree: true });
    expect(chk(year, 'care_provider', back)).toEqual([]);
    expect(chk(year, 'corporation', back)).toEqual([]);
    expect(chk(year, 'hub', back)).toEqual([]);
    expect(chk(year, 'wonen', back)[0]).toMatchObject({ code: 'actor_not_allowed', rule: 'R-OV-63' });
    const s = st([...year, back]);
    expect(s).toMatchObject({ step: 'NK-11', endedOn: '2027-05-01', endReason: 'returned_to_own_name' });
    expect(codes([...year, back], 'care_provider', EVAL_OK)).toEqual(['case_ended/R-OV-61']);
    expect(deriveNewChanceDeadlines(ATW_CALENDAR, s).find((d) => d.ruleId === 'D-OV-12')).toMatchObject({ closedAs: 'cancelled' });
  });
  it('R-OV-63: not without all parties agreeing, an evaluation, kept goals and no nuisance', () => {
    const back = (allPartiesAgree: boolean) => e('returned_to_own_name', '2027-05-01', { allPartiesAgree });
    const withEval = (goalsKept: boolean, nuisance: boolean) => [...MOVED, GOALS, e('evaluation_held', '2027-04-20', { goalsKept, nuisance })];
    expect(codes(withEval(true, false), 'care_provider', back(false))).toEqual(['parties_disagree/R-OV-63']);
    expect(codes(withEval(false, false), 'care_provider', back(true))).toEqual(['conditions_not_met/R-OV-63']);
    expect(codes(withEval(true, true), 'care_provider', back(true))).toEqual(['conditions_not_met/R-OV-63']);
    expect(codes([...MOVED, GOALS], 'care_provider', back(true))).toEqual(['conditions_not_met/R-OV-63']);
    expect(codes(withEval(false, true), 'care_provider', back(false))).toEqual(['parties_disagree/R-OV-63', 'conditions_not_met/R-OV-63']);
    expect(codes(TO_GO, 'care_provider', back(true))).toEqual(['wrong_step/R-OV-63']);
  });
  it('R-OV-51: the hub may end the case at any step before its end, with a reason; deadlines not met are cancelled', () => {
    const end = e('ended', '2026-06-01', { reason: 'Bewoner verhuisd naar buiten Amsterdam' });
    for (const events of [[REQ], TO_GO, [...TO_GO, GO_MOVE, LETTER], [...MOVED, GOALS]]) expect(chk(events, 'hub', end)).toEqual([]);
    expect(codes([REQ], 'hub', e('ended', '2026-06-01', { reason: '' }))).toEqual(['reason_required/R-OV-51']);
    expect(chk([REQ], 'care_provider', end)[0]).toMatchObject({ code: 'actor_not_allowed', forbidden: true });
    const s = st([...TO_GO, GO_MOVE, LETTER, end]);
    expect(s).toMatchObject({ step: 'ended', endedOn: '2026-06-01', endReason: 'Bewoner verhuisd naar buiten Amsterdam' });
    expect(deriveNewChanceDeadlines(ATW_CALENDAR, s)).toEqual([expect.objectContaining({ ruleId: 'D-OV-11', closedAs: 'cancelled' })]);
    expect(codes([...TO_GO, GO_MOVE, LETTER, end], 'hub', end)).toEqual(['case_ended/R-OV-51']);
    const metThenEnded = [...TO_GO, GO_MOVE, LETTER, MEDIATION, DWELLING, end];
    expect(dl(metThenEnded, 'D-OV-11')).toMatchObject({ metOn: '2026-04-20', closedAs: null });
  });
});

describe('the workflow as data', () => {
  it('NK-1…NK-11: every event belongs to its step of the §7.6 table', () => {
    const stepOf = Object.fromEntries(Object.entries(NEW_CHANCE_TRANSITIONS).map(([k, t]) => [k, t.step]));
    expect(stepOf).toEqual({
      requested: 'NK-1', ko_decided: 'NK-2', home_visit_held: 'NK-3', resident_conversation: 'NK-4', uvo_held: 'NK-5', go_decided: 'NK-5', letter_issued: 'NK-5',
      active_mediation_placed: 'NK-6', dwelling_mediated: 'NK-7', leases_signed: 'NK-8', goals_set: 'NK-9', evaluation_held: 'NK-9', hub_informed: 'NK-9',
      concern_signalled: 'NK-10', returned_to_own_name: 'NK-11', ended: 'end',
    });
    expect(Object.keys(NEW_CHANCE_STEP_WORDS)).toHaveLength(11);
    expect(Object.keys(NEW_CHANCE_DEADLINES)).toEqual(['D-OV-11', 'D-OV-12', 'R-OV-61', 'D-OV-13']);
  });
  it('an empty case waits for the application (NK-1)', () => {
    expect(st([])).toMatchObject({ step: 'NK-1', requestedOn: null, grantedOn: null, lastEvaluation: null });
    expect(deriveNewChanceDeadlines(ATW_CALENDAR, st([]))).toEqual([]);
  });
});

describe('properties', () => {
  const POOL: NewChanceEventInput[] = [
    REQ, KO, e('ko_decided', '2026-03-04', { suitable: false }), VISIT, WILLING, e('resident_conversation', '2026-03-11', { willing: 'doubtful' }), e('uvo_held', '2026-03-13', {}),
    GO_MOVE, GO_HERE, LETTER, MEDIATION, DWELLING, LEASES, GOALS, EVAL_OK, e('evaluation_held', '2027-05-01', { goalsKept: false, nuisance: true }),
    e('hub_informed', '2027-05-02', { about: 'evaluation' }), e('concern_signalled', '2027-05-03', { note: 'x' }), e('hub_informed', '2027-05-04', { about: 'concern' }),
    e('returned_to_own_name', '2027-06-01', { allPartiesAgree: true }), e('ended', '2027-06-02', { reason: 'x' }),
  ];
  const PARTIES: NewChanceParty[] = ['care_provider', 'corporation', 'hub', 'wonen'];
  it('R-OV-49 / R-OV-57 / R-OV-64 / R-OV-65 (property): any sequence of accepted steps stays on the §7.6 path', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 40 }), (tries) => {
      const accepted: NewChanceEventInput[] = [];
      for (const ev of tries) {
        const ok = PARTIES.some((p) => chk(accepted, p, ev).length === 0);
        if (ok) accepted.push(ev);
      }
      const s = st(accepted);
      expect(s.grantedOn !== null).toBe(accepted.includes(LETTER));
      if (['NK-6', 'NK-7', 'NK-8'].includes(s.step)) expect(s.decision?.move).toBe(true);
      if (s.grantedOn) expect(accepted.some((x) => x.type === 'resident_conversation' && x.data.willing === 'yes')).toBe(true);
      if (s.step === 'NK-11') expect(s.lastEvaluation).toEqual({ goalsKept: true, nuisance: false });
      for (const d of deriveNewChanceDeadlines(ATW_CALENDAR, s)) expect(d.due >= d.start).toBe(true);
    }));
  });
  it('R-OV-51 (property): a wrong party is always refused as forbidden, whatever the step', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MOVED.length }), fc.constantFrom(...POOL), fc.constantFrom(...PARTIES), (n, ev, p) => {
      const allowed = NEW_CHANCE_TRANSITIONS[ev.type].parties.includes(p);
      const out = chk(MOVED.slice(0, n), p, ev);
      if (!allowed) expect(out).toEqual([expect.objectContaining({ code: 'actor_not_allowed', forbidden: true })]);
      else expect(out.every((v) => !v.forbidden)).toBe(true);
    }));
  });
});

describe('state fields', () => {
  it('the fold keeps the dates each step happened on', () => {
    const s: NewChanceState = st([...MOVED, GOALS, EVAL_OK, e('hub_informed', '2027-04-22', { about: 'evaluation' }), e('concern_signalled', '2027-05-03', { note: 'x' }), e('hub_informed', '2027-05-04', { about: 'concern' })]);
    expect(s).toMatchObject({
      mediationPlacedOn: '2026-03-18', dwellingMediatedOn: '2026-04-20', leasesSignedOn: '2026-04-24', goalsSetOn: '2026-05-01', lastEvaluationOn: '2027-04-20',
      lastEvaluation: { goalsKept: true, nuisance: false }, evaluationHubInformedOn: '2027-04-22', openConcernOn: '2027-05-03', concernHubInformedOn: '2027-05-04', endedOn: null, endReason: null,
    });
  });
});
