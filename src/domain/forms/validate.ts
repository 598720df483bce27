/**
 * Generic validation of form data against a form definition (model.ts), for any of the four forms.
 *
 * - `draft`: only type/format errors (unknown fields, read-only fields, wrong value shapes,
 *   invalid dates such as 2025-02-30, e-mail/phone format, lengths, options). A draft may be
 *   incomplete and inconsistent.
 * - `submit`: additionally every shown required field answered (R-OR-62: "n.v.t." where allowed),
 *   complete rows, answers to hidden (lapsed) questions rejected — the shell stores
 *   `pruneHiddenFields(def, data)` — and the definition's cross-field checks.
 *
 * Section progress and `complete` are always computed as for submit, so a draft shows how far
 * it is; `complete` means "can be submitted". Every error names a field id of the definition,
 * or ROOT_FIELD ('$root') for the data as a whole and for unknown keys (then `path` is the key).
 * Never throws, whatever JSON it is given.
 */
import { GOAL_DOMAINS } from '../trajectories/model.ts';
import { isValidIsoDate } from '../calendar/index.ts';
import {
  MAX_AMOUNT_CENTS,
  MAX_ROWS,
  NOT_APPLICABLE,
  ROOT_FIELD,
  allFields,
  conditionHolds,
  fieldIndex,
  isFieldVisible,
  maxLengthOf,
} from './model.ts';
import type { CrossCheck, FieldDefinition, FormData, FormDefinition } from './model.ts';

export type ValidationMode = 'draft' | 'submit';

export interface FormError {
  /** A field id of the definition, or '$root'. */
  field: string;
  code: string;
  nl: string;
  en: string;
  rule?: string;
  /** Where inside the value ('E-30[1].achieved'), or the unknown key for 'unknown_field'. */
  path?: string;
  /** The cross-field check that failed ('V-E2', 'V-E5', …). */
  check?: string;
}

export interface SectionProgress {
  id: string;
  /** All shown required fields answered and no error on the section's fields. */
  complete: boolean;
  answered: number;
  required: number;
}

export interface ValidationResult {
  errors: FormError[];
  sections: SectionProgress[];
  /** No error at all as for submit: the form can be submitted. */
  complete: boolean;
}

/** The trajectory goals (R-OR-14), for the `urgency_goals_achieved` checks (V-E2, F-3 T3). */
export interface ValidationContext {
  urgencyGoals?: ReadonlyArray<{ id: string; text: string; linkedToUrgency: boolean; achieved: boolean }>;
}

type Kind = 'format' | 'completeness';
interface Found extends FormError {
  kind: Kind;
}

// ─── Small helpers ───────────────────────────────────────────────────────────

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^\+?[0-9 ().-]+$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function filled(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function isYesNo(v: unknown): v is 'yes' | 'no' {
  return v === 'yes' || v === 'no';
}

/** A short, safe rendering of an arbitrary value for a message. */
function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(typeof v);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

const sectionTitles = new WeakMap<FormDefinition, Map<string, { nl: string; en: string }>>();

/** The label for messages; a short label ("Naam") is prefixed with its section ("Contactpersoon zorgaanbieder — Naam"). */
function shortLabel(def: FormDefinition, f: FieldDefinition, lang: 'nl' | 'en'): string {
  let titles = sectionTitles.get(def);
  if (!titles) {
    titles = new Map(def.sections.flatMap((s) => s.fields.map((x) => [x.id, s.title] as const)));
    sectionTitles.set(def, titles);
  }
  const raw = f.label[lang];
  const section = titles.get(f.id);
  const l = raw.length <= 20 && section ? `${section[lang]} — ${raw}` : raw;
  return l.length > 60 ? `${l.slice(0, 59)}…` : l;
}

const TYPE_NAMES: Record<string, { nl: string; en: string }> = {
  string: { nl: 'tekst', en: 'text' },
  yesno: { nl: '"ja" of "nee"', en: '"yes" or "no"' },
  object: { nl: 'een samengesteld antwoord', en: 'a composite answer' },
  list: { nl: 'een lijst met regels', en: 'a list of rows' },
  boolean: { nl: 'waar/onwaar', en: 'true/false' },
};

// ─── Validation ──────────────────────────────────────────────────────────────

export function validateForm(def: FormDefinition, data: unknown, mode: ValidationMode, context: ValidationContext = {}): ValidationResult {
  const found: Found[] = [];
  const fields = allFields(def);
  const index = fieldIndex(def);

  const err = (kind: Kind, f: FieldDefinition | null, code: string, nl: string, en: string, extra: Partial<FormError> = {}): void => {
    const id = f ? f.id : ROOT_FIELD;
    const prefixNl = f ? `${id} “${shortLabel(def, f, 'nl')}”: ` : '';
    const prefixEn = f ? `${id} “${shortLabel(def, f, 'en')}”: ` : '';
    found.push({ kind, field: id, code, nl: prefixNl + nl, en: prefixEn + en, ...extra });
  };

  let obj: FormData;
  if (!isPlainObject(data)) {
    err('format', null, 'not_an_object', 'De formuliergegevens moeten een object zijn.', 'The form data must be an object.');
    obj = {};
  } else {
    obj = data;
    for (const key of Object.keys(data)) {
      if (!index.has(key)) {
        err('format', null, 'unknown_field', `Onbekend veld "${show(key)}" voor ${def.kind}.`, `Unknown field "${show(key)}" for ${def.kind}.`, { path: key });
      }
    }
  }

  const answeredById = new Map<string, boolean>();
  const visibleById = new Map<string, boolean>();

  for (const f of fields) {
    const value = own(obj, f.id);
    const visible = isFieldVisible(def, obj, f);
    visibleById.set(f.id, visible);
    const present = !isBlank(value);

    if (f.readOnly) {
      if (value !== undefined && value !== null) {
        err('format', f, 'read_only', 'Dit gegeven wordt uit een vastgelegd besluit overgenomen en kan niet worden ingevuld.', 'This is taken from a recorded decision and cannot be entered.', {
          ...(f.rule ? { rule: f.rule } : {}),
        });
      }
      answeredById.set(f.id, false);
      continue;
    }

    if (present) checkFormat(f, value, err);

    if (present && !visible && f.showIf) {
      err(
        'completeness',
        f,
        'hidden_not_empty',
        `Deze vraag vervalt door het antwoord op ${f.showIf.field}; laat haar leeg.`,
        `This question lapses because of the answer to ${f.showIf.field}; leave it empty.`,
      );
    }

    const answered = present && isAnswered(f, value);
    answeredById.set(f.id, answered);
    if (!visible) continue;

    if (present) checkCompleteness(f, value, err);
    if (f.required && !present) {
      const na = f.notApplicableAllowed;
      err(
        'completeness',
        f,
        'required',
        na ? 'Beantwoord deze vraag (of kies "n.v.t.").' : 'Beantwoord deze vraag.',
        na ? 'Answer this question (or choose "n.v.t.", not applicable).' : 'Answer this question.',
        f.rule ? { rule: f.rule } : {},
      );
    }
  }

  for (const c of def.checks) runCheck(def, c, obj, index, visibleById, context, found);

  // Sections, as for submit.
  const sections: SectionProgress[] = def.sections.map((s) => {
    const ids = new Set(s.fields.map((f) => f.id));
    const req = s.fields.filter((f) => f.required && !f.readOnly && visibleById.get(f.id));
    const answered = req.filter((f) => answeredById.get(f.id)).length;
    const hasError = found.some((e) => ids.has(e.field));
    return { id: s.id, complete: answered === req.length && !hasError, answered, required: req.length };
  });

  const errors = found
    .filter((e) => mode === 'submit' || e.kind === 'format')
    .map(({ kind: _kind, ...e }) => e);
  return { errors, sections, complete: found.length === 0 };
}

type Err = (kind: Kind, f: FieldDefinition, code: string, nl: string, en: string, extra?: Partial<FormError>) => void;

function typeError(err: Err, f: FieldDefinition, expected: keyof typeof TYPE_NAMES, path?: string): void {
  const t = TYPE_NAMES[expected] ?? TYPE_NAMES.object!;
  err('format', f, 'invalid_type', `Ongeldig antwoord: verwacht ${t.nl}.`, `Invalid answer: expected ${t.en}.`, path ? { path } : {});
}

function checkText(err: Err, f: FieldDefinition, v: unknown, path: string | undefined, max: number): boolean {
  if (typeof v !== 'string') {
    typeError(err, f, 'string', path);
    return false;
  }
  if (v.length > max) {
    err('format', f, 'too_long', `Maximaal ${max} tekens (nu ${v.length}).`, `At most ${max} characters (now ${v.length}).`, path ? { path } : {});
    return false;
  }
  return true;
}

function checkDate(err: Err, f: FieldDefinition, v: unknown, path?: string): void {
  if (typeof v !== 'string' || !isValidIsoDate(v)) {
    err('format', f, 'invalid_date', `"${show(v)}" is geen geldige datum (JJJJ-MM-DD).`, `"${show(v)}" is not a valid date (YYYY-MM-DD).`, path ? { path } : {});
  }
}

function checkKeys(err: Err, f: FieldDefinition, v: Record<string, unknown>, allowed: ReadonlyArray<string>, path: string): boolean {
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  for (const k of extra) {
    err('format', f, 'invalid_type', `Onbekend onderdeel "${show(k)}".`, `Unknown part "${show(k)}".`, { path: `${path}.${k}` });
  }
  return extra.length === 0;
}

/** Format checks of a present (non-blank) value. */
function checkFormat(f: FieldDefinition, v: unknown, err: Err): void {
  if (v === NOT_APPLICABLE && f.notApplicableAllowed) return;
  const max = maxLengthOf(f);
  switch (f.type) {
    case 'text':
    case 'longtext':
      checkText(err, f, v, undefined, max);
      return;
    case 'email':
      if (checkText(err, f, v, undefined, max) && !EMAIL.test((v as string).trim())) {
        err('format', f, 'invalid_email', `"${show(v)}" is geen geldig e-mailadres.`, `"${show(v)}" is not a valid e-mail address.`);
      }
      return;
    case 'phone':
      if (checkText(err, f, v, undefined, max)) {
        const s = (v as string).trim();
        const digits = s.replace(/\D/g, '').length;
        if (!PHONE_CHARS.test(s) || digits < 6 || digits > 15) {
          err('format', f, 'invalid_phone', `"${show(v)}" is geen geldig telefoonnummer.`, `"${show(v)}" is not a valid phone number.`);
        }
      }
      return;
    case 'date':
      if (v === NOT_APPLICABLE) break;
      checkDate(err, f, v);
      return;
    case 'yesno':
      if (v === NOT_APPLICABLE) break;
      if (!isYesNo(v)) typeError(err, f, 'yesno');
      return;
    case 'select':
      if (v === NOT_APPLICABLE) break;
      if (typeof v !== 'string' || !(f.options ?? []).some((o) => o.value === v)) {
        err('format', f, 'invalid_option', `"${show(v)}" is geen keuzemogelijkheid.`, `"${show(v)}" is not one of the options.`);
      }
      return;
    case 'yesno_text': {
      if (v === NOT_APPLICABLE) break;
      if (!isPlainObject(v)) return typeError(err, f, 'object');
      checkKeys(err, f, v, ['answer', 'text'], f.id);
      const a = own(v, 'answer');
      if (!isBlank(a) && !isYesNo(a)) typeError(err, f, 'yesno', `${f.id}.answer`);
      const t = own(v, 'text');
      if (t !== undefined && t !== null) checkText(err, f, t, `${f.id}.text`, max);
      return;
    }
    case 'amount_eur': {
      if (v === NOT_APPLICABLE) break;
      if (!isPlainObject(v)) return typeError(err, f, 'object');
      checkKeys(err, f, v, ['answer', 'amountCents'], f.id);
      const a = own(v, 'answer');
      if (!isBlank(a) && !isYesNo(a)) typeError(err, f, 'yesno', `${f.id}.answer`);
      const c = own(v, 'amountCents');
      if (c !== undefined && c !== null && !(typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= MAX_AMOUNT_CENTS)) {
        err(
          'format',
          f,
          'invalid_amount',
          'Het bedrag moet een geheel aantal eurocenten zijn, tussen 0 en € 100.000.',
          'The amount must be a whole number of euro cents, between 0 and € 100,000.',
          { path: `${f.id}.amountCents` },
        );
      }
      return;
    }
    case 'declaration': {
      if (v === NOT_APPLICABLE) break;
      if (!isPlainObject(v)) return typeError(err, f, 'object');
      checkKeys(err, f, v, ['name', 'agreed'], f.id);
      const n = own(v, 'name');
      if (n !== undefined && n !== null) checkText(err, f, n, `${f.id}.name`, max);
      const ag = own(v, 'agreed');
      if (ag !== undefined && ag !== null && typeof ag !== 'boolean') typeError(err, f, 'boolean', `${f.id}.agreed`);
      return;
    }
    case 'date_or_period': {
      if (v === NOT_APPLICABLE) break;
      if (!isPlainObject(v)) return typeError(err, f, 'object');
      checkKeys(err, f, v, ['date', 'period'], f.id);
      const d = own(v, 'date');
      const p = own(v, 'period');
      if (!isBlank(d) && !isBlank(p)) {
        err('format', f, 'invalid_type', 'Geef een datum óf een periode, niet allebei.', 'Give a date or a period, not both.');
      }
      if (!isBlank(d)) checkDate(err, f, d, `${f.id}.date`);
      if (p !== undefined && p !== null) checkText(err, f, p, `${f.id}.period`, max);
      return;
    }
    case 'checklist': {
      if (v === NOT_APPLICABLE) break;
      if (!isPlainObject(v)) return typeError(err, f, 'object');
      const items = (f.items ?? []).map((i) => i.id);
      checkKeys(err, f, v, items, f.id);
      for (const id of items) {
        const a = own(v, id);
        if (!isBlank(a) && !isYesNo(a)) typeError(err, f, 'yesno', `${f.id}.${id}`);
      }
      return;
    }
    case 'goals':
    case 'goal_status_rows': {
      if (v === NOT_APPLICABLE) break;
      if (!Array.isArray(v)) return typeError(err, f, 'list');
      if (v.length > MAX_ROWS) {
        err('format', f, 'too_many_rows', `Maximaal ${MAX_ROWS} regels.`, `At most ${MAX_ROWS} rows.`);
        return;
      }
      v.forEach((row, i) => checkRowFormat(f, row, `${f.id}[${i}]`, err, max));
      return;
    }
  }
  // 'n.v.t.' on a field that does not allow it.
  err('format', f, 'not_applicable_not_allowed', '"n.v.t." is hier geen toegestaan antwoord.', '"n.v.t." (not applicable) is not an allowed answer here.');
}

function checkRowFormat(f: FieldDefinition, row: unknown, path: string, err: Err, max: number): void {
  if (!isPlainObject(row)) return typeError(err, f, 'object', path);
  const optText = (k: string) => {
    const x = own(row, k);
    if (x !== undefined && x !== null) checkText(err, f, x, `${path}.${k}`, max);
  };
  const goalId = own(row, 'goalId');
  if (goalId !== undefined && goalId !== null) checkText(err, f, goalId, `${path}.goalId`, 100);
  if (f.type === 'goals') {
    checkKeys(err, f, row, ['goalId', 'domain', 'text', 'linkedToUrgency', ...(f.withResults ? ['intendedResult', 'targetDate'] : [])], path);
    const d = own(row, 'domain');
    const allowed: ReadonlyArray<string> = f.domains ?? GOAL_DOMAINS;
    if (d !== undefined && d !== null && (typeof d !== 'string' || !allowed.includes(d))) {
      err('format', f, 'invalid_option', `"${show(d)}" is geen toegestaan onderwerp.`, `"${show(d)}" is not an allowed topic.`, { path: `${path}.domain` });
    }
    optText('text');
    const l = own(row, 'linkedToUrgency');
    if (l !== undefined && l !== null && typeof l !== 'boolean') typeError(err, f, 'boolean', `${path}.linkedToUrgency`);
    optText('intendedResult');
    const td = own(row, 'targetDate');
    if (!isBlank(td)) checkDate(err, f, td, `${path}.targetDate`);
  } else {
    checkKeys(err, f, row, ['goalId', 'goal', 'status', 'achieved', ...(f.withSource ? ['source'] : [])], path);
    optText('goal');
    optText('status');
    optText('source');
    const a = own(row, 'achieved');
    if (!isBlank(a) && !isYesNo(a)) typeError(err, f, 'yesno', `${path}.achieved`);
  }
}

/** Whether a present value is a full answer (for progress). */
function isAnswered(f: FieldDefinition, v: unknown): boolean {
  if (v === NOT_APPLICABLE && f.notApplicableAllowed) return true;
  switch (f.type) {
    case 'text':
    case 'longtext':
      return filled(v);
    case 'email':
      return filled(v) && EMAIL.test(v.trim());
    case 'phone':
      return filled(v) && PHONE_CHARS.test(v.trim());
    case 'date':
      return typeof v === 'string' && isValidIsoDate(v);
    case 'yesno':
      return isYesNo(v);
    case 'select':
      return typeof v === 'string' && (f.options ?? []).some((o) => o.value === v);
    case 'yesno_text':
      return isPlainObject(v) && isYesNo(own(v, 'answer'));
    case 'amount_eur': {
      if (!isPlainObject(v)) return false;
      const a = own(v, 'answer');
      const c = own(v, 'amountCents');
      return a === 'no' ? isBlank(c) : a === 'yes' && typeof c === 'number' && Number.isInteger(c) && c > 0;
    }
    case 'declaration':
      return isPlainObject(v) && filled(own(v, 'name')) && own(v, 'agreed') === true;
    case 'date_or_period': {
      if (!isPlainObject(v)) return false;
      const d = own(v, 'date');
      const p = own(v, 'period');
      return (typeof d === 'string' && isValidIsoDate(d) && isBlank(p)) || (filled(p) && isBlank(d));
    }
    case 'checklist':
      return isPlainObject(v) && (f.items ?? []).every((i) => isYesNo(own(v, i.id)));
    case 'goals':
    case 'goal_status_rows':
      return Array.isArray(v) && v.length > 0 && v.every((r) => rowMissing(f, r).length === 0);
  }
}

/** The parts of a row still missing on submit. */
function rowMissing(f: FieldDefinition, row: unknown): string[] {
  if (!isPlainObject(row)) return ['row'];
  const missing: string[] = [];
  if (f.type === 'goals') {
    if (!filled(own(row, 'text'))) missing.push('text');
    // R-OR-14: every goal carries the urgency flag.
    if (typeof own(row, 'linkedToUrgency') !== 'boolean') missing.push('linkedToUrgency');
    const d = own(row, 'domain');
    if (isBlank(d) && (f.domains?.length ?? 0) !== 1) missing.push('domain');
    if (f.withResults && !filled(own(row, 'intendedResult'))) missing.push('intendedResult');
  } else {
    if (!filled(own(row, 'goal'))) missing.push('goal');
    if (!filled(own(row, 'status'))) missing.push('status');
    if (!isYesNo(own(row, 'achieved'))) missing.push('achieved');
    if (f.withSource && !filled(own(row, 'source'))) missing.push('source');
  }
  return missing;
}

const PART_NAMES: Record<string, { nl: string; en: string }> = {
  text: { nl: 'de omschrijving van het doel', en: 'the description of the goal' },
  linkedToUrgency: { nl: 'of het doel gekoppeld is aan de urgentie onder voorwaarden', en: 'whether the goal is linked to the conditional urgency' },
  domain: { nl: 'het onderwerp', en: 'the topic' },
  intendedResult: { nl: 'het beoogde resultaat', en: 'the intended result' },
  goal: { nl: 'het doel', en: 'the goal' },
  status: { nl: 'de stand van zaken', en: 'the status' },
  achieved: { nl: 'of het doel behaald is', en: 'whether the goal is met' },
  source: { nl: 'de bron van de onderbouwing', en: 'the source of substantiation' },
  row: { nl: 'de regel', en: 'the row' },
};

/** Completeness checks of a present, shown value (submit). */
function checkCompleteness(f: FieldDefinition, v: unknown, err: Err): void {
  if (v === NOT_APPLICABLE && f.notApplicableAllowed) return;
  const rule = f.rule ? { rule: f.rule } : {};
  switch (f.type) {
    case 'yesno_text':
      if (isPlainObject(v) && !isYesNo(own(v, 'answer'))) err('completeness', f, 'required', 'Kies "ja" of "nee".', 'Choose "yes" or "no".', { ...rule, path: `${f.id}.answer` });
      return;
    case 'amount_eur': {
      if (!isPlainObject(v)) return;
      const a = own(v, 'answer');
      const c = own(v, 'amountCents');
      if (!isYesNo(a)) err('completeness', f, 'required', 'Kies "ja" of "nee".', 'Choose "yes" or "no".', { ...rule, path: `${f.id}.answer` });
      else if (a === 'yes' && !(typeof c === 'number' && c > 0)) {
        err('completeness', f, 'amount_required', 'Vul het bedrag van de borg in.', 'Enter the amount of the deposit.', { ...rule, path: `${f.id}.amountCents` });
      } else if (a === 'no' && !isBlank(c)) {
        err('completeness', f, 'amount_not_expected', 'Er is geen borg verschuldigd; laat het bedrag leeg.', 'No deposit is due; leave the amount empty.', { ...rule, path: `${f.id}.amountCents` });
      }
      return;
    }
    case 'declaration':
      if (!isPlainObject(v)) return;
      if (!filled(own(v, 'name'))) err('completeness', f, 'required', 'Vul de naam in.', 'Enter the name.', { ...rule, path: `${f.id}.name` });
      if (own(v, 'agreed') !== true) {
        err('completeness', f, 'declaration_not_agreed', 'De verklaring is nog niet bevestigd.', 'The declaration has not been confirmed.', { ...rule, path: `${f.id}.agreed` });
      }
      return;
    case 'date_or_period':
      if (isPlainObject(v) && isBlank(own(v, 'date')) && isBlank(own(v, 'period'))) {
        err('completeness', f, 'required', 'Geef een datum of een periode.', 'Give a date or a period.', rule);
      }
      return;
    case 'checklist':
      if (!isPlainObject(v)) return;
      for (const item of f.items ?? []) {
        if (!isYesNo(own(v, item.id))) {
          err('completeness', f, 'checklist_incomplete', `Geef aan of "${item.label.nl}" besproken is.`, `State whether "${item.label.en}" was discussed.`, {
            ...rule,
            path: `${f.id}.${item.id}`,
          });
        }
      }
      return;
    case 'goals':
    case 'goal_status_rows':
      if (!Array.isArray(v) || v.length > MAX_ROWS) return;
      if (v.length === 0 && f.required) {
        err('completeness', f, 'required', 'Voeg ten minste één doel toe.', 'Add at least one goal.', rule);
      }
      v.forEach((row, i) => {
        for (const part of rowMissing(f, row)) {
          const p = PART_NAMES[part]!;
          const r = part === 'linkedToUrgency' ? { rule: 'R-OR-14' } : rule;
          err('completeness', f, 'row_incomplete', `Regel ${i + 1}: vul ${p.nl} in.`, `Row ${i + 1}: fill in ${p.en}.`, {
            ...r,
            path: part === 'row' ? `${f.id}[${i}]` : `${f.id}[${i}].${part}`,
          });
        }
      });
      return;
    default:
      return;
  }
}

function runCheck(
  def: FormDefinition,
  c: CrossCheck,
  data: FormData,
  index: ReadonlyMap<string, FieldDefinition>,
  visible: ReadonlyMap<string, boolean>,
  context: ValidationContext,
  found: Found[],
): void {
  const push = (fieldId: string, code: string, nl: string, en: string, rule?: string): void => {
    found.push({ kind: 'completeness', field: fieldId, code, nl: `${fieldId}: ${nl}`, en: `${fieldId}: ${en}`, check: c.id, ...(rule ? { rule } : {}) });
  };
  switch (c.kind) {
    case 'date_order': {
      const a = own(data, c.earlier);
      const b = own(data, c.later);
      if (!visible.get(c.earlier) || !visible.get(c.later)) return;
      if (typeof a !== 'string' || typeof b !== 'string' || !isValidIsoDate(a) || !isValidIsoDate(b)) return;
      if (a > b) {
        const fa = index.get(c.earlier)!;
        const fb = index.get(c.later)!;
        push(
          c.later,
          'date_order',
          `“${fb.label.nl}” (${b}) ligt vóór “${fa.label.nl}” (${a}) (${c.earlier}).`,
          `“${fb.label.en}” (${b}) is before “${fa.label.en}” (${a}) (${c.earlier}).`,
          c.rule,
        );
      }
      return;
    }
    case 'requires_value': {
      if (!conditionHolds(def, data, c.when) || !visible.get(c.field)) return;
      const v = own(data, c.field);
      // An unanswered field already has its 'required' error.
      if (isBlank(v) || v === c.equals) return;
      push(c.field, c.code, c.message.nl, c.message.en, c.rule);
      return;
    }
    case 'forbid_value': {
      if (!visible.get(c.field)) return;
      if (own(data, c.field) === c.value) push(c.field, c.code, c.message.nl, c.message.en, c.rule);
      return;
    }
    case 'all_rows_achieved': {
      if (!conditionHolds(def, data, c.when) || !visible.get(c.field)) return;
      const rows = own(data, c.field);
      if (!Array.isArray(rows)) return;
      const open = rows.filter((r) => isPlainObject(r) && own(r, 'achieved') === 'no');
      if (open.length > 0) {
        const names = open.map((r) => show(own(r as Record<string, unknown>, 'goal') ?? '')).join('; ');
        push(c.field, c.code, `${c.message.nl} Niet behaald: ${names}.`, `${c.message.en} Not met: ${names}.`, c.rule);
      }
      return;
    }
    case 'urgency_goals_achieved': {
      if (!conditionHolds(def, data, c.when) || !visible.get(c.field)) return;
      const goals = Array.isArray(context.urgencyGoals) ? context.urgencyGoals : [];
      const open = goals.filter((g) => g && g.linkedToUrgency === true && g.achieved !== true);
      if (open.length > 0) {
        const names = open.map((g) => show(g.text)).join('; ');
        push(c.field, c.code, `${c.message.nl} Niet behaald: ${names}.`, `${c.message.en} Not met: ${names}.`, c.rule);
      }
      return;
    }
  }
}
