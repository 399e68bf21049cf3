import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // The browser and two-process suites start servers on their own ports; files still run in parallel.
    pool: 'forks',
  },
});
