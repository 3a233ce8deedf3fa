// Documents: the documents the graph is drawn from, each the owner of its claims (graph-seed/src/documents.ts).
// documents and document(id) list them with what their own source says of them (title, publisher, date, url) and
// how much of the graph they make: nodeCount (its own nodes, statements and figures, plus the shared entities it
// names) and edgeCount (its relationships, CITES not counted). removeDocument(id) takes exactly one document's
// claims away, in one transaction, and needs an editor token where tokens are on. The removal itself is the seed
// loader's (graph-seed), which a concept may not import: the composition root hands it to `documentsModule`.
import { cypher, type Db, type Tx } from '../../../core/db/database.ts';
import { CITES, documentIdOf } from '../../../core/model/index.ts';
import { requireRole } from '../access/index.ts';
import { ensureWriteGate, enterWriteGate } from '../backup/pause.ts';
import { documentFolder } from '../graph/validate.ts';
import { graphQLModule, type GraphQLModule } from '../graphql/module.ts';

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
  options?: { beforeWrite?: (tx: Tx) => Promise<void> },
) => Promise<unknown>;

/**
 * Removes document `id` through `remove`, after the write gate (writes pause while a backup reads). NOT_FOUND when
 * no such document is loaded; CONFLICT (nothing removed) when other documents' claims rest on its own.
 */
export async function removeDocument(db: Db, id: string, remove: RemoveDocument): Promise<boolean> {
  const name = documentFolder(id);
  await ensureWriteGate(db);
  await remove(db, name, { beforeWrite: enterWriteGate });
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

  type Mutation {
    """
    Removes a document: exactly its claims (its statements, figures, relationships and citations), its account of
    the shared entities it names, and the shared entities no other document names and nothing else refers to. The
    other documents' graph is unchanged. NOT_FOUND when it is not loaded; CONFLICT (nothing removed) when other
    documents' claims rest on its own. Needs an editor token where tokens are on.
    """
    removeDocument(id: ID!): Boolean!
  }
`;

/** The documents concept, removing documents with `remove` (graph-seed's removeDocument). */
export function documentsModule(remove: RemoveDocument): GraphQLModule {
  return graphQLModule(typeDefs, {
    Query: {
      documents: (_, _args, ctx) => documents(ctx.db),
      document: (_, args, ctx) => document(ctx.db, args.id),
    },
    Mutation: {
      removeDocument: (_, args, ctx) => {
        requireRole(ctx.access, 'editor', 'Removing a document');
        return removeDocument(ctx.db, args.id, remove);
      },
    },
  });
}
