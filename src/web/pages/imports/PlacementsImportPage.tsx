/**
 * Import of historical placements (POST /api/v1/imports/placements): choose a CSV, all-or-nothing
 * or "keep the valid rows", upload with XMLHttpRequest so the upload progress can be shown, poll the
 * progress endpoint for rows processed, then show the counts and the rejected rows. Below: the
 * recent imports.
 */
import { AgreementsLinks } from '../agreements/common.tsx';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Column, DescriptionList, ErrorMessage, Field, FieldSet, FileInput, Heading, Label, Paragraph, Radio, Table } from '@amsterdam/design-system-react';
import { ApiError, api } from '../../api/client.ts';
import type { Problem } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, SortPageNote, dateKey, useSort } from '../../components/SortableTable.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { uuid } from '../../lib/uuid.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';

type ImportStatus = 'succeeded' | 'partial' | 'rejected';

interface Rejection {
  row: number;
  placementId?: string;
  field?: string;
  code: string;
  message: { nl: string; en: string };
}

interface ImportResult {
  importId: string;
  status: ImportStatus;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsValid?: number;
  inserted: number;
  updated: number;
  rejections: Rejection[];
  rejectionsTruncated: boolean;
}

interface ImportSummary {
  id: string;
  filename: string | null;
  status: ImportStatus;
  partial: boolean;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  createdBy: string | null;
  startedAt: string;
}

interface Progress {
  rowsProcessed: number;
  rowsAccepted: number;
  rowsRejected: number;
  phase?: 'reading' | 'writing';
}

const COLUMNS: Array<{ name: string; required: boolean }> = [
  { name: 'placement_id', required: true },
  { name: 'municipality', required: true },
  { name: 'corporation', required: true },
  { name: 'target_group', required: true },
  { name: 'active_mediation_date', required: true },
  { name: 'lease_signed_date', required: true },
  { name: 'move_reason', required: true },
  { name: 'persons', required: false },
  { name: 'wheelchair_dwelling', required: false },
  { name: 'district', required: false },
  { name: 'neighbourhood', required: false },
  { name: 'route', required: false },
];

type Phase = 'idle' | 'uploading' | 'processing' | 'done';

export function PlacementsImportPage() {
  const { t } = useTranslation();
  return (
    <Column gap="large">
      <PageHeading>{t('imports.title')}</PageHeading>
      <AgreementsLinks current="import" />
      <Paragraph>{t('imports.intro')}</Paragraph>
      <ImportForm />
      <ExpectedColumns />
    </Column>
  );
}

function ExpectedColumns() {
  const { t } = useTranslation();
  const sort = useSort(COLUMNS, {
    name: (c: (typeof COLUMNS)[number]) => c.name,
    required: (c: (typeof COLUMNS)[number]) => !c.required,
    meaning: (c: (typeof COLUMNS)[number]) => t(`imports.columns.describe.${c.name}`),
  });
  return (
    <section aria-labelledby="import-columns-heading" className="tr-section">
      <Heading level={2} id="import-columns-heading" className="tr-section-heading">
        {t('imports.columns.heading')}
      </Heading>
      <Paragraph>{t('imports.columns.intro')}</Paragraph>
      <TableScroll label={t('imports.columns.heading')}>
        <Table className="tr-table">
          <Table.Caption className="ams-visually-hidden">{t('imports.columns.heading')}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <SortHeaderCell sort={sort} column="name">{t('imports.columns.name')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="required">{t('imports.columns.requiredHeader')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="meaning">{t('imports.columns.meaning')}</SortHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {sort.rows.map((c) => (
              <Table.Row key={c.name}>
                <Table.HeaderCell scope="row">
                  <code>{c.name}</code>
                </Table.HeaderCell>
                <Table.Cell>{c.required ? t('imports.columns.required') : t('imports.columns.optional')}</Table.Cell>
                <Table.Cell>{t(`imports.columns.describe.${c.name}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <Paragraph size="small">{t('imports.columns.example')}</Paragraph>
      <pre className="tr-pre">{'placement_id,municipality,corporation,target_group,active_mediation_date,lease_signed_date,move_reason,persons\nWN-2020-0001,GM9001,WC-LINDE,social_medical_urgent,2020-01-10,2020-03-01,,1\nWN-2020-0002,GM9001,,statushouder_regular,2020-02-01,,,4'}</pre>
    </section>
  );
}

function ImportForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const { session } = useSession();
  const recent = useResource<{ items: ImportSummary[]; total: number }>('/imports/placements', { limit: 20 });
  const recentPartial = !!recent.data && recent.data.total > recent.data.items.length;
  const recentSort = useSort(
    recent.data?.items,
    {
      when: (i: ImportSummary) => dateKey(i.startedAt),
      file: (i: ImportSummary) => i.filename,
      status: (i: ImportSummary) => t(`imports.statuses.${i.status}`),
      accepted: (i: ImportSummary) => i.rowsAccepted,
      rejected: (i: ImportSummary) => i.rowsRejected,
      by: (i: ImportSummary) => i.createdBy,
    },
    { pageOnly: recentPartial },
  );
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<'all' | 'partial'>('all');
  const [phase, setPhase] = useState<Phase>('idle');
  const [uploaded, setUploaded] = useState<{ loaded: number; total: number }>({ loaded: 0, total: 0 });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [noFile, setNoFile] = useState(false);
  const pollRef = useRef<number | null>(null);

  useEffect(() => () => {
    if (pollRef.current !== null) window.clearInterval(pollRef.current);
  }, []);

  useEffect(() => {
    if (phase === 'done' && (result || problem)) resultRef.current?.focus();
  }, [phase, result, problem]);

  const stopPolling = () => {
    if (pollRef.current !== null) window.clearInterval(pollRef.current);
    pollRef.current = null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setNoFile(true);
      fileRef.current?.focus();
      return;
    }
    setNoFile(false);
    setProblem(null);
    setResult(null);
    setProgress(null);
    setUploaded({ loaded: 0, total: file.size });
    setPhase('uploading');
    announce(t('imports.status.uploading', { name: file.name }));

    const token = uuid();
    const query = new URLSearchParams({ progressToken: token, ...(mode === 'partial' ? { partial: 'true' } : {}) });
    const body = new FormData();
    body.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports/placements?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', lang);
    if (session) xhr.setRequestHeader('X-CSRF-Token', session.csrfToken);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setUploaded({ loaded: ev.loaded, total: ev.total });
    };
    xhr.upload.onload = () => {
      setPhase('processing');
      announce(t('imports.status.processing'));
    };
    // Rows processed so far (the server keeps them per process while the POST runs).
    pollRef.current = window.setInterval(() => {
      api.get<Progress>(`/imports/placements/progress/${token}`).then((r) => setProgress(r.data), () => undefined);
    }, 1000);
    const finish = () => {
      stopPolling();
      setPhase('done');
      void recent.reload();
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status === 200 && data) {
        const r = data as ImportResult;
        setResult(r);
        announce(t(r.status === 'partial' ? 'imports.status.partial' : 'imports.status.succeeded', { accepted: r.rowsAccepted, rejected: r.rowsRejected }));
        if (fileRef.current) fileRef.current.value = '';
      } else if (xhr.status === 422 && data && (data as ImportResult).importId) {
        const r = data as Omit<ImportResult, 'status'> & Problem;
        setResult({ ...r, status: 'rejected' });
        setProblem(new ApiError(r));
        announce(t('imports.status.rejected', { rejected: r.rowsRejected }));
      } else {
        const p = data as Problem | null;
        setProblem(p && typeof p.status === 'number' ? new ApiError(p) : new Error('upload'));
        announce(t('imports.status.failed'));
      }
      finish();
    };
    xhr.onerror = () => {
      setProblem(new Error('network'));
      announce(t('imports.status.failed'));
      finish();
    };
    xhr.send(body);
  };

  const busy = phase === 'uploading' || phase === 'processing';
  const percent = uploaded.total > 0 ? Math.round((uploaded.loaded / uploaded.total) * 100) : 0;
  const status = result?.status ?? null;

  return (
    <>
      <section aria-labelledby="import-form-heading" className="tr-section">
        <Heading level={2} id="import-form-heading" className="tr-section-heading">
          {t('imports.form.heading')}
        </Heading>
        <form onSubmit={submit} className="tr-form" noValidate>
          <Field invalid={noFile}>
            <Label htmlFor="import-file">{t('imports.form.file')}</Label>
            <Paragraph id="import-file-hint" size="small" className="tr-hint">
              {t('imports.form.fileHint')}
            </Paragraph>
            {noFile && (
              <ErrorMessage id="import-file-error" prefix={t('form.errorPrefix')}>
                {t('imports.form.fileRequired')}
              </ErrorMessage>
            )}
            <FileInput
              id="import-file"
              ref={fileRef}
              accept=".csv,text/csv"
              aria-describedby={noFile ? 'import-file-hint import-file-error' : 'import-file-hint'}
              aria-invalid={noFile || undefined}
              disabled={busy}
            />
          </Field>
          <FieldSet legend={t('imports.form.mode')} role="radiogroup">
            <div className="tr-choices">
              <Radio id="import-mode-all" name="import-mode" value="all" checked={mode === 'all'} onChange={() => setMode('all')} disabled={busy}>
                {t('imports.form.modeAll')}
              </Radio>
              <Radio id="import-mode-partial" name="import-mode" value="partial" checked={mode === 'partial'} onChange={() => setMode('partial')} disabled={busy}>
                {t('imports.form.modePartial')}
              </Radio>
            </div>
          </FieldSet>
          <Button type="submit" disabled={busy}>
            {t('imports.form.submit')}
          </Button>
        </form>

        {phase !== 'idle' && (
          <div className="tr-subform">
            <Label htmlFor="import-upload-progress">{t('imports.progress.upload')}</Label>
            <progress id="import-upload-progress" max={100} value={percent} aria-valuetext={t('imports.progress.percent', { percent })}>
              {percent}%
            </progress>
            <Paragraph role="status" aria-live="polite">
              {phase === 'uploading' && t('imports.progress.uploading', { percent })}
              {phase === 'processing' && (progress
                ? progress.phase === 'writing'
                  ? t('imports.progress.writing', { accepted: formatNumber(progress.rowsAccepted, lang) })
                  : t('imports.progress.rows', { processed: formatNumber(progress.rowsProcessed, lang), rejected: formatNumber(progress.rowsRejected, lang) })
                : t('imports.progress.processing'))}
              {phase === 'done' && t('imports.progress.done')}
            </Paragraph>
          </div>
        )}
      </section>

      {phase === 'done' && (result || problem !== null) && (
        <section aria-labelledby="import-result-heading" className="tr-section">
          <div ref={resultRef} tabIndex={-1}>
            <Heading level={2} id="import-result-heading" className="tr-section-heading">
              {t('imports.result.heading')}
            </Heading>
          </div>
          {problem !== null && <ProblemAlert error={problem} focus={false} />}
          {result && status && (
            <>
              <DescriptionList>
                <DescriptionList.Term>{t('imports.result.status')}</DescriptionList.Term>
                <DescriptionList.Description>{t(`imports.statuses.${status}`)}</DescriptionList.Description>
                <DescriptionList.Term>{t('imports.result.rowsTotal')}</DescriptionList.Term>
                <DescriptionList.Description>{formatNumber(result.rowsTotal, lang)}</DescriptionList.Description>
                <DescriptionList.Term>{t('imports.result.rowsAccepted')}</DescriptionList.Term>
                <DescriptionList.Description>{formatNumber(result.rowsAccepted, lang)}</DescriptionList.Description>
                <DescriptionList.Term>{t('imports.result.inserted')}</DescriptionList.Term>
                <DescriptionList.Description>{formatNumber(result.inserted, lang)}</DescriptionList.Description>
                <DescriptionList.Term>{t('imports.result.updated')}</DescriptionList.Term>
                <DescriptionList.Description>{formatNumber(result.updated, lang)}</DescriptionList.Description>
                <DescriptionList.Term>{t('imports.result.rowsRejected')}</DescriptionList.Term>
                <DescriptionList.Description>{formatNumber(result.rowsRejected, lang)}</DescriptionList.Description>
              </DescriptionList>
              {result.rejections.length > 0 && <Rejections rejections={result.rejections} truncated={result.rejectionsTruncated} />}
            </>
          )}
        </section>
      )}

      <section aria-labelledby="import-recent-heading" className="tr-section">
        <Heading level={2} id="import-recent-heading" className="tr-section-heading">
          {t('imports.recent.heading')}
        </Heading>
        {recent.error !== null && <ProblemAlert error={recent.error} focus={false} onRetry={() => void recent.reload()} />}
        {recent.loading && !recent.data && <Loading />}
        {recent.data && recent.data.items.length === 0 && <Paragraph>{t('imports.recent.none')}</Paragraph>}
        {recent.data && recent.data.items.length > 0 && (
          <TableScroll label={t('imports.recent.heading')}>
            <Table className="tr-table">
              <Table.Caption className="ams-visually-hidden">{t('imports.recent.heading')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <SortHeaderCell sort={recentSort} column="when">{t('imports.recent.when')}</SortHeaderCell>
                  <SortHeaderCell sort={recentSort} column="file">{t('imports.recent.file')}</SortHeaderCell>
                  <SortHeaderCell sort={recentSort} column="status">{t('imports.result.status')}</SortHeaderCell>
                  <SortHeaderCell sort={recentSort} column="accepted">{t('imports.result.rowsAccepted')}</SortHeaderCell>
                  <SortHeaderCell sort={recentSort} column="rejected">{t('imports.result.rowsRejected')}</SortHeaderCell>
                  <SortHeaderCell sort={recentSort} column="by">{t('imports.recent.by')}</SortHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {recentSort.rows.map((i) => (
                  <Table.Row key={i.id}>
                    <Table.Cell>{formatDateTime(i.startedAt, lang)}</Table.Cell>
                    <Table.Cell>{i.filename ?? '—'}</Table.Cell>
                    <Table.Cell>{t(`imports.statuses.${i.status}`)}</Table.Cell>
                    <Table.Cell>{formatNumber(i.rowsAccepted, lang)}</Table.Cell>
                    <Table.Cell>{formatNumber(i.rowsRejected, lang)}</Table.Cell>
                    <Table.Cell>{i.createdBy ?? '—'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        <SortPageNote show={recentPartial && recentSort.state !== null} />
      </section>
    </>
  );
}

function Rejections({ rejections, truncated }: { rejections: Rejection[]; truncated: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sort = useSort(rejections, {
    row: (r: Rejection) => r.row,
    placementId: (r: Rejection) => r.placementId,
    field: (r: Rejection) => r.field,
    reason: (r: Rejection) => r.message[lang],
  });
  return (
    <>
      <Heading level={3} id="import-rejections-heading">
        {t('imports.rejections.heading')}
      </Heading>
      {truncated && <Paragraph>{t('imports.rejections.truncated', { count: rejections.length })}</Paragraph>}
      <TableScroll label={t('imports.rejections.heading')}>
        <Table className="tr-table">
          <Table.Caption className="ams-visually-hidden">{t('imports.rejections.heading')}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <SortHeaderCell sort={sort} column="row">{t('imports.rejections.row')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="placementId">{t('imports.rejections.placementId')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="field">{t('imports.rejections.field')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="reason">{t('imports.rejections.reason')}</SortHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {sort.rows.map((r, n) => (
              <Table.Row key={`${r.row}-${n}`}>
                <Table.Cell>{r.row}</Table.Cell>
                <Table.Cell>{r.placementId ?? '—'}</Table.Cell>
                <Table.Cell>{r.field ? <code>{r.field}</code> : '—'}</Table.Cell>
                <Table.Cell>{r.message[lang]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </>
  );
}
