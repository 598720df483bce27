import { useTranslation } from 'react-i18next';
import { Column, Link, Paragraph, Row, StandaloneLink } from '@amsterdam/design-system-react';
import { PlusIcon } from '@amsterdam/design-system-react-icons';
import { PHASES } from '../../../domain/trajectories/model.ts';
import type { ClientListItem, ListResponse } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/forms.tsx';
import { PAGE_SIZE } from '../../components/ListPagination.tsx';
import { ListResults, SearchForm, useAnnounceTotal, useListFilters } from '../../components/ListPage.tsx';
import { useResource } from '../../lib/useResource.ts';
import { dateKey } from '../../components/sort.ts';
import { StatusText, useDate, usePhaseName } from './common.tsx';

const FORM = 'client-filter';
const FILTERS = { q: { param: 'zoek' }, phase: { param: 'fase' }, targetGroup: { param: 'doelgroep' }, status: { param: 'status' }, overdue: { param: 'te-laat', flag: true } } as const;
export const TARGET_GROUPS = ['omslag_mobw_adult', 'omslag_mobw_family', 'omslag_domestic_violence', 'omslag_young_mother', 'omslag_young_adult'] as const;

/** Clients with their current trajectory: search and filters; for Wonen also the queue of nominations to check. */
export function ClientsPage({ queue = false }: { queue?: boolean }) {
  const { t } = useTranslation();
  const { session, activeMembership } = useSession();
  const { page, applied: f, draft, set, submit } = useListFilters(FILTERS);
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
  useAnnounceTotal(list, (count) => t('clients.found', { count }));
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

      <SearchForm label={t('clients.filterName')} onSubmit={submit}>
          <TextField form={FORM} name="q" label={t('clients.search')} value={draft.q} onChange={(v) => set('q', v)} optional />
          {!queue && (
            <SelectField
              form={FORM}
              name="phase"
              label={t('clients.phase')}
              value={draft.phase}
              onChange={(v) => set('phase', v)}
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
            onChange={(v) => set('targetGroup', v)}
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
              onChange={(v) => set('status', v)}
              options={[
                { value: 'active', label: t('clients.statusActive') },
                { value: 'closed', label: t('clients.statusClosed') },
              ]}
              placeholder={t('clients.statusActive')}
              optional
            />
          )}
          <CheckboxField form={FORM} name="overdue" label={t('clients.overdueOnly')} checked={draft.overdue} onChange={(v) => set('overdue', v)} />
      </SearchForm>

      <ListResults
        list={list}
        page={page}
        testId="clients-table"
        caption={(count) => (queue ? t('wonenQueue.caption', { count }) : t('clients.caption', { count }))}
        empty={queue ? t('wonenQueue.none') : t('clients.none')}
        rowKey={(c) => c.trajectoryId}
        columns={[
          {
            header: t('clients.name'),
            sort: (c) => c.name || null,
            cell: (c) => (
              <>
                <Link href={`/trajecten/${c.trajectoryId}`} linkComponent={RouterLink}>
                  {c.name || t('clients.erasedName')}
                </Link>
                {c.targetGroup && <span className="tr-cell-line tr-muted">{t(`targetGroups.${c.targetGroup}`, { defaultValue: c.targetGroup })}</span>}
              </>
            ),
          },
          {
            header: t('clients.phase'),
            sort: (c) => PHASES.indexOf(c.phase as (typeof PHASES)[number]) + 1 || null,
            cell: (c) => (
              <>
                {phaseName(c.phase)}
                {c.status === 'closed' && <span className="tr-cell-line tr-muted">{t('clients.statusClosed')}</span>}
              </>
            ),
          },
          { header: t('clients.careProvider'), sort: (c) => c.careProvider, cell: (c) => c.careProvider ?? '—' },
          { header: t('clients.corporation'), sort: (c) => c.corporation, cell: (c) => c.corporation ?? t('clients.noCorporation') },
          { header: t('clients.startedOn'), sort: (c) => dateKey(c.startedOn), cell: (c) => date(c.startedOn), className: 'tr-nowrap' },
          {
            header: t('clients.deadlines'),
            sort: (c) => c.overdueDeadlines,
            cell: (c) => (c.overdueDeadlines > 0
              ? <StatusText tone="bad">{t('clients.overdueCount', { count: c.overdueDeadlines })}</StatusText>
              : <StatusText tone="muted">{t('clients.noneOverdue')}</StatusText>),
          },
        ]}
      />
    </Column>
  );
}

/** Wonen: nominations waiting for the check (D-13); each opens the trajectory where Wonen confirms or returns it. */
export function WonenQueuePage() {
  return <ClientsPage queue />;
}
