/**
 * "Aanbiedingen": the offers of the caller's organisation — a corporation its dwellings on offer,
 * a care provider the dwellings offered to it or to its clients — with status, model, the next
 * deadline and a stalled flag. Open offers first; closed ones on request.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Column, Heading, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, dateKey, useSort } from '../../components/SortableTable.tsx';
import { SelectField } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { txt, type OfferListItem } from './common.tsx';

export function OffersPage() {
  const { t } = useTranslation();
  const { activeMembership } = useSession();
  const [status, setStatus] = useState('open');
  const list = useResource<OfferListItem[]>('/offers', { status });
  const corporation = activeMembership?.organisationType === 'housing_corporation';
  const wonen = activeMembership?.organisationType === 'municipal_directorate';
  return (
    <Column gap="large">
      <PageHeading>{t('matching.offers.title')}</PageHeading>
      <Paragraph>{corporation ? t('matching.offers.introCorporation') : wonen ? t('matching.offers.introWonen') : t('matching.offers.introCareProvider')}</Paragraph>
      {corporation && <Paragraph><RouterLink href="/woningen">{t('matching.offers.toDwellings')}</RouterLink></Paragraph>}
      <section aria-labelledby="offers-heading" className="tr-section">
        <Heading level={2} id="offers-heading" className="tr-section-heading">{t('matching.offers.listHeading')}</Heading>
        <SelectField form="offers-filter" name="status" label={t('matching.offers.show')} value={status} onChange={setStatus}
          options={['open', 'closed', 'all'].map((s) => ({ value: s, label: t(`matching.offers.filter.${s}`) }))} />
        {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} headingLevel={3} />}
        {list.loading && !list.data && <Loading />}
        {list.data && list.data.length === 0 && <Paragraph>{t('matching.offers.none')}</Paragraph>}
        {list.data && list.data.length > 0 && <OfferTable items={list.data} />}
      </section>
    </Column>
  );
}

function OfferTable({ items }: { items: OfferListItem[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sort = useSort(items, {
    dwelling: (o: OfferListItem) => o.dwelling.address,
    status: (o: OfferListItem) => t(`matching.offerStatus.${o.status}`),
    party: (o: OfferListItem) => o.careProvider?.name ?? o.corporation.name ?? '',
    client: (o: OfferListItem) => o.client?.name ?? '',
    offeredOn: (o: OfferListItem) => dateKey(o.offeredOn),
    next: (o: OfferListItem) => (o.next ? dateKey(o.next.due) : null),
  });
  return (
    <TableScroll label={t('matching.offers.caption')}>
      <Table className="tr-table" data-testid="offers-table">
        <Table.Caption className="ams-visually-hidden">{t('matching.offers.caption')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <SortHeaderCell sort={sort} column="dwelling">{t('matching.offers.dwelling')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="status">{t('matching.offers.status')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="party">{t('matching.offers.parties')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="client">{t('matching.offers.client')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="offeredOn">{t('matching.offers.offeredOn')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="next">{t('matching.offers.next')}</SortHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {sort.rows.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>
                <Link href={`/aanbiedingen/${o.id}`} linkComponent={RouterLink}>{[o.dwelling.address, o.dwelling.city].filter(Boolean).join(', ')}</Link>
                <br />
                <span className="tr-hint">{t('matching.dwellings.sizeValue', { rooms: o.dwelling.rooms, area: o.dwelling.areaM2 })}{o.dwelling.neighbourhood ? `, ${o.dwelling.neighbourhood}` : ''}</span>
              </Table.Cell>
              <Table.Cell>
                {t(`matching.offerStatus.${o.status}`)}
                <br />
                <span className="tr-hint">{t(`matching.model.${o.model}`)}</span>
                {o.stalled && <><br /><span className="tr-status tr-status--bad">{t('matching.offers.stalled')}</span></>}
              </Table.Cell>
              <Table.Cell>{[o.corporation.name, o.careProvider?.name].filter(Boolean).join(' → ')}</Table.Cell>
              <Table.Cell>{o.client?.name || '—'}</Table.Cell>
              <Table.Cell className="tr-nowrap">{formatDate(o.offeredOn, lang)}</Table.Cell>
              <Table.Cell>{o.next ? t('matching.offers.nextValue', { label: txt(o.next.label, lang), date: formatDate(o.next.due, lang) }) : '—'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
