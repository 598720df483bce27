/**
 * Complete, realistic (fictitious) Dutch example data for each form: every one passes
 * `validateForm(def, data, 'submit')`. Used by the tests and the PDF test; usable for demo seeds.
 */
import type { FormData, FormKind } from './model.ts';

const CONTACTS = (p: 'S' | 'E') => ({
  [`${p}-01`]: 'Fatima el Amrani',
  [`${p}-02`]: 'Javaplein 12-3, 1095 CJ Amsterdam',
  [`${p}-03`]: '06-12345678',
  [`${p}-04`]: 'Joost de Vries',
  [`${p}-05`]: '020 555 0142',
  [`${p}-06`]: 'j.devries@zorgaanbieder.example',
  [`${p}-07`]: 'Ingrid Bakker',
  [`${p}-08`]: '+31 20 555 0199',
  [`${p}-09`]: 'i.bakker@woningcorporatie.example',
});

export const EXAMPLE_F1: FormData = {
  ...CONTACTS('S'),
  'S-10': '2026-01-12',
  'S-11': '2026-03-02',
  'S-12': { name: 'Fatima el Amrani', agreed: true },
  'S-13': 'Ik woon hier met plezier; de woning is licht en rustig.',
  'S-14': 'Het inrichten gaat goed. Het ritme van de huishouding vind ik nog lastig.',
  'S-15': 'Ja, met de buurvrouw op nummer 2. Met de bovenburen nog niet; dat wil ik wel.',
  'S-16': 'Als je rekening houdt met geluid, groet en de trap schoon houdt.',
  'S-17': 'Geen fietsen in het portiek; na 22.00 uur geen lawaai.',
  'S-18': { answer: 'yes', text: 'Ondergrondse container op de hoek; grof vuil op afspraak.' },
  'S-19': { answer: 'yes', text: 'Via de app van de corporatie of telefonisch.' },
  'S-20': { answer: 'no', text: 'Uitgelegd: eerst met de begeleider bespreken, daarna melden bij de corporatie.' },
  'S-21': { answer: 'yes' },
  'S-22': 'Volgens het overlastprotocol: corporatie en zorgaanbieder delen signalen met elkaar; de corporatie spreekt de bewoner niet aan zonder overleg met de zorgaanbieder.',
  'S-23': 'Gezellig en groen; de markt is dichtbij.',
  'S-24': { answer: 'no', text: 'Samen het Huis van de Wijk opzoeken.' },
  'S-25': 'Een plek voor dagbesteding en een moestuin.',
  'S-26': 'Buurtteam Oost voor financiële vragen.',
  'S-27': [
    { goalId: 'g4', domain: 'financial_functioning', text: 'Huur en vaste lasten op tijd betalen', linkedToUrgency: true },
    { goalId: 'g1', domain: 'daytime_activities', text: 'Twee dagen per week vrijwilligerswerk', linkedToUrgency: true },
  ],
  'S-28': 'Mijn huis schoon en opgeruimd houden.',
  'S-29': 'De begeleider maakt samen een weekschema; de corporatie legt het onderhoud uit.',
  'S-30': { answer: 'yes', amountCents: 45000 },
  'S-31': 'Huisdieren in overleg met de corporatie.',
  'S-31a': {
    housing_fraud: 'yes',
    dwelling_in_order: 'yes',
    common_areas: 'yes',
    corporation_website: 'no',
    brp_registration: 'yes',
    woningnet_renewal: 'yes',
  },
  'S-32': { period: 'Over zes maanden, in september 2026' },
  'S-PRIV': 'yes',
};

export const EXAMPLE_F2: FormData = {
  ...CONTACTS('E'),
  'E-10': '2026-01-12',
  'E-11': '2026-03-02',
  'E-12': '2027-02-15',
  'E-40': 'yes',
  'E-41': 'yes',
  'E-42': 'yes',
  'E-13': 'Goed; ik voel me thuis.',
  'E-14': 'Financiën gaan goed, slapen soms minder.',
  'E-15': 'Schoon en netjes ingericht.',
  'E-16': 'n.v.t.',
  'E-17': 'Schoon; fietsen staan in de berging.',
  'E-18': 'yes',
  'E-19': 'Goed contact met de buurvrouw; we drinken af en toe koffie.',
  'E-21': 'no',
  'E-23': 'no',
  'E-25': 'yes',
  'E-26': 'Via de moestuin en de kerk.',
  'E-27': 'Nee, niet op dit moment.',
  'E-28': 'yes',
  'E-30': [
    { goalId: 'g4', goal: 'Huur en vaste lasten op tijd betalen', status: 'Twaalf maanden op tijd betaald', achieved: 'yes' },
    { goalId: 'g1', goal: 'Twee dagen per week vrijwilligerswerk', status: 'Sinds mei bij de voedselbank', achieved: 'yes' },
  ],
  'E-31': 'yes',
  'E-32': 'yes',
  'E-33': 'Zus, buurvrouw en het Buurteam Oost.',
  'E-33a': 'Maandelijks zelf de post en betalingen nalopen; het weekschema houden.',
  'E-33b': 'Bij slecht slapen of schulden direct het Buurteam bellen.',
  'E-33c': 'Buurteam Oost, 020 555 0100',
  'E-PRIV': 'yes',
};

export const EXAMPLE_F3: FormData = {
  'V-01': 'Fatima el Amrani, Javaplein 12-3, 1095 CJ Amsterdam',
  'V-02': 'Stichting Thuis Verder — Joost de Vries',
  'V-03': 'Woonstichting Oost — Ingrid Bakker',
  'V-04': '2026-01-12',
  'V-05': '2027-02-15',
  'V-06': [
    {
      goalId: 'g4',
      goal: 'Huur en vaste lasten op tijd betalen',
      status: 'Twaalf maanden op tijd betaald',
      achieved: 'yes',
      source: 'Huuroverzicht zorgaanbieder; Fibu-team',
    },
    { goalId: 'g1', goal: 'Twee dagen per week vrijwilligerswerk', status: 'Sinds mei bij de voedselbank', achieved: 'yes', source: 'Coördinator voedselbank' },
  ],
  'V-06r': 'no',
  'V-07': 'no_complaints',
  'V-07a': '2027-02-20',
  'V-08': '2027-03-01',
  'V-09': 'Zes maanden lichte begeleiding (eens per maand); budgetbeheer Fibu-team loopt door; Buurteam Oost is aanspreekpunt.',
};

export const EXAMPLE_F4: FormData = {
  'SP-CLIENT': 'Fatima el Amrani',
  'SP-PROVIDER': 'Stichting Thuis Verder — Joost de Vries',
  'SP-FIRST-MEETING': '2026-01-05',
  'SP-DRAWN-UP': '2026-02-09',
  'SP-CHILDREN': 'no',
  'SP-GOALS-DAYTIME': [
    { goalId: 'g1', text: 'Twee dagen per week vrijwilligerswerk', linkedToUrgency: true, intendedResult: 'Vast rooster bij de voedselbank', targetDate: '2026-09-01' },
  ],
  'SP-GOALS-SOCIAL': [{ goalId: 'g2', text: 'Contact met familie herstellen', linkedToUrgency: false, intendedResult: 'Maandelijks contact met zus' }],
  'SP-GOALS-PSYCH': [{ goalId: 'g3', text: 'Behandeling GGZ volhouden', linkedToUrgency: true, intendedResult: 'Afspraken nagekomen; stabiel slaappatroon' }],
  'SP-GOALS-FINANCIAL': [
    { goalId: 'g4', text: 'Huur en vaste lasten op tijd betalen', linkedToUrgency: true, intendedResult: 'Twaalf maanden zonder achterstand', targetDate: '2027-01-31' },
  ],
  'SP-GOALS-SAFETY': [{ text: 'Veilig netwerk: geen contact met oude gebruikerscontacten', linkedToUrgency: false, intendedResult: 'Geen bezoek van oude contacten' }],
  'SP-SAFETY-RISKS': 'Risico op terugval bij contact met oude vrienden; afspraak: de begeleider wordt geïnformeerd bij contact.',
  'SP-GOALS-TENANCY': [{ text: 'Geen overlast; portiek schoon houden volgens schema', linkedToUrgency: false, intendedResult: 'Geen klachten van buren' }],
  'SP-GOALS-HOUSING-SKILLS': [{ text: 'Zelf boodschappen en huishouden plannen', linkedToUrgency: false, intendedResult: 'Weekschema zelfstandig uitgevoerd' }],
  'SP-TRANSFER-CONDITIONS': 'Doelen g1, g3 en g4 behaald; ten minste één positieve woonevaluatie; geen overlast.',
  'SP-RELAPSE-SIGNALS': 'Slecht slapen, post niet openen, terugtrekken uit contacten.',
  'SP-RELAPSE-STEPS': 'Zelf de begeleider bellen; dagritme weer oppakken.',
  'SP-RELAPSE-NETWORK': 'Zus belt wekelijks; buurvrouw let op de post.',
  'SP-RELAPSE-HELP': 'Begeleider (06-87654321), huisarts, en buiten kantoortijd de crisisdienst.',
  'SP-OTHER-CARE': 'yes',
  'SP-COORDINATION': 'GGZ-behandelaar en Fibu-team; elk kwartaal overleg met de begeleider.',
  'SP-NETWORK': 'Zus betrekken bij de evaluaties; kennismaken met het Buurteam.',
  'SP-EVAL-FREQUENCY': 'yearly',
};

export const EXAMPLE_DATA: Readonly<Record<FormKind, FormData>> = {
  'F-1': EXAMPLE_F1,
  'F-2': EXAMPLE_F2,
  'F-3': EXAMPLE_F3,
  'F-4': EXAMPLE_F4,
};
