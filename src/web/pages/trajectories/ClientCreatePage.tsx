import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Breadcrumb, Button, Column, Heading, Link, Paragraph, Row } from '@amsterdam/design-system-react';
import { VARIANTS } from '../../../domain/trajectories/model.ts';
import { api } from '../../api/client.ts';
import type { Client, HouseholdMember, Trajectory } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, orNull, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { DateField, today } from './common.tsx';
import { TARGET_GROUPS } from './ClientsPage.tsx';
import { HouseholdEditor, clientFieldFor, householdLabels } from './HouseholdEditor.tsx';
import { ReferringMunicipalityField, useOwnRegionMunicipalities } from './Municipality.tsx';

const FORM = 'client';

interface Values {
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string;
  email: string;
  address: string;
  woningnetNumber: string;
  woningnetRegisteredOn: string;
  targetGroup: string;
  multiProblemFamily: boolean;
  household: Array<{ kind: HouseholdMember['kind']; name: string; birthDate: string }>;
  startTrajectory: boolean;
  startedOn: string;
  variant: string;
  municipalityId: string;
}

/** A new client with household members; optionally the trajectory starts right away. */
export function ClientCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [v, setV] = useState<Values>({
    firstName: '', lastName: '', birthDate: '', phone: '', email: '', address: '', woningnetNumber: '', woningnetRegisteredOn: '', targetGroup: '',
    multiProblemFamily: false, household: [], startTrajectory: true, startedOn: today(), variant: 'regular', municipalityId: '',
  });
  const municipalities = useOwnRegionMunicipalities();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();
  const set = <K extends keyof Values>(k: K) => (value: Values[K]) => setV((s) => ({ ...s, [k]: value }));

  const labels: Record<string, string> = {
    firstName: t('clients.firstName'), lastName: t('clients.lastName'), birthDate: t('clients.birthDate'), phone: t('clients.phone'), email: t('clients.email'),
    address: t('clients.address'), woningnetNumber: t('clients.woningnetNumber'), woningnetRegisteredOn: t('clients.woningnetRegisteredOn'), targetGroup: t('clients.targetGroup'),
    startedOn: t('clients.startedOnLabel'), variant: t('clients.variant'), municipalityId: t('steps.fields.municipalityId'),
  };
  Object.assign(labels, householdLabels(v.household, t));
  const fieldFor = clientFieldFor;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!v.firstName.trim()) local.firstName = msg('form.required');
    if (!v.lastName.trim()) local.lastName = msg('form.required');
    v.household.forEach((h, i) => {
      if (!h.name.trim()) local[`household-${i}-name`] = msg('form.required');
    });
    if (v.startTrajectory && !v.startedOn) local.startedOn = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      let client: Client;
      try {
        const body = {
          firstName: v.firstName.trim(), lastName: v.lastName.trim(), birthDate: orNull(v.birthDate), phone: orNull(v.phone), email: orNull(v.email), address: orNull(v.address),
          woningnetNumber: orNull(v.woningnetNumber), woningnetRegisteredOn: orNull(v.woningnetRegisteredOn), targetGroup: orNull(v.targetGroup), multiProblemFamily: v.multiProblemFamily,
          household: v.household.map((h) => ({ kind: h.kind, name: h.name.trim(), birthDate: orNull(h.birthDate) })),
        };
        client = (await api.post<Client>('/clients', body)).data;
      } catch (err) {
        const fields = fieldErrorsFromProblem(err, fieldFor);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
        return;
      }
      announce(t('clients.createdHeading'));
      if (!v.startTrajectory) {
        navigate(`/clienten/${client.id}`, { state: { saved: 'created' } });
        return;
      }
      try {
        const traj = (await api.post<Trajectory>('/trajectories', { clientId: client.id, startedOn: v.startedOn, variant: v.variant, ...(v.municipalityId ? { municipalityId: v.municipalityId } : {}) })).data;
        navigate(`/trajecten/${traj.id}`, { state: { saved: 'started' } });
      } catch (err) {
        navigate(`/clienten/${client.id}`, { state: { saved: 'created', trajectoryError: true } });
        void err;
      }
    });
  };

  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/clienten" linkComponent={RouterLink}>
          {t('clients.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading>{t('clients.createTitle')}</PageHeading>
      <Paragraph>{t('clients.createIntro')}</Paragraph>
      {problem !== null && <ProblemAlert error={problem} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading">
        <Heading level={2} size="level-3">
          {t('clients.personHeading')}
        </Heading>
        <TextField form={FORM} name="firstName" label={labels.firstName!} value={v.firstName} onChange={set('firstName')} error={errors.firstName} autoComplete="off" />
        <TextField form={FORM} name="lastName" label={labels.lastName!} value={v.lastName} onChange={set('lastName')} error={errors.lastName} autoComplete="off" />
        <DateField form={FORM} name="birthDate" label={labels.birthDate!} value={v.birthDate} onChange={set('birthDate')} error={errors.birthDate} optional max={today()} />
        <TextField form={FORM} name="phone" type="tel" label={labels.phone!} value={v.phone} onChange={set('phone')} error={errors.phone} optional autoComplete="off" />
        <TextField form={FORM} name="email" type="email" label={labels.email!} value={v.email} onChange={set('email')} error={errors.email} optional autoComplete="off" spellCheck={false} />
        <TextField form={FORM} name="address" label={labels.address!} hint={t('clients.addressHint')} value={v.address} onChange={set('address')} error={errors.address} optional autoComplete="off" />
        <TextField form={FORM} name="woningnetNumber" label={labels.woningnetNumber!} value={v.woningnetNumber} onChange={set('woningnetNumber')} error={errors.woningnetNumber} optional />
        <DateField form={FORM} name="woningnetRegisteredOn" label={labels.woningnetRegisteredOn!} value={v.woningnetRegisteredOn} onChange={set('woningnetRegisteredOn')} error={errors.woningnetRegisteredOn} optional max={today()} />
        <SelectField form={FORM} name="targetGroup" label={labels.targetGroup!} value={v.targetGroup} onChange={set('targetGroup')} options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))} placeholder={t('clients.chooseTargetGroup')} optional error={errors.targetGroup} />
        <CheckboxField form={FORM} name="multiProblemFamily" label={t('clients.multiProblemFamily')} checked={v.multiProblemFamily} onChange={set('multiProblemFamily')} />

        <HouseholdEditor form={FORM} members={v.household} onChange={set('household')} errors={errors} />

        <Heading level={2} size="level-3">
          {t('clients.trajectoryHeading')}
        </Heading>
        <CheckboxField form={FORM} name="startTrajectory" label={t('clients.startTrajectory')} checked={v.startTrajectory} onChange={set('startTrajectory')} />
        {v.startTrajectory && (
          <>
            <DateField form={FORM} name="startedOn" label={labels.startedOn!} hint={t('clients.startedOnHint')} value={v.startedOn} onChange={set('startedOn')} error={errors.startedOn} max={today()} />
            <SelectField form={FORM} name="variant" label={labels.variant!} value={v.variant} onChange={set('variant')} options={VARIANTS.map((x) => ({ value: x, label: t(`variants.${x}`) }))} error={errors.variant} />
            <ReferringMunicipalityField form={FORM} value={v.municipalityId} onChange={set('municipalityId')} error={errors.municipalityId} options={municipalities} />
          </>
        )}
        <Row gap="large" alignVertical="center" wrap>
          <Button type="submit" disabled={pending}>
            {t('clients.createSubmit')}
          </Button>
          <Link href="/clienten" linkComponent={RouterLink}>
            {t('common.cancel')}
          </Link>
        </Row>
      </form>
    </Column>
  );
}
