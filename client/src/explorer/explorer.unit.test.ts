import { describe, expect, it } from 'vitest';
import { undoLabel } from './edits.ts';
import { visibleElements } from './projection.ts';
import { reduce } from './reduce.ts';
import type { ActionOf, ExplorerState } from './state.ts';
import {
  modi,
  modiAttended,
  myanmar,
  putin,
  putinAttended,
  quote,
  run,
  summit,
  xi,
  xiAttended,
  xiMyanmar,
} from '../../../test/support/client-fixtures.ts';

type Expanded = ActionOf<'expanded'>;
/** Expanding `id` answered with the first page (26) of its neighbourhood. */
const expanded = (id: string, nodes: Expanded['nodes'], edges: Expanded['edges'], truncated: boolean) =>
  ({ type: 'expanded', id, nodes, edges, limit: 26, truncated }) satisfies Expanded;
const opened = () =>
  run({ type: 'graphLoaded', nodes: [xi, putin, summit], edges: [xiAttended, putinAttended] });

describe('loading a graph', () => {
  it('replaces the working graph, clears selection and history, and asks for a full layout', () => {
    const before = run(
      { type: 'graphLoaded', nodes: [modi, xi], edges: [] },
      { type: 'selected', selection: { type: 'node', id: xi.id } },
      { type: 'nodesHidden', ids: [modi.id] },
    );
    const s = reduce(before, { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] });
    expect(Object.keys(s.graph.nodes).sort()).toEqual([xi.id, summit.id].sort());
    expect(s.hidden).toEqual([]);
    expect(s.selection).toEqual({ type: 'none' });
    expect(s.history).toEqual([]);
    expect(s.layout.epoch).toBe(before.layout.epoch + 1);
  });

  it('applies a saved view’s filters and preset positions', () => {
    const s = run({
      type: 'graphLoaded',
      nodes: [xi, summit],
      edges: [],
      preset: { positions: { [xi.id]: { x: 1, y: 2 } }, zoom: 2, pan: { x: 3, y: 4 } },
      filters: {
        hiddenKinds: ['STATEMENT'],
        timeWindow: { since: '2022-09-01', until: '2022-09-30' },
        hidden: [xi.id, 'actor:gone'],
      },
    });
    expect(s.hiddenKinds).toEqual(['STATEMENT']);
    expect(s.timeWindow).toEqual({ since: '2022-09-01', until: '2022-09-30' });
    expect(s.hidden).toEqual([xi.id]);
    expect(s.layout.preset?.zoom).toBe(2);
  });
});

describe('expanding', () => {
  it('adds the neighbours, records the page, and can be undone', () => {
    const s = reduce(opened(), expanded(summit.id, [summit, modi], [modiAttended], true));
    expect(s.graph.nodes[modi.id]).toBeDefined();
    expect(s.expansions[summit.id]).toEqual({ limit: 26, truncated: true });
    expect(undoLabel(s)).toBe('expand');
    const back = reduce(s, { type: 'undo' });
    expect(Object.keys(back.graph.nodes).sort()).toEqual([xi.id, putin.id, summit.id].sort());
    expect(back.graph.nodes[modi.id]).toBeUndefined();
    expect(back.history).toEqual([]);
  });

  it('brings hidden neighbours back into view', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, putin, summit], edges: [] },
      { type: 'nodesHidden', ids: [putin.id] },
      expanded(summit.id, [putin], [putinAttended], false),
    );
    expect(s.hidden).toEqual([]);
  });

  it('does not keep a step in history when nothing changed', () => {
    const s = reduce(opened(), expanded(xi.id, [xi, summit], [xiAttended], false));
    expect(s.history).toEqual([]);
  });
});

describe('hiding, removing and undoing', () => {
  it('hides a node and clears its selection; show hidden brings it back', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, putin], edges: [] },
      { type: 'selected', selection: { type: 'node', id: xi.id } },
      { type: 'nodesHidden', ids: [xi.id] },
    );
    expect(s.hidden).toEqual([xi.id]);
    expect(s.selection).toEqual({ type: 'none' });
    expect(reduce(s, { type: 'hiddenShown' }).hidden).toEqual([]);
  });

  it('undoes a hide: the node and its relationships are drawn again, and show hidden is undone too', () => {
    const hidden = reduce(opened(), { type: 'nodesHidden', ids: [xi.id] });
    expect(visibleElements(hidden)).toEqual({ nodeIds: [putin.id, summit.id], edgeIds: [putinAttended.id] });
    expect(undoLabel(hidden)).toBe('hide');
    const back = reduce(hidden, { type: 'undo' });
    expect(visibleElements(back)).toEqual(visibleElements(opened()));
    expect(undoLabel(back)).toBeNull();
    const shown = reduce(hidden, { type: 'hiddenShown' });
    expect(visibleElements(shown)).toEqual(visibleElements(opened()));
    expect(visibleElements(reduce(shown, { type: 'undo' }))).toEqual(visibleElements(hidden));
  });

  it('removes a node (its relationships stop being drawable) and drops a path through it', () => {
    let s = opened();
    s = reduce(s, {
      type: 'pathShown',
      path: { nodes: [xi, summit], edges: [xiAttended], length: 1, explanation: '', citations: [] },
    });
    s = reduce(s, { type: 'selected', selection: { type: 'edge', id: xiAttended.id } });
    s = reduce(s, { type: 'nodesRemoved', ids: [xi.id] });
    expect(s.graph.nodes[xi.id]).toBeUndefined();
    expect(s.path).toBeNull();
    expect(s.selection).toEqual({ type: 'none' });
    const back = reduce(s, { type: 'undo' });
    expect(back.graph.nodes[xi.id]).toBe(xi);
  });

  it('hides only what is drawn and not yet hidden, and keeps a selection elsewhere', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, putin, summit], edges: [xiAttended, putinAttended] },
      { type: 'selected', selection: { type: 'node', id: putin.id } },
      { type: 'nodesHidden', ids: [xi.id, 'actor:not-on-the-graph'] },
    );
    expect(s.hidden).toEqual([xi.id]);
    expect(s.selection).toEqual({ type: 'node', id: putin.id });
    expect(reduce(s, { type: 'nodesHidden', ids: [xi.id, 'actor:not-on-the-graph'] })).toBe(s);
    const edgeSelected = reduce(s, { type: 'selected', selection: { type: 'edge', id: putinAttended.id } });
    expect(reduce(edgeSelected, { type: 'nodesHidden', ids: [summit.id] }).selection).toEqual({
      type: 'edge',
      id: putinAttended.id,
    });
    expect(reduce(s, { type: 'nodesRemoved', ids: [summit.id] }).hidden).toEqual([xi.id]);
    expect(reduce(s, { type: 'nodesRemoved', ids: ['actor:not-on-the-graph'] })).toBe(s);
    const removed = reduce(s, { type: 'nodesRemoved', ids: [xi.id] });
    expect(removed.hidden).toEqual([]);
    expect(removed.selection).toEqual({ type: 'node', id: putin.id });
    expect(undoLabel(removed)).toBe('remove');
    const edgeKept = run(
      { type: 'graphLoaded', nodes: [xi, putin, summit], edges: [xiAttended, putinAttended] },
      { type: 'selected', selection: { type: 'edge', id: putinAttended.id } },
      { type: 'nodesRemoved', ids: [xi.id] },
    );
    expect(edgeKept.selection).toEqual({ type: 'edge', id: putinAttended.id });
    expect(reduce(edgeKept, { type: 'nodesRemoved', ids: [putin.id] }).selection).toEqual({ type: 'none' });
    expect(undoLabel(reduce(s, { type: 'hiddenShown' }))).toBe('show hidden');
  });

  it('keeps a path shown through undo while its nodes are still there, and drops it when they are not', () => {
    const path = { nodes: [xi, summit], edges: [xiAttended], length: 1, explanation: '', citations: [] };
    const s = run(
      { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] },
      { type: 'nodeAdded', nodes: [putin], edges: [putinAttended] },
      { type: 'pathShown', path },
    );
    expect(reduce(s, { type: 'undo' }).path).toEqual({
      nodeIds: [xi.id, summit.id],
      edgeIds: [xiAttended.id],
    });
    expect(reduce(s, { type: 'nodesRemoved', ids: [putin.id] }).path).toEqual({
      nodeIds: [xi.id, summit.id],
      edgeIds: [xiAttended.id],
    });
    const t = run(
      { type: 'graphLoaded', nodes: [xi], edges: [] },
      { type: 'nodeAdded', nodes: [summit], edges: [xiAttended] },
      { type: 'pathShown', path },
      { type: 'selected', selection: { type: 'edge', id: xiAttended.id } },
    );
    const back = reduce(t, { type: 'undo' });
    expect(back.path).toBeNull();
    expect(back.selection).toEqual({ type: 'none' });
  });

  it('undo with an empty history changes nothing', () => {
    const s = opened();
    expect(reduce(s, { type: 'undo' })).toBe(s);
  });

  it('keeps at most 50 steps', () => {
    let s: ExplorerState = opened();
    for (let i = 0; i < 60; i++)
      s = reduce(reduce(s, { type: 'nodesHidden', ids: [xi.id] }), { type: 'hiddenShown' });
    expect(s.history.length).toBe(50);
  });
});

describe('choosing a node found by search', () => {
  it('adds it, selects it and asks to centre on it', () => {
    const s = reduce(opened(), { type: 'nodeAdded', nodes: [modi], edges: [modiAttended], focus: modi.id });
    expect(s.graph.nodes[modi.id]).toBe(modi);
    expect(s.selection).toEqual({ type: 'node', id: modi.id });
    expect(s.focus).toEqual({ id: modi.id, seq: 1 });
  });

  it('shows its kind and widens the time window when they hid it', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, myanmar], edges: [xiMyanmar] },
      { type: 'kindToggled', kind: 'STATEMENT' },
      { type: 'timeWindowSet', window: { since: '2022-09-01', until: '2022-09-30' } },
      { type: 'nodeAdded', nodes: [quote], edges: [], focus: quote.id },
    );
    expect(s.hiddenKinds).toEqual(['SOURCE']);
    expect(s.timeWindow).toEqual({ since: '2022-09-01', until: '2022-09-30' });
    const t = reduce(s, { type: 'nodeAdded', nodes: [], edges: [], focus: myanmar.id });
    expect(t.timeWindow).toBeNull();
  });

  it('clears the emphasis when another node is selected', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [xi, putin], edges: [] },
      { type: 'nodeAdded', nodes: [], edges: [], focus: xi.id },
      { type: 'selected', selection: { type: 'node', id: putin.id } },
    );
    expect(s.focus).toBeNull();
  });
});

describe('selection and filters', () => {
  it('ignores a selection of something not on the graph', () => {
    expect(
      reduce(opened(), { type: 'selected', selection: { type: 'node', id: 'actor:nobody' } }).selection,
    ).toEqual({ type: 'none' });
  });

  it('starts with sources unticked, as none is drawn, and ticks them when one is brought onto the canvas', () => {
    expect(opened().hiddenKinds).toEqual(['SOURCE']);
    const memo = { ...xi, id: 'source:no-limits-memo', kind: 'SOURCE' as const, label: 'memo' };
    const s = reduce(opened(), { type: 'nodeAdded', nodes: [memo], edges: [], focus: memo.id });
    expect(s.hiddenKinds).toEqual([]);
  });

  it('toggles kinds', () => {
    const s = reduce(opened(), { type: 'kindToggled', kind: 'MEETING' });
    expect(s.hiddenKinds).toEqual(['SOURCE', 'MEETING']);
    expect(reduce(s, { type: 'kindToggled', kind: 'MEETING' }).hiddenKinds).toEqual(['SOURCE']);
    const two = reduce(s, { type: 'kindToggled', kind: 'ACTOR' });
    expect(reduce(two, { type: 'kindToggled', kind: 'MEETING' }).hiddenKinds).toEqual(['SOURCE', 'ACTOR']);
    expect(reduce(two, { type: 'kindsSet', hiddenKinds: ['STATEMENT'] }).hiddenKinds).toEqual(['STATEMENT']);
    expect(reduce(opened(), { type: 'layoutChosen', name: 'timeline' }).layout.epoch).toBe(
      opened().layout.epoch + 1,
    );
  });

  it('lays the timeline out again when a filter changes, but not the force layout', () => {
    const force = reduce(opened(), {
      type: 'timeWindowSet',
      window: { since: '2022-09-01', until: '2022-09-30' },
    });
    expect(force.layout.epoch).toBe(opened().layout.epoch);
    const timeline = reduce(opened(), { type: 'layoutChosen', name: 'timeline' });
    const narrowed = reduce(timeline, {
      type: 'timeWindowSet',
      window: { since: '2022-09-01', until: '2022-09-30' },
    });
    expect(narrowed.layout).toEqual({ name: 'timeline', epoch: timeline.layout.epoch + 1 });
  });
});

describe('choosing a layout', () => {
  it('lays the whole graph out again each time one is chosen, the same one too', () => {
    const s = opened();
    const concentric = reduce(s, { type: 'layoutChosen', name: 'concentric' });
    expect(concentric.layout).toEqual({ name: 'concentric', epoch: s.layout.epoch + 1 });
    const again = reduce(concentric, { type: 'layoutChosen', name: 'concentric' });
    expect(again.layout).toEqual({ name: 'concentric', epoch: s.layout.epoch + 2 });
    expect(reduce(again, { type: 'layoutChosen', name: 'hierarchical' }).layout.name).toBe('hierarchical');
  });
});
