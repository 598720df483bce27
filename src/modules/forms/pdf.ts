/**
 * PDF rendering of the three-party forms and of generic documents (trajectory summary,
 * subject-access export), server-side with pdfmake and the Roboto fonts bundled in the pdfmake
 * package (read once into a private in-memory file system). No network and no other file
 * access: URL fetching and local file access are denied. One layout (styles, header, footer,
 * section tables) serves both entry points.
 *
 * The form layout follows the definition (src/domain/forms): title and purpose, a header with
 * client and version, each shown field with label and answer (Ja/Nee, "maandag 6 april 2026",
 * "€ 450,00", goal tables), the R-OR-95 notice, and a signature block per party (name, function,
 * date, method — or empty lines for a party that has not signed the current version). Footer:
 * "Vertrouwelijk — AVG" and page numbers. Drafts carry a "CONCEPT" watermark.
 *
 * Metadata (see src/platform/pdf.ts for what pdfmake can and cannot do about tagging): title
 * (the form and the client, so a tab or window names the document), subject, keywords, author
 * and creator "Thuisroute", the language (nl-NL / en-GB) and /DisplayDocTitle.
 */
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, displayForm } from '../../domain/forms/display.ts';
import type { DisplayAnswer, Lang } from '../../domain/forms/display.ts';
import type { FormData, FormDefinition, FormStatus, SignatureParty } from '../../domain/forms/model.ts';
import { METHOD_LABELS, PARTIES_WITH_FUNCTION, PARTY_LABELS, signatureStatus } from '../../domain/forms/signatures.ts';
import type { FormSignature } from '../../domain/forms/signatures.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { renderPdf as toBuffer } from '../../platform/pdf.ts';

// ─── Shared layout ───────────────────────────────────────────────────────────

const COLOR = { ink: '#1f1f1f', muted: '#5a5a5a', line: '#cfd4da', accent: '#004699', band: '#f2f4f7' } as const;
const MARGIN_X = 48;

const TEXT = {
  page: { nl: (c: number, n: number) => `Pagina ${c} van ${n}`, en: (c: number, n: number) => `Page ${c} of ${n}` },
  confidential: { nl: 'Vertrouwelijk — AVG', en: 'Confidential — GDPR (AVG)' },
  client: { nl: 'Cliënt', en: 'Client' },
  trajectory: { nl: 'Traject', en: 'Trajectory' },
  form: { nl: 'Formulier', en: 'Form' },
  version: { nl: 'Versie', en: 'Version' },
  status: { nl: 'Status', en: 'Status' },
  generated: { nl: 'Aangemaakt op', en: 'Generated on' },
  empty: { nl: '—', en: '—' },
  notRecorded: { nl: '— (nog niet vastgelegd)', en: '— (not yet recorded)' },
  why: { nl: 'Waarom leggen we dit vast?', en: 'Why do we record this?' },
  signatures: { nl: 'Handtekeningen', en: 'Signatures' },
  name: { nl: 'Naam', en: 'Name' },
  function: { nl: 'Functie', en: 'Function' },
  date: { nl: 'Datum', en: 'Date' },
  method: { nl: 'Wijze', en: 'Method' },
  signature: { nl: 'Handtekening', en: 'Signature' },
  notSigned: { nl: 'Nog niet ondertekend', en: 'Not yet signed' },
  signedNote: {
    nl: (v: number) => `Alleen handtekeningen op versie ${v} tellen; het formulier is definitief met de handtekeningen van alle partijen (R-OR-38).`,
    en: (v: number) => `Only signatures on version ${v} count; the form is final with the signatures of all parties (R-OR-38).`,
  },
  staleNote: {
    nl: (n: number) => (n === 1 ? '1 handtekening op een eerdere versie is vervallen (R-OR-50).' : `${n} handtekeningen op een eerdere versie zijn vervallen (R-OR-50).`),
    en: (n: number) => (n === 1 ? '1 signature on an earlier version no longer counts (R-OR-50).' : `${n} signatures on an earlier version no longer count (R-OR-50).`),
  },
  draft: { nl: 'CONCEPT', en: 'DRAFT' },
} as const;

export const STATUS_LABELS: Readonly<Record<FormStatus, { nl: string; en: string }>> = {
  draft: { nl: 'Concept', en: 'Draft' },
  submitted: { nl: 'Ingediend', en: 'Submitted' },
  final: { nl: 'Definitief', en: 'Final' },
};

const STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 18, bold: true, color: COLOR.accent, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 9.5, italics: true, color: COLOR.muted, margin: [0, 0, 0, 10] },
  h2: { fontSize: 12, bold: true, color: COLOR.accent, margin: [0, 14, 0, 2] },
  label: { fontSize: 9, bold: true, color: COLOR.muted },
  help: { fontSize: 8, italics: true, color: COLOR.muted },
  answer: { fontSize: 10, color: COLOR.ink },
  empty: { fontSize: 10, color: '#9a9a9a' },
  th: { fontSize: 8.5, bold: true, color: COLOR.ink, fillColor: COLOR.band },
  td: { fontSize: 9, color: COLOR.ink },
  metaLabel: { fontSize: 8.5, bold: true, color: COLOR.muted },
  metaValue: { fontSize: 9.5, color: COLOR.ink },
  notice: { fontSize: 8.5, color: COLOR.ink },
  small: { fontSize: 8, color: COLOR.muted },
};

/** Thin horizontal rules between rows, no vertical lines. */
const ROWS_LAYOUT: CustomTableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => COLOR.line,
  paddingLeft: () => 0,
  paddingRight: (i: number) => (i === 0 ? 10 : 0),
  paddingTop: () => 5,
  paddingBottom: () => 5,
};

const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => COLOR.line,
  vLineColor: () => COLOR.line,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

const BOX_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 8,
  paddingRight: () => 8,
  paddingTop: () => 6,
  paddingBottom: () => 6,
  fillColor: () => COLOR.band,
};

export interface DocumentRow {
  label: string;
  answer: DisplayAnswer;
  help?: string;
  /** Shown for an empty answer instead of "—". */
  emptyText?: string;
}

function answerContent(a: DisplayAnswer, lang: Lang, emptyText?: string): Content {
  switch (a.kind) {
    case 'empty':
      return { text: emptyText ?? TEXT.empty[lang], style: 'empty' };
    case 'text':
      return { text: a.text, style: 'answer' };
    case 'table': {
      const widths = a.columns.map((k) => (k === 'short' ? 64 : k === 'date' ? 84 : '*'));
      const body: TableCell[][] = [a.head.map((h) => ({ text: h, style: 'th' })), ...a.rows.map((r) => r.map((c) => ({ text: c || '—', style: 'td' })))];
      return { table: { headerRows: 1, keepWithHeaderRows: 1, widths, body, dontBreakRows: true }, layout: GRID_LAYOUT, margin: [0, 2, 0, 0] };
    }
  }
}

/** A section heading with a rule under it, then label/answer rows (tables span the full width). */
function sectionBlock(heading: string, rows: ReadonlyArray<DocumentRow>, lang: Lang): Content[] {
  const body: TableCell[][] = rows.map((r): TableCell[] => {
    const label: Content = r.help ? { stack: [{ text: r.label, style: 'label' }, { text: r.help, style: 'help', margin: [0, 2, 0, 0] }] } : { text: r.label, style: 'label' };
    if (r.answer.kind === 'table') {
      // A short table stays on one page with its label.
      return [{ stack: [label, answerContent(r.answer, lang)], colSpan: 2, unbreakable: r.answer.rows.length <= 10 }, {}];
    }
    return [label, answerContent(r.answer, lang, r.emptyText)];
  });
  return [
    { text: heading, style: 'h2', headlineLevel: 1 },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 595.28 - 2 * MARGIN_X, y2: 0, lineWidth: 1, lineColor: COLOR.accent }], margin: [0, 0, 0, 2] },
    ...(body.length ? [{ table: { widths: [170, '*'], body }, layout: ROWS_LAYOUT } as Content] : []),
  ];
}

function metaBox(pairs: ReadonlyArray<[string, string]>): Content {
  const body: TableCell[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    const b = pairs[i + 1];
    body.push([
      { text: a[0], style: 'metaLabel' },
      { text: a[1], style: 'metaValue' },
      { text: b ? b[0] : '', style: 'metaLabel' },
      { text: b ? b[1] : '', style: 'metaValue' },
    ]);
  }
  return { table: { widths: ['auto', '*', 'auto', '*'], body }, layout: BOX_LAYOUT, margin: [0, 0, 0, 6] };
}

interface Frame {
  title: string;
  /** The title in the metadata (viewer tab/window), when it differs from the printed title. */
  documentTitle?: string;
  subject?: string;
  keywords?: string;
  subtitle?: string;
  headerLeft: string;
  headerRight: string;
  lang: Lang;
  generatedOn?: IsoDate;
  draft?: boolean;
  compress?: boolean;
  content: Content[];
}

/** The one page frame of every Thuisroute PDF: A4, header, footer with page numbers, styles. */
function frame(f: Frame): TDocumentDefinitions {
  const created = f.generatedOn && /^\d{4}-\d{2}-\d{2}$/.test(f.generatedOn) ? new Date(`${f.generatedOn}T00:00:00Z`) : undefined;
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 60, MARGIN_X, 56],
    compress: f.compress ?? true,
    language: f.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    info: {
      title: f.documentTitle ?? f.title,
      author: 'Thuisroute',
      subject: f.subject ?? f.subtitle ?? f.title,
      ...(f.keywords ? { keywords: f.keywords } : {}),
      creator: 'Thuisroute',
      producer: 'Thuisroute',
      ...(created && !Number.isNaN(created.getTime()) ? { creationDate: created } : {}),
    },
    ...(f.draft ? { watermark: { text: TEXT.draft[f.lang], color: COLOR.accent, opacity: 0.07, bold: true } } : {}),
    header: () => ({
      columns: [
        { text: f.headerLeft, style: 'small' },
        { text: f.headerRight, style: 'small', alignment: 'right' },
      ],
      margin: [MARGIN_X, 28, MARGIN_X, 0],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: TEXT.confidential[f.lang], style: 'small', bold: true },
        { text: TEXT.page[f.lang](currentPage, pageCount), style: 'small', alignment: 'right' },
      ],
      margin: [MARGIN_X, 22, MARGIN_X, 0],
    }),
    // Keep a section heading with at least its first row.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.85,
    content: [
      { text: f.title, style: 'title' },
      ...(f.subtitle ? [{ text: f.subtitle, style: 'subtitle' } as Content] : []),
      ...f.content,
    ],
    styles: STYLES,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15, color: COLOR.ink },
  } as TDocumentDefinitions;
}

// ─── Forms ───────────────────────────────────────────────────────────────────

export interface FormPdfMeta {
  clientName: string;
  trajectoryLabel: string;
  /** The form record's version (not the definition's). */
  formVersion: number;
  status: FormStatus;
  generatedOn: IsoDate;
}

export interface FormPdfInput {
  def: FormDefinition;
  /** The version's data; read-only fields (F-3 V-10…V-12) as filled in by the shell from the decisions. */
  data: FormData;
  lang: Lang;
  meta: FormPdfMeta;
  signatures: ReadonlyArray<FormSignature>;
  /** §8.3: only the fields marked `partialCopy` (the corporation's copy of F-3: V-01, V-03, V-09). */
  partialCopyOnly?: boolean;
}

export interface RenderOptions {
  /** Test-only: an uncompressed PDF, so its text can be inspected. Default true. */
  compress?: boolean;
}

function signatureBlock(def: FormDefinition, meta: FormPdfMeta, signatures: ReadonlyArray<FormSignature>, lang: Lang): Content[] {
  if (def.signatureParties.length === 0) return [];
  const st = signatureStatus(def, meta.formVersion, signatures);
  const blank = (label: string, height = 14): Content => ({
    stack: [
      { text: `${label}:`, style: 'metaLabel' },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 140, y2: 0, lineWidth: 0.5, lineColor: COLOR.muted }], margin: [0, height, 0, 0] },
    ],
    margin: [0, 5, 0, 0],
  });
  const partyCell = (party: SignatureParty): Content => {
    const s = st.valid.find((x) => x.party === party);
    const withFunction = PARTIES_WITH_FUNCTION.includes(party);
    const row = (label: string, value: string, muted = false): Content => ({
      text: [{ text: `${label}: `, style: 'metaLabel' }, { text: value, style: muted ? 'small' : 'metaValue' }],
      margin: [0, 3, 0, 0],
    });
    const lines: Content[] = s
      ? [
          row(TEXT.name[lang], s.name),
          ...(withFunction ? [row(TEXT.function[lang], s.function ?? '')] : []),
          row(TEXT.date[lang], formatDate(s.signedOn, lang)),
          row(TEXT.method[lang], METHOD_LABELS[s.method]?.[lang] ?? s.method, true),
        ]
      : [
          { text: TEXT.notSigned[lang], style: 'small', italics: true, margin: [0, 3, 0, 0] },
          blank(TEXT.name[lang]),
          ...(withFunction ? [blank(TEXT.function[lang])] : []),
          blank(TEXT.date[lang]),
          blank(TEXT.signature[lang], 28),
        ];
    return { stack: [{ text: PARTY_LABELS[party][lang], bold: true, color: COLOR.accent }, ...lines] };
  };
  const cells: TableCell[] = def.signatureParties.map(partyCell);
  // Heading, boxes and notes stay together on one page.
  return [
    {
      unbreakable: true,
      stack: [
        { text: TEXT.signatures[lang], style: 'h2' },
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 595.28 - 2 * MARGIN_X, y2: 0, lineWidth: 1, lineColor: COLOR.accent }], margin: [0, 0, 0, 6] },
        {
          table: { widths: def.signatureParties.map(() => '*'), body: [cells], dontBreakRows: true },
          layout: { ...GRID_LAYOUT, paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 8, paddingBottom: () => 10 },
        },
        { text: TEXT.signedNote[lang](meta.formVersion), style: 'small', margin: [0, 6, 0, 0] },
        ...(st.stale.length ? [{ text: TEXT.staleNote[lang](st.stale.length), style: 'small' } as Content] : []),
      ],
    } as Content,
  ];
}

export async function renderFormPdf(input: FormPdfInput, options: RenderOptions = {}): Promise<Buffer> {
  const { def, data, lang, meta, signatures } = input;
  const sections = displayForm(def, data, lang, input.partialCopyOnly ? { partialCopyOnly: true } : {});
  const title = def.title[lang];
  const content: Content[] = [
    metaBox([
      [TEXT.client[lang], meta.clientName],
      [TEXT.trajectory[lang], meta.trajectoryLabel],
      [TEXT.form[lang], `${def.kind} (${lang === 'nl' ? 'definitie' : 'definition'} ${def.version})`],
      [TEXT.version[lang], String(meta.formVersion)],
      [TEXT.status[lang], STATUS_LABELS[meta.status]?.[lang] ?? String(meta.status)],
      [TEXT.generated[lang], formatDate(meta.generatedOn, lang)],
    ]),
    {
      table: { widths: ['*'], body: [[{ stack: [{ text: TEXT.why[lang], bold: true, fontSize: 8.5 }, { text: def.privacyNotice[lang], style: 'notice' }] }]] },
      layout: { ...BOX_LAYOUT, fillColor: () => '#ffffff', hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => COLOR.line, vLineColor: () => COLOR.line },
      margin: [0, 0, 0, 4],
    },
    ...sections.flatMap((s) =>
      sectionBlock(
        s.title,
        s.fields.map((f) => ({
          label: f.label,
          answer: f.answer,
          ...(f.help ? { help: f.help } : {}),
          ...(f.field.readOnly ? { emptyText: TEXT.notRecorded[lang] } : {}),
        })),
        lang,
      ),
    ),
    ...signatureBlock(def, meta, signatures, lang),
  ];
  // A blank form to print has dots for the client; those do not belong in the title.
  const named = /[\p{L}\p{N}]/u.test(meta.clientName);
  return toBuffer(
    frame({
      title,
      ...(named ? { documentTitle: `${title} – ${meta.clientName}` } : {}),
      subject: named ? `${title}: ${meta.clientName}, ${meta.trajectoryLabel}` : def.purpose?.[lang] ?? title,
      keywords: lang === 'nl' ? `Thuisroute, Omslagroute, formulier, ${title}` : `Thuisroute, Omslagroute, form, ${title}`,
      ...(def.purpose ? { subtitle: def.purpose[lang] } : {}),
      headerLeft: `Thuisroute · ${def.kind} ${title} · ${TEXT.version[lang].toLowerCase()} ${meta.formVersion}`,
      headerRight: `${meta.clientName} · ${meta.trajectoryLabel}`,
      lang,
      generatedOn: meta.generatedOn,
      draft: meta.status === 'draft',
      ...(options.compress === undefined ? {} : { compress: options.compress }),
      content,
    }),
  );
}

// ─── Generic documents ───────────────────────────────────────────────────────

export interface DocumentPdfInput {
  title: string;
  subtitle?: string;
  sections: ReadonlyArray<{ heading: string; rows: ReadonlyArray<readonly [string, string]> }>;
  lang: Lang;
  /** Shown in the header (e.g. the client's name); defaults to the title. */
  headerRight?: string;
  generatedOn?: IsoDate;
}

/** A generic summary (trajectory summary, subject-access export) in the same layout as the forms. */
export async function renderDocumentPdf(input: DocumentPdfInput, options: RenderOptions = {}): Promise<Buffer> {
  const { lang } = input;
  const content: Content[] = [
    ...(input.generatedOn ? [metaBox([[TEXT.generated[lang], formatDate(input.generatedOn, lang)]])] : []),
    ...input.sections.flatMap((s) =>
      sectionBlock(
        s.heading,
        s.rows.map(([label, value]) => ({ label, answer: value.trim() ? { kind: 'text', text: value } : { kind: 'empty' } })),
        lang,
      ),
    ),
  ];
  return toBuffer(
    frame({
      title: input.title,
      keywords: 'Thuisroute',
      ...(input.subtitle ? { subtitle: input.subtitle } : {}),
      headerLeft: `Thuisroute · ${input.title}`,
      headerRight: input.headerRight ?? '',
      lang,
      ...(input.generatedOn ? { generatedOn: input.generatedOn } : {}),
      ...(options.compress === undefined ? {} : { compress: options.compress }),
      content,
    }),
  );
}
