// The timeline strip and the time window: which dates it offers, where the window's ends sit on the sliders,
// how each date reads, the window two slider positions make, and the transition that sets it. Pure.
import type { GraphData } from '../explorer/graph.ts';
import { relayoutTimeline, type ExplorerState } from '../explorer/state.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { normaliseWindow, timelineDomain, type TimeWindow, type TimelineItem } from './time.ts';

/** Narrows the graph to a window (null: all dates). */
export function setTimeWindow(state: ExplorerState, window: TimeWindow | null): ExplorerState {
  return relayoutTimeline({ ...state, timeWindow: window });
}

/** The distinct start dates of the items, earliest first: the sliders' stops. */
export function timelineDates(items: readonly TimelineItem[]): string[] {
  return [...new Set(items.map((i) => i.start))].sort();
}

/** The slider positions of the window's ends (the whole range when there is no window). */
export function windowIndices(
  dates: readonly string[],
  window: TimeWindow | null,
): { sinceIndex: number; untilIndex: number } {
  if (!window) return { sinceIndex: 0, untilIndex: Math.max(dates.length - 1, 0) };
  const sinceIndex = Math.max(
    dates.findIndex((d) => d >= window.since),
    0,
  );
  const untilFound = dates.findLastIndex((d) => d <= window.until);
  return { sinceIndex, untilIndex: untilFound === -1 ? 0 : untilFound };
}

/**
 * The window between two slider positions (in either order), or undefined when one is off the range; it keeps
 * `showUndated`. It ends on the later stop's first day, so each stop keeps the slider where it was put (what
 * starts there, a month or a day, overlaps it).
 */
export function windowBetween(
  items: readonly TimelineItem[],
  dates: readonly string[],
  a: number,
  b: number,
  showUndated = false,
): TimeWindow | null | undefined {
  const since = dates[Math.min(a, b)];
  const until = dates[Math.max(a, b)];
  if (!since || !until) return undefined;
  if (Math.min(a, b) === 0 && Math.max(a, b) === dates.length - 1) return null;
  return normaliseWindow(
    showUndated ? { since, until, showUndated } : { since, until },
    timelineDomain(items),
  );
}

/** How a window reads: "1 February 2022 – 31 March 2022". */
export function windowText(window: TimeWindow): string {
  return `${formatDate(window.since) ?? window.since} – ${formatDate(window.until) ?? window.until}`;
}

/** How the date at slider position `i` reads: as precise as the data for periods, else the day. */
export function dateLabel(
  graph: GraphData,
  items: readonly TimelineItem[],
  dates: readonly string[],
  i: number,
): string {
  const d = dates[i];
  if (!d) return '';
  const period = items.find((it) => it.start === d && it.end !== it.start);
  const node = items.find((it) => it.start === d);
  const p = node ? graph.nodes[node.id]?.properties.datePrecision : undefined;
  return formatDate(d, period ? p : 'day') ?? '';
}

/** A date column's label on the canvas. */
export interface AxisLabel {
  /** The column's key: its date and precision. */
  key: string;
  x: number;
  text: string;
}

/** The column labels that fit on a canvas `width` wide: off-canvas ones and ones that would overlap are left out. */
export function axisLabels(
  columns: readonly { date: string; x: number; precision?: string }[],
  viewport: { zoom: number; pan: { x: number } },
  width: number,
  textOf: (column: { date: string; precision?: string }) => string,
): AxisLabel[] {
  const out: AxisLabel[] = [];
  let lastRight = -Infinity;
  for (const c of columns) {
    const x = c.x * viewport.zoom + viewport.pan.x;
    const text = textOf(c);
    const half = text.length * 3.4;
    if (x < -40 || x > width + 40 || x - half < lastRight + 8) continue;
    lastRight = x + half;
    out.push({ key: `${c.date}|${c.precision ?? ''}`, x, text });
  }
  return out;
}
