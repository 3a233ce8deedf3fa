// When Neo4j cannot be reached, /graphql answers 503 with DATABASE_UNAVAILABLE quickly; when it comes back,
// the same server answers again by itself (the driver reconnects; nothing restarts).
import { afterAll, describe, expect, it } from 'vitest';
import { ownNeo4j } from '../../../test/support/own-neo4j.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

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
  const own = ownNeo4j('restart', 3);

  it('answers 503 while it is down and 200 again within 10 seconds of its return, with no restart', async () => {
    const { neo4j, server } = await own.serve();
    expect((await server.post(QUERY)).status).toBe(200);

    await neo4j.stop();
    const down = await server.post(QUERY);
    expect(down.status).toBe(503);
    expect(down.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.ms).toBeLessThan(5_000);

    await own.start();
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
