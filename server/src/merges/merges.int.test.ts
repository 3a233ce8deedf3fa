// Judged merges against the real Neo4j holding the memo's graph: a merge of two memo actors and its unmerge, the
// whole database compared property by property and type by type; what moves to the kept node; history (exactly
// one event per write, none for a refused one); refusals with their messages; CONFLICT when an exact restore is
// impossible; a driver's retry; roles; and removing a document after one of its actors was merged.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { codes, startTestGraphQL, type Result, type TestGraphQL } from '../../../test/support/graph.ts';
import { createGraphQLServer } from '../app/graphql-server.ts';
import type { Access } from '../access/index.ts';
import { newChangeId } from '../history/index.ts';
import { mergeNodes } from './merge.ts';

const XI = 'actor:xi-jinping';
const PUTIN = 'actor:vladimir-putin';
const SCO = 'meeting:sco-summit-samarkand-2022';
const A = 'actor:scratch-merge-a';
const B = 'actor:scratch-merge-b';
const BRIEF = 'scratch-variants-brief';
const WLADIMIR = 'actor:scratch-wladimir-putin';
const FIXTURE = path.join(import.meta.dirname, '..', 'documents', 'fixtures', BRIEF);
const FILES = readdirSync(FIXTURE)
  .sort()
  .map((name) => ({ name, content: readFileSync(path.join(FIXTURE, name), 'utf8') }));

const MERGE = `mutation ($keep: ID!, $merge: ID!) {
  mergeNodes(keepId: $keep, mergeId: $merge) { id properties degree savedViews { id } } }`;
const UNMERGE = 'mutation ($id: ID!) { unmerge(eventId: $id) { id properties degree } }';
const HISTORY = `query ($id: ID!) { history(id: $id) { id action targetId otherIds by before after } }`;
const SAVE = 'mutation ($input: SavedViewInput!) { saveView(input: $input) { id } }';
const DELETE_VIEW = 'mutation ($id: ID!) { deleteView(id: $id) }';
const VIEW = 'query ($id: ID!) { view(id: $id) { nodeIds layout version } }';
const PREVIEW = `mutation ($files: [DocumentFileInput!]!) {
  previewDocument(files: $files) { id valid errors matches { incomingId existingId reason score } } }`;
const IMPORT = 'mutation ($id: ID!) { importDocument(previewId: $id) { id } }';
const REMOVE = 'mutation ($id: ID!) { removeDocument(id: $id) }';

// Every node and relationship but the bookkeeping every write touches (its history events, the graph's version
// and the write gate's counter): labels, every property with its Neo4j type, relationships with their ends.
const typed = (x: string) =>
  `COLLECT { UNWIND keys(${x}) AS k WITH k ORDER BY k RETURN [k, valueType(${x}[k]), ${x}[k]] }`;
const NODES = cypher(
  'testMergesNodes',
  `MATCH (n) WHERE NOT (n:ChangeEvent OR n:GraphVersion OR n:WriteGate)
   RETURN [[l IN labels(n) | l], ${typed('n')}] AS x`,
);
const RELATIONSHIPS = cypher(
  'testMergesRelationships',
  `MATCH (a)-[r]->(b)
   RETURN [coalesce(a.id, elementId(a)), type(r), coalesce(b.id, elementId(b)), ${typed('r')}] AS x`,
);
const EVENTS = cypher('testMergesEvents', 'MATCH (e:ChangeEvent) RETURN count(e) AS n');
const RELS_OF = cypher(
  'testMergesRelsOf',
  `MATCH (n:Entity {id: $id})-[r]-(o)
   RETURN r.id AS id, type(r) AS type, o.id AS other, startNode(r) = n AS out`,
);
const NODE = cypher('testMergesNode', 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props');
const RECORD = cypher(
  'testMergesRecord',
  'MATCH (r:EntityRecord {entityId: $id, document: $document}) RETURN properties(r) AS props',
);
const JUDGEMENT = cypher(
  'testMergesJudgement',
  'MATCH (j:MatchJudgement {a: $a, b: $b}) RETURN j.judgement AS judgement, j.by AS by',
);
const CLEAN = cypher(
  'testMergesClean',
  `OPTIONAL MATCH (n:Entity) WHERE n.id IN [$a, $b] DETACH DELETE n
   WITH count(*) AS done
   OPTIONAL MATCH (j:MatchJudgement) WHERE j.a STARTS WITH 'actor:scratch-' DELETE j`,
);
const SCRATCH = cypher(
  'testMergesScratch',
  `CREATE (a:Entity:Actor {id: $a, kind: 'ACTOR', name: 'Scratch A', since: date('2020-02-29'), rank: 3})
   CREATE (b:Entity:Actor {id: $b, kind: 'ACTOR', name: 'Scratch B', aliases: ['B.'], weight: 1.5})
   WITH a, b
   MATCH (xi:Entity {id: $xi})
   CREATE (b)-[:MET_WITH {id: 'rel:scratch-merge-b-met-xi', date: date('2022-09-15'), sourceIds: []}]->(xi)
   CREATE (xi)-[:CRITICIZED {id: 'rel:scratch-merge-xi-criticized-b', passageStarts: [1.0, 2.0]}]->(b)`,
);
const SET_PROP = cypher('testMergesSetProp', 'MATCH (n:Entity {id: $id}) SET n.note = $note');
const DELETE_REL = cypher('testMergesDeleteRel', 'MATCH ()-[r {id: $id}]->() DELETE r');

type Snapshot = { nodes: string[]; relationships: string[] };
type Node = {
  id: string;
  properties: Record<string, unknown>;
  degree: number;
  savedViews?: { id: string }[];
};
type Event = {
  id: string;
  action: string;
  targetId: string;
  otherIds: string[];
  by: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

let api: TestGraphQL;
const views: string[] = [];

const snapshot = async (): Promise<Snapshot> => ({
  nodes: (await api.db.read<{ x: unknown }>(NODES)).map((r) => JSON.stringify(r.x)).sort(),
  relationships: (await api.db.read<{ x: unknown }>(RELATIONSHIPS)).map((r) => JSON.stringify(r.x)).sort(),
});
const events = async () => (await api.db.read<{ n: number }>(EVENTS))[0]!.n;
const history = async (id: string) => (await api.data<{ history: Event[] }>(HISTORY, { id })).history;
const props = async (id: string) =>
  (await api.db.read<{ props: Record<string, unknown> }>(NODE, { id }))[0]?.props ?? null;
const message = (r: Result<unknown>) => r.errors?.[0]?.message ?? '';

async function merge(keep: string, mergeId: string): Promise<Node> {
  return (await api.data<{ mergeNodes: Node }>(MERGE, { keep, merge: mergeId })).mergeNodes;
}
async function saveView(input: Record<string, unknown>): Promise<string> {
  const { saveView: v } = await api.data<{ saveView: { id: string } }>(SAVE, { input });
  views.push(v.id);
  return v.id;
}
/** A GraphQL server whose requests come with `access` (as the HTTP layer sets it for a token). */
async function as(access: Access) {
  const server = await createGraphQLServer({
    driver: api.db.driver,
    production: false,
    errorDetails: true,
    log: () => {},
  });
  return {
    run: async (query: string, variables: Record<string, unknown>) => {
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: { db: api.db, access } },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as Result<Record<string, unknown>>;
    },
    stop: () => server.stop(),
  };
}

beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(async () => {
  for (const id of views) await api.run(DELETE_VIEW, { id });
  await api.run(REMOVE, { id: `document:${BRIEF}` });
  await api.db.write(CLEAN, { a: A, b: B });
  await api.close();
});

describe('mergeNodes and unmerge', () => {
  it('merges two memo actors onto the kept one, and unmerge restores every node and relationship exactly', async () => {
    const both = await saveView({
      name: 'Xi and Putin',
      nodeIds: [XI, PUTIN],
      layout: { positions: { [XI]: { x: 1, y: 2 }, [PUTIN]: { x: 3, y: 4 } }, pinned: [PUTIN] },
    });
    const putinOnly = await saveView({ name: 'Putin at Samarkand', nodeIds: [PUTIN, SCO] });
    const before = await snapshot();
    const eventsBefore = await events();
    const putinRels = await api.db.read<{ id: string | null; type: string; other: string; out: boolean }>(
      RELS_OF,
      { id: PUTIN },
    );
    const xiDegree = (
      await api.data<{ node: Node }>('query ($id: ID!) { node(id: $id) { degree } }', { id: XI })
    ).node.degree;

    const kept = await merge(XI, PUTIN);
    expect(kept.id).toBe(XI);
    expect(await props(PUTIN)).toBeNull();
    // Putin's names and aliases are Xi's aliases now; his documents are Xi's.
    expect(kept.properties.aliases).toEqual(
      expect.arrayContaining(['Vladimir Putin', 'Putin', 'Путин Владимир']),
    );
    expect(kept.properties.documents).toEqual(['no-limits-memo']);
    expect(kept.properties.version).toBe(2);
    // Every domain relationship of Putin's is on Xi, but those between the two (they would join Xi to himself).
    const xiRels = await api.db.read<{ id: string | null; type: string; other: string; out: boolean }>(
      RELS_OF,
      {
        id: XI,
      },
    );
    const xiRelIds = new Set(xiRels.map((r) => r.id));
    const domain = putinRels.filter((r) => r.id !== null);
    const between = domain.filter((r) => r.other === XI);
    expect(between.length).toBeGreaterThan(0);
    for (const r of domain) expect(xiRelIds.has(r.id), `${r.id}`).toBe(r.other !== XI);
    for (const r of domain.filter((x) => x.other !== XI)) {
      expect(xiRels.find((x) => x.id === r.id)).toMatchObject({ type: r.type, other: r.other, out: r.out });
    }
    // CITES and INCLUDES are not doubled: one per source and per view.
    const cites = xiRels.filter((r) => r.type === 'CITES').map((r) => r.other);
    expect(new Set(cites).size).toBe(cites.length);
    expect(cites).toEqual(
      expect.arrayContaining(putinRels.filter((r) => r.type === 'CITES').map((r) => r.other)),
    );
    expect(xiRels.filter((r) => r.type === 'INCLUDES' && r.other === both)).toHaveLength(1);
    expect(kept.savedViews!.map((v) => v.id)).toEqual(expect.arrayContaining([both, putinOnly]));
    expect(kept.degree).toBe(xiDegree + domain.length - 2 * between.length);
    // Saved views name Xi instead (their versions unchanged: the same entities).
    const viewBoth = (
      await api.data<{ view: { nodeIds: string[]; layout: Record<string, unknown>; version: number } }>(
        VIEW,
        { id: both },
      )
    ).view;
    expect(viewBoth).toMatchObject({ nodeIds: [XI], version: 1 });
    expect(viewBoth.layout).toEqual({ positions: { [XI]: { x: 1, y: 2 } }, pinned: [XI] });
    const viewPutin = (await api.data<{ view: { nodeIds: string[] } }>(VIEW, { id: putinOnly })).view;
    expect(viewPutin.nodeIds).toEqual([XI, SCO]);
    // Putin's account by the memo joined Xi's record of it; the judgement is recorded.
    const record = (
      await api.db.read<{ props: Record<string, unknown> }>(RECORD, { id: XI, document: 'no-limits-memo' })
    )[0]!.props;
    expect(record.aliases).toEqual(expect.arrayContaining(['Vladimir Putin', 'Putin']));
    expect(await api.db.read(RECORD, { id: PUTIN, document: 'no-limits-memo' })).toEqual([]);
    expect(await api.db.read(JUDGEMENT, { a: PUTIN, b: XI })).toEqual([{ judgement: 'SAME', by: 'local' }]);
    // Exactly one event, in the history of both nodes.
    expect(await events()).toBe(eventsBefore + 1);
    const [mergeEvent] = await history(XI);
    expect(mergeEvent).toMatchObject({ action: 'MERGE_NODES', targetId: XI, otherIds: [PUTIN], by: 'local' });
    expect((await history(PUTIN))[0]!.id).toBe(mergeEvent!.id);

    const restored = (await api.data<{ unmerge: Node[] }>(UNMERGE, { id: mergeEvent!.id })).unmerge;
    expect(restored.map((n) => n.id)).toEqual([XI, PUTIN]);
    expect(await snapshot()).toEqual(before);
    expect(await events()).toBe(eventsBefore + 2);
    for (const id of [XI, PUTIN]) {
      const [undo, merged] = await history(id);
      expect(undo).toMatchObject({ action: 'UNMERGE', targetId: XI, otherIds: [PUTIN], by: 'local' });
      expect(undo!.before.eventId).toBe(mergeEvent!.id);
      expect(merged!.id).toBe(mergeEvent!.id);
    }

    // Undone once: a second unmerge is CONFLICT and writes nothing.
    const again = await api.run(UNMERGE, { id: mergeEvent!.id });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(message(again)).toContain('was undone already');
    expect(await events()).toBe(eventsBefore + 2);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses what cannot be merged or undone, with a message, and writes no event', async () => {
    const before = await snapshot();
    const eventsBefore = await events();
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ keep: XI, merge: XI }, 'BAD_USER_INPUT', 'cannot be merged with itself'],
      [{ keep: XI, merge: SCO }, 'BAD_USER_INPUT', `${XI} is an actor, ${SCO} is a meeting`],
      [{ keep: XI, merge: 'actor:nobody-at-all' }, 'NOT_FOUND', 'mergeId actor:nobody-at-all'],
      [
        { keep: 'actor:nobody', merge: 'actor:nobody-else' },
        'NOT_FOUND',
        'keepId actor:nobody or as mergeId',
      ],
      [
        { keep: 'source:no-limits-memo-fn01', merge: 'source:no-limits-memo-fn02' },
        'BAD_USER_INPUT',
        'only actors, meetings and agreements can be merged',
      ],
      [{ keep: 'Xi Jinping', merge: PUTIN }, 'BAD_USER_INPUT', 'keepId "Xi Jinping" is not a valid id'],
    ];
    for (const [variables, code, text] of refusals) {
      const r = await api.run(MERGE, variables);
      expect(codes(r), JSON.stringify(variables)).toEqual([code]);
      expect(message(r)).toContain(text);
    }
    const unknown = await api.run(UNMERGE, { id: 'change:00000000-0000-0000-0000-000000000000' });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    expect(message(unknown)).toContain('No change event has the id change:00000000');
    expect(await events()).toBe(eventsBefore);
    expect(await snapshot()).toEqual(before);

    const view = await saveView({ name: 'Not a merge', nodeIds: [XI] });
    const [saved] = await history(view);
    const notMerge = await api.run(UNMERGE, { id: saved!.id });
    expect(codes(notMerge)).toEqual(['BAD_USER_INPUT']);
    expect(message(notMerge)).toContain('is SAVE_VIEW, not a merge (MERGE_NODES)');
    expect(await events()).toBe(eventsBefore + 1);
  });

  it('refuses with CONFLICT an unmerge that could not be exact, and a driver retry writes nothing twice', async () => {
    await api.db.write(SCRATCH, { a: A, b: B, xi: XI });
    try {
      const before = await snapshot();
      const eventsBefore = await events();
      const changeId = newChangeId();
      const kept = await mergeNodes(api.db, A, B, 'tester', changeId);
      expect(kept.properties.aliases).toEqual(['Scratch B', 'B.']);
      // The same transaction again (as the driver retries one whose commit it did not hear of): no second write.
      const retried = await mergeNodes(api.db, A, B, 'tester', changeId);
      expect(retried.properties).toEqual(kept.properties);
      expect(await events()).toBe(eventsBefore + 1);

      // The kept node changed since: CONFLICT naming what changed, nothing written.
      await api.db.write(SET_PROP, { id: A, note: 'edited after the merge' });
      const changed = await api.run(UNMERGE, { id: changeId });
      expect(codes(changed)).toEqual(['CONFLICT']);
      expect(message(changed)).toContain(`${A} changed since the merge (properties note)`);
      await api.db.write(SET_PROP, { id: A, note: null });

      // A relationship the merge moved was deleted since: CONFLICT naming it.
      const snapshotMerged = await snapshot();
      await api.db.write(DELETE_REL, { id: 'rel:scratch-merge-b-met-xi' });
      const lost = await api.run(UNMERGE, { id: changeId });
      expect(codes(lost)).toEqual(['CONFLICT']);
      expect(message(lost)).toContain(`rel:scratch-merge-b-met-xi, ${A} MET_WITH ${XI}`);
      expect(await events()).toBe(eventsBefore + 1);
      expect(snapshotMerged).not.toEqual(before);
    } finally {
      await api.db.write(CLEAN, { a: A, b: B });
    }
  });

  it('restores dates, integers and floats with their types', async () => {
    await api.db.write(SCRATCH, { a: A, b: B, xi: XI });
    try {
      const before = await snapshot();
      const kept = await merge(A, B);
      const [event] = await history(A);
      expect(event!.id).toBeDefined();
      expect(kept.degree).toBe(2);
      await api.data(UNMERGE, { id: event!.id });
      expect(await snapshot()).toEqual(before);
    } finally {
      await api.db.write(CLEAN, { a: A, b: B });
    }
  });

  it('needs an editor: a reader cannot merge or unmerge, an editor is recorded by name', async () => {
    await api.db.write(SCRATCH, { a: A, b: B, xi: XI });
    const reader = await as({ mode: 'tokens', principal: { name: 'rd', role: 'reader' } });
    const editor = await as({ mode: 'tokens', principal: { name: 'ed', role: 'editor' } });
    try {
      const eventsBefore = await events();
      const refused = await reader.run(MERGE, { keep: A, merge: B });
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(message(refused)).toContain('needs an editor token');
      expect(await props(B)).not.toBeNull();
      expect(await events()).toBe(eventsBefore);

      const merged = await editor.run(MERGE, { keep: A, merge: B });
      expect(merged.errors).toBeUndefined();
      const [event] = await history(A);
      expect(event).toMatchObject({ action: 'MERGE_NODES', by: 'ed' });
      const undo = await reader.run(UNMERGE, { id: event!.id });
      expect(codes(undo)).toEqual(['FORBIDDEN']);
      expect(message(undo)).toContain('needs an editor token');
      expect((await editor.run(UNMERGE, { id: event!.id })).errors).toBeUndefined();
      expect((await history(B))[0]).toMatchObject({ action: 'UNMERGE', by: 'ed' });
    } finally {
      await reader.stop();
      await editor.stop();
      await api.db.write(CLEAN, { a: A, b: B });
    }
  });

  it('a document whose actor was merged can be previewed and removed: the merged node does not come back', async () => {
    const memo = await snapshot();
    const preview = (
      await api.data<{ previewDocument: { id: string; valid: boolean } }>(PREVIEW, { files: FILES })
    ).previewDocument;
    expect(preview.valid).toBe(true);
    await api.data(IMPORT, { id: preview.id });
    expect(await props(WLADIMIR)).not.toBeNull();

    const kept = await merge(PUTIN, WLADIMIR);
    expect(kept.properties.documents).toEqual(['no-limits-memo', BRIEF]);
    const rels = await api.db.read<{ id: string | null; other: string }>(RELS_OF, { id: PUTIN });
    expect(rels.map((r) => r.id)).toContain('rel:scratch-variants-putin-met-xi');
    const record = (
      await api.db.read<{ props: Record<string, unknown> }>(RECORD, { id: PUTIN, document: BRIEF })
    )[0]!;
    expect(record.props).toMatchObject({
      name: 'Wladimir Putin',
      aliases: ['Wladimir Putin'],
      entityId: PUTIN,
    });

    // Previewed again, the document's Wladimir Putin is proposed as the memo's Putin, judged the same before.
    const again = (
      await api.data<{
        previewDocument: {
          matches: { incomingId: string; existingId: string; reason: string; score: number }[];
        };
      }>(PREVIEW, { files: FILES })
    ).previewDocument;
    expect(again.matches.find((m) => m.incomingId === WLADIMIR)).toMatchObject({
      existingId: PUTIN,
      score: 1,
    });

    const removed = await api.run(REMOVE, { id: `document:${BRIEF}` });
    expect(removed.errors).toBeUndefined();
    expect(await props(WLADIMIR)).toBeNull();
    const after = await snapshot();
    // The memo's graph as it was (the judgement stays: it is the analyst's knowledge, as an import's judgements).
    const judgement = (s: Snapshot) => s.nodes.filter((n) => !n.startsWith('[["MatchJudgement"]'));
    const ephemeral = (s: Snapshot) => judgement(s).filter((n) => !n.startsWith('[["DocumentPreview"]'));
    expect({ ...after, nodes: ephemeral(after) }).toEqual({ ...memo, nodes: ephemeral(memo) });
    expect(
      after.nodes.filter((n) => n.includes(WLADIMIR) && n.startsWith('[["MatchJudgement"]')),
    ).toHaveLength(1);
  });
});
