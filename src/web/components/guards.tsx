import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import type { Action } from '../../domain/policy/index.ts';
import { useSession } from '../session/SessionContext.tsx';
import { can } from '../session/policy.ts';
import { Loading } from './status.tsx';
import { PageHeading } from './PageHeading.tsx';
import { RouterLink } from './RouterLink.tsx';

/** Routes below need a session; without one, go to the login page and come back afterwards. */
export function RequireAuth() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    const params = new URLSearchParams();
    if (next !== '/') params.set('terug', next);
    if (state.ended === 'expired') params.set('reden', 'verlopen');
    const qs = params.toString();
    return <Navigate to={`/inloggen${qs ? `?${qs}` : ''}`} replace />;
  }
  return <Outlet />;
}

/** Shows the page only when the policy allows its action; otherwise a clear "no access" page. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const { session } = useSession();
  if (can(session, action)) return <>{children}</>;
  return <Forbidden />;
}

export function Forbidden() {
  const { t } = useTranslation();
  const { activeMembership } = useSession();
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Alert severity="warning" heading={t('forbidden.heading')} headingLevel={2} className="tr-alert">
        <Paragraph>{activeMembership ? t('forbidden.detail') : t('forbidden.noMembership')}</Paragraph>
      </Alert>
      <StandaloneLink href="/" linkComponent={RouterLink}>
        {t('common.toHome')}
      </StandaloneLink>
    </>
  );
}
