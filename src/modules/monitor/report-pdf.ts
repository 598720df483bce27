/**
 * The printable monthly report (maandrapportage) of the monitor: the headline figures, every
 * dashboard table (domain/monitor/tables.ts, the same models the web page renders) and the
 * notes and warnings, in Dutch or English, rendered with pdfmake through src/platform/pdf.ts
 * (the Roboto fonts of the pdfmake package; no URL or file access).
 * Aggregates only: no personal data, so no "Vertrouwelijk — AVG" footer.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MonitorResponse } from '../../domain/monitor/model.ts';
import { renderPdf as toBuffer } from '../../platform/pdf.ts';
import { MONTHS, SIGNAL_TEXT, STATUS_TEXT, TABLE_NAMES, areaText, flattenTable, headline, monitorTable, uptoText, type TableModel, type TableOptions } from '../../domain/monitor/tables.ts';
import { dateInWords } from '../../domain/monitor/period.ts';

const COLOR = { ink: '#1f1f1f', muted: '#5a5a5a', line: '#cfd4da', accent: '#004699', band: '#f2f4f7' } as const;
const MARGIN_X = 36;
export type ReportLang = 'nl' | 'en';
const NUMBER_FORMAT: Record<ReportLang, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};
const showIn = (lang: ReportLang) => (v: string | number | null): string => (v === null ? '—' : typeof v === 'number' ? NUMBER_FORMAT[lang].format(v) : v);

/** The report's own words; everything else (tables, notes, warnings) carries both languages. */
const WORDS = {
  noData: { nl: 'Geen gegevens voor deze selectie.', en: 'No data for this selection.' },
  deliveredTo: { nl: 'Geleverd t/m', en: 'Delivered up to' },
  of: { nl: 'van', en: 'of' },
  agreedYear: { nl: 'afgesproken voor heel {y}', en: 'agreed for all of {y}' },
  corporationYear: { nl: 'taakstelling van de corporatie voor heel {y}', en: "the corporation's own target for all of {y}" },
  expectedTo: { nl: 'Doel t/m', en: 'Target up to' },
  proRated: { nl: 'naar rato van de afspraak', en: 'the agreement pro rata' },
  proRatedCorporation: { nl: 'naar rato van de taakstelling van de corporatie', en: "the corporation's target pro rata" },
  inMonth: { nl: 'Geleverd in', en: 'Delivered in' },
  monthShare: { nl: 'maanddeel tot nu toe', en: "the month's share so far" },
  onTrack: { nl: 'Op stoom of achter', en: 'On track or behind' },
  realisation: { nl: 'Realisatie in het jaar', en: 'Realisation in the year' },
  within3: { nl: 'Binnen 3 maanden gehuisvest', en: 'Housed within 3 months' },
  households: { nl: 'huishoudens', en: 'households' },
  waiting: { nl: 'Huishoudens nog wachtend', en: 'Households still waiting' },
  signal: { nl: 'Regionaal signaal statushouders', en: 'Regional signal, statushouders' },
  current: { nl: 'Huidige', en: 'Current' },
  initial: { nl: 'Eerste', en: 'Initial' },
  versionLine: { nl: 'verdeling: versie {v}, besluit {d}, geldig vanaf {e}', en: 'distribution: version {v}, decided {d}, effective from {e}' },
  title: { nl: 'Maandrapportage monitor', en: 'Monthly monitor report' },
  asOf: { nl: 'Stand per', en: 'As of' },
  generated: { nl: 'Aangemaakt op', en: 'Generated on' },
  headline: { nl: 'Kerncijfers', en: 'Headline figures' },
  warnings: { nl: 'Waarschuwingen', en: 'Warnings' },
  versions: { nl: 'Versies van de verdeling (R-MO-09)', en: 'Versions of the distribution (R-MO-09)' },
  notes: { nl: 'Toelichting', en: 'Notes' },
  rounding: {
    nl: 'Percentages zijn afgerond op hele procenten (half naar boven). De monitor bevat alleen totalen, geen persoonsgegevens.',
    en: 'Percentages are rounded to whole percent (half up). The monitor holds totals only, no personal data.',
  },
  through: { nl: 't/m', en: 'up to' },
  totalsOnly: { nl: 'Alleen totalen, geen persoonsgegevens', en: 'Totals only, no personal data' },
  page: { nl: 'Pagina {p} van {n}', en: 'Page {p} of {n}' },
} as const;

function tableBlock(t: TableModel, m: MonitorResponse, lang: ReportLang): Content[] {
  const show = showIn(lang);
  const flat = flattenTable(t, lang);
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
    { text: t.caption[lang], style: 'h2', headlineLevel: 1 },
    t.rows.length
      ? { table: { headerRows: 1, widths: ['*', ...t.columns.map(() => 'auto' as const)], body }, layout: {
          hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => COLOR.line,
          fillColor: (row: number) => (row === 0 ? COLOR.band : null), paddingTop: () => 3, paddingBottom: () => 3,
        } }
      : { text: WORDS.noData[lang], style: 'note' },
    ...notes.map((n): Content => ({ text: `${n.id === 'R-MO-25' ? '* ' : ''}${n.text[lang]} (${n.id})`, style: 'note' })),
  ];
}

/** The monthly report as a PDF (A4 landscape), in Dutch (default) or English. */
export async function renderMonitorReportPdf(m: MonitorResponse, opts: TableOptions = {}, generatedOn?: string, lang: ReportLang = 'nl'): Promise<Buffer> {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const show = showIn(lang);
  const h = headline(m);
  const tables = TABLE_NAMES.map((name) => monitorTable(m, name, opts));
  const month = MONTHS[m.month - 1]![lang];
  const upto = uptoText(m)[lang];
  const area = areaText(m)[lang];
  const corporation = m.scope.corporation ? m.labels.corporations[m.scope.corporation] ?? m.scope.corporation : null;
  const scope = [area, corporation].filter(Boolean).join(', ');
  const yearWord = (k: 'agreedYear' | 'corporationYear') => w(k).replace('{y}', String(m.year));
  const tiles: Array<[string, string]> = [
    [`${w('deliveredTo')} ${upto}`, `${show(h.deliveredYtd)}${h.agreed !== null ? ` ${w('of')} ${show(h.agreed)} ${yearWord(h.targetKind === 'corporation' ? 'corporationYear' : 'agreedYear')}` : ''}`],
    [`${w('expectedTo')} ${upto}`, h.expectedToDate === null ? '—' : `${show(h.expectedToDate)} (${w(h.targetKind === 'corporation' ? 'proRatedCorporation' : 'proRated')})`],
    [`${w('inMonth')} ${month}`, `${show(h.monthDelivered)}${h.monthTarget !== null ? ` (${w('monthShare')}: ${show(h.monthTarget)})` : ''}`],
    [w('onTrack'), h.status ? STATUS_TEXT[h.status][lang] : '—'],
    [w('realisation'), h.realisation === null ? '—' : `${show(h.realisation)}%`],
    [w('within3'), h.within3 === null ? '—' : `${show(h.within3)}% (${w('of')} ${show(h.waitBase)} ${w('households')})`],
    [w('waiting'), show(h.waiting)],
    [w('signal'), h.signal ? SIGNAL_TEXT[h.signal]?.[lang] ?? h.signal : '—'],
  ];
  const versions = m.planVersions.map((v) => `${v.role === 'current' ? w('current') : w('initial')} ${w('versionLine').replace('{v}', String(v.versionNo)).replace('{d}', dateInWords(v.decisionDate, lang)).replace('{e}', dateInWords(v.effectiveFrom, lang))} — ${v.reason}`);
  const title = `${w('title')} ${area} ${m.year}`;
  const content: Content[] = [
    { text: title, style: 'title' },
    { text: `${scope}. ${w('asOf')} ${dateInWords(m.asOf, lang)}.${generatedOn ? ` ${w('generated')} ${dateInWords(generatedOn, lang)}.` : ''}`, style: 'subtitle' },
    { text: w('headline'), style: 'h2' },
    { table: { widths: [190, '*'], body: tiles.map(([a, b]) => [{ text: a, style: 'th' }, { text: b, style: 'td' }]) }, layout: 'lightHorizontalLines' },
    ...(m.warnings.length ? [{ text: w('warnings'), style: 'h2' } as Content, { ul: m.warnings.map((x) => x.text[lang]), style: 'td' } as Content] : []),
    ...(versions.length ? [{ text: w('versions'), style: 'h2' } as Content, { ul: versions, style: 'td' } as Content] : []),
    ...tables.flatMap((t) => tableBlock(t, m, lang)),
    { text: w('notes'), style: 'h2' },
    { ul: m.notes.map((n) => `${n.text[lang]} (${n.id})`), style: 'note' },
    { text: w('rounding'), style: 'note', margin: [0, 6, 0, 0] },
  ];
  return toBuffer({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN_X, 48, MARGIN_X, 44],
    compress: true,
    language: lang === 'nl' ? 'nl-NL' : 'en-GB',
    info: { title: `${title} ${w('through')} ${upto}`, creator: 'Thuisroute', producer: 'Thuisroute' },
    header: () => ({ columns: [{ text: `Thuisroute · ${w('title')}`, style: 'small' }, { text: scope, style: 'small', alignment: 'right' }], margin: [MARGIN_X, 22, MARGIN_X, 0] }),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [{ text: w('totalsOnly'), style: 'small' }, { text: w('page').replace('{p}', String(currentPage)).replace('{n}', String(pageCount)), style: 'small', alignment: 'right' }],
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
