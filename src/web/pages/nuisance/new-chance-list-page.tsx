/**
 * "Nieuwe Kans": the New Chance cases the caller may read (the parties at the table before the
 * grant; after it the chosen care provider and Wonen), with their step in words.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Column, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SelectField } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { stepKey, type NewChanceListItem } from './new-chance-common.tsx';

export function NewChanceListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const [status, setStatus] = useState('open');
  const list = useResource<NewChanceListItem[]>('/new-chance', { status });
  return (
    <Column gap="large">
      <PageHeading>{t('nuisance-hub.nk.listTitle')}</PageHeading>
      <Paragraph>{t('nuisance-hub.nk.listIntro')}</Paragraph>
      {can(session, 'new_chance.create') && (
        <Paragraph><Link href="/nieuwe-kans/aanvragen" linkComponent={RouterLink}>{t('nuisance-hub.nk.applyLink')}</Link></Paragraph>
      )}
      <SelectField form="nk-filter" name="status" label={t('nuisance-hub.nk.show')} value={status} onChange={setStatus}
        options={['open', 'ended', 'all'].map((s) => ({ value: s, label: t(`nuisance-hub.nk.filter.${s}`) }))} />
      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Paragraph>{t('nuisance-hub.nk.none')}</Paragraph>}
      {list.data && list.data.length > 0 && (
        <TableScroll label={t('nuisance-hub.nk.caption')}>
          <Table className="tr-table" data-testid="new-chance-list">
            <Table.Caption className="ams-visually-hidden">{t('nuisance-hub.nk.caption')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t('nuisance-hub.nk.resident')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.nk.step')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.nk.corporation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('nuisance-hub.nk.requestedOn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list.data.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link href={`/nieuwe-kans/${c.id}`} linkComponent={RouterLink}>{c.residentName}</Link>
                    <br />
                    <span className="tr-hint">{c.address}</span>
                  </Table.Cell>
                  <Table.Cell>{t(`nuisance-hub.step.${stepKey(c.step)}.name`)}</Table.Cell>
                  <Table.Cell>{c.corporation ?? '—'}</Table.Cell>
                  <Table.Cell className="tr-nowrap">{formatDate(c.requestedOn, lang)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </Column>
  );
}
