// `npm run test:faults`: the slow fault tests (`*.faults.test.ts`), each starting and killing a Neo4j of its own
// (on NEO4J_TEST_PORT + 4). Not part of `npm test`, which they would lengthen by minutes; .ci/run runs them after it.
import { defineConfig } from 'vitest/config';

// As in server/src/app/main.ts: calendar dates must not shift with the machine's time zone.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    name: 'faults',
    include: ['server/**/*.faults.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
