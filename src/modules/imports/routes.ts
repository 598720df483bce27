/**
 * Imports of historical placements (api.md § "Placements CSV (import)", monitor.md §2.2):
 * POST /imports/placements streams a CSV (`Content-Type: text/csv`, or multipart/form-data with
 * a `file` field from the browser form) through row validation into batched upserts, in ONE
 * transaction: all-or-nothing by default, `?partial=true` keeps the valid rows. Every import
 * leaves a `placement_imports` row (a refused one is written after the rollback) and one
 * audit row with the counts. The list and detail routes show recent imports and their
 * rejections; the progress route serves the web page while a large file is processed.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app.ts';
import { subjectOf } from '../../platform/http/app.ts';
import { Problem, problem } from '../../platform/http/problem.ts';
import { recordAudit, transact } from '../../platform/http/tx.ts';
import { IdParams, Paging, ProblemResponses, Uuid } from '../../platform/http/schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Subject } from '../../domain/policy/index.ts';
import { COLUMNS, type ImportReferences } from '../../domain/monitor/placement-row.ts';
import { MAX_REJECTIONS, fileTooLarge, importPlacements, type ImportOutcome, type Rejection } from './importer.ts';
import { ProgressRegistry, type ImportProgress } from './progress.ts';

/** Default upload limit; setting `placement_import` `{ "maxBytes": n }` changes it (at most MAX_UPLOAD_BYTES). */
export const DEFAULT_MAX_UPLOAD_BYTES = 300 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export async function importMaxBytes(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'placement_import').executeTakeFirst();
  const raw = row?.value as unknown;
  const value = typeof raw === 'string' ? (JSON.parse(raw) as { maxBytes?: unknown }) : (raw as { maxBytes?: unknown } | undefined);
  const v = value?.maxBytes;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? Math.min(v, MAX_UPLOAD_BYTES) : DEFAULT_MAX_UPLOAD_BYTES;
}

/** The raw text/csv body: handed to the handler unread (the content-type parser never buffers it). */
class CsvBody {
  // Private, so the request pipeline's checks of body values never walk into the stream.
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream(): Readable {
    return this.#stream;
  }
  /** What the Idempotency-Key hash sees: the body itself cannot be hashed before it is read. */
  toJSON() {
    return { csvStream: true };
  }
}

const Text = Type.Object({ nl: Type.String(), en: Type.String() });
const RejectionSchema = Type.Object({
  row: Type.Integer({ description: 'Line number in the file; the header is row 1' }),
  placementId: Type.Optional(Type.String()),
  field: Type.Optional(Type.String({ description: 'Column name' })),
  code: Type.String(),
  message: Text,
});
const Status = Type.Enum(['succeeded', 'partial', 'rejected']);
const ImportResultSchema = Type.Object({
  importId: Uuid,
  status: Status,
  partial: Type.Boolean({ description: 'Whether ?partial=true was asked' }),
  rowsTotal: Type.Integer({ description: 'Data rows read (header excluded)' }),
  rowsAccepted: Type.Integer({ description: 'Rows written (0 when the import was rejected)' }),
  rowsRejected: Type.Integer(),
  rowsValid: Type.Integer({ description: 'Rows that passed validation (written unless the import was rejected)' }),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  rejections: Type.Array(RejectionSchema, { description: `The first ${MAX_REJECTIONS} rejections, by row` }),
  rejectionsTruncated: Type.Boolean({ description: `True when there were more than ${MAX_REJECTIONS} rejections` }),
});
const ImportSummarySchema = Type.Object({
  id: Uuid,
  filename: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  partial: Type.Boolean(),
  rowsTotal: Type.Integer(),
  rowsAccepted: Type.Integer(),
  rowsRejected: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.String(),
  finishedAt: Type.String(),
});
const ImportDetailSchema = Type.Intersect([ImportSummarySchema, Type.Object({ rejections: Type.Array(RejectionSchema), rejectionsTruncated: Type.Boolean() })]);
const ProgressSchema = Type.Object({
  token: Uuid,
  status: Type.Enum(['running', 'succeeded', 'partial', 'rejected', 'failed']),
  importId: Type.Union([Uuid, Type.Null()]),
  bytesRead: Type.Integer(),
  bytesTotal: Type.Union([Type.Integer(), Type.Null()]),
  rowsProcessed: Type.Integer(),
  rowsAccepted: Type.Integer({ description: 'Valid rows so far (written, or to be written when the import commits)' }),
  phase: Type.Union([Type.Literal('reading'), Type.Literal('writing')], { description: 'reading: rows are parsed, validated and staged; writing: the staged rows are merged into placements in one statement' }),
  rowsRejected: Type.Integer(),
});

const FORMAT = `UTF-8 CSV with a header row, columns in any order: required ${COLUMNS.slice(0, 7).join(', ')}; optional persons (1–30, default 1) and the extensions ` +
  'wheelchair_dwelling (true/false/ja/nee/1/0; default true only for wheelchair_urgent), district, neighbourhood, route (corporation_dwelling|housing_project). ' +
  'Dates YYYY-MM-DD; municipality = CBS code, corporation = organisation code, target_group = monitor.md §2.2 code. ' +
  'Send it as text/csv (streamed) or as multipart/form-data field "file". All-or-nothing unless ?partial=true; re-importing a placement_id updates it. ' +
  'A refused import answers 422 problem+json carrying the same fields as the 200 body, with importStatus "rejected" (status is the HTTP status there); an upload over the limit (default 300 MB) 413.';

interface ImportRow {
  id: string;
  filename: string | null;
  status: 'succeeded' | 'partial' | 'rejected';
  partial: boolean;
  rows_total: number;
  rows_accepted: number;
  rows_rejected: number;
  inserted: number;
  updated: number;
  created_by_name: string | null;
  organisation_id: string | null;
  started_at: Date | string;
  finished_at: Date | string;
}

function summaryView(r: ImportRow) {
  return {
    id: r.id,
    filename: r.filename,
    status: r.status,
    partial: r.partial,
    rowsTotal: r.rows_total,
    rowsAccepted: r.rows_accepted,
    rowsRejected: r.rows_rejected,
    inserted: r.inserted,
    updated: r.updated,
    createdBy: r.created_by_name,
    organisationId: r.organisation_id,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: new Date(r.finished_at).toISOString(),
  };
}

/** Organisations whose imports the subject sees: all for a platform administrator, else its organisation tree. */
function visibleScope(subject: Subject): string[] | null {
  return subject.role === 'platform_admin' ? null : [...subject.scope];
}

/** Raised inside the transaction to roll it back; carries what the import found. */
class Refused extends Error {
  readonly outcome: ImportOutcome;
  constructor(outcome: ImportOutcome) {
    super('import refused');
    this.outcome = outcome;
  }
}

async function loadReferences(db: Db): Promise<ImportReferences> {
  const [orgs, groups] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'code', 'type', 'municipality_code'])
      .where((eb) => eb.or([eb('type', '=', 'housing_corporation'), eb.and([eb('type', '=', 'municipality'), eb('municipality_code', 'is not', null)])]))
      .execute(),
    db.selectFrom('target_groups').select(['code', 'valid_from', 'valid_to']).execute(),
  ]);
  const municipalities = new Map<string, string>();
  const corporations = new Map<string, string>();
  for (const o of orgs) {
    if (o.type === 'municipality' && o.municipality_code) municipalities.set(o.municipality_code.toUpperCase(), o.id);
    if (o.type === 'housing_corporation') corporations.set(o.code.toUpperCase(), o.id);
  }
  return {
    municipalities,
    corporations,
    targetGroups: new Map(groups.map((g) => [g.code, { validFrom: String(g.valid_from), validTo: g.valid_to === null ? null : String(g.valid_to) }])),
  };
}

function declaredLength(req: FastifyRequest): number | null {
  const raw = req.headers['content-length'];
  if (typeof raw !== 'string' || !/^\d{1,16}$/.test(raw)) return null;
  return Number(raw);
}

export async function importRoutes(app: App) {
  const db = app.deps.database.db;
  const clock = app.deps.clock;
  const registry = new ProgressRegistry();

  // text/csv reaches the handler as the unread request stream; multipart goes through @fastify/multipart
  // (the file part is consumed as a stream, never buffered).
  app.addContentTypeParser('text/csv', (_req, payload, done) => done(null, new CsvBody(payload)));
  await app.register(multipart, { limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 100 } });

  app.post('/imports/placements', {
    config: { action: 'placement.import', resourceType: 'placement_import' },
    schema: {
      tags: ['imports'],
      summary: 'Import historical placements from a CSV (streamed; validated per row; idempotent on placement_id)',
      description: FORMAT,
      consumes: ['text/csv', 'multipart/form-data'],
      // Documentation only: the body is a stream (text/csv) or multipart parts, read by the handler; an empty schema accepts it as is.
      body: {
        content: {
          'text/csv': { schema: { description: 'The placements CSV (see the description); streamed, never buffered' } },
          'multipart/form-data': { schema: { description: 'Browser form: the CSV in the field "file"', properties: { file: { type: 'string', format: 'binary' } } } },
        },
      } as never,
      querystring: Type.Object(
        {
          partial: Type.Optional(Type.Boolean({ default: false, description: 'Accept the valid rows even when other rows are rejected' })),
          progressToken: Type.Optional(Type.String({ format: 'uuid', description: 'Client-chosen token to poll GET /imports/placements/progress/{token}' })),
          filename: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'File name to record, for a text/csv upload' })),
        },
        { additionalProperties: false },
      ),
      response: { 200: ImportResultSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const subject = subjectOf(req);
    const partial = req.query.partial === true;
    const maxBytes = await importMaxBytes(db);
    const declared = declaredLength(req);
    const multipartRequest = req.isMultipart();
    if (declared !== null && declared > maxBytes + (multipartRequest ? MULTIPART_OVERHEAD : 0)) {
      // Refused before reading a byte of the body; the connection is closed rather than drained.
      reply.header('connection', 'close');
      throw fileTooLarge(maxBytes);
    }

    let source: Readable;
    let filename: string | null = req.query.filename ?? null;
    if (req.body instanceof CsvBody) {
      source = req.body.stream;
    } else if (multipartRequest) {
      let part;
      try {
        part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
      } catch {
        throw problem.badRequest('malformed_multipart', 'Het verzoek is geen geldige multipart/form-data.', 'The request is not valid multipart/form-data.');
      }
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw problem.badRequest('file_missing', 'Stuur het CSV-bestand in het veld "file".', 'Send the CSV file in the field "file".');
      }
      source = part.file;
      filename = (part.filename || '').replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || null;
    } else {
      throw new Problem({
        status: 415, code: 'unsupported_media_type', titleNl: 'Niet-ondersteund formaat', titleEn: 'Unsupported media type',
        detailNl: 'Stuur het bestand als text/csv of als multipart/form-data met het veld "file".',
        detailEn: 'Send the file as text/csv or as multipart/form-data with the field "file".',
      });
    }

    let progress: ImportProgress | null = null;
    if (req.query.progressToken) {
      progress = registry.start(req.query.progressToken, subject.userId, declared);
      if (!progress) {
        source.resume();
        throw problem.conflict('progress_token_in_use', 'Dit voortgangstoken is al in gebruik; kies een nieuw.', 'This progress token is already in use; choose a new one.');
      }
    }

    const refs = await loadReferences(db);
    const allowed = subject.role === 'platform_admin'
      ? null
      : new Set([...refs.municipalities.values()].filter((id) => subject.scope.includes(id)));
    const importId = crypto.randomUUID();
    const startedAt = clock.now();
    const base = { id: importId, filename, partial, created_by: subject.userId, organisation_id: subject.organisationId, started_at: startedAt };

    const resultOf = (o: ImportOutcome, status: 'succeeded' | 'partial' | 'rejected') => ({
      importId,
      status,
      partial,
      rowsTotal: o.rowsTotal,
      rowsAccepted: status === 'rejected' ? 0 : o.rowsAccepted,
      rowsRejected: o.rowsRejected,
      rowsValid: o.rowsValid,
      inserted: status === 'rejected' ? 0 : o.inserted,
      updated: status === 'rejected' ? 0 : o.updated,
      rejections: o.rejections,
      rejectionsTruncated: o.rejectionsTruncated,
    });

    /** After the rollback: the refused import is still recorded, with its audit row. */
    const recordRefused = async (o: ImportOutcome) => {
      const r = resultOf(o, 'rejected');
      await transact(app, async (trx) => {
        await trx.insertInto('placement_imports').values({
          ...base, status: 'rejected', rows_total: r.rowsTotal, rows_accepted: 0, rows_rejected: r.rowsRejected,
          inserted: 0, updated: 0, rejections: JSON.stringify(r.rejections), finished_at: clock.now(),
        }).execute();
        await recordAudit(app, trx, req, {
          action: 'placement.import', resourceType: 'placement_import', resourceId: importId, outcome: 'failure',
          details: { status: 'rejected', partial, filename, rowsTotal: r.rowsTotal, rowsRejected: r.rowsRejected, rowsValid: r.rowsValid, bytes: o.bytes },
        });
      });
      if (progress) registry.finish(progress, 'rejected', importId);
      return r;
    };

    try {
      const result = await transact(app, async (trx) => {
        await trx.insertInto('placement_imports').values({ ...base, status: 'succeeded', rejections: '[]', finished_at: startedAt }).execute();
        const o = await importPlacements({ trx, source, importId, now: startedAt, refs, allowedMunicipalities: allowed, maxBytes, progress });
        if (o.empty || o.headerRejected) throw new Refused(o);
        if (o.rowsTotal === 0) {
          o.rejections.push({ row: 1, code: 'no_rows', message: { nl: 'Het bestand bevat alleen een kopregel en geen plaatsingen.', en: 'The file holds only a header and no placements.' } });
          throw new Refused(o);
        }
        if (o.rowsRejected > 0 && !partial) throw new Refused(o);
        const status = o.rowsRejected > 0 ? 'partial' : 'succeeded';
        const r = resultOf(o, status);
        await trx.updateTable('placement_imports').set({
          status, rows_total: r.rowsTotal, rows_accepted: r.rowsAccepted, rows_rejected: r.rowsRejected,
          inserted: r.inserted, updated: r.updated, rejections: JSON.stringify(r.rejections), finished_at: clock.now(),
        }).where('id', '=', importId).execute();
        await recordAudit(app, trx, req, {
          action: 'placement.import', resourceType: 'placement_import', resourceId: importId, outcome: 'success',
          details: { status, partial, filename, rowsTotal: r.rowsTotal, rowsAccepted: r.rowsAccepted, rowsRejected: r.rowsRejected, inserted: r.inserted, updated: r.updated, bytes: o.bytes },
        });
        return r;
      });
      if (progress) registry.finish(progress, result.status, importId);
      return result;
    } catch (err) {
      if (err instanceof Refused) {
        const o = err.outcome;
        if (o.empty) {
          if (progress) registry.finish(progress, 'failed', null);
          throw problem.badRequest('empty_file', 'Het bestand is leeg.', 'The file is empty.');
        }
        const r = await recordRefused(o);
        const [nl, en] = o.headerRejected
          ? ['De kopregel (rij 1) is ongeldig; er is niets geïmporteerd.', 'The header (row 1) is invalid; nothing was imported.']
          : r.rowsTotal === 0
            ? ['Het bestand bevat geen plaatsingen; er is niets geïmporteerd.', 'The file holds no placements; nothing was imported.']
            : [
                `${r.rowsRejected} van de ${r.rowsTotal} rijen zijn afgekeurd; er is niets geïmporteerd (alles of niets). Verbeter die rijen, of importeer met partial=true alleen de geldige rijen.`,
                `${r.rowsRejected} of ${r.rowsTotal} rows were rejected; nothing was imported (all or nothing). Correct those rows, or import with partial=true to keep only the valid rows.`,
              ];
        // RFC 9457 reserves `status` for the HTTP status: the import's status travels as importStatus.
        const { status: importStatus, ...rest } = r;
        throw problem.unprocessable('import_rejected', nl, en, undefined, { ...rest, importStatus });
      }
      if (err instanceof Problem && err.status === 413) {
        reply.header('connection', 'close');
        const at = err.init.extra ?? {};
        err.init.extra = { ...at, importId };
        await recordRefused({
          rowsTotal: typeof at.rowsRead === 'number' ? at.rowsRead : 0, rowsValid: 0, rowsAccepted: 0, rowsRejected: 0, inserted: 0, updated: 0,
          rejections: [{ row: typeof at.row === 'number' ? at.row : 1, code: 'file_too_large', message: { nl: err.init.detailNl!, en: err.init.detailEn! } } satisfies Rejection],
          rejectionsTruncated: false, headerRejected: false, empty: false, bytes: maxBytes,
        });
        throw err;
      }
      if (progress) registry.finish(progress, 'failed', null);
      throw err;
    }
  });

  app.get('/imports/placements', {
    config: { action: 'placement.import', resourceType: 'placement_import' },
    schema: {
      tags: ['imports'],
      summary: 'Recent placement imports, newest first (a programme analyst sees those of its organisation)',
      querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ImportSummarySchema), total: Type.Integer() }), ...ProblemResponses },
    },
  }, async (req) => {
    const scope = visibleScope(subjectOf(req));
    const where = scope ? sql`WHERE i.organisation_id = ANY(${scope}::uuid[])` : sql``;
    const [{ rows }, { rows: count }] = await Promise.all([
      sql<ImportRow>`
        SELECT i.id, i.filename, i.status, i.partial, i.rows_total, i.rows_accepted, i.rows_rejected, i.inserted, i.updated,
               u.name AS created_by_name, i.organisation_id, i.started_at, i.finished_at
          FROM placement_imports i LEFT JOIN users u ON u.id = i.created_by
          ${where}
         ORDER BY i.started_at DESC, i.id
         LIMIT ${req.query.limit ?? 50} OFFSET ${req.query.offset ?? 0}`.execute(db),
      sql<{ n: number }>`SELECT count(*)::int AS n FROM placement_imports i ${where}`.execute(db),
    ]);
    return { items: rows.map(summaryView), total: count[0]?.n ?? 0 };
  });

  app.get('/imports/placements/progress/:token', {
    config: { action: 'placement.import', resourceType: 'placement_import' },
    schema: {
      tags: ['imports'],
      summary: 'Progress of a running import started with ?progressToken (kept per server process; only the importer sees it)',
      params: Type.Object({ token: Uuid }, { additionalProperties: false }),
      response: { 200: ProgressSchema, ...ProblemResponses },
    },
  }, async (req, reply) => {
    const p = registry.get(req.params.token, subjectOf(req).userId);
    if (!p) throw problem.notFound('De voortgang van deze import', 'The progress of this import');
    reply.header('cache-control', 'no-store');
    return {
      token: p.token, status: p.status, importId: p.importId, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal,
      rowsProcessed: p.rowsProcessed, rowsAccepted: p.rowsAccepted, rowsRejected: p.rowsRejected, phase: p.phase,
    };
  });

  app.get('/imports/placements/:id', {
    config: { action: 'placement.import', resourceType: 'placement_import' },
    schema: {
      tags: ['imports'],
      summary: 'One placement import with its stored rejections',
      params: IdParams,
      response: { 200: ImportDetailSchema, ...ProblemResponses },
    },
  }, async (req) => {
    const scope = visibleScope(subjectOf(req));
    const { rows } = await sql<ImportRow & { rejections: unknown }>`
      SELECT i.id, i.filename, i.status, i.partial, i.rows_total, i.rows_accepted, i.rows_rejected, i.inserted, i.updated,
             u.name AS created_by_name, i.organisation_id, i.started_at, i.finished_at, i.rejections
        FROM placement_imports i LEFT JOIN users u ON u.id = i.created_by
       WHERE i.id = ${req.params.id} ${scope ? sql`AND i.organisation_id = ANY(${scope}::uuid[])` : sql``}`.execute(db);
    const r = rows[0];
    if (!r) throw problem.notFound('De import', 'The import');
    const rejections = (typeof r.rejections === 'string' ? JSON.parse(r.rejections) : r.rejections) as Rejection[];
    return { ...summaryView(r), rejections, rejectionsTruncated: r.rows_rejected > 0 && rejections.length >= MAX_REJECTIONS };
  });
}
