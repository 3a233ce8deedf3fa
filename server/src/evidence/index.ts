// documentText(id): a document's full text, which passages (GraphNode.passages, GraphEdge.passages) point into by
// character offsets. The loader keeps it on the document's Document node (graph-seed/src/load.ts).
import { cypher, type Db } from '../../../core/db/database.ts';
import { badInput } from '../../../core/errors.ts';
import { graphQLModule } from '../graphql/module.ts';

const DOCUMENT_TEXT = cypher('evidenceDocumentText', 'MATCH (d:Document {id: $id}) RETURN d.text AS text');

/** The text of document `id` ("document:<folder>"), or null when there is no such document or it has no text. */
export async function documentText(db: Db, id: string): Promise<string | null> {
  if (typeof id !== 'string' || !/^document:[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw badInput(`id ${JSON.stringify(id)} is not a document id: expected "document:<slug>".`, {
      argument: 'id',
    });
  }
  const [row] = await db.read<{ text: string | null }>(DOCUMENT_TEXT, { id });
  return row?.text ?? null;
}

const typeDefs = /* GraphQL */ `
  type Query {
    "A document's full text (a Passage's documentId names it), or null when there is none."
    documentText(id: ID!): String
  }
`;

export const evidenceModule = graphQLModule(typeDefs, {
  Query: { documentText: (_, args, ctx) => documentText(ctx.db, args.id) },
});
