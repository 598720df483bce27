import { describe, expect, it } from 'vitest';
import { FORM_DEFINITIONS, FORM_KINDS } from '../../domain/forms/index.ts';
import type { FormData, FormKind, FormSignature } from '../../domain/forms/index.ts';
import { EXAMPLE_DATA, EXAMPLE_F2 } from '../../domain/forms/examples.ts';
import { renderDocumentPdf, renderFormPdf } from './pdf.ts';
import type { FormPdfMeta } from './pdf.ts';
import { extractText } from '../../../test/support/pdf-text.ts';


// ─── Fixtures ────────────────────────────────────────────────────────────────

const META: FormPdfMeta = {
  clientName: 'Fatima el Amrani',
  trajectoryLabel: 'OR-2026-014',
  formVersion: 2,
  status: 'submitted',
  generatedOn: '2026-04-06',
};

const SIGNATURES: FormSignature[] = [
  { party: 'client', formVersion: 2, name: 'Fatima el Amrani', signedOn: '2026-04-06', method: 'on_behalf_in_person' },
  { party: 'care_provider', formVersion: 2, name: 'Joost de Vries', function: 'Persoonlijk begeleider', signedOn: '2026-04-06', method: 'own_account' },
  // On the previous version: stale, so the corporation shows empty lines.
  { party: 'corporation', formVersion: 1, name: 'Ingrid Bakker', function: 'Wijkbeheerder', signedOn: '2026-03-02', method: 'own_account' },
];

const render = (kind: FormKind, data: FormData = EXAMPLE_DATA[kind], lang: 'nl' | 'en' = 'nl', meta: Partial<FormPdfMeta> = {}) =>
  renderFormPdf({ def: FORM_DEFINITIONS[kind], data, lang, meta: { ...META, ...meta }, signatures: SIGNATURES }, { compress: false });

/** Per form: Dutch labels and formatted values that must be on the PDF. */
const EXPECTED: Record<FormKind, string[]> = {
  'F-1': [
    'Supplement Wonen en Goed Huurderschap',
    'In dit formulier leggen de bewoner, de zorgaanbieder en de woningcorporatie de afspraken rond het wonen vast.',
    'Gegevens van de bewoner',
    'Contactpersoon woningcorporatie',
    'Startdatum intermediaire verhuur',
    'maandag 12 januari 2026',
    'Ik, Fatima el Amrani, verklaar dat ik me als een goed huurder zal gedragen.',
    'Akkoord',
    '1. Landen in de woning',
    'Hoe ervaar je het wonen?',
    'Ik woon hier met plezier; de woning is licht en rustig.',
    'Weet je hoe je technische klachten kunt melden bij de woningcorporatie?',
    'Ja — Via de app van de corporatie of telefonisch.',
    'Aan welke gepersonaliseerde woondoelen ga je werken?',
    'Huur en vaste lasten op tijd betalen',
    'Gekoppeld aan urgentie',
    'Ja, borg: € 450,00',
    'Het belang van het voorkomen van woonfraude',
    'Over zes maanden, in september 2026',
    'Handtekeningen',
    'Naam: Joost de Vries',
    'Functie: Persoonlijk begeleider',
    'Datum: maandag 6 april 2026',
    'Nog niet ondertekend',
    'Vertrouwelijk — AVG',
    'Pagina 1 van',
  ],
  'F-2': [
    'Woonevaluatieformulier',
    'Datum woonevaluatiegesprek',
    'maandag 15 februari 2027',
    'Hoe ziet het balkon en/of de tuin er uit?',
    'n.v.t.',
    'Heb je contact met de buren?',
    'Zo ja, hoe verloopt dat?',
    '5. Stand van zaken gepersonaliseerde doelen rond het wonen',
    'Stand van zaken',
    'Twaalf maanden op tijd betaald',
    'Is er sprake van voordracht voor omklap?',
    'Zijn alle doelen behaald?',
    'Afspraken over terugvalpreventie',
    'Bewoner',
    'Woningcorporatie',
  ],
  'F-3': [
    'Voordracht voor Omklap',
    'Doelen gekoppeld aan de urgentie onder voorwaarden',
    'Coördinator voedselbank',
    'Geen overlastklachten bekend',
    'Afspraken over zorg en ondersteuning na omklap',
    'Zes maanden lichte begeleiding (eens per maand)',
    'Onafhankelijke derde: naam, datum en oordeel',
    '— (nog niet vastgelegd)',
  ],
  'F-4': [
    'Begeleidingsplan',
    'Persoonlijke doelen per onderwerp',
    'Passende en zinvolle dagbesteding',
    'Vast rooster bij de voedselbank',
    '1 september 2026',
    'Voorkomen van terugval',
    'Signalen die kunnen wijzen op terugval',
    'Eén keer per jaar',
    'Risico op terugval bij contact met oude vrienden',
  ],
};

describe('renderFormPdf', () => {
  it.each(FORM_KINDS)('%s: a PDF with the Dutch labels and values laid out per section', async (kind) => {
    const buf = await render(kind);
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractText(buf);
    for (const s of EXPECTED[kind]) expect(text, s).toContain(s);
    // Header with client and version on every page; footer with page numbers.
    const pages = text.split('\f');
    pages.forEach((p, i) => {
      expect(p).toContain(`Thuisroute · ${kind}`);
      expect(p).toContain('versie 2');
      expect(p).toContain('Fatima el Amrani · OR-2026-014');
      expect(p).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
  }, 30_000);

  it('labels in order of the definition; lapsed questions are left out', async () => {
    const text = extractText(await render('F-2'));
    const at = (s: string) => text.indexOf(s);
    expect(at('Hoe ervaar je het wonen?')).toBeLessThan(at('Hoe ziet de woning er uit?'));
    expect(at('Hoe ziet de woning er uit?')).toBeLessThan(at('Heb je contact met de buren?'));
    // E-31 = yes: question 7 lapses, E-20 (E-18 = yes) too.
    expect(text).not.toContain('Zijn er bijzonderheden rond het wonen?');
    expect(text).not.toContain('Zo nee, wil je wel contact?');
  }, 30_000);

  it('signature block: only signatures on the current version count; the stale one is noted', async () => {
    const text = extractText(await render('F-1'));
    const block = text.slice(text.lastIndexOf('Handtekeningen'));
    expect(block).toContain('Naam: Fatima el Amrani');
    expect(block).toContain('Namens ondertekenaar vastgelegd; akkoord in persoon gegeven');
    expect(block).not.toContain('Ingrid Bakker');
    expect(block).toContain('1 handtekening op een eerdere versie is vervallen (R-OR-50)');
  }, 30_000);

  it('F-3 has no signature block (its finality is the review and the decision)', async () => {
    const text = extractText(await render('F-3', { ...EXAMPLE_DATA['F-3'], 'V-10': 'A. Jansen, 3 maart 2027: goedgekeurd' }));
    expect(text).not.toContain('Handtekeningen');
    expect(text).toContain('A. Jansen, 3 maart 2027: goedgekeurd');
  }, 30_000);

  it('in English, with the same layout', async () => {
    const text = extractText(await render('F-2', EXAMPLE_F2, 'en'));
    for (const s of ['Housing evaluation form', 'Do you have contact with the neighbours?', 'Yes', 'Monday 15 February 2027', 'Confidential — GDPR (AVG)', 'Page 1 of', 'Signatures']) {
      expect(text, s).toContain(s);
    }
  }, 30_000);

  it('a draft is marked CONCEPT; a final form is "Definitief"', async () => {
    expect(extractText(await render('F-4', EXAMPLE_DATA['F-4'], 'nl', { status: 'draft' }))).toContain('CONCEPT');
    const final = extractText(await render('F-4', EXAMPLE_DATA['F-4'], 'nl', { status: 'final' }));
    expect(final).toContain('Definitief');
    expect(final).not.toContain('CONCEPT');
  }, 30_000);

  it('any text is safe: accents, quotes, parentheses and backslashes come out as written', async () => {
    const odd = 'Zoë (’t Hooft) zei: "a\\b" — €5 <ok> & 100%';
    const text = extractText(await render('F-1', { ...EXAMPLE_DATA['F-1'], 'S-31': odd }));
    expect(text).toContain(odd);
  }, 30_000);

  it('is compressed by default and deterministic for the same input', async () => {
    const input = { def: FORM_DEFINITIONS['F-1'], data: EXAMPLE_DATA['F-1'], lang: 'nl' as const, meta: META, signatures: SIGNATURES };
    const a = await renderFormPdf(input);
    const b = await renderFormPdf(input);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.toString('latin1')).toContain('/FlateDecode');
    expect(a.length).toBeLessThan((await render('F-1')).length);
    expect(a.equals(b)).toBe(true);
  }, 30_000);
});

describe('renderDocumentPdf', () => {
  it('renders a generic summary in the same layout', async () => {
    const buf = await renderDocumentPdf(
      {
        title: 'Trajectoverzicht',
        subtitle: 'Samenvatting van het Omslagroute-traject',
        lang: 'nl',
        headerRight: 'Fatima el Amrani',
        generatedOn: '2026-04-06',
        sections: [
          { heading: 'Traject', rows: [['Fase', 'P7 Wonen met begeleiding'], ['Start intermediaire verhuur', 'maandag 12 januari 2026'], ['Opmerking', '']] },
          { heading: 'Inzageverzoek', rows: [['Gegevens', 'Naam, adres, telefoonnummer']] },
        ],
      },
      { compress: false },
    );
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractText(buf);
    for (const s of ['Trajectoverzicht', 'Samenvatting van het Omslagroute-traject', 'Aangemaakt op maandag 6 april 2026', 'Traject', 'Fase P7 Wonen met begeleiding', 'Inzageverzoek', 'Vertrouwelijk — AVG', 'Pagina 1 van 1', 'Thuisroute · Trajectoverzicht', 'Fatima el Amrani']) {
      expect(text, s).toContain(s);
    }
  }, 30_000);
});

// ─── Document metadata ───────────────────────────────────────────────────────

/** A PDF literal string "(…)" decoded: escapes undone, UTF-16BE (with BOM) or PDFDocEncoding as latin1. */
function literal(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = raw[++i]!;
    const oct = /^[0-7]{1,3}/.exec(raw.slice(i));
    if (oct) {
      out += String.fromCharCode(parseInt(oct[0], 8));
      i += oct[0].length - 1;
    } else out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[n] ?? n;
  }
  if (out.startsWith('\xfe\xff')) return Buffer.from(out.slice(2), 'latin1').swap16().toString('utf16le');
  return out;
}

/** The document information dictionary (/Info) of a PDF, compressed or not: its values are plain objects. */
function info(buf: Buffer): Record<string, string> {
  const pdf = buf.toString('latin1');
  const ref = /\/Info (\d+) 0 R/.exec(pdf);
  expect(ref, 'trailer names an /Info dictionary').not.toBeNull();
  const dict = new RegExp(`(?:^|\\n)${ref![1]} 0 obj\\s*<<([\\s\\S]*?)>>`).exec(pdf)![1]!;
  const out: Record<string, string> = {};
  for (const m of dict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const body = new RegExp(`(?:^|\\n)${m[2]} 0 obj\\s*\\(([\\s\\S]*?)\\)\\s*endobj`).exec(pdf);
    if (body) out[m[1]!] = literal(body[1]!);
  }
  return out;
}

describe('PDF metadata (title, author, subject, language; see src/platform/pdf.ts on tagging)', () => {
  it('a form carries its title with the client, author and creator Thuisroute, a subject, and Dutch as its language', async () => {
    const buf = await renderFormPdf({ def: FORM_DEFINITIONS['F-2'], data: EXAMPLE_F2, lang: 'nl', meta: { ...META, clientName: 'Zoë (’t Hooft)' }, signatures: SIGNATURES });
    const pdf = buf.toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    const i = info(buf);
    expect(i.Title).toBe('Woonevaluatieformulier – Zoë (’t Hooft)');
    expect(i.Author).toBe('Thuisroute');
    expect(i.Creator).toBe('Thuisroute');
    expect(i.Subject).toBe('Woonevaluatieformulier: Zoë (’t Hooft), OR-2026-014');
    expect(i.Keywords).toContain('Omslagroute');
    expect(pdf).toMatch(/\/Lang \(nl-NL\)/);
    // The viewer shows the title, not the file name (PDF/UA, WCAG PDF18).
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
    // Not declared as tagged: pdfmake writes no structure tree, so claiming one would mislead.
    expect(pdf).not.toMatch(/\/Marked true/);
  }, 30_000);

  it('in English the language is en-GB; a blank form (dots for the client) is titled by the form alone', async () => {
    const en = await renderFormPdf({ def: FORM_DEFINITIONS['F-2'], data: EXAMPLE_F2, lang: 'en', meta: META, signatures: SIGNATURES });
    expect(en.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    expect(info(en).Title).toBe('Housing evaluation form – Fatima el Amrani');
    const blank = await renderFormPdf({ def: FORM_DEFINITIONS['F-2'], data: {}, lang: 'nl', meta: { ...META, clientName: '……………' }, signatures: [] });
    expect(info(blank).Title).toBe('Woonevaluatieformulier');
  }, 30_000);

  it('a generic document (trajectory summary) carries title, author and language too', async () => {
    const buf = await renderDocumentPdf({ title: 'Trajectoverzicht', subtitle: 'Samenvatting', lang: 'nl', sections: [{ heading: 'Traject', rows: [['Fase', 'P1']] }] });
    expect(info(buf)).toMatchObject({ Title: 'Trajectoverzicht', Author: 'Thuisroute', Subject: 'Samenvatting' });
    expect(buf.toString('latin1')).toMatch(/\/Lang \(nl-NL\)/);
  }, 30_000);
});
