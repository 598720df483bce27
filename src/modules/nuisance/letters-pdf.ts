/**
 * A nuisance letter (src/domain/nuisance/letters.ts `buildLetter`) as a PDF: the letterhead of the
 * care provider (or the hub, for the New Chance letter) with its reporting point, "Aangetekend"
 * for the formal notice, the addressee, date and reference, the title, the salutation, the
 * paragraphs with the agreements not kept as a list (R-OV-09), the closing and the author, the
 * resident's signature block (signed after reading aloud, R-OV-31; "voor gezien", R-OV-35) and
 * the copies. Rendered with pdfmake through src/platform/pdf.ts (Roboto from the pdfmake package,
 * no URL or file access); metadata: the letter's title, its language (nl-NL / en-GB) and the sender
 * as author. The letter holds no reporter's identity: the domain never has it.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Letter } from '../../domain/nuisance/letters.ts';
import { renderPdf } from '../../platform/pdf.ts';

const COLOR = { ink: '#1f1f1f', muted: '#5a5a5a', line: '#8a8a8a', accent: '#004699' } as const;
const MARGIN_X = 64;

const WORDS = {
  reference: { nl: 'Kenmerk', en: 'Reference' },
  date: { nl: 'Datum', en: 'Date' },
  agreementsFallback: { nl: 'Afspraken die niet zijn nagekomen:', en: 'Agreements that were not kept:' },
  signed: { nl: 'Handtekening bewoner', en: 'Signature of the resident' },
  seen: { nl: 'Voor gezien getekend door de bewoner', en: 'Signed as seen (voor gezien) by the resident' },
  seenNote: { nl: 'Voor gezien betekent: gezien en ontvangen, niet: akkoord.', en: 'As seen means: seen and received, not: agreed.' },
  name: { nl: 'Naam', en: 'Name' },
  signature: { nl: 'Handtekening', en: 'Signature' },
  copies: { nl: 'Kopie aan', en: 'Copy to' },
  page: { nl: 'Pagina {p} van {n}', en: 'Page {p} of {n}' },
} as const;

/** A line to write on (name, date, signature). */
const writeLine = (label: string): Content => ({
  columns: [
    { text: `${label}:`, width: 90, style: 'label' },
    { canvas: [{ type: 'line', x1: 0, y1: 12, x2: 220, y2: 12, lineWidth: 0.5, lineColor: COLOR.line }], width: 220 },
  ],
  margin: [0, 6, 0, 0],
});

function residentSignature(letter: Letter): Content[] {
  const w = (k: keyof typeof WORDS) => WORDS[k][letter.lang];
  const who = letter.signature.resident;
  if (who === null) return [];
  return [
    { text: who === 'signed' ? w('signed') : w('seen'), style: 'h2', margin: [0, 18, 0, 2] },
    ...(who === 'seen' ? [{ text: w('seenNote'), style: 'note' } as Content] : []),
    { text: `${w('name')}: ${letter.addressee[0] ?? ''}`, style: 'body', margin: [0, 6, 0, 0] },
    writeLine(w('date')),
    writeLine(w('signature')),
  ];
}

/** The letter as a PDF (A4 portrait), in the letter's own language. */
export async function renderLetterPdf(letter: Letter, meta: { caseId: string }, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const w = (k: keyof typeof WORDS) => WORDS[k][letter.lang];
  const agreements: Content[] = letter.agreements.length > 0
    ? [
      { text: letter.agreementsHeading ?? w('agreementsFallback'), style: 'body', margin: [0, 0, 0, 4] },
      { ul: letter.agreements, style: 'body', margin: [12, 0, 0, 10] },
    ]
    : [];
  const paragraphs: Content[] = letter.paragraphs.map((p): Content => ({ text: p, style: 'body', margin: [0, 0, 0, 8] }));
  const content: Content[] = [
    // Letterhead: the sender and how to reach it.
    {
      columns: [
        { stack: [{ text: letter.sender.name, style: 'sender' }, ...letter.sender.lines.map((l): Content => ({ text: l, style: 'small' }))] },
        ...(letter.marking ? [{ text: letter.marking.toUpperCase(), style: 'marking', alignment: 'right', width: 'auto' } as Content] : []),
      ],
      margin: [0, 0, 0, 28],
    },
    { stack: letter.addressee.filter((l) => l !== '').map((l): Content => ({ text: l, style: 'body' })), margin: [0, 0, 0, 20] },
    {
      columns: [
        { text: `${w('date')}: ${letter.date}`, style: 'small' },
        { text: `${w('reference')}: ${meta.caseId}`, style: 'small', alignment: 'right' },
      ],
      margin: [0, 0, 0, 16],
    },
    { text: letter.title, style: 'title' },
    { text: letter.salutation, style: 'body', margin: [0, 0, 0, 8] },
    ...paragraphs.slice(0, letter.agreementsAt),
    ...agreements,
    ...paragraphs.slice(letter.agreementsAt),
    { text: letter.closing, style: 'body', margin: [0, 8, 0, 28] },
    { text: letter.signature.authorLine, style: 'body' },
    ...residentSignature(letter),
    ...(letter.copies.length > 0
      ? [{ text: `${w('copies')}:`, style: 'label', margin: [0, 20, 0, 2] } as Content, { ul: letter.copies, style: 'small' } as Content]
      : []),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 56, MARGIN_X, 48],
    compress: opts.compress ?? true,
    language: letter.lang === 'nl' ? 'nl-NL' : 'en-GB',
    info: { title: letter.title, author: letter.sender.name, subject: letter.title, keywords: meta.caseId },
    footer: (currentPage: number, pageCount: number) => (pageCount > 1
      ? { text: w('page').replace('{p}', String(currentPage)).replace('{n}', String(pageCount)), style: 'small', alignment: 'right', margin: [MARGIN_X, 16, MARGIN_X, 0] }
      : null),
    content,
    styles: {
      sender: { fontSize: 13, bold: true, color: COLOR.accent },
      marking: { fontSize: 11, bold: true, color: COLOR.ink },
      title: { fontSize: 15, bold: true, color: COLOR.accent, margin: [0, 0, 0, 12] },
      h2: { fontSize: 11, bold: true, color: COLOR.ink },
      body: { fontSize: 10.5, color: COLOR.ink, lineHeight: 1.25 },
      label: { fontSize: 9.5, bold: true, color: COLOR.muted },
      note: { fontSize: 9, italics: true, color: COLOR.muted },
      small: { fontSize: 9, color: COLOR.muted },
    },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, color: COLOR.ink },
  } as TDocumentDefinitions);
}
