// The results table: the nodes on the canvas (or every node of a kind, asked of the API) as rows to read
// answers from. Pure functions only: rows from nodes, the columns each kind shows, the filters (kind, words,
// a date range typed as readers write dates), sorting by any column, and the rows shown as CSV.
import type { GraphEdge, GraphNode, NodeKind, Source } from '../api/types.ts';
import type { GraphData } from '../explorer/graph.ts';
import { kindLabel } from '../graph/kinds.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { csvField } from '../../../core/exchange/exchange.ts';

/** One row: a node and what its cells show. */
export interface TableRow {
  id: string;
  kind: NodeKind;
  label: string;
  /** The date at its precision ("September 2022"), a range when the node has an end date. */
  dateText: string;
  /** The days the node's date covers (ISO), or null when it has none. */
  period: { start: string; end: string } | null;
  /** True when the node has an end date (a span rather than one day, month or year). */
  span: boolean;
  place: string;
  sources: number;
  /** Footnote numbers, then the titles of sources without one: "13, 16; ‘No Limits’…". */
  footnotes: string;
  speakers: string;
  properties: Record<string, unknown>;
  summary: string;
  /** True when the node is on the canvas (else it came from "all nodes of this kind"). */
  onCanvas: boolean;
}

export type SortDirection = 'asc' | 'desc';

export interface Column {
  id: string;
  label: string;
  /** What the cell shows (and the CSV holds). */
  text: (row: TableRow) => string;
  /** What the column sorts on (numbers as numbers); empty cells sort last either way. */
  sortKey?: (row: TableRow) => string | number | null;
}

const prop = (row: TableRow, name: string): string => {
  const v = row.properties[name];
  if (v === null || v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
};

const propColumn = (id: string, label: string): Column => ({ id, label, text: (r) => prop(r, id) });

/** The columns every kind shows. */
export const BASE_COLUMNS: readonly Column[] = [
  { id: 'kind', label: 'Kind', text: (r) => kindLabel(r.kind) },
  { id: 'label', label: 'Label', text: (r) => r.label },
  { id: 'date', label: 'Date', text: (r) => r.dateText, sortKey: (r) => r.period?.start ?? null },
  { id: 'place', label: 'Place', text: (r) => r.place },
  { id: 'sources', label: 'Sources', text: (r) => String(r.sources), sortKey: (r) => r.sources },
  { id: 'footnotes', label: 'Footnotes', text: (r) => r.footnotes, sortKey: footnoteKey },
];

/** The columns a kind adds after the label when the table shows that kind only. */
export const KIND_COLUMNS: Partial<Record<NodeKind, readonly Column[]>> = {
  FIGURE: [
    {
      id: 'value',
      label: 'Value',
      text: (r) => prop(r, 'value'),
      sortKey: (r) => (typeof r.properties.value === 'number' ? r.properties.value : null),
    },
    propColumn('unit', 'Unit'),
    propColumn('change', 'Change'),
    propColumn('period', 'Period'),
    propColumn('metric', 'Metric'),
  ],
  STATEMENT: [
    { id: 'speakers', label: 'Speaker(s)', text: (r) => r.speakers },
    propColumn('context', 'Context'),
  ],
  MEETING: [propColumn('meetingType', 'Type')],
  AGREEMENT: [propColumn('agreementType', 'Type'), propColumn('terms', 'Terms')],
  ACTOR: [propColumn('actorType', 'Type'), propColumn('role', 'Role'), propColumn('country', 'Country')],
  SOURCE: [propColumn('publisher', 'Publisher'), propColumn('url', 'Address')],
};

/**
 * The columns for the table showing `kind` (every kind: null): the base ones, with the kind's own after the
 * label; one kind needs no kind column, and only meetings have a place.
 */
export function columnsFor(kind: NodeKind | null): Column[] {
  if (!kind) return [...BASE_COLUMNS];
  const base = BASE_COLUMNS.filter((c) => c.id !== 'kind' && (c.id !== 'place' || kind === 'MEETING'));
  const at = base.findIndex((c) => c.id === 'label') + 1;
  return [...base.slice(0, at), ...(KIND_COLUMNS[kind] ?? []), ...base.slice(at)];
}

function footnoteKey(row: TableRow): number | null {
  const first = /^\d+/.exec(row.footnotes);
  return first ? Number(first[0]) : null;
}

/** "13, 16; ‘No Limits’: …": the sources' footnote numbers in order, then the titles of those without one. */
export function footnotesText(sources: readonly Source[]): string {
  const numbers = [...new Set(sources.flatMap((s) => (typeof s.footnote === 'number' ? [s.footnote] : [])))];
  numbers.sort((a, b) => a - b);
  const titles = sources.filter((s) => typeof s.footnote !== 'number').map((s) => s.title);
  return [numbers.join(', '), ...titles].filter(Boolean).join('; ');
}

// ---- Dates ----

const DAY_MS = 86_400_000;

/** The last day (ISO) of the period that starts on `iso` at `precision`. */
export function lastDay(iso: string, precision: unknown): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) || 1;
  if (precision === 'year') return `${iso.slice(0, 4)}-12-31`;
  if (precision === 'month') return new Date(Date.UTC(y, m, 1) - DAY_MS).toISOString().slice(0, 10);
  return iso.slice(0, 10);
}

function periodOfNode(node: GraphNode): { start: string; end: string } | null {
  const date = node.date ?? node.properties.date;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const p = node.properties;
  const endDate = typeof p.endDate === 'string' ? p.endDate : null;
  const end = endDate
    ? lastDay(endDate, p.endDatePrecision ?? p.datePrecision)
    : lastDay(date, p.datePrecision);
  return { start: date.slice(0, 10), end };
}

// ---- Rows ----

/** The names of the actors who SAID the statement `id`, from the relationships the working graph holds. */
function speakersOf(id: string, edges: readonly GraphEdge[], nodes: Record<string, GraphNode>): string {
  const names = edges
    .filter((e) => e.type === 'SAID' && e.target === id)
    .map((e) => nodes[e.source]?.label)
    .filter((n): n is string => !!n);
  return [...new Set(names)].sort().join(', ');
}

/** A row for `node`; `graph` gives the speakers of a statement. */
export function rowOf(node: GraphNode, graph: GraphData, onCanvas: boolean): TableRow {
  const p = node.properties;
  const period = periodOfNode(node);
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    dateText: period
      ? (formatDate(period.start, p.datePrecision, p.endDate, p.endDatePrecision ?? p.datePrecision) ?? '')
      : '',
    period,
    span: typeof p.endDate === 'string',
    place: typeof p.place === 'string' ? p.place : '',
    sources: node.sources.length,
    footnotes: footnotesText(node.sources),
    speakers: node.kind === 'STATEMENT' ? speakersOf(node.id, Object.values(graph.edges), graph.nodes) : '',
    properties: p,
    summary: node.summary ?? '',
    onCanvas,
  };
}

/** The rows: the graph's nodes (but the hidden ones), then `extra` nodes not on the canvas. */
export function tableRows(
  graph: GraphData,
  hidden: readonly string[],
  extra: readonly GraphNode[] = [],
): TableRow[] {
  const hide = new Set(hidden);
  const rows = Object.values(graph.nodes)
    .filter((n) => !hide.has(n.id))
    .map((n) => rowOf(n, graph, true));
  const seen = new Set(rows.map((r) => r.id));
  for (const n of extra) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    rows.push(rowOf(n, graph, !!graph.nodes[n.id]));
  }
  return rows;
}

// ---- Filters ----

export interface DateRange {
  since: string;
  until: string;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

interface DatePart {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** One side of a range: "2022", "2022-09", "2022-09-15", "September 2022", "15 Sep 2022", "September", "15 September". */
function parsePart(text: string): DatePart | null {
  const t = text.trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t);
  if (m) return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
  // A bare day, the start of "15–16 September 2022".
  if (/^\d{1,2}$/.test(t)) return { year: null, month: null, day: Number(t) };
  m = /^(?:(\d{1,2})\s+)?([A-Za-z]+\.?)(?:,?\s+(\d{4}))?$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month === null) return null;
    return { year: m[3] ? Number(m[3]) : null, month, day: m[1] ? Number(m[1]) : null };
  }
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === null ? null : { year: Number(m[3]), month, day: Number(m[2]) };
  }
  return null;
}

function validPart(p: DatePart): boolean {
  if (p.month !== null && (p.month < 1 || p.month > 12)) return false;
  if (p.day !== null && p.month !== null && p.year !== null) {
    const last = Number(lastDay(`${p.year}-${pad(p.month)}-01`, 'month').slice(8, 10));
    if (p.day < 1 || p.day > last) return false;
  }
  return true;
}

function firstDayOf(p: DatePart & { year: number }): string {
  return `${p.year}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

function lastDayOf(p: DatePart & { year: number }): string {
  if (p.month === null) return `${p.year}-12-31`;
  if (p.day === null) return lastDay(`${p.year}-${pad(p.month)}-01`, 'month');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The days a typed date or range covers: "September 2022", "2022-09", "2022", "15 September 2022",
 * "September – October 2022", "2022-09-01 to 2022-09-20", "2022-09..2022-10". Blank text: null (no filter);
 * text that is no date: "invalid".
 */
export function parseDateRange(text: string): DateRange | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  const sides = t.split(/\s*(?:\.\.|–|—|\bto\b|\s-\s)\s*/i).filter((s) => s !== '');
  if (sides.length < 1 || sides.length > 2) return 'invalid';
  const parts = sides.map(parsePart);
  if (parts.some((p) => p === null)) return 'invalid';
  const [a, b = a] = parts as DatePart[];
  // "15–16 September 2022", "September – October 2022": the first side takes the second's month and year.
  const start = { ...a!, year: a!.year ?? b!.year, month: a!.month ?? (a!.day !== null ? b!.month : null) };
  const end = { ...b!, year: b!.year ?? start.year };
  if (start.year === null || end.year === null) return 'invalid';
  const s = { ...start, year: start.year };
  const e = { ...end, year: end.year };
  if (!validPart(s) || !validPart(e)) return 'invalid';
  const since = firstDayOf(s);
  const until = lastDayOf(e);
  return since <= until ? { since, until } : { since: firstDayOf(e), until: lastDayOf(s) };
}

/**
 * True when the row's date falls in the range: a date known to the day, month or year lies within it (a figure
 * of "2022" is not known to be in September 2022); a span with an end date overlaps it. Undated rows: false.
 */
export function inRange(row: TableRow, range: DateRange): boolean {
  if (!row.period) return false;
  if (row.span) return row.period.start <= range.until && row.period.end >= range.since;
  return row.period.start >= range.since && row.period.end <= range.until;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** True when every word of `text` is in the row: its cells, summary or any property. */
export function matchesText(row: TableRow, text: string, columns: readonly Column[]): boolean {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [
      ...columns.map((c) => c.text(row)),
      row.label,
      row.summary,
      ...Object.values(row.properties).map((v) => (typeof v === 'object' ? '' : String(v))),
    ].join(' \u0000 '),
  );
  return words.every((w) => haystack.includes(w));
}

export interface TableFilter {
  kind: NodeKind | null;
  text: string;
  dates: string;
}

/** The rows the filter keeps (a date range that cannot be read keeps none). */
export function filterRows(rows: readonly TableRow[], filter: TableFilter): TableRow[] {
  const range = parseDateRange(filter.dates);
  if (range === 'invalid') return [];
  const columns = columnsFor(filter.kind);
  return rows.filter(
    (r) =>
      (filter.kind === null || r.kind === filter.kind) &&
      (range === null || inRange(r, range)) &&
      matchesText(r, filter.text, columns),
  );
}

// ---- Sorting ----

export interface TableSort {
  column: string;
  direction: SortDirection;
}

function keyOf(column: Column, row: TableRow): string | number | null {
  const k = column.sortKey ? column.sortKey(row) : column.text(row);
  return k === '' ? null : k;
}

/** The rows sorted on one column (empty cells last in both directions), then by label and id. */
export function sortRows(rows: readonly TableRow[], sort: TableSort, columns: readonly Column[]): TableRow[] {
  const column = columns.find((c) => c.id === sort.column) ?? BASE_COLUMNS.find((c) => c.id === sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: column ? keyOf(column, row) : null }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      const c =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : String(a.key).localeCompare(String(b.key), 'en', { numeric: true, sensitivity: 'base' });
      if (c !== 0) return sign * c;
    }
    return a.row.label.localeCompare(b.row.label, 'en') || (a.row.id < b.row.id ? -1 : 1);
  });
  return keyed.map((k) => k.row);
}

/** The sort after a click on `column`'s header: the same column turns round, another starts ascending. */
export function nextSort(sort: TableSort, column: string): TableSort {
  if (sort.column === column) return { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}

// ---- CSV ----

// One CSV field: the exchange formats' (core/exchange), so the table's file and the graph's quote alike.
export { csvField };

/** The rows as CSV: a header of the columns' labels, one line per row, CRLF line ends. */
export function toCsv(rows: readonly TableRow[], columns: readonly Column[]): string {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.text(r))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A file name for the CSV: "figures-2022-09.csv", "table.csv". */
export function csvFileName(filter: TableFilter): string {
  const parts = [filter.kind ? `${filter.kind.toLowerCase()}s` : 'table'];
  const range = parseDateRange(filter.dates);
  if (range && range !== 'invalid') parts.push(range.since, range.until);
  return `${parts.join('-')}.csv`.replace(/[^a-z0-9.-]+/gi, '-');
}
