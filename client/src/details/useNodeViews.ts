// Which saved views include a node, asked of the API (GraphNode.savedViews) whenever the selection or the
// list of views changes.
import { useEffect, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api } from '../api/operations.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';

type Views = { id: string; name: string }[];

/** The views that include `nodeId`; `refreshKey` changes when views are saved, renamed or deleted. */
export function useNodeViews(nodeId: string | null, refreshKey: unknown): Loadable<Views> {
  // The answer and what it answers: loading until the answer for this node and this list of views comes.
  const [answer, setAnswer] = useState<{ nodeId: string; refreshKey: unknown; result: Loadable<Views> }>();
  useEffect(() => {
    if (!nodeId) return;
    const controller = new AbortController();
    api.nodeViews(nodeId, controller.signal).then(
      (views) => setAnswer({ nodeId, refreshKey, result: ready(views) }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError')
          setAnswer({ nodeId, refreshKey, result: failed(describeError(e)) });
      },
    );
    return () => controller.abort();
  }, [nodeId, refreshKey]);
  return answer && answer.nodeId === nodeId && answer.refreshKey === refreshKey ? answer.result : loading;
}
