import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Column, Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { PlusIcon } from '@amsterdam/design-system-react-icons';
import { ORGANISATION_TYPES } from '../../../domain/organisations/model.ts';
import type { ListResponse, Organisation } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ListPagination, PAGE_SIZE, pageFrom } from '../../components/ListPagination.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

const FORM = 'org-filter';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const q = params.get('zoek') ?? '';
  const type = params.get('soort') ?? '';
  const inactive = params.get('inactief') === '1';
  const [draft, setDraft] = useState({ q, type, inactive });
  useEffect(() => setDraft({ q, type, inactive }), [q, type, inactive]);

  const list = useResource<ListResponse<Organisation>>('/organisations', {
    q: q || undefined,
    type: type || undefined,
    includeInactive: inactive || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  const total = list.data?.total;
  useEffect(() => {
    if (total !== undefined && !list.loading) announce(t('organisations.found', { count: total }));
  }, [total, list.loading, announce, t]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q.trim()) next.set('zoek', draft.q.trim());
    if (draft.type) next.set('soort', draft.type);
    if (draft.inactive) next.set('inactief', '1');
    setParams(next);
  };

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

      <form role="search" aria-label={t('organisations.filterName')} noValidate onSubmit={submit} className="tr-filters">
        <Row wrap alignVertical="end" gap="large">
          <TextField form={FORM} name="q" label={t('organisations.search')} value={draft.q} onChange={(v) => setDraft((d) => ({ ...d, q: v }))} optional />
          <SelectField
            form={FORM}
            name="type"
            label={t('organisations.type')}
            value={draft.type}
            onChange={(v) => setDraft((d) => ({ ...d, type: v }))}
            options={typeOptions}
            placeholder={t('organisations.allTypes')}
            optional
          />
          <CheckboxField form={FORM} name="inactive" label={t('organisations.includeInactive')} checked={draft.inactive} onChange={(v) => setDraft((d) => ({ ...d, inactive: v }))} />
          <Button type="submit" variant="secondary">
            {t('common.search')}
          </Button>
        </Row>
      </form>

      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <TableScroll label={t('organisations.caption', { count: list.data.total })}>
            <Table className="tr-table">
              <Table.Caption>
                {t('organisations.caption', { count: list.data.total })}
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('organisations.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('organisations.code')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('organisations.type')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('organisations.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {list.data.items.map((o) => (
                  <Table.Row key={o.id}>
                    <Table.Cell>
                      <Link href={`/beheer/organisaties/${o.id}`} linkComponent={RouterLink}>
                        {o.name}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{o.code}</Table.Cell>
                    <Table.Cell>{t(`orgTypes.${o.type}`)}</Table.Cell>
                    <Table.Cell>
                      {o.active ? t('common.active') : <Badge color="orange" label={t('common.inactive')} />}
                    </Table.Cell>
                  </Table.Row>
                ))}
                {list.data.items.length === 0 && (
                  <Table.Row>
                    <Table.Cell colSpan={4}>{t('organisations.none')}</Table.Cell>
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
