// Documents as owners of claims. Things in the world (actors, meetings, agreements, sources: SHARED_KINDS) are
// shared: one :Entity per id, whichever documents name it. What each document says about such an entity is its
// :EntityRecord {entityId, document, ...the properties the document gives, sources}: not an :Entity and linked to
// nothing, so no neighbourhood, degree, count or search sees it. The :Entity node is derived from its records:
// `documents` (the documents that name it, in the order they were loaded), `document` and every displayed property
// from the first of them, `aliases` the union of every document's aliases, and one CITES per source any of them
// cites (`document` = the first document that cites it). Claims (statements, figures, every relationship and the
// CITES of claims) belong to one document, as `document` on the node or relationship.
//
// loadDocument (load.ts) writes a document's records and derives its shared entities again; removeDocument (here)
// takes exactly one document's claims and records away, in one write transaction.
import { AppError } from '../../core/errors.ts';
import { cypher, type Db, type Tx } from '../../core/db/database.ts';
import { bumpGraphVersion } from '../../core/db/graph-version.ts';
import { newChangeId, recordChange } from '../../core/db/history.ts';
import { applyCorrections } from '../../core/db/edit-layer.ts';
import { CITES, KIND_LABELS, documentIdOf } from '../../core/model/index.ts';
import type { PropValue } from './normalise.ts';

export { bumpGraphVersion, graphVersion, lockGraphVersion } from '../../core/db/graph-version.ts';

// Date fields arrive as `YYYY-MM-DD` text and are stored as Neo4j dates (as on nodes: load.ts).
const RECORD_DATES =
  'rec.date = date(rec.date), rec.endDate = date(rec.endDate), rec.accessed = date(rec.accessed)';

/**
 * Writes one document's account of shared entities (its records) and makes sure each entity exists, with its
 * label, and lists the document in `documents` (appended: the first document stays first). The entities'
 * properties are derived afterwards (DERIVE_ENTITIES). An entity loaded before documents shared entities (no
 * `documents`, its `document` another's) first gets a record of what that document had written: its properties and
 * the sources it cites, so that the other document's account is kept, and stays first.
 */
const WRITE_RECORDS = cypher(
  'seedWriteEntityRecords',
  `UNWIND $rows AS row
   MERGE (n:Entity {id: row.id})
   WITH n, row
   CALL (n) {
     WITH n WHERE n.documents IS NULL AND n.document IS NOT NULL AND n.document <> $document
     MERGE (old:EntityRecord {entityId: n.id, document: n.document})
     SET old = properties(n)
     SET old.entityId = n.id, old.sources = COLLECT { MATCH (n)-[:${CITES}]->(s:Source) RETURN s.id },
       old.id = 'record:' + n.document + ':' + n.id
     SET n.documents = [n.document]
   }
   MERGE (rec:EntityRecord {entityId: row.id, document: $document})
   SET rec = row.record
   SET rec.id = 'record:' + $document + ':' + row.id
   SET ${RECORD_DATES}
   SET n:$(row.label), n.kind = row.kind,
     n.documents = CASE WHEN $document IN coalesce(n.documents, []) THEN n.documents
       ELSE coalesce(n.documents, []) + $document END
   RETURN count(*) AS written`,
);

/**
 * Derives shared entities from their records: the first document's properties, `documents`, the union of the
 * aliases, and CITES to every source any record cites (the others removed). An entity without a record is left as
 * it is (see RELEASE_RECORDS and DELETE_ORPHANS).
 */
const DERIVE_ENTITIES = cypher(
  'seedDeriveSharedEntities',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   CALL (n) {
     MATCH (rec:EntityRecord {entityId: n.id})
     WHERE rec.document IN coalesce(n.documents, [])
     WITH rec ORDER BY [i IN range(0, size(n.documents) - 1) WHERE n.documents[i] = rec.document][0]
     RETURN collect(rec) AS records
   }
   WITH n, id, records WHERE size(records) > 0
   WITH n, id, records,
     reduce(acc = [], rec IN records |
       reduce(a = acc, x IN coalesce(rec.aliases, []) | CASE WHEN x IN a THEN a ELSE a + x END)) AS aliases,
     reduce(acc = [], rec IN records |
       reduce(a = acc, s IN coalesce(rec.sources, []) |
         CASE WHEN s IN [p IN a | p[0]] THEN a ELSE a + [[s, rec.document]] END)) AS cites
   SET n = properties(records[0])
   REMOVE n.entityId, n.sources
   SET n.id = id, n.documents = [rec IN records | rec.document],
     n.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END
   WITH n, cites
   CALL (n, cites) {
     MATCH (n)-[c:${CITES}]->(s:Source) WHERE NOT s.id IN [p IN cites | p[0]]
     DELETE c
   }
   CALL (n, cites) {
     UNWIND cites AS p
     MATCH (s:Entity {id: p[0]}) WHERE s:Source
     MERGE (n)-[c:${CITES}]->(s)
     SET c.document = p[1]
   }
   RETURN count(n) AS derived`,
);

/** The sources that the shared entities' records cite but that are no Source of the graph. */
const MISSING_SOURCES = cypher(
  'seedMissingSharedSources',
  `UNWIND $ids AS sid
   WITH DISTINCT sid
   WHERE NOT EXISTS { MATCH (s:Entity {id: sid}) WHERE s:Source }
   RETURN collect(sid) AS missing`,
);

/**
 * Takes document $document's records of the shared entities it no longer names ($keep: the ids it still names;
 * null: none) away, with its name in their `documents` and their CITES it made; returns the entities concerned.
 */
const RELEASE_RECORDS = cypher(
  'seedReleaseEntityRecords',
  `MATCH (rec:EntityRecord {document: $document})
   WHERE $keep IS NULL OR NOT rec.entityId IN $keep
   WITH rec, rec.entityId AS id
   DELETE rec
   WITH id
   MATCH (n:Entity {id: id})
   SET n.documents = [d IN coalesce(n.documents, []) WHERE d <> $document]
   WITH n, id
   CALL (n) {
     MATCH (n)-[c:${CITES} {document: $document}]->()
     DELETE c
   }
   RETURN collect(id) AS ids`,
);

/**
 * Deletes the shared entities among $ids that no document names any more and that nothing else refers to: no
 * relationship but saved views' INCLUDES (a view keeps its node ids and gets the node back when it returns:
 * relinkViews), and no relationship's `sourceIds` (a source another document's claim cites). One scan of the
 * relationships finds the sources cited.
 */
const DELETE_ORPHANS = cypher(
  'seedDeleteOrphanEntities',
  `WITH COLLECT {
     MATCH ()-[r]->() WHERE r.sourceIds IS NOT NULL AND any(s IN r.sourceIds WHERE s IN $ids)
     UNWIND r.sourceIds AS s
     RETURN DISTINCT s
   } AS cited
   UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   WHERE size(coalesce(n.documents, [])) = 0 AND NOT id IN cited
     AND NOT EXISTS { MATCH (n)-[r]-(m) WHERE NOT (type(r) = 'INCLUDES' AND m:SavedView) }
   DETACH DELETE n
   RETURN count(*) AS removed`,
);

// Shared entities no document names that were kept because something referred to them (a source another
// document's claim cited): a removal looks at them again, since what it removed may have been that reference.
const UNNAMED = cypher(
  'seedUnnamedEntities',
  'MATCH (n:Entity) WHERE n.documents = [] RETURN collect(n.id) AS ids',
);

/** A shared entity as one document gives it. */
export interface SharedEntityInput {
  id: string;
  kind: keyof typeof KIND_LABELS;
  props: Record<string, PropValue>;
  sources: string[];
}

/** Thrown when a document cannot be written or removed as asked (nothing was changed). */
export class DocumentConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

const count = (rows: Array<Record<string, unknown>>, key: string) => Number(rows[0]?.[key] ?? 0);

/**
 * Derives the shared entities `ids` from their records again (see DERIVE_ENTITIES), then applies the analysts'
 * corrections of them again (core/db/edit-layer.ts), which the derivation would otherwise overwrite.
 */
export async function deriveSharedEntities(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(DERIVE_ENTITIES, { ids });
  await applyCorrections(tx, ids);
}

/**
 * Writes `document`'s records of the shared entities it names and derives those entities again; throws (the
 * transaction then writes nothing) when a record cites a source that is not in the graph.
 */
export async function writeSharedEntities(
  tx: Tx,
  document: string,
  entities: SharedEntityInput[],
  batchSize = 1000,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < entities.length; i += batchSize) {
    const rows = entities.slice(i, i + batchSize).map((e) => {
      const label = KIND_LABELS[e.kind];
      if (!label) throw new Error(`unknown kind ${String(e.kind)} for ${e.id}`);
      const { id: _id, ...props } = e.props;
      const record = { ...props, kind: e.kind, document, entityId: e.id, sources: [...new Set(e.sources)] };
      return { id: e.id, label, kind: e.kind, record };
    });
    written += count(await tx.run(WRITE_RECORDS, { document, rows }), 'written');
  }
  const [row] = await tx.run<{ missing: string[] }>(MISSING_SOURCES, {
    ids: entities.flatMap((e) => e.sources),
  });
  if (row && row.missing.length > 0) {
    throw new Error(`${row.missing.length} source(s) are not in the graph: ${row.missing.join(', ')}`);
  }
  await deriveSharedEntities(
    tx,
    entities.map((e) => e.id),
  );
  return written;
}

/**
 * Takes `document`'s account of the shared entities it no longer names (all of them when `keep` is null) away:
 * its records, its name in their `documents`, the CITES it made. Entities no document names any more and nothing
 * refers to are deleted; the others are derived again from the records that remain. Returns how many were deleted.
 */
export async function releaseSharedEntities(
  tx: Tx,
  document: string,
  keep: string[] | null,
): Promise<{ released: string[]; removed: number }> {
  const [row] = await tx.run<{ ids: string[] }>(RELEASE_RECORDS, { document, keep });
  const released = row?.ids ?? [];
  if (released.length === 0) return { released, removed: 0 };
  const removed = count(await tx.run(DELETE_ORPHANS, { ids: released }), 'removed');
  await deriveSharedEntities(tx, released);
  return { released, removed };
}

/** Deletes the entities no document names and nothing refers to any more (see UNNAMED); returns how many. */
async function deleteUnnamed(tx: Tx): Promise<number> {
  const [row] = await tx.run<{ ids: string[] }>(UNNAMED);
  const ids = row?.ids ?? [];
  return ids.length === 0 ? 0 : count(await tx.run(DELETE_ORPHANS, { ids }), 'removed');
}

// A document exists when anything of it is in the graph: its bookkeeping nodes, its claims or its records.
const DOCUMENT_EXISTS = cypher(
  'seedDocumentExists',
  `RETURN EXISTS { MATCH (d:Document {id: $id}) } OR EXISTS { MATCH (d:SeedDocument {name: $document}) }
     OR EXISTS { MATCH (n:Entity {document: $document}) } OR EXISTS { MATCH (r:EntityRecord {document: $document}) }
     AS found`,
);

// Claims of other documents (or of no document) that rest on this document's own claims: removing it would take
// them too, so it is refused. Saved views' INCLUDES do not count.
const CLAIMS_RESTING_ON = cypher(
  'seedClaimsRestingOnDocument',
  `MATCH (n:Entity {document: $document}) WHERE n.documents IS NULL
   MATCH (n)-[r]-(m)
   WHERE coalesce(r.document, '') <> $document AND NOT (type(r) = 'INCLUDES' AND m:SavedView)
   RETURN startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, r.document AS by
   ORDER BY from, type, to LIMIT 5`,
);

// The document's relationships: its domain claims and the CITES of its claims (an index-free scan, as pruning's).
const DELETE_RELATIONSHIPS = cypher(
  'seedRemoveDocumentRelationships',
  `MATCH ()-[r]->() WHERE r.document = $document
   WITH r, type(r) = '${CITES}' AS cites
   DELETE r
   RETURN count(CASE WHEN cites THEN null ELSE 1 END) AS relationships, count(CASE WHEN cites THEN 1 END) AS citations`,
);

// Its own nodes (statements, figures; and, loaded before documents shared entities, anything it defined).
const DELETE_OWNED_NODES = cypher(
  'seedRemoveDocumentNodes',
  `MATCH (n:Entity {document: $document}) WHERE n.documents IS NULL
   DETACH DELETE n
   RETURN count(*) AS removed`,
);

const DELETE_BOOKKEEPING = cypher(
  'seedRemoveDocumentBookkeeping',
  `OPTIONAL MATCH (d:Document {id: $id})
   OPTIONAL MATCH (s:SeedDocument {name: $document})
   DETACH DELETE d, s`,
);

export interface RemoveOptions {
  /** Runs first in the removal's transaction (the server's write gate: server/src/backup/pause.ts). */
  beforeWrite?: (tx: Tx) => Promise<void>;
  /** Who removes it, for its history event ('seed' from the command line). */
  by?: string | null;
  /** What the history event keeps of the document before (its summary; its id when not given). */
  before?: unknown;
}

/** What removing a document took away. */
export interface DocumentRemoveResult {
  document: string;
  /** Its own nodes (statements, figures) deleted. */
  nodes: number;
  /** Its relationships (CITES not counted). */
  relationships: number;
  citations: number;
  /**
   * Shared entities it named that stay (another document names them, or something refers to them), and shared
   * entities deleted because no document names them and nothing refers to them any more.
   */
  sharedKept: number;
  sharedRemoved: number;
}

/**
 * Removes document `name` (a seed folder name) in one write transaction: exactly its claims (its own nodes, its
 * relationships, its CITES), its records of shared entities and its name in their `documents`, its Document and
 * SeedDocument nodes, and every shared entity no remaining document names and nothing else refers to. A shared
 * entity it named first takes its properties from the next document's record. NOT_FOUND for a document that is
 * not loaded; CONFLICT (nothing removed) when claims of other documents rest on its own claims.
 */
export async function removeDocument(
  db: Db,
  name: string,
  options: RemoveOptions = {},
): Promise<DocumentRemoveResult> {
  const id = documentIdOf(name);
  const changeId = newChangeId();
  return db.writeTransaction(async (tx) => {
    await options.beforeWrite?.(tx);
    const [exists] = await tx.run<{ found: boolean }>(DOCUMENT_EXISTS, { id, document: name });
    if (!exists?.found) {
      throw new AppError('NOT_FOUND', `No document "${name}" (${id}) is loaded.`);
    }
    await bumpGraphVersion(tx);
    const resting = await tx.run<{ from: string; type: string; to: string; by: string | null }>(
      CLAIMS_RESTING_ON,
      { document: name },
    );
    if (resting.length > 0) {
      const shown = resting
        .map((r) => `${r.from} ${r.type} ${r.to}${r.by ? ` (document ${r.by})` : ''}`)
        .join('; ');
      throw new DocumentConflictError(
        `Document "${name}" was not removed: claims of other documents rest on its own (${shown}). ` +
          'Remove those documents first.',
      );
    }
    const [rels] = await tx.run<{ relationships: number; citations: number }>(DELETE_RELATIONSHIPS, {
      document: name,
    });
    const nodes = count(await tx.run(DELETE_OWNED_NODES, { document: name }), 'removed');
    const shared = await releaseSharedEntities(tx, name, null);
    const unnamed = await deleteUnnamed(tx);
    await tx.run(DELETE_BOOKKEEPING, { id, document: name });
    const removed = {
      document: name,
      nodes,
      relationships: rels?.relationships ?? 0,
      citations: rels?.citations ?? 0,
      sharedKept: shared.released.length - shared.removed,
      sharedRemoved: shared.removed + unnamed,
    };
    await recordChange(tx, {
      id: changeId,
      by: options.by ?? 'seed',
      action: 'REMOVE_DOCUMENT',
      targetId: id,
      before: options.before ?? { id },
      after: { removed },
    });
    return removed;
  });
}
