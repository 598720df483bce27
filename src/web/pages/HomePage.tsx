import { useTranslation } from 'react-i18next';
import { Alert, Card, Column, Grid, Heading, Paragraph, Spotlight } from '@amsterdam/design-system-react';
import { useSession } from '../session/SessionContext.tsx';
import { can } from '../session/policy.ts';
import { NAV_ITEMS } from '../components/navigation.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RouterLink } from '../components/RouterLink.tsx';

/** The start page: who you are acting as, and the parts of Thuisroute open to your role. */
export function HomePage() {
  const { t } = useTranslation();
  const { session, activeMembership } = useSession();
  if (!session) return null;
  const modules = NAV_ITEMS.filter((i) => i.to !== '/' && can(session, i.action));

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
