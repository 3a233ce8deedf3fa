// From stored nodes and relationships (as the projections in ./cypher.ts return them) to the contract's
// GraphNode and GraphEdge.
import { nodeLabel } from './label.ts';
import {
  NODE_KINDS,
  RELIABILITY_GRADES,
  passagesOf,
  UNGRADED,
  type NodeKind,
  type ReliabilityGrade,
} from '../../../core/model/index.ts';
import { type Basis, type GraphEdge, type GraphNode, type SourceRef } from './model.ts';

/** A node as NODE_PROJECTION returns it. */
export interface StoredNode {
  props: Record<string, unknown>;
  sources: unknown[];
  degree: number;
  /**
   * A DISPUTES relationship touches it, or documents disagree about it (./contested.ts); absent in rows projected
   * without it.
   */
  contested?: boolean;
}

/** A relationship as EDGE_PROJECTION returns it. */
export interface StoredEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  sources: unknown[];
}

/** A row of a query that returns one projected node as `node`. */
export interface NodeRow {
  node: StoredNode;
}

/** A row of a query that returns one projected relationship as `edge`. */
export interface EdgeRow {
  edge: StoredEdge;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Stored properties as projected (./cypher.ts `propertiesOf`): the nulls left out, which are dates the node or
 * relationship does not have (a stored property is never null).
 */
function stored(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(props)) if (props[key] !== null) out[key] = props[key];
  return out;
}

/** A source reference from a stored Source node's properties (all of them, the contract's fields normalised). */
export function toSourceRef(value: unknown): SourceRef {
  const s = stored((value ?? {}) as Record<string, unknown>);
  const id = String(s.id);
  return {
    ...s,
    id,
    title: str(s.title) ?? id,
    url: str(s.url),
    publisher: str(s.publisher),
    date: str(s.date),
    footnote: typeof s.footnote === 'number' ? s.footnote : null,
    reliability: (RELIABILITY_GRADES as readonly unknown[]).includes(s.reliability)
      ? (s.reliability as ReliabilityGrade)
      : UNGRADED,
    reliabilityNote: str(s.reliabilityNote),
  };
}

/** A claim's basis from its stored `basis` (`stated` unless the seed says `inferred`). */
export const basisOf = (props: Record<string, unknown>): Basis =>
  props.basis === 'inferred' ? 'INFERRED' : 'STATED';

/** Independent sources: distinct publishers (a source without a publisher counts as one of its own). */
export const corroborationOf = (sources: readonly SourceRef[]): number =>
  new Set(sources.map((s) => s.publisher?.trim().toLowerCase() || `id:${s.id}`)).size;

function kindOf(props: Record<string, unknown>): NodeKind {
  const kind = props.kind;
  if (typeof kind === 'string' && (NODE_KINDS as readonly string[]).includes(kind)) return kind as NodeKind;
  // A node written without `kind`: fall back on its id prefix ("actor:…" → ACTOR).
  const prefix = String(props.id ?? '')
    .split(':')[0]
    ?.toUpperCase();
  return (NODE_KINDS as readonly string[]).includes(prefix ?? '') ? (prefix as NodeKind) : 'ACTOR';
}

/** Builds the contract's GraphNode from a projected node. */
export function toGraphNode(row: StoredNode): GraphNode {
  const props = stored(row.props);
  return {
    id: String(props.id),
    kind: kindOf(props),
    label: nodeLabel(props),
    date: str(props.date),
    summary: str(props.summary),
    properties: props,
    sources: (row.sources ?? []).map(toSourceRef),
    degree: Number(row.degree ?? 0),
    basis: basisOf(props),
    inferenceNote: str(props.inferenceNote),
    passages: passagesOf(props),
    contested: row.contested === true,
  };
}

/** Builds the contract's GraphEdge from a projected relationship. */
export function toGraphEdge(row: StoredEdge): GraphEdge {
  const sources = (row.sources ?? []).map(toSourceRef);
  const props = stored(row.props);
  return {
    id: row.id,
    type: row.type,
    source: row.source,
    target: row.target,
    properties: props,
    sources,
    basis: basisOf(props),
    inferenceNote: str(props.inferenceNote),
    passages: passagesOf(props),
    credibility: typeof props.credibility === 'number' ? props.credibility : null,
    corroboration: corroborationOf(sources),
  };
}
