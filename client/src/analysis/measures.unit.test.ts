import { describe, expect, it } from 'vitest';
import { computeMeasures } from './measures.ts';

describe('the measures', () => {
  it('give a path’s middle node all the betweenness and twice the degree', () => {
    const m = computeMeasures({
      nodes: ['a', 'b', 'c'],
      edges: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    expect([m.a!.degree, m.b!.degree, m.c!.degree]).toEqual([1, 2, 1]);
    expect([m.a!.betweenness, m.b!.betweenness, m.c!.betweenness]).toEqual([0, 1, 0]);
    expect(m.b!.pagerank).toBeGreaterThan(m.a!.pagerank);
    expect(m.a!.pagerank).toBeCloseTo(m.c!.pagerank, 10);
  });

  it('rank a star’s centre first, with PageRanks that sum to 1, and count a relationship once either way', () => {
    const leaves = ['l1', 'l2', 'l3', 'l4'];
    const m = computeMeasures({
      nodes: ['x', ...leaves],
      edges: [...leaves.map((l) => ['x', l] as [string, string]), ['l1', 'x']],
    });
    expect(m.x!.degree).toBe(4);
    // Every one of the 6 pairs of leaves passes through the centre: normalised, 6 / 6.
    expect(m.x!.betweenness).toBe(1);
    const total = Object.values(m).reduce((s, v) => s + v.pagerank, 0);
    expect(total).toBeCloseTo(1, 6);
    for (const l of leaves) expect(m.x!.pagerank).toBeGreaterThan(m[l]!.pagerank);
  });

  it('find two communities in two triangles joined by one relationship, the same each time and in any order', () => {
    const edges: [string, string][] = [
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a3', 'a1'],
      ['b1', 'b2'],
      ['b2', 'b3'],
      ['b3', 'b1'],
      ['a1', 'b1'],
    ];
    const nodes = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'alone'];
    const m = computeMeasures({ nodes, edges });
    const of = (id: string) => m[id]!.community;
    expect(new Set([of('a1'), of('a2'), of('a3')]).size).toBe(1);
    expect(new Set([of('b1'), of('b2'), of('b3')]).size).toBe(1);
    expect(of('a1')).not.toBe(of('b1'));
    // Numbered by size: the two triangles are 1 and 2, the node alone 3.
    expect([of('a1'), of('b1')].sort()).toEqual([1, 2]);
    expect(of('alone')).toBe(3);
    expect(m.alone).toMatchObject({ degree: 0, betweenness: 0 });
    expect(computeMeasures({ nodes: [...nodes].reverse(), edges: [...edges].reverse() })).toEqual(m);
  });

  it('answer for a graph without relationships, and ignore relationships to nodes not given', () => {
    const m = computeMeasures({ nodes: ['a', 'b'], edges: [['a', 'zz']] });
    expect(m.a).toEqual({ degree: 0, pagerank: 0.5, betweenness: 0, community: 1 });
    expect(m.b!.community).toBe(2);
    expect(m).not.toHaveProperty('zz');
  });
});
