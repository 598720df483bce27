import { forwardRef, useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Badge, Breadcrumb, Button, Column, DescriptionList, Heading, Link, Paragraph, Row, StandaloneLink, Table } from '@amsterdam/design-system-react';
import { PencilIcon } from '@amsterdam/design-system-react-icons';
import { api } from '../../api/client.ts';
import type { DeactivateResult, ListResponse, User, UserMembership } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can, userFieldsWritable } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, SelectField, TextAreaField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource, type Resource } from '../../lib/useResource.ts';
import { useScope } from '../../lib/organisations.ts';
import { activeMemberships, isLocked, knownScopeFor, userResource } from '../../lib/users.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { MembershipFields } from './MembershipFields.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, dateKey, useSort } from '../../components/SortableTable.tsx';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const announce = useAnnounce();
  const { session } = useSession();
  const user = useResource<User>(`/users/${id}`);
  const successor = useResource<User>(user.data?.successorId ? `/users/${user.data.successorId}` : null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [handover, setHandover] = useState<HandoverInfo | null>(null);
  const handoverRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (handover) handoverRef.current?.focus();
  }, [handover]);
  const { pending, run } = useSubmitting();
  const saved = (location.state as { saved?: 'created' | 'updated' } | null)?.saved;

  const u = user.data;
  const known = u ? knownScopeFor(session, u) : [];
  const resource = u ? userResource(u) : undefined;
  const mayUpdate = !!u && u.active !== false && can(session, 'user.update', resource, known);
  const mayUnlock = !!u && userFieldsWritable(session, resource!, known).includes('unlock');

  const unlock = () =>
    run(async () => {
      if (!u) return;
      setActionError(null);
      try {
        const res = await api.patch<User>(`/users/${u.id}`, { unlock: true }, { ifMatch: user.etag ?? u.version });
        user.set(res.data, res.etag);
        setFlash(t('users.unlocked'));
        announce(t('users.unlocked'));
      } catch (err) {
        setActionError(err);
      }
    });

  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/" linkComponent={RouterLink}>
          {t('nav.home')}
        </Breadcrumb.Link>
        <Breadcrumb.Link href="/beheer/gebruikers" linkComponent={RouterLink}>
          {t('users.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading title={u?.name ?? t('users.detailTitle')}>{u?.name ?? t('users.detailTitle')}</PageHeading>
      {handover && <HandoverResult ref={handoverRef} result={handover} />}
      {saved && !flash && !handover && (
        <Alert severity="success" heading={saved === 'created' ? t('users.createdHeading') : t('users.updatedHeading')} headingLevel={2} className="tr-alert">
          <Paragraph>{t('users.savedDetail')}</Paragraph>
        </Alert>
      )}
      {flash && (
        <Alert severity="success" heading={flash} headingLevel={2} className="tr-alert" role="status" />
      )}
      {user.error !== null && <ProblemAlert error={user.error} onRetry={() => void user.reload()} />}
      {user.loading && !u && <Loading />}
      {u && (
        <>
          {(mayUpdate || (mayUnlock && isLocked(u))) && (
            <ActionGroup>
              {mayUpdate && (
                <StandaloneLink href={`/beheer/gebruikers/${u.id}/wijzigen`} linkComponent={RouterLink} icon={PencilIcon}>
                  {t('users.edit')}
                </StandaloneLink>
              )}
              {mayUnlock && isLocked(u) && (
                <Button variant="secondary" onClick={() => void unlock()} disabled={pending}>
                  {t('users.unlock')}
                </Button>
              )}
            </ActionGroup>
          )}
          {actionError !== null &&
            (isConflict(actionError) ? (
              <ConflictAlert
                error={actionError}
                onLoadLatest={() => {
                  setActionError(null);
                  void user.reload();
                }}
              />
            ) : (
              <ProblemAlert error={actionError} />
            ))}

          <section aria-labelledby="user-details-heading">
            <Heading level={2} size="level-3" id="user-details-heading" className="tr-section-heading">
              {t('users.details')}
            </Heading>
            <DescriptionList termsWidth="medium">
              <DescriptionList.Term>{t('users.email')}</DescriptionList.Term>
              <DescriptionList.Description>{u.email}</DescriptionList.Description>
              {u.locale && (
                <>
                  <DescriptionList.Term>{t('users.locale')}</DescriptionList.Term>
                  <DescriptionList.Description>{t(`languages.${u.locale}`)}</DescriptionList.Description>
                </>
              )}
              <DescriptionList.Term>{t('users.status')}</DescriptionList.Term>
              <DescriptionList.Description data-testid="user-status">
                {u.active === false
                  ? t('users.deactivatedOn', { date: formatDateTime(u.deactivatedAt, lang) })
                  : isLocked(u)
                    ? t('users.lockedUntil', { date: formatDateTime(u.lockedUntil, lang) })
                    : t('common.active')}
              </DescriptionList.Description>
              {u.active === false && u.deactivationReason && (
                <>
                  <DescriptionList.Term>{t('users.reason')}</DescriptionList.Term>
                  <DescriptionList.Description>{u.deactivationReason}</DescriptionList.Description>
                </>
              )}
              {u.successorId && (
                <>
                  <DescriptionList.Term>{t('users.successor')}</DescriptionList.Term>
                  <DescriptionList.Description>
                    <Link href={`/beheer/gebruikers/${u.successorId}`} linkComponent={RouterLink}>
                      {successor.data?.name ?? t('users.successorLink')}
                    </Link>
                  </DescriptionList.Description>
                </>
              )}
              {u.lastLoginAt !== undefined && (
                <>
                  <DescriptionList.Term>{t('users.lastLogin')}</DescriptionList.Term>
                  <DescriptionList.Description>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('users.neverLoggedIn')}</DescriptionList.Description>
                </>
              )}
              {u.hasPassword !== undefined && (
                <>
                  <DescriptionList.Term>{t('users.loginMethod')}</DescriptionList.Term>
                  <DescriptionList.Description>{u.hasPassword ? t('users.hasPassword') : t('users.noPassword')}</DescriptionList.Description>
                </>
              )}
              {u.failedLoginCount !== undefined && (
                <>
                  <DescriptionList.Term>{t('users.failedLogins')}</DescriptionList.Term>
                  <DescriptionList.Description>{u.failedLoginCount}</DescriptionList.Description>
                </>
              )}
              {u.createdAt && (
                <>
                  <DescriptionList.Term>{t('common.createdAt')}</DescriptionList.Term>
                  <DescriptionList.Description>{formatDateTime(u.createdAt, lang)}</DescriptionList.Description>
                </>
              )}
            </DescriptionList>
          </section>

          <MembershipsSection user={user} onDone={(m) => { setFlash(m); announce(m); }} />
          {u.active !== false && can(session, 'user.deactivate', resource, known) && (
            <DeactivateSection
              user={user}
              onDone={(info) => {
                setHandover(info);
                announce(t('users.deactivatedHeading'));
              }}
            />
          )}
        </>
      )}
    </Column>
  );
}

function MembershipsSection({ user, onDone }: { user: Resource<User>; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const scope = useScope() ?? [];
  const u = user.data!;
  const [ending, setEnding] = useState<UserMembership | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ending) confirmRef.current?.focus();
  }, [ending]);

  const memberships = u.memberships ?? [];
  const sort = useSort(memberships, {
    organisation: (m: UserMembership) => m.organisationName,
    role: (m: UserMembership) => t(`roles.${m.role}`),
    since: (m: UserMembership) => dateKey(m.startsOn),
    until: (m: UserMembership) => dateKey(m.endedOn),
    status: (m: UserMembership) => !m.active,
  });
  const mayEnd = (m: UserMembership) => m.active && can(session, 'membership.end', { organisationIds: [m.organisationId], grantsRole: m.role }, scope);
  const mayAdd = u.active !== false && can(session, 'membership.create');

  const end = () =>
    run(async () => {
      if (!ending) return;
      setError(null);
      try {
        await api.post<UserMembership>(`/memberships/${ending.id}/end`, {}, { ifMatch: ending.version });
        const text = t('users.membershipEnded', { organisation: ending.organisationName, role: t(`roles.${ending.role}`) });
        setEnding(null);
        await user.reload();
        onDone(text);
      } catch (err) {
        setError(err);
      }
    });

  return (
    <section aria-labelledby="memberships-heading">
      <Heading level={2} size="level-3" id="memberships-heading" className="tr-section-heading">
        {t('users.memberships')}
      </Heading>
      <TableScroll label={t('users.membershipsCaption', { name: u.name })}>
        <Table className="tr-table" data-testid="memberships-table">
          <Table.Caption className="ams-visually-hidden">{t('users.membershipsCaption', { name: u.name })}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <SortHeaderCell sort={sort} column="organisation">{t('users.organisation')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="role">{t('users.role')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="since">{t('users.since')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="until">{t('users.until')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="status">{t('users.status')}</SortHeaderCell>
              <Table.HeaderCell scope="col">
                <span className="ams-visually-hidden">{t('common.actions')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {sort.rows.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>
                  <Link href={`/beheer/organisaties/${m.organisationId}`} linkComponent={RouterLink}>
                    {m.organisationName}
                  </Link>
                </Table.Cell>
                <Table.Cell>{t(`roles.${m.role}`)}</Table.Cell>
                <Table.Cell>{formatDate(m.startsOn, lang)}</Table.Cell>
                <Table.Cell>{m.endedOn ? formatDate(m.endedOn, lang) : '—'}</Table.Cell>
                <Table.Cell>{m.active ? t('common.active') : <Badge color="orange" label={t('users.ended')} />}</Table.Cell>
                <Table.Cell>
                  {mayEnd(m) && (
                    <Button variant="tertiary" onClick={() => setEnding(m)} aria-label={t('users.endMembershipLabel', { organisation: m.organisationName, role: t(`roles.${m.role}`) })}>
                      {t('users.endMembership')}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
            {memberships.length === 0 && (
              <Table.Row>
                <Table.Cell colSpan={6}>{t('users.noMemberships')}</Table.Cell>
              </Table.Row>
            )}
          </Table.Body>
        </Table>
      </TableScroll>
      {ending && (
        <Alert ref={confirmRef} tabIndex={-1} severity="warning" heading={t('users.endConfirmHeading')} headingLevel={3} className="tr-alert">
          <Paragraph>{t('users.endConfirmDetail', { organisation: ending.organisationName, role: t(`roles.${ending.role}`), name: u.name })}</Paragraph>
          <ActionGroup className="tr-alert-action">
            <Button onClick={() => void end()} disabled={pending}>
              {t('users.endConfirmYes')}
            </Button>
            <Button variant="secondary" onClick={() => setEnding(null)}>
              {t('common.cancel')}
            </Button>
          </ActionGroup>
        </Alert>
      )}
      {error !== null &&
        (isConflict(error) ? (
          <ConflictAlert
            error={error}
            onLoadLatest={() => {
              setError(null);
              setEnding(null);
              void user.reload();
            }}
          />
        ) : (
          <ProblemAlert error={error} headingLevel={3} />
        ))}
      {mayAdd && <AddMembershipForm user={user} onDone={onDone} />}
    </section>
  );
}

function AddMembershipForm({ user, onDone }: { user: Resource<User>; onDone: (message: string) => void }) {
  const FORM = 'add-membership';
  const { t } = useTranslation();
  const u = user.data!;
  const [values, setValues] = useState({ organisationId: '', role: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();
  const existing = activeMemberships(u).map((m) => `${m.organisationId}:${m.role}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!values.organisationId) local.organisationId = msg('users.organisationRequired');
    if (!values.role) local.role = msg('users.roleRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const res = await api.post<UserMembership>('/memberships', { userId: u.id, ...values });
        setValues({ organisationId: '', role: '' });
        await user.reload();
        onDone(t('users.membershipAdded', { organisation: res.data.organisationName, role: t(`roles.${res.data.role}`) }));
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  return (
    <form noValidate onSubmit={submit} className="tr-form tr-subform" aria-labelledby="add-membership-heading">
      <Heading level={3} size="level-4" id="add-membership-heading">
        {t('users.addMembership')}
      </Heading>
      {problem !== null && <ProblemAlert error={problem} headingLevel={4} />}
      <ErrorSummary form={FORM} errors={errors} labels={{ organisationId: t('users.organisation'), role: t('users.role') }} attempt={attempt} />
      <MembershipFields form={FORM} organisationId={values.organisationId} role={values.role} onChange={setValues} errors={{ organisationId: errors.organisationId, role: errors.role }} exclude={existing} />
      <Row>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('users.addMembershipSubmit')}
        </Button>
      </Row>
    </form>
  );
}

type HandoverInfo = { handover: DeactivateResult['handover']; successorName: string };

function DeactivateSection({ user, onDone }: { user: Resource<User>; onDone: (result: HandoverInfo) => void }) {
  const FORM = 'deactivate';
  const { t } = useTranslation();
  const u = user.data!;
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ successorUserId: '', reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();
  const candidates = useSuccessorCandidates(open ? u : null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('select, textarea')?.focus();
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!values.successorUserId) local.successorUserId = msg('users.successorRequired');
    if (values.reason.trim().length < 3) local.reason = msg('users.reasonRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const res = await api.post<DeactivateResult>(`/users/${u.id}/deactivate`, { successorUserId: values.successorUserId, reason: values.reason.trim() }, { ifMatch: user.etag ?? u.version });
        const successorName = candidates?.find((c) => c.id === values.successorUserId)?.name ?? '';
        onDone({ handover: res.data.handover, successorName });
        await user.reload();
      } catch (err) {
        if (isConflict(err)) {
          setProblem(err);
          return;
        }
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  return (
    <section aria-labelledby="deactivate-heading" className="tr-danger-zone">
      <Heading level={2} size="level-3" id="deactivate-heading" className="tr-section-heading">
        {t('users.deactivateHeading')}
      </Heading>
      <Paragraph>{t('users.deactivateIntro')}</Paragraph>
      {!open ? (
        <Row>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t('users.deactivateOpen')}
          </Button>
        </Row>
      ) : (
        <form ref={formRef} noValidate onSubmit={submit} className="tr-form tr-subform" aria-labelledby="deactivate-heading">
          {problem !== null &&
            (isConflict(problem) ? (
              <ConflictAlert
                error={problem}
                onLoadLatest={() => {
                  setProblem(null);
                  void user.reload();
                }}
              />
            ) : (
              <ProblemAlert error={problem} headingLevel={3} />
            ))}
          <ErrorSummary form={FORM} errors={errors} labels={{ successorUserId: t('users.successor'), reason: t('users.reason') }} attempt={attempt} />
          <SelectField
            form={FORM}
            name="successorUserId"
            label={t('users.successor')}
            hint={t('users.successorHint')}
            value={values.successorUserId}
            onChange={(v) => setValues((s) => ({ ...s, successorUserId: v }))}
            options={(candidates ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
            placeholder={candidates ? (candidates.length ? t('users.chooseSuccessor') : t('users.noSuccessors')) : t('common.loadingShort')}
            error={errors.successorUserId}
          />
          <TextAreaField form={FORM} name="reason" label={t('users.reason')} hint={t('users.reasonHint')} value={values.reason} onChange={(v) => setValues((s) => ({ ...s, reason: v }))} error={errors.reason} />
          <ActionGroup>
            <Button type="submit" disabled={pending}>
              {t('users.deactivateSubmit', { name: u.name })}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </ActionGroup>
        </form>
      )}
    </section>
  );
}

/** Colleagues who can take over: active users of the same organisations, not the user itself. */
function useSuccessorCandidates(u: User | null): User[] | null {
  const [list, setList] = useState<User[] | null>(null);
  const orgIds = u ? activeMemberships(u).map((m) => m.organisationId).join(',') : '';
  const userId = u?.id;
  useEffect(() => {
    if (!userId) return;
    let live = true;
    const ids = orgIds ? orgIds.split(',') : [];
    Promise.all(ids.map((organisationId) => api.get<ListResponse<User>>('/users', { query: { organisationId, limit: 200 } })))
      .then((pages) => {
        const seen = new Map<string, User>();
        for (const p of pages) for (const c of p.data.items) if (c.id !== userId && c.active !== false) seen.set(c.id, c);
        if (live) setList([...seen.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')));
      })
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [userId, orgIds]);
  return list;
}


const HandoverResult = forwardRef<HTMLDivElement, { result: HandoverInfo }>(function HandoverResult({ result }, ref) {
  const { t } = useTranslation();
  const items = Object.entries(result.handover.items);
  const sort = useSort(items, { kind: ([k]: [string, number]) => t(`handover.${k}`, { defaultValue: k }), count: ([, n]: [string, number]) => n });
  return (
    <Alert ref={ref} tabIndex={-1} severity="success" heading={t('users.deactivatedHeading')} headingLevel={2} className="tr-alert" data-testid="handover-result">
      <Paragraph>{t('users.handoverTo', { name: result.successorName })}</Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t('users.handoverNothing')}</Paragraph>
      ) : (
        <Table className="tr-table">
          <Table.Caption>{t('users.handoverCaption')}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <SortHeaderCell sort={sort} column="kind">{t('users.handoverKind')}</SortHeaderCell>
              <SortHeaderCell sort={sort} column="count" align="end">
                {t('users.handoverCount')}
              </SortHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {sort.rows.map(([k, n]) => (
              <Table.Row key={k}>
                <Table.Cell>{t(`handover.${k}`, { defaultValue: k })}</Table.Cell>
                <Table.Cell align="end">{n}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Paragraph size="small">{t('users.handoverReference', { id: result.handover.id })}</Paragraph>
    </Alert>
  );
});
