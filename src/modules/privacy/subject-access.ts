/**
 * Right of access (AVG art. 15; R-OR-93): everything Thuisroute holds about one client, as JSON
 * and as a readable Dutch PDF. The client record with household, consents, every trajectory with
 * all events (corrections included), deadlines with their history and adjustments, the case team
 * (past members too), forms with every version and signature (attachments as metadata, never
 * their content), deletion requests, and the audit rows about the client, its trajectories,
 * consents, forms and deletion requests (who read or changed what, when, for which purpose).
 *
 * Only the care provider's team manager may export (policy action privacy.export, relation
 * case_care_provider); the export is itself audited (purpose case_management, details.export).
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { problem } from '../../platform/http/problem.ts';
import { IdParams, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { HookListener } from '../../platform/module.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { decide, type Action, type Purpose } from '../../domain/policy/index.ts';
import { PURPOSE_LABELS, type SharingPurpose } from '../../domain/privacy/visibility.ts';
import { TRANSITIONS, type EventType } from '../../domain/trajectories/index.ts';
import { FORM_DEFINITIONS, displayForm, formatDate, type DisplayAnswer, type FormKind } from '../../domain/forms/index.ts';
import { METHOD_LABELS, PARTY_LABELS } from '../../domain/forms/signatures.ts';
import { authorizeCase } from '../trajectories/index.ts';
import { loadTrajectory } from '../trajectories/index.ts';
import { loadClientView } from '../trajectories/index.ts';
import { PHASE_LABELS, deadlineView, type DeadlineRow } from '../trajectories/index.ts';
import { renderDocumentPdf } from '../forms/index.ts';

type Db = Kysely<Database>;

// ─── Authorisation on a client ──────────────────────────────────────────────

export interface ClientCase {
  clientId: string;
  careProviderId: string;
  trajectoryId: string | null;
  purpose: Purpose;
}

/**
 * Authorises a privacy action on a client through its latest trajectory (case relations and
 * purpose binding, as every case read). A client without a trajectory is judged on its care
 * provider alone. 404 when the client does not exist.
 */
export async function authorizeClient(db: Db, clock: Clock, req: FastifyRequest, clientId: string, action: Action): Promise<ClientCase> {
  const client = await db.selectFrom('clients').select(['id', 'care_provider_id']).where('id', '=', clientId).executeTakeFirst();
  if (!client) throw problem.notFound('De cliënt', 'The client');
  const latest = await db.selectFrom('trajectories').select('id').where('client_id', '=', clientId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (latest) {
    const t = await loadTrajectory(db, latest.id);
    if (!t) throw problem.notFound('De cliënt', 'The client');
    const access = await authorizeCase(db, clock, req, action, t);
    return { clientId, careProviderId: t.careProviderId, trajectoryId: t.id, purpose: access.purpose };
  }
  const d = decide(subjectOf(req), action, { case: { careProviderId: client.care_provider_id, corporationId: null, teamUserIds: [] }, organisationIds: [client.care_provider_id] });
  if (!d.allowed) {
    req.auditInfo = { resourceType: 'client', resourceId: clientId, subjectOrganisationId: client.care_provider_id, details: { reason: d.reason } };
    throw problem.forbidden(d.reason);
  }
  return { clientId, careProviderId: client.care_provider_id, trajectoryId: null, purpose: d.purpose ?? 'case_management' };
}

// ─── Collecting ──────────────────────────────────────────────────────────────

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

interface Named {
  id: string;
  name: string | null;
}

async function namesOf(db: Db, table: 'users' | 'organisations', ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Resource types whose audit rows can concern a client (resource id = client, trajectory, consent, form, …). */
const AUDIT_RESOURCE_TYPES = ['client', 'trajectory', 'consent', 'form', 'attachment', 'deletion_request', 'deadline'];

export async function collectSubjectAccess(db: Db, clock: Clock, clientId: string) {
  const today = todayIn(clock);
  const client = await loadClientView(db, clientId, 'care_provider');
  const clientRow = await db.selectFrom('clients').select(['care_provider_id', 'erased_at']).where('id', '=', clientId).executeTakeFirstOrThrow();

  const consents = await db.selectFrom('consents').selectAll().where('client_id', '=', clientId).orderBy('given_on').orderBy('recorded_at').execute();
  const trajectories = await db.selectFrom('trajectories').selectAll().where('client_id', '=', clientId).orderBy('started_on').orderBy('created_at').execute();
  const tIds = trajectories.map((t) => t.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const inT = tIds.length ? tIds : none;

  const [events, deadlines, adjustments, team, forms] = await Promise.all([
    db.selectFrom('trajectory_events').selectAll().where('trajectory_id', 'in', inT).orderBy('trajectory_id').orderBy('seq').execute(),
    db.selectFrom('deadlines').selectAll().where('case_kind', '=', 'trajectory').where('case_id', 'in', inT).orderBy('due_date').orderBy('key').execute(),
    db.selectFrom('deadline_adjustments').selectAll().where('case_kind', '=', 'trajectory').where('case_id', 'in', inT).orderBy('created_at').execute(),
    db.selectFrom('trajectory_team').selectAll().where('trajectory_id', 'in', inT).orderBy('added_at').execute(),
    db.selectFrom('forms').selectAll().where('trajectory_id', 'in', inT).orderBy('created_at').execute(),
  ]);
  const fIds = forms.map((f) => f.id);
  const inF = fIds.length ? fIds : none;
  const [versions, signatures, attachments, deletionRequests] = await Promise.all([
    db.selectFrom('form_versions').selectAll().where('form_id', 'in', inF).orderBy('form_id').orderBy('version').execute(),
    db.selectFrom('form_signatures').selectAll().where('form_id', 'in', inF).orderBy('created_at').execute(),
    // Attachment metadata only: the content column is never read here.
    db.selectFrom('attachments').select(['id', 'form_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at']).where('form_id', 'in', inF).orderBy('uploaded_at').execute(),
    db.selectFrom('deletion_requests').selectAll().where('client_id', '=', clientId).orderBy('requested_at').execute(),
  ]);

  const resourceIds = [clientId, ...tIds, ...fIds, ...consents.map((c) => c.id), ...attachments.map((a) => a.id), ...deletionRequests.map((d) => d.id)];
  const audit = await db
    .selectFrom('audit_log')
    .select(['seq', 'occurred_at', 'actor_user_id', 'actor_organisation_id', 'actor_role', 'action', 'resource_type', 'resource_id', 'purpose', 'outcome', 'details'])
    .where('resource_type', 'in', AUDIT_RESOURCE_TYPES)
    .where('resource_id', 'in', resourceIds)
    .orderBy('seq')
    .execute();

  const users = await namesOf(db, 'users', [
    ...consents.flatMap((c) => [c.explained_by, c.withdrawn_by]),
    ...events.map((e) => e.recorded_by),
    ...adjustments.map((a) => a.by_user_id),
    ...team.flatMap((m) => [m.user_id, m.added_by]),
    ...trajectories.map((t) => t.corporation_contact_id),
    ...forms.map((f) => f.created_by),
    ...versions.map((v) => v.saved_by),
    ...signatures.map((s) => s.signed_by_user),
    ...attachments.map((a) => a.uploaded_by),
    ...deletionRequests.flatMap((d) => [d.requested_by, d.revoked_by]),
    ...audit.map((a) => a.actor_user_id),
  ]);
  const orgs = await namesOf(db, 'organisations', [
    clientRow.care_provider_id,
    ...trajectories.flatMap((t) => [t.care_provider_id, t.corporation_id]),
    ...events.map((e) => e.recorded_by_organisation_id),
    ...team.map((m) => m.organisation_id),
    ...audit.map((a) => a.actor_organisation_id),
  ]);
  const user = (id: string | null): Named | null => (id ? { id, name: users.get(id) ?? null } : null);
  const org = (id: string | null): Named | null => (id ? { id, name: orgs.get(id) ?? null } : null);

  const superseded = new Set(events.filter((e) => e.corrects_event_id).map((e) => e.corrects_event_id!));

  return {
    format: 'thuisroute.subject-access.v1',
    legalBasis: 'AVG art. 15 (recht op inzage); omslagroute R-OR-93',
    generatedAt: clock.now().toISOString(),
    generatedOn: today,
    client: { ...client, careProvider: org(clientRow.care_provider_id), erasedAt: iso(clientRow.erased_at) },
    consents: consents.map((c) => ({
      id: c.id,
      purposes: c.purposes.map((p) => ({ id: p, ...(PURPOSE_LABELS[p as SharingPurpose] ?? { nl: p, en: p }) })),
      givenOn: c.given_on,
      explainedItems: json<string[]>(c.explained_items),
      explainedBy: user(c.explained_by),
      retention: c.retention,
      recordedAt: iso(c.recorded_at),
      withdrawnOn: c.withdrawn_on,
      withdrawnBy: user(c.withdrawn_by),
      withdrawnAt: iso(c.withdrawn_at),
      version: c.version,
    })),
    trajectories: trajectories.map((t) => ({
      id: t.id,
      careProvider: org(t.care_provider_id),
      corporation: org(t.corporation_id),
      corporationContact: user(t.corporation_contact_id),
      targetGroup: t.target_group,
      variant: t.variant,
      phase: t.phase,
      phaseLabel: PHASE_LABELS[t.phase as keyof typeof PHASE_LABELS] ?? { nl: t.phase, en: t.phase },
      status: t.status,
      exit: t.exit,
      startedOn: t.started_on,
      dwellingAddress: t.dwelling_address,
      derivedState: json<Record<string, unknown>>(t.state),
      version: t.version,
      createdAt: iso(t.created_at),
      updatedAt: iso(t.updated_at),
      events: events
        .filter((e) => e.trajectory_id === t.id)
        .map((e) => ({
          id: e.id,
          seq: e.seq,
          type: e.type,
          label: TRANSITIONS[e.type as EventType]?.label ?? { nl: e.type, en: e.type },
          occurredOn: e.occurred_on,
          data: json<Record<string, unknown>>(e.data),
          correctsEventId: e.corrects_event_id,
          superseded: superseded.has(e.id),
          recordedBy: user(e.recorded_by),
          recordedByOrganisation: org(e.recorded_by_organisation_id),
          recordedAt: iso(e.recorded_at),
        })),
      deadlines: deadlines
        .filter((d) => d.case_id === t.id)
        .map((d) => ({
          ...deadlineView(d as unknown as DeadlineRow, today),
          adjustments: adjustments
            .filter((a) => a.case_id === t.id && a.key === d.key)
            .map((a) => ({ id: a.id, kind: a.kind, from: a.from_date, until: a.until_date, newDue: a.new_due, reason: a.reason, by: user(a.by_user_id), createdAt: iso(a.created_at) })),
        })),
      team: team
        .filter((m) => m.trajectory_id === t.id)
        .map((m) => ({ id: m.id, user: user(m.user_id), organisation: org(m.organisation_id), caseRole: m.case_role, addedBy: user(m.added_by), addedAt: iso(m.added_at), removedAt: iso(m.removed_at) })),
      forms: forms
        .filter((f) => f.trajectory_id === t.id)
        .map((f) => ({
          id: f.id,
          kind: f.kind,
          title: FORM_DEFINITIONS[f.kind as FormKind]?.title ?? { nl: f.kind, en: f.kind },
          definitionVersion: f.definition_version,
          status: f.status,
          data: json<Record<string, unknown>>(f.data),
          version: f.version,
          createdBy: user(f.created_by),
          createdAt: iso(f.created_at),
          updatedAt: iso(f.updated_at),
          versions: versions
            .filter((v) => v.form_id === f.id)
            .map((v) => ({ version: v.version, data: json<Record<string, unknown>>(v.data), contentHash: v.content_hash, savedBy: user(v.saved_by), savedAt: iso(v.saved_at) })),
          signatures: signatures
            .filter((s) => s.form_id === f.id)
            .map((s) => ({ id: s.id, formVersion: s.form_version, contentHash: s.content_hash, party: s.party, name: s.name, function: s.function, signedOn: s.signed_on, signedBy: user(s.signed_by_user), method: s.method, createdAt: iso(s.created_at) })),
          attachments: attachments
            .filter((a) => a.form_id === f.id)
            .map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, sizeBytes: a.size_bytes, sha256: a.sha256, uploadedBy: user(a.uploaded_by), uploadedAt: iso(a.uploaded_at) })),
        })),
    })),
    deletionRequests: deletionRequests.map((d) => ({
      id: d.id, status: d.status, reason: d.reason, requestedBy: user(d.requested_by), requestedAt: iso(d.requested_at), effectiveOn: d.effective_on,
      revokedBy: user(d.revoked_by), revokedAt: iso(d.revoked_at), executedAt: iso(d.executed_at), version: d.version,
    })),
    audit: audit.map((a) => ({
      seq: String(a.seq),
      occurredAt: iso(a.occurred_at),
      actor: a.actor_user_id || a.actor_organisation_id ? { user: user(a.actor_user_id), organisation: org(a.actor_organisation_id), role: a.actor_role } : null,
      action: a.action,
      resourceType: a.resource_type,
      resourceId: a.resource_id,
      purpose: a.purpose,
      outcome: a.outcome,
      details: json<Record<string, unknown>>(a.details),
    })),
    // What other modules keep about the client (e.g. the nuisance protocol), each as its listener gives it.
    modules: await moduleSections(db, clientId, tIds),
  };
}

/** One module's share of the export: its items for the JSON and its rows for the PDF, in plain Dutch. */
export interface SubjectAccessSection {
  key: string;
  heading: string;
  items: ReadonlyArray<Record<string, unknown>>;
  rows: Array<[string, string]>;
}

/**
 * The `subjectAccess` hook point: a module with data about the client of its own (the nuisance
 * protocol) adds its section to the right-of-access export. The listener decides what the client
 * may see (e.g. never a reporter's identity) and must not fail on the caller's behalf.
 */
export type SubjectAccessHook = (db: Db, ctx: { clientId: string; trajectoryIds: string[] }) => Promise<SubjectAccessSection | null>;

declare module '../../platform/module.ts' {
  interface HookPoints {
    subjectAccess: SubjectAccessHook;
  }
}

let subjectAccessHooks: ReadonlyArray<HookListener<SubjectAccessHook>> = [];

/** Called by the composition root with every module's subject-access listener. */
export function acceptSubjectAccessListeners(wired: ReadonlyArray<HookListener<SubjectAccessHook>>) {
  subjectAccessHooks = wired;
}

async function moduleSections(db: Db, clientId: string, trajectoryIds: string[]): Promise<SubjectAccessSection[]> {
  const out: SubjectAccessSection[] = [];
  for (const h of subjectAccessHooks) {
    const section = await h.run(db, { clientId, trajectoryIds });
    if (section) out.push(section);
  }
  return out;
}

export type SubjectAccessExport = Awaited<ReturnType<typeof collectSubjectAccess>>;

// ─── The readable PDF (Dutch) ─────────────────────────────────────────────────

const dateNl = (d: string | null | undefined) => (d ? formatDate(d, 'nl') : '—');
const timestampFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timestampNl = (d: string | null | undefined) => (d ? timestampFmt.format(new Date(d)) : '—');
const yesNo = (b: unknown) => (b ? 'ja' : 'nee');
const nameOf = (n: Named | null) => (n ? (n.name ?? n.id) : '—');

const KIND_LABELS: Record<string, string> = { partner: 'Partner', child: 'Kind', other: 'Overig huisgenoot' };
const CASE_ROLE_LABELS: Record<string, string> = { personal_supervisor: 'Persoonlijk begeleider', colleague: 'Collega', corporation_contact: 'Contactpersoon corporatie', external: 'Extern' };
const STATUS_LABELS: Record<string, string> = { open: 'open', met: 'behaald', missed: 'te laat', cancelled: 'vervallen', waived: 'afgezien (maatwerk)' };
const FORM_STATUS_LABELS: Record<string, string> = { draft: 'concept', submitted: 'ingediend', final: 'definitief' };
const DELETION_STATUS_LABELS: Record<string, string> = { pending: 'wacht op uitvoering', revoked: 'ingetrokken', executed: 'uitgevoerd' };
const OUTCOME_LABELS: Record<string, string> = { success: 'gelukt', denied: 'geweigerd', failure: 'mislukt' };
const ROLE_LABELS: Record<string, string> = {
  care_worker: 'begeleider', team_manager: 'teammanager', independent_reviewer: 'onafhankelijk toetser', corporation_contact: 'contactpersoon corporatie',
  wonen_officer: 'medewerker Wonen', nuisance_hub_officer: 'medewerker meldpunt', programme_analyst: 'analist', org_admin: 'beheerder', platform_admin: 'platformbeheerder', platform_editor: 'redacteur',
};
const PURPOSE_NL: Record<string, string> = { case_management: 'eigen begeleiding (zorgaanbieder)', ...Object.fromEntries(Object.entries(PURPOSE_LABELS).map(([k, v]) => [k, `${k} ${v.nl}`])) };
const ACTION_LABELS: Record<string, string> = {
  'client.create': 'cliënt geregistreerd', 'client.read': 'cliëntgegevens bekeken', 'client.update': 'cliëntgegevens gewijzigd',
  'trajectory.create': 'traject gestart', 'trajectory.read': 'traject bekeken', 'trajectory.record_event': 'stap vastgelegd',
  'trajectory.team_add': 'teamlid toegevoegd', 'trajectory.team_remove': 'teamlid verwijderd', 'trajectory.assign_corporation': 'corporatie toegewezen',
  'deadline.adjust': 'termijn aangepast', 'consent.record': 'toestemming vastgelegd', 'consent.read': 'toestemming bekeken', 'consent.withdraw': 'toestemming ingetrokken',
  'form.read': 'formulier bekeken', 'form.write': 'formulier gewijzigd', 'form.sign': 'formulier ondertekend',
  'privacy.export': 'inzageoverzicht gemaakt', 'privacy.deletion': 'verwijderverzoek bekeken', 'privacy.deletion_request': 'verzoek tot verwijderen ingediend',
  'privacy.deletion_revoke': 'verzoek tot verwijderen ingetrokken', 'privacy.erase': 'gegevens gewist',
};
const DATA_KEY_LABELS: Record<string, string> = {
  address: 'Adres', newAddress: 'Nieuw adres', availableOn: 'Beschikbaar per', reason: 'Reden', reasons: 'Redenen', motivation: 'Motivering', goals: 'Doelen',
  outcome: 'Uitkomst', atDwelling: 'In de woning', verdict: 'Oordeel', contractType: 'Soort huurcontract', circumstances: 'Omstandigheden', nuisanceRisk: 'Overlastrisico',
  preferredNeighbourhoods: 'Voorkeurswijken', excludedNeighbourhoods: 'Uitgesloten wijken', network: 'Netwerk', finances: 'Financiën', aftercareNeeds: 'Nazorg',
  plannedOn: 'Gepland op', occurredOn: 'Datum', reply: 'Reactie', place: 'Plaats', facility: 'Voorziening', contactName: 'Contactpersoon', contactPhone: 'Telefoon contactpersoon',
  variant: 'Variant', consentId: 'Toestemming', formId: 'Formulier', goalId: 'Doel', achieved: 'Behaald', substantiation: 'Onderbouwing', text: 'Omschrijving',
};

function describeValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return yesNo(v);
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateNl(v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => describeValue(x, depth + 1)).join(depth ? '; ' : '\n') : '—';
  if (typeof v === 'object' && depth < 4) {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${DATA_KEY_LABELS[k] ?? k}: ${describeValue(x, depth + 1)}`)
      .join(depth ? ', ' : '\n');
  }
  return JSON.stringify(v);
}

function answerText(a: DisplayAnswer): string {
  if (a.kind === 'empty') return '—';
  if (a.kind === 'text') return a.text;
  return [a.head.join(' | '), ...a.rows.map((r) => r.join(' | '))].join('\n');
}

function formContentRows(kind: string, data: Record<string, unknown>): Array<[string, string]> {
  const def = FORM_DEFINITIONS[kind as FormKind];
  if (!def) return Object.keys(data).length ? [['Inhoud', describeValue(data)]] : [];
  try {
    return displayForm(def, data as never, 'nl').flatMap((s) => s.fields.filter((f) => f.answer.kind !== 'empty').map((f): [string, string] => [`${s.title} — ${f.label}`, answerText(f.answer)]));
  } catch {
    return Object.keys(data).length ? [['Inhoud', describeValue(data)]] : [];
  }
}

/** The PDF renders at most this many audit rows; the JSON export has them all. */
const PDF_AUDIT_LIMIT = 2000;

export function subjectAccessSections(x: SubjectAccessExport): Array<{ heading: string; rows: Array<[string, string]> }> {
  const c = x.client as Record<string, unknown> & { household?: Array<{ kind: string; name: string | null; birthDate: string | null }> };
  const sections: Array<{ heading: string; rows: Array<[string, string]> }> = [];
  sections.push({
    heading: 'Over dit overzicht',
    rows: [
      ['Wat is dit?', 'Een overzicht van alle gegevens die in Thuisroute over u zijn vastgelegd, en wie ze heeft bekeken of gewijzigd. U heeft recht op inzage (AVG artikel 15).'],
      ['Aangemaakt op', timestampNl(x.generatedAt)],
      ['Zorgaanbieder', nameOf(x.client.careProvider)],
      ['Vragen?', 'Neem contact op met uw persoonlijk begeleider of de teammanager van uw zorgaanbieder. U kunt ook bezwaar maken, uw toestemming intrekken of vragen om gegevens te verwijderen.'],
    ],
  });
  const erased = Boolean(c.erased);
  sections.push({
    heading: 'Uw persoonsgegevens',
    rows: [
      ...(erased ? [['Gewist', `Uw persoonsgegevens zijn gewist op ${timestampNl(x.client.erasedAt)}. Alleen gegevens zonder persoonsgegevens zijn bewaard.`] as [string, string]] : []),
      ['Voornaam', String(c.firstName ?? '')],
      ['Achternaam', String(c.lastName ?? '')],
      ['Geboortedatum', c.birthDate ? dateNl(String(c.birthDate)) : ''],
      ['Telefoon', String(c.phone ?? '')],
      ['E-mail', String(c.email ?? '')],
      ['Adres', String(c.address ?? '')],
      ['WoningNet-nummer', String(c.woningnetNumber ?? '')],
      ['Ingeschreven bij WoningNet sinds', c.woningnetRegisteredOn ? dateNl(String(c.woningnetRegisteredOn)) : ''],
      ['Eerdere WoningNet-inschrijving', c.oldWoningnetNumber ? `${String(c.oldWoningnetNumber)} (sinds ${dateNl(c.oldWoningnetRegisteredOn as string | null)})` : ''],
      ['Doelgroep', String(c.targetGroup ?? '')],
      ['Multiprobleemgezin', yesNo(c.multiProblemFamily)],
      ['Geregistreerd op', timestampNl(c.createdAt as string | undefined)],
    ],
  });
  sections.push({
    heading: 'Uw huishouden',
    rows: (c.household ?? []).length
      ? (c.household ?? []).map((h): [string, string] => [KIND_LABELS[h.kind] ?? h.kind, `${h.name ?? '—'}${h.birthDate ? `, geboren ${dateNl(h.birthDate)}` : ''}`])
      : [['Huisgenoten', 'Geen huisgenoten vastgelegd.']],
  });
  sections.push({
    heading: 'Uw toestemming',
    rows: x.consents.length
      ? x.consents.map((k): [string, string] => [
          `Toestemming van ${dateNl(k.givenOn)}`,
          [
            `Doelen: ${k.purposes.map((p) => `${p.id} ${p.nl}`).join('; ')}`,
            `Uitgelegd: ${k.explainedItems.join(', ') || '—'} (door ${nameOf(k.explainedBy)})`,
            `Bewaartermijn: ${k.retention}`,
            k.withdrawnOn ? `Ingetrokken op ${dateNl(k.withdrawnOn)}` : 'Niet ingetrokken',
          ].join('\n'),
        ])
      : [['Toestemming', 'Er is geen toestemming vastgelegd.']],
  });
  for (const t of x.trajectories) {
    const title = `Traject vanaf ${dateNl(t.startedOn)}`;
    sections.push({
      heading: title,
      rows: [
        ['Zorgaanbieder', nameOf(t.careProvider)],
        ['Woningcorporatie', t.corporation ? `${nameOf(t.corporation)}${t.corporationContact ? ` (contactpersoon ${nameOf(t.corporationContact)})` : ''}` : '—'],
        ['Fase', `${t.phaseLabel.nl}${t.status === 'closed' ? ' (traject afgesloten)' : ''}`],
        ['Variant', t.variant],
        ['Woning', t.dwellingAddress ?? ''],
      ],
    });
    sections.push({
      heading: `${title}: wat er is gebeurd`,
      rows: t.events.map((e): [string, string] => [
        `${e.seq}. ${e.label.nl}${e.superseded ? ' (later gecorrigeerd)' : ''}`,
        [`${dateNl(e.occurredOn)} — vastgelegd door ${nameOf(e.recordedBy)} (${nameOf(e.recordedByOrganisation)}) op ${timestampNl(e.recordedAt)}`, ...(Object.keys(e.data).length ? [describeValue(e.data)] : [])].join('\n'),
      ]),
    });
    if (t.deadlines.length) {
      sections.push({
        heading: `${title}: termijnen`,
        rows: t.deadlines.map((d): [string, string] => [
          `${d.ruleId} ${d.label.nl}`,
          [
            `Uiterlijk: ${dateNl(d.due)}${d.originalDue && d.originalDue !== d.due ? ` (oorspronkelijk ${dateNl(d.originalDue)})` : ''} — ${STATUS_LABELS[d.status] ?? d.status}${d.metOn ? `, gedaan op ${dateNl(d.metOn)}` : ''}`,
            ...d.adjustments.map((a) => `${a.kind === 'pause' ? 'Opgeschort' : a.kind === 'resume' ? 'Hervat' : 'Verlengd'} op ${timestampNl(a.createdAt)} door ${nameOf(a.by)}: ${a.reason}`),
          ].join('\n'),
        ]),
      });
    }
    sections.push({
      heading: `${title}: wie er bij betrokken zijn of waren`,
      rows: t.team.map((m): [string, string] => [nameOf(m.user), `${CASE_ROLE_LABELS[m.caseRole] ?? m.caseRole}, ${nameOf(m.organisation)}; vanaf ${timestampNl(m.addedAt)}${m.removedAt ? ` tot ${timestampNl(m.removedAt)}` : ''}`]),
    });
    for (const f of t.forms) {
      sections.push({
        heading: `${title}: ${f.kind} ${f.title.nl}`,
        rows: [
          ['Status', `${FORM_STATUS_LABELS[f.status] ?? f.status}, versie ${f.version}, laatst gewijzigd ${timestampNl(f.updatedAt)}`],
          ['Versies', f.versions.map((v) => `versie ${v.version}: ${timestampNl(v.savedAt)} door ${nameOf(v.savedBy)}`).join('\n') || '—'],
          ...formContentRows(f.kind, f.data),
          ['Handtekeningen', f.signatures.map((s) => `${PARTY_LABELS[s.party as keyof typeof PARTY_LABELS]?.nl ?? s.party}: ${s.name}${s.function ? ` (${s.function})` : ''}, ${dateNl(s.signedOn)}, versie ${s.formVersion} — ${METHOD_LABELS[s.method as keyof typeof METHOD_LABELS]?.nl ?? s.method}`).join('\n') || '—'],
          ['Bijlagen', f.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.sizeBytes} bytes), ${timestampNl(a.uploadedAt)}`).join('\n') || '—'],
        ],
      });
    }
  }
  if (x.deletionRequests.length) {
    sections.push({
      heading: 'Verzoeken om gegevens te verwijderen',
      rows: x.deletionRequests.map((d): [string, string] => [
        `Verzoek van ${timestampNl(d.requestedAt)}`,
        `${DELETION_STATUS_LABELS[d.status] ?? d.status}; ingangsdatum ${dateNl(d.effectiveOn)}; reden: ${d.reason}${d.revokedAt ? `; ingetrokken ${timestampNl(d.revokedAt)}` : ''}${d.executedAt ? `; uitgevoerd ${timestampNl(d.executedAt)}` : ''}`,
      ]),
    });
  }
  const audit = x.audit.slice(-PDF_AUDIT_LIMIT);
  sections.push({
    heading: 'Wie uw gegevens heeft bekeken of gewijzigd',
    rows: [
      ...(x.audit.length > audit.length ? [['Let op', `Alleen de laatste ${audit.length} van ${x.audit.length} regels staan hier; het digitale overzicht (JSON) bevat ze allemaal.`] as [string, string]] : []),
      ...audit.map((a): [string, string] => [
        timestampNl(a.occurredAt),
        `${a.actor ? `${nameOf(a.actor.user)}${a.actor.role ? ` (${ROLE_LABELS[a.actor.role] ?? a.actor.role}` : ' ('}${a.actor.organisation ? `, ${nameOf(a.actor.organisation)})` : ')'}` : 'Thuisroute (automatisch)'} — ${ACTION_LABELS[a.action] ?? a.action}${a.purpose ? ` — doel: ${PURPOSE_NL[a.purpose] ?? a.purpose}` : ''} — ${OUTCOME_LABELS[a.outcome] ?? a.outcome}`,
      ]),
    ],
  });
  for (const m of x.modules) sections.push({ heading: m.heading, rows: m.rows });
  return sections;
}

export async function renderSubjectAccessPdf(x: SubjectAccessExport, opts: { compress?: boolean } = {}): Promise<Buffer> {
  return renderDocumentPdf(
    {
      title: 'Inzage in uw gegevens',
      subtitle: 'Alle gegevens die Thuisroute over u bewaart (AVG artikel 15)',
      sections: subjectAccessSections(x),
      lang: 'nl',
      headerRight: 'Vertrouwelijk',
      generatedOn: x.generatedOn,
    },
    opts.compress === undefined ? {} : { compress: opts.compress },
  );
}

// ─── Routes ──────────────────────────────────────────────────────────────────

export async function subjectAccessRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  const prepare = async (req: FastifyRequest, clientId: string, format: 'json' | 'pdf') => {
    const cc = await authorizeClient(db, clock, req, clientId, 'privacy.export');
    const data = await collectSubjectAccess(db, clock, clientId);
    req.auditInfo = { resourceType: 'client', resourceId: clientId, subjectOrganisationId: cc.careProviderId, purpose: 'case_management', details: { export: true, format } };
    return data;
  };

  app.get('/clients/:id/export', {
    config: { action: 'privacy.export', personalData: true, resourceType: 'client' },
    schema: {
      tags: ['privacy'],
      summary: 'Right of access (AVG art. 15, R-OR-93): everything about the client as JSON: record, household, consents, trajectories with all events, deadlines, team, forms with versions and signatures, deletion requests and the audit trail about the client',
      params: IdParams,
      response: { 200: Type.Record(Type.String(), Type.Unknown()), ...ProblemResponses },
    },
  }, async (req, reply) => {
    const data = await prepare(req, req.params.id, 'json');
    reply.header('cache-control', 'no-store');
    reply.header('content-disposition', `attachment; filename="inzage-${req.params.id}.json"`);
    return data;
  });

  app.get('/clients/:id/export.pdf', {
    config: { action: 'privacy.export', personalData: true, resourceType: 'client' },
    schema: {
      tags: ['privacy'],
      summary: 'Right of access (AVG art. 15, R-OR-93): the same export as a readable Dutch PDF',
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }), ...ProblemResponses },
    },
  }, async (req, reply) => {
    const data = await prepare(req, req.params.id, 'pdf');
    const pdf = await renderSubjectAccessPdf(data);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="inzage-${req.params.id}.pdf"`)
      .type('application/pdf')
      .send(pdf);
  });
}
