/**
 * A step checked with its data on the write path: the event data against its transition-table
 * schema (typebox's validator), dates, preconditions (guards.ts) and the step's own data rules.
 * Moved out of guards.ts unchanged, so the browser — which asks guards.ts and availability.ts what
 * is possible — never loads the schema validator.
 */
import { Value } from 'typebox/value';
import { addPeriod, type IsoDate } from '../calendar/index.ts';
import type { EventType } from './model.ts';
import { TRANSITIONS, type TypedEventInput } from './transitions.ts';
import type { TrajectoryState } from './state.ts';
import {
  checkPreconditions, lifeDomainWords as domainWords, missingLifeDomains, violation as v,
  type EventInput, type RecordingActor, type Violation,
} from './guards.ts';

export function checkEvent(s: TrajectoryState, input: EventInput, actor: RecordingActor, today: IsoDate): Violation[] {
  const t = TRANSITIONS[input.type];
  const out: Violation[] = [];

  // Data shape, per event type.
  if (!Value.Check(t.data, input.data)) {
    for (const e of Value.Errors(t.data, input.data)) {
      out.push(v('invalid_data', null, `Ongeldig gegeven: ${e.message}`, `Invalid data: ${e.message}`, `/data${e.instancePath}`));
    }
    return out;
  }

  // Dates: not in the future, not before the trajectory started.
  if (input.occurredOn > today) out.push(v('date_in_future', null, 'De datum ligt in de toekomst.', 'The date is in the future.', '/occurredOn'));
  if (s.startedOn && input.occurredOn < s.startedOn) {
    out.push(v('date_before_start', null, `De datum ligt vóór de start van het traject (${s.startedOn}).`, `The date is before the trajectory started (${s.startedOn}).`, '/occurredOn'));
  }

  // Phase, party, consent and earlier steps: the same checks availability reports.
  out.push(...checkPreconditions(s, input.type, actor, input.occurredOn));

  // The step's own data.
  const d = input.data;
  switch (input.type) {
    case 'goals_set': {
      const goals = d.goals as Array<{ domain: string; id: string }>;
      const ids = new Set(goals.map((g) => g.id));
      if (ids.size !== goals.length) out.push(v('duplicate_goal_id', 'R-OR-14', 'Twee doelen hebben hetzelfde kenmerk.', 'Two goals share an identifier.', '/data/goals'));
      const missing = missingLifeDomains(goals);
      if (missing.length) out.push(v('life_domains_missing', 'R-OR-09', `Er ontbreken doelen voor de leefdomeinen: ${domainWords(missing, 'nl')}.`, `Goals are missing for the life domains: ${domainWords(missing, 'en')}.`, '/data/goals'));
      break;
    }
    case 'offer_received':
      if (d.recentNuisanceFile === true) out.push(v('recent_nuisance_file', 'R-OR-16', 'Een woning met een recent overlastdossier mag niet worden aangeboden.', 'A dwelling with a recent nuisance file may not be offered.', '/data/recentNuisanceFile'));
      break;
    case 'viewing_held':
      if (s.offers.length && input.occurredOn < s.offers[s.offers.length - 1]!.receivedOn) {
        out.push(v('date_before_offer', 'R-OR-19', 'De bezichtiging ligt vóór het aanbod.', 'The viewing is before the offer.', '/occurredOn'));
      }
      break;
    case 'introduction_meeting_held':
      if (s.keyHandoverOn && input.occurredOn > addPeriod(s.keyHandoverOn, 3, 'months') && !s.deviations.some((x) => x.item === 'D-08')) {
        out.push(v('d08_exceeded_without_deviation', 'R-OR-05', 'Het kennismakingsgesprek valt na de termijn van 3 maanden na de sleuteloverdracht; leg eerst een afwijking met reden vast.', 'The introduction meeting is after the 3-month limit after the key handover; record a deviation with reason first.'));
      }
      if (d.atDwelling !== true) out.push(v('not_at_dwelling', 'R-OR-35', 'Het kennismakingsgesprek vindt plaats in de woning van de bewoner.', 'The introduction meeting takes place at the dwelling.', '/data/atDwelling'));
      break;
    case 'housing_evaluation_held':
      if (d.preConsultationHeld !== true) out.push(v('pre_consultation_missing', 'R-OR-59', 'Houd eerst het telefonisch vooroverleg met de contactpersoon van de corporatie.', 'First hold the telephone pre-consultation with the corporation contact.', '/data/preConsultationHeld'));
      if (d.consentChecked !== true) out.push(v('consent_not_checked', 'R-OR-90', 'Vraag vóór elke evaluatie opnieuw toestemming voor het delen van gegevens.', 'Ask consent for sharing again before each evaluation.', '/data/consentChecked'));
      if (d.atDwelling !== true && s.variant !== 'umo_ujo_panel' && s.variant !== 'lasting_intermediate_lease') {
        out.push(v('not_at_dwelling', 'R-OR-57', 'De woonevaluatie vindt plaats in de woning.', 'The housing evaluation takes place at the dwelling.', '/data/atDwelling'));
      }
      if (d.outcome === 'continue' && !d.pointsForProgress) out.push(v('points_for_progress_missing', 'R-OR-60', 'Benoem de punten waarop vooruitgang nodig is.', 'State the points on which progress is needed.', '/data/pointsForProgress'));
      break;
    case 'signal_reported':
      // R-OR-48: the corporation does not confront the resident with nuisance signals without consulting the care provider.
      if (actor.kinds.includes('corporation') && !actor.kinds.includes('care_provider') && d.sharedWithResident === true && d.careProviderConsulted !== true) {
        out.push(v('care_provider_not_consulted', 'R-OR-48', 'Deel een signaal van overlast pas met de bewoner na overleg met de zorgaanbieder.', 'Share a nuisance signal with the resident only after consulting the care provider.', '/data/careProviderConsulted'));
      }
      break;
    case 'goal_achieved':
      if (!s.goals.some((g) => g.id === d.goalId)) out.push(v('unknown_goal', 'R-OR-14', 'Dit doel bestaat niet in dit traject.', 'This goal does not exist in this trajectory.', '/data/goalId'));
      break;
    case 'nomination_sent_to_wonen': {
      if (d.nawBankIbriShared !== true) out.push(v('naw_not_shared', 'R-OR-70', 'Zorg dat de corporatie actuele NAW-gegevens, rekeningnummer en IBRI heeft.', 'Make sure the corporation has current NAW data, bank account and IBRI.', '/data/nawBankIbriShared'));
      break;
    }
    case 'municipality_recorded':
      if (!d.municipalityId && !d.dwellingMunicipalityId) out.push(v('municipality_missing', 'R-MO-18', 'Kies een gemeente.', 'Choose a municipality.', '/data/municipalityId'));
      break;
    default:
      break;
  }
  return out;
}

/**
 * The event as its transition-table schema types it: a checked narrowing of untyped input (an HTTP
 * body, seed data) to the discriminated union, so the write path never casts event data.
 */
export function isTypedEventInput(raw: { type: EventType; occurredOn: string; data: unknown; correctsEventId?: string | null }): raw is TypedEventInput {
  return Value.Check(TRANSITIONS[raw.type].data, raw.data);
}

/** The schema violations of untyped event data, as refusals that name the field. */
export function eventDataViolations(type: EventType, data: unknown): Violation[] {
  return [...Value.Errors(TRANSITIONS[type].data, data)].map((e) => v('invalid_data', null, `Ongeldig gegeven: ${e.message}`, `Invalid data: ${e.message}`, `/data${e.instancePath}`));
}
