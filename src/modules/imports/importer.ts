/**
 * The streaming placements import: reads the CSV from a stream (never the whole file in
 * memory), validates every row (domain/monitor/placement-row.ts) and stages the valid rows in
 * a temporary table (batches of BATCH_SIZE, one `INSERT … SELECT … FROM json_to_recordset(…)` each, while
 * the parser reads on). At the end one statement refuses duplicate placement_ids within the
 * file and one merges the rest into placements (`INSERT … SELECT … ON CONFLICT (placement_id)
 * DO UPDATE`), so indexes, foreign keys and the monthly rollup are maintained set-wise, once.
 * All inside the caller's transaction; the caller commits or rolls back from the outcome.
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

/** Rows per staging statement. */
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
  private readonly maxBytes: number;
  private readonly progress: ImportProgress | null;
  constructor(maxBytes: number, progress: ImportProgress | null) {
    super();
    this.maxBytes = maxBytes;
    this.progress = progress;
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

/**
 * A staged row as the staging statement reads it (json_to_recordset): short keys, because the
 * batch travels as one JSON text (JSON.stringify is native and one string per batch; thirteen
 * typed arrays cost a quoted, escaped element per value in the driver).
 */
interface StagedRow {
  l: number; p: string; m: string; c: string | null; t: string; a: string | null; s: string | null;
  r: string; n: number; o: string; w: boolean; d: string | null; b: string | null;
}

function stagedRow(row: number, p: ImportedPlacement): StagedRow {
  return {
    l: row, p: p.placementId, m: p.municipalityId, c: p.corporationId, t: p.targetGroup, a: p.activeMediationDate, s: p.leaseSignedDate,
    r: p.moveReason, n: p.persons, o: p.route, w: p.wheelchairDwelling, d: p.district, b: p.neighbourhood,
  };
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

  let layout: HeaderLayout | null = null;
  let batch: StagedRow[] = [];
  let staged = false;
  let stagedRows = 0;

  /** Valid rows go to a temporary staging table (no index, constraint or trigger); one merge statement follows. */
  const flush = async () => {
    if (!batch.length) return;
    const b = batch;
    batch = [];
    if (!staged) {
      await sql`
        CREATE TEMP TABLE placement_import_stage (
          line integer NOT NULL, placement_id text NOT NULL, municipality_id uuid NOT NULL, corporation_id uuid, target_group text NOT NULL,
          active_mediation_date date, lease_signed_date date, move_reason text NOT NULL, persons integer NOT NULL, route text NOT NULL,
          wheelchair_dwelling boolean NOT NULL, district text, neighbourhood text
        ) ON COMMIT DROP`.execute(trx);
      staged = true;
    }
    await sql`
      INSERT INTO placement_import_stage
      SELECT * FROM json_to_recordset(${JSON.stringify(b)}::json)
        AS x(l integer, p text, m uuid, c uuid, t text, a date, s date, r text, n integer, o text, w boolean, d text, b text)`.execute(trx);
    stagedRows += b.length;
    if (progress) progress.rowsAccepted = stagedRows;
  };

  /**
   * The staged rows in one statement: a placement_id that occurs twice in the file is refused at
   * its later rows; the first occurrence of each is upserted (idempotent on placement_id; a
   * placement kept by a trajectory or matching, or of a municipality outside the importer's
   * scope, is left alone and refused). One statement also means the monthly rollup
   * (placement_month_counts) is brought up to date once, from all rows together. A file without
   * duplicates (the usual case) is merged straight from the stage, in file order, without a sort.
   */
  const merge = async () => {
    if (!staged) return;
    if (progress) progress.phase = 'writing';
    // Memory for the sorts and hashes over the whole file (duplicates, DISTINCT ON, rows left alone) instead of spilling to disk.
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    const { rows: dups } = await sql<{ line: number; placement_id: string; first: number; total: number }>`
      SELECT line, placement_id, first, count(*) OVER ()::int AS total
        FROM (SELECT line, placement_id, min(line) OVER (PARTITION BY placement_id) AS first FROM placement_import_stage) d
       WHERE line > first ORDER BY line LIMIT ${MAX_REJECTIONS}`.execute(trx);
    for (const d of dups) {
      reject(d.line, [{ field: 'placement_id', code: 'duplicate_in_file', nl: `placement_id "${d.placement_id}" komt al voor in rij ${d.first} van dit bestand.`, en: `placement_id "${d.placement_id}" already occurs in row ${d.first} of this file.` }], d.placement_id);
    }
    const duplicates = dups[0]?.total ?? 0;
    out.rowsRejected += duplicates - dups.length; // counted in full, listed up to MAX_REJECTIONS
    if (duplicates > dups.length) out.rejectionsTruncated = true;
    out.rowsValid -= duplicates;
    const scope = allowedMunicipalities ? [...allowedMunicipalities] : null;
    const { rows: [counts] } = await sql<{ inserted: number; updated: number }>`
      WITH m AS (
        INSERT INTO placements (placement_id, municipality_id, corporation_id, target_group, active_mediation_date, lease_signed_date,
                                move_reason, persons, route, wheelchair_dwelling, district, neighbourhood, source, import_id, created_at, updated_at)
        SELECT s.placement_id, s.municipality_id, s.corporation_id, s.target_group, s.active_mediation_date, s.lease_signed_date,
               s.move_reason, s.persons, s.route, s.wheelchair_dwelling, s.district, s.neighbourhood, 'import', ${importId}::uuid, ${now}, ${now}
          FROM ${duplicates > 0 ? sql`(SELECT DISTINCT ON (placement_id) * FROM placement_import_stage ORDER BY placement_id, line)` : sql`placement_import_stage`} s
        ON CONFLICT (placement_id) DO UPDATE SET
          municipality_id = EXCLUDED.municipality_id, corporation_id = EXCLUDED.corporation_id, target_group = EXCLUDED.target_group,
          active_mediation_date = EXCLUDED.active_mediation_date, lease_signed_date = EXCLUDED.lease_signed_date,
          move_reason = EXCLUDED.move_reason, persons = EXCLUDED.persons, route = EXCLUDED.route,
          wheelchair_dwelling = EXCLUDED.wheelchair_dwelling, district = EXCLUDED.district, neighbourhood = EXCLUDED.neighbourhood,
          import_id = EXCLUDED.import_id, version = placements.version + 1, updated_at = EXCLUDED.updated_at
        WHERE placements.source = 'import'
          ${scope ? sql`AND placements.municipality_id = ANY(${scope}::uuid[])` : sql``}
        RETURNING (xmax::text = '0') AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM m`.execute(trx);
    out.inserted = counts!.inserted;
    out.updated = counts!.updated;
    out.rowsAccepted = out.inserted + out.updated;
    // Rows the upsert left alone (a placement kept by a trajectory or matching, or of a municipality
    // outside the importer's scope): only looked up when there are any. Every row this import wrote
    // now carries its import_id; a left-alone row's placement does not.
    const skipped = stagedRows - duplicates - out.rowsAccepted;
    const { rows: listed } = skipped > 0
      ? await sql<{ line: number; placement_id: string; source: string }>`
          SELECT line, placement_id, source FROM (
            SELECT DISTINCT ON (s.placement_id) s.line, s.placement_id, p.source
              FROM placement_import_stage s JOIN placements p ON p.placement_id = s.placement_id
             WHERE p.import_id IS DISTINCT FROM ${importId}::uuid
             ORDER BY s.placement_id, s.line) x
          ORDER BY line LIMIT ${MAX_REJECTIONS}`.execute(trx)
      : { rows: [] as Array<{ line: number; placement_id: string; source: string }> };
    for (const r of listed) {
      const problem: RowProblem = r.source === 'trajectory'
        ? { field: 'placement_id', code: 'managed_elsewhere', nl: 'Deze plaatsing komt uit een traject en wordt daar bijgehouden; de import wijzigt haar niet.', en: 'This placement comes from a trajectory and is kept there; the import does not change it.' }
        : r.source === 'matching'
          ? { field: 'placement_id', code: 'managed_elsewhere', nl: 'Deze plaatsing komt uit de matching en wordt daar bijgehouden; de import wijzigt haar niet.', en: 'This placement comes from matching and is kept there; the import does not change it.' }
          : { field: 'placement_id', code: 'outside_scope', nl: 'Deze plaatsing bestaat al voor een gemeente buiten uw organisatie; u mag haar niet wijzigen.', en: 'This placement already exists for a municipality outside your organisation; you may not change it.' };
      reject(r.line, [problem], r.placement_id);
    }
    out.rowsRejected += skipped - listed.length;
    if (skipped > listed.length) out.rejectionsTruncated = true;
    if (progress) {
      progress.rowsAccepted = out.rowsAccepted;
      progress.rowsRejected = out.rowsRejected;
    }
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
      out.rowsValid++;
      batch.push(stagedRow(line, p));
      if (batch.length >= BATCH_SIZE) {
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
  await merge();
  out.rejections.sort((a, b) => a.row - b.row);
  if (out.rejections.length > MAX_REJECTIONS) {
    out.rejections.length = MAX_REJECTIONS;
    out.rejectionsTruncated = true;
  }
  return out;
}
