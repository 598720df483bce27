/**
 * The monitor's long-form rows as CSV (csv-stringify) and XLSX (exceljs): the same rows and
 * numbers as the JSON, with a sheet of notes and warnings in the workbook.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { MonitorResponse, MonitorRow } from '../../domain/monitor/model.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ROW_COLUMNS = [
  'metric', 'period', 'month', 'half', 'year', 'region', 'municipality', 'corporation', 'mainGroup', 'targetGroup', 'groupSet',
  'planVersion', 'bucket', 'route', 'district', 'neighbourhood', 'outsideAgreement', 'measure', 'reportRow', 'value', 'unit',
] as const satisfies ReadonlyArray<keyof MonitorRow>;

function cell(r: MonitorRow, c: (typeof ROW_COLUMNS)[number]): string | number | boolean | null {
  const v = r[c];
  return v === undefined ? null : (v as string | number | boolean | null);
}

export function monitorCsv(m: MonitorResponse): string {
  return stringify(m.rows.map((r) => ROW_COLUMNS.map((c) => cell(r, c))), { header: true, columns: [...ROW_COLUMNS], cast: { boolean: (b) => (b ? 'true' : 'false') } });
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
  notes.addRow(['Periode', `${m.year}, t/m maand ${m.month} (${m.asOf})`, `${m.year}, up to month ${m.month} (${m.asOf})`]);
  for (const n of m.notes) notes.addRow([n.id, n.text.nl, n.text.en]);
  for (const w of m.warnings) notes.addRow([w.code, w.text.nl, w.text.en]);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
