import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Badge, Breadcrumb, Button, Column, DescriptionList, Heading, Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { PencilIcon } from '@amsterdam/design-system-react-icons';
import { api } from '../../api/client.ts';
import type { ListResponse, Organisation } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useRegions, useScope, invalidateOrganisationCache } from '../../lib/organisations.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSubmitting } from '../../components/forms.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, useSort } from '../../components/SortableTable.tsx';

export function OrganisationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const location = useLocation();
  const announce = useAnnounce();
  const org = useResource<Organisation>(`/organisations/${id}`);
  const parent = useResource<Organisation>(org.data?.parentId ? `/organisations/${org.data.parentId}` : null);
  const children = useResource<ListResponse<Organisation>>(org.data ? '/organisations' : null, { parentId: id, includeInactive: true, limit: 200 });
  const childSort = useSort(children.data?.items, {
    name: (c: Organisation) => c.name,
    type: (c: Organisation) => t(`orgTypes.${c.type}`),
    status: (c: Organisation) => !c.active,
  });
  const regions = useRegions();
  const known = useScope() ?? [];
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [justDeactivated, setJustDeactivated] = useState(false);
  const { pending, run } = useSubmitting();
  const confirmRef = useRef<HTMLDivElement>(null);
  const saved = (location.state as { saved?: 'created' | 'updated' } | null)?.saved;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const o = org.data;
  const mayUpdate = o ? can(session, 'organisation.update', { organisationIds: [o.id] }, known) : false;
  const mayDeactivate = o ? o.active && can(session, 'organisation.deactivate', { organisationIds: [o.id] }, known) : false;

  const deactivate = () =>
    run(async () => {
      if (!o) return;
      setActionError(null);
      try {
        const res = await api.post<Organisation>(`/organisations/${o.id}/deactivate`, {}, { ifMatch: org.etag ?? o.version });
        org.set(res.data, res.etag);
        invalidateOrganisationCache();
        setConfirming(false);
        setJustDeactivated(true);
        announce(t('organisations.deactivatedDetail', { name: o.name }));
      } catch (err) {
        setConfirming(false);
        setActionError(err);
      }
    });

  const region = regions?.find((r) => r.id === o?.regionId);
  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/" linkComponent={RouterLink}>
          {t('nav.home')}
        </Breadcrumb.Link>
        <Breadcrumb.Link href="/beheer/organisaties" linkComponent={RouterLink}>
          {t('organisations.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading title={o?.name ?? t('organisations.detailTitle')}>{o?.name ?? t('organisations.detailTitle')}</PageHeading>
      {saved && !justDeactivated && (
        <Alert severity="success" heading={saved === 'created' ? t('organisations.createdHeading') : t('organisations.updatedHeading')} headingLevel={2} className="tr-alert">
          <Paragraph>{t('organisations.savedDetail')}</Paragraph>
        </Alert>
      )}
      {justDeactivated && o && (
        <Alert severity="success" heading={t('organisations.deactivatedHeading')} headingLevel={2} className="tr-alert">
          <Paragraph>{t('organisations.deactivatedDetail', { name: o.name })}</Paragraph>
        </Alert>
      )}
      {org.error !== null && <ProblemAlert error={org.error} onRetry={() => void org.reload()} />}
      {org.loading && !o && <Loading />}
      {o && (
        <>
          {(mayUpdate || mayDeactivate) && (
            <ActionGroup>
              {mayUpdate && (
                <StandaloneLink href={`/beheer/organisaties/${o.id}/wijzigen`} linkComponent={RouterLink} icon={PencilIcon}>
                  {t('organisations.edit')}
                </StandaloneLink>
              )}
              {mayDeactivate && !confirming && (
                <Button variant="secondary" onClick={() => setConfirming(true)}>
                  {t('organisations.deactivate')}
                </Button>
              )}
            </ActionGroup>
          )}
          {confirming && (
            <Alert ref={confirmRef} tabIndex={-1} severity="warning" heading={t('organisations.confirmHeading')} headingLevel={2} className="tr-alert">
              <Paragraph>{t('organisations.confirmDetail', { name: o.name })}</Paragraph>
              <ActionGroup className="tr-alert-action">
                <Button onClick={() => void deactivate()} disabled={pending}>
                  {t('organisations.confirmYes')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
              </ActionGroup>
            </Alert>
          )}
          {actionError !== null &&
            (isConflict(actionError) ? (
              <ConflictAlert
                error={actionError}
                onLoadLatest={() => {
                  setActionError(null);
                  void org.reload();
                }}
              />
            ) : (
              <ProblemAlert error={actionError} />
            ))}

          <section aria-labelledby="org-details-heading">
            <Heading level={2} size="level-3" id="org-details-heading" className="tr-section-heading">
              {t('organisations.details')}
            </Heading>
            <DescriptionList termsWidth="medium">
              <DescriptionList.Term>{t('organisations.code')}</DescriptionList.Term>
              <DescriptionList.Description>{o.code}</DescriptionList.Description>
              <DescriptionList.Term>{t('organisations.type')}</DescriptionList.Term>
              <DescriptionList.Description>{t(`orgTypes.${o.type}`)}</DescriptionList.Description>
              <DescriptionList.Term>{t('organisations.parent')}</DescriptionList.Term>
              <DescriptionList.Description>
                {o.parentId ? (
                  <Link href={`/beheer/organisaties/${o.parentId}`} linkComponent={RouterLink}>
                    {parent.data?.name ?? t('common.loadingShort')}
                  </Link>
                ) : (
                  t('organisations.noParent')
                )}
              </DescriptionList.Description>
              <DescriptionList.Term>{t('organisations.region')}</DescriptionList.Term>
              <DescriptionList.Description>{region?.name ?? (o.regionId ? '…' : t('common.none'))}</DescriptionList.Description>
              {o.type === 'municipality' && (
                <>
                  <DescriptionList.Term>{t('organisations.municipalityCode')}</DescriptionList.Term>
                  <DescriptionList.Description>{o.municipalityCode}</DescriptionList.Description>
                </>
              )}
              <DescriptionList.Term>{t('organisations.contactRoleLabel')}</DescriptionList.Term>
              <DescriptionList.Description>{o.contactRoleLabel ?? t('common.none')}</DescriptionList.Description>
              <DescriptionList.Term>{t('organisations.email')}</DescriptionList.Term>
              <DescriptionList.Description>{o.email ? <Link href={`mailto:${o.email}`}>{o.email}</Link> : t('common.none')}</DescriptionList.Description>
              <DescriptionList.Term>{t('organisations.phone')}</DescriptionList.Term>
              <DescriptionList.Description>{o.phone ?? t('common.none')}</DescriptionList.Description>
              <DescriptionList.Term>{t('organisations.status')}</DescriptionList.Term>
              <DescriptionList.Description data-testid="org-status">
                {o.active ? t('common.active') : t('organisations.inactiveSince', { date: formatDateTime(o.deactivatedAt, lang) })}
              </DescriptionList.Description>
              <DescriptionList.Term>{t('common.updatedAt')}</DescriptionList.Term>
              <DescriptionList.Description>
                {formatDateTime(o.updatedAt, lang)} ({t('common.version', { version: o.version })})
              </DescriptionList.Description>
            </DescriptionList>
          </section>

          {children.data && children.data.items.length > 0 && (
            <section aria-labelledby="org-children-heading">
              <Heading level={2} size="level-3" id="org-children-heading" className="tr-section-heading">
                {t('organisations.children')}
              </Heading>
              <TableScroll label={t('organisations.childrenCaption', { name: o.name })}>
                <Table className="tr-table">
                  <Table.Caption className="ams-visually-hidden">{t('organisations.childrenCaption', { name: o.name })}</Table.Caption>
                  <Table.Header>
                    <Table.Row>
                      <SortHeaderCell sort={childSort} column="name">{t('organisations.name')}</SortHeaderCell>
                      <SortHeaderCell sort={childSort} column="type">{t('organisations.type')}</SortHeaderCell>
                      <SortHeaderCell sort={childSort} column="status">{t('organisations.status')}</SortHeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {childSort.rows.map((c) => (
                      <Table.Row key={c.id}>
                        <Table.Cell>
                          <Link href={`/beheer/organisaties/${c.id}`} linkComponent={RouterLink}>
                            {c.name}
                          </Link>
                        </Table.Cell>
                        <Table.Cell>{t(`orgTypes.${c.type}`)}</Table.Cell>
                        <Table.Cell>{c.active ? t('common.active') : <Badge color="orange" label={t('common.inactive')} />}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            </section>
          )}

          {can(session, 'user.list') && (
            <Row>
              <StandaloneLink href={`/beheer/gebruikers?organisatie=${o.id}`} linkComponent={RouterLink}>
                {t('organisations.usersLink')}
              </StandaloneLink>
            </Row>
          )}
        </>
      )}
    </Column>
  );
}
