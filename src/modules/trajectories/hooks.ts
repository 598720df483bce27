import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { TrajectoryEvent } from '../../domain/trajectories/index.ts';
import type { LoadedTrajectory } from './repository.ts';

/**
 * Other modules react to trajectory events inside the same transaction (e.g. the monitor
 * turns a signed lease into a placement). Register a hook; it must only write, never fail
 * on the caller's behalf.
 */
export type TrajectoryEventHook = (trx: Transaction<Database>, args: { trajectory: LoadedTrajectory; event: TrajectoryEvent; at: Date }) => Promise<void>;

const hooks: Array<{ name: string; run: TrajectoryEventHook }> = [];

export function registerTrajectoryEventHook(name: string, run: TrajectoryEventHook) {
  if (!hooks.some((h) => h.name === name)) hooks.push({ name, run });
}

export async function runTrajectoryEventHooks(trx: Transaction<Database>, args: Parameters<TrajectoryEventHook>[1]) {
  for (const h of hooks) await h.run(trx, args);
}
