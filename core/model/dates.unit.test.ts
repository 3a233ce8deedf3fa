// Dates as the source gives them: to the day, the month or the year, and ranges.
import { describe, expect, it } from 'vitest';
import { datePeriod, formatDate } from './dates.ts';

describe('formatDate', () => {
  it('writes a date at the precision the source gives', () => {
    expect(formatDate('2022-09-16', 'day')).toBe('16 September 2022');
    expect(formatDate('2022-09-01', 'month')).toBe('September 2022');
    expect(formatDate('2012-01-01', 'year')).toBe('2012');
    expect(formatDate('2022-09-16')).toBe('16 September 2022');
  });

  it('writes ranges compactly', () => {
    expect(formatDate('2022-09-15', 'day', '2022-09-16')).toBe('15–16 September 2022');
    expect(formatDate('2022-08-30', 'day', '2022-09-02')).toBe('30 August – 2 September 2022');
    expect(formatDate('2022-03-01', 'month', '2022-06-01')).toBe('March–June 2022');
    expect(formatDate('2021-01-01', 'year', '2022-01-01')).toBe('2021 – 2022');
    expect(formatDate('2021-12-30', 'day', '2022-01-02')).toBe('30 December 2021 – 2 January 2022');
    expect(formatDate('2022-09-15', 'day', '2022-09-15')).toBe('15 September 2022');
  });

  it('writes a range at each end’s own precision, and ignores an unreadable end', () => {
    expect(formatDate('2022-09-01', 'month', '2022-09-20', 'day')).toBe('September 2022 – 20 September 2022');
    expect(formatDate('2022-09-01', 'month', '2022-10-01', null)).toBe('September–October 2022');
    expect(formatDate('2022-09-15', 'day', '2022-10-03', undefined)).toBe('15 September – 3 October 2022');
    expect(formatDate('2022-01-01', 'year', '2022-03-01', 'month')).toBe('2022 – March 2022');
    expect(formatDate('2022-09-15', 'day', 20220916)).toBe('15 September 2022');
    expect(formatDate('2022-09-15', 'day', 'later')).toBe('15 September 2022');
    expect(formatDate('2022-09-15', 'week')).toBe('15 September 2022');
    expect(formatDate('2022-09-15T08:00:00Z', 'day')).toBe('15 September 2022');
  });

  it('takes a date that names no precision as a day, so that a range to a day is written compactly', () => {
    expect(formatDate('2022-09-15', undefined, '2022-09-16', 'day')).toBe('15–16 September 2022');
    expect(formatDate('2022-09-15', null, '2022-10-03', 'day')).toBe('15 September – 3 October 2022');
  });

  it('gives null for a missing or unreadable date', () => {
    expect(formatDate(null)).toBeNull();
    expect(formatDate('soon')).toBeNull();
    expect(formatDate(20220915)).toBeNull();
    expect(formatDate('on 2022-09-15')).toBeNull();
  });
});

describe('datePeriod', () => {
  it('covers a date’s whole period: a day, a month (leap Februaries too), a year', () => {
    expect(datePeriod('2022-09-15', 'day')).toEqual({ start: '2022-09-15', end: '2022-09-15' });
    expect(datePeriod('2022-09-01', 'month')).toEqual({ start: '2022-09-01', end: '2022-09-30' });
    expect(datePeriod('2024-02-01', 'month')?.end).toBe('2024-02-29');
    expect(datePeriod('2023-02-01', 'month')?.end).toBe('2023-02-28');
    expect(datePeriod('1900-02-01', 'month')?.end).toBe('1900-02-28');
    expect(datePeriod('2000-02-01', 'month')?.end).toBe('2000-02-29');
    expect(datePeriod('1945-01-01', 'year')).toEqual({ start: '1945-01-01', end: '1945-12-31' });
    expect(datePeriod('2022-09-15')).toEqual({ start: '2022-09-15', end: '2022-09-15' });
  });

  it('runs to the end of the end date’s period: January-July 2022 ends on 31 July', () => {
    expect(datePeriod('2022-01-01', 'month', '2022-07-01', 'month')).toEqual({
      start: '2022-01-01',
      end: '2022-07-31',
    });
    expect(datePeriod('2022-01-01', 'month', '2022-07-01')).toEqual({
      start: '2022-01-01',
      end: '2022-07-31',
    });
    expect(datePeriod('2022-09-15', 'day', '2022-09-16', null)).toEqual({
      start: '2022-09-15',
      end: '2022-09-16',
    });
    // The end at its own precision: to the end of October, or to 15 October.
    expect(datePeriod('2022-09-15', 'day', '2022-10-01', 'month')).toEqual({
      start: '2022-09-15',
      end: '2022-10-31',
    });
    expect(datePeriod('2022-09-01', 'month', '2022-10-15', 'day')).toEqual({
      start: '2022-09-01',
      end: '2022-10-15',
    });
    // An end that names no precision (null as Neo4j gives it) has the date's.
    expect(datePeriod('2022-09-01', 'month', '2022-10-01', null)).toEqual({
      start: '2022-09-01',
      end: '2022-10-31',
    });
    // An end before the date's own period is over changes nothing.
    expect(datePeriod('2022-01-01', 'year', '2021-03-01', 'month')).toEqual({
      start: '2022-01-01',
      end: '2022-12-31',
    });
  });

  it('gives null for a missing or unreadable date', () => {
    expect(datePeriod(null)).toBeNull();
    expect(datePeriod('soon', 'month')).toBeNull();
  });

  it('writes a span of months in one year as one', () => {
    expect(formatDate('2022-01-01', 'month', '2022-07-01', 'month')).toBe('January–July 2022');
    expect(formatDate('2022-09-01', 'month')).toBe('September 2022');
  });
});
