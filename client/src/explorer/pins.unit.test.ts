// Pinning (issue 13 item 6): pinned nodes stay where they are when the graph is laid out again; the state holds
// their ids, the canvas marks them (class `pinned`), and a saved view brings its own pins.
import { describe, expect, it } from 'vitest';
import { elementClasses } from './projection.ts';
import { reduce } from './reduce.ts';
import {
  modi,
  modiAttended,
  putin,
  putinAttended,
  run,
  summit,
  xi,
  xiAttended,
} from '../../../test/support/client-fixtures.ts';

const opened = () =>
  run({ type: 'graphLoaded', nodes: [xi, putin, summit], edges: [xiAttended, putinAttended] });

describe('pinning', () => {
  it('pins nodes of the graph once each, in the order pinned, and ignores nodes it does not hold', () => {
    const s = reduce(opened(), { type: 'nodesPinned', ids: [summit.id, xi.id, summit.id, 'actor:gone'] });
    expect(s.pinned).toEqual([summit.id, xi.id]);
    expect(reduce(s, { type: 'nodesPinned', ids: [xi.id] })).toBe(s);
  });

  it('unpins, and leaves the state as it is when nothing was pinned', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, putin, summit], edges: [] },
      { type: 'nodesPinned', ids: [xi.id, putin.id] },
      { type: 'nodesUnpinned', ids: [xi.id] },
    );
    expect(s.pinned).toEqual([putin.id]);
    expect(reduce(s, { type: 'nodesUnpinned', ids: [summit.id] })).toBe(s);
  });

  it('is not a step undo reverts, and does not lay the graph out again', () => {
    const before = opened();
    const s = reduce(before, { type: 'nodesPinned', ids: [xi.id] });
    expect(s.history).toBe(before.history);
    expect(s.layout).toBe(before.layout);
  });

  it('marks pinned nodes with the class `pinned`, relationships never', () => {
    const classes = elementClasses(reduce(opened(), { type: 'nodesPinned', ids: [xi.id] }));
    expect(classes.get(xi.id)!.split(' ')).toContain('pinned');
    expect(classes.get(putin.id)!.split(' ')).not.toContain('pinned');
    expect(classes.get(xiAttended.id)!.split(' ')).not.toContain('pinned');
  });

  it('drops the pin of a node removed from the graph, or taken away by undo', () => {
    const pinned = run(
      { type: 'graphLoaded', nodes: [xi, putin, summit], edges: [] },
      { type: 'nodesPinned', ids: [xi.id, putin.id] },
    );
    expect(reduce(pinned, { type: 'nodesRemoved', ids: [xi.id] }).pinned).toEqual([putin.id]);

    const expanded = run(
      { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] },
      { type: 'expanded', id: summit.id, nodes: [modi], edges: [modiAttended], limit: 26, truncated: false },
      { type: 'nodesPinned', ids: [modi.id, xi.id] },
      { type: 'undo' },
    );
    expect(expanded.pinned).toEqual([xi.id]);
  });

  it('starts every new graph with no pins, and a saved view’s graph with its own', () => {
    const s = reduce(opened(), { type: 'nodesPinned', ids: [xi.id] });
    expect(reduce(s, { type: 'graphLoaded', nodes: [xi, summit], edges: [] }).pinned).toEqual([]);
    const view = reduce(s, {
      type: 'graphLoaded',
      nodes: [xi, putin, summit],
      edges: [],
      layoutName: 'hierarchical',
      pinned: [summit.id, 'actor:gone', summit.id],
    });
    expect(view.pinned).toEqual([summit.id]);
    expect(view.layout.name).toBe('hierarchical');
  });

  it('keeps pins through a change of layout', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, putin, summit], edges: [] },
      { type: 'nodesPinned', ids: [xi.id] },
      { type: 'layoutChosen', name: 'concentric' },
      { type: 'layoutChosen', name: 'timeline' },
    );
    expect(s.pinned).toEqual([xi.id]);
    expect(s.layout.name).toBe('timeline');
  });
});
