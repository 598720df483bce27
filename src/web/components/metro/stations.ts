/**
 * What each station of the metro line shows, so that the line agrees with the facts of the case:
 * - exactly one station is current: the trajectory's derived phase (none once the case is closed);
 * - a station is done only when it lies before the current phase and its steps were recorded
 *   (a station before it that was never reached, e.g. an entry via another route, is "skipped");
 * - a later station is upcoming, even when some of its steps were recorded ahead (the support plan
 *   runs alongside the introduction): it then carries a note instead of a false "done";
 * - a side exit shows where the case ended ("ended"), the stations after it are "not reached";
 * - a time-out shows the current station as "paused".
 * Pure: the API's station list (with its own, looser status) and the case's facts in, the view out.
 */
export type ApiStationStatus = 'done' | 'current' | 'upcoming' | 'not_reached';
export type StationDisplayStatus = 'done' | 'current' | 'paused' | 'upcoming' | 'skipped' | 'ended' | 'not_reached';
/** Why a later station already shows progress: its steps were recorded ahead, or it runs alongside. */
export type StationNote = 'aheadDone' | 'alongside' | null;

export interface CaseFacts {
  /** The trajectory's derived phase. */
  phase: string;
  status: 'active' | 'closed';
  /** The exit code once closed ('completed' for the normal end). */
  exit?: string | null;
  /** In a time-out (paused). */
  paused?: boolean;
}

export function stationStatuses(stations: ReadonlyArray<{ phase: string; status: ApiStationStatus }>, facts: CaseFacts): Array<{ status: StationDisplayStatus; note: StationNote }> {
  const at = stations.findIndex((s) => s.phase === facts.phase);
  const closed = facts.status === 'closed';
  const completed = closed && (facts.exit ?? 'completed') === 'completed';
  return stations.map((s, i) => {
    // The API marks a station done once its steps were recorded, and current when it runs alongside.
    const recorded = s.status === 'done';
    if (at < 0) return { status: recorded ? 'done' : closed ? 'not_reached' : 'upcoming', note: null };
    if (i < at) return { status: recorded ? 'done' : 'skipped', note: null };
    if (i === at) {
      if (completed) return { status: 'done', note: null };
      if (closed) return { status: 'ended', note: null };
      return { status: facts.paused ? 'paused' : 'current', note: null };
    }
    const note: StationNote = s.status === 'done' ? 'aheadDone' : s.status === 'current' && !closed ? 'alongside' : null;
    return { status: closed ? 'not_reached' : 'upcoming', note };
  });
}
