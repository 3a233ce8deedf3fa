// The opening picture: the graph's nodes of the shown kinds and the relationships among them. The API has no
// "whole graph" operation, so this takes the nodes page by page, then the neighbourhood of the best-connected
// node (depth 3) for the relationships among them. Bounded: a big database opens on its best-connected part.
import { api } from '../api/operations.ts';
import type { GraphEdge, GraphNode, NodeKind } from '../api/types.ts';

/** Most nodes the opening picture draws. */
export const OPENING_MAX_NODES = 400;

/** Loads the opening picture. */
export async function loadOpening(
  kinds: NodeKind[],
  signal?: AbortSignal,
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const filter = { kinds };
  const nodes = await api.nodes({ filter, limit: 1000, offset: 0 }, signal);
  if (nodes.length === 0) return { nodes: [], edges: [] };
  const hub = nodes.reduce((best, n) => (n.degree > best.degree ? n : best), nodes[0]!);
  const around = await api.neighborhood({ id: hub.id, depth: 3, filter, limit: OPENING_MAX_NODES }, signal);
  const byId = new Map(around.nodes.map((n) => [n.id, n]));
  // Nodes the hub's neighbourhood does not reach still belong to the picture while there is room.
  for (const n of [...nodes].sort((a, b) => b.degree - a.degree)) {
    if (byId.size >= OPENING_MAX_NODES) break;
    if (!byId.has(n.id)) byId.set(n.id, n);
  }
  return { nodes: [...byId.values()], edges: around.edges };
}
