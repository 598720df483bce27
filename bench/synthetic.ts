/**
 * Deterministic synthetic data: fictional Dutch people for benchmarks (and, later,
 * fictional clients). Everything comes from a seeded PRNG (mulberry32) — never
 * Math.random, never the wall clock — so the same seed gives the same people,
 * ids and e-mail addresses on every machine and every database.
 *
 * All people are fictional; e-mail addresses are on the reserved `.example`
 * top-level domain (RFC 2606), so they can never reach a real mailbox.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { PLATFORM_ROLES, ROLES_BY_ORGANISATION_TYPE, type OrganisationType, type Role } from '../src/domain/organisations/model.ts';

// ─── PRNG ────────────────────────────────────────────────────────────────────

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in [0, max). */
  int(max: number): number;
  /** Uniform integer in [min, max] (inclusive). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: ReadonlyArray<T>): T;
  /** Pick with weights (parallel array of non-negative numbers). */
  weighted<T>(items: ReadonlyArray<T>, weights: ReadonlyArray<number>): T;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Same seed → same sequence. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const uint32 = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4294967296;
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    uint32,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: ReadonlyArray<T>): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    weighted: <T>(items: ReadonlyArray<T>, weights: ReadonlyArray<number>): T => {
      const total = weights.reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
  };
}

/** A random (version 4 layout) UUID drawn from the PRNG: deterministic per seed. */
export function syntheticUuid(rng: Rng): string {
  const hex = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()].map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ─── Name material (common in the Netherlands; combinations are fictional) ───

export const FIRST_NAMES: ReadonlyArray<string> = [
  'Jan', 'Pieter', 'Kees', 'Henk', 'Willem', 'Joost', 'Sander', 'Bas', 'Daan', 'Sem', 'Lucas', 'Finn', 'Levi', 'Noah', 'Milan',
  'Jesse', 'Thijs', 'Ruben', 'Niels', 'Bram', 'Gijs', 'Stijn', 'Wouter', 'Jeroen', 'Maarten', 'Arjen', 'Freek', 'Teun', 'Luuk',
  'Mohammed', 'Youssef', 'Karim', 'Emre', 'Mehmet', 'Rachid', 'Anil', 'Dewi', 'Rishi', 'Kofi', 'Tomasz', 'Noël', 'Joël',
  'Anna', 'Emma', 'Julia', 'Sophie', 'Tess', 'Fenna', 'Lotte', 'Sanne', 'Femke', 'Anouk', 'Eva', 'Saar', 'Noor', 'Lieke',
  'Ineke', 'Marieke', 'Annelies', 'Els', 'Truus', 'Gerda', 'Wilma', 'Ria', 'Mirjam', 'Esther', 'Ilse', 'Roos', 'Nina',
  'Fatima', 'Samira', 'Yasmina', 'Aylin', 'Elif', 'Priya', 'Shanti', 'Mei', 'Zoë', 'Chloë', 'Eliën', 'Anaïs', 'Maaike',
];

/** Surname prefixes (tussenvoegsels) with rough relative frequencies; '' means none. */
export const SURNAME_PREFIXES: ReadonlyArray<string> = ['', 'de', 'van', 'van der', 'van den', 'van de', 'den', 'ter', 'ten', 'van \'t', 'in \'t', 'op den', 'uit de', 'te'];
const PREFIX_WEIGHTS: ReadonlyArray<number> = [60, 12, 10, 5, 4, 3, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5];

/** Surnames that stand alone (no prefix). */
export const SURNAMES: ReadonlyArray<string> = [
  'Jansen', 'Janssen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer',
  'Dijkstra', 'Smits', 'Kok', 'Jacobs', 'Vermeulen', 'Schouten', 'Willems', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'Prins',
  'Blom', 'Huisman', 'Peeters', 'Kuipers', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'Scholten', 'Postma', 'Martens', 'Vink',
  'Jonker', 'Bosman', 'Hermans', 'Koning', 'Yılmaz', 'Kaya', 'Öztürk', 'Çelik', 'El Amrani', 'Bakkali', 'Boukhari', 'Ramdin',
  'Nguyen', 'Kowalski', 'Mahabier', 'Sital', 'Mensah', 'Rodrigues', 'Martina', 'Pinas', 'Koç', 'Şahin', 'Aydın',
];

/** Surnames that usually carry a prefix (Groot → de Groot, Berg → van den Berg). */
export const PREFIXED_SURNAMES: ReadonlyArray<string> = [
  'Jong', 'Vries', 'Berg', 'Dijk', 'Boer', 'Groot', 'Leeuwen', 'Wit', 'Graaf', 'Meer', 'Linden', 'Haan', 'Heuvel', 'Veen',
  'Broek', 'Bruijn', 'Heijden', 'Beek', 'Vliet', 'Ven', 'Dam', 'Wal', 'Brink', 'Wijk', 'Ridder', 'Laan', 'Horst', 'Velde',
  'Hoek', 'Kamp', 'Bosch', 'Hout', 'Weerd', 'Pol', 'Zanden', 'Loon', 'Rijn', 'Hoeven', 'Kolk', 'Haar',
];

export const EMAIL_DOMAINS: ReadonlyArray<string> = [
  'voorbeeld.example', 'post.example', 'thuismail.example', 'webpost.example', 'zorgmail.example',
];

// ─── People ──────────────────────────────────────────────────────────────────

export interface SyntheticPerson {
  /** Deterministic UUID (v4 layout) from the PRNG. */
  id: string;
  /** 0-based position in the generated sequence. */
  index: number;
  firstName: string;
  /** Tussenvoegsel ('van der', 'de', …) or null. */
  surnamePrefix: string | null;
  surname: string;
  /** Display name: "Sanne van der Meer". */
  fullName: string;
  /** Sort name as Dutch registers write it: "Meer, Sanne van der". */
  sortName: string;
  /** Lower-case, ASCII, unique within one generated sequence, on a `.example` domain. */
  email: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  locale: 'nl' | 'en';
}

export interface PeopleOptions {
  seed?: number;
  /** Reference date for ages (YYYY-MM-DD); a fixed default keeps output independent of the wall clock. */
  referenceDate?: string;
  minAge?: number;
  maxAge?: number;
  /** Override the e-mail domains (must end in .example, .test or .invalid). */
  domains?: ReadonlyArray<string>;
}

export const DEFAULT_SEED = 20260302;
const DAY_MS = 86_400_000;

/** ASCII, lower-case, letters and digits only: "in 't Veld" → "intveld", "Öztürk" → "ozturk". */
export function emailLocalPart(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Generates `count` fictional people, deterministically for a seed. Lazy: nothing is held in memory. */
export function* people(count: number, opts: PeopleOptions = {}): Generator<SyntheticPerson> {
  const rng = mulberry32(opts.seed ?? DEFAULT_SEED);
  const domains = opts.domains ?? EMAIL_DOMAINS;
  for (const d of domains) {
    if (!/\.(example|test|invalid)$/.test(d)) throw new Error(`synthetic e-mail domain must be reserved (.example/.test/.invalid): ${d}`);
  }
  const ref = Date.parse(`${opts.referenceDate ?? '2026-01-01'}T00:00:00Z`);
  const minAge = opts.minAge ?? 18;
  const maxAge = opts.maxAge ?? 90;
  for (let index = 0; index < count; index++) {
    const id = syntheticUuid(rng);
    const firstName = rng.pick(FIRST_NAMES);
    const prefix = rng.weighted(SURNAME_PREFIXES, PREFIX_WEIGHTS);
    const surname = prefix ? rng.pick(PREFIXED_SURNAMES) : rng.pick(SURNAMES);
    const surnamePrefix = prefix || null;
    const fullName = [firstName, surnamePrefix, surname].filter(Boolean).join(' ');
    const sortName = `${surname}, ${[firstName, surnamePrefix].filter(Boolean).join(' ')}`;
    // Unique by construction: the sequence number is part of the address.
    const email = `${emailLocalPart(firstName)}.${emailLocalPart(`${prefix}${surname}`)}.${index.toString(36)}@${rng.pick(domains)}`;
    const ageDays = rng.between(minAge * 365 + 5, maxAge * 365);
    const birthDate = new Date(ref - ageDays * DAY_MS).toISOString().slice(0, 10);
    const locale = rng.chance(0.08) ? 'en' : 'nl';
    yield { id, index, firstName, surnamePrefix, surname, fullName, sortName, email, birthDate, locale };
  }
}

// ─── Users with memberships, bulk-inserted ───────────────────────────────────

export interface InsertUsersOptions {
  count: number;
  seed?: number;
  /** Rows per multi-row INSERT (default 1000). */
  batchSize?: number;
  /** Fixed timestamp for created_at/updated_at/starts_on (deterministic; default 2025-01-01). */
  createdAt?: Date;
  /** Share of users with a second membership (default 0.2). */
  secondMembershipShare?: number;
  onProgress?: (inserted: number, total: number) => void;
}

export interface InsertUsersResult {
  userIds: string[];
  users: number;
  memberships: number;
  organisations: number;
  ms: number;
}

/**
 * Inserts `count` synthetic users (no password: they cannot log in) and 1–2 active
 * memberships each, spread over the existing active organisations with a role that
 * fits the organisation type (platform roles excluded). Multi-row INSERTs in batches,
 * each batch in its own transaction.
 */
export async function insertSyntheticUsers(db: Kysely<Database>, opts: InsertUsersOptions): Promise<InsertUsersResult> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 1000;
  const seed = opts.seed ?? DEFAULT_SEED;
  const createdAt = opts.createdAt ?? new Date('2025-01-01T08:00:00Z');
  const startsOn = createdAt.toISOString().slice(0, 10);
  const secondShare = opts.secondMembershipShare ?? 0.2;
  const orgs = await db.selectFrom('organisations').select(['id', 'type', 'code']).where('active', '=', true).orderBy('code').execute();
  if (orgs.length === 0) throw new Error('no organisations to spread memberships over (seed the demo region first)');
  // A separate stream for memberships, so the people stay identical whatever the membership policy.
  const rng = mulberry32(seed ^ 0x9e3779b9);
  const rolesFor = (type: string): Role[] =>
    (ROLES_BY_ORGANISATION_TYPE[type as OrganisationType] ?? []).filter((r) => !PLATFORM_ROLES.includes(r));

  const userIds: string[] = [];
  let memberships = 0;
  let usersBatch: Array<Insertable<Database['users']>> = [];
  let membershipsBatch: Array<Insertable<Database['memberships']>> = [];

  const flush = async () => {
    if (usersBatch.length === 0) return;
    const u = usersBatch;
    const m = membershipsBatch;
    usersBatch = [];
    membershipsBatch = [];
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(u).execute();
      if (m.length) await trx.insertInto('memberships').values(m).execute();
    });
    opts.onProgress?.(userIds.length, opts.count);
  };

  for (const p of people(opts.count, { seed })) {
    userIds.push(p.id);
    usersBatch.push({ id: p.id, email: p.email, name: p.fullName, password_hash: null, locale: p.locale, created_at: createdAt, updated_at: createdAt });
    const n = rng.chance(secondShare) ? 2 : 1;
    const used = new Set<string>();
    for (let k = 0; k < n; k++) {
      const org = rng.pick(orgs);
      const roles = rolesFor(org.type);
      if (used.has(org.id) || roles.length === 0) continue;
      used.add(org.id);
      membershipsBatch.push({ user_id: p.id, organisation_id: org.id, role: rng.pick(roles), starts_on: startsOn, created_at: createdAt, updated_at: createdAt });
      memberships++;
    }
    if (usersBatch.length >= batchSize) await flush();
  }
  await flush();
  return { userIds, users: userIds.length, memberships, organisations: orgs.length, ms: performance.now() - started };
}
