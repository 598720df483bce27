/**
 * The municipality of a trajectory in the database (the rule is domain/trajectories/municipality.ts):
 * which municipalities are valid for a trajectory and what the region decides by itself.
 *
 * The trajectory's region is the region of its care provider and, once assigned, of its housing
 * corporation; the valid municipalities are the active municipalities of that region (or those
 * two regions). Where a region has exactly one municipality, nobody has to choose: the referring
 * municipality is the only one of the care provider's region, the dwelling's municipality the only
 * one of the corporation's region. Defaults only fill in what is missing, never overwrite.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { dwellingKnown, municipalityOf, type MunicipalityBasis, type TrajectoryMunicipalities, type TrajectoryState } from '../../domain/trajectories/index.ts';

type Db = Kysely<Database>;

export interface MunicipalityOption {
  id: string;
  name: string;
  /** CBS municipality code (GM…). */
  code: string | null;
}

/** The active municipalities of the region(s) of these organisations, by name. */
export async function municipalityOptions(db: Db, organisationIds: ReadonlyArray<string | null>): Promise<MunicipalityOption[]> {
  const ids = [...new Set(organisationIds.filter((x): x is string => !!x))];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('organisations as m')
    .select(['m.id', 'm.name', 'm.municipality_code'])
    .where('m.type', '=', 'municipality')
    .where('m.active', '=', true)
    .where('m.region_id', 'in', (eb) => eb.selectFrom('organisations as o').select('o.region_id').where('o.id', 'in', ids).where('o.region_id', 'is not', null))
    .orderBy('m.name')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, code: r.municipality_code }));
}

/** The only active municipality of the organisation's region; null when it has none or several. */
export async function onlyMunicipalityOf(db: Db, organisationId: string | null): Promise<string | null> {
  if (!organisationId) return null;
  const options = await municipalityOptions(db, [organisationId]);
  return options.length === 1 ? options[0]!.id : null;
}

/** The municipality an organisation belongs to: itself, or the nearest municipality above it (e.g. Wonen's). */
export async function municipalityAbove(db: Db, organisationId: string | null): Promise<string | null> {
  if (!organisationId) return null;
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE up(id, parent_id, type, depth) AS (
      SELECT id, parent_id, type, 0 FROM organisations WHERE id = ${organisationId}
      UNION ALL
      SELECT o.id, o.parent_id, o.type, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id WHERE up.depth < 10
    )
    SELECT id FROM up WHERE type = 'municipality' ORDER BY depth LIMIT 1`.execute(db);
  return rows[0]?.id ?? null;
}

export interface MunicipalityDefaultInput extends TrajectoryMunicipalities {
  careProviderId: string;
  corporationId: string | null;
  state: Pick<TrajectoryState, 'matchFinalOn' | 'leaseStartOn' | 'dwellingAddress'>;
}

/**
 * What the region decides where nothing is recorded: the referring municipality when the care
 * provider's region has one municipality (or, when given, the municipality of the Wonen that
 * granted the urgency, if it is valid for the trajectory); the dwelling's municipality, once a
 * dwelling is known, when the corporation's region has one municipality.
 */
export async function municipalityDefaults(db: Db, t: MunicipalityDefaultInput, opts: { grantedByOrganisationId?: string | null } = {}): Promise<Partial<TrajectoryMunicipalities>> {
  const out: Partial<TrajectoryMunicipalities> = {};
  if (!t.municipalityId) {
    let granted: string | null = null;
    if (opts.grantedByOrganisationId) {
      const own = await municipalityAbove(db, opts.grantedByOrganisationId);
      if (own && (await municipalityOptions(db, [t.careProviderId, t.corporationId])).some((m) => m.id === own)) granted = own;
    }
    const id = granted ?? (await onlyMunicipalityOf(db, t.careProviderId));
    if (id) out.municipalityId = id;
  }
  if (!t.dwellingMunicipalityId && dwellingKnown(t.state)) {
    const id = await onlyMunicipalityOf(db, t.corporationId ?? t.careProviderId);
    if (id) out.dwellingMunicipalityId = id;
  }
  return out;
}

export interface MunicipalityView {
  /** The municipality the trajectory counts for in the monitor; null = unknown (no placement is made). */
  municipality: (MunicipalityOption & { basis: MunicipalityBasis }) | null;
  referringMunicipality: MunicipalityOption | null;
  dwellingMunicipality: MunicipalityOption | null;
  /** The municipalities that can be recorded for this trajectory: the active ones of its region. */
  municipalityOptions: MunicipalityOption[];
}

/** The trajectory's municipalities for the case view (no personal data). */
export async function municipalityView(db: Db, t: MunicipalityDefaultInput): Promise<MunicipalityView> {
  const options = await municipalityOptions(db, [t.careProviderId, t.corporationId]);
  const known = new Map(options.map((o) => [o.id, o]));
  // A recorded municipality may have been deactivated or moved region since: still show its name.
  const missing = [t.municipalityId, t.dwellingMunicipalityId].filter((x): x is string => !!x && !known.has(x));
  if (missing.length) {
    const rows = await db.selectFrom('organisations').select(['id', 'name', 'municipality_code']).where('id', 'in', missing).execute();
    for (const r of rows) known.set(r.id, { id: r.id, name: r.name, code: r.municipality_code });
  }
  const of = (id: string | null) => (id ? (known.get(id) ?? { id, name: id, code: null }) : null);
  const effective = municipalityOf(t, dwellingKnown(t.state));
  return {
    municipality: effective ? { ...of(effective.id)!, basis: effective.basis } : null,
    referringMunicipality: of(t.municipalityId),
    dwellingMunicipality: of(t.dwellingMunicipalityId),
    municipalityOptions: options,
  };
}
