import { describe, expect, it } from 'vitest';
import type { Path } from '../api/types.ts';
import { reduce } from '../explorer/reduce.ts';
import * as fx from '../../../test/support/client-fixtures.ts';
import * as paths from './paths.ts';

describe('the paths question', () => {
  it('keeps its two ends', () => {
    const ends = paths.endAt(
      paths.setEnd(paths.noEnds, 'from', { id: fx.modi.id, label: 'Narendra Modi' }),
      'to',
      fx.xi,
    );
    expect(ends).toEqual({
      from: { id: fx.modi.id, label: 'Narendra Modi' },
      to: { id: fx.xi.id, label: 'Xi Jinping' },
      asked: 0,
    });
    expect(paths.setEnd(ends, 'from', null).from).toBeNull();
  });

  it('is asked at once when both ends come together (search "Modi to Xi"), each time anew', () => {
    const once = paths.pathAsked(paths.noEnds, fx.modi, fx.xi);
    expect(once).toEqual({
      from: { id: fx.modi.id, label: 'Narendra Modi' },
      to: { id: fx.xi.id, label: 'Xi Jinping' },
      asked: 1,
    });
    expect(paths.pathAsked(once, fx.modi, fx.xi).asked).toBe(2);
    // Setting one end by hand asks nothing.
    expect(paths.setEnd(once, 'to', null).asked).toBe(1);
  });

  it('sends only the filters that are set', () => {
    const empty = paths.emptyPathForm;
    expect(paths.pathFilter(empty)).toEqual({});
    expect(paths.filterOn(empty)).toBe(false);
    const form = { ...empty, types: paths.toggleType([], 'MET_WITH'), since: '2022-09-01' };
    expect(paths.pathFilter(form)).toEqual({ relationshipTypes: ['MET_WITH'], since: '2022-09-01' });
    expect(paths.filterOn(form)).toBe(true);
    expect(paths.toggleType(['MET_WITH', 'SAID'], 'MET_WITH')).toEqual(['SAID']);
  });

  it('offers the relationship types the graph holds, citations excepted', () => {
    const stats = {
      nodeCount: 3,
      edgeCount: 3,
      countsByKind: {},
      countsByRelationshipType: { SAID: 1, CITES: 9, ATTENDED: 2 },
    };
    expect(paths.relationshipTypesOf(stats)).toEqual(['ATTENDED', 'SAID']);
    expect(paths.relationshipTypesOf(null)).toBeUndefined();
  });
});

const path: Path = {
  length: 2,
  explanation: 'Narendra Modi attended the SCO fx.summit, which Xi Jinping attended.',
  nodes: [fx.modi, fx.summit, fx.xi],
  edges: [fx.modiAttended, fx.xiAttended],
  citations: [],
};

describe('showing a path', () => {
  const opened = () =>
    fx.run({ type: 'graphLoaded', nodes: [fx.xi, fx.putin, fx.summit], edges: [fx.xiAttended, fx.metWith] });

  it('adds its missing nodes, brings hidden ones back, marks it, and can be undone', () => {
    let s = reduce(opened(), { type: 'nodesHidden', ids: [fx.xi.id] });
    s = paths.showPath(s, path);
    expect(s.graph.nodes[fx.modi.id]).toBe(fx.modi);
    expect(s.graph.edges[fx.modiAttended.id]).toBe(fx.modiAttended);
    expect(s.hidden).not.toContain(fx.xi.id);
    expect(s.path).toEqual({
      nodeIds: [fx.modi.id, fx.summit.id, fx.xi.id],
      edgeIds: [fx.modiAttended.id, fx.xiAttended.id],
    });
    const back = reduce(s, { type: 'undo' });
    expect(back.graph.nodes[fx.modi.id]).toBeUndefined();
  });

  it('keeps no history step when every node was there already, and null clears the mark', () => {
    const s = paths.showPath(opened(), { ...path, nodes: [fx.xi, fx.summit], edges: [fx.xiAttended] });
    expect(s.history).toHaveLength(opened().history.length);
    expect(paths.showPath(s, null).path).toBeNull();
  });
});

describe('a path shown, explained and cleared', () => {
  const opened = () =>
    fx.run(
      { type: 'graphLoaded', nodes: [fx.xi, fx.modi, fx.summit], edges: [fx.xiAttended, fx.modiAttended] },
      { type: 'selected', selection: { type: 'node', id: fx.xi.id } },
    );

  it('replaces the selection in the details panel with the path’s explanation and citations', () => {
    const s = reduce(opened(), { type: 'pathShown', path });
    expect(s.selection).toEqual({ type: 'none' });
    expect(s.pathInfo).toEqual({ length: 2, explanation: path.explanation, citations: [] });
  });

  it('is cleared with the selection by Escape or a click on empty canvas', () => {
    const s = reduce(reduce(opened(), { type: 'pathShown', path }), {
      type: 'selected',
      selection: { type: 'node', id: fx.modi.id },
    });
    const cleared = reduce(s, { type: 'cleared' });
    expect(cleared.path).toBeNull();
    expect(cleared.pathInfo).toBeNull();
    expect(cleared.selection).toEqual({ type: 'none' });
  });
});
