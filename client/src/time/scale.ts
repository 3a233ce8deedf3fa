// The timeline's axis: proportional to time, except that long stretches with nothing dated in them (1945 … 2018)
// are cut out and drawn as a narrow marked break. Pure: from day numbers to x and back.
import { dayNumber, isoOfDay } from './time.ts';

/** A stretch of time drawn proportionally, from day `from` to day `to` (inclusive), at x `x0` to `x1`. */
export interface Segment {
  from: number;
  to: number;
  x0: number;
  x1: number;
}

export interface TimeScale {
  segments: Segment[];
  /** The x of each break (the middle of the gap between two segments). */
  breaks: number[];
  /** x of an ISO date (clamped to the axis; a date in a break sits in its middle). */
  x(iso: string): number;
  /** The ISO date at x (in a break: the first day after it). */
  dateAt(x: number): string;
}

/** Width given to each break. */
export const BREAK_WIDTH = 24;
/** The shortest gap that becomes a break, in days (a longer one when a quarter of the dated time is longer). */
const MIN_BREAK_DAYS = 120;
/** The most room a long period (a year-long "1945") is given on the axis, in days, so it does not crowd the rest. */
const LONGEST_ROOM = 31;

/**
 * A scale over `periods` (ISO start and end days) from `left` to `right`: the dated time is laid out in
 * proportion (a period longer than a month counting as its first month), and every empty gap longer than both
 * MIN_BREAK_DAYS and a quarter of the dated time becomes a break BREAK_WIDTH wide.
 */
export function timeScale(
  periods: readonly { start: string; end: string }[],
  left: number,
  right: number,
): TimeScale {
  const spans = periods
    .map((p) => {
      const start = dayNumber(p.start);
      return [start, Math.min(Math.max(dayNumber(p.end), start), start + LONGEST_ROOM - 1)] as [
        number,
        number,
      ];
    })
    .sort((a, b) => a[0] - b[0]);
  // Merge into covered stretches.
  const covered: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = covered.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else covered.push([a, b]);
  }
  if (covered.length === 0) covered.push([0, 0]);
  const dated = covered.reduce((s, [a, b]) => s + (b - a + 1), 0);
  const threshold = Math.max(MIN_BREAK_DAYS, dated / 4);
  // Runs of stretches whose gaps are short enough to draw; long gaps split them.
  const runs: [number, number][] = [];
  for (const [a, b] of covered) {
    const last = runs.at(-1);
    if (last && a - last[1] - 1 <= threshold) last[1] = b;
    else runs.push([a, b]);
  }
  const days = runs.reduce((s, [a, b]) => s + (b - a + 1), 0);
  const perDay = Math.max(right - left - BREAK_WIDTH * (runs.length - 1), 1) / days;
  const segments: Segment[] = [];
  const breaks: number[] = [];
  let x = left;
  for (const [a, b] of runs) {
    if (segments.length) {
      breaks.push(x + BREAK_WIDTH / 2);
      x += BREAK_WIDTH;
    }
    const w = (b - a + 1) * perDay;
    segments.push({ from: a, to: b, x0: x, x1: x + w });
    x += w;
  }

  const xOfDay = (d: number): number => {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      if (d < s.from) return i === 0 ? s.x0 : s.x0 - BREAK_WIDTH / 2;
      if (d <= s.to + 1) return s.x0 + (d - s.from) * perDay;
    }
    return segments.at(-1)!.x1;
  };
  const dayAt = (px: number): number => {
    for (const s of segments) {
      if (px < s.x0) return s.from;
      if (px <= s.x1) return Math.min(s.from + Math.floor((px - s.x0) / perDay), s.to);
    }
    return segments.at(-1)!.to;
  };
  return {
    segments,
    breaks,
    x: (iso) => xOfDay(dayNumber(iso)),
    dateAt: (px) => isoOfDay(dayAt(px)),
  };
}

/** Moves a window [since, until] by `dx` on the scale, keeping its length in days, within the axis's days. */
export function shiftWindow(
  scale: TimeScale,
  window: { since: string; until: string },
  dx: number,
): { since: string; until: string } {
  const first = scale.segments[0]!.from;
  const last = scale.segments.at(-1)!.to;
  const length = dayNumber(window.until) - dayNumber(window.since);
  let since = dayNumber(scale.dateAt(scale.x(window.since) + dx));
  since = Math.max(first, Math.min(since, last - length));
  return { since: isoOfDay(since), until: isoOfDay(since + length) };
}

/** Year labels for the axis: each segment's first year, then every 1 January inside it, at least `gap` apart. */
export function axisTicks(scale: TimeScale, gap = 36): { x: number; text: string }[] {
  const out: { x: number; text: string }[] = [];
  for (const s of scale.segments) {
    const first = Number(isoOfDay(s.from).slice(0, 4));
    const last = Number(isoOfDay(s.to).slice(0, 4));
    for (let y = first; y <= last; y++) {
      const x = y === first ? s.x0 : scale.x(`${String(y).padStart(4, '0')}-01-01`);
      if (out.length && x - out.at(-1)!.x < gap) continue;
      out.push({ x, text: String(y) });
    }
  }
  return out;
}
