/**
 * Progress of running placement imports, so the web page can show "rows processed" while a
 * large file is processed. The POST itself is synchronous; the client chooses a token
 * (`?progressToken=<uuid>`) and polls GET /imports/placements/progress/{token}.
 *
 * Kept in memory PER PROCESS: behind a load balancer with several instances the poll must
 * reach the instance that runs the import (or it sees 404). With embedded PGlite (a single
 * database connection) the poll waits until the import's transaction ends, because every
 * request first resolves its session in the database; on PostgreSQL it answers right away.
 */

export type ProgressStatus = 'running' | 'succeeded' | 'partial' | 'rejected' | 'failed';

export interface ImportProgress {
  token: string;
  userId: string;
  status: ProgressStatus;
  importId: string | null;
  bytesRead: number;
  /** Content-Length of the upload, when the client sent one. */
  bytesTotal: number | null;
  rowsProcessed: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** reading = parsing, validating and staging rows; writing = the one merge statement into placements. */
  phase: 'reading' | 'writing';
}

/** How long a finished import's progress stays readable. */
const RETAIN_MS = 10 * 60_000;
/** Upper bound on remembered tokens (a client cannot grow the map without limit). */
const MAX_ENTRIES = 10_000;

export class ProgressRegistry {
  #entries = new Map<string, ImportProgress>();

  /** Starts tracking; false when the token is already in use. */
  start(token: string, userId: string, bytesTotal: number | null): ImportProgress | null {
    if (this.#entries.has(token)) return null;
    if (this.#entries.size >= MAX_ENTRIES) {
      // Forget the oldest finished entries first (Map keeps insertion order).
      for (const [k, v] of this.#entries) {
        if (v.status !== 'running') this.#entries.delete(k);
        if (this.#entries.size < MAX_ENTRIES) break;
      }
      if (this.#entries.size >= MAX_ENTRIES) return null;
    }
    const p: ImportProgress = { token, userId, status: 'running', importId: null, bytesRead: 0, bytesTotal, rowsProcessed: 0, rowsAccepted: 0, rowsRejected: 0, phase: 'reading' };
    this.#entries.set(token, p);
    return p;
  }

  finish(p: ImportProgress, status: Exclude<ProgressStatus, 'running'>, importId: string | null) {
    p.status = status;
    p.importId = importId;
    const timer = setTimeout(() => {
      if (this.#entries.get(p.token) === p) this.#entries.delete(p.token);
    }, RETAIN_MS);
    timer.unref();
  }

  /** The progress of one of the user's imports (another user's token reads as unknown). */
  get(token: string, userId: string): ImportProgress | undefined {
    const p = this.#entries.get(token);
    return p && p.userId === userId ? p : undefined;
  }
}
