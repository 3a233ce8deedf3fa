// Expanding a node: its neighbours come onto the graph a page at a time ("Show 25 more"); nodes already drawn
// keep their places. The request, the transition, the message after it, and the workflow that ties them.
import { describeError } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import type { GraphFilter, GraphNode, NodeKind } from '../api/types.ts';
import { evidenceFilter } from '../evidence/evidence.ts';
import { addElements, newNodeIds } from '../explorer/graph.ts';
import { remember, type ActionOf, type Expansion, type ExplorerState } from '../explorer/state.ts';
import { ALL_KINDS } from '../graph/kinds.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';
import type { Store } from '../shared/store.ts';

/** Neighbours brought in per expansion step ("show 25 more"). */
export const EXPAND_PAGE = 25;

/** The last expansion asked for and how it went (a sentence when done). */
export type ExpandStatus = { id: string; status: Loadable<string> } | null;

/**
 * What to ask for next: the limit counts the node itself (the first page is the node and 25 neighbours); the
 * filter names the kinds shown and the evidence filter.
 */
export function expandRequest(
  state: ExplorerState,
  id: string,
): { limit: number; kinds: NodeKind[]; filter: GraphFilter } {
  const limit = (state.expansions[id]?.limit ?? 1) + EXPAND_PAGE;
  const node = state.graph.nodes[id];
  // Sources come when their kind is shown (ticked in the legend), and always to a source.
  const kinds = ALL_KINDS.filter(
    (k) => !state.hiddenKinds.includes(k) || (k === 'SOURCE' && node?.kind === 'SOURCE'),
  );
  return { limit, kinds, filter: { kinds, ...evidenceFilter(state.evidence) } };
}

/** Adds a node's neighbours (one page of them); existing nodes keep their places, new ones go near it. */
export function expand(state: ExplorerState, action: ActionOf<'expanded'>): ExplorerState {
  const added = newNodeIds(state.graph, action);
  const unhidden = state.hidden.filter((id) => !action.nodes.some((n) => n.id === id));
  return {
    ...state,
    history:
      added.length || unhidden.length !== state.hidden.length ? remember(state, 'expand') : state.history,
    graph: addElements(state.graph, action),
    hidden: unhidden,
    expansions: { ...state.expansions, [action.id]: { limit: action.limit, truncated: action.truncated } },
  };
}

/** The sentence after an expansion, counting against the graph as it was before it. */
export function expandOutcome(before: ExplorerState, id: string, nodes: readonly GraphNode[]): string {
  const fresh = nodes.filter((n) => n.id !== id && !before.graph.nodes[n.id]).length;
  const total = nodes.length - 1;
  return fresh === 0
    ? `All ${total} neighbours shown are already on the graph.`
    : `Added ${fresh} ${fresh === 1 ? 'node' : 'nodes'} (${total} neighbours shown).`;
}

/** The expand button's text. */
export function expandLabel(expansion: Expansion | undefined, busy: boolean): string {
  if (busy) return 'Expanding…';
  if (expansion?.truncated) return 'Show 25 more';
  return expansion ? 'Expand again' : 'Expand neighbours';
}

/** What the expand workflow reads and writes. */
export interface ExpandDeps {
  explorer: Store<ExplorerState>;
  status: Store<ExpandStatus>;
  api: Pick<typeof api, 'neighborhood'>;
}

/** Expands `id` by its next page of neighbours, telling how it went. */
export async function expandNode({ explorer, status, api }: ExpandDeps, id: string): Promise<void> {
  const before = explorer.get();
  const { limit, filter } = expandRequest(before, id);
  status.set(() => ({ id, status: loading }));
  try {
    const sub = await api.neighborhood({ id, depth: 1, limit, filter });
    explorer.set((s) =>
      expand(s, {
        type: 'expanded',
        id,
        nodes: sub.nodes,
        edges: sub.edges,
        limit,
        truncated: sub.truncated,
      }),
    );
    status.set(() => ({ id, status: ready(expandOutcome(before, id, sub.nodes)) }));
  } catch (e) {
    status.set(() => ({ id, status: failed(describeError(e)) }));
  }
}
