/**
 * The nuisance letters as PDFs (overlast.md §6.4, §6.5): the metadata (title, language, author),
 * the letterhead, the text in reading order with the agreements not kept as a list (R-OV-09),
 * the resident's signature block (R-OV-31 signed, R-OV-35 "voor gezien"), the copies, and no
 * reporter's identity. Plain rendering, no server.
 */
import { describe, expect, it } from 'vitest';
import { buildLetter, checkLetter, type LetterInput } from '../../src/domain/nuisance/letters.ts';
import type { LetterKind } from '../../src/domain/nuisance/model.ts';
import { renderLetterPdf } from '../../src/modules/nuisance/letters-pdf.ts';
import { extractText, objects } from '../support/pdf-text.ts';

/** A PDF text string as pdfkit writes it in the info dictionary: ASCII as is, otherwise UTF-16BE with a byte-order mark. */
function pdfString(s: string): string {
  // eslint-disable-next-line no-control-regex
  const raw = /^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(`\ufeff${s}`, 'utf16le').swap16().toString('latin1');
  return `(${raw.replace(/[()\\]/g, (c) => `\\${c}`)})`;
}

/** An entry of the document information dictionary (pdfkit writes each value as its own object). */
function info(raw: string, key: 'Title' | 'Author' | 'Subject' | 'Keywords'): string | undefined {
  const ref = raw.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1];
  return ref === undefined ? undefined : objects(raw).get(Number(ref))?.dict.trim();
}

// ─── Fixtures ────────────────────────────────────────────────────────────────

/** Who complained: known to the reporting point, never part of a letter (the input has no field for it). */
const REPORTER = { name: 'Henk Buurman', address: 'Kerkstraat 3' };
const CASE_ID = 'OV-2026-0042';

const input = (kind: LetterKind, over: Partial<LetterInput> = {}): LetterInput => ({
  kind,
  issuedOn: '2026-12-04',
  resident: { name: 'Zoë van Dijk', address: 'Kerkstraat 1, 1011 AB Amsterdam' },
  careProvider: { name: 'Zorggroep Horizon', reportingPointPhone: '020 123 4567', reportingPointEmail: 'overlast@horizon.nl', outOfHoursPhone: '020 765 4321' },
  corporation: { name: 'Ymere' },
  author: { name: 'Kim Jansen', role: 'begeleider' },
  nuisanceTypes: ['noise'],
  behaviour: "U zet 's nachts harde muziek aan",
  agreementsNotKept: ['Na 22.00 uur is het stil in de woning.', 'U laat de buren met rust.'],
  nextSteps: 'Uw begeleider maakt met u een weekplanning',
  newChance: kind === 'new_chance_letter' ? { careProviderName: 'Stichting Nieuw Begin', move: true, termMonths: 2, housingNeeds: 'Een woning op de begane grond', temporaryStay: false } : null,
  ...over,
});

const render = async (kind: LetterKind, lang: 'nl' | 'en' = 'nl', over: Partial<LetterInput> = {}) => {
  const i = input(kind, over);
  expect(checkLetter(i)).toEqual([]);
  const buf = await renderLetterPdf(buildLetter(i, lang), { caseId: CASE_ID }, { compress: false });
  return { buf, raw: buf.toString('latin1'), text: extractText(buf) };
};

/** Each part occurs, in this order. */
function inOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const p of parts) {
    const at = text.indexOf(p, from);
    expect(at, `"${p}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + p.length;
  }
}

describe('nuisance letters as PDF', () => {
  it('R-OV-31: the warning letter: title, language and author metadata; letterhead, text, agreements as a list, signature of the resident, copy', async () => {
    const { buf, raw, text } = await render('warning_letter');
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(info(raw, 'Title')).toBe(pdfString('Waarschuwingsbrief'));
    expect(info(raw, 'Author')).toBe(pdfString('Zorggroep Horizon'));
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    inOrder(text, [
      'Zorggroep Horizon',
      'Meldpunt overlast: 020 123 4567', 'E-mail: overlast@horizon.nl', 'Buiten kantooruren: 020 765 4321',
      'Zoë van Dijk', 'Kerkstraat 1, 1011 AB Amsterdam',
      'Datum: vrijdag 4 december 2026', `Kenmerk: ${CASE_ID}`,
      'Waarschuwingsbrief',
      'Beste Zoë van Dijk,',
      'Buren hebben geklaagd over overlast. Het gaat om geluid.',
      "Dit gedrag geeft overlast: U zet 's nachts harde muziek aan.",
      'In uw begeleidingsplan staan afspraken. Deze afspraken bent u niet nagekomen:',
      'Na 22.00 uur is het stil in de woning.', 'U laat de buren met rust.',
      'Dit gedrag moet stoppen.',
      'Uw begeleider heeft deze brief aan u voorgelezen.',
      'Met vriendelijke groet,',
      'Kim Jansen, begeleider, Zorggroep Horizon',
      'Handtekening bewoner', 'Naam: Zoë van Dijk', 'Datum:', 'Handtekening:',
      'Kopie aan:', 'Ymere (woningcorporatie)',
    ]);
    expect(text).not.toMatch(/R-OV|D-OV/);
    expect(text).not.toContain('AANGETEKEND');
  });

  it('R-OV-35: the formal notice is marked registered and signed "voor gezien"; in English the language is en-GB', async () => {
    const nl = await render('formal_notice');
    inOrder(nl.text, ['Zorggroep Horizon', 'AANGETEKEND', 'Sommatie: laatste waarschuwing', 'Voor gezien getekend door de bewoner', 'Voor gezien betekent: gezien en ontvangen, niet: akkoord.', 'Kopie aan:']);
    expect(nl.text).not.toContain('Handtekening bewoner');
    const en = await render('formal_notice', 'en');
    expect(en.raw).toMatch(/\/Lang \(en-GB\)/);
    expect(info(en.raw, 'Title')).toBe(pdfString('Formal notice: final warning'));
    inOrder(en.text, ['BY REGISTERED POST', 'Date: Friday 4 December 2026', `Reference: ${CASE_ID}`, 'Dear Zoë van Dijk,', 'Your support plan contains agreements.', 'Signed as seen (voor gezien) by the resident', 'Copy to:', 'Ymere (housing corporation)']);
  });

  it('R-OV-34: the official warning letter: a title with "ë" in the metadata, no signature block for the resident', async () => {
    const { raw, text } = await render('official_warning_letter');
    expect(info(raw, 'Title')).toBe(pdfString('Officiële waarschuwing'));
    inOrder(text, ['Officiële waarschuwing', 'De teammanager van Zorggroep Horizon praat met u over deze waarschuwing.', 'Kopie aan:']);
    expect(text).not.toContain('Handtekening bewoner');
    expect(text).not.toContain('Voor gezien getekend');
  });

  it('R-OV-57: the New Chance letter: from the hub to the care provider, no agreements list, copies to resident, corporation and Woonzaken', async () => {
    const { raw, text } = await render('new_chance_letter');
    expect(info(raw, 'Author')).toBe(pdfString('Meldpunt Zorg en Woonoverlast'));
    inOrder(text, [
      'Meldpunt Zorg en Woonoverlast', 'Stichting Nieuw Begin', 'Nieuwe Kans Brief', 'Beste medewerkers van Stichting Nieuw Begin,',
      'De verhuizing moet plaatsvinden binnen 2 maanden na de datum van deze brief.',
      'Kopie aan:', 'Zoë van Dijk (bewoner)', 'Ymere (woningcorporatie)', 'Afdeling Woonzaken van de gemeente',
    ]);
    expect(text).not.toContain('Deze afspraken bent u niet nagekomen');
    expect(text).not.toContain('Meldpunt overlast:');
  });

  it('the notice of dissolution names no copies', async () => {
    const { text } = await render('dissolution_notice');
    expect(text).toContain('Einde van uw zorgovereenkomst');
    expect(text).not.toContain('Kopie aan');
  });

  it.each(['written_feedback', 'warning_letter', 'official_warning_letter', 'formal_notice', 'dissolution_notice', 'new_chance_letter'] as const)(
    'no reporter is named in the %s (the letter input has no reporter)',
    async (kind) => {
      const { raw, text } = await render(kind);
      expect(text).not.toContain(REPORTER.name);
      expect(text).not.toContain(REPORTER.address);
      expect(raw).not.toContain(REPORTER.name);
      expect(Object.keys(input(kind))).not.toContain('reporter');
    },
  );

  it('compressed by default, still with its metadata', async () => {
    const buf = await renderLetterPdf(buildLetter(input('warning_letter'), 'nl'), { caseId: CASE_ID });
    const raw = buf.toString('latin1');
    expect(raw).toMatch(/\/FlateDecode/);
    expect(info(raw, 'Title')).toBe(pdfString('Waarschuwingsbrief'));
  });
});
