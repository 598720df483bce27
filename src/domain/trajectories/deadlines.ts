/**
 * The deadline table of omslagroute.md §5.1 (D-01 … D-17, and D-OV-09 for the time-out
 * side exit): each rule's trigger, amount, unit, actor and nature, and how it is met.
 * `deriveDeadlines` computes every deadline instance of a trajectory from its state with
 * the working-day calendar; `deadlineStatus` judges one instance as of a date.
 *
 * A deadline, once it exists, is never removed: it ends met, missed, cancelled (only while it
 * was still open) or waived. `endOfUnderived` decides how a stored deadline that the derivation
 * no longer produces ends (the shell keeps the row and writes that end).
 */
import {
  addPeriod, applyDeadlineAdjustments, computeDue, type DeadlineAdjustment, type DueDate, type IsoDate, type PeriodUnit, type WorkingCalendar,
} from '../calendar/index.ts';
import type { ActorKind } from './model.ts';
import type { TrajectoryState } from './state.ts';

export type Nature = 'MUST' | 'SHOULD' | 'MAY';
export type DeadlineRuleId = 'D-01' | 'D-02' | 'D-03' | 'D-04' | 'D-05' | 'D-06' | 'D-07' | 'D-08' | 'D-09' | 'D-10' | 'D-11' | 'D-12' | 'D-13' | 'D-14' | 'D-15' | 'D-16' | 'D-OV-09' | 'D-WON-1';

export interface DeadlineRule {
  id: DeadlineRuleId;
  amount: number;
  unit: PeriodUnit;
  actors: ReadonlyArray<ActorKind>;
  nature: Nature;
  /** 'deadline': must happen by the due date; 'earliest': may not happen before it (D-09). */
  kind: 'deadline' | 'earliest';
  label: { nl: string; en: string };
}

/** Configurable defaults that the sources leave open (spec "Proposal"): settings, never constants. */
export interface DeadlineSettings {
  /** D-14: warn after this many weeks (the due date is after `amount` weeks). */
  d14WarnWeeks: number;
  /** D-16: default light-support period in months when no planned end is given. */
  d16DefaultMonths: number;
  /** D-11 / AMB-OR-05: young adult = age within [min, max] on the due date. */
  youngAdultMinAge: number;
  youngAdultMaxAge: number;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = { d14WarnWeeks: 4, d16DefaultMonths: 3, youngAdultMinAge: 18, youngAdultMaxAge: 27 };

export const DEADLINE_RULES: Record<DeadlineRuleId, DeadlineRule> = {
  'D-01': { id: 'D-01', amount: 3, unit: 'months', actors: ['care_provider', 'corporation', 'wonen'], nature: 'SHOULD', kind: 'deadline', label: { nl: 'Passend woningaanbod binnen 3 maanden na beschikking en urgentie', en: 'Suitable housing offer within 3 months of decision and urgency' } },
  'D-02': { id: 'D-02', amount: 1, unit: 'working_days', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Reageren op aanbod binnen 1 werkdag', en: 'Reply to the offer within 1 working day' } },
  'D-03': { id: 'D-03', amount: 2, unit: 'working_days', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Bezichtigen binnen 2 werkdagen na beschikbaar komen', en: 'View within 2 working days of availability' } },
  'D-04': { id: 'D-04', amount: 2, unit: 'working_days', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Afwijzing met redenen binnen 2 werkdagen na bezichtiging', en: 'Refusal with reasons within 2 working days of the viewing' } },
  'D-05': { id: 'D-05', amount: 5, unit: 'working_days', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Cliënt informeren binnen 5 werkdagen na beschikbaar stellen', en: 'Inform the client within 5 working days of availability' } },
  'D-06': { id: 'D-06', amount: 6, unit: 'weeks', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Begeleidingsplan binnen 6 weken na kennismaking', en: 'Support plan within 6 weeks of the first meeting' } },
  'D-07': { id: 'D-07', amount: 6, unit: 'weeks', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Kennismakingsgesprek inplannen binnen 6 weken na sleuteloverdracht', en: 'Schedule the introduction meeting within 6 weeks of key handover' } },
  'D-08': { id: 'D-08', amount: 3, unit: 'months', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Kennismakingsgesprek binnen 3 maanden na sleuteloverdracht', en: 'Introduction meeting within 3 months of key handover' } },
  'D-09': { id: 'D-09', amount: 1, unit: 'years', actors: ['care_provider'], nature: 'MUST', kind: 'earliest', label: { nl: 'Intermediaire verhuur minimaal 1 jaar (vroegste omklap)', en: 'Intermediate lease at least 1 year (earliest transfer)' } },
  'D-10': { id: 'D-10', amount: 12, unit: 'months', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Woonevaluatie minimaal jaarlijks', en: 'Housing evaluation at least yearly' } },
  'D-11': { id: 'D-11', amount: 6, unit: 'months', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Woonevaluatie halfjaarlijks (jongvolwassene of multiprobleemgezin)', en: 'Housing evaluation every half year (young adult or multi-problem family)' } },
  'D-12': { id: 'D-12', amount: 6, unit: 'months', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Fibu-evaluatie elk half jaar', en: 'Fibu evaluation every six months' } },
  'D-13': { id: 'D-13', amount: 5, unit: 'working_days', actors: ['wonen'], nature: 'MUST', kind: 'deadline', label: { nl: 'Wonen bevestigt of retourneert binnen 5 werkdagen', en: 'Wonen confirms or returns within 5 working days' } },
  'D-14': { id: 'D-14', amount: 6, unit: 'weeks', actors: ['corporation'], nature: 'SHOULD', kind: 'deadline', label: { nl: 'Contract op eigen naam binnen 4–6 weken na bevestiging', en: 'Lease in own name within 4–6 weeks of confirmation' } },
  'D-15': { id: 'D-15', amount: 1, unit: 'years', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Jaarlijkse verlenging WoningNet-inschrijving', en: 'Yearly WoningNet registration renewal' } },
  'D-16': { id: 'D-16', amount: 3, unit: 'months', actors: ['care_provider'], nature: 'MAY', kind: 'deadline', label: { nl: 'Einde lichte begeleiding na omklap', en: 'End of light support after transfer' } },
  // Proposal (docs/adr/0010-urgency-decision-term.md): the spec sets no term for the urgency decision (AMB-OR-12); the Awb 4:13 reasonable term of 8 weeks.
  'D-WON-1': { id: 'D-WON-1', amount: 8, unit: 'weeks', actors: ['wonen'], nature: 'SHOULD', kind: 'deadline', label: { nl: 'Wonen beslist op de urgentieaanvraag', en: 'Wonen decides on the urgency request' } },
  'D-OV-09': { id: 'D-OV-09', amount: 2, unit: 'weeks', actors: ['care_provider'], nature: 'MUST', kind: 'deadline', label: { nl: 'Time-out maximaal 2 weken', en: 'Time-out at most 2 weeks' } },
};

export interface DeadlineContext {
  calendar: WorkingCalendar;
  settings: DeadlineSettings;
  /** Client's birth date, for D-11 (young adult on the due date). */
  birthDate: IsoDate | null;
  /** Start of the WoningNet registration, for D-15. */
  woningnetRegisteredOn: IsoDate | null;
  /** Pauses and extensions per deadline key. */
  adjustments?: Readonly<Record<string, ReadonlyArray<DeadlineAdjustment>>>;
}

export interface DeadlineInstance {
  /** Stable per trajectory, e.g. "D-02#<offer event id>" or "D-10#2". */
  key: string;
  ruleId: DeadlineRuleId;
  nature: Nature;
  kind: 'deadline' | 'earliest';
  actors: ReadonlyArray<ActorKind>;
  start: IsoDate;
  /** The computed due date with the rule and the reasons it moved (before pauses/extensions). */
  computed: DueDate;
  /** Current due date after pauses and extensions; null while paused open-ended. */
  due: IsoDate | null;
  originalDue: IsoDate;
  paused: boolean;
  adjustmentHistory: ReturnType<typeof applyDeadlineAdjustments>['history'];
  /** D-14: the date after which a warning shows. */
  warnOn: IsoDate | null;
  metOn: IsoDate | null;
  /**
   * Ended without being met: not applicable any more while still open (trajectory closed, offer
   * withdrawn: 'cancelled'), waived by a documented deviation (R-OR-05: 'waived'), or already
   * overdue when the case stopped producing it ('missed').
   */
  closedAs: DeadlineEnd | null;
  /** The date it ended as closedAs, where known (the side exit, the date the derivation dropped it). */
  closedOn: IsoDate | null;
  note: string | null;
}

export type DeadlineEnd = 'cancelled' | 'waived' | 'missed';

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'cancelled' | 'waived';

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function deriveDeadlines(s: TrajectoryState, ctx: DeadlineContext): DeadlineInstance[] {
  const out: DeadlineInstance[] = [];
  const cal = ctx.calendar;
  const add = (ruleId: DeadlineRuleId, key: string, start: IsoDate, metOn: IsoDate | null, opts: { amount?: number; unit?: PeriodUnit; countFrom?: IsoDate; closedAs?: DeadlineEnd | null; closedOn?: IsoDate | null; note?: string | null; warnOn?: IsoDate | null; fixedDue?: IsoDate } = {}) => {
    const rule = DEADLINE_RULES[ruleId];
    // Every period goes through computeDue (Atw art. 1 and 2); only a date fixed by the user (D-16's planned end) does not.
    // `countFrom`: the period counts from another date than the start shown (D-15: k years after registration).
    const computed = opts.fixedDue
      ? { ruleId, start, amount: 0, unit: 'days' as const, unadjustedDue: opts.fixedDue, due: opts.fixedDue, adjustments: [] }
      : computeDue(cal, { start: opts.countFrom ?? start, amount: opts.amount ?? rule.amount, unit: opts.unit ?? rule.unit, ruleId });
    const adj = applyDeadlineAdjustments(cal, computed, [...(ctx.adjustments?.[key] ?? [])]);
    out.push({
      key, ruleId, nature: rule.nature, kind: rule.kind, actors: rule.actors, start, computed, due: adj.due, originalDue: adj.originalDue,
      paused: adj.paused, adjustmentHistory: adj.history, warnOn: opts.warnOn ?? null, metOn,
      closedAs: opts.closedAs ?? null, closedOn: opts.closedAs ? (opts.closedOn ?? null) : null, note: opts.note ?? null,
    });
  };

  // D-WON-1 (proposal): Wonen decides on each urgency request within 8 weeks of the referral or of the
  // information it asked for ('D-WON-1', then 'D-WON-1#2', …). Asking for information ends the period (met,
  // noted); the supplied information starts a new one. A route that moves on without a decision cancels it.
  // Like a side exit, moving on cancels it while open and leaves it missed when it was overdue already.
  s.urgencyRequests.forEach((r, i) => {
    const movedOn = r.end === 'moved_on';
    add('D-WON-1', i === 0 ? 'D-WON-1' : `D-WON-1#${i + 1}`, r.startedOn, movedOn ? null : r.endedOn, { note: movedOn ? null : r.end });
    const d = out[out.length - 1]!;
    if (movedOn) {
      d.closedAs = (d.due ?? r.endedOn!) < r.endedOn! ? 'missed' : 'cancelled';
      d.closedOn = r.endedOn;
    }
  });

  // D-01: later of decision and urgency (AMB-OR-01); met when the client is informed of an offer.
  if (s.decisionOn && s.urgencyOn) {
    const informed = s.offers.map((o) => o.clientInformedOn).filter((x): x is string => !!x).sort()[0] ?? null;
    add('D-01', 'D-01', maxDate(s.decisionOn, s.urgencyOn), informed);
  }

  // An offer made through the platform's matching keeps D-02…D-05 on its own case (case_kind 'offer').
  for (const o of s.offers.filter((x) => !x.platformOffer)) {
    const accepted = o.clientInformedOn !== null || (s.matchFinalOn !== null && o === s.offers[s.offers.length - 1]);
    const superseded = o !== s.offers[s.offers.length - 1] && !o.refusedOn && !o.clientRefusedOn;
    // D-02: reply within 1 working day of the offer reaching the care provider.
    add('D-02', `D-02#${o.eventId}`, o.receivedOn, o.repliedOn, { closedAs: !o.repliedOn && superseded ? 'cancelled' : null });
    // D-03: only when a viewing is desired.
    if (o.reply === 'request_viewing' || o.viewedOn) add('D-03', `D-03#${o.eventId}`, o.availableOn, o.viewedOn);
    // D-04: only when not accepting after a viewing; reasons are mandatory (R-OR-20).
    if (o.viewedOn) add('D-04', `D-04#${o.eventId}`, o.viewedOn, o.refusedOn, { closedAs: !o.refusedOn && accepted ? 'cancelled' : null, note: accepted && !o.refusedOn ? 'accepted' : null });
    // D-05: inform the client within 5 working days of availability; not applicable once refused.
    add('D-05', `D-05#${o.eventId}`, o.availableOn, o.clientInformedOn, { closedAs: !o.clientInformedOn && (o.refusedOn || superseded) ? 'cancelled' : null });
  }

  if (s.keyHandoverOn) {
    // D-06: 6 weeks after the recorded first meeting; fallback the key handover (AMB-OR-03).
    add('D-06', 'D-06', s.firstMeetingOn ?? s.keyHandoverOn, s.supportPlanOn, { note: s.firstMeetingOn ? null : 'fallback_key_handover' });
    // D-07: met when the introduction meeting has a fixed date.
    add('D-07', 'D-07', s.keyHandoverOn, s.introScheduledOn ?? s.introHeldOn);
    // D-08: tailor-made: a documented deviation (R-OR-05) waives it.
    const deviation = s.deviations.find((x) => x.item === 'D-08');
    add('D-08', 'D-08', s.keyHandoverOn, s.introHeldOn, { closedAs: !s.introHeldOn && deviation ? 'waived' : null, closedOn: deviation?.on ?? null, note: deviation ? deviation.reason : null });
  }

  // D-09: the earliest transfer date, counted from the first intermediate lease (AMB-OR-11).
  if (s.leaseStartOn) add('D-09', 'D-09', s.leaseStartOn, null);

  // D-10 / D-11: evaluations; the first counts from the introduction meeting (AMB-OR-04),
  // for entries without one (E2, R-OR-73) from the start of the trajectory.
  const anchor0 = s.introHeldOn ?? (s.enteredViaOtherRoute && s.startedOn && s.keyHandoverOn === null ? s.startedOn : null);
  if (anchor0 && !s.contractOwnNameOn) {
    let anchor = anchor0;
    const evals = s.evaluations.filter((e) => e.on >= anchor0);
    for (let k = 0; k <= evals.length; k++) {
      const half = addPeriod(anchor, 6, 'months');
      const youngAdult = ctx.birthDate !== null && (() => { const a = ageOn(ctx.birthDate!, half); return a >= ctx.settings.youngAdultMinAge && a <= ctx.settings.youngAdultMaxAge; })();
      const ruleId: DeadlineRuleId = youngAdult || s.multiProblemFamily ? 'D-11' : 'D-10';
      const cap = DEADLINE_RULES[ruleId].amount;
      const agreed = s.evaluationIntervalMonths;
      const interval = agreed ? Math.min(agreed, cap) : cap;
      const met = evals[k]?.on ?? null;
      add(ruleId, `EVAL#${k + 1}`, anchor, met, { amount: interval, unit: 'months', note: agreed && agreed < cap ? `agreed_interval_${agreed}` : null });
      if (!met) break;
      anchor = met;
    }
  }

  // D-12: Fibu evaluation every six months while the trajectory runs. D-17: no end date is ever imposed on budget management.
  if (s.fibuAgreementsOn && !s.contractOwnNameOn) {
    let anchor = s.fibuAgreementsOn;
    const evals = s.fibuEvaluations.filter((d) => d >= anchor).sort();
    for (let k = 0; k <= evals.length; k++) {
      const met = evals[k] ?? null;
      add('D-12', `D-12#${k + 1}`, anchor, met);
      if (!met) break;
      anchor = met;
    }
  }

  // D-13: Wonen confirms or returns within 5 working days of receipt (AMB-OR-06: the same limit for a
  // return). Each submission has its own D-13 ('D-13', then 'D-13#2', … after a return), met on the date
  // of the confirmation or the return: a late answer stays visible as missed, with its date.
  s.wonenSubmissions.forEach((sub, i) => {
    add('D-13', i === 0 ? 'D-13' : `D-13#${i + 1}`, sub.sentOn, sub.confirmedOn ?? sub.returnedOn, { note: sub.returnedOn ? 'returned' : null });
  });

  // D-14: warning after 4 weeks, overdue after 6 weeks.
  if (s.wonenConfirmedOn) {
    add('D-14', 'D-14', s.wonenConfirmedOn, s.contractOwnNameOn, { warnOn: addPeriod(s.wonenConfirmedOn, ctx.settings.d14WarnWeeks, 'weeks') });
  }

  // D-15: yearly WoningNet renewal while living in the omslagwoning.
  if (ctx.woningnetRegisteredOn && s.keyHandoverOn && !s.contractOwnNameOn) {
    const renewals = [...s.woningnetRenewals].sort();
    let k = 1;
    while (addPeriod(ctx.woningnetRegisteredOn, k, 'years') < s.keyHandoverOn) k++;
    for (let i = 0; i <= renewals.length; i++, k++) {
      // k years after the registration (not 1 year after the previous anniversary: no drift from 29 February),
      // moved off non-working days like every other period (Atw art. 1).
      add('D-15', `D-15#${k}`, addPeriod(ctx.woningnetRegisteredOn, k - 1, 'years'), renewals[i] ?? null, { countFrom: ctx.woningnetRegisteredOn, amount: k, unit: 'years' });
      if (!renewals[i]) break;
    }
  }

  // D-16: light support has a planned end date; default 3 months (setting).
  if (s.lightSupport) {
    const planned = s.lightSupport.plannedEndOn;
    add('D-16', 'D-16', s.lightSupport.startedOn, s.status === 'closed' ? s.closedOn : null, planned ? { fixedDue: planned } : { amount: ctx.settings.d16DefaultMonths, unit: 'months' });
  }

  // D-OV-09: a time-out lasts at most two weeks; met when it ended in time, missed (late) when it ended after.
  for (const t of s.timeOuts) add('D-OV-09', `D-OV-09#${t.startedOn}`, t.startedOn, t.endedOn);

  // A closed trajectory leaves nothing open: what was still open is cancelled on the closing date,
  // what was already overdue then stays missed (a side exit does not relabel a missed deadline).
  if (s.status === 'closed') {
    for (const d of out) {
      if (d.metOn || d.closedAs || d.kind !== 'deadline' || d.ruleId === 'D-16') continue;
      d.closedAs = s.closedOn && d.due !== null && d.due < s.closedOn ? 'missed' : 'cancelled';
      d.closedOn = s.closedOn;
    }
  }
  return out;
}

/** What the shell stores of a deadline, as far as its end is concerned. */
export interface StoredDeadline {
  kind: 'deadline' | 'earliest' | string;
  due: IsoDate | null;
  metOn: IsoDate | null;
  closedAs: DeadlineEnd | string | null;
}

/**
 * How a stored deadline ends when the derivation no longer produces it, as of `asOf` (the date
 * the case changed): null when it has ended already (met, missed, cancelled, waived) and stays so;
 * 'missed' when its due date had passed (it stays visible as missed); otherwise 'cancelled' — a
 * deadline is cancelled only while it is still open. An earliest date (D-09) is never missed.
 */
export function endOfUnderived(d: StoredDeadline, asOf: IsoDate): { closedAs: DeadlineEnd; closedOn: IsoDate } | null {
  if (d.metOn || d.closedAs) return null;
  if (d.kind === 'deadline' && d.due !== null && d.due < asOf) return { closedAs: 'missed', closedOn: asOf };
  return { closedAs: 'cancelled', closedOn: asOf };
}

/**
 * The stored deadlines that the newly derived set no longer contains, each with its end as of `asOf`
 * (only those that change: rows already ended are left as they are).
 */
export function endsOfUnderived<T extends StoredDeadline & { key: string }>(stored: ReadonlyArray<T>, derived: ReadonlyArray<{ key: string }>, asOf: IsoDate): Array<{ stored: T; closedAs: DeadlineEnd; closedOn: IsoDate }> {
  const keys = new Set(derived.map((d) => d.key));
  const out: Array<{ stored: T; closedAs: DeadlineEnd; closedOn: IsoDate }> = [];
  for (const d of stored) {
    if (keys.has(d.key)) continue;
    const end = endOfUnderived(d, asOf);
    if (end) out.push({ stored: d, ...end });
  }
  return out;
}

/** The status of a deadline as of a date. A deadline met after its due date counts as missed. */
export function deadlineStatus(d: DeadlineInstance, asOf: IsoDate): DeadlineStatus {
  if (d.closedAs) return d.closedAs;
  if (d.kind === 'earliest') return d.due !== null && asOf >= d.due ? 'met' : 'open';
  if (d.metOn) return d.due === null || d.metOn <= d.due ? 'met' : 'missed';
  if (d.due === null) return 'open'; // paused
  return asOf > d.due ? 'missed' : 'open';
}

/** "Late ×3": overdue by twice the deadline's own length (in calendar days). */
export function isEscalated(d: DeadlineInstance, asOf: IsoDate): boolean {
  if (d.metOn || d.closedAs || d.due === null || d.kind !== 'deadline') return false;
  const day = (x: IsoDate) => Date.UTC(Number(x.slice(0, 4)), Number(x.slice(5, 7)) - 1, Number(x.slice(8, 10))) / 86_400_000;
  const length = Math.max(1, day(d.due) - day(d.start));
  return day(asOf) - day(d.due) > 2 * length;
}
