/** PDF file names and Content-Disposition (RFC 6266 / RFC 8187) for the PDFs the API serves. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contentDisposition, pdfFileName } from './pdf.ts';

describe('pdfFileName', () => {
  it('joins the parts in lower case with hyphens, keeps accents, leaves empty parts out', () => {
    expect(pdfFileName(['woonevaluatie', 'Zoë van \'t Hooft', null, '2026-12-04'])).toBe('woonevaluatie-zoë-van-t-hooft-2026-12-04.pdf');
    expect(pdfFileName(['samenvatting-traject', '', undefined, '—', '2026-12-04'])).toBe('samenvatting-traject-2026-12-04.pdf');
    expect(pdfFileName([])).toBe('document.pdf');
  });

  it('never contains a path separator, quote or space', () => {
    fc.assert(fc.property(fc.array(fc.string()), (parts) => {
      expect(pdfFileName(parts)).toMatch(/^[^/\\"\s]+\.pdf$/u);
    }));
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback without accents and the exact name in filename*', () => {
    expect(contentDisposition('woonevaluatie-zoë-2026-12-04.pdf')).toBe(
      `inline; filename="woonevaluatie-zoe-2026-12-04.pdf"; filename*=UTF-8''woonevaluatie-zo%C3%AB-2026-12-04.pdf`,
    );
    expect(contentDisposition('a.pdf', 'attachment')).toBe(`attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });

  it('escapes what a quoted-string or an RFC 8187 value may not hold', () => {
    expect(contentDisposition(`it's (a) "b"\\c*.pdf`)).toBe(`inline; filename="it's (a) _b__c*.pdf"; filename*=UTF-8''it%27s%20%28a%29%20%22b%22%5Cc%2A.pdf`);
  });

  it('any name: the header is printable ASCII and filename* decodes to the name', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
      const h = contentDisposition(name);
      expect(h).toMatch(/^[\x20-\x7e]*$/);
      const star = /filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]*)$/.exec(h);
      expect(star).not.toBeNull();
      expect(decodeURIComponent(star![1]!)).toBe(name);
    }));
  });
});
