// The canvas in formats other tools open: GEXF (Gephi, Gephi Lite; graphology's writer), GraphML (yEd, Cytoscape
// desktop, NetworkX; written here, it is a few lines of XML) and CSV (a nodes file and a relationships file, for
// spreadsheets). Each keeps what an analyst needs to trust the data elsewhere: ids, kinds, dates at their
// precision, basis (stated or inferred) and sources, and the measures when computed.
import Graph from 'graphology';
import writeGexf from 'graphology-gexf/common/writer.js';
import type { Source } from '../api/types.ts';
import { visibleElements } from '../explorer/projection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { csvField } from '../table/table.ts';
import { dateText } from '../time/time.ts';
import { escapeXml } from '../graph/svg.ts';
import { MEASURES, type Measures } from './measures.ts';

/** One exported attribute value: text or a number (arrays are joined, empty values left out). */
type Value = string | number;

/** The canvas as rows: each node's and relationship's attributes, in a fixed order. */
export interface Exchange {
  nodes: { id: string; attributes: Record<string, Value> }[];
  edges: { id: string; source: string; target: string; attributes: Record<string, Value> }[];
}

/** "13, 16; ‘No Limits’…": footnote numbers, then titles of sources without one; and their ids. */
function sourcesOf(sources: readonly Source[]): { sources: string; sourceIds: string } {
  const numbered = sources.filter((s) => s.footnote != null).map((s) => String(s.footnote));
  const titled = sources.filter((s) => s.footnote == null).map((s) => s.title);
  return {
    sources: [numbered.join(', '), titled.join('; ')].filter(Boolean).join('; '),
    sourceIds: sources.map((s) => s.id).join(' '),
  };
}

/** Drops empty values, so a file holds only what is known. */
function known(attrs: Record<string, Value | null | undefined>): Record<string, Value> {
  return Object.fromEntries(
    Object.entries(attrs).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as Record<string, Value>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** What the canvas shows, with the measures when they were computed. */
export function exchangeOf(state: ExplorerState, measures: Measures | null = null): Exchange {
  const { nodeIds, edgeIds } = visibleElements(state);
  return {
    nodes: nodeIds.map((id) => {
      const n = state.graph.nodes[id]!;
      const p = n.properties;
      const m = measures?.[id];
      return {
        id,
        attributes: known({
          label: n.label,
          kind: n.kind,
          date: n.date,
          dateText: dateText(n),
          datePrecision: text(p.datePrecision),
          endDate: text(p.endDate),
          basis: text(p.basis) ?? 'stated',
          inferenceNote: text(p.inferenceNote),
          summary: n.summary,
          ...sourcesOf(n.sources),
          ...(m ? Object.fromEntries(MEASURES.map((k) => [k, m[k]])) : {}),
        }),
      };
    }),
    edges: edgeIds.map((id) => {
      const e = state.graph.edges[id]!;
      const p = e.properties;
      return {
        id,
        source: e.source,
        target: e.target,
        attributes: known({
          type: e.type,
          date: text(p.date),
          dateText: dateText({ date: null, properties: p }),
          basis: text(p.basis) ?? 'stated',
          inferenceNote: text(p.inferenceNote),
          ...sourcesOf(e.sources),
        }),
      };
    }),
  };
}

/** The exchange as a graphology graph (directed; several relationships may join two nodes). */
export function graphOf(x: Exchange): Graph {
  const g = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  for (const n of x.nodes) g.addNode(n.id, n.attributes);
  for (const e of x.edges) g.addEdgeWithKey(e.id, e.source, e.target, e.attributes);
  return g;
}

/** GEXF 1.2, as Gephi reads it. */
export const toGexf = (x: Exchange): string => writeGexf(graphOf(x), { version: '1.2' });

/** Every attribute name used, in first-seen order, with its type (a number only if every value is one). */
function keysOf(rows: { attributes: Record<string, Value> }[]): [string, 'string' | 'double'][] {
  const types = new Map<string, 'string' | 'double'>();
  for (const r of rows)
    for (const [k, v] of Object.entries(r.attributes))
      types.set(k, types.get(k) === 'string' || typeof v !== 'number' ? 'string' : 'double');
  return [...types];
}

/** GraphML, with a typed key for every attribute of nodes and of relationships. */
export function toGraphml(x: Exchange): string {
  const nodeKeys = keysOf(x.nodes);
  const edgeKeys = keysOf(x.edges);
  const key = (on: 'node' | 'edge', [name, type]: [string, string]) =>
    `  <key id="${on === 'node' ? 'n' : 'e'}_${escapeXml(name)}" for="${on}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`;
  const data = (on: 'n' | 'e', attrs: Record<string, Value>) =>
    Object.entries(attrs).map(([k, v]) => `<data key="${on}_${escapeXml(k)}">${escapeXml(String(v))}</data>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map((k) => key('node', k)),
    ...edgeKeys.map((k) => key('edge', k)),
    '  <graph id="G" edgedefault="directed">',
    ...x.nodes.map((n) => `    <node id="${escapeXml(n.id)}">${data('n', n.attributes).join('')}</node>`),
    ...x.edges.map(
      (e) =>
        `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">` +
        `${data('e', e.attributes).join('')}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ].join('\n');
}

/** Two CSV files (RFC 4180): the nodes with their attributes, and the relationships with source and target. */
export function toCsv(x: Exchange): { nodes: string; edges: string } {
  const table = (
    rows: { attributes: Record<string, Value> }[],
    first: Record<string, (r: never) => string>,
  ) => {
    const names = keysOf(rows).map(([k]) => k);
    const lead = Object.keys(first);
    const lines = [
      [...lead, ...names],
      ...rows.map((r) => [
        ...lead.map((k) => first[k]!(r as never)),
        ...names.map((k) => (r.attributes[k] === undefined ? '' : String(r.attributes[k]))),
      ]),
    ];
    return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
  };
  return {
    nodes: table(x.nodes, { id: (r: Exchange['nodes'][number]) => r.id }),
    edges: table(x.edges, {
      id: (r: Exchange['edges'][number]) => r.id,
      source: (r: Exchange['edges'][number]) => r.source,
      target: (r: Exchange['edges'][number]) => r.target,
    }),
  };
}
