// Dates, periods and the time window. Dates are ISO calendar strings ("2022-09-15"); one known only to the
// month or year stands for its whole period, so a window overlapping that period keeps it.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import type { GraphData } from '../explorer/graph.ts';

export interface TimeWindow {
  since: string;
  until: string;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date (its first 10 characters). */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY);
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function lastDayOf(iso: string, precision: unknown): string {
  const [y, m] = iso.split('-').map(Number);
  if (precision === 'year') return `${y}-12-31`;
  if (precision === 'month') return isoOfDay(Math.floor(Date.UTC(y ?? 1970, m ?? 1, 1) / DAY) - 1);
  return iso.slice(0, 10);
}

/** The period a dated node or relationship covers, or null when it has no date. */
export function periodOf(item: {
  date?: string | null;
  properties: Record<string, unknown>;
}): { start: string; end: string } | null {
  const date = (item.date ?? item.properties.date) as string | null | undefined;
  if (typeof date !== 'string' || date.length < 4) return null;
  const start = date.slice(0, 10);
  const endDate = item.properties.endDate;
  const end =
    typeof endDate === 'string'
      ? lastDayOf(endDate.slice(0, 10), item.properties.endDatePrecision ?? item.properties.datePrecision)
      : lastDayOf(start, item.properties.datePrecision);
  return { start, end };
}

/** True when the item is undated or its period overlaps the window. */
export function inWindow(
  item: { date?: string | null; properties: Record<string, unknown> },
  window: TimeWindow | null,
): boolean {
  if (!window) return true;
  const p = periodOf(item);
  if (!p) return true;
  return p.end >= window.since && p.start <= window.until;
}

/** Kinds that appear on the timeline. */
export const TIMELINE_KINDS = ['MEETING', 'STATEMENT', 'AGREEMENT'] as const;

export interface TimelineItem {
  id: string;
  kind: GraphNode['kind'];
  label: string;
  start: string;
  end: string;
}

/** The dated meetings, statements and agreements of the graph, earliest first. */
export function timelineItems(graph: GraphData): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const n of Object.values(graph.nodes)) {
    if (!(TIMELINE_KINDS as readonly string[]).includes(n.kind)) continue;
    const p = periodOf(n);
    if (p) items.push({ id: n.id, kind: n.kind, label: n.label, ...p });
  }
  return items.sort((a, b) => a.start.localeCompare(b.start) || a.label.localeCompare(b.label));
}

/** The first and last day the timeline items cover, or null when nothing is dated. */
export function timelineDomain(items: readonly TimelineItem[]): TimeWindow | null {
  if (items.length === 0) return null;
  let since = items[0]!.start;
  let until = items[0]!.end;
  for (const i of items) {
    if (i.start < since) since = i.start;
    if (i.end > until) until = i.end;
  }
  return { since, until };
}

/** A window narrowed to valid order (since ≤ until), or null when it spans the whole domain. */
export function normaliseWindow(window: TimeWindow, domain: TimeWindow | null): TimeWindow | null {
  const since = window.since <= window.until ? window.since : window.until;
  const until = window.since <= window.until ? window.until : window.since;
  if (domain && since <= domain.since && until >= domain.until) return null;
  return { since, until };
}

/** True when a relationship is undated or its date falls in the window. */
export function edgeInWindow(edge: GraphEdge, window: TimeWindow | null): boolean {
  return inWindow({ date: null, properties: edge.properties }, window);
}
