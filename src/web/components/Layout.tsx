/**
 * The page shell: skip link, header (brand, organisation switcher, language, account,
 * log out), the main menu (per role, from the policy), the main landmark and the footer.
 * Moves focus to the new page's h1 after client-side navigation.
 *
 * Narrow windows (below the ADS wide breakpoint, 72.5rem) get a compact header: the brand, the
 * language switch and the menu button on one row. The main menu and the account controls
 * (organisation switch, my account, log out) sit behind the menu button, in that order, so the
 * focus order is header → menu → account → page. Each control is rendered once (no duplicate ids).
 */
import { Suspense, useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Grid, Label, Menu, Page, PageFooter, PageHeader, Paragraph, Select, SkipLink } from '@amsterdam/design-system-react';
import { useSession } from '../session/SessionContext.tsx';
import { can } from '../session/policy.ts';
import { setLanguage } from '../i18n/index.ts';
import { useLang } from '../i18n/useLang.ts';
import { LiveRegion, useAnnounce } from './Announcer.tsx';
import { NAV_ITEMS, forRole, isCurrent } from './navigation.ts';
import { RouterLink } from './RouterLink.tsx';
import { thuisrouteLogo } from './Logo.tsx';
import { Loading, ProblemAlert } from './status.tsx';
import { requestHeadingFocus } from './PageHeading.tsx';
import { PageBoundary } from './PageBoundary.tsx';

export const MAIN_ID = 'inhoud';

/** The ADS wide breakpoint (72.5rem): from here the menu is a sidebar and the header holds the account controls. */
const WIDE_QUERY = '(min-width: 72.5rem)';

function useWideWindow(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => {};
      const mq = window.matchMedia(WIDE_QUERY);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(WIDE_QUERY).matches : true),
    () => true,
  );
}

/** A header item on a wide window (an ADS page-header menu item), a plain block in the narrow menu. */
function Item({ inHeader, children }: { inHeader: boolean; children: ReactNode }) {
  return inHeader ? <li className="ams-page-header__menu-item ams-page-header__menu-item--fixed">{children}</li> : <div className="tr-account-panel__item">{children}</div>;
}

function MainMenu({ inWideWindow }: { inWideWindow?: boolean }) {
  const { t } = useTranslation();
  const { session, activeMembership } = useSession();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((i) => can(session, i.action) && forRole(i, activeMembership?.role));
  return (
    <Menu
      inWideWindow={inWideWindow}
      accessibleName={t('layout.mainMenu')}
      className={inWideWindow ? 'ams-page__area--menu tr-menu' : 'tr-menu'}
      id={inWideWindow ? 'hoofdmenu' : undefined}
    >
      {items.map((i) => (
        <Menu.Link key={i.to} href={i.to} linkComponent={RouterLink} icon={i.icon} aria-current={isCurrent(i, pathname) ? 'page' : undefined}>
          {t(i.label)}
        </Menu.Link>
      ))}
    </Menu>
  );
}

function OrganisationSwitcher({ inHeader }: { inHeader: boolean }) {
  const { t } = useTranslation();
  const { session, activeMembership, switchMembership } = useSession();
  const announce = useAnnounce();
  const [choice, setChoice] = useState(activeMembership?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => setChoice(activeMembership?.id ?? ''), [activeMembership?.id]);
  if (!session) return null;
  const label = (m: (typeof session.memberships)[number]) => `${m.organisationName} — ${t(`roles.${m.role}`)}`;

  if (session.memberships.length < 2) {
    return activeMembership ? (
      <Item inHeader={inHeader}>
        <span className="tr-header-text" id="active-organisation">
          {label(activeMembership)}
        </span>
      </Item>
    ) : null;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice || choice === activeMembership?.id) return;
    setPending(true);
    setError(null);
    try {
      const m = await switchMembership(choice);
      if (m) announce(t('header.switched', { organisation: m.organisationName, role: t(`roles.${m.role}`) }));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <Item inHeader={inHeader}>
      <form className="tr-org-switcher" onSubmit={submit} aria-label={t('header.switcherForm')}>
        <Label htmlFor="org-switch" className="tr-org-switcher__label">
          {t('header.actingFor')}
        </Label>
        <Select id="org-switch" value={choice} onChange={(e) => setChoice(e.target.value)} className="tr-org-switcher__select">
          {!activeMembership && <Select.Option value="">{t('header.noActiveOrganisation')}</Select.Option>}
          {session.memberships.map((m) => (
            <Select.Option key={m.id} value={m.id}>
              {label(m)}
            </Select.Option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending || choice === (activeMembership?.id ?? '')} className="tr-org-switcher__button">
          {t('header.switch')}
        </Button>
      </form>
      {error !== null && (
        <div className="tr-org-switcher__error">
          <ProblemAlert error={error} headingLevel={2} />
        </div>
      )}
    </Item>
  );
}

function LanguageToggle() {
  const { t } = useTranslation();
  const lang = useLang();
  const other = lang === 'nl' ? 'en' : 'nl';
  return (
    <li className="ams-page-header__menu-item ams-page-header__menu-item--fixed">
      <button
        type="button"
        className="ams-page-header__menu-link tr-link-button"
        lang={other}
        onClick={() => void setLanguage(other)}
        aria-label={t('header.switchLanguageLabel')}
        data-testid="language-toggle"
      >
        {t('header.switchLanguage')}
      </button>
    </li>
  );
}

function UserItems({ inHeader }: { inHeader: boolean }) {
  const { t } = useTranslation();
  const { session, logout } = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <>
      {inHeader ? (
        <PageHeader.MenuLink href="/mijn-account" linkComponent={RouterLink} fixed>
          <span className="ams-visually-hidden">{t('header.loggedInAs')} </span>
          {session.user.name}
        </PageHeader.MenuLink>
      ) : (
        <Item inHeader={false}>
          <RouterLink href="/mijn-account" className="ams-link tr-account-panel__link">
            <span className="ams-visually-hidden">{t('header.loggedInAs')} </span>
            {session.user.name}
          </RouterLink>
        </Item>
      )}
      <Item inHeader={inHeader}>
        <button
          type="button"
          className={inHeader ? 'ams-page-header__menu-link tr-link-button' : 'ams-link tr-link-button tr-account-panel__link'}
          onClick={() => {
            void logout().finally(() => navigate('/inloggen', { replace: true }));
          }}
        >
          {t('header.logout')}
        </button>
      </Item>
    </>
  );
}

/** After client-side navigation, focus the new page's h1 (or main) so it is announced. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>(`#${MAIN_ID} h1`);
    // A page still loading its code has no h1 yet: focus main now, the heading takes it when it mounts.
    if (!heading) requestHeadingFocus();
    (heading ?? document.getElementById(MAIN_ID))?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const { session, generation } = useSession();
  const { pathname } = useLocation();
  // The narrow-window menu closes once the user has chosen a page.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  useFocusOnNavigate();

  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    // Move focus without changing the route or the URL.
    e.preventDefault();
    const main = document.getElementById(MAIN_ID);
    main?.focus();
    main?.scrollIntoView();
  };

  const authenticated = !!session;
  const wide = useWideWindow();
  return (
    <Page withMenu={authenticated} className="tr-page">
      <SkipLink href={`#${MAIN_ID}`} onClick={skip} className="ams-page__area--skip-link">
        {t('layout.skipLink')}
      </SkipLink>
      <PageHeader
        className="ams-page__area--header"
        brandName={t('app.name')}
        logoBrand={thuisrouteLogo(t('layout.logoAccessibleName'))}
        logoLink="/"
        logoLinkComponent={RouterLink}
        logoLinkTitle={t('layout.logoLinkTitle')}
        navigationLabel={t('layout.userMenu')}
        menuButtonText={t('layout.menuButton')}
        menuButtonTextForHide={t('layout.menuHide')}
        menuButtonTextForShow={t('layout.menuShow')}
        noMenuButtonOnWideWindow
        open={menuOpen}
        onOpenChange={setMenuOpen}
        menuItems={
          <>
            {authenticated && wide && <OrganisationSwitcher inHeader />}
            <LanguageToggle />
            {authenticated && wide && <UserItems inHeader />}
          </>
        }
      >
        {authenticated ? (
          <>
            <MainMenu />
            {!wide && (
              <section className="tr-account-panel" aria-label={t('layout.userMenu')}>
                <OrganisationSwitcher inHeader={false} />
                <UserItems inHeader={false} />
              </section>
            )}
          </>
        ) : undefined}
      </PageHeader>
      {authenticated && <MainMenu inWideWindow />}
      <main id={MAIN_ID} tabIndex={-1} className="ams-page__area--body tr-main">
        <Grid paddingBottom="x-large" paddingTop="large">
          <Grid.Cell span="all">
            {/* Pages load on demand: until a page's code has arrived, a polite status says so. */}
            <PageBoundary resetKey={pathname}>
              <Suspense fallback={<Loading />}>
                <Outlet key={generation} />
              </Suspense>
            </PageBoundary>
          </Grid.Cell>
        </Grid>
      </main>
      <PageFooter className="ams-page__area--footer">
        <PageFooter.Spotlight>
          <Grid paddingVertical="large">
            <Grid.Cell span={{ narrow: 4, medium: 6, wide: 8 }} appearance="transparent">
              <Paragraph color="inverse">{t('footer.about')}</Paragraph>
            </Grid.Cell>
          </Grid>
        </PageFooter.Spotlight>
        <PageFooter.Menu heading={t('footer.menuHeading')}>
          <PageFooter.MenuLink href="/route" linkComponent={RouterLink}>
            {t('nav.route')}
          </PageFooter.MenuLink>
          <PageFooter.MenuLink href="/api/docs">{t('footer.apiDocs')}</PageFooter.MenuLink>
          {authenticated && (
            <PageFooter.MenuLink href="/kalender" linkComponent={RouterLink}>
              {t('nav.calendar')}
            </PageFooter.MenuLink>
          )}
        </PageFooter.Menu>
      </PageFooter>
      <LiveRegion />
    </Page>
  );
}
