/** "Woningen": the corporation's dwellings with a status and a neighbourhood filter (matching.md §2). */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Column, Heading, Link, LinkList, Paragraph, Row, Table } from '@amsterdam/design-system-react';
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
import { can } from '../../session/policy.ts';
import { DWELLING_STATUSES, addressLine, type Dwelling } from './common.tsx';

export function DwellingsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [status, setStatus] = useState('');
  const [neighbourhood, setNeighbourhood] = useState('');
  // All dwellings once, for the neighbourhood choices; the filtered list from the API.
  const all = useResource<Dwelling[]>('/dwellings');
  const list = useResource<Dwelling[]>('/dwellings', { status, neighbourhood });
  const neighbourhoods = useMemo(() => {
    const m = new Map<string, string>();
    for (const d of all.data ?? []) if (d.address.neighbourhoodCode) m.set(d.address.neighbourhoodCode, d.address.neighbourhoodName ?? d.address.neighbourhoodCode);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  }, [all.data]);
  const mayCreate = can(session, 'dwelling.create');

  return (
    <Column gap="large">
      <PageHeading>{t('matching.dwellings.title')}</PageHeading>
      <Paragraph>{t('matching.dwellings.intro')}</Paragraph>
      {mayCreate && (
        <LinkList>
          <LinkList.Link href="/woningen/nieuw" linkComponent={RouterLink}>{t('matching.dwellings.new')}</LinkList.Link>
          <LinkList.Link href="/woningen/uploaden" linkComponent={RouterLink}>{t('matching.dwellings.upload')}</LinkList.Link>
        </LinkList>
      )}
      <section aria-labelledby="dwellings-heading" className="tr-section">
        <Heading level={2} id="dwellings-heading" className="tr-section-heading">{t('matching.dwellings.listHeading')}</Heading>
        <Row wrap gap="large" alignVertical="end">
          <SelectField form="dwellings-filter" name="status" label={t('matching.dwellings.status')} optional value={status} onChange={setStatus} placeholder={t('matching.all')}
            options={DWELLING_STATUSES.map((s) => ({ value: s, label: t(`matching.dwellingStatus.${s}`) }))} />
          <SelectField form="dwellings-filter" name="neighbourhood" label={t('matching.dwellings.neighbourhood')} optional value={neighbourhood} onChange={setNeighbourhood} placeholder={t('matching.all')}
            options={neighbourhoods.map(([code, name]) => ({ value: code, label: name }))} />
        </Row>
        {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} headingLevel={3} />}
        {list.loading && !list.data && <Loading />}
        {list.data && list.data.length === 0 && <Paragraph>{t('matching.dwellings.none')}</Paragraph>}
        {list.data && list.data.length > 0 && <DwellingTable items={list.data} />}
      </section>
    </Column>
  );
}

function DwellingTable({ items }: { items: Dwelling[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sort = useSort(items, {
    address: (d: Dwelling) => addressLine(d.address),
    neighbourhood: (d: Dwelling) => d.address.neighbourhoodName ?? '',
    size: (d: Dwelling) => d.areaM2,
    floor: (d: Dwelling) => d.floor,
    availableOn: (d: Dwelling) => dateKey(d.availableOn),
    status: (d: Dwelling) => t(`matching.dwellingStatus.${d.status}`),
  });
  return (
    <TableScroll label={t('matching.dwellings.caption')}>
      <Table className="tr-table" data-testid="dwellings-table">
        <Table.Caption className="ams-visually-hidden">{t('matching.dwellings.caption')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <SortHeaderCell sort={sort} column="address">{t('matching.dwelling.address')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="neighbourhood">{t('matching.dwellings.neighbourhood')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="size">{t('matching.dwellings.size')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="floor">{t('matching.dwelling.floor')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="availableOn">{t('matching.dwelling.availableOn')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="status">{t('matching.dwellings.status')}</SortHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {sort.rows.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell>
                <Link href={`/woningen/${d.id}`} linkComponent={RouterLink}>{addressLine(d.address)}</Link>
                {!d.address.verified && <> <span className="tr-status tr-status--warn">{t('matching.dwelling.unverified')}</span></>}
              </Table.Cell>
              <Table.Cell>{d.address.neighbourhoodName ?? '—'}</Table.Cell>
              <Table.Cell className="tr-nowrap">{t('matching.dwellings.sizeValue', { rooms: d.rooms, area: d.areaM2 })}</Table.Cell>
              <Table.Cell>{d.floor === 0 ? t('matching.dwelling.groundFloor') : d.floor}</Table.Cell>
              <Table.Cell className="tr-nowrap">{formatDate(d.availableOn, lang)}</Table.Cell>
              <Table.Cell>
                {t(`matching.dwellingStatus.${d.status}`)}
                {d.status === 'available' && !d.offerable && (
                  <> — {d.offerableFrom ? t('matching.dwelling.notOfferableUntil', { date: formatDate(d.offerableFrom, lang) }) : t('matching.dwelling.notOfferable')}</>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
