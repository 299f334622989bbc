import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end tests start the compiled bot (dist/), as `npm start` does: build it once first.
    globalSetup: ['tests/support/build.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
