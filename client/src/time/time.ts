// Dates, periods and the time window. Dates are ISO calendar strings ("2022-09-15"); one known only to the
// month or year stands for its whole period (and one with an end date until the end of that one's), so a
// window overlapping that period keeps it. Undated nodes stay in a window only when linked to what is in it.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { drawableEdges, type GraphData } from '../explorer/graph.ts';
import { datePeriod, formatDate } from '../../../core/model/dates.ts';

export interface TimeWindow {
  since: string;
  until: string;
  /** Keep every undated node, not only those linked to something in the window. */
  showUndated?: boolean;
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

type Dated = { date?: string | null; properties: Record<string, unknown> };

/**
 * The period a dated node or relationship covers (from its date to the end of its precision's period, or of
 * its end date's), or null when it has no date.
 */
export function periodOf(item: Dated): { start: string; end: string } | null {
  const p = item.properties;
  return datePeriod(item.date ?? p.date, p.datePrecision, p.endDate, p.endDatePrecision);
}

/** How an item's date reads, as precise as the source: "September 2022", "January–July 2022". */
export function dateText(item: Dated): string | null {
  const p = item.properties;
  return formatDate(item.date ?? p.date, p.datePrecision, p.endDate, p.endDatePrecision);
}

/** True when the item's period overlaps the window, or there is no window. An undated item: true. */
export function inWindow(item: Dated, window: TimeWindow | null): boolean {
  if (!window) return true;
  const p = periodOf(item);
  if (!p) return true;
  return p.end >= window.since && p.start <= window.until;
}

/**
 * What a time window keeps, among the nodes `drawn` allows (hidden nodes and kinds left out): a dated node
 * whose period overlaps it; an undated node only when it is linked to something in the window, by a
 * relationship in the window to a dated node kept or by a dated relationship in the window, unless the window
 * shows every undated node. No window keeps everything.
 */
export function windowKeeps(
  graph: GraphData,
  window: TimeWindow | null,
  drawn: (id: string) => boolean = () => true,
): (id: string) => boolean {
  if (!window) return () => true;
  const kept = (id: string) => {
    const n = graph.nodes[id];
    return !!n && periodOf(n) !== null && inWindow(n, window);
  };
  if (window.showUndated)
    return (id) => !!graph.nodes[id] && (periodOf(graph.nodes[id]) === null || kept(id));
  const anchored = new Set<string>();
  for (const e of drawableEdges(graph)) {
    if (!drawn(e.source) || !drawn(e.target) || !edgeInWindow(e, window)) continue;
    const dated = periodOf({ properties: e.properties }) !== null;
    if (dated || kept(e.target)) anchored.add(e.source);
    if (dated || kept(e.source)) anchored.add(e.target);
  }
  return (id) => {
    const n = graph.nodes[id];
    if (!n) return false;
    return periodOf(n) === null ? anchored.has(id) : kept(id);
  };
}

/** Kinds that appear on the timeline. */
export const TIMELINE_KINDS = ['MEETING', 'STATEMENT', 'AGREEMENT'] as const;

export interface TimelineItem {
  id: string;
  kind: GraphNode['kind'];
  label: string;
  start: string;
  /** The last day of its period. */
  end: string;
  /** Its date as the source gives it: "September 2022". */
  when: string;
}

/** The dated meetings, statements and agreements of the graph, earliest first. */
export function timelineItems(graph: GraphData): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const n of Object.values(graph.nodes)) {
    if (!(TIMELINE_KINDS as readonly string[]).includes(n.kind)) continue;
    const p = periodOf(n);
    if (p) items.push({ id: n.id, kind: n.kind, label: n.label, ...p, when: dateText(n) ?? p.start });
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
  return window.showUndated ? { since, until, showUndated: true } : { since, until };
}

/** True when a relationship is undated or its date falls in the window. */
export function edgeInWindow(edge: GraphEdge, window: TimeWindow | null): boolean {
  return inWindow({ date: null, properties: edge.properties }, window);
}
