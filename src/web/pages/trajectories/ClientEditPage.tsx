import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Button, Column, Heading, Link, Paragraph, Row } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import type { Client } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { mergeChanges } from '../../lib/merge.ts';
import { DateField, today } from './common.tsx';
import { TARGET_GROUPS } from './ClientsPage.tsx';
import { HouseholdEditor, clientFieldFor, householdLabels, type MemberValues } from './HouseholdEditor.tsx';

const FORM = 'edit-client';

/** The editable fields as form text: every value a string, so a 412 can merge field by field. */
type Values = {
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string;
  email: string;
  address: string;
  woningnetNumber: string;
  woningnetRegisteredOn: string;
  targetGroup: string;
  multiProblemFamily: string;
  /** The household as one JSON text: merged as one field (a household is edited as a whole). */
  household: string;
};
type Member = MemberValues;

const SCALARS = ['firstName', 'lastName', 'birthDate', 'phone', 'email', 'address', 'woningnetNumber', 'woningnetRegisteredOn', 'targetGroup'] as const;

export const clientValues = (c: Client): Values => ({
  firstName: c.firstName ?? '',
  lastName: c.lastName ?? '',
  birthDate: c.birthDate ?? '',
  phone: c.phone ?? '',
  email: c.email ?? '',
  address: c.address ?? '',
  woningnetNumber: c.woningnetNumber ?? '',
  woningnetRegisteredOn: c.woningnetRegisteredOn ?? '',
  targetGroup: c.targetGroup ?? '',
  multiProblemFamily: c.multiProblemFamily ? 'true' : 'false',
  household: JSON.stringify((c.household ?? []).map((m) => ({ kind: m.kind, name: m.name ?? '', birthDate: m.birthDate ?? '' }))),
});

/** Only what changed goes to the server (PATCH with If-Match); empty optional text becomes null. */
export function clientPatch(base: Values, v: Values): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of SCALARS) {
    if (v[k].trim() === base[k].trim()) continue;
    const value = v[k].trim();
    patch[k] = value === '' && k !== 'firstName' && k !== 'lastName' ? null : value;
  }
  if (v.multiProblemFamily !== base.multiProblemFamily) patch.multiProblemFamily = v.multiProblemFamily === 'true';
  if (v.household !== base.household) {
    patch.household = (JSON.parse(v.household) as Member[]).map((m) => ({ kind: m.kind, name: m.name.trim(), birthDate: m.birthDate || null }));
  }
  return patch;
}

/** Changing a client's personal data and household; a second editor keeps their input on 412. */
export function ClientEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const client = useResource<Client>(`/clients/${id}`);
  const [v, setV] = useState<Values | null>(null);
  const [base, setBase] = useState<{ version: string; values: Values } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState<'nothing_changed' | 'latest_loaded' | 'mine_kept' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();

  useEffect(() => {
    if (client.data && !base) {
      setV(clientValues(client.data));
      setBase({ version: client.etag ?? String(client.data.version ?? 1), values: clientValues(client.data) });
    }
  }, [client.data, client.etag, base]);

  const c = client.data;
  const household: Member[] = v ? (JSON.parse(v.household) as Member[]) : [];
  const setHousehold = (f: (h: Member[]) => Member[]) => setV((s) => (s ? { ...s, household: JSON.stringify(f(JSON.parse(s.household) as Member[])) } : s));
  const set = (k: keyof Values) => (value: string) => setV((s) => (s ? { ...s, [k]: value } : s));

  const labels: Record<string, string> = {
    firstName: t('clients.firstName'), lastName: t('clients.lastName'), birthDate: t('clients.birthDate'), phone: t('clients.phone'), email: t('clients.email'),
    address: t('clients.address'), woningnetNumber: t('clients.woningnetNumber'), woningnetRegisteredOn: t('clients.woningnetRegisteredOn'), targetGroup: t('clients.targetGroup'),
  };
  Object.assign(labels, householdLabels(household, t));
  const fieldFor = clientFieldFor;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v || !base || !c) return;
    setProblem(null);
    setNotice(null);
    const local: FieldErrors = {};
    if (!v.firstName.trim()) local.firstName = msg('form.required');
    if (!v.lastName.trim()) local.lastName = msg('form.required');
    household.forEach((m, i) => {
      if (!m.name.trim()) local[`household-${i}-name`] = msg('form.required');
    });
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    const patch = clientPatch(base.values, v);
    if (Object.keys(patch).length === 0) {
      setNotice('nothing_changed');
      return;
    }
    void run(async () => {
      try {
        await api.patch<Client>(`/clients/${c.id}`, patch, { ifMatch: base.version });
        announce(t('clientEdit.saved'));
        const trajectory = c.trajectories?.[0];
        navigate(trajectory ? `/trajecten/${trajectory.id}` : `/clienten/${c.id}`, { state: { saved: 'updated' } });
      } catch (err) {
        if (isConflict(err)) {
          setProblem(err);
          return;
        }
        const fields = fieldErrorsFromProblem(err, fieldFor);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  const loadLatest = async (keepMine: boolean) => {
    const latest = await client.reload();
    if (!latest) return;
    const fresh = clientValues(latest);
    setV((mine) => (keepMine && mine && base ? mergeChanges(base.values, mine, fresh) : fresh));
    setBase({ version: String(latest.version ?? 1), values: fresh });
    setProblem(null);
    setNotice(keepMine ? 'mine_kept' : 'latest_loaded');
  };

  const name = c ? [c.firstName, c.lastName].filter(Boolean).join(' ') : '';
  const title = c ? t('clientEdit.title', { name }) : t('clientEdit.titleLoading');
  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/clienten" linkComponent={RouterLink}>
          {t('clients.title')}
        </Breadcrumb.Link>
        {c && (
          <Breadcrumb.Link href={c.trajectories?.[0] ? `/trajecten/${c.trajectories[0].id}` : `/clienten/${c.id}`} linkComponent={RouterLink}>
            {name}
          </Breadcrumb.Link>
        )}
      </Breadcrumb>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph>{t('clientEdit.intro')}</Paragraph>
      {client.loading && !c && <Loading />}
      {client.error !== null && !c && <ProblemAlert error={client.error} />}
      {problem !== null &&
        (isConflict(problem) ? (
          <ConflictAlert error={problem} onKeepMine={() => void loadLatest(true)} onLoadLatest={() => void loadLatest(false)} />
        ) : (
          <ProblemAlert error={problem} />
        ))}
      {notice && (
        <Alert severity={notice === 'nothing_changed' ? 'warning' : 'success'} heading={t(`form.notice.${notice}`)} headingLevel={2} className="tr-alert" role="status">
          <Paragraph>{t(`form.notice.${notice}Detail`)}</Paragraph>
        </Alert>
      )}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      {c && v && (
        <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading" data-testid="client-edit-form">
          <Heading level={2} size="level-3">
            {t('clients.personHeading')}
          </Heading>
          <TextField form={FORM} name="firstName" label={labels.firstName!} value={v.firstName} onChange={set('firstName')} error={errors.firstName} autoComplete="off" />
          <TextField form={FORM} name="lastName" label={labels.lastName!} value={v.lastName} onChange={set('lastName')} error={errors.lastName} autoComplete="off" />
          <DateField form={FORM} name="birthDate" label={labels.birthDate!} hint={t('clientEdit.birthDateHint')} value={v.birthDate} onChange={set('birthDate')} error={errors.birthDate} optional max={today()} />
          <TextField form={FORM} name="phone" type="tel" label={labels.phone!} value={v.phone} onChange={set('phone')} error={errors.phone} optional autoComplete="off" />
          <TextField form={FORM} name="email" type="email" label={labels.email!} value={v.email} onChange={set('email')} error={errors.email} optional autoComplete="off" spellCheck={false} />
          <TextField form={FORM} name="address" label={labels.address!} hint={t('clients.addressHint')} value={v.address} onChange={set('address')} error={errors.address} optional autoComplete="off" />
          <TextField form={FORM} name="woningnetNumber" label={labels.woningnetNumber!} hint={t('clientEdit.woningnetHint')} value={v.woningnetNumber} onChange={set('woningnetNumber')} error={errors.woningnetNumber} optional />
          <DateField form={FORM} name="woningnetRegisteredOn" label={labels.woningnetRegisteredOn!} value={v.woningnetRegisteredOn} onChange={set('woningnetRegisteredOn')} error={errors.woningnetRegisteredOn} optional max={today()} />
          <SelectField form={FORM} name="targetGroup" label={labels.targetGroup!} value={v.targetGroup} onChange={set('targetGroup')} options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))} placeholder={t('clients.chooseTargetGroup')} optional error={errors.targetGroup} />
          <CheckboxField form={FORM} name="multiProblemFamily" label={t('clients.multiProblemFamily')} checked={v.multiProblemFamily === 'true'} onChange={(b) => set('multiProblemFamily')(b ? 'true' : 'false')} />

          <HouseholdEditor form={FORM} members={household} onChange={(m) => setHousehold(() => m)} errors={errors} />
          <Row gap="large" alignVertical="center" wrap>
            <Button type="submit" disabled={pending || !base}>
              {t('common.save')}
            </Button>
            <Link href={c.trajectories?.[0] ? `/trajecten/${c.trajectories[0].id}` : `/clienten/${c.id}`} linkComponent={RouterLink}>
              {t('common.cancel')}
            </Link>
          </Row>
        </form>
      )}
    </Column>
  );
}
