// How each kind of node looks: one registry entry per kind, used by the stylesheet, the legend and the panels.
import type { NodeKind } from '../api/types.ts';

export interface KindStyle {
  label: string;
  plural: string;
  color: string;
  /** A Cytoscape node shape. */
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'round-triangle' | 'rectangle' | 'star';
}

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  ACTOR: { label: 'Actor', plural: 'Actors', color: '#2563c9', shape: 'ellipse' },
  MEETING: { label: 'Meeting', plural: 'Meetings', color: '#d9660b', shape: 'round-rectangle' },
  STATEMENT: { label: 'Statement', plural: 'Statements', color: '#8b3fb0', shape: 'diamond' },
  AGREEMENT: { label: 'Agreement', plural: 'Agreements', color: '#14875a', shape: 'hexagon' },
  FIGURE: { label: 'Figure', plural: 'Figures', color: '#b8860b', shape: 'round-triangle' },
  SOURCE: { label: 'Source', plural: 'Sources', color: '#6b7280', shape: 'rectangle' },
};

const FALLBACK: KindStyle = { label: 'Other', plural: 'Other', color: '#444', shape: 'star' };

/** The look of a kind, with a neutral fallback for kinds added to the API later. */
export function kindStyle(kind: string): KindStyle {
  return (KIND_STYLES as Record<string, KindStyle>)[kind] ?? { ...FALLBACK, label: kind, plural: kind };
}

/** Node diameter in model units: grows with the square root of the degree, within bounds. */
export function nodeSize(degree: number): number {
  return Math.round(Math.min(22 + 7 * Math.sqrt(Math.max(degree, 0)), 80));
}
