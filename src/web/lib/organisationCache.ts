import { api } from '../api/client.ts';
import type { ListResponse, Organisation } from '../api/types.ts';

/** Every organisation (paged through 200 at a time), for pickers and the scope. */
export async function fetchAllOrganisations(includeInactive = false): Promise<Organisation[]> {
  const out: Organisation[] = [];
  for (let offset = 0; offset < 100_000; offset += 200) {
    const { data } = await api.get<ListResponse<Organisation>>('/organisations', { query: { limit: 200, offset, includeInactive } });
    out.push(...data.items);
    if (out.length >= data.total || data.items.length === 0) break;
  }
  return out;
}

let cache: Promise<Organisation[]> | null = null;

/** Forget the cached organisation list (after a change, and when the user logs in or out). */
export function invalidateOrganisationCache() {
  cache = null;
}

export function cachedOrganisations(): Promise<Organisation[]> {
  cache ??= fetchAllOrganisations(true).catch((err: unknown) => {
    cache = null;
    throw err;
  });
  return cache;
}
