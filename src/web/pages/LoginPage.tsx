import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, Heading, Paragraph } from '@amsterdam/design-system-react';
import { ApiError } from '../api/client.ts';
import type { AuthConfig } from '../api/types.ts';
import { useSession } from '../session/SessionContext.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorSummary, PasswordField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../components/forms.tsx';
import { Loading, ProblemAlert } from '../components/status.tsx';
import { useResource } from '../lib/useResource.ts';

const FORM = 'login';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/inloggen')) return '/';
  return raw;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const config = useResource<AuthConfig>('/auth/config');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'authenticated') return <Navigate to={safeNext(params.get('terug'))} replace />;

  const expired = params.get('reden') === 'verlopen' || state.ended === 'expired';
  const loggedOut = state.ended === 'logged_out';
  const oidcError = ['oidc_failed', 'oidc_unknown_user', 'oidc_inactive'].find((c) => c === params.get('fout')) ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!email.trim()) local.email = msg('login.emailRequired');
    if (!password) local.password = msg('login.passwordRequired');
    setProblem(null);
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        await login(email.trim(), password);
        navigate(safeNext(params.get('terug')), { replace: true });
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        if (err instanceof ApiError && err.status === 401) setPassword('');
      }
    });
  };

  const oidc = config.data?.oidc;
  return (
    <div className="tr-narrow">
      <Column gap="large">
        <PageHeading title={t('login.documentTitle')}>{t('login.title')}</PageHeading>
        <Paragraph size="large">{t('login.intro')}</Paragraph>
        {expired && !problem && (
          <Alert severity="warning" heading={t('login.expiredHeading')} headingLevel={2} className="tr-alert">
            <Paragraph>{t('login.expiredDetail')}</Paragraph>
          </Alert>
        )}
        {loggedOut && !expired && !problem && (
          <Alert severity="success" heading={t('login.loggedOutHeading')} headingLevel={2} className="tr-alert">
            <Paragraph>{t('login.loggedOutDetail')}</Paragraph>
          </Alert>
        )}
        {oidcError && !problem && (
          <Alert severity="error" heading={t('login.oidcErrorHeading')} headingLevel={2} className="tr-alert">
            <Paragraph>{t(`login.oidcErrors.${oidcError}`)}</Paragraph>
          </Alert>
        )}
        {problem !== null && <ProblemAlert error={problem} />}
        <ErrorSummary form={FORM} errors={errors} labels={{ email: t('login.email'), password: t('login.password') }} attempt={attempt} />
        <form noValidate onSubmit={submit} aria-labelledby="login-form-heading" className="tr-form">
          <Heading level={2} size="level-3" id="login-form-heading">
            {t('login.formHeading')}
          </Heading>
          <TextField form={FORM} name="email" label={t('login.email')} type="email" autoComplete="username" spellCheck={false} value={email} onChange={setEmail} error={errors.email} />
          <PasswordField form={FORM} name="password" label={t('login.password')} autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} />
          <Button type="submit" disabled={pending}>
            {pending ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
        {oidc?.enabled && (
          <section aria-labelledby="oidc-heading" className="tr-section">
            <Heading level={2} size="level-3" id="oidc-heading">
              {t('login.oidcHeading')}
            </Heading>
            <Paragraph>{t('login.oidcIntro')}</Paragraph>
            {/* Full-page navigation: the identity provider takes over. */}
            <a className="ams-button ams-button--secondary tr-button-link" href="/api/v1/auth/oidc/login">
              {t('login.oidcButton', { name: oidc.displayName ?? t('login.oidcDefaultName') })}
            </a>
          </section>
        )}
        <Paragraph size="small">{t('login.help')}</Paragraph>
      </Column>
    </div>
  );
}
