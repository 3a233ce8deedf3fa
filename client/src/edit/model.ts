// What an edit may do, by the graph model (core/model): which relationship types may join two kinds and in which
// direction, which nodes may be merged or retracted, which properties a correction may set. Pure.
import {
  PROPERTY_NAME,
  RELATIONSHIP_TYPES,
  RESERVED_PROPERTIES,
  type RelationshipType,
} from '../../../core/model/index.ts';
import type { GraphEdge, GraphNode, NodeKind } from '../api/types.ts';

/** Which way a new relationship runs: from the node it is added on to the other end, or back. */
export type Direction = 'out' | 'in';

const TYPES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

const joins = (type: RelationshipType, from: NodeKind, to: NodeKind) =>
  (RELATIONSHIP_TYPES[type].from as readonly NodeKind[]).includes(from) &&
  (RELATIONSHIP_TYPES[type].to as readonly NodeKind[]).includes(to);

/**
 * The directions `type` may take between the node of kind `here` and another of kind `there` ('out': from here,
 * 'in': to here); with `there` unknown, every direction some kind allows.
 */
export function directionsOf(type: RelationshipType, here: NodeKind, there: NodeKind | null): Direction[] {
  const { from, to } = RELATIONSHIP_TYPES[type] as { from: readonly NodeKind[]; to: readonly NodeKind[] };
  const out = there ? joins(type, here, there) : from.includes(here);
  const back = there ? joins(type, there, here) : to.includes(here);
  return [...(out ? ['out' as const] : []), ...(back ? ['in' as const] : [])];
}

/** The relationship types that may join a node of kind `here` to one of kind `there` (any kind when null). */
export function allowedTypes(here: NodeKind, there: NodeKind | null): RelationshipType[] {
  return TYPES.filter((t) => directionsOf(t, here, there).length > 0);
}

/** What a type means (core/model's table), for the form's hint. */
export const meaningOf = (type: RelationshipType): string => RELATIONSHIP_TYPES[type].meaning;

/** The kinds that can be merged (the server refuses the others: statements and figures are one document's). */
export const MERGEABLE_KINDS: readonly NodeKind[] = ['ACTOR', 'MEETING', 'AGREEMENT'];

export const canMerge = (node: Pick<GraphNode, 'kind'>): boolean => MERGEABLE_KINDS.includes(node.kind);

/** True when no document made it: an analyst's edit added it (the server stores no `document` on it). */
export function addedByEdit(item: { properties: Record<string, unknown> }): boolean {
  const p = item.properties;
  return p.document === undefined && p.documents === undefined;
}

/**
 * Whether the explorer offers to retract it: a claim (a statement or a figure), anything an edit added, and any
 * relationship. Actors, meetings and agreements that documents name are corrected or merged instead.
 */
export function canRetract(item: GraphNode | GraphEdge): boolean {
  if ('kind' in item) return item.kind === 'STATEMENT' || item.kind === 'FIGURE' || addedByEdit(item);
  return true;
}

/** The properties of a node a correction offers, in a stable order (its name first). */
export function correctableProperties(node: Pick<GraphNode, 'properties'>): string[] {
  const keys = Object.keys(node.properties).filter(
    (k) => !RESERVED_PROPERTIES.includes(k) && PROPERTY_NAME.test(k) && !k.endsWith('Precision'),
  );
  const first = ['name', 'title', 'text', 'date'];
  return [...first.filter((k) => keys.includes(k)), ...keys.filter((k) => !first.includes(k)).sort()];
}

/** The version an update expects: the node's as the explorer holds it (1 for a node never edited). */
export function versionOf(node: Pick<GraphNode, 'properties'>): number {
  const v = node.properties.version;
  return typeof v === 'number' && v >= 1 ? v : 1;
}

/** A node's aliases and documents as lists (for the merge's side by side). */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The sources a write may cite without making a new one: those of the nodes it touches, each once. */
export function citableSources<S extends { id: string }>(...lists: (readonly S[] | null | undefined)[]): S[] {
  const seen = new Map<string, S>();
  for (const list of lists) for (const s of list ?? []) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

const article = (kind: NodeKind) => {
  const k = kind.toLowerCase();
  return `${/^[aeiou]/.test(k) ? 'an' : 'a'} ${k}`;
};

/** Why `other` cannot be merged with `node`, or null when it can. */
export function mergeRefusal(
  node: Pick<GraphNode, 'id' | 'kind'>,
  other: Pick<GraphNode, 'id' | 'kind' | 'label'>,
): string | null {
  if (!canMerge(node)) return 'Only actors, meetings and agreements are merged.';
  if (other.id === node.id) return 'Choose another node: a node is not merged with itself.';
  if (other.kind !== node.kind)
    return `“${other.label}” is ${article(other.kind)}: choose ${article(node.kind)}.`;
  return null;
}
