/**
 * The letters of the nuisance protocol (overlast.md §6.4, §6.5, Annex 5 step 5): the written
 * feedback to the corporation (category 1), the warning letter (Action 3), the official warning
 * letter (Action 4), the registered formal notice (Action 5), the notice of dissolution of the care
 * delivery agreement (Action 6) and the New Chance letter. Pure: `checkLetter` says why a letter
 * cannot be issued, `buildLetter` writes it in plain Dutch (B1: short sentences, "u", no jargon,
 * no rule codes) or English; the shell renders it (src/modules/nuisance/letters-pdf.ts).
 *
 * - R-OV-09: every letter to the resident cites the agreement(s) of the support plan and/or its
 *   supplement that were not kept, as a list; a letter without one is refused.
 * - R-OV-68 (AMB-OV-06): what reaches the corporation (the written feedback, the copies of the
 *   letters of Actions 3–5, the New Chance letter) states housing behaviour only: no care content
 *   (diagnosis, treatment, medication, addiction …). A small word list refuses the obvious cases.
 * - R-OV-31 / R-OV-34 / R-OV-35: the warning letter is read aloud and signed and says how the
 *   resident can work on the behaviour with support; the official warning letter goes with a
 *   conversation with the team manager; the formal notice is registered and signed "voor gezien".
 * - R-OV-57: the New Chance letter lays down the GO's decisions; for a move the housing needs and
 *   the term; copies to the resident, the corporation and Woonzaken of the municipality.
 */
import { formatDateEn, formatDateNl, isValidIsoDate } from '../calendar/index.ts';
import { NUISANCE_TYPE_WORDS } from './model.ts';
import type { LetterKind, LetterSignature, NuisanceType, Violation, Words } from './model.ts';

export type LetterLang = 'nl' | 'en';

export interface LetterInput {
  kind: LetterKind;
  /** ISO date the letter is dated. */
  issuedOn: string;
  resident: { name: string; address: string };
  careProvider: { name: string; reportingPointPhone?: string | null; reportingPointEmail?: string | null; outOfHoursPhone?: string | null };
  corporation: { name: string } | null;
  /** Who signs the letter, e.g. the supervisor (begeleider) or the team manager. */
  author: { name: string; role: string };
  /** What the complaints are about (behaviour, never care content). */
  nuisanceTypes: NuisanceType[];
  /** Plain words about the behaviour that causes complaints. */
  behaviour: string;
  /** R-OV-09: the agreements of the support plan / supplement that were not kept. */
  agreementsNotKept: string[];
  /** How the resident can work on it with support (warning letter); the actions taken (written feedback). */
  nextSteps?: string | null;
  /** The GO's decisions (New Chance letter only). */
  newChance?: { careProviderName: string; move: boolean; termMonths: number | null; housingNeeds: string | null; temporaryStay: boolean } | null;
}

/** Who receives a copy of a letter (§6.5; Annex 5 step 5). */
export type CopyRecipient = 'resident' | 'corporation' | 'woonzaken';

/** A letter ready to render: every text in one language, no codes. */
export interface Letter {
  kind: LetterKind;
  title: string;
  lang: LetterLang;
  /** Letterhead: who sends it and how to reach them. */
  sender: { name: string; lines: string[] };
  /** "Aangetekend" for the formal notice (R-OV-35); otherwise null. */
  marking: string | null;
  /** The date in words. */
  date: string;
  /** To whom (name and address lines). */
  addressee: string[];
  salutation: string;
  paragraphs: string[];
  /** Where the agreements list goes: before `paragraphs[agreementsAt]` (after the last one when equal to its length). */
  agreementsAt: number;
  /** The words above the agreements list, when there is a list. */
  agreementsHeading: string | null;
  agreements: string[];
  closing: string;
  signature: { resident: LetterSignature | null; authorLine: string };
  /** Who gets a copy (name and in what role). */
  copies: string[];
}

const T = (nl: string, en: string): Words => ({ nl, en });

export const LETTER_TITLES: Record<LetterKind, Words> = {
  written_feedback: { nl: 'Terugkoppeling over een klacht over overlast', en: 'Feedback on a nuisance complaint' },
  warning_letter: { nl: 'Waarschuwingsbrief', en: 'Warning letter' },
  official_warning_letter: { nl: 'Officiële waarschuwing', en: 'Official warning' },
  formal_notice: { nl: 'Sommatie: laatste waarschuwing', en: 'Formal notice: final warning' },
  dissolution_notice: { nl: 'Einde van uw zorgovereenkomst', en: 'End of your care agreement' },
  new_chance_letter: { nl: 'Nieuwe Kans Brief', en: 'New Chance letter' },
};

/**
 * §6.5 "Copy to corporation": yes for the written feedback (it is addressed to the corporation) and
 * the letters of Actions 3, 4 and 5; unspecified for the dissolution, so none. R-OV-57: the New
 * Chance letter goes to the care provider with copies to the resident, the corporation and Woonzaken.
 */
export const LETTER_COPIES: Record<LetterKind, ReadonlyArray<CopyRecipient>> = {
  written_feedback: ['corporation'],
  warning_letter: ['corporation'],
  official_warning_letter: ['corporation'],
  formal_notice: ['corporation'],
  dissolution_notice: [],
  new_chance_letter: ['resident', 'corporation', 'woonzaken'],
};

/** The rule each kind of letter carries out. */
export const LETTER_RULES: Record<LetterKind, string> = {
  written_feedback: 'R-OV-29',
  warning_letter: 'R-OV-31',
  official_warning_letter: 'R-OV-34',
  formal_notice: 'R-OV-35',
  dissolution_notice: 'R-OV-36',
  new_chance_letter: 'R-OV-57',
};

/** R-OV-09: the letters that go to the resident and must cite the agreements not kept. */
export const LETTERS_TO_RESIDENT: ReadonlyArray<LetterKind> = ['warning_letter', 'official_warning_letter', 'formal_notice', 'dissolution_notice'];

/** §6.5 "Resident's act": signs after it was read aloud (Action 3), signs "voor gezien" (Action 5). */
export const LETTER_SIGNATURE: Record<LetterKind, LetterSignature | null> = {
  written_feedback: null,
  warning_letter: 'signed',
  official_warning_letter: null,
  formal_notice: 'seen',
  dissolution_notice: null,
  new_chance_letter: null,
};

/**
 * R-OV-68: words that reveal care content (diagnosis, treatment, medication, addiction, disorders).
 * Matched as parts of words, without case or accents ("Medicatie", "behandelingen", "psychiatrisch").
 */
export const CARE_CONTENT_WORDS: ReadonlyArray<string> = [
  'diagnos', 'medicat', 'medicijn', 'medicin', 'behandeling', 'behandelaar', 'treatment', 'therap',
  'psychiat', 'psycho', 'verslav', 'addict', 'ggz', 'stoornis', 'disorder', 'schizo', 'autis',
  'adhd', 'depressi', 'afkick', 'methadon', 'detox',
];

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The care-content words in a text (R-OV-68), in list order. */
export function careContentIn(text: string): string[] {
  const t = fold(text);
  return CARE_CONTENT_WORDS.filter((w) => t.includes(w));
}

const filled = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const agreementsOf = (input: LetterInput): string[] => input.agreementsNotKept.filter(filled).map((a) => a.trim());

/** Whether the letter (or a copy of it) reaches the corporation. */
function reachesCorporation(kind: LetterKind): boolean {
  return LETTER_COPIES[kind].includes('corporation');
}

const v = (code: string, rule: string, text: Words, field: string): Violation => ({ code, rule, nl: text.nl, en: text.en, field });

/** Every reason the letter cannot be issued; empty when it can. */
export function checkLetter(input: LetterInput): Violation[] {
  const out: Violation[] = [];
  const { kind } = input;
  const rule = LETTER_RULES[kind];
  if (!isValidIsoDate(input.issuedOn)) {
    out.push(v('date_invalid', rule, T('Nog niet mogelijk: geef de datum van de brief.', 'Not possible yet: give the date of the letter.'), '/issuedOn'));
  }
  if (LETTERS_TO_RESIDENT.includes(kind) && agreementsOf(input).length === 0) {
    out.push(v('agreements_missing', 'R-OV-09', T(
      'Nog niet mogelijk: noem in de brief minstens één afspraak uit het begeleidingsplan of de aanvulling die de bewoner niet is nagekomen.',
      'Not possible yet: the letter must name at least one agreement of the support plan or its supplement that the resident did not keep.',
    ), '/agreementsNotKept'));
  }
  if (kind !== 'new_chance_letter' && !filled(input.behaviour)) {
    out.push(v('behaviour_missing', rule, T(
      'Nog niet mogelijk: beschrijf het gedrag waarover geklaagd wordt.',
      'Not possible yet: describe the behaviour the complaints are about.',
    ), '/behaviour'));
  }
  if (kind === 'warning_letter' && !filled(input.nextSteps)) {
    out.push(v('next_steps_missing', rule, T(
      'Nog niet mogelijk: schrijf in de waarschuwingsbrief hoe de bewoner met begeleiding aan het stoppen van het gedrag kan werken.',
      'Not possible yet: the warning letter must say how the resident can work on stopping the behaviour with support.',
    ), '/nextSteps'));
  }
  if (reachesCorporation(kind) && input.corporation === null) {
    out.push(v('corporation_missing', rule, T(
      'Nog niet mogelijk: de woningcorporatie krijgt deze brief of een kopie ervan, maar er is geen corporatie bekend.',
      'Not possible yet: the housing corporation receives this letter or a copy of it, but no corporation is known.',
    ), '/corporation'));
  }
  if (kind === 'new_chance_letter') out.push(...checkNewChance(input));
  if (reachesCorporation(kind)) out.push(...checkCareContent(input));
  return out;
}

/** R-OV-57: the GO's decisions; for a move the housing needs and the term. */
function checkNewChance(input: LetterInput): Violation[] {
  const nc = input.newChance;
  if (!nc) {
    return [v('decision_missing', 'R-OV-57', T(
      'Nog niet mogelijk: leg eerst de besluiten van het Groot Overleg vast.',
      'Not possible yet: first record the decisions of the Large Meeting.',
    ), '/newChance')];
  }
  const out: Violation[] = [];
  if (!filled(nc.careProviderName)) {
    out.push(v('care_provider_missing', 'R-OV-57', T(
      'Nog niet mogelijk: noem de zorgaanbieder die de zorg gaat geven.',
      'Not possible yet: name the care provider that will provide the care.',
    ), '/newChance/careProviderName'));
  }
  if (nc.move) {
    const term = nc.termMonths ?? 0;
    if (!Number.isInteger(term) || term < 1) {
      out.push(v('term_missing', 'R-OV-57', T(
        'Nog niet mogelijk: bij een verhuizing noemt de brief binnen hoeveel maanden de verhuizing moet plaatsvinden.',
        'Not possible yet: for a move the letter states within how many months the move must take place.',
      ), '/newChance/termMonths'));
    }
    if (!filled(nc.housingNeeds)) {
      out.push(v('housing_needs_missing', 'R-OV-57', T(
        'Nog niet mogelijk: bij een verhuizing noemt de brief wat de nieuwe woning nodig heeft (de woonbehoefte).',
        'Not possible yet: for a move the letter states the housing needs for the new dwelling.',
      ), '/newChance/housingNeeds'));
    }
  }
  return out;
}

/** R-OV-68: no care content in what reaches the corporation. */
function checkCareContent(input: LetterInput): Violation[] {
  const fields: Array<[string, string | null | undefined]> = [
    ['/behaviour', input.behaviour],
    ...input.agreementsNotKept.map((a, i): [string, string] => [`/agreementsNotKept/${i}`, a]),
    ['/nextSteps', input.nextSteps],
    ['/newChance/housingNeeds', input.newChance?.housingNeeds],
  ];
  const out: Violation[] = [];
  for (const [field, text] of fields) {
    const found = filled(text) ? careContentIn(text) : [];
    if (found.length > 0) {
      const words = found.join(', ');
      out.push(v('care_content', 'R-OV-68', T(
        `Nog niet mogelijk: de woningcorporatie krijgt (een kopie van) deze brief. Schrijf alleen over het woongedrag, niet over de zorg (gevonden: ${words}).`,
        `Not possible yet: the housing corporation receives (a copy of) this letter. Write about the housing behaviour only, not about care (found: ${words}).`,
      ), field));
    }
  }
  return out;
}

// ─── Building the letter ─────────────────────────────────────────────────────

/** "geluid", "geluid en stank", "geluid, stank en vervuiling" (the type "other" says nothing). */
function typesInWords(types: ReadonlyArray<NuisanceType>, lang: LetterLang): string | null {
  const words = [...new Set(types)].filter((t) => t !== 'other').map((t) => NUISANCE_TYPE_WORDS[t][lang].toLowerCase());
  if (words.length === 0) return null;
  const last = words.pop()!;
  return words.length === 0 ? last : `${words.join(', ')} ${T('en', 'and')[lang]} ${last}`;
}

/** "…." — a sentence from free text ends with a full stop (or its own ! or ?). */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function complaintWords(input: LetterInput, lang: LetterLang): string[] {
  const types = typesInWords(input.nuisanceTypes, lang);
  const out: Words[] = [
    types === null
      ? T('Buren hebben geklaagd over overlast.', 'Neighbours have complained about nuisance.')
      : T(`Buren hebben geklaagd over overlast. Het gaat om ${types}.`, `Neighbours have complained about nuisance. It is about ${types}.`),
  ];
  if (filled(input.behaviour)) {
    out.push(T(`Dit gedrag geeft overlast: ${sentence(input.behaviour)}`, `This behaviour causes the nuisance: ${sentence(input.behaviour)}`));
  }
  return out.map((w) => w[lang]);
}

function corporationCopyWords(input: LetterInput, lang: LetterLang): string[] {
  return input.corporation
    ? [T(
      `De woningcorporatie ${input.corporation.name} krijgt een kopie van deze brief. Daarin staat alleen iets over uw gedrag in en rond de woning, niet over uw zorg.`,
      `The housing corporation ${input.corporation.name} receives a copy of this letter. It only says something about your behaviour in and around the home, not about your care.`,
    )[lang]]
    : [];
}

const RESIDENT_AGREEMENTS = T(
  'In uw begeleidingsplan staan afspraken. Deze afspraken bent u niet nagekomen:',
  'Your support plan contains agreements. You did not keep these agreements:',
);

function body(input: LetterInput, lang: LetterLang): { before: string[]; after: string[]; agreementsHeading: Words | null } {
  const say = (w: Words): string => w[lang];
  const p = (...ws: Words[]): string[] => ws.map(say);
  switch (input.kind) {
    case 'written_feedback':
      return {
        before: [
          ...p(T(
            `Wij hebben een klacht over overlast rond de woning van ${input.resident.name}, ${input.resident.address}, opgepakt. In deze brief leest u wat wij hebben gedaan en welke afspraken wij over het woongedrag hebben gemaakt.`,
            `We have dealt with a nuisance complaint about the home of ${input.resident.name}, ${input.resident.address}. This letter tells you what we did and which agreements we made about the behaviour in and around the home.`,
          )),
          ...complaintWords(input, lang),
          ...(filled(input.nextSteps) ? p(T(`Wat wij doen: ${sentence(input.nextSteps)}`, `What we do: ${sentence(input.nextSteps)}`)) : []),
        ],
        after: [
          ...p(T(
            'Wij schrijven alleen over het woongedrag. Over de zorg en begeleiding van de bewoner delen wij niets.',
            'We only write about the behaviour in and around the home. We share nothing about the care and support of the resident.',
          )),
          ...contactWords(input, lang),
        ],
        agreementsHeading: T('Deze afspraken over het woongedrag hebben wij met de bewoner gemaakt:', 'We made these agreements about the behaviour in and around the home with the resident:'),
      };
    case 'warning_letter':
      return {
        before: [
          ...complaintWords(input, lang),
        ],
        after: [
          ...p(
            T('Dit gedrag moet stoppen.', 'This behaviour must stop.'),
            T(
              'Deze brief is een waarschuwing. Wij geven u die volgens de regels voor overlast (het overlastprotocol). Wij hebben hierover ook met u gepraat.',
              'This letter is a warning. We give it to you under the rules for nuisance (the nuisance protocol). We have also talked with you about it.',
            ),
          ),
          ...(filled(input.nextSteps)
            ? p(T(`Zo kunt u met hulp van uw begeleider aan het stoppen van dit gedrag werken: ${sentence(input.nextSteps)}`, `This is how you can work on stopping this behaviour with help from your supervisor: ${sentence(input.nextSteps)}`))
            : p(T('Uw begeleider helpt u om dit gedrag te stoppen.', 'Your supervisor will help you to stop this behaviour.'))),
          ...p(
            T('Uw begeleider heeft deze brief aan u voorgelezen.', 'Your supervisor has read this letter aloud to you.'),
            T(
              'Gaat de overlast door of komt die terug? Dan krijgt u een officiële waarschuwing. Stopt het daarna nog niet, dan volgt een aangetekende brief. Daarna kan uw zorgovereenkomst stoppen. U mag dan niet meer in de woning wonen.',
              'If the nuisance goes on or comes back, you will get an official warning. If it still does not stop, a registered letter follows. After that your care agreement can end. You may then no longer live in the home.',
            ),
          ),
          ...corporationCopyWords(input, lang),
          ...p(T(
            'Wij vragen u deze brief te tekenen. Met uw handtekening laat u zien dat de brief aan u is voorgelezen en dat u hem heeft gekregen.',
            'We ask you to sign this letter. With your signature you show that the letter was read aloud to you and that you have received it.',
          )),
        ],
        agreementsHeading: RESIDENT_AGREEMENTS,
      };
    case 'official_warning_letter':
      return {
        before: [
          ...p(T(
            'U heeft eerder een waarschuwing gekregen over uw gedrag. De overlast is niet gestopt. Daarom krijgt u nu een officiële waarschuwing.',
            'You were warned about your behaviour before. The nuisance has not stopped. That is why you now get an official warning.',
          )),
          ...complaintWords(input, lang),
        ],
        after: [
          ...p(T('Dit gedrag moet direct stoppen.', 'This behaviour must stop now.')),
          ...(filled(input.nextSteps) ? p(T(`Zo helpt uw begeleider u: ${sentence(input.nextSteps)}`, `This is how your supervisor helps you: ${sentence(input.nextSteps)}`)) : []),
          ...p(
            T(
              `De teammanager van ${input.careProvider.name} praat met u over deze waarschuwing.`,
              `The team manager of ${input.careProvider.name} will talk with you about this warning.`,
            ),
            T(
              'Stopt de overlast niet? Dan is de volgende stap een aangetekende brief (een sommatie). Dat is de laatste waarschuwing voordat uw zorgovereenkomst kan stoppen.',
              'If the nuisance does not stop, the next step is a registered letter (a formal notice). That is the final warning before your care agreement can end.',
            ),
          ),
          ...corporationCopyWords(input, lang),
        ],
        agreementsHeading: RESIDENT_AGREEMENTS,
      };
    case 'formal_notice':
      return {
        before: [
          ...p(T(
            'Wij sturen u deze brief aangetekend. U heeft eerder een waarschuwing en een officiële waarschuwing gekregen. De overlast is toch doorgegaan.',
            'We send you this letter by registered post. You were given a warning and an official warning before. The nuisance has still gone on.',
          )),
          ...complaintWords(input, lang),
        ],
        after: [
          ...p(
            T('Wij eisen dat u dit gedrag nu stopt. Dit is de laatste waarschuwing.', 'We demand that you stop this behaviour now. This is the final warning.'),
            T(
              'Stopt de overlast niet? Dan stoppen wij uw zorgovereenkomst. U mag dan niet meer in de woning wonen. Werkt u niet mee aan andere woonruimte met zorg? Dan vragen wij de rechter om u uit de woning te laten zetten.',
              'If the nuisance does not stop, we will end your care agreement. You may then no longer live in the home. If you do not accept other housing with care, we will ask the court to have you removed from the home.',
            ),
          ),
          ...corporationCopyWords(input, lang),
          ...p(T(
            'Wij vragen u deze brief te tekenen "voor gezien". Dat betekent: u heeft de brief gezien en gekregen. Het betekent niet dat u het eens bent met wat in de brief staat.',
            'We ask you to sign this letter "as seen" (voor gezien). That means: you have seen and received the letter. It does not mean that you agree with what the letter says.',
          )),
        ],
        agreementsHeading: RESIDENT_AGREEMENTS,
      };
    case 'dissolution_notice':
      return {
        before: [
          ...p(T(
            'U heeft een waarschuwing, een officiële waarschuwing en een aangetekende brief gekregen. De overlast is toch doorgegaan. Daarom stoppen wij uw zorgovereenkomst.',
            'You were given a warning, an official warning and a registered letter. The nuisance has still gone on. That is why we are ending your care agreement.',
          )),
          ...complaintWords(input, lang),
        ],
        after: [
          ...p(
            T('Als de zorgovereenkomst stopt, mag u niet meer in de woning wonen.', 'When the care agreement ends, you may no longer live in the home.'),
            T(
              'U kunt kiezen voor andere woonruimte met zorg. Dan is er geen rechter nodig. Wilt u dat niet? Dan vragen wij de rechter om u uit de woning te laten zetten.',
              'You can choose other housing with care. Then no court is needed. If you do not want that, we will ask the court to have you removed from the home.',
            ),
            T('Heeft u vragen? Neem dan contact op met uw begeleider.', 'Do you have questions? Please contact your supervisor.'),
          ),
        ],
        agreementsHeading: RESIDENT_AGREEMENTS,
      };
    case 'new_chance_letter':
      return { before: newChanceWords(input, lang), after: [], agreementsHeading: null };
  }
}

/** The written feedback ends with how the corporation reaches the care provider's reporting point (R-OV-02). */
function contactWords(input: LetterInput, lang: LetterLang): string[] {
  const cp = input.careProvider;
  const ways = [
    filled(cp.reportingPointPhone) ? T(`telefoon ${cp.reportingPointPhone.trim()}`, `phone ${cp.reportingPointPhone.trim()}`) : null,
    filled(cp.reportingPointEmail) ? T(`e-mail ${cp.reportingPointEmail.trim()}`, `email ${cp.reportingPointEmail.trim()}`) : null,
    filled(cp.outOfHoursPhone) ? T(`buiten kantooruren ${cp.outOfHoursPhone.trim()}`, `outside office hours ${cp.outOfHoursPhone.trim()}`) : null,
  ].filter((w): w is Words => w !== null).map((w) => w[lang]);
  if (ways.length === 0) return [];
  return [T(
    `Komt de overlast terug? Meld het dan bij ons meldpunt overlast: ${ways.join(', ')}.`,
    `If the nuisance comes back, please report it to our nuisance reporting point: ${ways.join(', ')}.`,
  )[lang]];
}

function newChanceWords(input: LetterInput, lang: LetterLang): string[] {
  const nc = input.newChance;
  const name = input.resident.name;
  const out: Words[] = [
    T(
      `Het Groot Overleg van het Meldpunt Zorg en Woonoverlast heeft besloten over een Nieuwe Kans voor ${name}, ${input.resident.address}. In deze brief staan de besluiten.`,
      `The Large Meeting of the Care and Housing Nuisance Hub has decided on a New Chance for ${name}, ${input.resident.address}. This letter sets out the decisions.`,
    ),
    T(
      `Het Groot Overleg vindt een Nieuwe Kans passend. ${name} wil meewerken: ${name} neemt de zorg aan die wordt aangeboden, en het huurcontract komt op naam van de zorgaanbieder.`,
      `The Large Meeting finds a New Chance suitable. ${name} is willing to cooperate: ${name} accepts the care offered, and the lease will be in the name of the care provider.`,
    ),
  ];
  if (nc) {
    out.push(T(`De zorg en begeleiding komen van ${nc.careProviderName}.`, `The care and support will come from ${nc.careProviderName}.`));
    if (nc.move) {
      const term = nc.termMonths === 1 ? T('1 maand', '1 month') : T(`${nc.termMonths ?? '?'} maanden`, `${nc.termMonths ?? '?'} months`);
      out.push(
        T(`${name} gaat verhuizen naar een andere woning.`, `${name} will move to another home.`),
        T(`De nieuwe woning moet passen bij deze woonbehoefte: ${sentence(nc.housingNeeds ?? '')}`, `The new home must meet these housing needs: ${sentence(nc.housingNeeds ?? '')}`),
        T(`De verhuizing moet plaatsvinden binnen ${term.nl} na de datum van deze brief.`, `The move must take place within ${term.en} of the date of this letter.`),
        T(
          `De woningcorporatie zoekt binnen die termijn een andere woning. De zorgaanbieder huurt die woning en verhuurt haar aan ${name}.`,
          `The housing corporation finds another home within that term. The care provider rents that home and sublets it to ${name}.`,
        ),
      );
      if (nc.temporaryStay) {
        out.push(T(
          `De verhuizing is heel dringend. Tot de verhuizing kan ${name} tijdelijk ergens anders verblijven.`,
          `The move is very urgent. Until the move, ${name} can stay somewhere else for a while.`,
        ));
      }
    } else {
      out.push(T(
        `${name} blijft in de huidige woning wonen. Het huurcontract van deze woning komt op naam van de zorgaanbieder.`,
        `${name} stays in the current home. The lease of this home will be in the name of the care provider.`,
      ));
    }
  }
  return out.map((w) => w[lang]);
}

function copyLine(who: CopyRecipient, input: LetterInput): Words | null {
  switch (who) {
    case 'resident':
      return T(`${input.resident.name} (bewoner)`, `${input.resident.name} (resident)`);
    case 'corporation':
      return input.corporation ? T(`${input.corporation.name} (woningcorporatie)`, `${input.corporation.name} (housing corporation)`) : null;
    case 'woonzaken':
      return T('Afdeling Woonzaken van de gemeente', 'Housing Department (Woonzaken) of the municipality');
  }
}

/** The addressee of the letter: the corporation (written feedback), the care provider (New Chance) or the resident. */
function addressee(input: LetterInput): { to: CopyRecipient | 'care_provider'; lines: string[] } {
  if (input.kind === 'written_feedback') return { to: 'corporation', lines: [input.corporation?.name ?? ''] };
  if (input.kind === 'new_chance_letter') return { to: 'care_provider', lines: [input.newChance?.careProviderName ?? ''] };
  return { to: 'resident', lines: [input.resident.name, input.resident.address] };
}

/** The letter in one language (call checkLetter first: buildLetter writes what it is given). */
export function buildLetter(input: LetterInput, lang: LetterLang): Letter {
  const say = (w: Words): string => w[lang];
  const to = addressee(input);
  const { before, after, agreementsHeading } = body(input, lang);
  const agreements = input.kind === 'new_chance_letter' ? [] : agreementsOf(input);
  const fromHub = input.kind === 'new_chance_letter';
  const cp = input.careProvider;
  const senderLines = fromHub
    ? []
    : [
      filled(cp.reportingPointPhone) ? say(T(`Meldpunt overlast: ${cp.reportingPointPhone.trim()}`, `Nuisance reporting point: ${cp.reportingPointPhone.trim()}`)) : null,
      filled(cp.reportingPointEmail) ? say(T(`E-mail: ${cp.reportingPointEmail.trim()}`, `Email: ${cp.reportingPointEmail.trim()}`)) : null,
      filled(cp.outOfHoursPhone) ? say(T(`Buiten kantooruren: ${cp.outOfHoursPhone.trim()}`, `Outside office hours: ${cp.outOfHoursPhone.trim()}`)) : null,
    ].filter((l): l is string => l !== null);
  const salutation = to.to === 'resident'
    ? T(`Beste ${input.resident.name},`, `Dear ${input.resident.name},`)
    : to.to === 'corporation'
      ? T(`Beste contactpersoon van ${to.lines[0]},`, `Dear contact person at ${to.lines[0]},`)
      : T(`Beste medewerkers van ${to.lines[0]},`, `Dear colleagues at ${to.lines[0]},`);
  return {
    kind: input.kind,
    title: say(LETTER_TITLES[input.kind]),
    lang,
    sender: { name: fromHub ? say(T('Meldpunt Zorg en Woonoverlast', 'Care and Housing Nuisance Hub')) : cp.name, lines: senderLines },
    marking: input.kind === 'formal_notice' ? say(T('Aangetekend', 'By registered post')) : null,
    date: say(T(formatDateNl(input.issuedOn), formatDateEn(input.issuedOn))),
    addressee: to.lines,
    salutation: say(salutation),
    paragraphs: [...before, ...after],
    agreementsAt: before.length,
    // Only the New Chance letter has no heading, and it never has a list.
    agreementsHeading: agreements.length > 0 ? say(agreementsHeading!) : null,
    agreements,
    closing: say(T('Met vriendelijke groet,', 'Kind regards,')),
    signature: {
      resident: LETTER_SIGNATURE[input.kind],
      authorLine: fromHub ? `${input.author.name}, ${input.author.role}` : `${input.author.name}, ${input.author.role}, ${cp.name}`,
    },
    copies: LETTER_COPIES[input.kind]
      .filter((who) => who !== to.to)
      .map((who) => copyLine(who, input))
      .filter((w): w is Words => w !== null)
      .map(say),
  };
}
