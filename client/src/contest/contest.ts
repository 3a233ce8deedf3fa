// What disputes or bears out a claim, read from its DISPUTES and CORROBORATES relationships: one entry per
// relationship, with the claim at the other end, so the details can set both sides side by side.
import type { GraphEdge, GraphNode, Subgraph } from '../api/types.ts';

/** The relationship types that record agreement and disagreement between claims. */
export const CONTEST_TYPES = ['DISPUTES', 'CORROBORATES'] as const;

/** How the other claim stands to this one. */
export type Stance = 'disputed-by' | 'disputes' | 'borne-out-by' | 'bears-out';

export interface ContestEntry {
  stance: Stance;
  /** The claim at the other end. */
  other: GraphNode;
  /** The relationship that records it (its note, basis and sources). */
  link: GraphEdge;
}

/** Headings, in the order the details list them: disagreements first. */
export const STANCE_TITLES: Record<Stance, string> = {
  'disputed-by': 'Disputed by',
  disputes: 'Disputes',
  'borne-out-by': 'Borne out by',
  'bears-out': 'Bears out',
};
const ORDER = Object.keys(STANCE_TITLES) as Stance[];

/** The entries of claim `id` in `around` (its neighbourhood along CONTEST_TYPES), disagreements first. */
export function contestOf(id: string, around: Pick<Subgraph, 'nodes' | 'edges'>): ContestEntry[] {
  const byId = new Map(around.nodes.map((n) => [n.id, n]));
  const entries: ContestEntry[] = [];
  for (const link of around.edges) {
    const outgoing = link.source === id;
    if (!outgoing && link.target !== id) continue;
    const other = byId.get(outgoing ? link.target : link.source);
    if (!other) continue;
    let stance: Stance;
    if (link.type === 'DISPUTES') stance = outgoing ? 'disputes' : 'disputed-by';
    else if (link.type === 'CORROBORATES') stance = outgoing ? 'bears-out' : 'borne-out-by';
    else continue;
    entries.push({ stance, other, link });
  }
  return entries.sort(
    (a, b) => ORDER.indexOf(a.stance) - ORDER.indexOf(b.stance) || a.other.label.localeCompare(b.other.label),
  );
}

/** What a claim says, for reading it beside another: a quote in quotation marks, else its name. */
export function claimWords(node: GraphNode): string {
  const text = node.properties.text;
  return typeof text === 'string' && text.trim() ? `“${text.trim()}”` : node.label;
}
