// npm run db:import (scripts/db-import.ts): the offline importer makes exactly the graph the transactional loader
// (seed:synthetic's path) makes for the same plan, with the same schema; it refuses a running or existing
// database, and a validation or import-tool failure leaves the data folder as it was.
import { describe, expect, it } from 'vitest';
import { createDb, cypher, type Db } from '../core/db/database.ts';
import { ensureSchema } from '../graph-seed/src/load.ts';
import { planSynthetic, syntheticRecords } from '../graph-seed/src/synthetic/model.ts';
import { writeSynthetic } from '../graph-seed/src/synthetic/write.ts';
import { ownNeo4j } from '../test/support/own-neo4j.ts';
import { bulkImport, type GraphRecord } from './db-import.ts';

const own = ownNeo4j('bulk-import', 120);
const plan = planSynthetic({ nodes: 300 });
const memory = { heapMiB: 512, pagecacheMiB: 64 };

const NODES = cypher(
  'testImportNodes',
  `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props,
     [k IN keys(n) | k + ' ' + valueType(n[k])] AS types`,
);
const RELATIONSHIPS = cypher(
  'testImportRelationships',
  `MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props,
     [k IN keys(r) | k + ' ' + valueType(r[k])] AS types`,
);
const CONSTRAINTS = cypher(
  'testImportConstraints',
  'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties',
);
const INDEXES = cypher(
  'testImportIndexes',
  `SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state
   RETURN name, type, labelsOrTypes, properties, state`,
);

type Row = Record<string, unknown>;
const sortedBy = (rows: Row[], key: (r: Row) => string): Row[] =>
  rows
    .map((r) => ({ ...r, types: [...(r.types as string[])].sort(), key: key(r) }))
    .sort((a, b) => a.key.localeCompare(b.key));

/** Everything in the database: every node and relationship with its properties' values and types, the schema. */
async function snapshot(uri: string) {
  const db: Db = createDb({ uri });
  try {
    const byName = (rows: Row[]) =>
      sortedBy(
        rows.map((r) => ({ ...r, types: [] })),
        (r) => String(r.name),
      );
    return {
      nodes: sortedBy(await db.read(NODES), (r) => String((r.props as Row).id)),
      relationships: sortedBy(await db.read(RELATIONSHIPS), (r) =>
        [r.from, r.type, r.to, (r.props as Row).id ?? ''].join(' '),
      ),
      constraints: byName(await db.read(CONSTRAINTS)),
      indexes: byName(await db.read(INDEXES)),
    };
  } finally {
    await db.close();
  }
}

describe('npm run db:import', () => {
  it(
    'imports the same graph as the transactional loader, refuses what it must, and never leaves half a database',
    { timeout: 900_000 },
    async () => {
      // The transactional path, as `npm run seed:synthetic` runs it on an empty database.
      const first = await own.start({ fresh: true });
      const dataDir = first.dataDir;
      const loaded = createDb({ uri: first.uri, txTimeoutMs: 600_000 });
      await ensureSchema(loaded);
      await writeSynthetic(loaded, plan);
      await loaded.close();
      const expected = await snapshot(first.uri);
      expect(expected.nodes).toHaveLength(300);
      expect(expected.relationships.length).toBeGreaterThan(1_000);

      const records = () => syntheticRecords(plan);
      await expect(bulkImport({ dataDir, records, replace: true })).rejects.toThrow(
        /is running: stop it first/,
      );
      await first.stop();
      await expect(bulkImport({ dataDir, records })).rejects.toThrow(
        /already holds a database: an import replaces it; add --yes/,
      );

      // A validation error names the relationship and its missing end; the import tool's own failure (a date
      // that only a date parser refuses) comes with its message. Neither touches the database.
      const dangling = function* (): Generator<GraphRecord> {
        for (const r of syntheticRecords(plan)) {
          if (r.node.id !== 'meeting:syn-3') yield r;
          else yield { ...r, relationships: [{ ...r.relationships[0]!, to: 'actor:nobody' }] };
        }
      };
      await expect(bulkImport({ dataDir, records: dangling, replace: true })).rejects.toThrow(
        /relationship rel:syn-meeting-3-0 \(.* -HOSTED-> actor:nobody\): actor:nobody is not a node of the graph/,
      );
      const badDate = function* (): Generator<GraphRecord> {
        for (const r of syntheticRecords(plan)) {
          if (r.node.id !== 'figure:syn-2') yield r;
          else yield { ...r, node: { ...r.node, props: { ...r.node.props, date: '2022-02-30' } } };
        }
      };
      await expect(bulkImport({ dataDir, records: badDate, replace: true, ...memory })).rejects.toThrow(
        /neo4j-admin database import failed: .*2022-02-30/,
      );
      const untouched = await own.start();
      expect(await snapshot(untouched.uri)).toEqual(expected);
      await untouched.stop();

      // The offline importer, over the same data folder.
      const result = await bulkImport({ dataDir, records, replace: true, ...memory });
      expect(result).toMatchObject({
        nodes: 300,
        relationships: expected.relationships.filter((r) => r.type !== 'CITES').length,
        citations: expected.relationships.filter((r) => r.type === 'CITES').length,
      });
      const imported = await own.start();
      const actual = await snapshot(imported.uri);
      await imported.stop();
      expect(actual.constraints).toEqual(expected.constraints);
      expect(actual.indexes).toEqual(expected.indexes);
      expect(actual.indexes.every((i) => i.state === 'ONLINE')).toBe(true);
      expect(actual.nodes).toEqual(expected.nodes);
      expect(actual.relationships).toEqual(expected.relationships);
    },
  );
});
