import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';

let api: TestGraphQL;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(() => api.close());

const COUNTS = cypher(
  'testStatsCounts',
  `MATCH (n:Entity) WITH count(n) AS nodes
   MATCH (:Entity)-[r]->(:Entity)
   RETURN nodes, sum(CASE WHEN type(r) = 'CITES' THEN 0 ELSE 1 END) AS edges,
          sum(CASE WHEN type(r) = 'CITES' THEN 1 ELSE 0 END) AS citations`,
);

describe('stats', () => {
  it('counts the graph: nodes per kind, edges without CITES', async () => {
    const { stats } = await api.data<{
      stats: {
        nodeCount: number;
        edgeCount: number;
        citationCount: number;
        countsByKind: Record<string, number>;
        countsByRelationshipType: Record<string, number>;
      };
    }>(/* GraphQL */ `
      {
        stats {
          nodeCount
          edgeCount
          citationCount
          countsByKind
          countsByRelationshipType
        }
      }
    `);
    const [row] = await api.db.read(COUNTS);
    expect(stats.nodeCount).toBe(row!.nodes);
    expect(stats.edgeCount).toBe(row!.edges);
    expect(stats.citationCount).toBe(row!.citations);
    expect(Object.values(stats.countsByKind).reduce((a, b) => a + b, 0)).toBe(stats.nodeCount);
    expect(stats.countsByKind.ACTOR).toBeGreaterThan(10);
    expect(stats.countsByKind.SOURCE).toBeGreaterThan(10);
    expect(stats.countsByRelationshipType.ATTENDED).toBeGreaterThan(0);
  });
});
