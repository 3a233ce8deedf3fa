// A GraphML file, or a nodes CSV and a relationships CSV (the columns core/exchange writes: the explorer's own
// exports, or another tool's with the same columns), turned into a document in the seed format, so that it goes
// through the same validation, preview and import as any document's files (import.ts). Pure: the graph is not
// read here. Every mistake of the file itself (XML that does not parse, a missing id column, an unknown kind or
// relationship type, a relationship to a node the file does not hold) is reported with the file and the node,
// relationship or line, and nothing is converted; what the seed format then checks is reported as for any files.
//
// The document: its title from the document.yaml sent beside the file (the explorer's form writes one) or the
// GraphML graph's "title"; its words (text.txt) are the passages the file carries, one per line, or for an item
// without any a sentence saying what the file says of it. Shared entities (actors, meetings, agreements, sources)
// keep their ids, so the preview proposes them as the graph's own (same id); statements, figures and
// relationships are claims of one document, so theirs are given the document's name ("statement:<doc>-…").
import { DOMParser } from '@xmldom/xmldom';
import { parse as parseYaml, stringify } from 'yaml';
import {
  ALIAS_SEPARATOR,
  CSV_EDGE_LEAD,
  PASSAGE_SEPARATOR,
  readCsv,
  type Exchange,
  type ExchangeEdge,
  type ExchangeNode,
  type Value,
} from '../../core/exchange/exchange.ts';
import {
  KINDS,
  NODE_KINDS,
  RELATIONSHIP_TYPE_NAMES,
  ID_PREFIXES,
  kindOfId,
  isSharedKind,
  slugOf,
  type IdPrefix,
  type NodeKind,
} from '../../core/model/index.ts';
import type { SeedError } from './files.ts';

/** A file as text (as import.ts's DocumentText). */
interface Text {
  name: string;
  content: string;
}

export const isGraphmlFile = (name: string) => /\.graphml$/i.test(name);
/** "nodes.csv", or as the explorer names its exports ("memo.nodes.csv", "whole-graph-nodes.csv"). */
export const isNodesCsv = (name: string) => /(^|[.\-_ ])nodes\.csv$/i.test(name);
export const isEdgesCsv = (name: string) => /(^|[.\-_ ])(edges|relationships)\.csv$/i.test(name);
export const isExchangeFile = (name: string) => isGraphmlFile(name) || isNodesCsv(name) || isEdgesCsv(name);

type Read = { ok: true; exchange: Exchange; title: string | null } | { ok: false; errors: SeedError[] };

const NUMERIC = new Set(['double', 'float', 'int', 'long']);

/** Reads GraphML: its keys, the graph's title, and every node and edge with its data by attribute name. */
export function readGraphml(file: string, content: string): Read {
  // xmldom reports a problem in several messages, some only warnings and some odd; the most telling one is kept.
  const problems: { rank: number; text: string }[] = [];
  const report = (level: number) => (message: string) => {
    const at = /@#\[line:(\d+),col:(\d+)\]/.exec(message);
    const raw = message.replace(/^\[xmldom \w+\]\s*/, '').replace(/\s*@#\[.*$/s, '');
    const [rank, why] = /unexpected end of input/.test(raw)
      ? [0, 'the file ends before its elements are closed (is it cut short?)']
      : /Hierarchy request error/.test(raw)
        ? [3, 'more than one root element']
        : /unclosed xml attribute/.test(raw)
          ? [2, 'an element or attribute is not closed']
          : [level, raw.replace(/^element parse error: Error: /, '')];
    problems.push({ rank, text: at ? `line ${at[1]}, column ${at[2]}: ${why}` : why });
  };
  const doc = new DOMParser({
    locator: {},
    errorHandler: { warning: report(2), error: report(1), fatalError: report(1) },
  }).parseFromString(content, 'application/xml');
  const root = doc?.documentElement;
  if (problems.length > 0 || !root) {
    const why = problems.sort((a, b) => a.rank - b.rank)[0]?.text ?? 'no element at all';
    return { ok: false, errors: [{ file, path: '(file)', reason: `not well-formed XML: ${why}` }] };
  }
  if (root.localName !== 'graphml') {
    return {
      ok: false,
      errors: [
        {
          file,
          path: '(file)',
          reason: `not GraphML: the file's root element is <${root.localName}>, not <graphml>`,
        },
      ],
    };
  }
  const all = (parent: Element | Document, tag: string) =>
    Array.from(parent.getElementsByTagNameNS('*', tag));
  const keys = new Map<string, { name: string; numeric: boolean }>();
  for (const k of all(root, 'key')) {
    keys.set(k.getAttribute('id') ?? '', {
      name: k.getAttribute('attr.name') || (k.getAttribute('id') ?? ''),
      numeric: NUMERIC.has(k.getAttribute('attr.type') ?? ''),
    });
  }
  const dataOf = (el: Element) => {
    const out: Record<string, Value> = {};
    for (const d of Array.from(el.childNodes)) {
      if ((d as Element).localName !== 'data') continue;
      const key = keys.get((d as Element).getAttribute('key') ?? '');
      const value = d.textContent ?? '';
      if (!key || value === '') continue;
      out[key.name] = key.numeric && Number.isFinite(Number(value)) ? Number(value) : value;
    }
    return out;
  };
  const graph = all(root, 'graph')[0];
  if (!graph)
    return {
      ok: false,
      errors: [{ file, path: '(file)', reason: 'no <graph> element: the file holds no graph' }],
    };
  const title = dataOf(graph).title;
  const errors: SeedError[] = [];
  const nodes: ExchangeNode[] = [];
  for (const [i, n] of all(graph, 'node').entries()) {
    const id = n.getAttribute('id');
    if (!id)
      errors.push({ file, path: `node ${i + 1}`, reason: 'missing id: every <node> has an id attribute' });
    else nodes.push({ id, attributes: dataOf(n) });
  }
  const edges: ExchangeEdge[] = all(graph, 'edge').map((e, i) => ({
    id: e.getAttribute('id') || `edge-${i + 1}`,
    source: e.getAttribute('source') ?? '',
    target: e.getAttribute('target') ?? '',
    attributes: dataOf(e),
  }));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, exchange: { nodes, edges }, title: typeof title === 'string' ? title : null };
}

/** Reads a nodes CSV and a relationships CSV (a header line naming the columns, then one line per row). */
export function readCsvPair(nodesFile: Text, edgesFile: Text): Read {
  const errors: SeedError[] = [];
  const table = (f: Text, lead: readonly string[]) => {
    let rows: string[][];
    try {
      rows = readCsv(f.content);
    } catch (e) {
      errors.push({ file: f.name, path: '(file)', reason: `not CSV: ${(e as Error).message}` });
      return [];
    }
    const header = rows[0] ?? [];
    const missing = lead.filter((c) => !header.includes(c));
    if (missing.length > 0) {
      errors.push({
        file: f.name,
        path: 'line 1',
        reason: `missing ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: the first line names the columns (${lead.join(', ')}, then the attributes)`,
      });
      return [];
    }
    return rows.slice(1).flatMap((fields, i) => {
      if (fields.length !== header.length) {
        errors.push({
          file: f.name,
          path: `line ${i + 2}`,
          reason: `${fields.length} fields, but the first line names ${header.length} columns`,
        });
        return [];
      }
      const row: Record<string, string> = {};
      header.forEach((c, j) => {
        if (fields[j] !== '') row[c] = fields[j]!;
      });
      return [row];
    });
  };
  const attributes = (row: Record<string, string>, lead: readonly string[]) => {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(row)) {
      if (lead.includes(k)) continue;
      // The exchange's numbers: a figure's value and a relationship's credibility.
      out[k] = (k === 'value' || k === 'credibility') && Number.isFinite(Number(v)) ? Number(v) : v;
    }
    return out;
  };
  const nodeRows = table(nodesFile, ['id']);
  const edgeRows = table(edgesFile, ['source', 'target']);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    title: null,
    exchange: {
      nodes: nodeRows.map((r) => ({ id: r.id!, attributes: attributes(r, ['id']) })),
      edges: edgeRows.map((r, i) => ({
        id: r.id ?? `edge-${i + 1}`,
        source: r.source!,
        target: r.target!,
        attributes: attributes(r, CSV_EDGE_LEAD),
      })),
    },
  };
}

const str = (v: Value | undefined): string | undefined =>
  v === undefined ? undefined : String(v).trim() === '' ? undefined : String(v);

/** A stored date (first day of its period) at its precision as the seed format writes it: 2022-09-15, 2022-09, 2022. */
function seedDate(date: Value | undefined, precision: Value | undefined): string | undefined {
  const d = str(date);
  if (!d || !/^\d{4}-\d{2}-\d{2}/.test(d)) return d;
  return precision === 'year' ? d.slice(0, 4) : precision === 'month' ? d.slice(0, 7) : d.slice(0, 10);
}

/** The object without its undefined fields (YAML would write them as null). */
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );

/** The document the file stands for: its own source (document.yaml) and its name. */
interface Own {
  documentYaml: string;
  sourceId: string;
  name: string;
}

/** The document.yaml sent beside the file, or one made from the file's title; an error when there is neither. */
function ownDocument(file: string, sent: string | undefined, title: string | null): Own | SeedError {
  if (sent !== undefined) {
    let id: unknown;
    try {
      id = (parseYaml(sent) as { document?: { id?: unknown } } | null)?.document?.id;
    } catch {
      id = undefined;
    }
    // A document.yaml without a usable id is reported by the seed format's checks; the claims still need a name.
    const sourceId = typeof id === 'string' ? id : 'source:import';
    return { documentYaml: sent, sourceId, name: sourceId.replace(/^source:/, '') };
  }
  const slug = title ? slugOf(title) : '';
  if (!slug) {
    return {
      file,
      path: '(file)',
      reason:
        'no title: the file names none (GraphML: a <data> of key "title" on its <graph>); give the document a title',
    };
  }
  const sourceId = `source:${slug}`;
  const documentYaml = stringify({
    document: {
      id: sourceId,
      title,
      documentType: 'other',
      reliability: 'F',
      reliabilityNote: `Brought in from ${file}: its reliability is not graded yet.`,
    },
  });
  return { documentYaml, sourceId, name: slug };
}

/**
 * The document a file's nodes and relationships make, as the seed format's files (document.yaml, one file per
 * kind, relationships.yaml, text.txt), or every mistake the file holds.
 */
export function exchangeToDocument(
  file: string,
  exchange: Exchange,
  title: string | null,
  documentYaml?: string,
): { ok: true; files: Text[] } | { ok: false; errors: SeedError[] } {
  const own = ownDocument(file, documentYaml, title);
  if ('reason' in own) return { ok: false, errors: [own] };
  const errors: SeedError[] = [];
  const lines = new Set<string>();
  /** The passages an item carries, or `fallback`; each becomes a line of the document's text. */
  const passages = (v: Value | undefined, fallback: string, quote?: string) => {
    const found = (str(v) ?? '')
      .split(PASSAGE_SEPARATOR)
      .map((p) => p.trim())
      .filter(Boolean);
    const list = found.length > 0 ? found : [fallback];
    // A statement's quote is in one of its passages (the seed format checks it).
    if (quote && !list.some((p) => p.includes(quote))) list.push(quote);
    list.forEach((p) => lines.add(p.replace(/\s+/g, ' ')));
    return list;
  };

  // Ids: a node's own when it is one of its kind's, else one made from its label; claims get the document's name.
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  const kinds = new Map<string, NodeKind>();
  const labels = new Map<string, string>();
  for (const n of exchange.nodes) {
    const kind = n.attributes.kind;
    const prefix = ID_PREFIXES.find((p) => KINDS[p].kind === kind);
    if (!prefix) {
      errors.push({
        file,
        path: `node "${n.id}"`,
        reason:
          kind === undefined
            ? `missing kind: one of ${NODE_KINDS.join(', ')}`
            : `unknown kind "${kind}": one of ${NODE_KINDS.join(', ')}`,
      });
      continue;
    }
    if (ids.has(n.id)) {
      errors.push({
        file,
        path: `node "${n.id}"`,
        reason: 'duplicate id: the file holds two nodes with this id',
      });
      continue;
    }
    const k = KINDS[prefix].kind;
    let slug =
      kindOfId(n.id) === k
        ? n.id.slice(prefix.length + 1)
        : slugOf(str(n.attributes.label) ?? n.id) || 'item';
    if (!isSharedKind(k) && !slug.startsWith(`${own.name}-`)) slug = `${own.name}-${slug}`;
    let id = `${prefix}:${slug}`;
    for (let i = 2; taken.has(id); i++) id = `${prefix}:${slug}-${i}`;
    taken.add(id);
    ids.set(n.id, id);
    kinds.set(n.id, k);
    labels.set(n.id, str(n.attributes.label) ?? n.id);
  }
  const sourcesOf = (a: Record<string, Value>) => {
    const cited = (str(a.sourceIds) ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((s) => ids.get(s) ?? s)
      .filter((s) => s.startsWith('source:'));
    return cited.length > 0 ? [...new Set(cited)] : [own.sourceId];
  };
  const evidence = (a: Record<string, Value>, fallback: string, quote?: string) => ({
    basis: a.basis === 'inferred' ? 'inferred' : undefined,
    inferenceNote: str(a.inferenceNote),
    passages: passages(a.passages, fallback, quote),
  });

  const lists: Record<IdPrefix, Record<string, unknown>[]> = {
    actor: [],
    meeting: [],
    statement: [],
    agreement: [],
    figure: [],
    source: [],
  };
  for (const n of exchange.nodes) {
    const id = ids.get(n.id);
    const kind = kinds.get(n.id);
    if (!id || !kind) continue;
    const a = n.attributes;
    const label = labels.get(n.id)!;
    const date = seedDate(a.date, a.datePrecision);
    const endDate = seedDate(a.endDate, a.datePrecision);
    const common = { summary: str(a.summary), sources: sourcesOf(a) };
    const said = `${label}.`;
    const item: Record<IdPrefix, () => Record<string, unknown> | null> = {
      actor: () => ({
        id,
        name: label,
        aliases: str(a.aliases)?.split(ALIAS_SEPARATOR),
        actorType: str(a.actorType),
        role: str(a.role),
        country: str(a.country),
        ...common,
      }),
      meeting: () => ({
        id,
        name: label,
        meetingType: str(a.meetingType) ?? 'other',
        date,
        endDate,
        place: str(a.place),
        ...evidence(a, said),
        ...common,
      }),
      statement: () => {
        const text = str(a.text) ?? label;
        return { id, text, date, language: str(a.language), ...evidence(a, text, text), ...common };
      },
      agreement: () => ({
        id,
        name: label,
        agreementType: str(a.agreementType),
        date,
        terms: str(a.terms),
        ...evidence(a, said),
        ...common,
      }),
      figure: () => ({
        id,
        name: label,
        metric: str(a.metric) ?? label,
        value: typeof a.value === 'number' ? a.value : undefined,
        unit: str(a.unit),
        change: str(a.change),
        period: str(a.period),
        date,
        endDate,
        ...evidence(a, said),
        ...common,
      }),
      // The document's own source is its document.yaml; any other source is shared, with its grade.
      source: () =>
        id === own.sourceId
          ? null
          : {
              id,
              title: label,
              publisher: str(a.publisher),
              date,
              url: str(a.url),
              reliability: str(a.reliability) ?? 'F',
              reliabilityNote: str(a.reliabilityNote) ?? `Not graded in ${file}.`,
              summary: str(a.summary),
            },
    };
    const prefix = id.slice(0, id.indexOf(':')) as IdPrefix;
    const built = item[prefix]();
    if (built) lists[prefix].push(defined(built));
  }

  const relationships: Record<string, unknown>[] = [];
  const relIds = new Set<string>();
  for (const e of exchange.edges) {
    const a = e.attributes;
    const type = str(a.type);
    const where = `relationship "${e.id}"`;
    let ok = true;
    if (!type || !(RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(type)) {
      ok = false;
      errors.push({
        file,
        path: where,
        reason: `${type ? `unknown relationship type "${type}"` : 'missing type'}: one of ${RELATIONSHIP_TYPE_NAMES.join(', ')}`,
      });
    }
    for (const end of ['source', 'target'] as const) {
      if (ids.has(e[end])) continue;
      ok = false;
      // A node left out for its own mistake was reported already.
      if (exchange.nodes.some((n) => n.id === e[end])) continue;
      errors.push({
        file,
        path: where,
        reason: e[end] ? `its ${end} "${e[end]}" is not a node of the file` : `missing ${end}`,
      });
    }
    if (!ok) continue;
    const slug = slugOf(e.id.replace(/^rel:/, '')) || 'relationship';
    let id = `rel:${slug.startsWith(`${own.name}-`) ? slug : `${own.name}-${slug}`}`;
    for (let i = 2; relIds.has(id); i++) id = `rel:${own.name}-${slug}-${i}`;
    relIds.add(id);
    relationships.push(
      defined({
        type,
        from: ids.get(e.source),
        to: ids.get(e.target),
        id,
        date: seedDate(a.date, a.datePrecision),
        endDate: seedDate(a.endDate, a.datePrecision),
        role: str(a.role),
        note: str(a.note),
        ...evidence(a, `${labels.get(e.source)} ${type} ${labels.get(e.target)}.`),
        credibility: typeof a.credibility === 'number' ? a.credibility : undefined,
        sources: sourcesOf(a),
      }),
    );
  }
  if (errors.length > 0) return { ok: false, errors };

  const files: Text[] = [{ name: 'document.yaml', content: own.documentYaml }];
  for (const prefix of ID_PREFIXES) {
    const { file: name, key } = KINDS[prefix];
    if (lists[prefix].length > 0) files.push({ name, content: stringify({ [key]: lists[prefix] }) });
  }
  if (relationships.length > 0)
    files.push({ name: 'relationships.yaml', content: stringify({ relationships }) });
  if (lines.size > 0) files.push({ name: 'text.txt', content: `${[...lines].join('\n')}\n` });
  return { ok: true, files };
}

/**
 * The seed format's files for what was sent: null when no exchange file was (the files are the seed format's
 * already); the converted document; or every mistake (a GraphML file or a CSV pair, with at most a document.yaml
 * beside it).
 */
export function convertExchangeFiles(
  files: readonly Text[],
): null | { ok: true; files: Text[] } | { ok: false; errors: SeedError[] } {
  const exchange = files.filter((f) => isExchangeFile(f.name));
  if (exchange.length === 0) return null;
  const fail = (file: string, reason: string) => ({
    ok: false as const,
    errors: [{ file, path: '(file)', reason }],
  });
  const others = files.filter((f) => !isExchangeFile(f.name) && f.name !== 'document.yaml');
  if (others.length > 0) {
    return fail(
      others[0]!.name,
      "sent with an exchange file: send a GraphML file or a nodes and relationships CSV pair (with at most a document.yaml), or the seed format's files",
    );
  }
  const documentYaml = files.find((f) => f.name === 'document.yaml')?.content;
  const graphml = exchange.filter((f) => isGraphmlFile(f.name));
  const nodes = exchange.filter((f) => isNodesCsv(f.name));
  const edges = exchange.filter((f) => isEdgesCsv(f.name));
  let read: Read;
  let name: string;
  if (graphml.length === 1 && exchange.length === 1) {
    name = graphml[0]!.name;
    read = readGraphml(name, graphml[0]!.content);
  } else if (graphml.length === 0 && nodes.length === 1 && edges.length === 1) {
    name = nodes[0]!.name;
    read = readCsvPair(nodes[0]!, edges[0]!);
  } else {
    return fail(
      exchange[0]!.name,
      graphml.length > 0
        ? 'send one GraphML file on its own (with at most a document.yaml)'
        : 'a CSV document is a pair: one nodes CSV (…nodes.csv) and one relationships CSV (…edges.csv or …relationships.csv)',
    );
  }
  if (!read.ok) return read;
  return exchangeToDocument(name, read.exchange, read.title, documentYaml);
}
