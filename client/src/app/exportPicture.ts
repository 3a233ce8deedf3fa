// The PNG and SVG exports as a report figure: a title (the open view's name), the legend of the kinds drawn, the
// dates shown, the graph, and numbered citations of the sources the drawn nodes and relationships rest on. What
// the text says, where it goes and the SVG document are pure functions (tested); drawing the PNG on a canvas is
// the browser's part.
import type { Source } from '../api/types.ts';
import { sourceAddress } from '../details/sourceLabel.ts';
import { visibleElements } from '../explorer/projection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { kindStyle } from '../graph/kinds.ts';
import { escapeXml, type SvgGraph } from '../graph/svg.ts';
import { periodOf } from '../time/time.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { ruleLines, type StyleLegend } from '../style/style.ts';

export interface PictureText {
  title: string;
  legend: { kind: string; label: string; color: string; count: number }[];
  /** What the style rules colour, size and caption by (client/src/style), a line each; none without rules. */
  rules?: string[];
  /** The time window, or the span of the dated items drawn; null when nothing drawn is dated. */
  dates: string | null;
  /** Numbered citations: "[1] Title — Publisher, date — address". */
  citations: string[];
}

/** The sources of what is drawn, each once: by footnote number, then title, the document's own last. */
export function shownSources(state: ExplorerState): Source[] {
  const { nodeIds, edgeIds } = visibleElements(state);
  const byId = new Map<string, Source>();
  for (const el of [
    ...nodeIds.map((id) => state.graph.nodes[id]),
    ...edgeIds.map((id) => state.graph.edges[id]),
  ])
    for (const s of el?.sources ?? []) if (!byId.has(s.id)) byId.set(s.id, s);
  return [...byId.values()].sort(
    (a, b) => (a.footnote ?? Infinity) - (b.footnote ?? Infinity) || a.title.localeCompare(b.title),
  );
}

/** One citation line, numbered from 1. */
export function citationText(s: Source, n: number): string {
  const meta = [s.publisher, s.date ? formatDate(s.date) : null].filter(Boolean).join(', ');
  const note = s.footnote != null ? ` (footnote ${s.footnote})` : '';
  return `[${n}] ${s.title}${meta ? ` — ${meta}` : ''} — ${sourceAddress(s) ?? 'no address'}${note}`;
}

/**
 * What the exported picture says beside the graph. Under a colour rule (client/src/style) the legend's swatches
 * are its values' (the kinds' colours are not drawn), or none for a ramp, which its line describes.
 */
export function pictureText(
  state: ExplorerState,
  viewName: string | null,
  style: StyleLegend = {},
): PictureText {
  const { nodeIds, edgeIds } = visibleElements(state);
  const counts = new Map<string, number>();
  for (const id of nodeIds) {
    const kind = state.graph.nodes[id]!.kind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const kinds = [...counts].map(([kind, count]) => {
    const look = kindStyle(kind);
    return { kind, label: count === 1 ? look.label : look.plural, color: look.color, count };
  });
  const colour = style.colour;
  const values =
    colour?.type === 'categories'
      ? colour.categories.map((c) => ({ kind: '', label: c.value, color: c.colour, count: c.count }))
      : [];
  return {
    title: viewName?.trim() || 'Knowledge graph',
    legend: colour ? values : kinds,
    rules: ruleLines(style),
    dates: datesShown(state, nodeIds, edgeIds),
    citations: shownSources(state).map((s, i) => citationText(s, i + 1)),
  };
}

function datesShown(state: ExplorerState, nodeIds: string[], edgeIds: string[]): string | null {
  const w = state.timeWindow;
  if (w) return `Time window: ${formatDate(w.since)} – ${formatDate(w.until)}`;
  // The earliest start and the latest end, each written as precisely as its item gives it ("1945", not
  // "1 January 1945").
  let first: { at: string; text: string } | null = null;
  let last: { at: string; text: string } | null = null;
  for (const item of [
    ...nodeIds.map((id) => state.graph.nodes[id]!),
    ...edgeIds.map((id) => ({ properties: state.graph.edges[id]!.properties })),
  ]) {
    const p = periodOf(item);
    if (!p) continue;
    const props: Record<string, unknown> = item.properties;
    const date = 'date' in item && item.date ? item.date : props.date;
    const startText = formatDate(date, props.datePrecision);
    const endText = props.endDate ? formatDate(props.endDate, props.endDatePrecision) : startText;
    if (startText && (!first || p.start < first.at)) first = { at: p.start, text: startText };
    if (endText && (!last || p.end > last.at)) last = { at: p.end, text: endText };
  }
  if (!first || !last) return null;
  return first.text === last.text
    ? `Dates shown: ${first.text}`
    : `Dates shown: ${first.text} – ${last.text}`;
}

/** Something to draw, in canvas pixels: a line of text (top-left at x, y) or a legend swatch. */
export type PictureItem =
  | { type: 'text'; text: string; x: number; y: number; font: string; color: string }
  | { type: 'swatch'; x: number; y: number; size: number; color: string };

export interface PictureLayout {
  width: number;
  height: number;
  graph: { x: number; y: number };
  items: PictureItem[];
}

/** Breaks text into lines no wider than `max`, at spaces (a word wider than `max` gets a line of its own). */
export function wrap(text: string, max: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Where everything goes: title, dates and legend above the graph, citations below it. `scale` is the graph
 * image's pixels per CSS pixel; `measure` gives a text's width in a font (the canvas's measureText).
 */
export function layoutPicture(
  text: PictureText,
  graph: { width: number; height: number },
  measure: (text: string, font: string) => number,
  scale = 2,
): PictureLayout {
  const pad = 16 * scale;
  const width = Math.max(graph.width, 720 * scale);
  const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size * scale}px sans-serif`;
  const items: PictureItem[] = [];
  let y = pad;
  const line = (t: string, size: number, color = '#111', bold = false) => {
    const f = font(size, bold);
    for (const l of wrap(t, width - 2 * pad, (s) => measure(s, f))) {
      items.push({ type: 'text', text: l, x: pad, y, font: f, color });
      y += Math.round(size * 1.4 * scale);
    }
  };
  line(text.title, 20, '#111', true);
  if (text.dates) line(text.dates, 13, '#444');
  for (const rule of text.rules ?? []) line(rule, 13, '#444');
  if (text.legend.length) {
    y += 4 * scale;
    let x = pad;
    const f = font(13);
    const size = 12 * scale;
    for (const k of text.legend) {
      const label = `${k.label} (${k.count})`;
      const w = size + 6 * scale + measure(label, f) + 18 * scale;
      if (x > pad && x + w > width - pad) {
        x = pad;
        y += Math.round(13 * 1.6 * scale);
      }
      items.push({ type: 'swatch', x, y: y + 2 * scale, size, color: k.color });
      items.push({ type: 'text', text: label, x: x + size + 6 * scale, y, font: f, color: '#111' });
      x += w;
    }
    y += Math.round(13 * 1.6 * scale);
  }
  y += 8 * scale;
  const at = { x: Math.round((width - graph.width) / 2), y };
  y += graph.height + 12 * scale;
  if (text.citations.length) {
    line('Sources', 14, '#111', true);
    for (const c of text.citations) line(c, 11, '#333');
  } else line('No source recorded for what is shown.', 11, '#666');
  return { width, height: y + pad, graph: at, items };
}

/** Draws the layout and the graph image on a canvas and returns it as a PNG blob. */
export async function composePicture(graphUri: string, text: PictureText, scale = 2): Promise<Blob> {
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The graph image could not be read.'));
    image.src = graphUri;
  });
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture.');
  const measure = (t: string, f: string) => {
    ctx.font = f;
    return ctx.measureText(t).width;
  };
  const layout = layoutPicture(text, { width: image.width, height: image.height }, measure, scale);
  canvas.width = layout.width;
  canvas.height = layout.height;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.drawImage(image, layout.graph.x, layout.graph.y);
  ctx.textBaseline = 'top';
  for (const item of layout.items) {
    ctx.fillStyle = item.color;
    if (item.type === 'swatch') ctx.fillRect(item.x, item.y, item.size, item.size);
    else {
      ctx.font = item.font;
      ctx.fillText(item.text, item.x, item.y);
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))), 'image/png'),
  );
}

/** A text's width in a font, as the browser draws it (a canvas's measureText). */
export function browserMeasure(): (text: string, font: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  return (t, f) => {
    if (!ctx) return t.length * parseFloat(f.replace(/^bold /, '')) * 0.55;
    ctx.font = f;
    return ctx.measureText(t).width;
  };
}

/** The picture as one SVG document: the same title, dates, legend and citations as the PNG, around the graph's SVG. */
export function svgPicture(
  graph: SvgGraph,
  text: PictureText,
  measure: (text: string, font: string) => number,
): string {
  const layout = layoutPicture(text, graph, measure, 1);
  const items = layout.items.map((item) => {
    if (item.type === 'swatch')
      return `<rect x="${item.x}" y="${item.y}" width="${item.size}" height="${item.size}" fill="${item.color}"/>`;
    const [, bold, size] = /^(bold )?(\d+(?:\.\d+)?)px/.exec(item.font) ?? [];
    return (
      `<text x="${item.x}" y="${item.y}" dominant-baseline="hanging" font-family="sans-serif" font-size="${size ?? 12}"` +
      `${bold ? ' font-weight="bold"' : ''} fill="${item.color}">${escapeXml(item.text)}</text>`
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" ` +
      `viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...items,
    `<g class="graph" transform="translate(${layout.graph.x} ${layout.graph.y})">`,
    graph.body,
    '</g>',
    '</svg>',
  ].join('\n');
}
