/** "Afspraken en verdeling": the agreements per municipality (R-MO-02, R-MO-03) and a form to add one. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, Heading, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, useSort } from '../../components/SortableTable.tsx';
import { CheckboxField, ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { AgreementsLinks, MunicipalityPicker, currentYear, parseCount, percent, useProgrammeOrganisations, type Agreement } from './common.tsx';

export function AgreementsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { municipalities, error } = useProgrammeOrganisations();
  const [municipality, setMunicipality] = useState('');
  useEffect(() => {
    if (!municipality && municipalities?.[0]) setMunicipality(municipalities[0].id);
  }, [municipalities, municipality]);
  const list = useResource<{ items: Agreement[] }>(municipality ? '/agreements' : null, { municipality });
  const mayManage = can(session, 'agreement.manage', { organisationIds: municipality ? [municipality] : [] });

  return (
    <Column gap="large">
      <PageHeading>{t('agreements.title')}</PageHeading>
      <Paragraph>{t('agreements.intro')}</Paragraph>
      <AgreementsLinks current="agreements" />
      {error !== null && <ProblemAlert error={error} />}
      {municipalities && municipalities.length === 0 && <Paragraph>{t('agreements.noMunicipalities')}</Paragraph>}
      {municipalities && municipalities.length > 0 && (
        <MunicipalityPicker id="agreements-municipality" value={municipality} onChange={setMunicipality} municipalities={municipalities} />
      )}
      <section aria-labelledby="agreements-list-heading" className="tr-section">
        <Heading level={2} id="agreements-list-heading" className="tr-section-heading">
          {t('agreements.listHeading')}
        </Heading>
        {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} headingLevel={3} />}
        {list.loading && !list.data && <Loading />}
        {list.data && list.data.items.length === 0 && <Paragraph>{t('agreements.none')}</Paragraph>}
        {list.data && list.data.items.length > 0 && <AgreementTable items={list.data.items} />}
      </section>
      {mayManage && municipality && <CreateAgreement municipality={municipality} onCreated={() => void list.reload()} />}
    </Column>
  );
}

function AgreementTable({ items }: { items: Agreement[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sort = useSort(items, {
    name: (a: Agreement) => a.name,
    years: (a: Agreement) => a.firstYear * 10_000 + a.lastYear,
    kind: (a: Agreement) => t(`agreements.kinds.${a.kind}`),
    // Numbers per year first, then shares of the released homes; each by size.
    volume: (a: Agreement) => (a.kind === 'absolute' ? a.yearlyNumber : a.share === null ? null : 1e12 + a.share),
    distribute: (a: Agreement) => a.distributeOverCorporations,
  });
  return (
    <TableScroll label={t('agreements.listCaption')}>
      <Table className="tr-table">
        <Table.Caption>{t('agreements.listCaption')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <SortHeaderCell sort={sort} column="name">{t('agreements.name')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="years">{t('agreements.years')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="kind">{t('agreements.kind')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="volume">{t('agreements.volume')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="distribute">{t('agreements.distribute')}</SortHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {sort.rows.map((a) => (
            <Table.Row key={a.id}>
              <Table.Cell>
                <Link href={`/monitor/afspraken/${a.id}`} linkComponent={RouterLink}>
                  {a.name}
                </Link>
              </Table.Cell>
              <Table.Cell className="tr-nowrap">{a.firstYear === a.lastYear ? a.firstYear : `${a.firstYear}–${a.lastYear}`}</Table.Cell>
              <Table.Cell>{t(`agreements.kinds.${a.kind}`)}</Table.Cell>
              <Table.Cell>{a.kind === 'absolute' ? t('agreements.perYear', { n: formatNumber(a.yearlyNumber ?? 0, lang) }) : t('agreements.ofReleased', { pct: percent((a.share ?? 0) * 100, lang, 0) })}</Table.Cell>
              <Table.Cell>{a.distributeOverCorporations ? t('common.yes') : t('common.no')}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

const FORM = 'agreement-new';

function CreateAgreement({ municipality, onCreated }: { municipality: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const y = currentYear();
  const [v, setV] = useState({ name: '', kind: 'absolute', firstYear: String(y), lastYear: String(y + 3), yearlyNumber: '', sharePct: '30', distribute: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const labels = {
    name: t('agreements.name'), kind: t('agreements.kind'), firstYear: t('agreements.firstYear'), lastYear: t('agreements.lastYear'),
    yearlyNumber: t('agreements.yearlyNumber'), share: t('agreements.sharePct'),
  };
  const set = (k: keyof typeof v) => (x: string | boolean) => setV((s) => ({ ...s, [k]: x }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    const first = parseCount(v.firstYear);
    const last = parseCount(v.lastYear);
    if (first === null || first < 2000 || first > 2100) local.firstYear = msg('agreements.yearInvalid');
    if (last === null || last < 2000 || last > 2100) local.lastYear = msg('agreements.yearInvalid');
    const yearly = parseCount(v.yearlyNumber);
    if (v.kind === 'absolute' && yearly === null) local.yearlyNumber = msg('agreements.countInvalid');
    const pct = Number(v.sharePct.replace(',', '.'));
    if (v.kind === 'share' && !(pct > 0 && pct <= 100)) local.share = msg('agreements.shareInvalid');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const body = {
          municipality, kind: v.kind, firstYear: first, lastYear: last, distributeOverCorporations: v.distribute,
          ...(v.name.trim() ? { name: v.name.trim() } : {}),
          ...(v.kind === 'absolute' ? { yearlyNumber: yearly } : { share: Math.round(pct * 1000) / 100_000 }),
        };
        const r = await api.post<Agreement>('/agreements', body);
        onCreated();
        navigate(`/monitor/afspraken/${r.data.id}`);
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  return (
    <section aria-labelledby="agreement-new-heading" className="tr-section">
      <Heading level={2} id="agreement-new-heading" className="tr-section-heading">
        {t('agreements.newHeading')}
      </Heading>
      <Paragraph>{t('agreements.newIntro')}</Paragraph>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="agreement-new-heading">
        <TextField form={FORM} name="name" label={labels.name} optional value={v.name} onChange={set('name')} error={errors.name} hint={t('agreements.nameHint')} />
        <SelectField form={FORM} name="kind" label={labels.kind} value={v.kind} onChange={set('kind')} options={[{ value: 'absolute', label: t('agreements.kinds.absolute') }, { value: 'share', label: t('agreements.kinds.share') }]} />
        <TextField form={FORM} name="firstYear" label={labels.firstYear} inputMode="numeric" value={v.firstYear} onChange={set('firstYear')} error={errors.firstYear} size={6} />
        <TextField form={FORM} name="lastYear" label={labels.lastYear} inputMode="numeric" value={v.lastYear} onChange={set('lastYear')} error={errors.lastYear} size={6} />
        {v.kind === 'absolute' ? (
          <TextField form={FORM} name="yearlyNumber" label={labels.yearlyNumber} inputMode="numeric" value={v.yearlyNumber} onChange={set('yearlyNumber')} error={errors.yearlyNumber} size={8} />
        ) : (
          <TextField form={FORM} name="share" label={labels.share} hint={t('agreements.shareHint')} inputMode="numeric" value={v.sharePct} onChange={set('sharePct')} error={errors.share} size={6} />
        )}
        <CheckboxField form={FORM} name="distribute" label={t('agreements.distributeLabel')} checked={v.distribute} onChange={set('distribute')} />
        <Alert headingLevel={3} heading={t('agreements.overlapHeading')} className="tr-alert">
          <Paragraph>{t('agreements.overlapText')}</Paragraph>
        </Alert>
        <Button type="submit" disabled={pending}>
          {t('agreements.create')}
        </Button>
      </form>
    </section>
  );
}
