// How each kind of node looks: one registry entry per kind, used by the stylesheet, the legend and the panels.
import type { NodeKind } from '../api/types.ts';

export interface KindLook {
  color: string;
  /** A Cytoscape node shape. */
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'round-triangle' | 'rectangle' | 'star';
}

export interface KindStyle extends KindLook {
  label: string;
  plural: string;
}

/** The look of each kind the API knows (NodeKind, generated from the schema): the record must name every one. */
export const KIND_LOOKS: Record<NodeKind, KindLook> = {
  ACTOR: { color: '#2563c9', shape: 'ellipse' },
  MEETING: { color: '#d9660b', shape: 'round-rectangle' },
  STATEMENT: { color: '#8b3fb0', shape: 'diamond' },
  AGREEMENT: { color: '#14875a', shape: 'hexagon' },
  FIGURE: { color: '#b8860b', shape: 'round-triangle' },
  SOURCE: { color: '#6b7280', shape: 'rectangle' },
};

/** Every kind, in the legend's order. */
export const ALL_KINDS = Object.keys(KIND_LOOKS) as NodeKind[];

const FALLBACK: KindLook = { color: '#444', shape: 'star' };

/** A kind's display name: ACTOR → "Actor" (as the Neo4j label is written). */
export const kindLabel = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase().replace(/_/g, ' ');

/** The look and names of a kind, with a neutral look for kinds added to the API later. */
export function kindStyle(kind: string): KindStyle {
  const look = (KIND_LOOKS as Record<string, KindLook>)[kind] ?? FALLBACK;
  return { ...look, label: kindLabel(kind), plural: `${kindLabel(kind)}s` };
}

/** Node diameter in model units: grows with the square root of the degree, within bounds. */
export function nodeSize(degree: number): number {
  return Math.round(Math.min(22 + 7 * Math.sqrt(Math.max(degree, 0)), 80));
}
