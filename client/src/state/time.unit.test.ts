import { describe, expect, it } from 'vitest';
import { addElements, emptyGraph } from './graph.ts';
import { myanmar, quote, summit, visit, xi } from './fixtures.ts';
import {
  dayNumber,
  formatDate,
  inWindow,
  isoOfDay,
  normaliseWindow,
  periodOf,
  timelineDomain,
  timelineItems,
} from './time.ts';

describe('periods', () => {
  it('a day, a month, a year, and an end date', () => {
    expect(periodOf(visit)).toEqual({ start: '2022-09-09', end: '2022-09-09' });
    expect(periodOf(myanmar)).toEqual({ start: '2020-01-01', end: '2020-01-31' });
    expect(periodOf({ date: '2021-01-01', properties: { datePrecision: 'year' } })).toEqual({
      start: '2021-01-01',
      end: '2021-12-31',
    });
    expect(periodOf(summit)).toEqual({ start: '2022-09-15', end: '2022-09-16' });
    expect(periodOf({ date: '2024-02-01', properties: { datePrecision: 'month' } })?.end).toBe('2024-02-29');
    expect(periodOf(xi)).toBeNull();
  });

  it('a window keeps what overlaps it and everything undated', () => {
    const w = { since: '2020-01-15', until: '2020-02-01' };
    expect(inWindow(myanmar, w)).toBe(true); // January 2020 overlaps
    expect(inWindow(visit, w)).toBe(false);
    expect(inWindow(xi, w)).toBe(true);
    expect(inWindow(visit, null)).toBe(true);
    expect(inWindow(summit, { since: '2022-09-16', until: '2022-09-30' })).toBe(true);
  });
});

describe('the timeline', () => {
  it('lists dated meetings, statements and agreements, earliest first', () => {
    const g = addElements(emptyGraph, { nodes: [xi, visit, myanmar, summit, quote], edges: [] });
    const items = timelineItems(g);
    expect(items.map((i) => i.id)).toEqual([myanmar.id, quote.id, visit.id, summit.id]);
    expect(timelineDomain(items)).toEqual({ since: '2020-01-01', until: '2022-09-16' });
    expect(timelineDomain([])).toBeNull();
  });

  it('a window spanning the whole domain is no window; ends are put in order', () => {
    const domain = { since: '2020-01-01', until: '2022-09-16' };
    expect(normaliseWindow({ since: '2019-01-01', until: '2023-01-01' }, domain)).toBeNull();
    expect(normaliseWindow({ since: '2022-09-10', until: '2022-09-01' }, domain)).toEqual({
      since: '2022-09-01',
      until: '2022-09-10',
    });
  });
});

describe('dates', () => {
  it('as precise as the data', () => {
    expect(formatDate('2022-09-16')).toBe('16 September 2022');
    expect(formatDate('2022-09-01', 'month')).toBe('September 2022');
    expect(formatDate('1945-01-01', 'year')).toBe('1945');
    expect(formatDate(null)).toBe('');
  });

  it('day numbers round-trip', () => {
    expect(isoOfDay(dayNumber('2022-10-11'))).toBe('2022-10-11');
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});
