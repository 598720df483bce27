import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, DescriptionList, Heading, Paragraph, Row, UnorderedList } from '@amsterdam/design-system-react';
import { ApiError, api } from '../api/client.ts';
import type { Lang, User } from '../api/types.ts';
import { useSession } from '../session/SessionContext.tsx';
import { setLanguage } from '../i18n/index.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorSummary, PasswordField, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors, type Msg } from '../components/forms.tsx';
import { Loading, ProblemAlert } from '../components/status.tsx';
import { ConflictAlert, isConflict } from '../components/ConflictAlert.tsx';
import { useAnnounce } from '../components/Announcer.tsx';
import { useResource } from '../lib/useResource.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLang } from '../i18n/useLang.ts';

export function AccountPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const me = useResource<User>(session ? `/users/${session.user.id}` : null);
  if (!session) return null;
  return (
    <Column gap="large">
      <PageHeading>{t('account.title')}</PageHeading>
      <section aria-labelledby="account-overview-heading">
        <Heading level={2} size="level-3" id="account-overview-heading" className="tr-section-heading">
          {t('account.overview')}
        </Heading>
        <DescriptionList termsWidth="medium">
          <DescriptionList.Term>{t('users.email')}</DescriptionList.Term>
          <DescriptionList.Description>{session.user.email}</DescriptionList.Description>
          <DescriptionList.Term>{t('account.memberships')}</DescriptionList.Term>
          <DescriptionList.Description>
            <UnorderedList markers={false}>
              {session.memberships.map((m) => (
                <UnorderedList.Item key={m.id}>
                  {m.organisationName} — {t(`roles.${m.role}`)}
                  {m.id === session.activeMembershipId ? ` (${t('account.active')})` : ''}
                </UnorderedList.Item>
              ))}
            </UnorderedList>
          </DescriptionList.Description>
          <DescriptionList.Term>{t('account.loginMethod')}</DescriptionList.Term>
          <DescriptionList.Description>{t(`account.authMethods.${session.authMethod}`, { defaultValue: session.authMethod })}</DescriptionList.Description>
          {me.data?.lastLoginAt && (
            <>
              <DescriptionList.Term>{t('users.lastLogin')}</DescriptionList.Term>
              <DescriptionList.Description>{formatDateTime(me.data.lastLoginAt, lang)}</DescriptionList.Description>
            </>
          )}
          <DescriptionList.Term>{t('account.sessionEnds')}</DescriptionList.Term>
          <DescriptionList.Description>{formatDateTime(session.expiresAt, lang)}</DescriptionList.Description>
        </DescriptionList>
      </section>
      {me.error !== null && <ProblemAlert error={me.error} onRetry={() => void me.reload()} />}
      {me.loading && !me.data && <Loading />}
      {me.data && <ProfileForm me={me.data} etag={me.etag} onSaved={(u, etag) => me.set(u, etag)} reload={me.reload} />}
      <PasswordForm hasPassword={me.data?.hasPassword ?? true} />
    </Column>
  );
}

function ProfileForm({ me, etag, onSaved, reload }: { me: User; etag: string | null; onSaved: (u: User, etag: string | null) => void; reload: () => Promise<User | null> }) {
  const FORM = 'profile';
  const { t } = useTranslation();
  const { refresh } = useSession();
  const announce = useAnnounce();
  const [values, setValues] = useState({ name: me.name ?? '', locale: (me.locale ?? 'nl') as Lang });
  const [version, setVersion] = useState<string>(etag ?? String(me.version));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setSaved(false);
    const local: FieldErrors = {};
    if (!values.name.trim()) local.name = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    const patch: Record<string, string> = {};
    if (values.name.trim() !== me.name) patch.name = values.name.trim();
    if (values.locale !== me.locale) patch.locale = values.locale;
    void run(async () => {
      try {
        if (Object.keys(patch).length) {
          const res = await api.patch<User>(`/users/${me.id}`, patch, { ifMatch: version });
          onSaved(res.data, res.etag);
          setVersion(res.etag ?? String(res.data.version));
          await refresh();
        }
        await setLanguage(values.locale);
        setSaved(true);
        announce(t('account.profileSaved'));
      } catch (err) {
        if (isConflict(err)) {
          setProblem(err);
          return;
        }
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  return (
    <section aria-labelledby="profile-heading">
      <Heading level={2} size="level-3" id="profile-heading" className="tr-section-heading">
        {t('account.profile')}
      </Heading>
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="profile-heading">
        {saved && (
          <Alert ref={savedRef} tabIndex={-1} severity="success" heading={t('account.profileSaved')} headingLevel={3} className="tr-alert" />
        )}
        {problem !== null &&
          (isConflict(problem) ? (
            <ConflictAlert
              error={problem}
              onKeepMine={() =>
                void reload().then((u) => {
                  if (u) setVersion(String(u.version));
                  setProblem(null);
                })
              }
              onLoadLatest={() =>
                void reload().then((u) => {
                  if (u) {
                    setVersion(String(u.version));
                    setValues({ name: u.name ?? '', locale: (u.locale ?? 'nl') as Lang });
                  }
                  setProblem(null);
                })
              }
            />
          ) : (
            <ProblemAlert error={problem} headingLevel={3} />
          ))}
        <ErrorSummary form={FORM} errors={errors} labels={{ name: t('users.name'), locale: t('account.language') }} attempt={attempt} />
        <TextField form={FORM} name="name" label={t('users.name')} value={values.name} onChange={(v) => setValues((s) => ({ ...s, name: v }))} error={errors.name} autoComplete="name" />
        <SelectField
          form={FORM}
          name="locale"
          label={t('account.language')}
          hint={t('account.languageHint')}
          value={values.locale}
          onChange={(v) => setValues((s) => ({ ...s, locale: v as Lang }))}
          options={[
            { value: 'nl', label: t('languages.nl') },
            { value: 'en', label: t('languages.en') },
          ]}
          error={errors.locale}
        />
        <Row>
          <Button type="submit" disabled={pending}>
            {t('common.save')}
          </Button>
        </Row>
      </form>
    </section>
  );
}

function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const FORM = 'password';
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setDone(false);
    const local: FieldErrors = {};
    if (hasPassword && !values.currentPassword) local.currentPassword = msg('form.required');
    // The minimum length is the API's rule; it answers with a field error when the password is too short.
    if (!values.newPassword) local.newPassword = msg('form.required');
    else if (values.newPassword !== values.repeat) local.repeat = msg('account.passwordMismatch');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        await api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
        setValues({ currentPassword: '', newPassword: '', repeat: '' });
        setDone(true);
        announce(t('account.passwordChanged'));
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (err instanceof ApiError && err.code === 'wrong_current_password' && err.problem.messages) {
          fields.currentPassword = { nl: err.problem.messages.nl.detail, en: err.problem.messages.en.detail } satisfies Msg;
        }
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  return (
    <section aria-labelledby="password-heading">
      <Heading level={2} size="level-3" id="password-heading" className="tr-section-heading">
        {t('account.passwordHeading')}
      </Heading>
      <Paragraph>{t('account.passwordIntro')}</Paragraph>
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="password-heading">
        {done && (
          <Alert ref={doneRef} tabIndex={-1} severity="success" heading={t('account.passwordChanged')} headingLevel={3} className="tr-alert">
            <Paragraph>{t('account.passwordChangedDetail')}</Paragraph>
          </Alert>
        )}
        {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
        <ErrorSummary
          form={FORM}
          errors={errors}
          labels={{ currentPassword: t('account.currentPassword'), newPassword: t('account.newPassword'), repeat: t('account.repeatPassword') }}
          attempt={attempt}
        />
        {hasPassword && (
          <PasswordField form={FORM} name="currentPassword" label={t('account.currentPassword')} value={values.currentPassword} onChange={(v) => setValues((s) => ({ ...s, currentPassword: v }))} error={errors.currentPassword} autoComplete="current-password" />
        )}
        <PasswordField form={FORM} name="newPassword" label={t('account.newPassword')} hint={t('account.newPasswordHint')} value={values.newPassword} onChange={(v) => setValues((s) => ({ ...s, newPassword: v }))} error={errors.newPassword} autoComplete="new-password" />
        <PasswordField form={FORM} name="repeat" label={t('account.repeatPassword')} value={values.repeat} onChange={(v) => setValues((s) => ({ ...s, repeat: v }))} error={errors.repeat} autoComplete="new-password" />
        <Row>
          <Button type="submit" disabled={pending}>
            {t('account.changePassword')}
          </Button>
        </Row>
      </form>
    </section>
  );
}
