import { describe, expect, it } from 'vitest';
import * as fx from '../../../test/support/client-fixtures.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState } from '../explorer/state.ts';
import { createStore } from '../shared/store.ts';
import type { TableRow } from '../table/table.ts';
import { NO_STYLE, OTHER_COLOUR, PALETTE, SIZE_BOUNDS, styleLooks, type StyleRules } from '../style/style.ts';
import { initialAnalysis, measureColumns, measureInputOf, runMeasures } from './analysis.ts';
import { computeMeasures, type Measures } from './measures.ts';

const canvas = reduce(initialState, {
  type: 'graphLoaded',
  nodes: [fx.xi, fx.putin, fx.modi, fx.summit],
  edges: [fx.xiAttended, fx.putinAttended, fx.modiAttended, fx.metWith],
});

describe('the measures of the canvas', () => {
  it('are computed on what is drawn: a hidden kind’s nodes and their relationships are left out', () => {
    expect(measureInputOf(canvas).nodes.sort()).toEqual(
      [fx.modi.id, fx.summit.id, fx.putin.id, fx.xi.id].sort(),
    );
    expect(measureInputOf(canvas).edges).toHaveLength(4);
    const noMeetings = reduce(canvas, { type: 'kindToggled', kind: 'MEETING' });
    const { nodes, edges } = measureInputOf(noMeetings);
    expect(nodes.sort()).toEqual([fx.modi.id, fx.putin.id, fx.xi.id].sort());
    expect(edges).toEqual([[fx.putin.id, fx.xi.id]]);
  });

  it('fill four columns that sort by number, empty for a node not measured', () => {
    const values = computeMeasures(measureInputOf(canvas));
    const columns = measureColumns(values);
    expect(columns.map((c) => c.label)).toEqual(['Degree', 'PageRank', 'Betweenness', 'Community']);
    const row = (id: string) => ({ id }) as TableRow;
    const [degree, pagerank, betweenness] = columns;
    expect(degree!.text(row(fx.xi.id))).toBe('2');
    expect(betweenness!.text(row(fx.summit.id))).toBe('0.667');
    expect(pagerank!.text(row(fx.summit.id))).toMatch(/^0\.\d{4}$/);
    expect(betweenness!.sortKey!(row(fx.summit.id))).toBeCloseTo(2 / 3, 10);
    expect(degree!.text(row('actor:not-measured'))).toBe('');
    expect(degree!.sortKey!(row('actor:not-measured'))).toBeNull();
    expect(measureColumns(null)).toEqual([]);
  });

  it('are kept with how many nodes they describe and how long they took, or the reason they failed', async () => {
    const analysis = createStore(initialAnalysis);
    const explorer = createStore(canvas);
    await runMeasures(analysis, explorer, async (input) => ({ values: computeMeasures(input), ms: 12 }));
    const m = analysis.get().measures;
    expect(m.type === 'ready' && { nodes: m.value.nodes, ms: m.value.ms }).toEqual({ nodes: 4, ms: 12 });
    await runMeasures(analysis, explorer, () => Promise.reject(new Error('worker gone')));
    expect(analysis.get().measures).toEqual({ type: 'error', message: 'worker gone' });
  });
});

describe('what the canvas draws of the measures (as style rules, client/src/style)', () => {
  const values = {
    a: { degree: 1, pagerank: 0.1, betweenness: 0, community: 1 },
    b: { degree: 3, pagerank: 0.5, betweenness: 0.5, community: 2 },
    c: { degree: 2, pagerank: 0.4, betweenness: 1, community: 11 },
  };
  const looks = (measures: Measures | null, rules: Partial<StyleRules>) =>
    styleLooks(
      { ...NO_STYLE, ...rules },
      Object.keys(measures ?? values).map((id) => fx.node(id, 'ACTOR')),
      measures,
    ).looks;

  it('sizes from the smallest to the largest value, and colours each community, an eleventh grey', () => {
    const drawn = looks(values, { sizeBy: 'measure:betweenness', colourBy: 'measure:community' });
    expect(drawn.a).toEqual({ styleSize: SIZE_BOUNDS.min, styleColour: PALETTE[0] });
    expect(drawn.b).toEqual({ styleSize: 51, styleColour: PALETTE[1] });
    expect(drawn.c).toEqual({ styleSize: SIZE_BOUNDS.max, styleColour: OTHER_COLOUR });
  });

  it('asks nothing of the canvas until asked, or before the measures are there', () => {
    expect(looks(values, {}).b).toEqual({});
    expect(looks(null, { sizeBy: 'measure:degree', colourBy: 'measure:community' }).b).toEqual({});
    expect(looks(values, { sizeBy: 'measure:degree' }).b).toEqual({ styleSize: SIZE_BOUNDS.max });
    // All equal: every node the smallest size.
    const flat = { x: { ...values.a }, y: { ...values.a } };
    expect(looks(flat, { sizeBy: 'measure:pagerank' }).y).toEqual({ styleSize: SIZE_BOUNDS.min });
  });
});
