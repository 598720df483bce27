import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Column, Heading, Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import type { Worklist, WorklistItem } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { SortHeaderCell, dateKey, useSort } from '../../components/SortableTable.tsx';
import { useResource } from '../../lib/useResource.ts';
import { StatusText, useDate, usePhaseName } from './common.tsx';
import { caseHref, caseNameKey } from '../../lib/case-links.ts';

/** Overdue first (with the "te laat" and "te laat ×3" markers), then due within 10 working days. */
export function WorklistPage() {
  const { t } = useTranslation();
  const { session, activeMembership } = useSession();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const mayOrganisation = can(session, 'worklist.read_organisation');
  const scope = mayOrganisation && params.get('bereik') === 'organisatie' ? 'organisation' : 'mine';
  const list = useResource<Worklist>('/worklist', { scope });
  const items = list.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue);
  const soon = items.filter((i) => !i.overdue);
  const date = useDate();

  useEffect(() => {
    if (list.data && !list.loading) announce(t('worklist.loaded', { overdue: overdue.length, soon: soon.length }));
  }, [list.data, list.loading, overdue.length, soon.length, announce, t]);

  return (
    <Column gap="large">
      <PageHeading>{scope === 'organisation' ? t('worklist.titleOrganisation') : t('worklist.title')}</PageHeading>
      <Paragraph>
        {list.data ? t('worklist.intro', { asOf: date(list.data.asOf), horizon: date(list.data.horizon) }) : t('worklist.introShort')}
      </Paragraph>
      {mayOrganisation && (
        <nav aria-label={t('worklist.scopeNav')}>
          <Row gap="large" wrap>
            {scope === 'organisation' ? (
              <StandaloneLink href="/werklijst" linkComponent={RouterLink}>
                {t('worklist.showMine')}
              </StandaloneLink>
            ) : (
              <StandaloneLink href="/werklijst?bereik=organisatie" linkComponent={RouterLink}>
                {t('worklist.showOrganisation', { organisation: activeMembership?.organisationName ?? '' })}
              </StandaloneLink>
            )}
          </Row>
        </nav>
      )}
      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <WorklistTable id="overdue" heading={t('worklist.overdueHeading', { count: overdue.length })} empty={t('worklist.noneOverdue')} items={overdue} />
          <WorklistTable id="soon" heading={t('worklist.soonHeading', { count: soon.length })} empty={t('worklist.noneSoon')} items={soon} />
        </>
      )}
    </Column>
  );
}

function WorklistTable({ id, heading, empty, items }: { id: string; heading: string; empty: string; items: WorklistItem[] }) {
  const { t } = useTranslation();
  const date = useDate();
  const phaseName = usePhaseName();
  const sort = useSort(items, {
    client: (i) => i.clientName ?? '',
    kind: (i) => t(`deadlines.nature.${i.nature}`, { defaultValue: i.nature }),
    what: (i) => ruleName(t, i.ruleId),
    due: (i) => dateKey(i.due),
  });
  return (
    <section aria-labelledby={`${id}-heading`} className="tr-section" data-testid={`worklist-${id}`}>
      <Heading level={2} size="level-3" id={`${id}-heading`}>
        {heading}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <TableScroll label={heading}>
          <Table className="tr-table">
            <Table.Caption className="ams-visually-hidden">{heading}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <SortHeaderCell sort={sort} column="client">{t('worklist.client')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="kind">{t('worklist.rule')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="what">{t('worklist.what')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="due">{t('worklist.due')}</SortHeaderCell>
                <Table.HeaderCell scope="col">{t('worklist.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sort.rows.map((i) => (
                <Table.Row key={`${i.caseId}-${i.key}`} data-testid="worklist-row">
                  <Table.Cell>
                    <Link href={caseHref(i) ?? '/werklijst'} linkComponent={RouterLink}>
                      {i.clientName ?? (i.caseKind === 'trajectory' ? t('clients.erasedName') : t(caseNameKey(i.caseKind)))}
                    </Link>
                    {i.phase && <span className="tr-cell-line tr-muted">{phaseName(i.phase)}</span>}
                  </Table.Cell>
                  <Table.Cell data-rule={i.ruleId}>{t(`deadlines.nature.${i.nature}`, { defaultValue: i.nature })}</Table.Cell>
                  <Table.Cell>{ruleName(t, i.ruleId)}</Table.Cell>
                  <Table.Cell>
                    <span className="tr-nowrap">{i.due ? date(i.due) : t('deadlines.pausedNoDue')}</span>
                    {i.moved.length > 0 && (
                      <span className="tr-cell-line tr-muted">
                        {i.moved.map((m) => t('deadlineTexts.moved', { from: date(m.from), to: date(m.to), rule: t(`deadlineTexts.atw.${m.rule}`, { defaultValue: '' }) })).join(' ')}
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <DeadlineMarkers item={i} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

/** The deadline rule in words (the list carries its code; deadlineTexts.rules names every rule of the domain). */
export function ruleName(t: TFunction, ruleId: string): string {
  return t(`deadlineTexts.rules.${ruleId}`, { defaultValue: t('deadlineTexts.unknownRule') });
}

export function DeadlineMarkers({ item }: { item: Pick<WorklistItem, 'overdue' | 'escalated' | 'warning' | 'paused' | 'status'> }) {
  const { t } = useTranslation();
  return (
    <span className="tr-markers">
      {item.overdue && <StatusText tone="bad">{t('deadlines.late')}</StatusText>}
      {item.escalated && <StatusText tone="bad">{t('deadlines.escalated')}</StatusText>}
      {item.warning && <StatusText tone="warn">{t('deadlines.warning')}</StatusText>}
      {item.paused && <StatusText tone="info">{t('deadlines.paused')}</StatusText>}
      {!item.overdue && !item.paused && !item.warning && <StatusText tone={item.status === 'met' ? 'ok' : 'muted'}>{t(`deadlines.status.${item.status}`, { defaultValue: item.status })}</StatusText>}
    </span>
  );
}
