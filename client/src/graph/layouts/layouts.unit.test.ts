import { describe, expect, it } from 'vitest';
import { addElements, emptyGraph } from '../../explorer/graph.ts';
import {
  modi,
  modiAttended,
  myanmar,
  putin,
  quote,
  summit,
  visit,
  xi,
  xiAttended,
  xiMyanmar,
} from '../../../../test/support/client-fixtures.ts';
import { placeNear } from './placement.ts';
import { timelineLayout } from './timeline.ts';

describe('placing new nodes', () => {
  const g = addElements(emptyGraph, { nodes: [xi, modi, summit, putin], edges: [xiAttended, modiAttended] });

  it('puts a new node on a ring around its placed neighbour, leaving placed nodes alone', () => {
    const placed = { [summit.id]: { x: 100, y: 100 }, [xi.id]: { x: 0, y: 0 } };
    const out = placeNear([modi.id], g, placed, 120);
    expect(Object.keys(out)).toEqual([modi.id]);
    const p = out[modi.id]!;
    expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(120, 5);
  });

  it('spreads siblings around the parent instead of stacking them', () => {
    const out = placeNear([xi.id, modi.id], g, { [summit.id]: { x: 0, y: 0 } });
    expect(out[xi.id]).not.toEqual(out[modi.id]);
  });

  it('places a node with no placed neighbour near the middle of what is placed', () => {
    const out = placeNear([putin.id], g, { [xi.id]: { x: 0, y: 0 }, [summit.id]: { x: 200, y: 0 } }, 100);
    expect(Math.hypot(out[putin.id]!.x - 100, out[putin.id]!.y)).toBeCloseTo(200, 5);
  });
});

describe('the timeline layout', () => {
  const g = addElements(emptyGraph, {
    nodes: [xi, modi, summit, visit, myanmar, quote],
    edges: [xiAttended, modiAttended, xiMyanmar],
  });
  const ids = Object.keys(g.nodes);
  const { positions, columns } = timelineLayout(g, ids);

  it('orders dated nodes left to right by date, in lanes by kind', () => {
    expect(positions[myanmar.id]!.x).toBeLessThan(positions[visit.id]!.x);
    expect(positions[visit.id]!.x).toBeLessThan(positions[summit.id]!.x);
    expect(positions[visit.id]!.y).toBe(positions[summit.id]!.y);
    expect(positions[quote.id]!.y).toBeGreaterThan(positions[visit.id]!.y);
    expect(columns.map((c) => c.date)).toEqual(['2020-01-01', '2022-09-09', '2022-09-15']);
  });

  it('puts undated actors above, under what they are linked to', () => {
    expect(positions[xi.id]!.y).toBeLessThan(positions[myanmar.id]!.y);
    expect(positions[modi.id]!.x).toBe(positions[summit.id]!.x);
    const between = positions[xi.id]!.x;
    expect(between).toBeGreaterThan(positions[myanmar.id]!.x);
    expect(between).toBeLessThan(positions[summit.id]!.x);
  });

  it('gives every node a place, and no two the same one', () => {
    const seen = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
    expect(Object.keys(positions).sort()).toEqual(ids.sort());
    expect(seen.size).toBe(ids.length);
  });
});
