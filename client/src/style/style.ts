// Style rules: the analyst colours, sizes and captions the canvas's nodes by a node property (country, actorType,
// the year of the date…) or a measure (client/src/analysis). Pure: from the rules, the nodes and the measures
// come each node's look (drawn through node data, graph/stylesheet.ts) and the legend that says what it means.
// The kind's shape still tells the kind whatever the colour.
import type { GraphNode } from '../api/types.ts';
import { MEASURE_LABELS, MEASURES, type Measure, type Measures } from '../analysis/measures.ts';

/**
 * What a rule draws by: a measure (`measure:betweenness`), a node property (`property:country`) or the year of
 * the node's date (`year`).
 */
export type Key = `measure:${Measure}` | `property:${string}` | 'year';

export interface StyleRules {
  colourBy: Key | null;
  sizeBy: Key | null;
  captionBy: Key | null;
}

export const NO_STYLE: StyleRules = { colourBy: null, sizeBy: null, captionBy: null };

/** Colours of the ten most frequent values (Tableau 10, the communities' colours before style rules). */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;
/** Values beyond the palette's ten. */
export const OTHER_COLOUR = '#d1d5db';
/** Nodes without the value (a meeting has no country), a darker grey than "other" so the two read apart. */
export const NO_VALUE_COLOUR = '#9ca3af';
/** The sequential ramp for numbers, from the smallest value to the largest (ColorBrewer's Blues). */
export const RAMP = ['#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
/** Smallest and largest node drawn when sized by a number (the range of the degree sizes, graph/kinds.ts). */
export const SIZE_BOUNDS = { min: 22, max: 80 } as const;

/** Properties no one styles by: names and free text, ids, lists, dates (the year stands for them). */
const NOT_STYLED = new Set([
  'id',
  'name',
  'title',
  'text',
  'originalText',
  'context',
  'summary',
  'terms',
  'inferenceNote',
  'passages',
  'sourceIds',
  'date',
  'endDate',
  'version',
]);

const RULE_KEY = /^(measure:(degree|pagerank|betweenness|community)|property:.+|year)$/;

/** Whether a stored string names a key this page can draw by. */
export function isKey(s: string): s is Key {
  return RULE_KEY.test(s);
}

/** The measure a key draws by, if it is one. */
export function measureOf(key: Key | null): Measure | null {
  if (!key?.startsWith('measure:')) return null;
  const m = key.slice('measure:'.length);
  return MEASURES.find((x) => x === m) ?? null;
}

/** Whether the rules need the measures computed. */
export function needsMeasures(rules: StyleRules): boolean {
  return [rules.colourBy, rules.sizeBy, rules.captionBy].some((k) => measureOf(k) !== null);
}

/** How a key is named in the controls and the legend. */
export function keyLabel(key: Key): string {
  const m = measureOf(key);
  if (m) return MEASURE_LABELS[m];
  if (key === 'year') return 'Year';
  return key.slice('property:'.length);
}

type Value = string | number | null;

/** A node's value for a key: a measure's number, a property's text or number, its date's year; null when absent. */
export function valueOf(key: Key, node: GraphNode, measures: Measures | null): Value {
  const m = measureOf(key);
  if (m) return measures?.[node.id]?.[m] ?? null;
  if (key === 'year') {
    const year = /^(\d{4})/.exec(node.date ?? '')?.[1];
    return year ? Number(year) : null;
  }
  const v = node.properties[key.slice('property:'.length)];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return null;
}

/** Whether a key's values are numbers to ramp and size by (a community number is a category, not a quantity). */
function numeric(key: Key, values: Value[]): boolean {
  if (key === 'measure:community') return false;
  if (measureOf(key) || key === 'year') return true;
  const present = values.filter((v) => v !== null);
  return present.length > 0 && present.every((v) => typeof v === 'number');
}

/** A choice of the controls: its key, its name, and whether it can size nodes (numbers only). */
export interface KeyOption {
  key: Key;
  label: string;
  numeric: boolean;
}

/**
 * What the canvas can be styled by: the measures, the year, and every property some node on it has as a single
 * value (text, number, yes/no), by name; the rules' own keys too, so a control always shows what is chosen.
 */
export function keyOptions(nodes: GraphNode[], rules: StyleRules): KeyOption[] {
  const names = new Set<string>();
  for (const n of nodes)
    for (const [name, v] of Object.entries(n.properties))
      if (!NOT_STYLED.has(name) && ['string', 'number', 'boolean'].includes(typeof v)) names.add(name);
  for (const k of [rules.colourBy, rules.sizeBy, rules.captionBy])
    if (k?.startsWith('property:')) names.add(k.slice('property:'.length));
  const properties = [...names].sort((a, b) => a.localeCompare(b)).map((name) => `property:${name}` as const);
  const keys: Key[] = [...MEASURES.map((m) => `measure:${m}` as const), 'year', ...properties];
  return keys.map((key) => ({
    key,
    label: keyLabel(key),
    numeric: numeric(
      key,
      nodes.map((n) => valueOf(key, n, null)),
    ),
  }));
}

/** What a node looks like under the rules (each only when its rule applies): node data of the canvas. */
export interface NodeLook {
  styleColour?: string;
  styleSize?: number;
  caption?: string;
}

/** One value of a colour rule in the legend: its swatch and how many nodes have it. */
export interface LegendCategory {
  value: string;
  colour: string;
  count: number;
}

/** What the legend says of each active rule; `pending` while the measures it needs are being computed. */
export type StyleLegend = {
  colour?:
    | { key: Key; type: 'categories'; categories: LegendCategory[] }
    | { key: Key; type: 'ramp'; min: number; max: number; ramp: readonly string[]; none: number }
    | { key: Key; type: 'pending' };
  size?: { key: Key; min: number; max: number; none: number } | { key: Key; type: 'pending' };
  caption?: { key: Key };
};

/** A number as the legend and captions write it: whole numbers whole, others to three significant digits. */
export function numberText(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3)));
}

/** A colour `t` of the way (0 to 1) along the ramp, mixed between its two nearest stops. */
export function rampColour(t: number): string {
  const at = Math.min(Math.max(t, 0), 1) * (RAMP.length - 1);
  const i = Math.min(Math.floor(at), RAMP.length - 2);
  const [a, b] = [RAMP[i]!, RAMP[i + 1]!].map((hex) =>
    [1, 3, 5].map((p) => parseInt(hex.slice(p, p + 2), 16)),
  );
  const mix = a!.map((c, j) => Math.round(c + (b![j]! - c) * (at - i)));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The smallest and largest of the numbers among `values`, or null when there are none. */
function range(values: Value[]): { min: number; max: number } | null {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return numbers.length ? { min: Math.min(...numbers), max: Math.max(...numbers) } : null;
}

/** Where `v` lies between min (0) and max (1); 0 when every value is the same. */
const share = (v: number, r: { min: number; max: number }) =>
  r.max > r.min ? (v - r.min) / (r.max - r.min) : 0;

/**
 * The categories of a text key, most frequent first (ties in natural order), with their palette colours; beyond
 * ten, "other"; nodes without the value last. Community n has the n-th colour (the measures number them largest
 * first), as before style rules.
 */
function categories(key: Key, values: Value[]): { colourOf: Map<string, string>; legend: LegendCategory[] } {
  const counts = new Map<string, number>();
  let none = 0;
  for (const v of values)
    if (v === null) none += 1;
    else counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  const natural = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
  const community = key === 'measure:community';
  const order = [...counts].sort(([a, x], [b, y]) => (community ? natural(a, b) : y - x || natural(a, b)));
  const colourAt = (value: string, i: number) =>
    (community ? PALETTE[Number(value) - 1] : PALETTE[i]) ?? OTHER_COLOUR;
  const all = order.map(([value, count], i) => ({ value, colour: colourAt(value, i), count }));
  const colourOf = new Map(all.map((c) => [c.value, c.colour]));
  const legend = all.filter((c) => c.colour !== OTHER_COLOUR);
  const others = all.filter((c) => c.colour === OTHER_COLOUR).reduce((sum, c) => sum + c.count, 0);
  if (others) legend.push({ value: 'other', colour: OTHER_COLOUR, count: others });
  if (none) legend.push({ value: 'no value', colour: NO_VALUE_COLOUR, count: none });
  return { colourOf, legend };
}

/**
 * Each node's look and the legend, under the rules. A rule by a measure applies once the measures are there (the
 * legend says "pending" until then). Colour: a text key's categories from the palette, a number's place on the
 * ramp; size: linear between SIZE_BOUNDS in a number (text keys size nothing); caption: the value as text. A
 * node without the value is grey and the smallest, and keeps its name as caption.
 */
export function styleLooks(
  rules: StyleRules,
  nodes: GraphNode[],
  measures: Measures | null,
): { looks: Record<string, NodeLook>; legend: StyleLegend } {
  const looks: Record<string, NodeLook> = Object.fromEntries(nodes.map((n) => [n.id, {}]));
  const legend: StyleLegend = {};
  const pending = (key: Key) => measureOf(key) !== null && measures === null;
  const valuesOf = (key: Key) => nodes.map((n) => valueOf(key, n, measures));

  if (rules.colourBy && pending(rules.colourBy)) legend.colour = { key: rules.colourBy, type: 'pending' };
  else if (rules.colourBy) {
    const key = rules.colourBy;
    const values = valuesOf(key);
    const r = numeric(key, values) ? range(values) : null;
    if (r) {
      values.forEach((v, i) => {
        looks[nodes[i]!.id]!.styleColour = typeof v === 'number' ? rampColour(share(v, r)) : NO_VALUE_COLOUR;
      });
      const none = values.filter((v) => v === null).length;
      legend.colour = { key, type: 'ramp', ...r, ramp: RAMP, none };
    } else {
      const { colourOf, legend: list } = categories(key, values);
      values.forEach((v, i) => {
        looks[nodes[i]!.id]!.styleColour = v === null ? NO_VALUE_COLOUR : colourOf.get(String(v))!;
      });
      legend.colour = { key, type: 'categories', categories: list };
    }
  }

  if (rules.sizeBy && pending(rules.sizeBy)) legend.size = { key: rules.sizeBy, type: 'pending' };
  else if (rules.sizeBy) {
    const key = rules.sizeBy;
    const values = valuesOf(key);
    const r = numeric(key, values) ? range(values) : null;
    if (r) {
      values.forEach((v, i) => {
        const t = typeof v === 'number' ? share(v, r) : 0;
        looks[nodes[i]!.id]!.styleSize = Math.round(
          SIZE_BOUNDS.min + t * (SIZE_BOUNDS.max - SIZE_BOUNDS.min),
        );
      });
      legend.size = { key, ...r, none: values.filter((v) => v === null).length };
    }
  }

  if (rules.captionBy) {
    const key = rules.captionBy;
    legend.caption = { key };
    if (!pending(key))
      valuesOf(key).forEach((v, i) => {
        if (v !== null) looks[nodes[i]!.id]!.caption = typeof v === 'number' ? numberText(v) : v;
      });
  }
  return { looks, legend };
}

/** The active rules in words, one line each, for a legend drawn as text (the exported picture). */
export function ruleLines(legend: StyleLegend): string[] {
  const lines: string[] = [];
  const { colour, size, caption } = legend;
  if (colour) {
    const range =
      colour.type === 'ramp' ? ` ${numberText(colour.min)} – ${numberText(colour.max)}, light to dark` : '';
    lines.push(`Colour: ${keyLabel(colour.key)}${range} (the shape tells the kind)`);
  }
  if (size)
    lines.push(
      `Size: ${keyLabel(size.key)}${'type' in size ? '' : ` ${numberText(size.min)} – ${numberText(size.max)}, smallest to largest`}`,
    );
  if (caption) lines.push(`Caption: ${keyLabel(caption.key)}`);
  return lines;
}
