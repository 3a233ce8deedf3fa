// A Neo4j of one test file's own, for tests that stop, kill or restore their database: on the integration port
// plus an offset and in a data folder of its own, so that nothing it does reaches the shared test database.
// It is stopped and its folder removed after the tests of the file (or describe block) that made it.
import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { freshTestDatabase } from './test-database.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.ts';

export interface OwnNeo4j {
  /** Starts it (again) on the same port and data folder; a fresh start empties the folder first. */
  start(options?: { fresh?: boolean }): Promise<LocalNeo4j>;
  /** Starts the app (as startTestServer) on this Neo4j, started fresh first if it does not run; stopped after. */
  serve(options?: Omit<TestServerOptions, 'uri'>): Promise<{ neo4j: LocalNeo4j; server: TestServer }>;
}

/** A Neo4j named `name` on NEO4J_TEST_PORT (7688) + `portOffset`, with a small heap and page cache. */
export function ownNeo4j(name: string, portOffset: number): OwnNeo4j {
  const { port, dataDir } = freshTestDatabase(name, 'NEO4J_TEST_PORT', 7688, portOffset);
  let running: LocalNeo4j | undefined;
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const own: OwnNeo4j = {
    async start({ fresh = false } = {}) {
      if (fresh) rmSync(dataDir, { recursive: true, force: true });
      running = await startLocalNeo4j({ port, dataDir, heapMiB: 512, pagecacheMiB: 64 });
      return running;
    },
    async serve(options = {}) {
      const neo4j = running ?? (await own.start({ fresh: true }));
      server = await startTestServer({ uri: neo4j.uri, ...options });
      return { neo4j, server };
    },
  };
  return own;
}
