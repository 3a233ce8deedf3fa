import { cypher, type Tx } from './database.ts';

// The graph's version: a counter on one node, bumped in the same transaction by every write that changes what a
// document's preview depends on: a document written (graph-seed's writeDocument) or removed, and the analysts'
// edits and merges (server/src/edits, server/src/merges). A preview of a document (server/src/documents) keeps the version it was made at, and its
// import is refused while the version is another. Setting `lockedAt` first takes the node's write lock, so the
// version read after it is the latest committed, and concurrent writers queue on it.
const LOCK_GRAPH_VERSION = cypher(
  'graphVersionLock',
  `MERGE (g:GraphVersion {id: 'graph'})
   ON CREATE SET g.version = 0
   SET g.lockedAt = datetime.transaction()
   RETURN g.version AS version`,
);
const BUMP_GRAPH_VERSION = cypher(
  'graphVersionBump',
  `MATCH (g:GraphVersion {id: 'graph'})
   SET g.version = g.version + 1
   RETURN g.version AS version`,
);
const READ_GRAPH_VERSION = cypher(
  'graphVersionRead',
  "OPTIONAL MATCH (g:GraphVersion {id: 'graph'}) RETURN coalesce(g.version, 0) AS version",
);

/** Takes the graph version's write lock (until `tx` ends) and returns the version. */
export async function lockGraphVersion(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ version: number }>(LOCK_GRAPH_VERSION);
  return Number(row?.version ?? 0);
}

/** Bumps the graph's version (taking its lock first); returns the new version. */
export async function bumpGraphVersion(tx: Tx): Promise<number> {
  await lockGraphVersion(tx);
  const [row] = await tx.run<{ version: number }>(BUMP_GRAPH_VERSION);
  return Number(row?.version ?? 0);
}

/** The graph's version as committed now (0 before any document was written since versions were kept). */
export async function graphVersion(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ version: number }>(READ_GRAPH_VERSION);
  return Number(row?.version ?? 0);
}
