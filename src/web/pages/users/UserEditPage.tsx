import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Button, Column, Link, Paragraph, Row } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { userFieldsWritable } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { knownScopeFor, userResource } from '../../lib/users.ts';
import { mergeChanges } from '../../lib/merge.ts';

const FORM = 'edit-user';
type Values = { name: string; email: string; locale: string };
const valuesOf = (u: User): Values => ({ name: u.name ?? '', email: u.email ?? '', locale: u.locale ?? 'nl' });

export function UserEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { session } = useSession();
  const user = useResource<User>(`/users/${id}`);
  const [values, setValues] = useState<Values>({ name: '', email: '', locale: 'nl' });
  const [base, setBase] = useState<{ version: string; values: Values } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [notice, setNotice] = useState<'nothing_changed' | 'latest_loaded' | 'mine_kept' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();

  useEffect(() => {
    if (user.data && !base) {
      setValues(valuesOf(user.data));
      setBase({ version: user.etag ?? String(user.data.version), values: valuesOf(user.data) });
    }
  }, [user.data, user.etag, base]);

  const u = user.data;
  const writable = u ? userFieldsWritable(session, userResource(u), knownScopeFor(session, u)) : [];
  const labels = { name: t('users.name'), email: t('users.email'), locale: t('users.locale') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setNotice(null);
    const local: FieldErrors = {};
    if (writable.includes('name') && !values.name.trim()) local.name = msg('form.required');
    if (writable.includes('email') && !values.email.trim()) local.email = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length || !u || !base) return;
    const patch: Record<string, string> = {};
    for (const f of ['name', 'email', 'locale'] as const) {
      if (writable.includes(f) && values[f].trim() !== base.values[f]) patch[f] = values[f].trim();
    }
    if (Object.keys(patch).length === 0) {
      setNotice('nothing_changed');
      return;
    }
    void run(async () => {
      try {
        await api.patch<User>(`/users/${u.id}`, patch, { ifMatch: base.version });
        announce(t('users.updatedHeading'));
        navigate(`/beheer/gebruikers/${u.id}`, { state: { saved: 'updated' } });
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

  const loadLatest = async (keepMine: boolean) => {
    const latest = await user.reload();
    if (!latest) return;
    if (keepMine && base) setValues(mergeChanges(base.values, values, valuesOf(latest)));
    else setValues(valuesOf(latest));
    setBase({ version: String(latest.version), values: valuesOf(latest) });
    setProblem(null);
    setNotice(keepMine ? 'mine_kept' : 'latest_loaded');
  };

  const title = u ? t('users.editTitle', { name: u.name ?? '' }) : t('users.editTitleLoading');
  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/beheer/gebruikers" linkComponent={RouterLink}>
          {t('users.title')}
        </Breadcrumb.Link>
        {u && (
          <Breadcrumb.Link href={`/beheer/gebruikers/${u.id}`} linkComponent={RouterLink}>
            {u.name}
          </Breadcrumb.Link>
        )}
      </Breadcrumb>
      <PageHeading title={title}>{title}</PageHeading>
      {user.loading && !u && <Loading />}
      {user.error !== null && !u && <ProblemAlert error={user.error} />}
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
      {u && (
        <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading">
          {writable.includes('name') && <TextField form={FORM} name="name" label={labels.name} value={values.name} onChange={(v) => setValues((s) => ({ ...s, name: v }))} error={errors.name} autoComplete="off" />}
          {writable.includes('email') && (
            <TextField form={FORM} name="email" type="email" label={labels.email} value={values.email} onChange={(v) => setValues((s) => ({ ...s, email: v }))} error={errors.email} autoComplete="off" spellCheck={false} />
          )}
          {writable.includes('locale') && (
            <SelectField
              form={FORM}
              name="locale"
              label={labels.locale}
              value={values.locale}
              onChange={(v) => setValues((s) => ({ ...s, locale: v }))}
              options={[
                { value: 'nl', label: t('languages.nl') },
                { value: 'en', label: t('languages.en') },
              ]}
              error={errors.locale}
            />
          )}
          {writable.length === 0 && <Paragraph>{t('users.nothingWritable')}</Paragraph>}
          <Row gap="large" alignVertical="center" wrap>
            <Button type="submit" disabled={pending || !base || writable.length === 0}>
              {t('common.save')}
            </Button>
            <Link href={`/beheer/gebruikers/${u.id}`} linkComponent={RouterLink}>
              {t('common.cancel')}
            </Link>
          </Row>
        </form>
      )}
    </Column>
  );
}
