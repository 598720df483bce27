import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Button, Column, DescriptionList, Heading, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { VARIANTS } from '../../../domain/trajectories/model.ts';
import { api } from '../../api/client.ts';
import type { Client, Trajectory } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, SelectField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useResource } from '../../lib/useResource.ts';
import { DateField, today, useDate, usePhaseName } from './common.tsx';
import { ReferringMunicipalityField, useOwnRegionMunicipalities } from './Municipality.tsx';

/** A client's details (as far as the viewer may see them) and trajectories; a new trajectory when none runs. */
export function ClientPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const client = useResource<Client>(`/clients/${id}`);
  const c = client.data;
  const name = c ? [c.firstName, c.lastName].filter(Boolean).join(' ') || t('clients.erasedName') : t('clients.detailTitle');
  const saved = (location.state as { saved?: string; trajectoryError?: boolean } | null) ?? null;
  const date = useDate();
  const phaseName = usePhaseName();
  const active = c?.trajectories?.find((x) => x.status === 'active');
  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/clienten" linkComponent={RouterLink}>
          {t('clients.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading title={name}>{name}</PageHeading>
      {saved?.saved === 'created' && (
        <Alert severity="success" heading={t('clients.createdHeading')} headingLevel={2} className="tr-alert">
          <Paragraph>{saved.trajectoryError ? t('clients.createdNoTrajectory') : t('clients.createdDetail')}</Paragraph>
        </Alert>
      )}
      {client.error !== null && <ProblemAlert error={client.error} onRetry={() => void client.reload()} />}
      {client.loading && !c && <Loading />}
      {c && (
        <>
          <ClientDetails client={c} />
          <section aria-labelledby="client-trajectories" className="tr-section">
            <Heading level={2} size="level-3" id="client-trajectories">
              {t('clients.trajectories')}
            </Heading>
            {(c.trajectories ?? []).length === 0 ? (
              <Paragraph>{t('clients.noTrajectories')}</Paragraph>
            ) : (
              <TableScroll label={t('clients.trajectories')}>
                <Table className="tr-table">
                  <Table.Caption className="ams-visually-hidden">{t('clients.trajectories')}</Table.Caption>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('clients.startedOn')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('clients.phase')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('clients.status')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {c.trajectories!.map((x) => (
                      <Table.Row key={x.id}>
                        <Table.Cell>
                          <Link href={`/trajecten/${x.id}`} linkComponent={RouterLink}>
                            {t('clients.trajectoryFrom', { date: date(x.started_on) })}
                          </Link>
                        </Table.Cell>
                        <Table.Cell>{phaseName(x.phase)}</Table.Cell>
                        <Table.Cell>{x.status === 'active' ? t('clients.statusActive') : t('clients.statusClosed')}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            )}
            {!active && !c.erased && <StartTrajectory clientId={c.id} />}
          </section>
        </>
      )}
    </Column>
  );
}

export function ClientDetails({ client: c, headingLevel = 2 }: { client: Client; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const date = useDate();
  const rows: Array<[string, string | null | undefined]> = [
    [t('clients.birthDate'), c.birthDate ? date(c.birthDate) : undefined],
    [t('clients.phone'), c.phone],
    [t('clients.email'), c.email],
    [t('clients.address'), c.address],
    [t('clients.woningnetNumber'), c.woningnetNumber],
    [t('clients.woningnetRegisteredOn'), c.woningnetRegisteredOn ? date(c.woningnetRegisteredOn) : undefined],
    [t('clients.oldWoningnetNumber'), c.oldWoningnetNumber],
    [t('clients.targetGroup'), c.targetGroup ? t(`targetGroups.${c.targetGroup}`, { defaultValue: c.targetGroup }) : undefined],
  ];
  return (
    <section aria-labelledby="client-details" className="tr-section">
      <Heading level={headingLevel} size="level-3" id="client-details">
        {t('clients.details')}
      </Heading>
      {c.erased ? (
        <Paragraph>{t('clients.erasedDetail')}</Paragraph>
      ) : (
        <DescriptionList termsWidth="medium">
          {rows
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => (
              <DescriptionList.Section key={k}>
                <DescriptionList.Term>{k}</DescriptionList.Term>
                <DescriptionList.Description>{v || t('common.none')}</DescriptionList.Description>
              </DescriptionList.Section>
            ))}
          {c.household !== undefined && (
            <DescriptionList.Section>
              <DescriptionList.Term>{t('clients.householdHeading')}</DescriptionList.Term>
              <DescriptionList.Description>
                {c.household.length === 0
                  ? t('clients.householdAlone')
                  : c.household.map((h) => `${h.name} (${t(`clients.memberKinds.${h.kind}`)}${h.birthDate ? `, ${date(h.birthDate)}` : ''})`).join('; ')}
              </DescriptionList.Description>
            </DescriptionList.Section>
          )}
          {c.multiProblemFamily !== undefined && (
            <DescriptionList.Section>
              <DescriptionList.Term>{t('clients.multiProblemFamily')}</DescriptionList.Term>
              <DescriptionList.Description>{c.multiProblemFamily ? t('common.yes') : t('common.no')}</DescriptionList.Description>
            </DescriptionList.Section>
          )}
        </DescriptionList>
      )}
    </section>
  );
}

function StartTrajectory({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [startedOn, setStartedOn] = useState(today());
  const [variant, setVariant] = useState('regular');
  const [municipalityId, setMunicipalityId] = useState('');
  const municipalities = useOwnRegionMunicipalities();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const { pending, run } = useSubmitting();
  if (!can(session, 'trajectory.create')) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = startedOn ? {} : { startedOn: msg('form.required') };
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const res = await api.post<Trajectory>('/trajectories', { clientId, startedOn, variant, ...(municipalityId ? { municipalityId } : {}) });
        navigate(`/trajecten/${res.data.id}`, { state: { saved: 'started' } });
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };
  return (
    <form noValidate onSubmit={submit} className="tr-form tr-panel" aria-labelledby="start-trajectory-heading">
      <Heading level={3} size="level-4" id="start-trajectory-heading">
        {t('clients.startTrajectoryHeading')}
      </Heading>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form="start" errors={errors} labels={{ startedOn: t('clients.startedOnLabel'), municipalityId: t('steps.fields.municipalityId') }} attempt={attempt} />
      <DateField form="start" name="startedOn" label={t('clients.startedOnLabel')} value={startedOn} onChange={setStartedOn} error={errors.startedOn} max={today()} />
      <SelectField form="start" name="variant" label={t('clients.variant')} value={variant} onChange={setVariant} options={VARIANTS.map((x) => ({ value: x, label: t(`variants.${x}`) }))} />
      <ReferringMunicipalityField form="start" value={municipalityId} onChange={setMunicipalityId} error={errors.municipalityId} options={municipalities} />
      <Button type="submit" disabled={pending}>
        {t('clients.startTrajectorySubmit')}
      </Button>
    </form>
  );
}
