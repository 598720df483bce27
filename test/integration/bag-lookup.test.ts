/**
 * BAG address lookup (matching.md §2, F-D-10) against a local Locatieserver stand-in that answers
 * in the PDOK Locatieserver v3.1 format (test/support/locatieserver.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocatieserver, type LocatieserverStub } from '../support/locatieserver.ts';
import { decideLookup, docToAddress, locatieserverUrl, lookupAddress, normalisePostcode, parseCentroid, type BagLookupConfig } from '../../src/modules/matching/bag.ts';
import { BAG_FIXTURE_ADDRESSES, LOCATIESERVER_FIXTURES } from '../../src/modules/matching/bag-fixtures.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { DEMO_ORGANISATIONS } from '../../src/app/seed/demo.ts';

let ls: LocatieserverStub;
let cfg: BagLookupConfig;

beforeAll(async () => {
  ls = await startLocatieserver();
  cfg = { bagLocatieserverUrl: ls.url };
});
afterAll(async () => ls?.close());
beforeEach(() => ls.setMode('ok'));

describe('lookupAddress against the Locatieserver', () => {
  it('F-D-10: finds an address by postcode and number with its BAG ids, municipality, district, neighbourhood and centroid', async () => {
    const r = await lookupAddress(cfg, { postcode: '9001 aa', houseNumber: 3 });
    expect(r).toEqual({
      status: 'found',
      address: {
        street: 'Turfmarkt', houseNumber: 3, houseLetter: null, addition: null, postcode: '9001AA', city: 'Veenhaven',
        municipalityCode: 'GM9001', municipalityName: 'Veenhaven',
        neighbourhoodCode: 'BU90010000', neighbourhoodName: 'Turfmarkt', districtCode: 'WK900100', districtName: 'Centrum',
        bagAddressId: '9001200000000001', bagObjectId: '9001010000000001', lat: 52.70412, lon: 6.19536,
        displayName: 'Turfmarkt 3, 9001AA Veenhaven',
      },
    });
    // The request: postcode normalised, AND-ed terms, only addresses, the fields it reads.
    const sent = ls.requests.at(-1)!;
    expect(sent.searchParams.get('q')).toBe('postcode:9001AA AND huisnummer:3');
    expect(sent.searchParams.getAll('fq')).toEqual(['type:adres']);
    expect(sent.searchParams.get('fl')).toContain('nummeraanduiding_id');
  });

  it('F-D-10: a house letter picks the lettered address; no letter picks the plain number next to it', async () => {
    const lettered = await lookupAddress(cfg, { postcode: '9001AB', houseNumber: 14, houseLetter: 'a' });
    expect(lettered.status === 'found' && lettered.address).toMatchObject({ houseLetter: 'A', bagAddressId: '9001200000000003', displayName: 'Kerkgracht 14A, 9001AB Veenhaven' });
    const plain = await lookupAddress(cfg, { postcode: '9001AB', houseNumber: 14 });
    expect(plain.status === 'found' && plain.address).toMatchObject({ houseLetter: null, bagAddressId: '9001200000000002' });
  });

  it('F-D-10: an addition picks one of the addresses at the number', async () => {
    const r = await lookupAddress(cfg, { postcode: '9002BC', houseNumber: 27, addition: '2' });
    expect(r.status === 'found' && r.address).toMatchObject({ addition: '2', municipalityCode: 'GM9001', neighbourhoodCode: 'BU90010100' });
  });

  it('F-D-10: not found for an unknown number, an unknown letter or a malformed postcode', async () => {
    expect(await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 4 })).toEqual({ status: 'not_found' });
    expect(await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 3, houseLetter: 'C' })).toEqual({ status: 'not_found' });
    const before = ls.requests.length;
    expect(await lookupAddress(cfg, { postcode: '0123AB', houseNumber: 3 })).toEqual({ status: 'not_found' });
    expect(await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 0 })).toEqual({ status: 'not_found' });
    expect(ls.requests.length).toBe(before); // no request for input that cannot be an address
  });

  it('F-D-10: ambiguous when the number has two additions and none was given; candidates in order', async () => {
    const r = await lookupAddress(cfg, { postcode: '9002BC', houseNumber: 27 });
    expect(r.status).toBe('ambiguous');
    if (r.status !== 'ambiguous') return;
    expect(r.candidates.map((c) => c.displayName)).toEqual(['Zwanenlaan 27-1, 9002BC Veenhaven', 'Zwanenlaan 27-2, 9002BC Veenhaven']);
  });

  it('F-D-10: a single address with an addition is not taken for the bare number (the user confirms it)', async () => {
    const r = await lookupAddress(cfg, { postcode: '9004DA', houseNumber: 5 });
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.addition)).toEqual(['H']);
  });

  it('an address outside the demo region carries its own municipality (GM + 4 digits)', async () => {
    const r = await lookupAddress(cfg, { postcode: '1011AB', houseNumber: 101, addition: '2' });
    expect(r.status === 'found' && r.address).toMatchObject({ municipalityCode: 'GM0363', municipalityName: 'Amsterdam', neighbourhoodCode: 'BU03630000' });
  });

  it('the second demo region (Bergstede, GM9003) is served too', async () => {
    const r = await lookupAddress(cfg, { postcode: '9012BA', houseNumber: 88 });
    expect(r.status === 'found' && r.address).toMatchObject({ municipalityCode: 'GM9003', neighbourhoodCode: 'BU90030100', districtCode: 'WK900301' });
  });

  it('a 500 is unavailable (http_status)', async () => {
    ls.setMode('error');
    expect(await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 3 })).toEqual({ status: 'unavailable', reason: 'http_status', detail: 'HTTP 500' });
  });

  it('an answer slower than the timeout is unavailable (timeout) and returns in time', async () => {
    ls.setMode('slow', { delayMs: 2000 });
    const t0 = performance.now();
    const r = await lookupAddress({ ...cfg, bagTimeoutMs: 200 }, { postcode: '9001AA', houseNumber: 3 });
    expect(r).toMatchObject({ status: 'unavailable', reason: 'timeout' });
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('a slow answer within the timeout is still found', async () => {
    ls.setMode('slow', { delayMs: 50 });
    expect((await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 3 })).status).toBe('found');
  });

  it('an HTML page, a JSON answer of another shape or a dropped connection are unavailable', async () => {
    ls.setMode('garbage');
    expect(await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 3 })).toMatchObject({ status: 'unavailable', reason: 'unparseable' });
    ls.setMode('wrong-shape');
    expect(await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 3 })).toMatchObject({ status: 'unavailable', reason: 'unparseable' });
    ls.setMode('reset');
    expect(await lookupAddress(cfg, { postcode: '9001AA', houseNumber: 3 })).toMatchObject({ status: 'unavailable', reason: 'network' });
  });

  it('nobody listening is unavailable (network)', async () => {
    const gone = await startLocatieserver();
    await gone.close();
    expect(await lookupAddress({ bagLocatieserverUrl: gone.url }, { postcode: '9001AA', houseNumber: 3 })).toMatchObject({ status: 'unavailable', reason: 'network' });
  });

  it('off without BAG_LOCATIESERVER_URL: no request, manual entry', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.bagLocatieserverUrl).toBeNull();
    let called = false;
    const spy = (async () => {
      called = true;
      throw new Error('no request expected');
    }) as typeof fetch;
    expect(await lookupAddress(config, { postcode: '9001AA', houseNumber: 3 }, spy)).toEqual({ status: 'off' });
    expect(called).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', BAG_LOCATIESERVER_URL: ls.url }).bagLocatieserverUrl).toBe(ls.url);
  });

  it('uses the injected fetch', async () => {
    const seen: string[] = [];
    const fake = (async (input: string | URL | Request) => {
      seen.push(String(input));
      return new Response(JSON.stringify({ response: { numFound: 0, docs: [] } }), { status: 200 });
    }) as typeof fetch;
    expect(await lookupAddress({ bagLocatieserverUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free' }, { postcode: '9001AA', houseNumber: 3 }, fake)).toEqual({ status: 'not_found' });
    expect(seen[0]).toMatch(/^https:\/\/api\.pdok\.nl\/bzk\/locatieserver\/search\/v3_1\/free\?q=postcode%3A9001AA\+AND\+huisnummer%3A3&fq=type%3Aadres&fl=/);
  });
});

describe('parsing helpers', () => {
  it('normalisePostcode: upper case without spaces; null for what is not a Dutch postcode', () => {
    expect(normalisePostcode(' 1011 ab ')).toBe('1011AB');
    expect(normalisePostcode('0111AB')).toBeNull();
    expect(normalisePostcode('1011A')).toBeNull();
  });

  it('parseCentroid reads POINT(lon lat)', () => {
    expect(parseCentroid('POINT(4.90112 52.37601)')).toEqual({ lat: 52.37601, lon: 4.90112 });
    expect(parseCentroid('POINT(4.9)')).toBeNull();
    expect(parseCentroid(undefined)).toBeNull();
  });

  it('docToAddress: a gemeentecode without GM gets it; a document without a nummeraanduiding id is no address', () => {
    const doc = LOCATIESERVER_FIXTURES[0]!;
    expect(docToAddress({ ...doc, gemeentecode: '363' })?.municipalityCode).toBe('GM0363');
    expect(docToAddress({ ...doc, gemeentecode: 'GM0344' })?.municipalityCode).toBe('GM0344');
    const { nummeraanduiding_id: _omit, ...withoutId } = doc;
    expect(docToAddress(withoutId)).toBeNull();
    expect(decideLookup({ response: { docs: [withoutId] } }, { postcode: doc.postcode, houseNumber: doc.huisnummer, houseLetter: null, addition: null })).toMatchObject({ status: 'unavailable', reason: 'unparseable' });
  });

  it('letters and additions are Solr-escaped in the query', () => {
    const url = locatieserverUrl('http://x/free', { postcode: '9001AA', houseNumber: 3, houseLetter: null, addition: 'A-1' });
    expect(url.searchParams.get('q')).toBe('postcode:9001AA AND huisnummer:3 AND huisnummertoevoeging:A\\-1');
  });

  it('the fixtures lie in the demo municipality (and a few outside), unique BAG ids, all usable', () => {
    const demoCodes = DEMO_ORGANISATIONS.flatMap((o) => (o.municipalityCode ? [o.municipalityCode] : []));
    const inDemo = BAG_FIXTURE_ADDRESSES.filter((a) => demoCodes.includes(a.municipalityCode));
    expect(inDemo.length).toBeGreaterThanOrEqual(12);
    expect(new Set(BAG_FIXTURE_ADDRESSES.map((a) => a.bagAddressId)).size).toBe(BAG_FIXTURE_ADDRESSES.length);
    for (const a of BAG_FIXTURE_ADDRESSES) {
      expect(a.neighbourhoodCode).toMatch(new RegExp(`^BU${a.municipalityCode.slice(2)}\\d{4}$`));
      expect(a.districtCode).toMatch(new RegExp(`^WK${a.municipalityCode.slice(2)}\\d{2}$`));
      expect(a.neighbourhoodCode!.slice(2, 8)).toBe(a.districtCode!.slice(2));
    }
  });
});
