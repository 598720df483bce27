/**
 * The job runner of an app, built from the module list: every module's `jobs` (in module
 * order) run on one JobRunner (interval, advisory-locked, see runner.ts). The composition root
 * (src/app/main.ts) starts it after the server.
 */
import { moduleJobs, wireHooks, type JobContext, type ModuleDescriptor } from '../module.ts';
import { JobRunner } from './runner.ts';

/** Creates and starts the job runner for the modules' jobs; `stop()` waits for running jobs. */
export function startJobs(modules: ReadonlyArray<ModuleDescriptor>, ctx: JobContext & { tickMs?: number }): JobRunner {
  wireHooks(modules);
  const runner = new JobRunner({ database: ctx.database, clock: ctx.clock, log: ctx.log, jobs: moduleJobs(modules, ctx), ...(ctx.tickMs ? { tickMs: ctx.tickMs } : {}) });
  runner.start();
  return runner;
}
