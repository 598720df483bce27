/**
 * The platform's background jobs, wired for main.ts:
 * - deletions: executes due deletion requests (hourly);
 * - digest: builds the daily digest e-mails once a day, on the first run at or after 07:00
 *   Europe/Amsterdam (checked every 5 minutes; idempotent through the outbox dedupe key);
 * - outbox: sends pending e-mails (every 30 seconds).
 */
import type { DatabaseHandle } from '../db/database.ts';
import type { Config } from '../config/config.ts';
import { todayIn, type Clock } from '../clock.ts';
import { executeDueDeletions } from '../../modules/privacy/deletion.ts';
import { buildDigests } from '../../modules/notifications/digest.ts';
import { drainOutbox } from '../../modules/notifications/outbox.ts';
import { createMailTransport, type MailSettings, type MailTransport } from '../../modules/notifications/mail.ts';
import type { OrganisationScopes } from '../scope.ts';
import { JobRunner, type JobDefinition, type JobLogger } from './runner.ts';

export const DIGEST_HOUR = 7;

const amsterdamClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes since midnight in Europe/Amsterdam. */
export function amsterdamMinutes(at: Date): number {
  const parts = amsterdamClock.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

export interface PlatformJobsOptions {
  database: Pick<DatabaseHandle, 'db' | 'kind'>;
  clock: Clock;
  config: Pick<Config, 'publicBaseUrl'>;
  mail: MailSettings;
  log: JobLogger;
  /** The mail transport; default: nodemailer for mail.smtpUrl, none without it. */
  transport?: MailTransport | null;
  scopes?: OrganisationScopes;
}

export function platformJobs(opts: PlatformJobsOptions): JobDefinition[] {
  const { database, clock, log } = opts;
  const db = database.db;
  const transport = opts.transport === undefined ? (opts.mail.smtpUrl ? createMailTransport(opts.mail.smtpUrl) : null) : opts.transport;
  let digestBuiltOn: string | null = null;
  return [
    {
      name: 'deletions',
      everyMs: 3600_000,
      run: () => executeDueDeletions(db, clock, { log }),
      noteworthy: (r) => (r as { due: number }).due > 0,
    },
    {
      name: 'digest',
      everyMs: 5 * 60_000,
      run: async () => {
        const today = todayIn(clock);
        if (digestBuiltOn === today) return { skipped: 'built_today' };
        if (amsterdamMinutes(clock.now()) < DIGEST_HOUR * 60) return { skipped: 'before_07_00' };
        const r = await buildDigests(db, clock, { publicBaseUrl: opts.config.publicBaseUrl, ...(opts.scopes ? { scopes: opts.scopes } : {}) });
        digestBuiltOn = today;
        return r;
      },
      noteworthy: (r) => 'written' in (r as object),
    },
    {
      name: 'outbox',
      everyMs: 30_000,
      run: () => drainOutbox(db, clock, transport, { from: opts.mail.from, log }),
      noteworthy: (r) => {
        const x = r as { sent: number; failed: number; gaveUp: number };
        return x.sent + x.failed + x.gaveUp > 0;
      },
    },
  ];
}

/** Creates and starts the job runner; `stop()` waits for running jobs. */
export function startJobs(opts: PlatformJobsOptions & { tickMs?: number }): JobRunner {
  const runner = new JobRunner({ database: opts.database, clock: opts.clock, log: opts.log, jobs: platformJobs(opts), ...(opts.tickMs ? { tickMs: opts.tickMs } : {}) });
  runner.start();
  return runner;
}
