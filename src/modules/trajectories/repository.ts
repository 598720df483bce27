/**
 * Loading and saving trajectories. Events are the source of truth; the trajectory row
 * (phase, status, state) and the deadlines table are caches recomputed from the events
 * inside the same transaction as every new event.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import type { CaseRef } from '../../domain/policy/index.ts';
import type { DeadlineAdjustment, WorkingCalendar } from '../../domain/calendar/index.ts';
import {
  DEFAULT_DEADLINE_SETTINGS, deriveDeadlines, deriveState, endsOfUnderived, type DeadlineInstance, type DeadlineSettings, type EventType, type TrajectoryEvent, type TrajectoryState,
} from '../../domain/trajectories/index.ts';
import { loadCalendar } from '../calendar/index.ts';

type Db = Kysely<Database>;

/** The case kind of an Omslagroute trajectory in the shared deadline tables (migration 0008). */
export const TRAJECTORY_CASE = 'trajectory';

export interface TeamMember {
  id: string;
  userId: string;
  name: string;
  organisationId: string;
  caseRole: 'personal_supervisor' | 'colleague' | 'corporation_contact' | 'external';
  addedAt: string;
}

export interface LoadedTrajectory {
  id: string;
  clientId: string;
  careProviderId: string;
  corporationId: string | null;
  corporationContactId: string | null;
  targetGroup: string | null;
  /** The referring municipality and the dwelling's (case data like the corporation; see modules/trajectories/municipality.ts). */
  municipalityId: string | null;
  dwellingMunicipalityId: string | null;
  /**
   * While neither municipality is recorded: the active municipalities of the care provider's
   * region, any of which the case may be referred to (their Wonen may act on it until one is recorded).
   */
  regionMunicipalityIds: string[];
  variant: string;
  version: number;
  startedOn: string;
  events: TrajectoryEvent[];
  team: TeamMember[];
  client: { birthDate: string | null; woningnetRegisteredOn: string | null; multiProblemFamily: boolean; firstName: string | null; lastName: string | null; erased: boolean };
  state: TrajectoryState;
}

export function caseRefOf(t: Pick<LoadedTrajectory, 'careProviderId' | 'corporationId' | 'team' | 'municipalityId' | 'dwellingMunicipalityId' | 'regionMunicipalityIds'>): CaseRef {
  return {
    careProviderId: t.careProviderId, corporationId: t.corporationId, teamUserIds: t.team.map((m) => m.userId),
    municipalityIds: caseMunicipalityIds(t),
  };
}

/** The municipalities a case belongs to (the tenant key): the recorded ones, else its region's until one is recorded. */
export function caseMunicipalityIds(t: Pick<LoadedTrajectory, 'municipalityId' | 'dwellingMunicipalityId'> & { regionMunicipalityIds?: string[] }): string[] {
  const recorded = [t.municipalityId, t.dwellingMunicipalityId].filter((m): m is string => m !== null);
  return recorded.length ? recorded : (t.regionMunicipalityIds ?? []);
}

async function regionMunicipalitiesOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisations as m')
    .select('m.id')
    .where('m.type', '=', 'municipality')
    .where('m.active', '=', true)
    .where('m.region_id', 'in', (eb) => eb.selectFrom('organisations as o').select('o.region_id').where('o.id', '=', organisationId).where('o.region_id', 'is not', null))
    .execute();
  return rows.map((r) => r.id);
}

export async function loadTrajectory(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedTrajectory | null> {
  let q = db.selectFrom('trajectories').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const t = await q.executeTakeFirst();
  if (!t) return null;
  const [events, team, client] = await Promise.all([
    db.selectFrom('trajectory_events').selectAll().where('trajectory_id', '=', id).orderBy('seq').execute(),
    db
      .selectFrom('trajectory_team as tt')
      .innerJoin('users as u', 'u.id', 'tt.user_id')
      .select(['tt.id', 'tt.user_id', 'u.name', 'tt.organisation_id', 'tt.case_role', 'tt.added_at'])
      .where('tt.trajectory_id', '=', id)
      .where('tt.removed_at', 'is', null)
      .orderBy('tt.added_at')
      .execute(),
    db.selectFrom('clients').select(['birth_date', 'woningnet_registered_on', 'multi_problem_family', 'first_name', 'last_name', 'erased_at']).where('id', '=', t.client_id).executeTakeFirstOrThrow(),
  ]);
  const evs: TrajectoryEvent[] = events.map((e) => ({
    id: e.id,
    seq: e.seq,
    type: e.type as EventType,
    occurredOn: e.occurred_on,
    recordedBy: e.recorded_by,
    recordedByOrganisationId: e.recorded_by_organisation_id,
    data: (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as Record<string, unknown>,
    correctsEventId: e.corrects_event_id,
  }));
  return {
    id: t.id,
    clientId: t.client_id,
    careProviderId: t.care_provider_id,
    corporationId: t.corporation_id,
    corporationContactId: t.corporation_contact_id,
    targetGroup: t.target_group,
    municipalityId: t.municipality_id,
    dwellingMunicipalityId: t.dwelling_municipality_id,
    regionMunicipalityIds: t.municipality_id || t.dwelling_municipality_id ? [] : await regionMunicipalitiesOf(db, t.care_provider_id),
    variant: t.variant,
    version: t.version,
    startedOn: t.started_on,
    events: evs,
    team: team.map((m) => ({ id: m.id, userId: m.user_id, name: m.name, organisationId: m.organisation_id, caseRole: m.case_role as TeamMember['caseRole'], addedAt: new Date(m.added_at).toISOString() })),
    client: {
      birthDate: client.birth_date,
      woningnetRegisteredOn: client.woningnet_registered_on,
      multiProblemFamily: client.multi_problem_family,
      firstName: client.first_name,
      lastName: client.last_name,
      erased: client.erased_at !== null,
    },
    state: deriveState(evs),
  };
}

export async function loadAdjustments(db: Db, trajectoryId: string): Promise<Record<string, DeadlineAdjustment[]>> {
  const rows = await db.selectFrom('deadline_adjustments').selectAll().where('case_kind', '=', TRAJECTORY_CASE).where('case_id', '=', trajectoryId).orderBy('created_at').execute();
  const out: Record<string, DeadlineAdjustment[]> = {};
  for (const r of rows) {
    const list = (out[r.key] ??= []);
    if (r.kind === 'pause') list.push({ kind: 'pause', from: r.from_date!, until: null, reason: r.reason, by: r.by_user_id });
    else if (r.kind === 'resume') {
      const open = [...list].reverse().find((a) => a.kind === 'pause' && a.until === null);
      if (open && open.kind === 'pause') open.until = r.until_date!;
    } else list.push({ kind: 'extension', newDue: r.new_due!, reason: r.reason, by: r.by_user_id });
  }
  return out;
}

export async function loadDeadlineSettings(db: Db): Promise<DeadlineSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'deadlines').executeTakeFirst();
  return { ...DEFAULT_DEADLINE_SETTINGS, ...((row?.value as Partial<DeadlineSettings> | undefined) ?? {}) };
}

export async function computeDeadlines(db: Db, t: LoadedTrajectory, calendar?: WorkingCalendar): Promise<DeadlineInstance[]> {
  const [cal, settings, adjustments] = await Promise.all([calendar ?? loadCalendar(db, t.careProviderId), loadDeadlineSettings(db), loadAdjustments(db, t.id)]);
  return deriveDeadlines(t.state, {
    calendar: cal,
    settings: { ...settings },
    birthDate: t.client.birthDate,
    woningnetRegisteredOn: t.client.woningnetRegisteredOn,
    adjustments,
  });
}

/** Who acts on a deadline: the organisation, and the user where one is known. */
function assignment(d: DeadlineInstance, t: LoadedTrajectory): { organisationId: string | null; userId: string | null } {
  if (d.actors.includes('care_provider')) {
    const supervisor = t.team.find((m) => m.caseRole === 'personal_supervisor');
    return { organisationId: t.careProviderId, userId: supervisor?.userId ?? null };
  }
  if (d.actors.includes('corporation')) return { organisationId: t.corporationId, userId: t.corporationContactId };
  return { organisationId: null, userId: null }; // Wonen: every Wonen officer sees these
}

/**
 * Rewrites the trajectory's caches from its events: state, phase, status, deadlines. Deadlines are
 * upserted, never removed: a stored deadline the derivation no longer produces ends as the domain
 * decides (`endsOfUnderived`: cancelled while open, missed when already overdue, as of today).
 */
export async function refreshCaches(trx: Transaction<Database>, t: LoadedTrajectory, clock: Clock): Promise<{ deadlines: DeadlineInstance[]; version: number }> {
  const deadlines = await computeDeadlines(trx, t);
  const s = t.state;
  const row = await trx
    .updateTable('trajectories')
    .set({
      phase: s.phase,
      status: s.status,
      exit: s.exit,
      dwelling_address: s.dwellingAddress,
      state: JSON.stringify(s),
      event_count: t.events.length,
      version: sql<number>`version + 1`,
      updated_at: clock.now(),
    })
    .where('id', '=', t.id)
    .returning('version')
    .executeTakeFirstOrThrow();
  const stored = await trx
    .selectFrom('deadlines')
    .select(['key', 'kind', 'due_date', 'met_on', 'closed_as'])
    .where('case_kind', '=', TRAJECTORY_CASE)
    .where('case_id', '=', t.id)
    .execute();
  const today = todayIn(clock);
  for (const end of endsOfUnderived(stored.map((r) => ({ key: r.key, kind: r.kind, due: r.due_date, metOn: r.met_on, closedAs: r.closed_as })), deadlines, today)) {
    await trx
      .updateTable('deadlines')
      .set({ closed_as: end.closedAs, closed_on: end.closedOn })
      .where('case_kind', '=', TRAJECTORY_CASE)
      .where('case_id', '=', t.id)
      .where('key', '=', end.stored.key)
      .execute();
  }
  if (deadlines.length) {
    await trx
      .insertInto('deadlines')
      .values(
        deadlines.map((d) => {
          const a = assignment(d, t);
          return {
            case_kind: TRAJECTORY_CASE,
            case_id: t.id,
            municipality_id: t.municipalityId,
            key: d.key,
            rule_id: d.ruleId,
            nature: d.nature,
            kind: d.kind,
            actor_kinds: sql<string[]>`${sql.val(`{${d.actors.join(',')}}`)}::text[]`,
            organisation_id: a.organisationId,
            assignee_user_id: a.userId,
            start_date: d.start,
            due_date: d.due,
            original_due_date: d.originalDue,
            warn_on: d.warnOn,
            met_on: d.metOn,
            closed_as: d.closedAs,
            closed_on: d.closedOn,
            paused: d.paused,
            computed: JSON.stringify(d.computed),
            history: JSON.stringify(d.adjustmentHistory),
            note: d.note,
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(['case_kind', 'case_id', 'key']).doUpdateSet((eb) => ({
          municipality_id: eb.ref('excluded.municipality_id'),
          rule_id: eb.ref('excluded.rule_id'),
          nature: eb.ref('excluded.nature'),
          kind: eb.ref('excluded.kind'),
          actor_kinds: eb.ref('excluded.actor_kinds'),
          organisation_id: eb.ref('excluded.organisation_id'),
          assignee_user_id: eb.ref('excluded.assignee_user_id'),
          start_date: eb.ref('excluded.start_date'),
          due_date: eb.ref('excluded.due_date'),
          original_due_date: eb.ref('excluded.original_due_date'),
          warn_on: eb.ref('excluded.warn_on'),
          met_on: eb.ref('excluded.met_on'),
          closed_as: eb.ref('excluded.closed_as'),
          closed_on: eb.ref('excluded.closed_on'),
          paused: eb.ref('excluded.paused'),
          computed: eb.ref('excluded.computed'),
          history: eb.ref('excluded.history'),
          note: eb.ref('excluded.note'),
        })),
      )
      .execute();
  }
  return { deadlines, version: row.version };
}
