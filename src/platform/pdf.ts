/**
 * pdfmake on the server, without its global singleton: the Roboto fonts bundled in the pdfmake
 * package are read once into a private in-memory file system; URL fetching and every other file
 * access are denied. Used by the forms, the subject-access export and the monitor report.
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

/** Renders a pdfmake document to a PDF buffer. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
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
