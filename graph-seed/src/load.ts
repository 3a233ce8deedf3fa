// Writes validated documents to Neo4j: the schema first (constraint and indexes, each in its own transaction),
// then each document in ONE write transaction, so a failure leaves no partial document. Everything is MERGEd on
// `id`, so loading twice changes nothing; items removed from a file are removed from the graph. Labels and
// relationship types come from the model's fixed lists (core/model), never from the files; data travels as parameters.
import { createHash } from 'node:crypto';
import { cypher, int, type Db, type NamedQuery, type Tx } from '../../core/db/database.ts';
import {
  CITES,
  KIND_LABELS,
  documentIdOf,
  isSharedKind,
  RELATIONSHIP_TYPE_NAMES,
  type NodeKind,
  type RelationshipType,
} from '../../core/model/index.ts';
import type { PropValue, SeedDocument } from './normalise.ts';
import { bumpGraphVersion, releaseSharedEntities, writeSharedEntities } from './documents.ts';
import {
  applyCorrections,
  correctionConflicts,
  correctionsOf,
  retractedAmong,
  type CorrectionConflict,
} from '../../core/db/edit-layer.ts';
import { HISTORY_SCHEMA, newChangeId, recordChange } from '../../core/db/history.ts';

/**
 * What the full-text index `entitySearch` (search) reads: names, aliases, quotes, titles, publishers and
 * addresses, and the text written for readers: summaries, a figure's metric, a quote's context, an agreement's
 * terms, notes, and the note that says what an inference rests on (an analyst looks for a claim by what it is
 * said to rest on as much as by its name). A change here remakes the index on the next load (ensureSchema).
 */
export const SEARCH_PROPERTIES = [
  'name',
  'aliases',
  'text',
  'originalText',
  'title',
  'publisher',
  'url',
  'summary',
  'metric',
  'context',
  'terms',
  'note',
  'inferenceNote',
] as const;

/**
 * What the full-text index `entityNames` reads: names, titles and aliases only. Search asks it first: without
 * quotes and long text, where most common words live, a name is found at a fraction of the wide index's cost.
 */
export const NAME_PROPERTIES = ['name', 'title', 'aliases'] as const;

const SCHEMA: NamedQuery[] = [
  cypher(
    'seedConstraintEntityId',
    'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  ),
  cypher(
    'seedIndexEntityDocument',
    'CREATE INDEX entity_document IF NOT EXISTS FOR (n:Entity) ON (n.document)',
  ),
  // A document's account of a shared entity (graph-seed/src/documents.ts): one per entity and document.
  cypher(
    'seedConstraintEntityRecord',
    'CREATE CONSTRAINT entity_record_unique IF NOT EXISTS FOR (r:EntityRecord) REQUIRE (r.entityId, r.document) IS UNIQUE',
  ),
  cypher(
    'seedIndexEntityRecordEntity',
    'CREATE INDEX entity_record_entity IF NOT EXISTS FOR (r:EntityRecord) ON (r.entityId)',
  ),
  cypher(
    'seedIndexEntityRecordDocument',
    'CREATE INDEX entity_record_document IF NOT EXISTS FOR (r:EntityRecord) ON (r.document)',
  ),
  // The graph's version (documents.ts): one node, bumped by every document written or removed.
  cypher(
    'seedConstraintGraphVersion',
    'CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (g:GraphVersion) REQUIRE g.id IS UNIQUE',
  ),
  cypher(
    'seedIndexEntitySearch',
    'CREATE FULLTEXT INDEX entitySearch IF NOT EXISTS FOR (n:Entity) ' +
      `ON EACH [${SEARCH_PROPERTIES.map((p) => `n.${p}`).join(', ')}]`,
  ),
  cypher(
    'seedIndexEntityNames',
    'CREATE FULLTEXT INDEX entityNames IF NOT EXISTS FOR (n:Entity) ' +
      `ON EACH [${NAME_PROPERTIES.map((p) => `n.${p}`).join(', ')}]`,
  ),
];
const AWAIT_INDEXES = cypher('seedAwaitIndexes', 'CALL db.awaitIndexes(120)');
const FULLTEXT_INDEX_PROPERTIES = cypher(
  'seedFulltextIndexProperties',
  'SHOW FULLTEXT INDEXES YIELD name, properties RETURN name, properties',
);
/** The full-text indexes, the properties each reads, and how to drop one defined over others (ensureSchema). */
const FULLTEXT_INDEXES = [
  {
    name: 'entitySearch',
    properties: SEARCH_PROPERTIES,
    drop: cypher('seedDropSearchIndex', 'DROP INDEX entitySearch IF EXISTS'),
  },
  {
    name: 'entityNames',
    properties: NAME_PROPERTIES,
    drop: cypher('seedDropNamesIndex', 'DROP INDEX entityNames IF EXISTS'),
  },
];

/**
 * Creates the uniqueness constraint on Entity.id and the indexes (if missing), and waits until they are online.
 * A full-text index made by an older version over other properties is dropped first and made again.
 */
export async function ensureSchema(db: Db): Promise<void> {
  const existing = await db.read<{ name: string; properties: string[] }>(FULLTEXT_INDEX_PROPERTIES);
  for (const index of FULLTEXT_INDEXES) {
    const found = existing.find((e) => e.name === index.name);
    if (found && [...found.properties].sort().join() !== [...index.properties].sort().join()) {
      await db.write(index.drop);
    }
  }
  for (const q of [...SCHEMA, ...HISTORY_SCHEMA]) await db.write(q);
  await db.write(AWAIT_INDEXES);
}

/** A node to write: `props` must hold `id`; the kind decides the labels; `sources` become CITES. */
export interface NodeInput {
  id: string;
  kind: NodeKind;
  props: Record<string, PropValue>;
  sources?: string[];
  /** The document the node's CITES belong to (defaults to props.document). */
  document?: string;
}

/** A relationship to write between two existing nodes; `props` must hold `id`. */
export interface RelationshipInput {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, PropValue>;
}

export interface BatchOptions {
  /** Rows per query (default 1000). */
  batchSize?: number;
  /** Called after each batch with the rows written so far. */
  onBatch?: (done: number, total: number) => void;
}

/** Thrown when a write does not do what the files promised (a relationship whose end is not in the graph). */
/** Upper bound for writing one document (one transaction). */
export const SEED_TRANSACTION_TIMEOUT_MS = 300_000;

export class SeedLoadError extends Error {}

// Date fields arrive as `YYYY-MM-DD` text and are stored as Neo4j dates.
const DATES = 'n.date = date(n.date), n.endDate = date(n.endDate), n.accessed = date(n.accessed)';

// One query for every kind and one for every type (few queries to plan: a cold database plans each one once).
// The label and the type are parameters, but their values come only from KIND_LABELS and RELATIONSHIP_TYPES.
const MERGE_NODES = cypher(
  'seedMergeNodes',
  `UNWIND $rows AS row
   MERGE (n:Entity {id: row.id})
   SET n = row.props
   SET n:$(row.label), ${DATES}
   RETURN count(n) AS written`,
);

const MERGE_RELATIONSHIPS = cypher(
  'seedMergeRelationships',
  `UNWIND $rows AS row
   MATCH (a:Entity {id: row.from})
   MATCH (b:Entity {id: row.to})
   MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
   SET r = row.props
   SET ${DATES.replaceAll('n.', 'r.')}
   RETURN count(r) AS written`,
);

const PRUNE_CITES = cypher(
  'seedPruneCitations',
  `UNWIND $rows AS row
   MATCH (n:Entity {id: row.id})-[c:${CITES}]->(s:Source)
   WHERE NOT s.id IN row.sources
   DELETE c
   RETURN count(c) AS removed`,
);

const MERGE_CITES = cypher(
  'seedMergeCitations',
  `UNWIND $rows AS row
   MATCH (n:Entity {id: row.id})
   UNWIND row.sources AS sourceId
   MATCH (s:Entity {id: sourceId}) WHERE s:Source
   MERGE (n)-[c:${CITES}]->(s)
   SET c.document = row.document
   RETURN count(c) AS written`,
);

const written = (rows: Array<Record<string, unknown>>) => Number(rows[0]?.written ?? 0);

/**
 * Writes `items` in batches of `options.batchSize` (1,000): `write` writes one batch and returns how many it
 * wrote; `options.onBatch` hears the running count against `total` (by default the number of items).
 */
async function inBatches<T>(
  items: T[],
  options: BatchOptions,
  write: (batch: T[]) => Promise<number>,
  total = items.length,
): Promise<number> {
  const size = options.batchSize ?? 1000;
  let done = 0;
  for (let i = 0; i < items.length; i += size) {
    done += await write(items.slice(i, i + size));
    options.onBatch?.(done, total);
  }
  return done;
}

/** Throws SeedLoadError unless all `expected` were written. */
function checkWritten(n: number, expected: number, what: string, why: string): number {
  if (n !== expected)
    throw new SeedLoadError(`${expected - n} of ${expected} ${what} were not written: ${why}`);
  return n;
}

/** MERGEs nodes on `id` in batches; a node's properties become exactly `props`, its labels Entity + its kind's. */
export function writeNodes(tx: Tx, nodes: NodeInput[], options: BatchOptions = {}): Promise<number> {
  return inBatches(nodes, options, async (batch) => {
    const rows = batch.map((n) => {
      const label = KIND_LABELS[n.kind];
      if (!label) throw new SeedLoadError(`unknown kind ${String(n.kind)} for ${n.id}`);
      return { id: n.id, label, props: { ...n.props, id: n.id, kind: n.kind } };
    });
    return written(await tx.run(MERGE_NODES, { rows }));
  });
}

const TYPES = new Set<string>(RELATIONSHIP_TYPE_NAMES);

/** MERGEs relationships on `id` in batches; throws SeedLoadError if an end is not in the graph. */
export function writeRelationships(
  tx: Tx,
  relationships: RelationshipInput[],
  options: BatchOptions = {},
): Promise<number> {
  return inBatches(relationships, options, async (batch) => {
    const rows = batch.map((r) => {
      if (!TYPES.has(r.type)) throw new SeedLoadError(`unknown relationship type ${String(r.type)}`);
      return { type: r.type, from: r.from, to: r.to, id: r.props.id, props: r.props };
    });
    const n = written(await tx.run(MERGE_RELATIONSHIPS, { rows }));
    return checkWritten(n, batch.length, 'relationships', 'an end is not in the graph');
  });
}

/** Makes each node's CITES match its `sources` exactly (removes the others); throws if a source is missing. */
export function writeCitations(tx: Tx, nodes: NodeInput[], options: BatchOptions = {}): Promise<number> {
  const citing = nodes.map((n) => ({
    id: n.id,
    sources: [...new Set(n.sources ?? [])],
    document: n.document ?? n.props.document ?? null,
  }));
  const total = citing.reduce((sum, r) => sum + r.sources.length, 0);
  return inBatches(
    citing,
    options,
    async (batch) => {
      await tx.run(PRUNE_CITES, { rows: batch });
      const expected = batch.reduce((sum, r) => sum + r.sources.length, 0);
      const n = expected === 0 ? 0 : written(await tx.run(MERGE_CITES, { rows: batch }));
      return checkWritten(n, expected, 'citations', 'a source is not in the graph');
    },
    total,
  );
}

// The document's own nodes (its claims: not shared entities, which have `documents`) no longer in its files.
const PRUNE_NODES = cypher(
  'seedPruneNodes',
  `MATCH (n:Entity {document: $document})
   WHERE n.documents IS NULL AND NOT n.id IN $ids
   DETACH DELETE n
   RETURN count(*) AS removed`,
);

// Claims are one document's: an id of a statement or figure, or of a relationship, that another document already
// made is refused (the other document's claim is never overwritten nor pruned).
const CLAIMED_NODES = cypher(
  'seedClaimedNodes',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   WHERE n.documents IS NULL AND n.document <> $document
   RETURN n.id AS id, n.document AS document
   ORDER BY id LIMIT 5`,
);
const CLAIMED_RELATIONSHIPS = cypher(
  'seedClaimedRelationships',
  `MATCH ()-[r]->()
   WHERE r.id IN $ids AND r.document <> $document
   RETURN r.id AS id, r.document AS document
   ORDER BY id LIMIT 5`,
);

/** Throws when another document already made one of these claims (node or relationship ids). */
async function refuseClaimsOfOthers(tx: Tx, document: string, nodeIds: string[], relIds: string[]) {
  const found = [
    ...(await tx.run<{ id: string; document: string }>(CLAIMED_NODES, { ids: nodeIds, document })),
    ...(await tx.run<{ id: string; document: string }>(CLAIMED_RELATIONSHIPS, { ids: relIds, document })),
  ];
  if (found.length > 0) {
    throw new SeedLoadError(
      `${found.map((f) => `${f.id} is a claim of document ${f.document}`).join('; ')}: a statement, figure or ` +
        "relationship belongs to the one document that makes it; give this document's claim an id of its own",
    );
  }
}

// A relationship of the document that is no longer in its file, or whose id now names another type or other ends.
const PRUNE_RELATIONSHIPS = cypher(
  'seedPruneRelationships',
  `MATCH (a)-[r]->(b)
   WHERE r.document = $document AND type(r) <> '${CITES}'
   WITH r, a, b, $keep[r.id] AS k
   WHERE k IS NULL OR k.type <> type(r) OR k.from <> a.id OR k.to <> b.id
   DELETE r
   RETURN count(*) AS removed`,
);

export type LoadStep = 'nodes' | 'relationships' | 'citations';

/** Progress of a load: the document, the step, and the rows written so far of `total`. */
export interface LoadProgress {
  document: string;
  step: LoadStep;
  done: number;
  total: number;
}

export type LoadOptions = WriteOptions;

export interface DocumentLoadResult {
  document: string;
  nodes: number;
  relationships: number;
  citations: number;
  removedNodes: number;
  removedRelationships: number;
  /**
   * The document's nodes and relationships not written because the analysts retracted them (or an end of them);
   * a retracted claim stays retracted (core/db/edit-layer.ts).
   */
  retracted: string[];
  /** Properties the analysts corrected that the document now gives another value (the correction is kept). */
  conflicts: CorrectionConflict[];
}

/** The document without what the analysts retracted (nodes, relationships, citations), and what that was. */
async function withoutRetracted(
  tx: Tx,
  doc: SeedDocument,
): Promise<{ doc: SeedDocument; retracted: string[] }> {
  const ids = [...doc.nodes.flatMap((n) => [n.id, ...n.sources]), ...doc.relationships.map((r) => r.id)];
  const gone = await retractedAmong(tx, ids);
  if (gone.size === 0) return { doc, retracted: [] };
  const nodes = doc.nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => ({ ...n, sources: n.sources.filter((s) => !gone.has(s)) }));
  const relationships = doc.relationships.filter(
    (r) => !gone.has(r.id) && !gone.has(r.from) && !gone.has(r.to),
  );
  const kept = new Set([...nodes.map((n) => n.id), ...relationships.map((r) => r.id)]);
  const retracted = [...doc.nodes.map((n) => n.id), ...doc.relationships.map((r) => r.id)].filter(
    (id) => !kept.has(id),
  );
  return { doc: { ...doc, nodes, relationships }, retracted };
}

// What was loaded of each document, so that a start can tell the files changed since (seedIfEmpty).
const LOADED_BEFORE = cypher(
  'seedLoadedBefore',
  'OPTIONAL MATCH (d:SeedDocument {name: $name}) RETURN d.hash AS hash',
);
const RECORD_DOCUMENT = cypher(
  'seedRecordDocument',
  'MERGE (d:SeedDocument {name: $name}) SET d.hash = $hash, d.loadedAt = datetime()',
);
/** The id of a document's `Document` node, which holds its text (passages' `documentId`). */

// The document's full text, for passages to point into: on a Document node (not an Entity, so it is in no
// search, count or neighbourhood). A folder without text.txt keeps the node without text.
// When it was first added and by whom (null for the command line and the seed) stay as they were on a reload.
const RECORD_DOCUMENT_TEXT = cypher(
  'seedRecordDocumentText',
  `MERGE (d:Document {id: $id})
   ON CREATE SET d.addedAt = datetime.transaction(), d.addedBy = $addedBy
   SET d.name = $name, d.sourceId = $sourceId, d.text = $text,
     d.addedAt = coalesce(d.addedAt, datetime.transaction())`,
);

const LOADED_DOCUMENTS = cypher(
  'seedLoadedDocuments',
  'MATCH (d:SeedDocument) RETURN d.name AS name, d.hash AS hash',
);

/** A digest of what a document's files say (after validation): it changes when they do. */
export function documentHash(doc: SeedDocument): string {
  const content =
    doc.text === null
      ? { nodes: doc.nodes, relationships: doc.relationships }
      : { nodes: doc.nodes, relationships: doc.relationships, text: doc.text };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The documents whose files differ from what was loaded of them, or that were never loaded. */
export async function changedDocuments(db: Db, docs: SeedDocument[]): Promise<string[]> {
  const rows = await db.read<{ name: string; hash: string }>(LOADED_DOCUMENTS);
  const loaded = new Map(rows.map((r) => [r.name, r.hash] as const));
  return docs.filter((d) => loaded.get(d.name) !== documentHash(d)).map((d) => d.name);
}

export interface WriteOptions {
  batchSize?: number;
  onProgress?: (p: LoadProgress) => void;
  /** Who adds the document (recorded on its Document node when it is first added; null for the command line). */
  addedBy?: string | null;
}

/**
 * Writes one document inside transaction `tx` (the caller's: importDocument writes its judgements in the same
 * one), and bumps the graph's version. Throws (the caller's transaction then writes nothing) when another document
 * already made one of its claims, or a relationship's end or a cited source is not in the graph.
 */
export async function writeDocument(
  tx: Tx,
  files: SeedDocument,
  options: WriteOptions = {},
): Promise<DocumentLoadResult> {
  const { doc, retracted } = await withoutRetracted(tx, files);
  const progress = (step: LoadStep) => (done: number, total: number) =>
    options.onProgress?.({ document: doc.name, step, done, total });
  const batch = { batchSize: options.batchSize ?? 1000 };
  // Claims (statements, figures) are the document's own nodes; shared entities get its record.
  const nodes: NodeInput[] = doc.nodes
    .filter((n) => !isSharedKind(n.kind))
    .map((n) => ({ ...n, document: doc.name }));
  const shared = doc.nodes.filter((n) => isSharedKind(n.kind));
  await bumpGraphVersion(tx);
  await refuseClaimsOfOthers(
    tx,
    doc.name,
    nodes.map((n) => n.id),
    doc.relationships.map((r) => r.id),
  );
  const keep = Object.fromEntries(
    doc.relationships.map((r) => [r.id, { type: r.type, from: r.from, to: r.to }]),
  );
  const removedRelationships = Number(
    (await tx.run(PRUNE_RELATIONSHIPS, { document: doc.name, keep }))[0]?.removed ?? 0,
  );
  const pruned = Number(
    (await tx.run(PRUNE_NODES, { document: doc.name, ids: doc.nodes.map((n) => n.id) }))[0]?.removed ?? 0,
  );
  const released = await releaseSharedEntities(
    tx,
    doc.name,
    shared.map((n) => n.id),
  );
  const removedNodes = pruned + released.removed;
  const ownCount = await writeNodes(tx, nodes, { ...batch, onBatch: progress('nodes') });
  const sharedCount = await writeSharedEntities(tx, doc.name, shared, batch.batchSize);
  const nodeCount = ownCount + sharedCount;
  const relCount = await writeRelationships(tx, doc.relationships, {
    ...batch,
    onBatch: progress('relationships'),
  });
  const citations = await writeCitations(tx, nodes, { ...batch, onBatch: progress('citations') });
  // The analysts' corrections of its own nodes again (shared entities get theirs when derived), and the
  // properties the document now says otherwise than the value a correction replaced.
  await applyCorrections(
    tx,
    nodes.map((n) => n.id),
  );
  const conflicts = correctionConflicts(
    await correctionsOf(
      tx,
      doc.nodes.map((n) => n.id),
    ),
    new Map(doc.nodes.map((n) => [n.id, n.props] as const)),
  );
  await tx.run(RECORD_DOCUMENT, { name: doc.name, hash: documentHash(files) });
  await tx.run(RECORD_DOCUMENT_TEXT, {
    id: documentIdOf(doc.name),
    name: doc.name,
    sourceId: doc.sourceId,
    text: doc.text,
    addedBy: options.addedBy ?? null,
  });
  return {
    document: doc.name,
    nodes: nodeCount,
    relationships: relCount,
    citations,
    removedNodes,
    removedRelationships,
    retracted,
    conflicts,
  };
}

/** Who the history names for a document the command line (the seed) writes or removes. */
export const SEED_ACTOR = 'seed';

/**
 * Writes one document in one write transaction: all of it, or (on any failure) nothing; its history event
 * (IMPORT_DOCUMENT, by the seed) in the same transaction. The API's import writes its own (server/src/documents).
 */
export async function loadDocument(
  db: Db,
  doc: SeedDocument,
  options: LoadOptions = {},
): Promise<DocumentLoadResult> {
  const changeId = newChangeId();
  try {
    // A document is one transaction; a large one on a cold database (every query planned for the first time)
    // needs more than the API's default limit.
    return await db.writeTransaction(
      async (tx) => {
        const [loaded] = await tx.run<{ hash: string | null }>(LOADED_BEFORE, { name: doc.name });
        const result = await writeDocument(tx, doc, options);
        await recordChange(tx, {
          id: changeId,
          by: options.addedBy ?? SEED_ACTOR,
          action: 'IMPORT_DOCUMENT',
          targetId: documentIdOf(doc.name),
          before: loaded?.hash ? { id: documentIdOf(doc.name), hash: loaded.hash } : null,
          after: { id: documentIdOf(doc.name), hash: documentHash(doc), ...result },
        });
        return result;
      },
      { timeoutMs: SEED_TRANSACTION_TIMEOUT_MS },
    );
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SeedLoadError(`document ${doc.name} was not written (nothing of it changed): ${reason}`, {
      cause: e,
    });
  }
}

/** Writes the documents in order (each in its own transaction); stops at the first that fails. */
export async function loadDocuments(
  db: Db,
  docs: SeedDocument[],
  options: LoadOptions = {},
): Promise<DocumentLoadResult[]> {
  const results: DocumentLoadResult[] = [];
  for (const doc of docs) results.push(await loadDocument(db, doc, options));
  return results;
}

const RESET_BATCH = cypher(
  'seedResetBatch',
  'MATCH (n:Entity) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted',
);

// What documents leave beside their nodes: their records of shared entities and their bookkeeping nodes.
const RESET_DOCUMENTS_BATCH = cypher(
  'seedResetDocumentsBatch',
  `MATCH (n) WHERE n:EntityRecord OR n:Document OR n:SeedDocument
   WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`,
);

/**
 * Deletes every seeded node (all :Entity nodes and their relationships) in batches, and what the documents keep
 * beside them (their records of shared entities, their Document and SeedDocument nodes); returns how many :Entity
 * nodes were deleted. Saved views stay, and get their members back when the graph is loaded again (relinkViews).
 */
export async function resetGraph(db: Db, onProgress?: (deleted: number) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.write(RESET_BATCH, { limit: int(10_000) });
    const n = Number(row?.deleted ?? 0);
    if (n === 0) break;
    total += n;
    onProgress?.(total);
  }
  let deleted: number;
  do {
    const [row] = await db.write(RESET_DOCUMENTS_BATCH, { limit: int(10_000) });
    deleted = Number(row?.deleted ?? 0);
  } while (deleted > 0);
  return total;
}

// Saved views (server/src/views) list their members in `nodeIds` and link them with INCLUDES. A node deleted by
// --reset, or by a document that dropped it, loses its links; when a load brings it back, they come back too.
const RELINK_VIEWS = cypher(
  'seedRelinkViews',
  `MATCH (v:SavedView)
   CALL (v) {
     UNWIND coalesce(v.nodeIds, []) AS nid
     MATCH (n:Entity {id: nid})
     MERGE (v)-[:INCLUDES]->(n)
     RETURN count(*) AS members
   }
   RETURN count(v) AS views`,
);

/** Links every saved view to those of its nodes that exist again (after a reset or a reload). */
export async function relinkViews(db: Db): Promise<void> {
  await db.write(RELINK_VIEWS);
}

const COUNT_NODES = cypher('seedCountNodesByKind', 'MATCH (n:Entity) RETURN n.kind AS kind, count(*) AS n');
const COUNT_RELATIONSHIPS = cypher(
  'seedCountRelationshipsByType',
  'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS n',
);

/** What the graph holds: nodes per kind and relationships per type (seeded data only). */
export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Counts the seeded graph, per kind and per relationship type (sorted by name). */
export async function countGraph(db: Db): Promise<GraphCounts> {
  const sorted = (rows: Array<Record<string, unknown>>, key: string) =>
    Object.fromEntries(
      rows.map((r) => [String(r[key]), Number(r.n)] as const).sort(([a], [b]) => a.localeCompare(b)),
    );
  return {
    nodes: sorted(await db.read(COUNT_NODES), 'kind'),
    relationships: sorted(await db.read(COUNT_RELATIONSHIPS), 'type'),
  };
}
