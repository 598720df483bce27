/**
 * The module contract. Every folder in src/modules exports one ModuleDescriptor from its
 * index.ts; the composition root (src/app/modules.ts) lists them in order, and the platform
 * builds the server (routes), the job runner (jobs) and the hook wiring from that list.
 * The platform knows the shape of a module, never a particular module: nothing in
 * src/platform imports from src/modules (enforced by ESLint). See docs/modules.md.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import type { Config } from './config/config.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { Database } from './db/schema.ts';
import type { JobDefinition, JobLogger } from './jobs/runner.ts';
import type { MailSettings, MailTransport } from './mail.ts';
import type { OrganisationScopes } from './scope.ts';

/** A module's routes: a plugin (made with `modulePlugin`) and the prefix it is mounted under. */
export interface ModuleRoutes {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each plugin has its own options type
  plugin: FastifyPluginAsync<any>;
  /** e.g. '/api/v1'; absent: mounted at the root (system routes). */
  prefix?: string;
}

/** What a module's jobs may use. */
export interface JobContext {
  database: Pick<DatabaseHandle, 'db' | 'kind'>;
  clock: Clock;
  config: Pick<Config, 'publicBaseUrl'> & Partial<Pick<Config, 'retention'>>;
  log: JobLogger;
  /** Outgoing e-mail settings (SMTP_URL, MAIL_FROM). */
  mail: MailSettings;
  /** The mail transport; default: nodemailer for mail.smtpUrl, none without it. */
  transport?: MailTransport | null;
  /** The app's organisation scopes (cached subtrees); a job makes its own without it. */
  scopes?: OrganisationScopes;
}

/**
 * The hook points modules offer, by name → the listener's function type. The module that
 * offers a hook point adds it here by module augmentation next to the code that runs the
 * listeners, e.g. in src/modules/trajectories/hooks.ts:
 *
 *     declare module '../../platform/module.ts' {
 *       interface HookPoints { caseEvent: TrajectoryEventHook }
 *     }
 *
 * Today: `caseEvent` (trajectories: after every recorded case event, in its transaction),
 * `handover` (users: a deactivated user's open work goes to the successor) and `erasure`
 * (privacy: a client's data is erased after the waiting period).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface HookPoints {}

export type HookName = keyof HookPoints;

/** The listeners of a module, one per hook point it listens to. */
export type ModuleHooks = { [K in HookName]?: HookPoints[K] };

/** One listener as handed to the offering module: which module listens, and the function. */
export interface HookListener<F> {
  module: string;
  run: F;
}

/** How an offering module receives its listeners (in module order) from the composition root. */
export type HookOffers = { [K in HookName]?: (listeners: ReadonlyArray<HookListener<HookPoints[K]>>) => void };

/** What a demo seed gets besides the database and the clock. */
export interface DemoContext {
  /** The e-mail domain of the demo region's users (`admin@<domain>`). */
  domain: string;
}

/** Seeds a module's demo data (npm start, never in production); returns counts for the log, or null when nothing was seeded. */
export type ModuleSeed = (db: Kysely<Database>, clock: Clock, demo: DemoContext) => Promise<Record<string, number> | null>;

/**
 * The policy a module contributes: its grant table, written in the module's domain folder
 * (e.g. src/domain/trajectories/grants.ts) and merged with the platform's own grants into the one
 * checked table `GRANTS` (src/domain/policy). src/app/modules.test.ts checks that the listed
 * modules and the platform together grant every action exactly once.
 */
export interface ModulePolicy {
  grants?: Readonly<Record<string, ReadonlyArray<unknown>>>;
  fieldRules?: Readonly<Record<string, unknown>>;
}

export interface ModuleDescriptor {
  /** Unique, lower-case; names the module's hook listeners and its log lines. */
  name: string;
  /** HTTP routes, registered in list order. */
  routes?: ReadonlyArray<ModuleRoutes>;
  /** Background jobs (interval, advisory-locked); built once the platform services exist. */
  jobs?: (ctx: JobContext) => JobDefinition[];
  policy?: ModulePolicy;
  /** Hook points this module offers: it receives the listeners of every module. */
  offers?: HookOffers;
  /** Hooks of other modules this module listens to. */
  hooks?: ModuleHooks;
  /** Demo data, run in module order after the demo region when DEMO_CASES is on. */
  seed?: ModuleSeed;
}

/** Checks the list: unique names, and no listener for a hook point nobody offers. */
export function checkModules(modules: ReadonlyArray<ModuleDescriptor>): void {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`duplicate module ${m.name}`);
    names.add(m.name);
  }
  const offered = new Set(modules.flatMap((m) => Object.keys(m.offers ?? {})));
  for (const m of modules) {
    for (const [point, run] of Object.entries(m.hooks ?? {}) as Array<[string, unknown]>) {
      if (run !== undefined && !offered.has(point)) throw new Error(`module ${m.name} listens to hook point "${point}", which no listed module offers`);
    }
  }
}

/**
 * Hands every offering module the listeners of its hook points, in module order. Replaces
 * whatever was wired before, so building several apps in one process (tests) is safe.
 */
export function wireHooks(modules: ReadonlyArray<ModuleDescriptor>): void {
  checkModules(modules);
  for (const m of modules) {
    for (const [point, accept] of Object.entries(m.offers ?? {}) as Array<[HookName, (l: ReadonlyArray<HookListener<unknown>>) => void]>) {
      const listeners = modules.flatMap((l) => {
        const run = (l.hooks as Record<string, unknown> | undefined)?.[point];
        return run ? [{ module: l.name, run }] : [];
      });
      accept(listeners);
    }
  }
}

/** The jobs of every module, in module order. */
export function moduleJobs(modules: ReadonlyArray<ModuleDescriptor>, ctx: JobContext): JobDefinition[] {
  return modules.flatMap((m) => m.jobs?.(ctx) ?? []);
}
