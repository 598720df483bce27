import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Column, Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { PlusIcon } from '@amsterdam/design-system-react-icons';
import { ROLES } from '../../../domain/organisations/model.ts';
import type { ListResponse, User } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can, platformWide } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ListPagination, PAGE_SIZE, pageFrom } from '../../components/ListPagination.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useAllOrganisations, useScope } from '../../lib/organisations.ts';
import { activeMemberships, isLocked } from '../../lib/users.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const FORM = 'user-filter';

export function UsersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const q = params.get('zoek') ?? '';
  const role = params.get('rol') ?? '';
  const organisationId = params.get('organisatie') ?? '';
  const inactive = params.get('inactief') === '1';
  const [draft, setDraft] = useState({ q, role, organisationId, inactive });
  useEffect(() => setDraft({ q, role, organisationId, inactive }), [q, role, organisationId, inactive]);

  const { organisations } = useAllOrganisations();
  const scope = useScope();
  const everyOrganisation = platformWide(session, 'user.list');
  const orgOptions = (organisations ?? [])
    .filter((o) => o.active && (everyOrganisation || (scope ?? []).includes(o.id)))
    .map((o) => ({ value: o.id, label: o.name, group: t(`orgTypes.${o.type}`) }));

  const list = useResource<ListResponse<User>>('/users', {
    q: q || undefined,
    role: role || undefined,
    organisationId: organisationId || undefined,
    includeInactive: inactive || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const total = list.data?.total;
  useEffect(() => {
    if (total !== undefined && !list.loading) announce(t('users.found', { count: total }));
  }, [total, list.loading, announce, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('zoek', draft.q.trim());
    if (draft.role) next.set('rol', draft.role);
    if (draft.organisationId) next.set('organisatie', draft.organisationId);
    if (draft.inactive) next.set('inactief', '1');
    setParams(next);
  };

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
      <form role="search" aria-label={t('users.filterName')} noValidate onSubmit={submit} className="tr-filters">
        <Row wrap alignVertical="end" gap="large">
          <TextField form={FORM} name="q" label={t('users.search')} value={draft.q} onChange={(v) => setDraft((d) => ({ ...d, q: v }))} optional />
          <SelectField
            form={FORM}
            name="role"
            label={t('users.role')}
            value={draft.role}
            onChange={(v) => setDraft((d) => ({ ...d, role: v }))}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            placeholder={t('users.allRoles')}
            optional
          />
          <SelectField
            form={FORM}
            name="organisationId"
            label={t('users.organisation')}
            value={draft.organisationId}
            onChange={(v) => setDraft((d) => ({ ...d, organisationId: v }))}
            options={orgOptions}
            placeholder={t('users.allOrganisations')}
            optional
          />
          <CheckboxField form={FORM} name="inactive" label={t('users.includeInactive')} checked={draft.inactive} onChange={(v) => setDraft((d) => ({ ...d, inactive: v }))} />
          <Button type="submit" variant="secondary">
            {t('common.search')}
          </Button>
        </Row>
      </form>

      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <TableScroll label={t('users.caption', { count: list.data.total })}>
            <Table className="tr-table" data-testid="users-table">
              <Table.Caption>{t('users.caption', { count: list.data.total })}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('users.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('users.email')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('users.memberships')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('users.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data.items.map((u) => (
                  <Table.Row key={u.id}>
                    <Table.Cell>
                      <Link href={`/beheer/gebruikers/${u.id}`} linkComponent={RouterLink}>
                        {u.name}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{u.email}</Table.Cell>
                    <Table.Cell data-testid="user-memberships">
                      {activeMemberships(u).map((m) => (
                        <span key={m.id} className="tr-cell-line">
                          {m.organisationName} — {t(`roles.${m.role}`)}
                        </span>
                      ))}
                    </Table.Cell>
                    <Table.Cell>
                      {u.active === false ? (
                        <Badge color="orange" label={t('users.deactivated')} />
                      ) : isLocked(u) ? (
                        <Badge color="red" label={t('users.locked')} />
                      ) : (
                        t('common.active')
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
                {list.data.items.length === 0 && (
                  <Table.Row>
                    <Table.Cell colSpan={4}>{t('users.none')}</Table.Cell>
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
