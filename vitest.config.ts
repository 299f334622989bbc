import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests start the compiled bot (dist/), as `npm start` does: build it once first. A PostgreSQL
    // server for the tests of that engine: the local one, or one started from npm.
    globalSetup: ['tests/support/build.ts', 'tests/support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
