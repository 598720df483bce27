import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Column, DateInput, DescriptionList, ErrorMessage, Field, Heading, Label, Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { ChevronBackwardIcon, ChevronForwardIcon } from '@amsterdam/design-system-react-icons';
import { api } from '../api/client.ts';
import type { AuditPage as AuditPageData, AuditRow, VerifyResult } from '../api/types.ts';
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES } from '../../domain/policy/audit-vocabulary.ts';
import { useSession } from '../session/SessionContext.tsx';
import { can, platformWide } from '../session/policy.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RouterLink } from '../components/RouterLink.tsx';
import { SelectField, TextField, inputId, msg, useSubmitting, type Msg } from '../components/forms.tsx';
import { Loading, ProblemAlert } from '../components/status.tsx';
import { useAnnounce } from '../components/Announcer.tsx';
import { useResource } from '../lib/useResource.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { useLang } from '../i18n/useLang.ts';
import { TableScroll } from '../components/TableScroll.tsx';
import { SortHeaderCell, SortPageNote, useSort, type SortKey } from '../components/SortableTable.tsx';
import { buildUrl } from '../api/client.ts';

const FORM = 'audit-filter';
const PAGE = 50;
const OUTCOMES = ['success', 'denied', 'failure'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters and their names in the address (Dutch, like the page's own address). */
const PARAM = { client: 'client', trajectory: 'traject', user: 'gebruiker', action: 'handeling', resourceType: 'soort', resourceId: 'id', outcome: 'uitkomst', from: 'van', to: 'tot' } as const;
type Filters = Record<keyof typeof PARAM, string>;
type IdError = Partial<Record<'client' | 'trajectory' | 'user', Msg>>;

/** The translation key of an audit action's label (the page shows its words, never the code). */
const actionKey = (action: string) => `audit.actions.${action.replace(/\./g, '_')}`;

/** A calendar date (YYYY-MM-DD) as the start of that day in the browser's time zone, as ISO. */
function startOfDay(date: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
}

export function AuditPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const announce = useAnnounce();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(Object.entries(PARAM).map(([k, p]) => [k, params.get(p) ?? ''])) as Filters;
  const before = params.get('voor') ?? '';
  const [draft, setDraft] = useState(filters);
  const [dateError, setDateError] = useState<Msg | null>(null);
  const [idErrors, setIdErrors] = useState<IdError>({});
  const filterKey = JSON.stringify(filters);
  useEffect(() => setDraft(JSON.parse(filterKey) as Filters), [filterKey]);

  // An identifier from the address that is not one is not sent (the server would refuse it).
  const id = (v: string) => (UUID.test(v) ? v : undefined);
  const serverFilters = {
    clientId: id(filters.client),
    trajectoryId: id(filters.trajectory),
    actorUserId: id(filters.user),
    action: filters.action || undefined,
    resourceType: filters.resourceType || undefined,
    resourceId: filters.resourceId || undefined,
    outcome: filters.outcome || undefined,
    from: filters.from ? startOfDay(filters.from) : undefined,
    to: filters.to ? startOfDay(filters.to, 1) : undefined,
  };
  const page = useResource<AuditPageData>('/audit', { ...serverFilters, before: before || undefined, limit: PAGE });
  const exportHref = buildUrl('/audit/export.csv', { ...serverFilters, lang });
  const sort = useSort(page.data?.items, {
    seq: (r) => Number(r.seq),
    when: (r) => new Date(r.occurredAt),
    who: (r) => r.actorName ?? '',
    action: (r): SortKey => t(actionKey(r.action), { defaultValue: r.action }),
    subject: (r): SortKey => t(`audit.resourceTypes.${r.resourceType}`, { defaultValue: r.resourceType }),
    purpose: (r): SortKey => (r.purpose ? t(`purposes.${r.purpose}`, { defaultValue: r.purpose }) : ''),
    outcome: (r): SortKey => t(`audit.outcomes.${r.outcome}`, { defaultValue: r.outcome }),
  }, { pageOnly: true });
  const count = page.data?.items.length;
  useEffect(() => {
    if (count !== undefined && !page.loading) announce(t('audit.shown', { count }));
  }, [count, page.loading, announce, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wrong: IdError = {};
    for (const k of ['client', 'trajectory', 'user'] as const) if (draft[k].trim() && !UUID.test(draft[k].trim())) wrong[k] = msg('auditView.idInvalid');
    setIdErrors(wrong);
    const firstWrong = (['client', 'trajectory', 'user'] as const).find((k) => wrong[k]);
    if (firstWrong) {
      document.getElementById(inputId(FORM, firstWrong))?.focus();
      return;
    }
    if (draft.from && draft.to && draft.from > draft.to) {
      setDateError(msg('audit.dateOrder'));
      document.getElementById(inputId(FORM, 'to'))?.focus();
      return;
    }
    setDateError(null);
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v.trim()) next.set(PARAM[k as keyof Filters], v.trim());
    setParams(next);
  };
  /** The address of this page with one filter set (the links in the table). */
  const onlyHref = (key: 'client' | 'trajectory' | 'user', value: string) => {
    const p = new URLSearchParams(params);
    p.delete('voor');
    p.set(PARAM[key], value);
    return `/beheer/auditlog?${p.toString()}`;
  };
  const anyFilter = Object.values(filters).some((v) => v);

  // The filters offer every action and kind of record the server audits, by their words in
  // alphabetical order; a value from the address that is not in the list stays choosable.
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  const withCurrent = (codes: ReadonlyArray<string>, current: string) => (current && !codes.includes(current) ? [...codes, current] : codes);
  const actionOptions = withCurrent(AUDIT_ACTIONS, filters.action)
    .map((a) => ({ value: a, label: t(actionKey(a), { defaultValue: a }) }))
    .sort(byLabel);
  const resourceTypeOptions = withCurrent(AUDIT_RESOURCE_TYPES, filters.resourceType)
    .map((r) => ({ value: r, label: t(`audit.resourceTypes.${r}`, { defaultValue: r }) }))
    .sort(byLabel);

  const olderHref = () => {
    const p = new URLSearchParams(params);
    p.set('voor', page.data!.nextBefore!);
    return `/beheer/auditlog?${p.toString()}`;
  };
  const newestHref = () => {
    const p = new URLSearchParams(params);
    p.delete('voor');
    const qs = p.toString();
    return `/beheer/auditlog${qs ? `?${qs}` : ''}`;
  };

  return (
    <Column gap="large">
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{platformWide(session, 'audit.read') ? t('audit.introPlatform') : t('audit.introOrganisation')}</Paragraph>

      {can(session, 'audit.verify') && <VerifyChain />}

      <form role="search" aria-label={t('audit.filterName')} noValidate onSubmit={submit} className="tr-filters">
        <Row wrap alignVertical="end" gap="large">
          <TextField form={FORM} name="client" label={t('auditView.client')} hint={t('auditView.clientHint')} value={draft.client} onChange={(v) => setDraft((d) => ({ ...d, client: v }))} optional spellCheck={false} error={idErrors.client} />
          <TextField form={FORM} name="trajectory" label={t('auditView.trajectory')} hint={t('auditView.trajectoryHint')} value={draft.trajectory} onChange={(v) => setDraft((d) => ({ ...d, trajectory: v }))} optional spellCheck={false} error={idErrors.trajectory} />
          <TextField form={FORM} name="user" label={t('auditView.user')} value={draft.user} onChange={(v) => setDraft((d) => ({ ...d, user: v }))} optional spellCheck={false} error={idErrors.user} />
          <SelectField
            form={FORM}
            name="action"
            label={t('audit.action')}
            value={draft.action}
            onChange={(v) => setDraft((d) => ({ ...d, action: v }))}
            options={actionOptions}
            placeholder={t('audit.allActions')}
            optional
          />
          <SelectField
            form={FORM}
            name="resourceType"
            label={t('audit.resourceType')}
            value={draft.resourceType}
            onChange={(v) => setDraft((d) => ({ ...d, resourceType: v }))}
            options={resourceTypeOptions}
            placeholder={t('audit.allResourceTypes')}
            optional
          />
          <TextField form={FORM} name="resourceId" label={t('audit.resourceId')} value={draft.resourceId} onChange={(v) => setDraft((d) => ({ ...d, resourceId: v }))} optional spellCheck={false} />
          <SelectField
            form={FORM}
            name="outcome"
            label={t('audit.outcome')}
            value={draft.outcome}
            onChange={(v) => setDraft((d) => ({ ...d, outcome: v }))}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
            placeholder={t('audit.allOutcomes')}
            optional
          />
          <DateField id={inputId(FORM, 'from')} label={t('audit.from')} value={draft.from} onChange={(v) => setDraft((d) => ({ ...d, from: v }))} />
          <DateField id={inputId(FORM, 'to')} label={t('audit.to')} value={draft.to} onChange={(v) => setDraft((d) => ({ ...d, to: v }))} error={dateError ?? undefined} />
          <Button type="submit" variant="secondary">
            {t('common.search')}
          </Button>
          {anyFilter && (
            <StandaloneLink href="/beheer/auditlog" linkComponent={RouterLink}>
              {t('auditView.clearFilters')}
            </StandaloneLink>
          )}
        </Row>
      </form>

      <Column gap="small">
        <Row>
          <a className="ams-button ams-button--secondary tr-button-link" href={exportHref} download data-testid="audit-export">
            {t('auditView.export')}
          </a>
        </Row>
        <Paragraph size="small">{t('auditView.exportHint')}</Paragraph>
      </Column>

      {page.error !== null && <ProblemAlert error={page.error} onRetry={() => void page.reload()} />}
      {page.loading && !page.data && <Loading />}
      {page.data && (
        <>
          <TableScroll label={t('audit.title')}>
            <Table className="tr-table tr-audit-table" data-testid="audit-table">
              <Table.Caption>{before ? t('audit.captionOlder', { count: page.data.items.length }) : t('audit.caption', { count: page.data.items.length })}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <SortHeaderCell sort={sort} column="seq">{t('audit.seq')}</SortHeaderCell>
                  <SortHeaderCell sort={sort} column="when">{t('audit.when')}</SortHeaderCell>
                  <SortHeaderCell sort={sort} column="who">{t('audit.who')}</SortHeaderCell>
                  <SortHeaderCell sort={sort} column="action">{t('audit.action')}</SortHeaderCell>
                  <SortHeaderCell sort={sort} column="subject">{t('audit.subject')}</SortHeaderCell>
                  <SortHeaderCell sort={sort} column="purpose">{t('audit.purpose')}</SortHeaderCell>
                  <SortHeaderCell sort={sort} column="outcome">{t('audit.outcome')}</SortHeaderCell>
                  <Table.HeaderCell scope="col">{t('audit.details')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {sort.rows.map((r) => (
                  <AuditTableRow key={r.seq} row={r} onlyHref={onlyHref} />
                ))}
                {page.data.items.length === 0 && (
                  <Table.Row>
                    <Table.Cell colSpan={8}>{t('audit.none')}</Table.Cell>
                  </Table.Row>
                )}
              </Table.Body>
            </Table>
          </TableScroll>
          <SortPageNote show={!!sort.state} />
          <nav aria-label={t('audit.pagingName')}>
            <Row gap="large" wrap>
              {before && (
                <StandaloneLink href={newestHref()} linkComponent={RouterLink} icon={ChevronBackwardIcon}>
                  {t('audit.newest')}
                </StandaloneLink>
              )}
              {page.data.nextBefore && (
                <StandaloneLink href={olderHref()} linkComponent={RouterLink} icon={ChevronForwardIcon} data-testid="audit-older">
                  {t('audit.older')}
                </StandaloneLink>
              )}
            </Row>
          </nav>
        </>
      )}
      {page.loading && page.data && <Paragraph role="status">{t('common.loading')}</Paragraph>}
      <Paragraph size="small">{t('audit.timeZoneNote')}</Paragraph>
    </Column>
  );
}

function DateField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: Msg }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Field invalid={!!error}>
      <Label htmlFor={id} hint={t('form.optional')}>
        {label}
      </Label>
      {error && (
        <ErrorMessage id={`${id}-error`} prefix={t('form.errorPrefix')}>
          {error[lang]}
        </ErrorMessage>
      )}
      <DateInput id={id} value={value} onChange={(e) => onChange(e.target.value)} invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} />
    </Field>
  );
}

function AuditTableRow({ row, onlyHref }: { row: AuditRow; onlyHref: (key: 'client' | 'trajectory' | 'user', value: string) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fragments = Array.isArray(row.details.fragments) ? row.details.fragments.length : 1;
  const filterable = row.resourceType === 'client' ? 'client' : row.resourceType === 'trajectory' ? 'trajectory' : null;
  const outcomeBadge =
    row.outcome === 'success' ? (
      t('audit.outcomes.success')
    ) : (
      <Badge color={row.outcome === 'denied' ? 'red' : 'orange'} label={t(`audit.outcomes.${row.outcome}`, { defaultValue: row.outcome })} />
    );
  return (
    <Table.Row>
      <Table.Cell>{row.seq}</Table.Cell>
      <Table.Cell className="tr-nowrap">{formatDateTime(row.occurredAt, lang)}</Table.Cell>
      <Table.Cell>
        {row.actorUserId && row.actorName ? (
          <Link href={onlyHref('user', row.actorUserId)} linkComponent={RouterLink} title={t('auditView.onlyUser', { name: row.actorName })}>
            {row.actorName}
          </Link>
        ) : (
          (row.actorName ?? t('audit.noActor'))
        )}
        {row.actorRole && <span className="tr-cell-line tr-muted">{t(`roles.${row.actorRole}`, { defaultValue: row.actorRole })}</span>}
      </Table.Cell>
      <Table.Cell>
        {t(actionKey(row.action), { defaultValue: row.action })}
        {fragments > 1 && <span className="tr-cell-line tr-muted">{t('auditView.requests', { count: fragments })}</span>}
      </Table.Cell>
      <Table.Cell>
        {t(`audit.resourceTypes.${row.resourceType}`, { defaultValue: row.resourceType })}
        {row.resourceId && (filterable ? (
          <Link href={onlyHref(filterable, row.resourceId)} linkComponent={RouterLink} className="tr-cell-line" aria-label={`${t(filterable === 'client' ? 'auditView.onlyClient' : 'auditView.onlyTrajectory')} (${row.resourceId.slice(0, 8)})`}>
            <code className="tr-code">{row.resourceId.slice(0, 8)}</code>
          </Link>
        ) : (
          <code className="tr-cell-line tr-code" title={row.resourceId}>{row.resourceId.slice(0, 8)}</code>
        ))}
      </Table.Cell>
      <Table.Cell>{row.purpose ? t(`purposes.${row.purpose}`, { defaultValue: row.purpose }) : '—'}</Table.Cell>
      <Table.Cell>{outcomeBadge}</Table.Cell>
      <Table.Cell>
        <details className="tr-details">
          <summary>{t('audit.showDetails', { seq: row.seq })}</summary>
          <pre className="tr-pre">{JSON.stringify({ ...row.details, action: row.action, requestId: row.requestId, hash: row.hash }, null, 2)}</pre>
        </details>
      </Table.Cell>
    </Table.Row>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const verify = () =>
    run(async () => {
      setError(null);
      setResult(null);
      try {
        const res = await api.get<VerifyResult>('/audit/verify');
        setResult(res.data);
        announce(res.data.ok ? t('audit.verifyOk', { rows: formatNumber(res.data.rows, lang) }) : t('audit.verifyBroken'));
      } catch (err) {
        setError(err);
      }
    });

  return (
    <section aria-labelledby="verify-heading" className="tr-section">
      <Heading level={2} size="level-3" id="verify-heading">
        {t('audit.verifyHeading')}
      </Heading>
      <Paragraph>{t('audit.verifyIntro')}</Paragraph>
      <Row>
        <Button variant="secondary" onClick={() => void verify()} disabled={pending}>
          {pending ? t('audit.verifying') : t('audit.verify')}
        </Button>
      </Row>
      {error !== null && <ProblemAlert error={error} headingLevel={3} />}
      {result && (
        <Alert
          ref={resultRef}
          tabIndex={-1}
          severity={result.ok ? 'success' : 'error'}
          heading={result.ok ? t('audit.verifyOkHeading') : t('audit.verifyBrokenHeading')}
          headingLevel={3}
          className="tr-alert"
          data-testid="verify-result"
        >
          <Paragraph>{result.ok ? t('audit.verifyOk', { rows: formatNumber(result.rows, lang) }) : t('audit.verifyBroken')}</Paragraph>
          <DescriptionList termsWidth="medium">
            <DescriptionList.Term>{t('audit.verifyRows')}</DescriptionList.Term>
            <DescriptionList.Description>{formatNumber(result.rows, lang)}</DescriptionList.Description>
            <DescriptionList.Term>{t('audit.verifyHead')}</DescriptionList.Term>
            <DescriptionList.Description>{result.headSeq ?? '—'}</DescriptionList.Description>
            <DescriptionList.Term>{t('audit.verifyHash')}</DescriptionList.Term>
            <DescriptionList.Description>
              <code className="tr-code tr-break">{result.headHash ?? '—'}</code>
            </DescriptionList.Description>
            {!result.ok && (
              <>
                <DescriptionList.Term>{t('audit.verifyChanged')}</DescriptionList.Term>
                <DescriptionList.Description>{result.changed.length ? result.changed.join(', ') : t('common.none')}</DescriptionList.Description>
                <DescriptionList.Term>{t('audit.verifyLinks')}</DescriptionList.Term>
                <DescriptionList.Description>{result.broken.length ? result.broken.join(', ') : t('common.none')}</DescriptionList.Description>
              </>
            )}
          </DescriptionList>
          <Paragraph size="small">{t('auditView.verifyHeadWhen')}</Paragraph>
        </Alert>
      )}
    </section>
  );
}
