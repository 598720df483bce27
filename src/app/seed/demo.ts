/**
 * Demo data: a fictional region modelled on the seeds — one municipality with its
 * directorates and seven districts, seven housing corporations, twelve care
 * providers, the nuisance hub and a refugee support organisation, and one demo
 * user per role. All names are fictional. Never runs with NODE_ENV=production.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { todayIn } from '../../platform/clock.ts';
import type { OrganisationType, Role } from '../../domain/organisations/model.ts';
import { hashPassword } from '../../modules/auth/index.ts';

export const DEMO_PASSWORD = 'thuisroute-demo';
export const DEMO_DOMAIN = 'demo.thuisroute.nl';

interface OrgSeed { code: string; name: string; type: OrganisationType; parent?: string; municipalityCode?: string; contactRoleLabel?: string }

export const DEMO_ORGANISATIONS: OrgSeed[] = [
  { code: 'GEM-VEENHAVEN', name: 'Gemeente Veenhaven', type: 'municipality', municipalityCode: 'GM9001' },
  { code: 'GEM-VH-WONEN', name: 'Directie Wonen (team indicaties)', type: 'municipal_directorate', parent: 'GEM-VEENHAVEN' },
  { code: 'GEM-VH-OJZ', name: 'Directie Onderwijs, Jeugd en Zorg (OJZ)', type: 'municipal_directorate', parent: 'GEM-VEENHAVEN' },
  { code: 'GEM-VH-WPI', name: 'Werk, Participatie en Inkomen (WPI)', type: 'municipal_directorate', parent: 'GEM-VEENHAVEN' },
  { code: 'GEM-VH-GGD', name: 'GGD Veenhaven', type: 'municipal_directorate', parent: 'GEM-VEENHAVEN' },
  { code: 'GEM-VH-FIBU', name: 'Fibu-team WPI', type: 'financial_support_team', parent: 'GEM-VH-WPI' },
  ...['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Haven', 'Polder'].map((d): OrgSeed => ({
    code: `SD-${d.toUpperCase()}`, name: `Stadsdeel ${d}`, type: 'district', parent: 'GEM-VEENHAVEN',
  })),
  { code: 'WC-LINDE', name: 'De Linde Wonen', type: 'housing_corporation', contactRoleLabel: 'wijkbeheerder' },
  { code: 'WC-HAVENWONINGEN', name: 'Havenwoningen', type: 'housing_corporation', contactRoleLabel: 'sociaal beheerder' },
  { code: 'WC-AMSTELPOORT', name: 'Woongroep Poortwijk', type: 'housing_corporation', contactRoleLabel: 'verhuurmakelaar' },
  { code: 'WC-THUISBASIS', name: 'Stichting Thuisbasis', type: 'housing_corporation', contactRoleLabel: 'medewerker wonen en zorg' },
  { code: 'WC-OOSTERWONEN', name: 'Ooster Wonen', type: 'housing_corporation', contactRoleLabel: 'wijkbeheerder' },
  { code: 'WC-WOONKRACHT', name: 'Woonkracht Veenhaven', type: 'housing_corporation', contactRoleLabel: 'sociaal beheerder' },
  { code: 'WC-POLDERHUIS', name: 'Polderhuis', type: 'housing_corporation', contactRoleLabel: 'medewerker zorg en overlast' },
  ...[
    ['ZA-HORIZON', 'Zorggroep Horizon'], ['ZA-ONDERDAK', 'Stichting Onderdak'], ['ZA-BAKEN', 'Het Baken'],
    ['ZA-DEBRUG', 'De Brug Begeleiding'], ['ZA-KOMPAS', 'Kompas Zorg'], ['ZA-LEVENSLOOP', 'Levensloop Ambulant'],
    ['ZA-ANKER', 'Stichting Anker'], ['ZA-VANGNET', 'Vangnet Wonen'], ['ZA-OVERSTAP', 'De Overstap'],
    ['ZA-NIEUWBEGIN', 'Nieuw Begin'], ['ZA-STADSHART', 'Stadshart Zorg'], ['ZA-THUISKOMEN', 'Stichting Thuiskomen'],
  ].map(([code, name]): OrgSeed => ({ code: code!, name: name!, type: 'care_provider' })),
  { code: 'MZWO-VEENHAVEN', name: 'Meldpunt Zorg en Woonoverlast Veenhaven', type: 'nuisance_hub', parent: 'GEM-VEENHAVEN' },
  { code: 'VS-VEENHAVEN', name: 'Vluchtelingensteun Veenhaven', type: 'refugee_support' },
];

interface UserSeed { email: string; name: string; memberships: Array<[orgCode: string, role: Role]>; locale?: 'nl' | 'en' }

/** One demo user per role (README lists them); the care worker has two memberships to show the organisation switcher. */
export const DEMO_USERS: UserSeed[] = [
  { email: `admin@${DEMO_DOMAIN}`, name: 'Pim Beheer', memberships: [['GEM-VEENHAVEN', 'platform_admin']] },
  { email: `begeleider@${DEMO_DOMAIN}`, name: 'Sanne de Vries', memberships: [['ZA-HORIZON', 'care_worker'], ['ZA-ONDERDAK', 'care_worker']] },
  { email: `teammanager@${DEMO_DOMAIN}`, name: 'Karim El Idrissi', memberships: [['ZA-HORIZON', 'team_manager']] },
  { email: `onafhankelijk@${DEMO_DOMAIN}`, name: 'Ineke Bos', memberships: [['ZA-HORIZON', 'independent_reviewer']] },
  { email: `corporatie@${DEMO_DOMAIN}`, name: 'Joost Meijer', memberships: [['WC-LINDE', 'corporation_contact']] },
  { email: `wonen@${DEMO_DOMAIN}`, name: 'Fatma Yilmaz', memberships: [['GEM-VH-WONEN', 'wonen_officer']] },
  { email: `mzwo@${DEMO_DOMAIN}`, name: 'Ruud Jansen', memberships: [['MZWO-VEENHAVEN', 'nuisance_hub_officer']] },
  { email: `analist@${DEMO_DOMAIN}`, name: 'Lotte Visser', memberships: [['GEM-VEENHAVEN', 'programme_analyst']] },
  { email: `beheerder@${DEMO_DOMAIN}`, name: 'Mo Bakker', memberships: [['ZA-HORIZON', 'org_admin']] },
  { email: `redacteur@${DEMO_DOMAIN}`, name: 'Eva Smit', memberships: [['GEM-VEENHAVEN', 'platform_editor']] },
  { email: `collega@${DEMO_DOMAIN}`, name: 'Daan Mulder', memberships: [['ZA-HORIZON', 'care_worker']], locale: 'en' },
];

export interface SeedResult { seeded: boolean; organisations: number; users: number }

/** Seeds the demo region when the database has no organisations yet. Idempotent. */
export async function seedDemo(db: Kysely<Database>, clock: Clock): Promise<SeedResult> {
  const existing = await db.selectFrom('organisations').select('id').limit(1).execute();
  if (existing.length) return { seeded: false, organisations: 0, users: 0 };
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const region = await trx.insertInto('regions').values({ code: 'REGIO-VEENHAVEN', name: 'Regio Veenhaven', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const ids = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const row = await trx
        .insertInto('organisations')
        .values({
          code: o.code, name: o.name, type: o.type, parent_id: o.parent ? ids.get(o.parent)! : null,
          region_id: region.id, municipality_code: o.municipalityCode ?? null, contact_role_label: o.contactRoleLabel ?? null,
          email: `info@${o.code.toLowerCase()}.example`, phone: null, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(o.code, row.id);
    }
    // Processing agreements (R-OR-85) between every demo care provider and corporation.
    const careProviders = DEMO_ORGANISATIONS.filter((o) => o.type === 'care_provider').map((o) => ids.get(o.code)!);
    const corporations = DEMO_ORGANISATIONS.filter((o) => o.type === 'housing_corporation').map((o) => ids.get(o.code)!);
    await trx
      .insertInto('processing_agreements')
      .values(careProviders.flatMap((cp) => corporations.map((wc) => ({ care_provider_id: cp, corporation_id: wc, registered_on: '2020-07-01', ended_on: null, created_at: now }))))
      .execute();
    for (const u of DEMO_USERS) {
      const row = await trx
        .insertInto('users')
        .values({ email: u.email, name: u.name, password_hash: hash, locale: u.locale ?? 'nl', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [code, role] of u.memberships) {
        await trx.insertInto('memberships').values({ user_id: row.id, organisation_id: ids.get(code)!, role, starts_on: todayIn(clock), created_at: now, updated_at: now }).execute();
      }
    }
  });
  return { seeded: true, organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length };
}
