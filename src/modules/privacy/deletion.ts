/**
 * Right to erasure with a waiting period (AVG art. 17; R-OR-92 retention). A team manager of the
 * care provider files a deletion request; it takes effect after a waiting period (setting
 * `privacy.deletionWaitingDays`, default 30 days) during which it can be revoked. A job
 * (executeDueDeletions) then erases the client, one transaction per client:
 *
 * - personal fields of the client (name, birth date, contact details, address, WoningNet
 *   numbers) are nulled and `erased_at` is set; household members are deleted;
 * - consents keep purposes, dates and retention (metadata) but lose the explained items;
 * - trajectory events keep type, dates, seq and author, and of their data only what is not free
 *   text: dates, yes/no, numbers and codes from the event's schema (so the phase, key dates and
 *   deadlines stay derivable, e.g. for the monitor); free text (addresses, reasons, goals'
 *   wording, motivations, contact names) is removed and references are pseudonymised;
 *   the cached state, dwelling address and deadline notes/adjustment reasons are scrubbed too;
 * - forms keep kind, status, versions' dates and hashes, and signatures' party, date and method,
 *   but lose their data, the signatories' names and functions, and attachment contents;
 * - cached idempotent responses that contain the client are dropped, and the free-text reasons
 *   of the client's deletion requests are blanked;
 * - the request is marked executed and an audit row `privacy.erase` is written (actor: system).
 *
 * Trajectory events are append-only; the erasure transaction sets `thuisroute.erasure = 'on'`
 * (SET LOCAL), the one case in which the database lets them change.
 * Other modules with client data register an erasure hook that runs in the same transaction.
 */
import crypto from 'node:crypto';
import { Type } from 'typebox';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact } from '../../platform/http/tx.ts';
import { IdParams, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { addPeriod } from '../../domain/calendar/index.ts';
import { TRANSITIONS, deriveState, type EventType, type TrajectoryEvent } from '../../domain/trajectories/index.ts';
import { writeAudit } from '../../platform/audit/writer.ts';
import type { HookListener } from '../../platform/module.ts';
import { authorizeClient } from './subject-access.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

// ─── Settings ─────────────────────────────────────────────────────────────────

/** Used only when the `privacy` setting is absent (or not a sensible number of days). */
export const DEFAULT_DELETION_WAITING_DAYS = 30;

export interface PrivacySettings {
  deletionWaitingDays: number;
}

/** The `privacy` row of the settings table: { deletionWaitingDays }. */
export async function loadPrivacySettings(db: Db): Promise<PrivacySettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'privacy').executeTakeFirst();
  const value = (typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value) as { deletionWaitingDays?: unknown } | undefined;
  const days = value?.deletionWaitingDays;
  return { deletionWaitingDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 3650 ? days : DEFAULT_DELETION_WAITING_DAYS };
}

// ─── Erasure hooks (other modules' client data) ─────────────────────────────

export interface ErasureContext {
  clientId: string;
  trajectoryIds: string[];
  formIds: string[];
  at: Date;
}
/**
 * The `erasure` hook point: runs inside the erasure transaction; returns counts for the audit
 * row. Must not fail on the caller's behalf. A module with client data of its own listens by
 * naming its listener in its descriptor (`hooks: { erasure }`); the composition root wires it.
 */
export type ErasureHook = (trx: Trx, ctx: ErasureContext) => Promise<Record<string, number> | void>;

declare module '../../platform/module.ts' {
  interface HookPoints {
    erasure: ErasureHook;
  }
}

let erasureHooks: ReadonlyArray<HookListener<ErasureHook>> = [];

/** Called by the composition root (wireHooks) with every module's erasure listener. */
export function acceptErasureListeners(wired: ReadonlyArray<HookListener<ErasureHook>>) {
  erasureHooks = wired;
}

// ─── Scrubbing event data against the event's schema ──────────────────────────

/** What replaces a text that must stay non-empty (NOT NULL columns). */
export const ERASED_TEXT = '[gewist]';

const DROP = Symbol('drop');
const UUID_RE = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

interface JsonSchema {
  type?: string;
  format?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}

const isReferenceKey = (key: string) => key === 'id' || /[a-z]Id$/.test(key);
/** A stable one-way stand-in for a reference that is not a system id (e.g. a goal id "werk"), so links between events survive. */
const pseudonym = (v: string) => `ref-${crypto.createHash('sha256').update(v).digest('hex').slice(0, 16)}`;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function scrubValue(value: unknown, schema: JsonSchema, key: string): unknown {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    for (const s of alternatives) {
      const r = scrubValue(value, s, key);
      if (r !== DROP) return r;
    }
    return DROP;
  }
  if ('const' in schema) return value === schema.const ? value : DROP;
  if (Array.isArray(schema.enum)) return schema.enum.includes(value) ? value : DROP;
  switch (schema.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : DROP;
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : DROP;
    case 'null':
      return value === null ? null : DROP;
    case 'string':
      if (typeof value !== 'string') return DROP;
      if (schema.format === 'date' || schema.format === 'date-time') return value;
      if (isReferenceKey(key)) return UUID_RE.test(value) ? value : pseudonym(value);
      return DROP; // free text
    case 'array':
      if (!Array.isArray(value) || !schema.items) return DROP;
      return value.map((v) => scrubValue(v, schema.items!, key)).filter((v) => v !== DROP);
    case 'object': {
      if (!isPlainObject(value) || !schema.properties) return DROP;
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties)) {
        if (!(k in value)) continue;
        const r = scrubValue(value[k], s, k);
        if (r !== DROP) out[k] = r;
      }
      return out;
    }
    default:
      return DROP;
  }
}

/**
 * The metadata of an event's data: dates, yes/no, numbers and codes (enums) of the event type's
 * schema; references kept (system ids) or pseudonymised; every free text removed. A correction
 * keeps its date and the scrubbed corrected data (judged by the corrected event's type).
 */
export function scrubEventData(type: string, data: Record<string, unknown>, correctedType?: string | null): Record<string, unknown> {
  const transition = TRANSITIONS[type as EventType];
  if (!transition) return {};
  if (type === 'event_corrected') {
    const out: Record<string, unknown> = {};
    if (typeof data.occurredOn === 'string') out.occurredOn = data.occurredOn;
    const target = correctedType ? TRANSITIONS[correctedType as EventType] : undefined;
    if (target && isPlainObject(data.data)) {
      const inner = scrubValue(data.data, target.data as JsonSchema, 'data');
      if (inner !== DROP) out.data = inner;
    }
    return out;
  }
  const r = scrubValue(data, transition.data as JsonSchema, 'data');
  return isPlainObject(r) ? r : {};
}

/** Replaces every `reason` text in a JSON tree (deadline adjustment history). */
function scrubReasons(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(scrubReasons);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'reason' && typeof x === 'string' ? ERASED_TEXT : scrubReasons(x)]));
  return v;
}

/** Deadline notes are machine codes ("accepted", "agreed_interval_6"), except a deviation's reason (free text). */
const isCodeNote = (note: string | null) => note === null || /^[a-z][a-z0-9_]*$/.test(note);

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

// ─── Erasure of one client ────────────────────────────────────────────────────

export interface ErasureCounts {
  trajectories: number;
  events: number;
  deadlines: number;
  adjustments: number;
  householdMembers: number;
  consents: number;
  forms: number;
  formVersions: number;
  signatures: number;
  attachments: number;
  idempotentResponses: number;
  hooks: Record<string, Record<string, number> | null>;
}

/**
 * Erases the client's personal data inside the given transaction, which must have
 * `SET LOCAL thuisroute.erasure = 'on'` (see executeDueDeletions).
 */
export async function eraseClient(trx: Trx, clock: Clock, clientId: string): Promise<ErasureCounts> {
  const now = clock.now();
  const trajectories = await trx.selectFrom('trajectories').select(['id']).where('client_id', '=', clientId).forUpdate().execute();
  const tIds = trajectories.map((t) => t.id);
  const forms = tIds.length ? await trx.selectFrom('forms').select('id').where('trajectory_id', 'in', tIds).execute() : [];
  const fIds = forms.map((f) => f.id);
  const counts: ErasureCounts = {
    trajectories: tIds.length, events: 0, deadlines: 0, adjustments: 0, householdMembers: 0, consents: 0, forms: fIds.length,
    formVersions: 0, signatures: 0, attachments: 0, idempotentResponses: 0, hooks: {},
  };

  for (const tId of tIds) {
    const rows = await trx.selectFrom('trajectory_events').selectAll().where('trajectory_id', '=', tId).orderBy('seq').execute();
    const typeById = new Map(rows.map((e) => [e.id, e.type]));
    const scrubbed: TrajectoryEvent[] = [];
    for (const e of rows) {
      const before = parse<Record<string, unknown>>(e.data);
      const after = scrubEventData(e.type, before, e.corrects_event_id ? typeById.get(e.corrects_event_id) : null);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        await trx.updateTable('trajectory_events').set({ data: JSON.stringify(after) }).where('id', '=', e.id).execute();
        counts.events++;
      }
      scrubbed.push({ id: e.id, seq: e.seq, type: e.type as EventType, occurredOn: e.occurred_on, recordedBy: e.recorded_by, recordedByOrganisationId: e.recorded_by_organisation_id, data: after, correctsEventId: e.corrects_event_id });
    }
    // The cached state is rebuilt from the scrubbed events (same phase and dates, no free text).
    let state: unknown;
    try {
      state = deriveState(scrubbed);
    } catch {
      state = {};
    }
    await trx.updateTable('trajectories').set({ state: JSON.stringify(state), dwelling_address: null, version: sql<number>`version + 1`, updated_at: now }).where('id', '=', tId).execute();

    const deadlines = await trx.selectFrom('deadlines').select(['key', 'computed', 'history', 'note']).where('case_kind', '=', 'trajectory').where('case_id', '=', tId).execute();
    for (const d of deadlines) {
      await trx
        .updateTable('deadlines')
        .set({ computed: JSON.stringify(scrubReasons(parse(d.computed))), history: JSON.stringify(scrubReasons(parse(d.history))), note: isCodeNote(d.note) ? d.note : null })
        .where('case_kind', '=', 'trajectory')
        .where('case_id', '=', tId)
        .where('key', '=', d.key)
        .execute();
      counts.deadlines++;
    }
  }
  if (tIds.length) {
    counts.adjustments = (await trx.updateTable('deadline_adjustments').set({ reason: ERASED_TEXT }).where('case_kind', '=', 'trajectory').where('case_id', 'in', tIds).returning('id').execute()).length;
  }
  if (fIds.length) {
    await trx.updateTable('forms').set({ data: '{}', updated_at: now }).where('id', 'in', fIds).execute();
    counts.formVersions = (await trx.updateTable('form_versions').set({ data: '{}' }).where('form_id', 'in', fIds).returning('version').execute()).length;
    // form_signatures.name is NOT NULL: the name is replaced by a marker; party, date and method stay.
    counts.signatures = (await trx.updateTable('form_signatures').set({ name: ERASED_TEXT, function: null }).where('form_id', 'in', fIds).returning('id').execute()).length;
    counts.attachments = (await trx.updateTable('attachments').set({ content: null, filename: ERASED_TEXT }).where('form_id', 'in', fIds).returning('id').execute()).length;
  }
  counts.householdMembers = (await trx.deleteFrom('household_members').where('client_id', '=', clientId).returning('id').execute()).length;
  // The requests' reasons are free text too; dates, status and the audit rows record what happened.
  await trx.updateTable('deletion_requests').set({ reason: ERASED_TEXT }).where('client_id', '=', clientId).execute();
  counts.consents = (await trx.updateTable('consents').set({ explained_items: '[]' }).where('client_id', '=', clientId).returning('id').execute()).length;
  await trx
    .updateTable('clients')
    .set({
      first_name: null, last_name: null, birth_date: null, phone: null, email: null, address: null,
      woningnet_number: null, woningnet_registered_on: null, old_woningnet_number: null, old_woningnet_registered_on: null,
      erased_at: now, updated_at: now, version: sql<number>`version + 1`,
    })
    .where('id', '=', clientId)
    .execute();
  // Stored responses of idempotent POSTs (e.g. the client as created) would keep the name.
  const ids = [clientId, ...tIds, ...fIds];
  counts.idempotentResponses = (await trx.deleteFrom('idempotency_keys').where((eb) => eb.or(ids.map((id) => eb('response_body', 'like', `%${id}%`)))).returning('key').execute()).length;

  for (const h of erasureHooks) counts.hooks[h.module] = (await h.run(trx, { clientId, trajectoryIds: tIds, formIds: fIds, at: now })) ?? null;
  return counts;
}

export interface ErasureLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ExecuteDueDeletionsResult {
  date: string;
  due: number;
  executed: number;
  failed: number;
}

/**
 * Erases every client with a pending deletion request whose effective date has come (≤ today),
 * one transaction per client; a failure for one client leaves it pending (retried next run) and
 * does not stop the others.
 */
export async function executeDueDeletions(db: Db, clock: Clock, opts: { log?: ErasureLogger } = {}): Promise<ExecuteDueDeletionsResult> {
  const today = todayIn(clock);
  const due = await db.selectFrom('deletion_requests').select('client_id').distinct().where('status', '=', 'pending').where('effective_on', '<=', today).orderBy('client_id').execute();
  const result: ExecuteDueDeletionsResult = { date: today, due: due.length, executed: 0, failed: 0 };
  for (const { client_id: clientId } of due) {
    try {
      const done = await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL thuisroute.erasure = 'on'`.execute(trx);
        const client = await trx.selectFrom('clients').select(['id', 'care_provider_id']).where('id', '=', clientId).forUpdate().executeTakeFirst();
        const requests = await trx.selectFrom('deletion_requests').select(['id', 'effective_on']).where('client_id', '=', clientId).where('status', '=', 'pending').where('effective_on', '<=', today).forUpdate().execute();
        if (!client || !requests.length) return false; // revoked in the meantime
        const counts = await eraseClient(trx, clock, clientId);
        const now = clock.now();
        await trx.updateTable('deletion_requests').set({ status: 'executed', executed_at: now, version: sql<number>`version + 1` }).where('id', 'in', requests.map((r) => r.id)).execute();
        await writeAudit(
          trx,
          clock,
          null,
          { action: 'privacy.erase', resourceType: 'client', resourceId: clientId, subjectOrganisationId: client.care_provider_id, purpose: null, outcome: 'success', details: { deletionRequestIds: requests.map((r) => r.id), effectiveOn: requests[0]!.effective_on, ...counts } },
          { userId: null },
        );
        return true;
      });
      if (done) {
        result.executed++;
        opts.log?.info({ clientId }, 'client erased (deletion request executed)');
      }
    } catch (err) {
      result.failed++;
      opts.log?.error({ clientId, err }, 'erasure failed; the request stays pending');
    }
  }
  return result;
}

// ─── HTTP ─────────────────────────────────────────────────────────────────────

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const PersonRef = Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) }));
const DeletionRequestSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  status: Type.Enum(['pending', 'revoked', 'executed'] as const),
  reason: Type.String(),
  requestedBy: PersonRef,
  requestedAt: Type.String(),
  effectiveOn: Type.String({ description: 'The day the erasure takes effect (request date + the waiting period)' }),
  revokedBy: PersonRef,
  revokedAt: Nullable(Type.String()),
  executedAt: Nullable(Type.String()),
  version: Type.Integer(),
});

async function requestView(db: Db, id: string) {
  const r = await db
    .selectFrom('deletion_requests as d')
    .leftJoin('users as rb', 'rb.id', 'd.requested_by')
    .leftJoin('users as vb', 'vb.id', 'd.revoked_by')
    .selectAll('d')
    .select(['rb.name as requested_by_name', 'vb.name as revoked_by_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: r.id,
    clientId: r.client_id,
    status: r.status,
    reason: r.reason,
    requestedBy: { id: r.requested_by, name: r.requested_by_name },
    requestedAt: iso(r.requested_at)!,
    effectiveOn: r.effective_on,
    revokedBy: r.revoked_by ? { id: r.revoked_by, name: r.revoked_by_name } : null,
    revokedAt: iso(r.revoked_at),
    executedAt: iso(r.executed_at),
    version: r.version,
  };
}

export async function deletionRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  app.post('/clients/:id/deletion-requests', {
    config: { action: 'privacy.deletion', resourceType: 'deletion_request' },
    schema: {
      tags: ['privacy'],
      summary: 'Request erasure of a client (AVG art. 17): takes effect after the waiting period (setting privacy.deletionWaitingDays, default 30 days) unless revoked; one pending request per client',
      params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
      response: { 201: DeletionRequestSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const clientId = req.params.id;
    const reason = req.body.reason.trim();
    if (reason.length < 3) {
      throw problem.validation([{ field: '/reason', in: 'body', code: 'minLength', message: 'Te kort: minimaal 3 tekens.', messageNl: 'Te kort: minimaal 3 tekens.', messageEn: 'Too short: at least 3 characters.' }]);
    }
    const cc = await authorizeClient(db, clock, req, clientId, 'privacy.deletion');
    const { deletionWaitingDays } = await loadPrivacySettings(db);
    const today = todayIn(clock);
    const effectiveOn = addPeriod(today, deletionWaitingDays, 'days');
    const id = await transact(app, async (trx) => {
      // Lock the client: concurrent requests are serialised, so at most one is pending.
      const client = await trx.selectFrom('clients').select(['id', 'erased_at']).where('id', '=', clientId).forUpdate().executeTakeFirstOrThrow();
      if (client.erased_at) throw problem.conflict('client_erased', 'De gegevens van deze cliënt zijn al gewist.', 'This client’s data has already been erased.');
      const pending = await trx.selectFrom('deletion_requests').select(['id', 'effective_on']).where('client_id', '=', clientId).where('status', '=', 'pending').executeTakeFirst();
      if (pending) {
        throw problem.conflict(
          'deletion_pending',
          `Er loopt al een verzoek om de gegevens van deze cliënt te verwijderen (ingangsdatum ${pending.effective_on}).`,
          `A deletion request for this client is already pending (effective ${pending.effective_on}).`,
          { deletionRequestId: pending.id },
        );
      }
      const row = await trx
        .insertInto('deletion_requests')
        .values({ client_id: clientId, requested_by: subjectOf(req).userId, requested_at: clock.now(), reason, effective_on: effectiveOn, status: 'pending' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, {
        action: 'privacy.deletion_request', resourceType: 'deletion_request', resourceId: row.id, subjectOrganisationId: cc.careProviderId, purpose: 'case_management', outcome: 'success',
        details: { clientId, effectiveOn, waitingDays: deletionWaitingDays },
      });
      return row.id;
    });
    const view = (await requestView(db, id))!;
    setEtag(reply, view.version);
    return reply.status(201).header('location', `/api/v1/deletion-requests/${id}`).send(view);
  });

  app.get('/clients/:id/deletion-requests', {
    config: { action: 'privacy.deletion', personalData: true, resourceType: 'deletion_request' },
    schema: { tags: ['privacy'], summary: 'The deletion requests of a client (pending, revoked, executed)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(DeletionRequestSchema) }), ...ProblemResponses } },
  }, async (req) => {
    const clientId = req.params.id;
    const cc = await authorizeClient(db, clock, req, clientId, 'privacy.deletion');
    const rows = await db.selectFrom('deletion_requests').select('id').where('client_id', '=', clientId).orderBy('requested_at', 'desc').execute();
    req.auditInfo = { resourceType: 'client', resourceId: clientId, subjectOrganisationId: cc.careProviderId, purpose: 'case_management', details: { deletionRequests: rows.length } };
    return { items: (await Promise.all(rows.map((r) => requestView(db, r.id)))).filter((v) => v !== null) };
  });

  const loadRequest = async (id: string) => {
    const r = await db.selectFrom('deletion_requests').select(['id', 'client_id']).where('id', '=', id).executeTakeFirst();
    if (!r) throw problem.notFound('Het verwijderverzoek', 'The deletion request');
    return r;
  };

  app.get('/deletion-requests/:id', {
    config: { action: 'privacy.deletion', personalData: true, resourceType: 'deletion_request' },
    schema: { tags: ['privacy'], summary: 'One deletion request (ETag for revoking)', params: IdParams, response: { 200: DeletionRequestSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const r = await loadRequest(req.params.id);
    const cc = await authorizeClient(db, clock, req, r.client_id, 'privacy.deletion');
    req.auditInfo = { resourceType: 'deletion_request', resourceId: r.id, subjectOrganisationId: cc.careProviderId, purpose: 'case_management', details: { clientId: r.client_id } };
    const view = (await requestView(db, r.id))!;
    setEtag(reply, view.version);
    return view;
  });

  app.post('/deletion-requests/:id/revoke', {
    config: { action: 'privacy.deletion', resourceType: 'deletion_request' },
    schema: { tags: ['privacy'], summary: 'Revoke a pending deletion request before it takes effect (If-Match required)', params: IdParams, response: { 200: DeletionRequestSchema, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const r = await loadRequest(req.params.id);
    const cc = await authorizeClient(db, clock, req, r.client_id, 'privacy.deletion');
    await transact(app, async (trx) => {
      const cur = await trx.selectFrom('deletion_requests').select(['status', 'version']).where('id', '=', r.id).forUpdate().executeTakeFirstOrThrow();
      if (cur.version !== expected) throw problem.preconditionFailed(cur.version);
      if (cur.status !== 'pending') {
        throw problem.conflict('deletion_not_pending', `Dit verzoek is niet meer in behandeling (${cur.status === 'executed' ? 'al uitgevoerd' : 'al ingetrokken'}).`, `This request is no longer pending (${cur.status}).`, { requestStatus: cur.status });
      }
      await trx.updateTable('deletion_requests').set({ status: 'revoked', revoked_by: subjectOf(req).userId, revoked_at: clock.now(), version: cur.version + 1 }).where('id', '=', r.id).execute();
      await recordAudit(app, trx, req, { action: 'privacy.deletion_revoke', resourceType: 'deletion_request', resourceId: r.id, subjectOrganisationId: cc.careProviderId, purpose: 'case_management', outcome: 'success', details: { clientId: r.client_id } });
    });
    const view = (await requestView(db, r.id))!;
    setEtag(reply, view.version);
    return view;
  });
}
