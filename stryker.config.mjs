// Mutation testing of the domain core (issue 8): `npm run test:mutation`.
// docs/modules.md, "Mutation testing", says how to run it and what the gate is.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  // Every module's rules: src/domain/<module>/*.ts, not their tests; a new module is in
  // the gate from its first commit (its first run mutates it in full: commit the incremental
  // file with it, docs/modules.md, "Mutation testing").
  mutate: [
    'src/domain/**/*.ts',
    '!src/domain/**/*.test.ts',
  ],

  // The unit project only (vitest.stryker.config.ts): never integration or browser.
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // A static mutant (in code that runs when a module loads: the grant, transition and
  // form-definition tables, or domain calls made while a test file is collected) must be
  // run against every related test after a reload; in calendar they were 63% of the
  // mutants and ~98% of the estimated time. They are reported as Ignored and left out of
  // the score (docs/modules.md, "Mutation testing").
  ignoreStatic: true,
  // Text only people read (LocalText labels and messages, holiday names, error messages)
  // is not mutated: scripts/stryker-text-ignorer.mjs says exactly what.
  plugins: ['@stryker-mutator/*', './scripts/stryker-text-ignorer.mjs'],
  ignorers: ['text'],

  // A mutant that does not type-check is not run (and not counted).
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },

  // Only what changed since the committed result is mutated again.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',

  // The TypeScript checker is the slow part: with a checker, Stryker runs ceil(concurrency / 2)
  // checker processes and the rest as test runners, so 3 gives two checkers and one runner,
  // which keeps 2 cores busy (the runner waits on the checkers). On a shared machine pass
  // --concurrency 1.
  concurrency: 3,
  timeoutMS: 10000,

  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowEmojis: false, reportScoreTable: true, reportMutants: false, reportTests: false },

  // break: the score measured over all of src/domain, rounded down (95.04% on 2026-12-05 with the nuisance
  // protocol, every module in; issue 8 asks for 80 at least). Raise it as surviving mutants are killed; never
  // lower it to let a change pass.
  thresholds: { high: 90, low: 80, break: 95 },

  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
