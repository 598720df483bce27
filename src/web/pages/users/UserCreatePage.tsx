import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Breadcrumb, Button, Column, Heading, Link, Paragraph, Row } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, PasswordField, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { MembershipFields } from './MembershipFields.tsx';

const FORM = 'new-user';

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [values, setValues] = useState({ email: '', name: '', locale: 'nl', password: '', organisationId: '', role: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();
  const set = (field: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [field]: v }));

  const labels = {
    name: t('users.name'),
    email: t('users.email'),
    locale: t('users.locale'),
    password: t('users.initialPassword'),
    organisationId: t('users.organisation'),
    role: t('users.role'),
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!values.name.trim()) local.name = msg('form.required');
    if (!values.email.trim()) local.email = msg('form.required');
    if (!values.organisationId) local.organisationId = msg('users.organisationRequired');
    if (!values.role) local.role = msg('users.roleRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const body: Record<string, unknown> = {
          email: values.email.trim(),
          name: values.name.trim(),
          locale: values.locale,
          membership: { organisationId: values.organisationId, role: values.role },
        };
        if (values.password) body.password = values.password;
        const res = await api.post<User>('/users', body);
        announce(t('users.createdHeading'));
        navigate(`/beheer/gebruikers/${res.data.id}`, { state: { saved: 'created' } });
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/beheer/gebruikers" linkComponent={RouterLink}>
          {t('users.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading>{t('users.createTitle')}</PageHeading>
      <Paragraph>{t('users.createIntro')}</Paragraph>
      {problem !== null && <ProblemAlert error={problem} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading">
        <TextField form={FORM} name="name" label={labels.name} value={values.name} onChange={set('name')} error={errors.name} autoComplete="off" />
        <TextField form={FORM} name="email" type="email" label={labels.email} hint={t('users.emailHint')} value={values.email} onChange={set('email')} error={errors.email} autoComplete="off" spellCheck={false} />
        <SelectField
          form={FORM}
          name="locale"
          label={labels.locale}
          value={values.locale}
          onChange={set('locale')}
          options={[
            { value: 'nl', label: t('languages.nl') },
            { value: 'en', label: t('languages.en') },
          ]}
          error={errors.locale}
        />
        <PasswordField form={FORM} name="password" label={labels.password} hint={t('users.initialPasswordHint')} value={values.password} onChange={set('password')} error={errors.password} autoComplete="new-password" optional />
        <section aria-labelledby="first-membership-heading" className="tr-form">
          <Heading level={2} size="level-4" id="first-membership-heading">
            {t('users.firstMembership')}
          </Heading>
          <MembershipFields
            form={FORM}
            organisationId={values.organisationId}
            role={values.role}
            onChange={(m) => setValues((s) => ({ ...s, ...m }))}
            errors={{ organisationId: errors.organisationId, role: errors.role }}
            alsoRequire="user.create"
          />
        </section>
        <Row gap="large" alignVertical="center" wrap>
          <Button type="submit" disabled={pending}>
            {t('users.createSubmit')}
          </Button>
          <Link href="/beheer/gebruikers" linkComponent={RouterLink}>
            {t('common.cancel')}
          </Link>
        </Row>
      </form>
    </Column>
  );
}
