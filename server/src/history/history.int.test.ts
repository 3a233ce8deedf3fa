// The history against the real Neo4j: one event per write of a view (saved, updated, restored, deleted) and of a
// document (imported, removed), in the write's transaction (a refused write leaves none), newest first with who,
// before and after; a view's earlier versions opened and restored.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { BRIEF, BRIEF_DIR } from '../../../graph-seed/src/fixtures/documents.ts';
import { loadDocument } from '../../../graph-seed/src/load.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { codes, startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';

let api: TestGraphQL;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(async () => {
  await api.close();
});

const XI = 'actor:xi-jinping';
const PUTIN = 'actor:vladimir-putin';
const MODI = 'actor:narendra-modi';
const GONE = 'actor:scratch-history-gone';
const MAKE_GONE = cypher(
  'testHistoryMakeGone',
  "MERGE (n:Entity:Actor {id: $id}) SET n.kind = 'ACTOR', n.name = 'Gone'",
);
const DELETE_GONE = cypher('testHistoryDeleteGone', 'MATCH (n:Entity {id: $id}) DETACH DELETE n');

interface Event {
  id: string;
  at: string;
  by: string | null;
  action: string;
  targetId: string;
  otherIds: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
const HISTORY = `query ($id: ID!, $limit: Int) {
  history(id: $id, limit: $limit) { id at by action targetId otherIds before after } }`;
const history = async (id: string) => (await api.data<{ history: Event[] }>(HISTORY, { id })).history;

const FIELDS = 'id name version nodeIds edgeIds layout filter';
const SAVE = `mutation ($input: SavedViewInput!) { saveView(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: SavedViewInput!) {
  updateView(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const DELETE = 'mutation ($id: ID!) { deleteView(id: $id) }';
const VERSION = `query ($id: ID!, $version: Int!) { viewVersion(id: $id, version: $version) {
  ${FIELDS} subgraph { nodes { id } } } }`;
const RESTORE = `mutation ($id: ID!, $version: Int!) { restoreView(id: $id, version: $version) { ${FIELDS} } }`;

interface View {
  id: string;
  name: string;
  version: number;
  nodeIds: string[];
  edgeIds: string[];
  layout: unknown;
  filter: unknown;
  subgraph?: { nodes: { id: string }[] };
}

describe('the history of a view', () => {
  it('has one event per write, newest first, with who and the view before and after; none for a refused write', async () => {
    const { saveView: v1 } = await api.data<{ saveView: View }>(SAVE, {
      input: { name: 'History one', nodeIds: [XI, PUTIN], layout: { zoom: 1 } },
    });
    const { updateView: v2 } = await api.data<{ updateView: View }>(UPDATE, {
      id: v1.id,
      v: 1,
      input: { name: 'History two', nodeIds: [XI] },
    });
    expect(v2.version).toBe(2);
    // A stale update is refused and records nothing.
    const stale = await api.run(UPDATE, { id: v1.id, v: 1, input: { name: 'Stale', nodeIds: [MODI] } });
    expect(codes(stale)).toEqual(['CONFLICT']);
    // An update naming an unknown node is refused and records nothing.
    const unknown = await api.run(UPDATE, {
      id: v1.id,
      v: 2,
      input: { name: 'X', nodeIds: ['actor:nobody'] },
    });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);

    let events = await history(v1.id);
    expect(events.map((e) => e.action)).toEqual(['UPDATE_VIEW', 'SAVE_VIEW']);
    const [update, save] = events;
    expect(save!.by).toBe('local');
    expect(save!.targetId).toBe(v1.id);
    expect(save!.before).toBeNull();
    expect(save!.after).toMatchObject({ name: 'History one', version: 1, nodeIds: [XI, PUTIN] });
    expect(update!.before).toMatchObject({ name: 'History one', version: 1, nodeIds: [XI, PUTIN] });
    expect(update!.after).toMatchObject({ name: 'History two', version: 2, nodeIds: [XI] });
    expect(Date.parse(update!.at)).toBeGreaterThanOrEqual(Date.parse(save!.at));

    expect(await api.data(DELETE, { id: v1.id })).toEqual({ deleteView: true });
    events = await history(v1.id);
    expect(events.map((e) => e.action)).toEqual(['DELETE_VIEW', 'UPDATE_VIEW', 'SAVE_VIEW']);
    expect(events[0]!.before).toMatchObject({ name: 'History two', version: 2 });
    expect(events[0]!.after).toBeNull();
  });

  it('opens an earlier version and restores it as the newest, leaving out nodes that left the graph', async () => {
    await api.db.write(MAKE_GONE, { id: GONE });
    const { saveView: v1 } = await api.data<{ saveView: View }>(SAVE, {
      input: {
        name: 'Versions',
        nodeIds: [XI, PUTIN, MODI, GONE],
        layout: { positions: { [XI]: { x: 1, y: 2 } } },
        filter: { statedOnly: true },
      },
    });
    await api.data(UPDATE, { id: v1.id, v: 1, input: { name: 'Versions, narrowed', nodeIds: [XI] } });
    await api.db.write(DELETE_GONE, { id: GONE });

    const { viewVersion: old } = await api.data<{ viewVersion: View }>(VERSION, { id: v1.id, version: 1 });
    expect(old).toMatchObject({
      id: v1.id,
      name: 'Versions',
      version: 1,
      nodeIds: [XI, PUTIN, MODI, GONE],
      layout: { positions: { [XI]: { x: 1, y: 2 } } },
      filter: { statedOnly: true },
    });
    expect(old.subgraph!.nodes.map((n) => n.id).sort()).toEqual([MODI, XI, PUTIN].sort());
    const { viewVersion: now } = await api.data<{ viewVersion: View }>(VERSION, { id: v1.id, version: 2 });
    expect(now).toMatchObject({ name: 'Versions, narrowed', version: 2, nodeIds: [XI] });
    expect(await api.data(VERSION, { id: v1.id, version: 9 })).toEqual({ viewVersion: null });

    const { restoreView: v3 } = await api.data<{ restoreView: View }>(RESTORE, { id: v1.id, version: 1 });
    // The node that left the graph since version 1 is left out of the restored version.
    expect(v3).toMatchObject({ version: 3, name: 'Versions', nodeIds: [XI, PUTIN, MODI] });
    expect(v3.filter).toEqual({ statedOnly: true });
    const [restore] = await history(v1.id);
    expect(restore).toMatchObject({ action: 'RESTORE_VIEW', after: { version: 3, restoredFrom: 1 } });
    expect(restore!.before).toMatchObject({ version: 2, nodeIds: [XI] });

    const missing = await api.run(RESTORE, { id: v1.id, version: 9 });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors![0]!.message).toContain('no version 9');
    expect((await history(v1.id)).length).toBe(3);
    await api.data(DELETE, { id: v1.id });
  });

  it('refuses a limit outside 1 to 1000 and an ill-formed id', async () => {
    expect(codes(await api.run(HISTORY, { id: XI, limit: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(HISTORY, { id: 'not an id' }))).toEqual(['BAD_USER_INPUT']);
  });
});

const NAME = 'scratch-variants-brief';
const DOC_ID = `document:${NAME}`;
const FIXTURE = path.join(import.meta.dirname, '..', 'documents', 'fixtures', NAME);
const FILES = readdirSync(FIXTURE)
  .sort()
  .map((name) => ({ name, content: readFileSync(path.join(FIXTURE, name), 'utf8') }));

describe('the history of a document', () => {
  it('has its import and its removal, each once, with who and what they wrote', async () => {
    const before = await history(DOC_ID);
    const { previewDocument } = await api.data<{ previewDocument: { id: string; valid: boolean } }>(
      `mutation ($files: [DocumentFileInput!]!) { previewDocument(files: $files) { id valid } }`,
      { files: FILES },
    );
    expect(previewDocument.valid).toBe(true);
    const IMPORT = 'mutation ($p: ID!) { importDocument(previewId: $p) { id } }';
    await api.data(IMPORT, { p: previewDocument.id });
    // The same import sent again writes nothing, so records nothing.
    await api.data(IMPORT, { p: previewDocument.id });
    const events = (await history(DOC_ID)).slice(0, -before.length || undefined);
    expect(events.map((e) => e.action)).toEqual(['IMPORT_DOCUMENT']);
    expect(events[0]).toMatchObject({ by: 'local', targetId: DOC_ID, before: null });
    expect(events[0]!.after).toMatchObject({ id: DOC_ID, previewId: previewDocument.id });

    await api.data('mutation ($id: ID!) { removeDocument(id: $id) }', { id: DOC_ID });
    const missing = await api.run('mutation ($id: ID!) { removeDocument(id: $id) }', { id: DOC_ID });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    const after = await history(DOC_ID);
    expect(after.length - before.length).toBe(2);
    expect(after[0]).toMatchObject({ action: 'REMOVE_DOCUMENT', targetId: DOC_ID, by: 'local' });
    expect(after[0]!.before).toMatchObject({ id: DOC_ID, title: expect.any(String) as unknown });
    expect(after[0]!.after).toMatchObject({ removed: { document: NAME } });
  });
});

describe('the history of a document the command line loads and removes', () => {
  it('has its load and its removal, each once, by the seed', async () => {
    const read = readDocuments(undefined, { add: BRIEF_DIR });
    if (!read.ok) throw new Error('the fixture document does not read');
    const brief = read.documents.find((d) => d.name === BRIEF)!;
    const id = `document:${BRIEF}`;
    const before = (await history(id)).length;
    await loadDocument(api.db, brief);
    await removeDocument(api.db, BRIEF);
    const events = await history(id);
    expect(events.length - before).toBe(2);
    expect(events[0]).toMatchObject({ action: 'REMOVE_DOCUMENT', by: 'seed', targetId: id });
    expect(events[0]!.after).toMatchObject({ removed: { document: BRIEF } });
    expect(events[1]).toMatchObject({ action: 'IMPORT_DOCUMENT', by: 'seed', targetId: id, before: null });
    expect(events[1]!.after).toMatchObject({ id, document: BRIEF, nodes: expect.any(Number) as unknown });
  });
});
