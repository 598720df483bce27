/** Shared types of the HTTP authorization matrix (test/integration/policy-matrix.test.ts). */
import type { TestContext } from '../harness.ts';
import type { CaseKind } from '../policy-expectations.ts';

export type Relation = 'own' | 'foreign' | 'self' | 'none' | `case:${CaseKind}`;
export interface Req { method: string; url: string; body?: unknown; headers?: Record<string, string>; relation: Relation }
export interface Fx {
  ctx: TestContext;
  /** The caller: its user, active membership and that membership's organisation. */
  me: { userId: string; membershipId: string; orgId: string };
  /** An organisation outside the caller's tree (WC-LINDE, or ZA-BAKEN for a WC-LINDE caller). */
  foreignOrg: string;
}
export type Templates = Record<string, (f: Fx) => Promise<Req[]>>;
