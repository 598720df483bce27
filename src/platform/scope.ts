import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Clock } from './clock.ts';

/**
 * The organisation and everything below it (directorates and districts of a municipality),
 * cached briefly: the organisation tree changes rarely and is read on every request.
 */
export class OrganisationScopes {
  #cache = new Map<string, { ids: string[]; at: number }>();
  private readonly db: Kysely<Database>;
  private readonly clock: Clock;
  private readonly ttlMs: number;
  constructor(db: Kysely<Database>, clock: Clock, ttlMs = 30_000) {
    this.db = db;
    this.clock = clock;
    this.ttlMs = ttlMs;
  }

  async subtree(orgId: string): Promise<string[]> {
    const hit = this.#cache.get(orgId);
    const now = this.clock.now().getTime();
    if (hit && now - hit.at < this.ttlMs) return hit.ids;
    const { rows } = await sql<{ id: string }>`
      WITH RECURSIVE tree AS (
        SELECT id FROM organisations WHERE id = ${orgId}
        UNION SELECT o.id FROM organisations o JOIN tree t ON o.parent_id = t.id
      ) SELECT id FROM tree`.execute(this.db);
    const ids = rows.map((r) => r.id);
    this.#cache.set(orgId, { ids, at: now });
    return ids;
  }

  /**
   * The municipalities the organisation belongs to: itself when it is one, else the municipality
   * above it (a directorate or district of the municipality). Cached like the subtree.
   */
  async municipalitiesOf(orgId: string): Promise<string[]> {
    const key = `m:${orgId}`;
    const hit = this.#cache.get(key);
    const now = this.clock.now().getTime();
    if (hit && now - hit.at < this.ttlMs) return hit.ids;
    const { rows } = await sql<{ id: string }>`
      WITH RECURSIVE up AS (
        SELECT id, parent_id, type, 0 AS depth FROM organisations WHERE id = ${orgId}
        UNION ALL SELECT o.id, o.parent_id, o.type, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id WHERE up.depth < 16
      ) SELECT id FROM up WHERE type = 'municipality'`.execute(this.db);
    const ids = rows.map((r) => r.id);
    this.#cache.set(key, { ids, at: now });
    return ids;
  }

  invalidate() {
    this.#cache.clear();
  }
}
