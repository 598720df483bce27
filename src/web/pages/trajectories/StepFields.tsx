/** The generated fields of one event type's data schema (see steps.ts). */
import { useTranslation } from 'react-i18next';
import { Button, FieldSet } from '@amsterdam/design-system-react';
import { GOAL_DOMAINS } from '../../../domain/trajectories/model.ts';
import { GOAL_DOMAIN_LABELS } from '../../../domain/forms/display.ts';
import type { Consent, FormListItem, GoalView, MunicipalityOption } from '../../api/types.ts';
import { SelectField, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { CheckboxGroupField, CheckField, DateField, RadioGroupField, today, useDate } from './common.tsx';
import { newGoal, type FieldSpec, type GoalValue, type Values } from './steps.ts';

export interface StepContext {
  consents: Consent[];
  forms: FormListItem[];
  goals: GoalView[];
  /** The municipalities of the trajectory's region (for the referring and the dwelling's municipality). */
  municipalities?: MunicipalityOption[];
  /** The form kind a `formId` refers to for this event type. */
  formKind?: string;
}

export function useFieldLabel() {
  const { t } = useTranslation();
  return (name: string) => t(`steps.fields.${name}`, { defaultValue: name });
}

export function StepFields({ form, specs, values, onChange, errors, ctx }: {
  form: string;
  specs: FieldSpec[];
  values: Values;
  onChange: (name: string, value: Values[string]) => void;
  errors: FieldErrors;
  ctx: StepContext;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useFieldLabel();
  const date = useDate();
  const hint = (name: string) => t(`steps.hints.${name}`, { defaultValue: '' }) || undefined;
  const valueLabel = (v: string) => t(`steps.values.${v}`, { defaultValue: v });

  return (
    <>
      {specs.map((f) => {
        const mayBeEmpty = ((f.kind === 'text' || f.kind === 'longtext') && !f.minLength) || ((f.kind === 'lines' || f.kind === 'enumSet') && !f.minItems);
        const common = { form, name: f.name, label: label(f.name), hint: hint(f.name), optional: !f.required || mayBeEmpty, error: errors[f.name] };
        const v = values[f.name];
        switch (f.kind) {
          case 'date':
            return <DateField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} max={f.name === 'plannedOn' || f.name === 'availableOn' || f.name === 'plannedEndOn' ? undefined : today()} />;
          case 'text':
            return <TextField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} />;
          case 'longtext':
          case 'lines':
            return <TextAreaField key={f.name} {...common} hint={f.kind === 'lines' ? t('steps.linesHint') : common.hint} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} rows={f.kind === 'lines' ? 3 : 4} />;
          case 'integer':
          case 'number':
            return <TextField key={f.name} {...common} inputMode="numeric" className="tr-narrow-field" value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} hint={common.hint ?? (f.minimum !== undefined && f.maximum !== undefined ? t('steps.range', { min: f.minimum, max: f.maximum }) : undefined)} />;
          case 'boolean':
            return <CheckField key={f.name} form={form} name={f.name} label={label(f.name)} checked={v === true} onChange={(x) => onChange(f.name, x)} error={errors[f.name]} />;
          case 'confirm':
            return <CheckField key={f.name} form={form} name={f.name} label={label(f.name)} checked={v === true} onChange={(x) => onChange(f.name, x)} error={errors[f.name]} />;
          case 'triState':
            return (
              <RadioGroupField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)}
                choices={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }, { value: 'unknown', label: t('steps.notApplicable') }]} />
            );
          case 'enum':
            return (f.options?.length ?? 0) <= 3 ? (
              <RadioGroupField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} choices={(f.options ?? []).map((o) => ({ value: o, label: valueLabel(o) }))} inline={false} />
            ) : (
              <SelectField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} options={(f.options ?? []).map((o) => ({ value: o, label: valueLabel(o) }))} placeholder={t('steps.choose')} />
            );
          case 'enumSet':
            return <CheckboxGroupField key={f.name} {...common} values={(v as string[]) ?? []} onChange={(x) => onChange(f.name, x)} choices={(f.options ?? []).map((o) => ({ value: o, label: valueLabel(o) }))} />;
          case 'consentRef':
            return (
              <SelectField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} placeholder={t('steps.chooseConsent')}
                options={ctx.consents.filter((c) => c.active).map((c) => ({ value: c.id, label: t('steps.consentOption', { date: date(c.givenOn), purposes: c.purposes.map((p) => p[lang]).join(', ') }) }))} />
            );
          case 'formRef':
            return (
              <SelectField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} placeholder={f.required ? t('steps.chooseForm') : t('steps.noForm')}
                options={ctx.forms.filter((x) => !ctx.formKind || x.kind === ctx.formKind).map((x) => ({ value: x.id, label: `${x.title[lang]} — ${t(`forms.status.${x.status}`)} (${t('common.version', { version: x.version })})` }))} />
            );
          case 'goalRef':
            return (
              <SelectField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} placeholder={t('steps.chooseGoal')}
                options={ctx.goals.map((g) => ({ value: g.id, label: `${g.text}${g.linkedToUrgency ? ` (${t('goals.urgency')})` : ''}` }))} />
            );
          case 'municipalityRef':
            return (
              <SelectField key={f.name} {...common} value={String(v ?? '')} onChange={(x) => onChange(f.name, x)} placeholder={f.required ? t('steps.chooseMunicipality') : t('steps.noMunicipality')}
                options={(ctx.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }))} />
            );
          case 'goals':
            return <GoalsEditor key={f.name} form={form} name={f.name} label={label(f.name)} goals={(v as GoalValue[]) ?? []} onChange={(x) => onChange(f.name, x)} error={errors[f.name]} />;
          default:
            return null;
        }
      })}
    </>
  );
}

/** Goals with domain, text and the urgency flag (R-OR-14); ids stay stable so later steps can refer to them. */
function GoalsEditor({ form, name, label, goals, onChange, error }: { form: string; name: string; label: string; goals: GoalValue[]; onChange: (g: GoalValue[]) => void; error?: FieldErrors[string] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const update = (i: number, patch: Partial<GoalValue>) => onChange(goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  return (
    <FieldSet legend={label} hint={t('goals.editorHint')} invalid={!!error} className="tr-row-editor" id={`${form}-${name}`} tabIndex={-1}>
      {error && (
        <p className="ams-error-message" id={`${form}-${name}-error`}>
          <span className="ams-visually-hidden">{t('form.errorPrefix')}: </span>
          {error[lang]}
        </p>
      )}
      {goals.map((g, i) => (
        <div key={g.id} className="tr-row-editor__row" role="group" aria-label={t('goals.goalN', { n: i + 1 })}>
          <SelectField form={form} name={`${name}-${i}-domain`} label={t('goals.domainN', { n: i + 1 })} value={g.domain} onChange={(x) => update(i, { domain: x })}
            options={GOAL_DOMAINS.map((d) => ({ value: d, label: GOAL_DOMAIN_LABELS[d][lang] }))} />
          <TextAreaField form={form} name={`${name}-${i}-text`} label={t('goals.textN', { n: i + 1 })} value={g.text} onChange={(x) => update(i, { text: x })} rows={2} />
          <CheckField form={form} name={`${name}-${i}-linked`} label={t('goals.linkedN', { n: i + 1 })} checked={g.linkedToUrgency} onChange={(x) => update(i, { linkedToUrgency: x })} />
          <Button variant="tertiary" onClick={() => onChange(goals.filter((_, j) => j !== i))}>
            {t('goals.removeN', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...goals, newGoal(goals, GOAL_DOMAINS[Math.min(goals.length, 3)])])}>
        {t('goals.add')}
      </Button>
    </FieldSet>
  );
}
