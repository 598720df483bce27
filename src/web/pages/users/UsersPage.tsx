import { useTranslation } from 'react-i18next';
import { Badge, Column, Link, Paragraph, Row, StandaloneLink } from '@amsterdam/design-system-react';
import { PlusIcon } from '@amsterdam/design-system-react-icons';
import { ROLES } from '../../../domain/organisations/model.ts';
import type { ListResponse, User } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can, platformWide } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/forms.tsx';
import { PAGE_SIZE } from '../../components/ListPagination.tsx';
import { ListResults, SearchForm, useAnnounceTotal, useListFilters } from '../../components/ListPage.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useAllOrganisations, useScope } from '../../lib/organisations.ts';
import { activeMemberships, isLocked } from '../../lib/users.ts';

const FORM = 'user-filter';
const FILTERS = { q: { param: 'zoek' }, role: { param: 'rol' }, organisationId: { param: 'organisatie' }, inactive: { param: 'inactief', flag: true } } as const;

export function UsersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { page, applied: f, draft, set, submit } = useListFilters(FILTERS);

  const { organisations } = useAllOrganisations();
  const scope = useScope();
  const everyOrganisation = platformWide(session, 'user.list');
  const orgOptions = (organisations ?? [])
    .filter((o) => o.active && (everyOrganisation || (scope ?? []).includes(o.id)))
    .map((o) => ({ value: o.id, label: o.name, group: t(`orgTypes.${o.type}`) }));

  const list = useResource<ListResponse<User>>('/users', {
    q: f.q || undefined,
    role: f.role || undefined,
    organisationId: f.organisationId || undefined,
    includeInactive: f.inactive || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  useAnnounceTotal(list, (count) => t('users.found', { count }));

  return (
    <Column gap="large">
      <PageHeading>{t('users.title')}</PageHeading>
      <Paragraph>{everyOrganisation ? t('users.introPlatform') : t('users.introOrganisation')}</Paragraph>
      {can(session, 'user.create') && (
        <Row>
          <StandaloneLink href="/beheer/gebruikers/nieuw" linkComponent={RouterLink} icon={PlusIcon}>
            {t('users.create')}
          </StandaloneLink>
        </Row>
      )}
      <SearchForm label={t('users.filterName')} onSubmit={submit}>
          <TextField form={FORM} name="q" label={t('users.search')} value={draft.q} onChange={(v) => set('q', v)} optional />
          <SelectField
            form={FORM}
            name="role"
            label={t('users.role')}
            value={draft.role}
            onChange={(v) => set('role', v)}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            placeholder={t('users.allRoles')}
            optional
          />
          <SelectField
            form={FORM}
            name="organisationId"
            label={t('users.organisation')}
            value={draft.organisationId}
            onChange={(v) => set('organisationId', v)}
            options={orgOptions}
            placeholder={t('users.allOrganisations')}
            optional
          />
          <CheckboxField form={FORM} name="inactive" label={t('users.includeInactive')} checked={draft.inactive} onChange={(v) => set('inactive', v)} />
      </SearchForm>

      <ListResults
        list={list}
        page={page}
        testId="users-table"
        caption={(count) => t('users.caption', { count })}
        empty={t('users.none')}
        rowKey={(u) => u.id}
        columns={[
          { header: t('users.name'), sort: (u) => u.name, cell: (u) => <Link href={`/beheer/gebruikers/${u.id}`} linkComponent={RouterLink}>{u.name}</Link> },
          { header: t('users.email'), sort: (u) => u.email, cell: (u) => u.email },
          {
            header: t('users.memberships'),
            testId: 'user-memberships',
            sort: (u) => activeMemberships(u).map((m) => m.organisationName).join(', '),
            cell: (u) => activeMemberships(u).map((m) => (
              <span key={m.id} className="tr-cell-line">
                {m.organisationName} — {t(`roles.${m.role}`)}
              </span>
            )),
          },
          {
            header: t('users.status'),
            sort: (u) => (u.active === false ? 2 : isLocked(u) ? 1 : 0),
            cell: (u) => (u.active === false ? <Badge color="orange" label={t('users.deactivated')} /> : isLocked(u) ? <Badge color="red" label={t('users.locked')} /> : t('common.active')),
          },
        ]}
      />
    </Column>
  );
}
