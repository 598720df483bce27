import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Query } from '../api/client.ts';

export interface Resource<T> {
  data: T | null;
  /** Version from the ETag header, for If-Match. */
  etag: string | null;
  error: unknown;
  loading: boolean;
  reload(): Promise<T | null>;
  /** Replace the data (e.g. with the body of a successful PATCH) without a round trip. */
  set(data: T, etag?: string | null): void;
}

/** GETs a resource; re-fetches when the path or query changes. `path` null means "not yet". */
export function useResource<T>(path: string | null, query?: Query): Resource<T> {
  const [state, setState] = useState<{ data: T | null; etag: string | null; error: unknown; loading: boolean }>({
    data: null,
    etag: null,
    error: null,
    loading: path !== null,
  });
  const queryKey = JSON.stringify(query ?? {});
  const seq = useRef(0);

  const load = useCallback(async (): Promise<T | null> => {
    if (path === null) return null;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const res = await api.get<T>(path, { query: JSON.parse(queryKey) as Query });
      if (mine === seq.current) setState({ data: res.data, etag: res.etag, error: null, loading: false });
      return res.data;
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ ...s, error, loading: false }));
      return null;
    }
  }, [path, queryKey]);

  /** Makes responses of requests in flight be ignored (the path or query changed, or unmount). */
  const invalidate = useCallback(() => {
    seq.current++;
  }, []);

  useEffect(() => {
    void load();
    return invalidate;
  }, [load, invalidate]);

  const set = useCallback((data: T, etag?: string | null) => {
    setState((s) => ({ ...s, data, etag: etag === undefined ? s.etag : etag, error: null }));
  }, []);

  return { ...state, reload: load, set };
}
