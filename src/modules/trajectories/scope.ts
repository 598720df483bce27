/**
 * One enforcement point for lists: the cases a subject may see in a list are exactly those whose
 * detail the policy would let it read, under the same purpose. `caseScope` turns the policy's
 * grants for an action (`coveredRelations`) into SQL over a query with `t` (trajectories); the
 * relations, the acting organisation, the Wonen officer's municipality, the purpose the party may
 * use in the case's phase, the client's consent for that purpose and the corporation's processing
 * agreement are the same conditions `authorizeCase` checks on one case.
 *
 * `servedAs` then decides each listed row again in the domain (the relation, the viewer, the
 * purpose), so a row the SQL let through by mistake is dropped rather than shown.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { coveredRelations, decide, type Action, type Purpose, type Relation, type Subject } from '../../domain/policy/index.ts';
import { choosePurpose, defaultPurpose, type Viewer } from '../../domain/privacy/visibility.ts';
import { PHASES } from '../../domain/trajectories/index.ts';

const NO_ORG = '00000000-0000-0000-0000-000000000000';
type Eb = ExpressionBuilder<Database & { t: Database['trajectories'] }, 't'>;

/**
 * The municipalities of the case in `t` as text[] (the tenant key): the recorded referring and
 * dwelling municipality, else — while neither is recorded — the active municipalities of the care
 * provider's region (repository.caseMunicipalityIds is the same rule for one loaded case).
 */
export function caseMunicipalities() {
  return sql<string[]>`(CASE WHEN t.municipality_id IS NULL AND t.dwelling_municipality_id IS NULL
    THEN ARRAY(SELECT m.id::text FROM organisations cp JOIN organisations m ON m.region_id = cp.region_id AND m.type = 'municipality' AND m.active WHERE cp.id = t.care_provider_id)
    ELSE array_remove(ARRAY[t.municipality_id::text, t.dwelling_municipality_id::text], NULL) END)`;
}

/** The default purpose of a party by the phase in `t.phase`, as SQL (NULL: nothing is shared in that phase). */
function purposeOfPhase(viewer: Viewer) {
  const whens = PHASES.map((p) => [p, defaultPurpose(viewer, p)] as const).filter(([, pb]) => pb !== null);
  if (!whens.length) return sql<string | null>`NULL`;
  return sql<string | null>`CASE t.phase ${sql.join(whens.map(([p, pb]) => sql`WHEN ${p} THEN ${pb}`), sql` `)} ELSE NULL END`;
}

/** R-OR-82/86/94 (+ R-OR-85 for a corporation): the case is shared with this party in its phase, under a consent covering the purpose. */
function sharedWith(viewer: 'corporation' | 'wonen', today: string) {
  const purpose = purposeOfPhase(viewer);
  const consent = sql<SqlBool>`${purpose} IS NOT NULL AND EXISTS (
    SELECT 1 FROM consents k
     WHERE k.client_id = t.client_id AND k.given_on <= ${today}
       AND (k.withdrawn_on IS NULL OR k.withdrawn_on > ${today})
       AND ${purpose} = ANY(k.purposes))`;
  if (viewer === 'wonen') return consent;
  return sql<SqlBool>`${consent} AND EXISTS (
    SELECT 1 FROM processing_agreements pa
     WHERE pa.care_provider_id = t.care_provider_id AND pa.corporation_id = t.corporation_id
       AND (pa.ended_on IS NULL OR pa.ended_on > ${today}))`;
}

/**
 * The SQL condition "the subject may perform `action` on the case in `t`" (list ⊆ detail).
 * `today` is the date consent and agreements are judged on, as in `authorizeCase`.
 */
export function caseScope(eb: Eb, subject: Subject, action: Action, today: string): Expression<SqlBool> {
  const covered = coveredRelations(subject, action);
  const scope = subject.scope.length ? [...subject.scope] : [NO_ORG];
  const has = (r: Relation) => covered === 'any' || covered.includes(r);
  const ors: Expression<SqlBool>[] = [];
  if (has('case_team')) {
    ors.push(eb.and([
      eb('t.care_provider_id', 'in', scope),
      eb.exists(eb.selectFrom('trajectory_team as tt').select(sql`1`.as('x')).whereRef('tt.trajectory_id', '=', 't.id').where('tt.user_id', '=', subject.userId).where('tt.removed_at', 'is', null)),
    ]));
  }
  if (has('case_care_provider')) ors.push(eb('t.care_provider_id', 'in', scope));
  if (has('case_corporation')) ors.push(eb.and([eb('t.corporation_id', 'in', scope), sharedWith('corporation', today)]));
  const municipalities = subject.municipalityIds ?? [];
  if (has('case_wonen') && subject.role === 'wonen_officer' && subject.organisationType === 'municipal_directorate' && municipalities.length) {
    ors.push(eb.and([
      sql<SqlBool>`${caseMunicipalities()} && ${sql.val([...municipalities])}::text[]`,
      sharedWith('wonen', today),
    ]));
  }
  return ors.length ? eb.or(ors) : sql<SqlBool>`false`;
}

export interface ScopedRow {
  care_provider_id: string;
  corporation_id: string | null;
  /** caseMunicipalities(), selected with the row. */
  case_municipality_ids: string[];
  phase: string;
  /** Whether the subject is on the case team (selected with the row). */
  on_team: boolean;
}

export interface Served {
  relation: Relation;
  viewer: Viewer;
  purpose: Purpose;
}

/** How the subject is served one listed case: the same decision and purpose as the detail read (null: not at all). */
export function servedAs(subject: Subject, action: Action, row: ScopedRow): Served | null {
  const d = decide(subject, action, {
    organisationIds: [row.care_provider_id],
    case: {
      careProviderId: row.care_provider_id, corporationId: row.corporation_id, teamUserIds: row.on_team ? [subject.userId] : [],
      municipalityIds: row.case_municipality_ids,
    },
  });
  if (!d.allowed || !d.relation) return null;
  const viewer: Viewer = d.relation === 'case_corporation' ? 'corporation' : d.relation === 'case_wonen' ? 'wonen' : 'care_provider';
  if (viewer === 'care_provider') return { relation: d.relation, viewer, purpose: 'case_management' };
  const choice = choosePurpose(viewer, row.phase, null);
  return choice.ok ? { relation: d.relation, viewer, purpose: choice.purpose } : null;
}

/** Select `on_team` for `servedAs`. */
export function onTeam(eb: Eb, subject: Subject) {
  return eb.exists(eb.selectFrom('trajectory_team as tt').select(sql`1`.as('x')).whereRef('tt.trajectory_id', '=', 't.id').where('tt.user_id', '=', subject.userId).where('tt.removed_at', 'is', null)).as('on_team');
}
