/** Privacy actions for team managers: the client's data as JSON or PDF (AVG art. 15), a deletion request and its revocation (art. 17). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Button, Heading, Link, Paragraph, Row } from '@amsterdam/design-system-react';
import { api } from '../../../api/client.ts';
import type { DeletionRequest } from '../../../api/types.ts';
import { ErrorSummary, TextAreaField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../../components/ConflictAlert.tsx';
import { Loading, ProblemAlert } from '../../../components/status.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { useResource } from '../../../lib/useResource.ts';
import { StatusText, useDate } from '../common.tsx';

export function PrivacySection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const date = useDate();
  const announce = useAnnounce();
  const requests = useResource<{ items: DeletionRequest[] }>(`/clients/${clientId}/deletion-requests`);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const pendingRequest = requests.data?.items.find((r) => r.status === 'pending') ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = reason.trim().length < 3 ? { reason: msg('privacy.reasonRequired') } : {};
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const r = await api.post<DeletionRequest>(`/clients/${clientId}/deletion-requests`, { reason: reason.trim() });
        announce(t('privacy.requested', { date: date(r.data.effectiveOn) }));
        setReason('');
        await requests.reload();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };
  const revoke = (r: DeletionRequest) =>
    run(async () => {
      setProblem(null);
      try {
        await api.post(`/deletion-requests/${r.id}/revoke`, {}, { ifMatch: r.version });
        announce(t('privacy.revoked'));
        await requests.reload();
      } catch (err) {
        setProblem(err);
      }
    });

  return (
    <>
      <Paragraph>{t('privacy.intro')}</Paragraph>
      <Row gap="large" wrap>
        <Link href={`/api/v1/clients/${clientId}/export`} download>
          {t('privacy.exportJson')}
        </Link>
        <Link href={`/api/v1/clients/${clientId}/export.pdf`}>{t('privacy.exportPdf')}</Link>
      </Row>
      <Heading level={3} size="level-4">
        {t('privacy.deletionHeading')}
      </Heading>
      {problem !== null &&
        (isConflict(problem) ? (
          <ConflictAlert error={problem} onLoadLatest={() => { setProblem(null); void requests.reload(); }} />
        ) : (
          <ProblemAlert error={problem} headingLevel={3} />
        ))}
      {requests.loading && !requests.data && <Loading />}
      {(requests.data?.items ?? []).length > 0 && (
        <ul className="tr-plain-list">
          {requests.data!.items.map((r) => (
            <li key={r.id}>
              <StatusText tone={r.status === 'pending' ? 'warn' : 'muted'}>{t(`privacy.status.${r.status}`)}</StatusText>{' '}
              {t('privacy.requestLine', { date: date(r.requestedAt.slice(0, 10)), by: r.requestedBy?.name ?? '—', effective: date(r.effectiveOn), reason: r.reason })}
              {r.status === 'pending' && (
                <ActionGroup className="tr-alert-action">
                  <Button variant="secondary" disabled={pending} onClick={() => void revoke(r)}>
                    {t('privacy.revoke')}
                  </Button>
                </ActionGroup>
              )}
            </li>
          ))}
        </ul>
      )}
      {!pendingRequest && requests.data && (
        <form noValidate onSubmit={submit} className="tr-form tr-danger-zone" aria-label={t('privacy.deletionHeading')}>
          <Paragraph size="small">{t('privacy.deletionIntro')}</Paragraph>
          <ErrorSummary form="deletion" errors={errors} labels={{ reason: t('privacy.reason') }} attempt={attempt} />
          <TextAreaField form="deletion" name="reason" label={t('privacy.reason')} value={reason} onChange={setReason} error={errors.reason} rows={2} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t('privacy.request')}
          </Button>
        </form>
      )}
    </>
  );
}
