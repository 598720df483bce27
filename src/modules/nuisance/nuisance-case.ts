/**
 * The nuisance case as a kind of case on the shared case engine (case_kind 'nuisance'): its events
 * in `nuisance_events`, its state in `nuisance_cases.state`, its deadlines (D-OV-…) in the shared
 * deadline table on the worklist of the party that acts. `recordNuisanceEvent` is the only code
 * that inserts into `nuisance_events`.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { recordCaseEvent, type CaseActor, type CaseAuditSink, type CaseAuthorizer, type CaseKind, type Recorded, type Trx } from '../../platform/cases/engine.ts';
import { writeCaseDeadlines } from '../../platform/cases/deadlines.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayIn } from '../../platform/clock.ts';
import type { NuisanceEvent, NuisanceEventInput, NuisanceFacts, NuisanceParty, NuisanceState } from '../../domain/nuisance/model.ts';
import { checkNuisanceEvent, deriveNuisanceState } from '../../domain/nuisance/protocol.ts';
import { deriveNuisanceDeadlines } from '../../domain/nuisance/deadlines.ts';
import { hubPrompts } from '../../domain/nuisance/mzwo.ts';
import { loadCalendar } from '../calendar/index.ts';

export const NUISANCE_CASE = 'nuisance';

export interface LoadedNuisanceCase {
  id: string;
  municipalityId: string;
  hubId: string | null;
  hubInvolved: boolean;
  districtCode: string | null;
  districtName: string | null;
  addressKey: string;
  address: string;
  dwellingId: string | null;
  trajectoryId: string | null;
  careProviderId: string | null;
  corporationId: string | null;
  openedOn: string;
  version: number;
  facts: NuisanceFacts;
  events: Array<NuisanceEvent & { id: string; recordedBy: string | null; recordedByOrganisationId: string | null; recordedAt: Date }>;
  state: NuisanceState;
}

export interface NuisanceActor extends CaseActor {
  party: NuisanceParty | null;
  purpose: string | null;
}

export interface NuisanceSettings {
  afwcMembers: string[];
  nightWindow: { from: string; to: string };
  hearingWorkingDays: number;
}

export const DEFAULT_NIGHT = { from: '22:00', to: '07:00' };

export async function loadSettings(trx: Trx | Kysely<Database>, municipalityId: string, defaults: ReadonlyArray<string>): Promise<NuisanceSettings> {
  const r = await trx.selectFrom('nuisance_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
  return r
    ? { afwcMembers: r.afwc_members, nightWindow: { from: r.night_from, to: r.night_to }, hearingWorkingDays: r.hearing_working_days }
    : { afwcMembers: [...defaults], nightWindow: DEFAULT_NIGHT, hearingWorkingDays: 5 };
}

export async function loadNuisanceCase(trx: Trx, id: string, opts: { forUpdate: boolean }): Promise<LoadedNuisanceCase | null> {
  let q = trx.selectFrom('nuisance_cases').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const c = await q.executeTakeFirst();
  if (!c) return null;
  const evs = await trx.selectFrom('nuisance_events').selectAll().where('case_id', '=', id).orderBy('seq').execute();
  const facts: NuisanceFacts = { hasSupport: c.has_support, highRisk: c.high_risk };
  const events = evs.map((e) => ({
    id: e.id, seq: e.seq, type: e.type, occurredOn: e.occurred_on, data: e.data, recordedBy: e.recorded_by, recordedByOrganisationId: e.recorded_by_organisation_id, recordedAt: e.recorded_at,
  })) as LoadedNuisanceCase['events'];
  return {
    id: c.id, municipalityId: c.municipality_id, hubId: c.hub_id, hubInvolved: c.hub_involved, districtCode: c.district_code, districtName: c.district_name,
    addressKey: c.address_key, address: c.address, dwellingId: c.dwelling_id, trajectoryId: c.trajectory_id, careProviderId: c.care_provider_id, corporationId: c.corporation_id,
    openedOn: c.opened_on, version: c.version, facts, events, state: deriveNuisanceState(facts, events),
  };
}

/** The case's relation to the policy: care provider, corporation, and the hub once the case is reported to it. */
export function nuisanceResource(c: { careProviderId: string | null; corporationId: string | null; municipalityId: string; hubId: string | null; hubInvolved: boolean }) {
  const hubIds = c.hubInvolved && c.hubId ? [c.hubId] : [];
  return {
    organisationIds: [c.careProviderId, c.corporationId, ...hubIds].filter((x): x is string => !!x),
    case: { careProviderId: c.careProviderId ?? '', corporationId: c.corporationId, teamUserIds: [], municipalityIds: [c.municipalityId], hubIds },
  };
}

export function partyOf(relation: string | null): NuisanceParty | null {
  return relation === 'case_care_provider' || relation === 'case_team' ? 'care_provider' : relation === 'case_corporation' ? 'corporation' : relation === 'case_hub' ? 'hub' : relation === 'case_wonen' ? 'wonen' : null;
}

/** The hub is involved once a report came in through it (C4) or a party reported the case to it (R-OV-20). */
export function hubInvolvedIn(s: NuisanceState): boolean {
  return s.hubInvolvedOn !== null || s.reports.some((r) => r.channel === 'C4');
}

function nuisanceCaseKind(settings: NuisanceSettings): CaseKind<LoadedNuisanceCase, NuisanceEventInput, NuisanceActor, LoadedNuisanceCase['events'][number]> {
  return {
    kind: NUISANCE_CASE,
    load: loadNuisanceCase,
    version: (c) => c.version,
    async check(_trx, c, input, actor, today) {
      return checkNuisanceEvent({ facts: c.facts, state: c.state, party: actor.party, today, nightWindow: settings.nightWindow }, input);
    },
    async append(trx, c, input, actor, now) {
      const seq = c.events.length + 1;
      const row = await trx.insertInto('nuisance_events').values({
        case_id: c.id, municipality_id: c.municipalityId, seq, type: input.type, occurred_on: input.occurredOn, data: JSON.stringify(input.data),
        recorded_by: actor.userId, recorded_by_organisation_id: actor.organisationId, recorded_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const event = { ...input, seq, id: row.id, recordedBy: actor.userId, recordedByOrganisationId: actor.organisationId, recordedAt: now } as LoadedNuisanceCase['events'][number];
      const events = [...c.events, event];
      return { event, after: { ...c, events, state: deriveNuisanceState(c.facts, events) } };
    },
    async refresh(trx, _before, after, now) {
      const s = after.state;
      const involved = hubInvolvedIn(s);
      const closed = s.status === 'closed' || s.status === 'evicted';
      const row = await trx.updateTable('nuisance_cases').set({
        status: s.status, state: JSON.stringify(s), hub_involved: involved, hub_lead: s.hubLeadOn !== null, closed_on: closed ? (s.closedOn ?? todayIn({ now: () => now })) : null,
        event_count: after.events.length, version: sql<number>`version + 1`, updated_at: now,
      }).where('id', '=', after.id).returning('version').executeTakeFirstOrThrow();
      after.hubInvolved = involved;
      const cal = await loadCalendar(trx);
      const today = todayIn({ now: () => now });
      const orgOf = (p: NuisanceParty) => (p === 'care_provider' ? after.careProviderId : p === 'corporation' ? after.corporationId : p === 'hub' ? after.hubId : null);
      const deadlines = deriveNuisanceDeadlines(cal, after.facts, s, { d08WorkingDays: settings.hearingWorkingDays }).map((d) => ({
        key: d.key, ruleId: d.ruleId, nature: d.nature, actors: [d.actor === 'hub' ? 'nuisance_hub' : d.actor], start: d.start, due: d.due, metOn: d.metOn, closedAs: d.closedAs,
        closedOn: d.closedAs ? today : null, computed: d.computed, organisationId: orgOf(d.actor), note: null,
      }));
      await writeCaseDeadlines(trx, { caseKind: NUISANCE_CASE, caseId: after.id, municipalityId: after.municipalityId, today }, deadlines);
      return row.version;
    },
    audit(c, event, input, actor) {
      return {
        action: 'nuisance_case.record_event', resourceType: 'nuisance_case', resourceId: c.id, subjectOrganisationId: c.careProviderId, purpose: actor.purpose,
        details: { eventId: event.id, type: input.type, occurredOn: input.occurredOn, status: c.state.status, ...(c.trajectoryId ? { trajectoryId: c.trajectoryId } : {}) },
      };
    },
    hooks: () => [],
  };
}

/** R-OV-20: the situations that call for a report to the hub, shown to the care provider until it is involved. */
export function promptsFor(c: LoadedNuisanceCase) {
  return c.hubInvolved ? [] : hubPrompts(c.state);
}

export function recordNuisanceEvent(
  trx: Trx, caseId: string, input: NuisanceEventInput, authorize: CaseAuthorizer<LoadedNuisanceCase, NuisanceActor>,
  opts: { clock: Clock; settings: NuisanceSettings; expectedVersion?: number; audit?: CaseAuditSink },
): Promise<Recorded<LoadedNuisanceCase, LoadedNuisanceCase['events'][number]>> {
  return recordCaseEvent(trx, nuisanceCaseKind(opts.settings), caseId, input, authorize, {
    today: todayIn(opts.clock), now: opts.clock.now(), expectedVersion: opts.expectedVersion, audit: opts.audit,
  });
}
