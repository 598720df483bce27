/**
 * Reports (meldingen) from every channel (overlast.md §3): where a report is about (a client's
 * trajectory, a corporation's dwelling or an address), whether that dwelling has support (R-OV-05,
 * MZ-7), which open case it belongs with (one open case per address: a new report is proposed for
 * linking to it, with the earlier reports beside it), and recording it on the case through the
 * case's one write path.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Trx } from '../../platform/cases/engine.ts';
import { problem } from '../../platform/http/problem.ts';
import type { Subject } from '../../domain/policy/index.ts';
import type { Channel } from '../../domain/nuisance/model.ts';

type Db = Kysely<Database> | Trx;

export interface AddressInput { postcode: string; houseNumber: number; houseLetter?: string | null; addition?: string | null; street?: string | null; city?: string | null }

export function normalisePostcode(p: string): string {
  return p.replace(/\s+/g, '').toUpperCase();
}

/** Postcode, number, letter and addition, normalised: reports about one address belong together. */
export function addressKey(a: AddressInput): string {
  const letter = (a.houseLetter ?? '').trim().toUpperCase();
  const addition = (a.addition ?? '').trim().toUpperCase();
  return `${normalisePostcode(a.postcode)}-${a.houseNumber}${letter}${addition ? `-${addition}` : ''}`;
}

export function addressLine(a: AddressInput): string {
  const nr = `${a.houseNumber}${a.houseLetter ?? ''}${a.addition ? `-${a.addition}` : ''}`;
  return `${a.street ? `${a.street} ` : ''}${nr}, ${normalisePostcode(a.postcode)}${a.city ? ` ${a.city}` : ''}`.trim();
}

/** What a report is about, resolved: the address, its municipality and district, and the support on it. */
export interface Target {
  municipalityId: string;
  addressKey: string;
  address: string;
  districtCode: string | null;
  districtName: string | null;
  dwellingId: string | null;
  trajectoryId: string | null;
  clientId: string | null;
  careProviderId: string | null;
  corporationId: string | null;
}

const NONE = '00000000-0000-0000-0000-000000000000';

async function supportOnDwelling(db: Db, dwellingId: string) {
  return db.selectFrom('offers as o').innerJoin('trajectories as t', 't.id', 'o.trajectory_id')
    .select(['t.id', 't.client_id', 't.care_provider_id', 't.corporation_id'])
    .where('o.dwelling_id', '=', dwellingId).where('o.status', '=', 'final').where('t.status', '=', 'active')
    .orderBy('o.updated_at', 'desc').executeTakeFirst();
}

function dwellingAddress(d: { postcode: string; house_number: number; house_letter: string | null; house_number_addition: string | null; street: string | null; city: string | null }): AddressInput {
  return { postcode: d.postcode, houseNumber: d.house_number, houseLetter: d.house_letter, addition: d.house_number_addition, street: d.street, city: d.city };
}

export async function resolveTarget(db: Db, s: Subject, t: { trajectoryId?: string | null; dwellingId?: string | null; address?: AddressInput | null }): Promise<Target> {
  if (t.trajectoryId) {
    const tr = await db.selectFrom('trajectories').select(['id', 'client_id', 'care_provider_id', 'corporation_id', 'municipality_id', 'dwelling_municipality_id', 'dwelling_address', 'status'])
      .where('id', '=', t.trajectoryId).executeTakeFirst();
    if (!tr) throw problem.notFound('Het traject', 'The trajectory');
    const final = await db.selectFrom('offers as o').innerJoin('dwellings as d', 'd.id', 'o.dwelling_id').selectAll('d')
      .where('o.trajectory_id', '=', tr.id).where('o.status', '=', 'final').orderBy('o.updated_at', 'desc').executeTakeFirst();
    const municipalityId = final?.municipality_id ?? tr.dwelling_municipality_id ?? tr.municipality_id;
    // Without a dwelling of the programme: the address of the resident's open case, if there is one.
    const open = final ? undefined : await db.selectFrom('nuisance_cases').select(['address_key', 'address', 'district_code', 'district_name', 'corporation_id'])
      .where('trajectory_id', '=', tr.id).where('closed_on', 'is', null).executeTakeFirst();
    if (!municipalityId) throw problem.unprocessable('no_municipality', 'Van dit traject is de gemeente niet bekend.', 'The municipality of this trajectory is not known.', 'R-OV-05');
    return {
      municipalityId, addressKey: final ? addressKey(dwellingAddress(final)) : (open?.address_key ?? `T-${tr.id}`),
      address: final ? addressLine(dwellingAddress(final)) : (open?.address ?? tr.dwelling_address ?? 'Adres van de cliënt'),
      districtCode: final?.district_code ?? open?.district_code ?? null, districtName: final?.district_name ?? open?.district_name ?? null, dwellingId: final?.id ?? null,
      trajectoryId: tr.status === 'active' ? tr.id : null, clientId: tr.client_id, careProviderId: tr.status === 'active' ? tr.care_provider_id : null,
      corporationId: final?.corporation_id ?? open?.corporation_id ?? tr.corporation_id,
    };
  }
  let d = t.dwellingId ? await db.selectFrom('dwellings').selectAll().where('id', '=', t.dwellingId).executeTakeFirst() : undefined;
  if (t.dwellingId && !d) throw problem.notFound('De woning', 'The dwelling');
  if (!d && t.address) {
    d = await db.selectFrom('dwellings').selectAll()
      .where('postcode', '=', normalisePostcode(t.address.postcode)).where('house_number', '=', t.address.houseNumber)
      .where((eb) => (t.address!.houseLetter ? eb('house_letter', '=', t.address!.houseLetter.toUpperCase()) : eb('house_letter', 'is', null)))
      .where((eb) => (t.address!.addition ? eb('house_number_addition', '=', t.address!.addition.toUpperCase()) : eb('house_number_addition', 'is', null)))
      .where('municipality_id', 'in', s.municipalityIds?.length ? [...s.municipalityIds] : [NONE])
      .executeTakeFirst();
  }
  if (d) {
    const sup = await supportOnDwelling(db, d.id);
    return {
      municipalityId: d.municipality_id, addressKey: addressKey(dwellingAddress(d)), address: addressLine(dwellingAddress(d)), districtCode: d.district_code, districtName: d.district_name,
      dwellingId: d.id, trajectoryId: sup?.id ?? null, clientId: sup?.client_id ?? null, careProviderId: sup?.care_provider_id ?? null, corporationId: d.corporation_id,
    };
  }
  if (!t.address) throw problem.validation([{ field: '/about', in: 'body', code: 'required', message: 'Zeg over welke cliënt, woning of welk adres de melding gaat.', messageNl: 'Zeg over welke cliënt, woning of welk adres de melding gaat.', messageEn: 'Say which client, dwelling or address the report is about.' }]);
  // An address without a dwelling of the programme: the reporter's own municipality (the hub's, Wonen's) or, for a
  // corporation, the municipality where it lets dwellings in that postcode area (else its only one); no support (R-OV-05).
  const municipalityId = s.municipalityIds?.[0] ?? (await corporationMunicipality(db, s, t.address.postcode));
  if (!municipalityId) throw problem.unprocessable('no_municipality', 'Dit adres hoort niet bij een gemeente waarvoor u werkt.', 'This address does not belong to a municipality you work for.', 'R-OV-21');
  const open = await db.selectFrom('nuisance_cases').select(['trajectory_id', 'care_provider_id', 'corporation_id', 'district_code', 'district_name', 'dwelling_id', 'address'])
    .where('municipality_id', '=', municipalityId).where('address_key', '=', addressKey(t.address)).where('closed_on', 'is', null).executeTakeFirst();
  return {
    municipalityId, addressKey: addressKey(t.address), address: open?.address ?? addressLine(t.address), districtCode: open?.district_code ?? null, districtName: open?.district_name ?? null,
    dwellingId: open?.dwelling_id ?? null, trajectoryId: open?.trajectory_id ?? null, clientId: null, careProviderId: open?.care_provider_id ?? null, corporationId: open?.corporation_id ?? null,
  };
}

async function corporationMunicipality(db: Db, s: Subject, postcode: string): Promise<string | undefined> {
  if (s.organisationType !== 'housing_corporation' || !s.scope.length) return undefined;
  const rows = await db.selectFrom('dwellings').select(['municipality_id', 'postcode']).distinct().where('corporation_id', 'in', [...s.scope]).execute();
  const area = normalisePostcode(postcode).slice(0, 4);
  const near = [...new Set(rows.filter((r) => r.postcode.slice(0, 4) === area).map((r) => r.municipality_id))];
  if (near.length === 1) return near[0];
  const all = [...new Set(rows.map((r) => r.municipality_id))];
  return all.length === 1 ? all[0] : undefined;
}

/** The hub (MZWO) of a municipality: the nuisance hub under it or one of its districts (R-OV-21). */
export async function hubOf(db: Db, municipalityId: string): Promise<string | null> {
  const r = await db.selectFrom('organisations as h').leftJoin('organisations as p', 'p.id', 'h.parent_id').select('h.id')
    .where('h.type', '=', 'nuisance_hub').where('h.active', '=', true)
    .where((eb) => eb.or([eb('h.parent_id', '=', municipalityId), eb('p.parent_id', '=', municipalityId)]))
    .orderBy('h.name').executeTakeFirst();
  return r?.id ?? null;
}

/** Which channels each party records a report by (R-OV-03): the hub C4, the corporation C2/C3, the care provider C1/C3/C5; C5 also by the hub and the corporation. */
export const CHANNELS_BY_PARTY: Record<'care_provider' | 'corporation' | 'hub', ReadonlyArray<Channel>> = {
  care_provider: ['C1', 'C3', 'C5'],
  corporation: ['C2', 'C3', 'C5'],
  hub: ['C4', 'C5'],
};

/** A pseudonymous key of the reporter (M2: distinct reporters), never the identity itself. */
export function reporterKey(municipalityId: string, r: { name?: string | null; phone?: string | null; email?: string | null }): string | null {
  const id = (r.email?.trim().toLowerCase() || r.phone?.replace(/[^0-9+]/g, '') || r.name?.trim().toLowerCase() || '');
  if (!id) return null;
  return createHash('sha256').update(`${municipalityId}:${id}`).digest('hex').slice(0, 24);
}
