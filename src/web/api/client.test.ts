/**
 * The API client's pure parts. Its requests (headers, problems, the 401 hook, network failures) are
 * tested against the real app in test/integration/web-api-client.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildUrl } from './client.ts';
import { mergeChanges } from '../lib/merge.ts';

describe('api client', () => {
  it('builds URLs under /api/v1 and drops empty query values', () => {
    expect(buildUrl('/users', { q: 'an', role: '', limit: 25, includeInactive: undefined, x: null })).toBe('/api/v1/users?q=an&limit=25');
    expect(buildUrl('/api/v1/monitor')).toBe('/api/v1/monitor');
  });
});

describe('mergeChanges after a 412', () => {
  it('keeps only the fields the user changed on top of the newest version', () => {
    const original = { name: 'Horizon', phone: '', email: 'a@x.nl' };
    const mine = { name: 'Horizon Noord', phone: '', email: 'a@x.nl' };
    const latest = { name: 'Horizon', phone: '010 765 4321', email: 'b@x.nl' };
    expect(mergeChanges(original, mine, latest)).toEqual({ name: 'Horizon Noord', phone: '010 765 4321', email: 'b@x.nl' });
  });
});
