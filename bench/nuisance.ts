/**
 * Nuisance benchmark (suite "nuisance" of `npm run bench`, opt-in): the two read paths of the nuisance
 * protocol (issue 11) with 100 000 nuisance cases in the database, each against a bare Fastify route
 * running the same SQL in the same run. See bench/README.md § Nuisance benchmark.
 *
 * Per database: a fresh database with the demo region, plus (generateNuisanceData) six more
 * municipalities, each with its nuisance hub and seven districts; 100 000 cases over two years, spread
 * over the municipalities (Veenhaven, the demo hub's municipality, gets 15 %), the demo care providers
 * (ZA-HORIZON 11 % of the supported cases) and corporations; ≈ 1.5 reports per case; every case's
 * `state` derived by the domain's deriveNuisanceState from a small event list (report_linked per report
 * plus the protocol steps its status needs). Targets, each under a closed loop at
 * BENCH_NUISANCE_CONNECTIONS (default 50) and the real ones paced at BENCH_NUISANCE_PACED req/s (20):
 *   (a)  floor-hub        bare Fastify: hubOverview() + the route's situations and New Chance queries
 *   (b)  real-hub         GET /api/v1/nuisance/hub/overview as mzwo@ (MZWO-VEENHAVEN)
 *   (c)  floor-incoming   bare Fastify: the incoming-reports query + loadCalendar, raw rows
 *   (d)  real-incoming    GET /api/v1/nuisance/reports/incoming as begeleider@ acting for ZA-HORIZON
 * Goals (issue 11): real ÷ floor throughput ≥ 0.5× at 50 connections; real p99 ≤ 50 ms paced at 20 req/s.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { CompiledQuery, sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Db } from '../src/platform/db/database.ts';
import { createServer, type Server } from '../src/app/server.ts';
import { systemClock, todayIn } from '../src/platform/clock.ts';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../src/app/seed/demo.ts';
import { resolveSession } from '../src/platform/auth/sessions.ts';
import { verifyAuditChain } from '../src/modules/audit/verify.ts';
import { sealAudit } from '../src/platform/audit/sealer.ts';
import { loadCalendar } from '../src/modules/calendar/repository.ts';
import { hubOverview } from '../src/modules/nuisance/hub-routes.ts';
import { addPeriod } from '../src/domain/calendar/index.ts';
import { deriveNuisanceState } from '../src/domain/nuisance/protocol.ts';
import { deriveReportDeadlines } from '../src/domain/nuisance/deadlines.ts';
import { NUISANCE_TYPES, type Channel, type EscalationAction, type NuisanceEventInput, type NuisanceStatus, type NuisanceState, type ReportFacts } from '../src/domain/nuisance/model.ts';
import {
  count, databaseSize, databaseVersion, drain, envNumber, loadAverage, log, login, machineInfo, onCleanup, originOf, prepareDatabase, round, table, trackInFlight,
  type DbKind, type LoadGenerator,
} from './common.ts';
import type { LoadJob, LoadResult } from './loadgen.ts';
import { insertUnnest, mulberry32, syntheticUuid, withoutForeignKeys, type Rng } from './synthetic.ts';

export type NuisanceTargetName = 'floor-hub' | 'real-hub' | 'floor-incoming' | 'real-incoming';

export const NUISANCE_TARGETS: Record<NuisanceTargetName, { label: string; describe: string }> = {
  'floor-hub': { label: '(a) floor hub overview', describe: 'bare Fastify: hubOverview() + the situations and New Chance queries of the route, for MZWO-VEENHAVEN' },
  'real-hub': { label: '(b) real hub overview', describe: 'GET /api/v1/nuisance/hub/overview as mzwo@ (session, policy, the three queries, audit)' },
  'floor-incoming': { label: '(c) floor incoming', describe: 'bare Fastify: the incoming-reports query (30 days, limit 100) + loadCalendar, raw rows, for ZA-HORIZON' },
  'real-incoming': { label: '(d) real incoming', describe: 'GET /api/v1/nuisance/reports/incoming as begeleider@ acting for ZA-HORIZON (session, query, calendar, decide + deadlines per row, audit)' },
};

const HUB_OFFICER = `mzwo@${DEMO_DOMAIN}`;
const CARE_WORKER = `begeleider@${DEMO_DOMAIN}`;
const NONE = '00000000-0000-0000-0000-000000000000';

// ─── Settings ────────────────────────────────────────────────────────────────

export interface NuisanceBenchSettings {
  durationS: number;
  warmupS: number;
  connections: number;
  pacedRate: number;
  pacedGroups: number;
  seed: number;
  cases: number;
  /** Municipalities in all (the demo's Veenhaven + synthetic ones), each with a hub and `districts` districts. */
  municipalities: number;
  districts: number;
  focusMunicipalityShare: number;
  hubInvolvedShare: number;
  supportShare: number;
  focusCareProviderCode: string;
  focusCareProviderShare: number;
  incomingDays: number;
  incomingLimit: number;
  goalThroughputRatio: number;
  goalP99Ms: number;
  extraSql: string | null;
  label: string | null;
}

export function nuisanceSettings(base: { durationS: number; warmupS: number; seed: number; extraSql: string | null; label: string | null }): NuisanceBenchSettings {
  return {
    durationS: base.durationS,
    warmupS: base.warmupS,
    connections: Math.floor(envNumber('BENCH_NUISANCE_CONNECTIONS', 50, 1)),
    pacedRate: Math.floor(envNumber('BENCH_NUISANCE_PACED', 20, 0)),
    pacedGroups: 20,
    seed: base.seed,
    cases: Math.floor(envNumber('BENCH_NUISANCE_CASES', 100_000, 100)),
    municipalities: 7,
    districts: 7,
    focusMunicipalityShare: 0.15,
    hubInvolvedShare: 0.3,
    supportShare: 0.6,
    focusCareProviderCode: 'ZA-HORIZON',
    focusCareProviderShare: 0.11,
    incomingDays: 30,
    incomingLimit: 100,
    goalThroughputRatio: 0.5,
    goalP99Ms: 50,
    extraSql: base.extraSql,
    label: base.label,
  };
}

// ─── The queries of the two routes (same SQL as src/modules/nuisance) ───────

/** The situations query of GET /nuisance/hub/overview (hub-routes.ts), verbatim. */
export function hubSituations(db: Db, hubIds: string[], today: string) {
  const since = addPeriod(today, -12, 'months');
  return db.selectFrom('nuisance_reports as r').innerJoin('nuisance_cases as c', 'c.id', 'r.case_id')
    .select(['c.id as case_id', 'c.address', 'c.district_name', sql<number>`count(*)::int`.as('reports'), sql<number>`count(DISTINCT r.channel)::int`.as('channels'),
      sql<string[]>`array_agg(DISTINCT r.channel ORDER BY r.channel)`.as('channel_list')])
    .where('c.hub_involved', '=', true).where('c.hub_id', 'in', hubIds.length ? hubIds : [NONE]).where('c.closed_on', 'is', null).where('r.received_on', '>=', since)
    .groupBy(['c.id', 'c.address', 'c.district_name']).having(sql<boolean>`count(DISTINCT r.channel) > 1`)
    .orderBy(sql`count(*)`, 'desc').limit(50).execute();
}

/** The New Chance query of GET /nuisance/hub/overview, verbatim. */
export function hubNewChance(db: Db, hubIds: string[]) {
  return db.selectFrom('new_chance_cases').select(['step', sql<number>`count(*)::int`.as('n')])
    .where('hub_id', 'in', hubIds.length ? hubIds : [NONE]).where('ended_on', 'is', null).groupBy('step').execute();
}

/** The query of GET /nuisance/reports/incoming (routes.ts), verbatim. */
export function incomingRows(db: Db, scope: string[], since: Date, limit: number) {
  return db.selectFrom('nuisance_reports as r').innerJoin('nuisance_cases as c', 'c.id', 'r.case_id')
    .select(['r.id', 'r.channel', 'r.nuisance_type', 'r.description', 'r.occurred_at', 'r.received_at', 'r.received_on', 'r.reporter_name', 'r.reporter_phone', 'r.reporter_email', 'r.reporter_relation',
      'r.counts_against_resident', 'r.reported_by_organisation_id', 'c.id as case_id', 'c.address', 'c.status', 'c.state', 'c.care_provider_id', 'c.corporation_id', 'c.municipality_id', 'c.hub_id', 'c.hub_involved', 'c.has_support', 'c.high_risk'])
    .where('r.care_provider_id', 'in', scope.length ? scope : [NONE]).where('r.received_at', '>=', since)
    .orderBy('r.received_at', 'desc').limit(limit).execute();
}

// ─── Data ────────────────────────────────────────────────────────────────────

const DAY = 86_400_000;
const isoOf = (epochDay: number) => new Date(epochDay * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const DISTRICT_NAMES = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Haven', 'Polder', 'Kern', 'Buiten'];
const STREETS = ['Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Schoolstraat', 'Stationsweg', 'Julianastraat', 'Beatrixlaan', 'Kanaalweg', 'Lindelaan', 'Vaart'];
const OPEN_STATUSES: NuisanceStatus[] = ['received', 'corporation_informed', 'heard_and_judged', 'cat1_follow_up', 'action_3', 'action_4', 'action_5', 'action_6', 'alternative_accepted', 'court_requested'];
const OPEN_WEIGHTS = [14, 14, 14, 30, 10, 7, 4, 2, 2, 3];

interface GenOrgs {
  municipalities: Array<{ id: string; hubId: string; districts: Array<{ code: string; name: string }>; share: number }>;
  careProviders: string[];
  focusCareProviderId: string;
  corporations: string[];
}

async function setUpOrganisations(db: Db, s: NuisanceBenchSettings): Promise<GenOrgs> {
  const orgs = await db.selectFrom('organisations').select(['id', 'code', 'type', 'region_id']).execute();
  const byCode = (c: string) => orgs.find((o) => o.code === c) ?? (() => { throw new Error(`no organisation ${c}`); })();
  const veenhaven = byCode('GEM-VEENHAVEN');
  const now = new Date().toISOString();
  const municipalities: GenOrgs['municipalities'] = [{
    id: veenhaven.id, hubId: byCode('MZWO-VEENHAVEN').id, share: s.focusMunicipalityShare,
    districts: DISTRICT_NAMES.slice(0, s.districts).map((name, i) => ({ code: `WK9001${String(i).padStart(2, '0')}`, name })),
  }];
  const others = s.municipalities - 1;
  for (let m = 1; m <= others; m++) {
    const gm = 9100 + m;
    const [mun] = (await sql<{ id: string }>`INSERT INTO organisations (code, name, type, region_id, municipality_code, created_at, updated_at)
      VALUES (${`GEM-BENCH-${m}`}, ${`Gemeente Benchdorp ${m}`}, 'municipality', ${veenhaven.region_id}, ${`GM${gm}`}, ${now}, ${now}) RETURNING id`.execute(db)).rows;
    const [hub] = (await sql<{ id: string }>`INSERT INTO organisations (code, name, type, parent_id, region_id, created_at, updated_at)
      VALUES (${`MZWO-BENCH-${m}`}, ${`Meldpunt Zorg en Woonoverlast Benchdorp ${m}`}, 'nuisance_hub', ${mun!.id}, ${veenhaven.region_id}, ${now}, ${now}) RETURNING id`.execute(db)).rows;
    municipalities.push({
      id: mun!.id, hubId: hub!.id, share: (1 - s.focusMunicipalityShare) / others,
      districts: DISTRICT_NAMES.slice(0, s.districts).map((name, i) => ({ code: `WK${gm}${String(i).padStart(2, '0')}`, name })),
    });
  }
  const careProviders = orgs.filter((o) => o.type === 'care_provider').map((o) => o.id);
  return { municipalities, careProviders, focusCareProviderId: byCode(s.focusCareProviderCode).id, corporations: orgs.filter((o) => o.type === 'housing_corporation').map((o) => o.id) };
}

/** The events a case in `status` has seen (report_linked per report, then the protocol's steps), dated within [first report, end]. */
function eventsFor(rng: Rng, status: NuisanceStatus, reports: ReportFacts[], end: number, hubInvolved: boolean, hubLead: boolean): NuisanceEventInput[] {
  const ev: NuisanceEventInput[] = reports.map((r) => ({ type: 'report_linked', occurredOn: r.receivedOn, data: { report: r } }));
  const first = reports[0]!;
  const firstDay = dayOf(first.receivedOn);
  let d = firstDay;
  const step = () => isoOf((d = Math.min(end, d + 1 + rng.int(3))));
  if (status === 'received') return ev;
  for (const r of reports) if (r.channel !== 'C2') ev.push({ type: 'reporter_contacted', occurredOn: isoOf(Math.min(end, dayOf(r.receivedOn) + rng.int(2))), data: { reportId: r.id } });
  ev.push({ type: 'corporation_informed', occurredOn: step(), data: { approach: 'Gesprek met de bewoner gepland.' } });
  if (hubInvolved) ev.push({ type: 'hub_involved', occurredOn: step(), data: { situations: ['M2'] } });
  if (hubLead) ev.push({ type: 'hub_lead_taken', occurredOn: step(), data: {} });
  if (status === 'corporation_informed') return ev;
  ev.push({ type: 'hearing_held', occurredOn: step(), data: { reportId: first.id } });
  ev.push({ type: 'judged', occurredOn: step(), data: { reportId: first.id, behaviour: rng.chance(0.5) ? 'conscious' : 'unconscious', justifiedPerCareProvider: true, residentAgreesJustified: rng.chance(0.6) } });
  if (status === 'heard_and_judged') return ev;
  ev.push({ type: 'complainant_informed', occurredOn: step(), data: { reportId: first.id, togetherWithResident: true } });
  if (status === 'cat1_follow_up') return ev;
  if (status === 'closed') {
    ev.push({ type: 'closed', occurredOn: isoOf(end), data: { reason: 'De overlast is opgehouden.' } });
    return ev;
  }
  const action: EscalationAction = status === 'action_3' ? 3 : status === 'action_4' ? 4 : status === 'action_5' || status === 'alternative_accepted' ? 5 : 6;
  for (let a = 3; a <= action; a++) ev.push({ type: 'escalated', occurredOn: step(), data: { action: a as EscalationAction, reportId: null } });
  if (status === 'alternative_accepted') ev.push({ type: 'alternative_accepted', occurredOn: step(), data: { description: 'Een andere woonvorm aanvaard.' } });
  if (status === 'court_requested' || status === 'evicted') ev.push({ type: 'court_requested', occurredOn: step(), data: { ground: 'nuisance_file' } });
  if (status === 'evicted') ev.push({ type: 'court_judgment', occurredOn: isoOf(end), data: { evictionJustified: true } });
  return ev;
}

export interface NuisanceData { rows: { cases: number; reports: number; municipalities: number; hubs: number }; ms: number; focusHubId: string; focusCareProviderId: string }

/**
 * Bulk-inserts the cases and reports with SQL (INSERT … SELECT FROM unnest, 2 000 cases per statement,
 * foreign keys dropped and re-added validated), deterministic from the seed, dated relative to `today`.
 */
export async function generateNuisanceData(db: Db, s: NuisanceBenchSettings, today: string, onProgress?: (done: number) => void): Promise<NuisanceData> {
  const started = performance.now();
  const orgs = await setUpOrganisations(db, s);
  const rng = mulberry32(s.seed ^ 0x0b5e55ed);
  const todayDay = dayOf(today);
  const otherProviders = orgs.careProviders.filter((id) => id !== orgs.focusCareProviderId);
  const munWeights = orgs.municipalities.map((m) => m.share);
  const caseCols = [
    ['id', 'uuid'], ['municipality_id', 'uuid'], ['hub_id', 'uuid'], ['hub_involved', 'boolean'], ['hub_lead', 'boolean'], ['district_code', 'text'], ['district_name', 'text'],
    ['address_key', 'text'], ['address', 'text'], ['care_provider_id', 'uuid'], ['corporation_id', 'uuid'], ['has_support', 'boolean'], ['high_risk', 'boolean'], ['status', 'text'],
    ['state', 'text', 'jsonb'], ['opened_on', 'date'], ['closed_on', 'date'], ['version', 'int4'], ['event_count', 'int4'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ] as const;
  const reportCols = [
    ['id', 'uuid'], ['municipality_id', 'uuid'], ['case_id', 'uuid'], ['channel', 'text'], ['nuisance_type', 'text'], ['description', 'text'], ['occurred_at', 'text'],
    ['received_at', 'timestamptz'], ['received_on', 'date'], ['reporter_name', 'text'], ['reporter_phone', 'text'], ['reporter_email', 'text'], ['reporter_relation', 'text'],
    ['reporter_key', 'text'], ['counts_against_resident', 'boolean'], ['address_key', 'text'], ['reported_by_organisation_id', 'uuid'], ['created_at', 'timestamptz'], ['care_provider_id', 'uuid'],
  ] as const;
  let nCases = 0;
  let nReports = 0;
  await withoutForeignKeys(db, ['nuisance_cases', 'nuisance_reports'], async () => {
    const BATCH = 2000;
    for (let start = 0; start < s.cases; start += BATCH) {
      const cases: unknown[][] = [];
      const reports: unknown[][] = [];
      for (let i = start; i < Math.min(s.cases, start + BATCH); i++) {
        const mun = rng.weighted(orgs.municipalities, munWeights);
        const district = rng.pick(mun.districts);
        const age = rng.int(730);
        const openedDay = todayDay - age;
        // Older cases are mostly closed; recent ones mostly open.
        const pClosed = age > 180 ? 0.85 : age > 30 ? 0.45 : 0.08;
        const closed = rng.chance(pClosed);
        const hasSupport = rng.chance(s.supportShare);
        const careProvider = hasSupport ? (rng.chance(s.focusCareProviderShare) ? orgs.focusCareProviderId : rng.pick(otherProviders)) : null;
        const corporation = rng.chance(0.85) ? rng.pick(orgs.corporations) : null;
        const hubInvolved = rng.chance(s.hubInvolvedShare);
        const hubLead = hubInvolved && rng.chance(0.25);
        let status: NuisanceStatus = closed ? (rng.chance(0.03) ? 'evicted' : 'closed') : rng.weighted(OPEN_STATUSES, OPEN_WEIGHTS);
        if (!closed && age < 3 && status !== 'received') status = rng.chance(0.5) ? 'received' : 'corporation_informed';
        const endDay = closed ? Math.min(todayDay, openedDay + 14 + rng.int(Math.max(1, Math.min(age, 300)))) : todayDay;
        const caseId = syntheticUuid(rng);
        const k = rng.chance(0.6) ? 1 : rng.chance(0.75) ? 2 : 3;
        const pc = `${1000 + (i % 8999)}${String.fromCharCode(65 + (Math.floor(i / 8999) % 26))}${String.fromCharCode(65 + Math.floor(i / (8999 * 26)))}`;
        const nr = 1 + rng.int(150);
        const addressKey = `${pc}-${nr}`;
        const address = `${rng.pick(STREETS)} ${nr}, ${pc}`;
        const facts: ReportFacts[] = [];
        const reportDays = [openedDay, ...Array.from({ length: k - 1 }, () => openedDay + rng.int(Math.max(1, Math.min(endDay - openedDay, 180)) + 1))].sort((a, b) => a - b);
        for (const [j, day] of reportDays.entries()) {
          const channel: Channel = hasSupport ? rng.weighted(['C1', 'C2', 'C3', 'C4', 'C5'] as const, [35, 25, 20, hubInvolved ? 15 : 5, 5]) : rng.weighted(['C2', 'C3', 'C4'] as const, [40, 20, 40]);
          const reportId = syntheticUuid(rng);
          const receivedOn = isoOf(day);
          const minute = 7 * 60 + rng.int(12 * 60);
          const receivedAt = new Date(day * DAY + minute * 60_000).toISOString();
          const reporter = `melder-${i}-${j % 2}`;
          const key = crypto.createHash('sha256').update(`${mun.id}:${reporter}`).digest('hex').slice(0, 24);
          const type = rng.pick(NUISANCE_TYPES);
          const occurredAt = rng.chance(0.5) ? `${isoOf(day - 1)}T${String(20 + rng.int(4)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}` : null;
          facts.push({ id: reportId, channel, nuisanceType: type, occurredAt, receivedOn, reporterKey: key, countsAgainstResident: channel !== 'C5' });
          const orgOfReport = channel === 'C4' ? mun.hubId : channel === 'C2' ? corporation : careProvider ?? corporation;
          reports.push([
            reportId, mun.id, caseId, channel, type, 'Overlast gemeld: geluid en onrust in en rond de woning, al enkele avonden.', occurredAt,
            receivedAt, receivedOn, `Melder ${i}`, rng.chance(0.6) ? `06${String(10_000_000 + rng.int(89_999_999))}` : null, null, channel === 'C2' ? 'corporation' : channel === 'C3' ? 'police' : channel === 'C5' ? 'resident' : 'neighbour',
            key, channel !== 'C5', addressKey, orgOfReport, receivedAt, careProvider,
          ]);
        }
        const events = eventsFor(rng, status, facts, endDay, hubInvolved, hubLead);
        const state: NuisanceState = deriveNuisanceState({ hasSupport, highRisk: false }, events);
        const terminal = state.status === 'closed' || state.status === 'evicted';
        const createdAt = new Date(openedDay * DAY + 9 * 3_600_000).toISOString();
        cases.push([
          caseId, mun.id, mun.hubId, hubInvolved, hubLead, district.code, district.name, addressKey, address, careProvider, corporation, hasSupport, rng.chance(0.05), state.status,
          JSON.stringify(state), isoOf(openedDay), terminal ? isoOf(endDay) : null, 1 + events.length, events.length, createdAt, new Date(endDay * DAY + 10 * 3_600_000).toISOString(),
        ]);
      }
      await insertUnnest(db as never, 'nuisance_cases', caseCols, cases);
      for (let r = 0; r < reports.length; r += 5000) await insertUnnest(db as never, 'nuisance_reports', reportCols, reports.slice(r, r + 5000));
      nCases += cases.length;
      nReports += reports.length;
      onProgress?.(nCases);
    }
  });
  return {
    rows: { cases: nCases, reports: nReports, municipalities: orgs.municipalities.length, hubs: orgs.municipalities.length },
    ms: performance.now() - started,
    focusHubId: orgs.municipalities[0]!.hubId,
    focusCareProviderId: orgs.focusCareProviderId,
  };
}

// ─── EXPLAIN ─────────────────────────────────────────────────────────────────

/** Captures every query a Kysely instance compiles (for EXPLAIN). */
class Capture implements KyselyPlugin {
  all: PluginTransformQueryArgs[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.all.push(args);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export interface Explained { sql: string; plan: string[]; executionMs: number | null }

async function explain(db: Db, run: (db: Db) => Promise<unknown>): Promise<Explained> {
  const capture = new Capture();
  await run(db.withPlugin(capture));
  const last = capture.all.at(-1);
  if (!last) throw new Error('explain: no query captured');
  const compiled = db.getExecutor().compileQuery(last.node, last.queryId);
  const r = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, [...compiled.parameters]));
  const plan = r.rows.map((x) => x['QUERY PLAN']);
  const exec = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
  return { sql: compiled.sql, plan, executionMs: exec ? Number(exec[1]) : null };
}

// ─── Report shapes ───────────────────────────────────────────────────────────

export interface NuisanceMeasurement extends LoadResult {
  target: NuisanceTargetName;
  mode: 'closed' | 'paced';
  description: string;
  drainMs: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /**
   * CPU time of this process (server, floor and in-process PGlite) from the start of the run until it
   * was drained, per request sent: less sensitive to other work on the machine than latency.
   */
  serverCpuMsPerRequest: number;
  auditRowsWritten?: number;
}

export interface StepTiming { step: string; describe: string; n: number; p50Ms: number; meanMs: number; p90Ms: number }

export interface NuisanceGoal {
  path: 'hub' | 'incoming';
  throughput: { connections: number; real: number; floor: number; ratio: number; goal: number; met: boolean };
  paced: { ratePerSec: number; p99Ms: number; p50Ms: number; goalMs: number; met: boolean } | null;
}

export interface NuisanceReport {
  benchmark: 'nuisance';
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: { start: number[]; end: number[] };
  settings: NuisanceBenchSettings;
  database: { kind: DbKind; version: string; describe: string; poolSize: number | null };
  today: string;
  data: {
    rows: NuisanceData['rows'];
    cases: number;
    openCases: number;
    hubInvolved: number;
    reports: number;
    byStatus: Record<string, number>;
    focusHub: { code: string; cases: number; hubInvolved: number; openHubInvolved: number; districtsInOverview: number };
    focusCareProvider: { code: string; cases: number; reportsInWindow: number; returned: number };
    sizeBytes: number | null;
    casesBytes: number | null;
    insertMs: number;
  };
  steps: StepTiming[];
  serialHttp: Array<{ target: NuisanceTargetName; n: number; p50Ms: number; meanMs: number }>;
  explain: Record<'hubOverview' | 'hubSituations' | 'hubNewChance' | 'incoming', Explained>;
  measurements: NuisanceMeasurement[];
  goals: NuisanceGoal[];
  audit: { rowsBefore: number; rowsAfter: number; rowsWrittenDuringReal: number; okResponsesDuringReal: number; chainOk: boolean; verifyMs: number };
  notes: string[];
  wallSeconds: number;
}

// ─── Helpers ─────────────────────────────────────────────────────────────────

function pct(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

async function timeSteps(step: string, describe: string, n: number, fn: () => Promise<unknown> | unknown): Promise<StepTiming> {
  for (let i = 0; i < 5; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { step, describe, n, p50Ms: round(pct(t, 50)), meanMs: round(t.reduce((a, b) => a + b, 0) / n), p90Ms: round(pct(t, 90)) };
}

async function getJson(url: string, cookie?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  return { status: res.status, body: await res.json() };
}

/** Switches the session to the membership at `orgCode` (PUT /session/active-membership with the CSRF token). */
async function actFor(origin: string, cookie: string, orgCode: string) {
  const s = await getJson(`${origin}/api/v1/auth/session`, cookie);
  const m = (s.body.memberships as Array<{ id: string; organisationCode: string }>).find((x) => x.organisationCode === orgCode);
  if (!m) throw new Error(`no membership at ${orgCode}`);
  if (s.body.activeMembershipId === m.id) return;
  const res = await fetch(`${origin}/api/v1/auth/session/active-membership`, {
    method: 'PUT', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': s.body.csrfToken }, body: JSON.stringify({ membershipId: m.id }),
  });
  if (res.status !== 200) throw new Error(`switch to ${orgCode}: ${res.status} ${await res.text()}`);
}

// ─── One database ────────────────────────────────────────────────────────────

export async function benchNuisance(kind: DbKind, loader: LoadGenerator, settings: NuisanceBenchSettings): Promise<NuisanceReport> {
  const date = new Date().toISOString(); // a bench, not a test: wall-clock time is what we want here
  const t0 = performance.now();
  const loadStart = loadAverage();
  const target = await prepareDatabase(kind);
  log(`${kind} nuisance: ${target.describe}`);
  const server: Server = await createServer(target.config, systemClock, target.database);
  const closeServer = onCleanup(`close ${kind} app`, () => server.close());
  const db = server.database.db;
  const today = todayIn(systemClock);

  log(`${kind} nuisance: generating ${settings.cases} cases over ${settings.municipalities} municipalities …`);
  const gen = await generateNuisanceData(db, settings, today, (done) => {
    if (done % 20_000 === 0 || done === settings.cases) log(`${kind} nuisance: cases ${done}/${settings.cases}`);
  });
  log(`${kind} nuisance: generated ${gen.rows.cases} cases, ${gen.rows.reports} reports in ${Math.round(gen.ms)} ms`);
  if (settings.extraSql) {
    log(`${kind} nuisance: what-if SQL: ${settings.extraSql}`);
    await sql.raw(settings.extraSql).execute(db);
  }
  await sql`VACUUM ANALYZE`.execute(db);

  // ── Data facts (counted, not assumed) ──
  const since = new Date(Date.now() - settings.incomingDays * DAY);
  const facts = (await sql<Record<string, string>>`
    SELECT count(*)::text AS cases,
      count(*) FILTER (WHERE closed_on IS NULL)::text AS open,
      count(*) FILTER (WHERE hub_involved)::text AS hub_involved,
      count(*) FILTER (WHERE hub_id = ${gen.focusHubId})::text AS hub_cases,
      count(*) FILTER (WHERE hub_id = ${gen.focusHubId} AND hub_involved)::text AS hub_involved_focus,
      count(*) FILTER (WHERE hub_id = ${gen.focusHubId} AND hub_involved AND closed_on IS NULL)::text AS hub_open,
      count(*) FILTER (WHERE care_provider_id = ${gen.focusCareProviderId})::text AS cp_cases
    FROM nuisance_cases`.execute(db)).rows[0]!;
  const reportFacts = (await sql<{ reports: string; window: string }>`
    SELECT (SELECT count(*) FROM nuisance_reports)::text AS reports,
      (SELECT count(*) FROM nuisance_reports r JOIN nuisance_cases c ON c.id = r.case_id WHERE c.care_provider_id = ${gen.focusCareProviderId} AND r.received_at >= ${since.toISOString()})::text AS window`.execute(db)).rows[0]!;
  const byStatus = Object.fromEntries((await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM nuisance_cases GROUP BY status ORDER BY status`.execute(db)).rows.map((r) => [r.status, r.n]));
  let casesBytes: number | null = null;
  try {
    casesBytes = Number((await sql<{ n: string }>`SELECT pg_total_relation_size('nuisance_cases')::text AS n`.execute(db)).rows[0]?.n ?? NaN);
  } catch {
    casesBytes = null;
  }

  // ── Apps: the real one, the floor ──
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const appOrigin = originOf(server.app as unknown as FastifyInstance);
  const inFlight = [trackInFlight(server.app.server)];
  const hubCookie = await login(appOrigin, HUB_OFFICER, DEMO_PASSWORD);
  const cwCookie = await login(appOrigin, CARE_WORKER, DEMO_PASSWORD);
  await actFor(appOrigin, hubCookie, 'MZWO-VEENHAVEN');
  await actFor(appOrigin, cwCookie, settings.focusCareProviderCode);

  const hubIds = [gen.focusHubId];
  const cpScope = [gen.focusCareProviderId];
  const floor = Fastify({ logger: false });
  floor.get('/floor/hub/overview', async () => {
    const t = todayIn(systemClock);
    const districts = await hubOverview(db, hubIds, t);
    const situations = await hubSituations(db, hubIds, t);
    const newChance = await hubNewChance(db, hubIds);
    return { today: t, districts, situations, newChance };
  });
  floor.get('/floor/incoming', async () => {
    const rows = await incomingRows(db, cpScope, new Date(Date.now() - settings.incomingDays * DAY), settings.incomingLimit);
    await loadCalendar(db);
    return rows;
  });
  await floor.listen({ host: '127.0.0.1', port: 0 });
  inFlight.push(trackInFlight(floor.server));
  const closeFloor = onCleanup('close nuisance floor', () => floor.close());
  const floorOrigin = originOf(floor);

  const jobs: Record<NuisanceTargetName, { origin: string; path: string; cookie?: string }> = {
    'floor-hub': { origin: floorOrigin, path: '/floor/hub/overview' },
    'real-hub': { origin: appOrigin, path: '/api/v1/nuisance/hub/overview', cookie: hubCookie },
    'floor-incoming': { origin: floorOrigin, path: '/floor/incoming' },
    'real-incoming': { origin: appOrigin, path: '/api/v1/nuisance/reports/incoming', cookie: cwCookie },
  };
  const names = Object.keys(jobs) as NuisanceTargetName[];

  // ── Pre-flight: every target answers, the real routes return what the floor returns ──
  const bodies: Partial<Record<NuisanceTargetName, any>> = {};
  for (const n of names) {
    const j = jobs[n];
    const r = await getJson(`${j.origin}${j.path}`, j.cookie);
    if (r.status !== 200) throw new Error(`pre-flight ${n}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    bodies[n] = r.body;
  }
  const sumOpen = (ds: Array<{ open: number }>) => ds.reduce((a, d) => a + d.open, 0);
  if (sumOpen(bodies['floor-hub'].districts) !== bodies['real-hub'].totals.open) throw new Error('pre-flight: real and floor hub overview differ');
  if (bodies['real-hub'].totals.open !== Number(facts.hub_open)) throw new Error(`pre-flight: the hub overview counts ${bodies['real-hub'].totals.open} open cases, the table ${facts.hub_open}`);
  const realIds = (bodies['real-incoming'] as Array<{ id: string }>).map((x) => x.id).join(',');
  const floorIds = (bodies['floor-incoming'] as Array<{ id: string }>).map((x) => x.id).join(',');
  if (realIds !== floorIds) throw new Error('pre-flight: real and floor incoming queues differ');
  if ((bodies['real-incoming'] as unknown[]).length !== Math.min(settings.incomingLimit, Number(reportFacts.window))) {
    throw new Error(`pre-flight: incoming returned ${(bodies['real-incoming'] as unknown[]).length} rows, expected min(${settings.incomingLimit}, ${reportFacts.window})`);
  }
  const withClock = (bodies['real-incoming'] as Array<{ clock: unknown[] }>).filter((x) => x.clock.length > 0).length;

  const data: NuisanceReport['data'] = {
    rows: gen.rows,
    cases: Number(facts.cases),
    openCases: Number(facts.open),
    hubInvolved: Number(facts.hub_involved),
    reports: Number(reportFacts.reports),
    byStatus,
    focusHub: { code: 'MZWO-VEENHAVEN', cases: Number(facts.hub_cases), hubInvolved: Number(facts.hub_involved_focus), openHubInvolved: Number(facts.hub_open), districtsInOverview: bodies['real-hub'].districts.length },
    focusCareProvider: { code: settings.focusCareProviderCode, cases: Number(facts.cp_cases), reportsInWindow: Number(reportFacts.window), returned: (bodies['real-incoming'] as unknown[]).length },
    sizeBytes: await databaseSize(db),
    casesBytes,
    insertMs: Math.round(gen.ms),
  };
  log(`${kind} nuisance: ${data.cases} cases (${data.openCases} open, ${data.hubInvolved} hub-involved), ${data.reports} reports; MZWO-VEENHAVEN ${data.focusHub.cases} cases, ` +
    `${data.focusHub.openHubInvolved} open reported to it; ${data.focusCareProvider.code} ${data.focusCareProvider.reportsInWindow} reports in ${settings.incomingDays} days (${withClock} of the returned rows with a clock)`);

  // ── EXPLAIN ANALYZE and serial step costs (no load) ──
  const plans: NuisanceReport['explain'] = {
    hubOverview: await explain(db, (d) => hubOverview(d, hubIds, today)),
    hubSituations: await explain(db, (d) => hubSituations(d, hubIds, today)),
    hubNewChance: await explain(db, (d) => hubNewChance(d, hubIds)),
    incoming: await explain(db, (d) => incomingRows(d, cpScope, since, settings.incomingLimit)),
  };
  for (const [k, p] of Object.entries(plans)) log(`${kind} nuisance: EXPLAIN ${k}: ${p.executionMs} ms — ${p.plan[0]?.trim()}`);

  const sessionSettings = { idleMinutes: target.config.sessionIdleMinutes, absoluteHours: target.config.sessionAbsoluteHours };
  const cal = await loadCalendar(db);
  const inRows = await incomingRows(db, cpScope, since, settings.incomingLimit);
  const N = 30;
  const steps: StepTiming[] = [
    await timeSteps('session', 'resolveSession: session ⋈ user, memberships (every authenticated request)', N, () =>
      resolveSession(db, systemClock, sessionSettings, decodeURIComponent(hubCookie.slice('tr_session='.length)))),
    await timeSteps('hub-overview', 'hubOverview(): the district aggregate', N, () => hubOverview(db, hubIds, today)),
    await timeSteps('hub-situations', 'the situations query (reports through several channels, 12 months)', N, () => hubSituations(db, hubIds, today)),
    await timeSteps('hub-new-chance', 'the New Chance count by step', N, () => hubNewChance(db, hubIds)),
    await timeSteps('incoming-query', `the incoming-reports query (${inRows.length} rows)`, N, () => incomingRows(db, cpScope, since, settings.incomingLimit)),
    await timeSteps('calendar', 'loadCalendar() (every incoming request)', N, () => loadCalendar(db)),
    await timeSteps('incoming-deadlines', `deriveReportDeadlines × ${inRows.length} rows (CPU only)`, N, () =>
      inRows.map((r) => deriveReportDeadlines(cal, { hasSupport: r.has_support, highRisk: r.high_risk }, r.state as unknown as NuisanceState, r.id))),
  ];
  const serialHttp: NuisanceReport['serialHttp'] = [];
  for (const n of names) {
    const j = jobs[n];
    const t: number[] = [];
    for (let i = 0; i < 25; i++) {
      const s = performance.now();
      const res = await fetch(`${j.origin}${j.path}`, j.cookie ? { headers: { cookie: j.cookie } } : {});
      await res.arrayBuffer();
      if (i >= 5) t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    serialHttp.push({ target: n, n: t.length, p50Ms: round(pct(t, 50)), meanMs: round(t.reduce((a, b) => a + b, 0) / t.length) });
  }
  log(`${kind} nuisance: serial ${steps.map((s) => `${s.step} ${s.p50Ms}`).join(', ')} ms; HTTP ${serialHttp.map((s) => `${s.target} ${s.p50Ms}`).join(', ')} ms`);

  // ── Load ──
  const auditBefore = await count(db, 'audit_log');
  const measurements: NuisanceMeasurement[] = [];
  let auditWritten = 0;
  let okDuringReal = 0;
  const measure = async (n: NuisanceTargetName, connections: number, mode: 'closed' | 'paced') => {
    const j = jobs[n];
    const job: Omit<LoadJob, 'type'> = {
      origin: j.origin, path: j.path, randomId: false, seed: settings.seed + connections, connections, durationS: settings.durationS, warmupS: settings.warmupS,
      ...(j.cookie ? { headers: { cookie: j.cookie } } : {}),
      ...(mode === 'paced' ? { pace: { perConnectionRate: 1, groups: Math.min(settings.pacedGroups, connections) } } : {}),
    };
    log(`${kind} nuisance: ${NUISANCE_TARGETS[n].label}, ${mode === 'paced' ? `paced ${connections} req/s` : `${connections} connections closed loop`}, ${settings.warmupS}+${settings.durationS} s`);
    const auditStart = n.startsWith('real') ? await count(db, 'audit_log') : 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpuStart = process.cpuUsage();
    const r = await loader.run(job);
    loop.disable();
    const drainMs = await drain(db, { servers: inFlight });
    const cpu = process.cpuUsage(cpuStart);
    const serverCpuMsPerRequest = round((cpu.user + cpu.system) / 1000 / Math.max(1, r.sent), 2);
    const eventLoopDelayMs = { p50: round(loop.percentile(50) / 1e6, 1), p99: round(loop.percentile(99) / 1e6, 1), max: round(loop.max / 1e6, 1) };
    const m: NuisanceMeasurement = { target: n, mode, description: NUISANCE_TARGETS[n].describe, drainMs, eventLoopDelayMs, serverCpuMsPerRequest, ...r };
    if (n.startsWith('real')) {
      m.auditRowsWritten = (await count(db, 'audit_log')) - auditStart;
      auditWritten += m.auditRowsWritten;
      okDuringReal += r.ok + r.warmupOk;
    }
    measurements.push(m);
    log(`   → ${r.reqPerSec} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}, CPU ${serverCpuMsPerRequest} ms/request, event-loop delay max ${eventLoopDelayMs.max} ms, drained in ${drainMs} ms, load ${r.loadAverage.end[0]}`);
  };
  for (const n of names) await measure(n, settings.connections, 'closed');
  if (settings.pacedRate > 0) for (const n of names.filter((x) => x.startsWith('real'))) await measure(n, settings.pacedRate, 'paced');

  // ── Goals ──
  const get = (t: NuisanceTargetName, mode: 'closed' | 'paced') => measurements.find((m) => m.target === t && m.mode === mode);
  const goals: NuisanceGoal[] = (['hub', 'incoming'] as const).map((p) => {
    const real = get(`real-${p}`, 'closed')!;
    const fl = get(`floor-${p}`, 'closed')!;
    const paced = get(`real-${p}`, 'paced');
    const ratio = fl.reqPerSec > 0 ? round(real.reqPerSec / fl.reqPerSec) : NaN;
    return {
      path: p,
      throughput: { connections: settings.connections, real: real.reqPerSec, floor: fl.reqPerSec, ratio, goal: settings.goalThroughputRatio, met: ratio >= settings.goalThroughputRatio && real.non2xx + real.errors === 0 },
      paced: paced ? { ratePerSec: settings.pacedRate, p99Ms: paced.latencyMs.p99, p50Ms: paced.latencyMs.p50, goalMs: settings.goalP99Ms, met: paced.ok > 0 && paced.latencyMs.p99 <= settings.goalP99Ms && paced.non2xx + paced.errors === 0 } : null,
    };
  });

  // Chain what the measured runs appended (the sealer job does this every 250 ms in the app; ADR 0014), so the check covers every row.
  await sealAudit(db);
  const verifyStart = performance.now();
  const chain = await verifyAuditChain(db);
  const verifyMs = Math.round(performance.now() - verifyStart);
  const auditAfter = await count(db, 'audit_log');
  const version = await databaseVersion(db);

  const notes: string[] = [];
  for (const m of measurements) {
    if (m.non2xx > 0 || m.errors > 0) notes.push(`${m.target} ${m.mode}: ${m.non2xx} non-2xx (${JSON.stringify(m.statusCounts)}), ${m.errors} errors, ${m.timeouts} timeouts`);
  }
  if (!chain.ok) notes.push(`audit chain broken: ${chain.changed.length} changed, ${chain.broken.length} broken links`);
  if (settings.extraSql) notes.push(`WHAT-IF run: the schema was changed by BENCH_EXTRA_SQL (${settings.extraSql}); these are not the shipped schema's numbers.`);
  notes.push('The floors run every SQL statement of their route\'s handler (hub: the district aggregate, the situations and the New Chance query; incoming: the report query and loadCalendar) and return the raw rows: real ÷ floor is the cost of session, policy, per-row work, response schema and audit.');
  notes.push('Data: nuisance_events rows are not generated (neither route reads them); the state JSON of every case is derived by deriveNuisanceState from the events its status needs. Dates are relative to the wall-clock today (both routes read the clock).');
  notes.push('cpu ms/req: CPU time of the bench process (server + floor + in-process PGlite) per request sent, over the run and its drain — the work a request costs, less dependent on other load than latency; 20 req/s needs 20 × that many ms of one core per second.');
  notes.push('Every request of a target asks for the same overview / queue (one hub officer / one care worker): the same pages stay in cache.');
  if (kind === 'pglite') notes.push('PGlite is one in-process connection: every query of every request is serialised on the server thread.');
  notes.push('Load generator (autocannon) runs in a child process on the same 2-core machine, which other work (other helpers\' browser tests) shares: absolute figures are noisy (±50 %); compare real and floor of the same run. See loadAverage per measurement.');

  await closeFloor();
  await closeServer();
  await target.dispose();

  return {
    benchmark: 'nuisance',
    date,
    machine: machineInfo(),
    loadAverage: { start: loadStart, end: loadAverage() },
    settings,
    database: { kind, version, describe: target.describe, poolSize: kind === 'postgres' ? 20 : null },
    today,
    data,
    steps,
    serialHttp,
    explain: plans,
    measurements,
    goals,
    audit: { rowsBefore: auditBefore, rowsAfter: auditAfter, rowsWrittenDuringReal: auditWritten, okResponsesDuringReal: okDuringReal, chainOk: chain.ok, verifyMs },
    notes,
    wallSeconds: Math.round((performance.now() - t0) / 1000),
  };
}

// ─── Output ──────────────────────────────────────────────────────────────────

export function writeNuisanceReport(dir: string, r: NuisanceReport, suffix: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `nuisance-${r.database.kind}${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

/** The nuisance rows of summary.json. */
export function nuisanceSummary(r: NuisanceReport, suffix: string) {
  return {
    kind: r.database.kind,
    version: r.database.version,
    file: `nuisance-${r.database.kind}${suffix}.json`,
    date: r.date,
    loadAverage: r.loadAverage,
    data: { cases: r.data.cases, reports: r.data.reports, focusHub: r.data.focusHub, focusCareProvider: r.data.focusCareProvider, sizeBytes: r.data.sizeBytes },
    measurements: r.measurements.map((m) => ({
      target: m.target, mode: m.mode, connections: m.connections, offeredRatePerSec: m.offeredRatePerSec, reqPerSec: m.reqPerSec,
      latencyMs: { p50: m.latencyMs.p50, p97_5: m.latencyMs.p97_5, p99: m.latencyMs.p99 }, ok: m.ok, non2xx: m.non2xx, errors: m.errors, loadAverage1m: m.loadAverage.end[0], serverCpuMsPerRequest: m.serverCpuMsPerRequest,
    })),
    explainMs: Object.fromEntries(Object.entries(r.explain).map(([k, v]) => [k, v.executionMs])),
    goals: r.goals,
  };
}

export function printNuisance(reports: NuisanceReport[]): string {
  const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const out: string[] = [];
  for (const r of reports) {
    const d = r.data;
    out.push('');
    out.push(`Nuisance bench — ${r.database.kind} (${r.database.version.split(' on ')[0]}), ${d.cases} cases (${d.openCases} open, ${d.hubInvolved} reported to a hub), ${d.reports} reports; today ${r.today}; ` +
      `${r.machine.cpus} CPU, Node ${r.machine.node}, ${r.settings.durationS} s per run after ${r.settings.warmupS} s warm-up; load average ${r.loadAverage.start.join('/')} at start, ${r.loadAverage.end.join('/')} at end`);
    out.push(`  hub ${d.focusHub.code}: ${d.focusHub.cases} cases, ${d.focusHub.hubInvolved} reported to it, ${d.focusHub.openHubInvolved} open in the overview over ${d.focusHub.districtsInOverview} districts; ` +
      `${d.focusCareProvider.code}: ${d.focusCareProvider.cases} cases, ${d.focusCareProvider.reportsInWindow} reports in ${r.settings.incomingDays} days, ${d.focusCareProvider.returned} returned`);
    const rows: string[][] = [['target', 'conns', 'load', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'n', 'err', 'cpu ms/req', 'loop max', 'drain s', 'load1']];
    for (const m of r.measurements) {
      rows.push([
        NUISANCE_TARGETS[m.target].label, String(m.connections), m.mode === 'paced' ? `${m.offeredRatePerSec}/s` : 'closed', fmt(m.reqPerSec, 0), fmt(m.latencyMs.p50), fmt(m.latencyMs.p97_5),
        fmt(m.latencyMs.p99), fmt(m.latencyMs.max, 1), String(m.ok), String(m.non2xx + m.errors), fmt(m.serverCpuMsPerRequest, 1), fmt(m.eventLoopDelayMs.max, 0), fmt(m.drainMs / 1000, 1), fmt(m.loadAverage.end[0] ?? NaN, 1),
      ]);
    }
    out.push(table(rows));
    out.push('');
    out.push(`serial cost per step (no load, p50 ms): ${r.steps.map((s) => `${s.step} ${fmt(s.p50Ms)}`).join(' · ')}`);
    out.push(`serial HTTP (one request at a time, p50 ms): ${r.serialHttp.map((s) => `${s.target} ${fmt(s.p50Ms)}`).join(' · ')}`);
    out.push(`EXPLAIN ANALYZE execution (ms): ${Object.entries(r.explain).map(([k, v]) => `${k} ${v.executionMs}`).join(' · ')}`);
    for (const g of r.goals) {
      const name = g.path === 'hub' ? 'hub overview' : 'incoming reports';
      out.push(`goal ${name}: throughput real ÷ floor at ${g.throughput.connections} connections ${fmt(g.throughput.ratio)}× (${fmt(g.throughput.real, 0)} ÷ ${fmt(g.throughput.floor, 0)} req/s), goal ≥ ${g.throughput.goal}× → ${g.throughput.met ? 'MET' : 'NOT MET'}`);
      if (g.paced) out.push(`goal ${name}: p99 paced at ${g.paced.ratePerSec} req/s ${fmt(g.paced.p99Ms)} ms (p50 ${fmt(g.paced.p50Ms)}), goal ≤ ${g.paced.goalMs} ms → ${g.paced.met ? 'MET' : 'NOT MET'}`);
    }
    out.push(`audit: ${r.audit.rowsWrittenDuringReal} rows written during the real targets for ${r.audit.okResponsesDuringReal} counted 2xx responses; chain ${r.audit.chainOk ? 'verified' : 'BROKEN'} (${r.audit.rowsAfter} rows, ${r.audit.verifyMs} ms)`);
    out.push(`data: generated in ${r.data.insertMs} ms, database ${r.data.sizeBytes ? `${round(r.data.sizeBytes / 1024 ** 2, 1)} MiB` : 'n/a'}, nuisance_cases ${r.data.casesBytes ? `${round(r.data.casesBytes / 1024 ** 2, 1)} MiB` : 'n/a'}; suite ${r.wallSeconds} s`);
    for (const n of r.notes) out.push(`note: ${n}`);
  }
  return out.join('\n');
}
