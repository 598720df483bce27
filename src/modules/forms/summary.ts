/**
 * The trajectory summary as a PDF (renderDocumentPdf): the client as the viewer may see it,
 * phase and key dates, the stations of the route, the open deadlines, the goals (outside the
 * care provider only those linked to the conditional urgency) and the forms the viewer may see.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { todayIn, type Clock } from '../../platform/clock.ts';
import { formatDate, type Lang } from '../../domain/forms/index.ts';
import { FORM_DEFINITIONS } from '../../domain/forms/index.ts';
import type { CaseAccess } from '../trajectories/index.ts';
import type { LoadedTrajectory } from '../trajectories/index.ts';
import { loadClientView } from '../trajectories/index.ts';
import { deadlineView, trajectoryView, type DeadlineRow } from '../trajectories/index.ts';
import { renderDocumentPdf } from './pdf.ts';
import { formSharing } from './sharing.ts';
import { STATUS_LABELS } from './pdf.ts';
import { orgNames, userNames } from './repository.ts';

type Db = Kysely<Database>;
type Row = readonly [string, string];

const L = {
  title: { nl: 'Samenvatting traject', en: 'Trajectory summary' },
  client: { nl: 'Cliënt', en: 'Client' },
  trajectory: { nl: 'Traject', en: 'Trajectory' },
  keyDates: { nl: 'Belangrijke datums', en: 'Key dates' },
  stations: { nl: 'Stations van de route', en: 'Stations of the route' },
  deadlines: { nl: 'Openstaande termijnen', en: 'Open deadlines' },
  goals: { nl: 'Doelen', en: 'Goals' },
  forms: { nl: 'Formulieren', en: 'Forms' },
  none: { nl: 'Geen', en: 'None' },
  name: { nl: 'Naam', en: 'Name' },
  birthDate: { nl: 'Geboortedatum', en: 'Date of birth' },
  address: { nl: 'Adres', en: 'Address' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  email: { nl: 'E-mail', en: 'E-mail' },
  household: { nl: 'Huishouden', en: 'Household' },
  woningnet: { nl: 'WoningNet-nummer', en: 'WoningNet number' },
  woningnetSince: { nl: 'Ingeschreven bij WoningNet sinds', en: 'Registered with WoningNet since' },
  targetGroup: { nl: 'Doelgroep', en: 'Target group' },
  phase: { nl: 'Fase', en: 'Phase' },
  status: { nl: 'Status', en: 'Status' },
  startedOn: { nl: 'Gestart op', en: 'Started on' },
  careProvider: { nl: 'Zorgaanbieder', en: 'Care provider' },
  corporation: { nl: 'Woningcorporatie', en: 'Housing corporation' },
  dwelling: { nl: 'Woning', en: 'Dwelling' },
  active: { nl: 'Lopend', en: 'Active' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
  leaseStartOn: { nl: 'Start intermediaire verhuur', en: 'Start of intermediate lease' },
  keyHandoverOn: { nl: 'Sleuteloverdracht', en: 'Key handover' },
  introHeldOn: { nl: 'Kennismakingsgesprek', en: 'Introduction meeting' },
  lastEvaluationOn: { nl: 'Laatste woonevaluatie', en: 'Latest housing evaluation' },
  sentToWonenOn: { nl: 'Voordracht naar directie Wonen', en: 'Nomination sent to Wonen' },
  wonenConfirmedOn: { nl: 'Bevestiging directie Wonen', en: 'Confirmation by Wonen' },
  contractOwnNameOn: { nl: 'Huurcontract op eigen naam', en: 'Lease in own name' },
  stationStatus: {
    done: { nl: 'Afgerond', en: 'Done' },
    current: { nl: 'Huidige fase', en: 'Current phase' },
    upcoming: { nl: 'Nog niet bereikt', en: 'Upcoming' },
    not_reached: { nl: 'Niet bereikt', en: 'Not reached' },
  } as Record<string, { nl: string; en: string }>,
  due: { nl: (d: string) => `Uiterlijk ${d}`, en: (d: string) => `Due ${d}` },
  overdue: { nl: ' (verlopen)', en: ' (overdue)' },
  achieved: { nl: 'Behaald', en: 'Met' },
  notAchieved: { nl: 'Nog niet behaald', en: 'Not met yet' },
  linked: { nl: 'gekoppeld aan de urgentie', en: 'linked to the urgency' },
  version: { nl: 'versie', en: 'version' },
  householdKinds: { partner: { nl: 'partner', en: 'partner' }, child: { nl: 'kind', en: 'child' }, other: { nl: 'overig', en: 'other' } } as Record<string, { nl: string; en: string }>,
} as const;

const KEY_DATES = ['leaseStartOn', 'keyHandoverOn', 'introHeldOn', 'lastEvaluationOn', 'sentToWonenOn', 'wonenConfirmedOn', 'contractOwnNameOn'] as const;

export async function summaryPdf(db: Db, clock: Clock, t: LoadedTrajectory, access: CaseAccess, lang: Lang): Promise<Buffer> {
  const asOf = todayIn(clock);
  const viewer = access.viewer;
  const d = (x: string | null | undefined) => (x ? formatDate(x, lang) : '');
  const deadlineRows = (await db.selectFrom('deadlines').selectAll().where('case_kind', '=', 'trajectory').where('case_id', '=', t.id).orderBy('due_date').orderBy('key').execute()) as unknown as DeadlineRow[];
  const deadlines = deadlineRows.map((r) => deadlineView(r, asOf));
  const names = await userNames(db, t.events.map((e) => e.recordedBy));
  const orgs = await orgNames(db, [t.careProviderId, t.corporationId]);
  const view = trajectoryView(t, viewer, asOf, deadlines, names, orgs);
  const client = (await loadClientView(db, t.clientId, viewer)) as Record<string, unknown>;

  const clientRows: Row[] = [];
  const add = (label: { nl: string; en: string }, v: unknown) => {
    if (v !== undefined) clientRows.push([label[lang], v === null ? '' : String(v)]);
  };
  if (client.erased) clientRows.push([L.name[lang], '—']);
  else {
    add(L.name, [client.firstName, client.lastName].filter(Boolean).join(' '));
    if ('birthDate' in client) add(L.birthDate, d(client.birthDate as string | null));
    add(L.address, client.address);
    add(L.phone, client.phone);
    add(L.email, client.email);
    if (Array.isArray(client.household)) {
      const hh = (client.household as Array<{ kind: string; name: string | null; birthDate: string | null }>)
        .map((h) => `${h.name ?? '?'} (${L.householdKinds[h.kind]?.[lang] ?? h.kind}${h.birthDate ? `, ${d(h.birthDate)}` : ''})`)
        .join('; ');
      add(L.household, hh);
    }
    add(L.woningnet, client.woningnetNumber);
    if ('woningnetRegisteredOn' in client) add(L.woningnetSince, d(client.woningnetRegisteredOn as string | null));
    add(L.targetGroup, client.targetGroup);
  }

  const trajectoryRows: Row[] = [
    [L.phase[lang], view.phaseLabel[lang]],
    [L.status[lang], view.status === 'active' ? L.active[lang] : L.closed[lang]],
    [L.startedOn[lang], d(view.startedOn)],
    [L.careProvider[lang], view.careProvider.name ?? ''],
    [L.corporation[lang], view.corporation?.name ?? ''],
    [L.dwelling[lang], view.dwellingAddress ?? ''],
  ];
  const keyDateRows: Row[] = KEY_DATES.map((k) => [L[k][lang], d(view.keyDates[k])] as const).filter(([, v]) => v !== '');
  // R-OR-46: outside the care provider the support plan's date is not shown (its event is not shared either).
  const dated = (phase: string, on: string | null) => (on && (viewer === 'care_provider' || phase !== 'P6_support_plan') ? ` — ${d(on)}` : '');
  const stationRows: Row[] = view.stations.map((s) => [s.label[lang], `${L.stationStatus[s.status]?.[lang] ?? s.status}${dated(s.phase, s.enteredOn)}`]);
  // Outside the care provider: the deadlines the viewer's organisation acts on.
  const open = deadlines.filter((x) => x.kind === 'deadline' && !x.metOn && (x.status === 'open' || x.overdue) && (viewer === 'care_provider' || x.actors.includes(viewer)));
  const deadlineLines: Row[] = open.length
    ? open.map((x) => [`${x.ruleId} ${x.label[lang]}`, `${x.due ? L.due[lang](d(x.due)) : ''}${x.overdue ? L.overdue[lang] : ''}`])
    : [[L.none[lang], '']];
  const goalRows: Row[] = view.goals.length
    ? view.goals.map((g) => [g.text, `${g.achieved ? L.achieved[lang] : L.notAchieved[lang]}${g.linkedToUrgency ? ` (${L.linked[lang]})` : ''}`])
    : [[L.none[lang], '']];
  const forms = await db.selectFrom('forms').select(['id', 'kind', 'status', 'version']).where('trajectory_id', '=', t.id).orderBy('created_at').execute();
  const formRows: Row[] = forms
    .filter((f) => formSharing(access, f.kind, f.status, t).ok)
    .map((f) => [`${f.kind} ${FORM_DEFINITIONS[f.kind].title[lang]}`, `${STATUS_LABELS[f.status][lang]}, ${L.version[lang]} ${f.version}`]);

  const clientName = client.erased ? '—' : [client.firstName, client.lastName].filter(Boolean).join(' ');
  return renderDocumentPdf({
    title: L.title[lang],
    subtitle: `${clientName} · ${view.phaseLabel[lang]}`,
    headerRight: clientName,
    generatedOn: asOf,
    lang,
    sections: [
      { heading: L.client[lang], rows: clientRows },
      { heading: L.trajectory[lang], rows: trajectoryRows },
      ...(keyDateRows.length ? [{ heading: L.keyDates[lang], rows: keyDateRows }] : []),
      { heading: L.stations[lang], rows: stationRows },
      { heading: L.deadlines[lang], rows: deadlineLines },
      { heading: L.goals[lang], rows: goalRows },
      ...(formRows.length ? [{ heading: L.forms[lang], rows: formRows }] : []),
    ],
  });
}
