/**
 * The public route page (/route, no login): the Omslagroute per phase P0–P9 with the responsible
 * parties, and the blank forms to download. The texts come from the database (GET /route-info);
 * a platform editor changes them on /route/bewerken.
 */
import { useTranslation } from 'react-i18next';
import { Column, Heading, Link, Paragraph, Row, StandaloneLink } from '@amsterdam/design-system-react';
import { PencilIcon } from '@amsterdam/design-system-react-icons';
import { FORM_DEFINITIONS } from '../../../domain/forms/definitions.ts';
import { FORM_KINDS } from '../../../domain/forms/model.ts';
import type { RouteInfoItem } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { PdfLink } from '../../components/PdfLink.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { MetroLine } from '../../components/metro/MetroLine.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../trajectories/trajectories.css';

export function RoutePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const info = useResource<{ items: RouteInfoItem[] }>('/route-info');
  const items = info.data?.items ?? [];
  return (
    <Column gap="large">
      <PageHeading title={t('routeInfo.documentTitle')}>{t('routeInfo.title')}</PageHeading>
      <Paragraph size="large">{t('routeInfo.intro')}</Paragraph>
      {can(session, 'route_info.edit') && (
        <Row>
          <StandaloneLink href="/route/bewerken" linkComponent={RouterLink} icon={PencilIcon}>
            {t('routeInfo.edit')}
          </StandaloneLink>
        </Row>
      )}
      {info.error !== null && <ProblemAlert error={info.error} onRetry={() => void info.reload()} />}
      {info.loading && !info.data && <Loading />}
      {items.length > 0 && (
        <>
          <section aria-labelledby="route-overview-heading" className="tr-section">
            <Heading level={2} size="level-3" id="route-overview-heading">
              {t('routeInfo.overview')}
            </Heading>
            <MetroLine compact label={t('routeInfo.overviewLabel')} stations={items.map((i) => ({ phase: i.phase, label: i.title, status: 'upcoming' as const, href: `#${i.phase}` }))} />
          </section>
          <ol className="tr-route-phases" aria-label={t('routeInfo.phasesLabel')} data-testid="route-phases">
            {items.map((i, n) => (
              <li key={i.phase} className="tr-route-phase" id={i.phase}>
                <span className="tr-route-phase__dot" aria-hidden="true">
                  {n}
                </span>
                <Heading level={2} size="level-3">
                  <span className="ams-visually-hidden">{t('routeInfo.phaseN', { code: i.phase.slice(0, 2) })} </span>
                  {i.title[lang]}
                </Heading>
                <Paragraph>{i.body[lang]}</Paragraph>
                {i.responsible.length > 0 && (
                  <Paragraph size="small">
                    <strong>{t('routeInfo.responsible')}</strong> {i.responsible.map((r) => t(`routeInfo.actors.${r}`, { defaultValue: r })).join(', ')}
                  </Paragraph>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <section aria-labelledby="blank-forms-heading" className="tr-section">
        <Heading level={2} size="level-3" id="blank-forms-heading">
          {t('routeInfo.formsHeading')}
        </Heading>
        <Paragraph>{t('routeInfo.formsIntro')}</Paragraph>
        <ul className="tr-plain-list" data-testid="blank-forms">
          {FORM_KINDS.map((k) => (
            <li key={k}>
              <PdfLink href={`/api/v1/forms/blank/${k}.pdf?lang=${lang}`}>{t('shell.blankForm', { title: FORM_DEFINITIONS[k].title[lang] })}</PdfLink>
            </li>
          ))}
        </ul>
      </section>
      {!session && (
        <Paragraph>
          <Link href="/inloggen" linkComponent={RouterLink}>
            {t('routeInfo.toLogin')}
          </Link>
        </Paragraph>
      )}
    </Column>
  );
}
