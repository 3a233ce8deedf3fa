import { describe, expect, it } from 'vitest';
import { addElements, emptyGraph } from '../explorer/graph.ts';
import {
  edge,
  myanmar,
  node,
  putin,
  quote,
  summit,
  visit,
  xi,
  xiMyanmar,
} from '../../../test/support/client-fixtures.ts';
import * as time from './time.ts';

describe('periods', () => {
  it('a day, a month, a year, and an end date', () => {
    expect(time.periodOf(visit)).toEqual({ start: '2022-09-09', end: '2022-09-09' });
    expect(time.periodOf(myanmar)).toEqual({ start: '2020-01-01', end: '2020-01-31' });
    expect(time.periodOf({ date: '2021-01-01', properties: { datePrecision: 'year' } })).toEqual({
      start: '2021-01-01',
      end: '2021-12-31',
    });
    expect(time.periodOf(summit)).toEqual({ start: '2022-09-15', end: '2022-09-16' });
    expect(time.periodOf({ date: '2024-02-01', properties: { datePrecision: 'month' } })?.end).toBe(
      '2024-02-29',
    );
    expect(time.periodOf(xi)).toBeNull();
  });

  it('a window keeps what overlaps it; an undated item is not dated out', () => {
    const w = { since: '2020-01-15', until: '2020-02-01' };
    expect(time.inWindow(myanmar, w)).toBe(true); // January 2020 overlaps
    expect(time.inWindow(visit, w)).toBe(false);
    expect(time.inWindow(xi, w)).toBe(true);
    expect(time.inWindow(visit, null)).toBe(true);
    expect(time.inWindow(summit, { since: '2022-09-16', until: '2022-09-30' })).toBe(true);
  });
});

describe('the timeline', () => {
  it('lists dated meetings, statements and agreements, earliest first', () => {
    const g = addElements(emptyGraph, { nodes: [xi, visit, myanmar, summit, quote], edges: [] });
    const items = time.timelineItems(g);
    expect(items.map((i) => i.id)).toEqual([myanmar.id, quote.id, visit.id, summit.id]);
    expect(time.timelineDomain(items)).toEqual({ since: '2020-01-01', until: '2022-09-16' });
    expect(time.timelineDomain([])).toBeNull();
  });

  it('a window spanning the whole domain is no window; ends are put in order', () => {
    const domain = { since: '2020-01-01', until: '2022-09-16' };
    expect(time.normaliseWindow({ since: '2019-01-01', until: '2023-01-01' }, domain)).toBeNull();
    expect(time.normaliseWindow({ since: '2022-09-10', until: '2022-09-01' }, domain)).toEqual({
      since: '2022-09-01',
      until: '2022-09-10',
    });
  });
});

describe('day numbers', () => {
  it('round-trip', () => {
    expect(time.isoOfDay(time.dayNumber('2022-10-11'))).toBe('2022-10-11');
    expect(time.dayNumber('1970-01-02')).toBe(1);
  });
});

describe('what a window keeps', () => {
  // The memo's trade figure covers January-July 2022; an actor linked to it, one linked only to Myanmar (January
  // 2020), one linked to nothing, and two linked to each other by a dated meeting in the window.
  const trade = node('figure:china-russia-trade-growth-jan-jul-2022', 'FIGURE', {
    date: '2022-01-01',
    properties: {
      date: '2022-01-01',
      datePrecision: 'month',
      endDate: '2022-07-01',
      endDatePrecision: 'month',
    },
  });
  const customs = node('actor:general-administration-of-customs', 'ACTOR');
  const loner = node('actor:nobody', 'ACTOR');
  const g = addElements(emptyGraph, {
    nodes: [trade, customs, loner, xi, putin, myanmar],
    edges: [
      edge(customs.id, 'REPORTED', trade.id),
      xiMyanmar,
      edge(putin.id, 'MET_WITH', loner.id, { date: '2022-02-04', datePrecision: 'day' }),
    ],
  });
  const febMar = { since: '2022-02-01', until: '2022-03-31' };

  it('a period overlapping the window stays: January-July 2022 in February-March', () => {
    expect(time.periodOf(trade)).toEqual({ start: '2022-01-01', end: '2022-07-31' });
    expect(time.inWindow(trade, febMar)).toBe(true);
    expect(time.inWindow(trade, { since: '2022-08-01', until: '2022-12-31' })).toBe(false);
    expect(time.dateText(trade)).toBe('January–July 2022');
    expect(time.dateText(myanmar)).toBe('January 2020');
  });

  it('undated nodes only when linked to something in it', () => {
    const keeps = time.windowKeeps(g, febMar);
    expect(keeps(trade.id)).toBe(true);
    expect(keeps(customs.id)).toBe(true); // linked to the trade figure
    expect(keeps(xi.id)).toBe(false); // linked only to January 2020
    expect(keeps(myanmar.id)).toBe(false);
    expect(keeps(putin.id)).toBe(true); // a dated relationship in the window
    expect(keeps(loner.id)).toBe(true);
    expect(keeps('actor:not-on-the-graph')).toBe(false);
    // A link through a node that is not drawn does not count.
    expect(time.windowKeeps(g, febMar, (id) => id !== trade.id)(customs.id)).toBe(false);
  });

  it('every undated node with "show undated", everything without a window', () => {
    const all = time.windowKeeps(g, { ...febMar, showUndated: true });
    expect([xi, loner, customs, trade].map((n) => all(n.id))).toEqual([true, true, true, true]);
    expect(all(myanmar.id)).toBe(false);
    expect(time.windowKeeps(g, null)(myanmar.id)).toBe(true);
  });

  it('a window keeps "show undated" when put in order', () => {
    expect(
      time.normaliseWindow({ since: '2022-03-31', until: '2022-02-01', showUndated: true }, null),
    ).toEqual({
      since: '2022-02-01',
      until: '2022-03-31',
      showUndated: true,
    });
  });
});
