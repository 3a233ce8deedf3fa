import { describe, expect, it } from 'vitest';
import type { Action } from './state.ts';
import * as fx from '../../../test/support/client-fixtures.ts';
import { addElements, edgesOf, emptyGraph, newNodeIds, removeNodes } from './graph.ts';
import { elementClasses, visibleCountsByKind, visibleElements } from './projection.ts';

/** The state after loading the sample graph (six nodes, four relationships), then `actions`. */
const loaded = (...actions: Action[]) =>
  fx.run(
    {
      type: 'graphLoaded',
      nodes: [fx.xi, fx.putin, fx.modi, fx.summit, fx.myanmar, fx.quote],
      edges: [fx.xiAttended, fx.putinAttended, fx.modiAttended, fx.xiMyanmar],
    },
    ...actions,
  );

describe('what is drawn', () => {
  it('everything, with no filter', () => {
    const { nodeIds, edgeIds } = visibleElements(loaded());
    expect(nodeIds.length).toBe(6);
    expect(edgeIds.length).toBe(4);
  });

  it('leaves out hidden kinds, hidden nodes and their relationships', () => {
    const s = loaded({ type: 'kindToggled', kind: 'MEETING' }, { type: 'nodesHidden', ids: [fx.quote.id] });
    const { nodeIds, edgeIds } = visibleElements(s);
    expect(nodeIds.sort()).toEqual([fx.xi.id, fx.putin.id, fx.modi.id].sort());
    expect(edgeIds).toEqual([]);
    expect(visibleCountsByKind(s)).toEqual({ ACTOR: 3 });
  });

  it('draws only the documents chosen: an owned claim by its document, a shared entity by any that names it', () => {
    const own = (doc: string) => ({ document: doc });
    const s = fx.run(
      {
        type: 'graphLoaded',
        nodes: [
          { ...fx.xi, properties: { documents: ['memo', 'brief'] } },
          { ...fx.summit, properties: { ...fx.summit.properties, documents: ['memo'] } },
          { ...fx.quote, properties: { ...fx.quote.properties, ...own('brief') } },
          fx.putin,
        ],
        edges: [{ ...fx.xiAttended, properties: { ...fx.xiAttended.properties, ...own('memo') } }],
      },
      { type: 'documentsShown', documents: ['brief'] },
    );
    const { nodeIds, edgeIds } = visibleElements(s);
    // Xi (named by both), the brief's quote and Putin (whose document the graph does not say) stay.
    expect(nodeIds.sort()).toEqual([fx.xi.id, fx.quote.id, fx.putin.id].sort());
    expect(edgeIds).toEqual([]);
    expect(elementClasses(s).get(fx.summit.id)).toContain('filtered');
    expect(visibleElements({ ...s, documents: null }).nodeIds).toHaveLength(4);
  });

  it('leaves out dated nodes and relationships outside the time window; undated nodes stay', () => {
    const s = loaded({ type: 'timeWindowSet', window: { since: '2022-01-01', until: '2022-12-31' } });
    const { nodeIds, edgeIds } = visibleElements(s);
    expect(nodeIds).not.toContain(fx.myanmar.id);
    expect(nodeIds).toContain(fx.xi.id);
    expect(edgeIds).not.toContain(fx.xiMyanmar.id);
    expect(elementClasses(s).get(fx.myanmar.id)).toContain('filtered');
  });
});

describe('the evidence filter', () => {
  const inferredMet = fx.edge(fx.putin.id, 'MET_WITH', fx.xi.id, { basis: 'inferred' });
  const withGuess = (...actions: Action[]) =>
    fx.run(
      {
        type: 'graphLoaded',
        nodes: [fx.xi, fx.putin, fx.summit],
        edges: [fx.xiAttended, fx.putinAttended, inferredMet],
      },
      ...actions,
    );
  const statedOnly: Action = {
    type: 'evidenceSet',
    evidence: { statedOnly: true, minReliability: null, gradedSources: [] },
  };

  it('hides a relationship it leaves out though both its ends are drawn', () => {
    const s = withGuess(statedOnly);
    const { nodeIds, edgeIds } = visibleElements(s);
    expect(nodeIds.sort()).toEqual([fx.xi.id, fx.putin.id, fx.summit.id].sort());
    expect(edgeIds.sort()).toEqual([fx.xiAttended.id, fx.putinAttended.id].sort());
    expect(elementClasses(s).get(inferredMet.id)).toBe('filtered');
  });

  it('applies none when none is given (the timeline’s date axis asks without it)', () => {
    const { graph, hidden, hiddenKinds, timeWindow } = withGuess(statedOnly, {
      type: 'nodesHidden',
      ids: [fx.summit.id],
    });
    expect(visibleElements({ graph, hidden, hiddenKinds, timeWindow })).toEqual({
      nodeIds: [fx.xi.id, fx.putin.id],
      edgeIds: [inferredMet.id],
    });
  });
});

describe('classes', () => {
  it('mark the selection and its neighbours', () => {
    const c = elementClasses(loaded({ type: 'selected', selection: { type: 'node', id: fx.summit.id } }));
    expect(c.get(fx.summit.id)).toContain('selected');
    expect(c.get(fx.xi.id)).toContain('neighbour');
    expect(c.get(fx.xiAttended.id)).toContain('neighbour');
    expect(c.get(fx.quote.id)).toBe('dimmed');
  });

  it('dim what is not the selected node, its neighbours or their relationships, and nothing without a selection', () => {
    const c = elementClasses(loaded({ type: 'selected', selection: { type: 'node', id: fx.summit.id } }));
    for (const id of [fx.summit.id, fx.xi.id, fx.putin.id, fx.modi.id, fx.xiAttended.id, fx.modiAttended.id])
      expect(c.get(id), id).not.toContain('dimmed');
    for (const id of [fx.myanmar.id, fx.quote.id, fx.xiMyanmar.id]) expect(c.get(id), id).toContain('dimmed');
    for (const value of elementClasses(loaded()).values()) expect(value).not.toContain('dimmed');
  });

  it('mark a highlighted path and fade the rest', () => {
    const s = loaded({
      type: 'pathShown',
      path: {
        nodes: [fx.modi, fx.summit, fx.xi],
        edges: [fx.modiAttended, fx.xiAttended],
        length: 2,
        explanation: '',
        citations: [],
      },
    });
    const c = elementClasses(s);
    expect(c.get(fx.modi.id)).toContain('on-path');
    expect(c.get(fx.xiAttended.id)).toContain('on-path');
    expect(c.get(fx.putin.id)).toContain('off-path');
    expect(c.get(fx.putinAttended.id)).toContain('off-path');
  });

  it('mark a node whose neighbours were cut off by paging', () => {
    const s = loaded({ type: 'expanded', id: fx.xi.id, nodes: [], edges: [], limit: 26, truncated: true });
    expect(elementClasses(s).get(fx.xi.id)).toContain('has-more');
  });

  it('mark hover separately from selection', () => {
    const c = elementClasses(loaded({ type: 'hovered', id: fx.putin.id }));
    expect(c.get(fx.putin.id)).toContain('hovered');
    expect(c.get(fx.summit.id)).toContain('neighbour');
  });
});

describe('every class at once', () => {
  const classes = (...actions: Action[]) => Object.fromEntries(elementClasses(loaded(...actions)));

  it('a selected node with no drawn relationship: it stays bright, everything else recedes', () => {
    expect(classes({ type: 'selected', selection: { type: 'node', id: fx.quote.id } })).toEqual({
      [fx.xi.id]: 'dimmed',
      [fx.putin.id]: 'dimmed',
      [fx.modi.id]: 'dimmed',
      [fx.summit.id]: 'dimmed',
      [fx.myanmar.id]: 'dimmed',
      [fx.quote.id]: 'selected',
      [fx.xiAttended.id]: 'dimmed',
      [fx.putinAttended.id]: 'dimmed',
      [fx.modiAttended.id]: 'dimmed',
      [fx.xiMyanmar.id]: 'dimmed',
    });
  });

  it('another node hovered while one is selected: its neighbours are marked but stay dimmed', () => {
    expect(
      classes(
        { type: 'selected', selection: { type: 'node', id: fx.summit.id } },
        { type: 'hovered', id: fx.myanmar.id },
      ),
    ).toEqual({
      [fx.xi.id]: 'neighbour',
      [fx.putin.id]: 'neighbour',
      [fx.modi.id]: 'neighbour',
      [fx.summit.id]: 'selected',
      [fx.myanmar.id]: 'hovered dimmed',
      [fx.quote.id]: 'dimmed',
      [fx.xiAttended.id]: 'neighbour',
      [fx.putinAttended.id]: 'neighbour',
      [fx.modiAttended.id]: 'neighbour',
      [fx.xiMyanmar.id]: 'neighbour dimmed',
    });
  });

  it('a selected relationship on the timeline, beside a hidden node', () => {
    expect(
      classes(
        { type: 'nodesHidden', ids: [fx.modi.id] },
        { type: 'layoutChosen', name: 'timeline' },
        { type: 'selected', selection: { type: 'edge', id: fx.xiAttended.id } },
      ),
    ).toEqual({
      [fx.xi.id]: '',
      [fx.putin.id]: '',
      [fx.modi.id]: 'filtered',
      [fx.summit.id]: '',
      [fx.myanmar.id]: '',
      [fx.quote.id]: '',
      [fx.xiAttended.id]: 'selected timeline',
      [fx.putinAttended.id]: 'timeline',
      [fx.modiAttended.id]: 'filtered timeline',
      [fx.xiMyanmar.id]: 'timeline',
    });
  });

  it('a node chosen in search: selected, emphasised, its drawn neighbours marked and not the hidden one, the rest dimmed', () => {
    expect(
      classes(
        { type: 'nodesHidden', ids: [fx.modi.id] },
        { type: 'nodeAdded', nodes: [], edges: [], focus: fx.summit.id },
      ),
    ).toEqual({
      [fx.xi.id]: 'neighbour',
      [fx.putin.id]: 'neighbour',
      [fx.modi.id]: 'filtered dimmed',
      [fx.summit.id]: 'selected focused',
      [fx.myanmar.id]: 'dimmed',
      [fx.quote.id]: 'dimmed',
      [fx.xiAttended.id]: 'neighbour',
      [fx.putinAttended.id]: 'neighbour',
      [fx.modiAttended.id]: 'filtered dimmed',
      [fx.xiMyanmar.id]: 'dimmed',
    });
  });
});

describe('the working graph', () => {
  const g = addElements(emptyGraph, { nodes: [fx.xi, fx.summit], edges: [fx.xiAttended, fx.putinAttended] });

  it('draws a relationship only while both its ends are there, and keeps it for when they come back', () => {
    expect(edgesOf(g, fx.summit.id)).toEqual([fx.xiAttended]);
    expect(edgesOf(g, fx.putin.id)).toEqual([]);
    const withPutin = addElements(g, { nodes: [fx.putin], edges: [] });
    expect(edgesOf(withPutin, fx.summit.id)).toEqual([fx.xiAttended, fx.putinAttended]);
    expect(edgesOf(withPutin, fx.xi.id)).toEqual([fx.xiAttended]);
    const withoutXi = removeNodes(withPutin, [fx.xi.id, 'actor:nobody']);
    expect(Object.keys(withoutXi.nodes)).toEqual([fx.summit.id, fx.putin.id]);
    expect(edgesOf(withoutXi, fx.summit.id)).toEqual([fx.putinAttended]);
    expect(edgesOf(addElements(withoutXi, { nodes: [fx.xi], edges: [] }), fx.xi.id)).toEqual([fx.xiAttended]);
    expect(removeNodes(g, ['actor:nobody'])).toBe(g);
  });

  it('adds only what is new, a newer copy of a node replacing the old', () => {
    expect(addElements(g, { nodes: [], edges: [] })).toBe(g);
    expect(addElements(g, { nodes: [], edges: [fx.modiAttended] }).edges[fx.modiAttended.id]).toBe(
      fx.modiAttended,
    );
    expect(newNodeIds(g, { nodes: [fx.xi, fx.putin, fx.modi] })).toEqual([fx.putin.id, fx.modi.id]);
    const renamed = { ...fx.xi, label: 'Xi' };
    expect(addElements(g, { nodes: [renamed], edges: [] }).nodes[fx.xi.id]).toBe(renamed);
  });
});
