// The claims that dispute or bear out the selected claim, asked of the API when the selection changes: its
// neighbourhood along DISPUTES and CORROBORATES (one small query; the canvas may not hold the other claims).
import { useEffect, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api } from '../api/operations.ts';
import type { GraphNode } from '../api/types.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';
import { CONTEST_TYPES, contestOf, type ContestEntry } from './contest.ts';

/** Kinds that make claims: actors and sources neither dispute nor are disputed. */
const CLAIM_KINDS = new Set(['STATEMENT', 'MEETING', 'AGREEMENT', 'FIGURE']);

/** The contest entries of `node` (ready with none for an actor or a source, which are not asked about). */
export function useContest(node: GraphNode): Loadable<ContestEntry[]> {
  const [answer, setAnswer] = useState<{ id: string; result: Loadable<ContestEntry[]> }>();
  const asks = CLAIM_KINDS.has(node.kind);
  useEffect(() => {
    if (!asks) return;
    const controller = new AbortController();
    const filter = { relationshipTypes: [...CONTEST_TYPES] };
    api.neighborhood({ id: node.id, depth: 1, filter, limit: 100 }, controller.signal).then(
      (sub) => setAnswer({ id: node.id, result: ready(contestOf(node.id, sub)) }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setAnswer({ id: node.id, result: failed(describeError(e)) });
      },
    );
    return () => controller.abort();
  }, [node.id, asks]);
  if (!asks) return ready([]);
  return answer && answer.id === node.id ? answer.result : loading;
}
