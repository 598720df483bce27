/**
 * Deterministic synthetic data: fictional Dutch people for benchmarks, and a national-ish
 * volume of Omslagroute clients, trajectories, case teams and deadlines (worklist benchmark).
 * Everything comes from a seeded PRNG (mulberry32) — never Math.random, never the wall
 * clock — so the same seed gives the same people, ids and e-mail addresses on every
 * machine and every database.
 *
 * All people are fictional; e-mail addresses are on the reserved `.example`
 * top-level domain (RFC 2606), so they can never reach a real mailbox.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/schema.ts';
import { PLATFORM_ROLES, ROLES_BY_ORGANISATION_TYPE, type OrganisationType, type Role } from '../src/domain/organisations/model.ts';
import { ATW_CALENDAR, addPeriod, computeDue, type DueDate, type IsoDate, type PeriodUnit } from '../src/domain/calendar/index.ts';
import { DEADLINE_RULES, DEFAULT_DEADLINE_SETTINGS, type DeadlineRuleId, type Phase } from '../src/domain/trajectories/index.ts';

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

// ─── Omslagroute volume for the worklist benchmark, bulk-inserted ────────────

/** The worklist benchmark's fixed reference date (a Monday): data and requests use it, never the wall clock. */
export const WORKLIST_AS_OF: IsoDate = '2026-03-02';
/** Password of the two benchmark accounts (they log in over HTTP like anyone else). */
export const BENCH_PASSWORD = 'thuisroute-bench-werklijst';
export const BENCH_WORKER_EMAIL = 'werklijst.begeleider@thuisroute-bench.example';
export const BENCH_MANAGER_EMAIL = 'werklijst.teammanager@thuisroute-bench.example';

export interface WorklistDataOptions {
  seed?: number;
  /** Reference date: "open", "overdue" and "due soon" are relative to it. */
  asOf: IsoDate;
  /** asOf + 10 working days, computed by the caller with the calendar the route uses. */
  horizon: IsoDate;
  /** Clients, each with one trajectory (default 50 000). */
  clients: number;
  /** Care workers spread over the care providers (default 2 000); each is personal supervisor of ~clients/careWorkers trajectories. */
  careWorkers: number;
  /** Open deadlines (kind 'deadline', not met, not closed) over all synthetic trajectories (default 200 000). */
  openDeadlines: number;
  /** All deadline rows of the synthetic trajectories, open or not (default 600 000). */
  totalDeadlines: number;
  /** Care provider whose team manager's organisation worklist is measured. */
  focusOrganisationCode: string;
  /** Share of the clients at the focus organisation (default 0.11 → ≈ 20 000 open deadlines there). */
  focusShare: number;
  /** The benchmark care worker (at the focus organisation) and a large personal worklist. */
  benchWorker: { email: string; name: string; passwordHash: string; trajectories: number; open: number; overdue: number; dueSoon: number; notOpen: number };
  /** The team manager of the focus organisation. */
  teamManager: { email: string; name: string; passwordHash: string };
  /** Rows per INSERT (default 5000). */
  batchSize?: number;
  /** Fixed timestamp for created_at/updated_at (deterministic; default 2025-01-01). */
  createdAt?: Date;
  onProgress?: (what: string, done: number, total: number) => void;
}

export interface WorklistDataResult {
  benchWorkerId: string;
  teamManagerId: string;
  focusOrganisationId: string;
  rows: { users: number; memberships: number; clients: number; trajectories: number; teamRows: number; deadlines: number };
  /** Rows per second over the whole generation (all tables). */
  rowsPerSec: number;
  ms: number;
}

type RuleShape = { amount: number; unit: PeriodUnit };
const DAY = 86_400_000;
const epoch = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;
const fromEpoch = (n: number): IsoDate => new Date(n * DAY).toISOString().slice(0, 10);
const shiftDays = (d: IsoDate, n: number): IsoDate => fromEpoch(epoch(d) + n);

/** Approximate calendar length of a rule's period, in days (to place a start date so the due date lands in a window). */
function periodDays(shape: RuleShape): number {
  switch (shape.unit) {
    case 'working_days': return Math.ceil(shape.amount * 1.4);
    case 'days': return shape.amount;
    case 'weeks': return shape.amount * 7;
    case 'months': return Math.round(shape.amount * 30.44);
    case 'years': return shape.amount * 365;
  }
}

/** Weights of the rules for open and for met/closed rows (D-09 — an 'earliest' date, never open work — is handled apart). */
const OPEN_RULE_WEIGHTS: ReadonlyArray<[DeadlineRuleId | 'EVAL', number]> = [
  ['D-02', 3], ['D-03', 2], ['D-04', 1], ['D-05', 4], ['D-06', 6], ['D-07', 5], ['D-08', 6], ['EVAL', 28],
  ['D-12', 10], ['D-13', 3], ['D-14', 5], ['D-15', 15], ['D-16', 4],
];
const CLOSED_RULE_WEIGHTS: ReadonlyArray<[DeadlineRuleId | 'EVAL', number]> = [
  ['D-02', 10], ['D-03', 6], ['D-04', 4], ['D-05', 10], ['D-06', 5], ['D-07', 5], ['D-08', 5], ['EVAL', 22],
  ['D-12', 10], ['D-13', 6], ['D-14', 5], ['D-15', 10], ['D-16', 2],
];
const OPEN_RULES = OPEN_RULE_WEIGHTS.map(([r]) => r);
const OPEN_WEIGHTS = OPEN_RULE_WEIGHTS.map(([, w]) => w);
const CLOSED_RULES = CLOSED_RULE_WEIGHTS.map(([r]) => r);
const CLOSED_WEIGHTS = CLOSED_RULE_WEIGHTS.map(([, w]) => w);
/** Keys with a running number or an event id may repeat per trajectory; the others exist once. */
const SINGLE_KEY_RULES = new Set<string>(['D-06', 'D-07', 'D-08', 'D-09', 'D-13', 'D-14', 'D-16']);

const PHASE_WEIGHTS: ReadonlyArray<[Phase, number]> = [
  ['P0_consent', 2], ['P1_referral', 6], ['P2_urgency', 9], ['P3_matching', 8], ['P4_key_handover', 4], ['P5_introduction', 6],
  ['P6_support_plan', 7], ['P7_living', 38], ['P8_transfer', 10], ['P9_aftercare', 10],
];
const PHASES = PHASE_WEIGHTS.map(([p]) => p);
const PHASE_W = PHASE_WEIGHTS.map(([, w]) => w);
const TARGET_GROUPS = ['omslag_mobw_adult', 'omslag_mobw_young_adult', 'omslag_ggz', 'omslag_family'] as const;
const STREETS = ['Lindelaan', 'Havenstraat', 'Kerkweg', 'Molenpad', 'Dijkstraat', 'Brugstraat', 'Parkweg', 'Veenkade', 'Schoolstraat', 'Polderweg', 'Stationsplein', 'Zuidsingel'];
const PAUSE_REASONS = ['Cliënt opgenomen in kliniek', 'Wachten op beschikking', 'Time-out afgesproken met corporatie'];
const DEVIATION_REASONS = ['Maatwerk: kennismaking op verzoek cliënt later', 'Afwijking vastgelegd (R-OR-05): cliënt in behandeling'];

interface Assign { organisationId: string | null; userId: string | null }
interface TrajectoryGen {
  id: string;
  providerId: string;
  corporationId: string | null;
  corporationContactId: string | null;
  supervisorId: string;
  evalRule: 'D-10' | 'D-11';
  active: boolean;
}

/** A trajectory's deadline row (case_kind is the column default, 'trajectory'; case_id is the trajectory). */
type DeadlineRow = [
  case_id: string, key: string, rule_id: string, nature: string, kind: string, actor_kinds: string, organisation_id: string | null,
  assignee_user_id: string | null, start_date: IsoDate, due_date: IsoDate | null, original_due_date: IsoDate, warn_on: IsoDate | null,
  met_on: IsoDate | null, closed_as: string | null, paused: boolean, computed: string, history: string, note: string | null,
];

const DEADLINE_COLUMNS: ReadonlyArray<[string, string, string?]> = [
  ['case_id', 'uuid'], ['key', 'text'], ['rule_id', 'text'], ['nature', 'text'], ['kind', 'text'], ['actor_kinds', 'text', 'text[]'],
  ['organisation_id', 'uuid'], ['assignee_user_id', 'uuid'], ['start_date', 'date'], ['due_date', 'date'], ['original_due_date', 'date'],
  ['warn_on', 'date'], ['met_on', 'date'], ['closed_as', 'text'], ['paused', 'boolean'], ['computed', 'text', 'jsonb'], ['history', 'text', 'jsonb'], ['note', 'text'],
];

/**
 * One multi-row INSERT … SELECT FROM unnest($1::type[], …): one parameter per column, whatever
 * the number of rows, so a batch of thousands of rows is one short statement on PostgreSQL and PGlite.
 * columns: [name, array element type, optional cast in the select list (e.g. text → jsonb)].
 */
export async function insertUnnest(db: Kysely<Database>, table: string, columns: ReadonlyArray<readonly [string, string, string?]>, rows: ReadonlyArray<ReadonlyArray<unknown>>) {
  if (rows.length === 0) return;
  const params = columns.map(([, type], i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(type)}[]`);
  const names = columns.map(([name]) => name);
  const select = columns.map(([name, , cast]) => (cast ? `u.${name}::${cast}` : `u.${name}`)).join(', ');
  await sql`INSERT INTO ${sql.table(table)} (${sql.raw(names.join(', '))}) SELECT ${sql.raw(select)} FROM unnest(${sql.join(params)}) AS u(${sql.raw(names.join(', '))})`.execute(db);
}

/**
 * Runs `fn` with the foreign keys of `tables` dropped, then adds them back exactly as they were
 * (pg_get_constraintdef), which validates every row in one pass per constraint. A bulk load is
 * ~3× faster without the per-row RI triggers; the schema afterwards is identical.
 */
export async function withoutForeignKeys<T>(db: Kysely<Database>, tables: string[], fn: () => Promise<T>): Promise<T> {
  const { rows: fks } = await sql<{ tbl: string; name: string; def: string }>`
    SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(${tables}::text[]::regclass[]) ORDER BY conrelid::regclass::text, conname`.execute(db);
  for (const fk of fks) await sql`ALTER TABLE ${sql.table(fk.tbl)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(db);
  try {
    return await fn();
  } finally {
    for (const fk of fks) await sql`ALTER TABLE ${sql.table(fk.tbl)} ADD CONSTRAINT ${sql.ref(fk.name)} ${sql.raw(fk.def)}`.execute(db);
  }
}

/**
 * Inserts the worklist benchmark's volume, straight into the tables with SQL (the API would take
 * hours), shaped like what `refreshCaches` writes: clients with one trajectory each spread over the
 * demo care providers (the focus organisation gets `focusShare` of them), case teams (personal
 * supervisor, sometimes a colleague, the corporation contact), care workers / corporation contacts /
 * team managers with memberships, and deadline rows with real rule IDs (D-02 … D-16, evaluations as
 * D-10/D-11 `EVAL#k`), keys as the domain builds them, due dates from the domain's `computeDue`
 * (Atw adjustments included, memoised) and the actor/assignee assignment of `refreshCaches`.
 *
 * Open rows: 15 % overdue (overdue by 1 day … 2 years, most recent), 1 % paused (no due date), the
 * rest due from asOf onwards as their rule's period allows. Other rows: met (on time or late),
 * cancelled, waived, and D-09 'earliest' rows. Closed trajectories (20 %) have no open rows.
 * Plus the benchmark care worker's own trajectories with exactly `open` open deadlines
 * (`overdue` overdue, `dueSoon` due within [asOf, horizon], the rest after the horizon) and
 * `notOpen` other rows, and the focus organisation's team manager.
 */
export async function insertWorklistData(db: Kysely<Database>, opts: WorklistDataOptions): Promise<WorklistDataResult> {
  const started = performance.now();
  const result = await withoutForeignKeys(db, ['memberships', 'clients', 'trajectories', 'trajectory_team', 'deadlines'], () => generate(db, opts));
  const ms = performance.now() - started;
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  return { ...result, rowsPerSec: Math.round((total / ms) * 1000), ms };
}

async function generate(db: Kysely<Database>, opts: WorklistDataOptions): Promise<Omit<WorklistDataResult, 'rowsPerSec' | 'ms'>> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const batchSize = opts.batchSize ?? 5000;
  const createdAt = opts.createdAt ?? new Date('2025-01-01T08:00:00Z');
  const startsOn = createdAt.toISOString().slice(0, 10);
  const asOf = opts.asOf;
  const asOfDay = epoch(asOf);
  const rng = mulberry32(seed ^ 0x2c1b3c6d);

  const orgs = await db.selectFrom('organisations').select(['id', 'type', 'code']).where('active', '=', true).orderBy('code').execute();
  const providers = orgs.filter((o) => o.type === 'care_provider');
  const corporations = orgs.filter((o) => o.type === 'housing_corporation');
  const focus = providers.find((o) => o.code === opts.focusOrganisationCode);
  if (!focus || corporations.length === 0) throw new Error(`worklist data: needs the demo care providers (incl. ${opts.focusOrganisationCode}) and corporations`);
  // Shares: the focus organisation gets focusShare, the others split the rest unevenly.
  const others = providers.filter((p) => p !== focus);
  const raw = others.map(() => 0.5 + rng.next());
  const rawSum = raw.reduce((a, b) => a + b, 0);
  const shares = new Map<string, number>([[focus.id, opts.focusShare], ...others.map((p, i): [string, number] => [p.id, ((1 - opts.focusShare) * raw[i]!) / rawSum])]);
  const providerIds = providers.map((p) => p.id);
  const providerWeights = providerIds.map((id) => shares.get(id)!);

  const counts = { users: 0, memberships: 0, clients: 0, trajectories: 0, teamRows: 0, deadlines: 0 };
  const ts = createdAt.toISOString();

  // ── Staff: care workers (per provider, by share), corporation contacts, team managers ──
  const CONTACTS_PER_CORPORATION = 20;
  const staffCount = opts.careWorkers + corporations.length * CONTACTS_PER_CORPORATION + providers.length;
  const staff = people(staffCount, { seed: seed ^ 0x1f2e3d4c, domains: ['zorgmail.example', 'post.example'] });
  const workersByProvider = new Map<string, string[]>(providerIds.map((id) => [id, []]));
  const contactsByCorporation = new Map<string, string[]>(corporations.map((c) => [c.id, []]));
  const userRows: unknown[][] = [];
  const membershipRows: unknown[][] = [];
  const addUser = (id: string, email: string, name: string, hash: string | null, locale: string, orgId: string, role: Role) => {
    userRows.push([id, email, name, hash, locale, ts, ts]);
    membershipRows.push([syntheticUuid(rng), id, orgId, role, startsOn, ts, ts]);
  };
  // Largest-remainder split of the care workers over the providers.
  const quota = providerIds.map((id) => opts.careWorkers * shares.get(id)!);
  const workerCounts = quota.map(Math.floor);
  let left = opts.careWorkers - workerCounts.reduce((a, b) => a + b, 0);
  for (const i of quota.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i)) {
    if (left-- <= 0) break;
    workerCounts[i]!++;
  }
  let pi = 0;
  let ci = 0;
  let k = 0;
  for (const p of staff) {
    if (k < opts.careWorkers) {
      while (workersByProvider.get(providerIds[pi]!)!.length >= workerCounts[pi]!) pi++;
      const orgId = providerIds[pi]!;
      workersByProvider.get(orgId)!.push(p.id);
      addUser(p.id, p.email, p.fullName, null, p.locale, orgId, 'care_worker');
    } else if (k < opts.careWorkers + corporations.length * CONTACTS_PER_CORPORATION) {
      const corp = corporations[ci++ % corporations.length]!;
      contactsByCorporation.get(corp.id)!.push(p.id);
      addUser(p.id, p.email, p.fullName, null, p.locale, corp.id, 'corporation_contact');
    } else {
      addUser(p.id, p.email, p.fullName, null, p.locale, providerIds[k - opts.careWorkers - corporations.length * CONTACTS_PER_CORPORATION]!, 'team_manager');
    }
    k++;
  }
  const benchWorkerId = syntheticUuid(rng);
  const teamManagerId = syntheticUuid(rng);
  addUser(benchWorkerId, opts.benchWorker.email, opts.benchWorker.name, opts.benchWorker.passwordHash, 'nl', focus.id, 'care_worker');
  addUser(teamManagerId, opts.teamManager.email, opts.teamManager.name, opts.teamManager.passwordHash, 'nl', focus.id, 'team_manager');
  for (let i = 0; i < userRows.length; i += batchSize) {
    await insertUnnest(db, 'users', [['id', 'uuid'], ['email', 'text'], ['name', 'text'], ['password_hash', 'text'], ['locale', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], userRows.slice(i, i + batchSize));
  }
  for (let i = 0; i < membershipRows.length; i += batchSize) {
    await insertUnnest(db, 'memberships', [['id', 'uuid'], ['user_id', 'uuid'], ['organisation_id', 'uuid'], ['role', 'text'], ['starts_on', 'date'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], membershipRows.slice(i, i + batchSize));
  }
  counts.users = userRows.length;
  counts.memberships = membershipRows.length;
  opts.onProgress?.('users', counts.users, counts.users);

  // ── Clients, trajectories, case teams ──
  const trajectories: TrajectoryGen[] = [];
  let clientBatch: unknown[][] = [];
  let trajectoryBatch: unknown[][] = [];
  let teamBatch: unknown[][] = [];
  const flushCases = async () => {
    await insertUnnest(db, 'clients', [
      ['id', 'uuid'], ['care_provider_id', 'uuid'], ['first_name', 'text'], ['last_name', 'text'], ['birth_date', 'date'], ['phone', 'text'], ['email', 'text'],
      ['address', 'text'], ['woningnet_number', 'text'], ['woningnet_registered_on', 'date'], ['target_group', 'text'], ['multi_problem_family', 'boolean'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ], clientBatch);
    await insertUnnest(db, 'trajectories', [
      ['id', 'uuid'], ['client_id', 'uuid'], ['care_provider_id', 'uuid'], ['corporation_id', 'uuid'], ['corporation_contact_id', 'uuid'], ['target_group', 'text'],
      ['variant', 'text'], ['phase', 'text'], ['status', 'text'], ['exit', 'text'], ['started_on', 'date'], ['dwelling_address', 'text'], ['event_count', 'integer'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ], trajectoryBatch);
    await insertUnnest(db, 'trajectory_team', [
      ['id', 'uuid'], ['trajectory_id', 'uuid'], ['user_id', 'uuid'], ['organisation_id', 'uuid'], ['case_role', 'text'], ['added_by', 'uuid'], ['added_at', 'timestamptz'],
    ], teamBatch);
    counts.clients += clientBatch.length;
    counts.trajectories += trajectoryBatch.length;
    counts.teamRows += teamBatch.length;
    clientBatch = [];
    trajectoryBatch = [];
    teamBatch = [];
  };
  const addCase = (p: SyntheticPerson, providerId: string, supervisorId: string, forceActive: boolean): TrajectoryGen => {
    const active = forceActive || !rng.chance(0.2);
    const phase: Phase = active ? rng.weighted(PHASES, PHASE_W) : 'P9_aftercare';
    const phaseNo = Number(phase.slice(1, 2));
    const corp = phaseNo >= 3 || (phaseNo === 2 && rng.chance(0.5)) ? rng.pick(corporations).id : null;
    const contact = corp ? rng.pick(contactsByCorporation.get(corp)!) : null;
    const targetGroup = rng.pick(TARGET_GROUPS);
    const mpf = targetGroup === 'omslag_family' && rng.chance(0.6);
    const youngAdult = targetGroup === 'omslag_mobw_young_adult';
    const startedDaysAgo = 20 + phaseNo * 120 + rng.int(240);
    const clientId = syntheticUuid(rng);
    const id = syntheticUuid(rng);
    const lastName = [p.surnamePrefix, p.surname].filter(Boolean).join(' ');
    clientBatch.push([
      clientId, providerId, p.firstName, lastName, p.birthDate, `06 ${String(rng.int(1e8)).padStart(8, '0')}`, rng.chance(0.3) ? p.email : null,
      phaseNo >= 4 ? `${rng.pick(STREETS)} ${1 + rng.int(180)}, Veenhaven` : 'Opvang De Haven, Veenhaven', `WN-${p.birthDate.replaceAll('-', '')}-${p.index}`,
      shiftDays(asOf, -(startedDaysAgo + 200 + rng.int(1500))), targetGroup, mpf, ts, ts,
    ]);
    trajectoryBatch.push([
      id, clientId, providerId, corp, contact, targetGroup, rng.chance(0.85) ? 'regular' : rng.pick(['new_chance', 'umo_ujo_panel', 'lasting_intermediate_lease', 'other_route']),
      phase, active ? 'active' : 'closed', active ? null : rng.pick(['transferred', 'transferred', 'dropped_out', 'moved_elsewhere']), shiftDays(asOf, -startedDaysAgo),
      phaseNo >= 4 ? `${rng.pick(STREETS)} ${1 + rng.int(180)}, Veenhaven` : null, 4 + phaseNo * 3 + rng.int(6), ts, ts,
    ]);
    teamBatch.push([syntheticUuid(rng), id, supervisorId, providerId, 'personal_supervisor', supervisorId, ts]);
    const colleagues = workersByProvider.get(providerId)!;
    if (rng.chance(0.3) && colleagues.length > 1) {
      let c = rng.pick(colleagues);
      if (c === supervisorId) c = colleagues[(colleagues.indexOf(c) + 1) % colleagues.length]!;
      teamBatch.push([syntheticUuid(rng), id, c, providerId, 'colleague', supervisorId, ts]);
    }
    if (corp && contact) teamBatch.push([syntheticUuid(rng), id, contact, corp, 'corporation_contact', supervisorId, ts]);
    return { id, providerId, corporationId: corp, corporationContactId: contact, supervisorId, evalRule: youngAdult || mpf ? 'D-11' : 'D-10', active };
  };
  for (const p of people(opts.clients, { seed: seed ^ 0x51ed270b, referenceDate: asOf, minAge: 18, maxAge: 75 })) {
    const providerId = rng.weighted(providerIds, providerWeights);
    trajectories.push(addCase(p, providerId, rng.pick(workersByProvider.get(providerId)!), false));
    if (clientBatch.length >= batchSize) {
      await flushCases();
      opts.onProgress?.('clients', counts.clients, opts.clients);
    }
  }
  const benchTrajectories: TrajectoryGen[] = [];
  for (const p of people(opts.benchWorker.trajectories, { seed: seed ^ 0x7a3d9e01, referenceDate: asOf, minAge: 18, maxAge: 75 })) {
    benchTrajectories.push(addCase(p, focus.id, benchWorkerId, true));
  }
  await flushCases();
  opts.onProgress?.('clients', counts.clients, opts.clients + opts.benchWorker.trajectories);

  // ── Deadlines ──
  const dueMemo = new Map<string, { due: IsoDate; json: string }>();
  const due = (ruleId: DeadlineRuleId, start: IsoDate, shape: RuleShape) => {
    const key = `${ruleId}|${start}|${shape.amount}|${shape.unit}`;
    let hit = dueMemo.get(key);
    if (!hit) {
      const d: DueDate = ruleId === 'D-15'
        ? { ruleId, start, amount: 0, unit: 'days', unadjustedDue: addPeriod(start, 1, 'years'), due: addPeriod(start, 1, 'years'), adjustments: [] }
        : computeDue(ATW_CALENDAR, { start, amount: shape.amount, unit: shape.unit, ruleId });
      hit = { due: d.due, json: JSON.stringify(d) };
      dueMemo.set(key, hit);
    }
    return hit;
  };
  const rows: DeadlineRow[] = [];
  const flushDeadlines = async (force: boolean) => {
    while (rows.length >= batchSize || (force && rows.length > 0)) {
      const batch = rows.splice(0, batchSize);
      await insertUnnest(db, 'deadlines', DEADLINE_COLUMNS, batch);
      counts.deadlines += batch.length;
      if (counts.deadlines % 50_000 < batchSize) opts.onProgress?.('deadlines', counts.deadlines, opts.totalDeadlines);
    }
  };

  type Category = 'open' | 'overdue' | 'paused' | 'due_soon' | 'later' | 'met' | 'cancelled' | 'waived';
  /** Builds the rows of one trajectory: `categories` in order; keys as deriveDeadlines makes them. */
  const trajectoryDeadlines = (t: TrajectoryGen, categories: Category[]) => {
    const used = new Set<string>();
    const counters = { EVAL: 0, 'D-12': 0, 'D-15': 0 } as Record<string, number>;
    for (const category of categories) {
      const isOpen = category !== 'met' && category !== 'cancelled' && category !== 'waived';
      // D-09 (earliest transfer date): one per trajectory with a lease, never open work.
      if (!isOpen && !used.has('D-09') && rng.chance(0.05)) {
        used.add('D-09');
        const start = shiftDays(asOf, -rng.int(730));
        const d = due('D-09', start, DEADLINE_RULES['D-09']);
        rows.push([t.id, 'D-09', 'D-09', 'MUST', 'earliest', '{care_provider}', t.providerId, t.supervisorId, start, d.due, d.due, null, null, null, false, d.json, '[]', null]);
        continue;
      }
      let pick: DeadlineRuleId | 'EVAL' = isOpen ? rng.weighted(OPEN_RULES, OPEN_WEIGHTS) : rng.weighted(CLOSED_RULES, CLOSED_WEIGHTS);
      if (t.supervisorId === benchWorkerId && (pick === 'D-13' || pick === 'D-14')) pick = 'EVAL'; // the bench worker's rows are all his
      if ((pick === 'D-14' && !t.corporationId) || (SINGLE_KEY_RULES.has(pick) && used.has(pick))) pick = 'EVAL';
      const ruleId: DeadlineRuleId = pick === 'EVAL' ? t.evalRule : pick;
      const rule = DEADLINE_RULES[ruleId];
      let shape: RuleShape = { amount: rule.amount, unit: rule.unit };
      let note: string | null = null;
      if (pick === 'EVAL' && ruleId === 'D-10' && rng.chance(0.1)) {
        shape = { amount: 6, unit: 'months' };
        note = 'agreed_interval_6';
      }
      if (ruleId === 'D-16') shape = { amount: DEFAULT_DEADLINE_SETTINGS.d16DefaultMonths, unit: 'months' };
      const len = periodDays(shape);
      // Start date by category (a start is an event that has happened: never after asOf).
      let start: IsoDate;
      if (category === 'open') start = shiftDays(asOf, -rng.int(len + 1));
      else if (category === 'overdue') start = shiftDays(asOf, -(len + 1 + Math.floor(730 * rng.next() ** 3)));
      else if (category === 'paused') start = shiftDays(asOf, -rng.int(200));
      else start = shiftDays(asOf, -(1 + rng.int(730)));
      let d = due(ruleId, start, shape);
      if (category === 'overdue' || category === 'due_soon' || category === 'later') {
        // The benchmark worker's rows: place the due date in the category's window.
        const [lo, hi] = category === 'overdue' ? [asOfDay - 120, asOfDay - 1] : category === 'due_soon' ? [asOfDay, epoch(opts.horizon)] : [epoch(opts.horizon) + 1, asOfDay + 365];
        if (t.supervisorId === benchWorkerId) {
          for (let tries = 0; tries < 40 && !(epoch(d.due) >= lo && epoch(d.due) <= hi); tries++) {
            const target = lo + rng.int(Math.max(1, Math.min(hi, asOfDay + len) - lo + 1));
            start = fromEpoch(Math.min(asOfDay, target - len));
            d = due(ruleId, start, shape);
          }
          if (!(epoch(d.due) >= lo && epoch(d.due) <= hi)) {
            // A rule too short for the window (e.g. 1 working day, due in 6 months): fall back to a yearly renewal.
            const target = lo + rng.int(hi - lo + 1);
            start = addPeriod(fromEpoch(target), -1, 'years');
            d = due('D-15', start, DEADLINE_RULES['D-15']);
            rows.push([t.id, `D-15#${50 + ++counters['D-15']!}`, 'D-15', 'MUST', 'deadline', '{care_provider}', t.providerId, t.supervisorId, start, d.due, d.due, null, null, null, false, d.json, '[]', null]);
            continue;
          }
        }
      }
      let key: string;
      if (pick === 'EVAL') key = `EVAL#${++counters.EVAL!}`;
      else if (ruleId === 'D-12' || ruleId === 'D-15') key = `${ruleId}#${++counters[ruleId]!}`;
      else if (SINGLE_KEY_RULES.has(ruleId)) key = ruleId;
      else key = `${ruleId}#${syntheticUuid(rng)}`; // D-02 … D-05: per offer event
      used.add(pick);
      const assign: Assign = rule.actors.includes('care_provider')
        ? { organisationId: t.providerId, userId: t.supervisorId }
        : rule.actors.includes('corporation') ? { organisationId: t.corporationId, userId: t.corporationContactId } : { organisationId: null, userId: null };
      const warnOn = ruleId === 'D-14' ? addPeriod(start, DEFAULT_DEADLINE_SETTINGS.d14WarnWeeks, 'weeks') : null;
      let metOn: IsoDate | null = null;
      let closedAs: string | null = null;
      let dueDate: IsoDate | null = d.due;
      let history = '[]';
      if (category === 'met') {
        const span = Math.max(0, epoch(d.due) - epoch(start));
        const m = rng.chance(0.85) ? epoch(start) + rng.int(span + 1) : epoch(d.due) + 1 + rng.int(45);
        metOn = fromEpoch(Math.min(m, asOfDay));
      } else if (category === 'cancelled') {
        closedAs = 'cancelled';
        if (ruleId === 'D-04') note = 'accepted';
      } else if (category === 'waived') {
        closedAs = 'waived';
        note = rng.pick(DEVIATION_REASONS);
      } else if (category === 'paused') {
        const from = shiftDays(start, rng.int(Math.max(1, asOfDay - epoch(start))));
        dueDate = null;
        history = JSON.stringify([{ adjustment: { kind: 'pause', from, until: null, reason: rng.pick(PAUSE_REASONS), by: t.supervisorId }, dueBefore: d.due, dueAfter: null }]);
      }
      if (ruleId === 'D-06' && note === null && rng.chance(0.2)) note = 'fallback_key_handover';
      rows.push([
        t.id, key, ruleId, rule.nature, rule.kind, `{${rule.actors.join(',')}}`, assign.organisationId, assign.userId, start, dueDate, d.due, warnOn,
        metOn, closedAs, category === 'paused', d.json, history, note,
      ]);
    }
  };

  // Spread the open rows over the active trajectories and the other rows over all of them.
  const open = new Uint16Array(trajectories.length);
  const other = new Uint16Array(trajectories.length);
  const activeIdx = trajectories.flatMap((t, i) => (t.active ? [i] : []));
  for (let i = 0; i < opts.openDeadlines; i++) open[activeIdx[rng.int(activeIdx.length)]!]!++;
  for (let i = 0; i < opts.totalDeadlines - opts.openDeadlines; i++) other[rng.int(trajectories.length)]!++;
  for (let i = 0; i < trajectories.length; i++) {
    const cats: Category[] = [];
    for (let j = 0; j < open[i]!; j++) {
      const u = rng.next();
      cats.push(u < 0.15 ? 'overdue' : u < 0.16 ? 'paused' : 'open');
    }
    for (let j = 0; j < other[i]!; j++) {
      const u = rng.next();
      cats.push(u < 0.8 ? 'met' : u < 0.97 ? 'cancelled' : 'waived');
    }
    trajectoryDeadlines(trajectories[i]!, cats);
    await flushDeadlines(false);
  }
  // The benchmark worker: exactly `open` open rows (overdue / due soon / later), round-robin over the trajectories.
  const bw = opts.benchWorker;
  const perTrajectory: Category[][] = benchTrajectories.map(() => []);
  for (let j = 0; j < bw.open; j++) perTrajectory[j % benchTrajectories.length]!.push(j < bw.overdue ? 'overdue' : j < bw.overdue + bw.dueSoon ? 'due_soon' : 'later');
  for (let j = 0; j < bw.notOpen; j++) perTrajectory[j % benchTrajectories.length]!.push(rng.chance(0.85) ? 'met' : 'cancelled');
  benchTrajectories.forEach((t, i) => trajectoryDeadlines(t, perTrajectory[i]!));
  await flushDeadlines(true);
  opts.onProgress?.('deadlines', counts.deadlines, counts.deadlines);

  return { benchWorkerId, teamManagerId, focusOrganisationId: focus.id, rows: counts };
}
