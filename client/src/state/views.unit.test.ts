import { describe, expect, it } from 'vitest';
import type { SavedView } from '../api/types.ts';
import { initialState, reduce, type Action } from './explorer.ts';
import { modi, modiAttended, putin, summit, xi, xiAttended } from './fixtures.ts';
import { openViewAction, parseFilter, parseLayout, viewIdFromSearch, viewInput, viewLink } from './views.ts';

const run = (...actions: Action[]) => actions.reduce(reduce, initialState);

describe('saving a view', () => {
  it('stores every node, the drawable relationships, positions, viewport, layout and filters', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, modi, summit], edges: [xiAttended, modiAttended] },
      { type: 'kindToggled', kind: 'STATEMENT' },
      { type: 'nodesHidden', ids: [modi.id] },
    );
    const input = viewInput(
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
    expect(input.filter).toEqual({ hiddenKinds: ['STATEMENT'], hidden: [modi.id], timeWindow: null });
  });
});

const view = (layout: unknown, filter: unknown): SavedView => ({
  id: 'view:1',
  name: 'Samarkand',
  description: null,
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  nodeIds: [xi.id, putin.id, summit.id],
  edgeIds: [xiAttended.id],
  layout,
  filter,
  subgraph: { nodes: [xi, putin, summit], edges: [xiAttended, modiAttended], truncated: false },
});

describe('opening a view', () => {
  it('restores positions, viewport, layout and filters exactly', () => {
    const positions = { [xi.id]: { x: 1, y: 2 }, [putin.id]: { x: 3, y: 4 }, [summit.id]: { x: 5, y: 6 } };
    const action = openViewAction(
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
    const s = reduce(initialState, action);
    expect(s.hiddenKinds).toEqual(['FIGURE']);
    expect(s.hidden).toEqual([putin.id]);
    expect(s.timeWindow).toEqual({ since: '2022-09-01', until: '2022-09-30' });
  });

  it('lays out nodes it has no position for, and then does not impose the stored viewport', () => {
    const action = openViewAction(
      view({ positions: { [xi.id]: { x: 1, y: 2 } }, zoom: 3, pan: { x: 0, y: 0 } }, null),
    );
    expect(action.preset).toEqual({
      positions: { [xi.id]: { x: 1, y: 2 } },
      zoom: undefined,
      pan: undefined,
    });
  });

  it('survives a malformed stored layout or filter', () => {
    expect(parseLayout({ positions: { a: { x: 'left' } } })).toEqual({ positions: {} });
    expect(parseLayout(null)).toEqual({ positions: {} });
    expect(parseFilter({ hiddenKinds: ['NOT_A_KIND'] })).toEqual({});
    const action = openViewAction(view('garbage', 42));
    expect(action.preset).toBeUndefined();
    expect(action.filters).toEqual({ hiddenKinds: [], timeWindow: null, hidden: [] });
  });
});

describe('links', () => {
  it('a view has a link of its own', () => {
    expect(viewLink('http://127.0.0.1:4000', 'view:a b')).toBe('http://127.0.0.1:4000/?view=view%3Aa%20b');
    expect(viewIdFromSearch('?view=view%3Aa%20b')).toBe('view:a b');
    expect(viewIdFromSearch('')).toBeNull();
  });
});
