// Documents: the documents the graph is drawn from, each the owner of its claims (graph-seed/src/documents.ts).
// documents and document(id) list them with what their own source says of them (title, publisher, date, url) and
// how much of the graph they make: nodeCount (its own nodes, statements and figures, plus the shared entities it
// names) and edgeCount (its relationships, CITES not counted). removeDocument(id) takes exactly one document's
// claims away, in one transaction, and needs an editor token where tokens are on. previewDocument and
// importDocument add one, reviewed before it lands (preview.ts). The removal, the validation and the writing are
// the seed loader's (graph-seed), which a concept may not import: the composition root hands them to
// `documentsModule`.
import { cypher, type Db, type Tx } from '../../../core/db/database.ts';
import { CITES, documentIdOf } from '../../../core/model/index.ts';
import { actorOf, requireRole } from '../access/index.ts';
import { ensureWriteGate, enterWriteGate } from '../backup/pause.ts';
import { ensureHistorySchema } from '../history/index.ts';
import { documentFolder } from '../graph/validate.ts';
import { graphQLModule, type GraphQLModule } from '../graphql/module.ts';
import { importDocument, previewDocument, PREVIEW_TTL_HOURS, type DocumentLoader } from './preview.ts';

/** The contract's Document. */
export interface DocumentSummary {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  nodeCount: number;
  edgeCount: number;
  addedAt: string;
  addedBy: string | null;
}

// A document's own source (document.yaml) is a shared entity: what the document itself says of it is its record,
// so another document that names the same source does not change this document's title.
const DOCUMENTS = cypher(
  'documentsList',
  `MATCH (d:Document)
   WHERE $name IS NULL OR d.name = $name
   OPTIONAL MATCH (seed:SeedDocument {name: d.name})
   OPTIONAL MATCH (rec:EntityRecord {entityId: d.sourceId, document: d.name})
   OPTIONAL MATCH (src:Entity {id: d.sourceId})
   WITH d, seed, coalesce(rec, src) AS own
   RETURN d.name AS name, own.title AS title, own.publisher AS publisher, own.date AS date, own.url AS url,
     coalesce(d.addedAt, seed.loadedAt) AS addedAt, d.addedBy AS addedBy,
     COUNT { MATCH (n:Entity {document: d.name}) WHERE n.documents IS NULL }
       + COUNT { MATCH (r:EntityRecord {document: d.name}) } AS nodeCount
   ORDER BY addedAt, name`,
);

// Relationships have no index on `document`: one scan counts every document's (the loader's pruning scans so too).
const EDGE_COUNTS = cypher(
  'documentsEdgeCounts',
  `MATCH ()-[r]->()
   WHERE r.document IS NOT NULL AND ($name IS NULL OR r.document = $name) AND type(r) <> '${CITES}'
   RETURN r.document AS name, count(*) AS n`,
);

interface DocumentRow {
  name: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  addedAt: string | null;
  addedBy: string | null;
  nodeCount: number;
}

async function readDocuments(db: Db, name: string | null): Promise<DocumentSummary[]> {
  const [rows, edges] = await db.readTransaction(
    async (tx: Tx) =>
      [
        await tx.run<DocumentRow>(DOCUMENTS, { name }),
        await tx.run<{ name: string; n: number }>(EDGE_COUNTS, { name }),
      ] as const,
  );
  const edgeCount = new Map(edges.map((e) => [e.name, e.n] as const));
  return rows.map((r) => ({
    id: documentIdOf(r.name),
    title: r.title ?? r.name,
    publisher: r.publisher,
    date: r.date,
    url: r.url,
    nodeCount: r.nodeCount,
    edgeCount: edgeCount.get(r.name) ?? 0,
    addedAt: new Date(r.addedAt ?? 0).toISOString(),
    addedBy: r.addedBy,
  }));
}

/** Every loaded document, in the order they were added. */
export function documents(db: Db): Promise<DocumentSummary[]> {
  return readDocuments(db, null);
}

/** Document `id` ("document:<folder>"), or null when no such document is loaded. */
export async function document(db: Db, id: string): Promise<DocumentSummary | null> {
  const [found] = await readDocuments(db, documentFolder(id));
  return found ?? null;
}

/** How a document is removed: the seed loader's removeDocument, given by the composition root. */
export type RemoveDocument = (
  db: Db,
  name: string,
  options?: { beforeWrite?: (tx: Tx) => Promise<void>; by?: string | null; before?: unknown },
) => Promise<unknown>;

/**
 * Removes document `id` through `remove`, after the write gate (writes pause while a backup reads). NOT_FOUND when
 * no such document is loaded; CONFLICT (nothing removed) when other documents' claims rest on its own.
 */
export async function removeDocument(
  db: Db,
  id: string,
  remove: RemoveDocument,
  by: string | null = null,
): Promise<boolean> {
  const name = documentFolder(id);
  await Promise.all([ensureWriteGate(db), ensureHistorySchema(db)]);
  // The document as it was, for the removal's history event (written in the removal's transaction).
  const before = await document(db, documentIdOf(name));
  await remove(db, name, { beforeWrite: enterWriteGate, by, before: before ?? undefined });
  return true;
}

const typeDefs = /* GraphQL */ `
  "A document the graph is drawn from; it owns its claims (its statements, figures and relationships)."
  type Document {
    "document:<folder>, the id its passages name (Passage.documentId)."
    id: ID!
    "As the document's own source (its document.yaml) gives them."
    title: String!
    publisher: String
    date: Date
    url: String
    "Nodes whose claims this document makes: its own (statements, figures) and the shared entities it names."
    nodeCount: Int!
    "Its relationships (CITES not counted)."
    edgeCount: Int!
    "When it was first added."
    addedAt: DateTime!
    "Who added it: the API token's name (null for the command line and the seed)."
    addedBy: String
  }

  type Query {
    "Every loaded document, in the order they were added."
    documents: [Document!]!
    "A document by id (document:<folder>), or null when none is loaded."
    document(id: ID!): Document
  }

  "A file of a document in the seed format (graph-seed/README.md), as text."
  input DocumentFileInput {
    "document.yaml, sources.yaml, actors.yaml, meetings.yaml, statements.yaml, agreements.yaml, figures.yaml, relationships.yaml, places.yaml or text.txt."
    name: String!
    content: String!
  }

  "An incoming shared entity (actor, meeting, agreement, source) and the graph's entity it may be."
  type DocumentMatch {
    incomingId: ID!
    "The graph's entity proposed; null for a new entity."
    existingId: ID
    "same id (1.0), same name (0.9: a name or alias equal after normalising case, punctuation and diacritics), transliteration (0.8), name written differently (0.75 × token-set similarity), or new (0)."
    reason: String!
    "0..1"
    score: Float!
  }

  "What importing a document would change; pass its id to importDocument."
  type DocumentPreview {
    "preview:<uuid>; kept ${PREVIEW_TTL_HOURS} hours when the files are valid (an invalid preview is not kept)."
    id: ID!
    "document:<name>, the name being its own source's id without source: (from document.yaml); null when document.yaml is unusable."
    documentId: ID
    valid: Boolean!
    "Every error, as file: path: reason."
    errors: [String!]!
    "Its items (own nodes, accounts of shared entities, relationships) new to the graph."
    added: Int!
    "Its items already in the graph from an earlier import of the same document, that the files change."
    changed: Int!
    "Its items in the graph from an earlier import that the files no longer hold."
    removed: Int!
    "One per incoming shared entity: its best match in the graph (pairs judged DIFFERENT before are not proposed)."
    matches: [DocumentMatch!]!
    """
    What the analysts' edits keep against these files, one sentence each: items retracted by an analyst (the import
    leaves them out) and corrected properties the files give another value (the correction is kept).
    """
    conflicts: [String!]!
  }

  "The analyst's word on a match. judgement: SAME (existingId needed), DIFFERENT or UNSURE (kept new; the pair is recorded)."
  input MatchDecision {
    incomingId: ID!
    existingId: ID
    judgement: String!
  }

  type Mutation {
    """
    Validates a document's files as npm run seed -- --add does, against the documents in the graph (nothing is
    written when they are invalid), and previews its import: the counts of what changes, and the matches of its
    shared entities. At most 10 files and 1,500,000 bytes (BAD_USER_INPUT). Needs an editor token where tokens are on.
    """
    previewDocument(files: [DocumentFileInput!]!): DocumentPreview!
    """
    Imports a preview in one transaction, with the analyst's decisions: SAME rewrites the incoming entity's id to the
    existing one; DIFFERENT and UNSURE keep it new (BAD_USER_INPUT when its id is already the graph's: rename it);
    a match without a decision is taken when its score is 1.0 (same id), and stays new otherwise. CONFLICT when the
    graph changed since the preview; NOT_FOUND for an unknown or expired preview. Records who imported it
    (addedBy). Needs an editor token where tokens are on.
    """
    importDocument(previewId: ID!, decisions: [MatchDecision!]): Document!
    """
    Removes a document: exactly its claims (its statements, figures, relationships and citations), its account of
    the shared entities it names, and the shared entities no other document names and nothing else refers to. The
    other documents' graph is unchanged. NOT_FOUND when it is not loaded; CONFLICT (nothing removed) when other
    documents' claims rest on its own. Needs an editor token where tokens are on.
    """
    removeDocument(id: ID!): Boolean!
  }
`;

/** The seed loader's parts the documents concept uses (graph-seed), given by the composition root. */
export interface DocumentsLoader extends DocumentLoader {
  remove: RemoveDocument;
}

/** The documents concept, adding and removing documents with `loader` (graph-seed's). */
export function documentsModule(loader: DocumentsLoader): GraphQLModule {
  const { remove } = loader;
  return graphQLModule(typeDefs, {
    Query: {
      documents: (_, _args, ctx) => documents(ctx.db),
      document: (_, args, ctx) => document(ctx.db, args.id),
    },
    Mutation: {
      removeDocument: (_, args, ctx) => {
        requireRole(ctx.access, 'editor', 'Removing a document');
        return removeDocument(ctx.db, args.id, remove, actorOf(ctx.access));
      },
      previewDocument: (_, args, ctx) => {
        requireRole(ctx.access, 'editor', 'Adding a document');
        return previewDocument(ctx.db, loader, args.files, actorOf(ctx.access));
      },
      importDocument: async (_, args, ctx) => {
        requireRole(ctx.access, 'editor', 'Adding a document');
        const name = await importDocument(
          ctx.db,
          loader,
          args.previewId,
          args.decisions,
          actorOf(ctx.access),
        );
        const added = await document(ctx.db, documentIdOf(name));
        if (!added) throw new Error(`document ${name} was imported but is not found`);
        return added;
      },
    },
  });
}
