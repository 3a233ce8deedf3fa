import { describe, expect, it } from 'vitest';
import { addElements, emptyGraph } from '../../explorer/graph.ts';
import {
  edge,
  modi,
  node,
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
import { nodeSize } from '../kinds.ts';
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
    expect(columns.map((c) => c.precision)).toEqual(['month', 'day', 'day']);
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

describe('the timeline layout never stacks nodes', () => {
  // As on the memo's graph: many actors linked to no dated node, hubs as large as nodes get, a crowded day, and
  // a year and a month that start on the same day.
  const loners = Array.from({ length: 42 }, (_, i) => node(`actor:loner-${i}`, 'ACTOR', { degree: i % 7 }));
  const hubs = [xi, putin, modi].map((n) => ({ ...n, degree: 60 }));
  const crowd = Array.from({ length: 9 }, (_, i) =>
    node(`meeting:crowd-${i}`, 'MEETING', {
      date: '2022-09-15',
      degree: 30,
      properties: { date: '2022-09-15', datePrecision: 'day' },
    }),
  );
  const year = node('figure:year-2022', 'FIGURE', {
    date: '2022-01-01',
    properties: { date: '2022-01-01', datePrecision: 'year' },
  });
  const month = node('figure:jan-2022', 'FIGURE', {
    date: '2022-01-01',
    properties: { date: '2022-01-01', datePrecision: 'month' },
  });
  const g = addElements(emptyGraph, {
    nodes: [...loners, ...hubs, ...crowd, summit, visit, myanmar, quote, year, month],
    edges: [xiAttended, modiAttended, xiMyanmar, ...crowd.map((c) => edge(putin.id, 'ATTENDED', c.id))],
  });
  const ids = Object.keys(g.nodes);

  const boxes = (positions: Record<string, { x: number; y: number }>) =>
    ids.map((id) => {
      const p = positions[id]!;
      const half = nodeSize(g.nodes[id]!.degree) / 2;
      return { id, x1: p.x - half, x2: p.x + half, y1: p.y - half, y2: p.y + half };
    });

  it.each([undefined, 0.5, 1.6, 3])('no two node shapes overlap (aspect %s)', (aspect) => {
    const { positions } = timelineLayout(g, ids, aspect);
    const b = boxes(positions);
    const overlapping: string[] = [];
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++) {
        const [p, q] = [b[i]!, b[j]!];
        if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) overlapping.push(`${p.id} ${q.id}`);
      }
    expect(overlapping).toEqual([]);
  });

  it('keeps undated nodes in a band of their own, above every dated one', () => {
    const { positions } = timelineLayout(g, ids);
    const dated = ids.filter((id) => g.nodes[id]!.date);
    const lowestUndated = Math.max(...[...loners, ...hubs].map((n) => positions[n.id]!.y));
    expect(lowestUndated).toBeLessThan(Math.min(...dated.map((id) => positions[id]!.y)));
  });

  it('gives a year and a month that start on the same day columns of their own', () => {
    const { positions, columns } = timelineLayout(g, ids);
    expect(positions[year.id]!.x).toBeLessThan(positions[month.id]!.x);
    expect(columns.filter((c) => c.date === '2022-01-01').map((c) => c.precision)).toEqual(['year', 'month']);
  });
});
