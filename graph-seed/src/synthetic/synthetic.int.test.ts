import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher, type Db } from '../../../core/db/database.ts';
import { countGraph, type GraphCounts } from '../load.ts';
import { SYNTHETIC_DOCUMENT, planSynthetic, syntheticNodes, syntheticRelationships } from './model.ts';
import { countSynthetic, removeSynthetic, writeSynthetic, type SyntheticProgress } from './write.ts';

const HUB_DEGREE = cypher(
  'testSyntheticHubDegree',
  `MATCH (n:Entity {id: $id})
   RETURN COUNT { (n)-[r]-() WHERE type(r) <> 'CITES' } AS degree`,
);
const UNSOURCED = cypher(
  'testSyntheticUnsourced',
  `MATCH (n:Entity {document: $document}) WHERE NOT n:Source AND NOT (n)-[:CITES]->(:Source)
   RETURN count(n) AS nodes`,
);
const CROSSING = cypher(
  'testSyntheticCrossing',
  `MATCH (a:Entity {document: $document})-[r]-(b:Entity)
   WHERE b.document <> $document OR r.document <> $document
   RETURN count(r) AS crossing`,
);

describe('synthetic graph in Neo4j', () => {
  let db: Db;
  let memo: GraphCounts;
  const plan = planSynthetic({ nodes: 2_000 });

  beforeAll(async () => {
    db = createDb({ uri: inject('neo4jUri') });
    memo = await countGraph(db);
  });
  afterAll(async () => {
    await removeSynthetic(db);
    await db.close();
  });

  it('writes the planned graph in batches through the loader, then removes it leaving the memo as it was', async () => {
    const progress: SyntheticProgress[] = [];
    const result = await writeSynthetic(db, plan, {
      nodesPerTransaction: 500,
      relationshipsPerTransaction: 2_000,
      rowsPerQuery: 300,
      onProgress: (p) => progress.push(p),
    });
    const expectedRels = [...syntheticRelationships(plan)].length;
    const expectedCites = [...syntheticNodes(plan)].reduce((s, n) => s + (n.sources?.length ?? 0), 0);
    expect(result).toMatchObject({ nodes: 2_000, relationships: expectedRels, citations: expectedCites });
    expect(result.relationshipsPerSecond).toBeGreaterThan(0);
    // One transaction per batch (sources first, then the other nodes, then relationships; two writers at a
    // time), each reported as it commits, ending with everything written.
    const sources = plan.counts.SOURCE;
    expect(result.transactions).toBe(
      Math.ceil(sources / 500) + Math.ceil((2_000 - sources) / 500) + Math.ceil(expectedRels / 2_000),
    );
    expect(progress.at(-1)).toMatchObject({ phase: 'relationships', written: expectedRels, owners: 2_000 });

    expect(await countSynthetic(db)).toBe(2_000);
    const [hub] = await db.read(HUB_DEGREE, { id: 'actor:syn-0' });
    expect(Number(hub?.degree)).toBeGreaterThanOrEqual(plan.hubDegree);
    const [unsourced] = await db.read(UNSOURCED, { document: SYNTHETIC_DOCUMENT });
    expect(unsourced?.nodes).toBe(0);
    const [crossing] = await db.read(CROSSING, { document: SYNTHETIC_DOCUMENT });
    expect(crossing?.crossing).toBe(0);

    const withSynthetic = await countGraph(db);
    expect(withSynthetic.nodes.ACTOR).toBe((memo.nodes.ACTOR ?? 0) + plan.counts.ACTOR);

    const removed = await removeSynthetic(db, () => {}, 700);
    expect(removed.nodes).toBe(2_000);
    expect(await countSynthetic(db)).toBe(0);
    expect(await countGraph(db)).toEqual(memo);
  });
});
