/**
 * The job runner of an app, built from the module list: every module's `jobs` (in module
 * order) run on one JobRunner (interval, advisory-locked, see runner.ts). The composition root
 * (src/app/main.ts) starts it after the server.
 */
import { moduleJobs, wireHooks, type JobContext, type ModuleDescriptor } from '../module.ts';
import { JobRunner } from './runner.ts';
import { retentionJobs } from './retention.ts';

/** Creates and starts the job runner for the modules' jobs; `stop()` waits for running jobs. */
export function startJobs(modules: ReadonlyArray<ModuleDescriptor>, ctx: JobContext & { tickMs?: number }): JobRunner {
  wireHooks(modules);
  // The modules' jobs, then the platform's own: retention of sent e-mails and Idempotency-Keys.
  const jobs = [...moduleJobs(modules, ctx), ...retentionJobs(ctx, ctx.config.retention)];
  // The due check runs at least as often as the most frequent job (the audit sealer: 250 ms), at most every 5 s.
  const tickMs = ctx.tickMs ?? Math.min(5_000, ...jobs.map((j) => j.everyMs));
  const runner = new JobRunner({ database: ctx.database, clock: ctx.clock, log: ctx.log, jobs, tickMs });
  runner.start();
  return runner;
}
