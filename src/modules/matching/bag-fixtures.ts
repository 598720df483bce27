/**
 * Fixture addresses in the PDOK Locatieserver's own document format (v3.1, type "adres"): the
 * answers of the local Locatieserver stand-in (test/support/locatieserver.ts) and the verified
 * addresses the demo seed stores without a network. All streets, numbers and BAG ids are
 * fictional; the codes follow the real formats (gemeentecode 4 digits, wijkcode WK + 6, buurtcode
 * BU + 8, nummeraanduiding id = gemeentecode + "20" + 10 digits, verblijfsobject id = gemeentecode
 * + "01" + 10 digits, centroide_ll "POINT(lon lat)" in WGS84).
 *
 * Most addresses lie in the demo municipality Veenhaven (GM9001, src/app/seed/demo.ts), spread over
 * its seven districts; three lie outside the demo region (Amsterdam GM0363, Utrecht GM0344), for
 * tests of an address in another municipality.
 */
import { docToAddress, type BagAddress } from './bag.ts';

/** One document of the Locatieserver's "free" answer, as far as an address lookup reads it. */
export interface LocatieserverDoc {
  id: string;
  type: 'adres';
  weergavenaam: string;
  straatnaam: string;
  huisnummer: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  huis_nlt: string;
  postcode: string;
  woonplaatsnaam: string;
  gemeentecode: string;
  gemeentenaam: string;
  provinciecode: string;
  provincienaam: string;
  wijkcode: string;
  wijknaam: string;
  buurtcode: string;
  buurtnaam: string;
  adresseerbaarobject_id: string;
  nummeraanduiding_id: string;
  centroide_ll: string;
}

interface Place { gemeentecode: string; gemeentenaam: string; woonplaatsnaam: string; provinciecode: string; provincienaam: string }

const VEENHAVEN: Place = { gemeentecode: '9001', gemeentenaam: 'Veenhaven', woonplaatsnaam: 'Veenhaven', provinciecode: 'PV21', provincienaam: 'Drenthe' };
const AMSTERDAM: Place = { gemeentecode: '0363', gemeentenaam: 'Amsterdam', woonplaatsnaam: 'Amsterdam', provinciecode: 'PV27', provincienaam: 'Noord-Holland' };
const UTRECHT: Place = { gemeentecode: '0344', gemeentenaam: 'Utrecht', woonplaatsnaam: 'Utrecht', provinciecode: 'PV26', provincienaam: 'Utrecht' };

let serial = 0;

function adres(
  place: Place,
  a: { straat: string; nr: number; letter?: string; toevoeging?: string; postcode: string; wijk: [string, string]; buurt: [string, string]; lat: number; lon: number },
): LocatieserverDoc {
  serial += 1;
  const seq = String(serial).padStart(10, '0');
  const nlt = `${a.nr}${a.letter ?? ''}${a.toevoeging ? `-${a.toevoeging}` : ''}`;
  return {
    id: `adr-${place.gemeentecode}${seq}`,
    type: 'adres',
    weergavenaam: `${a.straat} ${nlt}, ${a.postcode} ${place.woonplaatsnaam}`,
    straatnaam: a.straat,
    huisnummer: a.nr,
    ...(a.letter ? { huisletter: a.letter } : {}),
    ...(a.toevoeging ? { huisnummertoevoeging: a.toevoeging } : {}),
    huis_nlt: nlt,
    postcode: a.postcode,
    woonplaatsnaam: place.woonplaatsnaam,
    gemeentecode: place.gemeentecode,
    gemeentenaam: place.gemeentenaam,
    provinciecode: place.provinciecode,
    provincienaam: place.provincienaam,
    wijkcode: a.wijk[0],
    wijknaam: a.wijk[1],
    buurtcode: a.buurt[0],
    buurtnaam: a.buurt[1],
    adresseerbaarobject_id: `${place.gemeentecode}01${seq}`,
    nummeraanduiding_id: `${place.gemeentecode}20${seq}`,
    centroide_ll: `POINT(${a.lon} ${a.lat})`,
  };
}

// Veenhaven's districts (wijken) after the demo's stadsdelen, with one or two neighbourhoods each.
const W_CENTRUM: [string, string] = ['WK900100', 'Centrum'];
const W_NOORD: [string, string] = ['WK900101', 'Noord'];
const W_OOST: [string, string] = ['WK900102', 'Oost'];
const W_ZUID: [string, string] = ['WK900103', 'Zuid'];
const W_WEST: [string, string] = ['WK900104', 'West'];
const W_HAVEN: [string, string] = ['WK900105', 'Haven'];
const W_POLDER: [string, string] = ['WK900106', 'Polder'];

/** The fixture addresses (Locatieserver documents). */
export const LOCATIESERVER_FIXTURES: readonly LocatieserverDoc[] = [
  adres(VEENHAVEN, { straat: 'Turfmarkt', nr: 3, postcode: '9001AA', wijk: W_CENTRUM, buurt: ['BU90010000', 'Turfmarkt'], lat: 52.70412, lon: 6.19536 }),
  adres(VEENHAVEN, { straat: 'Kerkgracht', nr: 14, postcode: '9001AB', wijk: W_CENTRUM, buurt: ['BU90010001', 'Kerkbuurt'], lat: 52.70533, lon: 6.19811 }),
  adres(VEENHAVEN, { straat: 'Kerkgracht', nr: 14, letter: 'A', postcode: '9001AB', wijk: W_CENTRUM, buurt: ['BU90010001', 'Kerkbuurt'], lat: 52.70535, lon: 6.19815 }),
  adres(VEENHAVEN, { straat: 'Zwanenlaan', nr: 27, toevoeging: '1', postcode: '9002BC', wijk: W_NOORD, buurt: ['BU90010100', 'Zwanenbuurt'], lat: 52.71490, lon: 6.19302 }),
  adres(VEENHAVEN, { straat: 'Zwanenlaan', nr: 27, toevoeging: '2', postcode: '9002BC', wijk: W_NOORD, buurt: ['BU90010100', 'Zwanenbuurt'], lat: 52.71490, lon: 6.19302 }),
  adres(VEENHAVEN, { straat: 'Elzenhof', nr: 8, postcode: '9002BD', wijk: W_NOORD, buurt: ['BU90010101', 'Elzenhof'], lat: 52.71822, lon: 6.20117 }),
  adres(VEENHAVEN, { straat: 'Dagpauwoogstraat', nr: 112, postcode: '9003CA', wijk: W_OOST, buurt: ['BU90010200', 'Vlinderbuurt'], lat: 52.70655, lon: 6.21840 }),
  adres(VEENHAVEN, { straat: 'Schoolstraat', nr: 5, toevoeging: 'H', postcode: '9004DA', wijk: W_ZUID, buurt: ['BU90010300', 'Schoolbuurt'], lat: 52.69381, lon: 6.20021 }),
  adres(VEENHAVEN, { straat: 'Molenweg', nr: 61, postcode: '9005EB', wijk: W_WEST, buurt: ['BU90010400', 'Molenkwartier'], lat: 52.70280, lon: 6.17654 }),
  adres(VEENHAVEN, { straat: 'Kadijk', nr: 2, letter: 'B', postcode: '9006FC', wijk: W_HAVEN, buurt: ['BU90010500', 'Oude Haven'], lat: 52.69822, lon: 6.22891 }),
  adres(VEENHAVEN, { straat: 'Loswal', nr: 40, postcode: '9006FD', wijk: W_HAVEN, buurt: ['BU90010501', 'Loswalkwartier'], lat: 52.69701, lon: 6.23410 }),
  adres(VEENHAVEN, { straat: 'Slotenweg', nr: 19, postcode: '9007GA', wijk: W_POLDER, buurt: ['BU90010600', 'Slotenpolder'], lat: 52.68455, lon: 6.18733 }),
  // Outside the demo region.
  adres(AMSTERDAM, { straat: 'Voorbeeldgracht', nr: 101, toevoeging: '2', postcode: '1011AB', wijk: ['WK036300', 'Burgwallen-Oude Zijde'], buurt: ['BU03630000', 'Kop Zeedijk'], lat: 52.37601, lon: 4.90112 }),
  adres(AMSTERDAM, { straat: 'Proefstraat', nr: 7, postcode: '1094AB', wijk: ['WK036311', 'Indische Buurt West'], buurt: ['BU03631101', 'Ambonpleinbuurt'], lat: 52.36312, lon: 4.94018 }),
  adres(UTRECHT, { straat: 'Monsterlaan', nr: 33, postcode: '3511AB', wijk: ['WK034404', 'Binnenstad'], buurt: ['BU03440401', 'Domplein, Neude, Janskerkhof'], lat: 52.09107, lon: 5.12138 }),
];

/** The fixture addresses as the lookup returns them (for the demo seed: verified addresses without a network). */
export const BAG_FIXTURE_ADDRESSES: readonly BagAddress[] = LOCATIESERVER_FIXTURES.map((doc) => {
  const a = docToAddress(doc);
  if (!a) throw new Error(`bag-fixtures: ${doc.weergavenaam} is not a usable address`);
  return a;
});

const BERGSTEDE: Place = { gemeentecode: '9003', gemeentenaam: 'Bergstede', woonplaatsnaam: 'Bergstede', provinciecode: 'PV26', provincienaam: 'Utrecht' };

/** The second demo region (Bergstede, GM9003, OM-UTR): the addresses of its demo dwellings. */
export const BERGSTEDE_FIXTURES: readonly LocatieserverDoc[] = [
  adres(BERGSTEDE, { straat: 'Lindeplein', nr: 4, toevoeging: '1', postcode: '9011AA', wijk: ['WK900300', 'Binnenstad'], buurt: ['BU90030000', 'Lindekwartier'], lat: 52.08120, lon: 5.23410 }),
  adres(BERGSTEDE, { straat: 'Heideweg', nr: 88, postcode: '9012BA', wijk: ['WK900301', 'Heuvelrug'], buurt: ['BU90030100', 'Heidebuurt'], lat: 52.08790, lon: 5.24880 }),
  adres(BERGSTEDE, { straat: 'Stationsstraat', nr: 210, postcode: '9013CA', wijk: ['WK900302', 'Spoorzijde'], buurt: ['BU90030200', 'Stationsbuurt'], lat: 52.07640, lon: 5.22790 }),
];

export const BERGSTEDE_ADDRESSES: readonly BagAddress[] = BERGSTEDE_FIXTURES.map((doc) => docToAddress(doc)!);
