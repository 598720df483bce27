import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page loaded on demand: the route's code is its own chunk, fetched the first time the route
 * is shown (route-level code splitting). Pages are named exports, so the loader picks one out.
 * The layout's Suspense boundary shows the loading state meanwhile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound
export function lazyPage<M extends { [P in K]: ComponentType<any> }, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
