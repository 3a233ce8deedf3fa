// When Neo4j cannot be reached, /graphql answers 503 with DATABASE_UNAVAILABLE quickly; when it comes back,
// the same server answers again by itself (the driver reconnects; nothing restarts).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, type LocalNeo4j } from '../../../neo4j/local.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const QUERY = '{ actors(limit: 1) { id } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an unreachable database', () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('gets 503 with DATABASE_UNAVAILABLE within 5 seconds', async () => {
    server = await startTestServer({ uri: 'bolt://127.0.0.1:1' });
    const r = await server.post(QUERY);
    expect(r.status).toBe(503);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(r.body.errors?.[0]?.message).toBe('The graph database cannot be reached right now.');
    expect(r.ms).toBeLessThan(5_000);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
  });
});

describe('a database stopped and started again', () => {
  // Its own Neo4j, so that stopping it disturbs no other test.
  const port = Number(process.env.NEO4J_TEST_PORT ?? 7688) + 3;
  const dataDir = `.neo4j/test-restart-${port}`;
  let neo4j: LocalNeo4j | undefined;
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 while it is down and 200 again within 10 seconds of its return, with no restart', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    neo4j = await startLocalNeo4j({ port, dataDir, heapMiB: 512, pagecacheMiB: 64 });
    server = await startTestServer({ uri: neo4j.uri });
    expect((await server.post(QUERY)).status).toBe(200);

    await neo4j.stop();
    const down = await server.post(QUERY);
    expect(down.status).toBe(503);
    expect(down.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.ms).toBeLessThan(5_000);

    neo4j = await startLocalNeo4j({ port, dataDir, heapMiB: 512, pagecacheMiB: 64 });
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 10_000) {
      status = (await server.post(QUERY)).status;
      if (status === 200) break;
      await sleep(250);
    }
    expect(status).toBe(200);
  }, 240_000);
});
