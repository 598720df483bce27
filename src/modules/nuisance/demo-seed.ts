/**
 * Demo nuisance cases in Veenhaven, dated relative to today, so that the care provider's reporting
 * point, the corporation's copies and the hub's district overview are alive on `npm start`:
 * a first complaint waiting for the two-working-day response, a case in category 1 after the
 * judgement, an escalation at action 4 (warning letter signed, official warning issued), a case
 * reported to the hub through its own channel (no support on the address), older cases in several
 * districts, and a New Chance between its GO decision and the new dwelling.
 * Every event goes through the case's one write path and passes the same checks as the API.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { addPeriod } from '../../domain/calendar/index.ts';
import type { Channel, LetterKind, NewChanceEventInput, NuisanceEventInput, NuisanceParty, NuisanceType, ReportFacts } from '../../domain/nuisance/model.ts';
import type { LetterInput } from '../../domain/nuisance/letters.ts';
import { recordNuisanceEvent, DEFAULT_NIGHT } from './nuisance-case.ts';
import { recordNewChanceEvent } from './new-chance-case.ts';
import { addressKey, addressLine, reporterKey, type AddressInput } from './reports.ts';

type Db = Kysely<Database>;

const orgId = async (db: Db, code: string) => (await db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

/** Veenhaven's corporations named on its AFWC-like list (R-OV-48 is configurable per municipality). */
const VEENHAVEN_AFWC = ['WC-LINDE', 'WC-HAVENWONINGEN', 'WC-OOSTERWONEN', 'WC-WOONKRACHT', 'WC-POLDERHUIS'];

interface SeedReport { channel: Channel; type: NuisanceType; daysAgo: number; at?: string; text: string; reporter: { name: string; phone?: string; relation: string } }
type SeedStep = [daysAgo: number, party: NuisanceParty, input: (ids: { reports: string[]; letters: Record<string, string> }) => Omit<NuisanceEventInput, 'occurredOn'> | { letter: LetterKind; agreements: string[]; behaviour: string } | { sign: LetterKind; signature: 'signed' | 'seen' } | { copy: LetterKind } | { report: number }];

interface SeedCase {
  addr: AddressInput; districtCode: string; districtName: string; openedDaysAgo: number; support: boolean; hubInvolved?: boolean;
  reports: SeedReport[]; steps: SeedStep[]; residentName: string;
}

const LETTER_ACTION: Partial<Record<LetterKind, 3 | 4 | 5 | 6>> = { warning_letter: 3, official_warning_letter: 4, formal_notice: 5, dissolution_notice: 6 };

const AGREEMENTS = ['Na 22.00 uur geen harde muziek', 'Bezoek verlaat de woning voor 23.00 uur'];

const CASES: SeedCase[] = [
  {
    // A first complaint: received yesterday, the two-working-day clock runs.
    addr: { street: 'Turfmarkt', houseNumber: 3, postcode: '9001AA', city: 'Veenhaven' }, districtCode: 'WK900100', districtName: 'Centrum', openedDaysAgo: 1, support: true, residentName: '',
    reports: [{ channel: 'C1', type: 'noise', daysAgo: 1, at: '23:30', text: 'Harde muziek tot na middernacht, al drie avonden.', reporter: { name: 'M. de Boer', phone: '0612345678', relation: 'neighbour' } }],
    steps: [],
  },
  {
    // Category 1: heard and judged (J3), complainant informed, the six-week check due.
    addr: { street: 'Zwanenlaan', houseNumber: 27, addition: '2', postcode: '9002BC', city: 'Veenhaven' }, districtCode: 'WK900101', districtName: 'Noord', openedDaysAgo: 20, support: true, residentName: '',
    reports: [{ channel: 'C2', type: 'noise', daysAgo: 20, text: 'Wasmachine draait midden in de nacht; buren klagen bij de corporatie.', reporter: { name: 'Joost Meijer', relation: 'corporation' } }],
    steps: [
      [19, 'care_provider', () => ({ type: 'corporation_informed', data: { approach: 'Gesprek met de bewoner deze week; terugkoppeling volgt.' } })],
      [18, 'care_provider', ({ reports }) => ({ type: 'hearing_held', data: { reportId: reports[0]!, note: 'Bewoner wist niet dat het geluid zo ver draagt.' } })],
      [18, 'care_provider', ({ reports }) => ({ type: 'judged', data: { reportId: reports[0]!, behaviour: 'unconscious', justifiedPerCareProvider: true } })],
      [17, 'care_provider', ({ reports }) => ({ type: 'complainant_informed', data: { reportId: reports[0]!, togetherWithResident: true } })],
      [16, 'care_provider', () => ({ letter: 'written_feedback', agreements: ['Wasmachine alleen tussen 8.00 en 21.00 uur'], behaviour: 'De wasmachine draaide midden in de nacht.' })],
      [16, 'care_provider', () => ({ type: 'follow_up_done', data: { step: 'registered_in_file' } })],
    ],
  },
  {
    // Escalated to action 4: a second similar justified complaint led to action 3 (letter read aloud and signed), a third to action 4.
    addr: { street: 'Dagpauwoogstraat', houseNumber: 112, postcode: '9003CA', city: 'Veenhaven' }, districtCode: 'WK900102', districtName: 'Oost', openedDaysAgo: 80, support: true, hubInvolved: true, residentName: '',
    reports: [
      { channel: 'C1', type: 'noise', daysAgo: 80, at: '23:15', text: 'Harde muziek en geschreeuw in de nacht.', reporter: { name: 'F. Yildiz', phone: '0687654321', relation: 'neighbour' } },
      { channel: 'C3', type: 'noise', daysAgo: 40, at: '00:30', text: 'Opnieuw lawaai na middernacht; gemeld bij de wijkagent.', reporter: { name: 'Wijkagent Oost', relation: 'police' } },
      { channel: 'C1', type: 'noise', daysAgo: 12, at: '23:45', text: 'Het lawaai gaat door, nu ook in het weekend.', reporter: { name: 'P. Janssen', phone: '0611122233', relation: 'neighbour' } },
    ],
    steps: [
      [79, 'care_provider', ({ reports }) => ({ type: 'reporter_contacted', data: { reportId: reports[0]! } })],
      [79, 'care_provider', () => ({ type: 'corporation_informed', data: { approach: 'Wederhoor met de bewoner; afspraken over geluid in de avond.' } })],
      [77, 'care_provider', ({ reports }) => ({ type: 'hearing_held', data: { reportId: reports[0]! } })],
      [77, 'care_provider', ({ reports }) => ({ type: 'judged', data: { reportId: reports[0]!, behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: true } })],
      [76, 'care_provider', ({ reports }) => ({ type: 'complainant_informed', data: { reportId: reports[0]!, togetherWithResident: true } })],
      [75, 'care_provider', () => ({ letter: 'written_feedback', agreements: AGREEMENTS, behaviour: 'Harde muziek na 22.00 uur.' })],
      [40, 'care_provider', () => ({ report: 1 })],
      [39, 'care_provider', ({ reports }) => ({ type: 'reporter_contacted', data: { reportId: reports[1]! } })],
      [39, 'care_provider', () => ({ type: 'corporation_informed', data: { approach: 'Nieuwe klacht; wederhoor en zo nodig een waarschuwingsgesprek.' } })],
      [38, 'care_provider', ({ reports }) => ({ type: 'hearing_held', data: { reportId: reports[1]! } })],
      [38, 'care_provider', ({ reports }) => ({ type: 'judged', data: { reportId: reports[1]!, behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: false } })],
      [37, 'care_provider', ({ reports }) => ({ type: 'escalated', data: { action: 3, reportId: reports[1]! } })],
      [37, 'care_provider', () => ({ type: 'action_step_done', data: { action: 3, step: 'warning_conversation' } })],
      [37, 'care_provider', () => ({ letter: 'warning_letter', agreements: AGREEMENTS, behaviour: 'Harde muziek en geschreeuw na 22.00 uur.' })],
      [36, 'care_provider', () => ({ sign: 'warning_letter', signature: 'signed' })],
      [36, 'care_provider', () => ({ copy: 'warning_letter' })],
      [36, 'care_provider', () => ({ type: 'action_step_done', data: { action: 3, step: 'next_steps_explained' } })],
      [36, 'care_provider', () => ({ type: 'action_step_done', data: { action: 3, step: 'letter_archived' } })],
      [35, 'care_provider', () => ({ type: 'action_step_done', data: { action: 3, step: 'reporters_informed' } })],
      [35, 'care_provider', () => ({ type: 'action_step_done', data: { action: 3, step: 'police_advice' } })],
      [35, 'care_provider', () => ({ type: 'hub_involved', data: { situations: ['M2', 'M6'], note: 'Meerdere buren; overlast herhaalt zich.' } })],
      [12, 'care_provider', () => ({ report: 2 })],
      [11, 'care_provider', ({ reports }) => ({ type: 'reporter_contacted', data: { reportId: reports[2]! } })],
      [11, 'care_provider', () => ({ type: 'corporation_informed', data: { approach: 'De overlast gaat door; officiële waarschuwing en gesprek met de teammanager.' } })],
      [11, 'care_provider', ({ reports }) => ({ type: 'hearing_held', data: { reportId: reports[2]! } })],
      [11, 'care_provider', ({ reports }) => ({ type: 'judged', data: { reportId: reports[2]!, behaviour: 'conscious', justifiedPerCareProvider: true, residentAgreesJustified: false } })],
      [10, 'care_provider', ({ reports }) => ({ type: 'escalated', data: { action: 4, reportId: reports[2]! } })],
      [10, 'care_provider', () => ({ letter: 'official_warning_letter', agreements: AGREEMENTS, behaviour: 'Harde muziek en geschreeuw na 22.00 uur, ook na de waarschuwing.' })],
      [9, 'care_provider', () => ({ type: 'action_step_done', data: { action: 4, step: 'team_manager_conversation' } })],
    ],
  },
  {
    // Reported to the hub by a neighbour (C4); no support on the address: the hub's regular method.
    addr: { street: 'Molenweg', houseNumber: 61, postcode: '9005EB', city: 'Veenhaven' }, districtCode: 'WK900104', districtName: 'West', openedDaysAgo: 6, support: false, hubInvolved: true, residentName: '',
    reports: [{ channel: 'C4', type: 'pollution', daysAgo: 6, text: 'Vuilniszakken in het trappenhuis; stank in de portiek.', reporter: { name: 'A. Visser', phone: '0622233344', relation: 'neighbour' } }],
    steps: [],
  },
  {
    // Open for more than three months (D-OV-05 flagged to the hub).
    addr: { street: 'Kadijk', houseNumber: 2, houseLetter: 'B', postcode: '9006FC', city: 'Veenhaven' }, districtCode: 'WK900105', districtName: 'Haven', openedDaysAgo: 110, support: true, hubInvolved: true, residentName: '',
    reports: [
      { channel: 'C2', type: 'harassment', daysAgo: 110, text: 'Buurvrouw voelt zich geïntimideerd in de portiek.', reporter: { name: 'Joost Meijer', relation: 'corporation' } },
      { channel: 'C4', type: 'harassment', daysAgo: 60, text: 'Melding bij het Meldpunt: opnieuw intimidatie.', reporter: { name: 'R. Bakker', relation: 'neighbour' } },
    ],
    steps: [
      [109, 'care_provider', () => ({ type: 'corporation_informed', data: { approach: 'Gesprek met bewoner en buurvrouw; buurtbemiddeling aangeboden.' } })],
      [105, 'care_provider', ({ reports }) => ({ type: 'hearing_held', data: { reportId: reports[0]! } })],
    ],
  },
];

async function letterInput(db: Db, kind: LetterKind, c: { careProviderId: string | null; corporationId: string | null; address: string; residentName: string }, issuedOn: string, agreements: string[], behaviour: string, authorId: string): Promise<LetterInput> {
  const orgs = await db.selectFrom('organisations').select(['id', 'name', 'phone', 'email']).where('id', 'in', [c.careProviderId, c.corporationId].filter((x): x is string => !!x)).execute();
  const cp = orgs.find((o) => o.id === c.careProviderId);
  const corp = orgs.find((o) => o.id === c.corporationId);
  const author = await db.selectFrom('users').select('name').where('id', '=', authorId).executeTakeFirstOrThrow();
  return {
    kind, issuedOn, resident: { name: c.residentName || 'de bewoner', address: c.address },
    careProvider: { name: cp?.name ?? '', reportingPointPhone: cp?.phone ?? null, reportingPointEmail: cp?.email ?? null, outOfHoursPhone: cp?.phone ?? null },
    corporation: corp ? { name: corp.name } : null, author: { name: author.name, role: 'Begeleider' },
    nuisanceTypes: ['noise'], behaviour, agreementsNotKept: agreements, nextSteps: 'Met uw begeleider maakt u een plan voor rustige avonden.', newChance: null,
  };
}

export async function seedDemoNuisance(db: Db, clock: Clock): Promise<number> {
  if ((await db.selectFrom('nuisance_cases').select('id').limit(1).execute()).length) return 0;
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', ['begeleider@demo.thuisroute.nl', 'corporatie@demo.thuisroute.nl', 'mzwo@demo.thuisroute.nl']).execute();
  if (users.length < 3) return 0;
  const user = (local: string) => users.find((u) => u.email.startsWith(`${local}@`))!.id;
  const [veenhaven, horizon, linde, hub] = await Promise.all([orgId(db, 'GEM-VEENHAVEN'), orgId(db, 'ZA-HORIZON'), orgId(db, 'WC-LINDE'), orgId(db, 'MZWO-VEENHAVEN')]);
  const today = todayIn(clock);
  const at = (daysAgo: number) => addPeriod(today, -daysAgo, 'days');
  await db.insertInto('nuisance_settings').values({ municipality_id: veenhaven, afwc_members: VEENHAVEN_AFWC, updated_at: clock.now() }).onConflict((oc) => oc.doNothing()).execute();
  // The residents: Horizon's clients who live in their dwelling (the demo trajectories in the living phase).
  const living = await db.selectFrom('trajectories as t').innerJoin('clients as c', 'c.id', 't.client_id')
    .select(['t.id', 't.corporation_id', 'c.first_name', 'c.last_name']).where('t.care_provider_id', '=', horizon).where('t.status', '=', 'active')
    .where('t.phase', 'in', ['P5_introduction', 'P6_support_plan', 'P7_living', 'P8_transfer']).orderBy('t.started_on').execute();
  let n = 0;
  for (const [i, sc] of CASES.entries()) {
    const t = sc.support ? living[i % Math.max(living.length, 1)] : undefined;
    if (sc.support && !t) continue;
    const residentName = t ? `${t.first_name ?? ''} ${t.last_name ?? ''}`.trim() : '';
    const opened = at(sc.openedDaysAgo);
    const now = new Date(`${opened}T09:00:00Z`);
    const caseRow = await db.insertInto('nuisance_cases').values({
      municipality_id: veenhaven, hub_id: hub, hub_involved: false, district_code: sc.districtCode, district_name: sc.districtName,
      address_key: addressKey(sc.addr), address: addressLine(sc.addr), dwelling_id: null, trajectory_id: t?.id ?? null, care_provider_id: t ? horizon : null, corporation_id: t ? (t.corporation_id ?? linde) : linde,
      has_support: !!t, status: 'received', state: JSON.stringify({}), opened_on: opened, created_by: user('begeleider'), created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const reportIds: string[] = [];
    const letters: Record<string, string> = {};
    const ctx = { careProviderId: t ? horizon : null, corporationId: t ? (t.corporation_id ?? linde) : linde, address: addressLine(sc.addr), residentName };
    const record = async (daysAgo: number, party: NuisanceParty, input: NuisanceEventInput) => {
      const orgOf = party === 'hub' ? hub : party === 'corporation' ? ctx.corporationId : horizon;
      const who = party === 'hub' ? user('mzwo') : party === 'corporation' ? user('corporatie') : user('begeleider');
      const fixed = { now: () => new Date(`${at(daysAgo)}T10:00:00Z`) };
      await db.transaction().execute((trx) => recordNuisanceEvent(trx, caseRow.id, input, () => ({ userId: who, organisationId: orgOf, role: 'demo', party, purpose: null }), {
        clock: fixed, settings: { afwcMembers: VEENHAVEN_AFWC, nightWindow: DEFAULT_NIGHT, hearingWorkingDays: 5 },
      }));
    };
    const addReport = async (r: SeedReport) => {
      const on = at(r.daysAgo);
      const party: NuisanceParty = r.channel === 'C4' ? 'hub' : r.channel === 'C2' ? 'corporation' : 'care_provider';
      const key = reporterKey(veenhaven, { name: r.reporter.name, phone: r.reporter.phone ?? null });
      const rep = await db.insertInto('nuisance_reports').values({
        municipality_id: veenhaven, case_id: caseRow.id, channel: r.channel, nuisance_type: r.type, description: r.text, occurred_at: r.at ? `${addPeriod(on, -1, 'days')}T${r.at}` : null,
        received_at: new Date(`${on}T08:30:00Z`), received_on: on, reporter_name: r.reporter.name, reporter_phone: r.reporter.phone ?? null, reporter_email: null, reporter_relation: r.reporter.relation,
        reporter_key: key, counts_against_resident: r.channel !== 'C5', address_key: addressKey(sc.addr), care_provider_id: ctx.careProviderId, reported_by: null, reported_by_organisation_id: party === 'hub' ? hub : party === 'corporation' ? ctx.corporationId : horizon, created_at: new Date(`${on}T08:30:00Z`),
      }).returning('id').executeTakeFirstOrThrow();
      reportIds.push(rep.id);
      const facts: ReportFacts = { id: rep.id, channel: r.channel, nuisanceType: r.type, occurredAt: r.at ? `${addPeriod(on, -1, 'days')}T${r.at}` : null, receivedOn: on, reporterKey: key, countsAgainstResident: r.channel !== 'C5' };
      await record(r.daysAgo, party, { type: 'report_linked', occurredOn: on, data: { report: facts } });
    };
    await addReport(sc.reports[0]!);
    for (const [daysAgo, party, make] of sc.steps) {
      const step = make({ reports: reportIds, letters });
      const on = at(daysAgo);
      if ('report' in step) {
        await addReport(sc.reports[step.report]!);
      } else if ('letter' in step) {
        const input = await letterInput(db, step.letter, ctx, on, step.agreements, step.behaviour, user('begeleider'));
        const l = await db.insertInto('nuisance_letters').values({
          municipality_id: veenhaven, case_kind: 'nuisance', case_id: caseRow.id, kind: step.letter, action: LETTER_ACTION[step.letter] ?? null,
          input: JSON.stringify(input), issued_on: on, created_by: user('begeleider'), created_at: new Date(`${on}T10:00:00Z`),
        }).returning('id').executeTakeFirstOrThrow();
        letters[step.letter] = l.id;
        await record(daysAgo, party, { type: 'letter_issued', occurredOn: on, data: { letterId: l.id, kind: step.letter, action: LETTER_ACTION[step.letter] ?? null, agreementsNotKept: step.agreements } });
      } else if ('sign' in step) {
        await record(daysAgo, party, { type: 'letter_signed', occurredOn: on, data: { letterId: letters[step.sign]!, signature: step.signature, readAloud: true } });
        await db.updateTable('nuisance_letters').set({ signed_on: on, signature: step.signature, signed_recorded_by: user('begeleider') }).where('id', '=', letters[step.sign]!).execute();
      } else if ('copy' in step) {
        await record(daysAgo, party, { type: 'letter_copied', occurredOn: on, data: { letterId: letters[step.copy]! } });
        await db.updateTable('nuisance_letters').set({ copied_on: on }).where('id', '=', letters[step.copy]!).execute();
      } else {
        await record(daysAgo, party, { ...step, occurredOn: on } as NuisanceEventInput);
      }
    }
    // Later reports not yet linked by a step above (e.g. the hub's own report on the harassment case).
    for (const r of sc.reports.slice(1)) {
      if (!sc.steps.some(([, , make]) => { const s = make({ reports: [], letters: {} }); return 'report' in s && sc.reports[s.report] === r; })) await addReport(r);
    }
    n++;
  }
  n += await seedNewChance(db, clock, { veenhaven, hub, linde, horizon, hubUser: user('mzwo'), corpUser: user('corporatie') });
  return n;
}

async function seedNewChance(db: Db, clock: Clock, ids: { veenhaven: string; hub: string; linde: string; horizon: string; hubUser: string; corpUser: string }): Promise<number> {
  const today = todayIn(clock);
  const at = (daysAgo: number) => addPeriod(today, -daysAgo, 'days');
  const requestedOn = at(45);
  const row = await db.insertInto('new_chance_cases').values({
    municipality_id: ids.veenhaven, hub_id: ids.hub, district_code: 'WK900103', district_name: 'Zuid', address_key: '9004DA-5-H', address: 'Schoolstraat 5-H, 9004 DA Veenhaven',
    resident_name: 'Ronald Vermeer', corporation_id: ids.linde, care_provider_id: null, nuisance_case_id: null, step: 'NK-1', state: JSON.stringify({}), granted_on: null,
    requested_on: requestedOn, created_by: ids.corpUser, created_by_organisation_id: ids.linde, created_at: new Date(`${requestedOn}T09:00:00Z`), updated_at: new Date(`${requestedOn}T09:00:00Z`),
  }).returning('id').executeTakeFirstOrThrow();
  const steps: Array<[number, 'hub' | 'corporation', NewChanceEventInput['type'], Record<string, unknown>]> = [
    [45, 'corporation', 'requested', { requestedBy: 'corporation', corporationCode: 'WC-LINDE', seriousNuisance: true, careNotDeliverable: true, note: 'Ernstige overlast en vervuiling; de huurder staat open voor hulp.' }],
    [38, 'hub', 'ko_decided', { suitable: true, note: 'Klein Overleg: passende interventie; huisbezoek plannen.' }],
    [30, 'hub', 'home_visit_held', { careCannotBeDeliveredHere: true, note: 'Wijk-SPV en medewerker zorg en overlast: zorg is in deze woning niet te leveren.' }],
    [25, 'hub', 'resident_conversation', { willing: 'yes', note: 'De huurder wil meewerken en accepteert begeleiding.' }],
    [14, 'hub', 'go_decided', { suitable: true, residentWilling: true, residentAttended: true, careProviderId: ids.horizon, move: true, termMonths: 3, housingNeeds: 'Eenkamerwoning op de begane grond, buiten de Oude Haven', temporaryStay: false }],
  ];
  for (const [daysAgo, party, type, data] of steps) {
    const fixed = { now: () => new Date(`${at(daysAgo)}T10:00:00Z`) };
    await db.transaction().execute((trx) => recordNewChanceEvent(trx, row.id, { type, occurredOn: at(daysAgo), data } as NewChanceEventInput,
      () => ({ userId: party === 'hub' ? ids.hubUser : ids.corpUser, organisationId: party === 'hub' ? ids.hub : ids.linde, role: 'demo', party, purpose: null }),
      { clock: fixed, afwcMembers: VEENHAVEN_AFWC }));
  }
  return 1;
}
