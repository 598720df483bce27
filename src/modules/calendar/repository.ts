import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { WorkingCalendar, type CalendarDayEntry } from '../../domain/calendar/index.ts';

/**
 * Builds the working-day calendar that applies to an organisation: the Atw
 * holidays (computed), the decree days (data, entered by a platform administrator)
 * and the organisation's own closing days. Every deadline uses this one function.
 */
export async function loadCalendar(db: Kysely<Database>, organisationId?: string | null): Promise<WorkingCalendar> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'name', 'name_en', 'kind'])
    .where((eb) => (organisationId ? eb.or([eb('kind', '=', 'decree'), eb('organisation_id', '=', organisationId)]) : eb('kind', '=', 'decree')))
    .orderBy('date')
    .execute();
  const entry = (r: (typeof rows)[number]): CalendarDayEntry => ({ date: r.date, name: r.name, nameEn: r.name_en ?? r.name });
  return new WorkingCalendar({
    decreeDays: rows.filter((r) => r.kind === 'decree').map(entry),
    extraClosingDays: rows.filter((r) => r.kind === 'organisation').map(entry),
  });
}
