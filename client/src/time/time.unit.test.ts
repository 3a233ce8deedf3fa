import { describe, expect, it } from 'vitest';
import { addElements, emptyGraph } from '../explorer/graph.ts';
import { myanmar, quote, summit, visit, xi } from '../../../test/support/client-fixtures.ts';
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

  it('a window keeps what overlaps it and everything undated', () => {
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
