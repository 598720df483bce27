/**
 * The four Omslagroute forms as data (omslagroute.md §7.2–§7.5): F-1 Supplement Wonen en Goed
 * Huurderschap, F-2 Woonevaluatieformulier, F-3 Voordracht voor Omklap, F-4 Begeleidingsplan.
 *
 * Labels are Dutch as printed in the source (Annex 2b, Annex 3a-F); English is a translation.
 * Fields marked `proposal` are not on the printed form (spec proposals or this definition's).
 *
 * Signatures are not data fields: a signature is a separate record per party and form version
 * (see signatures.ts). `signatureParties` lists who must sign; `signatureFieldIds` maps each
 * party to the printed signature field it stands for (F-1 S-33…S-35, F-2 E-36…E-38).
 *
 * A changed definition (fields added, labels reworded) gets a new `version`; stored forms keep
 * the definition version they were made with (`forms.definition_version`).
 */
import { GOAL_DOMAINS } from '../trajectories/model.ts';
import type { GoalDomain } from '../trajectories/model.ts';
import type { FieldDefinition, FieldType, FormDefinition, FormKind, LocalText, SectionDefinition } from './model.ts';

// ─── Small builders ──────────────────────────────────────────────────────────

type FieldOptions = Omit<Partial<FieldDefinition>, 'id' | 'type' | 'label'>;

/** A field; required unless `required: false` is given. */
function field(id: string, type: FieldType, nl: string, en: string, opts: FieldOptions = {}): FieldDefinition {
  return { id, type, label: { nl, en }, required: true, ...opts };
}

function section(id: string, nl: string, en: string, fields: FieldDefinition[]): SectionDefinition {
  return { id, title: { nl, en }, fields };
}

const YES = (f: string) => ({ field: f, equals: 'yes' });
const NO = (f: string) => ({ field: f, equals: 'no' });

/** The three contact blocks shared by F-1 (S-01…S-09) and F-2 (E-01…E-09). */
function contactSections(prefix: 'S' | 'E', sectionPrefix: string): SectionDefinition[] {
  const id = (n: number) => `${prefix}-0${n}`;
  return [
    section(`${sectionPrefix}-RESIDENT`, 'Gegevens van de bewoner', "Resident's details", [
      field(id(1), 'text', 'Naam', 'Name'),
      field(id(2), 'text', 'Adres', 'Address'),
      field(id(3), 'phone', 'Telefoonnummer', 'Phone', { notApplicableAllowed: true }),
    ]),
    section(`${sectionPrefix}-CARE`, 'Contactpersoon zorgaanbieder', 'Care provider contact', [
      field(id(4), 'text', 'Naam', 'Name'),
      field(id(5), 'phone', 'Telefoonnummer', 'Phone'),
      field(id(6), 'email', 'Mailadres', 'E-mail'),
    ]),
    section(`${sectionPrefix}-CORP`, 'Contactpersoon woningcorporatie', 'Corporation contact', [
      field(id(7), 'text', 'Naam', 'Name'),
      field(id(8), 'phone', 'Telefoonnummer', 'Phone'),
      field(id(9), 'email', 'Mailadres', 'E-mail'),
    ]),
  ];
}

const THREE_PARTY_PURPOSE: LocalText = {
  nl: 'In dit formulier leggen de bewoner, de zorgaanbieder en de woningcorporatie de afspraken rond het wonen vast.',
  en: 'In this form the resident, the care provider and the housing corporation record the agreements on housing.',
};

/** R-OR-95: the personal supervisor explained why this is recorded and what happens with it. */
function privacyExplainedField(id: string): FieldDefinition {
  return field(
    id,
    'yesno',
    'De persoonlijk begeleider heeft uitgelegd waarom deze informatie wordt vastgelegd en wat ermee gebeurt.',
    'The personal supervisor has explained why this information is recorded and what happens with it.',
    { rule: 'R-OR-95', proposal: true },
  );
}

// ─── F-1 Supplement Wonen en Goed Huurderschap (Annex 2b; §7.2) ───────────────

/** R-OR-36: the topics of the introduction meeting; "n.v.t." allowed (proposal). */
const discussed = (opts: FieldOptions = {}): FieldOptions => ({ notApplicableAllowed: true, rule: 'R-OR-36', ...opts });
/** A yes/no topic of the introduction meeting: always answerable, so no "n.v.t.". */
const discussedYesNo = (opts: FieldOptions = {}): FieldOptions => ({ rule: 'R-OR-36', ...opts });

export const F1_SUPPLEMENT: FormDefinition = {
  kind: 'F-1',
  version: 1,
  title: { nl: 'Supplement Wonen en Goed Huurderschap', en: 'Housing and Good Tenancy Supplement' },
  purpose: THREE_PARTY_PURPOSE,
  privacyNotice: {
    nl:
      'De afspraken in dit supplement zijn nodig voor een goede start in de woning en voor goed huurderschap. ' +
      'Het supplement hoort bij het begeleidingsplan. Bewoner, zorgaanbieder en woningcorporatie bewaren elk een kopie en gebruiken die bij de woonevaluaties. ' +
      'Alleen afspraken die met wonen en goed huurderschap te maken hebben worden gedeeld, met toestemming van de bewoner.',
    en:
      'The agreements in this supplement are needed for a good start in the dwelling and for good tenancy. ' +
      'The supplement belongs to the support plan. Resident, care provider and housing corporation each keep a copy and use it at the housing evaluations. ' +
      'Only agreements about housing and good tenancy are shared, with the consent of the resident.',
  },
  // R-OR-38, §7.1: resident, care provider (name + function) and corporation (name + function).
  signatureParties: ['client', 'care_provider', 'corporation'],
  signatureFieldIds: { client: 'S-33', care_provider: 'S-34', corporation: 'S-35' },
  sections: [
    ...contactSections('S', 'S0'),
    section('S0-DATES', 'Data', 'Dates', [
      field('S-10', 'date', 'Startdatum intermediaire verhuur', 'Start date of intermediate lease'),
      field('S-11', 'date', 'Datum kennismakingsgesprek', 'Date of introduction meeting', { rule: 'R-OR-34' }),
    ]),
    section('S0-TENANCY', 'Goed huurderschap', 'Good tenancy', [
      field(
        'S-12',
        'declaration',
        'Ik, [naam], verklaar dat ik me als een goed huurder zal gedragen. Dit houdt in dat ik me houd aan de woonregels, geen overlast veroorzaak en mijn huur op tijd betaal.',
        'I, [name], declare that I will behave as a good tenant. This means that I keep to the house rules, cause no nuisance and pay my rent on time.',
        { rule: 'R-OR-37' },
      ),
    ]),
    section('S1', '1. Landen in de woning', '1. Settling into the dwelling', [
      field('S-13', 'longtext', 'Hoe ervaar je het wonen?', 'How do you experience living here?', discussed()),
      field('S-14', 'longtext', 'Wat gaat goed, wat gaat minder goed?', 'What goes well, what less well?', discussed()),
    ]),
    section('S2', '2. Landen in het complex', '2. Settling into the complex', [
      field(
        'S-15',
        'longtext',
        'Heb je kennisgemaakt met je buren? Zo nee, wil je dat? Hoe kun je dat het beste doen?',
        'Have you met your neighbours? If not, do you want to? How best?',
        discussed(),
      ),
      field('S-16', 'longtext', 'Wanneer ben je een goede buur?', 'When are you a good neighbour?', discussed()),
      field(
        'S-17',
        'longtext',
        'Zijn er huisregels in het complex waarmee je rekening moet houden?',
        'Are there house rules in the complex to respect?',
        discussed(),
      ),
      field(
        'S-18',
        'yesno_text',
        'Weet je waar je afval kwijt kunt (afvalbak, glasbak, grof vuil voorzieningen)?',
        'Do you know where to put waste (bin, bottle bank, bulky waste)?',
        discussedYesNo(),
      ),
      field(
        'S-19',
        'yesno_text',
        'Weet je hoe je technische klachten kunt melden bij de woningcorporatie?',
        'Do you know how to report technical problems to the corporation?',
        discussedYesNo(),
      ),
      field('S-20', 'yesno_text', 'Weet je hoe je overlast kunt melden?', 'Do you know how to report nuisance?', discussedYesNo()),
      field('S-21', 'yesno_text', 'Weet je hoe je overlast kunt voorkomen?', 'Do you know how to prevent nuisance?', discussedYesNo()),
      field(
        'S-22',
        'longtext',
        'Hoe worden signalen van overlast gedeeld? (verwijzing overlastprotocol)',
        'How are nuisance signals shared? (reference to nuisance protocol)',
        discussed(),
      ),
    ]),
    section('S3', '3. Landen in de wijk', '3. Settling into the neighbourhood', [
      field('S-23', 'longtext', 'Hoe ervaar je de wijk?', 'How do you experience the neighbourhood?', discussed()),
      field(
        'S-24',
        'yesno_text',
        'Weet je waar voorzieningen zijn waar jij gebruik van kunt maken?',
        'Do you know where facilities you can use are?',
        discussedYesNo(),
      ),
      field('S-25', 'longtext', 'Aan welke voorziening heb jij behoefte?', 'Which facility do you need?', discussed()),
      field(
        'S-26',
        'longtext',
        'Zijn er nog andere voorzieningen die de woningcorporatiemedewerker of begeleider wil voorstellen?',
        'Other facilities the corporation employee or supervisor wants to suggest?',
        discussed(),
      ),
    ]),
    section('S4', '4. Woondoelen', '4. Housing goals', [
      // R-OR-32: the transfer goals are in the support plan and the supplement; rows link to them.
      field(
        'S-27',
        'goals',
        'Aan welke gepersonaliseerde woondoelen ga je werken?',
        'Which personalised housing goals will you work on?',
        { rule: 'R-OR-32' },
      ),
      field(
        'S-28',
        'longtext',
        'Waar wil jij aan werken dat met wonen en goed huurderschap te maken heeft?',
        'What do you want to work on regarding housing and good tenancy?',
        discussed(),
      ),
      field(
        'S-29',
        'longtext',
        'Hoe kan de medewerker van de zorgaanbieder en/of de corporatie hierbij ondersteunen?',
        "How can the care provider's and/or corporation's employee support this?",
        discussed(),
      ),
    ]),
    section('S5', '5. Andere afspraken of opmerkingen', '5. Other agreements or remarks', [
      // R-OR-74: whether a deposit is due at transfer, and how much, MUST be agreed: no "n.v.t.".
      field(
        'S-30',
        'amount_eur',
        'Moet er borg worden betaald als het huurcontract op naam van de bewoner komt te staan? Zo ja, hoeveel is deze borg?',
        "Is a deposit due when the lease comes into the resident's name? If so, how much?",
        { rule: 'R-OR-74' },
      ),
      field('S-31', 'longtext', 'Andere afspraken of opmerkingen', 'Other agreements or remarks', { required: false }),
      // §7.2 proposal: the WA4 topics without a field of their own, as a "discussed yes/no" checklist.
      field('S-31a', 'checklist', 'Besproken onderwerpen (Werkafspraak 4)', 'Topics discussed (working agreement 4)', {
        proposal: true,
        rule: 'R-OR-37',
        help: { nl: 'Geef per onderwerp aan of het besproken is.', en: 'State for each topic whether it was discussed.' },
        items: [
          { id: 'housing_fraud', label: { nl: 'Het belang van het voorkomen van woonfraude', en: 'The importance of preventing housing fraud' } },
          { id: 'dwelling_in_order', label: { nl: 'Huis, balkon en/of tuin op orde houden', en: 'Keeping the house, balcony and/or garden in order' } },
          { id: 'common_areas', label: { nl: 'Gemeenschappelijke ruimtes in het complex op orde houden', en: 'Keeping common areas in the complex in order' } },
          { id: 'corporation_website', label: { nl: 'De website van de woningcorporatie als informatiebron', en: "The corporation's website as information source" } },
          { id: 'brp_registration', label: { nl: 'Inschrijving in de Basisregistratie Personen (BRP)', en: 'Registration in the Personal Records Database (BRP)' } },
          { id: 'woningnet_renewal', label: { nl: 'WoningNet-inschrijving en jaarlijkse betaling van het verlengingsgeld', en: 'WoningNet registration and the yearly renewal fee' } },
        ],
      }),
    ]),
    section('S6', '6. Vervolg', '6. Follow-up', [
      field('S-32', 'date_or_period', 'Wat is een goed moment voor het volgende gesprek?', 'When is a good moment for the next meeting?', { rule: 'R-OR-39' }),
    ]),
    section('S7', 'Vastleggen van de afspraken', 'Recording the agreements', [privacyExplainedField('S-PRIV')]),
  ],
  checks: [
    { kind: 'date_order', id: 'F1-DATES', earlier: 'S-10', later: 'S-11', proposal: true },
    {
      kind: 'requires_value',
      id: 'F1-PRIV',
      field: 'S-PRIV',
      equals: 'yes',
      code: 'privacy_not_explained',
      rule: 'R-OR-95',
      message: {
        nl: 'De persoonlijk begeleider moet uitleggen waarom de informatie wordt vastgelegd en wat ermee gebeurt.',
        en: 'The personal supervisor must explain why the information is recorded and what happens with it.',
      },
    },
  ],
};

// ─── F-2 Woonevaluatieformulier (Annex 3a, form; §7.3) ───────────────────────

/** R-OR-62: every discussion point covered; "n.v.t." is an allowed answer (proposal). */
const point = (opts: FieldOptions = {}): FieldOptions => ({ notApplicableAllowed: true, rule: 'R-OR-62', ...opts });
/** A yes/no discussion point: always answerable, so no "n.v.t."; still required (R-OR-62). */
const pointYesNo = (opts: FieldOptions = {}): FieldOptions => ({ rule: 'R-OR-62', ...opts });

export const F2_EVALUATION: FormDefinition = {
  kind: 'F-2',
  version: 1,
  title: { nl: 'Woonevaluatieformulier', en: 'Housing evaluation form' },
  purpose: THREE_PARTY_PURPOSE,
  privacyNotice: {
    nl:
      'Met dit formulier volgen bewoner, zorgaanbieder en woningcorporatie samen de voortgang op de afspraken rond het wonen. ' +
      'De zorgaanbieder bewaart het formulier bij het begeleidingsplan; de contactpersoon van de woningcorporatie krijgt een kopie. ' +
      'Er wordt alleen informatie gedeeld die met wonen te maken heeft, met toestemming van de bewoner.',
    en:
      'With this form the resident, care provider and housing corporation jointly follow the progress on the housing agreements. ' +
      'The care provider keeps the form with the support plan; the corporation contact person receives a copy. ' +
      'Only information related to housing is shared, with the consent of the resident.',
  },
  signatureParties: ['client', 'care_provider', 'corporation'],
  signatureFieldIds: { client: 'E-36', care_provider: 'E-37', corporation: 'E-38' },
  sections: [
    ...contactSections('E', 'E0'),
    section('E0-DATES', 'Data', 'Dates', [
      field('E-10', 'date', 'Startdatum intermediaire verhuur', 'Start date of intermediate lease'),
      // Nullable for entry E2 (R-OR-73: no introduction meeting was held): "n.v.t.".
      field('E-11', 'date', 'Datum kennismakingsgesprek', 'Date of introduction meeting', { notApplicableAllowed: true }),
      field('E-12', 'date', 'Datum woonevaluatiegesprek', 'Date of this evaluation'),
    ]),
    // Proposal: the digital form records how the evaluation was held (R-OR-57, R-OR-59, R-OR-90),
    // so that the final, signed form records the evaluation step itself (no double entry).
    section('E0-MEETING', 'Het gesprek', 'The meeting', [
      field('E-40', 'yesno', 'Is de bewoner vóór dit gesprek opnieuw om toestemming gevraagd om gegevens te delen?', 'Was the resident asked again, before this meeting, for consent to share information?', {
        rule: 'R-OR-90',
        proposal: true,
      }),
      field('E-41', 'yesno', 'Hebben zorgaanbieder en contactpersoon van de corporatie vooraf telefonisch overlegd?', 'Did the care provider and the corporation contact hold a telephone pre-consultation?', {
        rule: 'R-OR-59',
        proposal: true,
      }),
      field('E-42', 'yesno', 'Vond het gesprek plaats in de woning, met een rondgang door de woning?', 'Did the meeting take place in the dwelling, with a walk through it?', {
        rule: 'R-OR-57',
        proposal: true,
      }),
    ]),
    section('E1', '1. Landen in de woning', '1. Settling into the dwelling', [
      field('E-13', 'longtext', 'Hoe ervaar je het wonen?', 'How do you experience living here?', point()),
      field('E-14', 'longtext', 'Wat gaat goed, wat gaat minder goed?', 'What goes well, what less well?', point()),
    ]),
    section('E2', '2. Woning', '2. Dwelling', [
      field('E-15', 'longtext', 'Hoe ziet de woning er uit?', 'What does the dwelling look like?', point()),
      field('E-16', 'longtext', 'Hoe ziet het balkon en/of de tuin er uit?', 'What do the balcony and/or garden look like?', point()),
      field('E-17', 'longtext', 'Hoe ziet het portiek er uit?', 'What does the stairwell look like?', point()),
    ]),
    section('E3A', '3. Omgeving — Contact met buren', '3. Surroundings — Contact with neighbours', [
      field('E-18', 'yesno', 'Heb je contact met de buren?', 'Do you have contact with the neighbours?', pointYesNo()),
      field('E-19', 'longtext', 'Zo ja, hoe verloopt dat?', 'If yes, how is it going?', point({ showIf: YES('E-18') })),
      field(
        'E-20',
        'longtext',
        'Zo nee, wil je wel contact? En heb je daar ondersteuning bij nodig?',
        'If not, do you want contact? Do you need support?',
        point({ showIf: NO('E-18') }),
      ),
    ]),
    section('E3B', '3. Omgeving — Overlast en de buren', '3. Surroundings — Nuisance and the neighbours', [
      field('E-21', 'yesno', 'Ervaar je wel eens overlast?', 'Do you ever experience nuisance?', pointYesNo()),
      field('E-22', 'yesno', 'Zo ja, heb je dit gemeld bij de corporatie?', 'If yes, did you report it to the corporation?', pointYesNo({ showIf: YES('E-21') })),
      field('E-23', 'yesno', 'Is er overlast van omwonenden gemeld?', 'Has nuisance involving local residents been reported?', pointYesNo()),
      // AMB-OR-09 proposal: E-23 can mean nuisance caused by neighbours or complaints by neighbours: two sub-answers.
      field(
        'E-23a',
        'yesno',
        'Gaat het om overlast dóór omwonenden (die de bewoner ervaart)?',
        'Is it nuisance caused by local residents (experienced by the resident)?',
        pointYesNo({ showIf: YES('E-23'), proposal: true }),
      ),
      field(
        'E-23b',
        'yesno',
        'Gaat het om klachten van omwonenden over de bewoner?',
        'Is it complaints by local residents about the resident?',
        pointYesNo({ showIf: YES('E-23'), proposal: true }),
      ),
      field('E-24', 'longtext', 'Hoe is daarmee omgegaan? Is het opgelost?', 'How was it handled? Is it resolved?', point({ showIf: YES('E-23') })),
    ]),
    section('E3C', '3. Omgeving — Netwerk in de buurt', '3. Surroundings — Network in the neighbourhood', [
      field('E-25', 'yesno', 'Heb je een netwerk in de buurt?', 'Do you have a network in the neighbourhood?', pointYesNo()),
      field(
        'E-26',
        'longtext',
        'Zo ja, hoe gaat dat? Zo nee, heb je hier behoefte aan?',
        'If yes, how is it going? If not, do you need one?',
        point(),
      ),
      field(
        'E-27',
        'longtext',
        'Heb je behoefte aan meer of andere contacten in de buurt?',
        'Do you need more or other contacts in the neighbourhood?',
        point(),
      ),
    ]),
    section('E4', '4. Huurbetaling', '4. Rent payment', [
      field(
        'E-28',
        'yesno',
        'Heb je de huur elke maand op tijd betaald aan de zorgaanbieder?',
        'Did you pay the rent to the care provider on time every month?',
        pointYesNo(),
      ),
      field(
        'E-29',
        'longtext',
        'Zo nee, is er een regeling getroffen en/of extra ondersteuning geregeld?',
        'If not, was an arrangement made and/or extra support arranged?',
        point({ showIf: NO('E-28') }),
      ),
    ]),
    section('E5', '5. Stand van zaken gepersonaliseerde doelen rond het wonen', '5. Status of the personalised housing goals', [
      field(
        'E-30',
        'goal_status_rows',
        'Gepersonaliseerd(e) doel(en) rond het wonen / Stand van zaken / Is het doel behaald?',
        'Personalised housing goal(s) / Status / Is the goal met?',
        point(),
      ),
    ]),
    section('E6', '6. Is er sprake van voordracht voor omklap?', '6. Is there a nomination for lease transfer?', [
      field('E-31', 'yesno', 'Is er sprake van voordracht voor omklap?', 'Is there a nomination for lease transfer?', {
        rule: 'R-OR-62',
        // Digital wording of the printed "NEE: ga naar vraag 7 / JA: vul vraag 6 in, vraag 7 vervalt".
        help: {
          nl: 'Bij ja volgen de vragen over de doelen en de steun na omklap; bij nee de vragen over het vervolg.',
          en: 'If yes, the questions on the goals and the support after transfer follow; if no, the questions on the follow-up.',
        },
      }),
      // V-E1: E-32, E-33 (and the V-E4 extensions) only when E-31 = yes.
      field('E-32', 'yesno', 'Zijn alle doelen behaald?', 'Are all goals met?', { rule: 'R-OR-62', showIf: YES('E-31') }),
      field(
        'E-33',
        'longtext',
        'Op welke steunstructuur / structuren kun je een beroep doen na het moment van omklappen?',
        'Which support structure(s) can you rely on after transfer?',
        { rule: 'R-OR-75', showIf: YES('E-31') },
      ),
      // V-E4 proposal (WA9, R-OR-69, R-OR-75): agreements recorded for aftercare.
      field('E-33a', 'longtext', 'Afspraken over goed blijven wonen', 'Agreements on staying well housed', {
        rule: 'R-OR-75',
        showIf: YES('E-31'),
        proposal: true,
      }),
      field('E-33b', 'longtext', 'Afspraken over terugvalpreventie', 'Agreements on relapse prevention', {
        rule: 'R-OR-75',
        showIf: YES('E-31'),
        proposal: true,
      }),
      field('E-33c', 'longtext', 'Eventuele contactgegevens', 'Contact details, if any', {
        rule: 'R-OR-75',
        showIf: YES('E-31'),
        proposal: true,
        notApplicableAllowed: true,
      }),
    ]),
    section('E7', '7. Vervolg', '7. Follow-up', [
      field('E-34', 'date_or_period', 'Wat is een goed moment voor het volgende gesprek?', 'When is a good moment for the next meeting?', {
        rule: 'R-OR-62',
        showIf: NO('E-31'),
      }),
      field('E-35', 'longtext', 'Zijn er bijzonderheden rond het wonen?', 'Anything special about the housing situation?', point({ showIf: NO('E-31') })),
      // Proposal (R-OR-63): the outcome when there is no nomination; a nomination starts the transfer.
      field('E-43', 'select', 'Uitkomst van de evaluatie', 'Outcome of the evaluation', {
        rule: 'R-OR-63',
        showIf: NO('E-31'),
        proposal: true,
        options: [
          { value: 'continue', label: { nl: 'Doorgaan met (aangepaste) afspraken', en: 'Continue with (adjusted) agreements' } },
          { value: 'lasting_intermediate_lease', label: { nl: 'Blijvend intermediaire verhuur', en: 'Lasting intermediate lease' } },
        ],
      }),
      field('E-44', 'longtext', 'Op welke punten is nog vooruitgang nodig, en wat doet ieder daarvoor?', 'On which points is progress still needed, and what does each party do for it?', {
        rule: 'R-OR-60',
        showIf: { field: 'E-43', equals: 'continue' },
        proposal: true,
      }),
    ]),
    section('E8', 'Vastleggen van de afspraken', 'Recording the agreements', [privacyExplainedField('E-PRIV')]),
  ],
  checks: [
    // R-OR-90 and R-OR-59: consent re-asked and the pre-consultation held before the meeting.
    {
      kind: 'requires_value',
      id: 'V-E6',
      field: 'E-40',
      equals: 'yes',
      code: 'consent_not_checked',
      rule: 'R-OR-90',
      message: {
        nl: 'Vraag de bewoner vóór elke evaluatie opnieuw om toestemming om gegevens te delen; daarna kan het formulier worden ingediend.',
        en: 'Ask the resident again for consent to share information before each evaluation; then the form can be submitted.',
      },
    },
    {
      kind: 'requires_value',
      id: 'V-E6',
      field: 'E-41',
      equals: 'yes',
      code: 'pre_consultation_missing',
      rule: 'R-OR-59',
      message: {
        nl: 'Houd eerst het telefonisch vooroverleg met de contactpersoon van de corporatie; daarna kan het formulier worden ingediend.',
        en: 'First hold the telephone pre-consultation with the corporation contact; then the form can be submitted.',
      },
    },
    // V-E5 (proposal): E-12 ≥ E-11 ≥ E-10 (E-10 ≤ E-12 also when E-11 is "n.v.t.").
    { kind: 'date_order', id: 'V-E5', earlier: 'E-10', later: 'E-11', proposal: true },
    { kind: 'date_order', id: 'V-E5', earlier: 'E-11', later: 'E-12', proposal: true },
    { kind: 'date_order', id: 'V-E5', earlier: 'E-10', later: 'E-12', proposal: true },
    // V-E2: a nomination with goals not met is blocked (R-OR-64 T3). AMB-OR-10 proposal: both the
    // housing goals of section 5 and the goals linked to the conditional urgency.
    {
      kind: 'requires_value',
      id: 'V-E2',
      field: 'E-32',
      equals: 'yes',
      when: { field: 'E-31', equals: 'yes' },
      code: 'goals_not_met',
      rule: 'R-OR-64 T3',
      message: {
        nl: 'Een voordracht voor omklap kan alleen als alle doelen behaald zijn: de voordracht is geblokkeerd.',
        en: 'A nomination for lease transfer requires all goals to be met: the nomination is blocked.',
      },
    },
    {
      kind: 'all_rows_achieved',
      id: 'V-E2',
      field: 'E-30',
      when: { field: 'E-31', equals: 'yes' },
      code: 'goals_not_met',
      rule: 'R-OR-64 T3',
      message: {
        nl: 'Niet alle woondoelen in vraag 5 zijn behaald; een voordracht voor omklap is dan niet mogelijk.',
        en: 'Not all housing goals in question 5 are met; a nomination for lease transfer is not possible.',
      },
    },
    {
      kind: 'urgency_goals_achieved',
      id: 'V-E2',
      field: 'E-32',
      when: { field: 'E-31', equals: 'yes' },
      code: 'urgency_goals_not_met',
      rule: 'R-OR-64 T3',
      message: {
        nl: 'Niet alle doelen die gekoppeld zijn aan de urgentie onder voorwaarden zijn behaald.',
        en: 'Not all goals linked to the conditional urgency are met.',
      },
    },
    {
      kind: 'requires_value',
      id: 'F2-PRIV',
      field: 'E-PRIV',
      equals: 'yes',
      code: 'privacy_not_explained',
      rule: 'R-OR-95',
      message: {
        nl: 'De persoonlijk begeleider moet uitleggen waarom de informatie wordt vastgelegd en wat ermee gebeurt.',
        en: 'The personal supervisor must explain why the information is recorded and what happens with it.',
      },
    },
  ],
};

// ─── F-3 Voordracht voor Omklap (§7.4) ───────────────────────────────────────

export const NUISANCE_CHECK_RESULTS = ['no_complaints', 'complaints_transfer_possible', 'complaints_behaviour_change_needed'] as const;

export const F3_NOMINATION: FormDefinition = {
  kind: 'F-3',
  version: 1,
  title: { nl: 'Voordracht voor Omklap', en: 'Nomination for lease transfer' },
  purpose: {
    nl: 'Met dit formulier draagt de persoonlijk begeleider de bewoner voor om het huurcontract op eigen naam te krijgen.',
    en: 'With this form the personal supervisor nominates the resident for a lease in their own name.',
  },
  privacyNotice: {
    nl:
      'Directie Wonen toetst met deze voordracht of aan de urgentie onder voorwaarden is voldaan. ' +
      'Een onafhankelijke derde binnen de zorgaanbieder toetst de voordracht eerst. De woningcorporatie ontvangt alleen de afspraken over zorg en ondersteuning na de omklap.',
    en:
      'With this nomination directie Wonen checks whether the conditional urgency is met. ' +
      'An independent reviewer within the care provider reviews the nomination first. The housing corporation receives only the agreements on care and support after transfer.',
  },
  // §7.1: signatories unspecified in source; finality comes from the independent review (V-10,
  // R-OR-68) and Wonen's decision (V-12, R-OR-71), which are recorded decisions, not signatures.
  signatureParties: [],
  signatureFieldIds: {},
  sections: [
    section('V1', 'Betrokkenen', 'Parties', [
      field('V-01', 'longtext', 'Naam en adres van de bewoner', 'Name and address of the resident', { maxLength: 400, partialCopy: true }),
      field('V-02', 'text', 'Zorgaanbieder en persoonlijk begeleider (opsteller)', 'Care provider and personal supervisor (author)', { rule: 'R-OR-67' }),
      field('V-03', 'text', 'Woningcorporatie en contactpersoon', 'Housing corporation and contact person', { partialCopy: true }),
    ]),
    section('V2', 'Voorwaarden voor omklap', 'Conditions for lease transfer', [
      field('V-04', 'date', 'Startdatum intermediaire verhuur', 'Start date of intermediate lease', { rule: 'R-OR-64 T1' }),
      field('V-05', 'date', 'Datum laatste woonevaluatie', 'Date of the latest housing evaluation', { rule: 'R-OR-64 T2' }),
      field(
        'V-06',
        'goal_status_rows',
        'Doelen gekoppeld aan de urgentie onder voorwaarden: stand van zaken en onderbouwing',
        'Goals linked to the conditional urgency: status and substantiation',
        {
          rule: 'R-OR-64 T3',
          withSource: true,
          // Entry E2 (R-OR-73) may have no conditional urgency.
          notApplicableAllowed: true,
          help: { nl: 'Per doel: stand van zaken, behaald, en de bron van de onderbouwing.', en: 'Per goal: status, met, and the source of substantiation.' },
        },
      ),
      field(
        'V-06r',
        'yesno',
        "Zijn er (onaanvaardbare) risico's rond het wonen?",
        'Are there (unacceptable) risks around housing?',
        { rule: 'R-OR-64 T4', proposal: true },
      ),
      field('V-07', 'select', 'Navraag overlast bij MZWO en woningcorporatie(s): resultaat', 'Nuisance check with MZWO and corporation(s): result', {
        rule: 'R-OR-64 T5',
        options: [
          { value: 'no_complaints', label: { nl: 'Geen overlastklachten bekend', en: 'No nuisance complaints known' } },
          {
            value: 'complaints_transfer_possible',
            label: {
              nl: 'Er was overlast; samen met de contactpersoon van de corporatie beoordeeld dat omklap zonder voorafgaande gedragsverandering mogelijk is',
              en: 'There was nuisance; judged together with the corporation contact that transfer is possible without prior behaviour change',
            },
          },
          {
            value: 'complaints_behaviour_change_needed',
            label: { nl: 'Er was overlast; eerst is gedragsverandering nodig', en: 'There was nuisance; behaviour change is needed first' },
          },
        ],
      }),
      field('V-07a', 'date', 'Datum navraag overlast', 'Date of the nuisance check', { rule: 'R-OR-64 T5', proposal: true }),
      field('V-07b', 'longtext', 'Toelichting op het gezamenlijke oordeel', 'Explanation of the joint judgement', {
        rule: 'R-OR-64 T5',
        proposal: true,
        showIf: { field: 'V-07', equals: 'complaints_transfer_possible' },
      }),
      field(
        'V-08',
        'date',
        'Datum gezamenlijk besluit van bewoner, zorgaanbieder en woningcorporatie',
        'Date of the joint decision of resident, care provider and housing corporation',
        { rule: 'R-OR-64 T6' },
      ),
    ]),
    section('V3', 'Zorg en ondersteuning na omklap', 'Care and support after transfer', [
      field('V-09', 'longtext', 'Afspraken over zorg en ondersteuning na omklap', 'Agreements on care and support after transfer', {
        rule: 'R-OR-69',
        partialCopy: true,
      }),
    ]),
    section('V4', 'Toetsing en besluit', 'Review and decision', [
      // Recorded decisions/events elsewhere (trajectory events 'independent_review',
      // 'nomination_sent_to_wonen', 'wonen_confirmed' / 'wonen_returned'); the shell fills them
      // in for display. They are never entered on the form (validateForm rejects a value).
      field('V-10', 'longtext', 'Onafhankelijke derde: naam, datum en oordeel', 'Independent reviewer: name, date and verdict', {
        required: false,
        readOnly: true,
        source: 'decision',
        rule: 'R-OR-68',
      }),
      field('V-11', 'date', 'Datum verzonden aan directie Wonen', 'Date sent to directie Wonen', {
        required: false,
        readOnly: true,
        source: 'event',
        rule: 'R-OR-68',
      }),
      field(
        'V-12',
        'longtext',
        'Uitkomst directie Wonen: bevestigd (datum e-mail) / teruggestuurd (datum, motivering)',
        'Outcome directie Wonen: confirmed (date of e-mail) / returned (date, motivation)',
        { required: false, readOnly: true, source: 'decision', rule: 'R-OR-71' },
      ),
    ]),
  ],
  checks: [
    { kind: 'date_order', id: 'F3-DATES', earlier: 'V-04', later: 'V-05', proposal: true },
    { kind: 'date_order', id: 'F3-DATES', earlier: 'V-05', later: 'V-08', rule: 'R-OR-64 T2' },
    { kind: 'date_order', id: 'F3-DATES', earlier: 'V-07a', later: 'V-08', rule: 'R-OR-64 T5', proposal: true },
    {
      kind: 'all_rows_achieved',
      id: 'F3-T3',
      field: 'V-06',
      code: 'goals_not_met',
      rule: 'R-OR-64 T3',
      message: {
        nl: 'Niet alle doelen gekoppeld aan de urgentie onder voorwaarden zijn behaald: er is geen omklap.',
        en: 'Not all goals linked to the conditional urgency are met: no transfer.',
      },
    },
    {
      kind: 'urgency_goals_achieved',
      id: 'F3-T3',
      field: 'V-06',
      code: 'urgency_goals_not_met',
      rule: 'R-OR-64 T3',
      message: {
        nl: 'Niet alle doelen uit het traject die gekoppeld zijn aan de urgentie onder voorwaarden zijn behaald.',
        en: 'Not all trajectory goals linked to the conditional urgency are met.',
      },
    },
    {
      kind: 'forbid_value',
      id: 'F3-T4',
      field: 'V-06r',
      value: 'yes',
      code: 'unacceptable_risks',
      rule: 'R-OR-64 T4',
      message: {
        nl: "Bij (onaanvaardbare) risico's rond het wonen kan geen voordracht worden gedaan.",
        en: 'No nomination can be made with (unacceptable) risks around housing.',
      },
    },
    {
      kind: 'forbid_value',
      id: 'F3-T5',
      field: 'V-07',
      value: 'complaints_behaviour_change_needed',
      code: 'nuisance_blocks_transfer',
      rule: 'R-OR-64 T5',
      message: {
        nl: 'Omklap is pas mogelijk als er geen gedragsverandering meer nodig is.',
        en: 'Transfer is possible only when no prior behaviour change is needed.',
      },
    },
  ],
};

// ─── F-4 Begeleidingsplan (§7.5) ─────────────────────────────────────────────

/** One `goals` field per support-plan topic (R-OR-42); every row carries linkedToUrgency (R-OR-14). */
function goalsField(id: string, domain: GoalDomain, nl: string, en: string, opts: FieldOptions = {}): FieldDefinition {
  return field(id, 'goals', nl, en, { rule: 'R-OR-42', domains: [domain], withResults: true, ...opts });
}

/** The topic goal fields of F-4, by domain (all of GOAL_DOMAINS). */
export const SUPPORT_PLAN_GOAL_FIELDS: Readonly<Record<GoalDomain, string>> = {
  daytime_activities: 'SP-GOALS-DAYTIME',
  social_functioning: 'SP-GOALS-SOCIAL',
  psychological_functioning: 'SP-GOALS-PSYCH',
  financial_functioning: 'SP-GOALS-FINANCIAL',
  safety: 'SP-GOALS-SAFETY',
  good_tenancy: 'SP-GOALS-TENANCY',
  housing_skills: 'SP-GOALS-HOUSING-SKILLS',
  parenting: 'SP-GOALS-PARENTING',
  children_environment: 'SP-GOALS-CHILDREN-ENV',
};

const HAS_CHILDREN = YES('SP-CHILDREN');

export const F4_SUPPORT_PLAN: FormDefinition = {
  kind: 'F-4',
  version: 1,
  title: { nl: 'Begeleidingsplan', en: 'Support plan' },
  purpose: {
    nl: 'In dit plan leggen de bewoner en de zorgaanbieder de persoonlijke doelen en de beoogde resultaten in de tijd vast.',
    en: 'In this plan the resident and the care provider record the personal goals and the intended results over time.',
  },
  privacyNotice: {
    nl:
      'Het begeleidingsplan is van de bewoner en de zorgaanbieder en is de basis van de begeleiding. ' +
      'De woningcorporatie krijgt het plan niet te zien; alleen afspraken die met wonen en goed huurderschap te maken hebben komen, met toestemming van de bewoner, in het supplement.',
    en:
      'The support plan belongs to the resident and the care provider and is the basis of the support. ' +
      'The housing corporation never sees the plan; only agreements about housing and good tenancy go into the supplement, with the consent of the resident.',
  },
  // AMB-OR-13: who signs the support plan is unspecified in source. Proposal: the two parties of
  // the plan (WA2: resident and care provider); the corporation has no access (R-OR-46).
  signatureParties: ['client', 'care_provider'],
  signatureFieldIds: {},
  sections: [
    section('SP-GENERAL', 'Algemeen', 'General', [
      field('SP-CLIENT', 'text', 'Naam bewoner', 'Name of the resident'),
      field('SP-PROVIDER', 'text', 'Zorgaanbieder en persoonlijk begeleider', 'Care provider and personal supervisor'),
      field('SP-FIRST-MEETING', 'date', 'Datum eerste kennismaking zorgaanbieder en bewoner', 'Date of the first meeting of care provider and resident', {
        rule: 'R-OR-41',
        help: { nl: 'Het plan is uiterlijk binnen 6 weken na de kennismaking opgesteld.', en: 'The plan is drawn up within 6 weeks after the first meeting at the latest.' },
      }),
      field('SP-DRAWN-UP', 'date', 'Datum opgesteld', 'Date drawn up', { rule: 'R-OR-41' }),
      field('SP-CHILDREN', 'yesno', 'Zijn er kinderen in het huishouden?', 'Are there children in the household?', { rule: 'R-OR-42' }),
    ]),
    section('SP-GOALS', 'Persoonlijke doelen per onderwerp', 'Personal goals per topic', [
      goalsField('SP-GOALS-DAYTIME', 'daytime_activities', 'Passende en zinvolle dagbesteding', 'Appropriate and meaningful daytime activities'),
      goalsField('SP-GOALS-SOCIAL', 'social_functioning', 'Sociaal stabiel functioneren', 'Socially stable functioning'),
      goalsField('SP-GOALS-PSYCH', 'psychological_functioning', 'Psychisch stabiel functioneren', 'Psychologically stable functioning'),
      goalsField('SP-GOALS-FINANCIAL', 'financial_functioning', 'Financieel stabiel functioneren', 'Financially stable functioning'),
      goalsField('SP-GOALS-SAFETY', 'safety', 'Veiligheid', 'Safety'),
      field('SP-SAFETY-RISKS', 'longtext', "Risico's in kaart gebracht en afspraken waar nodig", 'Risks mapped and agreements where needed', {
        rule: 'R-OR-42',
      }),
      goalsField('SP-GOALS-TENANCY', 'good_tenancy', 'Goed huurderschap', 'Good tenancy', {
        help: {
          nl: 'Overlast voorkomen, woning en omgeving onderhouden en schoonhouden, weten hoe en wanneer je de corporatie benadert.',
          en: 'Preventing nuisance, maintaining and cleaning the dwelling and surroundings, knowing how and when to contact the corporation.',
        },
      }),
      goalsField('SP-GOALS-HOUSING-SKILLS', 'housing_skills', 'Woonvaardigheden', 'Housing skills', { rule: 'R-OR-10' }),
      goalsField('SP-GOALS-PARENTING', 'parenting', 'Ouderschap en ontwikkeling van het kind', 'Parenthood and child development', {
        showIf: HAS_CHILDREN,
      }),
      goalsField(
        'SP-GOALS-CHILDREN-ENV',
        'children_environment',
        'Gezonde en veilige omgeving om in op te groeien',
        'A healthy and safe environment for children to grow up in',
        { showIf: HAS_CHILDREN, rule: 'R-OR-08' },
      ),
    ]),
    section('SP-TRANSFER', 'Voorwaarden voor een huurcontract op eigen naam', 'Conditions for a lease in own name', [
      field('SP-TRANSFER-CONDITIONS', 'longtext', 'Voorwaarden om het huurcontract op eigen naam te krijgen', 'Conditions to get the lease in own name', {
        rule: 'R-OR-42',
      }),
    ]),
    section('SP-RELAPSE', 'Voorkomen van terugval', 'Relapse prevention', [
      field('SP-RELAPSE-SIGNALS', 'longtext', 'Signalen die kunnen wijzen op terugval', 'Signals that may indicate relapse', { rule: 'R-OR-43' }),
      field('SP-RELAPSE-STEPS', 'longtext', 'Stappen die de bewoner zelf zet', 'Steps the resident takes', { rule: 'R-OR-43' }),
      field('SP-RELAPSE-NETWORK', 'longtext', 'Rol van het netwerk', 'Role of the network', { rule: 'R-OR-43' }),
      field('SP-RELAPSE-HELP', 'longtext', 'Hoe de bewoner om hulp kan vragen', 'How the resident can ask for help', { rule: 'R-OR-43' }),
    ]),
    section('SP-COORDINATION', 'Afstemming met andere zorg en netwerk', 'Coordination with other care and network', [
      field('SP-OTHER-CARE', 'yesno', 'Zijn er andere zorgaanbieders of maatschappelijke diensten betrokken?', 'Are other care providers or social services involved?', {
        rule: 'R-OR-44',
      }),
      field('SP-COORDINATION', 'longtext', 'Welke, en hoe worden aanpak en zorg op elkaar afgestemd?', 'Which, and how are approach and care aligned?', {
        rule: 'R-OR-44',
        showIf: YES('SP-OTHER-CARE'),
      }),
      field(
        'SP-NETWORK',
        'longtext',
        'Betrekken van vrienden, familie of onafhankelijke cliëntondersteuning; versterken van het netwerk; voorzieningen in de wijk',
        'Involving friends, family or independent client support; strengthening the network; neighbourhood services',
        { required: false, rule: 'R-OR-45' },
      ),
    ]),
    section('SP-EVALUATION', 'Evaluatie', 'Evaluation', [
      field('SP-EVAL-FREQUENCY', 'select', 'Frequentie van de woonevaluaties (afgesproken bij het kennismakingsgesprek)', 'Frequency of housing evaluations (agreed at the introduction meeting)', {
        rule: 'R-OR-39',
        options: [
          { value: 'yearly', label: { nl: 'Eén keer per jaar', en: 'Once a year' } },
          { value: 'half_yearly', label: { nl: 'Elk half jaar', en: 'Every six months' } },
          { value: 'more_often', label: { nl: 'Vaker', en: 'More often' } },
        ],
      }),
      field('SP-EVAL-NOTE', 'text', 'Toelichting frequentie', 'Frequency explanation', {
        rule: 'R-OR-39',
        showIf: { field: 'SP-EVAL-FREQUENCY', equals: 'more_often' },
      }),
    ]),
    section('SP-NUISANCE', 'Opvolging overlast', 'Nuisance follow-up', [
      field(
        'SP-NUISANCE-BEHAVIOUR',
        'longtext',
        'Gedragsaanpassingen naar aanleiding van de aanpak van overlast',
        'Behaviour adjustments following the handling of nuisance',
        { required: false },
      ),
      field('SP-NUISANCE-NEIGHBOURS', 'longtext', 'Afspraken over het informeren van de buren', 'Agreements on informing the neighbours', {
        required: false,
      }),
    ]),
    // Attachments (§7.5: supplement F-1, evaluation forms F-2 and reports F-5) are links between
    // form records kept by the shell, not fields.
  ],
  checks: [{ kind: 'date_order', id: 'F4-DATES', earlier: 'SP-FIRST-MEETING', later: 'SP-DRAWN-UP', rule: 'R-OR-41' }],
};

export const FORM_DEFINITIONS: Readonly<Record<FormKind, FormDefinition>> = {
  'F-1': F1_SUPPLEMENT,
  'F-2': F2_EVALUATION,
  'F-3': F3_NOMINATION,
  'F-4': F4_SUPPORT_PLAN,
};

/** The goal domains that every support plan covers; parenting and children's environment only with children. */
export const MANDATORY_SUPPORT_PLAN_DOMAINS: ReadonlyArray<GoalDomain> = GOAL_DOMAINS.filter(
  (d) => d !== 'parenting' && d !== 'children_environment',
);

/**
 * Structural problems of a definition (duplicate ids, conditions or checks naming unknown or
 * later fields, missing options/items, read-only required fields); [] when well-formed.
 * Tested for the four definitions; use it for any new definition version.
 */
export function definitionProblems(def: FormDefinition): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const fields = def.sections.flatMap((s) => s.fields);
  fields.forEach((f, i) => {
    if (seen.has(f.id)) problems.push(`duplicate field id ${f.id}`);
    seen.set(f.id, i);
  });
  const sectionIds = new Set<string>();
  for (const s of def.sections) {
    if (sectionIds.has(s.id)) problems.push(`duplicate section id ${s.id}`);
    sectionIds.add(s.id);
    if (!s.title.nl || !s.title.en) problems.push(`section ${s.id} lacks a title`);
  }
  fields.forEach((f, i) => {
    if (!f.label.nl || !f.label.en) problems.push(`${f.id} lacks a label`);
    if (f.showIf) {
      const at = seen.get(f.showIf.field);
      if (at === undefined) problems.push(`${f.id} showIf names unknown field ${f.showIf.field}`);
      else if (at >= i) problems.push(`${f.id} showIf names a later field ${f.showIf.field}`);
    }
    if (f.type === 'select' && !(f.options && f.options.length)) problems.push(`${f.id} (select) has no options`);
    if (f.type === 'checklist' && !(f.items && f.items.length)) problems.push(`${f.id} (checklist) has no items`);
    if (f.readOnly && f.required) problems.push(`${f.id} is read-only and required`);
    if (f.domains && f.domains.some((d) => !(GOAL_DOMAINS as ReadonlyArray<string>).includes(d))) problems.push(`${f.id} names an unknown goal domain`);
  });
  for (const c of def.checks) {
    const names = c.kind === 'date_order' ? [c.earlier, c.later] : [c.field, ...('when' in c && c.when ? [c.when.field] : [])];
    for (const n of names) if (!seen.has(n)) problems.push(`check ${c.id} names unknown field ${n}`);
  }
  if (!Number.isInteger(def.version) || def.version < 1) problems.push('version must be an integer ≥ 1');
  for (const [party, id] of Object.entries(def.signatureFieldIds)) {
    if (!def.signatureParties.includes(party as never)) problems.push(`signature field ${id} for a party that does not sign`);
  }
  return problems;
}
