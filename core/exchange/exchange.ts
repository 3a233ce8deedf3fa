// The exchange formats other tools open, written in one place for the page (the canvas) and the server (the whole
// graph, streamed): GEXF 1.2 (Gephi, Gephi Lite), GraphML (yEd, Cytoscape desktop, NetworkX) and CSV (a nodes file
// and a relationships file). Every writer comes in parts (head, one node, one relationship, tail), so the server
// can write a million nodes without holding them; the page joins the parts. Each row keeps what an analyst needs
// to trust the data elsewhere, and what a document needs to be brought back in (graph-seed/src/exchange.ts): ids,
// kinds, dates at their precision, basis, the kind's own fields, passages and sources.
import { formatDate } from '../model/dates.ts';

/** One attribute value: text or a number (lists are joined, empty values left out). */
export type Value = string | number;

export interface ExchangeNode {
  id: string;
  attributes: Record<string, Value>;
}
export interface ExchangeEdge {
  id: string;
  source: string;
  target: string;
  attributes: Record<string, Value>;
}
/** Rows of nodes and relationships, each with its attributes in a fixed order. */
export interface Exchange {
  nodes: ExchangeNode[];
  edges: ExchangeEdge[];
}

/** An attribute as the formats declare it (GraphML keys, GEXF attributes, CSV columns). */
export interface Column {
  name: string;
  type: 'string' | 'double';
}

const text = (name: string): Column => ({ name, type: 'string' });

/** What the formats hold of a node, in this order (the page adds its measures after them). */
export const NODE_COLUMNS: readonly Column[] = [
  ...[
    'label',
    'kind',
    'date',
    'dateText',
    'datePrecision',
    'endDate',
    'basis',
    'inferenceNote',
    'summary',
  ].map(text),
  // The kinds' own fields: what the seed format needs to take the node back (graph-seed/README.md).
  ...['aliases', 'actorType', 'role', 'country', 'meetingType', 'place', 'agreementType', 'terms'].map(text),
  ...['text', 'language', 'metric'].map(text),
  { name: 'value', type: 'double' },
  ...['unit', 'change', 'period', 'publisher', 'url', 'reliability', 'reliabilityNote', 'document'].map(text),
  ...['passages', 'sources', 'sourceIds'].map(text),
];

/** What the formats hold of a relationship, in this order. */
export const EDGE_COLUMNS: readonly Column[] = [
  ...['type', 'date', 'dateText', 'datePrecision', 'endDate', 'basis', 'inferenceNote', 'role', 'note'].map(
    text,
  ),
  { name: 'credibility', type: 'double' },
  ...['document', 'passages', 'sources', 'sourceIds'].map(text),
];

/** Node properties copied as they are (text, or the figure's value). */
const NODE_FIELDS = [
  'datePrecision',
  'endDate',
  'inferenceNote',
  'actorType',
  'role',
  'country',
  'meetingType',
  'place',
  'agreementType',
  'terms',
  'text',
  'language',
  'metric',
  'value',
  'unit',
  'change',
  'period',
  'publisher',
  'url',
  'reliability',
  'reliabilityNote',
  'document',
];
const EDGE_FIELDS = [
  'date',
  'datePrecision',
  'endDate',
  'inferenceNote',
  'role',
  'note',
  'credibility',
  'document',
];

/** Joins a list of passages: one per line (a passage's own line breaks become spaces). */
export const PASSAGE_SEPARATOR = '\n';
/** Joins a list of aliases. */
export const ALIAS_SEPARATOR = '; ';

/** A source as the page and the server both hold it. */
export interface SourceInput {
  id: string;
  title: string;
  footnote: number | null;
}
/** A node as the page and the server both hold it (the contract's GraphNode). */
export interface NodeInput {
  id: string;
  kind: string;
  label: string;
  date: string | null;
  summary: string | null;
  properties: Record<string, unknown>;
  sources: readonly SourceInput[];
}
/** A relationship as the page and the server both hold it (the contract's GraphEdge). */
export interface EdgeInput {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  sources: readonly SourceInput[];
}

/** "13, 16; ‘No Limits’…": footnote numbers, then titles of sources without one; and their ids. */
function sourcesOf(sources: readonly SourceInput[]): { sources: string; sourceIds: string } {
  const numbered = sources.filter((s) => s.footnote != null).map((s) => String(s.footnote));
  const titled = sources.filter((s) => s.footnote == null).map((s) => s.title);
  return {
    sources: [numbered.join(', '), titled.join('; ')].filter(Boolean).join('; '),
    sourceIds: sources.map((s) => s.id).join(' '),
  };
}

/** The values of `fields` that are text or numbers. */
function fieldsOf(p: Record<string, unknown>, fields: readonly string[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const f of fields) {
    const v = p[f];
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[f] = v;
  }
  return out;
}

/** A list of texts joined with `separator`, or undefined. */
function joined(v: unknown, separator: string): string | undefined {
  if (!Array.isArray(v)) return undefined;
  const texts = v.filter((x): x is string => typeof x === 'string');
  return texts.map((t) => t.replace(/\s*\n\s*/g, ' ')).join(separator);
}

/** Drops empty values and orders the rest as `columns`, so a file holds only what is known. */
function ordered(attrs: Record<string, Value | null | undefined>, columns: readonly Column[]) {
  const out: Record<string, Value> = {};
  for (const { name } of columns) {
    const v = attrs[name];
    if (v !== null && v !== undefined && v !== '') out[name] = v;
  }
  for (const [k, v] of Object.entries(attrs)) {
    if (!(k in out) && v !== null && v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

const dateTextOf = (date: unknown, p: Record<string, unknown>) =>
  formatDate(date, p.datePrecision, p.endDate, p.endDatePrecision);

/** A node's row: `extra` (the page's measures) after the fixed columns. */
export function exchangeNode(n: NodeInput, extra: Record<string, Value> = {}): ExchangeNode {
  const p = n.properties;
  return {
    id: n.id,
    attributes: ordered(
      {
        label: n.label,
        kind: n.kind,
        date: n.date,
        dateText: dateTextOf(n.date ?? p.date, p),
        ...fieldsOf(p, NODE_FIELDS),
        basis: p.basis === 'inferred' ? 'inferred' : 'stated',
        summary: n.summary,
        aliases: joined(p.aliases, ALIAS_SEPARATOR),
        passages: joined(p.passages, PASSAGE_SEPARATOR),
        ...sourcesOf(n.sources),
        ...extra,
      },
      NODE_COLUMNS,
    ),
  };
}

/** A relationship's row. */
export function exchangeEdge(e: EdgeInput): ExchangeEdge {
  const p = e.properties;
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    attributes: ordered(
      {
        type: e.type,
        ...fieldsOf(p, EDGE_FIELDS),
        dateText: dateTextOf(p.date, p),
        basis: p.basis === 'inferred' ? 'inferred' : 'stated',
        passages: joined(p.passages, PASSAGE_SEPARATOR),
        ...sourcesOf(e.sources),
      },
      EDGE_COLUMNS,
    ),
  };
}

/** The columns some row uses, in their order: a file of the canvas holds no empty column. */
export function usedColumns(columns: readonly Column[], rows: readonly { attributes: object }[]): Column[] {
  return columns.filter((c) => rows.some((r) => c.name in r.attributes));
}

/** Text for XML content and attributes: markup escaped, line breaks kept (as references), control characters dropped. */
export function escapeXml(value: string): string {
  return (
    value
      // XML 1.0 has no way to write these control characters, even as references.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(
        /[<>&"'\n\r\t]/g,
        (c) =>
          ({
            '<': '&lt;',
            '>': '&gt;',
            '&': '&amp;',
            '"': '&quot;',
            "'": '&apos;',
            '\n': '&#10;',
            '\r': '&#13;',
            '\t': '&#9;',
          })[c]!,
      )
  );
}

/** A file written in parts: the head, one part per node, what comes between nodes and relationships, the tail. */
export interface FileParts {
  head: string;
  node(n: ExchangeNode): string;
  between: string;
  edge(e: ExchangeEdge): string;
  tail: string;
}

/** What a file says of itself: its title (GraphML's graph data, GEXF's description). */
export interface GraphMeta {
  title?: string | null;
}

/** GraphML, with a typed key for every column of nodes and of relationships. */
export function graphmlParts(
  nodeColumns: readonly Column[],
  edgeColumns: readonly Column[],
  meta: GraphMeta = {},
): FileParts {
  const key = (on: 'node' | 'edge' | 'graph', { name, type }: Column) =>
    `  <key id="${on[0]}_${escapeXml(name)}" for="${on}" attr.name="${escapeXml(name)}" attr.type="${type}"/>\n`;
  const data = (on: 'n' | 'e', attrs: Record<string, Value>) =>
    Object.entries(attrs)
      .map(([k, v]) => `<data key="${on}_${escapeXml(k)}">${escapeXml(String(v))}</data>`)
      .join('');
  const title = meta.title ? `    <data key="g_title">${escapeXml(meta.title)}</data>\n` : '';
  return {
    head:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
      (title ? key('graph', text('title')) : '') +
      nodeColumns.map((c) => key('node', c)).join('') +
      edgeColumns.map((c) => key('edge', c)).join('') +
      '  <graph id="G" edgedefault="directed">\n' +
      title,
    node: (n) => `    <node id="${escapeXml(n.id)}">${data('n', n.attributes)}</node>\n`,
    between: '',
    edge: (e) =>
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
      `${data('e', e.attributes)}</edge>\n`,
    tail: '  </graph>\n</graphml>\n',
  };
}

/** GEXF 1.2, as Gephi reads it: the label as the node's label, every other column an attribute. */
export function gexfParts(
  nodeColumns: readonly Column[],
  edgeColumns: readonly Column[],
  meta: GraphMeta = {},
): FileParts {
  // Numeric attribute ids (as graphology's writer gives them): readers then name each value by its title.
  const declare = (on: 'node' | 'edge', columns: readonly Column[]) => {
    const ids = new Map(columns.map((c, i) => [c.name, String(i)] as const));
    const xml =
      `      <attributes class="${on}">\n` +
      columns
        .map((c, i) => `        <attribute id="${i}" title="${escapeXml(c.name)}" type="${c.type}"/>\n`)
        .join('') +
      '      </attributes>\n';
    return { ids, xml };
  };
  const nodeAttrs = declare(
    'node',
    nodeColumns.filter((c) => c.name !== 'label'),
  );
  const edgeAttrs = declare('edge', edgeColumns);
  const values = (ids: Map<string, string>, attrs: Record<string, Value>) => {
    const parts = Object.entries(attrs)
      .filter(([k]) => ids.has(k))
      .map(([k, v]) => `<attvalue for="${ids.get(k)}" value="${escapeXml(String(v))}"/>`);
    return parts.length ? `<attvalues>${parts.join('')}</attvalues>` : '';
  };
  const label = (v: Value | undefined) => (v === undefined ? '' : ` label="${escapeXml(String(v))}"`);
  return {
    head:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n' +
      '  <meta>\n    <creator>kg-explorer</creator>\n' +
      (meta.title ? `    <description>${escapeXml(meta.title)}</description>\n` : '') +
      '  </meta>\n' +
      '  <graph defaultedgetype="directed" mode="static">\n' +
      nodeAttrs.xml +
      edgeAttrs.xml +
      '    <nodes>\n',
    node: (n) =>
      `      <node id="${escapeXml(n.id)}"${label(n.attributes.label)}>${values(nodeAttrs.ids, n.attributes)}</node>\n`,
    between: '    </nodes>\n    <edges>\n',
    edge: (e) =>
      `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"` +
      `${label(e.attributes.type)}>${values(edgeAttrs.ids, e.attributes)}</edge>\n`,
    tail: '    </edges>\n  </graph>\n</gexf>\n',
  };
}

/**
 * A CSV field (RFC 4180), quoted when it must be. Text that a spreadsheet would run as a formula (=, +, @, a tab,
 * or - not starting a number) gets a leading apostrophe; readers of these files drop it again (readCsv).
 */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+@\t\r]/.test(v) || /^-(?![\d.])/.test(v)) v = `'${v}`;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The columns before the attributes: a node's id; a relationship's id, source and target. */
export const CSV_NODE_LEAD = ['id'] as const;
export const CSV_EDGE_LEAD = ['id', 'source', 'target'] as const;

/** A CSV file in parts: the header, then one line per row (CRLF line ends). */
export function csvParts<R extends { attributes: Record<string, Value> }>(
  lead: readonly string[],
  columns: readonly Column[],
  leadOf: (r: R) => string[],
): { head: string; row(r: R): string } {
  const line = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;
  return {
    head: line([...lead, ...columns.map((c) => c.name)]),
    row: (r) =>
      line([
        ...leadOf(r),
        ...columns.map((c) => (r.attributes[c.name] === undefined ? '' : String(r.attributes[c.name]))),
      ]),
  };
}

export const csvNodeParts = (columns: readonly Column[]) =>
  csvParts<ExchangeNode>(CSV_NODE_LEAD, columns, (n) => [n.id]);
export const csvEdgeParts = (columns: readonly Column[]) =>
  csvParts<ExchangeEdge>(CSV_EDGE_LEAD, columns, (e) => [e.id, e.source, e.target]);

/** A whole file from its parts. */
function whole(parts: FileParts, x: Exchange): string {
  return (
    parts.head +
    x.nodes.map(parts.node).join('') +
    parts.between +
    x.edges.map(parts.edge).join('') +
    parts.tail
  );
}

/** Rows in memory (the canvas) as GraphML, with the columns they use. */
export const toGraphml = (x: Exchange, meta: GraphMeta = {}, extra: readonly Column[] = []): string =>
  whole(
    graphmlParts(usedColumns([...NODE_COLUMNS, ...extra], x.nodes), usedColumns(EDGE_COLUMNS, x.edges), meta),
    x,
  );

/** Rows in memory as GEXF, with the columns they use. */
export const toGexf = (x: Exchange, meta: GraphMeta = {}, extra: readonly Column[] = []): string =>
  whole(
    gexfParts(usedColumns([...NODE_COLUMNS, ...extra], x.nodes), usedColumns(EDGE_COLUMNS, x.edges), meta),
    x,
  );

/** Rows in memory as a nodes CSV and a relationships CSV, with the columns they use. */
export function toCsv(x: Exchange, extra: readonly Column[] = []): { nodes: string; edges: string } {
  const n = csvNodeParts(usedColumns([...NODE_COLUMNS, ...extra], x.nodes));
  const e = csvEdgeParts(usedColumns(EDGE_COLUMNS, x.edges));
  return { nodes: n.head + x.nodes.map(n.row).join(''), edges: e.head + x.edges.map(e.row).join('') };
}

/**
 * Reads CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a leading byte-order mark is dropped) into rows
 * of fields, and drops the apostrophe csvField put before formula-like text. Throws with the line of an unclosed
 * quote.
 */
export function readCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const src = content.replace(/^\uFEFF/, '');
  const endField = () => {
    row.push(/^'[=+@\t\r-]/.test(field) ? field.slice(1) : field);
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      line++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (quoted) throw new Error(`line ${quoteLine}: a quoted field is never closed (a " is missing)`);
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}
