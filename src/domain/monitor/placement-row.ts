/**
 * One row of the placements CSV (api.md § "Placements CSV (import)"): the header layout and
 * the validation of a record into a typed placement, or the problems that reject it (Dutch
 * reason first). Pure: the reference data (municipalities, corporations, target groups) is
 * passed in; the HTTP module streams the file and writes the placements.
 *
 * Columns (any order; names are matched case-insensitively after trimming):
 * - required: placement_id, municipality, corporation, target_group, active_mediation_date,
 *   lease_signed_date, move_reason (a required column may hold an empty value where the rules allow);
 * - optional (api.md): persons — integer 1–30, default 1;
 * - optional (our documented extensions): wheelchair_dwelling (true/false/ja/nee/1/0; default
 *   true only for target group wheelchair_urgent — **proposal** for M-25), district,
 *   neighbourhood (1–100 characters, for M-26), route (corporation_dwelling | housing_project,
 *   default corporation_dwelling; for M-21/M-23a).
 * An unknown or duplicated column rejects the whole file (row 1).
 */
import { MOVE_REASONS, type MoveReason } from './model.ts';

export const REQUIRED_COLUMNS = [
  'placement_id', 'municipality', 'corporation', 'target_group', 'active_mediation_date', 'lease_signed_date', 'move_reason',
] as const;
export const OPTIONAL_COLUMNS = ['persons', 'wheelchair_dwelling', 'district', 'neighbourhood', 'route'] as const;
export const COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type Column = (typeof COLUMNS)[number];

export const PLACEMENT_ROUTES = ['corporation_dwelling', 'housing_project'] as const;
export type PlacementRoute = (typeof PLACEMENT_ROUTES)[number];

export const PLACEMENT_ID_PATTERN = /^[A-Za-z0-9._:/-]{1,64}$/;
export const MAX_PERSONS = 30;
export const MAX_AREA_LENGTH = 100;

export interface Text { nl: string; en: string }

/** Why a row (or the header) is rejected. `field` is the column name, absent for the row as a whole. */
export interface RowProblem {
  field?: string;
  code: string;
  nl: string;
  en: string;
}

export interface TargetGroupRef {
  /** First day the code may be used (YYYY-MM-DD). */
  validFrom: string;
  /** Last day the code may be used, or null. */
  validTo: string | null;
}

/** Reference data the rows are checked against; keys are upper-cased codes (CBS code, organisation code) and target group codes as stored. */
export interface ImportReferences {
  municipalities: ReadonlyMap<string, string>;
  corporations: ReadonlyMap<string, string>;
  targetGroups: ReadonlyMap<string, TargetGroupRef>;
}

/** A validated row, ready to be written. */
export interface ImportedPlacement {
  placementId: string;
  municipalityId: string;
  corporationId: string | null;
  targetGroup: string;
  activeMediationDate: string | null;
  leaseSignedDate: string | null;
  moveReason: MoveReason;
  persons: number;
  route: PlacementRoute;
  wheelchairDwelling: boolean;
  district: string | null;
  neighbourhood: string | null;
}

/** Column name → index in the record. */
export type HeaderLayout = Readonly<Partial<Record<Column, number>>> & { readonly width: number };

export type HeaderResult = { ok: true; layout: HeaderLayout } | { ok: false; problems: RowProblem[] };
export type RowResult = { ok: true; placement: ImportedPlacement } | { ok: false; problems: RowProblem[]; placementId?: string };

const isColumn = (s: string): s is Column => (COLUMNS as readonly string[]).includes(s);

/** Checks the header row: every required column once, optional columns at most once, nothing else. */
/** A text for people in both languages (the text ignorer of the mutation run knows `T(nl, en)`). */
const T = (nl: string, en: string) => ({ nl, en });

export function parseHeader(header: readonly string[]): HeaderResult {
  const problems: RowProblem[] = [];
  const layout: Partial<Record<Column, number>> = {};
  header.forEach((raw, i) => {
    // trim() also removes a byte order mark (U+FEFF counts as white space).
    const name = raw.trim().toLowerCase();
    if (!isColumn(name)) {
      problems.push({
        field: raw,
        code: 'header_unknown_column',
        nl: `Onbekende kolom "${raw}" (kolom ${i + 1}). Toegestaan: ${COLUMNS.join(', ')}.`,
        en: `Unknown column "${raw}" (column ${i + 1}). Allowed: ${COLUMNS.join(', ')}.`,
      });
      return;
    }
    if (layout[name] !== undefined) {
      problems.push({ field: name, code: 'header_duplicate_column', nl: `De kolom "${name}" komt meer dan één keer voor.`, en: `The column "${name}" occurs more than once.` });
      return;
    }
    layout[name] = i;
  });
  for (const c of REQUIRED_COLUMNS) {
    if (layout[c] === undefined) {
      problems.push({ field: c, code: 'header_missing_column', nl: `De verplichte kolom "${c}" ontbreekt.`, en: `The required column "${c}" is missing.` });
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, layout: { ...layout, width: header.length } };
}

/** True for a real calendar date written strictly as YYYY-MM-DD (2020-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2100 || d < 1) return false;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a month outside 1–12 has no entry in the table below, so d <= days is false anyway
  if (mo < 1 || mo > 12) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, false: false, ja: true, nee: false, '1': true, '0': false };

/**
 * Validates one data record against the header layout and the reference data. Values are
 * trimmed; empty optional values take their default. Codes of municipality and corporation
 * are matched case-insensitively.
 */
export function validateRow(layout: HeaderLayout, record: readonly string[], refs: ImportReferences): RowResult {
  const problems: RowProblem[] = [];
  const get = (c: Column): string => {
    const i = layout[c];
    // The record has exactly one value per header column (checked below before any get).
    return i === undefined ? '' : record[i]!.trim();
  };
  const add = (field: Column | undefined, code: string, { nl, en }: { nl: string; en: string }) => problems.push(field ? { field, code, nl, en } : { code, nl, en });

  if (record.length !== layout.width) {
    add(undefined, 'column_count', T(`Deze rij heeft ${record.length} kolommen; de kopregel heeft er ${layout.width}.`, `This row has ${record.length} columns; the header has ${layout.width}.`));
    return { ok: false, problems };
  }

  const placementId = get('placement_id');
  if (placementId === '') add('placement_id', 'required', T('placement_id is verplicht.', 'placement_id is required.'));
  else if (!PLACEMENT_ID_PATTERN.test(placementId)) {
    add('placement_id', 'invalid_placement_id', T('placement_id moet 1–64 tekens zijn uit A–Z, a–z, 0–9 en . _ : / -.', 'placement_id must be 1–64 characters from A–Z, a–z, 0–9 and . _ : / -.'));
  }

  const municipalityCode = get('municipality');
  let municipalityId: string | undefined;
  if (municipalityCode === '') add('municipality', 'required', T('municipality (CBS-gemeentecode) is verplicht.', 'municipality (CBS municipality code) is required.'));
  else {
    municipalityId = refs.municipalities.get(municipalityCode.toUpperCase());
    if (!municipalityId) add('municipality', 'unknown_municipality', T(`Onbekende gemeentecode "${municipalityCode}".`, `Unknown municipality code "${municipalityCode}".`));
  }

  const targetGroup = get('target_group');
  // Stryker disable next-line ConditionalExpression,StringLiteral: no target group has the empty code, so get('') is undefined too
  const tg = targetGroup === '' ? undefined : refs.targetGroups.get(targetGroup);
  if (targetGroup === '') add('target_group', 'required', T('target_group is verplicht.', 'target_group is required.'));
  else if (!tg) add('target_group', 'unknown_target_group', T(`Onbekende doelgroepcode "${targetGroup}".`, `Unknown target group code "${targetGroup}".`));

  const date = (c: 'active_mediation_date' | 'lease_signed_date'): string | null | undefined => {
    const v = get(c);
    if (v === '') return null;
    if (!isCalendarDate(v)) {
      add(c, 'invalid_date', T(`${c}: "${v}" is geen bestaande datum in de vorm JJJJ-MM-DD.`, `${c}: "${v}" is not an existing date in the form YYYY-MM-DD.`));
      return undefined;
    }
    return v;
  };
  const mediation = date('active_mediation_date');
  const lease = date('lease_signed_date');
  if (mediation === null && lease === null) {
    add('active_mediation_date', 'required', T('active_mediation_date is verplicht als lease_signed_date leeg is (huishouden wacht nog).', 'active_mediation_date is required when lease_signed_date is empty (household still waiting).'));
  }
  if (mediation && lease && lease < mediation) {
    add('lease_signed_date', 'lease_before_mediation', T(`De huurovereenkomst (${lease}) is getekend vóór de start van de actieve bemiddeling (${mediation}).`, `The lease (${lease}) was signed before active mediation started (${mediation}).`));
  }
  const referenceDate = lease ?? mediation;
  if (tg && referenceDate && (referenceDate < tg.validFrom || (tg.validTo !== null && referenceDate > tg.validTo))) {
    add('target_group', 'target_group_not_valid', T(`De doelgroep "${targetGroup}" geldt niet op ${referenceDate} (geldig ${tg.validFrom} t/m ${tg.validTo ?? 'heden'}).`, `The target group "${targetGroup}" does not apply on ${referenceDate} (valid ${tg.validFrom} to ${tg.validTo ?? 'present'}).`));
  }

  const moveRaw = get('move_reason');
  let moveReason: MoveReason = 'regular';
  if (moveRaw !== '') {
    if ((MOVE_REASONS as readonly string[]).includes(moveRaw)) moveReason = moveRaw as MoveReason;
    else add('move_reason', 'invalid_move_reason', T(`Ongeldige move_reason "${moveRaw}"; kies ${MOVE_REASONS.join(', ')} of laat leeg.`, `Invalid move_reason "${moveRaw}"; use ${MOVE_REASONS.join(', ')} or leave it empty.`));
  }

  const personsRaw = get('persons');
  let persons = 1;
  if (personsRaw !== '') {
    if (/^\d{1,2}$/.test(personsRaw) && Number(personsRaw) >= 1 && Number(personsRaw) <= MAX_PERSONS) persons = Number(personsRaw);
    else add('persons', 'invalid_persons', T(`persons moet een geheel getal van 1 tot en met ${MAX_PERSONS} zijn.`, `persons must be a whole number from 1 to ${MAX_PERSONS}.`));
  }

  const routeRaw = get('route');
  let route: PlacementRoute = 'corporation_dwelling';
  if (routeRaw !== '') {
    if ((PLACEMENT_ROUTES as readonly string[]).includes(routeRaw)) route = routeRaw as PlacementRoute;
    else add('route', 'invalid_route', T(`Ongeldige route "${routeRaw}"; kies ${PLACEMENT_ROUTES.join(' of ')}.`, `Invalid route "${routeRaw}"; use ${PLACEMENT_ROUTES.join(' or ')}.`));
  }

  const corporationCode = get('corporation');
  let corporationId: string | null = null;
  if (corporationCode !== '') {
    const id = refs.corporations.get(corporationCode.toUpperCase());
    if (!id) add('corporation', 'unknown_corporation', T(`Onbekende corporatiecode "${corporationCode}".`, `Unknown corporation code "${corporationCode}".`));
    else corporationId = id;
  } else if (lease && route !== 'housing_project') {
    add('corporation', 'required', T('corporation is verplicht als lease_signed_date gevuld is (behalve bij route housing_project).', 'corporation is required when lease_signed_date is filled in (except for route housing_project).'));
  }

  const wheelchairRaw = get('wheelchair_dwelling').toLowerCase();
  let wheelchairDwelling = targetGroup === 'wheelchair_urgent';
  if (wheelchairRaw !== '') {
    const b = BOOLEAN_WORDS[wheelchairRaw];
    if (b === undefined) add('wheelchair_dwelling', 'invalid_boolean', T('wheelchair_dwelling moet true, false, ja, nee, 1 of 0 zijn.', 'wheelchair_dwelling must be true, false, ja, nee, 1 or 0.'));
    else wheelchairDwelling = b;
  }

  const area = (c: 'district' | 'neighbourhood'): string | null => {
    const v = get(c);
    if (v === '') return null;
    if (v.length > MAX_AREA_LENGTH) {
      add(c, 'too_long', T(`${c} is te lang (maximaal ${MAX_AREA_LENGTH} tekens).`, `${c} is too long (at most ${MAX_AREA_LENGTH} characters).`));
      return null;
    }
    return v;
  };
  const district = area('district');
  const neighbourhood = area('neighbourhood');

  if (problems.length || !municipalityId || !tg || mediation === undefined || lease === undefined) {
    return PLACEMENT_ID_PATTERN.test(placementId) ? { ok: false, problems, placementId } : { ok: false, problems };
  }
  return {
    ok: true,
    placement: {
      placementId, municipalityId, corporationId, targetGroup,
      activeMediationDate: mediation, leaseSignedDate: lease,
      moveReason, persons, route, wheelchairDwelling, district, neighbourhood,
    },
  };
}
