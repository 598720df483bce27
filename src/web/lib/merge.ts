/**
 * After a 412: the newest saved values with the user's own changes on top. A field the user
 * changed (relative to the version they started from) keeps their input; every other field
 * takes the newest value, so someone else's change to it is not undone.
 */
export function mergeChanges<T extends Record<string, string>>(original: T, mine: T, latest: T): T {
  const out = { ...latest };
  for (const k of Object.keys(mine) as (keyof T)[]) if (mine[k] !== original[k]) out[k] = mine[k];
  return out;
}
