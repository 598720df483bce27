/**
 * The case team (personal supervisor, colleagues, external workers, the corporation contact) and
 * the corporation assignment. Adding someone needs a user id: the people offered come from
 * GET /trajectories/:id/contact-candidates (names, organisation and role only).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { api, request } from '../../../api/client.ts';
import type { ContactCandidate, ListResponse, Organisation, Trajectory } from '../../../api/types.ts';
import { ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../../components/forms.tsx';
import { ProblemAlert } from '../../../components/status.tsx';
import { TableScroll } from '../../../components/TableScroll.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import type { CaseAbilities } from '../common.tsx';

type CaseRole = 'colleague' | 'external' | 'personal_supervisor';

export function Team({ trajectory: tr, abilities, onChanged }: { trajectory: Trajectory; abilities: CaseAbilities; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const manage = abilities.active && abilities.can('trajectory.manage_team');

  const remove = (memberId: string, name: string) =>
    run(async () => {
      setProblem(null);
      try {
        await request('DELETE', `/trajectories/${tr.id}/team/${memberId}`, { ifMatch: tr.version });
        announce(t('team.removed', { name }));
        await onChanged();
      } catch (err) {
        setProblem(err);
      }
    });

  return (
    <div className="tr-section">
      <Heading level={3} size="level-4" id="team-members-heading">
        {t('team.members')}
      </Heading>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <TableScroll label={t('team.members')}>
        <Table className="tr-table" aria-labelledby="team-members-heading" data-testid="team-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('team.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('team.organisation')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('team.caseRole')}</Table.HeaderCell>
              {manage && <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {tr.team.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{m.name}</Table.Cell>
                <Table.Cell>{m.organisationName ?? '—'}</Table.Cell>
                <Table.Cell>{t(`team.roles.${m.caseRole}`, { defaultValue: m.caseRole })}</Table.Cell>
                {manage && (
                  <Table.Cell>
                    {m.caseRole === 'colleague' || m.caseRole === 'external' ? (
                      <Button variant="tertiary" className="tr-small-button" disabled={pending} onClick={() => void remove(m.id, m.name)}>
                        {t('team.remove', { name: m.name })}
                      </Button>
                    ) : (
                      <span className="tr-muted">—</span>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {manage && <AddMember trajectory={tr} onAdded={onChanged} />}
    </div>
  );
}

function AddMember({ trajectory: tr, onAdded }: { trajectory: Trajectory; onAdded: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [caseRole, setCaseRole] = useState<CaseRole>('colleague');
  const [q, setQ] = useState('');
  const [userId, setUserId] = useState('');
  const [candidates, setCandidates] = useState<ContactCandidate[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const kind = caseRole === 'external' ? 'external' : 'colleague';

  useEffect(() => {
    if (kind !== 'colleague') return;
    let live = true;
    api
      .get<{ items: ContactCandidate[] }>(`/trajectories/${tr.id}/contact-candidates`, { query: { kind } })
      .then((r) => live && setCandidates(r.data.items))
      .catch((err: unknown) => live && setProblem(err));
    return () => {
      live = false;
    };
  }, [tr.id, kind, tr.version]);

  const search = () =>
    run(async () => {
      setProblem(null);
      try {
        const r = await api.get<{ items: ContactCandidate[] }>(`/trajectories/${tr.id}/contact-candidates`, { query: { kind: 'external', q } });
        setCandidates(r.data.items);
        announce(t('team.found', { count: r.data.items.length }));
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = userId ? {} : { userId: msg('team.choosePerson') };
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        await api.post(`/trajectories/${tr.id}/team`, { userId, caseRole }, { ifMatch: tr.version });
        const name = candidates?.find((c) => c.userId === userId)?.name ?? '';
        announce(t('team.added', { name }));
        setUserId('');
        await onAdded();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  const options = (candidates ?? [])
    .filter((c) => caseRole === 'personal_supervisor' || !c.onTeam)
    .map((c) => ({ value: c.userId, label: `${c.name} — ${c.organisationName} (${t(`roles.${c.role}`, { defaultValue: c.role })})` }));
  return (
    <form noValidate onSubmit={submit} className="tr-form tr-panel" aria-labelledby="team-add-heading">
      <Heading level={4} size="level-5" id="team-add-heading">
        {t('team.addHeading')}
      </Heading>
      {problem !== null && <ProblemAlert error={problem} headingLevel={4} />}
      <ErrorSummary form="team" errors={errors} labels={{ userId: t('team.person'), caseRole: t('team.caseRole'), q: t('team.searchExternal') }} attempt={attempt} />
      <SelectField
        form="team"
        name="caseRole"
        label={t('team.caseRole')}
        value={caseRole}
        onChange={(v) => {
          setCaseRole(v as CaseRole);
          setUserId('');
          if (v === 'external') setCandidates(null);
        }}
        options={[
          { value: 'colleague', label: t('team.roles.colleague') },
          { value: 'external', label: t('team.roles.external') },
          { value: 'personal_supervisor', label: t('team.newSupervisor') },
        ]}
      />
      {caseRole === 'external' && (
        <Row gap="small" alignVertical="end" wrap>
          <TextField form="team" name="q" label={t('team.searchExternal')} hint={t('team.searchExternalHint')} value={q} onChange={setQ} error={errors.q} optional />
          <Button variant="secondary" onClick={() => void search()} disabled={pending}>
            {t('common.search')}
          </Button>
        </Row>
      )}
      {(caseRole !== 'external' || candidates !== null) && (
        <SelectField form="team" name="userId" label={t('team.person')} value={userId} onChange={setUserId} options={options} placeholder={options.length ? t('team.choosePerson') : t('team.nobody')} error={errors.userId} />
      )}
      <Button type="submit" disabled={pending}>
        {caseRole === 'personal_supervisor' ? t('team.makeSupervisor') : t('team.add')}
      </Button>
    </form>
  );
}

/** The housing corporation of the case and its fixed contact person (R-OR-31; needs consent PB-1). */
export function CorporationAssignment({ trajectory: tr, abilities, onChanged }: { trajectory: Trajectory; abilities: CaseAbilities; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const manage = abilities.active && abilities.can('trajectory.assign_corporation');
  const contact = tr.team.find((m) => m.caseRole === 'corporation_contact');
  const [open, setOpen] = useState(false);
  const [corporations, setCorporations] = useState<Organisation[] | null>(null);
  const [corporationId, setCorporationId] = useState(tr.corporation?.id ?? '');
  const [contacts, setContacts] = useState<ContactCandidate[] | null>(null);
  const [contactUserId, setContactUserId] = useState(tr.corporationContactId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();

  useEffect(() => {
    if (!open || corporations) return;
    api
      .get<ListResponse<Organisation>>('/organisations', { query: { type: 'housing_corporation', limit: 200 } })
      .then((r) => setCorporations(r.data.items))
      .catch((err: unknown) => setProblem(err));
  }, [open, corporations]);
  useEffect(() => {
    if (!open || !corporationId) {
      setContacts(null);
      return;
    }
    let live = true;
    api
      .get<{ items: ContactCandidate[] }>(`/trajectories/${tr.id}/contact-candidates`, { query: { kind: 'corporation_contact', organisationId: corporationId } })
      .then((r) => {
        if (!live) return;
        setContacts(r.data.items);
        if (r.data.items.length === 1) setContactUserId(r.data.items[0]!.userId);
      })
      .catch((err: unknown) => live && setProblem(err));
    return () => {
      live = false;
    };
  }, [open, corporationId, tr.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!corporationId) local.corporationId = msg('corporation.chooseCorporation');
    if (!contactUserId) local.contactUserId = msg('corporation.chooseContact');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        await api.put(`/trajectories/${tr.id}/corporation`, { corporationId, contactUserId }, { ifMatch: tr.version });
        announce(t('corporation.saved'));
        setOpen(false);
        await onChanged();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };

  return (
    <div className="tr-section">
      <Heading level={3} size="level-4" id="corporation-heading">
        {t('corporation.heading')}
      </Heading>
      <Paragraph data-testid="corporation-current">
        {tr.corporation ? t('corporation.current', { corporation: tr.corporation.name ?? '—', contact: contact?.name ?? '—' }) : t('corporation.none')}
      </Paragraph>
      {manage && !open && (
        <Row>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {tr.corporation ? t('corporation.change') : t('corporation.assign')}
          </Button>
        </Row>
      )}
      {manage && open && (
        <form noValidate onSubmit={submit} className="tr-form tr-panel" aria-labelledby="corporation-form-heading">
          <Heading level={4} size="level-5" id="corporation-form-heading">
            {tr.corporation ? t('corporation.change') : t('corporation.assign')}
          </Heading>
          <Paragraph size="small">{t('corporation.hint')}</Paragraph>
          {problem !== null && <ProblemAlert error={problem} headingLevel={4} />}
          <ErrorSummary form="corporation" errors={errors} labels={{ corporationId: t('corporation.corporation'), contactUserId: t('corporation.contact') }} attempt={attempt} />
          <SelectField
            form="corporation"
            name="corporationId"
            label={t('corporation.corporation')}
            value={corporationId}
            onChange={(v) => {
              setCorporationId(v);
              setContactUserId('');
            }}
            options={(corporations ?? []).map((o) => ({ value: o.id, label: o.name }))}
            placeholder={corporations ? t('corporation.chooseCorporation') : t('common.loadingShort')}
            error={errors.corporationId}
          />
          {corporationId && (
            <SelectField
              form="corporation"
              name="contactUserId"
              label={t('corporation.contact')}
              value={contactUserId}
              onChange={setContactUserId}
              options={(contacts ?? []).map((c) => ({ value: c.userId, label: c.name }))}
              placeholder={contacts ? (contacts.length ? t('corporation.chooseContact') : t('corporation.noContacts')) : t('common.loadingShort')}
              error={errors.contactUserId}
            />
          )}
          <Row gap="large" wrap>
            <Button type="submit" disabled={pending}>
              {t('corporation.save')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Row>
        </form>
      )}
    </div>
  );
}
