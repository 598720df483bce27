import { useTranslation } from 'react-i18next';
import { Alert, Card, Column, Grid, Heading, Link, Paragraph, Spotlight, StandaloneLink, UnorderedList } from '@amsterdam/design-system-react';
import type { HomeQueueItem, HomeQueueKey, HomeView } from '../api/types.ts';
import { useSession } from '../session/SessionContext.tsx';
import { can } from '../session/policy.ts';
import { NAV_ITEMS, forRole } from '../components/navigation.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RouterLink } from '../components/RouterLink.tsx';
import { Loading, ProblemAlert } from '../components/status.tsx';
import { useResource } from '../lib/useResource.ts';
import { useLang } from '../i18n/useLang.ts';
import { caseHref, caseNameKey } from '../lib/case-links.ts';

/** At most this many items per queue on the home page; the rest are in the worklist. */
const SHOWN = 8;
const ADMIN_ROLES = new Set(['org_admin', 'platform_admin', 'platform_editor']);
/** Roles with case work, whose home page has work queues (src/domain/home ROLE_QUEUES). */
const QUEUE_ROLES = new Set(['care_worker', 'corporation_contact', 'wonen_officer', 'independent_reviewer', 'team_manager']);

/** The start page: who you are acting as, what waits for you (per role), and the parts of Thuisroute open to your role. */
export function HomePage() {
  const { t } = useTranslation();
  const { session, activeMembership, generation } = useSession();
  if (!session) return null;
  const modules = NAV_ITEMS.filter((i) => i.to !== '/' && can(session, i.action) && forRole(i, activeMembership?.role));
  const role = activeMembership?.role ?? null;

  return (
    <Column gap="large">
      <PageHeading title={t('home.documentTitle')}>{t('home.title', { name: session.user.name })}</PageHeading>
      {activeMembership ? (
        <Spotlight className="tr-spotlight" aria-labelledby="acting-heading" as="section">
          <Heading level={2} size="level-4" id="acting-heading" color="inverse">
            {t('home.actingHeading')}
          </Heading>
          <Paragraph color="inverse" size="large" data-testid="home-acting">
            {t('home.actingFor', { organisation: activeMembership.organisationName, role: t(`roles.${activeMembership.role}`) })}
          </Paragraph>
          {session.memberships.length > 1 && <Paragraph color="inverse">{t('home.switchHint', { count: session.memberships.length })}</Paragraph>}
        </Spotlight>
      ) : (
        <Alert severity="warning" heading={t('home.noMembershipHeading')} headingLevel={2} className="tr-alert">
          <Paragraph>{t('home.noMembershipDetail')}</Paragraph>
        </Alert>
      )}

      {activeMembership && can(session, 'client.create') && (
        <nav aria-label={t('home.quickActions')} data-testid="home-actions">
          <StandaloneLink href="/clienten/nieuw" linkComponent={RouterLink}>
            {t('clients.create')}
          </StandaloneLink>
        </nav>
      )}

      {activeMembership && role === 'programme_analyst' && (
        <section aria-labelledby="work-heading" className="tr-section">
          <Heading level={2} id="work-heading">
            {t('home.work.analystHeading')}
          </Heading>
          <Paragraph>{t('home.work.analystText')}</Paragraph>
          <StandaloneLink href="/monitor" linkComponent={RouterLink}>
            {t('home.work.analystLink')}
          </StandaloneLink>
        </section>
      )}

      {activeMembership && role !== null && ADMIN_ROLES.has(role) && (
        <section aria-labelledby="work-heading" className="tr-section">
          <Heading level={2} id="work-heading">
            {t('home.work.adminHeading')}
          </Heading>
          <Paragraph>{t('home.work.adminText')}</Paragraph>
          <UnorderedList>
            {NAV_ITEMS.filter((i) => i.to.startsWith('/beheer') && can(session, i.action)).map((i) => (
              <UnorderedList.Item key={i.to}>
                <Link href={i.to} linkComponent={RouterLink}>
                  {t(i.label)}
                </Link>
              </UnorderedList.Item>
            ))}
          </UnorderedList>
        </section>
      )}

      {/* Keyed by the acting organisation's generation: a switch loads the queues of the new one. */}
      {activeMembership && role !== null && QUEUE_ROLES.has(role) && <WorkQueues key={`${generation}-${activeMembership.id}`} organisation={activeMembership.organisationName} role={t(`roles.${activeMembership.role}`)} />}

      <section aria-labelledby="modules-heading">
        <Heading level={2} id="modules-heading" className="tr-section-heading">
          {t('home.modulesHeading')}
        </Heading>
        <Grid gapVertical="large" className="tr-cards">
          {modules.map((m) => (
            <Grid.Cell key={m.to} span={{ narrow: 4, medium: 4, wide: 4 }}>
              <Card>
                <Card.Heading level={3}>
                  <Card.Link href={m.to} linkComponent={RouterLink}>
                    {t(m.label)}
                  </Card.Link>
                </Card.Heading>
                <Paragraph>{t(`home.module.${m.label.split('.')[1]}`)}</Paragraph>
              </Card>
            </Grid.Cell>
          ))}
        </Grid>
      </section>

      <section aria-labelledby="growing-heading">
        <Heading level={2} size="level-3" id="growing-heading">
          {t('home.growingHeading')}
        </Heading>
        <Paragraph>{t('home.growingText')}</Paragraph>
      </section>
    </Column>
  );
}

function WorkQueues({ organisation, role }: { organisation: string; role: string }) {
  const { t } = useTranslation();
  const resource = useResource<HomeView>('/home');
  const home = resource.data;
  // A role without case work (analyst, administrator) has no queues: nothing to show here.
  if (home && home.queues.length === 0) return null;
  return (
    <section aria-labelledby="work-heading" className="tr-section" data-testid="home-work">
      <Heading level={2} id="work-heading">
        {t('home.work.heading')}
      </Heading>
      <Paragraph>{t('home.work.intro', { organisation, role })}</Paragraph>
      {resource.error !== null && <ProblemAlert error={resource.error} focus={false} headingLevel={3} onRetry={() => void resource.reload()} />}
      {resource.loading && !home && <Loading />}
      {home && (
        <>
          <UnorderedList aria-label={t('home.work.countsLabel')} markers={false} className="tr-home-counts" data-testid="home-counts">
            {home.queues.map((q) => (
              <UnorderedList.Item key={q.key}>
                <a href={`#queue-${q.key}`}>{t('home.work.count', { label: t(`home.work.queue.${q.key}.title`), count: home.counts[q.key] })}</a>
              </UnorderedList.Item>
            ))}
          </UnorderedList>
          {home.queues.map((q) => (
            <Queue key={q.key} queueKey={q.key} items={q.items} />
          ))}
        </>
      )}
    </section>
  );
}

function Queue({ queueKey, items }: { queueKey: HomeQueueKey; items: HomeQueueItem[] }) {
  const { t } = useTranslation();
  const shown = items.slice(0, SHOWN);
  return (
    <section aria-labelledby={`queue-${queueKey}`} className="tr-section" data-testid={`home-queue-${queueKey}`}>
      <Heading level={3} size="level-4" id={`queue-${queueKey}`}>
        {t(`home.work.queue.${queueKey}.title`)} ({items.length})
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t(`home.work.queue.${queueKey}.empty`)}</Paragraph>
      ) : (
        <UnorderedList markers={false} className="tr-home-queue">
          {shown.map((i) => (
            <QueueItemView key={`${i.caseId}-${i.key ?? i.formId ?? queueKey}`} item={i} />
          ))}
        </UnorderedList>
      )}
      {items.length > SHOWN && (
        <Paragraph size="small">
          {t('home.work.more', { count: items.length - SHOWN })}{' '}
          <Link href="/werklijst" linkComponent={RouterLink}>
            {t('home.work.toWorklist')}
          </Link>
        </Paragraph>
      )}
    </section>
  );
}

function QueueItemView({ item }: { item: HomeQueueItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = item.clientName ?? t(caseNameKey(item.caseKind));
  const href = caseHref(item);
  return (
    <UnorderedList.Item data-testid="home-item">
      <span className="tr-home-item">
        {href ? (
          <Link href={href} linkComponent={RouterLink}>
            {name}
          </Link>
        ) : (
          <strong>{name}</strong>
        )}
        <span className="tr-cell-line">{item.text[lang]}</span>
        {item.when && <span className={`tr-cell-line ${item.overdue ? 'tr-home-late' : 'tr-muted'}`}>{item.when[lang]}</span>}
      </span>
    </UnorderedList.Item>
  );
}
