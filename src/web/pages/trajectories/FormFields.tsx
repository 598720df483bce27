/**
 * One input per field type of the form-definition language (domain/forms/model.ts): text,
 * longtext, date, e-mail, phone, yes/no, yes/no with explanation, amount, goals, goal status
 * rows, checklist, declaration, date-or-period and select; "n.v.t." where the field allows it.
 */
import { useTranslation } from 'react-i18next';
import { Button, FieldSet, Paragraph } from '@amsterdam/design-system-react';
import { GOAL_DOMAINS, type GoalDomain } from '../../../domain/trajectories/model.ts';
import { GOAL_DOMAIN_LABELS, declarationText, displayAnswer } from '../../../domain/forms/display.ts';
import { NOT_APPLICABLE, type FieldDefinition } from '../../../domain/forms/model.ts';
import { SelectField, TextAreaField, TextField, inputId, type Msg } from '../../components/forms.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { CheckField, DateField, RadioGroupField } from './common.tsx';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function fieldLabel(f: FieldDefinition, lang: 'nl' | 'en') {
  return f.type === 'declaration' ? (lang === 'nl' ? 'Verklaring goed huurderschap' : 'Good tenancy declaration') : f.label[lang];
}

/**
 * The field, and — where the agreement behind it carries value — a help disclosure "Meer over deze
 * vraag" with the question's code and its agreement (codes stay out of labels and hints). A
 * section whose questions all rest on one agreement shows it once (FormPage), `withHelp` false.
 */
export function FormFieldInput(props: { form: string; field: FieldDefinition; value: unknown; onChange: (v: unknown) => void; error?: Msg; withHelp?: boolean }) {
  const { t } = useTranslation();
  const f = props.field;
  return (
    <>
      <FieldInput {...props} />
      {props.withHelp !== false && f.rule && !f.readOnly && (
        <details className="tr-details tr-help-disclosure" data-testid={`help-${f.id}`}>
          <summary>{t('stepGuide.moreAboutQuestion')}</summary>
          <p className="ams-paragraph ams-paragraph--small">
            {t('stepGuide.questionCode', { id: f.id })} {t('stepGuide.agreement', { rule: f.rule })}
          </p>
        </details>
      )}
    </>
  );
}

/** The help disclosure of a section whose questions all rest on one agreement. */
export function SectionHelp({ fields }: { fields: ReadonlyArray<FieldDefinition> }) {
  const { t } = useTranslation();
  const rule = sharedRule(fields);
  if (!rule) return null;
  return (
    <details className="tr-details tr-help-disclosure">
      <summary>{t('stepGuide.moreAboutSection')}</summary>
      <p className="ams-paragraph ams-paragraph--small">
        {t('stepGuide.questionCodes', { ids: fields.map((f) => f.id).join(', ') })} {t('stepGuide.agreement', { rule })}
      </p>
    </details>
  );
}

/** The one agreement every question of a group rests on (two or more questions), or null. */
export function sharedRule(fields: ReadonlyArray<FieldDefinition>): string | null {
  const rules = new Set(fields.map((f) => f.rule ?? ''));
  const [only] = [...rules];
  return fields.length > 1 && rules.size === 1 && only ? only : null;
}

function FieldInput({ form, field: f, value, onChange, error }: { form: string; field: FieldDefinition; value: unknown; onChange: (v: unknown) => void; error?: Msg }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = `${fieldLabel(f, lang)}`;
  const hint = f.help?.[lang] || undefined;
  const common = { form, name: f.id, label, hint, optional: !f.required, error };
  const na = value === NOT_APPLICABLE;

  if (f.readOnly) {
    const a = displayAnswer(f, value, lang);
    return (
      <div className="tr-section">
        <p className="ams-paragraph">
          <strong>{label}</strong>
        </p>
        <Paragraph className="tr-readonly-answer">{a.kind === 'text' ? a.text : t('formPage.filledLater')}</Paragraph>
      </div>
    );
  }

  const naBox = f.notApplicableAllowed ? (
    <CheckField form={form} name={`${f.id}-na`} label={t('stepGuide.notApplicable')} checked={na} onChange={(x) => onChange(x ? NOT_APPLICABLE : null)} />
  ) : null;

  switch (f.type) {
    case 'text':
    case 'email':
    case 'phone':
      return (
        <div>
          <TextField {...common} type={f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text'} value={na ? '' : str(value)} onChange={onChange} disabled={na} />
          {naBox}
        </div>
      );
    case 'longtext':
      return (
        <div>
          {na ? <TextField {...common} value="" onChange={() => {}} disabled /> : <TextAreaField {...common} value={str(value)} onChange={onChange} rows={3} />}
          {naBox}
        </div>
      );
    case 'date':
      return (
        <div>
          <DateField {...common} value={na ? '' : str(value)} onChange={onChange} disabled={na} />
          {naBox}
        </div>
      );
    case 'select':
      return <SelectField {...common} value={str(value)} onChange={onChange} options={(f.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))} placeholder={t('steps.choose')} />;
    case 'yesno':
      return <RadioGroupField {...common} value={str(value)} onChange={onChange} choices={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]} />;
    case 'yesno_text': {
      const v = isObj(value) ? value : {};
      return (
        <div className="tr-section">
          <RadioGroupField {...common} value={str(v.answer)} onChange={(a) => onChange({ ...v, answer: a })} choices={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]} />
          <TextAreaField form={form} name={`${f.id}-text`} label={t('stepGuide.explanation')} value={str(v.text)} onChange={(x) => onChange({ ...v, text: x })} optional rows={2} />
        </div>
      );
    }
    case 'amount_eur': {
      const v = isObj(value) ? value : {};
      const text = typeof v._text === 'string' ? v._text : typeof v.amountCents === 'number' ? (v.amountCents / 100).toFixed(2).replace('.', lang === 'nl' ? ',' : '.') : '';
      return (
        <div className="tr-section">
          <RadioGroupField {...common} value={str(v.answer)} onChange={(a) => onChange({ ...v, answer: a })} choices={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]} />
          {v.answer === 'yes' && (
            <TextField
              form={form}
              name={`${f.id}-amount`}
              label={t('stepGuide.amount')}
              hint={t('formPage.amountHint')}
              inputMode="numeric"
              className="tr-narrow-field"
              value={text}
              onChange={(x) => {
                const n = Number(x.replace(/\s/g, '').replace(/\./g, lang === 'nl' ? '' : '.').replace(',', '.'));
                onChange({ ...v, _text: x, amountCents: x.trim() === '' || !Number.isFinite(n) ? null : Math.round(n * 100) });
              }}
            />
          )}
        </div>
      );
    }
    case 'date_or_period': {
      const v = isObj(value) ? value : {};
      const mode = 'period' in v ? 'period' : 'date' in v ? 'date' : '';
      return (
        <div className="tr-section">
          <RadioGroupField {...common} value={mode} onChange={(m) => onChange(m === 'date' ? { date: '' } : { period: '' })} choices={[{ value: 'date', label: t('formPage.aDate') }, { value: 'period', label: t('formPage.aPeriod') }]} />
          {mode === 'date' && <DateField form={form} name={`${f.id}-date`} label={t('stepGuide.date')} value={str(v.date)} onChange={(x) => onChange({ date: x })} />}
          {mode === 'period' && <TextField form={form} name={`${f.id}-period`} label={t('stepGuide.period')} hint={t('formPage.periodHint')} value={str(v.period)} onChange={(x) => onChange({ period: x })} />}
        </div>
      );
    }
    case 'declaration': {
      const v = isObj(value) ? value : {};
      return (
        <FieldSet legend={label} hint={hint} invalid={!!error} id={inputId(form, f.id)} tabIndex={-1}>
          {error && <p className="ams-error-message">{error[lang]}</p>}
          <Paragraph className="tr-readonly-answer">{declarationText(f, str(v.name), lang)}</Paragraph>
          <TextField form={form} name={`${f.id}-name`} label={t('formPage.declarationName')} value={str(v.name)} onChange={(x) => onChange({ ...v, name: x })} />
          <CheckField form={form} name={`${f.id}-agreed`} label={t('formPage.declarationAgreed')} checked={v.agreed === true} onChange={(x) => onChange({ ...v, agreed: x })} />
        </FieldSet>
      );
    }
    case 'checklist': {
      const v = isObj(value) ? value : {};
      return (
        <FieldSet legend={label} hint={hint} invalid={!!error} id={inputId(form, f.id)} tabIndex={-1}>
          {error && <p className="ams-error-message">{error[lang]}</p>}
          {(f.items ?? []).map((i) => (
            <RadioGroupField key={i.id} inFieldSet form={form} name={`${f.id}-${i.id}`} label={i.label[lang]} value={str(v[i.id])} onChange={(x) => onChange({ ...v, [i.id]: x })} choices={[{ value: 'yes', label: t('formPage.discussed') }, { value: 'no', label: t('formPage.notDiscussed') }]} />
          ))}
        </FieldSet>
      );
    }
    case 'goals':
      return <GoalRows form={form} field={f} label={label} hint={hint} value={value} onChange={onChange} error={error} />;
    case 'goal_status_rows':
      return <GoalStatusRows form={form} field={f} label={label} hint={hint} value={value} onChange={onChange} error={error} />;
    default:
      return null;
  }
}

function GoalRows({ form, field: f, label, hint, value, onChange, error }: { form: string; field: FieldDefinition; label: string; hint?: string; value: unknown; onChange: (v: unknown) => void; error?: Msg }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = Array.isArray(value) ? (value as Obj[]) : [];
  const domains = f.domains?.length ? f.domains : GOAL_DOMAINS;
  const set = (i: number, patch: Obj) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <FieldSet legend={label} hint={hint} invalid={!!error} id={inputId(form, f.id)} tabIndex={-1} className="tr-row-editor">
      {error && <p className="ams-error-message">{error[lang]}</p>}
      {rows.map((r, i) => (
        <div key={i} className="tr-row-editor__row" role="group" aria-label={t('goals.goalN', { n: i + 1 })}>
          {domains.length !== 1 && (
            <SelectField form={form} name={`${f.id}-${i}-domain`} label={t('goals.domainN', { n: i + 1 })} value={str(r.domain)} onChange={(x) => set(i, { domain: x })} options={domains.map((d) => ({ value: d, label: GOAL_DOMAIN_LABELS[d as GoalDomain][lang] }))} placeholder={t('steps.choose')} />
          )}
          <TextAreaField form={form} name={`${f.id}-${i}-text`} label={t('goals.textN', { n: i + 1 })} value={str(r.text)} onChange={(x) => set(i, { text: x })} rows={2} />
          {f.withResults && (
            <>
              <TextField form={form} name={`${f.id}-${i}-result`} label={t('goals.resultN', { n: i + 1 })} value={str(r.intendedResult)} onChange={(x) => set(i, { intendedResult: x })} optional />
              <DateField form={form} name={`${f.id}-${i}-target`} label={t('goals.targetN', { n: i + 1 })} value={str(r.targetDate)} onChange={(x) => set(i, { targetDate: x || null })} optional />
            </>
          )}
          <CheckField form={form} name={`${f.id}-${i}-linked`} label={t('goals.linkedN', { n: i + 1 })} checked={r.linkedToUrgency === true} onChange={(x) => set(i, { linkedToUrgency: x })} />
          <Button variant="tertiary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('goals.removeN', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { domain: domains[Math.min(rows.length, domains.length - 1)], text: '', linkedToUrgency: false }])}>
        {t('goals.add')}
      </Button>
    </FieldSet>
  );
}

function GoalStatusRows({ form, field: f, label, hint, value, onChange, error }: { form: string; field: FieldDefinition; label: string; hint?: string; value: unknown; onChange: (v: unknown) => void; error?: Msg }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = Array.isArray(value) ? (value as Obj[]) : [];
  const set = (i: number, patch: Obj) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <FieldSet legend={label} hint={hint} invalid={!!error} id={inputId(form, f.id)} tabIndex={-1} className="tr-row-editor">
      {error && <p className="ams-error-message">{error[lang]}</p>}
      {rows.map((r, i) => (
        <div key={i} className="tr-row-editor__row" role="group" aria-label={t('goals.goalN', { n: i + 1 })}>
          <TextAreaField form={form} name={`${f.id}-${i}-goal`} label={t('goals.textN', { n: i + 1 })} value={str(r.goal)} onChange={(x) => set(i, { goal: x })} rows={2} />
          <TextAreaField form={form} name={`${f.id}-${i}-status`} label={t('goals.statusN', { n: i + 1 })} value={str(r.status)} onChange={(x) => set(i, { status: x })} rows={2} />
          <RadioGroupField form={form} name={`${f.id}-${i}-achieved`} label={t('goals.achievedN', { n: i + 1 })} value={str(r.achieved)} onChange={(x) => set(i, { achieved: x })} choices={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]} />
          {f.withSource && <TextField form={form} name={`${f.id}-${i}-source`} label={t('goals.sourceN', { n: i + 1 })} value={str(r.source)} onChange={(x) => set(i, { source: x })} optional />}
          <Button variant="tertiary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('goals.removeN', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...rows, { goal: '', status: '', achieved: 'no' }])}>
        {t('goals.add')}
      </Button>
    </FieldSet>
  );
}

/** The value as stored: UI-only parts removed, empty answers as null (which clears them). */
export function storedValue(f: FieldDefinition, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (f.type === 'amount_eur' && isObj(v)) {
    const { _text, ...rest } = v;
    void _text;
    return rest.answer === 'no' ? { answer: 'no' } : rest;
  }
  if (f.type === 'date_or_period' && isObj(v)) {
    if ('date' in v && !v.date) return null;
    if ('period' in v && !String(v.period ?? '').trim()) return null;
  }
  if (f.type === 'goals' && Array.isArray(v)) {
    return v.map((r: Obj) => Object.fromEntries(Object.entries(r).filter(([, x]) => x !== '' && x !== null && x !== undefined)));
  }
  return v;
}

