import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { HookListener } from '../../platform/module.ts';
import type { TrajectoryEvent } from '../../domain/trajectories/index.ts';
import type { LoadedTrajectory } from './repository.ts';

/**
 * The `caseEvent` hook point: other modules react to trajectory events inside the same
 * transaction (e.g. the monitor turns a signed lease into a placement). A module listens by
 * naming its listener in its descriptor (`hooks: { caseEvent }`); the composition root hands
 * the listeners to this module in module order. A listener must only write, never fail on
 * the caller's behalf.
 */
export type TrajectoryEventHook = (trx: Transaction<Database>, args: { trajectory: LoadedTrajectory; event: TrajectoryEvent; at: Date }) => Promise<void>;

declare module '../../platform/module.ts' {
  interface HookPoints {
    caseEvent: TrajectoryEventHook;
  }
}

let listeners: ReadonlyArray<HookListener<TrajectoryEventHook>> = [];

/** Called by the composition root (wireHooks) with every module's caseEvent listener. */
export function acceptCaseEventListeners(wired: ReadonlyArray<HookListener<TrajectoryEventHook>>) {
  listeners = wired;
}

/** The wired listeners, by listening module's name (for the case write path). */
export function trajectoryEventHooks(): ReadonlyArray<{ name: string; run: TrajectoryEventHook }> {
  return listeners.map((l) => ({ name: l.module, run: l.run }));
}
