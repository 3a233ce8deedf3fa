// Which saved views include a node, asked of the API (GraphNode.savedViews) whenever the selection or the
// list of views changes.
import { useEffect, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api } from '../api/operations.ts';
import { failed, loading, ready, type Loadable } from '../state/loadable.ts';

/** The views that include `nodeId`; `refreshKey` changes when views are saved, renamed or deleted. */
export function useNodeViews(
  nodeId: string | null,
  refreshKey: unknown,
): Loadable<{ id: string; name: string }[]> {
  const [result, setResult] = useState<Loadable<{ id: string; name: string }[]>>(loading);
  useEffect(() => {
    if (!nodeId) return;
    const controller = new AbortController();
    setResult(loading);
    api.nodeViews(nodeId, controller.signal).then(
      (views) => setResult(ready(views)),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setResult(failed(describeError(e)));
      },
    );
    return () => controller.abort();
  }, [nodeId, refreshKey]);
  return result;
}
