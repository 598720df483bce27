/**
 * "Meldpunt — wijk": the open cases of one district reported to the hub, each a link to the case
 * page, with its state in words, how long it is open (over three months flagged) and the next deadline.
 */
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Column, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import type { HubOverview, NuisanceCaseListItem } from './new-chance-common.tsx';

/** The date three months before `today` (ISO dates), as the hub's overview counts it. */
function threeMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - 3, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

export function HubDistrictPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const overview = useResource<HubOverview>('/nuisance/hub/overview');
  const name = overview.data?.districts.find((d) => d.code === code)?.name ?? params.get('naam') ?? code;
  const list = useResource<NuisanceCaseListItem[]>('/nuisance/cases', { district: code, status: 'open' });
  const limit = overview.data ? threeMonthsBefore(overview.data.today) : null;
  return (
    <Column gap="large">
      <PageHeading>{t('nuisance-hub.district.title', { name })}</PageHeading>
      <Paragraph>
        <Link href="/meldpunt" linkComponent={RouterLink}>{t('nuisance-hub.district.back')}</Link>
      </Paragraph>
      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Paragraph>{t('nuisance-hub.district.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <TableScroll label={t('nuisance-hub.district.caption', { name })}>
          <Table className="tr-table" data-testid="district-cases">
            <Table.Caption className="ams-visually-hidden">{t('nuisance-hub.district.caption', { name })}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t('nuisance-hub.district.address')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.district.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.district.openedOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.district.next')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list.data.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell><Link href={`/overlast/zaken/${c.id}`} linkComponent={RouterLink}>{c.address}</Link></Table.Cell>
                  <Table.Cell>
                    {t(`nuisance-hub.status.${c.status}`, { defaultValue: t('nuisance-hub.status.other') })}
                    {c.hubLead && <><br /><span className="tr-hint">{t('nuisance-hub.district.hubLead')}</span></>}
                  </Table.Cell>
                  <Table.Cell>
                    <span className="tr-nowrap">{formatDate(c.openedOn, lang)}</span>
                    {limit && c.openedOn <= limit && <><br /><span className="tr-status tr-status--bad">{t('nuisance-hub.overview.pastTarget')}</span></>}
                  </Table.Cell>
                  <Table.Cell>
                    {c.next?.due ? formatDate(c.next.due, lang) : '—'}
                    {c.overdueCount > 0 && <><br /><span className="tr-status tr-status--bad">{t('nuisance-hub.district.overdue', { count: c.overdueCount })}</span></>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </Column>
  );
}
