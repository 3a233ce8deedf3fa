// The start panel's choices: the best-connected nodes of a kind on the canvas (the document's principal actors
// and events), and the hit that choosing one stands for.
import type { SearchHit } from '../api/operations.ts';
import type { GraphNode, NodeKind } from '../api/types.ts';
import { hitOfItem } from '../search/search.ts';

/** How many actors and how many events the start panel offers. */
export const KEY_NODES = 6;

/** The `count` nodes of `kind` with the most relationships (ties by label), of those given. */
export function keyNodes(nodes: Iterable<GraphNode>, kind: NodeKind, count = KEY_NODES): GraphNode[] {
  return [...nodes]
    .filter((n) => n.kind === kind)
    .sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label))
    .slice(0, count);
}

/** The search hit that choosing `node` stands for (it is on the canvas: choosing selects and centres it). */
export const hitOfNode = (node: GraphNode): SearchHit => hitOfItem(node);
