// A GraphML file and a CSV pair brought in as a document through previewDocument: Xi Jinping's neighbourhood on
// the memo's graph, written as the explorer's export writes it (core/exchange), previews under a new document id
// with its actors, meetings and sources proposed as the graph's own (same id) and its claims as new; the same
// rows as CSV preview alike and import; a malformed file is refused with its reason and nothing written.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import {
  exchangeEdge,
  exchangeNode,
  toCsv,
  toGraphml,
  type Exchange,
} from '../../../core/exchange/exchange.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';
import type { DocumentPreview } from './preview.ts';
import type { GraphEdge, GraphNode } from '../graph/model.ts';

const NAME = 'scratch-xi-exchange';
const DOCUMENT_YAML = `document:\n  id: source:${NAME}\n  title: Xi's neighbourhood, exported\n  reliability: F\n  reliabilityNote: An export of the memo's graph.\n`;
const NEIGHBOURHOOD = `{ neighborhood(id: "actor:xi-jinping", limit: 40) {
  nodes { id kind label date summary properties sources { id title footnote } }
  edges { id type source target properties sources { id title footnote } } } }`;
const PREVIEW = `mutation ($files: [DocumentFileInput!]!) {
  previewDocument(files: $files) { id documentId valid errors added changed removed
    matches { incomingId existingId reason score } } }`;
const IMPORT = `mutation ($previewId: ID!) { importDocument(previewId: $previewId) { id nodeCount edgeCount } }`;
const LOADED = cypher('testExchangeLoaded', 'RETURN EXISTS { MATCH (d:Document {name: $name}) } AS loaded');
const COUNT = cypher('testExchangeCount', 'RETURN COUNT { MATCH (n:Entity) } AS nodes');

let server: TestServer;
let view: Exchange;

async function preview(files: { name: string; content: string }[]) {
  const r = await server.post(PREVIEW, { files });
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.previewDocument as DocumentPreview;
}

beforeAll(async () => {
  server = await startTestServer({ uri: inject('neo4jUri') });
  const r = await server.post(NEIGHBOURHOOD);
  const sub = r.body.data!.neighborhood as { nodes: GraphNode[]; edges: GraphEdge[] };
  view = { nodes: sub.nodes.map((n) => exchangeNode(n)), edges: sub.edges.map((e) => exchangeEdge(e)) };
});
afterEach(async () => {
  const [row] = await server.db.read<{ loaded: boolean }>(LOADED, { name: NAME });
  if (row?.loaded) await removeDocument(server.db, NAME);
});
afterAll(async () => {
  await server?.stop();
});

describe('an exchange file through the documents’ preview', () => {
  it('GraphML: the view’s entities match the graph’s by id, its claims are new, under the new document', async () => {
    expect(view.nodes.length).toBeGreaterThan(10);
    const p = await preview([
      { name: 'xi.graphml', content: toGraphml(view) },
      { name: 'document.yaml', content: DOCUMENT_YAML },
    ]);
    expect(p.errors).toEqual([]);
    expect(p.valid).toBe(true);
    expect(p.documentId).toBe(`document:${NAME}`);
    expect(p.changed).toBe(0);
    expect(p.removed).toBe(0);
    const shared = view.nodes.filter((n) =>
      ['ACTOR', 'MEETING', 'AGREEMENT', 'SOURCE'].includes(String(n.attributes.kind)),
    );
    // Every shared entity of the view (and the sources its items cite) is proposed as itself.
    for (const n of shared) {
      expect(p.matches).toContainEqual({ incomingId: n.id, existingId: n.id, reason: 'same id', score: 1 });
    }
    expect(p.matches.find((m) => m.incomingId === 'actor:xi-jinping')).toMatchObject({
      existingId: 'actor:xi-jinping',
    });
    expect(p.added).toBeGreaterThanOrEqual(view.nodes.length + view.edges.length);
  });

  it('a CSV pair previews the same and imports in one transaction', async () => {
    const { nodes, edges } = toCsv(view);
    const files = [
      { name: 'xi.nodes.csv', content: nodes },
      { name: 'xi.relationships.csv', content: edges },
      { name: 'document.yaml', content: DOCUMENT_YAML },
    ];
    const [graphml, csv] = [
      await preview([{ name: 'xi.graphml', content: toGraphml(view) }, files[2]!]),
      await preview(files),
    ];
    expect(csv.valid).toBe(true);
    expect({ ...csv, id: '' }).toEqual({ ...graphml, id: '' });
    const before = (await server.db.read<{ nodes: number }>(COUNT))[0]!.nodes;
    const imported = await server.post(IMPORT, { previewId: csv.id });
    expect(imported.body.errors).toBeUndefined();
    expect(imported.body.data!.importDocument).toMatchObject({
      id: `document:${NAME}`,
      edgeCount: view.edges.length,
    });
    const after = (await server.db.read<{ nodes: number }>(COUNT))[0]!.nodes;
    // Only its claims (statements, figures) and its own source are new nodes.
    const claims = view.nodes.filter((n) =>
      ['STATEMENT', 'FIGURE'].includes(String(n.attributes.kind)),
    ).length;
    expect(after - before).toBe(claims + 1);
  });

  it('refuses a malformed file with its reason, and writes nothing', async () => {
    const before = (await server.db.read<{ nodes: number }>(COUNT))[0]!.nodes;
    const p = await preview([{ name: 'xi.graphml', content: toGraphml(view).slice(0, 5000) }]);
    expect(p.valid).toBe(false);
    expect(p.errors).toEqual([
      expect.stringMatching(/^xi\.graphml: \(file\): not well-formed XML: line \d+, column \d+: /),
    ]);
    const unknown = await preview([
      { name: 'xi.graphml', content: toGraphml(view).replace('>ACTOR<', '>ROBOT<') },
      { name: 'document.yaml', content: DOCUMENT_YAML },
    ]);
    expect(unknown.errors).toEqual([
      expect.stringMatching(/^xi\.graphml: node "actor:[a-z-]+": unknown kind "ROBOT"/),
    ]);
    expect((await server.db.read<{ nodes: number }>(COUNT))[0]!.nodes).toBe(before);
  });
});
