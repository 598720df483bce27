/**
 * The monitor's long-form rows as CSV (csv-stringify) and XLSX (exceljs): the same rows and
 * numbers as the JSON, with a sheet of notes and warnings in the workbook.
 *
 * CSV files are made for Dutch Excel (issue 9): a UTF-8 byte order mark (so Excel reads UTF-8),
 * semicolons between fields, a decimal comma, CRLF line ends. File names are Dutch (or English
 * with lang=en) and name the municipality or region actually shown.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { MonitorResponse, MonitorRow } from '../../domain/monitor/model.ts';
import { dateInWords, decimalComma, regionName } from '../../domain/monitor/period.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ROW_COLUMNS = [
  'metric', 'period', 'month', 'half', 'year', 'region', 'municipality', 'corporation', 'mainGroup', 'targetGroup', 'groupSet',
  'planVersion', 'bucket', 'route', 'district', 'neighbourhood', 'outsideAgreement', 'measure', 'reportRow', 'value', 'unit',
] as const satisfies ReadonlyArray<keyof MonitorRow>;

function cell(r: MonitorRow, c: (typeof ROW_COLUMNS)[number]): string | number | boolean | null {
  const v = r[c];
  return v === undefined ? null : (v as string | number | boolean | null);
}

export type CsvCell = string | number | boolean | null | undefined;

/** Rows as a CSV for Dutch Excel: BOM, ';', decimal comma, CRLF. */
export function dutchCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? decimalComma(c) : typeof c === 'boolean' ? (c ? 'true' : 'false') : c ?? null)));
  return `\uFEFF${stringify(cells, { delimiter: ';', record_delimiter: 'windows' })}`;
}

export function monitorCsv(m: MonitorResponse): string {
  return dutchCsv([[...ROW_COLUMNS], ...m.rows.map((r) => ROW_COLUMNS.map((c) => cell(r, c)))]);
}

/** What a title or file name needs: the scope asked for and the names of its codes. */
export interface ScopeNames {
  year: number;
  month: number;
  scope: MonitorResponse['scope'];
  labels: { municipalities: Record<string, { name: string }>; regions: Record<string, string>; corporations: Record<string, string> };
}

/** The name of the area shown: the municipality, the region (named once), or all municipalities. */
export function areaName(m: Pick<ScopeNames, 'scope' | 'labels'>, lang: 'nl' | 'en'): string {
  if (m.scope.municipality) return m.labels.municipalities[m.scope.municipality]?.name ?? m.scope.municipality;
  if (m.scope.region) return regionName(m.labels.regions[m.scope.region] ?? m.scope.region, lang);
  return lang === 'nl' ? 'alle gemeenten' : 'all municipalities';
}

/** Lower-case ASCII words joined by hyphens, for a file name ("Gemeente Súdwest" → "gemeente-sudwest"). */
export function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** "monitor-doelgroepen-gemeente-veenhaven-de-linde-wonen-2024-09" (without extension). */
export function exportFileName(m: ScopeNames, what: string, lang: 'nl' | 'en'): string {
  const corporation = m.scope.corporation ? m.labels.corporations[m.scope.corporation] ?? m.scope.corporation : null;
  return ['monitor', what, slug(areaName(m, lang)), ...(corporation ? [slug(corporation)] : []), String(m.year), String(m.month).padStart(2, '0')].filter(Boolean).join('-');
}

/** Content-Disposition for a download (the name is ASCII by construction; filename* for safety). */
export function contentDisposition(file: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = file.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`;
}

export async function monitorXlsx(m: MonitorResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thuisroute';
  const ws = wb.addWorksheet('Monitor');
  ws.columns = ROW_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'value' ? 14 : 16 }));
  for (const r of m.rows) ws.addRow(ROW_COLUMNS.map((c) => cell(r, c)));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('Toelichting');
  notes.columns = [{ header: 'id', key: 'id', width: 12 }, { header: 'nl', key: 'nl', width: 90 }, { header: 'en', key: 'en', width: 90 }];
  notes.addRow(['Gebied', areaName(m, 'nl'), areaName(m, 'en')]);
  notes.addRow(['Periode', `${m.year}, stand per ${dateInWords(m.asOf, 'nl')}`, `${m.year}, as of ${dateInWords(m.asOf, 'en')}`]);
  for (const n of m.notes) notes.addRow([n.id, n.text.nl, n.text.en]);
  for (const w of m.warnings) notes.addRow([w.code, w.text.nl, w.text.en]);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
