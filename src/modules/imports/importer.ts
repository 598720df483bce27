/**
 * The streaming placements import: reads the CSV from a stream (never the whole file in
 * memory), validates every row (domain/monitor/placement-row.ts) and upserts the valid rows
 * in batches of BATCH_SIZE with ONE statement per batch (`INSERT … SELECT … FROM unnest(…)
 * ON CONFLICT (placement_id) DO UPDATE`), inside the caller's transaction. The caller decides
 * to commit or roll back from the returned outcome.
 *
 * Row numbers are line numbers in the file: the header is row 1; a quoted value spanning
 * several lines is reported at the line where its row ends.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { sql } from 'kysely';
import type { Trx } from '../../platform/http/tx.ts';
import { Problem } from '../../platform/http/problem.ts';
import { parseHeader, validateRow, type HeaderLayout, type ImportReferences, type ImportedPlacement, type RowProblem } from '../../domain/monitor/placement-row.ts';
import type { ImportProgress } from './progress.ts';

/** Rows per upsert statement. */
export const BATCH_SIZE = 5_000;
/** At most this many rejections are returned and stored; the count is always complete. */
export const MAX_REJECTIONS = 1_000;
/** A single row longer than this is refused (it also bounds memory when a quote is never closed). */
export const MAX_ROW_BYTES = 64 * 1024;

export interface Rejection {
  row: number;
  placementId?: string;
  field?: string;
  code: string;
  message: { nl: string; en: string };
}

export interface ImportOutcome {
  rowsTotal: number;
  rowsValid: number;
  rowsAccepted: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  rejections: Rejection[];
  rejectionsTruncated: boolean;
  /** The header was refused: nothing was read past row 1. */
  headerRejected: boolean;
  /** The file holds no row at all (not even a header). */
  empty: boolean;
  /** Bytes read from the upload. */
  bytes: number;
}

export interface ImportRun {
  trx: Trx;
  source: Readable;
  importId: string;
  now: Date;
  refs: ImportReferences;
  /** Municipality ids the importer may import rows for; null = any (platform administrator). */
  allowedMunicipalities: ReadonlySet<string> | null;
  maxBytes: number;
  progress: ImportProgress | null;
}

export function fileTooLarge(maxBytes: number): Problem {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new Problem({
    status: 413,
    code: 'file_too_large',
    titleNl: 'Bestand te groot',
    titleEn: 'File too large',
    detailNl: `Het bestand is groter dan ${mb > 0 ? `${mb} MB` : `${maxBytes} bytes`}; er is niets geïmporteerd. Splits het bestand op.`,
    detailEn: `The file exceeds ${mb > 0 ? `${mb} MB` : `${maxBytes} bytes`}; nothing was imported. Split the file.`,
    extra: { maxBytes },
  });
}

function uploadInterrupted(row: number): Problem {
  return new Problem({
    status: 400,
    code: 'upload_interrupted',
    titleNl: 'Upload afgebroken',
    titleEn: 'Upload interrupted',
    detailNl: `Het bestand kwam niet volledig binnen (afgebroken bij rij ${row}); er is niets geïmporteerd.`,
    detailEn: `The file did not arrive completely (cut off at row ${row}); nothing was imported.`,
    extra: { row },
  });
}

/** Counts bytes, remembers whether the last one was a newline, and stops at the size limit. */
class ByteLimit extends Transform {
  bytes = 0;
  lastByte = -1;
  constructor(private readonly maxBytes: number, private readonly progress: ImportProgress | null) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    this.bytes += chunk.length;
    if (chunk.length) this.lastByte = chunk[chunk.length - 1]!;
    if (this.progress) this.progress.bytesRead = this.bytes;
    if (this.bytes > this.maxBytes) cb(fileTooLarge(this.maxBytes));
    else cb(null, chunk);
  }
}

const TRUNCATED: Omit<RowProblem, 'field'> = {
  code: 'truncated_row',
  nl: 'Bestand afgebroken midden in een rij: de laatste rij is onvolledig.',
  en: 'File cut off mid-row: the last row is incomplete.',
};

function csvErrorProblem(err: CsvError): RowProblem {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const record = (err as unknown as { record?: unknown }).record;
      const got = Array.isArray(record) ? record.length : '?';
      return { code: 'column_count', nl: `Deze rij heeft ${got} kolommen; de kopregel heeft er een ander aantal.`, en: `This row has ${got} columns; the header has a different number.` };
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return { ...TRUNCATED, nl: 'Bestand afgebroken midden in een rij: een aanhalingsteken wordt niet gesloten.', en: 'File cut off mid-row: a quote is never closed.' };
    case 'CSV_MAX_RECORD_SIZE':
      return { code: 'row_too_long', nl: `Deze rij is langer dan ${MAX_ROW_BYTES / 1024} kB.`, en: `This row is longer than ${MAX_ROW_BYTES / 1024} kB.` };
    default:
      return { code: 'malformed_csv', nl: 'Deze rij is geen geldige CSV (aanhalingstekens of scheidingstekens kloppen niet).', en: 'This row is not valid CSV (quotes or separators are wrong).' };
  }
}

interface Batch {
  rows: number[];
  ids: string[];
  municipality: string[];
  corporation: (string | null)[];
  targetGroup: string[];
  mediation: (string | null)[];
  lease: (string | null)[];
  moveReason: string[];
  persons: number[];
  route: string[];
  wheelchair: boolean[];
  district: (string | null)[];
  neighbourhood: (string | null)[];
}

function emptyBatch(): Batch {
  return { rows: [], ids: [], municipality: [], corporation: [], targetGroup: [], mediation: [], lease: [], moveReason: [], persons: [], route: [], wheelchair: [], district: [], neighbourhood: [] };
}

function add(b: Batch, row: number, p: ImportedPlacement) {
  b.rows.push(row);
  b.ids.push(p.placementId);
  b.municipality.push(p.municipalityId);
  b.corporation.push(p.corporationId);
  b.targetGroup.push(p.targetGroup);
  b.mediation.push(p.activeMediationDate);
  b.lease.push(p.leaseSignedDate);
  b.moveReason.push(p.moveReason);
  b.persons.push(p.persons);
  b.route.push(p.route);
  b.wheelchair.push(p.wheelchairDwelling);
  b.district.push(p.district);
  b.neighbourhood.push(p.neighbourhood);
}

/** Runs the import inside `run.trx`; throws a Problem only for a refused upload (413) or a broken stream. */
export async function importPlacements(run: ImportRun): Promise<ImportOutcome> {
  const { trx, importId, now, refs, allowedMunicipalities, progress } = run;
  const out: ImportOutcome = {
    rowsTotal: 0, rowsValid: 0, rowsAccepted: 0, rowsRejected: 0, inserted: 0, updated: 0,
    rejections: [], rejectionsTruncated: false, headerRejected: false, empty: false, bytes: 0,
  };
  const reject = (row: number, problems: RowProblem[], placementId?: string) => {
    out.rowsRejected++;
    if (progress) progress.rowsRejected = out.rowsRejected;
    for (const p of problems) {
      if (out.rejections.length >= MAX_REJECTIONS) {
        out.rejectionsTruncated = true;
        return;
      }
      const r: Rejection = { row, code: p.code, message: { nl: p.nl, en: p.en } };
      if (placementId) r.placementId = placementId;
      if (p.field) r.field = p.field;
      out.rejections.push(r);
    }
  };

  const limiter = new ByteLimit(run.maxBytes, progress);
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    relax_column_count: false,
    max_record_size: MAX_ROW_BYTES,
  });
  // A skipped record's error is held back until the next one (or the end): the last one may turn out to be a row cut
  // off at the end of the file. (Skips are reported while parsing, ahead of the records still buffered for the loop.)
  let heldSkip: { row: number; problem: RowProblem; code: string } | null = null;
  const releaseSkip = () => {
    if (heldSkip) reject(heldSkip.row, [heldSkip.problem]);
    heldSkip = null;
  };
  parser.on('skip', (err: CsvError) => {
    out.rowsTotal++;
    releaseSkip();
    const line = (err as CsvError & { lines?: number }).lines ?? 0;
    heldSkip = { row: line, problem: csvErrorProblem(err), code: err.code };
  });

  let streamError: unknown = null;
  const onSourceError = (err: unknown) => {
    streamError ??= err;
    limiter.destroy(err as Error);
  };
  run.source.on('error', onSourceError);
  limiter.on('error', (err) => {
    streamError ??= err;
    parser.destroy(err);
  });
  run.source.pipe(limiter).pipe(parser);

  const seen = new Map<string, number>();
  let layout: HeaderLayout | null = null;
  let batch = emptyBatch();

  const flush = async () => {
    if (!batch.ids.length) return;
    const b = batch;
    batch = emptyBatch();
    const scope = allowedMunicipalities ? [...allowedMunicipalities] : null;
    const { rows } = await sql<{ placement_id: string; inserted: boolean }>`
      INSERT INTO placements (placement_id, municipality_id, corporation_id, target_group, active_mediation_date, lease_signed_date,
                              move_reason, persons, route, wheelchair_dwelling, district, neighbourhood, source, import_id, created_at, updated_at)
      SELECT t.placement_id, t.municipality_id, t.corporation_id, t.target_group, t.active_mediation_date, t.lease_signed_date,
             t.move_reason, t.persons, t.route, t.wheelchair_dwelling, t.district, t.neighbourhood, 'import', ${importId}::uuid, ${now}, ${now}
        FROM unnest(${b.ids}::text[], ${b.municipality}::uuid[], ${b.corporation}::uuid[], ${b.targetGroup}::text[],
                    ${b.mediation}::date[], ${b.lease}::date[], ${b.moveReason}::text[], ${b.persons}::int[], ${b.route}::text[],
                    ${b.wheelchair}::boolean[], ${b.district}::text[], ${b.neighbourhood}::text[])
          AS t(placement_id, municipality_id, corporation_id, target_group, active_mediation_date, lease_signed_date,
               move_reason, persons, route, wheelchair_dwelling, district, neighbourhood)
      ON CONFLICT (placement_id) DO UPDATE SET
        municipality_id = EXCLUDED.municipality_id, corporation_id = EXCLUDED.corporation_id, target_group = EXCLUDED.target_group,
        active_mediation_date = EXCLUDED.active_mediation_date, lease_signed_date = EXCLUDED.lease_signed_date,
        move_reason = EXCLUDED.move_reason, persons = EXCLUDED.persons, route = EXCLUDED.route,
        wheelchair_dwelling = EXCLUDED.wheelchair_dwelling, district = EXCLUDED.district, neighbourhood = EXCLUDED.neighbourhood,
        import_id = EXCLUDED.import_id, version = placements.version + 1, updated_at = EXCLUDED.updated_at
      WHERE placements.source = 'import'
        ${scope ? sql`AND placements.municipality_id = ANY(${scope}::uuid[])` : sql``}
      RETURNING placement_id, (xmax::text = '0') AS inserted`.execute(trx);
    for (const r of rows) {
      if (r.inserted) out.inserted++;
      else out.updated++;
    }
    out.rowsAccepted += rows.length;
    if (rows.length < b.ids.length) {
      // Rows the upsert left alone: placements kept elsewhere, or of a municipality outside the importer's scope.
      const written = new Set(rows.map((r) => r.placement_id));
      const missing = b.ids.filter((id) => !written.has(id));
      const { rows: existing } = await sql<{ placement_id: string; source: string }>`
        SELECT placement_id, source FROM placements WHERE placement_id = ANY(${missing}::text[])`.execute(trx);
      const sourceOf = new Map(existing.map((e) => [e.placement_id, e.source]));
      b.ids.forEach((id, i) => {
        if (written.has(id)) return;
        const source = sourceOf.get(id);
        const problem: RowProblem = source === 'trajectory'
          ? { field: 'placement_id', code: 'managed_elsewhere', nl: 'Deze plaatsing komt uit een traject en wordt daar bijgehouden; de import wijzigt haar niet.', en: 'This placement comes from a trajectory and is kept there; the import does not change it.' }
          : source === 'matching'
            ? { field: 'placement_id', code: 'managed_elsewhere', nl: 'Deze plaatsing komt uit de matching en wordt daar bijgehouden; de import wijzigt haar niet.', en: 'This placement comes from matching and is kept there; the import does not change it.' }
            : { field: 'placement_id', code: 'outside_scope', nl: 'Deze plaatsing bestaat al voor een gemeente buiten uw organisatie; u mag haar niet wijzigen.', en: 'This placement already exists for a municipality outside your organisation; you may not change it.' };
        reject(b.rows[i]!, [problem], id);
      });
    }
    if (progress) progress.rowsAccepted = out.rowsAccepted;
  };

  // One upsert in flight while the next batch is parsed and validated: the database and the
  // parser work at the same time (one connection, so never two statements at once).
  let inFlight: Promise<void> | null = null;
  const flushAhead = async () => {
    if (inFlight) await inFlight;
    const next = flush();
    next.catch(() => {}); // awaited later; this only keeps it from counting as unhandled
    inFlight = next;
  };
  const settle = async () => {
    const pending = inFlight;
    inFlight = null;
    if (pending) await pending;
  };

  let lastLine = 1;
  let dbError: unknown = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = item.info.lines;
      lastLine = line;
      if (!layout) {
        const h = parseHeader(item.record);
        if (!h.ok) {
          out.headerRejected = true;
          reject(1, h.problems);
          out.rowsRejected = 0; // the file is refused as a whole; no data row was read
          break;
        }
        layout = h.layout;
        continue;
      }
      out.rowsTotal++;
      if (progress) progress.rowsProcessed = out.rowsTotal;
      const r = validateRow(layout, item.record, refs);
      if (!r.ok) {
        reject(line, r.problems, r.placementId);
        continue;
      }
      const p = r.placement;
      if (allowedMunicipalities && !allowedMunicipalities.has(p.municipalityId)) {
        reject(line, [{ field: 'municipality', code: 'outside_scope', nl: `U mag alleen plaatsingen importeren van gemeenten binnen uw organisatie; "${item.record[layout.municipality!]!.trim()}" valt daarbuiten.`, en: `You may only import placements of municipalities within your organisation; "${item.record[layout.municipality!]!.trim()}" is outside it.` }], p.placementId);
        continue;
      }
      const first = seen.get(p.placementId);
      if (first !== undefined) {
        reject(line, [{ field: 'placement_id', code: 'duplicate_in_file', nl: `placement_id "${p.placementId}" komt al voor in rij ${first} van dit bestand.`, en: `placement_id "${p.placementId}" already occurs in row ${first} of this file.` }], p.placementId);
        continue;
      }
      seen.set(p.placementId, line);
      out.rowsValid++;
      add(batch, line, p);
      if (batch.ids.length >= BATCH_SIZE) {
        try {
          await flushAhead();
        } catch (e) {
          dbError = e;
          throw e;
        }
      }
    }
  } catch (e) {
    if (e === dbError) throw e;
    // Let a running upsert finish before the transaction is rolled back; its own error, if any, is moot.
    await settle().catch(() => {});
    if (e instanceof Problem) {
      // The upload was refused while streaming (413): say where reading stopped.
      e.init.extra = { ...e.init.extra, row: lastLine + 1, rowsRead: out.rowsTotal };
      throw e;
    }
    throw uploadInterrupted(lastLine + 1);
  } finally {
    run.source.off('error', onSourceError);
    out.bytes = limiter.bytes;
  }
  try {
    await settle();
  } catch (e) {
    dbError = e;
    throw e;
  }
  if (out.headerRejected) {
    // Stop parsing; the rest of the upload is read and discarded so the connection stays usable.
    limiter.unpipe(parser);
    run.source.unpipe(limiter);
    run.source.on('error', () => {});
    run.source.resume();
    return out;
  }
  if (streamError) throw streamError;
  if (heldSkip) {
    const h = heldSkip as { row: number; problem: RowProblem; code: string };
    const lastLine = parser.info.lines;
    const endsWithNewline = limiter.lastByte === 0x0a || limiter.lastByte === 0x0d;
    if (h.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && h.row >= lastLine && !endsWithNewline) {
      heldSkip = { ...h, problem: { ...TRUNCATED } };
    }
    releaseSkip();
  }
  if (!layout) {
    // No header row: an empty file (or one whose first row is not even valid CSV).
    if (out.rejections.length) out.headerRejected = true;
    else out.empty = true;
    return out;
  }
  await flush();
  out.rejections.sort((a, b) => a.row - b.row);
  return out;
}
