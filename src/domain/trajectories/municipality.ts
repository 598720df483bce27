/**
 * The municipality of a trajectory: the municipality whose agreement the household counts for
 * in the monitor (monitor.md §11: a placement is municipality, corporation, target group, dates;
 * R-MO-18: figures per municipality of a region with several municipalities).
 *
 * A trajectory records two municipalities:
 * - the referring municipality (`municipalityId`): the municipality the care provider refers the
 *   client to and whose Wonen (team indicaties) grants the urgency (omslagroute.md P2, A-WON);
 *   set at the start of the trajectory, at the referral or when the urgency is granted;
 * - the dwelling's municipality (`dwellingMunicipalityId`): where the dwelling is; set by the
 *   corporation at the final match or by the care provider at the key handover.
 *
 * The municipality of the trajectory is the dwelling's municipality once a dwelling is known
 * (final match, lease or address), and the referring municipality before that. Once a dwelling is
 * known and its municipality is not recorded, the municipality is unknown: the household is not
 * counted for the referring municipality by mistake (its placement waits until it is recorded).
 * Pure: which municipalities are valid (the active municipalities of the trajectory's region) is
 * decided by the caller from the database.
 */
import type { EventType } from './model.ts';
import type { TrajectoryState } from './state.ts';
import type { Violation } from './guards.ts';

export const MUNICIPALITY_FIELDS = ['municipalityId', 'dwellingMunicipalityId'] as const;
export type MunicipalityField = (typeof MUNICIPALITY_FIELDS)[number];

export interface TrajectoryMunicipalities {
  municipalityId: string | null;
  dwellingMunicipalityId: string | null;
}

export type MunicipalityBasis = 'dwelling' | 'referral';

/** The events that may carry a municipality, and which one. */
export const MUNICIPALITY_FIELDS_OF_EVENT: Partial<Record<EventType, ReadonlyArray<MunicipalityField>>> = {
  trajectory_started: ['municipalityId'],
  referral_submitted: ['municipalityId'],
  urgency_granted: ['municipalityId'],
  match_final: ['dwellingMunicipalityId'],
  key_handover: ['dwellingMunicipalityId'],
  municipality_recorded: ['municipalityId', 'dwellingMunicipalityId'],
};

/** Whether the trajectory has a dwelling (from then on its municipality is the dwelling's). */
export function dwellingKnown(s: Pick<TrajectoryState, 'matchFinalOn' | 'leaseStartOn' | 'dwellingAddress'>): boolean {
  return s.matchFinalOn !== null || s.leaseStartOn !== null || s.dwellingAddress !== null;
}

/** The municipality the trajectory counts for, and on which basis; null when unknown. */
export function municipalityOf(m: TrajectoryMunicipalities, hasDwelling: boolean): { id: string; basis: MunicipalityBasis } | null {
  if (m.dwellingMunicipalityId) return { id: m.dwellingMunicipalityId, basis: 'dwelling' };
  if (hasDwelling) return null;
  return m.municipalityId ? { id: m.municipalityId, basis: 'referral' } : null;
}

/** The municipalities an event sets (only the fields that event type carries, and only when given). */
export function municipalityChanges(type: EventType, data: Record<string, unknown>): Partial<TrajectoryMunicipalities> {
  const out: Partial<TrajectoryMunicipalities> = {};
  for (const f of MUNICIPALITY_FIELDS_OF_EVENT[type] ?? []) {
    const v = data[f];
    if (typeof v === 'string' && v !== '') out[f] = v;
  }
  return out;
}

const LABEL: Record<MunicipalityField, { nl: string; en: string }> = {
  municipalityId: { nl: 'de verwijzende gemeente', en: 'the referring municipality' },
  dwellingMunicipalityId: { nl: 'de gemeente van de woning', en: 'the dwelling’s municipality' },
};

/**
 * Checks the municipalities an event or request sets: the subject may set the field (policy:
 * `writableTrajectoryMunicipalityFields`) and the municipality is an active municipality of the
 * trajectory's region (`allowed`). `pointer` is the JSON pointer prefix of the fields.
 */
export function checkMunicipalities(
  changes: Partial<TrajectoryMunicipalities>,
  allowed: ReadonlyArray<string>,
  writable: ReadonlyArray<MunicipalityField>,
  pointer = '/data/',
): Violation[] {
  const out: Violation[] = [];
  for (const f of MUNICIPALITY_FIELDS) {
    const id = changes[f];
    if (id === undefined || id === null) continue;
    if (!writable.includes(f)) {
      out.push({
        code: 'municipality_not_writable', rule: 'R-MO-18', field: `${pointer}${f}`,
        nl: `Uw organisatie legt ${LABEL[f].nl} van dit traject niet vast.`,
        en: `Your organisation does not record ${LABEL[f].en} of this trajectory.`,
      });
    } else if (!allowed.includes(id)) {
      out.push({
        code: 'municipality_not_in_region', rule: 'R-MO-18', field: `${pointer}${f}`,
        nl: `Kies voor ${LABEL[f].nl} een actieve gemeente uit de regio van dit traject.`,
        en: `Choose an active municipality of this trajectory’s region as ${LABEL[f].en}.`,
      });
    }
  }
  return out;
}
