// Edits that cite, against the real Neo4j holding the memo's graph (shared by every test file: assertions are on
// this file's own ids, and everything made here is deleted afterwards).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher, type Db } from '../../../core/db/database.ts';
import { createGraphQLServer } from '../app/graphql-server.ts';
import { codes, startTestGraphQL, type Result, type TestGraphQL } from '../../../test/support/graph.ts';
import { loadDocument } from '../../../graph-seed/src/load.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { formatSeedError } from '../../../graph-seed/src/files.ts';
import type { SeedDocument } from '../../../graph-seed/src/normalise.ts';
import { BRIEF, BRIEF_DIR, BRIEF_IDS } from '../../../graph-seed/src/fixtures/documents.ts';

let api: TestGraphQL;
let db: Db;
const XI = 'actor:xi-jinping';
const PUTIN = 'actor:vladimir-putin';
const SCO = 'meeting:sco-summit-samarkand-2022';
const MEMO_SOURCE = 'source:no-limits-memo';

// Everything this file made: nodes and sources it added (by addedBy), retracted nodes, records, receipts, events.
const made = { nodes: new Set<string>(), events: new Set<string>() };
const CLEAN_NODES = cypher(
  'testEditsCleanNodes',
  `UNWIND $ids AS id
   MATCH (n {id: id}) WHERE n:Entity OR n:Retracted
   DETACH DELETE n`,
);
const CLEAN_RECORDS = cypher(
  'testEditsCleanRecords',
  `UNWIND $ids AS id
   OPTIONAL MATCH (c:Correction {entityId: id})
   OPTIONAL MATCH (x:Retraction {targetId: id})
   OPTIONAL MATCH (e:ChangeEvent {targetId: id})
   DETACH DELETE c, x, e`,
);
// Every retraction this file made (their reasons start so), whatever it retracted.
const CLEAN_RETRACTIONS = cypher(
  'testEditsCleanRetractions',
  "MATCH (x:Retraction) WHERE x.reason STARTS WITH 'Edits test' DETACH DELETE x",
);
const CLEAN_RECEIPTS = cypher(
  'testEditsCleanReceipts',
  `UNWIND $ids AS id MATCH (r:EditReceipt {id: id}) DELETE r`,
);
const EVENTS = cypher(
  'testEditsEvents',
  'MATCH (e:ChangeEvent {targetId: $id}) RETURN e.action AS action ORDER BY e.at',
);
const EVENT_COUNT = cypher('testEditsEventCount', 'MATCH (e:ChangeEvent) RETURN count(e) AS n');
const ADDED_SOURCES = cypher(
  'testEditsAddedSources',
  `MATCH (s:Source {addedBy: 'local'}) WHERE s.title STARTS WITH 'Edits test' RETURN collect(s.id) AS ids`,
);
const NODE_PROPS = cypher(
  'testEditsNodeProps',
  'MATCH (n {id: $id}) RETURN labels(n) AS labels, properties(n) AS props',
);
const EDGE_EXISTS = cypher('testEditsEdgeExists', 'MATCH ()-[r]->() WHERE r.id = $id RETURN count(r) AS n');

beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
  db = createDb({ uri: inject('neo4jUri'), txTimeoutMs: 120_000 });
});
afterAll(async () => {
  const [row] = await db.read<{ ids: string[] }>(ADDED_SOURCES);
  const ids = [...made.nodes, ...(row?.ids ?? [])];
  await db.write(CLEAN_NODES, { ids });
  await db.write(CLEAN_RECORDS, { ids });
  await db.write(CLEAN_RETRACTIONS);
  await db.write(CLEAN_RECEIPTS, { ids: [...made.events] });
  await api.close();
  await db.close();
});

const NODE_FIELDS =
  'id kind label date version basis inferenceNote properties sources { id title publisher }';
const EDGE_FIELDS = 'id type source target basis inferenceNote properties sources { id title }';
const ADD_NODE = `mutation ($input: NodeInput!) { addNode(input: $input) { ${NODE_FIELDS} } }`;
const ADD_EDGE = `mutation ($input: EdgeInput!) { addEdge(input: $input) { ${EDGE_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $p: JSON!, $c: [CitationInput!]!) {
  updateNode(id: $id, expectedVersion: $v, properties: $p, citations: $c) { ${NODE_FIELDS} }
}`;
const RETRACT = `mutation ($id: ID!, $reason: String!) { retract(id: $id, reason: $reason) }`;
const NODE = `query ($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`;
const NEIGHBORS = `query ($id: ID!) { neighborhood(id: $id) { nodes { id } edges { ${EDGE_FIELDS} } } }`;
const SEARCH = `query ($text: String!) { search(text: $text, limit: 50) { id } }`;
const HISTORY = `query ($id: ID!) { history(id: $id) { id action by targetId before after } }`;

interface Node {
  id: string;
  kind: string;
  label: string;
  date: string | null;
  version: number;
  basis: string;
  inferenceNote: string | null;
  properties: Record<string, unknown>;
  sources: { id: string; title: string; publisher: string | null }[];
}
interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  basis: string;
  inferenceNote: string | null;
  sources: { id: string; title: string }[];
}

const actor = (label: string, extra: Record<string, unknown> = {}) => ({
  kind: 'ACTOR',
  label,
  basis: 'STATED',
  citations: [{ sourceId: MEMO_SOURCE }],
  ...extra,
});

async function addNode(input: Record<string, unknown>): Promise<Node> {
  const { addNode } = await api.data<{ addNode: Node }>(ADD_NODE, { input });
  made.nodes.add(addNode.id);
  return addNode;
}
async function addEdge(input: Record<string, unknown>): Promise<Edge> {
  const { addEdge } = await api.data<{ addEdge: Edge }>(ADD_EDGE, { input });
  made.nodes.add(addEdge.id);
  return addEdge;
}
const countEvents = async () => Number((await db.read<{ n: number }>(EVENT_COUNT))[0]!.n);
const eventsOf = async (id: string) =>
  (await db.read<{ action: string }>(EVENTS, { id })).map((e) => e.action);
const message = (r: Result<unknown>) => r.errors?.[0]?.message ?? '';

/** The GraphQL server on the test database, for requests with an access context of their own. */
const quietServer = () =>
  createGraphQLServer({ driver: db.driver, production: false, errorDetails: true, log: () => {} });

describe('refusals', () => {
  it('refuses a write without citations, basis or note, naming what is missing, and writes no event', async () => {
    const before = await countEvents();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [actor('Edits test nobody', { citations: [] }), /citations is empty/],
      [actor('Edits test nobody', { citations: [{ publisher: 'x' }] }), /names no source.*sourceId.*title/],
      [actor('Edits test nobody', { basis: 'INFERRED' }), /inferenceNote is missing/],
      [actor('Edits test nobody', { label: '  ' }), /label is missing/],
    ];
    for (const [input, text] of cases) {
      const r = await api.run(ADD_NODE, { input });
      expect(codes(r), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(message(r)).toMatch(text);
    }
    const { basis: _basis, ...noBasis } = actor('Edits test nobody');
    const r = await api.run(ADD_NODE, { input: noBasis });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(message(r)).toMatch(/basis/);
    const e = await api.run(ADD_EDGE, {
      input: { type: 'MET_WITH', source: XI, target: PUTIN, basis: 'STATED', citations: [] },
    });
    expect(codes(e)).toEqual(['BAD_USER_INPUT']);
    expect(message(e)).toMatch(/citations is empty/);
    expect(await countEvents()).toBe(before);
  });

  it('NOT_FOUND for unknown ids, BAD_USER_INPUT for ill-formed ones and for a type the kinds do not allow', async () => {
    const before = await countEvents();
    const unknownSource = await api.run(ADD_NODE, {
      input: actor('Edits test nobody', { citations: [{ sourceId: 'source:edits-test-no-such' }] }),
    });
    expect(codes(unknownSource)).toEqual(['NOT_FOUND']);
    expect(message(unknownSource)).toMatch(/source:edits-test-no-such/);
    const edge = (input: Record<string, unknown>) =>
      api.run(ADD_EDGE, { input: { basis: 'STATED', citations: [{ sourceId: MEMO_SOURCE }], ...input } });
    const unknownEnd = await edge({ type: 'MET_WITH', source: XI, target: 'actor:edits-test-no-such' });
    expect(codes(unknownEnd)).toEqual(['NOT_FOUND']);
    expect(message(unknownEnd)).toMatch(/actor:edits-test-no-such/);
    const badId = await edge({ type: 'MET_WITH', source: XI, target: 'Not An Id' });
    expect(codes(badId)).toEqual(['BAD_USER_INPUT']);
    const badKinds = await edge({ type: 'ATTENDED', source: SCO, target: XI });
    expect(codes(badKinds)).toEqual(['BAD_USER_INPUT']);
    expect(message(badKinds)).toMatch(/ATTENDED goes from ACTOR to MEETING, not from MEETING to ACTOR/);
    const badType = await edge({ type: 'LIKES', source: XI, target: PUTIN });
    expect(codes(badType)).toEqual(['BAD_USER_INPUT']);
    const update = await api.run(UPDATE, {
      id: 'actor:edits-test-no-such',
      v: 1,
      p: { role: 'x' },
      c: [{ sourceId: MEMO_SOURCE }],
    });
    expect(codes(update)).toEqual(['NOT_FOUND']);
    const retract = await api.run(RETRACT, { id: 'rel:edits-test-no-such', reason: 'test' });
    expect(codes(retract)).toEqual(['NOT_FOUND']);
    expect(await countEvents()).toBe(before);
  });

  it('needs an editor: a reader token is FORBIDDEN', async () => {
    const server = await quietServer();
    try {
      const response = await server.executeOperation(
        { query: ADD_NODE, variables: { input: actor('Edits test reader') } },
        {
          contextValue: {
            db,
            access: { mode: 'tokens', principal: { name: 'bo', role: 'reader' } },
          },
        },
      );
      const body = response.body.kind === 'single' ? response.body.singleResult : null;
      expect(body?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(body?.errors?.[0]?.message).toMatch(/needs an editor token/);
    } finally {
      await server.stop();
    }
  });
});

describe('adding, correcting and retracting', () => {
  it('adds a cited node and a cited edge that read back like seeded ones, one event each', async () => {
    const before = await countEvents();
    const node = await addNode(
      actor('Edits test Envoy Ivanova', {
        date: '2022-09-14',
        properties: { role: 'Special envoy', aliases: ['Ivanova'] },
        citations: [
          { sourceId: MEMO_SOURCE },
          {
            title: 'Edits test wire report',
            publisher: 'Edits Wire',
            url: 'https://example.org/e',
            date: '2022-09-14',
          },
        ],
      }),
    );
    expect(node.id).toMatch(/^actor:edits-test-envoy-ivanova-[0-9a-f]{8}$/);
    expect(node).toMatchObject({
      kind: 'ACTOR',
      label: 'Edits test Envoy Ivanova',
      date: '2022-09-14',
      version: 1,
    });
    expect(node.basis).toBe('STATED');
    expect(node.sources.map((s) => s.id)).toContain(MEMO_SOURCE);
    const fresh = node.sources.find((s) => s.title === 'Edits test wire report')!;
    expect(fresh.publisher).toBe('Edits Wire');
    const { node: read } = await api.data<{ node: Node }>(NODE, { id: node.id });
    expect(read).toEqual(node);
    const [stored] = await db.read<{ labels: string[]; props: Record<string, unknown> }>(NODE_PROPS, {
      id: node.id,
    });
    expect(stored!.labels.sort()).toEqual(['Actor', 'Entity']);
    expect(stored!.props.document).toBeUndefined();

    const edge = await addEdge({
      type: 'MET_WITH',
      source: node.id,
      target: XI,
      basis: 'INFERRED',
      inferenceNote: 'Edits test: the wire puts them in one room',
      properties: { date: '2022-09-15' },
      citations: [{ sourceId: fresh.id }],
    });
    expect(edge).toMatchObject({ type: 'MET_WITH', source: node.id, target: XI, basis: 'INFERRED' });
    expect(edge.sources.map((s) => s.id)).toEqual([fresh.id]);
    const { neighborhood } = await api.data<{ neighborhood: { nodes: { id: string }[]; edges: Edge[] } }>(
      NEIGHBORS,
      { id: node.id },
    );
    expect(neighborhood.nodes.map((n) => n.id)).toContain(XI);
    const found = neighborhood.edges.find((e) => e.id === edge.id)!;
    expect(found).toMatchObject({
      basis: 'INFERRED',
      inferenceNote: 'Edits test: the wire puts them in one room',
    });
    expect(found.sources.map((s) => s.id)).toEqual([fresh.id]);

    expect(await countEvents()).toBe(before + 2);
    expect(await eventsOf(node.id)).toEqual(['ADD_NODE']);
    expect(await eventsOf(edge.id)).toEqual(['ADD_EDGE']);
    const { history } = await api.data<{ history: { after: { sources: { id: string }[] } }[] }>(HISTORY, {
      id: node.id,
    });
    expect(history[0]!.after.sources.map((s) => s.id)).toContain(fresh.id);
  });

  it('updateNode: version +1, CONFLICT for a stale version, one of two concurrent updates wins', async () => {
    const node = await addNode(actor('Edits test Versioned'));
    const cite = [{ sourceId: MEMO_SOURCE }];
    const { updateNode } = await api.data<{ updateNode: Node }>(UPDATE, {
      id: node.id,
      v: 1,
      p: { role: 'Minister' },
      c: cite,
    });
    expect(updateNode.version).toBe(2);
    expect(updateNode.properties.role).toBe('Minister');
    const stale = await api.run(UPDATE, { id: node.id, v: 1, p: { role: 'x' }, c: cite });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);
    const noCitation = await api.run(UPDATE, { id: node.id, v: 2, p: { role: 'x' }, c: [] });
    expect(codes(noCitation)).toEqual(['BAD_USER_INPUT']);

    const both = await Promise.all(
      ['A', 'B'].map((v) => api.run(UPDATE, { id: node.id, v: 2, p: { role: v }, c: cite })),
    );
    const outcomes = both.map((r) => (r.errors ? codes(r)[0] : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const { node: now } = await api.data<{ node: Node }>(NODE, { id: node.id });
    expect(now.version).toBe(3);
    expect(await eventsOf(node.id)).toEqual(['ADD_NODE', 'UPDATE_NODE', 'UPDATE_NODE']);
  });

  it('retract hides a node and an edge from neighbourhood and search; history keeps them', async () => {
    const node = await addNode(actor('Edits test Zyxwvut Retractable'));
    const edge = await addEdge({
      type: 'MET_WITH',
      source: node.id,
      target: PUTIN,
      basis: 'STATED',
      citations: [{ sourceId: MEMO_SOURCE }],
    });
    const other = await addEdge({
      type: 'MET_WITH',
      source: node.id,
      target: XI,
      basis: 'STATED',
      citations: [{ sourceId: MEMO_SOURCE }],
    });
    expect(await api.data(RETRACT, { id: edge.id, reason: 'Edits test: wrong meeting' })).toEqual({
      retract: true,
    });
    const hood = await api.data<{ neighborhood: { edges: Edge[] } }>(NEIGHBORS, { id: PUTIN });
    expect(hood.neighborhood.edges.map((e) => e.id)).not.toContain(edge.id);
    expect(await db.read(EDGE_EXISTS, { id: edge.id })).toEqual([{ n: 0 }]);
    const again = await api.run(RETRACT, { id: edge.id, reason: 'again' });
    expect(codes(again)).toEqual(['NOT_FOUND']);
    expect(message(again)).toMatch(/already retracted/);

    const searched = await api.data<{ search: { id: string }[] }>(SEARCH, { text: 'Zyxwvut' });
    expect(searched.search.map((s) => s.id)).toContain(node.id);
    await api.data(RETRACT, { id: node.id, reason: 'Edits test: no such person' });
    expect((await api.data<{ node: Node | null }>(NODE, { id: node.id })).node).toBeNull();
    const after = await api.data<{ search: { id: string }[] }>(SEARCH, { text: 'Zyxwvut' });
    expect(after.search.map((s) => s.id)).not.toContain(node.id);
    const xi = await api.data<{ neighborhood: { nodes: { id: string }[]; edges: Edge[] } }>(NEIGHBORS, {
      id: XI,
    });
    expect(xi.neighborhood.nodes.map((n) => n.id)).not.toContain(node.id);
    expect(xi.neighborhood.edges.map((e) => e.id)).not.toContain(other.id);

    const { history: all } = await api.data<{
      history: {
        action: string;
        targetId: string;
        before: { properties: Record<string, unknown>; relationships: { id: string }[] };
      }[];
    }>(HISTORY, { id: node.id });
    // Its relationships' events are in its history too, each naming its relationship.
    expect(all.map((h) => [h.action, h.targetId])).toEqual([
      ['RETRACT', node.id],
      ['RETRACT', edge.id],
      ['ADD_EDGE', other.id],
      ['ADD_EDGE', edge.id],
      ['ADD_NODE', node.id],
    ]);
    const history = all.filter((h) => h.targetId === node.id);
    expect(history.map((h) => h.action)).toEqual(['RETRACT', 'ADD_NODE']);
    expect(history[0]!.before.properties.name).toBe('Edits test Zyxwvut Retractable');
    expect(history[0]!.before.relationships.map((r) => r.id)).toContain(other.id);
    expect(await eventsOf(edge.id)).toEqual(['ADD_EDGE', 'RETRACT']);
  });

  it('replays a write sent again with its Idempotency-Key without writing again', async () => {
    const server = await quietServer();
    try {
      const send = async (label: string) => {
        const response = await server.executeOperation<{ addNode: Node }>(
          { query: ADD_NODE, variables: { input: actor(label) } },
          { contextValue: { db, idempotencyKey: 'edits-test-key-1' } },
        );
        return response.body.kind === 'single' ? response.body.singleResult : null;
      };
      const before = await countEvents();
      const first = await send('Edits test Replayed');
      const id = first!.data!.addNode.id;
      made.nodes.add(id);
      made.events.add(`change:${id}`);
      const second = await send('Edits test Replayed');
      expect(second!.data!.addNode.id).toBe(id);
      expect(await countEvents()).toBe(before + 1);
      const other = await send('Edits test Another');
      expect(other!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const receipts = await db.read<{ ids: string[] }>(
        cypher('testEditsReceipts', 'MATCH (r:EditReceipt) WHERE r.id IN $ids RETURN collect(r.id) AS ids'),
        {
          ids: (
            await db.read<{ id: string }>(
              cypher('testEditsEventOf', 'MATCH (e:ChangeEvent {targetId: $id}) RETURN e.id AS id'),
              { id },
            )
          ).map((e) => e.id),
        },
      );
      for (const r of receipts[0]!.ids) made.events.add(r);
    } finally {
      await server.stop();
    }
  });
});

describe('edits survive document reloads and removals', () => {
  let brief: SeedDocument;
  beforeAll(() => {
    const read = readDocuments(undefined, { add: BRIEF_DIR });
    if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
    brief = read.documents.find((d) => d.name === BRIEF)!;
  });
  afterAll(async () => {
    await removeDocument(db, BRIEF).catch(() => {});
    made.nodes.add(BRIEF_IDS.wireA);
    made.nodes.add(BRIEF_IDS.footnote);
    made.nodes.add(BRIEF_IDS.source);
    made.nodes.add(BRIEF_IDS.figure);
    made.nodes.add(BRIEF_IDS.statement);
  });

  it('keeps edits, corrections and retractions through a reload, reports conflicts, and survives removal', async () => {
    await loadDocument(db, brief);
    const reported = `rel:${BRIEF_IDS.wireA}-REPORTED->${BRIEF_IDS.statement}`;
    made.nodes.add(reported);
    const envoy = await addNode(
      actor('Edits test Brief Envoy', { citations: [{ sourceId: BRIEF_IDS.footnote }] }),
    );
    const edge = await addEdge({
      type: 'MET_WITH',
      source: envoy.id,
      target: BRIEF_IDS.wireA,
      basis: 'STATED',
      citations: [{ sourceId: BRIEF_IDS.footnote }],
    });
    const cite = [{ title: 'Edits test correction source' }];
    const wire = await api.data<{ updateNode: Node }>(UPDATE, {
      id: BRIEF_IDS.wireA,
      v: 1,
      p: { role: 'Wire agency' },
      c: cite,
    });
    expect(wire.updateNode.version).toBe(2);
    const statement = await api.data<{ updateNode: Node }>(UPDATE, {
      id: BRIEF_IDS.statement,
      v: 1,
      p: { context: 'Edits test corrected context' },
      c: cite,
    });
    expect(statement.updateNode.version).toBe(2);
    await api.data(RETRACT, { id: reported, reason: 'Edits test: not reported' });
    await api.data(RETRACT, { id: BRIEF_IDS.figure, reason: 'Edits test: wrong figure' });

    // The document again, its statement's context changed by a new version of it.
    const changed: SeedDocument = {
      ...brief,
      nodes: brief.nodes.map((n) =>
        n.id === BRIEF_IDS.statement ? { ...n, props: { ...n.props, context: 'A new context' } } : n,
      ),
    };
    // Its review says so before anything is written: the retracted items left out, the correction it contradicts.
    const files = readdirSync(BRIEF_DIR)
      .sort()
      .map((name) => {
        const content = readFileSync(path.join(BRIEF_DIR, name), 'utf8');
        const context = 'context: Xi to Putin at the SCO summit in Samarkand';
        return {
          name,
          content: name === 'statements.yaml' ? content.replace(context, 'context: A new context') : content,
        };
      });
    const { previewDocument } = await api.data<{ previewDocument: { valid: boolean; conflicts: string[] } }>(
      'mutation ($files: [DocumentFileInput!]!) { previewDocument(files: $files) { valid conflicts } }',
      { files },
    );
    expect(previewDocument.valid).toBe(true);
    expect(previewDocument.conflicts).toEqual([
      `${BRIEF_IDS.figure} was retracted by an analyst: the import leaves it out.`,
      `${reported} was retracted by an analyst: the import leaves it out.`,
      `rel:${BRIEF_IDS.figure}-ABOUT->${XI} is left out: an analyst retracted one of its ends.`,
      `${BRIEF_IDS.statement}: context: the files say "A new context"; an analyst corrected ` +
        '"Xi to Putin at the SCO summit in Samarkand" to "Edits test corrected context", and the correction is kept.',
    ]);

    const result = await loadDocument(db, changed);
    expect(result.retracted.sort()).toEqual(
      [BRIEF_IDS.figure, reported, `rel:${BRIEF_IDS.figure}-ABOUT->${XI}`].sort(),
    );
    expect(result.conflicts).toEqual([
      {
        id: BRIEF_IDS.statement,
        property: 'context',
        base: 'Xi to Putin at the SCO summit in Samarkand',
        corrected: 'Edits test corrected context',
        document: 'A new context',
      },
    ]);
    const read = async (id: string) => (await api.data<{ node: Node | null }>(NODE, { id })).node;
    expect(await read(BRIEF_IDS.figure)).toBeNull();
    expect(await db.read(EDGE_EXISTS, { id: reported })).toEqual([{ n: 0 }]);
    const wireNow = (await read(BRIEF_IDS.wireA))!;
    expect(wireNow).toMatchObject({
      version: 2,
      properties: expect.objectContaining({ role: 'Wire agency' }),
    });
    expect(wireNow.sources.map((s) => s.title)).toContain('Edits test correction source');
    const statementNow = (await read(BRIEF_IDS.statement))!;
    expect(statementNow.version).toBe(2);
    expect(statementNow.properties.context).toBe('Edits test corrected context');
    expect(await read(envoy.id)).not.toBeNull();
    expect(await db.read(EDGE_EXISTS, { id: edge.id })).toEqual([{ n: 1 }]);

    // Removing the document keeps the edits and what they rest on.
    await removeDocument(db, BRIEF);
    expect(await read(envoy.id)).not.toBeNull();
    expect(await db.read(EDGE_EXISTS, { id: edge.id })).toEqual([{ n: 1 }]);
    expect(await read(BRIEF_IDS.wireA)).not.toBeNull();
    expect(await read(BRIEF_IDS.footnote)).not.toBeNull();
    expect(await read(BRIEF_IDS.statement)).toBeNull();
  });
});
