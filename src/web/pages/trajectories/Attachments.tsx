/** Attachments of a form: list, download, upload (multipart with the CSRF token) and remove while the form is not final. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, FileInput, Heading, Label, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { ApiError, request } from '../../api/client.ts';
import type { AttachmentView, FormView, Problem } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useSubmitting } from '../../components/forms.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

export function Attachments({ form }: { form: FormView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const { session } = useSession();
  const list = useResource<{ items: AttachmentView[] }>(`/forms/${form.id}/attachments`);
  const [problem, setProblem] = useState<unknown>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { pending, run } = useSubmitting();
  const mayChange = form.viewer === 'care_provider' && form.status !== 'final';

  const upload = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    void run(async () => {
      setProblem(null);
      const body = new FormData();
      body.append('file', file, file.name);
      const res = await fetch(`/api/v1/forms/${form.id}/attachments`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': lang, ...(session ? { 'X-CSRF-Token': session.csrfToken } : {}) },
      }).catch(() => null);
      if (!res || !res.ok) {
        const p = res ? ((await res.json().catch(() => null)) as Problem | null) : null;
        setProblem(p && typeof p.status === 'number' ? new ApiError(p) : new Error('upload'));
        return;
      }
      if (fileRef.current) fileRef.current.value = '';
      announce(t('attachments.uploaded', { name: file.name }));
      await list.reload();
    });
  };

  const remove = (a: AttachmentView) =>
    run(async () => {
      setProblem(null);
      try {
        await request('DELETE', `/attachments/${a.id}`);
        announce(t('attachments.removed', { name: a.filename }));
        await list.reload();
      } catch (err) {
        setProblem(err);
      }
    });

  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="attachments-heading" className="tr-form-section" id="bijlagen">
      <Heading level={2} size="level-3" id="attachments-heading">
        {t('attachments.heading')}
      </Heading>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      {list.error !== null && <ProblemAlert error={list.error} headingLevel={3} />}
      {items.length === 0 ? (
        <Paragraph>{t('attachments.none')}</Paragraph>
      ) : (
        <TableScroll label={t('attachments.heading')}>
          <Table className="tr-table">
            <Table.Caption className="ams-visually-hidden">{t('attachments.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('attachments.file')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('attachments.size')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('attachments.uploadedBy')}</Table.HeaderCell>
                {mayChange && <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {items.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <Link href={`/api/v1/attachments/${a.id}`}>{a.filename}</Link>
                  </Table.Cell>
                  <Table.Cell>{t('attachments.kb', { size: formatNumber(Math.max(1, Math.round(a.sizeBytes / 1024)), lang) })}</Table.Cell>
                  <Table.Cell>
                    {a.uploadedBy ?? '—'}
                    <span className="tr-cell-line tr-muted">{formatDateTime(a.uploadedAt, lang)}</span>
                  </Table.Cell>
                  {mayChange && (
                    <Table.Cell>
                      <Button variant="tertiary" className="tr-small-button" disabled={pending} onClick={() => void remove(a)}>
                        {t('attachments.remove', { name: a.filename })}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {mayChange && (
        <form onSubmit={upload} className="tr-form" aria-label={t('attachments.uploadHeading')}>
          <Field>
            <Label htmlFor="attachment-file">{t('attachments.choose')}</Label>
            <Paragraph id="attachment-hint" size="small" className="tr-hint">
              {t('attachments.hint')}
            </Paragraph>
            <FileInput id="attachment-file" ref={fileRef} aria-describedby="attachment-hint" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt" />
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t('attachments.upload')}
          </Button>
        </form>
      )}
    </section>
  );
}
