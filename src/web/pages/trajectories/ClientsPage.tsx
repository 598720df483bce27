import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Column, Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { PlusIcon } from '@amsterdam/design-system-react-icons';
import { PHASES } from '../../../domain/trajectories/model.ts';
import type { ClientListItem, ListResponse } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ListPagination, PAGE_SIZE, pageFrom } from '../../components/ListPagination.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { StatusText, useDate, usePhaseName } from './common.tsx';

const FORM = 'client-filter';
export const TARGET_GROUPS = ['omslag_mobw_adult', 'omslag_mobw_family', 'omslag_domestic_violence', 'omslag_young_mother', 'omslag_young_adult'] as const;

/** Clients with their current trajectory: search and filters; for Wonen also the queue of nominations to check. */
export function ClientsPage({ queue = false }: { queue?: boolean }) {
  const { t } = useTranslation();
  const { session, activeMembership } = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const f = {
    q: params.get('zoek') ?? '',
    phase: params.get('fase') ?? '',
    targetGroup: params.get('doelgroep') ?? '',
    status: params.get('status') ?? '',
    overdue: params.get('te-laat') === '1',
  };
  const [draft, setDraft] = useState(f);
  const key = JSON.stringify(f);
  useEffect(() => setDraft(JSON.parse(key) as typeof f), [key]);
  const isWonen = activeMembership?.role === 'wonen_officer';

  const list = useResource<ListResponse<ClientListItem>>('/clients', {
    q: f.q || undefined,
    phase: f.phase || undefined,
    targetGroup: f.targetGroup || undefined,
    status: f.status || undefined,
    overdue: f.overdue || undefined,
    queue: queue ? 'wonen_check' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = list.data?.total;
  useEffect(() => {
    if (total !== undefined && !list.loading) announce(t('clients.found', { count: total }));
  }, [total, list.loading, announce, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('zoek', draft.q.trim());
    if (draft.phase) next.set('fase', draft.phase);
    if (draft.targetGroup) next.set('doelgroep', draft.targetGroup);
    if (draft.status) next.set('status', draft.status);
    if (draft.overdue) next.set('te-laat', '1');
    setParams(next);
  };
  const phaseName = usePhaseName();
  const date = useDate();
  const title = queue ? t('wonenQueue.title') : t('clients.title');

  return (
    <Column gap="large">
      <PageHeading>{title}</PageHeading>
      <Paragraph>{queue ? t('wonenQueue.intro') : isWonen ? t('clients.introWonen') : t('clients.intro')}</Paragraph>
      <Row gap="large" wrap>
        {!queue && can(session, 'client.create') && (
          <StandaloneLink href="/clienten/nieuw" linkComponent={RouterLink} icon={PlusIcon}>
            {t('clients.create')}
          </StandaloneLink>
        )}
        {isWonen && !queue && (
          <StandaloneLink href="/wonen/voordrachten" linkComponent={RouterLink}>
            {t('wonenQueue.link')}
          </StandaloneLink>
        )}
        {queue && (
          <StandaloneLink href="/clienten" linkComponent={RouterLink}>
            {t('wonenQueue.allClients')}
          </StandaloneLink>
        )}
      </Row>

      <form role="search" aria-label={t('clients.filterName')} noValidate onSubmit={submit} className="tr-filters">
        <Row wrap alignVertical="end" gap="large">
          <TextField form={FORM} name="q" label={t('clients.search')} value={draft.q} onChange={(v) => setDraft((d) => ({ ...d, q: v }))} optional />
          {!queue && (
            <SelectField
              form={FORM}
              name="phase"
              label={t('clients.phase')}
              value={draft.phase}
              onChange={(v) => setDraft((d) => ({ ...d, phase: v }))}
              options={PHASES.map((p) => ({ value: p, label: phaseName(p) }))}
              placeholder={t('clients.allPhases')}
              optional
            />
          )}
          <SelectField
            form={FORM}
            name="targetGroup"
            label={t('clients.targetGroup')}
            value={draft.targetGroup}
            onChange={(v) => setDraft((d) => ({ ...d, targetGroup: v }))}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))}
            placeholder={t('clients.allTargetGroups')}
            optional
          />
          {!queue && (
            <SelectField
              form={FORM}
              name="status"
              label={t('clients.status')}
              value={draft.status}
              onChange={(v) => setDraft((d) => ({ ...d, status: v }))}
              options={[
                { value: 'active', label: t('clients.statusActive') },
                { value: 'closed', label: t('clients.statusClosed') },
              ]}
              placeholder={t('clients.statusActive')}
              optional
            />
          )}
          <CheckboxField form={FORM} name="overdue" label={t('clients.overdueOnly')} checked={draft.overdue} onChange={(v) => setDraft((d) => ({ ...d, overdue: v }))} />
          <Button type="submit" variant="secondary">
            {t('common.search')}
          </Button>
        </Row>
      </form>

      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <TableScroll label={t('clients.caption', { count: list.data.total })}>
            <Table className="tr-table" data-testid="clients-table">
              <Table.Caption>{queue ? t('wonenQueue.caption', { count: list.data.total }) : t('clients.caption', { count: list.data.total })}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('clients.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('clients.phase')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('clients.careProvider')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('clients.corporation')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('clients.startedOn')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('clients.deadlines')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data.items.map((c) => (
                  <Table.Row key={c.trajectoryId}>
                    <Table.Cell>
                      <Link href={`/trajecten/${c.trajectoryId}`} linkComponent={RouterLink}>
                        {c.name || t('clients.erasedName')}
                      </Link>
                      {c.targetGroup && <span className="tr-cell-line tr-muted">{t(`targetGroups.${c.targetGroup}`, { defaultValue: c.targetGroup })}</span>}
                    </Table.Cell>
                    <Table.Cell>
                      {phaseName(c.phase)}
                      {c.status === 'closed' && <span className="tr-cell-line tr-muted">{t('clients.statusClosed')}</span>}
                    </Table.Cell>
                    <Table.Cell>{c.careProvider ?? '—'}</Table.Cell>
                    <Table.Cell>{c.corporation ?? t('clients.noCorporation')}</Table.Cell>
                    <Table.Cell className="tr-nowrap">{date(c.startedOn)}</Table.Cell>
                    <Table.Cell>
                      {c.overdueDeadlines > 0 ? <StatusText tone="bad">{t('clients.overdueCount', { count: c.overdueDeadlines })}</StatusText> : <StatusText tone="muted">{t('clients.noneOverdue')}</StatusText>}
                    </Table.Cell>
                  </Table.Row>
                ))}
                {list.data.items.length === 0 && (
                  <Table.Row>
                    <Table.Cell colSpan={6}>{queue ? t('wonenQueue.none') : t('clients.none')}</Table.Cell>
                  </Table.Row>
                )}
              </Table.Body>
            </Table>
          </TableScroll>
          <ListPagination total={list.data.total} page={page} />
        </>
      )}
    </Column>
  );
}

/** Wonen: nominations waiting for the check (D-13); each opens the trajectory where Wonen confirms or returns it. */
export function WonenQueuePage() {
  return <ClientsPage queue />;
}
