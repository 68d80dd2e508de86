import { defineConfig } from 'vitest/config';

// Unit tests: pure lib/ logic in Node. End-to-end tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
