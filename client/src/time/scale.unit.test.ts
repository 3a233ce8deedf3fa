import { describe, expect, it } from 'vitest';
import { BREAK_WIDTH, axisTicks, shiftWindow, timeScale } from './scale.ts';

// The memo's dates, reduced: 1945 (a year), June 2018, 1 and 4 February, 1 June and September 2022.
const periods = [
  { start: '1945-01-01', end: '1945-12-31' },
  { start: '2018-06-01', end: '2018-06-30' },
  { start: '2022-02-01', end: '2022-02-01' },
  { start: '2022-02-04', end: '2022-02-04' },
  { start: '2022-06-01', end: '2022-06-01' },
  { start: '2022-09-01', end: '2022-09-30' },
];
const scale = timeScale(periods, 0, 1000);

describe('the time axis', () => {
  it('is proportional to time within a stretch: a month is about thirty times a day', () => {
    const day = scale.x('2022-02-02') - scale.x('2022-02-01');
    const month = scale.x('2022-10-01') - scale.x('2022-09-01');
    expect(day).toBeGreaterThan(0);
    expect(month / day).toBeCloseTo(30, 5);
    // 1 to 4 February is three days long, not as long as the span between two stops.
    expect(scale.x('2022-02-04') - scale.x('2022-02-01')).toBeCloseTo(3 * day, 5);
  });

  it('cuts long empty stretches out and marks them: 1945 … 2018 is one break wide', () => {
    expect(scale.segments).toHaveLength(3);
    expect(scale.breaks).toHaveLength(2);
    const gap = scale.segments[1]!.x0 - scale.segments[0]!.x1;
    expect(gap).toBe(BREAK_WIDTH);
    expect(scale.x('1945-01-31')).toBeLessThan(scale.breaks[0]!);
    expect(scale.x('2018-06-01')).toBeGreaterThan(scale.breaks[0]!);
    // A year-long period is given a month's room, not more.
    const day = scale.x('2022-02-02') - scale.x('2022-02-01');
    expect(scale.segments[0]!.x1 - scale.segments[0]!.x0).toBeCloseTo(31 * day, 5);
    // February to September 2022 has no break: gaps of three or four months are drawn to scale.
    expect(scale.breaks.every((b) => b < scale.x('2022-02-01'))).toBe(true);
    expect(scale.segments[0]!.x0).toBe(0);
    expect(scale.segments.at(-1)!.x1).toBeCloseTo(1000, 5);
  });

  it('reads a date back from x, and a date in a break as the first after it', () => {
    expect(scale.dateAt(scale.x('2022-09-15') + 0.01)).toBe('2022-09-15');
    expect(scale.dateAt(scale.breaks[0]!)).toBe('2018-06-01');
    expect(scale.dateAt(-5)).toBe('1945-01-01');
    expect(scale.dateAt(5000)).toBe('2022-09-30');
  });

  it('labels the years, each stretch’s first', () => {
    expect(axisTicks(scale).map((t) => t.text)).toEqual(expect.arrayContaining(['1945', '2018']));
  });

  it('moves a window along the axis, keeping its length and staying on it', () => {
    const w = { since: '2022-02-01', until: '2022-03-31' };
    const day = scale.x('2022-02-02') - scale.x('2022-02-01');
    expect(shiftWindow(scale, w, 10 * day + 0.001)).toEqual({ since: '2022-02-11', until: '2022-04-10' });
    expect(shiftWindow(scale, w, 5000)).toEqual({ since: '2022-08-03', until: '2022-09-30' });
  });
});
