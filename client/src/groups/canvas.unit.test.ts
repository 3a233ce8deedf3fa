// Groups drawn on a headless Cytoscape: the working graph drawn by graph/sync.ts, the groups over it, collapsed
// and expanded again; syncing the graph again leaves the groups alone.
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import * as fx from '../../../test/support/client-fixtures.ts';
import { syncCanvas } from '../graph/sync.ts';
import { groupId, groupProjection, type GroupsState } from './groups.ts';

const china = groupId('country', 'China');
const xi = fx.node('actor:xi-jinping', 'ACTOR', { properties: { country: 'China' } });
const li = fx.node('actor:li-zhanshu', 'ACTOR', { properties: { country: 'China' } });
const putin = fx.node('actor:vladimir-putin', 'ACTOR', { properties: { country: 'Russia' } });
const edges = [
  fx.edge(xi.id, 'MET_WITH', putin.id),
  fx.edge(li.id, 'MET_WITH', putin.id),
  fx.edge(xi.id, 'MET_WITH', li.id),
];
// Positions as a saved view gives them, so no layout runs.
const state = fx.run({
  type: 'graphLoaded',
  nodes: [xi, li, putin],
  edges,
  preset: {
    positions: { [xi.id]: { x: 0, y: 0 }, [li.id]: { x: 100, y: 0 }, [putin.id]: { x: 50, y: 300 } },
  },
});

/** The canvas after drawing the graph with `groups`. */
function draw(cy: Core, groups: GroupsState, epochChanged = false): void {
  syncCanvas(cy, state, new Map(), epochChanged, groupProjection(state, groups, null));
}

describe('groups on the canvas', () => {
  it('draws an expanded group around its members, a collapsed one in their middle with a merged line', () => {
    const cy = cytoscape({ headless: true });
    draw(cy, { by: 'country', collapsed: [] }, true);
    expect(
      cy
        .getElementById(china)
        .children()
        .map((n) => n.id())
        .sort(),
    ).toEqual([li.id, xi.id].sort());
    expect(cy.getElementById(china).data('label')).toBe('China (2)');
    expect(cy.getElementById(china).hasClass('expanded')).toBe(true);

    draw(cy, { by: 'country', collapsed: [china] });
    const group = cy.getElementById(china);
    expect(group.children().length).toBe(0);
    expect(group.hasClass('collapsed')).toBe(true);
    expect(group.position()).toEqual({ x: 50, y: 0 });
    // The members and their relationships are hidden; Putin's two meetings with China are one line of 2.
    for (const id of [xi.id, li.id, ...edges.map((e) => e.id)])
      expect(cy.getElementById(id).hasClass('filtered')).toBe(true);
    const merged = cy.edges('.group-edge');
    expect(merged.length).toBe(1);
    expect(merged.data()).toMatchObject({ source: putin.id, target: china, count: 2, caption: '2' });

    // Drawn again (another state change): the groups stay as they are.
    draw(cy, { by: 'country', collapsed: [china] });
    expect(cy.getElementById(china).nonempty()).toBe(true);
    expect(cy.edges('.group-edge').length).toBe(1);

    // Moved while collapsed, then expanded: the members come back around where the group now is.
    cy.getElementById(china).position({ x: 250, y: 100 });
    draw(cy, { by: 'country', collapsed: [] });
    expect(cy.getElementById(xi.id).position()).toEqual({ x: 200, y: 100 });
    expect(cy.getElementById(li.id).position()).toEqual({ x: 300, y: 100 });
    expect(cy.getElementById(xi.id).hasClass('filtered')).toBe(false);
    expect(cy.edges('.group-edge').length).toBe(0);
  });

  it('ungrouped: the group nodes go and their members stay, outside any group', () => {
    const cy = cytoscape({ headless: true });
    draw(cy, { by: 'country', collapsed: [] }, true);
    draw(cy, { by: null, collapsed: [] });
    expect(
      cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    ).toEqual([xi.id, li.id, putin.id].sort());
    expect(cy.nodes(':child').length).toBe(0);
  });
});
