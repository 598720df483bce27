/**
 * Small building blocks shared by the case pages: the field types forms.tsx does not have
 * (date, radio group, checkbox group), labels for phases and roles, what the user may do on a
 * case (asked of the shared policy), and refusals (422) turned into per-field errors that name
 * their rule (R-…).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, DateInput, ErrorMessage, Field, FieldSet, Label, Paragraph, Radio } from '@amsterdam/design-system-react';
import type { Action, CaseRef } from '../../../domain/policy/index.ts';
import type { ActorKind } from '../../../domain/trajectories/model.ts';
import { ApiError } from '../../api/client.ts';
import type { Lang, Trajectory, Viewer } from '../../api/types.ts';
import { inputId, type FieldErrors, type Msg } from '../../components/forms.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { formatDate } from '../../lib/format.ts';
import './trajectories.css';

// ─── Fields ──────────────────────────────────────────────────────────────────

interface FrameProps {
  form: string;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  error?: Msg;
  className?: string;
}

function ids(form: string, name: string, hint?: string, error?: Msg) {
  const id = inputId(form, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Hint({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <Paragraph id={id} size="small" className="tr-hint">
      {children}
    </Paragraph>
  );
}

function FieldError({ id, error }: { id?: string; error?: Msg }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!error) return null;
  return (
    <ErrorMessage id={id} prefix={t('form.errorPrefix')}>
      {error[lang]}
    </ErrorMessage>
  );
}

/** A calendar date (YYYY-MM-DD) with the browser's date picker. */
export function DateField({ form, name, label, hint, optional, error, value, onChange, disabled, max, className }: FrameProps & {
  value: string;
  onChange: (v: string) => void;
  disabled?: boolean;
  max?: string;
}) {
  const { t } = useTranslation();
  const i = ids(form, name, hint, error);
  return (
    <Field invalid={!!error} className={className}>
      <Label htmlFor={i.id} hint={optional ? t('form.optional') : undefined}>
        {label}
      </Label>
      <Hint id={i.hintId}>{hint}</Hint>
      <FieldError id={i.errorId} error={error} />
      <DateInput
        id={i.id}
        name={name}
        value={value}
        max={max}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        disabled={disabled}
        aria-describedby={i.describedBy}
        aria-required={!optional && !disabled ? true : undefined}
        className="tr-date-input"
      />
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** One choice of a few (yes/no, an enum): radio buttons in a field set. */
export function RadioGroupField({ form, name, label, hint, optional, error, value, onChange, choices, inline = true, inFieldSet }: FrameProps & {
  value: string;
  onChange: (v: string) => void;
  choices: Choice[];
  inline?: boolean;
  inFieldSet?: boolean;
}) {
  const { t } = useTranslation();
  const i = ids(form, name, hint, error);
  return (
    <FieldSet
      legend={label}
      hint={hint ?? (optional ? t('form.optional') : undefined)}
      invalid={!!error}
      aria-describedby={i.describedBy}
      inFieldSet={inFieldSet}
      role="radiogroup"
      aria-required={!optional ? true : undefined}
    >
      <FieldError id={i.errorId} error={error} />
      <div className={inline ? 'tr-choices tr-choices--inline' : 'tr-choices'}>
        {choices.map((c, n) => (
          <Radio
            key={c.value}
            id={n === 0 ? i.id : `${i.id}--${c.value}`}
            name={`${form}-${name}`}
            value={c.value}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            invalid={!!error}
          >
            {c.label}
          </Radio>
        ))}
      </div>
    </FieldSet>
  );
}

/** Several choices: checkboxes in a field set. */
export function CheckboxGroupField({ form, name, label, hint, optional, error, values, onChange, choices }: FrameProps & {
  values: string[];
  onChange: (v: string[]) => void;
  choices: Choice[];
}) {
  const { t } = useTranslation();
  const i = ids(form, name, hint, error);
  return (
    <FieldSet legend={label} hint={hint ?? (optional ? t('form.optional') : undefined)} invalid={!!error} aria-describedby={i.describedBy}>
      <FieldError id={i.errorId} error={error} />
      <div className="tr-choices">
        {choices.map((c, n) => (
          <Checkbox
            key={c.value}
            id={n === 0 ? i.id : `${i.id}--${c.value}`}
            name={`${form}-${name}`}
            value={c.value}
            checked={values.includes(c.value)}
            invalid={!!error}
            onChange={(e) => onChange(e.target.checked ? [...values.filter((v) => v !== c.value), c.value] : values.filter((v) => v !== c.value))}
          >
            {c.label}
          </Checkbox>
        ))}
      </div>
    </FieldSet>
  );
}

/** A single yes-checkbox with an error slot (a boolean that may have to be true). */
export function CheckField({ form, name, label, error, checked, onChange, disabled }: { form: string; name: string; label: string; error?: Msg; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  const i = ids(form, name, undefined, error);
  return (
    <Field invalid={!!error}>
      <FieldError id={i.errorId} error={error} />
      <Checkbox id={i.id} name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} invalid={!!error} disabled={disabled} aria-describedby={i.describedBy}>
        {label}
      </Checkbox>
    </Field>
  );
}

// ─── Labels ──────────────────────────────────────────────────────────────────

export function usePhaseLabel() {
  const { t } = useTranslation();
  return (phase: string) => t(`phases.${phase}`, { defaultValue: phase });
}

/** "P3 · De juiste match" */
export function usePhaseName() {
  const label = usePhaseLabel();
  return (phase: string) => `${phase.slice(0, 2)} · ${label(phase)}`;
}

export function useDate() {
  const lang = useLang();
  return (iso: string | null | undefined) => formatDate(iso, lang);
}

/** Today in Amsterdam, YYYY-MM-DD (the server's clock decides what counts; this is only a default). */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const text = (v: { nl: string; en: string } | undefined | null, lang: Lang) => (v ? v[lang] : '');

// ─── What the user may do on this case ───────────────────────────────────────

export interface CaseAbilities {
  can(action: Action): boolean;
  /** The actor kind the user records steps as (from the API's view of the case). */
  actorKind: ActorKind | null;
  role: string | null;
  viewer: Viewer;
  active: boolean;
}

/**
 * The case as the policy sees it, from the trajectory view: its organisations, team and municipalities
 * (the recorded ones, else the region's until one is recorded — the API's rule).
 */
export function caseRefOfView(t: Trajectory): CaseRef {
  const recorded = [t.referringMunicipality?.id, t.dwellingMunicipality?.id].filter((m): m is string => !!m);
  return {
    careProviderId: t.careProvider.id, corporationId: t.corporation?.id ?? null, teamUserIds: t.team.map((m) => m.userId),
    municipalityIds: recorded.length ? recorded : (t.municipalityOptions ?? []).map((m) => m.id),
  };
}

export function useCaseAbilities(t: Trajectory | null): CaseAbilities {
  const { session, activeMembership } = useSession();
  const viewer = t?.viewer ?? 'care_provider';
  const actorKind: ActorKind | null = !t ? null : viewer === 'care_provider' ? 'care_provider' : viewer === 'corporation' ? 'corporation' : viewer === 'wonen' ? 'wonen' : viewer === 'nuisance_hub' ? 'nuisance_hub' : null;
  return {
    can: (action) =>
      !!t &&
      can(session, action, {
        organisationIds: [t.careProvider.id],
        case: caseRefOfView(t),
      }),
    actorKind,
    role: activeMembership?.role ?? null,
    viewer,
    active: t?.status === 'active',
  };
}

// ─── Refusals ────────────────────────────────────────────────────────────────

export interface Violation {
  field: string;
  code: string;
  rule: string | null;
  nl: string;
  en: string;
}

/**
 * The violations of a 422 (or 400) problem, each with its rule: the API sends `errors[]`
 * (field pointer and both messages) and, for refused steps, `violations[]` (code and rule) in
 * the same order; form refusals carry `formErrors[]` with the rule per field.
 */
export function violationsOf(err: unknown): Violation[] {
  if (!(err instanceof ApiError)) return [];
  const p = err.problem as ApiError['problem'] & { violations?: Array<{ code: string; rule: string | null }>; formErrors?: Array<{ field: string; code: string; rule?: string }> };
  const out: Violation[] = [];
  (p.errors ?? []).forEach((e, n) => {
    const rule = p.violations?.[n]?.rule ?? p.formErrors?.[n]?.rule ?? null;
    out.push({ field: e.field, code: e.code, rule, nl: e.messageNl ?? e.message, en: e.messageEn ?? e.message });
  });
  return out;
}

/** The violations as form errors: one message per field (joined), each with its rule ID. */
export function violationErrors(list: Violation[], fieldFor: (pointer: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const v of list) {
    const name = fieldFor(v.field);
    const nl = v.rule ? `${v.nl} (${v.rule})` : v.nl;
    const en = v.rule ? `${v.en} (${v.rule})` : v.en;
    const prev = out[name];
    out[name] = prev ? { nl: `${prev.nl} ${nl}`, en: `${prev.en} ${en}` } : { nl, en };
  }
  return out;
}

/** A status in words, never in colour only. */
export function StatusText({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'info' | 'muted'; children: ReactNode }) {
  return <span className={`tr-status tr-status--${tone}`}>{children}</span>;
}

export function dateOrDash(date: (iso: string | null | undefined) => string, iso: string | null | undefined) {
  return iso ? date(iso) : '—';
}
