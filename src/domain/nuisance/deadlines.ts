/**
 * The deadlines of a nuisance case (overlast.md §4): per report D-OV-01…D-OV-04 and D-OV-08, the
 * six-week check D-OV-06, the three-month target D-OV-05, the time-out D-OV-09, the field table
 * D-OV-10 and the hub contact after Action 3 (R-OV-33). Pure: the shell writes them into the shared
 * deadline table. D-OV-07 is a time of day, not a deadline (escalation.ts `isNight`).
 *
 * A deadline is met on the date the step it asks for was recorded, and cancelled when the case
 * ended (closed, evicted) before that. Keys are unique per case (`D-OV-01:<reportId>`).
 */
import { addPeriod, computeDue, maxIsoDate, type PeriodUnit, type WorkingCalendar } from '../calendar/index.ts';
import { TERMINAL_STATES, type CaseReport, type NuisanceDeadline, type NuisanceFacts, type NuisanceParty, type NuisanceState, type Words } from './model.ts';

export interface NuisanceDeadlineRule {
  amount: number;
  unit: PeriodUnit;
  nature: NuisanceDeadline['nature'];
  actor: NuisanceParty;
  label: Words;
}

export type NuisanceDeadlineId = 'D-OV-01' | 'D-OV-02' | 'D-OV-03' | 'D-OV-04' | 'D-OV-05' | 'D-OV-06' | 'D-OV-08' | 'D-OV-09' | 'D-OV-10' | 'R-OV-33';

export const NUISANCE_DEADLINES: Record<NuisanceDeadlineId, NuisanceDeadlineRule> = {
  'D-OV-01': { amount: 2, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'Contact opnemen met de melder', en: 'Approach the reporter' } },
  /** AMB-OV-01 (proposal): due at once (the day of the report), overdue after 2 working days. */
  'D-OV-02': { amount: 2, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'De contactpersoon van de corporatie direct informeren over de aanpak', en: 'Inform the corporation’s contact person at once of the approach' } },
  'D-OV-03': { amount: 2, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'Reageren op het signaal van de corporatie', en: 'Respond to the corporation’s signal' } },
  /** AMB-OV-02 (proposal): working days are binding; 48 hours is shown as an early warning. */
  'D-OV-04': { amount: 2, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'Contact opnemen met de corporatie over de aanpak van de klacht', en: 'Contact the corporation about how the complaint is handled' } },
  /** AMB-OV-08 (proposal): from the first complaint of the case; a case open longer is flagged for the hub. */
  'D-OV-05': { amount: 3, unit: 'months', nature: 'SHOULD', actor: 'hub', label: { nl: 'Overlast binnen drie maanden verholpen', en: 'Nuisance resolved within three months' } },
  'D-OV-06': { amount: 6, unit: 'weeks', nature: 'MUST', actor: 'care_provider', label: { nl: 'Bij de klager navragen of de klachten zijn verholpen', en: 'Ask the complainant whether the complaints are resolved' } },
  /** Proposal: the hearing within 5 working days (configurable). */
  'D-OV-08': { amount: 5, unit: 'working_days', nature: 'SHOULD', actor: 'care_provider', label: { nl: 'Gesprek met de bewoner over de klacht (wederhoor)', en: 'Hear the resident on the complaint' } },
  'D-OV-09': { amount: 2, unit: 'weeks', nature: 'MUST', actor: 'care_provider', label: { nl: 'Einde van de time-out: terug naar de eigen woning of een structurele oplossing', en: 'End of the time-out: back to the own dwelling or a structural solution' } },
  /** Before the swap or prioritisation (due on the decision date); afterwards (very serious escalation, proposal): 5 working days. */
  'D-OV-10': { amount: 5, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'De ruil of voorrang melden bij de veldtafel', en: 'Report the swap or priority to the field table' } },
  /** Proposal: the hub contacted within 2 working days of the repeated complaint (Action 3). */
  'R-OV-33': { amount: 2, unit: 'working_days', nature: 'MUST', actor: 'care_provider', label: { nl: 'Contact opnemen met het Meldpunt Zorg en Woonoverlast over de stappen', en: 'Contact the Care and Housing Nuisance Hub about the steps' } },
};

/**
 * AMB-OV-02: the 48-hour early warning of D-OV-04, for display only (working days are binding):
 * the moment 48 hours after receipt, in the same form as given ('YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm').
 */
export function earlyWarningAt(receivedAt: string): string {
  return addPeriod(receivedAt.slice(0, 10), 2, 'days') + receivedAt.slice(10);
}

/** The date `on` when it is on or after `start`, else null (a step recorded for an earlier report). */
const onOrAfter = (on: string | null, start: string): string | null => (on !== null && on >= start ? on : null);

/**
 * Every deadline the case has now (R-OV-05: none when no care provider is involved — the hub's
 * regular method applies). C5 reports (the resident reports nuisance by others, R-OV-10) only
 * derive D-OV-01; a corporation's signal (C2) derives D-OV-03 instead of D-OV-01 and D-OV-04.
 */
function collector(cal: WorkingCalendar, facts: NuisanceFacts, state: NuisanceState, opts: { d08WorkingDays?: number }) {
  const out: NuisanceDeadline[] = [];
  const ended = TERMINAL_STATES.includes(state.status);
  const add = (id: NuisanceDeadlineId, key: string, start: string, metOn: string | null, amount = NUISANCE_DEADLINES[id].amount, extra: Record<string, string> = {}) => {
    const rule = NUISANCE_DEADLINES[id];
    const computed = { ...computeDue(cal, { start, amount, unit: rule.unit, ruleId: id }), ...extra };
    out.push({ key, ruleId: id, nature: rule.nature, actor: rule.actor, start, due: computed.due, metOn, closedAs: !metOn && ended ? 'cancelled' : null, computed, label: rule.label });
  };
  const perReport = (r: CaseReport) => {
    const start = r.receivedOn;
    if (r.channel !== 'C2') add('D-OV-01', `D-OV-01:${r.id}`, start, r.reporterContactedOn);
    if (!r.countsAgainstResident) return;
    const corporation = onOrAfter(state.corporationInformedOn, start);
    add('D-OV-02', `D-OV-02:${r.id}`, start, corporation, undefined, { dueAtOnce: start });
    if (r.channel === 'C2') add('D-OV-03', `D-OV-03:${r.id}`, start, corporation);
    else add('D-OV-04', `D-OV-04:${r.id}`, start, corporation, undefined, { earlyWarningAt: earlyWarningAt(start) });
    // R-OV-16 (proposal): a resident with a high nuisance risk is heard sooner (short lines): at most 2 working days.
    add('D-OV-08', `D-OV-08:${r.id}`, start, r.heardOn, facts.highRisk ? Math.min(HIGH_RISK_HEARING, opts.d08WorkingDays ?? NUISANCE_DEADLINES['D-OV-08'].amount) : opts.d08WorkingDays);
    if (r.judgement?.row === 'J3' && r.complainantInformedOn) add('D-OV-06', `D-OV-06:${r.id}`, r.complainantInformedOn, r.sixWeekCheckOn);
  };
  return { out, add, perReport };
}

/** The deadlines of one report only (D-OV-01…D-OV-04, D-OV-06, D-OV-08): what the reporting point's queue shows per report. */
export function deriveReportDeadlines(cal: WorkingCalendar, facts: NuisanceFacts, state: NuisanceState, reportId: string, opts: { d08WorkingDays?: number } = {}): NuisanceDeadline[] {
  const r = state.reports.find((x) => x.id === reportId);
  if (!facts.hasSupport || !r) return [];
  const { out, perReport } = collector(cal, facts, state, opts);
  perReport(r);
  return out;
}

/** R-OV-16 (proposal): the hearing of a high-risk resident within this many working days. */
export const HIGH_RISK_HEARING = 2;

/** Every deadline of the case: each report's (above), D-OV-05, the hub contact after action 3, the time-out and the field table. */
export function deriveNuisanceDeadlines(cal: WorkingCalendar, facts: NuisanceFacts, state: NuisanceState, opts: { d08WorkingDays?: number } = {}): NuisanceDeadline[] {
  if (!facts.hasSupport) return [];
  const { out, add, perReport } = collector(cal, facts, state, opts);
  state.reports.forEach(perReport);
  if (state.firstComplaintOn) add('D-OV-05', 'D-OV-05', state.firstComplaintOn, state.closedOn);
  const action3 = state.actionStartedOn[3];
  if (action3) add('R-OV-33', 'R-OV-33', action3, state.hubInvolvedOn === null ? null : maxIsoDate(state.hubInvolvedOn, action3), facts.highRisk ? 1 : undefined);
  if (state.timeout) add('D-OV-09', `D-OV-09:${state.timeout.startOn}`, state.timeout.startOn, state.timeout.endedOn);
  const rp = state.replacement;
  if (rp?.outcome.startsWith('priority')) add('D-OV-10', 'D-OV-10', rp.decidedOn, rp.fieldTableNotifiedOn, rp.afterwards ? undefined : 0);
  return out;
}

/** The open deadlines past their due date on `today` (the due day itself is still in time). */
export function overdueOn(deadlines: ReadonlyArray<NuisanceDeadline>, today: string): NuisanceDeadline[] {
  return deadlines.filter((d) => !d.metOn && !d.closedAs && d.due < today);
}
