/**
 * A local stand-in for the PDOK Locatieserver's "free" endpoint (v3.1), answering in its own
 * response format from a fixture list (default: LOCATIESERVER_FIXTURES and BERGSTEDE_FIXTURES, the
 * demo regions' addresses).
 *
 *   const ls = await startLocatieserver();
 *   loadConfig({ ...env, BAG_LOCATIESERVER_URL: ls.url });   // ls.url ends in /free
 *   ls.setMode('error');                                       // 500 from now on
 *   await ls.close();
 *
 * What it understands, as far as an address lookup uses it: `q` and every `fq` as `field:value`
 * terms joined by AND (values may be Solr-escaped; matched case-insensitively against the document's
 * field), `fl` (space or comma list, `*` = all; without `fl` only id, type, weergavenaam and score,
 * as the real service answers), `rows` (default 10) and `start`. An unknown query parameter is a
 * 400, as in v3.1. Modes simulate trouble: `slow` (answers after delayMs), `error` (500 with a
 * problem body), `garbage` (200 with an HTML page), `wrong-shape` (200 with JSON that is not a
 * Solr answer), `reset` (closes the connection without an answer).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BERGSTEDE_FIXTURES, LOCATIESERVER_FIXTURES, type LocatieserverDoc } from '../../src/modules/matching/bag-fixtures.ts';

export type LocatieserverMode = 'ok' | 'slow' | 'error' | 'garbage' | 'wrong-shape' | 'reset';

export interface LocatieserverOptions {
  fixtures?: readonly LocatieserverDoc[];
  mode?: LocatieserverMode;
  /** Delay of the `slow` mode, ms (default 5000). */
  delayMs?: number;
  port?: number;
}

export interface LocatieserverStub {
  /** The "free" endpoint's URL, e.g. http://127.0.0.1:40123/bzk/locatieserver/search/v3_1/free */
  url: string;
  setMode(mode: LocatieserverMode, opts?: { delayMs?: number }): void;
  /** Every request URL received (path + query), oldest first. */
  requests: URL[];
  close(): Promise<void>;
}

export const LOCATIESERVER_PATH = '/bzk/locatieserver/search/v3_1/free';

const ALLOWED_PARAMS = new Set(['q', 'fq', 'fl', 'rows', 'start', 'sort', 'df', 'bq', 'lat', 'lon', 'wt', 'indent']);
const DEFAULT_FIELDS = ['id', 'type', 'weergavenaam', 'score'];

interface Term { field: string; value: string }

/** `postcode:9001AB AND huisnummer:14` → terms; `*:*` or empty → none. */
function parseTerms(q: string): Term[] | null {
  const trimmed = q.trim();
  if (trimmed === '' || trimmed === '*:*' || trimmed === '*') return [];
  const terms: Term[] = [];
  for (const part of trimmed.split(/\s+AND\s+/i)) {
    const m = /^([a-z_]+):(.+)$/i.exec(part.trim());
    if (!m) return null;
    terms.push({ field: m[1]!, value: m[2]!.replace(/\\(.)/g, '$1').replace(/^"(.*)"$/, '$1') });
  }
  return terms;
}

function matches(doc: LocatieserverDoc, terms: Term[]): boolean {
  const d = doc as unknown as Record<string, unknown>;
  return terms.every((t) => {
    const v = d[t.field];
    return v !== undefined && String(v).toLowerCase() === t.value.toLowerCase();
  });
}

export async function startLocatieserver(opts: LocatieserverOptions = {}): Promise<LocatieserverStub> {
  const fixtures = opts.fixtures ?? [...LOCATIESERVER_FIXTURES, ...BERGSTEDE_FIXTURES];
  let mode: LocatieserverMode = opts.mode ?? 'ok';
  let delayMs = opts.delayMs ?? 5000;
  const requests: URL[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== LOCATIESERVER_PATH || req.method !== 'GET') return json(404, { message: 'Not Found' });
    if (mode === 'error') return json(500, { title: 'Internal Server Error', status: 500 });
    if (mode === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html><body><h1>Onderhoud</h1><p>De dienst is tijdelijk niet beschikbaar.</p></body></html>');
    }
    if (mode === 'wrong-shape') return json(200, { status: 'ok', results: [] });
    for (const key of url.searchParams.keys()) {
      if (!ALLOWED_PARAMS.has(key)) return json(400, { title: 'Bad Request', detail: `unknown query parameter ${key}` });
    }
    const terms: Term[] = [];
    for (const q of [url.searchParams.get('q') ?? '', ...url.searchParams.getAll('fq')]) {
      const parsed = parseTerms(q);
      if (!parsed) return json(400, { title: 'Bad Request', detail: `cannot parse ${q}` });
      terms.push(...parsed);
    }
    const hits = fixtures.filter((d) => matches(d, terms));
    const rows = Number(url.searchParams.get('rows') ?? 10);
    const start = Number(url.searchParams.get('start') ?? 0);
    const flRaw = url.searchParams.get('fl');
    const fl = flRaw ? flRaw.split(/[\s,]+/).filter(Boolean) : DEFAULT_FIELDS;
    const docs = hits.slice(start, start + rows).map((d) => {
      const full: Record<string, unknown> = { ...d, score: 17.5 };
      if (fl.includes('*')) return full;
      return Object.fromEntries(fl.filter((f) => f in full).map((f) => [f, full[f]]));
    });
    return json(200, { response: { numFound: hits.length, start, maxScore: hits.length ? 17.5 : 0, numFoundExact: true, docs } });
  };

  const server = http.createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://localhost'));
    if (mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (mode === 'slow') {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) answer(req, res);
      }, delayMs);
      timers.add(t);
      return;
    }
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${LOCATIESERVER_PATH}`,
    requests,
    setMode(next, o) {
      mode = next;
      if (o?.delayMs !== undefined) delayMs = o.delayMs;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
