import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import * as fx from '../../../test/support/client-fixtures.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState } from '../explorer/state.ts';
import { computeMeasures } from './measures.ts';
import { measureInputOf } from './analysis.ts';
import { exchangeOf, toCsv, toGexf, toGraphml } from './exchange.ts';

const fn13 = {
  id: 'source:fn13',
  title: 'Customs statistics',
  url: null,
  publisher: 'GACC',
  date: null,
  footnote: 13,
};
const memo = {
  id: 'source:no-limits-memo',
  title: '‘No Limits’ memo',
  url: null,
  publisher: null,
  date: null,
  footnote: null,
};
const inferred = {
  ...fx.putinAttended,
  properties: {
    ...fx.putinAttended.properties,
    basis: 'inferred',
    inferenceNote: 'On the sidelines & "not" the summit <itself>',
  },
};
const canvas = reduce(initialState, {
  type: 'graphLoaded',
  nodes: [{ ...fx.xi, sources: [fn13, memo] }, fx.putin, fx.myanmar, fx.summit],
  edges: [{ ...fx.xiAttended, sources: [memo] }, inferred, fx.xiMyanmar],
});
const measures = computeMeasures(measureInputOf(canvas));
const x = exchangeOf(canvas, measures);

describe('the exchange formats', () => {
  it('keep ids, kinds, dates at their precision, basis, sources and the measures', () => {
    const xi = x.nodes.find((n) => n.id === fx.xi.id)!;
    expect(xi.attributes).toMatchObject({
      label: 'Xi Jinping',
      kind: 'ACTOR',
      basis: 'stated',
      sources: '13; ‘No Limits’ memo',
      sourceIds: 'source:fn13 source:no-limits-memo',
      degree: 2,
      community: expect.any(Number),
    });
    expect(x.nodes.find((n) => n.id === fx.myanmar.id)!.attributes).toMatchObject({
      date: '2020-01-01',
      dateText: 'January 2020',
      datePrecision: 'month',
    });
    const putin = x.edges.find((e) => e.id === inferred.id)!;
    expect(putin).toMatchObject({ source: fx.putin.id, target: fx.summit.id });
    expect(putin.attributes).toMatchObject({ type: 'ATTENDED', basis: 'inferred' });
    // Nothing empty is written.
    expect(Object.values(xi.attributes)).not.toContain('');
    expect(x.nodes.find((n) => n.id === fx.putin.id)!.attributes).not.toHaveProperty('sources');
  });

  it('write GEXF that graphology reads back: the same nodes, relationships and attributes', () => {
    const back = parseGexf(Graph, toGexf(x));
    expect(back.order).toBe(x.nodes.length);
    expect(back.size).toBe(x.edges.length);
    expect(back.getNodeAttributes(fx.myanmar.id)).toMatchObject({
      label: "Xi Jinping's trip to Myanmar",
      dateText: 'January 2020',
      kind: 'MEETING',
    });
    expect(back.getNodeAttribute(fx.xi.id, 'betweenness')).toBeCloseTo(measures[fx.xi.id]!.betweenness, 6);
    expect(back.getEdgeAttributes(inferred.id)).toMatchObject({
      type: 'ATTENDED',
      basis: 'inferred',
      inferenceNote: 'On the sidelines & "not" the summit <itself>',
    });
  });

  it('write GraphML that graphology reads back, numbers as numbers', () => {
    const back = parseGraphml(Graph, toGraphml(x));
    expect(back.order).toBe(x.nodes.length);
    expect(back.size).toBe(x.edges.length);
    expect(back.getNodeAttribute(fx.xi.id, 'sources')).toBe('13; ‘No Limits’ memo');
    expect(back.getNodeAttribute(fx.xi.id, 'degree')).toBe(2);
    expect(back.getEdgeAttributes(inferred.id)).toMatchObject({
      type: 'ATTENDED',
      basis: 'inferred',
      inferenceNote: 'On the sidelines & "not" the summit <itself>',
    });
    expect(back.source(inferred.id)).toBe(fx.putin.id);
  });

  it('write a nodes CSV and a relationships CSV with a header and one line each', () => {
    const { nodes, edges } = toCsv(x);
    const nodeLines = nodes.trimEnd().split('\r\n');
    expect(nodeLines).toHaveLength(x.nodes.length + 1);
    expect(nodeLines[0]!.startsWith('id,label,kind,')).toBe(true);
    const edgeLines = edges.trimEnd().split('\r\n');
    expect(edgeLines[0]!.startsWith('id,source,target,type,')).toBe(true);
    expect(edgeLines.find((l) => l.startsWith(inferred.id))).toContain(
      '"On the sidelines & ""not"" the summit <itself>"',
    );
  });
});
