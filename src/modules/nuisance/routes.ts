/**
 * Nuisance reports and cases (overlast.md §3, §6): a report from any channel opens the address's
 * case or is linked to the open one; every protocol step is an event through the case's one write
 * path (nuisance-case.ts); the lists are the detail's decision as SQL, each row decided again.
 */
import { Type, type Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact, type Trx } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { decide, type Action, type Subject } from '../../domain/policy/index.ts';
import { CHANNELS, HUB_SITUATIONS, NUISANCE_TYPES, type NuisanceEventInput, type NuisanceParty, type ReportFacts } from '../../domain/nuisance/model.ts';
import { deriveReportDeadlines, earlyWarningAt } from '../../domain/nuisance/deadlines.ts';
import { DEFAULT_AFWC_MEMBERS } from '../../domain/nuisance/new-chance.ts';
import { loadCalendar } from '../calendar/index.ts';
import {
  loadNuisanceCase, loadSettings, nuisanceResource, partyOf, recordNuisanceEvent, type LoadedNuisanceCase, type NuisanceActor, type NuisanceSettings,
} from './nuisance-case.ts';
import { CHANNELS_BY_PARTY, hubOf, reporterKey, resolveTarget } from './reports.ts';
import { nuisanceCaseView, reportView, reportsOf } from './views.ts';
import { highRiskOf } from './prevention-routes.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());
const NullableText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const NONE = '00000000-0000-0000-0000-000000000000';

export const AFWC_CODES = DEFAULT_AFWC_MEMBERS.map((m) => (typeof m === 'string' ? m : m.code));

export async function settingsOf(db: Db | Trx, municipalityId: string): Promise<NuisanceSettings> {
  return loadSettings(db, municipalityId, AFWC_CODES);
}

/** Decides the action on the loaded case (403 audited as a denial) and gives the party and purpose. */
export function authorizeNuisance(req: FastifyRequest, c: LoadedNuisanceCase, action: Action) {
  const s = subjectOf(req);
  const d = decide(s, action, nuisanceResource(c));
  if (!d.allowed) {
    req.auditInfo = { resourceType: 'nuisance_case', resourceId: c.id, subjectOrganisationId: c.careProviderId, details: { reason: d.reason } };
    throw problem.forbidden(d.reason);
  }
  req.auditInfo = { resourceType: 'nuisance_case', resourceId: c.id, subjectOrganisationId: c.careProviderId, purpose: d.purpose ?? undefined };
  return { s, relation: d.relation, party: partyOf(d.relation), purpose: d.purpose ?? null };
}

export function nuisanceActor(s: Subject, party: NuisanceParty | null, purpose: string | null): NuisanceActor {
  return { userId: s.userId, organisationId: s.organisationId!, role: s.role!, party, purpose };
}

const Address = Type.Object({
  postcode: Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' }),
  houseNumber: Type.Integer({ minimum: 1, maximum: 99999 }),
  houseLetter: NullableText(1),
  addition: NullableText(4),
  street: NullableText(200),
  city: NullableText(100),
}, { additionalProperties: false });

const About = Type.Object({
  trajectoryId: Type.Optional(Uuid),
  dwellingId: Type.Optional(Uuid),
  address: Type.Optional(Address),
}, { additionalProperties: false });

const ReportBody = Type.Object({
  channel: Type.Enum(CHANNELS),
  nuisanceType: Type.Enum(NUISANCE_TYPES),
  description: Type.String({ minLength: 3, maxLength: 4000 }),
  occurredAt: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-2][0-9]:[0-5][0-9]$' }), Type.Null()])),
  reporter: Type.Object({
    name: NullableText(200), phone: NullableText(40), email: NullableText(200),
    relation: Type.Enum(['neighbour', 'local_resident', 'corporation', 'police', 'professional', 'resident', 'other'] as const),
  }, { additionalProperties: false }),
  about: About,
  /** The open case of the address the report is linked to (confirming the proposal). */
  caseId: Type.Optional(Uuid),
  highRisk: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const EventTypes = [
  'reporter_contacted', 'corporation_informed', 'hearing_held', 'judged', 'complainant_informed', 'six_week_check', 'follow_up_done', 'escalated', 'action_step_done',
  'hub_involved', 'hub_lead_taken', 'eiv_decided', 'alternative_accepted', 'court_requested', 'court_judgment', 'timeout_started', 'timeout_ended', 'replacement_decided',
  'field_table_notified', 'closed',
] as const;
const Note = NullableText(2000);
const Act = Type.Union([Type.Literal(3), Type.Literal(4), Type.Literal(5), Type.Literal(6)]);
const EVENT_DATA: Record<(typeof EventTypes)[number], ReturnType<typeof Type.Object>> = {
  reporter_contacted: Type.Object({ reportId: Uuid, note: Note }, { additionalProperties: false }),
  corporation_informed: Type.Object({ approach: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
  hearing_held: Type.Object({ reportId: Uuid, note: Note }, { additionalProperties: false }),
  judged: Type.Object({ reportId: Uuid, behaviour: Type.Enum(['conscious', 'unconscious'] as const), justifiedPerCareProvider: Type.Boolean(), residentAgreesJustified: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])), note: Note }, { additionalProperties: false }),
  complainant_informed: Type.Object({ reportId: Uuid, togetherWithResident: Type.Boolean() }, { additionalProperties: false }),
  six_week_check: Type.Object({ reportId: Uuid, resolved: Type.Boolean() }, { additionalProperties: false }),
  follow_up_done: Type.Object({ step: Type.String({ minLength: 1, maxLength: 60 }), note: Note }, { additionalProperties: false }),
  escalated: Type.Object({ action: Act, reportId: Type.Union([Uuid, Type.Null()]), hubSkipDecision: NullableText(2000) }, { additionalProperties: false }),
  action_step_done: Type.Object({ action: Act, step: Type.String({ minLength: 1, maxLength: 60 }), note: Note }, { additionalProperties: false }),
  hub_involved: Type.Object({ situations: Type.Array(Type.Enum(HUB_SITUATIONS), { minItems: 1, uniqueItems: true }), note: Note }, { additionalProperties: false }),
  hub_lead_taken: Type.Object({ note: Note }, { additionalProperties: false }),
  eiv_decided: Type.Object({ issued: Type.Boolean(), reasonNoneNeeded: NullableText(2000) }, { additionalProperties: false }),
  alternative_accepted: Type.Object({ description: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
  court_requested: Type.Object({ ground: Type.Enum(['nuisance_file', 'agreements_not_kept'] as const) }, { additionalProperties: false }),
  court_judgment: Type.Object({ evictionJustified: Type.Boolean() }, { additionalProperties: false }),
  timeout_started: Type.Object({ place: Type.String({ minLength: 2, maxLength: 300 }), plannedEndOn: IsoDateSchema, corporationAligned: Type.Boolean() }, { additionalProperties: false }),
  timeout_ended: Type.Object({ outcome: Type.Enum(['returned', 'structural_solution'] as const), note: Note }, { additionalProperties: false }),
  replacement_decided: Type.Object({
    careContentReason: Type.Boolean(), ambulantOptionsExhausted: Type.Boolean(), swapCandidateTrajectoryId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    environmentSuitable: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])), corporationAgrees: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])), verySeriousEscalation: Type.Boolean(),
  }, { additionalProperties: false }),
  field_table_notified: Type.Object({ note: Note }, { additionalProperties: false }),
  closed: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }, { additionalProperties: false }),
};
const EventBody = Type.Object({ type: Type.Enum(EventTypes), occurredOn: IsoDateSchema, data: Type.Optional(Free) }, { additionalProperties: false });

export async function validateData(schema: ReturnType<typeof Type.Object>, data: unknown) {
  const { Value } = await import('typebox/value');
  const errs = [...Value.Errors(schema, data)];
  if (errs.length) {
    throw problem.validation(errs.map((e) => ({ field: `/data${e.instancePath}`, in: 'body' as const, code: 'invalid', message: `Ongeldige waarde (${e.message}).`, messageNl: `Ongeldige waarde (${e.message}).`, messageEn: `Invalid value (${e.message}).` })));
  }
}

/** The list's SQL scope: the relations the subject's role has a grant for (the detail's decision). */
function scopeWhere(s: Subject) {
  const scope = s.scope.length ? [...s.scope] : [NONE];
  return (eb: ExpressionBuilder<Database, 'nuisance_cases'>) => {
    const parts = [];
    if (s.role === 'care_worker' || s.role === 'team_manager') parts.push(eb('nuisance_cases.care_provider_id', 'in', scope));
    if (s.role === 'corporation_contact' || s.role === 'team_manager') parts.push(eb('nuisance_cases.corporation_id', 'in', scope));
    if (s.role === 'nuisance_hub_officer' || s.role === 'team_manager') parts.push(eb.and([eb('nuisance_cases.hub_involved', '=', true), eb('nuisance_cases.hub_id', 'in', scope)]));
    return parts.length ? eb.or(parts) : eb.val(false);
  };
}

export async function nuisanceRoutes(app: App) {
  const db = app.deps.database.db as Db;
  const clock = app.deps.clock;

  app.get('/nuisance/reports/related', {
    config: { action: 'nuisance_report.related', personalData: true },
    schema: {
      summary: 'Before a report is made: the open case of the address (a client, a dwelling or an address) and its earlier reports, so the new report is linked to it',
      querystring: Type.Object({ trajectoryId: Type.Optional(Uuid), dwellingId: Type.Optional(Uuid), postcode: Type.Optional(Type.String({ maxLength: 7 })), houseNumber: Type.Optional(Type.Integer({ minimum: 1 })), houseLetter: Type.Optional(Type.String({ maxLength: 1 })), addition: Type.Optional(Type.String({ maxLength: 4 })) }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req) => {
    const q = req.query;
    const s = subjectOf(req);
    const t = await resolveTarget(db, s, { trajectoryId: q.trajectoryId, dwellingId: q.dwellingId, address: q.postcode && q.houseNumber ? { postcode: q.postcode, houseNumber: q.houseNumber, houseLetter: q.houseLetter ?? null, addition: q.addition ?? null } : null });
    const hubId = await hubOf(db, t.municipalityId);
    const d = decide(s, 'nuisance_report.related', nuisanceResource({ careProviderId: t.careProviderId, corporationId: t.corporationId, municipalityId: t.municipalityId, hubId, hubInvolved: true }));
    if (!d.allowed) throw problem.forbidden(d.reason);
    const open = await db.selectFrom('nuisance_cases').selectAll().where('municipality_id', '=', t.municipalityId).where('address_key', '=', t.addressKey).where('closed_on', 'is', null).executeTakeFirst();
    let openCase: Record<string, unknown> | null = null;
    if (open) {
      const c = (await loadNuisanceCase(db as never, open.id, { forUpdate: false }))!;
      const rd = decide(s, 'nuisance_case.read', nuisanceResource(c));
      const party = rd.allowed ? partyOf(rd.relation) : null;
      const earlier = await reportsOf(db, c.id);
      openCase = { id: c.id, version: c.version, status: c.state.status, openedOn: c.openedOn, readable: rd.allowed, reports: rd.allowed ? earlier.map((r) => reportView(r, party, s.scope, c)) : [], reportCount: earlier.length };
      req.auditInfo = { resourceType: 'nuisance_case', resourceId: c.id, subjectOrganisationId: c.careProviderId, purpose: rd.purpose ?? d.purpose ?? undefined };
    }
    return { address: t.address, hasSupport: t.careProviderId !== null, openCase };
  });

  app.post('/nuisance/reports', {
    config: { action: 'nuisance_report.create', personalData: true },
    schema: {
      summary: 'A nuisance report from a channel (C1–C5): opens the address\'s case, or is linked to the open one when caseId confirms it (409 proposes the open case with its reports otherwise)',
      body: ReportBody, response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const b = req.body as Static<typeof ReportBody>;
    const s = subjectOf(req);
    const now = clock.now();
    const today = todayIn(clock);
    const result = await transact(app, async (trx) => {
      const t = await resolveTarget(trx, s, b.about);
      const hubId = await hubOf(trx, t.municipalityId);
      const d = decide(s, 'nuisance_report.create', nuisanceResource({ careProviderId: t.careProviderId, corporationId: t.corporationId, municipalityId: t.municipalityId, hubId, hubInvolved: true }));
      if (!d.allowed) {
        req.auditInfo = { resourceType: 'nuisance_report', details: { reason: d.reason } };
        throw problem.forbidden(d.reason);
      }
      const party = partyOf(d.relation) as 'care_provider' | 'corporation' | 'hub';
      if (!CHANNELS_BY_PARTY[party].includes(b.channel)) {
        throw problem.unprocessable('channel_not_yours', 'Deze melding komt niet binnen via dit kanaal van uw organisatie. Kies het kanaal waarlangs de melding binnenkwam.',
          'This report does not come in through this channel of your organisation. Choose the channel the report came in by.', 'R-OV-03', { allowed: CHANNELS_BY_PARTY[party] });
      }
      if (b.channel === 'C5' && !t.trajectoryId && party !== 'hub') {
        throw problem.unprocessable('c5_needs_resident', 'Een melding van de bewoner zelf hoort bij de bewoner: kies de cliënt.', 'A report by the resident belongs with the resident: choose the client.', 'R-OV-10');
      }
      const settings = await settingsOf(trx, t.municipalityId);
      let open = await trx.selectFrom('nuisance_cases').select(['id', 'version']).where('municipality_id', '=', t.municipalityId).where('address_key', '=', t.addressKey).where('closed_on', 'is', null).forUpdate().executeTakeFirst();
      if (open && b.caseId !== open.id) {
        // Reports that belong together: the open case of this address is proposed, with its earlier reports.
        const c = (await loadNuisanceCase(trx, open.id, { forUpdate: false }))!;
        const rd = decide(s, 'nuisance_case.read', nuisanceResource(c));
        const earlier = rd.allowed ? (await reportsOf(trx, c.id)).map((r) => reportView(r, partyOf(rd.relation), s.scope, c)) : [];
        throw problem.conflict('link_proposed', 'Op dit adres loopt al een overlastzaak. Koppel de melding aan die zaak; de eerdere meldingen staan erbij.',
          'There is an open nuisance case at this address. Link the report to that case; the earlier reports are shown with it.', { rule: 'R-OV-07', proposedCaseId: c.id, earlierReports: earlier });
      }
      if (!open && b.caseId) throw problem.conflict('case_not_open', 'Die zaak is niet (meer) open voor dit adres. Maak de melding zonder zaak: er wordt een nieuwe zaak geopend.', 'That case is not open for this address (any more). Report without a case: a new case is opened.');
      if (!open) {
        open = await trx.insertInto('nuisance_cases').values({
          municipality_id: t.municipalityId, hub_id: hubId, hub_involved: false, district_code: t.districtCode, district_name: t.districtName, address_key: t.addressKey, address: t.address,
          dwelling_id: t.dwellingId, trajectory_id: t.trajectoryId, care_provider_id: t.careProviderId, corporation_id: t.corporationId, has_support: t.careProviderId !== null,
          high_risk: (b.highRisk ?? false) || (await highRiskOf(trx, t.trajectoryId)), status: 'received', state: JSON.stringify({}), opened_on: today, created_by: s.userId, created_at: now, updated_at: now,
        }).returning(['id', 'version']).executeTakeFirstOrThrow();
      }
      const key = reporterKey(t.municipalityId, b.reporter);
      const rep = await trx.insertInto('nuisance_reports').values({
        municipality_id: t.municipalityId, case_id: open.id, channel: b.channel, nuisance_type: b.nuisanceType, description: b.description, occurred_at: b.occurredAt ?? null,
        received_at: now, received_on: today, reporter_name: b.reporter.name ?? null, reporter_phone: b.reporter.phone ?? null, reporter_email: b.reporter.email ?? null,
        reporter_relation: b.reporter.relation, reporter_key: key, counts_against_resident: b.channel !== 'C5', address_key: t.addressKey,
        care_provider_id: (await trx.selectFrom('nuisance_cases').select('care_provider_id').where('id', '=', open.id).executeTakeFirstOrThrow()).care_provider_id,
        reported_by: s.userId, reported_by_organisation_id: s.organisationId, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const facts: ReportFacts = { id: rep.id, channel: b.channel, nuisanceType: b.nuisanceType, occurredAt: b.occurredAt ?? null, receivedOn: today, reporterKey: key, countsAgainstResident: b.channel !== 'C5' };
      // The report is linked by the party that received it (the reporter's identity stays in the report row).
      const recorded = await recordNuisanceEvent(trx, open.id, { type: 'report_linked', occurredOn: today, data: { report: facts } }, () => nuisanceActor(s, party, d.purpose ?? null), {
        clock, settings, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, action: 'nuisance_report.create', details: { ...entry.details, reportId: rep.id, channel: b.channel }, outcome: 'success' }),
      });
      return { caseId: open.id, reportId: rep.id, version: recorded.version };
    });
    const c = (await loadNuisanceCase(db as never, result.caseId, { forUpdate: false }))!;
    const rd = decide(s, 'nuisance_case.read', nuisanceResource(c));
    setEtag(reply, c.version);
    return reply.status(201).send({
      reportId: result.reportId, caseId: result.caseId, version: c.version,
      case: rd.allowed ? await nuisanceCaseView(db, c, partyOf(rd.relation), s.scope, today, await settingsOf(db, c.municipalityId)) : null,
    });
  });

  app.get('/nuisance/reports/incoming', {
    config: { action: 'nuisance_case.list', personalData: true },
    schema: {
      summary: 'The care provider\'s central reporting point: incoming reports with the two-working-day clock (approach the reporter, inform the corporation), newest first',
      querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Array(Free), ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    const today = todayIn(clock);
    if (s.role !== 'care_worker' && s.role !== 'team_manager') return [];
    const since = new Date(clock.now().getTime() - (req.query.days ?? 30) * 86_400_000);
    const scope = s.scope.length ? [...s.scope] : [NONE];
    // The provider's newest reports by their own care provider column (migration 0017), then their cases.
    const rows = await db.selectFrom('nuisance_reports as r').innerJoin('nuisance_cases as c', 'c.id', 'r.case_id')
      .select(['r.id', 'r.channel', 'r.nuisance_type', 'r.description', 'r.occurred_at', 'r.received_at', 'r.received_on', 'r.reporter_name', 'r.reporter_phone', 'r.reporter_email', 'r.reporter_relation',
        'r.counts_against_resident', 'r.reported_by_organisation_id', 'c.id as case_id', 'c.address', 'c.status', 'c.state', 'c.care_provider_id', 'c.corporation_id', 'c.municipality_id', 'c.hub_id', 'c.hub_involved', 'c.has_support', 'c.high_risk'])
      .where('r.care_provider_id', 'in', scope).where('r.received_at', '>=', since)
      .orderBy('r.received_at', 'desc').limit(req.query.limit ?? 100).execute();
    const cal = await loadCalendar(db);
    const out = [];
    for (const r of rows) {
      const dec = decide(s, 'nuisance_case.read', nuisanceResource({ careProviderId: r.care_provider_id, corporationId: r.corporation_id, municipalityId: r.municipality_id, hubId: r.hub_id, hubInvolved: r.hub_involved }));
      if (!dec.allowed) continue;
      const state = r.state as unknown as LoadedNuisanceCase['state'];
      // A case whose state cache is not written yet (never by this module's own writes) has no clock to show.
      if (!Array.isArray(state.reports)) continue;
      const clockFor = deriveReportDeadlines(cal, { hasSupport: r.has_support, highRisk: r.high_risk }, state, r.id)
        .filter((d) => ['D-OV-01', 'D-OV-02', 'D-OV-03', 'D-OV-04'].includes(d.ruleId))
        .map((d) => ({ ruleId: d.ruleId, label: d.label, due: d.due, metOn: d.metOn, overdue: !d.metOn && !d.closedAs && d.due < today }));
      out.push({
        ...reportView(r as never, 'care_provider', s.scope), caseId: r.case_id, address: r.address, caseStatus: r.status,
        earlyWarningAt: earlyWarningAt(r.received_at.toISOString()), clock: clockFor,
      });
    }
    return out;
  });

  app.get('/nuisance/cases', {
    config: { action: 'nuisance_case.list', personalData: true },
    schema: {
      summary: 'Nuisance cases the caller may read (care provider: its residents; corporation: its dwellings; hub: reported to it), with the next deadline and flags',
      querystring: Type.Object({
        status: Type.Optional(Type.Enum(['open', 'closed', 'all'] as const)), district: Type.Optional(Type.String({ maxLength: 40 })),
        /** D-OV-14 / MZ-10: the complaints on record about one resident, before the lease goes to their own name. */
        trajectoryId: Type.Optional(Uuid),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Array(Free), ...ProblemResponses },
    },
  }, async (req) => {
    const s = subjectOf(req);
    const today = todayIn(clock);
    let q = db.selectFrom('nuisance_cases').select(['id', 'address', 'district_code', 'district_name', 'status', 'opened_on', 'closed_on', 'hub_involved', 'hub_lead', 'hub_id', 'care_provider_id', 'corporation_id', 'municipality_id', 'version', 'event_count',
      sql<number | null>`(state->>'action')::int`.as('action'), sql<string | null>`state->>'firstComplaintOn'`.as('first_complaint_on')])
      .where(scopeWhere(s));
    if (req.query.status !== 'all') q = req.query.status === 'closed' ? q.where('closed_on', 'is not', null) : q.where('closed_on', 'is', null);
    if (req.query.district) q = q.where('district_code', '=', req.query.district);
    if (req.query.trajectoryId) q = q.where('trajectory_id', '=', req.query.trajectoryId);
    const rows = await q.orderBy('opened_on', 'desc').orderBy('id').limit(req.query.limit ?? 200).execute();
    const ids = rows.map((r) => r.id);
    const next = ids.length
      ? await db.selectFrom('deadlines').select(['case_id', 'rule_id', 'due_date', 'organisation_id']).where('case_kind', '=', 'nuisance').where('case_id', 'in', ids)
        .where('met_on', 'is', null).where('closed_as', 'is', null).orderBy('due_date').execute()
      : [];
    return rows.flatMap((r) => {
      const dec = decide(s, 'nuisance_case.read', nuisanceResource({ careProviderId: r.care_provider_id, corporationId: r.corporation_id, municipalityId: r.municipality_id, hubId: r.hub_id, hubInvolved: r.hub_involved }));
      if (!dec.allowed) return [];
      const mine = next.filter((d) => d.case_id === r.id && (d.organisation_id === null || s.scope.includes(d.organisation_id)));
      const first = mine[0];
      return [{
        id: r.id, version: r.version, address: r.address, district: r.district_name ?? r.district_code, districtCode: r.district_code, status: r.status, openedOn: r.opened_on, closedOn: r.closed_on,
        hubInvolved: r.hub_involved, hubLead: r.hub_lead, action: r.action, firstComplaintOn: r.first_complaint_on, party: partyOf(dec.relation),
        next: first ? { ruleId: first.rule_id, due: first.due_date, overdue: first.due_date !== null && first.due_date < today } : null,
        overdueCount: mine.filter((d) => d.due_date !== null && d.due_date < today).length,
      }];
    });
  });

  app.get('/nuisance/cases/:id', {
    config: { action: 'nuisance_case.read', personalData: true },
    schema: { summary: 'One nuisance case as the caller\'s party is served it: reports, protocol state, checklists, deadlines, letters, flags, and the steps the caller can take now', params: IdParams, response: { 200: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const c = await loadNuisanceCase(db as never, req.params.id, { forUpdate: false });
    if (!c) throw problem.notFound('De overlastzaak', 'The nuisance case');
    const { s, party } = authorizeNuisance(req, c, 'nuisance_case.read');
    setEtag(reply, c.version);
    return nuisanceCaseView(db, c, party, s.scope, todayIn(clock), await settingsOf(db, c.municipalityId));
  });

  app.post('/nuisance/cases/:id/events', {
    config: { action: 'nuisance_case.record_event', personalData: true },
    schema: { summary: 'Record a step of the nuisance protocol (If-Match): refused with the rule and what is still needed when the agreements do not allow it yet; nothing is written then', params: IdParams, body: EventBody, response: { 201: Free, ...ProblemResponses } },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const b = req.body;
    const data = b.data ?? {};
    await validateData(EVENT_DATA[b.type], data);
    const input = { type: b.type, occurredOn: b.occurredOn, data } as NuisanceEventInput;
    const result = await transact(app, async (trx) => {
      const current = await loadNuisanceCase(trx, req.params.id, { forUpdate: false });
      if (!current) throw problem.notFound('De overlastzaak', 'The nuisance case');
      const settings = await settingsOf(trx, current.municipalityId);
      const recorded = await recordNuisanceEvent(trx, req.params.id, input, (c) => {
        const a = authorizeNuisance(req, c, 'nuisance_case.record_event');
        return nuisanceActor(a.s, a.party, a.purpose);
      }, { clock, settings, expectedVersion: expected, audit: (tx, entry) => recordAudit(app, tx, req, { ...entry, outcome: 'success' }) });
      return { version: recorded.version, status: recorded.case.state.status };
    });
    setEtag(reply, result.version);
    return reply.status(201).send(result);
  });
}
