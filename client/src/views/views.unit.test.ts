import { describe, expect, it, vi } from 'vitest';
import type { Source } from '../api/types.ts';
import { visibleElements } from '../explorer/projection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { createStore } from '../shared/store.ts';
import {
  edge,
  modi,
  modiAttended,
  node,
  putin,
  run,
  savedView as view,
  summit,
  xi,
  xiAttended,
} from '../../../test/support/client-fixtures.ts';
import * as views from './views.ts';

describe('saving a view', () => {
  it('stores every node, the drawable relationships, positions, viewport, layout and filters', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, modi, summit], edges: [xiAttended, modiAttended] },
      { type: 'kindToggled', kind: 'STATEMENT' },
      { type: 'nodesHidden', ids: [modi.id] },
    );
    const input = views.viewInput(
      s,
      {
        positions: { [xi.id]: { x: 1, y: 2 }, [modi.id]: { x: 3, y: 4 }, 'actor:stale': { x: 0, y: 0 } },
        zoom: 1.5,
        pan: { x: 10, y: 20 },
      },
      { name: '  Samarkand  ', description: '' },
    );
    expect(input.name).toBe('Samarkand');
    expect(input.description).toBeNull();
    expect(input.nodeIds.sort()).toEqual([xi.id, modi.id, summit.id].sort());
    expect(input.edgeIds?.sort()).toEqual([xiAttended.id, modiAttended.id].sort());
    expect(input.layout).toEqual({
      positions: { [xi.id]: { x: 1, y: 2 }, [modi.id]: { x: 3, y: 4 } },
      zoom: 1.5,
      pan: { x: 10, y: 20 },
      name: 'force',
    });
    expect(input.filter).toEqual({
      hiddenKinds: ['SOURCE', 'STATEMENT'],
      hidden: [modi.id],
      timeWindow: null,
      statedOnly: false,
      minReliability: null,
    });
  });

  it('stores the evidence filter: only what the sources state, and the minimum source grade', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] },
      {
        type: 'evidenceSet',
        evidence: { statedOnly: true, minReliability: 'B', gradedSources: ['source:a'] },
      },
    );
    const input = views.viewInput(s, { positions: {} }, { name: 'Stated', description: '' });
    expect(input.filter).toMatchObject({ statedOnly: true, minReliability: 'B' });
    // The graded sources are the server's answer for the grade, asked again on opening: not stored.
    expect(input.filter).not.toHaveProperty('gradedSources');
  });
});

describe('opening a view', () => {
  it('restores positions, viewport, layout and filters exactly', () => {
    const positions = { [xi.id]: { x: 1, y: 2 }, [putin.id]: { x: 3, y: 4 }, [summit.id]: { x: 5, y: 6 } };
    const action = views.openViewAction(
      view(
        { positions, zoom: 0.8, pan: { x: 7, y: 8 }, name: 'timeline' },
        {
          hiddenKinds: ['FIGURE'],
          hidden: [putin.id],
          timeWindow: { since: '2022-09-01', until: '2022-09-30' },
        },
      ),
    );
    expect(action.preset).toEqual({ positions, zoom: 0.8, pan: { x: 7, y: 8 } });
    expect(action.layoutName).toBe('timeline');
    expect(action.edges.map((e) => e.id)).toEqual([xiAttended.id]);
    const s = run(action);
    expect(s.hiddenKinds).toEqual(['FIGURE']);
    expect(s.hidden).toEqual([putin.id]);
    expect(s.timeWindow).toEqual({ since: '2022-09-01', until: '2022-09-30' });
  });

  it('lays out nodes it has no position for, and then does not impose the stored viewport', () => {
    const action = views.openViewAction(
      view({ positions: { [xi.id]: { x: 1, y: 2 } }, zoom: 3, pan: { x: 0, y: 0 } }, null),
    );
    expect(action.preset).toEqual({
      positions: { [xi.id]: { x: 1, y: 2 } },
      zoom: undefined,
      pan: undefined,
    });
  });

  it('survives a malformed stored layout or filter', () => {
    expect(views.parseLayout({ positions: { a: { x: 'left' } } })).toEqual({ positions: {} });
    expect(views.parseLayout(null)).toEqual({ positions: {} });
    expect(views.parseFilter({ hiddenKinds: ['NOT_A_KIND'] })).toEqual({});
    expect(views.parseFilter({ minReliability: 'G' })).toEqual({});
    expect(views.viewEvidence({ filter: { statedOnly: 'yes' } })).toEqual({
      statedOnly: false,
      minReliability: null,
    });
    const action = views.openViewAction(view('garbage', 42));
    expect(action.preset).toBeUndefined();
    expect(action.filters).toEqual({ hiddenKinds: [], timeWindow: null, hidden: [] });
  });
});

describe('a view’s layout and pins', () => {
  it('stores the layout chosen and the pinned nodes still on the graph, and opening restores both', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, putin, summit], edges: [xiAttended] },
      { type: 'layoutChosen', name: 'concentric' },
      { type: 'nodesPinned', ids: [summit.id, xi.id] },
    );
    const input = views.viewInput(s, { positions: {} }, { name: 'Pinned', description: '' });
    expect(input.layout).toMatchObject({ name: 'concentric', pinned: [summit.id, xi.id] });

    const opened = run(views.openViewAction(view(input.layout, input.filter)));
    expect(opened.layout.name).toBe('concentric');
    expect(opened.pinned).toEqual([summit.id, xi.id]);
  });

  it('stores how the style rules drew the nodes, and reads it back; a view without, or a wrong one, has none', () => {
    const s = run({ type: 'graphLoaded', nodes: [xi, summit], edges: [] });
    const meta = { name: 'Measured', description: '' };
    const rules = { sizeBy: 'measure:pagerank', colourBy: 'measure:community', captionBy: null } as const;
    const input = views.viewInput(s, { positions: {} }, meta, rules);
    expect(input.layout).toMatchObject({ style: rules });
    expect(views.viewStyle(view(input.layout, input.filter))).toEqual(rules);
    expect(views.viewInput(s, { positions: {} }, meta).layout).not.toHaveProperty('style');
    const none = { colourBy: null, sizeBy: null, captionBy: null };
    expect(views.viewStyle(view({ positions: {} }, null))).toEqual(none);
    expect(views.viewStyle(view({ positions: {}, analysis: { sizeBy: 'community' } }, null))).toEqual(none);
  });

  it('opens a view saved before style rules with the same look: its size by a measure and colour by community', () => {
    const old = { positions: {}, analysis: { sizeBy: 'pagerank', colourByCommunity: true } };
    expect(views.viewStyle(view(old, null))).toEqual({
      sizeBy: 'measure:pagerank',
      colourBy: 'measure:community',
      captionBy: null,
    });
  });

  it('stores no pins when none is pinned, and opens a view without them with none', () => {
    const s = run({ type: 'graphLoaded', nodes: [xi, summit], edges: [] });
    expect(views.viewInput(s, { positions: {} }, { name: 'x', description: '' }).layout).not.toHaveProperty(
      'pinned',
    );
    expect(views.openViewAction(view({ positions: {} }, null)).pinned).toEqual([]);
  });

  it('opens every layout by name, keeps only pins of the view’s nodes, and keeps the positions when a name or the pins are not understood', () => {
    for (const name of ['force', 'concentric', 'hierarchical', 'timeline'] as const)
      expect(views.openViewAction(view({ positions: {}, name }, null)).layoutName).toBe(name);
    expect(views.openViewAction(view({ positions: {}, pinned: [xi.id, modi.id] }, null)).pinned).toEqual([
      xi.id,
    ]);
    const positions = { [xi.id]: { x: 1, y: 2 } };
    const odd = views.openViewAction(view({ positions, name: 'spiral', pinned: 'all' }, null));
    expect(odd.preset?.positions).toEqual(positions);
    expect(odd.layoutName).toBe('force');
    expect(odd.pinned).toEqual([]);
  });
});

describe('opening a view with its evidence filter', () => {
  const source = (id: string): Source => ({
    id,
    title: id,
    url: null,
    publisher: null,
    date: null,
    footnote: null,
  });
  const wire = source('source:wire');
  const blog = source('source:blog');
  const attested = { ...xi, sources: [wire] };
  const rumoured = { ...putin, sources: [blog] };
  // An inferred meeting (basis as the loader stores it), cited by a well-graded source.
  const guessed = node('meeting:guessed', 'MEETING', { sources: [wire], properties: { basis: 'inferred' } });
  const attendedGuess = { ...edge(attested.id, 'ATTENDED', guessed.id), sources: [wire] };
  const metRumour = { ...edge(attested.id, 'MET_WITH', rumoured.id), sources: [blog] };
  const evidenceView = (filter: unknown) => ({
    ...view({ positions: {} }, filter),
    nodeIds: [attested.id, rumoured.id, guessed.id],
    edgeIds: [],
    subgraph: { nodes: [attested, rumoured, guessed], edges: [attendedGuess, metRumour], truncated: false },
  });

  it('restores "only what the sources state" and the minimum grade, and the canvas applies them', async () => {
    const explorer = createStore<ExplorerState>(run());
    const api = { gradedSources: vi.fn().mockResolvedValue([wire.id]) };
    await views.openSavedView(
      { explorer, api },
      evidenceView({ hiddenKinds: [], statedOnly: true, minReliability: 'B' }),
    );
    expect(api.gradedSources).toHaveBeenCalledWith('B');
    const s = explorer.get();
    expect(s.evidence).toEqual({ statedOnly: true, minReliability: 'B', gradedSources: [wire.id] });
    expect(Object.keys(s.graph.nodes).sort()).toEqual([attested.id, guessed.id, rumoured.id].sort());
    // The inferred meeting and what rests only on the poorly graded source are in the graph but not drawn.
    expect(visibleElements(s)).toEqual({ nodeIds: [attested.id], edgeIds: [] });
  });

  it('opens a view saved without them with no evidence filter, replacing the one in use', async () => {
    const filtered = run({
      type: 'evidenceSet',
      evidence: { statedOnly: true, minReliability: 'A', gradedSources: [wire.id] },
    });
    const explorer = createStore<ExplorerState>(filtered);
    const api = { gradedSources: vi.fn() };
    await views.openSavedView({ explorer, api }, evidenceView({ hiddenKinds: [] }));
    expect(api.gradedSources).not.toHaveBeenCalled();
    expect(explorer.get().evidence).toEqual({ statedOnly: false, minReliability: null, gradedSources: [] });
    expect(visibleElements(explorer.get()).nodeIds).toHaveLength(3);
  });
});

describe('links', () => {
  it('a view has a link of its own', () => {
    expect(views.viewLink('http://127.0.0.1:4000', 'view:a b')).toBe(
      'http://127.0.0.1:4000/?view=view%3Aa%20b',
    );
    expect(views.viewIdFromSearch('?view=view%3Aa%20b')).toBe('view:a b');
    expect(views.viewIdFromSearch('')).toBeNull();
  });

  it('one helper builds the page address of a view, or of the memo’s graph', () => {
    expect(views.viewPath('view:a b')).toBe('/?view=view%3Aa%20b');
    expect(views.viewPath(null)).toBe('/');
    expect(views.viewIdFromSearch(new URL(views.viewPath('view:1'), 'http://127.0.0.1:4000').search)).toBe(
      'view:1',
    );
  });
});
