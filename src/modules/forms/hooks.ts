import type { TrajectoryEventHook } from '../trajectories/index.ts';

/**
 * The forms module's `caseEvent` listeners. repository.ts declares each with
 * `onCaseEvent(name, run)` next to the code it belongs to; the forms descriptor's
 * `hooks.caseEvent` runs them in order (the composition root hands it to the trajectories module).
 */
const listeners: Array<{ name: string; run: TrajectoryEventHook }> = [];

export function onCaseEvent(name: string, run: TrajectoryEventHook) {
  if (!listeners.some((l) => l.name === name)) listeners.push({ name, run });
}

export const formsCaseEvent: TrajectoryEventHook = async (trx, args) => {
  for (const l of listeners) await l.run(trx, args);
};
