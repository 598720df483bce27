/**
 * The nuisance case as each party is served it (field visibility, R-OV-68, PB-4/PB-8):
 * - the care provider runs the protocol and sees the whole case, reporters included (it approaches them, D-OV-01);
 * - the corporation sees the nature of the nuisance, that interventions are taken and the steps it is
 *   owed (Action 1, copies of letters), not the care content (hearing notes, judgement, time-out,
 *   re-placement); a reporter's identity only of the reports it made itself;
 * - the hub sees what it needs to coordinate (MZ-2…MZ-8): reports with reporters (it keeps contact
 *   with them, MZ-6), the protocol steps and flags, letters as a list, not the care content.
 * A reporter's identity is never in an event, a letter or anything the resident sees.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Trx } from '../../platform/cases/engine.ts';
import { CHANNEL_WORDS, NUISANCE_TYPE_WORDS, type NuisanceEventInput, type NuisanceParty, type NuisanceType, type Channel } from '../../domain/nuisance/model.ts';
import { NUISANCE_TRANSITIONS, checkNuisanceEvent } from '../../domain/nuisance/protocol.ts';
import { deriveNuisanceDeadlines } from '../../domain/nuisance/deadlines.ts';
import { ACTION_STEPS, missingSteps, recordableSteps, stepDone } from '../../domain/nuisance/escalation.ts';
import { judge } from '../../domain/nuisance/judgement.ts';
import { HUB_SITUATION_WORDS } from '../../domain/nuisance/mzwo.ts';
import { loadCalendar } from '../calendar/index.ts';
import { promptsFor, type LoadedNuisanceCase, type NuisanceSettings } from './nuisance-case.ts';

type Db = Kysely<Database> | Trx;

/** Event data each party outside the care provider is served (a type not listed: the step and its date only). */
const EVENT_DATA_FOR: Record<Exclude<NuisanceParty, 'care_provider'>, Partial<Record<NuisanceEventInput['type'], ReadonlyArray<string>>>> = {
  corporation: { corporation_informed: ['approach'], escalated: ['action'], letter_issued: ['kind', 'action', 'letterId'], letter_signed: ['letterId', 'signature'], letter_copied: ['letterId'], hub_involved: ['situations'], court_requested: ['ground'], court_judgment: ['evictionJustified'], closed: ['reason'] },
  hub: { corporation_informed: ['approach'], escalated: ['action', 'hubSkipDecision'], action_step_done: ['action', 'step'], letter_issued: ['kind', 'action', 'letterId'], letter_signed: ['letterId', 'signature'], letter_copied: ['letterId'], hub_involved: ['situations', 'note'], hub_lead_taken: ['note'], eiv_decided: ['issued', 'reasonNoneNeeded'], alternative_accepted: [], court_requested: ['ground'], court_judgment: ['evictionJustified'], field_table_notified: [], closed: ['reason'] },
  wonen: {},
};

function pick(data: Record<string, unknown>, keys: ReadonlyArray<string> | undefined): Record<string, unknown> {
  if (!keys) return {};
  return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}

/** Probe data per step: what the case needs to say whether a step can be taken now, and if not, why. */
function probeFor(c: LoadedNuisanceCase, type: NuisanceEventInput['type'], today: string): NuisanceEventInput | null {
  const counting = c.state.reports.filter((r) => r.countsAgainstResident);
  const last = counting.at(-1) ?? c.state.reports.at(-1);
  const rid = last?.id ?? '';
  const next = ((c.state.action ?? 2) + 1) as 3 | 4 | 5 | 6;
  const data: Record<string, Record<string, unknown>> = {
    reporter_contacted: { reportId: rid }, corporation_informed: { approach: '-' }, hearing_held: { reportId: rid },
    judged: { reportId: rid, behaviour: 'unconscious', justifiedPerCareProvider: true }, complainant_informed: { reportId: rid, togetherWithResident: true },
    six_week_check: { reportId: rid, resolved: true }, follow_up_done: { step: 'file_registered' }, escalated: { action: next > 6 ? 6 : next, reportId: rid },
    action_step_done: { action: c.state.action ?? 3, step: recordableSteps(c.state.action ?? 3)[0]?.step ?? '' },
    hub_involved: { situations: ['M6'] }, hub_lead_taken: {}, eiv_decided: { issued: true }, alternative_accepted: { description: '-' }, court_requested: { ground: 'nuisance_file' },
    court_judgment: { evictionJustified: true }, timeout_started: { place: '-', plannedEndOn: addDays(today, 7), corporationAligned: true }, timeout_ended: { outcome: 'returned' },
    replacement_decided: { careContentReason: true, ambulantOptionsExhausted: true, verySeriousEscalation: false }, field_table_notified: {}, closed: { reason: '-' },
  };
  if (!(type in data)) return null;
  return { type, occurredOn: today, data: data[type] } as NuisanceEventInput;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The steps the party can take now, and for each one it cannot take yet what it still needs (said before a refusal). */
export function stepsFor(c: LoadedNuisanceCase, party: NuisanceParty | null, today: string, settings: NuisanceSettings) {
  return (Object.keys(NUISANCE_TRANSITIONS) as Array<NuisanceEventInput['type']>)
    .filter((t) => !['report_linked', 'letter_issued', 'letter_signed', 'letter_copied'].includes(t))
    .filter((t) => party !== null && NUISANCE_TRANSITIONS[t].parties.includes(party))
    .flatMap((type) => {
      const probe = probeFor(c, type, today);
      if (!probe) return [];
      const v = checkNuisanceEvent({ facts: c.facts, state: c.state, party, today, nightWindow: settings.nightWindow }, probe).filter((x) => !x.forbidden);
      return [{ type, label: NUISANCE_TRANSITIONS[type].label, possible: v.length === 0, needs: v.map((x) => ({ nl: x.nl, en: x.en })) }];
    });
}

export interface ReportRow {
  id: string; channel: Channel; nuisance_type: string; description: string; occurred_at: string | null; received_at: Date; received_on: string;
  reporter_name: string | null; reporter_phone: string | null; reporter_email: string | null; reporter_relation: string; counts_against_resident: boolean;
  reported_by_organisation_id: string | null;
}

export async function reportsOf(db: Db, caseId: string): Promise<ReportRow[]> {
  return db.selectFrom('nuisance_reports').select([
    'id', 'channel', 'nuisance_type', 'description', 'occurred_at', 'received_at', 'received_on', 'reporter_name', 'reporter_phone', 'reporter_email', 'reporter_relation', 'counts_against_resident', 'reported_by_organisation_id',
  ]).where('case_id', '=', caseId).orderBy('received_at').execute() as Promise<ReportRow[]>;
}

export function reportView(r: ReportRow, party: NuisanceParty | null, scope: ReadonlyArray<string>, c?: LoadedNuisanceCase) {
  // The reporter: the care provider approaches them (D-OV-01), the hub keeps contact (MZ-6); the corporation only for its own reports.
  const showReporter = party === 'care_provider' || party === 'hub' || (party === 'corporation' && !!r.reported_by_organisation_id && scope.includes(r.reported_by_organisation_id));
  const inCase = c?.state.reports.find((x) => x.id === r.id);
  return {
    id: r.id, channel: r.channel, channelLabel: CHANNEL_WORDS[r.channel], nuisanceType: r.nuisance_type, nuisanceTypeLabel: NUISANCE_TYPE_WORDS[r.nuisance_type as NuisanceType] ?? NUISANCE_TYPE_WORDS.other,
    description: r.description, occurredAt: r.occurred_at, receivedAt: r.received_at.toISOString(), receivedOn: r.received_on,
    countsAgainstResident: r.counts_against_resident,
    reporter: showReporter ? { name: r.reporter_name, phone: r.reporter_phone, email: r.reporter_email, relation: r.reporter_relation } : { relation: r.reporter_relation },
    ...(party === 'care_provider' && inCase ? {
      reporterContactedOn: inCase.reporterContactedOn, heardOn: inCase.heardOn, complainantInformedOn: inCase.complainantInformedOn, sixWeekCheckOn: inCase.sixWeekCheckOn, resolved: inCase.resolved,
      judgement: inCase.judgement ? { ...inCase.judgement, followUps: judge({ behaviour: inCase.judgement.behaviour, justifiedPerCareProvider: inCase.judgement.justified, residentAgreesJustified: inCase.judgement.residentAgrees }).followUps } : null,
    } : {}),
  };
}

export async function nuisanceCaseView(db: Db, c: LoadedNuisanceCase, party: NuisanceParty | null, scope: ReadonlyArray<string>, today: string, settings: NuisanceSettings) {
  const orgIds = [c.careProviderId, c.corporationId, c.hubId].filter((x): x is string => !!x);
  const orgs = orgIds.length ? await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute() : [];
  const name = (id: string | null) => (id ? (orgs.find((o) => o.id === id)?.name ?? null) : null);
  let resident: { name: string | null; trajectoryId: string | null } | null = null;
  if (c.trajectoryId) {
    const r = await db.selectFrom('trajectories as t').innerJoin('clients as cl', 'cl.id', 't.client_id').select(['cl.first_name', 'cl.last_name']).where('t.id', '=', c.trajectoryId).executeTakeFirst();
    resident = { name: r ? `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim() || null : null, trajectoryId: party === 'care_provider' ? c.trajectoryId : null };
  }
  const cal = await loadCalendar(db as Kysely<Database>);
  const deadlines = deriveNuisanceDeadlines(cal, c.facts, c.state, { d08WorkingDays: settings.hearingWorkingDays })
    .filter((d) => party === 'care_provider' || d.actor === party || (party === 'hub' && d.ruleId === 'D-OV-05'))
    .map((d) => ({ key: d.key, ruleId: d.ruleId, label: d.label, actor: d.actor, start: d.start, due: d.due, metOn: d.metOn, closedAs: d.closedAs, overdue: !d.metOn && !d.closedAs && d.due < today }));
  const letters = await db.selectFrom('nuisance_letters').select(['id', 'kind', 'action', 'issued_on', 'signed_on', 'signature', 'copied_on'])
    .where('case_kind', '=', 'nuisance').where('case_id', '=', c.id).orderBy('created_at').execute();
  const reports = await reportsOf(db, c.id);
  const s = c.state;
  const action = s.action;
  return {
    id: c.id, version: c.version, status: s.status, address: c.address, district: c.districtName ?? c.districtCode, openedOn: c.openedOn,
    hasSupport: c.facts.hasSupport, resident,
    careProvider: c.careProviderId ? { id: c.careProviderId, name: name(c.careProviderId) } : null,
    corporation: c.corporationId ? { id: c.corporationId, name: name(c.corporationId) } : null,
    hub: c.hubId ? { id: c.hubId, name: name(c.hubId), involved: c.hubInvolved, lead: s.hubLeadOn !== null, situations: s.hubSituations.map((m) => ({ code: m, label: HUB_SITUATION_WORDS[m] })) } : null,
    // R-OV-20: the care provider is prompted to report to the hub when a situation applies.
    hubPrompts: party === 'care_provider' ? promptsFor(c).map((m) => ({ code: m, label: HUB_SITUATION_WORDS[m] })) : [],
    action,
    firstComplaintOn: s.firstComplaintOn,
    // D-OV-05: open longer than three months is flagged to the hub.
    overThreeMonths: deadlines.some((d) => d.ruleId === 'D-OV-05' && d.overdue),
    reviewFlag: party === 'care_provider' ? s.reviewFlag : undefined,
    legalAdvice: action !== null && action >= 4,
    checklist: party === 'care_provider' || party === 'hub'
      ? ([3, 4, 5, 6] as const).filter((a) => action !== null && a <= action).map((a) => ({
        action: a, steps: ACTION_STEPS[a].map((st) => ({ step: st.step, label: st.words, done: stepDone(s, a, st), doneOn: s.actionSteps[a]?.[st.step] ?? null, recordable: recordableSteps(a).includes(st) })),
        missing: missingSteps(s, a).map((m) => m.words),
      }))
      : [],
    timeout: party === 'care_provider' ? s.timeout : undefined,
    replacement: party === 'care_provider' ? s.replacement : undefined,
    eiv: party === 'care_provider' || party === 'hub' ? s.eiv : undefined,
    courtRequestedOn: s.courtRequestedOn, closedOn: s.closedOn,
    reports: reports.map((r) => reportView(r, party, scope, c)),
    deadlines,
    letters: letters.filter((l) => party === 'care_provider' || party === 'hub' || (party === 'corporation' && l.copied_on !== null))
      .map((l) => ({ id: l.id, kind: l.kind, action: l.action, issuedOn: l.issued_on, signedOn: l.signed_on, signature: l.signature, copiedOn: l.copied_on, pdf: party !== 'hub' })),
    events: c.events.map((e) => ({
      seq: e.seq, type: e.type, label: NUISANCE_TRANSITIONS[e.type].label, occurredOn: e.occurredOn,
      data: party === 'care_provider' ? e.data : pick(e.data as Record<string, unknown>, party ? EVENT_DATA_FOR[party as Exclude<NuisanceParty, 'care_provider'>]?.[e.type] : undefined),
    })),
    steps: stepsFor(c, party, today, settings),
  };
}
