/**
 * The New Chance (Annex 5) as a kind of case on the shared case engine (case_kind 'new_chance'):
 * its events in `new_chance_events`, its step in `new_chance_cases`, its deadlines (D-OV-11,
 * D-OV-12, D-OV-13) in the shared deadline table. `recordNewChanceEvent` is the only code that
 * inserts into `new_chance_events`.
 *
 * R-OV-64: before the New Chance is granted (the letter issued), only the covenant parties at the
 * table (the hub, the tenant's corporation, a care provider that applied) read it; once granted,
 * the chosen care provider and Wonen (active mediation) read what they need to monitor it.
 */
import { sql } from 'kysely';
import { recordCaseEvent, type CaseAuditSink, type CaseAuthorizer, type CaseKind, type Recorded, type Trx } from '../../platform/cases/engine.ts';
import { writeCaseDeadlines } from '../../platform/cases/deadlines.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayIn } from '../../platform/clock.ts';
import type { NewChanceEvent, NewChanceEventInput, NewChanceParty, NewChanceState } from '../../domain/nuisance/model.ts';
import { checkNewChanceEvent, deriveNewChanceDeadlines, deriveNewChanceState } from '../../domain/nuisance/new-chance.ts';
import { loadCalendar } from '../calendar/index.ts';
import type { NuisanceActor } from './nuisance-case.ts';

export const NEW_CHANCE_CASE = 'new_chance';

export interface LoadedNewChance {
  id: string;
  municipalityId: string;
  hubId: string;
  districtCode: string | null;
  districtName: string | null;
  address: string;
  residentName: string;
  corporationId: string;
  careProviderId: string | null;
  /** The care provider that applied (a covenant party at the table before the grant). */
  applicantOrganisationId: string | null;
  nuisanceCaseId: string | null;
  requestedOn: string;
  version: number;
  events: Array<NewChanceEvent & { id: string; recordedBy: string | null; recordedByOrganisationId: string | null; recordedAt: Date }>;
  state: NewChanceState;
}

export async function loadNewChance(trx: Trx, id: string, opts: { forUpdate: boolean }): Promise<LoadedNewChance | null> {
  let q = trx.selectFrom('new_chance_cases').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const c = await q.executeTakeFirst();
  if (!c) return null;
  const evs = await trx.selectFrom('new_chance_events').selectAll().where('case_id', '=', id).orderBy('seq').execute();
  const events = evs.map((e) => ({
    id: e.id, seq: e.seq, type: e.type, occurredOn: e.occurred_on, data: e.data, recordedBy: e.recorded_by, recordedByOrganisationId: e.recorded_by_organisation_id, recordedAt: e.recorded_at,
  })) as LoadedNewChance['events'];
  return {
    id: c.id, municipalityId: c.municipality_id, hubId: c.hub_id, districtCode: c.district_code, districtName: c.district_name, address: c.address, residentName: c.resident_name,
    corporationId: c.corporation_id, careProviderId: c.care_provider_id, applicantOrganisationId: c.created_by_organisation_id, nuisanceCaseId: c.nuisance_case_id,
    requestedOn: c.requested_on, version: c.version, events, state: deriveNewChanceState(events),
  };
}

/** R-OV-64 as the policy's resource: who is at the table before the grant, who reads after it. */
export function newChanceResource(c: { hubId: string; corporationId: string; careProviderId: string | null; applicantOrganisationId: string | null; municipalityId: string; state: Pick<NewChanceState, 'grantedOn'> }) {
  const granted = c.state.grantedOn !== null;
  // Before the grant a care provider is at the table only as the applicant; after it, the chosen one.
  const careProviderId = granted ? c.careProviderId : c.applicantOrganisationId;
  return {
    organisationIds: [c.hubId, c.corporationId, ...(careProviderId ? [careProviderId] : [])],
    case: { careProviderId: careProviderId ?? '', corporationId: c.corporationId, teamUserIds: [], municipalityIds: granted ? [c.municipalityId] : [], hubIds: [c.hubId] },
  };
}

export function newChancePartyOf(relation: string | null): NewChanceParty | null {
  return relation === 'case_care_provider' ? 'care_provider' : relation === 'case_corporation' ? 'corporation' : relation === 'case_hub' ? 'hub' : relation === 'case_wonen' ? 'wonen' : null;
}

function newChanceKind(afwcMembers: ReadonlyArray<string>): CaseKind<LoadedNewChance, NewChanceEventInput, NuisanceActor, LoadedNewChance['events'][number]> {
  return {
    kind: NEW_CHANCE_CASE,
    load: loadNewChance,
    version: (c) => c.version,
    async check(_trx, c, input, actor, today) {
      return checkNewChanceEvent({ state: c.state, party: actor.party, today, afwcMembers }, input);
    },
    async append(trx, c, input, actor, now) {
      const seq = c.events.length + 1;
      const row = await trx.insertInto('new_chance_events').values({
        case_id: c.id, municipality_id: c.municipalityId, seq, type: input.type, occurred_on: input.occurredOn, data: JSON.stringify(input.data),
        recorded_by: actor.userId, recorded_by_organisation_id: actor.organisationId, recorded_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const event = { ...input, seq, id: row.id, recordedBy: actor.userId, recordedByOrganisationId: actor.organisationId, recordedAt: now } as LoadedNewChance['events'][number];
      const events = [...c.events, event];
      return { event, after: { ...c, events, state: deriveNewChanceState(events) } };
    },
    async refresh(trx, _before, after, now) {
      const s = after.state;
      const careProviderId = s.decision?.careProviderId ?? after.careProviderId;
      const row = await trx.updateTable('new_chance_cases').set({
        step: s.step, state: JSON.stringify(s), granted_on: s.grantedOn, ended_on: s.endedOn, care_provider_id: careProviderId,
        event_count: after.events.length, version: sql<number>`version + 1`, updated_at: now,
      }).where('id', '=', after.id).returning('version').executeTakeFirstOrThrow();
      after.careProviderId = careProviderId;
      const cal = await loadCalendar(trx);
      const today = todayIn({ now: () => now });
      const orgOf = (p: NewChanceParty) => (p === 'care_provider' ? careProviderId : p === 'corporation' ? after.corporationId : p === 'hub' ? after.hubId : null);
      const deadlines = deriveNewChanceDeadlines(cal, s).map((d) => ({
        key: d.key, ruleId: d.ruleId, nature: d.nature, actors: [d.actor === 'hub' ? 'nuisance_hub' : d.actor], start: d.start, due: d.due, metOn: d.metOn, closedAs: d.closedAs,
        closedOn: d.closedAs ? today : null, computed: d.computed, organisationId: orgOf(d.actor), note: null,
      }));
      await writeCaseDeadlines(trx, { caseKind: NEW_CHANCE_CASE, caseId: after.id, municipalityId: after.municipalityId, today }, deadlines);
      return row.version;
    },
    audit(c, event, input, actor) {
      return {
        action: 'new_chance.record_event', resourceType: 'new_chance', resourceId: c.id, subjectOrganisationId: c.careProviderId, purpose: actor.purpose,
        details: { eventId: event.id, type: input.type, occurredOn: input.occurredOn, step: c.state.step },
      };
    },
    hooks: () => [],
  };
}

export function recordNewChanceEvent(
  trx: Trx, caseId: string, input: NewChanceEventInput, authorize: CaseAuthorizer<LoadedNewChance, NuisanceActor>,
  opts: { clock: Clock; afwcMembers: ReadonlyArray<string>; expectedVersion?: number; audit?: CaseAuditSink },
): Promise<Recorded<LoadedNewChance, LoadedNewChance['events'][number]>> {
  return recordCaseEvent(trx, newChanceKind(opts.afwcMembers), caseId, input, authorize, {
    today: todayIn(opts.clock), now: opts.clock.now(), expectedVersion: opts.expectedVersion, audit: opts.audit,
  });
}
