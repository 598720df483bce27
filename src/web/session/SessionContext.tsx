/**
 * The logged-in user: session view from the API, the CSRF token for the client,
 * login, logout and switching the organisation one acts for.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, onUnauthenticated, setCsrfToken } from '../api/client.ts';
import type { Lang, SessionMembership, SessionView } from '../api/types.ts';
import { setLanguage, storedLanguage } from '../i18n/index.ts';
import { invalidateOrganisationCache } from '../lib/organisationCache.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; ended?: 'expired' | 'logged_out' }
  | { status: 'authenticated'; session: SessionView };

export interface SessionApi {
  state: SessionState;
  session: SessionView | null;
  activeMembership: SessionMembership | null;
  /** Increases whenever the acting organisation changes, so pages can reload their data. */
  generation: number;
  login(email: string, password: string): Promise<SessionView>;
  logout(): Promise<void>;
  switchMembership(membershipId: string): Promise<SessionMembership | null>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

function adoptLocale(view: SessionView) {
  // The user's own language applies unless this browser has an explicit choice.
  if (!storedLanguage() && (view.user.locale === 'en' || view.user.locale === 'nl')) {
    void setLanguage(view.user.locale as Lang, false);
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const lastUserId = useRef<string | null>(null);

  const accept = useCallback((view: SessionView) => {
    setCsrfToken(view.csrfToken);
    // Another user (or the first one): nothing cached for a previous one may show.
    if (lastUserId.current !== view.user.id) {
      invalidateOrganisationCache();
      lastUserId.current = view.user.id;
    }
    setState({ status: 'authenticated', session: view });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const { data } = await api.get<SessionView>('/auth/session', { quiet401: true });
      accept(data);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(null);
        setState({ status: 'anonymous', ended: err.code === 'session_expired' ? 'expired' : undefined });
        return;
      }
      throw err;
    }
  }, [accept]);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
  }, [refresh]);

  useEffect(() => {
    onUnauthenticated(() => {
      setCsrfToken(null);
      setState((s) => (s.status === 'authenticated' ? { status: 'anonymous', ended: 'expired' } : s));
    });
    return () => onUnauthenticated(null);
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      const { data } = await api.post<SessionView>('/auth/login', { email, password }, { quiet401: true });
      adoptLocale(data);
      accept(data);
      return data;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', {}, { quiet401: true });
    } finally {
      setCsrfToken(null);
      invalidateOrganisationCache();
      lastUserId.current = null;
      setState({ status: 'anonymous', ended: 'logged_out' });
    }
  }, []);

  const switchMembership = useCallback(
    async (membershipId: string) => {
      const { data } = await api.put<SessionView>('/auth/session/active-membership', { membershipId });
      accept(data);
      setGeneration((g) => g + 1);
      return data.memberships.find((m) => m.id === data.activeMembershipId) ?? null;
    },
    [accept],
  );

  const value = useMemo<SessionApi>(() => {
    const session = state.status === 'authenticated' ? state.session : null;
    const activeMembership = session?.memberships.find((m) => m.id === session.activeMembershipId) ?? null;
    return { state, session, activeMembership, generation, login, logout, switchMembership, refresh };
  }, [state, generation, login, logout, switchMembership, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session where there may be none (components also shown outside the provider, such as ProblemAlert). */
export function useOptionalSession(): SessionApi | null {
  return useContext(SessionContext);
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
