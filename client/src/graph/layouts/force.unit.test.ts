// The force layout from plain data (force.ts, what the page's Web Worker runs) and the spiral a new graph is drawn
// on while it runs (placement.ts `spiral`).
import { describe, expect, it } from 'vitest';
import { addElements, emptyGraph } from '../../explorer/graph.ts';
import { node } from '../../../../test/support/client-fixtures.ts';
import { forcePositions, type ForceInput } from './force.ts';
import { spiral } from './placement.ts';

/** A tree of `n` nodes (each joined to the one at half its index), boxes of 20 to 40. */
function tree(n: number): ForceInput {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    w: 20 + (i % 3) * 10,
    h: 20 + (i % 3) * 10,
  }));
  const edges = nodes
    .slice(1)
    .map((_, k) => ({ id: `e${k + 1}`, source: `n${Math.floor((k + 1) / 2)}`, target: `n${k + 1}` }));
  return { nodes, edges, fixed: [], randomize: true, start: {}, seed: 42 };
}

const key = (p: { x: number; y: number }) => `${Math.round(p.x)},${Math.round(p.y)}`;

describe('the force layout from plain data', () => {
  it('gives the same positions for the same input, whatever order its elements come in', () => {
    const input = tree(40);
    const first = forcePositions(input);
    expect(Object.keys(first).sort()).toEqual(input.nodes.map((n) => n.id).sort());
    const shuffled = { ...input, nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse() };
    expect(forcePositions(shuffled)).toEqual(first);
    // Spread out, not one point for all, and no two boxes overlapping.
    expect(new Set(Object.values(first).map(key)).size).toBe(40);
    for (const a of input.nodes)
      for (const b of input.nodes) {
        if (a.id >= b.id) continue;
        const [p, q] = [first[a.id]!, first[b.id]!];
        const apart = Math.abs(p.x - q.x) >= (a.w + b.w) / 2 || Math.abs(p.y - q.y) >= (a.h + b.h) / 2;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
  });

  it('keeps fixed nodes where they are and places the others from their starting points', () => {
    const laid = forcePositions(tree(30));
    const input = tree(32);
    const fixed = Object.entries(laid).map(([nodeId, position]) => ({ nodeId, position }));
    const start = { ...laid, n30: { ...laid.n15! }, n31: { ...laid.n15! } };
    const out = forcePositions({ ...input, fixed, randomize: false, start });
    for (const [id, p] of Object.entries(laid)) {
      expect(out[id]!.x, id).toBeCloseTo(p.x, 6);
      expect(out[id]!.y, id).toBeCloseTo(p.y, 6);
    }
    expect(key(out.n30!)).not.toBe(key(out.n31!));
  });

  it('leaves Math.random as it was', () => {
    const before = Math.random;
    forcePositions(tree(10));
    expect(Math.random).toBe(before);
  });
});

describe('the spiral a new graph starts on', () => {
  const ids = Array.from({ length: 200 }, (_, i) => `actor:${i}`);
  const graph = addElements(emptyGraph, {
    nodes: ids.map((id, i) => node(id, 'ACTOR', { degree: i === 57 ? 500 : i % 7 })),
    edges: [],
  });

  it('places every node, the best connected in the middle, no two closer than the spacing allows', () => {
    const out = spiral(ids, graph, 60);
    expect(Object.keys(out).sort()).toEqual([...ids].sort());
    expect(out['actor:57']).toEqual({ x: 0, y: 0 });
    const points = Object.values(out);
    let closest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    // A sunflower spiral keeps neighbours about its spacing apart.
    expect(closest).toBeGreaterThan(30);
  });

  it('is the same whatever order the ids come in', () => {
    expect(spiral([...ids].reverse(), graph)).toEqual(spiral(ids, graph));
  });
});
