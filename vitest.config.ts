import { defineConfig } from 'vitest/config';

/**
 * Tests run against real Postgres: the server named by TEST_DATABASE_URL, or else an embedded one
 * started once for the run. Each test file gets its own database cloned from a migrated template,
 * so files run in parallel and in any order.
 */
export default defineConfig({
  // graphql 16 ships CommonJS (index.js, what Node loads) and ESM (index.mjs, what Vite prefers);
  // loading both gives two incompatible copies of its classes, so tests use Node's choice too.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
