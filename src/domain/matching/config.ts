/**
 * The matching configuration (matching.md §5.2, §5.3, §7): the defaults, validation of a partial
 * configuration (as stored per municipality and version) and a diff between two versions.
 *
 * Every value here is a **proposal** of the spec (§5 is not source policy); the municipality
 * tunes it and every proposal stores the version it used.
 */
import type { MatchingConfig, SuitabilityRule } from './model.ts';

/**
 * HC-08: an EXAMPLE suitability rule set (passendheid). The housing ordinance's real rules are
 * "to be supplied" (§7); these two only show the shape and are clearly labelled as examples.
 */
export const EXAMPLE_SUITABILITY_RULES: SuitabilityRule[] = [
  {
    id: 'example-persons-per-room',
    kind: 'max_persons_per_room',
    value: 2,
    label: {
      nl: 'Voorbeeldregel: ten hoogste 2 personen per kamer',
      en: 'Example rule: at most 2 persons per room',
    },
  },
  {
    id: 'example-rent-for-income',
    kind: 'max_rent_for_income',
    incomeBelow: 1800,
    rentAbove: 800,
    label: {
      nl: 'Voorbeeldregel: geen huur boven € 800 bij een inkomen onder € 1.800 per maand',
      en: 'Example rule: no rent above € 800 for an income below € 1,800 a month',
    },
  },
];

/** The defaults of §5.2, §5.3 and §7. */
export const DEFAULT_MATCHING_CONFIG: MatchingConfig = {
  model: 'OM-AMS',
  nuisanceWindowMonths: 12,
  liquorDistanceM: 200,
  liquorHard: true,
  youngAdultMaxM2InsideRing: 40,
  youngAdultMaxM2OutsideRing: 50,
  youngAdultFamilyRooms: 3,
  suitability: EXAMPLE_SUITABILITY_RULES,
  largeFamilyPersons: 5,
  schoolNearKm: 1.5,
  schoolFarKm: 3,
  penalties: {
    SP01: 15,
    SP02near: 10,
    SP02far: 20,
    SP03: 20,
    SP04medium: 10,
    SP04high: 20,
    SP05: 15,
    SP06one: 10,
    SP06many: 20,
    SP07: 10,
    SP08: 25,
    SP09: 30,
  },
  proposalSize: 3,
  corporationSeesCareTopics: false,
};

/** A partial configuration: any top-level parameter and any single penalty may be given. */
export type MatchingConfigInput = Partial<Omit<MatchingConfig, 'penalties'>> & {
  penalties?: Partial<MatchingConfig['penalties']>;
};

/** One refused parameter: its path (e.g. `penalties.SP01`, `suitability[0].value`) and the reason in words. */
export interface ConfigError {
  path: string;
  nl: string;
  en: string;
}

type Bounds = { min: number; max: number; integer: boolean };

const SCALARS: Record<Exclude<keyof MatchingConfig, 'model' | 'liquorHard' | 'corporationSeesCareTopics' | 'suitability' | 'penalties'>, Bounds> = {
  nuisanceWindowMonths: { min: 0, max: 120, integer: true },
  liquorDistanceM: { min: 0, max: 5000, integer: false },
  youngAdultMaxM2InsideRing: { min: 1, max: 500, integer: false },
  youngAdultMaxM2OutsideRing: { min: 1, max: 500, integer: false },
  youngAdultFamilyRooms: { min: 1, max: 20, integer: true },
  largeFamilyPersons: { min: 2, max: 30, integer: true },
  schoolNearKm: { min: 0, max: 100, integer: false },
  schoolFarKm: { min: 0, max: 100, integer: false },
  proposalSize: { min: 1, max: 50, integer: true },
};

const PENALTY_BOUNDS: Bounds = { min: 0, max: 100, integer: false };

const PENALTY_KEYS = Object.keys(DEFAULT_MATCHING_CONFIG.penalties) as Array<keyof MatchingConfig['penalties']>;
const TOP_KEYS = Object.keys(DEFAULT_MATCHING_CONFIG) as Array<keyof MatchingConfig>;

/** The words for a parameter, so a refusal names what people see on the page, not a key. */
export const CONFIG_WORDS: Readonly<Record<string, { nl: string; en: string }>> = {
  model: { nl: 'De werkwijze van aanbieden', en: 'The offer model' },
  nuisanceWindowMonths: { nl: 'De periode waarin een overlastdossier recent is (maanden)', en: 'The period in which a nuisance file is recent (months)' },
  liquorDistanceM: { nl: 'De loopafstand tot een drankwinkel (meter)', en: 'The walking distance to a liquor shop (metres)' },
  liquorHard: { nl: 'Drankwinkel in de buurt als harde eis', en: 'Liquor shop nearby as a hard requirement' },
  youngAdultMaxM2InsideRing: { nl: 'De grootste woning voor een jongvolwassene binnen de ring (m²)', en: 'The largest dwelling for a young adult inside the ring (m²)' },
  youngAdultMaxM2OutsideRing: { nl: 'De grootste woning voor een jongvolwassene buiten de ring (m²)', en: 'The largest dwelling for a young adult outside the ring (m²)' },
  youngAdultFamilyRooms: { nl: 'Het aantal kamers voor een jongvolwassene met kinderen', en: 'The number of rooms for a young adult with children' },
  largeFamilyPersons: { nl: 'Het aantal personen van een groot gezin', en: 'The number of persons of a large family' },
  schoolNearKm: { nl: 'De afstand tot school die nog dichtbij is (km)', en: 'The distance to school that still counts as near (km)' },
  schoolFarKm: { nl: 'De afstand tot school die ver is (km)', en: 'The distance to school that counts as far (km)' },
  proposalSize: { nl: 'Het aantal kandidaten per woning', en: 'The number of candidates per dwelling' },
  corporationSeesCareTopics: { nl: 'De corporatie ziet ook de zorgonderwerpen van het aanmeldformulier', en: 'The corporation also sees the care topics of the application form' },
  suitability: { nl: 'De passendheidsregels', en: 'The suitability rules' },
  'penalties.SP01': { nl: 'Aftrek: niet in een voorkeurswijk', en: 'Deduction: not in a preferred neighbourhood' },
  'penalties.SP02near': { nl: 'Aftrek: school verder dan dichtbij', en: 'Deduction: school further than near' },
  'penalties.SP02far': { nl: 'Aftrek: school ver weg', en: 'Deduction: school far away' },
  'penalties.SP03': { nl: 'Aftrek: groot gezin in een galerijflat', en: 'Deduction: large family in a gallery flat' },
  'penalties.SP04medium': { nl: 'Aftrek: prikkelarm geadviseerd, woning matig gehorig', en: 'Deduction: low stimulus advised, dwelling moderately noisy' },
  'penalties.SP04high': { nl: 'Aftrek: prikkelarm geadviseerd, woning erg gehorig', en: 'Deduction: low stimulus advised, dwelling very noisy' },
  'penalties.SP05': { nl: 'Aftrek: leefbaarheid van portiek of galerij onder druk', en: 'Deduction: liveability of the stairwell or gallery under pressure' },
  'penalties.SP06one': { nl: 'Aftrek: één plaatsing in dezelfde portiek of galerij', en: 'Deduction: one placement in the same stairwell or gallery' },
  'penalties.SP06many': { nl: 'Aftrek: twee of meer plaatsingen in dezelfde portiek of galerij', en: 'Deduction: two or more placements in the same stairwell or gallery' },
  'penalties.SP07': { nl: 'Aftrek: buurt op de lijst van kwetsbare buurten', en: 'Deduction: neighbourhood on the list of vulnerable neighbourhoods' },
  'penalties.SP08': { nl: 'Aftrek: rolstoelwoning zonder rolstoelbehoefte', en: 'Deduction: wheelchair dwelling without a wheelchair need' },
  'penalties.SP09': { nl: 'Aftrek: drankwinkel in de buurt (als zachte eis)', en: 'Deduction: liquor shop nearby (as a soft requirement)' },
};

const wordsOf = (path: string) => CONFIG_WORDS[path] ?? { nl: path, en: path };

function rangeError(path: string, value: unknown, b: Bounds): ConfigError | null {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= b.min && value <= b.max && (!b.integer || Number.isInteger(value));
  if (ok) return null;
  const kindNl = b.integer ? 'een geheel getal' : 'een getal';
  const kindEn = b.integer ? 'a whole number' : 'a number';
  const w = wordsOf(path);
  return {
    path,
    nl: `${w.nl}: dit moet ${kindNl} zijn van ${b.min} tot en met ${b.max}.`,
    en: `${w.en}: this must be ${kindEn} from ${b.min} up to and including ${b.max}.`,
  };
}

function isLabel(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return typeof l.nl === 'string' && l.nl.trim() !== '' && typeof l.en === 'string' && l.en.trim() !== '';
}

function ruleErrors(rules: unknown): ConfigError[] {
  if (!Array.isArray(rules)) {
    return [{ path: 'suitability', nl: 'suitability moet een lijst van regels zijn.', en: 'suitability must be a list of rules.' }];
  }
  const errors: ConfigError[] = [];
  const seen = new Set<string>();
  rules.forEach((raw: unknown, i) => {
    const path = `suitability[${i}]`;
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '') {
      errors.push({ path: `${path}.id`, nl: `${path}.id ontbreekt.`, en: `${path}.id is missing.` });
    } else if (seen.has(r.id)) {
      errors.push({ path: `${path}.id`, nl: `${path}.id "${r.id}" komt twee keer voor.`, en: `${path}.id "${r.id}" occurs twice.` });
    } else {
      seen.add(r.id);
    }
    if (!isLabel(r.label)) {
      errors.push({ path: `${path}.label`, nl: `${path}.label heeft een Nederlandse en een Engelse tekst nodig.`, en: `${path}.label needs a Dutch and an English text.` });
    }
    const fields: Array<[string, Bounds]> =
      r.kind === 'max_persons_per_room' ? [['value', { min: 0.1, max: 20, integer: false }]]
      : r.kind === 'min_rooms_for_persons' ? [['persons', { min: 1, max: 30, integer: true }], ['rooms', { min: 1, max: 20, integer: true }]]
      : r.kind === 'max_rent_for_income' ? [['incomeBelow', { min: 0, max: 100_000, integer: false }], ['rentAbove', { min: 0, max: 100_000, integer: false }]]
      : [];
    if (fields.length === 0) {
      errors.push({
        path: `${path}.kind`,
        nl: `${path}.kind moet max_persons_per_room, min_rooms_for_persons of max_rent_for_income zijn.`,
        en: `${path}.kind must be max_persons_per_room, min_rooms_for_persons or max_rent_for_income.`,
      });
    }
    for (const [field, b] of fields) {
      const e = rangeError(`${path}.${field}`, r[field], b);
      if (e) errors.push(e);
    }
  });
  return errors;
}

/**
 * Merges a partial configuration over the defaults and checks every value. Unknown parameters
 * are refused (a typo must not silently fall back to a default). The merged configuration is
 * returned also when there are errors; the caller refuses to store it then.
 */
export function validateConfig(partial: MatchingConfigInput): { config: MatchingConfig; errors: ConfigError[] } {
  const input = partial as Record<string, unknown>;
  const inputPenalties = (partial.penalties ?? {}) as Record<string, unknown>;
  const config: MatchingConfig = {
    ...DEFAULT_MATCHING_CONFIG,
    ...partial,
    penalties: { ...DEFAULT_MATCHING_CONFIG.penalties, ...partial.penalties },
  } as MatchingConfig;
  const errors: ConfigError[] = [];

  for (const key of Object.keys(input)) {
    if (!(TOP_KEYS as string[]).includes(key)) {
      errors.push({ path: key, nl: 'Onbekende instelling; deze wordt niet opgeslagen.', en: 'Unknown setting; it is not saved.' });
    }
  }
  for (const key of Object.keys(inputPenalties)) {
    if (!(PENALTY_KEYS as string[]).includes(key)) {
      errors.push({ path: `penalties.${key}`, nl: 'Onbekende aftrek; deze wordt niet opgeslagen.', en: 'Unknown deduction; it is not saved.' });
    }
  }
  if (config.model !== 'OM-AMS' && config.model !== 'OM-UTR') {
    errors.push({ path: 'model', nl: 'De werkwijze van aanbieden is de Amsterdamse (aanbod aan een zorgaanbieder) of de Utrechtse (kandidaten per woning).', en: 'The offer model is the Amsterdam one (offer to a care provider) or the Utrecht one (candidates per dwelling).' });
  }
  for (const key of ['liquorHard', 'corporationSeesCareTopics'] as const) {
    if (typeof config[key] !== 'boolean') errors.push({ path: key, nl: `${wordsOf(key).nl}: kies ja of nee.`, en: `${wordsOf(key).en}: choose yes or no.` });
  }
  for (const [key, b] of Object.entries(SCALARS)) {
    const e = rangeError(key, config[key as keyof typeof SCALARS], b);
    if (e) errors.push(e);
  }
  for (const key of PENALTY_KEYS) {
    const e = rangeError(`penalties.${key}`, config.penalties[key], PENALTY_BOUNDS);
    if (e) errors.push(e);
  }
  if (config.schoolFarKm < config.schoolNearKm) {
    errors.push({
      path: 'schoolFarKm',
      nl: 'De afstand tot school die ver is, mag niet kleiner zijn dan de afstand die nog dichtbij is.',
      en: 'The distance to school that counts as far must not be smaller than the distance that still counts as near.',
    });
  }
  errors.push(...ruleErrors(config.suitability));
  return { config, errors };
}

/** One changed parameter between two configurations. */
export interface ConfigChange {
  /** e.g. `liquorHard`, `penalties.SP01`, `suitability.example-persons-per-room`. */
  path: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The parameters that differ from `a` to `b`, in the order of the defaults; suitability rules are
 * compared by id (a rule only in `b` has `before` null, a removed one `after` null).
 */
export function configDiff(a: MatchingConfig, b: MatchingConfig): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const key of TOP_KEYS) {
    if (key === 'penalties') {
      for (const p of PENALTY_KEYS) {
        if (a.penalties[p] !== b.penalties[p]) changes.push({ path: `penalties.${p}`, before: a.penalties[p], after: b.penalties[p] });
      }
    } else if (key === 'suitability') {
      const ids = [...new Set([...a.suitability.map((r) => r.id), ...b.suitability.map((r) => r.id)])];
      for (const id of ids) {
        const before = a.suitability.find((r) => r.id === id) ?? null;
        const after = b.suitability.find((r) => r.id === id) ?? null;
        if (!same(before, after)) changes.push({ path: `suitability.${id}`, before, after });
      }
    } else if (a[key] !== b[key]) {
      changes.push({ path: key, before: a[key], after: b[key] });
    }
  }
  return changes;
}
