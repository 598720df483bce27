import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/**
 * When a user is deactivated, every module hands that user's open work to the
 * named successor inside the same transaction and reports what it moved
 * (e.g. { trajectoryTeams: 3, openDeadlines: 12 }). Modules register here.
 */
export type HandoverProvider = (
  trx: Transaction<Database>,
  args: { fromUserId: string; toUserId: string; at: Date },
) => Promise<Record<string, number>>;

const providers: Array<{ name: string; run: HandoverProvider }> = [];

export function registerHandoverProvider(name: string, run: HandoverProvider) {
  if (!providers.some((p) => p.name === name)) providers.push({ name, run });
}

export async function runHandover(trx: Transaction<Database>, args: { fromUserId: string; toUserId: string; at: Date }) {
  const items: Record<string, number> = {};
  for (const p of providers) Object.assign(items, await p.run(trx, args));
  return items;
}
