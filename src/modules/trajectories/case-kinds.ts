import { sql, type ExpressionBuilder, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { HookListener } from '../../platform/module.ts';
import { coveredRelations, decide, type Action, type Subject } from '../../domain/policy/index.ts';
import type { Viewer } from '../../domain/privacy/visibility.ts';
import type { Served } from './scope.ts';

/**
 * The `caseKinds` hook point: other kinds of case (offers, moves, later nuisance cases) put their
 * deadlines in the shared deadline table; this module's worklist and the home queues list them by
 * the same decision as the kind's detail. A kind names the action that reads its detail and gives,
 * as SQL over the deadline row `d`, the case's parties (care provider, corporation, municipality);
 * the list filters on the relations the subject's role has a grant for, and every row is decided
 * again with `decide` on those parties (the purpose it is served under comes from that grant).
 */
export interface CaseParties {
  careProviderId: string | null;
  corporationId: string | null;
  municipalityId: string | null;
  /** The case team of the client's trajectory, where the kind's grants use it (case_team). */
  teamUserIds?: string[] | null;
  /** The nuisance hub the case is reported to (nuisance and New Chance cases: case_hub). */
  hubId?: string | null;
}

export interface WorklistCaseKind {
  kind: string;
  readAction: Action;
  /** SQL: the parties of the case of deadline row `d` as a JSON object (CaseParties), or null. */
  parties: RawBuilder<CaseParties | null>;
}

export type CaseKindHook = () => ReadonlyArray<WorklistCaseKind>;

declare module '../../platform/module.ts' {
  interface HookPoints {
    caseKinds: CaseKindHook;
  }
}

let kinds: ReadonlyArray<WorklistCaseKind> = [];

/** Called by the composition root with every module's case kind. */
export function acceptCaseKinds(wired: ReadonlyArray<HookListener<CaseKindHook>>) {
  kinds = wired.flatMap((l) => l.run());
}

export function otherCaseKinds(): ReadonlyArray<WorklistCaseKind> {
  return kinds;
}

const NONE = '00000000-0000-0000-0000-000000000000';

/** The deadlines of other kinds of case the subject may read, as SQL (the relations its grants cover). */
export function otherKindsScope(eb: ExpressionBuilder<never, never>, s: Subject): Expression<SqlBool>[] {
  const scope = s.scope.length ? [...s.scope] : [NONE];
  const arr = (ids: ReadonlyArray<string>) => sql`${sql.val(`{${(ids.length ? ids : [NONE]).join(',')}}`)}::text[]`;
  return kinds.map((k) => {
    const rel = coveredRelations(s, k.readAction);
    const parts: RawBuilder<SqlBool>[] = [];
    const p = sql`(${k.parties})`;
    if (rel === 'any') parts.push(sql<SqlBool>`true`);
    else {
      if (rel.includes('case_care_provider')) parts.push(sql<SqlBool>`(${p}->>'careProviderId') = ANY(${arr(scope)})`);
      if (rel.includes('case_team')) parts.push(sql<SqlBool>`((${p}->>'careProviderId') = ANY(${arr(scope)}) AND coalesce((${p})::jsonb->'teamUserIds', '[]'::jsonb) ? ${s.userId})`);
      if (rel.includes('case_corporation')) parts.push(sql<SqlBool>`(${p}->>'corporationId') = ANY(${arr(scope)})`);
      if (rel.includes('case_hub')) parts.push(sql<SqlBool>`(${p}->>'hubId') = ANY(${arr(scope)})`);
      if (rel.includes('case_wonen') && s.role === 'wonen_officer' && s.organisationType === 'municipal_directorate') parts.push(sql<SqlBool>`(${p}->>'municipalityId') = ANY(${arr(s.municipalityIds ?? [])})`);
    }
    const any = parts.length ? sql<SqlBool>`(${sql.join(parts, sql` OR `)})` : sql<SqlBool>`false`;
    return eb.and([sql<SqlBool>`d.case_kind = ${k.kind}`, any]) as unknown as Expression<SqlBool>;
  });
}

/** SQL: the parties of the deadline row's case, for every registered kind (null for a trajectory). */
export function casePartiesColumn(): RawBuilder<CaseParties | null> {
  if (!kinds.length) return sql<null>`NULL::json`;
  return sql<CaseParties | null>`CASE d.case_kind ${sql.join(kinds.map((k) => sql`WHEN ${k.kind} THEN (${k.parties})::json`), sql` `)} ELSE NULL::json END`;
}

/** One row of another kind decided again like its detail: the relation, viewer and purpose, or null. */
export function servedOtherKind(s: Subject, caseKind: string, p: CaseParties | null): Served | null {
  const k = kinds.find((x) => x.kind === caseKind);
  if (!k || !p) return null;
  const d = decide(s, k.readAction, {
    organisationIds: [p.corporationId, p.careProviderId].filter((x): x is string => !!x),
    case: { careProviderId: p.careProviderId ?? '', corporationId: p.corporationId, teamUserIds: p.teamUserIds ?? [], municipalityIds: p.municipalityId ? [p.municipalityId] : [], hubIds: p.hubId ? [p.hubId] : [] },
  });
  if (!d.allowed || !d.relation) return null;
  const viewer: Viewer = d.relation === 'case_corporation' ? 'corporation' : d.relation === 'case_wonen' ? 'wonen' : d.relation === 'case_hub' ? 'nuisance_hub' : 'care_provider';
  return { relation: d.relation, viewer, purpose: d.purpose ?? 'case_management' };
}
