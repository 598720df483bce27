/**
 * The case engine: the one write path of every kind of case (the Omslagroute trajectory today;
 * the nuisance case, the housing project and the young-adult contract next). A case kind brings
 * its own transition table and state; the engine fixes the order every event goes through:
 *
 *   lock the case → authorize the actor on it → check the event in the domain → append it → re-derive state and deadlines
 *   → run the listening modules' hooks → write the audit row — all in the caller's transaction.
 *
 * Nothing here knows a case kind: kinds implement `CaseKind` in their own module, and the
 * composition root wires the hooks other modules offer (src/app). A refused event throws a 422
 * problem that names every rule; nothing is written.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { Problem, problem } from '../http/problem.ts';

export type Trx = Transaction<Database>;

/** Why an event cannot be recorded: a code, the rule it breaks (if any) and the words for people. */
export interface CaseViolation {
  code: string;
  rule: string | null;
  nl: string;
  en: string;
  /** JSON pointer into the request body. */
  field?: string;
  /** Not a matter of the agreements but of who may act: answered 403 and audited as a denial. */
  forbidden?: boolean;
}

/** Who records the event, as the case kind's checks need it. */
export interface CaseActor {
  userId: string;
  organisationId: string;
  role: string;
}

/** One audit row, written in the event's transaction. */
export interface CaseAuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  subjectOrganisationId: string | null;
  purpose: string | null;
  details: Record<string, unknown>;
}

export type CaseAuditSink = (trx: Trx, entry: CaseAuditEntry) => Promise<void>;

/** A module listening to a kind's events, in the same transaction (e.g. the monitor's placements). */
export type CaseEventHook<C, E> = (trx: Trx, args: { case: C; event: E; at: Date }) => Promise<void>;

/**
 * A kind of case. `C` is the loaded case (with its events and derived state), `I` the event input
 * as the kind's transition table types it, `A` the kind's actor (the CaseActor plus what its checks
 * need, e.g. the organisation kinds it acts as), `E` a stored event.
 */
export interface CaseKind<C, I, A extends CaseActor, E> {
  /** The key the case's deadlines are stored under in the shared deadline table. */
  readonly kind: string;
  /** Loads the case; with forUpdate the row is locked until the transaction ends. */
  load(trx: Trx, id: string, opts: { forUpdate: boolean }): Promise<C | null>;
  version(c: C): number;
  /** Every reason the event cannot be recorded now (the transition table, the rules, field policy). */
  check(trx: Trx, c: C, input: I, actor: A, today: string): Promise<CaseViolation[]>;
  /** Appends the event and returns it with the case as it is after it (state re-derived, not yet stored). */
  append(trx: Trx, c: C, input: I, actor: A, now: Date): Promise<{ event: E; after: C }>;
  /** Rewrites the derived caches (state, deadlines in the shared table) and returns the new version. */
  refresh(trx: Trx, before: C, after: C, now: Date): Promise<number>;
  /** The audit row of the event. */
  audit(c: C, event: E, input: I, actor: A): Omit<CaseAuditEntry, 'action'> & { action?: string };
  hooks(): ReadonlyArray<{ name: string; run: CaseEventHook<C, E> }>;
}

export interface RecordOptions {
  today: string;
  now: Date;
  /** The version the caller last saw (If-Match); a different current version gives 412. */
  expectedVersion?: number;
  /** Where the audit row goes; absent only for seeds and migrations. */
  audit?: CaseAuditSink;
  /**
   * Checks the caller may waive (by code): an automatic step completed by a form is recorded
   * whoever signed last, so `actor_not_allowed` does not apply there.
   */
  waive?: ReadonlyArray<string>;
}

/**
 * Who records the event, decided on the locked case (the policy's case relation, the purpose):
 * throws a 403 problem when the subject may not act on this case at all.
 */
export type CaseAuthorizer<C, A> = (c: C) => Promise<A> | A;

export class CaseEventRefused extends Problem {
  readonly violations: CaseViolation[];
  constructor(violations: CaseViolation[]) {
    super({
      status: 422,
      code: 'event_refused',
      titleNl: 'Deze stap kan niet volgens de afspraken',
      titleEn: 'This step is not allowed by the agreements',
      detailNl: violations.map((x) => x.nl).join(' '),
      detailEn: violations.map((x) => x.en).join(' '),
      rule: violations.find((x) => x.rule)?.rule ?? undefined,
      errors: violations.map((x) => ({ field: x.field ?? '/type', in: 'body', code: x.code, message: x.nl, messageNl: x.nl, messageEn: x.en})),
      extra: { violations: violations.map((x) => ({ code: x.code, rule: x.rule })) },
    });
    this.violations = violations;
  }
}

export interface Recorded<C, E> {
  event: E;
  case: C;
  version: number;
}

/**
 * Records one event of a case through the kind's one write path. Throws 404 when the case does
 * not exist, 412 on a stale version, 422 (CaseEventRefused) when the domain refuses the event.
 */
export async function recordCaseEvent<C, I, A extends CaseActor, E>(
  trx: Trx,
  kind: CaseKind<C, I, A, E>,
  caseId: string,
  input: I,
  authorize: CaseAuthorizer<C, A>,
  opts: RecordOptions,
): Promise<Recorded<C, E>> {
  const c = await kind.load(trx, caseId, { forUpdate: true });
  if (!c) throw problem.notFound('De zaak', 'The case');
  const actor = await authorize(c);
  if (opts.expectedVersion !== undefined && kind.version(c) !== opts.expectedVersion) {
    throw problem.preconditionFailed(kind.version(c));
  }
  const waived = new Set(opts.waive ?? []);
  const violations = (await kind.check(trx, c, input, actor, opts.today)).filter((v) => !waived.has(v.code));
  const forbidden = violations.find((v) => v.forbidden);
  if (forbidden) {
    throw new Problem({
      status: 403, code: forbidden.code, titleNl: 'Geen toegang', titleEn: 'Forbidden', detailNl: forbidden.nl, detailEn: forbidden.en, rule: forbidden.rule ?? undefined,
      extra: { reason: forbidden.code },
    });
  }
  if (violations.length) throw new CaseEventRefused(violations);
  const { event, after } = await kind.append(trx, c, input, actor, opts.now);
  const version = await kind.refresh(trx, c, after, opts.now);
  for (const h of kind.hooks()) await h.run(trx, { case: after, event, at: opts.now });
  if (opts.audit) {
    const entry = kind.audit(after, event, input, actor);
    await opts.audit(trx, { action: entry.action ?? `${kind.kind}.record_event`, ...entry });
  }
  return { event, case: after, version };
}
