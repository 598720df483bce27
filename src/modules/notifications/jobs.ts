/**
 * The notifications module's jobs:
 * - digest: builds the daily digest e-mails once a day, on the first run at or after 07:00
 *   Europe/Amsterdam (checked every 5 minutes; idempotent through the outbox dedupe key);
 * - outbox: sends pending e-mails (every 30 seconds).
 */
import { todayIn } from '../../platform/clock.ts';
import type { JobDefinition } from '../../platform/jobs/runner.ts';
import { createMailTransport } from '../../platform/mail.ts';
import type { JobContext } from '../../platform/module.ts';
import { buildDigests } from './digest.ts';
import { drainOutbox } from './outbox.ts';

export const DIGEST_HOUR = 7;

const amsterdamClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes since midnight in Europe/Amsterdam. */
export function amsterdamMinutes(at: Date): number {
  const parts = amsterdamClock.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

export function notificationJobs(ctx: JobContext): JobDefinition[] {
  const { database, clock, log } = ctx;
  const db = database.db;
  const transport = ctx.transport === undefined ? (ctx.mail.smtpUrl ? createMailTransport(ctx.mail.smtpUrl) : null) : ctx.transport;
  let digestBuiltOn: string | null = null;
  return [
    {
      name: 'digest',
      everyMs: 5 * 60_000,
      run: async () => {
        const today = todayIn(clock);
        if (digestBuiltOn === today) return { skipped: 'built_today' };
        if (amsterdamMinutes(clock.now()) < DIGEST_HOUR * 60) return { skipped: 'before_07_00' };
        const r = await buildDigests(db, clock, { publicBaseUrl: ctx.config.publicBaseUrl, ...(ctx.scopes ? { scopes: ctx.scopes } : {}) });
        digestBuiltOn = today;
        return r;
      },
      noteworthy: (r) => 'written' in (r as object),
    },
    {
      name: 'outbox',
      everyMs: 30_000,
      run: () => drainOutbox(db, clock, transport, { from: ctx.mail.from, log }),
      noteworthy: (r) => {
        const x = r as { sent: number; failed: number; gaveUp: number };
        return x.sent + x.failed + x.gaveUp > 0;
      },
    },
  ];
}
