/**
 * The three-party forms over HTTP (omslagroute.md §7): F-1 supplement, F-2 evaluation form,
 * F-3 nomination, F-4 support plan. Drafts are saved with If-Match (optimistic concurrency:
 * every save is a new, immutable version); submitting validates completely (R-OR-62); each
 * party signs the current version (R-OR-38); a change after signing is a new version and the
 * old signatures no longer count (R-OR-50). What a viewer sees follows §8.3 (sharing.ts).
 * Every write is audited in its transaction, every read of form data with its purpose.
 */
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import multipart from '@fastify/multipart';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, languageOf, problem, type FieldError } from '../../platform/http/problem.ts';
import { recordAudit, requireIfMatch, setEtag, transact, type Trx } from '../../platform/http/tx.ts';
import { IdParams, IsoDateSchema, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn } from '../../platform/clock.ts';
import { contentDisposition, pdfFileName } from '../../platform/pdf.ts';
import {
  FORM_KINDS, SIGNATURE_METHODS, evaluationFromForm, SIGNATURE_PARTIES, canonicalJson, checkSignature, formatDate, pruneHiddenFields, signatureStatus, statusAfterSigning, validateForm, versionAfterEdit,
  type FormDefinition, type FormError, type FormKind, type FormSignature, type Lang, type SignatureMethod, type SignatureParty, type SignatureStatus, type SignatureViolation,
} from '../../domain/forms/index.ts';
import { FORM_PURPOSES, type Viewer } from '../../domain/privacy/visibility.ts';
import { authorizeCase, loadTrajectory, type CaseAccess, type LoadedTrajectory } from '../trajectories/index.ts';
import { renderFormPdf } from './pdf.ts';
import { dataFor, definitionFor, requireFilledInByCareProvider, requireSharing, formSharing, type FormCopy } from './sharing.ts';
import { formStartContext, formStartRefusal, startProblem } from './start.ts';
import { formStartOptions } from '../../domain/forms/start.ts';
import {
  contentHash, currentHashes, definitionOf, insertVersion, loadForm, loadForms, nominationDecisions, prefill, prefillContext, recordAutomaticEvent, reviewerIds, signaturesOf, userNames,
  validationContext, withoutReadOnly, type AutomaticEvent, type FormRecord, type StoredSignature,
} from './repository.ts';
import { attachmentRoutes } from './attachments.ts';
import { summaryPdf } from './summary.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const PurposeQuery = { purpose: Type.Optional(Type.String({ maxLength: 40, description: 'PB-1 … PB-8 for parties outside the care provider (purpose binding)' })) };
const LangQuery = { lang: Type.Optional(Type.Enum(['nl', 'en'] as const, { description: 'Language of the document; Dutch by default' })) };

const TITLES: Record<FormKind, string> = { 'F-1': 'supplement', 'F-2': 'woonevaluatie', 'F-3': 'voordracht-omklap', 'F-4': 'begeleidingsplan' };

/**
 * Attaching a PDF: inline for reading (the web app opens it in a new tab), never cached (personal
 * data), under a Dutch file name for saving ("woonevaluatie-jan-jansen-2026-12-04.pdf"; RFC 6266
 * filename* keeps accents, filename has an ASCII fallback).
 */
export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string, cache = 'no-store') {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(filename, 'inline'))
    .header('cache-control', cache)
    .send(pdf);
}

export function trajectoryLabel(t: Pick<LoadedTrajectory, 'startedOn'>, lang: Lang): string {
  return lang === 'nl' ? `Omslagroute, gestart ${formatDate(t.startedOn, 'nl')}` : `Omslagroute, started ${formatDate(t.startedOn, 'en')}`;
}

export function clientNameOf(t: LoadedTrajectory): string {
  return t.client.erased ? '—' : [t.client.firstName, t.client.lastName].filter(Boolean).join(' ');
}

/** A 422 naming every field (by id) and the rules it breaks; nothing was written. */
function formErrorsProblem(code: string, errors: FormError[], where: 'body' | 'form', nl: string, en: string): Problem {
  const ids = [...new Set(errors.map((e) => e.field))];
  const rules = [...new Set(errors.map((e) => e.rule).filter((r): r is string => !!r))];
  const list = ids.slice(0, 12).join(', ') + (ids.length > 12 ? ', …' : '');
  const fieldErrors: FieldError[] = errors.map((e) => ({
    field: e.field === '$root' ? `/data${e.path ? `/${e.path}` : ''}` : `/data/${e.field}`,
    in: where,
    code: e.code,
    message: e.nl,
    messageNl: e.nl,
    messageEn: e.en,
  }));
  return new Problem({
    status: 422,
    code,
    titleNl: 'Het formulier is niet compleet of niet juist ingevuld',
    titleEn: 'The form is incomplete or not filled in correctly',
    detailNl: `${nl} Velden: ${list}.`,
    detailEn: `${en} Fields: ${list}.`,
    ...(rules[0] ? { rule: rules[0] } : {}),
    errors: fieldErrors,
    extra: { fields: ids, rules, formErrors: errors },
  });
}

/** A reason a signature is refused: the domain's violations and the shell's signer rules. */
type Refusal = Omit<SignatureViolation, 'code'> & { code: SignatureViolation['code'] | 'party_not_yours' | 'method_not_allowed' | 'signed_on_in_future' };

function signatureProblem(violations: Refusal[], currentVersion: number): Problem {
  const stale = violations.find((v) => v.code === 'stale_version' || v.code === 'unknown_version');
  const rule = stale?.rule ?? violations.find((v) => v.rule)?.rule ?? undefined;
  return new Problem({
    status: stale ? 409 : 422,
    code: stale ? stale.code : 'signature_refused',
    titleNl: stale ? 'Deze versie is niet (meer) de huidige' : 'Ondertekening niet mogelijk',
    titleEn: stale ? 'This version is not the current one' : 'Signature not possible',
    detailNl: violations.map((v) => (v.rule ? `${v.nl} (${v.rule})` : v.nl)).join(' '),
    detailEn: violations.map((v) => (v.rule ? `${v.en} (${v.rule})` : v.en)).join(' '),
    ...(rule ? { rule } : {}),
    errors: violations.map((v) => ({ field: '/', in: 'body', code: v.code, message: v.nl, messageNl: v.nl, messageEn: v.en })),
    extra: { violations: violations.map((v) => ({ code: v.code, rule: v.rule })), currentVersion },
  });
}

/** Who may sign as which party, and how (R-OR-38): each organisation signs for itself; the care worker records the client's signature. */
function signerViolations(viewer: Viewer, party: SignatureParty, method: SignatureMethod): Refusal[] {
  const out: Refusal[] = [];
  const v = (code: Refusal['code'], nl: string, en: string) => out.push({ code, rule: 'R-OR-38', nl, en });
  if (viewer === 'corporation') {
    if (party !== 'corporation') v('party_not_yours', 'De woningcorporatie ondertekent alleen voor zichzelf.', 'The housing corporation signs only for itself.');
    else if (method !== 'own_account') v('method_not_allowed', 'De woningcorporatie ondertekent met het eigen account.', 'The housing corporation signs with its own account.');
  } else if (viewer === 'care_provider') {
    if (party === 'corporation') v('party_not_yours', 'De woningcorporatie ondertekent zelf; de zorgaanbieder kan dat niet namens haar doen.', 'The housing corporation signs itself; the care provider cannot do that on its behalf.');
    else if (party === 'care_provider' && method !== 'own_account') v('method_not_allowed', 'De zorgaanbieder ondertekent met het eigen account.', 'The care provider signs with its own account.');
    else if (party === 'client' && method === 'own_account') {
      v('method_not_allowed', 'De handtekening van de bewoner wordt namens de bewoner vastgelegd: kies hoe de bewoner akkoord gaf.', "The resident's signature is recorded on the resident's behalf: choose how the resident agreed.");
    }
  } else {
    v('party_not_yours', 'Uw organisatie ondertekent dit formulier niet.', 'Your organisation does not sign this form.');
  }
  return out;
}

function signatureView(s: StoredSignature, names: Map<string, string>) {
  return {
    id: s.id, party: s.party, name: s.name, function: s.function ?? null, signedOn: s.signedOn, method: s.method, formVersion: s.formVersion,
    contentHash: s.contentHash, recordedBy: names.get(s.signedByUser) ?? null, recordedAt: s.createdAt,
  };
}

function signatureSummary(def: FormDefinition, st: SignatureStatus, names: Map<string, string>) {
  return {
    requiresSignatures: st.requiresSignatures,
    parties: def.signatureParties,
    final: st.final,
    missing: st.missing,
    valid: (st.valid as StoredSignature[]).map((s) => signatureView(s, names)),
    stale: (st.stale as StoredSignature[]).map((s) => signatureView(s, names)),
  };
}

function progressOf(def: FormDefinition, data: Record<string, unknown>, t: LoadedTrajectory) {
  const r = validateForm(def, pruneHiddenFields(def, data), 'submit', validationContext(t));
  return {
    complete: r.complete,
    sections: r.sections.map((s) => ({ ...s, title: def.sections.find((x) => x.id === s.id)?.title ?? { nl: s.id, en: s.id } })),
    errors: r.errors,
  };
}

export async function formRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  const mustLoadTrajectory = async (conn: Db, id: string, forUpdate = false): Promise<LoadedTrajectory> => {
    const t = await loadTrajectory(conn, id, { forUpdate });
    if (!t) throw problem.notFound('Het traject', 'The trajectory');
    return t;
  };
  const mustLoadForm = async (conn: Db, id: string, forUpdate = false): Promise<FormRecord> => {
    const f = await loadForm(conn, id, { forUpdate });
    if (!f) throw problem.notFound('Het formulier', 'The form');
    return f;
  };

  /** A form read: the case access (purpose binding), then what the viewer may see of this form. */
  const readable = async (req: FastifyRequest, formId: string) => {
    const form = await mustLoadForm(db, formId);
    const t = await mustLoadTrajectory(db, form.trajectoryId);
    const access = await authorizeCase(db, clock, req, 'form.read', t, FORM_PURPOSES[form.kind]);
    const copy = requireSharing(access, form.kind, form.status, t);
    req.auditInfo = { resourceType: 'form', resourceId: form.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, details: { kind: form.kind, version: form.version, copy } };
    return { form, t, access, copy };
  };

  /**
   * A form write in a transaction: the trajectory is locked first (the order every case write
   * uses), then the form row; the case access and the form's visibility are checked.
   */
  const writable = async (trx: Trx, req: FastifyRequest, formId: string, action: 'form.write' | 'form.sign') => {
    const peek = await mustLoadForm(trx, formId);
    const t = await mustLoadTrajectory(trx, peek.trajectoryId, true);
    const form = await mustLoadForm(trx, formId, true);
    const access = await authorizeCase(trx, clock, req, action, t, FORM_PURPOSES[form.kind]);
    requireSharing(access, form.kind, form.status, t);
    if (t.state.status === 'closed') throw problem.unprocessable('trajectory_closed', 'Het traject is afgesloten; de formulieren kunnen niet meer worden gewijzigd.', 'The trajectory is closed; its forms can no longer be changed.');
    return { form, t, access };
  };

  const staleProblem = async (conn: Db, form: FormRecord) => {
    const p = problem.preconditionFailed(form.version);
    const by = (await conn.selectFrom('form_versions').select('saved_by').where('form_id', '=', form.id).where('version', '=', form.version).executeTakeFirst())?.saved_by;
    const names = await userNames(conn, by ? [by] : []);
    return new Problem({ ...p.init, extra: { currentVersion: form.version, currentStatus: form.status, updatedAt: form.updatedAt, updatedBy: by ? (names.get(by) ?? null) : null } });
  };

  /** The form as the viewer may see it. */
  const formView = async (conn: Db, form: FormRecord, t: LoadedTrajectory, access: Pick<CaseAccess, 'viewer' | 'purpose'>, copy: FormCopy, lang: Lang) => {
    const def = definitionOf(form.kind);
    const sigs = (await signaturesOf(conn, [form.id])).get(form.id) ?? [];
    const hash = (await currentHashes(conn, [form])).get(form.id) ?? contentHash(def, form.data);
    const st = signatureStatus(def, form.version, sigs, hash);
    const names = await userNames(conn, [form.createdBy, ...sigs.map((s) => s.signedByUser), ...(form.kind === 'F-3' ? reviewerIds(t) : [])]);
    const shown = form.kind === 'F-3' && copy !== 'partial' ? { ...form.data, ...nominationDecisions(t, names, lang) } : form.data;
    return {
      id: form.id,
      trajectoryId: form.trajectoryId,
      kind: form.kind,
      title: def.title,
      status: form.status,
      version: form.version,
      definitionVersion: form.definitionVersion,
      contentHash: copy === 'partial' ? null : hash,
      viewer: access.viewer,
      purpose: access.purpose,
      copy,
      definition: definitionFor(def, copy),
      data: dataFor(def, shown, copy),
      progress: access.viewer === 'care_provider' ? progressOf(def, form.data, t) : null,
      signatures: copy === 'partial' ? null : signatureSummary(def, st, names),
      createdBy: names.get(form.createdBy) ?? null,
      createdAt: form.createdAt,
      updatedAt: form.updatedAt,
    };
  };

  const langOf = (req: FastifyRequest, q: { lang?: Lang }): Lang => q.lang ?? languageOf(req);

  await app.register(multipart, { limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 100 } });

  // ─── List and create ─────────────────────────────────────────────────────────

  app.get('/trajectories/:id/forms', {
    config: { action: 'form.read', personalData: true, resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'The forms of a trajectory that the viewer may see: kind, status, version, completeness per section, signatures',
      params: IdParams,
      querystring: Type.Object({ kind: Type.Optional(Type.Enum(FORM_KINDS)), ...PurposeQuery }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Free),
          creatable: Type.Array(Type.String()),
          start: Type.Array(Type.Object({
            kind: Type.String(), mayStart: Type.Boolean(),
            reason: Nullable(Type.Object({ code: Type.String(), rule: Nullable(Type.String()), nl: Type.String(), en: Type.String() })),
          }), { description: 'Per form kind: whether the user may start a new one now, and if not, why (in words)' }),
        }),
        ...ProblemResponses,
      },
    },
  }, async (req) => {
    const t = await mustLoadTrajectory(db, req.params.id);
    // One kind asked for: served under that form's purposes; the whole list under the phase's.
    const access = await authorizeCase(db, clock, req, 'form.read', t, req.query.kind ? FORM_PURPOSES[req.query.kind] : []);
    const forms = await loadForms(db, t.id);
    const visible = forms.filter((f) => !req.query.kind || f.kind === req.query.kind).flatMap((f) => {
      const s = formSharing(access, f.kind, f.status, t);
      return s.ok ? [{ form: f, copy: s.copy }] : [];
    });
    const sigs = await signaturesOf(db, visible.map((v) => v.form.id));
    const hashes = await currentHashes(db, visible.map((v) => v.form));
    const names = await userNames(db, [...sigs.values()].flat().map((s) => s.signedByUser));
    const items = visible.map(({ form, copy }) => {
      const def = definitionOf(form.kind);
      const st = signatureStatus(def, form.version, sigs.get(form.id) ?? [], hashes.get(form.id));
      const progress = access.viewer === 'care_provider' ? progressOf(def, form.data, t) : null;
      return {
        id: form.id, kind: form.kind, title: def.title, status: form.status, version: form.version, copy,
        complete: progress?.complete ?? null,
        sections: progress?.sections ?? null,
        signatures: copy === 'partial' ? null : { requiresSignatures: st.requiresSignatures, final: st.final, missing: st.missing, signed: st.valid.map((s) => s.party), stale: st.stale.length, names: st.valid.map((s) => ({ party: s.party, name: s.name, signedOn: s.signedOn, recordedBy: names.get((s as StoredSignature).signedByUser) ?? null })) },
        createdAt: form.createdAt, updatedAt: form.updatedAt,
      };
    });
    // One decision with POST …/forms (domain/forms/start.ts): phase, consent, party and the open forms.
    const open = [...new Set(forms.filter((f) => f.status !== 'final').map((f) => f.kind))];
    const start = formStartOptions(FORM_KINDS, formStartContext(t, access, subjectOf(req).role, open));
    const creatable = start.filter((o) => o.mayStart).map((o) => o.kind);
    req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, details: { forms: items.map((i) => i.id) } };
    return { items, creatable, start };
  });

  app.post('/trajectories/:id/forms', {
    config: { action: 'form.write', resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'Start a form as a draft (care provider only; one open F-1, F-3 and F-4 at a time, an F-2 per evaluation)',
      params: IdParams,
      body: Type.Object({ kind: Type.Enum(FORM_KINDS) }, { additionalProperties: false }),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const kind = req.body.kind;
    const subject = subjectOf(req);
    const def = definitionOf(kind);
    const result = await transact(app, async (trx) => {
      const t = await mustLoadTrajectory(trx, req.params.id, true);
      const access = await authorizeCase(trx, clock, req, 'form.write', t, FORM_PURPOSES[kind]);
      requireSharing(access, kind, 'submitted', t);
      // The same decision the list offers (`start`): party, closed, consent, phase, an open form of the kind.
      const open = await trx.selectFrom('forms').select('id').where('trajectory_id', '=', t.id).where('kind', '=', kind).where('status', '!=', 'final').executeTakeFirst();
      const refusal = formStartRefusal(kind, formStartContext(t, access, subject.role, open ? [kind] : []));
      if (refusal) throw startProblem(kind, refusal, open?.id ?? null);
      const data = prefill(def, t, await prefillContext(trx, t));
      const now = clock.now();
      const row = await trx
        .insertInto('forms')
        .values({ trajectory_id: t.id, kind, definition_version: def.version, status: 'draft', data: JSON.stringify(data), version: 1, created_by: subject.userId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertVersion(trx, row.id, 1, data, contentHash(def, data), subject.userId, now);
      await recordAudit(app, trx, req, { action: 'form.create', resourceType: 'form', resourceId: row.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success', details: { kind, trajectoryId: t.id, prefilled: Object.keys(data) } });
      const form = (await loadForm(trx, row.id))!;
      return formView(trx, form, t, access, 'full', languageOf(req));
    });
    setEtag(reply, 1);
    return reply.status(201).header('location', `/api/v1/forms/${result.id}`).send(result);
  });

  // ─── Blank forms (public route page) ─────────────────────────────────────────

  const blankCache = new Map<string, Buffer>();
  app.get('/forms/blank/:kind.pdf', {
    config: { action: 'system.public' },
    schema: {
      tags: ['forms'],
      summary: 'An empty form to print (public: the route page links to it)',
      params: Type.Object({ kind: Type.Enum(FORM_KINDS) }, { additionalProperties: false }),
      querystring: Type.Object(LangQuery, { additionalProperties: false }),
      response: { ...ProblemResponses },
    },
  }, async (req, reply) => {
    const { kind } = req.params;
    const lang = req.query.lang ?? 'nl';
    const key = `${kind}:${lang}`;
    let pdf = blankCache.get(key);
    if (!pdf) {
      const blank = '……………………………………';
      pdf = await renderFormPdf({ def: definitionOf(kind), data: {}, lang, meta: { clientName: blank, trajectoryLabel: blank, formVersion: 1, status: 'draft', generatedOn: blank }, signatures: [] });
      blankCache.set(key, pdf);
    }
    return sendPdf(reply, pdf, pdfFileName([TITLES[kind], 'blanco']), 'public, max-age=3600');
  });

  // ─── One form ────────────────────────────────────────────────────────────────

  app.get('/forms/:id', {
    config: { action: 'form.read', personalData: true, resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'A form with its definition and data as the viewer may see it (F-3: a partial copy for the corporation; F-4 never for the corporation)',
      params: IdParams,
      querystring: Type.Object({ ...PurposeQuery, ...LangQuery }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const { form, t, access, copy } = await readable(req, req.params.id);
    setEtag(reply, form.version);
    return formView(db, form, t, access, copy, langOf(req, req.query));
  });

  app.patch('/forms/:id', {
    config: { action: 'form.write', resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'Save answers (If-Match: the version you edited). A draft stays a draft; a change to a submitted or signed form is a new version and the signatures must be given again (R-OR-50). Answers merge into the stored data; null clears one.',
      params: IdParams,
      body: Type.Object({ data: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 300 }) }, { additionalProperties: false }),
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const subject = subjectOf(req);
    const view = await transact(app, async (trx) => {
      const { form, t, access } = await writable(trx, req, req.params.id, 'form.write');
      requireFilledInByCareProvider(access, form.kind, subject.role);
      if (form.version !== expected) throw await staleProblem(trx, form);
      if (form.kind === 'F-3') {
        if (form.status === 'final') throw problem.conflict('form_final', 'Directie Wonen heeft deze voordracht bevestigd; zij kan niet meer worden gewijzigd.', 'Directie Wonen confirmed this nomination; it can no longer be changed.', { rule: 'R-OR-71' });
        if (t.state.sentToWonenOn && !t.state.wonenConfirmedOn) {
          throw problem.conflict('nomination_at_wonen', 'De voordracht ligt bij directie Wonen; wacht op de uitkomst.', 'The nomination is with directie Wonen; wait for the outcome.', { rule: 'R-OR-71' });
        }
      }
      const def = definitionOf(form.kind);
      const merged: Record<string, unknown> = { ...form.data };
      for (const [k, v] of Object.entries(withoutReadOnly(def, req.body.data))) {
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      const next = versionAfterEdit(form);
      let data = merged;
      if (next.status === 'draft') {
        const r = validateForm(def, merged, 'draft');
        if (r.errors.length) throw formErrorsProblem('form_invalid', r.errors, 'body', 'Niet opgeslagen: sommige antwoorden zijn ongeldig.', 'Not saved: some answers are invalid.');
      } else {
        // R-OR-50: the changed form is a new version to be signed again, so it must be complete.
        data = pruneHiddenFields(def, merged);
        const r = validateForm(def, data, 'submit', validationContext(t));
        if (r.errors.length) throw formErrorsProblem('form_incomplete', r.errors, 'body', 'Niet opgeslagen: een ingediend formulier moet compleet blijven.', 'Not saved: a submitted form must stay complete.');
      }
      if (canonicalJson(data) === canonicalJson(form.data)) {
        await recordAudit(app, trx, req, { action: 'form.save', resourceType: 'form', resourceId: form.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success', details: { kind: form.kind, version: form.version, unchanged: true } });
        return formView(trx, form, t, access, 'full', languageOf(req));
      }
      // Every save is a new, immutable version: the ETag moves, so a concurrent editor gets 412.
      const version = form.version + 1;
      const now = clock.now();
      await insertVersion(trx, form.id, version, data, contentHash(def, data), subject.userId, now);
      const upd = await trx.updateTable('forms').set({ data: JSON.stringify(data), version, status: next.status, updated_at: now }).where('id', '=', form.id).where('version', '=', expected).returning('id').executeTakeFirst();
      if (!upd) throw await staleProblem(trx, form);
      await recordAudit(app, trx, req, {
        action: 'form.save', resourceType: 'form', resourceId: form.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success',
        details: { kind: form.kind, version, status: next.status, signaturesInvalidated: next.signaturesInvalidated, fields: Object.keys(req.body.data) },
      });
      return formView(trx, (await loadForm(trx, form.id))!, t, access, 'full', languageOf(req));
    });
    setEtag(reply, view.version);
    return view;
  });

  app.post('/forms/:id/submit', {
    config: { action: 'form.write', resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'Submit a draft (If-Match): every shown question answered (R-OR-62: "n.v.t." where allowed), cross-field checks; 422 names each field and rule, nothing is written',
      params: IdParams,
      response: { 200: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const subject = subjectOf(req);
    const view = await transact(app, async (trx) => {
      const { form, t, access } = await writable(trx, req, req.params.id, 'form.write');
      requireFilledInByCareProvider(access, form.kind, subject.role);
      if (form.version !== expected) throw await staleProblem(trx, form);
      if (form.status !== 'draft') throw problem.conflict('already_submitted', 'Dit formulier is al ingediend.', 'This form has already been submitted.', { formStatus: form.status });
      const def = definitionOf(form.kind);
      // Answers to lapsed questions and read-only fields are not submitted (stale answers are never finalised or shared).
      const data = pruneHiddenFields(def, form.data);
      const r = validateForm(def, data, 'submit', validationContext(t));
      if (r.errors.length) {
        throw formErrorsProblem('form_incomplete', r.errors, 'form', 'Het formulier kan nog niet worden ingediend: beantwoord alle vragen (of kies "n.v.t." waar dat kan).', 'The form cannot be submitted yet: answer every question (or choose "n.v.t." where allowed).');
      }
      const now = clock.now();
      let version = form.version;
      if (canonicalJson(data) !== canonicalJson(form.data)) {
        version += 1;
        await insertVersion(trx, form.id, version, data, contentHash(def, data), subject.userId, now);
      }
      await trx.updateTable('forms').set({ data: JSON.stringify(data), version, status: 'submitted', updated_at: now }).where('id', '=', form.id).execute();
      await recordAudit(app, trx, req, { action: 'form.submit', resourceType: 'form', resourceId: form.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success', details: { kind: form.kind, version } });
      return formView(trx, (await loadForm(trx, form.id))!, t, access, 'full', languageOf(req));
    });
    setEtag(reply, view.version);
    return view;
  });

  // ─── Signatures ──────────────────────────────────────────────────────────────

  app.post('/forms/:id/signatures', {
    config: { action: 'form.sign', resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'Sign the current version (If-Match: the version signed). The corporation contact signs as corporation; the care worker signs as care provider or records the client’s signature on the client’s behalf. All parties on the same version make the form final (R-OR-38).',
      params: IdParams,
      body: Type.Object(
        {
          party: Type.Enum(SIGNATURE_PARTIES),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          function: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          signedOn: IsoDateSchema,
          method: Type.Enum(SIGNATURE_METHODS),
          contentHash: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'The content hash of the version you read (GET /forms/:id): refused if the content differs' })),
        },
        { additionalProperties: false },
      ),
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const signedVersion = requireIfMatch(req);
    const b = req.body;
    const subject = subjectOf(req);
    const result = await transact(app, async (trx) => {
      const { form, t, access } = await writable(trx, req, req.params.id, 'form.sign');
      const def = definitionOf(form.kind);
      const existing = (await signaturesOf(trx, [form.id])).get(form.id) ?? [];
      const hash = (await currentHashes(trx, [form])).get(form.id) ?? contentHash(def, form.data);
      const input = { party: b.party, formVersion: signedVersion, name: b.name.trim(), function: b.function?.trim() || null, signedOn: b.signedOn, method: b.method, ...(b.contentHash ? { contentHash: b.contentHash } : {}) };
      const violations: Refusal[] = [...checkSignature(def, { version: form.version, status: form.status, contentHash: hash }, input, existing), ...signerViolations(access.viewer, b.party, b.method)];
      if (b.signedOn > todayIn(clock)) violations.push({ code: 'signed_on_in_future', rule: null, nl: 'De datum van ondertekening ligt in de toekomst.', en: 'The signing date is in the future.' });
      if (violations.length) throw signatureProblem(violations, form.version);
      const now = clock.now();
      const row = await trx
        .insertInto('form_signatures')
        .values({ form_id: form.id, form_version: form.version, content_hash: hash, party: b.party, name: input.name, function: input.function, signed_on: b.signedOn, signed_by_user: subject.userId, method: b.method, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const all: FormSignature[] = [...existing, { ...input, formVersion: form.version, contentHash: hash, id: row.id, signedByUser: subject.userId }];
      const status = statusAfterSigning(def, { version: form.version, status: form.status, contentHash: hash }, all);
      let automatic: AutomaticEvent | null = null;
      if (status !== form.status) {
        await trx.updateTable('forms').set({ status, updated_at: now }).where('id', '=', form.id).execute();
        if (status === 'final' && form.kind === 'F-2') {
          // The signed evaluation form records the evaluation itself (no double entry), once:
          // not when the evaluation of that day was already recorded by hand.
          const evaluation = evaluationFromForm(form.data);
          if (evaluation) {
            const { occurredOn, ...rest } = evaluation;
            automatic = t.state.evaluations.some((e) => e.on === occurredOn)
              ? { type: 'housing_evaluation_held', recorded: false, occurredOn, reasons: [{ code: 'already_recorded', rule: 'R-OR-61' }] }
              : await recordAutomaticEvent(trx, clock, t, { userId: subject.userId, organisationId: subject.organisationId!, role: subject.role! }, { type: 'housing_evaluation_held', occurredOn, data: { ...rest, formId: form.id } });
          }
        }
        if (status === 'final' && (form.kind === 'F-1' || form.kind === 'F-4')) {
          const valid = signatureStatus(def, form.version, all, hash).valid;
          const on = valid.map((s) => s.signedOn).sort().at(-1)!;
          if (form.kind === 'F-1') {
            automatic = await recordAutomaticEvent(trx, clock, t, { userId: subject.userId, organisationId: subject.organisationId!, role: subject.role! }, { type: 'supplement_signed', occurredOn: on, data: { formId: form.id } });
          } else if (!t.state.supportPlanOn) {
            automatic = await recordAutomaticEvent(trx, clock, t, { userId: subject.userId, organisationId: subject.organisationId!, role: subject.role! }, { type: 'support_plan_completed', occurredOn: on, data: { formId: form.id } });
          } else {
            automatic = { type: 'support_plan_completed', recorded: false, occurredOn: on, reasons: [{ code: 'already_recorded', rule: 'R-OR-41' }] };
          }
        }
      }
      await recordAudit(app, trx, req, {
        action: 'form.sign', resourceType: 'form', resourceId: form.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success',
        details: { kind: form.kind, version: form.version, party: b.party, method: b.method, status, ...(automatic ? { automaticEvent: automatic } : {}) },
      });
      const fresh = automatic?.recorded ? await mustLoadTrajectory(trx, t.id) : t;
      const view = await formView(trx, (await loadForm(trx, form.id))!, fresh, access, 'full', languageOf(req));
      return { signatureId: row.id, view, automatic };
    });
    setEtag(reply, result.view.version);
    return reply.status(201).send({ ...result.view, signatureId: result.signatureId, automaticEvent: result.automatic });
  });

  // ─── Versions and PDF ────────────────────────────────────────────────────────

  app.get('/forms/:id/versions', {
    config: { action: 'form.read', personalData: true, resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'Every saved version with its content hash and the signatures given on it',
      params: IdParams,
      querystring: Type.Object(PurposeQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ current: Type.Integer(), items: Type.Array(Free) }), ...ProblemResponses },
    },
  }, async (req) => {
    const { form, copy } = await readable(req, req.params.id);
    const versions = await db.selectFrom('form_versions').select(['version', 'content_hash', 'saved_by', 'saved_at']).where('form_id', '=', form.id).orderBy('version').execute();
    const sigs = copy === 'partial' ? [] : ((await signaturesOf(db, [form.id])).get(form.id) ?? []);
    const names = await userNames(db, [...versions.map((v) => v.saved_by), ...sigs.map((s) => s.signedByUser)]);
    return {
      current: form.version,
      items: versions.map((v) => ({
        version: v.version,
        current: v.version === form.version,
        contentHash: copy === 'partial' ? null : v.content_hash,
        savedBy: names.get(v.saved_by) ?? null,
        savedAt: new Date(v.saved_at).toISOString(),
        signatures: sigs.filter((s) => s.formVersion === v.version).map((s) => ({ ...signatureView(s, names), counts: v.version === form.version && s.contentHash === v.content_hash })),
      })),
    };
  });

  app.get('/forms/:id/pdf', {
    config: { action: 'form.read', personalData: true, resourceType: 'form' },
    schema: {
      tags: ['forms'],
      summary: 'The form as PDF (Dutch; ?lang=en), with the signatures; the corporation gets the partial copy of F-3',
      params: IdParams,
      querystring: Type.Object({ ...PurposeQuery, ...LangQuery }, { additionalProperties: false }),
      response: { ...ProblemResponses },
    },
  }, async (req, reply) => {
    const { form, t, copy } = await readable(req, req.params.id);
    const lang = req.query.lang ?? 'nl';
    const def = definitionOf(form.kind);
    const sigs = copy === 'partial' ? [] : ((await signaturesOf(db, [form.id])).get(form.id) ?? []);
    const names = await userNames(db, form.kind === 'F-3' ? reviewerIds(t) : []);
    const data = form.kind === 'F-3' && copy !== 'partial' ? { ...form.data, ...nominationDecisions(t, names, lang) } : dataFor(def, form.data, copy);
    const pdf = await renderFormPdf({
      def, data, lang, signatures: sigs, ...(copy === 'partial' ? { partialCopyOnly: true } : {}),
      meta: { clientName: clientNameOf(t), trajectoryLabel: trajectoryLabel(t, lang), formVersion: form.version, status: form.status, generatedOn: todayIn(clock) },
    });
    req.auditInfo = { ...req.auditInfo, details: { ...(req.auditInfo?.details ?? {}), document: 'pdf', lang } };
    return sendPdf(reply, pdf, pdfFileName([TITLES[form.kind], copy === 'partial' ? 'deelkopie' : null, t.client.erased ? null : clientNameOf(t), todayIn(clock)]));
  });

  app.get('/trajectories/:id/summary.pdf', {
    config: { action: 'trajectory.read', personalData: true, resourceType: 'trajectory' },
    schema: {
      tags: ['trajectories'],
      summary: 'A summary of the trajectory as PDF (client, phase, key dates, stations, open deadlines, goals, forms) as the viewer may see it',
      params: IdParams,
      querystring: Type.Object({ ...PurposeQuery, ...LangQuery }, { additionalProperties: false }),
      response: { ...ProblemResponses },
    },
  }, async (req, reply) => {
    const t = await mustLoadTrajectory(db, req.params.id);
    const access = await authorizeCase(db, clock, req, 'trajectory.read', t);
    const lang = req.query.lang ?? 'nl';
    const pdf = await summaryPdf(db, clock, t, access, lang);
    req.auditInfo = { resourceType: 'trajectory', resourceId: t.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, details: { document: 'summary_pdf', lang } };
    return sendPdf(reply, pdf, pdfFileName(['samenvatting-traject', t.client.erased ? null : clientNameOf(t), todayIn(clock)]));
  });

  await attachmentRoutes(app, { mustLoadForm, mustLoadTrajectory, writable, readable });
}

export type FormRouteHelpers = {
  mustLoadForm: (conn: Db, id: string, forUpdate?: boolean) => Promise<FormRecord>;
  mustLoadTrajectory: (conn: Db, id: string, forUpdate?: boolean) => Promise<LoadedTrajectory>;
  writable: (trx: Trx, req: FastifyRequest, formId: string, action: 'form.write' | 'form.sign') => Promise<{ form: FormRecord; t: LoadedTrajectory; access: CaseAccess }>;
};
