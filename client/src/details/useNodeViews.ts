// Which saved views include a node, asked of the API (GraphNode.savedViews) whenever the selection or the
// list of views changes.
import { api } from '../api/operations.ts';
import type { Loadable } from '../shared/loadable.ts';
import { useAnswer } from '../shared/useAnswer.ts';

type Views = { id: string; name: string }[];

/** The views that include `nodeId`; `refreshKey` changes when views are saved, renamed or deleted. */
export function useNodeViews(nodeId: string | null, refreshKey: unknown): Loadable<Views> {
  return useAnswer(nodeId, refreshKey, (signal) => api.nodeViews(nodeId!, signal));
}
