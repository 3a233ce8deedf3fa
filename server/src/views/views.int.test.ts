import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DELETE_VIEW as DELETE, NODE_VIEWS as SAVED_VIEWS_OF } from '../../../client/src/api/operations.ts';
import { codes, startTestGraphQL, type Result, type TestGraphQL } from '../../../test/support/graph.ts';
import type { SavedView } from '../graph/model.ts';
import { VIEWS_LIMIT_MAX, views } from './index.ts';
import { VIEW_LAYOUT_MAX_BYTES } from './input.ts';

let api: TestGraphQL;
const created: string[] = [];
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(async () => {
  // Each test cleans up what it made; views another test already deleted are simply gone.
  for (const id of created) await api.run(DELETE, { id });
  await api.close();
});

const FIELDS = 'id name description version createdAt updatedAt nodeIds edgeIds layout filter';
const SAVE = `mutation ($input: SavedViewInput!) { saveView(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: SavedViewInput!) {
  updateView(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} }
}`;
const VIEW = `query ($id: ID!) {
  view(id: $id) { ${FIELDS} subgraph { nodes { id } edges { id type source target } truncated } }
}`;
const VIEWS = `{ views { id name version } }`;
const NEIGHBORS = `query ($id: ID!) { neighborhood(id: $id) { edges { id source target type } } }`;

type View = SavedView & {
  subgraph?: { nodes: { id: string }[]; edges: { id: string; type: string }[]; truncated: boolean };
};

const XI = 'actor:xi-jinping';
const PUTIN = 'actor:vladimir-putin';
const SCO = 'meeting:sco-summit-samarkand-2022';
const MODI = 'actor:narendra-modi';

async function save(input: Record<string, unknown>): Promise<View> {
  const { saveView } = await api.data<{ saveView: View }>(SAVE, { input });
  created.push(saveView.id);
  return saveView;
}

async function edgeBetween(a: string, b: string, type: string): Promise<string> {
  const { neighborhood } = await api.data<{
    neighborhood: { edges: { id: string; source: string; target: string; type: string }[] };
  }>(NEIGHBORS, { id: a });
  const edge = neighborhood.edges.find((e) => e.type === type && [e.source, e.target].includes(b));
  if (!edge) throw new Error(`no ${type} edge between ${a} and ${b}`);
  return edge.id;
}

describe('saved views', () => {
  it('saves a view at version 1 with a server-made id, and shows it with its subgraph', async () => {
    const attended = await edgeBetween(XI, SCO, 'ATTENDED');
    const layout = { positions: { [XI]: { x: 10, y: 20 } }, zoom: 1.25, pan: { x: 0, y: 0 } };
    const v = await save({
      name: '  Samarkand, September 2022 ',
      description: 'Who was there',
      nodeIds: [XI, PUTIN, SCO],
      edgeIds: [attended],
      layout,
      filter: { kinds: ['ACTOR', 'MEETING'] },
    });
    expect(v.id).toMatch(/^view:[0-9a-f-]{36}$/);
    expect(v).toMatchObject({
      name: 'Samarkand, September 2022',
      version: 1,
      nodeIds: [XI, PUTIN, SCO],
      layout,
    });
    expect(new Date(v.createdAt).toISOString()).toBe(v.createdAt);
    expect(v.updatedAt).toBe(v.createdAt);

    const { view } = await api.data<{ view: View }>(VIEW, { id: v.id });
    expect(view.subgraph!.nodes.map((n) => n.id)).toEqual([XI, PUTIN, SCO]);
    expect(view.subgraph!.edges.map((e) => e.id)).toEqual([attended]);
    expect((await api.data<{ views: View[] }>(VIEWS)).views.map((x) => x.id)).toContain(v.id);
  });

  it('without saved edges, its subgraph shows every relationship among its nodes except CITES', async () => {
    const v = await save({ name: 'Xi and Putin', nodeIds: [XI, PUTIN, SCO] });
    const { view } = await api.data<{ view: View }>(VIEW, { id: v.id });
    const types = view.subgraph!.edges.map((e) => e.type);
    expect(types).toContain('ATTENDED');
    expect(types).toContain('MET_WITH');
    expect(types).not.toContain('CITES');
  });

  it('answers "which views include this actor" on the node', async () => {
    const v = await save({ name: 'Modi only', nodeIds: [MODI] });
    const { node } = await api.data<{ node: { savedViews: { id: string }[] } }>(SAVED_VIEWS_OF, { id: MODI });
    expect(node.savedViews.map((s) => s.id)).toContain(v.id);
  });

  it('updates with the current version (+1) and moves the INCLUDES links', async () => {
    const v = await save({ name: 'Before', nodeIds: [XI, MODI] });
    const { updateView } = await api.data<{ updateView: View }>(UPDATE, {
      id: v.id,
      v: 1,
      input: { name: 'After', nodeIds: [XI, PUTIN] },
    });
    expect(updateView).toMatchObject({ id: v.id, name: 'After', version: 2, nodeIds: [XI, PUTIN] });
    expect(updateView.createdAt).toBe(v.createdAt);
    expect(Date.parse(updateView.updatedAt)).toBeGreaterThanOrEqual(Date.parse(v.updatedAt));
    const ofModi = await api.data<{ node: { savedViews: { id: string }[] } }>(SAVED_VIEWS_OF, { id: MODI });
    expect(ofModi.node.savedViews.map((s) => s.id)).not.toContain(v.id);
    const ofPutin = await api.data<{ node: { savedViews: { id: string }[] } }>(SAVED_VIEWS_OF, { id: PUTIN });
    expect(ofPutin.node.savedViews.map((s) => s.id)).toContain(v.id);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const v = await save({ name: 'Original', nodeIds: [XI] });
    await api.data(UPDATE, { id: v.id, v: 1, input: { name: 'Second', nodeIds: [XI] } });
    const stale = await api.run(UPDATE, { id: v.id, v: 1, input: { name: 'Lost', nodeIds: [PUTIN] } });
    expect(codes(stale)).toEqual(['CONFLICT']);
    const { view } = await api.data<{ view: View }>(VIEW, { id: v.id });
    expect(view).toMatchObject({ name: 'Second', version: 2, nodeIds: [XI] });
  });

  it('lets exactly one of two concurrent updates from the same version win', async () => {
    const v = await save({ name: 'Race', nodeIds: [XI] });
    const results = await Promise.all(
      ['A', 'B', 'C'].map((who) =>
        api.run(UPDATE, { id: v.id, v: 1, input: { name: `Winner ${who}`, nodeIds: [XI] } }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map(codes)).toEqual([['CONFLICT'], ['CONFLICT']]);
    const won = (winners[0] as Result<{ updateView: View }>).data!.updateView;
    const { view } = await api.data<{ view: View }>(VIEW, { id: v.id });
    expect(view).toMatchObject({ version: 2, name: won.name });
  });

  it('answers a race of deletes and updates on one view with one delete and the right codes', async () => {
    const v = await save({ name: 'Contested', nodeIds: [XI] });
    const deletes = Array.from({ length: 5 }, () => api.run(DELETE, { id: v.id }));
    const updates = Array.from({ length: 5 }, (_, i) =>
      api.run(UPDATE, { id: v.id, v: 1, input: { name: `Update ${i}`, nodeIds: [XI] } }),
    );
    const [deleted, updated] = [await Promise.all(deletes), await Promise.all(updates)];
    // Exactly one delete wins; the others find the view gone.
    expect(deleted.filter((r) => !r.errors)).toHaveLength(1);
    expect(deleted.filter((r) => r.errors).map(codes)).toEqual(Array(4).fill(['NOT_FOUND']));
    // An update wins only if it ran before the delete; the rest are refused as users would expect.
    for (const r of updated.filter((u) => u.errors)) {
      expect(['NOT_FOUND', 'CONFLICT']).toContain(codes(r)[0]);
      expect(JSON.stringify(r.errors)).not.toContain('NaN');
    }
    expect(updated.filter((r) => !r.errors).length).toBeLessThanOrEqual(1);
    expect((await api.data<{ view: View | null }>(VIEW, { id: v.id })).view).toBeNull();
  });

  it('validates the input with BAD_USER_INPUT, listing unknown ids', async () => {
    const bad = async (input: Record<string, unknown>) => api.run(SAVE, { input });
    expect(codes(await bad({ name: '   ', nodeIds: [XI] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await bad({ name: 'x'.repeat(201), nodeIds: [XI] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await bad({ name: 'Empty', nodeIds: [] }))).toEqual(['BAD_USER_INPUT']);
    const tooMany = Array.from({ length: 5001 }, (_, i) => `actor:a-${i}`);
    expect(codes(await bad({ name: 'Many', nodeIds: tooMany }))).toEqual(['BAD_USER_INPUT']);

    const unknown = await bad({ name: 'Ghosts', nodeIds: [XI, 'actor:ghost-one', 'actor:ghost-two'] });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.message).toContain('actor:ghost-one');
    expect(unknown.errors![0]!.message).toContain('actor:ghost-two');
    expect(unknown.errors![0]!.message).not.toContain(XI);

    const badEdge = await bad({
      name: 'Edge',
      nodeIds: [XI, PUTIN],
      edgeIds: ['rel:nothing-LIKES->nothing'],
    });
    expect(codes(badEdge)).toEqual(['BAD_USER_INPUT']);
    expect(badEdge.errors![0]!.message).toContain('rel:nothing-LIKES->nothing');

    const huge = { blob: 'x'.repeat(1_000_001) };
    expect(codes(await bad({ name: 'Huge', nodeIds: [XI], layout: huge }))).toEqual(['BAD_USER_INPUT']);
    // Nothing of the refused views was stored.
    const names = (await api.data<{ views: View[] }>(VIEWS)).views.map((x) => x.name);
    expect(names.some((n) => ['Ghosts', 'Edge', 'Huge', 'Empty', 'Many'].includes(n))).toBe(false);
  });

  it('keeps the evidence filter it was saved with, and refuses a grade outside the scale', async () => {
    const filter = {
      hiddenKinds: ['SOURCE'],
      hidden: [],
      timeWindow: null,
      statedOnly: true,
      minReliability: 'B',
    };
    const v = await save({ name: 'Stated, graded B', nodeIds: [XI, SCO], filter });
    expect(v.filter).toEqual(filter);
    const { view } = await api.data<{ view: View }>(VIEW, { id: v.id });
    expect(view.filter).toEqual(filter);
    // The view's subgraph stays whole: the explorer applies the filter on opening, and can widen it again.
    expect(view.subgraph!.nodes.map((n) => n.id)).toEqual([XI, SCO]);

    const bad = await api.run(SAVE, {
      input: { name: 'Graded G', nodeIds: [XI], filter: { ...filter, minReliability: 'G' } },
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.message).toMatch(/filter.minReliability must be one of A, B, C, D, E, F/);
    const notYesOrNo = await api.run(UPDATE, {
      id: v.id,
      v: 1,
      input: { name: 'Stated?', nodeIds: [XI], filter: { ...filter, statedOnly: 'yes' } },
    });
    expect(codes(notYesOrNo)).toEqual(['BAD_USER_INPUT']);
    // Nothing of the refused writes was stored.
    const after = await api.data<{ view: View }>(VIEW, { id: v.id });
    expect(after.view).toMatchObject({ name: 'Stated, graded B', version: 1, filter });
    const names = (await api.data<{ views: View[] }>(VIEWS)).views.map((x) => x.name);
    expect(names).not.toContain('Graded G');
  });

  it('refuses an update with unknown ids and leaves the view as it was', async () => {
    const v = await save({ name: 'Keep', nodeIds: [XI] });
    const result = await api.run(UPDATE, {
      id: v.id,
      v: 1,
      input: { name: 'Broken', nodeIds: ['actor:ghost'] },
    });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    const { view } = await api.data<{ view: View }>(VIEW, { id: v.id });
    expect(view).toMatchObject({ name: 'Keep', version: 1, nodeIds: [XI] });
  });

  it('deletes a view, and answers NOT_FOUND for views that do not exist', async () => {
    const v = await save({ name: 'Short-lived', nodeIds: [XI] });
    expect((await api.data<{ deleteView: boolean }>(DELETE, { id: v.id })).deleteView).toBe(true);
    expect((await api.data<{ view: View | null }>(VIEW, { id: v.id })).view).toBeNull();
    expect(codes(await api.run(DELETE, { id: v.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.run(UPDATE, { id: v.id, v: 1, input: { name: 'x', nodeIds: [XI] } }))).toEqual([
      'NOT_FOUND',
    ]);
    const { node } = await api.data<{ node: { savedViews: { id: string }[] } }>(SAVED_VIEWS_OF, { id: XI });
    expect(node.savedViews.map((s) => s.id)).not.toContain(v.id);
  });

  it('answers BAD_USER_INPUT for malformed ids and versions', async () => {
    expect(codes(await api.run(VIEW, { id: 'no id' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(UPDATE, { id: 'view:x', v: 0, input: { name: 'x', nodeIds: [XI] } }))).toEqual(
      ['BAD_USER_INPUT'],
    );
  });
});

describe('lists of views at the documented maximum (layouts of 1 MB)', () => {
  const COUNT = 30;
  // A layout of just under VIEW_LAYOUT_MAX_BYTES as JSON, different in every view.
  const layoutOf = (i: number) => ({ note: `${i}:`.padEnd(VIEW_LAYOUT_MAX_BYTES - 100, 'x'), zoom: i });
  const saved: View[] = [];

  beforeAll(async () => {
    const ids = (await api.data<{ nodes: { id: string }[] }>('{ nodes(limit: 200) { id } }')).nodes.map(
      (n) => n.id,
    );
    for (let i = 0; i < COUNT; i++) {
      saved.push(await save({ name: `Big ${i}`, nodeIds: ids.slice(i, i + 100), layout: layoutOf(i) }));
    }
  }, 120_000);
  afterAll(async () => {
    for (const v of saved) await api.run(DELETE, { id: v.id });
  });

  it('list each view without its content, and give the content field by field when asked', async () => {
    const listed = await views(api.db, VIEWS_LIMIT_MAX);
    for (const v of listed) expect(Object.keys(v).sort()).not.toContain('layout');
    const big = listed.filter((v) => v.name.startsWith('Big '));
    expect(big.map((v) => v.nodeCount)).toEqual(big.map(() => 100));

    const { views: withIds } = await api.data<{
      views: { id: string; nodeCount: number; nodeIds: string[] }[];
    }>('{ views(limit: 50) { id nodeCount nodeIds } }');
    for (const v of withIds) expect(v.nodeIds.length).toBe(v.nodeCount);

    const { views: withLayouts } = await api.data<{ views: { name: string; layout: unknown }[] }>(
      '{ views(limit: 20) { name layout } }',
    );
    for (const v of withLayouts.filter((w) => w.name.startsWith('Big '))) {
      expect(v.layout).toEqual(layoutOf(Number(v.name.slice(4))));
    }
  });

  it('refuse a request for more content than the limits allow, however it is arranged', async () => {
    const tooMuch = [
      '{ views(limit: 200) { id layout } }',
      `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: views(limit: 10) { layout }`).join(' ')} }`,
      `{ nodes(limit: 100) { savedViews { layout edgeIds } } }`,
    ];
    for (const query of tooMuch) expect(codes(await api.run(query)), query).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('answer fifteen aliased lists of every node’s views with summaries', async () => {
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `a${i}: nodes(limit: 400) { savedViews { id name } }`,
    );
    const result = await api.run(`{ ${aliases.join(' ')} }`);
    expect(codes(result)).toEqual([]);
    const first = (result.data as Record<string, { savedViews: { name: string }[] }[]>).a0!;
    const names = new Set(first.flatMap((n) => n.savedViews.map((v) => v.name)));
    for (const v of saved) expect(names).toContain(v.name);
  });
});
