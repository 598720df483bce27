/**
 * The case: the metro line, key dates, goals, transfer conditions, deadlines, "Stap vastleggen",
 * the timeline (with corrections), forms, team and corporation, consent, the client's details and,
 * for team managers, the privacy actions. Everything the viewer may not see is simply absent:
 * the API filters (a corporation never gets the support plan), this page only shows what came.
 */
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Column, DescriptionList, Heading, Link, Paragraph } from '@amsterdam/design-system-react';
import type { EventType } from '../../../domain/trajectories/model.ts';
import type { Client, Consent, Deadline, FormListItem, FormStartOption, TimelineEvent, Trajectory } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { MetroLine } from '../../components/metro/MetroLine.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useLang } from '../../i18n/useLang.ts';
import { StatusText, useCaseAbilities, useDate, usePhaseName } from './common.tsx';
import { StepForm, StepRecorded } from './StepForm.tsx';
import { CaseMunicipality } from './Municipality.tsx';
import { availableTypes } from './steps.ts';
import { ClientDetails } from './ClientPage.tsx';
import { Goals, KeyDates, TransferConditions } from './sections/Overview.tsx';
import { Deadlines } from './sections/Deadlines.tsx';
import { Timeline } from './sections/Timeline.tsx';
import { CorporationAssignment, Team } from './sections/Team.tsx';
import { ConsentSection } from './sections/Consent.tsx';
import { FormsSection } from './sections/Forms.tsx';
import { PrivacySection } from './sections/Privacy.tsx';

const TRANSFER_PHASES = new Set(['P7_living', 'P8_transfer', 'P9_aftercare']);

export function TrajectoryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const date = useDate();
  const phaseName = usePhaseName();
  const traj = useResource<Trajectory>(`/trajectories/${id}`);
  const tr = traj.data;
  const abilities = useCaseAbilities(tr);
  const events = useResource<{ items: TimelineEvent[] }>(tr ? `/trajectories/${id}/events` : null);
  const deadlines = useResource<{ items: Deadline[] }>(tr ? `/trajectories/${id}/deadlines` : null);
  const forms = useResource<{ items: FormListItem[]; creatable: string[]; start?: FormStartOption[] }>(tr ? `/trajectories/${id}/forms` : null);
  const mayReadConsent = abilities.can('consent.read');
  const consents = useResource<{ items: Consent[] }>(tr && mayReadConsent ? `/clients/${tr.clientId}/consents` : null);
  const client = useResource<Client>(tr ? `/clients/${tr.clientId}` : null);
  const [recorded, setRecorded] = useState(0);
  const [lastStep, setLastStep] = useState<{ type: EventType; n: number } | null>(null);
  const saved = (location.state as { saved?: string } | null)?.saved;

  const reloadAll = useCallback(async () => {
    const [fresh] = await Promise.all([traj.reload(), events.reload(), deadlines.reload(), forms.reload(), consents.reload()]);
    setRecorded((n) => n + 1);
    return fresh;
  }, [traj, events, deadlines, forms, consents]);

  useEffect(() => {
    if (recorded) void client.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recorded]);

  const name = tr ? (tr.clientName ?? t('clients.erasedName')) : t('trajectory.title');
  const ctx = { consents: consents.data?.items ?? [], forms: forms.data?.items ?? [], goals: tr?.goals ?? [], municipalities: tr?.municipalityOptions ?? [] };
  const steps = tr ? availableTypes({ phase: tr.phase, status: tr.status, actorKind: abilities.actorKind, role: abilities.role }) : [];
  const showTransfer = !!tr && TRANSFER_PHASES.has(tr.phase) && tr.transferConditions.length > 0;
  const contact = tr?.team.find((m) => m.caseRole === 'corporation_contact');
  const supervisor = tr?.team.find((m) => m.caseRole === 'personal_supervisor');
  const sections = [
    { id: 'route', label: t('trajectory.sections.route') },
    ...(steps.length || lastStep ? [{ id: 'stap', label: t('trajectory.sections.step') }] : []),
    ...(showTransfer ? [{ id: 'omklap', label: t('transfer.heading') }] : []),
    { id: 'termijnen', label: t('deadlines.heading') },
    { id: 'tijdlijn', label: t('timeline.heading') },
    { id: 'formulieren', label: t('forms.heading') },
    { id: 'team', label: t('trajectory.sections.team') },
    ...(mayReadConsent ? [{ id: 'toestemming', label: t('consent.heading') }] : []),
    { id: 'client', label: t('clients.details') },
    ...(tr && abilities.can('privacy.export') ? [{ id: 'privacy', label: t('privacy.heading') }] : []),
  ];

  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/clienten" linkComponent={RouterLink}>
          {t('clients.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading title={tr ? t('trajectory.documentTitle', { name }) : t('trajectory.title')}>{name}</PageHeading>
      {saved === 'started' && tr?.phase === 'P0_consent' && (
        <Alert severity="success" heading={t('trajectory.startedHeading')} headingLevel={2} className="tr-alert">
          <Paragraph>{t('trajectory.startedDetail')}</Paragraph>
        </Alert>
      )}
      {traj.error !== null && <ProblemAlert error={traj.error} onRetry={() => void traj.reload()} />}
      {traj.loading && !tr && <Loading />}
      {tr && (
        <>
          <div className="tr-case-summary" data-testid="case-summary">
            <DescriptionList termsWidth="medium">
              <DescriptionList.Section>
                <DescriptionList.Term>{t('trajectory.phase')}</DescriptionList.Term>
                <DescriptionList.Description data-testid="case-phase">
                  {phaseName(tr.phase)}{' '}
                  {tr.status === 'closed' ? <StatusText tone="muted">{t('trajectory.closed', { exit: t(`exits.${tr.exit ?? 'completed'}`) })}</StatusText> : <StatusText tone="info">{t('trajectory.active')}</StatusText>}
                </DescriptionList.Description>
              </DescriptionList.Section>
              <DescriptionList.Section>
                <DescriptionList.Term>{t('trajectory.careProvider')}</DescriptionList.Term>
                <DescriptionList.Description>
                  {tr.careProvider.name ?? '—'}
                  {supervisor && <> — {t('trajectory.supervisor', { name: supervisor.name })}</>}
                </DescriptionList.Description>
              </DescriptionList.Section>
              <DescriptionList.Section>
                <DescriptionList.Term>{t('trajectory.corporation')}</DescriptionList.Term>
                <DescriptionList.Description>
                  {tr.corporation ? `${tr.corporation.name ?? '—'}${contact ? ` — ${t('trajectory.contact', { name: contact.name })}` : ''}` : t('corporation.none')}
                </DescriptionList.Description>
              </DescriptionList.Section>
              {tr.dwellingAddress && (
                <DescriptionList.Section>
                  <DescriptionList.Term>{t('trajectory.dwelling')}</DescriptionList.Term>
                  <DescriptionList.Description>{tr.dwellingAddress}</DescriptionList.Description>
                </DescriptionList.Section>
              )}
              <DescriptionList.Section>
                <DescriptionList.Term>{t('trajectory.municipality')}</DescriptionList.Term>
                <DescriptionList.Description data-testid="case-municipality">
                  <CaseMunicipality trajectory={tr} canRecord={steps.includes('municipality_recorded')} />
                </DescriptionList.Description>
              </DescriptionList.Section>
              <DescriptionList.Section>
                <DescriptionList.Term>{t('trajectory.startedOn')}</DescriptionList.Term>
                <DescriptionList.Description>
                  {date(tr.startedOn)} — {t(`variants.${tr.variant}`, { defaultValue: tr.variant })}
                </DescriptionList.Description>
              </DescriptionList.Section>
              <DescriptionList.Section>
                <DescriptionList.Term>{t('trajectory.consent')}</DescriptionList.Term>
                <DescriptionList.Description>{tr.flags.consentActive ? <StatusText tone="ok">{t('trajectory.consentActive')}</StatusText> : <StatusText tone="bad">{t('trajectory.consentMissing')}</StatusText>}</DescriptionList.Description>
              </DescriptionList.Section>
              {(tr.flags.lastingIntermediateLease || tr.flags.inTimeOut || tr.flags.multiProblemFamily || tr.flags.enteredViaOtherRoute) && (
                <DescriptionList.Section>
                  <DescriptionList.Term>{t('trajectory.flags')}</DescriptionList.Term>
                  <DescriptionList.Description>
                    {(['lastingIntermediateLease', 'inTimeOut', 'multiProblemFamily', 'enteredViaOtherRoute'] as const).filter((f) => tr.flags[f]).map((f) => t(`trajectory.flag.${f}`)).join(', ')}
                  </DescriptionList.Description>
                </DescriptionList.Section>
              )}
              {tr.viewer !== 'care_provider' && (
                <DescriptionList.Section>
                  <DescriptionList.Term>{t('trajectory.purpose')}</DescriptionList.Term>
                  <DescriptionList.Description>{t('trajectory.purposeText', { purpose: `‘${t(`purposes.${tr.purpose}`, { defaultValue: tr.purpose })}’` })}</DescriptionList.Description>
                </DescriptionList.Section>
              )}
            </DescriptionList>
          </div>

          <SectionMenu sections={sections} />

          <section aria-labelledby="route-heading" className="tr-case-section" id="route">
            <Heading level={2} size="level-3" id="route-heading">
              {t('trajectory.sections.route')}
            </Heading>
            <MetroLine stations={tr.stations} label={t('metro.label', { name })} facts={{ phase: tr.phase, status: tr.status, exit: tr.exit, paused: !!tr.flags.inTimeOut }} />
            <div className="tr-two-columns tr-two-columns--wide-right">
              <KeyDates trajectory={tr} />
              <Goals trajectory={tr} />
            </div>
          </section>

          {(steps.length > 0 || lastStep) && (
            <section aria-labelledby="step-heading" className="tr-case-section" id="stap">
              <Heading level={2} size="level-3" id="step-heading">
                {t('trajectory.sections.step')}
              </Heading>
              {lastStep && <StepRecorded key={lastStep.n} type={lastStep.type} />}
              {steps.length > 0 && <Paragraph size="small">{t('steps.intro', { phase: phaseName(tr.phase) })}</Paragraph>}
              <StepForm
                trajectory={tr}
                abilities={abilities}
                ctx={ctx}
                reloadTrajectory={traj.reload}
                onRecorded={async (type: EventType) => {
                  await reloadAll();
                  setLastStep((s) => ({ type, n: (s?.n ?? 0) + 1 }));
                }}
              />
            </section>
          )}

          {showTransfer && <TransferConditions trajectory={tr} />}

          <section aria-labelledby="deadlines-heading" className="tr-case-section" id="termijnen">
            <Heading level={2} size="level-3" id="deadlines-heading">
              {t('deadlines.heading')}
            </Heading>
            {deadlines.error !== null && <ProblemAlert error={deadlines.error} headingLevel={3} />}
            {deadlines.data ? <Deadlines trajectoryId={tr.id} deadlines={deadlines.data.items} abilities={abilities} onChanged={async () => void (await reloadAll())} /> : <Loading />}
          </section>

          <section aria-labelledby="timeline-heading" className="tr-case-section" id="tijdlijn">
            <Heading level={2} size="level-3" id="timeline-heading">
              {t('timeline.heading')}
            </Heading>
            {events.error !== null && <ProblemAlert error={events.error} headingLevel={3} />}
            {events.data ? (
              <Timeline trajectory={tr} events={events.data.items} abilities={abilities} ctx={ctx} reloadTrajectory={traj.reload} onChanged={async () => void (await reloadAll())} />
            ) : (
              <Loading />
            )}
          </section>

          <section aria-labelledby="forms-heading" className="tr-case-section" id="formulieren">
            <Heading level={2} size="level-3" id="forms-heading">
              {t('forms.heading')}
            </Heading>
            {forms.error !== null && <ProblemAlert error={forms.error} headingLevel={3} />}
            {forms.data ? <FormsSection trajectoryId={tr.id} forms={forms.data.items} creatable={forms.data.creatable} start={forms.data.start ?? []} abilities={abilities} /> : <Loading />}
            <Paragraph size="small">
              <Link href={`/api/v1/trajectories/${tr.id}/summary.pdf?lang=${lang}`}>{t('trajectory.summaryPdf')}</Link>
            </Paragraph>
          </section>

          <section aria-labelledby="team-heading" className="tr-case-section" id="team">
            <Heading level={2} size="level-3" id="team-heading">
              {t('trajectory.sections.team')}
            </Heading>
            <div className="tr-two-columns">
              <Team trajectory={tr} abilities={abilities} onChanged={async () => void (await reloadAll())} />
              <CorporationAssignment trajectory={tr} abilities={abilities} onChanged={async () => void (await reloadAll())} />
            </div>
          </section>

          {mayReadConsent && (
            <section aria-labelledby="consent-heading" className="tr-case-section" id="toestemming">
              <Heading level={2} size="level-3" id="consent-heading">
                {t('consent.heading')}
              </Heading>
              {consents.error !== null && <ProblemAlert error={consents.error} headingLevel={3} />}
              {consents.data ? <ConsentSection key={consents.data.items.length} trajectory={tr} consents={consents.data.items} abilities={abilities} onChanged={async () => void (await reloadAll())} /> : <Loading />}
            </section>
          )}

          <div className="tr-case-section" id="client">
            {client.data ? <ClientDetails client={client.data} /> : client.error !== null ? <ProblemAlert error={client.error} headingLevel={2} /> : <Loading />}
            {client.data && tr.viewer === 'care_provider' && (
              <Paragraph size="small">
                <Link href={`/clienten/${tr.clientId}`} linkComponent={RouterLink}>
                  {t('trajectory.clientPage')}
                </Link>
                {abilities.can('client.update') && !client.data.erased && (
                  <>
                    {' · '}
                    <Link href={`/clienten/${tr.clientId}/bewerken`} linkComponent={RouterLink} data-testid="client-edit-link">
                      {t('clientEdit.edit')}
                    </Link>
                  </>
                )}
                {abilities.can('housing_profile.read') && !client.data.erased && (
                  <>
                    {' · '}
                    <Link href={`/clienten/${tr.clientId}/woonbehoefte`} linkComponent={RouterLink} data-testid="housing-profile-link">
                      {t('matching.profile.title')}
                    </Link>
                  </>
                )}
              </Paragraph>
            )}
          </div>

          {abilities.can('privacy.export') && (
            <section aria-labelledby="privacy-heading" className="tr-case-section" id="privacy">
              <Heading level={2} size="level-3" id="privacy-heading">
                {t('privacy.heading')}
              </Heading>
              <PrivacySection clientId={tr.clientId} />
            </section>
          )}
        </>
      )}
    </Column>
  );
}

/**
 * The in-page section menu: links to the sections of this long page. Choosing one scrolls to the
 * section and moves focus to its heading (so keyboard and screen-reader users land there too).
 * Sticky at the top on wide windows; a compact wrapping list on narrow ones.
 */
function SectionMenu({ sections }: { sections: Array<{ id: string; label: string }> }) {
  const { t } = useTranslation();
  const go = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const section = document.getElementById(id);
    const heading = section?.querySelector<HTMLElement>('h2') ?? section;
    if (!section || !heading) return;
    e.preventDefault();
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    section.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
    window.history.replaceState(window.history.state, '', `#${id}`);
  };
  return (
    <nav aria-label={t('casepage.sections.menuLabel')} className="tr-case-menu" data-testid="section-menu">
      <ul className="tr-case-toc">
        {sections.map((s) => (
          <li key={s.id}>
            <Link href={`#${s.id}`} onClick={(e: MouseEvent<HTMLAnchorElement>) => go(e, s.id)}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
