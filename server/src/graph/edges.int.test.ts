// The edges among a set of nodes are found without expanding the set's hubs (see relationshipsAmong): whichever
// way each node is treated, sparse (expanded) or dense (only Expand(Into) with the other dense nodes), the answer
// must be every relationship with both ends in the set, exactly once.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher, int } from '../../../core/db/database.ts';
import { edgesAmong, loadNodes, MANY_IDS, subgraphAmong } from './cypher.ts';
import { FILTER_RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES } from '../../../core/model/index.ts';
import { NO_FILTER } from './model.ts';

const db = createDb({ uri: inject('neo4jUri') });
afterAll(() => db.close());

// The most connected memo nodes and some of their neighbours: hubs next to each other and to ordinary nodes.
const SAMPLE = cypher(
  'testEdgesSample',
  `MATCH (h:Entity) WHERE h.document = 'no-limits-memo'
   WITH h ORDER BY COUNT { (h)--() } DESC, h.id LIMIT 6
   MATCH (h)--(m:Entity)
   WITH collect(DISTINCT h.id) + collect(DISTINCT m.id)[..60] AS ids
   UNWIND ids AS id
   RETURN collect(DISTINCT id) AS ids`,
);

// The answer by brute force: every relationship from a node of the set to a node of the set.
const BRUTE = cypher(
  'testEdgesBrute',
  `MATCH (a:Entity)-[r]->(b:Entity)
   WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
   RETURN coalesce(r.id, 'rel:' + a.id + '-' + type(r) + '->' + b.id) AS id
   ORDER BY id`,
);

describe('edgesAmong', () => {
  it('finds every relationship among the nodes once, whether they are treated as sparse, dense or mixed', async () => {
    const [row] = await db.read(SAMPLE);
    const ids = row!.ids as string[];
    expect(ids.length).toBeGreaterThan(30);
    const expected = (await db.read(BRUTE, { ids, types: RELATIONSHIP_TYPE_NAMES })).map((r) => String(r.id));
    expect(expected.length).toBeGreaterThan(40);
    const degrees = await db.read(
      cypher('testEdgesDegrees', 'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN COUNT { (n)--() } AS d'),
      { ids },
    );
    const sorted = degrees.map((d) => Number(d.d)).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    // Everything expanded; nothing expanded (every pair by Expand(Into)); the better connected half dense.
    // Both forms of the query: the ids as they are, and padded with ids of no node past MANY_IDS.
    const padded = [...ids, ...Array.from({ length: MANY_IDS }, (_, i) => `actor:no-such-node-${i}`)];
    for (const dense of [1_000_000, 0, median])
      for (const asked of [ids, padded]) {
        const edges = await edgesAmong(db, asked, RELATIONSHIP_TYPE_NAMES, NO_FILTER, 10_000, dense);
        expect(
          edges.map((e) => e.id),
          `dense = ${dense}, ${asked.length} ids`,
        ).toEqual(expected);
        for (const e of edges) expect(ids).toContain(e.source);
      }
  });
});

describe('edgesAmong a set of thousands', () => {
  // A saved view holds up to 5,000 nodes: opening or saving one asks for the relationships among all of them. A
  // scratch graph of its own (3,000 statements, each linked to four later ones), removed afterwards.
  const N = 3000;
  const ids = Array.from({ length: N }, (_, i) => `statement:test-big-set-${i}`);
  const WRITE = cypher(
    'testBigSetWrite',
    `UNWIND range(0, $n - 1) AS i
     CREATE (:Entity:Statement {id: 'statement:test-big-set-' + i, kind: 'STATEMENT', document: 'test-big-set'})
     WITH count(*) AS made
     UNWIND range(0, $n - 1) AS i
     UNWIND [1, 2, 7, 13] AS step
     MATCH (a:Entity {id: 'statement:test-big-set-' + i}), (b:Entity {id: 'statement:test-big-set-' + ((i + step) % $n)})
     CREATE (a)-[:ABOUT {id: 'rel:test-big-set-' + i + '-' + step}]->(b)`,
  );
  const REMOVE = cypher('testBigSetRemove', "MATCH (n:Entity {document: 'test-big-set'}) DETACH DELETE n");

  it('finds all 12,000 relationships among 3,000 nodes within the database’s transaction memory', async () => {
    await db.write(REMOVE);
    await db.write(WRITE, { n: int(N) });
    try {
      const edges = await edgesAmong(db, ids, RELATIONSHIP_TYPE_NAMES, NO_FILTER, 20_000);
      expect(edges).toHaveLength(4 * N);
      expect(new Set(edges.map((e) => e.id)).size).toBe(4 * N);
    } finally {
      await db.write(REMOVE);
    }
  });
});

describe('subgraphAmong', () => {
  it('gives what loadNodes and edgesAmong give, in one query: nodes in the order asked, edges by id, the limit', async () => {
    const [row] = await db.read(SAMPLE);
    // Unknown ids are left out; the order of the ids is kept (here reversed, with an unknown one among them).
    const ids = [...(row!.ids as string[])].reverse();
    ids.splice(3, 0, 'actor:no-such-node');
    for (const [types, limit] of [
      [FILTER_RELATIONSHIP_TYPES, 10_000],
      [FILTER_RELATIONSHIP_TYPES, 7],
      [['MET_WITH', 'CITES'], 10_000],
      [[], 10_000],
    ] as const) {
      const one = await subgraphAmong(db, ids, types, NO_FILTER, limit);
      const nodes = await loadNodes(db, ids);
      const edges = await edgesAmong(db, ids, types, NO_FILTER, limit);
      expect(one.nodes, `${types.length} types, limit ${limit}`).toEqual(nodes);
      expect(one.edges, `${types.length} types, limit ${limit}`).toEqual(edges);
      if (limit === 7) expect(one.edges).toHaveLength(8);
    }
    for (const filter of [
      { ...NO_FILTER, since: '2022-09-01', until: '2022-09-30' },
      { ...NO_FILTER, statedOnly: true, minReliability: 'B' as const },
    ]) {
      expect(await subgraphAmong(db, ids, FILTER_RELATIONSHIP_TYPES, filter, 10_000)).toEqual({
        nodes: await loadNodes(db, ids),
        edges: await edgesAmong(db, ids, FILTER_RELATIONSHIP_TYPES, filter, 10_000),
      });
    }
  });
});
