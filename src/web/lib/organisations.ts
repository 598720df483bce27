import { useEffect, useMemo, useState } from 'react';
import { subtreeOf } from '../../domain/organisations/model.ts';
import { useSession } from '../session/SessionContext.tsx';
import { cachedOrganisations } from './organisationCache.ts';

export { invalidateOrganisationCache } from './organisationCache.ts';
import { api } from '../api/client.ts';
import type { Organisation, Region } from '../api/types.ts';

/** All organisations, active and inactive, cached for the page session. */
export function useAllOrganisations(enabled = true): { organisations: Organisation[] | null; error: unknown } {
  const [state, setState] = useState<{ organisations: Organisation[] | null; error: unknown }>({ organisations: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    cachedOrganisations()
      .then((organisations) => live && setState({ organisations, error: null }))
      .catch((error: unknown) => live && setState({ organisations: null, error }));
    return () => {
      live = false;
    };
  }, [enabled]);
  return state;
}

/**
 * The caller's scope as the API computes it: the active organisation and everything below it
 * (subtreeOf from the shared domain model). Null while loading.
 */
export function useScope(): string[] | null {
  const { activeMembership } = useSession();
  const { organisations } = useAllOrganisations(!!activeMembership);
  const root = activeMembership?.organisationId ?? null;
  return useMemo(() => (organisations && root ? subtreeOf(root, organisations) : null), [organisations, root]);
}

export function useRegions(): Region[] | null {
  const [regions, setRegions] = useState<Region[] | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<{ items: Region[] }>('/regions')
      .then((r) => live && setRegions(r.data.items))
      .catch(() => live && setRegions([]));
    return () => {
      live = false;
    };
  }, []);
  return regions;
}
