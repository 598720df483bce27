/**
 * "Stap vastleggen" is generated from the domain's state-machine table (TRANSITIONS): which
 * event types the user may record now (phase `from`, `actors`) and, per type, the fields of its
 * data schema (TypeBox = JSON Schema). No form is written per event type. The server still
 * decides; this only offers what can succeed and turns input into the data the schema wants.
 */
import { TRANSITIONS, type Transition } from '../../../domain/trajectories/transitions.ts';
import { EVENT_TYPES, GOAL_DOMAINS, type ActorKind, type EventType } from '../../../domain/trajectories/model.ts';
import { STEPS_WITH_OWN_PLACE } from '../../../domain/trajectories/availability.ts';

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: ReadonlyArray<string>;
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export type FieldKind =
  | 'date'
  | 'text'
  | 'longtext'
  | 'boolean'
  /** A boolean that must be true (Literal(true)): a declaration. */
  | 'confirm'
  /** Yes / no / unknown (boolean or null). */
  | 'triState'
  | 'enum'
  | 'integer'
  | 'number'
  /** An array of free texts: one per line. */
  | 'lines'
  /** An array of enum values: checkboxes. */
  | 'enumSet'
  | 'goals'
  /** References chosen from what the case has. */
  | 'consentRef'
  | 'formRef'
  | 'goalRef'
  /** A municipality of the trajectory's region (the referring one or the dwelling's). */
  | 'municipalityRef';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  options?: ReadonlyArray<string>;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  /** Strings: an empty answer is allowed when the schema has no minLength (e.g. "facilities"). */
  minLength?: number;
  minItems?: number;
}

/** Event types never offered in "Stap vastleggen": they have their own place in the UI (the domain's list). */
export const OWN_PLACE: ReadonlySet<EventType> = STEPS_WITH_OWN_PLACE;

/** Which form kind a `formId` of an event refers to. */
export const FORM_OF_EVENT: Partial<Record<EventType, 'F-1' | 'F-2' | 'F-3' | 'F-4'>> = {
  supplement_signed: 'F-1',
  housing_evaluation_held: 'F-2',
  nomination_filled: 'F-3',
  support_plan_completed: 'F-4',
};

function kindOf(name: string, s: JsonSchema): FieldKind | null {
  if (name === 'consentId') return 'consentRef';
  if (name === 'formId') return 'formRef';
  if (name === 'goalId') return 'goalRef';
  if (name === 'municipalityId' || name === 'dwellingMunicipalityId') return 'municipalityRef';
  if (s.anyOf) {
    const types = s.anyOf.map((x) => x.type);
    if (types.includes('boolean') && types.includes('null')) return 'triState';
    return null;
  }
  if (s.enum) return 'enum';
  switch (s.type) {
    case 'string':
      if (s.format === 'date') return 'date';
      return (s.maxLength ?? 0) > 300 ? 'longtext' : 'text';
    case 'boolean':
      return s.const === true ? 'confirm' : 'boolean';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'array': {
      const it = s.items ?? {};
      if (it.enum) return 'enumSet';
      if (it.type === 'string') return 'lines';
      if (it.type === 'object' && it.properties?.domain && it.properties?.text) return 'goals';
      return null;
    }
    default:
      return null;
  }
}

/** The fields of an event's data schema, in schema order. Unknown shapes are left out (and the unit test fails on them). */
export function fieldsOf(schema: JsonSchema): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, s]) => {
    const kind = kindOf(name, s);
    if (!kind) return [];
    return [{
      name,
      kind,
      required: required.has(name),
      ...(s.enum ? { options: s.enum } : {}),
      ...(s.items?.enum ? { options: s.items.enum } : {}),
      ...(s.minimum !== undefined ? { minimum: s.minimum } : {}),
      ...(s.maximum !== undefined ? { maximum: s.maximum } : {}),
      ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
      ...(s.minLength !== undefined ? { minLength: s.minLength } : {}),
      ...(s.minItems !== undefined ? { minItems: s.minItems } : {}),
    } satisfies FieldSpec];
  });
}

export function transitionOf(type: EventType): Transition {
  return TRANSITIONS[type];
}

export function specsOf(type: EventType): FieldSpec[] {
  return fieldsOf(TRANSITIONS[type].data as unknown as JsonSchema);
}

/** Leaves out the municipality fields the user may not record (the policy's field-level writability). */
export function onlyWritable(specs: FieldSpec[], writableMunicipalities: ReadonlyArray<string>): FieldSpec[] {
  return specs.filter((f) => f.kind !== 'municipalityRef' || writableMunicipalities.includes(f.name));
}

/** Event types this user may try to record now: the phase is in `from` and an actor matches kind and role. */
export function availableTypes(opts: { phase: string; status: 'active' | 'closed'; actorKind: ActorKind | null; role: string | null }): EventType[] {
  const { phase, status, actorKind, role } = opts;
  if (!actorKind || !role) return [];
  return EVENT_TYPES.filter((type) => {
    if (OWN_PLACE.has(type)) return false;
    const tr = TRANSITIONS[type];
    const phaseOk = tr.from === 'closed' ? status === 'closed' : status === 'active' && (tr.from === 'active' || (tr.from as ReadonlyArray<string>).includes(phase));
    return phaseOk && tr.actors.some((a) => a.kind === actorKind && (a.roles as ReadonlyArray<string>).includes(role));
  });
}

/** Whether a type belongs to this phase (rather than being possible at any time). */
export function isPhaseStep(type: EventType): boolean {
  return Array.isArray(TRANSITIONS[type].from);
}

// ─── What the server says can be recorded (GET /trajectories/:id/steps) ──────

export interface StepItem {
  type: EventType;
  label: { nl: string; en: string };
  phaseStep: boolean;
  legalEffect: boolean;
}
export interface MissingView {
  code: string;
  nl: string;
  en: string;
  ruleId: string | null;
}
export interface StepsView {
  suggested: StepItem[];
  available: StepItem[];
  unavailable: Array<StepItem & { missing: MissingView[] }>;
}

/**
 * The step selector's options: the suggested step(s) first, then the other steps of this phase,
 * then those possible at any time — each step once, in the order given.
 */
export function groupedStepOptions(
  types: ReadonlyArray<EventType>,
  suggested: ReadonlyArray<EventType>,
  phaseStep: (t: EventType) => boolean,
  groups: { suggested: string; phase: string; anyTime: string },
): Array<{ value: EventType; group: string }> {
  const first = suggested.filter((x) => types.includes(x));
  const rest = types.filter((x) => !first.includes(x));
  return [
    ...first.map((value) => ({ value, group: groups.suggested })),
    ...rest.filter(phaseStep).map((value) => ({ value, group: groups.phase })),
    ...rest.filter((x) => !phaseStep(x)).map((value) => ({ value, group: groups.anyTime })),
  ];
}

/**
 * The steps "Nog niet mogelijk" lists: those possible in this phase that wait for something.
 * Steps that only wait for a later phase are left out (they come in time).
 */
export function notYetListed(view: StepsView, phaseCodes: ReadonlySet<string>): StepsView['unavailable'] {
  return view.unavailable.filter((x) => x.missing.length > 0 && !x.missing.some((m) => phaseCodes.has(m.code)));
}

// ─── Values ──────────────────────────────────────────────────────────────────

export interface GoalValue {
  id: string;
  domain: string;
  text: string;
  linkedToUrgency: boolean;
}

export type FieldValue = string | boolean | string[] | GoalValue[];
export type Values = Record<string, FieldValue>;

export function emptyValue(f: FieldSpec): FieldValue {
  switch (f.kind) {
    case 'boolean':
    case 'confirm':
      return false;
    case 'enumSet':
      return [];
    case 'goals':
      return [];
    default:
      return '';
  }
}

export function initialValues(specs: FieldSpec[], data: Record<string, unknown> = {}): Values {
  const out: Values = {};
  for (const f of specs) {
    const v = data[f.name];
    if (v === undefined) {
      out[f.name] = emptyValue(f);
      continue;
    }
    switch (f.kind) {
      case 'boolean':
      case 'confirm':
        out[f.name] = v === true;
        break;
      case 'triState':
        out[f.name] = v === true ? 'yes' : v === false ? 'no' : v === null ? 'unknown' : '';
        break;
      case 'lines':
        out[f.name] = Array.isArray(v) ? v.map(String).join('\n') : '';
        break;
      case 'enumSet':
        out[f.name] = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'goals':
        out[f.name] = Array.isArray(v) ? (v as GoalValue[]).map((g) => ({ id: String(g.id), domain: String(g.domain), text: String(g.text), linkedToUrgency: g.linkedToUrgency === true })) : [];
        break;
      default:
        out[f.name] = v === null ? '' : String(v);
    }
  }
  return out;
}

/** The event data for the API: empty optional fields left out, numbers as numbers, lines as arrays. */
export function toData(specs: FieldSpec[], values: Values): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of specs) {
    const v = values[f.name];
    switch (f.kind) {
      case 'boolean':
      case 'confirm':
        data[f.name] = v === true;
        break;
      case 'triState':
        if (v === 'yes') data[f.name] = true;
        else if (v === 'no') data[f.name] = false;
        else if (v === 'unknown') data[f.name] = null;
        break;
      case 'integer':
      case 'number': {
        const s = String(v ?? '').trim().replace(',', '.');
        if (s !== '') data[f.name] = Number(s);
        break;
      }
      case 'lines': {
        const list = String(v ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
        if (list.length || f.required) data[f.name] = list;
        break;
      }
      case 'enumSet':
        if ((v as string[]).length || f.required) data[f.name] = v;
        break;
      case 'goals':
        data[f.name] = (v as GoalValue[]).map((g) => ({ id: g.id, domain: g.domain, text: g.text.trim(), linkedToUrgency: g.linkedToUrgency }));
        break;
      default: {
        const s = String(v ?? '').trim();
        if (s !== '' || (f.required && (f.kind === 'text' || f.kind === 'longtext'))) data[f.name] = s;
      }
    }
  }
  return data;
}

export type LocalProblem = 'required' | 'mustConfirm' | 'notANumber' | 'outOfRange' | 'tooFew' | 'goalText';

/** Checks before sending (the server checks everything again, with the rules). */
export function localProblems(specs: FieldSpec[], values: Values): Record<string, { problem: LocalProblem; params?: Record<string, unknown> }> {
  const out: Record<string, { problem: LocalProblem; params?: Record<string, unknown> }> = {};
  for (const f of specs) {
    const v = values[f.name];
    if (f.kind === 'confirm' && v !== true) out[f.name] = { problem: 'mustConfirm' };
    else if ((f.kind === 'integer' || f.kind === 'number') && String(v ?? '').trim() !== '') {
      const n = Number(String(v).trim().replace(',', '.'));
      if (!Number.isFinite(n) || (f.kind === 'integer' && !Number.isInteger(n))) out[f.name] = { problem: 'notANumber' };
      else if ((f.minimum !== undefined && n < f.minimum) || (f.maximum !== undefined && n > f.maximum)) out[f.name] = { problem: 'outOfRange', params: { min: f.minimum, max: f.maximum } };
    } else if (f.kind === 'enumSet' && f.minItems && (v as string[]).length < f.minItems) out[f.name] = { problem: 'tooFew', params: { count: f.minItems } };
    else if (f.kind === 'lines' && f.minItems && String(v ?? '').split('\n').filter((x) => x.trim()).length < f.minItems) out[f.name] = { problem: 'tooFew', params: { count: f.minItems } };
    else if (f.kind === 'goals') {
      const goals = v as GoalValue[];
      if (f.minItems && goals.length < f.minItems) out[f.name] = { problem: 'tooFew', params: { count: f.minItems } };
      else if (goals.some((g) => !g.text.trim())) out[f.name] = { problem: 'goalText' };
    } else if (f.required && !((f.kind === 'text' || f.kind === 'longtext') && !f.minLength) && ['text', 'longtext', 'date', 'enum', 'integer', 'number', 'consentRef', 'formRef', 'goalRef', 'municipalityRef'].includes(f.kind) && String(v ?? '').trim() === '') {
      out[f.name] = { problem: 'required' };
    }
  }
  return out;
}

/** A new goal row with a fresh, stable id. */
export function newGoal(existing: ReadonlyArray<{ id: string }>, domain: string = GOAL_DOMAINS[0]): GoalValue {
  let n = existing.length + 1;
  const ids = new Set(existing.map((g) => g.id));
  while (ids.has(`doel-${n}`)) n++;
  return { id: `doel-${n}`, domain, text: '', linkedToUrgency: false };
}

/** Every field name used in the data schemas (for the translation completeness test). */
export function allFieldNames(): string[] {
  return [...new Set(EVENT_TYPES.flatMap((t) => specsOf(t).map((f) => f.name)))];
}

/** Every enum value offered in the data schemas (goal domains have their own labels). */
export function allEnumValues(): string[] {
  return [...new Set(EVENT_TYPES.flatMap((t) => specsOf(t).flatMap((f) => (f.kind === 'enum' || f.kind === 'enumSet' ? [...(f.options ?? [])] : []))))];
}
