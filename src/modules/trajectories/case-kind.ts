/**
 * The Omslagroute trajectory as a kind of case on the shared case engine (src/platform/cases):
 * its transition table and rules come from src/domain/trajectories, its caches and deadlines
 * are rewritten by `refreshCaches`, and the modules listening to its events (the monitor's
 * placements, the forms' nomination) run in the event's transaction.
 *
 * `recordTrajectoryEvent` is the only place that inserts into `trajectory_events`: route steps,
 * the start of a trajectory, steps completed by forms, consent and its withdrawal, corrections,
 * voids and the demo seed all come through here.
 */
import type { Relation, Subject } from '../../domain/policy/index.ts';
import { writableTrajectoryMunicipalityFields } from '../../domain/policy/index.ts';
import {
  DEFAULT_CONTRACT_SETTINGS, checkContractType, checkEvent, checkMunicipalities, correctionPartyViolation, deriveState, municipalityChanges,
  type ActorKind, type TrajectoryEvent, type TrajectoryMunicipalities, type TypedEventInput,
} from '../../domain/trajectories/index.ts';
import { recordCaseEvent, type CaseActor, type CaseAuditSink, type CaseAuthorizer, type CaseKind, type CaseViolation, type Recorded, type Trx } from '../../platform/cases/engine.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayIn } from '../../platform/clock.ts';
import type { Role } from '../../domain/organisations/model.ts';
import { loadTrajectory, refreshCaches, type LoadedTrajectory } from './repository.ts';
import { municipalityDefaults, municipalityOptions } from './municipality.ts';
import { trajectoryEventHooks } from './hooks.ts';

/** A trajectory event as the transition table types it (a discriminated union on `type`). */
export type TrajectoryEventInput = TypedEventInput;

/** Who records: the user, the organisation it acts for, and how that organisation relates to the case. */
export interface TrajectoryActor extends CaseActor {
  role: Role;
  kinds: ActorKind[];
  isPersonalSupervisor: boolean;
  /** The policy relation the case grant was given under (field-level writability of the municipality). */
  relation: Relation | null;
  /** The purpose the event is recorded under (audit). */
  purpose: string | null;
}

const subjectOfActor = (a: TrajectoryActor): Subject => ({ userId: a.userId, role: a.role, organisationId: a.organisationId, organisationType: null, scope: [a.organisationId] });

/** The municipality fields an event carries that differ from the trajectory's (R-MO-18). */
function requestedMunicipalities(t: LoadedTrajectory, input: TrajectoryEventInput): Partial<TrajectoryMunicipalities> {
  const target = input.type === 'event_corrected' && input.correctsEventId ? t.events.find((e) => e.id === input.correctsEventId) : undefined;
  const carried = target
    ? municipalityChanges(target.type, (input.data.data as Record<string, unknown> | undefined) ?? {})
    : input.type === 'event_corrected' ? {} : municipalityChanges(input.type, input.data);
  return Object.fromEntries(Object.entries(carried).filter(([k, v]) => v !== t[k as keyof TrajectoryMunicipalities]));
}

async function checkTrajectoryEvent(trx: Trx, t: LoadedTrajectory, input: TrajectoryEventInput, actor: TrajectoryActor, today: string): Promise<CaseViolation[]> {
  if (t.client.erased) {
    return [{ code: 'client_erased', rule: null, nl: 'De gegevens van deze cliënt zijn gewist; er kan niets meer worden vastgelegd.', en: 'This client’s data has been erased; nothing more can be recorded.' }];
  }
  const isCorrection = input.type === 'event_corrected' || input.type === 'event_voided';
  if (isCorrection !== !!input.correctsEventId) {
    return [{ code: 'correction_target', rule: null, field: '/correctsEventId', nl: 'Een correctie verwijst naar het gecorrigeerde event (en alleen een correctie).', en: 'A correction refers to the corrected event (and only a correction does).' }];
  }
  const out: CaseViolation[] = [...checkEvent(t.state, input, actor, today)];
  // A party that may not record this step at all (Wonen's decision by a corporation or care worker) is forbidden: 403.
  const notTheParty = out.find((x) => x.code === 'actor_not_allowed');
  if (notTheParty) return [{ ...notTheParty, forbidden: true }];
  if (input.correctsEventId) {
    const target = t.events.find((e) => e.id === input.correctsEventId);
    if (!target || target.type === 'event_corrected' || target.type === 'event_voided' || t.state.inactiveEventIds.includes(target.id)) {
      out.push({ code: 'correction_target', rule: null, nl: 'Het te corrigeren event bestaat niet (meer) in dit traject.', en: 'The event to correct does not exist (any more) in this trajectory.' });
    } else {
      // Correcting or voiding is for the party that may record the event.
      const party = correctionPartyViolation(target.type, actor);
      if (party) return [{ ...party, forbidden: true }];
      if (input.type === 'event_corrected') {
        const occurredOn = (input.data.occurredOn as string | undefined) ?? target.occurredOn;
        if (occurredOn > today) out.push({ code: 'date_in_future', rule: null, nl: 'De datum ligt in de toekomst.', en: 'The date is in the future.', field: '/data/occurredOn' });
        if (t.state.startedOn && occurredOn < t.state.startedOn && target.type !== 'trajectory_started') {
          out.push({ code: 'date_before_start', rule: null, nl: 'De datum ligt vóór de start van het traject.', en: 'The date is before the trajectory started.', field: '/data/occurredOn' });
        }
      }
    }
  }
  // R-YA-05: a young adult's contract in own name follows DR-YA-2 (five-year contracts).
  if (input.type === 'contract_own_name_signed' && t.client.birthDate && t.state.keyHandoverOn) {
    const birth = t.client.birthDate;
    const age = (on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
    const children = await trx.selectFrom('household_members').select('id').where('client_id', '=', t.clientId).where('kind', '=', 'child').execute();
    const corp = t.corporationId ? await trx.selectFrom('organisations').select('code').where('id', '=', t.corporationId).executeTakeFirst() : null;
    const settings = await trx.selectFrom('settings').select('value').where('key', '=', 'young_adult_contracts').executeTakeFirst();
    const v = checkContractType(
      (input.data.contractType as 'indefinite' | 'five_year') ?? 'indefinite',
      {
        exceptionGranted: t.state.deviations.some((x) => x.item === 'lease_duration'), ageAtPlacement: age(t.state.keyHandoverOn), ageAtTransfer: age(input.occurredOn),
        hasChildren: children.length > 0, corporationCode: corp?.code ?? '', placementDate: t.state.keyHandoverOn,
      },
      settings ? { ...DEFAULT_CONTRACT_SETTINGS, ...(settings.value as object) } : undefined,
    );
    if (v) out.push({ code: 'contract_type', rule: v.rule, nl: v.nl, en: v.en, field: '/data/contractType' });
  }
  // The municipality the household counts for (R-MO-18): whether this party may record it
  // (policy, field-level) and whether it is an active municipality of the trajectory's region.
  const requested = requestedMunicipalities(t, input);
  if (Object.keys(requested).length) {
    const allowed = (await municipalityOptions(trx, [t.careProviderId, t.corporationId])).map((m) => m.id);
    const pointer = input.type === 'event_corrected' ? '/data/data/' : '/data/';
    out.push(...checkMunicipalities(requested, allowed, writableTrajectoryMunicipalityFields(subjectOfActor(actor), actor.relation), pointer));
  }
  return out;
}

export const trajectoryCaseKind: CaseKind<LoadedTrajectory, TrajectoryEventInput, TrajectoryActor, TrajectoryEvent> = {
  kind: 'trajectory',
  load: (trx, id, opts) => loadTrajectory(trx, id, opts),
  version: (t) => t.version,
  check: checkTrajectoryEvent,
  async append(trx, t, input, actor, now) {
    const seq = t.events.length + 1;
    const ev = await trx
      .insertInto('trajectory_events')
      .values({
        trajectory_id: t.id, seq, type: input.type, occurred_on: input.occurredOn, data: JSON.stringify(input.data), corrects_event_id: input.correctsEventId ?? null,
        recorded_by: actor.userId, recorded_by_organisation_id: actor.organisationId, recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event: TrajectoryEvent = {
      id: ev.id, seq, type: input.type, occurredOn: input.occurredOn, data: input.data, recordedBy: actor.userId, recordedByOrganisationId: actor.organisationId,
      correctsEventId: input.correctsEventId ?? null,
    };
    const events = [...t.events, event];
    const state = deriveState(events);
    // What the event records, then what the region decides where nothing is recorded (a region with one municipality).
    const recorded: TrajectoryMunicipalities = { municipalityId: t.municipalityId, dwellingMunicipalityId: t.dwellingMunicipalityId, ...requestedMunicipalities(t, input) };
    const municipalities: TrajectoryMunicipalities = {
      ...recorded,
      ...(await municipalityDefaults(trx, { ...recorded, careProviderId: t.careProviderId, corporationId: t.corporationId, state }, { grantedByOrganisationId: input.type === 'urgency_granted' ? actor.organisationId : null })),
    };
    if (municipalities.municipalityId !== t.municipalityId || municipalities.dwellingMunicipalityId !== t.dwellingMunicipalityId) {
      await trx.updateTable('trajectories').set({ municipality_id: municipalities.municipalityId, dwelling_municipality_id: municipalities.dwellingMunicipalityId }).where('id', '=', t.id).execute();
    }
    return { event, after: { ...t, ...municipalities, events, state } };
  },
  async refresh(trx, _before, after, now) {
    const clock: Clock = { now: () => now };
    return (await refreshCaches(trx, after, clock)).version;
  },
  audit(t, event, input, actor) {
    const carriesMunicipality = Object.keys(municipalityChanges(input.type, input.data)).length > 0 || input.type === 'event_corrected';
    return {
      action: 'trajectory.record_event', resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: actor.purpose,
      details: {
        eventId: event.id, type: input.type, occurredOn: input.occurredOn,
        ...(carriesMunicipality ? { municipalityId: t.municipalityId, dwellingMunicipalityId: t.dwellingMunicipalityId } : {}),
        ...(input.correctsEventId ? { correctsEventId: input.correctsEventId } : {}),
      },
    };
  },
  hooks: () => trajectoryEventHooks().map((h) => ({ name: h.name, run: (trx, a) => h.run(trx, { trajectory: a.case, event: a.event, at: a.at }) })),
};

export interface RecordTrajectoryEventOptions {
  clock: Clock;
  expectedVersion?: number;
  audit?: CaseAuditSink;
  waive?: ReadonlyArray<string>;
}

/** Records one event of a trajectory through the case engine (the one write path). */
export function recordTrajectoryEvent(
  trx: Trx,
  trajectoryId: string,
  input: TrajectoryEventInput,
  authorize: CaseAuthorizer<LoadedTrajectory, TrajectoryActor>,
  opts: RecordTrajectoryEventOptions,
): Promise<Recorded<LoadedTrajectory, TrajectoryEvent>> {
  return recordCaseEvent(trx, trajectoryCaseKind, trajectoryId, input, authorize, {
    today: todayIn(opts.clock), now: opts.clock.now(), expectedVersion: opts.expectedVersion, audit: opts.audit, waive: opts.waive,
  });
}
