// Faults survived, part one (part two, Neo4j killed under load, is neo4j-killed.faults.test.ts): stopping the
// server lets requests in flight finish; fifty concurrent updates of one view from one version: exactly one wins.
import { describe, expect, inject, it } from 'vitest';
import type { GraphQLModule } from '../graphql/module.ts';
import { startTestServer } from '../../../test/support/test-server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SAVE = `mutation ($input: SavedViewInput!) { saveView(input: $input) { id name version } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: SavedViewInput!) {
  updateView(id: $id, expectedVersion: $v, input: $input) { id version name }
}`;
const DELETE = 'mutation ($id: ID!) { deleteView(id: $id) }';

/** A test-only field that takes its time. */
const slow: GraphQLModule = {
  typeDefs: 'type Query { slow(ms: Int!): Boolean! }',
  resolvers: {
    Query: {
      slow: async (_: unknown, { ms }: { ms: number }) => {
        await sleep(ms);
        return true;
      },
    },
  },
};

describe('stopping the server', () => {
  it('lets a request in flight finish, and takes no new one', async () => {
    const server = await startTestServer({ uri: inject('neo4jUri'), extraModules: [slow] });
    const inFlight = server.post('{ slow(ms: 1500) }');
    await sleep(300);
    const stopped = server.stop(10_000);
    await sleep(100);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { slow: true } });
    await stopped;
  });
});

describe('fifty concurrent updates of one view from the same version', () => {
  it('lets exactly one win; the 49 others get CONFLICT and change nothing', async () => {
    const server = await startTestServer({ uri: inject('neo4jUri') });
    try {
      const input = { name: 'contested', nodeIds: ['actor:xi-jinping'] };
      const saved = (await server.post(SAVE, { input })).body.data?.saveView as { id: string };
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          server.post(UPDATE, {
            id: saved.id,
            v: 1,
            input: { name: `contender ${i}`, nodeIds: ['actor:xi-jinping', 'actor:vladimir-putin'] },
          }),
        ),
      );
      const winners = results.filter((r) => r.status === 200 && r.body.data?.updateView);
      const conflicts = results.filter((r) => r.body.errors?.[0]?.extensions?.code === 'CONFLICT');
      expect(winners).toHaveLength(1);
      expect(conflicts).toHaveLength(49);
      const winner = winners[0]!.body.data?.updateView as { name: string; version: number };
      expect(winner.version).toBe(2);
      const now = await server.post(
        'query ($id: ID!) { view(id: $id) { name version } auditLog(viewId: $id) { action version } }',
        { id: saved.id },
      );
      expect(now.body.data?.view).toEqual({ name: winner.name, version: 2 });
      expect(now.body.data?.auditLog).toEqual([
        { action: 'UPDATE_VIEW', version: 2 },
        { action: 'SAVE_VIEW', version: 1 },
      ]);
      await server.post(DELETE, { id: saved.id });
    } finally {
      await server.stop();
    }
  });
});
