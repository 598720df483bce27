/**
 * Official addresses of dwellings (matching.md §2, F-D-10): a lookup of postcode + house number
 * (+ letter / addition) in the BAG through the PDOK Locatieserver's "free" endpoint (v3.1,
 * https://api.pdok.nl/bzk/locatieserver/search/v3_1/free). The answer gives the BAG ids, the
 * municipality, the district (wijk) and neighbourhood (buurt) of the address and its centroid.
 *
 * Off unless BAG_LOCATIESERVER_URL is set (config.bagLocatieserverUrl): then every lookup answers
 * `{ status: 'off' }` and the address is entered by hand (address_verified false). A slow, failing
 * or garbled Locatieserver never fails the caller: it answers `{ status: 'unavailable', reason }`
 * and the caller falls back to manual entry as well.
 *
 * Request: `GET <url>?q=postcode:9001AB AND huisnummer:14[ AND huisletter:A][ AND huisnummertoevoeging:1]
 * &fq=type:adres&fl=<fields>&rows=<n>`. Answer (Solr): `{ response: { numFound, docs: [ { type: 'adres',
 * straatnaam, huisnummer, huisletter?, huisnummertoevoeging?, postcode, woonplaatsnaam, gemeentecode
 * ("0363"), gemeentenaam, wijkcode, wijknaam, buurtcode, buurtnaam, nummeraanduiding_id,
 * adresseerbaarobject_id, centroide_ll "POINT(lon lat)", weergavenaam } ] } }`.
 */
import type { Config } from '../../platform/config/config.ts';

/** Default time the whole lookup (connect, answer, body) may take. */
export const BAG_LOOKUP_TIMEOUT_MS = 3000;

/** Documents asked for: enough for every letter/addition at one house number in all but the largest blocks. */
export const BAG_LOOKUP_ROWS = 50;

/** The fields the lookup reads (`fl`); the Locatieserver answers only id/type/weergavenaam/score without it. */
export const LOCATIESERVER_FIELDS = [
  'id', 'type', 'weergavenaam', 'straatnaam', 'huisnummer', 'huisletter', 'huisnummertoevoeging', 'postcode',
  'woonplaatsnaam', 'gemeentecode', 'gemeentenaam', 'wijkcode', 'wijknaam', 'buurtcode', 'buurtnaam',
  'nummeraanduiding_id', 'adresseerbaarobject_id', 'centroide_ll',
] as const;

export interface AddressQuery {
  postcode: string;
  houseNumber: number;
  houseLetter?: string | null;
  addition?: string | null;
}

/** A BAG address as the platform stores it on a dwelling (columns of `dwellings`). */
export interface BagAddress {
  street: string;
  houseNumber: number;
  houseLetter: string | null;
  addition: string | null;
  /** 1234AB: upper case, no space. */
  postcode: string;
  city: string;
  /** GM + 4 digits, e.g. GM0363. */
  municipalityCode: string;
  municipalityName: string;
  /** BU + 8 characters, e.g. BU03630000; null when the Locatieserver does not know it. */
  neighbourhoodCode: string | null;
  neighbourhoodName: string | null;
  /** WK + 6 characters, e.g. WK036300. */
  districtCode: string | null;
  districtName: string | null;
  /** The nummeraanduiding id (16 digits). */
  bagAddressId: string;
  /** The adresseerbaar object (verblijfsobject, standplaats, ligplaats) id (16 digits). */
  bagObjectId: string | null;
  lat: number | null;
  lon: number | null;
  /** The Locatieserver's display name, e.g. "Kerkgracht 14A, 9001AB Veenhaven". */
  displayName: string;
}

export type BagUnavailableReason = 'timeout' | 'network' | 'http_status' | 'unparseable';

export type AddressLookup =
  | { status: 'found'; address: BagAddress }
  | { status: 'not_found' }
  /** The BAG has addresses at this number, but not exactly the one asked for (a letter or addition is missing). */
  | { status: 'ambiguous'; candidates: BagAddress[] }
  | { status: 'unavailable'; reason: BagUnavailableReason; detail: string }
  /** No Locatieserver configured (BAG_LOCATIESERVER_URL unset): manual entry. */
  | { status: 'off' };

export type BagLookupConfig = Pick<Config, 'bagLocatieserverUrl'> & { bagTimeoutMs?: number };

const POSTCODE = /^[1-9][0-9]{3}[A-Z]{2}$/;

/** "1011 ab" → "1011AB"; null when it is not a Dutch postcode. */
export function normalisePostcode(raw: string): string | null {
  const p = raw.replace(/\s+/g, '').toUpperCase();
  return POSTCODE.test(p) ? p : null;
}

function clean(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

/** Escapes a value for a Solr query term. */
function solrValue(v: string): string {
  return v.replace(/[\\+\-!():^[\]"{}~*?|&/\s]/g, (c) => `\\${c}`);
}

/** The request URL for a query (exported for tests and logging). */
export function locatieserverUrl(base: string, q: { postcode: string; houseNumber: number; houseLetter: string | null; addition: string | null }): URL {
  const url = new URL(base);
  const terms = [`postcode:${q.postcode}`, `huisnummer:${q.houseNumber}`];
  if (q.houseLetter) terms.push(`huisletter:${solrValue(q.houseLetter)}`);
  if (q.addition) terms.push(`huisnummertoevoeging:${solrValue(q.addition)}`);
  url.searchParams.set('q', terms.join(' AND '));
  url.searchParams.append('fq', 'type:adres');
  url.searchParams.set('fl', LOCATIESERVER_FIELDS.join(' '));
  url.searchParams.set('rows', String(BAG_LOOKUP_ROWS));
  return url;
}

/** "POINT(4.90112 52.37601)" → { lat: 52.37601, lon: 4.90112 }; null when absent or malformed. */
export function parseCentroid(raw: unknown): { lat: number; lon: number } | null {
  if (typeof raw !== 'string') return null;
  const m = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(raw);
  if (!m) return null;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

function str(doc: Record<string, unknown>, key: string): string | null {
  const v = doc[key];
  if (typeof v === 'string') return clean(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** A Locatieserver "adres" document as a BagAddress; null when it lacks what an address needs. */
export function docToAddress(raw: unknown): BagAddress | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const doc = raw as Record<string, unknown>;
  if (doc.type !== undefined && doc.type !== 'adres') return null;
  const street = str(doc, 'straatnaam');
  const houseNumber = typeof doc.huisnummer === 'number' ? doc.huisnummer : Number(str(doc, 'huisnummer'));
  const postcode = normalisePostcode(str(doc, 'postcode') ?? '');
  const city = str(doc, 'woonplaatsnaam');
  const gemeentecode = str(doc, 'gemeentecode');
  const municipalityName = str(doc, 'gemeentenaam');
  const bagAddressId = str(doc, 'nummeraanduiding_id');
  if (!street || !Number.isInteger(houseNumber) || houseNumber <= 0 || !postcode || !city || !gemeentecode || !municipalityName || !bagAddressId) return null;
  const digits = /^(?:GM)?(\d{1,4})$/i.exec(gemeentecode);
  if (!digits) return null;
  const point = parseCentroid(doc.centroide_ll);
  const houseLetter = str(doc, 'huisletter');
  const addition = str(doc, 'huisnummertoevoeging');
  return {
    street,
    houseNumber,
    houseLetter,
    addition,
    postcode,
    city,
    municipalityCode: `GM${digits[1]!.padStart(4, '0')}`,
    municipalityName,
    neighbourhoodCode: str(doc, 'buurtcode'),
    neighbourhoodName: str(doc, 'buurtnaam'),
    districtCode: str(doc, 'wijkcode'),
    districtName: str(doc, 'wijknaam'),
    bagAddressId,
    bagObjectId: str(doc, 'adresseerbaarobject_id'),
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    displayName: str(doc, 'weergavenaam') ?? `${street} ${houseNumber}${houseLetter ?? ''}${addition ? `-${addition}` : ''}, ${postcode} ${city}`,
  };
}

const same = (a: string | null, b: string | null) => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

function byNumberLetterAddition(a: BagAddress, b: BagAddress): number {
  return (a.houseLetter ?? '').localeCompare(b.houseLetter ?? '') || (a.addition ?? '').localeCompare(b.addition ?? '', 'nl', { numeric: true }) || a.bagAddressId.localeCompare(b.bagAddressId);
}

/**
 * Decides the lookup from the Locatieserver's answer body (already parsed JSON): exactly the
 * address asked for (letter and addition equal, case-insensitive, absent = absent) → found;
 * addresses at the number but none exactly → ambiguous with them as candidates; none → not found.
 */
export function decideLookup(body: unknown, q: { postcode: string; houseNumber: number; houseLetter: string | null; addition: string | null }): AddressLookup {
  const response = body && typeof body === 'object' ? (body as { response?: unknown }).response : undefined;
  const docs = response && typeof response === 'object' ? (response as { docs?: unknown }).docs : undefined;
  if (!Array.isArray(docs)) return { status: 'unavailable', reason: 'unparseable', detail: 'no response.docs array' };
  const adresDocs = docs.filter((d) => d && typeof d === 'object' && ((d as { type?: unknown }).type ?? 'adres') === 'adres');
  const addresses = adresDocs.map(docToAddress).filter((a): a is BagAddress => a !== null);
  if (adresDocs.length > 0 && addresses.length === 0) return { status: 'unavailable', reason: 'unparseable', detail: 'no document is a usable address' };
  const atNumber = addresses.filter((a) => a.postcode === q.postcode && a.houseNumber === q.houseNumber).sort(byNumberLetterAddition);
  if (atNumber.length === 0) return { status: 'not_found' };
  const exact = atNumber.filter((a) => same(a.houseLetter, q.houseLetter) && same(a.addition, q.addition));
  if (exact.length === 1) return { status: 'found', address: exact[0]! };
  if (exact.length > 1) return { status: 'ambiguous', candidates: exact };
  // A letter or addition was asked for that the BAG does not have at this number: the server's filter
  // normally already returns nothing; if it answered other addresses, they are not the one asked for.
  if (q.houseLetter || q.addition) return { status: 'not_found' };
  return { status: 'ambiguous', candidates: atNumber };
}

/**
 * Looks an address up in the BAG through the Locatieserver. Never throws for the Locatieserver's
 * faults: a network error, the timeout (default 3 s, the whole exchange), a non-2xx status or an
 * answer that is not the Locatieserver's JSON give `{ status: 'unavailable' }`. An input that is not
 * a Dutch postcode or a positive house number is `not_found` without a request.
 */
export async function lookupAddress(cfg: BagLookupConfig, query: AddressQuery, fetchImpl: typeof fetch = fetch): Promise<AddressLookup> {
  if (!cfg.bagLocatieserverUrl) return { status: 'off' };
  const postcode = normalisePostcode(query.postcode);
  if (!postcode || !Number.isInteger(query.houseNumber) || query.houseNumber <= 0 || query.houseNumber > 99999) return { status: 'not_found' };
  const q = {
    postcode,
    houseNumber: query.houseNumber,
    houseLetter: clean(query.houseLetter)?.toUpperCase() ?? null,
    addition: clean(query.addition),
  };
  const url = locatieserverUrl(cfg.bagLocatieserverUrl, q);
  const timeoutMs = cfg.bagTimeoutMs ?? BAG_LOOKUP_TIMEOUT_MS;
  let res: Response;
  let text: string;
  try {
    res = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return { status: 'unavailable', reason: 'timeout', detail: `no answer within ${timeoutMs} ms` };
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return { status: 'unavailable', reason: 'network', detail: `${err instanceof Error ? err.message : String(err)}${cause}` };
  }
  if (!res.ok) return { status: 'unavailable', reason: 'http_status', detail: `HTTP ${res.status}` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: 'unavailable', reason: 'unparseable', detail: 'the answer is not JSON' };
  }
  return decideLookup(body, q);
}
