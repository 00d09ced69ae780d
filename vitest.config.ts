import { defineConfig } from 'vitest/config';

// Node-side tests: protocol, session and simulator run here with a virtual clock.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 20_000,
  },
});
