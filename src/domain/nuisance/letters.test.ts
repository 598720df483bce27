import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LETTER_KINDS, type LetterKind } from './model.ts';
import {
  CARE_CONTENT_WORDS, LETTER_COPIES, LETTER_RULES, LETTER_SIGNATURE, LETTER_TITLES, LETTERS_TO_RESIDENT,
  buildLetter, careContentIn, checkLetter, type Letter, type LetterInput,
} from './letters.ts';

const NEW_CHANCE: NonNullable<LetterInput['newChance']> = { careProviderName: 'Stichting Nieuw Begin', move: true, termMonths: 2, housingNeeds: 'Een woning op de begane grond', temporaryStay: false };

const input = (kind: LetterKind, over: Partial<LetterInput> = {}): LetterInput => ({
  kind,
  issuedOn: '2026-12-04',
  resident: { name: 'Sam de Vries', address: 'Kerkstraat 1, 1011 AB Amsterdam' },
  careProvider: { name: 'Zorggroep Horizon', reportingPointPhone: '020 123 4567', reportingPointEmail: 'overlast@horizon.nl', outOfHoursPhone: '020 765 4321' },
  corporation: { name: 'Ymere' },
  author: { name: 'Kim Jansen', role: 'begeleider' },
  nuisanceTypes: ['noise'],
  behaviour: "U zet 's nachts harde muziek aan",
  agreementsNotKept: ['Na 22.00 uur is het stil in de woning.'],
  nextSteps: 'Uw begeleider maakt met u een weekplanning',
  newChance: kind === 'new_chance_letter' ? NEW_CHANCE : null,
  ...over,
});

const codes = (vs: ReturnType<typeof checkLetter>) => vs.map((x) => `${x.code}:${x.rule}:${x.field}`);
const allText = (l: Letter): string[] => [
  l.title, l.sender.name, ...l.sender.lines, l.marking ?? '', l.date, ...l.addressee, l.salutation, ...l.paragraphs,
  l.agreementsHeading ?? '', ...l.agreements, l.closing, l.signature.authorLine, ...l.copies,
];
const text = (l: Letter) => allText(l).join('\n');

describe('a complete letter of every kind', () => {
  it.each(LETTER_KINDS)('%s: checkLetter finds nothing wrong', (kind) => {
    expect(checkLetter(input(kind))).toEqual([]);
  });

  it('the tables: titles, copies (§6.5), signatures, rules', () => {
    expect(LETTER_TITLES.warning_letter).toEqual({ nl: 'Waarschuwingsbrief', en: 'Warning letter' });
    expect(LETTER_COPIES).toEqual({
      written_feedback: ['corporation'], warning_letter: ['corporation'], official_warning_letter: ['corporation'], formal_notice: ['corporation'],
      dissolution_notice: [], new_chance_letter: ['resident', 'corporation', 'woonzaken'],
    });
    expect(LETTER_SIGNATURE).toEqual({
      written_feedback: null, warning_letter: 'signed', official_warning_letter: null, formal_notice: 'seen', dissolution_notice: null, new_chance_letter: null,
    });
    expect(LETTER_RULES).toEqual({
      written_feedback: 'R-OV-29', warning_letter: 'R-OV-31', official_warning_letter: 'R-OV-34', formal_notice: 'R-OV-35', dissolution_notice: 'R-OV-36', new_chance_letter: 'R-OV-57',
    });
    expect(LETTERS_TO_RESIDENT).toEqual(['warning_letter', 'official_warning_letter', 'formal_notice', 'dissolution_notice']);
  });

  it('people read words, not codes: no rule ID in any letter, in Dutch or English, whatever the input', () => {
    fc.assert(fc.property(
      fc.constantFrom(...LETTER_KINDS), fc.constantFrom('nl' as const, 'en' as const),
      // Free text in lower-case words (the user's own text is theirs; the letter adds no code to it).
      fc.array(fc.stringMatching(/^[a-z .]{0,20}$/), { maxLength: 4 }), fc.subarray(['noise', 'smell', 'aggression', 'pollution', 'harassment', 'other'] as const),
      (kind, lang, agreements, types) => {
        const l = buildLetter(input(kind, { agreementsNotKept: agreements, nuisanceTypes: [...types] }), lang);
        expect(text(l)).not.toMatch(/R-OV|D-OV|R-OR|\bJ[1-5]\b|\bM\d+\b/);
        expect(l.lang).toBe(lang);
        expect(l.kind).toBe(kind);
        expect(l.title).toBe(LETTER_TITLES[kind][lang]);
      },
    ));
  });

  it('the date in words, the closing and the author line (Dutch and English)', () => {
    const nl = buildLetter(input('warning_letter'), 'nl');
    const en = buildLetter(input('warning_letter'), 'en');
    expect(nl.date).toBe('vrijdag 4 december 2026');
    expect(en.date).toBe('Friday 4 December 2026');
    expect(nl.closing).toBe('Met vriendelijke groet,');
    expect(en.closing).toBe('Kind regards,');
    expect(nl.signature.authorLine).toBe('Kim Jansen, begeleider, Zorggroep Horizon');
    expect(nl.salutation).toBe('Beste Sam de Vries,');
    expect(en.salutation).toBe('Dear Sam de Vries,');
    expect(nl.addressee).toEqual(['Sam de Vries', 'Kerkstraat 1, 1011 AB Amsterdam']);
  });

  it('an invalid date is refused before the letter is written', () => {
    expect(codes(checkLetter(input('warning_letter', { issuedOn: '2026-13-40' })))).toEqual(['date_invalid:R-OV-31:/issuedOn']);
    expect(codes(checkLetter(input('new_chance_letter', { issuedOn: '' })))).toEqual(['date_invalid:R-OV-57:/issuedOn']);
  });

  it('the letterhead: the care provider and its reporting point, only the ways that are known', () => {
    expect(buildLetter(input('warning_letter'), 'nl').sender).toEqual({
      name: 'Zorggroep Horizon',
      lines: ['Meldpunt overlast: 020 123 4567', 'E-mail: overlast@horizon.nl', 'Buiten kantooruren: 020 765 4321'],
    });
    expect(buildLetter(input('warning_letter', { careProvider: { name: 'Zorggroep Horizon', reportingPointPhone: ' 020 1 ', reportingPointEmail: null, outOfHoursPhone: '  ' } }), 'en').sender)
      .toEqual({ name: 'Zorggroep Horizon', lines: ['Nuisance reporting point: 020 1'] });
    expect(buildLetter(input('warning_letter', { careProvider: { name: 'X', reportingPointEmail: ' a@b.nl ' } }), 'en').sender.lines).toEqual(['Email: a@b.nl']);
    expect(buildLetter(input('warning_letter', { careProvider: { name: 'X', outOfHoursPhone: '06 1' } }), 'nl').sender.lines).toEqual(['Buiten kantooruren: 06 1']);
  });
});

describe('what the complaints are about', () => {
  const first = (l: Letter) => l.paragraphs.slice(0, 2);
  it('the nuisance types in words: one, two, three (listed once each; "other" adds nothing)', () => {
    expect(first(buildLetter(input('warning_letter', { nuisanceTypes: ['noise'] }), 'nl'))[0]).toBe('Buren hebben geklaagd over overlast. Het gaat om geluid.');
    expect(first(buildLetter(input('warning_letter', { nuisanceTypes: ['noise', 'smell', 'noise'] }), 'nl'))[0]).toBe('Buren hebben geklaagd over overlast. Het gaat om geluid en stank.');
    expect(first(buildLetter(input('warning_letter', { nuisanceTypes: ['noise', 'other', 'smell', 'pollution'] }), 'en'))[0])
      .toBe('Neighbours have complained about nuisance. It is about noise, smell and pollution.');
    expect(first(buildLetter(input('warning_letter', { nuisanceTypes: ['other'] }), 'nl'))[0]).toBe('Buren hebben geklaagd over overlast.');
    expect(first(buildLetter(input('warning_letter', { nuisanceTypes: [] }), 'en'))[0]).toBe('Neighbours have complained about nuisance.');
  });

  it('the behaviour as a sentence: trimmed, a full stop added unless it ends with . ! or ?', () => {
    const b = (behaviour: string) => first(buildLetter(input('warning_letter', { behaviour }), 'nl'))[1];
    expect(b("  U zet 's nachts harde muziek aan  ")).toBe("Dit gedrag geeft overlast: U zet 's nachts harde muziek aan.");
    expect(b('Om 22.00 uur is er lawaai')).toBe('Dit gedrag geeft overlast: Om 22.00 uur is er lawaai.');
    expect(b('U schreeuwt!')).toBe('Dit gedrag geeft overlast: U schreeuwt!');
    expect(b('Waarom zo hard?')).toBe('Dit gedrag geeft overlast: Waarom zo hard?');
    expect(b('U slaat deuren dicht.')).toBe('Dit gedrag geeft overlast: U slaat deuren dicht.');
  });

  it('a letter without behaviour is refused (the letter must say which behaviour), with the rule of its kind; the New Chance letter needs none', () => {
    for (const kind of LETTER_KINDS.filter((k) => k !== 'new_chance_letter')) {
      expect(codes(checkLetter(input(kind, { behaviour: '  ' })))).toEqual([`behaviour_missing:${LETTER_RULES[kind]}:/behaviour`]);
    }
    expect(checkLetter(input('new_chance_letter', { behaviour: '' }))).toEqual([]);
    // Built anyway, the letter leaves the behaviour sentence out.
    expect(buildLetter(input('warning_letter', { behaviour: '' }), 'nl').paragraphs[1]).toBe('Dit gedrag moet stoppen.');
  });
});

describe('R-OV-09: every letter to the resident cites the agreements not kept', () => {
  it.each(LETTERS_TO_RESIDENT)('R-OV-09: a %s without an agreement not kept is refused', (kind) => {
    expect(codes(checkLetter(input(kind, { agreementsNotKept: [] })))).toEqual(['agreements_missing:R-OV-09:/agreementsNotKept']);
    expect(codes(checkLetter(input(kind, { agreementsNotKept: ['', '   '] })))).toEqual(['agreements_missing:R-OV-09:/agreementsNotKept']);
    const v = checkLetter(input(kind, { agreementsNotKept: [] }))[0]!;
    expect(v.nl).toMatch(/^Nog niet mogelijk: /);
    expect(v.nl).not.toMatch(/R-OV/);
  });

  it('R-OV-09: the written feedback (to the corporation) and the New Chance letter (to the care provider) need none', () => {
    expect(checkLetter(input('written_feedback', { agreementsNotKept: [] }))).toEqual([]);
    expect(checkLetter(input('new_chance_letter', { agreementsNotKept: [] }))).toEqual([]);
  });

  it.each(LETTERS_TO_RESIDENT)('R-OV-09: the %s lists the agreements not kept (trimmed, blanks left out) under a heading', (kind) => {
    const l = buildLetter(input(kind, { agreementsNotKept: [' Na 22.00 uur is het stil. ', '', 'U zet de muziek zacht.'] }), 'nl');
    expect(l.agreements).toEqual(['Na 22.00 uur is het stil.', 'U zet de muziek zacht.']);
    expect(l.agreementsHeading).toBe('In uw begeleidingsplan staan afspraken. Deze afspraken bent u niet nagekomen:');
    expect(buildLetter(input(kind), 'en').agreementsHeading).toBe('Your support plan contains agreements. You did not keep these agreements:');
  });

  it('R-OV-09: the list follows the description of the complaints (written feedback: after what was done)', () => {
    const at = (kind: LetterKind, over: Partial<LetterInput> = {}) => {
      const l = buildLetter(input(kind, over), 'nl');
      return [l.paragraphs[l.agreementsAt - 1], l.paragraphs[l.agreementsAt]];
    };
    expect(at('warning_letter')).toEqual(["Dit gedrag geeft overlast: U zet 's nachts harde muziek aan.", 'Dit gedrag moet stoppen.']);
    expect(at('official_warning_letter')).toEqual(["Dit gedrag geeft overlast: U zet 's nachts harde muziek aan.", 'Dit gedrag moet direct stoppen.']);
    expect(at('formal_notice')).toEqual(["Dit gedrag geeft overlast: U zet 's nachts harde muziek aan.", 'Wij eisen dat u dit gedrag nu stopt. Dit is de laatste waarschuwing.']);
    expect(at('dissolution_notice')).toEqual(["Dit gedrag geeft overlast: U zet 's nachts harde muziek aan.", 'Als de zorgovereenkomst stopt, mag u niet meer in de woning wonen.']);
    expect(buildLetter(input('dissolution_notice'), 'nl').paragraphs[0]).toBe(
      'U heeft een waarschuwing, een officiële waarschuwing en een aangetekende brief gekregen. De overlast is toch doorgegaan. Daarom stoppen wij uw zorgovereenkomst.',
    );
    expect(at('written_feedback')).toEqual(['Wat wij doen: Uw begeleider maakt met u een weekplanning.', 'Wij schrijven alleen over het woongedrag. Over de zorg en begeleiding van de bewoner delen wij niets.']);
    const nc = buildLetter(input('new_chance_letter'), 'nl');
    expect(nc.agreementsAt).toBe(nc.paragraphs.length);
  });

  it('R-OV-09: no list, no heading; the New Chance letter has no agreements list', () => {
    expect(buildLetter(input('warning_letter', { agreementsNotKept: [] }), 'nl')).toMatchObject({ agreements: [], agreementsHeading: null });
    expect(buildLetter(input('new_chance_letter'), 'nl')).toMatchObject({ agreements: [], agreementsHeading: null });
  });

  it('R-OV-09 (property): the list is exactly the non-blank agreements, trimmed, in order', () => {
    fc.assert(fc.property(fc.constantFrom(...LETTERS_TO_RESIDENT, 'written_feedback' as const), fc.array(fc.string(), { maxLength: 5 }), (kind, agreements) => {
      const l = buildLetter(input(kind, { agreementsNotKept: agreements }), 'nl');
      expect(l.agreements).toEqual(agreements.map((a) => a.trim()).filter((a) => a !== ''));
      expect(checkLetter(input(kind, { agreementsNotKept: agreements })).some((x) => x.rule === 'R-OV-09')).toBe(kind !== 'written_feedback' && l.agreements.length === 0);
    }));
  });
});

describe('R-OV-68: what reaches the corporation is about housing behaviour, never care content', () => {
  it.each(CARE_CONTENT_WORDS)('R-OV-68: "%s" in the behaviour of a warning letter is refused', (word) => {
    expect(codes(checkLetter(input('warning_letter', { behaviour: `Het gaat om ${word}xyz en lawaai` })))).toEqual(['care_content:R-OV-68:/behaviour']);
  });

  it('R-OV-68: found without case or accents, as part of a word; the words are named in list order', () => {
    expect(careContentIn('Hij vergeet zijn MEDICATIE en gaat naar de Psychiater')).toEqual(['medicat', 'psychiat']);
    expect(careContentIn('Thérapie na de diagnose')).toEqual(['diagnos', 'therap']);
    expect(careContentIn('Hij draait harde muziek na middernacht')).toEqual([]);
    const v = checkLetter(input('warning_letter', { behaviour: 'Zonder Medicatie wordt hij onrustig' }))[0]!;
    expect(v.nl).toContain('(gevonden: medicat)');
    expect(v.en).toContain('(found: medicat)');
    expect(checkLetter(input('warning_letter', { behaviour: 'Medicatie en therapie' }))[0]!.nl).toContain('(gevonden: medicat, therap)');
  });

  it('R-OV-68: each field is checked on its own: behaviour, every agreement (by index), next steps', () => {
    expect(codes(checkLetter(input('official_warning_letter', {
      behaviour: 'Lawaai', agreementsNotKept: ['Stil na 22.00 uur', 'Neemt zijn medicijnen in', 'Gaat naar de behandeling'], nextSteps: 'Gesprek met de verslavingsarts',
    })))).toEqual(['care_content:R-OV-68:/agreementsNotKept/1', 'care_content:R-OV-68:/agreementsNotKept/2', 'care_content:R-OV-68:/nextSteps']);
    expect(codes(checkLetter(input('formal_notice', { nextSteps: null, agreementsNotKept: ['Diagnose bespreken'] })))).toEqual(['care_content:R-OV-68:/agreementsNotKept/0']);
  });

  it('R-OV-68: the written feedback (category 1) is addressed to the corporation, so it is checked too', () => {
    expect(codes(checkLetter(input('written_feedback', { nextSteps: 'De begeleiding wordt opgeschaald en er komt een therapeut' })))).toEqual(['care_content:R-OV-68:/nextSteps']);
  });

  it('R-OV-68: the New Chance letter goes to the corporation and Woonzaken: the housing needs are checked', () => {
    expect(codes(checkLetter(input('new_chance_letter', { newChance: { ...NEW_CHANCE, housingNeeds: 'Dicht bij de GGZ-behandelaar' } }))))
      .toEqual(['care_content:R-OV-68:/newChance/housingNeeds']);
  });

  it('R-OV-68: the notice of dissolution gets no copy (§6.5 unspecified), so it is not checked', () => {
    expect(checkLetter(input('dissolution_notice', { behaviour: 'Weigert medicatie' }))).toEqual([]);
  });

  it('R-OV-68: a letter to the corporation says it shares nothing about care', () => {
    expect(buildLetter(input('written_feedback'), 'nl').paragraphs).toContain('Wij schrijven alleen over het woongedrag. Over de zorg en begeleiding van de bewoner delen wij niets.');
    expect(buildLetter(input('warning_letter'), 'nl').paragraphs).toContain(
      'De woningcorporatie Ymere krijgt een kopie van deze brief. Daarin staat alleen iets over uw gedrag in en rond de woning, niet over uw zorg.',
    );
  });
});

describe('copies to the corporation (§6.5; R-OV-29, R-OV-31, R-OV-34, R-OV-35, R-OV-57)', () => {
  it.each(['written_feedback', 'warning_letter', 'official_warning_letter', 'formal_notice', 'new_chance_letter'] as const)(
    '%s: refused when no corporation is known (it receives the letter or a copy), with the rule of the letter',
    (kind) => {
      expect(codes(checkLetter(input(kind, { corporation: null })))).toEqual([`corporation_missing:${LETTER_RULES[kind]}:/corporation`]);
    },
  );

  it('the notice of dissolution needs no corporation and names no copies', () => {
    expect(checkLetter(input('dissolution_notice', { corporation: null }))).toEqual([]);
    expect(buildLetter(input('dissolution_notice'), 'nl').copies).toEqual([]);
  });

  it.each(['warning_letter', 'official_warning_letter', 'formal_notice'] as const)('%s: a copy to the corporation, said in the letter too', (kind) => {
    expect(buildLetter(input(kind), 'nl').copies).toEqual(['Ymere (woningcorporatie)']);
    expect(buildLetter(input(kind), 'en').copies).toEqual(['Ymere (housing corporation)']);
    expect(text(buildLetter(input(kind), 'en'))).toContain('The housing corporation Ymere receives a copy of this letter.');
    // Built without a corporation (refused by checkLetter): no copy line and no sentence about it.
    const none = buildLetter(input(kind, { corporation: null }), 'nl');
    expect(none.copies).toEqual([]);
    expect(text(none)).not.toContain('kopie');
  });
});

describe('R-OV-29: the written feedback of category 1 is addressed to the corporation', () => {
  const l = buildLetter(input('written_feedback', { agreementsNotKept: ['Na 22.00 uur is het stil.'] }), 'nl');
  it('R-OV-29: to the contact person of the corporation, no copy to itself, no signature of the resident', () => {
    expect(l.addressee).toEqual(['Ymere']);
    expect(l.salutation).toBe('Beste contactpersoon van Ymere,');
    expect(buildLetter(input('written_feedback'), 'en').salutation).toBe('Dear contact person at Ymere,');
    expect(l.copies).toEqual([]);
    expect(buildLetter(input('written_feedback', { corporation: null }), 'nl').addressee).toEqual(['']);
    expect(l.signature).toEqual({ resident: null, authorLine: 'Kim Jansen, begeleider, Zorggroep Horizon' });
    expect(l.title).toBe('Terugkoppeling over een klacht over overlast');
  });
  it('R-OV-29 / R-OV-68: the actions and the agreements on housing behaviour', () => {
    expect(l.paragraphs[0]).toContain('Sam de Vries, Kerkstraat 1, 1011 AB Amsterdam');
    expect(l.paragraphs).toContain('Wat wij doen: Uw begeleider maakt met u een weekplanning.');
    expect(l.agreementsHeading).toBe('Deze afspraken over het woongedrag hebben wij met de bewoner gemaakt:');
    expect(l.agreements).toEqual(['Na 22.00 uur is het stil.']);
    expect(buildLetter(input('written_feedback', { nextSteps: null }), 'nl').paragraphs.some((p) => p.startsWith('Wat wij doen'))).toBe(false);
  });
  it('R-OV-02: how the corporation reaches the reporting point, with only the ways that are known', () => {
    expect(l.paragraphs.at(-1)).toBe('Komt de overlast terug? Meld het dan bij ons meldpunt overlast: telefoon 020 123 4567, e-mail overlast@horizon.nl, buiten kantooruren 020 765 4321.');
    const some = buildLetter(input('written_feedback', { careProvider: { name: 'Zorggroep Horizon', reportingPointEmail: 'overlast@horizon.nl' } }), 'en');
    expect(some.paragraphs.at(-1)).toBe('If the nuisance comes back, please report it to our nuisance reporting point: email overlast@horizon.nl.');
    const ooh = buildLetter(input('written_feedback', { careProvider: { name: 'Zorggroep Horizon', outOfHoursPhone: ' 06 12 ' } }), 'en');
    expect(ooh.paragraphs.at(-1)).toBe('If the nuisance comes back, please report it to our nuisance reporting point: outside office hours 06 12.');
    const none = buildLetter(input('written_feedback', { careProvider: { name: 'Zorggroep Horizon', reportingPointPhone: ' ' } }), 'nl');
    expect(none.paragraphs.some((p) => p.includes('meldpunt'))).toBe(false);
  });
});

describe('R-OV-31: the warning letter of Action 3', () => {
  const nl = buildLetter(input('warning_letter'), 'nl');
  it('R-OV-31: says which behaviour, that it must stop, that it is a warning under the nuisance protocol, how to work on it with support', () => {
    expect(nl.paragraphs.slice(0, 5)).toEqual([
      'Buren hebben geklaagd over overlast. Het gaat om geluid.',
      "Dit gedrag geeft overlast: U zet 's nachts harde muziek aan.",
      'Dit gedrag moet stoppen.',
      'Deze brief is een waarschuwing. Wij geven u die volgens de regels voor overlast (het overlastprotocol). Wij hebben hierover ook met u gepraat.',
      'Zo kunt u met hulp van uw begeleider aan het stoppen van dit gedrag werken: Uw begeleider maakt met u een weekplanning.',
    ]);
  });
  it('R-OV-31: read aloud, what happens if it recurs, and a signature line for the resident', () => {
    expect(nl.paragraphs).toContain('Uw begeleider heeft deze brief aan u voorgelezen.');
    expect(text(nl)).toContain('Dan krijgt u een officiële waarschuwing.');
    expect(nl.signature.resident).toBe('signed');
    expect(nl.paragraphs.at(-1)).toContain('Wij vragen u deze brief te tekenen.');
    expect(nl.marking).toBeNull();
  });
  it('R-OV-31: a warning letter that does not say how the resident can work on it with support is refused', () => {
    expect(codes(checkLetter(input('warning_letter', { nextSteps: ' ' })))).toEqual(['next_steps_missing:R-OV-31:/nextSteps']);
    expect(codes(checkLetter(input('warning_letter', { nextSteps: undefined })))).toEqual(['next_steps_missing:R-OV-31:/nextSteps']);
    expect(checkLetter(input('official_warning_letter', { nextSteps: null }))).toEqual([]);
    // Built anyway, the letter still says the supervisor helps.
    expect(buildLetter(input('warning_letter', { nextSteps: null }), 'en').paragraphs[4]).toBe('Your supervisor will help you to stop this behaviour.');
  });
  it('R-OV-31: the English version', () => {
    const en = buildLetter(input('warning_letter'), 'en');
    expect(en.title).toBe('Warning letter');
    expect(en.paragraphs).toContain('This behaviour must stop.');
    expect(en.paragraphs).toContain('Your supervisor has read this letter aloud to you.');
  });
});

describe('R-OV-34: the official warning letter of Action 4', () => {
  const nl = buildLetter(input('official_warning_letter'), 'nl');
  it('R-OV-34: an official warning, a conversation with the team manager, the next step is a formal notice', () => {
    expect(nl.title).toBe('Officiële waarschuwing');
    expect(nl.paragraphs[0]).toBe('U heeft eerder een waarschuwing gekregen over uw gedrag. De overlast is niet gestopt. Daarom krijgt u nu een officiële waarschuwing.');
    expect(nl.paragraphs).toContain('De teammanager van Zorggroep Horizon praat met u over deze waarschuwing.');
    expect(text(nl)).toContain('Dan is de volgende stap een aangetekende brief (een sommatie).');
    expect(nl.signature.resident).toBeNull();
    expect(nl.paragraphs).toContain('Zo helpt uw begeleider u: Uw begeleider maakt met u een weekplanning.');
    expect(buildLetter(input('official_warning_letter', { nextSteps: null }), 'nl').paragraphs.some((p) => p.startsWith('Zo helpt'))).toBe(false);
  });
});

describe('R-OV-35: the registered formal notice of Action 5', () => {
  it('R-OV-35: registered ("aangetekend"), signed "voor gezien", explained as seen and not agreed', () => {
    const nl = buildLetter(input('formal_notice'), 'nl');
    expect(nl.marking).toBe('Aangetekend');
    expect(nl.signature.resident).toBe('seen');
    expect(nl.paragraphs[0]).toContain('Wij sturen u deze brief aangetekend.');
    expect(nl.paragraphs.at(-1)).toBe('Wij vragen u deze brief te tekenen "voor gezien". Dat betekent: u heeft de brief gezien en gekregen. Het betekent niet dat u het eens bent met wat in de brief staat.');
    const en = buildLetter(input('formal_notice'), 'en');
    expect(en.marking).toBe('By registered post');
    expect(en.paragraphs.at(-1)).toContain('It does not mean that you agree');
  });
  it('only the formal notice is marked as registered', () => {
    for (const kind of LETTER_KINDS.filter((k) => k !== 'formal_notice')) expect(buildLetter(input(kind), 'nl').marking).toBeNull();
  });
});

describe('R-OV-36: the notice of dissolution (Action 6)', () => {
  it('R-OV-36: the care agreement ends, the right to live in the home ends, no court when alternative housing with care is accepted', () => {
    const nl = buildLetter(input('dissolution_notice'), 'nl');
    expect(nl.title).toBe('Einde van uw zorgovereenkomst');
    expect(nl.paragraphs).toContain('Als de zorgovereenkomst stopt, mag u niet meer in de woning wonen.');
    expect(text(nl)).toContain('Dan is er geen rechter nodig.');
    expect(nl.signature.resident).toBeNull();
  });
});

describe('R-OV-57: the New Chance letter', () => {
  it('R-OV-57: without the GO decisions it is refused', () => {
    expect(codes(checkLetter(input('new_chance_letter', { newChance: null })))).toEqual(['decision_missing:R-OV-57:/newChance']);
    expect(codes(checkLetter(input('new_chance_letter', { newChance: undefined })))).toEqual(['decision_missing:R-OV-57:/newChance']);
  });
  it('R-OV-57: a move needs a term in whole months (at least 1) and the housing needs', () => {
    const nc = (over: Partial<typeof NEW_CHANCE>) =>
      codes(checkLetter(input('new_chance_letter', { newChance: { ...NEW_CHANCE, ...over } })));
    expect(nc({ termMonths: null })).toEqual(['term_missing:R-OV-57:/newChance/termMonths']);
    expect(nc({ termMonths: 0 })).toEqual(['term_missing:R-OV-57:/newChance/termMonths']);
    expect(nc({ termMonths: 1.5 })).toEqual(['term_missing:R-OV-57:/newChance/termMonths']);
    expect(nc({ termMonths: 1 })).toEqual([]);
    expect(nc({ housingNeeds: null })).toEqual(['housing_needs_missing:R-OV-57:/newChance/housingNeeds']);
    expect(nc({ housingNeeds: ' ' })).toEqual(['housing_needs_missing:R-OV-57:/newChance/housingNeeds']);
    expect(nc({ careProviderName: ' ' })).toEqual(['care_provider_missing:R-OV-57:/newChance/careProviderName']);
    // New Chance in the current dwelling (R-OV-65): no term, no housing needs.
    expect(nc({ move: false, termMonths: null, housingNeeds: null })).toEqual([]);
  });
  it('R-OV-57: from the hub to the intended care provider, copies to the resident, the corporation and Woonzaken', () => {
    const l = buildLetter(input('new_chance_letter'), 'nl');
    expect(l.sender).toEqual({ name: 'Meldpunt Zorg en Woonoverlast', lines: [] });
    expect(buildLetter(input('new_chance_letter'), 'en').sender.name).toBe('Care and Housing Nuisance Hub');
    expect(l.addressee).toEqual(['Stichting Nieuw Begin']);
    expect(l.salutation).toBe('Beste medewerkers van Stichting Nieuw Begin,');
    expect(l.copies).toEqual(['Sam de Vries (bewoner)', 'Ymere (woningcorporatie)', 'Afdeling Woonzaken van de gemeente']);
    expect(buildLetter(input('new_chance_letter'), 'en').copies).toEqual(['Sam de Vries (resident)', 'Ymere (housing corporation)', 'Housing Department (Woonzaken) of the municipality']);
    expect(buildLetter(input('new_chance_letter', { corporation: null }), 'nl').copies).toEqual(['Sam de Vries (bewoner)', 'Afdeling Woonzaken van de gemeente']);
    expect(l.signature).toEqual({ resident: null, authorLine: 'Kim Jansen, begeleider' });
  });
  it('R-OV-57: the decisions: suitable, willing, the care provider, a move with housing needs and the term', () => {
    const l = buildLetter(input('new_chance_letter'), 'nl');
    expect(l.paragraphs[1]).toContain('Het Groot Overleg vindt een Nieuwe Kans passend.');
    expect(l.paragraphs.slice(2)).toEqual([
      'De zorg en begeleiding komen van Stichting Nieuw Begin.',
      'Sam de Vries gaat verhuizen naar een andere woning.',
      'De nieuwe woning moet passen bij deze woonbehoefte: Een woning op de begane grond.',
      'De verhuizing moet plaatsvinden binnen 2 maanden na de datum van deze brief.',
      'De woningcorporatie zoekt binnen die termijn een andere woning. De zorgaanbieder huurt die woning en verhuurt haar aan Sam de Vries.',
    ]);
    const en = buildLetter(input('new_chance_letter', { newChance: { ...NEW_CHANCE, termMonths: 1 } }), 'en');
    expect(en.paragraphs).toContain('The move must take place within 1 month of the date of this letter.');
    expect(buildLetter(input('new_chance_letter', { newChance: { ...NEW_CHANCE, termMonths: 1 } }), 'nl').paragraphs).toContain('De verhuizing moet plaatsvinden binnen 1 maand na de datum van deze brief.');
    expect(buildLetter(input('new_chance_letter', { newChance: { ...NEW_CHANCE, termMonths: 3 } }), 'en').paragraphs).toContain('The move must take place within 3 months of the date of this letter.');
  });
  it('R-OV-57: a very urgent move: a temporary stay elsewhere', () => {
    const l = buildLetter(input('new_chance_letter', { newChance: { ...NEW_CHANCE, temporaryStay: true } }), 'nl');
    expect(l.paragraphs.at(-1)).toBe('De verhuizing is heel dringend. Tot de verhuizing kan Sam de Vries tijdelijk ergens anders verblijven.');
    expect(text(buildLetter(input('new_chance_letter'), 'nl'))).not.toContain('dringend');
  });
  it('R-OV-65: New Chance in the current dwelling: the lease goes to the care provider, nothing about a move', () => {
    const l = buildLetter(input('new_chance_letter', { newChance: { ...NEW_CHANCE, move: false, termMonths: null, housingNeeds: null, temporaryStay: true } }), 'nl');
    expect(l.paragraphs.slice(2)).toEqual([
      'De zorg en begeleiding komen van Stichting Nieuw Begin.',
      'Sam de Vries blijft in de huidige woning wonen. Het huurcontract van deze woning komt op naam van de zorgaanbieder.',
    ]);
  });
  it('R-OV-57: built without decisions (refused by checkLetter) it only introduces the case', () => {
    const l = buildLetter(input('new_chance_letter', { newChance: null }), 'nl');
    expect(l.paragraphs).toHaveLength(2);
    expect(l.addressee).toEqual(['']);
  });
});
