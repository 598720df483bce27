import { useTranslation } from 'react-i18next';
import { Badge, Column, Link, Paragraph, Row, StandaloneLink } from '@amsterdam/design-system-react';
import { PlusIcon } from '@amsterdam/design-system-react-icons';
import { ORGANISATION_TYPES } from '../../../domain/organisations/model.ts';
import type { ListResponse, Organisation } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/forms.tsx';
import { PAGE_SIZE } from '../../components/ListPagination.tsx';
import { ListResults, SearchForm, useAnnounceTotal, useListFilters } from '../../components/ListPage.tsx';
import { useResource } from '../../lib/useResource.ts';

const FORM = 'org-filter';
const FILTERS = { q: { param: 'zoek' }, type: { param: 'soort' }, inactive: { param: 'inactief', flag: true } } as const;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { page, applied: f, draft, set, submit } = useListFilters(FILTERS);
  const list = useResource<ListResponse<Organisation>>('/organisations', {
    q: f.q || undefined,
    type: f.type || undefined,
    includeInactive: f.inactive || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  useAnnounceTotal(list, (count) => t('organisations.found', { count }));
  const typeOptions = ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }));

  return (
    <Column gap="large">
      <PageHeading>{t('organisations.title')}</PageHeading>
      <Paragraph>{t('organisations.intro')}</Paragraph>
      {can(session, 'organisation.create') && (
        <Row>
          <StandaloneLink href="/beheer/organisaties/nieuw" linkComponent={RouterLink} icon={PlusIcon} data-testid="create-organisation">
            {t('organisations.create')}
          </StandaloneLink>
        </Row>
      )}

      <SearchForm label={t('organisations.filterName')} onSubmit={submit}>
        <TextField form={FORM} name="q" label={t('organisations.search')} value={draft.q} onChange={(v) => set('q', v)} optional />
        <SelectField form={FORM} name="type" label={t('organisations.type')} value={draft.type} onChange={(v) => set('type', v)} options={typeOptions} placeholder={t('organisations.allTypes')} optional />
        <CheckboxField form={FORM} name="inactive" label={t('organisations.includeInactive')} checked={draft.inactive} onChange={(v) => set('inactive', v)} />
      </SearchForm>

      <ListResults
        list={list}
        page={page}
        caption={(count) => t('organisations.caption', { count })}
        empty={t('organisations.none')}
        rowKey={(o) => o.id}
        columns={[
          { header: t('organisations.name'), sort: (o) => o.name, cell: (o) => <Link href={`/beheer/organisaties/${o.id}`} linkComponent={RouterLink}>{o.name}</Link> },
          { header: t('organisations.code'), sort: (o) => o.code, cell: (o) => o.code },
          { header: t('organisations.type'), sort: (o) => t(`orgTypes.${o.type}`), cell: (o) => t(`orgTypes.${o.type}`) },
          { header: t('organisations.status'), sort: (o) => !o.active, cell: (o) => (o.active ? t('common.active') : <Badge color="orange" label={t('common.inactive')} />) },
        ]}
      />
    </Column>
  );
}
