// The working graph: the nodes and relationships the analyst has brought onto the canvas. Pure functions only.
import type { GraphEdge, GraphNode } from '../api/types.ts';

export interface GraphData {
  nodes: Record<string, GraphNode>;
  /** Every relationship seen so far; one is drawn only while both of its ends are in `nodes`. */
  edges: Record<string, GraphEdge>;
}

export const emptyGraph: GraphData = { nodes: {}, edges: {} };

/** Merges nodes and edges into the graph; newer copies of a node replace older ones. */
export function addElements(
  graph: GraphData,
  sub: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
): GraphData {
  if (sub.nodes.length === 0 && sub.edges.length === 0) return graph;
  const nodes = { ...graph.nodes };
  for (const n of sub.nodes) nodes[n.id] = n;
  const edges = { ...graph.edges };
  for (const e of sub.edges) edges[e.id] = e;
  return { nodes, edges };
}

/** Ids of the nodes in `sub` that the graph does not hold yet. */
export function newNodeIds(graph: GraphData, sub: { nodes: readonly GraphNode[] }): string[] {
  return sub.nodes.filter((n) => !graph.nodes[n.id]).map((n) => n.id);
}

/** Takes nodes out of the working graph (their relationships stop being drawn). */
export function removeNodes(graph: GraphData, ids: readonly string[]): GraphData {
  const drop = new Set(ids.filter((id) => graph.nodes[id]));
  if (drop.size === 0) return graph;
  const nodes: Record<string, GraphNode> = {};
  for (const [id, n] of Object.entries(graph.nodes)) if (!drop.has(id)) nodes[id] = n;
  return { nodes, edges: graph.edges };
}

/** Relationships whose two ends are both in the graph: the ones that can be drawn. */
export function drawableEdges(graph: GraphData): GraphEdge[] {
  return Object.values(graph.edges).filter((e) => graph.nodes[e.source] && graph.nodes[e.target]);
}

/** The drawable relationships touching one node. */
export function edgesOf(graph: GraphData, id: string): GraphEdge[] {
  return drawableEdges(graph).filter((e) => e.source === id || e.target === id);
}
