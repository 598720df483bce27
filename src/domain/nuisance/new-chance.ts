/**
 * The New Chance scheme (Nieuwe Kansregeling, overlast.md §7.6, Annex 5): the steps NK-1…NK-11 as
 * events, the state they derive, which party records which step when (R-OV-48…R-OV-65) and the
 * deadlines D-OV-11, D-OV-12 (with the hub informed of an evaluation) and D-OV-13. Pure.
 *
 * NK-1 application → NK-2 KO → NK-3 home visit → NK-4 the resident's willingness → NK-5 GO and the
 * New Chance letter → (move) NK-6 active mediation → NK-7 a dwelling within the term → NK-8 head
 * lease and sublease → NK-9 housing goals and yearly evaluations (NK-10 concerns, a side step) →
 * NK-11 the lease back in the resident's own name. A "no" at NK-2, NK-3, NK-4 or NK-5 ends the case;
 * in the current dwelling NK-6…NK-8 are skipped (R-OV-65).
 */
import { computeDue, maxIsoDate, type WorkingCalendar } from '../calendar/index.ts';
import type { NewChanceEventInput, NewChanceParty, NewChanceState, NewChanceStep, NuisanceDeadline, Violation, Words } from './model.ts';

export type NewChanceEventType = NewChanceEventInput['type'];

/** R-OV-48 / AMB-OV-05: the AFWC members of footnote 6 (the default of the configurable list). */
export const DEFAULT_AFWC_MEMBERS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'de-alliantie', name: 'de Alliantie Amsterdam' },
  { code: 'de-key', name: 'de Key' },
  { code: 'eigen-haard', name: 'Eigen Haard' },
  { code: 'rochdale', name: 'Rochdale' },
  { code: 'stadgenoot', name: 'Stadgenoot' },
  { code: 'ymere', name: 'Ymere' },
];
export const DEFAULT_AFWC_CODES: ReadonlyArray<string> = DEFAULT_AFWC_MEMBERS.map((m) => m.code);

/** The same code or name, whatever its case or surrounding spaces. */
const same = (a: string, b: string) => a.trim().localeCompare(b.trim(), 'nl', { sensitivity: 'accent' }) === 0;

/**
 * R-OV-48: whether a corporation (its code or name, any case) is on the AFWC list (codes or names).
 * A footnote-6 corporation matches by its code as well as its name.
 */
export function isEligible(corporation: string, members: ReadonlyArray<string> = DEFAULT_AFWC_CODES): boolean {
  const known = DEFAULT_AFWC_MEMBERS.find((m) => same(m.code, corporation) || same(m.name, corporation));
  const names = known ? [known.code, known.name] : [corporation];
  return members.some((m) => names.some((n) => same(m, n)));
}

const ALL_PARTIES: ReadonlyArray<NewChanceParty> = ['care_provider', 'corporation', 'hub', 'wonen'];

export interface NewChanceTransition {
  /** The workflow step (§7.6) the event belongs to. */
  step: string;
  /** The steps the case must wait at; 'active': any step before the end. */
  from: ReadonlyArray<NewChanceStep> | 'active';
  parties: ReadonlyArray<NewChanceParty>;
  rule: string;
  label: Words;
}

/** The §7.6 workflow table as data. */
export const NEW_CHANCE_TRANSITIONS: Record<NewChanceEventType, NewChanceTransition> = {
  requested: { step: 'NK-1', from: ['NK-1'], parties: ALL_PARTIES, rule: 'R-OV-52', label: { nl: 'Aanvraag Nieuwe Kans bij het Meldpunt', en: 'New Chance application to the hub' } },
  ko_decided: { step: 'NK-2', from: ['NK-2'], parties: ['hub'], rule: 'R-OV-53', label: { nl: 'Besluit Klein Overleg', en: 'Small Meeting decision' } },
  home_visit_held: { step: 'NK-3', from: ['NK-3'], parties: ['hub', 'corporation'], rule: 'R-OV-53', label: { nl: 'Huisbezoek door wijk-SPV en corporatie', en: 'Home visit by the district nurse and the corporation' } },
  resident_conversation: { step: 'NK-4', from: ['NK-4'], parties: ['hub', 'corporation'], rule: 'R-OV-54', label: { nl: 'Gesprek met de bewoner over de Nieuwe Kans', en: 'Conversation with the resident about the New Chance' } },
  uvo_held: { step: 'NK-5', from: ['NK-5'], parties: ['hub'], rule: 'R-OV-55', label: { nl: 'Uitvoerderoverleg', en: 'Executors’ Meeting' } },
  go_decided: { step: 'NK-5', from: ['NK-5'], parties: ['hub'], rule: 'R-OV-55', label: { nl: 'Besluit Groot Overleg', en: 'Large Meeting decision' } },
  letter_issued: { step: 'NK-5', from: ['NK-5'], parties: ['hub'], rule: 'R-OV-57', label: { nl: 'Nieuwe Kans Brief verstuurd', en: 'New Chance letter issued' } },
  active_mediation_placed: { step: 'NK-6', from: ['NK-6'], parties: ['wonen'], rule: 'R-OV-58', label: { nl: 'Geplaatst in de module actieve bemiddeling', en: 'Placed in active mediation' } },
  dwelling_mediated: { step: 'NK-7', from: ['NK-7'], parties: ['corporation'], rule: 'R-OV-59', label: { nl: 'Woning bemiddeld', en: 'Dwelling mediated' } },
  leases_signed: { step: 'NK-8', from: ['NK-8'], parties: ['care_provider', 'corporation'], rule: 'R-OV-60', label: { nl: 'Hoofdhuur en onderhuur getekend', en: 'Head lease and sublease signed' } },
  goals_set: { step: 'NK-9', from: ['NK-9'], parties: ['care_provider'], rule: 'R-OV-61', label: { nl: 'Woondoelen vastgelegd', en: 'Housing goals set' } },
  evaluation_held: { step: 'NK-9', from: ['NK-9'], parties: ['care_provider'], rule: 'R-OV-61', label: { nl: 'Woondoelen geëvalueerd', en: 'Housing goals evaluated' } },
  hub_informed: { step: 'NK-9', from: ['NK-9'], parties: ['care_provider'], rule: 'R-OV-61', label: { nl: 'Meldpunt geïnformeerd', en: 'Hub informed' } },
  concern_signalled: { step: 'NK-10', from: ['NK-9'], parties: ['care_provider'], rule: 'R-OV-62', label: { nl: 'Zorg of overlast neemt toe', en: 'Increasing concern or nuisance' } },
  returned_to_own_name: { step: 'NK-11', from: ['NK-9'], parties: ['care_provider', 'corporation', 'hub'], rule: 'R-OV-63', label: { nl: 'Huurcontract terug op eigen naam', en: 'Lease back in the resident’s own name' } },
  ended: { step: 'end', from: 'active', parties: ['hub'], rule: 'R-OV-51', label: { nl: 'Nieuwe Kans beëindigd', en: 'New Chance ended' } },
};

/** What the case waits for at each step (for "Nog niet mogelijk: …"). */
export const NEW_CHANCE_STEP_WORDS: Record<NewChanceStep, Words> = {
  'NK-1': { nl: 'eerst moet de aanvraag worden ingediend', en: 'the application must be made first' },
  'NK-2': { nl: 'het Klein Overleg moet de aanvraag eerst bespreken', en: 'the Small Meeting must discuss the application first' },
  'NK-3': { nl: 'eerst is er een huisbezoek', en: 'a home visit comes first' },
  'NK-4': { nl: 'eerst moet de bewoner zeggen of hij of zij wil meewerken', en: 'the resident must first say whether they are willing to cooperate' },
  'NK-5': { nl: 'het Groot Overleg moet eerst besluiten en de Nieuwe Kans Brief versturen', en: 'the Large Meeting must decide and issue the New Chance letter first' },
  'NK-6': { nl: 'Wonen moet de bewoner eerst in de actieve bemiddeling plaatsen', en: 'Wonen must place the resident in active mediation first' },
  'NK-7': { nl: 'de corporatie moet eerst een woning bemiddelen', en: 'the corporation must mediate a dwelling first' },
  'NK-8': { nl: 'eerst moeten hoofdhuur en onderhuur getekend zijn', en: 'the head lease and sublease must be signed first' },
  'NK-9': { nl: 'de begeleiding met woondoelen loopt', en: 'the support with housing goals is under way' },
  'NK-11': { nl: 'het huurcontract staat al weer op naam van de bewoner', en: 'the lease is already back in the resident’s name' },
  ended: { nl: 'de Nieuwe Kans is beëindigd', en: 'the New Chance has ended' },
};

const isOver = (step: NewChanceStep) => step === 'ended' || step === 'NK-11';

/** The state the events derive (a pure fold, in the order given). */
export function deriveNewChanceState(events: ReadonlyArray<NewChanceEventInput>): NewChanceState {
  const s: NewChanceState = {
    step: 'NK-1', requestedOn: null, grantedOn: null, decision: null, letterId: null, letterOn: null, mediationPlacedOn: null, dwellingMediatedOn: null,
    leasesSignedOn: null, goalsSetOn: null, lastEvaluationOn: null, lastEvaluation: null, evaluationHubInformedOn: null, openConcernOn: null,
    concernHubInformedOn: null, endedOn: null, endReason: null,
  };
  const end = (on: string, reason: string) => { s.step = 'ended'; s.endedOn = on; s.endReason = reason; };
  for (const e of events) {
    const on = e.occurredOn;
    switch (e.type) {
      case 'requested': s.requestedOn = on; s.step = 'NK-2'; break;
      case 'ko_decided': if (e.data.suitable) s.step = 'NK-3'; else end(on, 'ko_not_suitable'); break;
      case 'home_visit_held': if (e.data.careCannotBeDeliveredHere) s.step = 'NK-4'; else end(on, 'care_deliverable_here'); break;
      case 'resident_conversation': if (e.data.willing === 'yes') s.step = 'NK-5'; else end(on, 'not_willing'); break;
      case 'uvo_held': break;
      case 'go_decided': {
        const d = e.data;
        if (!d.residentWilling) end(on, 'not_willing');
        else if (!d.suitable) end(on, 'go_not_suitable');
        else s.decision = { careProviderId: d.careProviderId, move: d.move, termMonths: d.termMonths, housingNeeds: d.housingNeeds, temporaryStay: d.temporaryStay, on };
        break;
      }
      case 'letter_issued':
        s.letterId = e.data.letterId; s.letterOn = on; s.grantedOn = on;
        s.step = s.decision?.move ? 'NK-6' : 'NK-9';
        break;
      case 'active_mediation_placed': s.mediationPlacedOn = on; s.step = 'NK-7'; break;
      case 'dwelling_mediated': s.dwellingMediatedOn = on; s.step = 'NK-8'; break;
      case 'leases_signed': s.leasesSignedOn = on; s.step = 'NK-9'; break;
      case 'goals_set': s.goalsSetOn = on; break;
      case 'evaluation_held': s.lastEvaluationOn = on; s.lastEvaluation = { goalsKept: e.data.goalsKept, nuisance: e.data.nuisance }; break;
      case 'hub_informed': if (e.data.about === 'evaluation') s.evaluationHubInformedOn = on; else s.concernHubInformedOn = on; break;
      case 'concern_signalled': s.openConcernOn = on; break;
      case 'returned_to_own_name': s.step = 'NK-11'; s.endedOn = on; s.endReason = 'returned_to_own_name'; break;
      case 'ended': end(on, e.data.reason); break;
    }
  }
  return s;
}

/** R-OV-64: information beyond the covenant parties at the table is shared only once the New Chance is granted. */
export function newChanceShared(state: Pick<NewChanceState, 'grantedOn'>): boolean {
  return state.grantedOn !== null;
}

const T = (nl: string, en: string) => ({ nl, en });
const v = (code: string, rule: string, text: Words, field?: string): Violation => ({ code, rule, nl: text.nl, en: text.en, ...(field ? { field } : {}) });
const blank = (s: string | null | undefined) => !(s ?? '').trim();

export interface NewChanceCheckContext {
  state: NewChanceState;
  party: NewChanceParty | null;
  today: string;
  /** R-OV-48: the configured AFWC list (codes or names; default DEFAULT_AFWC_CODES). */
  afwcMembers: ReadonlyArray<string>;
}

/** Every reason the step cannot be recorded now; empty when it can. */
export function checkNewChanceEvent(ctx: NewChanceCheckContext, input: NewChanceEventInput): Violation[] {
  const t = NEW_CHANCE_TRANSITIONS[input.type];
  const s = ctx.state;
  if (ctx.party === null || !t.parties.includes(ctx.party)) {
    return [{ ...v('actor_not_allowed', t.rule, T('Deze stap is voor een andere partij.', 'This step is for another party.')), forbidden: true }];
  }
  if (isOver(s.step)) {
    const w = NEW_CHANCE_STEP_WORDS[s.step];
    return [v('case_ended', t.rule, T(`Nog niet mogelijk: ${w.nl}.`, `Not possible: ${w.en}.`))];
  }
  const moveStep = input.type === 'active_mediation_placed' || input.type === 'dwelling_mediated' || input.type === 'leases_signed';
  if (moveStep && s.decision && !s.decision.move) {
    return [v('current_dwelling', 'R-OV-65', T('Niet nodig: de Nieuwe Kans is in de huidige woning, zonder verhuizing, actieve bemiddeling of nieuwe woning.', 'Not needed: the New Chance is in the current dwelling, without a move, active mediation or new dwelling.'))];
  }
  if (t.from !== 'active' && !t.from.includes(s.step)) {
    const w = NEW_CHANCE_STEP_WORDS[s.step];
    return [v('wrong_step', t.rule, T(`Nog niet mogelijk: ${w.nl}.`, `Not possible now: ${w.en}.`))];
  }
  const out: Violation[] = [];
  if (input.occurredOn > ctx.today) out.push(v('date_in_future', t.rule, T('De datum ligt in de toekomst.', 'The date is in the future.'), '/occurredOn'));
  switch (input.type) {
    case 'requested': {
      const d = input.data;
      if (!isEligible(d.corporationCode, ctx.afwcMembers)) {
        out.push(v('not_afwc_member', 'R-OV-48', T('Niet mogelijk: de Nieuwe Kans is alleen voor huurders van een corporatie die lid is van de AFWC.', 'Not possible: the New Chance is only for tenants of a corporation that is a member of the AFWC.'), '/data/corporationCode'));
      }
      if (!d.seriousNuisance && !d.careNotDeliverable) {
        out.push(v('no_ground', 'R-OV-48', T('Niet mogelijk: er moet ernstige overlast zijn of zorg die in de huidige woning niet kan worden geleverd.', 'Not possible: there must be serious nuisance or care that cannot be delivered in the current dwelling.'), '/data/seriousNuisance'));
      }
      break;
    }
    case 'go_decided': {
      const d = input.data;
      if (!d.residentWilling) {
        out.push(v('no_consent', 'R-OV-49', T('Niet mogelijk: een Nieuwe Kans zonder instemming van de bewoner kan niet.', 'Not possible: a New Chance without the resident’s consent.'), '/data/residentWilling'));
        break;
      }
      if (!d.suitable) break;
      if (blank(d.careProviderId)) out.push(v('care_provider_required', 'R-OV-56', T('Kies de zorgaanbieder die de zorg gaat leveren.', 'Choose the care provider that will deliver the care.'), '/data/careProviderId'));
      if (d.move) {
        if (d.termMonths === null || !Number.isInteger(d.termMonths) || d.termMonths < 1) {
          out.push(v('term_required', 'R-OV-57', T('Geef de termijn (in hele maanden) waarbinnen de verhuizing moet plaatsvinden.', 'Give the term (in whole months) within which the move must take place.'), '/data/termMonths'));
        }
        if (blank(d.housingNeeds)) out.push(v('housing_needs_required', 'R-OV-57', T('Beschrijf de woonbehoefte voor de verhuizing.', 'Describe the housing needs for the move.'), '/data/housingNeeds'));
      } else if (d.temporaryStay) {
        out.push(v('temporary_stay_without_move', 'R-OV-57', T('Een tijdelijk verblijf elders hoort alleen bij een (zeer urgente) verhuizing.', 'A temporary stay elsewhere only goes with a (very urgent) move.'), '/data/temporaryStay'));
      }
      break;
    }
    case 'letter_issued':
      if (!s.decision) out.push(v('go_decision_missing', 'R-OV-57', T('Nog niet mogelijk: de brief legt het besluit van het Groot Overleg vast; dat besluit ontbreekt.', 'Not possible yet: the letter records the Large Meeting’s decision, which is missing.')));
      break;
    case 'dwelling_mediated':
      if (blank(input.data.address)) out.push(v('address_required', 'R-OV-59', T('Geef het adres van de woning.', 'Give the address of the dwelling.'), '/data/address'));
      if (blank(input.data.corporationCode)) out.push(v('corporation_required', 'R-OV-59', T('Geef de corporatie die de woning verhuurt.', 'Give the corporation that lets the dwelling.'), '/data/corporationCode'));
      break;
    case 'goals_set':
      if (!input.data.goals.some((g) => !blank(g))) out.push(v('goals_required', 'R-OV-61', T('Leg minstens één woondoel vast.', 'Record at least one housing goal.'), '/data/goals'));
      break;
    case 'evaluation_held':
      if (!s.goalsSetOn) out.push(v('goals_first', 'R-OV-61', T('Nog niet mogelijk: leg eerst de woondoelen vast.', 'Not possible yet: record the housing goals first.')));
      break;
    case 'hub_informed':
      if (input.data.about === 'evaluation' && !s.lastEvaluationOn) out.push(v('no_evaluation', 'R-OV-61', T('Nog niet mogelijk: er is nog geen evaluatie.', 'Not possible yet: there is no evaluation yet.'), '/data/about'));
      if (input.data.about === 'concern' && !s.openConcernOn) out.push(v('no_concern', 'R-OV-62', T('Nog niet mogelijk: er is geen zorgsignaal vastgelegd.', 'Not possible yet: no concern has been recorded.'), '/data/about'));
      break;
    case 'concern_signalled':
      if (blank(input.data.note)) out.push(v('note_required', 'R-OV-62', T('Beschrijf het signaal.', 'Describe the signal.'), '/data/note'));
      break;
    case 'returned_to_own_name': {
      const last = s.lastEvaluation;
      if (!input.data.allPartiesAgree) out.push(v('parties_disagree', 'R-OV-63', T('Nog niet mogelijk: alle partijen moeten het eens zijn.', 'Not possible yet: all parties must agree.'), '/data/allPartiesAgree'));
      if (!last?.goalsKept || last.nuisance) {
        out.push(v('conditions_not_met', 'R-OV-63', T('Nog niet mogelijk: bij de laatste evaluatie moeten de afspraken zijn nagekomen en mag er geen overlast zijn.', 'Not possible yet: at the last evaluation the agreements must have been kept and there must be no nuisance.')));
      }
      break;
    }
    case 'ended':
      if (blank(input.data.reason)) out.push(v('reason_required', 'R-OV-51', T('Geef de reden van het beëindigen.', 'Give the reason for ending.'), '/data/reason'));
      break;
    default:
      break;
  }
  return out;
}

export type NewChanceDeadlineId = 'D-OV-11' | 'D-OV-12' | 'R-OV-61' | 'D-OV-13';

export const NEW_CHANCE_DEADLINES: Record<NewChanceDeadlineId, { amount: number | null; unit: 'months' | 'years' | 'working_days'; nature: NuisanceDeadline['nature']; actor: NewChanceParty; label: Words }> = {
  /** The term is set per case in the New Chance letter (R-OV-57). */
  'D-OV-11': { amount: null, unit: 'months', nature: 'MUST', actor: 'corporation', label: { nl: 'Woning bemiddelen binnen de afgesproken termijn', en: 'Mediate a dwelling within the agreed term' } },
  'D-OV-12': { amount: 1, unit: 'years', nature: 'MUST', actor: 'care_provider', label: { nl: 'Woondoelen evalueren (minstens eens per jaar)', en: 'Evaluate the housing goals (at least once a year)' } },
  /** Proposal: the hub hears the outcome of an evaluation within 10 working days. */
  'R-OV-61': { amount: 10, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'Uitkomst van de evaluatie doorgeven aan het Meldpunt', en: 'Pass the evaluation’s outcome to the hub' } },
  /** Proposal: "in time" = within 2 working days of the signal. */
  'D-OV-13': { amount: 2, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'Meldpunt informeren over toenemende zorg of overlast', en: 'Inform the hub of increasing concern or nuisance' } },
};

const onOrAfter = (on: string | null, start: string): string | null => (on !== null && on >= start ? on : null);

/**
 * The New Chance's deadlines: D-OV-11 (the move within the letter's term), D-OV-12 (a year after
 * the goals or the last evaluation), the hub informed within 10 working days of an evaluation
 * (R-OV-61), D-OV-13 (the hub informed within 2 working days of a concern). Not met when the case
 * ended (or the lease returned to the own name): cancelled.
 */
export function deriveNewChanceDeadlines(cal: WorkingCalendar, s: NewChanceState): NuisanceDeadline[] {
  const out: NuisanceDeadline[] = [];
  const over = isOver(s.step);
  const add = (id: NewChanceDeadlineId, start: string, metOn: string | null, amount = NEW_CHANCE_DEADLINES[id].amount ?? 0) => {
    const rule = NEW_CHANCE_DEADLINES[id];
    const computed = computeDue(cal, { start, amount, unit: rule.unit, ruleId: id });
    out.push({ key: id, ruleId: id, nature: rule.nature, actor: rule.actor, start, due: computed.due, metOn, closedAs: !metOn && over ? 'cancelled' : null, computed, label: rule.label });
  };
  const term = s.decision?.move ? s.decision.termMonths : null;
  if (s.letterOn && term) add('D-OV-11', s.letterOn, s.dwellingMediatedOn, term);
  if (s.goalsSetOn) add('D-OV-12', maxIsoDate(s.goalsSetOn, s.lastEvaluationOn ?? s.goalsSetOn), null);
  if (s.lastEvaluationOn) add('R-OV-61', s.lastEvaluationOn, onOrAfter(s.evaluationHubInformedOn, s.lastEvaluationOn));
  if (s.openConcernOn) add('D-OV-13', s.openConcernOn, onOrAfter(s.concernHubInformedOn, s.openConcernOn));
  return out;
}
