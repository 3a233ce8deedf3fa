import { datePeriod } from '../../../core/model/index.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NEIGHBORHOOD } from '../../../client/src/api/operations.ts';
import type { Subgraph } from '../../../client/src/api/types.ts';
import { cypher } from '../../../core/db/database.ts';
import { codes, startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';

let api: TestGraphQL;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(() => api.close());

const neighborhood = async (variables: Record<string, unknown>) =>
  (await api.data<{ neighborhood: Subgraph }>(NEIGHBORHOOD, variables)).neighborhood;

function expectConsistent(g: Subgraph) {
  const ids = new Set(g.nodes.map((n) => n.id));
  expect(ids.size).toBe(g.nodes.length);
  for (const e of g.edges) {
    expect(ids.has(e.source)).toBe(true);
    expect(ids.has(e.target)).toBe(true);
  }
  expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
}

describe('neighborhood', () => {
  it('shows a node and its direct neighbours, without sources or CITES, the node first', async () => {
    const g = await neighborhood({ id: 'actor:li-zhanshu' });
    expectConsistent(g);
    expect(g.nodes[0]?.id).toBe('actor:li-zhanshu');
    const ids = g.nodes.map((n) => n.id);
    expect(ids).toContain('meeting:li-zhanshu-visit-russia-2022-09');
    expect(g.nodes.some((n) => n.kind === 'SOURCE')).toBe(false);
    expect(g.edges.some((e) => e.type === 'CITES')).toBe(false);
    expect(g.truncated).toBe(false);
    // Every neighbour is one step away: an edge joins it to the start.
    for (const id of ids.slice(1)) {
      expect(
        g.edges.some((e) => [e.source, e.target].includes(id) && [e.source, e.target].includes(ids[0]!)),
      ).toBe(true);
    }
    expect(ids.slice(1)).toEqual([...ids.slice(1)].sort());
    expect(g.edges.every((e) => e.sources.length > 0)).toBe(true);
  });

  it('goes deeper with depth, nodes ordered by distance then id, and answers the same every time', async () => {
    const one = await neighborhood({ id: 'actor:li-zhanshu', depth: 1, limit: 2000 });
    const two = await neighborhood({ id: 'actor:li-zhanshu', depth: 2, limit: 2000 });
    expectConsistent(two);
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    const twoIds = two.nodes.map((n) => n.id);
    expect(twoIds.slice(0, one.nodes.length)).toEqual(one.nodes.map((n) => n.id));
    const farther = twoIds.slice(one.nodes.length);
    expect(farther).toEqual([...farther].sort());
    expect(await neighborhood({ id: 'actor:li-zhanshu', depth: 2, limit: 2000 })).toEqual(two);
  });

  it('stops at the limit and says so', async () => {
    const g = await neighborhood({ id: 'actor:russia', depth: 2, limit: 10 });
    expect(g.nodes).toHaveLength(10);
    expect(g.truncated).toBe(true);
    expect(g.nodes[0]?.id).toBe('actor:russia');
    expectConsistent(g);
  });

  it('says so when the nodes are within the limit but their relationships are not', async () => {
    // The memo has no pair of nodes this close: two actors who met 11 times, more than 5 edges a node for 2 nodes.
    const DENSE = 'scratch-dense';
    await api.db.write(
      cypher(
        'testNeighborhoodDensePair',
        `CREATE (a:Entity:Actor {id: 'actor:scratch-dense-a', kind: 'ACTOR', name: 'Dense A', document: $document}),
                (b:Entity:Actor {id: 'actor:scratch-dense-b', kind: 'ACTOR', name: 'Dense B', document: $document})
         WITH a, b UNWIND range(1, 11) AS i
         CREATE (a)-[:MET_WITH {id: 'rel:scratch-dense-' + i, document: $document}]->(b)`,
      ),
      { document: DENSE },
    );
    try {
      const g = await neighborhood({ id: 'actor:scratch-dense-a', limit: 2 });
      expect(g.nodes.map((n) => n.id)).toEqual(['actor:scratch-dense-a', 'actor:scratch-dense-b']);
      expect(g.edges).toHaveLength(10);
      expect(g.truncated).toBe(true);
      expectConsistent(g);
      expect((await neighborhood({ id: 'actor:scratch-dense-a', limit: 3 })).truncated).toBe(false);
    } finally {
      await api.db.write(
        cypher('testNeighborhoodDenseClean', 'MATCH (n:Entity {document: $document}) DETACH DELETE n'),
        { document: DENSE },
      );
    }
  });

  it('includes sources and CITES when the filter names SOURCE', async () => {
    const g = await neighborhood({
      id: 'actor:li-zhanshu',
      filter: { kinds: ['ACTOR', 'MEETING', 'SOURCE'] },
    });
    expect(g.nodes.some((n) => n.kind === 'SOURCE')).toBe(true);
    expect(g.edges.some((e) => e.type === 'CITES')).toBe(true);
    expect(g.nodes.slice(1).every((n) => ['ACTOR', 'MEETING', 'SOURCE'].includes(n.kind))).toBe(true);
  });

  it('follows only the relationship types asked for', async () => {
    const g = await neighborhood({
      id: 'actor:xi-jinping',
      depth: 2,
      filter: { relationshipTypes: ['ATTENDED'] },
    });
    expect(g.edges.length).toBeGreaterThan(0);
    expect(g.edges.every((e) => e.type === 'ATTENDED')).toBe(true);
    expect(g.nodes.map((n) => n.id)).toContain('actor:vladimir-putin');
  });

  it('leaves out what is dated outside the window', async () => {
    const g = await neighborhood({
      id: 'actor:xi-jinping',
      filter: { since: '2022-09-01', until: '2022-09-30' },
      limit: 2000,
    });
    // A dated node stays when the period it covers (its date at its precision, to its end date) overlaps.
    for (const n of g.nodes.slice(1)) {
      const p = n.properties;
      const period = datePeriod(p.date, p.datePrecision, p.endDate, p.endDatePrecision);
      if (period) expect(period.start <= '2022-09-30' && period.end >= '2022-09-01', n.id).toBe(true);
    }
    for (const e of g.edges) {
      const date = e.properties.date as string | undefined;
      if (date && e.properties.datePrecision === 'day')
        expect(date >= '2022-09-01' && date <= '2022-09-30').toBe(true);
    }
    expect(g.nodes.map((n) => n.id)).not.toContain('meeting:beijing-winter-olympics-2022');
  });

  it('answers NOT_FOUND for an unknown node and BAD_USER_INPUT for bad arguments', async () => {
    expect(codes(await api.run(NEIGHBORHOOD, { id: 'actor:nobody-at-all' }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.run(NEIGHBORHOOD, { id: 'Li Zhanshu' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(NEIGHBORHOOD, { id: 'actor:li-zhanshu', depth: 0 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.run(NEIGHBORHOOD, { id: 'actor:li-zhanshu', depth: 4 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.run(NEIGHBORHOOD, { id: 'actor:li-zhanshu', limit: 2001 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.run(NEIGHBORHOOD, { id: 'actor:li-zhanshu', limit: -1 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
