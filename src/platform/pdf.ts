/**
 * pdfmake on the server, without its global singleton: the Roboto fonts bundled in the pdfmake
 * package are read once into a private in-memory file system; URL fetching and every other file
 * access are denied. Used by the forms, the subject-access export and the monitor report.
 *
 * Every PDF gets document metadata (title, author, subject, keywords, creator/producer
 * "Thuisroute"), a language (/Lang, Dutch unless the document says otherwise), and
 * "display the title, not the file name" (/DisplayDocTitle), as PDF 1.7.
 *
 * Tagged PDF: pdfmake 0.3 forwards `tagged`, `subset: 'PDF/UA'` and `language` to pdfkit, and
 * pdfkit can write a structure tree (doc.struct / markContent). But pdfmake's layout engine never
 * emits marked content or structure elements, so `tagged: true` would only set /MarkInfo
 * /Marked true over an empty /StructTreeRoot, and `subset: 'PDF/UA'` would only add the PDF/UA
 * identifier to the XMP: both would claim an accessibility the file does not have (assistive
 * technology trusts a declared tag tree instead of reading the content). So neither is set:
 * the PDFs are untagged, with real text (selectable, extractable, in reading order), a title
 * and a language. Real tags would need our own pdfkit renderer or a post-processing step.
 *
 * `contentDisposition` and `pdfFileName` give the download a sensible Dutch name (RFC 6266, with
 * filename* for names outside ASCII).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// ─── pdfmake on the server, without its global singleton ─────────────────────

interface PdfKitDocument {
  on(event: 'data', cb: (chunk: Buffer) => void): void;
  on(event: 'end', cb: () => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  end(): void;
}
interface PdfPrinter {
  createPdfKitDocument(doc: TDocumentDefinitions, options?: Record<string, unknown>): Promise<PdfKitDocument>;
}
type PdfPrinterCtor = new (
  fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>,
  virtualfs: unknown,
  urlResolver: unknown,
  localAccessPolicy: (p: string) => boolean,
) => PdfPrinter;
type UrlResolverCtor = new (fs: unknown) => { setUrlAccessPolicy(cb: (url: string) => boolean): void };

const require = createRequire(import.meta.url);
const Printer = (require('pdfmake/js/Printer') as { default: PdfPrinterCtor }).default;
const URLResolver = (require('pdfmake/js/URLResolver') as { default: UrlResolverCtor }).default;
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/**
 * A private, read-only virtual file system holding only the four Roboto files (read from the
 * pdfmake package once). pdfmake reads fonts from it, so rendering touches no other file:
 * the local access policy denies everything else and URL access is denied.
 */
const fontFiles = new Map<string, Buffer>();
const fontFs = {
  existsSync: (name: string): boolean => {
    if (fontFiles.has(name)) return true;
    if (!(Object.values(FONT_FILES) as string[]).includes(name)) return false;
    fontFiles.set(name, readFileSync(path.join(FONT_DIR, name)));
    return true;
  },
  readFileSync: (name: string): Buffer => {
    const b = fontFiles.get(name);
    if (!b) throw new Error(`pdf: no font ${name}`);
    return b;
  },
  writeFileSync: (): never => {
    throw new Error('pdf: remote resources are not allowed');
  },
};

/** The metadata defaults every Thuisroute PDF gets; a document's own `info` and `language` win. */
export function withDocumentDefaults(doc: TDocumentDefinitions): TDocumentDefinitions {
  return {
    ...doc,
    version: doc.version ?? '1.7',
    language: doc.language ?? 'nl-NL',
    displayTitle: doc.displayTitle ?? true,
    info: { author: 'Thuisroute', creator: 'Thuisroute', producer: 'Thuisroute (pdfmake)', ...doc.info },
  };
}

/** Renders a pdfmake document to a PDF buffer (with the metadata defaults above). */
export async function renderPdf(input: TDocumentDefinitions): Promise<Buffer> {
  const doc = withDocumentDefaults(input);
  const urlResolver = new URLResolver(fontFs);
  urlResolver.setUrlAccessPolicy(() => false);
  // A fresh descriptor object per document: pdfmake rewrites it in place.
  const printer = new Printer({ Roboto: { ...FONT_FILES } }, fontFs, urlResolver, () => false);
  const pdf = await printer.createPdfKitDocument(doc);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

// ─── File names ───────────────────────────────────────────────────────────────

/** A name part for a file: lower case, letters (any script) and digits, the rest one hyphen. */
function namePart(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('nl').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/**
 * "woonevaluatie-zoë-de-vries-2026-12-04.pdf": the parts (empty ones left out) as name parts,
 * joined by hyphens. Accents stay (contentDisposition gives an ASCII fallback).
 */
export function pdfFileName(parts: ReadonlyArray<string | null | undefined>, extension = 'pdf'): string {
  const name = parts.map((p) => namePart(p ?? '')).filter(Boolean).join('-') || 'document';
  return `${name}.${extension}`;
}

/** RFC 8187 value-chars: encodeURIComponent leaves ' ( ) * unescaped, which are not attr-chars. */
function rfc8187(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition (RFC 6266): `inline` opens the PDF in the browser (a new tab from the web
 * app) with this name when saved; `attachment` downloads it. `filename` is the ASCII fallback
 * (accents dropped, anything else outside printable ASCII or a quote/backslash as "_");
 * `filename*` carries the exact UTF-8 name.
 */
export function contentDisposition(file: string, disposition: 'inline' | 'attachment' = 'inline'): string {
  const ascii = file.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${rfc8187(file)}`;
}
