// A document's text cut into what the reading pane draws: plain text and marked spans, one mark per range that
// some claim rests on (several claims often share a passage: a statement, who said it, where). Spans nest and
// overlap, so the text is split at every span's start and end, and each piece is wrapped in the marks that
// cover it, longest outside: the innermost mark at any point is the shortest span there, which a click picks.
// Where two spans cross (neither holds the other), the inner one is drawn in two or more pieces.

/** A claim resting on a span: a node or a relationship (with its ends), as documentSpans gives it. */
export interface SpanItem {
  nodeId: string | null;
  edgeId: string | null;
  label: string;
  /** The node's kind or the relationship's type. */
  kind: string | null;
  source: string | null;
  target: string | null;
}

/** One passage of one claim, by character offsets into the document's text. */
export interface DocumentSpan extends SpanItem {
  start: number;
  end: number;
}

/** A range of the text with every claim whose passage it is exactly, nodes first. */
export interface MarkedRange {
  /** "start-end", unique in a document. */
  key: string;
  start: number;
  end: number;
  items: SpanItem[];
}

/** A piece of the drawn text: plain, or a mark (a range, or a piece of one) holding what lies inside it. */
export type Segment =
  | { type: 'text'; start: number; end: number; text: string }
  | {
      type: 'mark';
      start: number;
      end: number;
      range: MarkedRange;
      /** A later piece of a range cut by a crossing span (its first piece is the one the keyboard stops at). */
      continued: boolean;
      children: Segment[];
    };

/** The id of the node or relationship a span belongs to. */
export const itemId = (item: SpanItem): string => item.nodeId ?? item.edgeId ?? '';

/** A range's key: its offsets. */
export const rangeKey = (start: number, end: number): string => `${start}-${end}`;

/**
 * The spans grouped by range, offsets clamped to the text and empty ranges left out, in reading order (longer
 * first where two begin together); within a range, nodes before relationships, each claim once.
 */
export function markedRanges(textLength: number, spans: readonly DocumentSpan[]): MarkedRange[] {
  const byKey = new Map<string, MarkedRange>();
  for (const span of spans) {
    const start = Math.max(0, Math.min(span.start, textLength));
    const end = Math.max(start, Math.min(span.end, textLength));
    if (end === start) continue;
    const key = rangeKey(start, end);
    const range = byKey.get(key) ?? { key, start, end, items: [] };
    byKey.set(key, range);
    const item: SpanItem = {
      nodeId: span.nodeId,
      edgeId: span.edgeId,
      label: span.label,
      kind: span.kind,
      source: span.source,
      target: span.target,
    };
    if (!range.items.some((i) => itemId(i) === itemId(item))) range.items.push(item);
  }
  const ranges = [...byKey.values()];
  for (const r of ranges) r.items.sort((a, b) => Number(a.nodeId === null) - Number(b.nodeId === null));
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Outermost first: the longer range, then the one that begins earlier (so that nesting is decided once). */
const outerFirst = (a: MarkedRange, b: MarkedRange) =>
  b.end - b.start - (a.end - a.start) || a.start - b.start || a.end - b.end;

/** A piece of text between two consecutive boundaries, with the ranges covering it, outermost first. */
interface Piece {
  start: number;
  end: number;
  cover: MarkedRange[];
}

/** The text cut at every range's start and end, each piece with the ranges that cover it. */
function piecesOf(textLength: number, ranges: readonly MarkedRange[]): Piece[] {
  const bounds = new Set<number>([0, textLength]);
  for (const r of ranges) bounds.add(r.start).add(r.end);
  const sorted = [...bounds].sort((a, b) => a - b);
  const byStart = [...ranges].sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let active: MarkedRange[] = [];
  let next = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i]!, sorted[i + 1]!];
    active = active.filter((r) => r.end > start);
    while (next < byStart.length && byStart[next]!.start <= start) active.push(byStart[next++]!);
    pieces.push({ start, end, cover: [...active].sort(outerFirst) });
  }
  return pieces;
}

/** Consecutive pieces grouped by the range at `depth` of their cover (none: plain text), as segments. */
function build(text: string, pieces: Piece[], depth: number): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < pieces.length) {
    const range = pieces[i]!.cover[depth];
    let j = i + 1;
    while (j < pieces.length && pieces[j]!.cover[depth] === range) j++;
    const [start, end] = [pieces[i]!.start, pieces[j - 1]!.end];
    if (range === undefined) out.push({ type: 'text', start, end, text: text.slice(start, end) });
    else {
      const children = build(text, pieces.slice(i, j), depth + 1);
      out.push({ type: 'mark', start, end, range, continued: start !== range.start, children });
    }
    i = j;
  }
  return out;
}

/** `text` as segments, every range of `spans` marked (see the top of this file). */
export function segmentText(text: string, spans: readonly DocumentSpan[]): Segment[] {
  if (text.length === 0) return [];
  const ranges = markedRanges(text.length, spans);
  return build(text, piecesOf(text.length, ranges), 0);
}

/** The ranges of `segments`, each once (a range cut in pieces counted once). */
export function rangesIn(segments: readonly Segment[]): MarkedRange[] {
  const seen = new Map<string, MarkedRange>();
  const walk = (list: readonly Segment[]) => {
    for (const s of list) {
      if (s.type !== 'mark') continue;
      seen.set(s.range.key, s.range);
      walk(s.children);
    }
  };
  walk(segments);
  return [...seen.values()];
}

/**
 * The claim a click on `range` selects: its first, or, when the selection is already one of its claims, the next
 * (so that clicking again goes through every claim resting on the same passage).
 */
export function itemToSelect(range: MarkedRange, selectedId: string | null): SpanItem | undefined {
  const at = range.items.findIndex((i) => itemId(i) === selectedId);
  return range.items[(at + 1) % range.items.length];
}
