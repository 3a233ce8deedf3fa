// The concentric and hierarchical layouts (issue 13 item 6), their pure parts and their runs on a headless
// Cytoscape: the same graph gives the same positions, no two node boxes overlap, and pinned nodes stay put in
// every layout, the force and date layouts included.
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import type { GraphEdge, GraphNode } from '../../api/types.ts';
import { addElements, emptyGraph, type GraphData } from '../../explorer/graph.ts';
import { LAYOUT_NAMES } from '../../explorer/state.ts';
import {
  edge,
  modi,
  modiAttended,
  myanmar,
  node,
  putin,
  putinAttended,
  summit,
  visit,
  xi,
  xiAttended,
  xiMyanmar,
} from '../../../../test/support/client-fixtures.ts';
import { nodeData } from '../project.ts';
import { stylesheet } from '../stylesheet.ts';
import { concentricRings, concentricValue, ringCapacity, ringSpacing } from './concentric.ts';
import { hierarchyRoots, rowLength, rowPositions } from './hierarchy.ts';
import { placeFree, separate } from './placement.ts';
import { LAYOUTS } from './registry.ts';

// The fits measure labels on a 2D canvas (labels.ts); with none, they estimate from the text's length.
vi.stubGlobal('document', { createElement: () => ({ getContext: () => null }) });

type Box = { id: string; x1: number; x2: number; y1: number; y2: number };
const overlapping = (boxes: Box[]) => {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(`${a.id} / ${b.id}`);
    }
  return out;
};

describe('concentric rings by degree', () => {
  const degrees: Record<string, number> = { a: 3, b: 9, c: 3, d: 1, e: 5, f: 3, g: 2, h: 2, i: 0 };
  const rings = concentricRings(Object.keys(degrees), (id) => degrees[id]!);

  it('puts the highest degree in the middle, then fills rings of 6, 12… by degree, ties by id', () => {
    expect(rings.get('b')).toEqual({ ring: 0, index: 0 });
    const ring1 = [...rings].filter(([, p]) => p.ring === 1).sort((x, y) => x[1].index - y[1].index);
    expect(ring1.map(([id]) => id)).toEqual(['e', 'a', 'c', 'f', 'g', 'h']);
    expect([...rings].filter(([, p]) => p.ring === 2).map(([id]) => id)).toEqual(['d', 'i']);
    expect([0, 1, 2, 3].map(ringCapacity)).toEqual([1, 6, 12, 18]);
  });

  it('does not depend on the order the nodes come in', () => {
    const reversed = concentricRings(Object.keys(degrees).reverse(), (id) => degrees[id]!);
    expect([...reversed].sort()).toEqual([...rings].sort());
  });

  it('gives Cytoscape values that keep rings apart and order each ring', () => {
    const v = (id: string) => concentricValue(rings.get(id)!, 3);
    expect(v('b')).toBeGreaterThan(v('e'));
    expect(v('e')).toBeGreaterThan(v('h'));
    expect(v('b') - v('e')).toBeGreaterThanOrEqual(1_000_000);
    expect(v('e') - v('h')).toBeLessThan(1_000_000);
    expect(v('h')).toBeGreaterThan(v('d'));
  });

  it('spaces nodes so that even diagonal neighbours’ boxes stay apart', () => {
    const s = 80;
    expect(s + ringSpacing(s)).toBeGreaterThanOrEqual(Math.SQRT2 * s);
  });
});

describe('the roots of the hierarchy', () => {
  const e = (source: string, target: string) => ({ source, target });

  it('are the nodes nothing points to, in id order', () => {
    expect(hierarchyRoots(['m', 'b', 'a', 's'], [e('b', 'm'), e('a', 'm'), e('m', 's')])).toEqual(['a', 'b']);
  });

  it('include a node on its own and ignore a relationship to itself', () => {
    expect(hierarchyRoots(['x', 'y', 'z'], [e('x', 'y'), e('z', 'z')])).toEqual(['x', 'z']);
  });

  it('take the best connected node (then the first by id) of a cycle nothing reaches', () => {
    // a → b, and a cycle c → d → e → c that a does not reach; d has the most relationships.
    const edges = [e('a', 'b'), e('c', 'd'), e('d', 'e'), e('e', 'c'), e('d', 'b')];
    expect(hierarchyRoots(['a', 'b', 'c', 'd', 'e'], edges)).toEqual(['a', 'd']);
    expect(hierarchyRoots(['p', 'q'], [e('p', 'q'), e('q', 'p')])).toEqual(['p']);
  });

  it('leave out relationships to nodes that are not drawn', () => {
    expect(hierarchyRoots(['a', 'b'], [e('gone', 'a'), e('a', 'b')])).toEqual(['a']);
  });
});

describe('rows of the hierarchy', () => {
  const spacing = { column: 100, row: 90, depth: 150 };

  it('keeps short depths on one row and wraps a depth much wider than the canvas', () => {
    expect(rowLength([2, 3], spacing, 1.6)).toBe(3);
    const n = rowLength([60, 20, 5], spacing, 1.6);
    expect(n).toBeLessThan(60);
    expect(n).toBeGreaterThanOrEqual(6);
  });

  it('centres each row, puts each depth below the last, and gives no two nodes the same place', () => {
    const depths = [['r1', 'r2'], ['a', 'b', 'c', 'd', 'e'], ['z']];
    const p = rowPositions(depths, spacing, 3);
    expect(p.r1!.x).toBe(-p.r2!.x);
    expect(p.a!.y).toBeGreaterThan(p.r1!.y);
    expect(p.d!.y).toBe(p.a!.y + spacing.row);
    expect(p.z!.y).toBe(p.d!.y + spacing.depth);
    expect(new Set(Object.values(p).map((q) => `${q.x},${q.y}`)).size).toBe(8);
  });
});

describe('placing nodes clear of the others', () => {
  it('moves a new node off any placed node, and moves no placed node', () => {
    const g = addElements(emptyGraph, {
      nodes: [xi, modi, summit, putin],
      edges: [xiAttended, modiAttended],
    });
    // Modi would go on a ring of 120 around the summit: put Xi and Putin there, all around it.
    const placed: Record<string, { x: number; y: number }> = { [summit.id]: { x: 0, y: 0 } };
    for (let k = 0; k < 12; k++) {
      const a = (2 * Math.PI * k) / 12;
      placed[`actor:ring-${k}`] = { x: 120 * Math.cos(a), y: 120 * Math.sin(a) };
    }
    const size = () => 40;
    const out = placeFree([modi.id, putin.id], g, placed, size);
    expect(Object.keys(out).sort()).toEqual([modi.id, putin.id].sort());
    const boxes = Object.entries({ ...placed, ...out }).map(([id, p]) => ({
      id,
      x1: p.x - 20,
      x2: p.x + 20,
      y1: p.y - 20,
      y2: p.y + 20,
    }));
    expect(overlapping(boxes)).toEqual([]);
  });
});

/** A headless canvas holding `graph`, with the explorer's stylesheet and the given classes. */
function canvas(graph: GraphData, classes: Record<string, string> = {}, order?: string[]): Core {
  const nodes = (order ?? Object.keys(graph.nodes)).map((id) => graph.nodes[id]!);
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: stylesheet(),
    elements: [
      ...nodes.map((n: GraphNode) => ({
        group: 'nodes' as const,
        data: { ...nodeData(n), fontSize: 12, maxLabelWidth: 240 },
        classes: classes[n.id] ?? '',
        position: { x: 0, y: 0 },
      })),
      ...Object.values(graph.edges).map((e: GraphEdge) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target, fontSize: 11 },
        classes: classes[e.id] ?? '',
      })),
    ],
  });
}

const positionsOf = (cy: Core) =>
  Object.fromEntries(cy.nodes().map((n) => [n.id(), { x: n.position().x, y: n.position().y }]));

const boxesOf = (cy: Core) =>
  cy
    .nodes(':visible')
    .map((n) => ({ id: n.id(), ...n.boundingBox({ includeLabels: false, includeOverlays: false }) }));

// A hub, a crowd around it, a small chain and a cycle: 30 nodes.
const crowd = Array.from({ length: 22 }, (_, i) =>
  node(`actor:crowd-${String(i).padStart(2, '0')}`, 'ACTOR', { degree: (i * 7) % 11 }),
);
const graph = addElements(emptyGraph, {
  nodes: [
    xi,
    putin,
    modi,
    summit,
    visit,
    myanmar,
    ...crowd,
    node('actor:cycle-a', 'ACTOR'),
    node('actor:cycle-b', 'ACTOR'),
  ],
  edges: [
    xiAttended,
    putinAttended,
    modiAttended,
    xiMyanmar,
    edge(putin.id, 'ATTENDED', visit.id),
    ...crowd.map((c) => edge(c.id, 'ATTENDED', summit.id)),
    edge('actor:cycle-a', 'MET_WITH', 'actor:cycle-b'),
    edge('actor:cycle-b', 'MET_WITH', 'actor:cycle-a'),
  ],
});

describe.each(['concentric', 'hierarchical'] as const)('the %s layout on a canvas', (name) => {
  it('gives the same positions for the same graph, whatever order it arrived in, and no overlapping boxes', async () => {
    const a = canvas(graph);
    await LAYOUTS[name].full(a, graph);
    const b = canvas(graph, {}, Object.keys(graph.nodes).reverse());
    await LAYOUTS[name].full(b, graph);
    expect(positionsOf(b)).toEqual(positionsOf(a));
    expect(overlapping(boxesOf(a))).toEqual([]);
  });

  it('puts nodes that are not drawn next to their neighbours, on no other node', async () => {
    const cy = canvas(graph, { [modi.id]: 'filtered', [visit.id]: 'filtered' });
    await LAYOUTS[name].full(cy, graph);
    // Nodes not drawn have no box of their own: as they will be drawn when a filter lets them back.
    const all = cy.nodes().map((n) => {
      const [p, half] = [n.position(), (n.data('size') as number) / 2 + 2.5];
      return { id: n.id(), x1: p.x - half, x2: p.x + half, y1: p.y - half, y2: p.y + half };
    });
    expect(overlapping(all)).toEqual([]);
    const [m, s] = [cy.getElementById(modi.id).position(), cy.getElementById(summit.id).position()];
    expect(Math.hypot(m.x - s.x, m.y - s.y)).toBeLessThan(400);
  });

  it('places added nodes clear of the others without moving them', async () => {
    const cy = canvas(graph);
    await LAYOUTS[name].full(cy, graph);
    const before = positionsOf(cy);
    const newcomer = node('actor:newcomer', 'ACTOR', { degree: 3 });
    const bigger = addElements(graph, {
      nodes: [newcomer],
      edges: [edge(newcomer.id, 'ATTENDED', summit.id)],
    });
    cy.add([
      { group: 'nodes', data: { ...nodeData(newcomer), fontSize: 12 }, position: { ...before[summit.id]! } },
      { group: 'edges', data: { id: 'e-new', source: newcomer.id, target: summit.id } },
    ]);
    await LAYOUTS[name].incremental(cy, bigger, [newcomer.id]);
    const after = positionsOf(cy);
    for (const [id, p] of Object.entries(before)) expect(after[id]).toEqual(p);
    expect(overlapping(boxesOf(cy))).toEqual([]);
  });
});

describe('the hierarchical layout on a canvas', () => {
  it('puts what points down above what it points to', async () => {
    const cy = canvas(graph);
    await LAYOUTS.hierarchical.full(cy, graph);
    const y = (id: string) => cy.getElementById(id).position().y;
    expect(y(xi.id)).toBeLessThan(y(summit.id));
    expect(y(xi.id)).toBeLessThan(y(myanmar.id));
    expect(y(putin.id)).toBeLessThan(y(visit.id));
  });
});

describe('the concentric layout on a canvas', () => {
  it('puts the highest degree in the middle', async () => {
    const cy = canvas(graph);
    await LAYOUTS.concentric.full(cy, graph);
    const p = cy.getElementById(xi.id).position();
    const r = (id: string) =>
      Math.hypot(cy.getElementById(id).position().x - p.x, cy.getElementById(id).position().y - p.y);
    expect(p).toEqual({ x: 0, y: 0 });
    expect(r(putin.id)).toBeLessThan(r(modi.id));
  });
});

describe.each(LAYOUT_NAMES)('a pinned node in the %s layout', (name) => {
  it('stays where it is when the layout runs, drawn or not', async () => {
    const cy = canvas(graph, { [summit.id]: 'pinned', [visit.id]: 'pinned filtered' });
    cy.getElementById(summit.id).position({ x: 1234, y: -567 });
    cy.getElementById(visit.id).position({ x: -89, y: 10 });
    await LAYOUTS[name].full(cy, graph);
    expect(cy.getElementById(summit.id).position()).toEqual({ x: 1234, y: -567 });
    expect(cy.getElementById(visit.id).position()).toEqual({ x: -89, y: 10 });
    // The others did move.
    const moved = cy.nodes(':visible').filter((n) => n.position().x !== 0 || n.position().y !== 0);
    expect(moved.length).toBeGreaterThan(20);
  });
});

describe('separating overlapping nodes', () => {
  const box = (id: string, x: number, y: number, side = 40) => ({ id, x, y, w: side, h: side });

  it('moves overlapping nodes apart until none overlap, and leaves the rest alone', () => {
    const boxes = [
      box('a', 0, 0),
      box('b', 10, 5),
      box('c', 10, 5),
      box('d', 30, -10, 60),
      box('far', 500, 500),
    ];
    const moved = separate(boxes);
    expect(moved).not.toHaveProperty('far');
    const after = boxes.map((b) => ({ ...b, ...moved[b.id] }));
    const asBoxes = after.map((b) => ({
      id: b.id,
      x1: b.x - b.w / 2,
      x2: b.x + b.w / 2,
      y1: b.y - b.h / 2,
      y2: b.y + b.h / 2,
    }));
    expect(overlapping(asBoxes)).toEqual([]);
  });

  it('does not move fixed nodes, and does not depend on the order nodes come in', () => {
    const boxes = [box('a', 0, 0), box('b', 5, 0), box('c', 0, 8)];
    const moved = separate(boxes, new Set(['a']));
    expect(moved).not.toHaveProperty('a');
    expect(separate([...boxes].reverse(), new Set(['a']))).toEqual(moved);
  });
});
