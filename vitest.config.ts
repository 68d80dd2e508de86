import { defineConfig } from 'vitest/config';

// Unit tests: pure lib/ logic in Node. End-to-end tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // vitest's 5 s default is for a quiet machine. `npm test` must pass on a busy 2-core one: at a
    // load average of ~7 the slowest unit tests (a fixture page parsed with jsdom and scanned or
    // annotated twice, the CLI started under tsx) took up to 3.7 s, and one timed out at 5 s.
    // Those loops are one test per page now; the slowest unit test took 1.7 s in a full `npm test`
    // on the shared machine. 30 s leaves room for a much busier one, and a hung test still fails.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
