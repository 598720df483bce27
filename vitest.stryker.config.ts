import { defineConfig } from 'vitest/config';

// The unit project of vitest.config.ts on its own, for Stryker (npm run test:mutation):
// the Stryker vitest runner runs one vitest config, and must never start the
// integration or browser suites. Keep `include` and `environment` equal to the
// `unit` project there.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
