// Where claims disagree, as the API lists them (Query.contested): a DISPUTES relationship, or two documents that
// say different things of the same event, figure, quote or attendance. Each entry becomes two sides to set side by
// side: which document says it, what it says (its words, date or place), the passage and the sources behind it.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import type { ExplorerContestedQuery } from '../generated/graphql.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { claimWords } from './contest.ts';

type Passage = { documentId: string; text: string };
type Side = GraphNode & { datePrecision: string | null; passages: Passage[] };
type SideEdge = GraphEdge & { passages: Passage[] };

/** An entry of Query.contested as the CONTESTED operation asks for it. */
export interface Disagreement {
  id: string;
  kind: ExplorerContestedQuery['contested'][number]['kind'];
  reason: string;
  a: Side;
  b: Side;
  aEdge: SideEdge | null;
  bEdge: SideEdge | null;
}

/** What each kind of entry is about, as the list heads it. */
export const KIND_TITLES: Record<Disagreement['kind'], string> = {
  DISPUTES: 'One claim disputes another',
  DATE: 'Documents give different dates',
  PLACE: 'Documents give different places',
  VALUE: 'Documents give different values',
  SPEAKER: 'Documents attribute a quote to different speakers',
  ATTENDANCE: 'One document says an actor attended, another that it did not',
};

/** One side of an entry, ready to show. */
export interface ShownSide {
  node: Side;
  edge: SideEdge | null;
  /** The document that says it (its name), when known. */
  document: string | null;
  /** What this side says: the claim's words, or the date, place or value the disagreement is about. */
  says: string;
  /** The passage of the document behind it. */
  passage: string | null;
  sources: Side['sources'];
}

/** A readable name from an id when the label is not at hand: actor:xi-jinping gives Xi Jinping. */
export function nameOfId(id: string): string {
  return id
    .replace(/^[a-z]+:/, '')
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function says(d: Disagreement, node: Side, edge: SideEdge | null): string {
  const p = node.properties as Record<string, unknown>;
  switch (d.kind) {
    case 'DATE':
      return `${node.label}: ${formatDate(node.date, node.datePrecision, p.endDate, p.endDatePrecision) ?? 'no date'}`;
    case 'PLACE':
      return `${node.label}: ${text(p.place) ?? text(p.location) ?? 'no place'}`;
    case 'VALUE':
      return `${node.label}: ${[p.value, p.unit].filter((x) => x !== undefined && x !== null).join(' ')}`;
    case 'SPEAKER':
      return `${claimWords(node)}, said by ${edge ? nameOfId(edge.source) : 'someone else'}`;
    case 'ATTENDANCE':
      return `${d.a.label} ${edge?.type === 'DID_NOT_ATTEND' ? 'did not attend' : 'attended'} ${d.b.label}`;
    default:
      return claimWords(node);
  }
}

/** The two sides of an entry: a's, then b's. The passage is the one of the side's own document. */
export function sidesOf(d: Disagreement): [ShownSide, ShownSide] {
  const side = (node: Side, edge: SideEdge | null): ShownSide => {
    const passages = edge?.passages.length ? edge.passages : node.passages;
    const document =
      text((edge?.properties as Record<string, unknown> | undefined)?.document) ??
      passages[0]?.documentId?.replace(/^document:/, '') ??
      text((node.properties as Record<string, unknown>).document);
    return {
      node,
      edge,
      document,
      says: says(d, node, edge),
      passage: passages[0]?.text ?? null,
      sources: edge?.sources.length ? edge.sources : node.sources,
    };
  };
  return [side(d.a, d.aEdge ?? null), side(d.b, d.bEdge ?? null)];
}

/** The nodes to bring onto the canvas for an entry: both sides, once each. */
export function nodesOf(d: Disagreement): Side[] {
  return d.a.id === d.b.id ? [d.a] : [d.a, d.b];
}
