/**
 * Form building blocks on ADS components: labelled fields with hint and error message
 * (aria-describedby), an error summary that takes focus, and the mapping from the
 * API's per-field problems to the fields.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import {
  Checkbox,
  ErrorMessage,
  Field,
  InvalidFormAlert,
  Label,
  Paragraph,
  PasswordInput,
  Select,
  TextArea,
  TextInput,
} from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { Lang } from '../api/types.ts';
import { i18n } from '../i18n/index.ts';
import { useLang } from '../i18n/useLang.ts';

/** A message in both UI languages, so a language switch re-renders errors correctly. */
export type Msg = Record<Lang, string>;

/**
 * A message from the translation files, in both languages. Only the UI language's texts are
 * loaded (the other arrives on switching), so each language is looked up when it is read.
 */
export function msg(key: string, params?: Record<string, unknown>): Msg {
  return {
    get nl() { return i18n.getFixedT('nl')(key, params ?? {}); },
    get en() { return i18n.getFixedT('en')(key, params ?? {}); },
  };
}

export type FieldErrors = Record<string, Msg>;

/**
 * Per-field errors from a problem: `errors[].field` is a JSON pointer ("/email",
 * "/membership/role"); `fieldFor` maps it to the form's field name (null: not a field of this form).
 * A 409 duplicate names its field in `field`.
 */
export function fieldErrorsFromProblem(err: unknown, fieldFor: (pointer: string) => string | null = defaultFieldFor): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const e of err.problem.errors ?? []) {
    const name = fieldFor(e.field);
    if (name && !out[name]) out[name] = { nl: e.messageNl ?? e.message, en: e.messageEn ?? e.message };
  }
  if (err.problem.field && err.problem.messages) {
    const name = fieldFor(`/${err.problem.field}`);
    if (name && !out[name]) out[name] = { nl: err.problem.messages.nl.detail, en: err.problem.messages.en.detail };
  }
  return out;
}

function defaultFieldFor(pointer: string): string | null {
  const parts = pointer.split('/').filter(Boolean);
  return parts.length ? parts[parts.length - 1]! : null;
}

/** Id of the input for a field name; error summary links point here. */
export const inputId = (form: string, field: string) => `${form}-${field}`;

interface BaseFieldProps {
  form: string;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  error?: Msg;
  /** The hidden prefix read before the error ("Invoerfout"); '' for none, e.g. when the message says "Nog niet mogelijk: …" itself. */
  errorPrefix?: string;
  className?: string;
}

function useFieldIds(form: string, name: string, hint?: string, error?: Msg) {
  const id = inputId(form, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldFrame({ id, label, hint, hintId, error, errorId, errorPrefix, optional, children, className }: {
  id: string;
  label: string;
  hint?: string;
  hintId?: string;
  error?: Msg;
  errorId?: string;
  errorPrefix?: string;
  optional?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Field invalid={!!error} className={className}>
      <Label htmlFor={id} hint={optional ? t('form.optional') : undefined}>
        {label}
      </Label>
      {hint && (
        <Paragraph id={hintId} size="small" className="tr-hint">
          {hint}
        </Paragraph>
      )}
      {error && (
        <ErrorMessage id={errorId} prefix={errorPrefix ?? t('form.errorPrefix')}>
          {error[lang]}
        </ErrorMessage>
      )}
      {children}
    </Field>
  );
}

export function TextField({ form, name, label, hint, optional, error, value, onChange, type = 'text', autoComplete, disabled, readOnly, inputMode, spellCheck, className, size }: BaseFieldProps & {
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url';
  autoComplete?: string;
  disabled?: boolean;
  readOnly?: boolean;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  spellCheck?: boolean;
  size?: number;
}) {
  const ids = useFieldIds(form, name, hint, error);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error} optional={optional} className={className}>
      <TextInput
        id={ids.id}
        name={name}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        aria-describedby={ids.describedBy}
        autoComplete={autoComplete}
        disabled={disabled}
        readOnly={readOnly}
        inputMode={inputMode}
        spellCheck={spellCheck}
        size={size}
        aria-required={!optional && !disabled && !readOnly ? true : undefined}
      />
    </FieldFrame>
  );
}

export function PasswordField({ form, name, label, hint, optional, error, value, onChange, autoComplete }: BaseFieldProps & {
  value: string;
  onChange: (v: string) => void;
  autoComplete: 'current-password' | 'new-password';
}) {
  const ids = useFieldIds(form, name, hint, error);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error} optional={optional}>
      <PasswordInput
        id={ids.id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        aria-describedby={ids.describedBy}
        autoComplete={autoComplete}
        aria-required={!optional ? true : undefined}
      />
    </FieldFrame>
  );
}

export function TextAreaField({ form, name, label, hint, optional, error, value, onChange, rows = 3 }: BaseFieldProps & {
  value: string;
  onChange: (v: string) => void;
  rows?: number;
}) {
  const ids = useFieldIds(form, name, hint, error);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error} optional={optional}>
      <TextArea
        id={ids.id}
        name={name}
        value={value}
        rows={rows}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        aria-describedby={ids.describedBy}
        aria-required={!optional ? true : undefined}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
  group?: string;
  disabled?: boolean;
}

export function SelectField({ form, name, label, hint, optional, error, errorPrefix, value, onChange, options, disabled, className, placeholder }: BaseFieldProps & {
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  disabled?: boolean;
  /** A first, empty option (e.g. "Kies een organisatie" or "Alle"). */
  placeholder?: string;
}) {
  const ids = useFieldIds(form, name, hint, error);
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error} errorPrefix={errorPrefix} optional={optional} className={className}>
      <Select
        id={ids.id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        invalid={!!error}
        aria-describedby={ids.describedBy}
        disabled={disabled}
        aria-required={!optional && !disabled ? true : undefined}
      >
        {placeholder !== undefined && <Select.Option value="">{placeholder}</Select.Option>}
        {groups.map((g) =>
          g ? (
            <Select.Group key={g} label={g}>
              {options.filter((o) => (o.group ?? '') === g).map((o) => (
                <Select.Option key={o.value} value={o.value} disabled={o.disabled}>
                  {o.label}
                </Select.Option>
              ))}
            </Select.Group>
          ) : (
            options.filter((o) => !o.group).map((o) => (
              <Select.Option key={o.value} value={o.value} disabled={o.disabled}>
                {o.label}
              </Select.Option>
            ))
          ),
        )}
      </Select>
    </FieldFrame>
  );
}

export function CheckboxField({ form, name, label, checked, onChange }: { form: string; name: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <Field>
      <Checkbox id={inputId(form, name)} name={name} checked={checked} onChange={(e) => onChange(e.target.checked)}>
        {label}
      </Checkbox>
    </Field>
  );
}

/**
 * The error summary at the top of a form. It takes focus on every failed submit
 * (`attempt` changes), lists each error as a link to its field, and puts the count in the title.
 */
const CODE = String.raw`(?:[A-Z]{1,3}-)?[A-Z]{1,3}-\d{1,3}[a-z]?`;
const CODES_IN_PARENS = new RegExp(String.raw`\s*\(${CODE}(?:(?:,\s*|\s*/\s*)${CODE})*\)`, 'g');
/** A leading field code, with the quoted field name the message repeats: `E-19 “Zo ja…”: `, `E-3: `, `E-3 `. */
const LEADING_FIELD = new RegExp(String.raw`^${CODE}(?:\s+“[^”]*”)?(?::\s+|\s+)`);

/**
 * A message as people read it: without rule IDs (R-OR-62, D-13, AMB-OR-01), purpose codes (PB-1)
 * or form field codes (E-16) — in parentheses or leading the text, with the field name a message
 * repeats after its code.
 */
export function plainMessage(text: string): string {
  return text.replace(CODES_IN_PARENS, '').replace(LEADING_FIELD, '').trim();
}

/** One line of the summary: the field's label once and the message once (a message that already names the field stands alone). */
export function summaryLine(label: string | undefined, message: string): string {
  const m = plainMessage(message);
  const l = label ? plainMessage(label) : '';
  if (!l || m.toLowerCase().includes(l.toLowerCase())) return m;
  return `${l}: ${m}`;
}

export function ErrorSummary({ form, errors, labels, attempt }: { form: string; errors: FieldErrors; labels: Record<string, string>; attempt: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = Object.entries(errors).map(([name, m]) => ({
    id: `#${inputId(form, name)}`,
    label: summaryLine(labels[name], m[lang]),
  }));
  if (list.length === 0) return null;
  return (
    <InvalidFormAlert
      key={attempt}
      errors={list}
      heading={t('form.summaryHeading')}
      headingLevel={2}
      errorCountLabel={{ singular: t('form.errorSingular'), plural: t('form.errorPlural') }}
      className="tr-alert"
    />
  );
}

/**
 * Submission state for a form: prevents double submits while one is in flight
 * (each submission also carries its own Idempotency-Key, see api.post).
 */
export function useSubmitting() {
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    try {
      return await fn();
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  return { pending, run };
}

/** Values of a nullable text field: empty means null. */
export const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
