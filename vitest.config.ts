// Three test tiers, each its own project: `npm run test:unit`, `test:integration`, `test:e2e`; `npm test` runs all.
import { defineConfig } from 'vitest/config';

// As in server/src/app/main.ts: calendar dates must not shift with the machine's time zone.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,server,client,graph-seed,neo4j,scripts,test,bench}/**/*.unit.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{core,server,client,graph-seed,neo4j,scripts,test,bench}/**/*.int.test.ts'],
          globalSetup: ['test/setup/integration.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['{core,server,client,graph-seed,neo4j,scripts,test,bench}/**/*.e2e.test.ts'],
          globalSetup: ['test/setup/e2e.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // A page's answer under CI's load (two cores for Neo4j, the API and Chromium) can take over a second,
          // the default wait of expect.poll: the tests check what happens, not how fast (the benchmarks do that).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
