/**
 * "Meldpunt overlast" (overlast.md §3, §6.2): for the care provider the incoming reports with the
 * two-working-day clock per report (approach the reporter, inform the corporation) and the cases of
 * its residents; for the corporation the cases about its dwellings and the copies it received.
 * Every row links to the case page.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Column, Heading, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { api } from '../../api/client.ts';
import { PdfLink } from '../../components/PdfLink.tsx';
import { useResource } from '../../lib/useResource.ts';
import { LETTER_TITLES } from '../../../domain/nuisance/letters.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { DueWords, txt, type CaseListItem, type IncomingReport, type NuisanceCaseView } from './common.tsx';

export function NuisancePage() {
  const { t } = useTranslation();
  const { activeMembership } = useSession();
  const corporation = activeMembership?.organisationType === 'housing_corporation';
  const incoming = useResource<IncomingReport[]>(corporation ? null : '/nuisance/reports/incoming');
  const cases = useResource<CaseListItem[]>('/nuisance/cases', { status: 'open' });
  return (
    <Column gap="large">
      <PageHeading>{t('nuisance.list.title')}</PageHeading>
      <Paragraph>{corporation ? t('nuisance.list.introCorporation') : t('nuisance.list.introCareProvider')}</Paragraph>
      <Paragraph><RouterLink href="/overlast/melden" className="ams-link">{t('nuisance.list.newReport')}</RouterLink></Paragraph>
      {!corporation && (
        <section aria-labelledby="incoming-heading" className="tr-section">
          <Heading level={2} id="incoming-heading" className="tr-section-heading">{t('nuisance.list.incomingHeading')}</Heading>
          <Paragraph size="small">{t('nuisance.list.incomingIntro')}</Paragraph>
          {incoming.error !== null && <ProblemAlert error={incoming.error} onRetry={() => void incoming.reload()} headingLevel={3} />}
          {incoming.loading && !incoming.data && <Loading />}
          {incoming.data && incoming.data.length === 0 && <Paragraph>{t('nuisance.list.noIncoming')}</Paragraph>}
          {incoming.data && incoming.data.length > 0 && <IncomingTable items={incoming.data} />}
        </section>
      )}
      <section aria-labelledby="cases-heading" className="tr-section">
        <Heading level={2} id="cases-heading" className="tr-section-heading">{t('nuisance.list.casesHeading')}</Heading>
        {cases.error !== null && <ProblemAlert error={cases.error} onRetry={() => void cases.reload()} headingLevel={3} />}
        {cases.loading && !cases.data && <Loading />}
        {cases.data && cases.data.length === 0 && <Paragraph>{t('nuisance.list.noCases')}</Paragraph>}
        {cases.data && cases.data.length > 0 && <CaseTable items={cases.data} />}
      </section>
      {corporation && cases.data && <Copies items={cases.data} />}
    </Column>
  );
}

function IncomingTable({ items }: { items: IncomingReport[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <TableScroll label={t('nuisance.list.incomingCaption')}>
      <Table className="tr-table" data-testid="nuisance-incoming">
        <Table.Caption className="ams-visually-hidden">{t('nuisance.list.incomingCaption')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('nuisance.list.address')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('nuisance.list.report')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('nuisance.list.received')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('nuisance.list.clock')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell><Link href={`/overlast/zaken/${r.caseId}`} linkComponent={RouterLink}>{r.address}</Link></Table.Cell>
              <Table.Cell>{txt(r.nuisanceTypeLabel, lang)}<br /><span className="tr-hint">{txt(r.channelLabel, lang)}</span></Table.Cell>
              <Table.Cell className="tr-nowrap">{formatDateTime(r.receivedAt, lang)}</Table.Cell>
              <Table.Cell>
                {r.clock.length === 0 ? '—' : (
                  <ul className="tr-plain-list">
                    {r.clock.map((c) => (
                      <li key={c.ruleId}>{txt(c.label, lang)}: <DueWords due={c.due} metOn={c.metOn} overdue={c.overdue} /></li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function CaseTable({ items }: { items: CaseListItem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <TableScroll label={t('nuisance.list.casesCaption')}>
      <Table className="tr-table" data-testid="nuisance-cases">
        <Table.Caption className="ams-visually-hidden">{t('nuisance.list.casesCaption')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('nuisance.list.address')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('nuisance.list.state')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('nuisance.list.opened')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('nuisance.list.next')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>
                <Link href={`/overlast/zaken/${c.id}`} linkComponent={RouterLink}>{c.address}</Link>
                {c.district && <><br /><span className="tr-hint">{c.district}</span></>}
              </Table.Cell>
              <Table.Cell>
                {t(`nuisance.status.${c.status}`)}
                {c.hubInvolved && <><br /><span className="tr-hint">{c.hubLead ? t('nuisance.list.hubLead') : t('nuisance.list.hubInvolved')}</span></>}
              </Table.Cell>
              <Table.Cell className="tr-nowrap">{formatDate(c.openedOn, lang)}</Table.Cell>
              <Table.Cell>
                {c.next ? <DueWords due={c.next.due} overdue={c.next.overdue} /> : '—'}
                {c.overdueCount > 1 && <><br /><span className="tr-status tr-status--bad tr-status--wrap">{t('nuisance.list.overdueCount', { count: c.overdueCount })}</span></>}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

interface Copy { caseId: string; address: string; id: string; kind: string; copiedOn: string; pdf: boolean }

/** The corporation: the copies of letters it received (§6.5), from the cases it may read, newest first. */
function Copies({ items }: { items: CaseListItem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [copies, setCopies] = useState<Copy[] | null>(null);
  const ids = items.slice(0, 50).map((c) => c.id).join(',');
  useEffect(() => {
    let live = true;
    const list = ids ? ids.split(',') : [];
    void Promise.all(list.map((id) => api.get<NuisanceCaseView>(`/nuisance/cases/${id}`).then((r) => r.data).catch(() => null))).then((views) => {
      if (!live) return;
      const out = views.flatMap((v) => (v ? v.letters.filter((l) => l.copiedOn).map((l) => ({ caseId: v.id, address: v.address, id: l.id, kind: l.kind, copiedOn: l.copiedOn!, pdf: l.pdf })) : []));
      setCopies(out.sort((a, b) => b.copiedOn.localeCompare(a.copiedOn)));
    });
    return () => { live = false; };
  }, [ids]);
  return (
    <section aria-labelledby="copies-heading" className="tr-section" data-testid="nuisance-copies">
      <Heading level={2} id="copies-heading" className="tr-section-heading">{t('nuisance.list.copiesHeading')}</Heading>
      {copies === null && <Loading />}
      {copies && copies.length === 0 && <Paragraph>{t('nuisance.list.noCopies')}</Paragraph>}
      {copies && copies.length > 0 && (
        <ul className="tr-plain-list">
          {copies.map((c) => {
            const title = txt(LETTER_TITLES[c.kind as keyof typeof LETTER_TITLES], lang);
            return (
              <li key={c.id}>
                {t('nuisance.list.copy', { title, address: c.address, date: formatDate(c.copiedOn, lang) })}{' '}
                <Link href={`/overlast/zaken/${c.caseId}`} linkComponent={RouterLink}>{t('nuisance.list.toCase')}<span className="ams-visually-hidden"> {c.address}</span></Link>
                {c.pdf && <>{' · '}<PdfLink href={`/api/v1/nuisance/letters/${c.id}/pdf?lang=${lang}`}>{t('nuisance.letter.pdf', { title })}</PdfLink></>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
