/**
 * The nuisance protocol's share of the client's right-of-access export (privacy's `subjectAccess`
 * hook point): the cases about the client's dwelling, each report with its channel, kind, date and
 * description, the steps with their dates and the letters. A reporter's identity (name, phone,
 * e-mail, the pseudonymous key) is never part of it: the resident never sees who reported.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { SubjectAccessHook } from '../privacy/index.ts';
import { CHANNEL_WORDS, NUISANCE_TYPE_WORDS, type Channel, type NuisanceType } from '../../domain/nuisance/model.ts';
import { NUISANCE_TRANSITIONS } from '../../domain/nuisance/protocol.ts';
import { LETTER_TITLES } from '../../domain/nuisance/letters.ts';

const RELATION_WORDS: Record<string, string> = {
  neighbour: 'een buurtbewoner', local_resident: 'een omwonende', corporation: 'de woningcorporatie', police: 'de politie', professional: 'een professional', resident: 'uzelf', other: 'iemand anders',
};

export const nuisanceSubjectAccess: SubjectAccessHook = async (db, { trajectoryIds }) => {
  if (!trajectoryIds.length) return null;
  const k = db as Kysely<Database>;
  const cases = await k.selectFrom('nuisance_cases').select(['id', 'address', 'status', 'opened_on', 'closed_on']).where('trajectory_id', 'in', trajectoryIds).orderBy('opened_on').execute();
  if (!cases.length) return null;
  const ids = cases.map((c) => c.id);
  const [reports, events, letters] = await Promise.all([
    // Never the reporter's name, phone, e-mail or key.
    k.selectFrom('nuisance_reports').select(['case_id', 'channel', 'nuisance_type', 'description', 'occurred_at', 'received_on', 'reporter_relation', 'counts_against_resident']).where('case_id', 'in', ids).orderBy('received_at').execute(),
    k.selectFrom('nuisance_events').select(['case_id', 'seq', 'type', 'occurred_on']).where('case_id', 'in', ids).orderBy('case_id').orderBy('seq').execute(),
    k.selectFrom('nuisance_letters').select(['case_id', 'kind', 'issued_on', 'signed_on', 'signature']).where('case_kind', '=', 'nuisance').where('case_id', 'in', ids).orderBy('created_at').execute(),
  ]);
  const items = cases.map((c) => ({
    id: c.id, address: c.address, status: c.status, openedOn: c.opened_on, closedOn: c.closed_on,
    reports: reports.filter((r) => r.case_id === c.id).map((r) => ({
      channel: CHANNEL_WORDS[r.channel as Channel].nl, kind: NUISANCE_TYPE_WORDS[r.nuisance_type as NuisanceType]?.nl ?? r.nuisance_type, description: r.description,
      occurredAt: r.occurred_at, receivedOn: r.received_on, reportedBy: RELATION_WORDS[r.reporter_relation] ?? 'iemand anders', countsAgainstYou: r.counts_against_resident,
    })),
    steps: events.filter((e) => e.case_id === c.id).map((e) => ({ step: NUISANCE_TRANSITIONS[e.type as keyof typeof NUISANCE_TRANSITIONS]?.label.nl ?? e.type, on: e.occurred_on })),
    letters: letters.filter((l) => l.case_id === c.id).map((l) => ({ letter: LETTER_TITLES[l.kind as keyof typeof LETTER_TITLES]?.nl ?? l.kind, issuedOn: l.issued_on, signedOn: l.signed_on })),
  }));
  const rows: Array<[string, string]> = items.flatMap((c) => [
    [`Overlastzaak ${c.address}`, `Geopend op ${c.openedOn}${c.closedOn ? `, gesloten op ${c.closedOn}` : ''}`] as [string, string],
    ...c.reports.map((r): [string, string] => [`Melding van ${r.receivedOn}`, `${r.kind}, gemeld door ${r.reportedBy}: ${r.description}${r.countsAgainstYou ? '' : ' (uw eigen melding; telt niet mee tegen u)'}`]),
    ...c.steps.map((s): [string, string] => [s.on, s.step]),
    ...c.letters.map((l): [string, string] => [l.issuedOn, `${l.letter}${l.signedOn ? `, door u getekend op ${l.signedOn}` : ''}`]),
  ]);
  return { key: 'nuisance', heading: 'Overlast: meldingen, stappen en brieven', items, rows };
};
