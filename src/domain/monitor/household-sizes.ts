/**
 * R-MO-39: the optional view for the exploration of the qualitative quota (kwalitatieve
 * taakstelling): statushouder households by household size beside the released social rent
 * dwellings by number of rooms, per municipality, with the counts and the shares of each side.
 *
 * Households are those of M-23 (main group MG-3, regular move, corporation dwelling, lease
 * signed from 1 January up to the end of the selected month), counted in households, classed by
 * persons; dwellings are the yearly figures by rooms (released_dwelling_rooms). Size classes
 * 1, 2, 3, 4 and 5 = "5 or more" on both sides. Pairing n persons with n rooms is a proposal
 * for the discussion, not a norm: the table says so in both languages.
 *
 * Pure: the counting happens in SQL (modules/monitor/household-sizes.ts); this turns the
 * aggregates into the comparison and the table model the page, the CSV and the XLSX share.
 */
import { percentage, roundHalfUp } from './formulas.ts';
import type { MetricId, Text } from './model.ts';
import { MONTHS, type CellKind, type TableColumn, type TableModel, type TableRow } from './tables.ts';

export const SIZE_CLASSES = [1, 2, 3, 4, 5] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** The class of a household of n persons or of a dwelling with n rooms: 1…4, and 5 for "5 or more". */
export function sizeClass(n: number): SizeClass {
  if (!Number.isFinite(n) || n < 1) throw new RangeError(`size ${n} is not a positive number`);
  return Math.min(Math.floor(n), 5) as SizeClass;
}

export interface HouseholdSizeInput {
  year: number;
  /** The selected month: households are counted from 1 January up to its end. */
  month: number;
  /** What the view is about: one municipality, a region or every municipality; optionally one corporation. */
  area: { kind: 'municipality' | 'region' | 'all'; name?: string };
  corporation?: string;
  /** The municipalities in scope, in display order (CBS code and name). */
  municipalities: ReadonlyArray<{ code: string; name: string }>;
  /** Statushouder households (aggregates) by number of persons. */
  households: ReadonlyArray<{ municipality: string; persons: number; households: number }>;
  /** Released dwellings of the year by number of rooms (5 = 5 or more). */
  rooms: ReadonlyArray<{ municipality: string; rooms: number; dwellings: number }>;
  /** M-10 of the year per municipality: the completeness check of the figures by rooms. */
  released: ReadonlyArray<{ municipality: string; dwellings: number }>;
}

export interface ClassFigures {
  size: SizeClass;
  households: number;
  /** Share of the municipality's households in this class, in percent, unrounded; null without households. */
  householdShare: number | null;
  dwellings: number;
  /** Share of the municipality's released dwellings with this number of rooms, unrounded; null without dwellings. */
  dwellingShare: number | null;
}

export interface MunicipalityComparison {
  municipality: string;
  name: string;
  households: number;
  dwellings: number;
  /** M-10 of the year (released dwellings, monthly input). */
  released: number;
  classes: ClassFigures[];
}

/**
 * The comparison per municipality. One chosen municipality is always shown (also without
 * figures); for a region or every municipality only those with any figure.
 */
export function compareHouseholdSizes(input: HouseholdSizeInput): MunicipalityComparison[] {
  const codes = new Set(input.municipalities.map((m) => m.code));
  const hh = new Map<string, number[]>();
  const dw = new Map<string, number[]>();
  const rel = new Map<string, number>();
  const slot = (map: Map<string, number[]>, mu: string) => {
    let a = map.get(mu);
    if (!a) map.set(mu, (a = [0, 0, 0, 0, 0]));
    return a;
  };
  for (const h of input.households) if (codes.has(h.municipality)) slot(hh, h.municipality)[sizeClass(h.persons) - 1]! += h.households;
  for (const r of input.rooms) if (codes.has(r.municipality)) slot(dw, r.municipality)[sizeClass(r.rooms) - 1]! += r.dwellings;
  // Only municipalities in scope are read below, so M-10 needs no filter (nor checks a size class).
  for (const r of input.released) rel.set(r.municipality, (rel.get(r.municipality) ?? 0) + r.dwellings);

  const out: MunicipalityComparison[] = [];
  for (const m of input.municipalities) {
    const h = hh.get(m.code) ?? [0, 0, 0, 0, 0];
    const d = dw.get(m.code) ?? [0, 0, 0, 0, 0];
    const households = h.reduce((a, b) => a + b, 0);
    const dwellings = d.reduce((a, b) => a + b, 0);
    const released = rel.get(m.code) ?? 0;
    if (input.area.kind !== 'municipality' && households === 0 && dwellings === 0 && released === 0) continue;
    out.push({
      municipality: m.code,
      name: m.name,
      households,
      dwellings,
      released,
      classes: SIZE_CLASSES.map((size, i) => ({
        size,
        households: h[i]!,
        householdShare: percentage(h[i]!, households),
        dwellings: d[i]!,
        dwellingShare: percentage(d[i]!, dwellings),
      })),
    });
  }
  return out;
}

export interface HouseholdSizeWarning {
  /** no_room_figures: nothing entered by rooms; rooms_total_differs: the figures by rooms do not add up to M-10. */
  code: 'no_room_figures' | 'rooms_total_differs';
  municipality: string;
  rooms: number;
  released: number;
  text: Text;
}

/** The completeness checks of the figures by rooms against M-10 of the year (a warning, never a block). */
export function householdSizeWarnings(comparisons: ReadonlyArray<MunicipalityComparison>, year: number): HouseholdSizeWarning[] {
  const out: HouseholdSizeWarning[] = [];
  for (const c of comparisons) {
    if (c.dwellings === 0 && (c.households > 0 || c.released > 0)) {
      out.push({
        code: 'no_room_figures', municipality: c.municipality, rooms: 0, released: c.released,
        text: {
          nl: `Voor ${c.name} zijn over ${year} nog geen vrijgekomen woningen naar aantal kamers opgegeven.`,
          en: `For ${c.name} no released dwellings by number of rooms have been entered for ${year} yet.`,
        },
      });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no dwellings this branch is reached only when released is 0 too, so dwellings !== released is false anyway
    } else if (c.dwellings > 0 && c.dwellings !== c.released) {
      out.push({
        code: 'rooms_total_differs', municipality: c.municipality, rooms: c.dwellings, released: c.released,
        text: {
          nl: `Voor ${c.name} tellen de vrijgekomen woningen naar kamers over ${year} op tot ${c.dwellings}, de vrijgekomen sociale huurwoningen per maand (M-10) tot ${c.released}. Controleer of beide opgaven compleet zijn.`,
          en: `For ${c.name} the released dwellings by rooms for ${year} add up to ${c.dwellings}, the released social rent dwellings per month (M-10) to ${c.released}. Check that both are complete.`,
        },
      });
    }
  }
  return out;
}

/** The table model with its explanations (both languages) and the completeness warnings. */
export interface HouseholdSizesTableModel extends TableModel {
  name: 'household-sizes';
  /** Shown with the table and on the notes sheet of the XLSX; the first says the pairing is a proposal (R-MO-39). */
  explanations: Array<{ id: string; text: Text }>;
  warnings: HouseholdSizeWarning[];
}

const T = (nl: string, en: string): Text => ({ nl, en });

/** "1 persoon / 1 kamer" … "5 of meer personen / 5 of meer kamers". */
export function classLabel(size: SizeClass): Text {
  if (size === 1) return T('1 persoon / 1 kamer', '1 person / 1 room');
  if (size === 5) return T('5 of meer personen / 5 of meer kamers', '5 or more persons / 5 or more rooms');
  return T(`${size} personen / ${size} kamers`, `${size} persons / ${size} rooms`);
}

/** R-MO-39: the pairing is a proposal for the discussion, not a norm. */
export const PAIRING_NOTE: Text = T(
  'Voorstel, geen norm: de tabel zet huishoudens van n personen naast woningen met n kamers (5 of meer personen naast 5 of meer kamers). ' +
    'Die koppeling is een voorstel voor het gesprek over de kwalitatieve taakstelling, geen norm voor passend toewijzen: een huishouden kan ook goed wonen in een woning met meer of minder kamers.',
  'A proposal, not a norm: the table sets households of n persons beside dwellings with n rooms (5 or more persons beside 5 or more rooms). ' +
    'That pairing is a proposal for the discussion of the qualitative quota, not a norm for suitable allocation: a household may also live well in a dwelling with more or fewer rooms.',
);

function basisNote(year: number, month: number): Text {
  const mo = MONTHS[month - 1]!;
  return T(
    `Huishoudens: statushouders (hoofdgroep MG-3) die met een reguliere verhuizing een corporatiewoning kregen, huurcontract getekend van 1 januari tot en met ${mo.nl} ${year} (dezelfde huishoudens als M-23), ingedeeld naar het aantal personen. ` +
      `Woningen: de opgave van vrijgekomen sociale huurwoningen naar aantal kamers over heel ${year}. Aandelen zijn afgerond op hele procenten en tellen daardoor niet altijd precies op tot 100. Alleen totalen, geen persoonsgegevens.`,
    `Households: statushouders (main group MG-3) who moved into a corporation dwelling in a regular move, lease signed from 1 January up to the end of ${mo.en} ${year} (the households of M-23), classed by number of persons. ` +
      `Dwellings: the released social rent dwellings by number of rooms entered for the whole of ${year}. Shares are rounded to whole percent and so do not always add up to exactly 100. Aggregates only, no personal data.`,
  );
}

const col = (key: string, metric: MetricId, kind: CellKind, label: Text): TableColumn => ({ key, metric, kind, label });
const pct = (v: number | null): number | null => (v === null ? null : roundHalfUp(v));

export function householdSizesTable(input: HouseholdSizeInput): HouseholdSizesTableModel {
  const comparisons = compareHouseholdSizes(input);
  const perMunicipality = input.area.kind !== 'municipality';
  const columns = [
    col('households', 'M-23', 'count', T('Huishoudens statushouders t/m maand', 'Statushouder households to date')),
    col('householdShare', 'M-23', 'percent', T('Aandeel huishoudens (%)', 'Share of households (%)')),
    col('dwellings', 'M-10', 'count', T('Vrijgekomen woningen in het jaar', 'Released dwellings in the year')),
    col('dwellingShare', 'M-10', 'percent', T('Aandeel woningen (%)', 'Share of dwellings (%)')),
  ];
  const rows: TableRow[] = [];
  for (const c of comparisons) {
    const prefix = (t: Text): Text => (perMunicipality ? T(`${c.name}: ${t.nl}`, `${c.name}: ${t.en}`) : t);
    rows.push({
      key: c.municipality,
      label: perMunicipality ? T(`${c.name}: totaal`, `${c.name}: total`) : T('Totaal', 'Total'),
      level: perMunicipality ? 'main' : 'total',
      cells: [c.households, c.households ? 100 : null, c.dwellings, c.dwellings ? 100 : null],
    });
    for (const k of c.classes) {
      rows.push({
        key: `${c.municipality}:${k.size}`,
        label: prefix(classLabel(k.size)),
        level: perMunicipality ? 'target' : 'item',
        cells: [k.households, pct(k.householdShare), k.dwellings, pct(k.dwellingShare)],
      });
    }
  }
  const where = input.area.kind === 'municipality' ? T(input.area.name ?? '', input.area.name ?? '')
    : input.area.kind === 'region' ? T(`${input.area.name ?? ''}, per gemeente`, `${input.area.name ?? ''}, per municipality`)
      : T('alle gemeenten, per gemeente', 'all municipalities, per municipality');
  const corp = input.corporation ? T(`, ${input.corporation}`, `, ${input.corporation}`) : T('', '');
  const mo = MONTHS[input.month - 1]!;
  return {
    name: 'household-sizes',
    caption: T(
      `Huishoudgrootte statushouders en vrijgekomen woningen naar kamers (${where.nl}${corp.nl}, ${input.year} t/m ${mo.nl})`,
      `Household size of statushouders and released dwellings by rooms (${where.en}${corp.en}, ${input.year} up to ${mo.en})`,
    ),
    rowHeader: T('Huishoudgrootte / aantal kamers', 'Household size / number of rooms'),
    columns,
    rows,
    notes: ['R-MO-39'],
    metrics: ['M-23', 'M-10'],
    explanations: [{ id: 'R-MO-39', text: PAIRING_NOTE }, { id: 'R-MO-39-basis', text: basisNote(input.year, input.month) }],
    warnings: householdSizeWarnings(comparisons, input.year),
  };
}
