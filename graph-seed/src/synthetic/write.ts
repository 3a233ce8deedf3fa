// Writes the synthetic graph through the seed loader's own batch writers (writeNodes, writeCitations,
// writeRelationships), each batch in its own write transaction, and removes it again in batches. The next batch
// is generated while the database writes the current one, so the client's work overlaps the server's.
import { cypher, int, type Db, type Tx } from '../../../core/db/database.ts';
import {
  writeCitations,
  writeNodes,
  writeRelationships,
  type NodeInput,
  type RelationshipInput,
} from '../load.ts';
import { SYNTHETIC_DOCUMENT, batches, syntheticRecord, syntheticSlots, type SyntheticPlan } from './model.ts';

export type SyntheticPhase = 'nodes' | 'relationships';

/** Progress of a synthetic load: `owners` of `plan.nodes` processed in this phase, and what was written. */
export interface SyntheticProgress {
  phase: SyntheticPhase;
  owners: number;
  total: number;
  written: number;
}

export interface SyntheticWriteOptions {
  /** Nodes per write transaction (default 10,000). */
  nodesPerTransaction?: number;
  /** Relationships per write transaction (default 20,000). */
  relationshipsPerTransaction?: number;
  /** Rows per query inside a transaction (the loader's batchSize; default 2,000). */
  rowsPerQuery?: number;
  /** Write transactions in flight at once (default 2: one per core of the reference machine). */
  writers?: number;
  onProgress?: (p: SyntheticProgress) => void;
}

/** What a synthetic load wrote and how long each phase took. */
export interface SyntheticLoadResult {
  nodes: number;
  citations: number;
  relationships: number;
  nodeSeconds: number;
  relationshipSeconds: number;
  transactions: number;
  /** Typed relationships (CITES not included) per second of the relationship phase. */
  relationshipsPerSecond: number;
  /** Everything written (relationships and citations) per second of the whole load. */
  allRelationshipsPerSecond: number;
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

/** Nodes in write order (sources first), each with the index of its owner slot. */
function* nodeStream(plan: SyntheticPlan): Generator<{ slot: number; node: NodeInput }> {
  let slot = 0;
  for (const [kind, i] of syntheticSlots(plan))
    yield { slot: slot++, node: syntheticRecord(plan, kind, i).node };
}

function* relationshipStream(plan: SyntheticPlan): Generator<{ slot: number; rel: RelationshipInput }> {
  let slot = 0;
  for (const [kind, i] of syntheticSlots(plan)) {
    slot++;
    for (const rel of syntheticRecord(plan, kind, i).relationships) yield { slot, rel };
  }
}

/** True for a failure worth retrying: a deadlock or another transient Neo4j error (anywhere in the causes). */
export function isTransient(e: unknown): boolean {
  for (let x = e; x instanceof Error; x = x.cause) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Neo.TransientError')) return true;
    if (/deadlock/i.test(x.message)) return true;
  }
  return false;
}

/**
 * Runs `write` for each batch of `stream` in its own transaction, up to `writers` transactions at once, and
 * generates the next batch while they run. A batch that fails transiently (two writers deadlocking on a hub) is
 * written again: every write MERGEs on ids, so a retry is safe. Calls `after` as each batch commits; returns
 * the number of transactions committed.
 */
async function pipelined<T, R>(
  db: Db,
  stream: Iterable<T[]>,
  write: (tx: Tx, batch: T[]) => Promise<R>,
  after: (batch: T[], result: R) => void,
  writers: number,
): Promise<number> {
  let transactions = 0;
  let failure: { error: unknown } | null = null;
  const inFlight = new Set<Promise<void>>();
  const attempt = async (batch: T[]) => {
    for (let tries = 1; ; tries++) {
      try {
        return await db.writeTransaction((tx) => write(tx, batch));
      } catch (e) {
        if (tries >= 8 || !isTransient(e)) throw e;
        await new Promise((r) => setTimeout(r, 50 * tries + Math.random() * 100));
      }
    }
  };
  for (const batch of stream) {
    while (inFlight.size >= writers) await Promise.race(inFlight);
    if (failure) break;
    const p: Promise<void> = attempt(batch)
      .then((r) => {
        transactions++;
        after(batch, r);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  if (failure) throw (failure as { error: unknown }).error;
  return transactions;
}

/** Writes the planned synthetic graph: all nodes with their citations, then all relationships. */
export async function writeSynthetic(
  db: Db,
  plan: SyntheticPlan,
  options: SyntheticWriteOptions = {},
): Promise<SyntheticLoadResult> {
  const rows = options.rowsPerQuery ?? 2_000;
  const writers = Math.max(1, options.writers ?? 2);
  const report = options.onProgress ?? (() => {});

  let nodes = 0;
  let citations = 0;
  let relationships = 0;
  const t0 = performance.now();
  // Sources first, all committed before any node cites them; then the other kinds.
  let owners = 0;
  let nodeTransactions = 0;
  for (const sources of [true, false]) {
    nodeTransactions += await pipelined(
      db,
      batches(
        filter(nodeStream(plan), (n) => (n.node.kind === 'SOURCE') === sources),
        options.nodesPerTransaction ?? 10_000,
      ),
      async (tx, batch) => {
        const list = batch.map((b) => b.node);
        const written = await writeNodes(tx, list, { batchSize: rows });
        return { written, cited: await writeCitations(tx, list, { batchSize: rows }) };
      },
      (batch, r) => {
        nodes += r.written;
        citations += r.cited;
        owners = Math.max(owners, batch[batch.length - 1]!.slot + 1);
        report({ phase: 'nodes', owners, total: plan.nodes, written: nodes });
      },
      writers,
    );
  }
  const t1 = performance.now();
  owners = 0;
  const relTransactions = await pipelined(
    db,
    batches(relationshipStream(plan), options.relationshipsPerTransaction ?? 20_000),
    (tx, batch) =>
      writeRelationships(
        tx,
        batch.map((b) => b.rel),
        { batchSize: rows },
      ),
    (batch, written) => {
      relationships += written;
      owners = Math.max(owners, batch[batch.length - 1]!.slot);
      report({ phase: 'relationships', owners, total: plan.nodes, written: relationships });
    },
    writers,
  );
  const t2 = performance.now();
  const nodeSeconds = (t1 - t0) / 1000;
  const relationshipSeconds = (t2 - t1) / 1000;
  return {
    nodes,
    citations,
    relationships,
    nodeSeconds,
    relationshipSeconds,
    transactions: nodeTransactions + relTransactions,
    relationshipsPerSecond: relationships / Math.max(relationshipSeconds, 1e-9),
    allRelationshipsPerSecond:
      (relationships + citations) / Math.max(nodeSeconds + relationshipSeconds, 1e-9),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Counting and removing
// ---------------------------------------------------------------------------------------------------------------

const COUNT = cypher('syntheticCount', 'MATCH (n:Entity {document: $document}) RETURN count(n) AS nodes');

// Nodes with so many relationships that one DETACH DELETE of a batch holding them would be a huge transaction.
const HEAVY = cypher(
  'syntheticHeavyNodes',
  `MATCH (n:Entity {document: $document})
   WHERE COUNT { (n)--() } > $threshold
   RETURN n.id AS id`,
);

const DELETE_RELATIONSHIPS_OF = cypher(
  'syntheticDeleteRelationshipsOf',
  `MATCH (:Entity {id: $id})-[r]-()
   WITH r LIMIT $limit
   DELETE r
   RETURN count(*) AS deleted`,
);

const DELETE_NODES = cypher(
  'syntheticDeleteNodes',
  `MATCH (n:Entity {document: $document})
   WITH n LIMIT $limit
   DETACH DELETE n
   RETURN count(*) AS deleted`,
);

/** The number of synthetic nodes in the graph. */
export async function countSynthetic(db: Db): Promise<number> {
  const [row] = await db.read(COUNT, { document: SYNTHETIC_DOCUMENT });
  return Number(row?.nodes ?? 0);
}

/** What a removal deleted. */
export interface SyntheticRemoveResult {
  nodes: number;
  hubRelationships: number;
}

/**
 * Deletes every synthetic node and its relationships in bounded transactions: first the relationships of
 * heavily connected nodes in slices, then the nodes in batches. The memo's nodes are never touched.
 */
export async function removeSynthetic(
  db: Db,
  onProgress: (deletedNodes: number) => void = () => {},
  batchSize = 5_000,
): Promise<SyntheticRemoveResult> {
  const document = SYNTHETIC_DOCUMENT;
  let hubRelationships = 0;
  const heavy = await db.read(HEAVY, { document, threshold: int(1_000) });
  for (const { id } of heavy) {
    for (;;) {
      const [row] = await db.write(DELETE_RELATIONSHIPS_OF, { id, limit: int(20_000) });
      const n = Number(row?.deleted ?? 0);
      hubRelationships += n;
      if (n === 0) break;
    }
  }
  let nodes = 0;
  for (;;) {
    const [row] = await db.write(DELETE_NODES, { document, limit: int(batchSize) });
    const n = Number(row?.deleted ?? 0);
    if (n === 0) break;
    nodes += n;
    onProgress(nodes);
  }
  return { nodes, hubRelationships };
}
