// documentText(id): a document's full text, which passages (GraphNode.passages, GraphEdge.passages) point into by
// character offsets. The loader keeps it on the document's Document node (graph-seed/src/load.ts).
// documentSpans(id): every span of that text a claim rests on, with the node or relationship it belongs to, so
// that the explorer can show the whole document with each encoded span marked and lead from a span to its claim.
import { cypher, type Db } from '../../../core/db/database.ts';
import { passagesOf } from '../../../core/model/index.ts';
import { nodeLabel } from '../graph/label.ts';
import { documentFolder } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';

const DOCUMENT_TEXT = cypher('evidenceDocumentText', 'MATCH (d:Document {id: $id}) RETURN d.text AS text');

/** The text of document `id` ("document:<folder>"), or null when there is no such document or it has no text. */
export async function documentText(db: Db, id: string): Promise<string | null> {
  documentFolder(id);
  const [row] = await db.read<{ text: string | null }>(DOCUMENT_TEXT, { id });
  return row?.text ?? null;
}

// What a span needs of a claim: its passages (the loader's parallel lists and its `document`, read by
// passagesOf) and what its label is made of (nodeLabel reads name, title, a statement's text, the id).
const CLAIM_FIELDS = '.id, .kind, .name, .title, .text, .document, .passages, .passageStarts, .passageEnds';

// A claim's `document` is the folder it was loaded from, and its passages point into that folder's text: the
// entity_document index finds them. What a document says of a shared entity (a meeting, an agreement) is its
// record of it (graph-seed/src/documents.ts), found by the entity_record_document index, with the passages it
// gives. Nodes without passages (most actors, the sources) are left out at once.
const NODE_SPANS = cypher(
  'evidenceDocumentNodeSpans',
  `CALL () {
     MATCH (n:Entity {document: $document})
     WHERE n.documents IS NULL AND n.passageStarts IS NOT NULL
     RETURN n {${CLAIM_FIELDS}} AS props
     UNION ALL
     MATCH (r:EntityRecord {document: $document})
     WHERE r.passageStarts IS NOT NULL
     RETURN r {id: r.entityId, ${CLAIM_FIELDS.replace('.id, ', '')}} AS props
   }
   RETURN props`,
);

// Relationships have no index on `document`: the scan is the one the loader's pruning does. The ends come with
// it, for the label ("Xi Jinping SAID …") and so that the explorer can bring a relationship onto the canvas.
const EDGE_SPANS = cypher(
  'evidenceDocumentEdgeSpans',
  `MATCH (a:Entity)-[r]->(b:Entity)
   WHERE r.document = $document AND r.passageStarts IS NOT NULL
   RETURN r {${CLAIM_FIELDS}} AS props, type(r) AS type,
          a {.id, .name, .title, .text} AS source, b {.id, .name, .title, .text} AS target`,
);

/** One passage of one claim: the contract's DocumentSpan. */
export interface DocumentSpan {
  start: number;
  end: number;
  /** The node whose passage this is, or null for a relationship's. */
  nodeId: string | null;
  /** The relationship whose passage this is, or null for a node's. */
  edgeId: string | null;
  /** The node's label, or "<source> <TYPE> <target>" for a relationship. */
  label: string;
  /** The node's kind (STATEMENT, MEETING…) or the relationship's type (SAID, ATTENDED…). */
  kind: string | null;
  /** A relationship's ends (null for a node's span). */
  source: string | null;
  target: string | null;
}

type Props = Record<string, unknown>;

/** The spans of `props`'s passages that point into document `id`, each labelled as `claim` says. */
function spansOf(props: Props, id: string, claim: Omit<DocumentSpan, 'start' | 'end'>): DocumentSpan[] {
  return passagesOf(props)
    .filter((p) => p.documentId === id && p.end > p.start)
    .map((p) => ({ start: p.start, end: p.end, ...claim }));
}

/**
 * Every encoded span of document `id`: one per passage of each node and relationship that rests on its text, in
 * reading order (longer spans first where two begin together, a node's before a relationship's). Empty for an
 * unknown document.
 */
export async function documentSpans(db: Db, id: string): Promise<DocumentSpan[]> {
  const document = documentFolder(id);
  const [nodes, edges] = await Promise.all([
    db.read<{ props: Props }>(NODE_SPANS, { document }),
    db.read<{ props: Props; type: string; source: Props; target: Props }>(EDGE_SPANS, { document }),
  ]);
  const spans = [
    ...nodes.flatMap(({ props }) =>
      spansOf(props, id, {
        nodeId: String(props.id),
        edgeId: null,
        label: nodeLabel(props),
        kind: typeof props.kind === 'string' ? props.kind : null,
        source: null,
        target: null,
      }),
    ),
    ...edges.flatMap(({ props, type, source, target }) =>
      spansOf(props, id, {
        nodeId: null,
        edgeId: String(props.id),
        label: `${nodeLabel(source)} ${type} ${nodeLabel(target)}`,
        kind: type,
        source: String(source.id),
        target: String(target.id),
      }),
    ),
  ];
  const itemId = (s: DocumentSpan) => s.nodeId ?? s.edgeId ?? '';
  return spans.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      Number(a.nodeId === null) - Number(b.nodeId === null) ||
      itemId(a).localeCompare(itemId(b)),
  );
}

const typeDefs = /* GraphQL */ `
  """
  A span of a document's text that a claim rests on: one passage of a node (nodeId) or of a relationship
  (edgeId, with its ends), by character offsets into documentText.
  """
  type DocumentSpan {
    start: Int!
    end: Int!
    nodeId: ID
    edgeId: ID
    "The node's label, or the relationship as '<source> <TYPE> <target>'."
    label: String!
    "The node's kind (STATEMENT, MEETING…) or the relationship's type (SAID, ATTENDED…)."
    kind: String
    "A relationship's source node (null for a node's span)."
    source: ID
    "A relationship's target node (null for a node's span)."
    target: ID
  }

  type Query {
    "A document's full text (a Passage's documentId names it), or null when there is none."
    documentText(id: ID!): String
    """
    Every span of a document's text that a node or relationship rests on (one per passage), in reading order;
    empty when there is no such document.
    """
    documentSpans(id: ID!): [DocumentSpan!]!
  }
`;

export const evidenceModule = graphQLModule(typeDefs, {
  Query: {
    documentText: (_, args, ctx) => documentText(ctx.db, args.id),
    documentSpans: (_, args, ctx) => documentSpans(ctx.db, args.id),
  },
});
