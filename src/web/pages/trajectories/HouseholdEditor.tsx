import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@amsterdam/design-system-react';
import type { HouseholdMember } from '../../api/types.ts';
import { SelectField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { DateField, today } from './common.tsx';

/** One household member as form text (the birth date may be empty). */
export type MemberValues = { kind: HouseholdMember['kind']; name: string; birthDate: string };

/** The field a problem's JSON pointer names: `/household/1/name` → `household-1-name`, else the last segment. */
export function clientFieldFor(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean);
  if (parts[0] === 'household' && parts.length >= 3) return `household-${parts[1]}-${parts[2]}`;
  return parts[parts.length - 1] ?? 'firstName';
}

/** The labels of the household rows, for the error summary. */
export function householdLabels(members: ReadonlyArray<MemberValues>, t: (key: string, o?: Record<string, unknown>) => string): Record<string, string> {
  const labels: Record<string, string> = {};
  members.forEach((_, i) => {
    labels[`household-${i}-name`] = t('clients.memberName', { n: i + 1 });
    labels[`household-${i}-birthDate`] = t('clients.memberBirthDate', { n: i + 1 });
  });
  return labels;
}

/** The household of a client: a row per member (kind, name, birth date), added and removed by button. */
export function HouseholdEditor({ form, members, onChange, errors }: { form: string; members: ReadonlyArray<MemberValues>; onChange: (m: MemberValues[]) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const memberKinds = (['partner', 'child', 'other'] as const).map((k) => ({ value: k, label: t(`clients.memberKinds.${k}`) }));
  const update = (i: number, patch: Partial<MemberValues>) => onChange(members.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="tr-row-editor" aria-describedby="household-hint">
      <legend className="ams-heading ams-heading--3">{t('clients.householdHeading')}</legend>
      <Paragraph id="household-hint" size="small">
        {t('clients.householdHint')}
      </Paragraph>
      {members.map((m, i) => (
        <div key={i} className="tr-row-editor__row" role="group" aria-label={t('clients.memberGroup', { n: i + 1 })}>
          <SelectField form={form} name={`household-${i}-kind`} label={t('clients.memberKind', { n: i + 1 })} value={m.kind} onChange={(k) => update(i, { kind: k as MemberValues['kind'] })} options={memberKinds} />
          <TextField form={form} name={`household-${i}-name`} label={t('clients.memberName', { n: i + 1 })} value={m.name} onChange={(name) => update(i, { name })} error={errors[`household-${i}-name`]} autoComplete="off" />
          <DateField form={form} name={`household-${i}-birthDate`} label={t('clients.memberBirthDate', { n: i + 1 })} value={m.birthDate} onChange={(birthDate) => update(i, { birthDate })} error={errors[`household-${i}-birthDate`]} optional max={today()} />
          <Button variant="tertiary" onClick={() => onChange(members.filter((_, j) => j !== i))}>
            {t('clients.removeMember', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...members, { kind: 'child', name: '', birthDate: '' }])}>
        {t('clients.addMember')}
      </Button>
    </fieldset>
  );
}
