import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { HookListener } from '../../platform/module.ts';

/**
 * The `handover` hook point: when a user is deactivated, every module that listens hands that
 * user's open work to the named successor inside the same transaction and reports what it
 * moved (e.g. { trajectoryTeams: 3, openDeadlines: 12 }). A module listens by naming its
 * listener in its descriptor (`hooks: { handover }`); the composition root wires them here.
 */
export type HandoverHook = (
  trx: Transaction<Database>,
  args: { fromUserId: string; toUserId: string; at: Date },
) => Promise<Record<string, number>>;

declare module '../../platform/module.ts' {
  interface HookPoints {
    handover: HandoverHook;
  }
}

let listeners: ReadonlyArray<HookListener<HandoverHook>> = [];

/** Called by the composition root (wireHooks) with every module's handover listener. */
export function acceptHandoverListeners(wired: ReadonlyArray<HookListener<HandoverHook>>) {
  listeners = wired;
}

export async function runHandover(trx: Transaction<Database>, args: { fromUserId: string; toUserId: string; at: Date }) {
  const items: Record<string, number> = {};
  for (const p of listeners) Object.assign(items, await p.run(trx, args));
  return items;
}
