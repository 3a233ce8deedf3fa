// The whole graph as files other tools open (GEXF, GraphML, a nodes CSV and a relationships CSV), streamed from
// one read transaction: every :Entity (sources included) and every domain relationship between them, each with its
// sources, written by core/exchange (the page's writers), row by row, so a million nodes never sit in memory.
// CITES is not a relationship of the files: a node's sources are its attributes (sources, sourceIds), as on the
// canvas. Knows nothing of HTTP: http/app.ts serves these files at /export/<file> behind the same access checks as
// /graphql, and the composition root hands it `graphDownloads(db)`.
import { cypher, streamRead, type Db, type StreamTx } from '../../../core/db/database.ts';
import {
  EDGE_COLUMNS,
  NODE_COLUMNS,
  csvEdgeParts,
  csvNodeParts,
  exchangeEdge,
  exchangeNode,
  gexfParts,
  graphmlParts,
  type ExchangeEdge,
  type ExchangeNode,
} from '../../../core/exchange/exchange.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../../../core/model/index.ts';
import { edgeId } from '../graph/cypher.ts';
import { toGraphEdge, toGraphNode, type StoredEdge, type StoredNode } from '../graph/mapping.ts';

/** The files served, with their content types. */
export const EXPORT_FILES = {
  'graph.gexf': 'application/gexf+xml; charset=utf-8',
  'graph.graphml': 'application/graphml+xml; charset=utf-8',
  'nodes.csv': 'text/csv; charset=utf-8',
  'edges.csv': 'text/csv; charset=utf-8',
} as const;
export type ExportFile = keyof typeof EXPORT_FILES;

/** How long one export may read: a million nodes to a slow client takes minutes, not the API's 15 s. */
export const EXPORT_TIMEOUT_MS = 30 * 60_000;
/** Text gathered before it is written on (fewer, larger writes). */
const CHUNK_CHARS = 64 * 1024;

const SOURCE = 's {.id, .title, .footnote}';
const EXPORT_NODES = cypher(
  'exportNodes',
  `MATCH (n:Entity)
   RETURN properties(n) AS props,
     COLLECT { MATCH (n)-[:CITES]->(s:Source) WITH s ORDER BY s.footnote, s.id RETURN ${SOURCE} } AS sources`,
);
const EXPORT_EDGES = cypher(
  'exportEdges',
  `MATCH (a:Entity)-[r]->(b:Entity)
   WHERE type(r) IN $types
   RETURN ${edgeId('r')} AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props,
     COLLECT { UNWIND coalesce(r.sourceIds, []) AS sid MATCH (s:Entity {id: sid}) WHERE s:Source RETURN ${SOURCE} }
       AS sources`,
);

/** Where an export goes: `write` resolves when the receiver can take more. */
export interface ExportSink {
  write(chunk: string): Promise<void>;
}

async function* nodesOf(tx: StreamTx): AsyncGenerator<ExchangeNode> {
  for await (const row of tx.rows<Omit<StoredNode, 'degree'>>(EXPORT_NODES)) {
    yield exchangeNode(toGraphNode({ ...row, degree: 0 }));
  }
}

async function* edgesOf(tx: StreamTx): AsyncGenerator<ExchangeEdge> {
  for await (const row of tx.rows<StoredEdge>(EXPORT_EDGES, { types: RELATIONSHIP_TYPE_NAMES })) {
    yield exchangeEdge(toGraphEdge(row));
  }
}

/**
 * Writes `file` of the whole graph to `sink`. Nothing reaches the sink before the first rows are read, so a
 * database that cannot be read fails the export before anything is sent (and the HTTP layer answers with a code).
 */
export async function exportGraph(db: Db, file: ExportFile, sink: ExportSink): Promise<void> {
  await streamRead(db, EXPORT_TIMEOUT_MS, async (tx) => {
    let pending = '';
    const put = async (text: string) => {
      pending += text;
      if (pending.length >= CHUNK_CHARS) {
        const chunk = pending;
        pending = '';
        await sink.write(chunk);
      }
    };
    // CSV files start with a byte-order mark, so spreadsheets read them as UTF-8 (as the page's CSV files).
    if (file === 'nodes.csv') {
      const csv = csvNodeParts(NODE_COLUMNS);
      await put(`\uFEFF${csv.head}`);
      for await (const n of nodesOf(tx)) await put(csv.row(n));
    } else if (file === 'edges.csv') {
      const csv = csvEdgeParts(EDGE_COLUMNS);
      await put(`\uFEFF${csv.head}`);
      for await (const e of edgesOf(tx)) await put(csv.row(e));
    } else {
      const parts = (file === 'graph.gexf' ? gexfParts : graphmlParts)(NODE_COLUMNS, EDGE_COLUMNS);
      await put(parts.head);
      for await (const n of nodesOf(tx)) await put(parts.node(n));
      await put(parts.between);
      for await (const e of edgesOf(tx)) await put(parts.edge(e));
      await put(parts.tail);
    }
    await sink.write(pending);
  });
}

/** The downloads http/app.ts serves: the files, and how each is written. */
export function graphDownloads(db: Db) {
  return {
    files: EXPORT_FILES as Readonly<Record<string, string>>,
    write: (file: string, sink: ExportSink) => exportGraph(db, file as ExportFile, sink),
  };
}
