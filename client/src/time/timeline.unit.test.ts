import { describe, expect, it } from 'vitest';
import { reduce } from '../explorer/reduce.ts';
import { initialState } from '../explorer/state.ts';
import { myanmar, quote, summit, visit, xi } from '../../../test/support/client-fixtures.ts';
import { timelineItems } from './time.ts';
import {
  axisLabels,
  dateLabel,
  setTimeWindow,
  timelineDates,
  windowBetween,
  windowIndices,
  windowText,
} from './timeline.ts';

const state = reduce(initialState, {
  type: 'graphLoaded',
  nodes: [xi, summit, visit, myanmar, quote],
  edges: [],
});
const items = timelineItems(state.graph);
const dates = timelineDates(items);

describe('the timeline’s sliders', () => {
  it('stop at each distinct date, earliest first', () => {
    expect(dates).toEqual(['2020-01-01', '2022-09-09', '2022-09-15']);
  });

  it('sit at the window’s ends, or at both ends of the range without a window', () => {
    expect(windowIndices(dates, null)).toEqual({ sinceIndex: 0, untilIndex: 2 });
    expect(windowIndices(dates, { since: '2022-09-01', until: '2022-09-10' })).toEqual({
      sinceIndex: 1,
      untilIndex: 1,
    });
    expect(windowIndices([], null)).toEqual({ sinceIndex: 0, untilIndex: 0 });
  });

  it('make a window in either order, none when it spans everything', () => {
    expect(windowBetween(items, dates, 2, 1)).toEqual({ since: '2022-09-09', until: '2022-09-15' });
    expect(windowBetween(items, dates, 0, 2)).toBeNull();
    expect(windowBetween(items, dates, 0, 7)).toBeUndefined();
  });

  it('keep "show undated", and read as the days they run', () => {
    expect(windowBetween(items, dates, 0, 0)).toEqual({ since: '2020-01-01', until: '2020-01-01' });
    expect(windowBetween(items, dates, 1, 2, true)).toEqual({
      since: '2022-09-09',
      until: '2022-09-15',
      showUndated: true,
    });
    expect(windowText({ since: '2022-02-01', until: '2022-03-31' })).toBe('1 February 2022 – 31 March 2022');
  });

  it('read as precise as the data: a month for a month, the day otherwise', () => {
    expect(dateLabel(state.graph, items, dates, 0)).toBe('January 2020');
    expect(dateLabel(state.graph, items, dates, 1)).toBe('9 September 2022');
    expect(dateLabel(state.graph, items, dates, 9)).toBe('');
  });
});

describe('the time window', () => {
  it('narrows the graph and, in the timeline layout, lays it out again', () => {
    const window = { since: '2022-09-01', until: '2022-09-30' };
    expect(setTimeWindow(state, window).timeWindow).toEqual(window);
    expect(setTimeWindow(state, window).layout).toBe(state.layout);
    const timeline = reduce(state, { type: 'layoutChosen', name: 'timeline' });
    expect(setTimeWindow(timeline, window).layout.epoch).toBe(timeline.layout.epoch + 1);
  });
});

describe('the date axis', () => {
  it('places each column’s label under it, leaving out those off the canvas or in the way of the last', () => {
    const columns = [
      { date: '2020-01-01', x: 0 },
      { date: '2022-09-09', x: 10 },
      { date: '2022-09-15', x: 200 },
      { date: '2022-10-11', x: 900 },
    ];
    const labels = axisLabels(columns, { zoom: 1, pan: { x: 50 } }, 600, (c) => c.date);
    expect(labels).toEqual([
      { key: '2020-01-01|', x: 50, text: '2020-01-01' },
      { key: '2022-09-15|', x: 250, text: '2022-09-15' },
    ]);
  });
});
