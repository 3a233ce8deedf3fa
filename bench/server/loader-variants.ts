// `npx tsx bench/server/loader-variants.ts`: what limits the loader's rate. Writes the same 40,000 relationships
// between existing synthetic actors with the loader's own query (seedMergeRelationshipsMET_WITH) and with
// variants (no Eager, CREATE instead of MERGE, two writers at once), 2,000 rows a query, one transaction per
// 10,000, deleting them after each variant. Needs the synthetic graph (any size). Prints relationships/s.
import { loadConfig } from '../../server/src/app/config.ts';
import { createDb, cypher, type Db, type NamedQuery } from '../../core/db/database.ts';
import { writeRelationships } from '../../graph-seed/src/load.ts';
import { planSynthetic, syntheticId } from '../../graph-seed/src/synthetic/model.ts';
import { countSynthetic } from '../../graph-seed/src/synthetic/write.ts';
import { table } from '../stats.ts';

const TOTAL = Number(process.env.LOADER_VARIANT_ROWS ?? 40_000);
const PER_QUERY = 2_000;
const PER_TX = 10_000;

/** The loader's relationship query for MET_WITH, with its MERGE line replaced by `write`, in one SET (no Eager). */
const variant = (name: string, write: string) =>
  cypher(
    name,
    [
      'UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})',
      write,
      'SET r = row.props, r.date = date(row.props.date) RETURN count(r) AS written',
    ].join('\n'),
  );
const NO_EAGER = variant('benchLoaderNoEager', 'MERGE (a)-[r:MET_WITH {id: row.id}]->(b)');
const CREATE = variant('benchLoaderCreate', 'CREATE (a)-[r:MET_WITH]->(b)');
const CLEAN = cypher(
  'benchLoaderClean',
  `MATCH (a:Entity {document: 'synthetic'})-[r:MET_WITH]->()
   WHERE r.id STARTS WITH 'rel:syn-variant-'
   WITH r LIMIT 50000
   DELETE r
   RETURN count(*) AS deleted`,
);

interface Row {
  from: string;
  to: string;
  id: string;
  props: { id: string; sourceIds: string[]; document: string; date: string; datePrecision: string };
}

/** Relationships among the actors [first, first + actors): two writers get disjoint halves (no lock waits). */
function rows(first: number, actors: number, tag: string, offset: number): Row[] {
  return Array.from({ length: TOTAL }, (_, i) => {
    const k = i + offset;
    const id = `rel:syn-variant-${tag}-${k}`;
    return {
      from: syntheticId('ACTOR', first + ((k * 7919) % actors)),
      to: syntheticId('ACTOR', first + ((k * 104_729 + 1) % actors)),
      id,
      props: {
        id,
        sourceIds: ['source:syn-1'],
        document: 'synthetic',
        date: '2020-01-01',
        datePrecision: 'day',
      },
    };
  }).filter((r) => r.from !== r.to);
}

async function viaLoader(db: Db, list: Row[]): Promise<void> {
  for (let i = 0; i < list.length; i += PER_TX) {
    const batch = list
      .slice(i, i + PER_TX)
      .map((r) => ({ type: 'MET_WITH' as const, from: r.from, to: r.to, props: r.props }));
    await db.writeTransaction((tx) => writeRelationships(tx, batch, { batchSize: PER_QUERY }));
  }
}

async function viaQuery(db: Db, query: NamedQuery, list: Row[]): Promise<void> {
  for (let i = 0; i < list.length; i += PER_TX) {
    const batch = list.slice(i, i + PER_TX);
    await db.writeTransaction(async (tx) => {
      for (let j = 0; j < batch.length; j += PER_QUERY)
        await tx.run(query, { rows: batch.slice(j, j + PER_QUERY) });
    });
  }
}

async function main() {
  const config = loadConfig();
  const db = createDb({
    uri: config.neo4jUri ?? `bolt://127.0.0.1:${config.localNeo4jPort}`,
    txTimeoutMs: 600_000,
  });
  try {
    const nodes = await countSynthetic(db);
    if (nodes === 0) throw new Error('no synthetic graph: run `npm run seed:synthetic` first');
    const actors = planSynthetic({ nodes }).counts.ACTOR;
    const variants: [string, (list: Row[]) => Promise<void>, number][] = [
      ['loader (writeRelationships: MERGE, then SET, Eager)', (l) => viaLoader(db, l), 1],
      ['MERGE without Eager', (l) => viaQuery(db, NO_EAGER, l), 1],
      ['CREATE (fresh data only)', (l) => viaQuery(db, CREATE, l), 1],
      ['loader, two writers at once', (l) => viaLoader(db, l), 2],
      ['CREATE, two writers at once', (l) => viaQuery(db, CREATE, l), 2],
    ];
    const out: string[][] = [];
    for (const [name, write, writers] of variants) {
      const share = Math.floor(actors / writers);
      const lists = Array.from({ length: writers }, (_, w) =>
        rows(w * share, share, String(out.length), w * TOTAL),
      );
      const started = performance.now();
      await Promise.all(lists.map((l) => write(l)));
      const s = (performance.now() - started) / 1000;
      const written = lists.reduce((n, l) => n + l.length, 0);
      out.push([
        name,
        written.toLocaleString('en-US'),
        s.toFixed(1),
        Math.round(written / s).toLocaleString('en-US'),
      ]);
      console.log(out.at(-1)!.join('  '));
      while (Number((await db.write(CLEAN))[0]?.deleted ?? 0) > 0);
    }
    console.log(`\n${table(['variant', 'relationships', 's', 'relationships/s'], out)}`);
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
