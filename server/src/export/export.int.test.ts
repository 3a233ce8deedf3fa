// The whole-graph export (/export/<file>) of the memo's graph: as many nodes and relationships as the database
// holds, read back by graphology's GEXF and GraphML parsers and as CSV, with ids, kinds, dates, basis, passages and
// sources; an unknown file NOT_FOUND; and the token a read needs where tokens are on.
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { readCsv } from '../../../core/exchange/exchange.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../../../core/model/index.ts';
import { parseApiTokens, tokenStore } from '../access/tokens.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

const READER = 'rd:reader:reader-token-rd-0123456789';
const tokens = tokenStore(parseApiTokens(READER));

const COUNTS = cypher(
  'testExportCounts',
  `RETURN COUNT { MATCH (n:Entity) } AS nodes,
     COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types } AS edges`,
);

let open: TestServer;
let guarded: TestServer;
let counts: { nodes: number; edges: number };

const get = (server: TestServer, file: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/export/${file}`, { headers });

beforeAll(async () => {
  const uri = inject('neo4jUri');
  open = await startTestServer({ uri });
  guarded = await startTestServer({ uri, security: { tokens } });
  [counts] = (await open.db.read<{ nodes: number; edges: number }>(COUNTS, {
    types: RELATIONSHIP_TYPE_NAMES,
  })) as [{ nodes: number; edges: number }];
});
afterAll(async () => {
  await open?.stop();
  await guarded?.stop();
});

describe('the whole graph as files', () => {
  it('GEXF: every node and relationship, read back by graphology with their attributes', async () => {
    const response = await get(open, 'graph.gexf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/gexf\+xml/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="graph.gexf"');
    const graph = parseGexf(Graph, await response.text());
    expect(counts.nodes).toBeGreaterThan(150);
    expect(graph.order).toBe(counts.nodes);
    expect(graph.size).toBe(counts.edges);
    expect(graph.getNodeAttributes('actor:xi-jinping')).toMatchObject({
      label: 'Xi Jinping',
      kind: 'ACTOR',
      actorType: 'person',
      basis: 'stated',
    });
    const summit = graph.getNodeAttributes('meeting:sco-summit-samarkand-2022');
    expect(summit).toMatchObject({ kind: 'MEETING', date: '2022-09-15', datePrecision: 'day' });
    expect(summit.sourceIds).toEqual(expect.any(String));
    // Sources are nodes too, with their grade.
    expect(graph.getNodeAttributes('source:no-limits-memo')).toMatchObject({
      kind: 'SOURCE',
      reliability: expect.any(String),
    });
    const attended = graph.findEdge(
      (_e, a, s, t) =>
        s === 'actor:xi-jinping' && t === 'meeting:sco-summit-samarkand-2022' && a.type === 'ATTENDED',
    );
    expect(attended).toBeDefined();
    expect(graph.getEdgeAttributes(attended!)).toMatchObject({
      basis: expect.any(String),
      sourceIds: expect.any(String),
    });
    expect(String(graph.getEdgeAttribute(attended!, 'passages')).length).toBeGreaterThan(10);
  });

  it('GraphML: the same counts and attributes', async () => {
    const response = await get(open, 'graph.graphml');
    expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    const graph = parseGraphml(Graph, await response.text());
    expect(graph.order).toBe(counts.nodes);
    expect(graph.size).toBe(counts.edges);
    expect(graph.getNodeAttributes('actor:vladimir-putin')).toMatchObject({
      label: 'Vladimir Putin',
      kind: 'ACTOR',
    });
  });

  it('CSV: a nodes file and a relationships file, a header and one line each', async () => {
    const nodes = readCsv(await (await get(open, 'nodes.csv')).text());
    const edges = readCsv(await (await get(open, 'edges.csv')).text());
    expect(nodes).toHaveLength(counts.nodes + 1);
    expect(edges).toHaveLength(counts.edges + 1);
    expect(nodes[0]!.slice(0, 3)).toEqual(['id', 'label', 'kind']);
    expect(edges[0]!.slice(0, 4)).toEqual(['id', 'source', 'target', 'type']);
    const xi = nodes.find((r) => r[0] === 'actor:xi-jinping')!;
    expect(xi[nodes[0]!.indexOf('kind')]).toBe('ACTOR');
    expect(xi[nodes[0]!.indexOf('sourceIds')]).toMatch(/^source:/);
  });

  it('answers an unknown file NOT_FOUND, with the files there are', async () => {
    const response = await get(open, 'graph.xlsx');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0]!.message).toContain('graph.gexf');
  });

  it('needs a token where reads need one, as /graphql', async () => {
    const refused = await get(guarded, 'nodes.csv');
    expect(refused.status).toBe(401);
    expect(
      ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('UNAUTHENTICATED');
    const allowed = await get(guarded, 'nodes.csv', { authorization: `Bearer ${READER.split(':')[2]}` });
    expect(allowed.status).toBe(200);
    expect(readCsv(await allowed.text())).toHaveLength(counts.nodes + 1);
  });
});
