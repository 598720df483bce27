/**
 * The composition root and the one policy table: every action is granted by exactly one party —
 * the platform (core grants) or one listed module's descriptor — and the merged table the policy
 * decides with is exactly that union.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, GRANTS, mergeGrants } from '../domain/policy/index.ts';
import { CORE_GRANTS } from '../domain/policy/core-grants.ts';
import { MODULES } from './modules.ts';

describe('the policy table is the modules’ grants merged', () => {
  it('the platform and the listed modules grant every action once, and GRANTS is their union', () => {
    const tables = [CORE_GRANTS, ...MODULES.flatMap((m) => (m.policy?.grants ? [m.policy.grants] : []))];
    const owners = new Map<string, number>();
    for (const t of tables) for (const a of Object.keys(t)) owners.set(a, (owners.get(a) ?? 0) + 1);
    expect([...owners.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual([...ACTIONS].sort());
    for (const t of tables) for (const [a, g] of Object.entries(t)) expect(GRANTS[a as keyof typeof GRANTS], a).toBe(g);
  });

  it('merging refuses an action granted by two modules, an action nobody grants, and a grant for an undeclared action', () => {
    const one = { 'x.read': [{ who: 'member' as const, relations: 'any' as const }] };
    expect(() => mergeGrants(['x.read'], [one, one])).toThrow(/two modules/);
    expect(() => mergeGrants(['x.read', 'x.write'], [one])).toThrow(/no module grants x.write/);
    expect(() => mergeGrants([], [one])).toThrow(/undeclared/);
  });
});
