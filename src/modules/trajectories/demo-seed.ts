/**
 * Demo cases: clients of Zorggroep Horizon at different stations of the Omslagroute, dated
 * relative to today so that worklists, deadlines and the metro line are alive on `npm start`.
 * Every event passes the same domain checks as one recorded through the API.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { addPeriod } from '../../domain/calendar/index.ts';
import { eventDataViolations, isTypedEventInput, type EventType, type RecordingActor } from '../../domain/trajectories/index.ts';
import { CaseEventRefused } from '../../platform/cases/engine.ts';
import { recordTrajectoryEvent, type TrajectoryActor } from './case-kind.ts';

type Step = [type: EventType, daysAgo: number, data: Record<string, unknown>, by: 'cw' | 'cc' | 'won' | 'od'];

const GOALS = [
  { id: 'g1', domain: 'daytime_activities', text: 'Twee dagen per week vrijwilligerswerk', linkedToUrgency: true },
  { id: 'g2', domain: 'social_functioning', text: 'Contact met familie herstellen', linkedToUrgency: false },
  { id: 'g3', domain: 'psychological_functioning', text: 'Behandeling volhouden', linkedToUrgency: true },
  { id: 'g4', domain: 'financial_functioning', text: 'Huur en vaste lasten op tijd betalen', linkedToUrgency: true },
];

const offer = (availableDaysAgo: number) => ({
  address: 'Lindelaan 12-2, Veenhaven', availableOn: `@${availableDaysAgo}`, floor: 2, lift: true, facilities: 'Douche, keuken, balkon',
  noiseAndDefects: 'Geen bijzonderheden', contactName: 'Joost Meijer', recentNuisanceFile: false,
});

const REFERRAL: Step[] = [
  ['consent_given', -1, { consentId: '@consent' }, 'cw'],
  ['housing_needs_recorded', -1, { preferredNeighbourhoods: ['Oost', 'Zuid'], excludedNeighbourhoods: [], circumstances: 'Alleenstaand; liever geen galerijflat', schoolProximity: '' }, 'cw'],
  ['referral_analysis_recorded', -1, { c1PaysRent: true, c2GoodNeighbour: true, c3AcceptsSupport: true, c4GoalsMatchLifeDomains: true, c5ChildrenEnvironment: null, nuisanceRisk: 'Laag; afspraken over bezoek' }, 'cw'],
  ['goals_set', -1, { goals: GOALS }, 'cw'],
  ['referral_submitted', -1, {}, 'cw'],
];

function toKeyHandover(start: number): Step[] {
  return [
    ...REFERRAL.map(([t, , d, by]): Step => [t, start, d, by]),
    ['decision_issued', start - 7, {}, 'cw'],
    ['urgency_granted', start - 14, { conditional: true }, 'won'],
    ['active_mediation_started', start - 15, {}, 'won'],
    ['offer_received', start - 60, offer(start - 62), 'cc'],
    ['offer_replied', start - 61, { reply: 'accept' }, 'cw'],
    ['client_informed', start - 62, { choicesDiscussed: true }, 'cw'],
    ['match_final', start - 64, { oldRegistrationKept: true }, 'cc'],
    ['dwelling_ready', start - 66, {}, 'cc'],
    ['lease_signed', start - 67, { ibriShared: true }, 'cc'],
    ['transfer_goals_communicated', start - 67, {}, 'cw'],
    ['key_handover', start - 68, { corporationContactPresent: true }, 'cw'],
  ];
}

interface DemoCase { first: string; last: string; birth: string; startDaysAgo: number; steps: (s: number) => Step[] }

const CASES: DemoCase[] = [
  { first: 'Ayla', last: 'Demir', birth: '1988-04-12', startDaysAgo: 3, steps: () => [] },
  { first: 'Bas', last: 'Hendriks', birth: '1979-11-02', startDaysAgo: 40, steps: (s) => REFERRAL.map(([t, , d, by]): Step => [t, s - 2, d, by]) },
  {
    first: 'Chantal', last: 'Wouters', birth: '1995-07-23', startDaysAgo: 120,
    steps: (s) => [...REFERRAL.map(([t, , d, by]): Step => [t, s - 2, d, by]), ['decision_issued', s - 10, {}, 'cw'], ['urgency_granted', s - 20, { conditional: true }, 'won'], ['active_mediation_started', s - 21, {}, 'won'], ['offer_received', 2, offer(-1), 'cc']],
  },
  { first: 'Dennis', last: 'Bakker', birth: '1984-01-30', startDaysAgo: 140, steps: (s) => toKeyHandover(s).map(([t, d, x, by]): Step => [t, d, x, by]) },
  {
    first: 'Esra', last: 'Yıldız', birth: '2003-09-05', startDaysAgo: 520,
    steps: (s) => [...toKeyHandover(s), ['introduction_meeting_scheduled', s - 90, { plannedOn: `@${s - 100}` }, 'cw'], ['introduction_meeting_held', s - 100, { atDwelling: true, evaluationIntervalMonths: 6 }, 'cw'], ['support_plan_completed', s - 105, {}, 'cw']],
  },
  {
    first: 'Frank', last: 'de Jong', birth: '1975-03-17', startDaysAgo: 560,
    steps: (s) => [
      ...toKeyHandover(s), ['introduction_meeting_scheduled', s - 90, { plannedOn: `@${s - 100}` }, 'cw'], ['introduction_meeting_held', s - 100, { atDwelling: true, evaluationIntervalMonths: 12 }, 'cw'],
      ['support_plan_completed', s - 105, {}, 'cw'], ['housing_evaluation_held', 40, { outcome: 'start_transfer', consentChecked: true, preConsultationHeld: true, atDwelling: true }, 'cw'],
      ['goal_achieved', 40, { goalId: 'g1', achieved: true }, 'cw'], ['goal_achieved', 40, { goalId: 'g3', achieved: true }, 'cw'], ['goal_achieved', 40, { goalId: 'g4', achieved: true }, 'cw'],
      ['nuisance_check_done', 35, { complaintsFound: false, transferPossibleWithoutBehaviourChange: true, checkedWith: ['nuisance_hub', 'corporation'] }, 'cw'],
      ['transfer_decision_joint', 30, { residentAgrees: true, careProviderAgrees: true, corporationAgrees: true, noUnacceptableRisks: true, aftercareNeeds: 'Buurteam en inloop Huis van de Wijk' }, 'cw'],
      ['nomination_filled', 20, {}, 'cw'], ['independent_review', 12, { verdict: 'approved', reasonCodes: [], motivation: 'Doelen behaald, geen risico’s' }, 'od'],
      ['nomination_sent_to_wonen', 3, { nawBankIbriShared: true }, 'cw'],
    ],
  },
];

export async function seedDemoCases(db: Kysely<Database>, clock: Clock, demoDomain: string): Promise<number> {
  const existing = await db.selectFrom('clients').select('id').limit(1).execute();
  if (existing.length) return 0;
  const today = todayIn(clock);
  const ago = (n: number) => addPeriod(today, -n, 'days');
  const user = async (local: string) => (await db.selectFrom('users').select('id').where('email', '=', `${local}@${demoDomain}`).executeTakeFirstOrThrow()).id;
  const org = async (code: string) => (await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [cw, cc, won, od, horizon, linde, wonenOrg] = await Promise.all([user('begeleider'), user('corporatie'), user('wonen'), user('onafhankelijk'), org('ZA-HORIZON'), org('WC-LINDE'), org('GEM-VH-WONEN')]);
  const actors: Record<Step[3], { actor: RecordingActor; orgId: string }> = {
    cw: { actor: { userId: cw, role: 'care_worker', kinds: ['care_provider'], isPersonalSupervisor: true }, orgId: horizon },
    cc: { actor: { userId: cc, role: 'corporation_contact', kinds: ['corporation'], isPersonalSupervisor: false }, orgId: linde },
    won: { actor: { userId: won, role: 'wonen_officer', kinds: ['wonen'], isPersonalSupervisor: false }, orgId: wonenOrg },
    od: { actor: { userId: od, role: 'independent_reviewer', kinds: ['care_provider'], isPersonalSupervisor: false }, orgId: horizon },
  };
  const resolve = (v: unknown, consentId: string): unknown => {
    if (typeof v === 'string' && v === '@consent') return consentId;
    if (typeof v === 'string' && v.startsWith('@')) return ago(Number(v.slice(1)));
    if (Array.isArray(v)) return v.map((x) => resolve(x, consentId));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, consentId)]));
    return v;
  };
  const now = clock.now();
  for (const c of CASES) {
    await db.transaction().execute(async (trx) => {
      const client = await trx.insertInto('clients').values({
        care_provider_id: horizon, first_name: c.first, last_name: c.last, birth_date: c.birth, phone: '06 0000 0000', email: null, address: 'Opvang De Haven, Veenhaven',
        woningnet_number: `WN-${c.birth.replaceAll('-', '')}`, woningnet_registered_on: ago(c.startDaysAgo + 700), old_woningnet_number: null, old_woningnet_registered_on: null,
        target_group: 'omslag_mobw_adult', created_at: now, updated_at: now, erased_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      const start = ago(c.startDaysAgo);
      const t = await trx.insertInto('trajectories').values({
        client_id: client.id, care_provider_id: horizon, corporation_id: linde, corporation_contact_id: cc, target_group: 'omslag_mobw_adult', variant: 'regular',
        phase: 'P0_consent', status: 'active', exit: null, started_on: start, dwelling_address: null, state: '{}', created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('trajectory_team').values([
        { trajectory_id: t.id, user_id: cw, organisation_id: horizon, case_role: 'personal_supervisor', added_by: cw, added_at: now },
        { trajectory_id: t.id, user_id: cc, organisation_id: linde, case_role: 'corporation_contact', added_by: cw, added_at: now },
      ]).execute();
      const consent = await trx.insertInto('consents').values({
        client_id: client.id, purposes: ['PB-1', 'PB-2', 'PB-3', 'PB-4', 'PB-5', 'PB-6', 'PB-7'], given_on: start,
        explained_items: JSON.stringify(['what', 'why', 'which_information', 'with_whom', 'storage_and_retention', 'rights']), explained_by: cw, retention: 'Tot 2 jaar na afsluiting van het traject', recorded_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const steps: Step[] = [['trajectory_started', c.startDaysAgo, { variant: 'regular' }, 'cw'], ...c.steps(c.startDaysAgo).map(([type, d, data, by]): Step => [type, d < 0 ? c.startDaysAgo : d, data, by])];
      for (const [type, daysAgo, raw, by] of steps) {
        const data = resolve(raw, consent.id) as Record<string, unknown>;
        const occurredOn = ago(Math.max(0, daysAgo));
        const { actor, orgId } = actors[by];
        // Through the case's one write path, as a user would record it (a refused step is a bug in the demo).
        const as: TrajectoryActor = { ...actor, kinds: [...actor.kinds], organisationId: orgId, relation: null, purpose: by === 'cw' ? 'case_management' : null };
        try {
          const input = { type, occurredOn, data, correctsEventId: null };
          if (!isTypedEventInput(input)) throw new CaseEventRefused(eventDataViolations(type, data));
          await recordTrajectoryEvent(trx, t.id, input, () => as, { clock });
        } catch (err) {
          if (err instanceof CaseEventRefused) throw new Error(`demo case ${c.first}: ${type}: ${err.violations.map((v) => v.code).join(', ')}`);
          throw err;
        }
      }
    });
  }
  return CASES.length;
}
