/**
 * Attachments to a form: one file per multipart upload, at most the configured size (setting
 * `attachments.maxBytes`, default 10 MiB → 413), its type sniffed from the bytes (file-type):
 * PDF, PNG, JPEG and the zip-based office documents DOCX, XLSX and ODT. A file whose bytes are
 * not one of these, or whose extension or declared type disagrees with its bytes (a Windows
 * executable renamed to .pdf), is refused with 415 naming the reason. Stored with its SHA-256,
 * size and sniffed type. An attachment is visible exactly where its form is, and not with a
 * partial copy (F-3 for the corporation). Uploads and deletions: the care provider, before the
 * form is final; a deletion by the uploader or a team manager.
 */
import crypto from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { fileTypeFromBuffer } from 'file-type';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, transact } from '../../platform/http/tx.ts';
import { IdParams, ProblemResponses } from '../../platform/http/schemas.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { FormKind, FormStatus } from '../../domain/forms/index.ts';
import { FORM_PURPOSES } from '../../domain/privacy/visibility.ts';
import { authorizeCase, type CaseAccess, type LoadedTrajectory } from '../trajectories/index.ts';
import { requireAttachmentsShared, requireFilledInByCareProvider, requireSharing, type FormCopy } from './sharing.ts';
import { attachmentMaxBytes, userNames, type FormRecord } from './repository.ts';
import type { FormRouteHelpers } from './routes.ts';

type Db = Kysely<Database>;
const Free = Type.Record(Type.String(), Type.Unknown());
const PurposeQuery = Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });

/** Sniffed MIME type → the file extensions that may carry it. */
export const ALLOWED_TYPES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
};

/** Declared types that a browser may send for a sniffed type. */
const DECLARED_ALIASES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
};

function refused(status: 413 | 415 | 422 | 400, code: string, nl: string, en: string, extra: Record<string, unknown> = {}): Problem {
  const titles: Record<number, [string, string]> = {
    400: ['Ongeldig verzoek', 'Bad request'],
    413: ['Bestand te groot', 'File too large'],
    415: ['Bestandstype niet toegestaan', 'File type not allowed'],
    422: ['Bestand niet geaccepteerd', 'File not accepted'],
  };
  const [titleNl, titleEn] = titles[status]!;
  return new Problem({ status, code, titleNl, titleEn, detailNl: nl, detailEn: en, extra: { reason: code, ...extra } });
}

/** A file name safe to store and to send back: no path, no control or reserved characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  return (clean.length > 200 ? clean.slice(clean.length - 200) : clean) || 'bijlage';
}

function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i + 1).toLowerCase() : '';
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const MULTIPART_LIMITS: Record<string, string> = { FST_FILES_LIMIT: 'too_many_files', FST_PARTS_LIMIT: 'too_many_parts', FST_FIELDS_LIMIT: 'too_many_fields' };

interface Upload {
  filename: string;
  declaredType: string;
  bytes: Buffer;
}

/** Reads the one file of a multipart request, refusing what is not multipart, malformed or too large. */
async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) {
    throw refused(415, 'multipart_required', 'Stuur het bestand als multipart/form-data.', 'Send the file as multipart/form-data.');
  }
  const tooLarge = () =>
    refused(413, 'attachment_too_large', `Het bestand is groter dan ${Math.floor(maxBytes / 1024 / 1024) || maxBytes + ' bytes'}${maxBytes >= 1024 * 1024 ? ' MiB' : ''}.`, `The file exceeds the limit of ${maxBytes} bytes.`, { maxBytes });
  const mapError = (err: unknown): Problem => {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
    if (MULTIPART_LIMITS[code]) return refused(413, MULTIPART_LIMITS[code]!, 'Stuur één bestand per verzoek.', 'Send one file per request.');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return refused(415, 'multipart_required', 'Stuur het bestand als multipart/form-data.', 'Send the file as multipart/form-data.');
    return refused(400, 'malformed_multipart', 'Het verzoek is geen geldige multipart/form-data.', 'The request is not valid multipart/form-data.');
  };
  const oneFile = () => refused(413, 'too_many_files', 'Stuur één bestand per verzoek.', 'Send one file per request.');
  let upload: Upload | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type !== 'file') continue; // other form fields are ignored
      if (upload) throw oneFile();
      const bytes = await part.toBuffer();
      upload = { filename: safeFilename(part.filename ?? ''), declaredType: (part.mimetype ?? '').split(';')[0]!.trim().toLowerCase(), bytes };
    }
  } catch (err) {
    if (err instanceof Problem) throw err;
    throw (err as { code?: string }).code === 'FST_FILES_LIMIT' ? oneFile() : mapError(err);
  }
  if (!upload) throw refused(422, 'file_missing', 'Er is geen bestand meegestuurd.', 'No file was sent.');
  return upload;
}

/** The sniffed type, or the problem that refuses the file. */
export async function sniff(upload: Upload): Promise<{ mime: string; ext: string }> {
  if (upload.bytes.length === 0) throw refused(422, 'empty_file', 'Het bestand is leeg.', 'The file is empty.');
  const found = await fileTypeFromBuffer(upload.bytes);
  const allowed = 'PDF, PNG, JPEG, DOCX, XLSX, ODT';
  if (!found) {
    throw refused(415, 'file_type_unrecognised', `Het type van dit bestand is niet te herkennen. Toegestaan: ${allowed}.`, `The type of this file cannot be recognised. Allowed: ${allowed}.`);
  }
  const extensions = ALLOWED_TYPES[found.mime];
  const detected = { mime: found.mime, ext: found.ext };
  if (!extensions) {
    throw refused(415, 'file_type_not_allowed', `Dit bestand is een ${found.ext.toUpperCase()}-bestand (${found.mime}); dat is niet toegestaan. Toegestaan: ${allowed}.`, `This file is a ${found.ext.toUpperCase()} file (${found.mime}), which is not allowed. Allowed: ${allowed}.`, { detected });
  }
  const ext = extensionOf(upload.filename);
  if (!extensions.includes(ext)) {
    throw refused(415, 'file_extension_mismatch', `De bestandsnaam (.${ext || '?'}) past niet bij de inhoud (${found.ext.toUpperCase()}).`, `The file name (.${ext || '?'}) does not match the content (${found.ext.toUpperCase()}).`, { detected, extension: ext });
  }
  const declared = upload.declaredType;
  if (declared && declared !== 'application/octet-stream' && declared !== found.mime && !(DECLARED_ALIASES[found.mime] ?? []).includes(declared)) {
    throw refused(415, 'declared_type_mismatch', `Het opgegeven type (${declared}) past niet bij de inhoud (${found.mime}).`, `The declared type (${declared}) does not match the content (${found.mime}).`, { detected, declared });
  }
  return detected;
}

function requireNotFinal(status: FormStatus) {
  if (status === 'final') {
    throw problem.conflict('form_final', 'Het formulier is definitief; de bijlagen kunnen niet meer worden gewijzigd.', 'The form is final; its attachments can no longer be changed.');
  }
}

export interface AttachmentHelpers extends FormRouteHelpers {
  readable: (req: FastifyRequest, formId: string) => Promise<{ form: FormRecord; t: LoadedTrajectory; access: CaseAccess; copy: FormCopy }>;
}

export async function attachmentRoutes(app: App, h: AttachmentHelpers) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;

  const view = (a: { id: string; form_id: string; filename: string; content_type: string; size_bytes: number; sha256: string; uploaded_by: string; uploaded_at: Date | string }, names: Map<string, string>) => ({
    id: a.id,
    formId: a.form_id,
    filename: a.filename,
    contentType: a.content_type,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
    uploadedBy: names.get(a.uploaded_by) ?? null,
    uploadedById: a.uploaded_by,
    uploadedAt: new Date(a.uploaded_at).toISOString(),
  });

  const loadMeta = async (conn: Db, id: string) => {
    const a = await conn.selectFrom('attachments').select(['id', 'form_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at']).where('id', '=', id).executeTakeFirst();
    if (!a) throw problem.notFound('De bijlage', 'The attachment');
    return a;
  };

  app.post('/forms/:id/attachments', {
    config: { action: 'form.write', resourceType: 'attachment' },
    schema: {
      tags: ['forms'],
      summary: 'Attach one file (multipart/form-data, field "file"): PDF, PNG, JPEG, DOCX, XLSX or ODT, sniffed from its bytes; at most the configured size (default 10 MiB)',
      consumes: ['multipart/form-data'],
      params: IdParams,
      querystring: PurposeQuery,
      response: { 201: Free, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    // Authorise before reading the body.
    const form0 = await h.mustLoadForm(db, req.params.id);
    const t0 = await h.mustLoadTrajectory(db, form0.trajectoryId);
    const access0 = await authorizeCase(db, clock, req, 'form.write', t0, FORM_PURPOSES[form0.kind]);
    requireSharing(access0, form0.kind, form0.status, t0);
    requireFilledInByCareProvider(access0, form0.kind, subject.role);
    requireNotFinal(form0.status);
    const upload = await readUpload(req, await attachmentMaxBytes(db));
    const type = await sniff(upload);
    const sha256 = crypto.createHash('sha256').update(upload.bytes).digest('hex');
    const row = await transact(app, async (trx) => {
      const { form, t, access } = await h.writable(trx, req, req.params.id, 'form.write');
      requireFilledInByCareProvider(access, form.kind, subject.role);
      requireNotFinal(form.status);
      const a = await trx
        .insertInto('attachments')
        .values({ form_id: form.id, filename: upload.filename, content_type: type.mime, size_bytes: upload.bytes.length, sha256, content: upload.bytes, uploaded_by: subject.userId, uploaded_at: clock.now() })
        .returning(['id', 'form_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at'])
        .executeTakeFirstOrThrow();
      await recordAudit(app, trx, req, {
        action: 'attachment.upload', resourceType: 'attachment', resourceId: a.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success',
        details: { formId: form.id, kind: form.kind, contentType: type.mime, sizeBytes: upload.bytes.length, sha256 },
      });
      return a;
    });
    const names = await userNames(db, [row.uploaded_by]);
    return reply.status(201).header('location', `/api/v1/attachments/${row.id}`).send(view(row, names));
  });

  app.get('/forms/:id/attachments', {
    config: { action: 'form.read', personalData: true, resourceType: 'attachment' },
    schema: {
      tags: ['forms'],
      summary: 'The attachments of a form (visible where the form is; not with a partial copy)',
      params: IdParams,
      querystring: PurposeQuery,
      response: { 200: Type.Object({ items: Type.Array(Free) }), ...ProblemResponses },
    },
  }, async (req) => {
    const { form, copy } = await h.readable(req, req.params.id);
    requireAttachmentsShared(copy, form.kind as FormKind);
    const rows = await db.selectFrom('attachments').select(['id', 'form_id', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_by', 'uploaded_at']).where('form_id', '=', form.id).orderBy('uploaded_at').orderBy('id').execute();
    const names = await userNames(db, rows.map((r) => r.uploaded_by));
    req.auditInfo = { ...req.auditInfo, resourceType: 'form', details: { ...(req.auditInfo?.details ?? {}), attachments: rows.map((r) => r.id) } };
    return { items: rows.map((r) => view(r, names)) };
  });

  app.get('/attachments/:id', {
    config: { action: 'form.read', personalData: true, resourceType: 'attachment' },
    schema: {
      tags: ['forms'],
      summary: 'Download an attachment (content-disposition: attachment; nosniff)',
      params: IdParams,
      querystring: PurposeQuery,
      response: { ...ProblemResponses },
    },
  }, async (req, reply) => {
    const meta = await loadMeta(db, req.params.id);
    const { form, copy } = await h.readable(req, meta.form_id);
    requireAttachmentsShared(copy, form.kind);
    const row = await db.selectFrom('attachments').select('content').where('id', '=', meta.id).executeTakeFirst();
    if (!row?.content) throw problem.notFound('De inhoud van de bijlage', 'The content of the attachment');
    req.auditInfo = { ...req.auditInfo, resourceType: 'attachment', resourceId: meta.id, details: { ...(req.auditInfo?.details ?? {}), formId: form.id, sha256: meta.sha256 } };
    return (reply as FastifyReply)
      .type(meta.content_type)
      .header('content-disposition', contentDisposition(meta.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(Buffer.from(row.content));
  });

  app.delete('/attachments/:id', {
    config: { action: 'form.write', resourceType: 'attachment' },
    schema: {
      tags: ['forms'],
      summary: 'Remove an attachment (the uploader or a team manager, before the form is final)',
      params: IdParams,
      querystring: PurposeQuery,
      response: { 204: Type.Null(), ...ProblemResponses },
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    await transact(app, async (trx) => {
      const meta = await loadMeta(trx, req.params.id);
      const { form, t, access } = await h.writable(trx, req, meta.form_id, 'form.write');
      requireFilledInByCareProvider(access, form.kind, subject.role);
      requireNotFinal(form.status);
      if (meta.uploaded_by !== subject.userId && subject.role !== 'team_manager') {
        throw new Problem({
          status: 403, code: 'not_uploader', titleNl: 'Geen toegang', titleEn: 'Forbidden',
          detailNl: 'Alleen wie de bijlage toevoegde, of een teammanager, kan haar verwijderen.', detailEn: 'Only the person who added the attachment, or a team manager, can remove it.',
        });
      }
      await trx.deleteFrom('attachments').where('id', '=', meta.id).execute();
      await recordAudit(app, trx, req, {
        action: 'attachment.delete', resourceType: 'attachment', resourceId: meta.id, subjectOrganisationId: t.careProviderId, purpose: access.purpose, outcome: 'success',
        details: { formId: form.id, kind: form.kind, filename: meta.filename, sha256: meta.sha256 },
      });
    });
    return reply.status(204).send(null);
  });
}
