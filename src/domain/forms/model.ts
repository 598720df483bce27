/**
 * The form-definition language (omslagroute.md §7): a three-party form is DATA — sections of
 * typed fields with conditions, plus cross-field checks — so validation, progress, display and
 * the PDF are generic and no form is hand-coded. Pure types and small helpers, no I/O.
 *
 * Value shapes (what `FormData[fieldId]` holds, JSON):
 *
 * | type             | value                                                                       |
 * | ---------------- | --------------------------------------------------------------------------- |
 * | text, longtext   | string                                                                      |
 * | email, phone     | string                                                                      |
 * | date             | 'YYYY-MM-DD' (an existing date: 2025-02-30 is rejected)                     |
 * | yesno            | 'yes' \| 'no'                                                               |
 * | yesno_text       | { answer?: 'yes' \| 'no', text?: string }                                   |
 * | amount_eur       | { answer?: 'yes' \| 'no', amountCents?: integer \| null } (S-30: deposit due? how much) |
 * | goals            | GoalRow[]                                                                   |
 * | goal_status_rows | GoalStatusRow[]                                                             |
 * | checklist        | { [itemId]: 'yes' \| 'no' } (every item answered on submit)                 |
 * | declaration      | { name?: string, agreed?: boolean } (submit: name and agreed = true)        |
 * | date_or_period   | { date: 'YYYY-MM-DD' } \| { period: string }                                |
 * | select           | one of the field's option values                                            |
 *
 * Every field may hold `null` (= not answered). A field with `notApplicableAllowed` may hold
 * the string {@link NOT_APPLICABLE} ('n.v.t.'), which counts as an answer (R-OR-62 proposal).
 */
import type { IsoDate } from '../calendar/index.ts';
import type { GoalDomain } from '../trajectories/model.ts';

export const FORM_KINDS = ['F-1', 'F-2', 'F-3', 'F-4'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** Lifecycle of a form record (matches `forms.status`). */
export const FORM_STATUSES = ['draft', 'submitted', 'final'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

/** The parties that sign a three-party form (matches `form_signatures.party`). */
export const SIGNATURE_PARTIES = ['client', 'care_provider', 'corporation'] as const;
export type SignatureParty = (typeof SIGNATURE_PARTIES)[number];

export interface LocalText {
  readonly nl: string;
  readonly en: string;
}

export const FIELD_TYPES = [
  'text',
  'longtext',
  'date',
  'email',
  'phone',
  'yesno',
  'yesno_text',
  'amount_eur',
  'goals',
  'goal_status_rows',
  'checklist',
  'declaration',
  'date_or_period',
  'select',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The answer meaning "not applicable" (R-OR-62 proposal), allowed where `notApplicableAllowed`. */
export const NOT_APPLICABLE = 'n.v.t.';

export type YesNo = 'yes' | 'no';

/** The field is shown (and may be required) only when `field` holds `equals` (and is itself shown). */
export interface ShowIf {
  readonly field: string;
  readonly equals: string;
}

export interface SelectOption {
  readonly value: string;
  readonly label: LocalText;
}

export interface ChecklistItem {
  readonly id: string;
  readonly label: LocalText;
}

export interface FieldDefinition {
  /** The spec's field id ('S-13', 'E-33a', 'V-06') or, for F-4 and proposals, a stable own id. */
  readonly id: string;
  /** Dutch as printed in the source; English translation. */
  readonly label: LocalText;
  readonly type: FieldType;
  /** Must be answered on submit (when shown). Never true for read-only fields. */
  readonly required: boolean;
  readonly showIf?: ShowIf;
  /** 'n.v.t.' is an allowed answer (R-OR-62 proposal). */
  readonly notApplicableAllowed?: boolean;
  /** Maximum length of a text answer (defaults per type, see DEFAULT_MAX_LENGTH). */
  readonly maxLength?: number;
  /** `select`: the options. */
  readonly options?: ReadonlyArray<SelectOption>;
  /** `checklist`: the items. */
  readonly items?: ReadonlyArray<ChecklistItem>;
  /** `goals`: allowed domains; with exactly one, a row may omit `domain` (it defaults to it). */
  readonly domains?: ReadonlyArray<GoalDomain>;
  /** `goals`: rows also carry an intended result and a target date (R-OR-42 "results over time"). */
  readonly withResults?: boolean;
  /** `goal_status_rows`: rows also carry the source of substantiation (V-06). */
  readonly withSource?: boolean;
  /** Not entered on the form: filled from a recorded decision/event by the shell (F-3 V-10…V-12). */
  readonly readOnly?: boolean;
  readonly source?: 'decision' | 'event';
  /** The rule that makes the field required or governs it; named in its errors. */
  readonly rule?: string;
  /** Not on the printed source form: a proposal of the spec (or of this definition). */
  readonly proposal?: boolean;
  /** Extra guidance shown (and printed) under the label. */
  readonly help?: LocalText;
  /** §8.3: printed/shared in the partial copy for the corporation (F-3 proposal: the V-09 part). */
  readonly partialCopy?: boolean;
}

export interface SectionDefinition {
  readonly id: string;
  readonly title: LocalText;
  readonly fields: ReadonlyArray<FieldDefinition>;
}

/** Cross-field checks, evaluated on submit only (a draft may be inconsistent). */
export type CrossCheck =
  /** `earlier` ≤ `later` when both hold a date; the error is put on `later`. */
  | {
      readonly kind: 'date_order';
      readonly id: string;
      readonly earlier: string;
      readonly later: string;
      readonly rule?: string;
      readonly proposal?: boolean;
    }
  /** When `when` holds (or always), `field` must hold `equals`. */
  | {
      readonly kind: 'requires_value';
      readonly id: string;
      readonly field: string;
      readonly equals: string;
      readonly when?: ShowIf;
      readonly code: string;
      readonly rule?: string;
      readonly message: LocalText;
    }
  /** `field` must not hold `value`. */
  | {
      readonly kind: 'forbid_value';
      readonly id: string;
      readonly field: string;
      readonly value: string;
      readonly code: string;
      readonly rule?: string;
      readonly message: LocalText;
    }
  /** When `when` holds (or always), every row of the goal_status_rows `field` is achieved. */
  | {
      readonly kind: 'all_rows_achieved';
      readonly id: string;
      readonly field: string;
      readonly when?: ShowIf;
      readonly code: string;
      readonly rule?: string;
      readonly message: LocalText;
    }
  /**
   * When `when` holds, every trajectory goal linked to the conditional urgency (passed in the
   * validation context; R-OR-14) is achieved. The error is put on `field`.
   */
  | {
      readonly kind: 'urgency_goals_achieved';
      readonly id: string;
      readonly field: string;
      readonly when?: ShowIf;
      readonly code: string;
      readonly rule?: string;
      readonly message: LocalText;
    };

export interface FormDefinition {
  readonly kind: FormKind;
  /** Version of the definition (schema); starts at 1. Stored as `forms.definition_version`. */
  readonly version: number;
  readonly title: LocalText;
  /** The purpose sentence printed on the form. */
  readonly purpose?: LocalText;
  /** R-OR-95: why the information is recorded and what happens with it (printed on the PDF). */
  readonly privacyNotice: LocalText;
  /** Parties whose signatures make the form final (R-OR-38); [] = finality comes from elsewhere. */
  readonly signatureParties: ReadonlyArray<SignatureParty>;
  /** The printed signature fields each party's signature record stands for (S-33…S-35, E-36…E-38). */
  readonly signatureFieldIds: Readonly<Partial<Record<SignatureParty, string>>>;
  readonly sections: ReadonlyArray<SectionDefinition>;
  readonly checks: ReadonlyArray<CrossCheck>;
}

/** The data of one form version: field id → value. */
export type FormData = Readonly<Record<string, unknown>>;

export interface GoalRow {
  /** Link to the trajectory goal (`Goal.id`), when the row refers to one. */
  goalId?: string | null;
  domain?: GoalDomain;
  text: string;
  /** R-OR-14: every goal carries the flag. */
  linkedToUrgency: boolean;
  intendedResult?: string;
  targetDate?: IsoDate | null;
}

export interface GoalStatusRow {
  goalId?: string | null;
  goal: string;
  status: string;
  achieved: YesNo;
  source?: string;
}

export interface YesNoTextValue {
  answer?: YesNo;
  text?: string;
}

export interface AmountValue {
  answer?: YesNo;
  amountCents?: number | null;
}

export interface DeclarationValue {
  name?: string;
  agreed?: boolean;
}

export type DateOrPeriodValue = { date: IsoDate } | { period: string };

/** Default maximum length of the text in an answer, per type (a field's `maxLength` overrides it). */
export const DEFAULT_MAX_LENGTH: Readonly<Partial<Record<FieldType, number>>> = {
  text: 200,
  longtext: 4000,
  email: 254,
  phone: 30,
  yesno_text: 2000,
  goals: 1000,
  goal_status_rows: 2000,
  declaration: 200,
  date_or_period: 200,
};

export function maxLengthOf(field: FieldDefinition): number {
  return field.maxLength ?? DEFAULT_MAX_LENGTH[field.type] ?? 200;
}

/** Maximum number of rows of a `goals` / `goal_status_rows` field. */
export const MAX_ROWS = 50;
/** Maximum deposit (S-30): € 100.000,00. */
export const MAX_AMOUNT_CENTS = 10_000_000;

export const ROOT_FIELD = '$root';

// ─── Helpers ─────────────────────────────────────────────────────────────────

export function allFields(def: FormDefinition): FieldDefinition[] {
  return def.sections.flatMap((s) => s.fields);
}

const indexCache = new WeakMap<FormDefinition, ReadonlyMap<string, FieldDefinition>>();

/** Field id → field (cached per definition). */
export function fieldIndex(def: FormDefinition): ReadonlyMap<string, FieldDefinition> {
  let idx = indexCache.get(def);
  if (!idx) {
    idx = new Map(allFields(def).map((f) => [f.id, f]));
    indexCache.set(def, idx);
  }
  return idx;
}

/** The own property `id` of `data` (never something inherited from Object.prototype). */
export function ownValue(data: FormData, id: string): unknown {
  return Object.prototype.hasOwnProperty.call(data, id) ? data[id] : undefined;
}

/**
 * Whether a field is shown for this data: its showIf holds and, recursively, the controlling
 * field is shown itself (a lapsed question hides its follow-ups).
 */
export function isFieldVisible(def: FormDefinition, data: FormData, field: FieldDefinition, depth = 0): boolean {
  if (!field.showIf) return true;
  if (depth > 20) return false;
  const controller = fieldIndex(def).get(field.showIf.field);
  if (!controller) return false;
  return ownValue(data, controller.id) === field.showIf.equals && isFieldVisible(def, data, controller, depth + 1);
}

/** Whether a `when` condition of a cross-field check holds (absent = always). */
export function conditionHolds(def: FormDefinition, data: FormData, when: ShowIf | undefined): boolean {
  if (!when) return true;
  const controller = fieldIndex(def).get(when.field);
  return !!controller && ownValue(data, when.field) === when.equals && isFieldVisible(def, data, controller);
}

/**
 * The data without answers to hidden (lapsed) questions and without read-only fields: what the
 * shell stores on submit, so stale answers are never finalised or shared.
 */
export function pruneHiddenFields(def: FormDefinition, data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of allFields(def)) {
    const v = ownValue(data, f.id);
    if (v === undefined || f.readOnly) continue;
    if (isFieldVisible(def, data, f)) out[f.id] = v;
  }
  return out;
}
