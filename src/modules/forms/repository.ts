/**
 * Forms storage: the form row (current version, status, data), every saved version
 * (`form_versions`, append-only: a row is never changed, so a signed version is immutable)
 * and the signatures per version. Content binding: SHA-256 hex of `contentHashInput(def, data)`.
 *
 * Also: the prefill of a new form from the trajectory, the read-only F-3 fields V-10…V-12
 * filled from recorded events, and the trajectory events a form records automatically
 * (`supplement_signed`, `support_plan_completed`) through the same path as a recorded event.
 */
import crypto from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  FORM_DEFINITIONS, SUPPORT_PLAN_GOAL_FIELDS, allFields, contentHashInput, formatDate, validateForm,
  type FormData, type FormDefinition, type FormKind, type FormSignature, type FormStatus, type Lang, type SignatureMethod, type SignatureParty, type ValidationContext,
} from '../../domain/forms/index.ts';
import { effectiveEvents, type EventType, type TrajectoryEvent, type TypedEventInput } from '../../domain/trajectories/index.ts';
import type { Role } from '../../domain/organisations/model.ts';
import type { LoadedTrajectory } from '../trajectories/index.ts';
import { onCaseEvent as registerTrajectoryEventHook } from './hooks.ts';
import { recordTrajectoryEvent, type TrajectoryActor } from '../trajectories/index.ts';
import { CaseEventRefused } from '../../platform/cases/engine.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export interface FormRecord {
  id: string;
  trajectoryId: string;
  kind: FormKind;
  definitionVersion: number;
  status: FormStatus;
  data: Record<string, unknown>;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredSignature extends FormSignature {
  id: string;
  contentHash: string;
  signedByUser: string;
  createdAt: string;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The definition a stored form was made with. Only one version of each definition exists so far. */
export function definitionOf(kind: FormKind): FormDefinition {
  return FORM_DEFINITIONS[kind];
}

/** SHA-256 hex of the canonical content (kind, definition version, data). */
export function contentHash(def: FormDefinition, data: FormData): string {
  return crypto.createHash('sha256').update(contentHashInput(def, data)).digest('hex');
}

type FormRow = Selectable<Database['forms']>;

export async function loadForm(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<FormRecord | null> {
  let q = db.selectFrom('forms').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** The forms of a trajectory, oldest first. */
export async function loadForms(db: Db, trajectoryId: string): Promise<FormRecord[]> {
  const rows = await db.selectFrom('forms').selectAll().where('trajectory_id', '=', trajectoryId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toRecord);
}

function toRecord(r: FormRow): FormRecord {
  return {
    id: r.id,
    trajectoryId: r.trajectory_id,
    kind: r.kind,
    definitionVersion: r.definition_version,
    status: r.status,
    data: json<Record<string, unknown>>(r.data) ?? {},
    version: r.version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function signaturesOf(db: Db, formIds: string[]): Promise<Map<string, StoredSignature[]>> {
  const out = new Map<string, StoredSignature[]>();
  if (!formIds.length) return out;
  const rows = await db.selectFrom('form_signatures').selectAll().where('form_id', 'in', formIds).orderBy('created_at').orderBy('id').execute();
  for (const r of rows) {
    const list = out.get(r.form_id) ?? [];
    list.push({
      id: r.id,
      party: r.party as SignatureParty,
      formVersion: r.form_version,
      name: r.name,
      function: r.function,
      signedOn: r.signed_on,
      method: r.method as SignatureMethod,
      contentHash: r.content_hash,
      signedByUser: r.signed_by_user,
      createdAt: new Date(r.created_at).toISOString(),
    });
    out.set(r.form_id, list);
  }
  return out;
}

/** The content hash of each form's current version. */
export async function currentHashes(db: Db, forms: ReadonlyArray<Pick<FormRecord, 'id' | 'version'>>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!forms.length) return out;
  const rows = await db
    .selectFrom('form_versions')
    .select(['form_id', 'version', 'content_hash'])
    .where((eb) => eb.or(forms.map((f) => eb.and([eb('form_id', '=', f.id), eb('version', '=', f.version)]))))
    .execute();
  for (const r of rows) out.set(r.form_id, r.content_hash);
  return out;
}

export async function insertVersion(trx: Trx, formId: string, version: number, data: Record<string, unknown>, hash: string, userId: string, at: Date) {
  await trx.insertInto('form_versions').values({ form_id: formId, version, data: JSON.stringify(data), content_hash: hash, saved_by: userId, saved_at: at }).execute();
}

export async function userNames(db: Db, ids: ReadonlyArray<string>): Promise<Map<string, string>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function orgNames(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The trajectory's goals, for the checks on goals linked to the conditional urgency (V-E2, F-3 T3). */
export function validationContext(t: LoadedTrajectory): ValidationContext {
  return { urgencyGoals: t.state.goals.map((g) => ({ id: g.id, text: g.text, linkedToUrgency: g.linkedToUrgency, achieved: g.achieved })) };
}

/** Without the read-only fields (F-3 V-10…V-12): they are never entered, only filled from events. */
export function withoutReadOnly(def: FormDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const ro = new Set(allFields(def).filter((f) => f.readOnly).map((f) => f.id));
  return Object.fromEntries(Object.entries(data).filter(([k]) => !ro.has(k)));
}

// ─── Settings ────────────────────────────────────────────────────────────────

export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The upload size limit: setting `attachments` `{ "maxBytes": n }`, default 10 MiB (at most 100 MiB). */
export async function attachmentMaxBytes(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'attachments').executeTakeFirst();
  const v = row ? json<{ maxBytes?: unknown }>(row.value)?.maxBytes : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? Math.min(v, 100 * 1024 * 1024) : DEFAULT_ATTACHMENT_MAX_BYTES;
}

// ─── F-3 read-only fields from recorded events (R-OR-68, R-OR-71) ────────────

const WORDS = {
  approved: { nl: 'goedgekeurd', en: 'approved' },
  rejected: { nl: 'afgekeurd', en: 'rejected' },
  confirmed: { nl: (d: string) => `Bevestigd (e-mail van ${d})`, en: (d: string) => `Confirmed (e-mail of ${d})` },
  returned: { nl: (d: string) => `Teruggestuurd op ${d}`, en: (d: string) => `Returned on ${d}` },
} as const;

function latest(events: TrajectoryEvent[], ...types: EventType[]): TrajectoryEvent | undefined {
  return events.filter((e) => types.includes(e.type)).at(-1);
}

/** V-10 (independent review), V-11 (sent to Wonen), V-12 (Wonen's outcome), as recorded in the trajectory. */
export function nominationDecisions(t: LoadedTrajectory, names: Map<string, string>, lang: Lang): Record<string, string> {
  const { events } = effectiveEvents(t.events);
  const out: Record<string, string> = {};
  const review = latest(events, 'independent_review');
  if (review) {
    const verdict = review.data.verdict === 'approved' ? WORDS.approved[lang] : WORDS.rejected[lang];
    const motivation = typeof review.data.motivation === 'string' ? ` — ${review.data.motivation}` : '';
    out['V-10'] = `${names.get(review.recordedBy) ?? '?'}, ${formatDate(review.occurredOn, lang)}: ${verdict}${motivation}`;
  }
  const sent = latest(events, 'nomination_sent_to_wonen');
  if (sent) out['V-11'] = sent.occurredOn;
  const outcome = latest(events, 'wonen_confirmed', 'wonen_returned');
  if (outcome && (!sent || outcome.occurredOn >= sent.occurredOn)) {
    const d = formatDate(outcome.occurredOn, lang);
    out['V-12'] =
      outcome.type === 'wonen_confirmed'
        ? WORDS.confirmed[lang](d)
        : `${WORDS.returned[lang](d)}${typeof outcome.data.motivation === 'string' ? `: ${outcome.data.motivation}` : ''}`;
  }
  return out;
}

export function reviewerIds(t: LoadedTrajectory): string[] {
  return t.events.filter((e) => e.type === 'independent_review').map((e) => e.recordedBy);
}

// ─── Prefill of a new form from the trajectory ───────────────────────────────

export interface PrefillContext {
  client: { name: string; phone: string | null; address: string | null };
  careProviderName: string | null;
  supervisor: { name: string; email: string } | null;
  corporationName: string | null;
  contact: { name: string; email: string } | null;
}

export async function prefillContext(db: Db, t: LoadedTrajectory): Promise<PrefillContext> {
  const client = await db.selectFrom('clients').select(['first_name', 'last_name', 'phone', 'address']).where('id', '=', t.clientId).executeTakeFirstOrThrow();
  const supervisorId = t.team.find((m) => m.caseRole === 'personal_supervisor')?.userId ?? null;
  const ids = [supervisorId, t.corporationContactId].filter((x): x is string => !!x);
  const users = ids.length ? await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute() : [];
  const orgs = await orgNames(db, [t.careProviderId, t.corporationId]);
  const u = (id: string | null) => users.find((x) => x.id === id) ?? null;
  return {
    client: { name: [client.first_name, client.last_name].filter(Boolean).join(' '), phone: client.phone, address: client.address },
    careProviderName: orgs.get(t.careProviderId) ?? null,
    supervisor: u(supervisorId),
    corporationName: t.corporationId ? (orgs.get(t.corporationId) ?? null) : null,
    contact: u(t.corporationContactId),
  };
}

const joined = (...parts: Array<string | null | undefined>) => parts.filter((p) => p && p.trim()).join(' — ') || null;

/**
 * What the trajectory already knows, put into a new form: names and contact details, dates,
 * the goals. Anything that would not pass the draft checks is left out.
 */
export function prefill(def: FormDefinition, t: LoadedTrajectory, ctx: PrefillContext): Record<string, unknown> {
  const s = t.state;
  const address = s.dwellingAddress ?? ctx.client.address;
  const urgencyGoals = s.goals.filter((g) => g.linkedToUrgency);
  const lastEvaluation = s.evaluations.at(-1)?.on ?? null;
  const raw: Record<string, unknown> = {};
  const contacts = (p: 'S' | 'E') => {
    Object.assign(raw, {
      [`${p}-01`]: ctx.client.name || null,
      [`${p}-02`]: address,
      [`${p}-03`]: ctx.client.phone,
      [`${p}-04`]: ctx.supervisor?.name ?? null,
      [`${p}-06`]: ctx.supervisor?.email ?? null,
      [`${p}-07`]: ctx.contact?.name ?? null,
      [`${p}-09`]: ctx.contact?.email ?? null,
      [`${p}-10`]: s.leaseStartOn,
      [`${p}-11`]: s.introHeldOn,
    });
  };
  switch (def.kind) {
    case 'F-1':
      contacts('S');
      break;
    case 'F-2':
      contacts('E');
      if (urgencyGoals.length) raw['E-30'] = urgencyGoals.map((g) => ({ goalId: g.id, goal: g.text, status: '', achieved: g.achieved ? 'yes' : 'no' }));
      break;
    case 'F-3':
      Object.assign(raw, {
        'V-01': [ctx.client.name, address].filter(Boolean).join(', ') || null,
        'V-02': joined(ctx.careProviderName, ctx.supervisor?.name),
        'V-03': joined(ctx.corporationName, ctx.contact?.name),
        'V-04': s.leaseStartOn,
        'V-05': lastEvaluation,
        'V-08': s.jointDecision?.on ?? null,
      });
      if (urgencyGoals.length) raw['V-06'] = urgencyGoals.map((g) => ({ goalId: g.id, goal: g.text, status: '', achieved: g.achieved ? 'yes' : 'no', source: '' }));
      break;
    case 'F-4':
      Object.assign(raw, { 'SP-CLIENT': ctx.client.name || null, 'SP-PROVIDER': joined(ctx.careProviderName, ctx.supervisor?.name), 'SP-FIRST-MEETING': s.firstMeetingOn });
      for (const g of s.goals) {
        const fieldId = SUPPORT_PLAN_GOAL_FIELDS[g.domain];
        const rows = (raw[fieldId] as unknown[] | undefined) ?? [];
        rows.push({ goalId: g.id, text: g.text, linkedToUrgency: g.linkedToUrgency });
        raw[fieldId] = rows;
      }
      break;
  }
  const data = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const bad = new Set(validateForm(def, data, 'draft').errors.map((e) => e.field));
  return Object.fromEntries(Object.entries(data).filter(([k]) => !bad.has(k)));
}

// ─── Trajectory events recorded by a form ────────────────────────────────────

export interface AutomaticEvent {
  type: EventType;
  recorded: boolean;
  eventId?: string;
  occurredOn: string;
  /** Why it was not recorded (the phase does not allow it, it was recorded already, …). */
  reasons?: Array<{ code: string; rule: string | null }>;
}

/**
 * Records an event that a form step completes (F-1 final → `supplement_signed`, F-2 final →
 * `housing_evaluation_held`, F-4 final → `support_plan_completed`), in the caller's transaction, exactly as a recorded event: next
 * seq, caches refreshed, hooks run. The trajectory must be locked by the caller. The domain
 * guards decide; the actor check is left out (the signatures complete the step, whoever signed
 * last). When a guard refuses, nothing is recorded and the reasons are returned.
 */
export async function recordAutomaticEvent(
  trx: Trx,
  clock: Clock,
  t: LoadedTrajectory,
  actor: { userId: string; organisationId: string; role: Role },
  step: Extract<TypedEventInput, { type: 'supplement_signed' | 'support_plan_completed' | 'housing_evaluation_held' }>,
): Promise<AutomaticEvent> {
  const automatic: TrajectoryActor = {
    userId: actor.userId, organisationId: actor.organisationId, role: actor.role, kinds: ['care_provider'], isPersonalSupervisor: false, relation: null, purpose: 'case_management',
  };
  try {
    const recorded = await recordTrajectoryEvent(trx, t.id, { ...step, correctsEventId: null }, () => automatic, { clock, waive: ['actor_not_allowed'] });
    return { type: step.type, recorded: true, eventId: recorded.event.id, occurredOn: step.occurredOn };
  } catch (err) {
    if (err instanceof CaseEventRefused) return { type: step.type, recorded: false, occurredOn: step.occurredOn, reasons: err.violations.map((v) => ({ code: v.code, rule: v.rule })) };
    throw err;
  }
}

/**
 * F-3 has no signatures (§7.1): its finality is Wonen's decision (R-OR-71). When Wonen confirms,
 * the submitted nomination of the trajectory becomes final (no longer editable).
 */
registerTrajectoryEventHook('forms.nomination_final', async (trx, { trajectory, event, at }) => {
  if (event.type !== 'wonen_confirmed') return;
  await trx.updateTable('forms').set({ status: 'final', updated_at: at }).where('trajectory_id', '=', trajectory.id).where('kind', '=', 'F-3').where('status', '=', 'submitted').execute();
});
