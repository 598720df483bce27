/** A scripted Omslagroute for domain tests: records events through the guards, as the shell does. */
import { ATW_CALENDAR, type IsoDate } from '../../src/domain/calendar/index.ts';
import {
  DEFAULT_DEADLINE_SETTINGS, checkEvent, deriveDeadlines, deriveState,
  type DeadlineInstance, type EventType, type RecordingActor, type TrajectoryEvent,
} from '../../src/domain/trajectories/index.ts';

export const careWorker: RecordingActor = { userId: 'u-cw', role: 'care_worker', kinds: ['care_provider'], isPersonalSupervisor: true };
export const corp: RecordingActor = { userId: 'u-cc', role: 'corporation_contact', kinds: ['corporation'], isPersonalSupervisor: false };
export const wonen: RecordingActor = { userId: 'u-won', role: 'wonen_officer', kinds: ['wonen'], isPersonalSupervisor: false };
export const reviewer: RecordingActor = { userId: 'u-od', role: 'independent_reviewer', kinds: ['care_provider'], isPersonalSupervisor: false };

export const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Vrijwilligerswerk 2 dagen per week', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Contact met familie herstellen', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling GGZ volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur en vaste lasten op tijd betalen', linkedToUrgency: true },
];

/** Records events through the guards, as the shell does, and fails loudly on a violation. */
export class Walk {
  events: TrajectoryEvent[] = [];
  today: IsoDate;
  constructor(today: IsoDate = '2030-01-01') { this.today = today; }
  get state() {
    return deriveState(this.events);
  }
  try(type: EventType, occurredOn: IsoDate, data: Record<string, unknown> = {}, actor: RecordingActor = careWorker, correctsEventId?: string) {
    return checkEvent(this.state, { type, occurredOn, data, correctsEventId }, actor, this.today);
  }
  rec(type: EventType, occurredOn: IsoDate, data: Record<string, unknown> = {}, actor: RecordingActor = careWorker, correctsEventId?: string) {
    const violations = this.try(type, occurredOn, data, actor, correctsEventId);
    if (violations.length) throw new Error(`${type} on ${occurredOn}: ${violations.map((x) => `${x.code} (${x.rule})`).join(', ')}`);
    const seq = this.events.length + 1;
    const e: TrajectoryEvent = { id: `e${seq}`, seq, type, occurredOn, data, recordedBy: actor.userId, recordedByOrganisationId: 'org', correctsEventId: correctsEventId ?? null };
    this.events.push(e);
    return e;
  }
  deadlines(extra: Partial<Parameters<typeof deriveDeadlines>[1]> = {}) {
    return deriveDeadlines(this.state, { calendar: ATW_CALENDAR, settings: DEFAULT_DEADLINE_SETTINGS, birthDate: '1980-05-01', woningnetRegisteredOn: '2019-09-15', ...extra });
  }
  deadline(key: string, extra: Partial<Parameters<typeof deriveDeadlines>[1]> = {}): DeadlineInstance {
    const d = this.deadlines(extra).find((x) => x.key === key || x.key.startsWith(`${key}#`) && !this.deadlines(extra).some((y) => y.key === key));
    if (!d) throw new Error(`no deadline ${key}`);
    return d;
  }
}

/** A walk up to the start of matching; `start` is the data of trajectory_started (a regular route by default). */
export function toMatching(w = new Walk(), start: Record<string, unknown> = { variant: 'regular' }) {
  w.rec('trajectory_started', '2026-01-05', start);
  w.rec('consent_given', '2026-01-05', { consentId: 'c1' });
  w.rec('housing_needs_recorded', '2026-01-06', { preferredNeighbourhoods: ['Oost'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand, geen galerijflat', schoolProximity: '' });
  w.rec('referral_analysis_recorded', '2026-01-07', { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag' });
  w.rec('goals_set', '2026-01-07', { goals: GOALS });
  w.rec('referral_submitted', '2026-01-08');
  w.rec('decision_issued', '2026-01-12');
  w.rec('urgency_granted', '2026-01-19', { conditional: true }, wonen);
  w.rec('active_mediation_started', '2026-01-20', {}, wonen);
  return w;
}

export const OFFER = { address: 'Lindelaan 12-2, Veenhaven', availableOn: '2026-04-02', floor: 2, lift: false, facilities: 'Douche, keuken', noiseAndDefects: 'Gehorig trappenhuis', contactName: 'Joost Meijer', recentNuisanceFile: false };

export function toKeyHandover(start: Record<string, unknown> = { variant: 'regular' }) {
  const w = toMatching(new Walk(), start);
  w.rec('offer_received', '2026-03-30', OFFER, corp);
  w.rec('offer_replied', '2026-03-31', { reply: 'request_viewing' });
  w.rec('viewing_held', '2026-04-07');
  w.rec('client_informed', '2026-04-08', { choicesDiscussed: true });
  w.rec('match_final', '2026-04-10', { oldRegistrationKept: true }, corp);
  w.rec('dwelling_ready', '2026-04-14', {}, corp);
  w.rec('lease_signed', '2026-04-15', { ibriShared: true }, corp);
  w.rec('transfer_goals_communicated', '2026-04-15');
  w.rec('key_handover', '2026-04-16', { corporationContactPresent: true });
  return w;
}

/** A full route to the point where the nomination goes to Wonen. */
export function fullRouteToWonen() {
  const w = toKeyHandover();
  w.rec('introduction_meeting_held', '2026-05-20', { atDwelling: true, evaluationIntervalMonths: 12 });
  w.rec('support_plan_completed', '2026-05-25');
  w.rec('housing_evaluation_held', '2027-04-20', { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true });
  for (const g of ['g1', 'g3', 'g4']) w.rec('goal_achieved', '2027-04-20', { goalId: g, achieved: true });
  w.rec('nuisance_check_done', '2027-04-22', { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] });
  w.rec('transfer_decision_joint', '2027-05-03', { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam, inloop Huis van de Wijk' });
  w.rec('nomination_filled', '2027-05-10', {});
  w.rec('independent_review', '2027-05-20', { verdict: 'approved', reasonCodes: [], motivation: 'Doelen behaald, geen risico’s' }, reviewer);
  w.rec('nomination_sent_to_wonen', '2027-06-01', { nawBankIbriShared: true });
  return w;
}

