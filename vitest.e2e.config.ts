import { defineConfig } from 'vitest/config';

// End-to-end tests drive the *built* extension in Debian's Chromium and Firefox ESR.
// One browser at a time: the CI machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
