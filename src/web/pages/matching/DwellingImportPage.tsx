/**
 * "Woningen uploaden": many dwellings at once from a CSV (POST /api/v1/dwellings/import, text/csv).
 * All or nothing: when a row is refused nothing is saved and every refused row is listed with its
 * reason, in the UI language.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, ErrorMessage, Field, FileInput, Heading, Label, LinkList, Paragraph, Table } from '@amsterdam/design-system-react';
import { ApiError, buildUrl } from '../../api/client.ts';
import type { Problem } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useSubmitting } from '../../components/forms.tsx';
import { useSession } from '../../session/SessionContext.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { uuid } from '../../lib/uuid.ts';
import { plainMessage } from '../../components/forms.tsx';

interface Rejection { row: number; field: string; messageNl: string; messageEn: string }

const COLUMNS = [
  'postcode', 'house_number', 'house_letter', 'addition', 'floor', 'lift', 'facilities', 'noise', 'defects', 'contact_name', 'contact_role', 'contact_phone', 'contact_email',
  'last_nuisance_file_on', 'liveability', 'access_type', 'rooms', 'area_m2', 'dwelling_type', 'wheelchair_suitable', 'available_on', 'pool', 'rent',
];

/** "/contact/name" → "contact_name", "/houseNumber" → "house_number": the column as the file names it. */
export function columnOf(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean).filter((p) => !/^\d+$/.test(p) && p !== 'manualAddress');
  if (!parts.length) return '';
  return parts.join('_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/^area_m2$/, 'area_m2');
}

function upload(csv: string, lang: string, csrf: string | null): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/dwellings/import'));
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', lang);
    xhr.setRequestHeader('Idempotency-Key', uuid());
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(csv);
  });
}

export function DwellingImportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const announce = useAnnounce();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [rejections, setRejections] = useState<Rejection[] | null>(null);
  const [accepted, setAccepted] = useState<number | null>(null);
  const { pending, run } = useSubmitting();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setRejections(null);
    setAccepted(null);
    setFileError(!file);
    if (!file) return;
    void run(async () => {
      try {
        const text = await file.text();
        const r = await upload(text, lang, session?.csrfToken ?? null);
        if (r.status >= 200 && r.status < 300) {
          const n = (r.body as { accepted?: number })?.accepted ?? 0;
          setAccepted(n);
          announce(t('matching.import.done', { count: n }));
          return;
        }
        const p = r.body as (Problem & { rejections?: Rejection[]; extra?: { rejections?: Rejection[] } }) | null;
        const rows = p?.rejections ?? p?.extra?.rejections ?? null;
        if (rows?.length) {
          setRejections(rows);
          announce(t('matching.import.rejected', { count: new Set(rows.map((x) => x.row)).size }));
        } else if (p && typeof p.status === 'number') setProblem(new ApiError(p));
        else setProblem(new Error('unexpected'));
      } catch (err) {
        setProblem(err);
      }
    });
  };

  return (
    <Column gap="large">
      <PageHeading>{t('matching.import.title')}</PageHeading>
      <LinkList>
        <LinkList.Link href="/woningen" linkComponent={RouterLink}>{t('matching.dwellings.back')}</LinkList.Link>
      </LinkList>
      <Paragraph>{t('matching.import.intro')}</Paragraph>
      {problem !== null && <ProblemAlert error={problem} />}
      {accepted !== null && (
        <Alert severity="success" headingLevel={2} heading={t('matching.import.done', { count: accepted })} className="tr-alert" data-testid="import-done">
          <Paragraph><RouterLink href="/woningen">{t('matching.import.toList')}</RouterLink></Paragraph>
        </Alert>
      )}
      {rejections && (
        <section aria-labelledby="import-rejections-heading" className="tr-section" data-testid="import-rejections">
          <Heading level={2} id="import-rejections-heading" className="tr-section-heading">
            {t('matching.import.rejected', { count: new Set(rejections.map((x) => x.row)).size })}
          </Heading>
          <Paragraph>{t('matching.import.nothingSaved')}</Paragraph>
          <TableScroll label={t('matching.import.rejectionsCaption')}>
            <Table className="tr-table">
              <Table.Caption className="ams-visually-hidden">{t('matching.import.rejectionsCaption')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t('matching.import.row')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('matching.import.column')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('matching.import.reason')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rejections.map((r, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{r.row}</Table.Cell>
                    <Table.Cell>{columnOf(r.field) || '—'}</Table.Cell>
                    <Table.Cell>{plainMessage(lang === 'en' ? r.messageEn : r.messageNl)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </section>
      )}
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading">
        <Field invalid={fileError}>
          <Label htmlFor="dwelling-import-file">{t('matching.import.file')}</Label>
          <Paragraph id="dwelling-import-file-hint" size="small" className="tr-hint">{t('matching.import.fileHint')}</Paragraph>
          {fileError && <ErrorMessage id="dwelling-import-file-error">{t('matching.import.chooseFile')}</ErrorMessage>}
          <FileInput id="dwelling-import-file" accept=".csv,text/csv" aria-describedby={`dwelling-import-file-hint${fileError ? ' dwelling-import-file-error' : ''}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Button type="submit" disabled={pending}>{t('matching.import.submit')}</Button>
      </form>
      <section aria-labelledby="import-columns-heading" className="tr-section">
        <Heading level={2} id="import-columns-heading" className="tr-section-heading">{t('matching.import.columnsHeading')}</Heading>
        <Paragraph>{t('matching.import.columnsIntro')}</Paragraph>
        <Paragraph className="tr-break">{COLUMNS.join(', ')}</Paragraph>
      </section>
    </Column>
  );
}
