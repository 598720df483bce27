/**
 * "Meldpunt": the hub's overview (overlast.md §5). Per district the open cases reported to the hub
 * by state and age (over three months flagged as past the target), the totals, the addresses
 * reported through several channels as one situation, the New Chance cases by step, and the
 * address check "is er begeleiding op dit adres?" (without the care file).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, DescriptionList, Heading, Link, Paragraph, Table, UnorderedList } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ErrorSummary, TextField, useSubmitting, type FieldErrors, msg } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { CHANNEL_WORDS, type Channel } from '../../../domain/nuisance/model.ts';
import { AGE_BUCKETS, ROUTE, stepKey, type AddressCheck, type HubDistrict, type HubOverview } from './new-chance-common.tsx';
import { refusalErrors } from '../matching/common.tsx';

export function HubOverviewPage() {
  const { t } = useTranslation();
  const res = useResource<HubOverview>('/nuisance/hub/overview');
  const o = res.data;
  return (
    <Column gap="large">
      <PageHeading>{t('nuisance-hub.overview.title')}</PageHeading>
      <Paragraph>{t('nuisance-hub.overview.intro')}</Paragraph>
      <Paragraph>
        <Link href="/overlast/melden" linkComponent={RouterLink}>{t('nuisance-hub.overview.report')}</Link>
      </Paragraph>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} />}
      {res.loading && !o && <Loading />}
      {o && (
        <>
          <Totals o={o} />
          <Districts districts={o.districts} />
          <Situations o={o} />
          <NewChanceSteps o={o} />
        </>
      )}
      <AddressCheckForm />
    </Column>
  );
}

function Totals({ o }: { o: HubOverview }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="hub-totals-heading" className="tr-section">
      <Heading level={2} id="hub-totals-heading" className="tr-section-heading">{t('nuisance-hub.overview.totalsHeading')}</Heading>
      <DescriptionList data-testid="hub-totals">
        <DescriptionList.Term>{t('nuisance-hub.overview.open')}</DescriptionList.Term>
        <DescriptionList.Description>{formatNumber(o.totals.open, lang)}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.overview.overThreeMonths')}</DescriptionList.Term>
        <DescriptionList.Description>
          {formatNumber(o.totals.overThreeMonths, lang)}
          {o.totals.overThreeMonths > 0 && <>: <strong>{t('nuisance-hub.overview.pastTarget')}</strong></>}
        </DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.overview.hubLead')}</DescriptionList.Term>
        <DescriptionList.Description>{formatNumber(o.totals.hubLead, lang)}</DescriptionList.Description>
      </DescriptionList>
    </section>
  );
}

function Districts({ districts }: { districts: HubDistrict[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="hub-districts-heading" className="tr-section">
      <Heading level={2} id="hub-districts-heading" className="tr-section-heading">{t('nuisance-hub.overview.districtsHeading')}</Heading>
      <Paragraph size="small">{t('nuisance-hub.overview.districtsHint')}</Paragraph>
      {districts.length === 0 ? <Paragraph>{t('nuisance-hub.overview.noCases')}</Paragraph> : (
        <TableScroll label={t('nuisance-hub.overview.districtsCaption')}>
          <Table className="tr-table" data-testid="hub-districts">
            <Table.Caption className="ams-visually-hidden">{t('nuisance-hub.overview.districtsCaption')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t('nuisance-hub.overview.district')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.overview.open')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.overview.byStatus')}</Table.HeaderCell>
                {AGE_BUCKETS.map((a) => <Table.HeaderCell key={a}>{t(`nuisance-hub.age.${a}`)}</Table.HeaderCell>)}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {districts.map((d) => {
                const name = d.name ?? d.code ?? t('nuisance-hub.overview.unknownDistrict');
                return (
                  <Table.Row key={d.code ?? ''}>
                    <Table.Cell>
                      {d.code ? <Link href={`/meldpunt/wijk/${encodeURIComponent(d.code)}?naam=${encodeURIComponent(name)}`} linkComponent={RouterLink}>{name}</Link> : name}
                    </Table.Cell>
                    <Table.Cell>{formatNumber(d.open, lang)}</Table.Cell>
                    <Table.Cell>
                      <UnorderedList size="small" markers={false}>
                        {Object.entries(d.byStatus).map(([s, n]) => <UnorderedList.Item key={s}>{t(`nuisance-hub.status.${s}`, { defaultValue: t('nuisance-hub.status.other') })}: {formatNumber(n, lang)}</UnorderedList.Item>)}
                      </UnorderedList>
                    </Table.Cell>
                    {AGE_BUCKETS.map((a) => (
                      <Table.Cell key={a}>
                        {formatNumber(d.byAge[a] ?? 0, lang)}
                        {a === 'over_3_months' && (d.byAge[a] ?? 0) > 0 && <><br /><span className="tr-status tr-status--bad">{t('nuisance-hub.overview.pastTarget')}</span></>}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

function Situations({ o }: { o: HubOverview }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="hub-situations-heading" className="tr-section">
      <Heading level={2} id="hub-situations-heading" className="tr-section-heading">{t('nuisance-hub.overview.situationsHeading')}</Heading>
      <Paragraph size="small">{t('nuisance-hub.overview.situationsHint')}</Paragraph>
      {o.situations.length === 0 ? <Paragraph>{t('nuisance-hub.overview.noSituations')}</Paragraph> : (
        <UnorderedList data-testid="hub-situations">
          {o.situations.map((s) => (
            <UnorderedList.Item key={s.caseId}>
              <Link href={`/overlast/zaken/${s.caseId}`} linkComponent={RouterLink}>{s.address}</Link>
              {s.district ? `, ${s.district}` : ''}: {t('nuisance-hub.overview.reports', { count: s.reports })}
              {' — '}
              {s.channels.map((c) => (CHANNEL_WORDS[c as Channel] ? CHANNEL_WORDS[c as Channel][lang] : t('nuisance-hub.overview.otherChannel'))).join('; ')}
            </UnorderedList.Item>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function NewChanceSteps({ o }: { o: HubOverview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const steps = ROUTE.filter((s) => (o.newChance[s] ?? 0) > 0);
  return (
    <section aria-labelledby="hub-nk-heading" className="tr-section">
      <Heading level={2} id="hub-nk-heading" className="tr-section-heading">{t('nuisance-hub.overview.newChanceHeading')}</Heading>
      {steps.length === 0 ? <Paragraph>{t('nuisance-hub.overview.noNewChance')}</Paragraph> : (
        <UnorderedList data-testid="hub-new-chance">
          {steps.map((s) => <UnorderedList.Item key={s}>{t(`nuisance-hub.step.${stepKey(s)}.name`)}: {formatNumber(o.newChance[s] ?? 0, lang)}</UnorderedList.Item>)}
        </UnorderedList>
      )}
      <Paragraph>
        <Link href="/nieuwe-kans" linkComponent={RouterLink}>{t('nuisance-hub.overview.toNewChance')}</Link>
      </Paragraph>
    </section>
  );
}

const FORM = 'address-check';

function AddressCheckForm() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { pending, run } = useSubmitting();
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [houseLetter, setHouseLetter] = useState('');
  const [addition, setAddition] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<AddressCheck | null>(null);
  const labels: Record<string, string> = {
    postcode: t('nuisance-hub.check.postcode'), houseNumber: t('nuisance-hub.check.houseNumber'),
    houseLetter: t('nuisance-hub.check.houseLetter'), addition: t('nuisance-hub.check.addition'),
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: FieldErrors = {};
    if (!/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(postcode.trim())) f.postcode = msg('nuisance-hub.check.postcodeInvalid');
    if (!/^[1-9][0-9]*$/.test(houseNumber.trim())) f.houseNumber = msg('nuisance-hub.check.houseNumberInvalid');
    setErrors(f);
    setProblem(null);
    if (Object.keys(f).length) {
      setAttempt((a) => a + 1);
      return;
    }
    void run(async () => {
      try {
        const r = await api.get<AddressCheck>('/nuisance/hub/address-check', {
          query: { postcode: postcode.trim(), houseNumber: Number(houseNumber), houseLetter: houseLetter.trim() || undefined, addition: addition.trim() || undefined },
        });
        setResult(r.data);
        announce(r.data.hasSupport ? t('nuisance-hub.check.yes') : t('nuisance-hub.check.no'));
      } catch (err) {
        setResult(null);
        const fe = refusalErrors(err, (p) => { const n = p.split('/').pop() ?? ''; return n in labels ? n : null; });
        if (Object.keys(fe).length) {
          setErrors(fe);
          setAttempt((a) => a + 1);
        } else setProblem(err);
      }
    });
  };

  return (
    <section aria-labelledby="hub-check-heading" className="tr-section">
      <Heading level={2} id="hub-check-heading" className="tr-section-heading">{t('nuisance-hub.check.heading')}</Heading>
      <Paragraph size="small">{t('nuisance-hub.check.intro')}</Paragraph>
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="hub-check-heading" data-testid="address-check-form">
        <TextField form={FORM} name="postcode" label={labels.postcode!} value={postcode} onChange={setPostcode} error={errors.postcode} autoComplete="postal-code" size={7} />
        <TextField form={FORM} name="houseNumber" label={labels.houseNumber!} value={houseNumber} onChange={setHouseNumber} error={errors.houseNumber} inputMode="numeric" size={6} />
        <TextField form={FORM} name="houseLetter" label={labels.houseLetter!} optional value={houseLetter} onChange={setHouseLetter} error={errors.houseLetter} size={2} />
        <TextField form={FORM} name="addition" label={labels.addition!} optional value={addition} onChange={setAddition} error={errors.addition} size={5} />
        <Button type="submit" disabled={pending}>{t('nuisance-hub.check.submit')}</Button>
      </form>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      {result && <AddressCheckResult r={result} />}
    </section>
  );
}

function AddressCheckResult({ r }: { r: AddressCheck }) {
  const { t } = useTranslation();
  return (
    <Alert severity={r.hasSupport ? undefined : 'warning'} heading={r.hasSupport ? t('nuisance-hub.check.yes') : t('nuisance-hub.check.no')} headingLevel={3} data-testid="address-check-result">
      <Paragraph>{r.address}</Paragraph>
      <DescriptionList>
        <DescriptionList.Term>{t('nuisance-hub.check.careProvider')}</DescriptionList.Term>
        <DescriptionList.Description>{r.careProvider?.name ?? t('nuisance-hub.check.none')}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.check.corporation')}</DescriptionList.Term>
        <DescriptionList.Description>{r.corporation?.name ?? (r.knownDwelling ? t('nuisance-hub.check.none') : t('nuisance-hub.check.unknownDwelling'))}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.check.openCase')}</DescriptionList.Term>
        <DescriptionList.Description>
          {r.openCase
            ? <Link href={`/overlast/zaken/${r.openCase.id}`} linkComponent={RouterLink}>{r.openCase.reportedToHub ? t('nuisance-hub.check.openCaseHub') : t('nuisance-hub.check.openCaseYes')}</Link>
            : t('nuisance-hub.check.noOpenCase')}
        </DescriptionList.Description>
      </DescriptionList>
      {r.hasSupport && <Paragraph size="small">{t('nuisance-hub.check.contactHint')}</Paragraph>}
    </Alert>
  );
}
