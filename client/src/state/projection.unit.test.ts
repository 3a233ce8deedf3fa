import { describe, expect, it } from 'vitest';
import { initialState, reduce, type Action } from './explorer.ts';
import {
  modi,
  modiAttended,
  myanmar,
  putin,
  putinAttended,
  quote,
  summit,
  xi,
  xiAttended,
  xiMyanmar,
} from './fixtures.ts';
import { elementClasses, visibleCountsByKind, visibleElements } from './projection.ts';

const run = (...actions: Action[]) => actions.reduce(reduce, initialState);
const graph = (): Action => ({
  type: 'graphLoaded',
  nodes: [xi, putin, modi, summit, myanmar, quote],
  edges: [xiAttended, putinAttended, modiAttended, xiMyanmar],
});

describe('what is drawn', () => {
  it('everything, with no filter', () => {
    const { nodeIds, edgeIds } = visibleElements(run(graph()));
    expect(nodeIds.length).toBe(6);
    expect(edgeIds.length).toBe(4);
  });

  it('leaves out hidden kinds, hidden nodes and their relationships', () => {
    const s = run(
      graph(),
      { type: 'kindToggled', kind: 'MEETING' },
      { type: 'nodesHidden', ids: [quote.id] },
    );
    const { nodeIds, edgeIds } = visibleElements(s);
    expect(nodeIds.sort()).toEqual([xi.id, putin.id, modi.id].sort());
    expect(edgeIds).toEqual([]);
    expect(visibleCountsByKind(s)).toEqual({ ACTOR: 3 });
  });

  it('leaves out dated nodes and relationships outside the time window; undated nodes stay', () => {
    const s = run(graph(), { type: 'timeWindowSet', window: { since: '2022-01-01', until: '2022-12-31' } });
    const { nodeIds, edgeIds } = visibleElements(s);
    expect(nodeIds).not.toContain(myanmar.id);
    expect(nodeIds).toContain(xi.id);
    expect(edgeIds).not.toContain(xiMyanmar.id);
    expect(elementClasses(s).get(myanmar.id)).toContain('filtered');
  });
});

describe('classes', () => {
  it('mark the selection and its neighbours', () => {
    const c = elementClasses(run(graph(), { type: 'selected', selection: { type: 'node', id: summit.id } }));
    expect(c.get(summit.id)).toContain('selected');
    expect(c.get(xi.id)).toContain('neighbour');
    expect(c.get(xiAttended.id)).toContain('neighbour');
    expect(c.get(quote.id)).toBe('');
  });

  it('mark a highlighted path and fade the rest', () => {
    const s = run(graph(), {
      type: 'pathShown',
      path: { nodes: [modi, summit, xi], edges: [modiAttended, xiAttended], length: 2, explanation: '' },
    });
    const c = elementClasses(s);
    expect(c.get(modi.id)).toContain('on-path');
    expect(c.get(xiAttended.id)).toContain('on-path');
    expect(c.get(putin.id)).toContain('off-path');
    expect(c.get(putinAttended.id)).toContain('off-path');
  });

  it('mark a node whose neighbours were cut off by paging', () => {
    const s = run(graph(), { type: 'expanded', id: xi.id, nodes: [], edges: [], limit: 26, truncated: true });
    expect(elementClasses(s).get(xi.id)).toContain('has-more');
  });

  it('mark hover separately from selection', () => {
    const c = elementClasses(run(graph(), { type: 'hovered', id: putin.id }));
    expect(c.get(putin.id)).toContain('hovered');
    expect(c.get(summit.id)).toContain('neighbour');
  });
});
