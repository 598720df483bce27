/**
 * GET /api/v1/monitor: turns the SQL aggregates (queries.ts) into the long-form rows of
 * api.md, applying the formulas of domain/monitor. Aggregates only: no placement, client or
 * person is ever loaded here (R-MO-20).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import {
  MAIN_GROUPS, MAIN_GROUP_LABELS, METRICS, ABOVE_10_PERCENT, NOT_ABOVE_10_PERCENT,
  type MainGroup, type MetricId, type MonitorNote, type MonitorResponse, type MonitorRow, type MonitorWarning, type PlanVersionRef,
} from '../../domain/monitor/model.ts';
import {
  above6Share, agreedFromShare, backlog, backlogAllocated, difference, isAbove10Percent, monthEnd,
  percentage, realisationRate, trackStatus,
} from '../../domain/monitor/formulas.ts';
import { periodView, proRatedTarget } from '../../domain/monitor/period.ts';
import { corporationTargets } from '../../domain/monitor/distribution.ts';
import {
  agreementsFor, deliveryAggregates, dimsOf, groupedBy, municipalInputs, previousYearWait, regionalStatushouderDwellings,
  releasedAggregates, statushouderInputs, waitingAggregates, type DeliveryAggregate, type PlanLineRow, type Scope,
} from './queries.ts';
import { problem } from '../../platform/http/problem.ts';

type Db = Kysely<Database>;

export interface MonitorQuery {
  year: number;
  month: number;
  /** CBS code (GM0363). */
  municipality?: string;
  /** Region code. */
  region?: string;
  /** Organisation code of a housing corporation. */
  corporation?: string;
  /** A report layout code (§12), optionally with @version; latest version otherwise. */
  layout?: string;
  /**
   * Today (Europe/Amsterdam, from the injected clock): "stand per" and the pacing of a running
   * month. Without it the month is read as closed (its figures as at the month end).
   */
  today?: string;
}

interface Org { id: string; code: string; name: string; type: string; region_id: string | null; municipality_code: string | null }

/** Organisations and regions by id, for turning ids into the codes of the public contract. */
async function directory(db: Db) {
  const { rows: orgs } = await sql<Org>`
    SELECT id, code, name, type, region_id, municipality_code FROM organisations WHERE type IN ('municipality', 'housing_corporation')`.execute(db);
  const { rows: regions } = await sql<{ id: string; code: string; name: string }>`SELECT id, code, name FROM regions`.execute(db);
  const { rows: groups } = await sql<{ code: string; main_group: MainGroup; label_nl: string; label_en: string; counts_toward_agreement: boolean; sort_order: number }>`
    SELECT code, main_group, label_nl, label_en, counts_toward_agreement, sort_order FROM target_groups ORDER BY sort_order, code`.execute(db);
  return { orgs: new Map(orgs.map((o) => [o.id, o])), regions: new Map(regions.map((r) => [r.id, r])), groups };
}

const NOTES: MonitorNote[] = [
  {
    id: 'R-MO-25', metrics: ['M-13', 'M-14', 'M-15', 'M-16'], targetGroup: 'social_medical_urgent',
    text: {
      nl: 'Sociaal medisch urgenten zoeken eerst zes maanden zelf een woning; daarna krijgen zij een passend aanbod. Hun gemeten wachttijd bevat die zoekperiode.',
      en: 'People with a social or medical urgency first search for six months themselves; after that they receive a suitable offer. Their measured wait includes that search period.',
    },
  },
  {
    id: 'R-MO-26', metrics: ['M-13', 'M-14', 'M-15', 'M-16', 'M-17'],
    text: {
      nl: 'De echte wachttijd is langer dan de gemeten wachttijd: de tijd vóór plaatsing in actieve bemiddeling (of vóór de urgentie) telt niet mee.',
      en: 'The real wait is longer than the measured wait: time before placement in active mediation (or before the urgency was granted) is not counted.',
    },
  },
  {
    id: 'R-MO-36', metrics: ['M-24'],
    text: {
      nl: 'Het signaal "boven 10%" is een signaal voor het regionale overleg, geen overschrijding en geen blokkade van toewijzingen.',
      en: 'The "above 10%" signal is a signal for the regional meeting, not a breach and never a block on allocations.',
    },
  },
  {
    id: 'R-MO-29', metrics: ['M-18', 'M-19'],
    text: {
      nl: 'Verhuizingen door herijking perspectief en woningruil tellen niet mee voor de afspraken en staan hier apart.',
      en: 'Moves due to re-assessment of perspective and swaps do not count toward the agreements and are shown apart.',
    },
  },
];

export async function computeMonitor(db: Db, q: MonitorQuery): Promise<MonitorResponse> {
  const dir = await directory(db);
  const byCode = (type: string, code: string) => [...dir.orgs.values()].find((o) => o.type === type && (type === 'municipality' ? o.municipality_code === code : o.code === code));

  let municipalityIds: string[] | null = null;
  if (q.municipality) {
    const m = byCode('municipality', q.municipality);
    if (!m) throw problem.badRequest('unknown_municipality', `Gemeente ${q.municipality} is niet bekend.`, `Municipality ${q.municipality} is not known.`);
    municipalityIds = [m.id];
  } else if (q.region) {
    const r = [...dir.regions.values()].find((x) => x.code === q.region);
    if (!r) throw problem.badRequest('unknown_region', `Regio ${q.region} is niet bekend.`, `Region ${q.region} is not known.`);
    municipalityIds = [...dir.orgs.values()].filter((o) => o.type === 'municipality' && o.region_id === r.id).map((o) => o.id);
  }
  let corporationId: string | null = null;
  if (q.corporation) {
    const c = byCode('housing_corporation', q.corporation);
    if (!c) throw problem.badRequest('unknown_corporation', `Corporatie ${q.corporation} is niet bekend.`, `Corporation ${q.corporation} is not known.`);
    corporationId = c.id;
  }
  const period = periodView(q.year, q.month, q.today ?? monthEnd(q.year, q.month));
  const scope: Scope = {
    year: q.year, month: q.month, from: `${q.year}-01-01`, to: `${q.year}-12-31`, asOf: period.asOf,
    municipalityIds, corporationId, single: municipalityIds?.length === 1, wholeRegions: !q.municipality,
  };
  const regionIds = [...new Set(
    (municipalityIds ?? [...dir.orgs.values()].filter((o) => o.type === 'municipality').map((o) => o.id))
      .map((id) => dir.orgs.get(id)?.region_id).filter((x): x is string => !!x),
  )];

  const [delivery, prev, waiting, plans, released, regional, sh, inputs] = await Promise.all([
    deliveryAggregates(db, scope), previousYearWait(db, scope), waitingAggregates(db, scope), agreementsFor(db, scope),
    releasedAggregates(db, scope, regionIds), regionalStatushouderDwellings(db, scope, regionIds), statushouderInputs(db, scope), municipalInputs(db, scope),
  ]);

  const rows: MonitorRow[] = [];
  const muCode = (id: string | null) => (id ? dir.orgs.get(id)?.municipality_code ?? undefined : undefined);
  const coCode = (id: string | null) => (id ? dir.orgs.get(id)?.code ?? undefined : undefined);
  const rgCode = (id: string | null) => (id ? dir.regions.get(id)?.code ?? undefined : undefined);
  const groupInfo = new Map(dir.groups.map((g) => [g.code, g]));
  const unit = (m: MetricId) => METRICS[m].unit;
  /** Dimension fields of an aggregate row, without undefined keys. */
  const dimsFields = (a: { g: number; rg?: string | null; mu?: string | null; co?: string | null; mg?: string | null; tg?: string | null; di?: string | null; nb?: string | null }, keep: ReturnType<typeof dimsOf>) => {
    const out: Partial<MonitorRow> = {};
    if (keep.has('rg')) out.region = rgCode(a.rg ?? null);
    if (keep.has('mu')) out.municipality = muCode(a.mu ?? null);
    if (keep.has('co')) { const c = coCode(a.co ?? null); if (c) out.corporation = c; }
    if (keep.has('mg') && a.mg) out.mainGroup = a.mg as MainGroup;
    if (keep.has('tg') && a.tg) {
      out.targetGroup = a.tg;
      if (!groupInfo.get(a.tg)?.counts_toward_agreement) out.outsideAgreement = true;
    }
    if (keep.has('di') && a.di) out.district = a.di;
    if (keep.has('nb') && a.nb) out.neighbourhood = a.nb;
    return out;
  };
  /** A string value of M-24 is its signal (R-MO-36); M-07 values are statuses. */
  const push = (metric: MetricId, period: MonitorRow['period'], base: Partial<MonitorRow>, value: MonitorRow['value'], extra: Partial<MonitorRow> = {}) => {
    rows.push({ metric, period, ...base, ...extra, value, unit: metric === 'M-24' && typeof value === 'string' ? 'signal' : unit(metric) } as MonitorRow);
  };

  // Delivered per dimension, remembered for the plan comparison (M-04..M-07) and M-11/M-24.
  const deliveredAt = new Map<string, { year: number; ytd: number }>();
  const key = (mu: string | undefined, co: string | undefined, mg: string | undefined, tg: string | undefined) => `${mu ?? '*'}|${co ?? '*'}|${mg ?? '*'}|${tg ?? '*'}`;
  const shPersons = new Map<string, { h1: number; h2: number; p1: number; p2: number }>();

  for (const a of delivery) {
    const keep = dimsOf(a.g);
    if (keep.has('rg') && !scope.wholeRegions) continue; // a partial region is not a region total
    if (keep.has('co') && !a.co) continue; // housing projects have no corporation: no corporation row
    const base = dimsFields(a, keep);
    if (keep.has('tg') && !base.targetGroup) continue; // an unknown group cannot occur (FK); keep the shape strict
    const isMonth = keep.has('m');
    const isArea = keep.has('di');
    const outsideRow = base.outsideAgreement === true;
    if (isArea) {
      // M-26 only where the placements carry a district (and neighbourhood).
      if (!a.di || (keep.has('nb') && !a.nb)) continue;
      push('M-26', 'year', base, a.delivered);
      continue;
    }
    if (isMonth) {
      base.month = a.m ?? undefined;
      push('M-03', 'month', base, outsideRow ? a.outside : a.delivered);
      if (base.mainGroup === 'MG-3' && !base.targetGroup) push('M-23', 'month', base, a.delivered);
      continue;
    }
    // M-03 (counted) at every level; for a group outside the agreement the row says so (R-MO-42).
    push('M-03', 'year', base, outsideRow ? a.outside : a.delivered);
    push('M-03', 'ytd', base, outsideRow ? a.outside_ytd : a.delivered_ytd);
    if (!base.targetGroup && (a.outside > 0) && !keep.has('tg')) {
      push('M-03', 'year', base, a.outside, { outsideAgreement: true });
      push('M-03', 'ytd', base, a.outside_ytd, { outsideAgreement: true });
    }
    if (!keep.has('rg')) deliveredAt.set(key(base.municipality, base.corporation, base.mainGroup, base.targetGroup), { year: a.delivered, ytd: a.delivered_ytd });
    else deliveredAt.set(`R:${base.region}|${base.mainGroup ?? '*'}`, { year: a.delivered, ytd: a.delivered_ytd });

    // Wait times (M-13..M-16) by municipality, main group and target group, not per corporation.
    if (!keep.has('co') && !outsideRow) {
      for (const [period, b, l3, l36] of [['year', a.wait_base, a.wait_lt3, a.wait_3to6], ['ytd', a.wait_base_ytd, a.wait_lt3_ytd, a.wait_3to6_ytd]] as const) {
        const p3 = percentage(l3, b);
        const p36 = percentage(l36, b);
        push('M-13', period, base, b);
        push('M-14', period, base, p3);
        push('M-15', period, base, p36);
        push('M-16', period, base, above6Share(p3, p36));
      }
    }
    // Counted apart (R-MO-29, R-MO-30, R-MO-41).
    if (!keep.has('rg') && (!keep.has('mg') || keep.has('tg'))) {
      push('M-18', 'year', base, a.reassess);
      push('M-18', 'ytd', base, a.reassess_ytd);
      push('M-19', 'year', base, a.swaps);
      push('M-19', 'ytd', base, a.swaps_ytd);
    }
    if (!keep.has('mg') && !keep.has('rg')) push('M-25', 'year', base, a.wheelchair);
    if (base.mainGroup === 'MG-3' && !keep.has('rg')) {
      push('M-23', 'year', base, a.delivered);
      push('M-23', 'ytd', base, a.delivered_ytd);
    }
    if (!keep.has('mg') && !keep.has('co') && !keep.has('rg')) {
      shPersons.set(base.municipality ?? '*', { h1: a.sh_h1, h2: a.sh_h2, p1: a.proj_h1, p2: a.proj_h2 });
    }
  }

  // R-MO-28: the previous year's share within 3 months alongside.
  /** Dimensions of a GROUPING(municipality, main group, target group) row (previous year, waiting). */
  const groupDims = (a: { g: number; mu: string | null; mg: string | null; tg: string | null }): Partial<MonitorRow> => {
    const keep = groupedBy(a.g, ['mu', 'mg', 'tg'] as const);
    const base: Partial<MonitorRow> = {};
    if (keep.has('mu')) base.municipality = muCode(a.mu);
    if (keep.has('mg') && a.mg) base.mainGroup = a.mg as MainGroup;
    if (keep.has('tg') && a.tg) base.targetGroup = a.tg;
    return base;
  };
  for (const a of prev) {
    const base = groupDims(a);
    push('M-13', 'year', base, a.wait_base, { year: q.year - 1 });
    push('M-14', 'year', base, percentage(a.wait_lt3, a.wait_base), { year: q.year - 1 });
  }

  // M-17: households still waiting at the month end.
  for (const w of waiting) {
    push('M-17', 'month-end', groupDims(w), w.households, { month: q.month, bucket: w.bucket });
  }

  // M-10, M-11 and M-24 per municipality and corporation; M-24 per region over the whole region.
  const releasedAt = new Map<string, { year: number; ytd: number }>();
  for (const r of released) {
    const keep = groupedBy(r.g, ['rg', 'mu', 'co', 'm'] as const);
    const hasRg = keep.has('rg'), hasMu = keep.has('mu'), hasM = keep.has('m');
    const base: Partial<MonitorRow> = {};
    if (hasRg) base.region = rgCode(r.rg);
    if (hasMu) base.municipality = muCode(r.mu);
    if (keep.has('co')) base.corporation = coCode(r.co);
    // Region rows cover the whole region (M-24 is regional); municipality rows only those in scope.
    if (hasMu && municipalityIds && !municipalityIds.includes(r.mu ?? '')) continue;
    if (hasM) {
      push('M-10', 'month', base, r.year_total, { month: r.month ?? undefined });
      continue;
    }
    push('M-10', 'year', base, r.year_total);
    push('M-10', 'ytd', base, r.ytd);
    if (hasRg) releasedAt.set(`R:${base.region}`, { year: r.year_total, ytd: r.ytd });
    else releasedAt.set(key(base.municipality, base.corporation, undefined, undefined), { year: r.year_total, ytd: r.ytd });
  }
  for (const [k, rel] of releasedAt) {
    if (k.startsWith('R:')) continue;
    const [mu, co] = k.split('|');
    const base: Partial<MonitorRow> = { municipality: mu === '*' ? undefined : mu, ...(co !== '*' ? { corporation: co } : {}) };
    const d = deliveredAt.get(k) ?? { year: 0, ytd: 0 };
    push('M-11', 'year', base, percentage(d.year, rel.year));
    push('M-11', 'ytd', base, percentage(d.ytd, rel.ytd));
    const sh = deliveredAt.get(key(base.municipality, base.corporation, 'MG-3', undefined)) ?? { year: 0, ytd: 0 };
    const share = percentage(sh.year, rel.year);
    push('M-24', 'year', base, share);
    push('M-24', 'ytd', base, percentage(sh.ytd, rel.ytd));
    push('M-24', 'year', base, isAbove10Percent(share) ? ABOVE_10_PERCENT : NOT_ABOVE_10_PERCENT);
  }
  for (const r of regional) {
    const region = rgCode(r.rg);
    const rel = releasedAt.get(`R:${region}`);
    const base: Partial<MonitorRow> = { region };
    const share = percentage(r.year_total, rel?.year);
    const shareYtd = percentage(r.ytd, rel?.ytd);
    push('M-24', 'year', base, share);
    push('M-24', 'ytd', base, shareYtd);
    push('M-24', 'year', base, isAbove10Percent(share) ? ABOVE_10_PERCENT : NOT_ABOVE_10_PERCENT);
    push('M-24', 'ytd', base, isAbove10Percent(shareYtd) ? ABOVE_10_PERCENT : NOT_ABOVE_10_PERCENT);
  }

  // Agreements, plans and corporation targets: M-01, M-02, M-04..M-09, M-12.
  const warnings: MonitorWarning[] = [];
  const planVersions: PlanVersionRef[] = [];
  const groupSets: Record<string, string[]> = {};
  const agreedByMu = new Map<string, number>();
  const linesByVersion = new Map<string, PlanLineRow[]>();
  for (const l of plans.lines) linesByVersion.set(l.plan_version_id, [...(linesByVersion.get(l.plan_version_id) ?? []), l]);
  const versionsByAgreement = new Map<string, typeof plans.versions>();
  for (const v of plans.versions) versionsByAgreement.set(v.agreement_id, [...(versionsByAgreement.get(v.agreement_id) ?? []), v]);
  for (const ag of plans.agreements) {
    const mu = muCode(ag.municipality_id)!;
    const rel = releasedAt.get(key(mu, undefined, undefined, undefined));
    const agreed = ag.kind === 'absolute' ? ag.yearly_number! : rel ? agreedFromShare(Number(ag.share), rel.year) : null;
    const tolerance = Number(ag.tolerance);
    push('M-01', 'year', { municipality: mu }, agreed);
    if (agreed !== null) agreedByMu.set(mu, agreed);
    const d = deliveredAt.get(key(mu, undefined, undefined, undefined)) ?? { year: 0, ytd: 0 };
    compare(rows, { municipality: mu }, agreed, d, period.elapsedMonths, tolerance);

    const versions = versionsByAgreement.get(ag.agreement_id) ?? [];
    if (!versions.length) {
      warnings.push({ code: 'no_plan', municipality: mu, text: { nl: `Er is voor ${q.year} nog geen verdeling over doelgroepen vastgelegd.`, en: `No distribution over target groups has been recorded for ${q.year} yet.` } });
    }
    for (const v of versions) {
      const roles: Array<'initial' | 'current'> = [];
      if (v.is_current) roles.push('current');
      if (v.is_initial && !v.is_current) roles.push('initial');
      for (const role of roles) {
        planVersions.push({ municipality: mu, agreementId: ag.agreement_id, year: q.year, versionNo: v.version_no, decisionDate: v.decision_date, effectiveFrom: v.effective_from, reason: v.reason, role });
        const lines = linesByVersion.get(v.id) ?? [];
        // Lines overlap across levels (a main group and its target groups): the total is that of the
        // main-group lines when there are any, else of the other lines.
        const municipal = lines.filter((l) => !l.corporation_id);
        const top = municipal.some((l) => l.level === 'main_group') ? municipal.filter((l) => l.level === 'main_group') : municipal;
        const total = top.reduce((s, l) => s + l.dwellings, 0);
        if (agreed !== null && lines.some((l) => l.level === 'main_group') && total !== agreed) {
          warnings.push({
            code: 'plan_total_differs', municipality: mu, planVersion: role, planned: total, agreed,
            text: {
              nl: `De verdeling (versie ${v.version_no}) telt op tot ${total}, de afspraak is ${agreed}. Dit is een waarschuwing, geen fout.`,
              en: `The distribution (version ${v.version_no}) adds up to ${total}; the agreement is ${agreed}. This is a warning, not an error.`,
            },
          });
        }
        for (const l of lines) planLine(rows, l, mu, role, period.elapsedMonths, tolerance, deliveredAt, key, coCode, groupSets, (code) => groupInfo.get(code)?.main_group);
      }
      if (v.is_initial && v.is_current) {
        // Only one version: it is both the initial and the current one (R-MO-09).
        planVersions.push({ municipality: mu, agreementId: ag.agreement_id, year: q.year, versionNo: v.version_no, decisionDate: v.decision_date, effectiveFrom: v.effective_from, reason: v.reason, role: 'initial' });
      }
    }

    // M-08 / M-09: distribution over corporations (R-MO-13..R-MO-16), optional per municipality.
    if (ag.distribute_over_corporations && agreed !== null) {
      const stock = inputs.stock.filter((s) => s.municipality_id === ag.municipality_id).map((s) => ({ corporationId: s.corporation_id, dwellings: s.dwellings }));
      const recorded = new Map(plans.targets.filter((t) => t.agreement_id === ag.agreement_id).map((t) => [t.corporation_id, t.dwellings]));
      for (const t of corporationTargets(Math.round(agreed), stock, recorded).rows) {
        const base: Partial<MonitorRow> = { municipality: mu, corporation: coCode(t.corporationId) };
        push('M-08', 'year', base, t.stockShare);
        push('M-09', 'year', base, t.computed, { measure: 'computed_share' });
        push('M-09', 'year', base, t.target);
        const dc = deliveredAt.get(key(mu, base.corporation, undefined, undefined)) ?? { year: 0, ytd: 0 };
        compare(rows, base, t.target, dc, period.elapsedMonths, tolerance);
      }
    }
  }
  const scopeMunis = municipalityIds ?? [...dir.orgs.values()].filter((o) => o.type === 'municipality').map((o) => o.id);
  if (q.municipality && !plans.agreements.length) {
    warnings.push({ code: 'no_agreement', municipality: q.municipality, text: { nl: `Er is geen afspraak voor ${q.year} vastgelegd.`, en: `No agreement has been recorded for ${q.year}.` } });
  }
  // Programme total (all municipalities in scope) against the sum of the agreements.
  if (plans.agreements.length > 1 || (!q.municipality && plans.agreements.length)) {
    const agreedTotal = [...agreedByMu.values()].reduce((a, b) => a + b, 0);
    push('M-01', 'year', {}, agreedTotal);
    const d = deliveredAt.get(key(undefined, undefined, undefined, undefined)) ?? { year: 0, ytd: 0 };
    const tol = Math.max(0, ...plans.agreements.map((a) => Number(a.tolerance)));
    compare(rows, {}, agreedTotal, d, period.elapsedMonths, tol);
  }

  // M-12: need and gap.
  for (const n of inputs.need) {
    const mu = muCode(n.municipality_id)!;
    const base: Partial<MonitorRow> = { municipality: mu, ...(n.main_group !== 'ALL' ? { mainGroup: n.main_group as MainGroup } : {}) };
    push('M-12', 'year', base, n.dwellings, { measure: 'need' });
    if (n.main_group === 'ALL' && agreedByMu.has(mu)) push('M-12', 'year', base, n.dwellings - agreedByMu.get(mu)!, { measure: 'gap' });
  }

  // M-20..M-23a: statushouders quota, housed persons, backlog.
  for (const muId of scopeMunis) {
    const mu = muCode(muId)!;
    const quotas = sh.quotas.filter((x) => x.municipality_id === muId);
    const opening = sh.openings.find((o) => o.municipality_id === muId);
    const persons = shPersons.get(mu) ?? { h1: 0, h2: 0, p1: 0, p2: 0 };
    const hasAny = quotas.length || opening || persons.h1 + persons.h2 + persons.p1 + persons.p2 > 0;
    if (!hasAny) continue;
    const base: Partial<MonitorRow> = { municipality: mu };
    const qh = (h: 1 | 2) => quotas.find((x) => x.year === q.year && x.half === h)?.persons ?? null;
    const q1 = qh(1), q2 = qh(2);
    push('M-20', 'half-year', base, q1, { half: 1 });
    push('M-20', 'half-year', base, q2, { half: 2 });
    push('M-20', 'year', base, q1 === null && q2 === null ? null : (q1 ?? 0) + (q2 ?? 0));
    push('M-21', 'half-year', base, persons.h1, { half: 1, route: 'corporation_dwelling' });
    push('M-21', 'half-year', base, persons.p1, { half: 1, route: 'housing_project' });
    push('M-21', 'half-year', base, persons.h2, { half: 2, route: 'corporation_dwelling' });
    push('M-21', 'half-year', base, persons.p2, { half: 2, route: 'housing_project' });
    push('M-21', 'half-year', base, persons.h1 + persons.p1, { half: 1 });
    push('M-21', 'half-year', base, persons.h2 + persons.p2, { half: 2 });
    push('M-21', 'year', base, persons.h1 + persons.h2 + persons.p1 + persons.p2);
    push('M-23a', 'year', base, persons.p1 + persons.p2);
    // Backlog: carried forward from the opening backlog's year (or from this year, opening 0).
    const from = opening?.year ?? q.year;
    const earlierQuotas = quotas.filter((x) => x.year >= from && x.year < q.year).map((x) => x.persons);
    const earlierHoused = sh.earlier.filter((e) => e.municipality_id === muId && e.year >= from).map((e) => e.persons);
    const start = backlog(opening?.persons ?? 0, earlierQuotas, earlierHoused);
    const alloc = sh.allocated.find((x) => x.municipality_id === muId) ?? { h1: 0, h2: 0 };
    const b1 = backlog(start, [q1 ?? 0], [persons.h1 + persons.p1]);
    const b2 = backlog(b1, [q2 ?? 0], [persons.h2 + persons.p2]);
    push('M-22', 'half-year', base, b1, { half: 1 });
    push('M-22a', 'half-year', base, backlogAllocated(b1, alloc.h1), { half: 1 });
    push('M-22', 'half-year', base, b2, { half: 2 });
    push('M-22a', 'half-year', base, backlogAllocated(b2, alloc.h2), { half: 2 });
    push('M-22', 'year', base, b2);
    push('M-22a', 'year', base, backlogAllocated(b2, alloc.h2));
  }

  // M-27: housing units for young statushouders.
  for (const u of inputs.units) {
    const base: Partial<MonitorRow> = { municipality: muCode(u.municipality_id) };
    push('M-27', 'cumulative', base, u.cumulative_units);
    push('M-27', 'cumulative', base, u.target_units, { measure: 'target_units' });
    push('M-27', 'cumulative', base, Math.max(0, u.target_units - u.cumulative_units), { measure: 'without_location' });
    push('M-27', 'year', base, u.delivered_units);
  }

  // Labels: codes → names for everything the rows mention.
  const municipalities: MonitorResponse['labels']['municipalities'] = {};
  for (const id of scopeMunis) {
    const o = dir.orgs.get(id);
    if (o?.municipality_code) municipalities[o.municipality_code] = { name: o.name, region: rgCode(o.region_id) ?? null };
  }
  const corporations: Record<string, string> = {};
  const regions: Record<string, string> = {};
  for (const r of rows) {
    if (r.corporation && !corporations[r.corporation]) corporations[r.corporation] = [...dir.orgs.values()].find((o) => o.code === r.corporation)?.name ?? r.corporation;
    if (r.region && !regions[r.region]) regions[r.region] = [...dir.regions.values()].find((x) => x.code === r.region)?.name ?? r.region;
  }
  // The region asked for is always named (titles and file names name the area shown).
  if (q.region) regions[q.region] = [...dir.regions.values()].find((x) => x.code === q.region)?.name ?? q.region;
  const targetGroups: MonitorResponse['labels']['targetGroups'] = {};
  for (const g of dir.groups) targetGroups[g.code] = { nl: g.label_nl, en: g.label_en, mainGroup: g.main_group, countsTowardAgreement: g.counts_toward_agreement };

  const layout = q.layout ? await layoutRows(db, q.layout, delivery, prev, rows, q.year) : undefined;

  return {
    year: q.year,
    month: q.month,
    asOf: period.asOf,
    periodEnd: period.periodEnd,
    state: period.state,
    elapsedMonths: period.elapsedMonths,
    monthFraction: period.monthFraction,
    scope: { ...(q.region ? { region: q.region } : {}), ...(q.municipality ? { municipality: q.municipality } : {}), ...(q.corporation ? { corporation: q.corporation } : {}) },
    rows,
    labels: { regions, municipalities, corporations, mainGroups: Object.fromEntries(MAIN_GROUPS.map((m) => [m, MAIN_GROUP_LABELS[m]])) as MonitorResponse['labels']['mainGroups'], targetGroups, groupSets },
    planVersions,
    ...(layout ? { layout } : {}),
    notes: NOTES,
    warnings,
  };
}

/**
 * M-04..M-07 of one planned figure against the delivered figures at the same level. M-06 is the
 * planned figure pro-rated to the "as of" date (period.ts): whole twelfths for a closed month,
 * day by day in the running month.
 */
function compare(rows: MonitorRow[], base: Partial<MonitorRow>, planned: number | null, d: { year: number; ytd: number }, elapsed: number, tolerance: number) {
  const push = (metric: MetricId, period: MonitorRow['period'], value: MonitorRow['value']) =>
    rows.push({ metric, period, ...base, value, unit: METRICS[metric].unit } as MonitorRow);
  if (planned === null) {
    push('M-04', 'year', null);
    push('M-05', 'year', null);
    return;
  }
  const expected = proRatedTarget(planned, elapsed);
  push('M-04', 'year', difference(d.year, planned));
  push('M-05', 'year', realisationRate(d.year, planned));
  push('M-06', 'ytd', expected);
  push('M-04', 'ytd', difference(d.ytd, expected));
  push('M-07', 'ytd', trackStatus(d.ytd, expected, tolerance));
}

function planLine(
  rows: MonitorRow[], l: PlanLineRow, mu: string, role: 'initial' | 'current', elapsed: number, tolerance: number,
  deliveredAt: Map<string, { year: number; ytd: number }>,
  key: (mu: string | undefined, co: string | undefined, mg: string | undefined, tg: string | undefined) => string,
  coCode: (id: string | null) => string | undefined,
  groupSets: Record<string, string[]>,
  mainGroupOf: (code: string) => string | undefined,
) {
  const corporation = coCode(l.corporation_id);
  const base: Partial<MonitorRow> = { municipality: mu, ...(corporation ? { corporation } : {}), planVersion: role };
  let delivered: { year: number; ytd: number } = { year: 0, ytd: 0 };
  if (l.level === 'main_group') {
    base.mainGroup = l.main_group as MainGroup;
    delivered = deliveredAt.get(key(mu, corporation, l.main_group!, undefined)) ?? delivered;
  } else if (l.level === 'target_group') {
    base.targetGroup = l.target_group!;
    // The target-group row of the main pass carries its main group.
    delivered = deliveredAt.get(key(mu, corporation, mainGroupOf(l.target_group!), l.target_group!)) ?? delivered;
  } else {
    base.groupSet = l.group_set_name!;
    groupSets[l.group_set_name!] = l.group_set_codes ?? [];
    for (const code of new Set(l.group_set_codes ?? [])) {
      const v = deliveredAt.get(key(mu, corporation, mainGroupOf(code), code));
      if (v) delivered = { year: delivered.year + v.year, ytd: delivered.ytd + v.ytd };
    }
  }
  rows.push({ metric: 'M-02', period: 'year', ...base, value: l.dwellings, unit: 'dwellings' } as MonitorRow);
  if (role === 'current') compare(rows, base, l.dwellings, delivered, elapsed, tolerance);
  else {
    rows.push({ metric: 'M-04', period: 'year', ...base, value: difference(delivered.year, l.dwellings), unit: 'dwellings' } as MonitorRow);
    rows.push({ metric: 'M-05', period: 'year', ...base, value: realisationRate(delivered.year, l.dwellings), unit: 'percent' } as MonitorRow);
  }
}

/**
 * §12: figures per printed row of a versioned report layout, summed from the target-group
 * aggregates of the scope (counts are summed, percentages computed from the sums, R-MO-40).
 */
async function layoutRows(db: Db, spec: string, delivery: DeliveryAggregate[], prev: Awaited<ReturnType<typeof previousYearWait>>, rows: MonitorRow[], year: number) {
  const [code, v] = spec.split('@');
  const { rows: found } = await sql<{ code: string; version: number; kind: 'delivery' | 'wait_time'; name_nl: string; name_en: string; rows: Array<{ key: string; label: { nl: string; en: string }; mainGroup: MainGroup; codes: string[] }> }>`
    SELECT code, version, kind, name_nl, name_en, rows FROM report_layouts WHERE code = ${code} ${v ? sql`AND version = ${Number(v)}` : sql``} ORDER BY version DESC LIMIT 1`.execute(db);
  const l = found[0];
  if (!l) throw problem.badRequest('unknown_layout', `Rapportindeling ${spec} bestaat niet.`, `Report layout ${spec} does not exist.`);
  // Scope-level target-group aggregates: GROUPING keeps mg and tg only.
  const byGroup = new Map<string, DeliveryAggregate>();
  for (const a of delivery) {
    const keep = dimsOf(a.g);
    if (keep.size === 2 && keep.has('mg') && keep.has('tg') && a.tg) byGroup.set(a.tg, a);
  }
  const prevByGroup = new Map(prev.filter((p) => (p.g & 0b111) === 0b100 && p.tg).map((p) => [p.tg!, p]));
  for (const r of l.rows) {
    const sum = (f: keyof DeliveryAggregate) => r.codes.reduce((s, c) => s + Number(byGroup.get(c)?.[f] ?? 0), 0);
    const base = { reportRow: r.key, mainGroup: r.mainGroup };
    if (l.kind === 'delivery') {
      rows.push({ metric: 'M-03', period: 'year', ...base, value: sum('delivered'), unit: 'dwellings' });
      continue;
    }
    const b = sum('wait_base');
    const p3 = percentage(sum('wait_lt3'), b);
    const p36 = percentage(sum('wait_3to6'), b);
    rows.push({ metric: 'M-13', period: 'year', ...base, value: b, unit: 'households' });
    rows.push({ metric: 'M-14', period: 'year', ...base, value: p3, unit: 'percent' });
    rows.push({ metric: 'M-15', period: 'year', ...base, value: p36, unit: 'percent' });
    rows.push({ metric: 'M-16', period: 'year', ...base, value: above6Share(p3, p36), unit: 'percent' });
    const pb = r.codes.reduce((s, c) => s + (prevByGroup.get(c)?.wait_base ?? 0), 0);
    const pl = r.codes.reduce((s, c) => s + (prevByGroup.get(c)?.wait_lt3 ?? 0), 0);
    rows.push({ metric: 'M-14', period: 'year', year: year - 1, ...base, value: percentage(pl, pb), unit: 'percent' });
  }
  return { code: l.code, version: l.version, kind: l.kind, name: { nl: l.name_nl, en: l.name_en }, rows: l.rows };
}
