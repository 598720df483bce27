/**
 * The printable monthly report (maandrapportage) of the monitor: the headline figures, every
 * dashboard table (domain/monitor/tables.ts, the same models the web page renders) and the
 * notes and warnings, in Dutch, rendered with pdfmake and the Roboto fonts of the pdfmake
 * package, the way src/modules/forms/pdf.ts does (private font file system, no URL or file access).
 * Aggregates only: no personal data, so no "Vertrouwelijk — AVG" footer.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MonitorResponse } from '../../domain/monitor/model.ts';
import { renderPdf as toBuffer } from '../../platform/pdf.ts';
import { MONTHS, SIGNAL_TEXT, STATUS_TEXT, TABLE_NAMES, flattenTable, headline, monitorTable, type TableModel, type TableOptions } from '../../domain/monitor/tables.ts';

const COLOR = { ink: '#1f1f1f', muted: '#5a5a5a', line: '#cfd4da', accent: '#004699', band: '#f2f4f7' } as const;
const MARGIN_X = 36;
const nf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const show = (v: string | number | null): string => (v === null ? '—' : typeof v === 'number' ? nf.format(v) : v);

function tableBlock(t: TableModel, m: MonitorResponse): Content[] {
  const flat = flattenTable(t, 'nl');
  const body: TableCell[][] = [
    flat.header.map((h, i) => ({ text: h, style: 'th', alignment: i === 0 ? 'left' : 'right' })),
    ...flat.rows.map((r, ri) => r.map((c, i): TableCell => ({
      text: `${show(c)}${i === 0 && t.rows[ri]!.note ? ' *' : ''}`,
      style: 'td',
      bold: t.rows[ri]!.level === 'total' || t.rows[ri]!.level === 'main',
      alignment: i === 0 ? 'left' : 'right',
      ...(i === 0 && t.rows[ri]!.level === 'target' ? { margin: [8, 0, 0, 0] } : {}),
    }))),
  ];
  const notes = t.notes.map((id) => m.notes.find((n) => n.id === id)).filter((n) => n !== undefined);
  return [
    { text: t.caption.nl, style: 'h2', headlineLevel: 1 },
    t.rows.length
      ? { table: { headerRows: 1, widths: ['*', ...t.columns.map(() => 'auto' as const)], body }, layout: {
          hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => COLOR.line,
          fillColor: (row: number) => (row === 0 ? COLOR.band : null), paddingTop: () => 3, paddingBottom: () => 3,
        } }
      : { text: 'Geen gegevens voor deze selectie.', style: 'note' },
    ...notes.map((n): Content => ({ text: `${n.id === 'R-MO-25' ? '* ' : ''}${n.text.nl} (${n.id})`, style: 'note' })),
  ];
}

/** The monthly report as a PDF (A4 landscape, Dutch). */
export async function renderMonitorReportPdf(m: MonitorResponse, opts: TableOptions = {}, generatedOn?: string): Promise<Buffer> {
  const h = headline(m);
  const tables = TABLE_NAMES.map((name) => monitorTable(m, name, opts));
  const month = MONTHS[m.month - 1]!.nl;
  const scope = tables[0]!.caption.nl.replace(/^.*\((.*)\)$/, '$1');
  const tiles: Array<[string, string]> = [
    ['Geleverd t/m ' + month, `${show(h.deliveredYtd)}${h.agreed !== null ? ` van ${show(h.agreed)} afgesproken` : ''}`],
    ['Verwacht t/m ' + month, show(h.expectedToDate)],
    ['Op stoom of achter', h.status ? STATUS_TEXT[h.status].nl : '—'],
    ['Realisatie in het jaar', h.realisation === null ? '—' : `${show(h.realisation)}%`],
    ['Binnen 3 maanden gehuisvest', h.within3 === null ? '—' : `${show(h.within3)}% (van ${show(h.waitBase)} huishoudens)`],
    ['Huishoudens nog wachtend', show(h.waiting)],
    ['Regionaal signaal statushouders', h.signal ? SIGNAL_TEXT[h.signal]?.nl ?? h.signal : '—'],
  ];
  const versions = m.planVersions.map((v) => `${v.role === 'current' ? 'Huidige' : 'Eerste'} verdeling: versie ${v.versionNo}, besluit ${v.decisionDate}, geldig vanaf ${v.effectiveFrom} — ${v.reason}`);
  const content: Content[] = [
    { text: `Maandrapportage monitor ${m.year}`, style: 'title' },
    { text: `${scope}. Stand per ${m.asOf}.${generatedOn ? ` Aangemaakt op ${generatedOn}.` : ''}`, style: 'subtitle' },
    { text: 'Kerncijfers', style: 'h2' },
    { table: { widths: [190, '*'], body: tiles.map(([a, b]) => [{ text: a, style: 'th' }, { text: b, style: 'td' }]) }, layout: 'lightHorizontalLines' },
    ...(m.warnings.length ? [{ text: 'Waarschuwingen', style: 'h2' } as Content, { ul: m.warnings.map((w) => w.text.nl), style: 'td' } as Content] : []),
    ...(versions.length ? [{ text: 'Versies van de verdeling (R-MO-09)', style: 'h2' } as Content, { ul: versions, style: 'td' } as Content] : []),
    ...tables.flatMap((t) => tableBlock(t, m)),
    { text: 'Toelichting', style: 'h2' },
    { ul: m.notes.map((n) => `${n.text.nl} (${n.id})`), style: 'note' },
    { text: 'Percentages zijn afgerond op hele procenten (half naar boven). De monitor bevat alleen totalen, geen persoonsgegevens.', style: 'note', margin: [0, 6, 0, 0] },
  ];
  return toBuffer({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN_X, 48, MARGIN_X, 44],
    compress: true,
    language: 'nl-NL',
    info: { title: `Maandrapportage monitor ${m.year} t/m ${month}`, creator: 'Thuisroute', producer: 'Thuisroute' },
    header: () => ({ columns: [{ text: 'Thuisroute · Maandrapportage monitor', style: 'small' }, { text: scope, style: 'small', alignment: 'right' }], margin: [MARGIN_X, 22, MARGIN_X, 0] }),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [{ text: 'Alleen totalen, geen persoonsgegevens', style: 'small' }, { text: `Pagina ${currentPage} van ${pageCount}`, style: 'small', alignment: 'right' }],
      margin: [MARGIN_X, 16, MARGIN_X, 0],
    }),
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.8,
    content,
    styles: {
      title: { fontSize: 18, bold: true, color: COLOR.accent, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 9.5, italics: true, color: COLOR.muted, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, color: COLOR.accent, margin: [0, 12, 0, 4] },
      th: { fontSize: 8, bold: true, color: COLOR.ink },
      td: { fontSize: 8.5, color: COLOR.ink },
      note: { fontSize: 8, italics: true, color: COLOR.muted, margin: [0, 3, 0, 0] },
      small: { fontSize: 8, color: COLOR.muted },
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.1, color: COLOR.ink },
  } as TDocumentDefinitions);
}
