// The suggestions for a query (of one kind, or of every kind, under the explorer's evidence filter), asked of the
// API (the last request is cancelled when the query or the filter changes).
import { useEffect, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api, type SearchHit } from '../api/operations.ts';
import type { NodeKind } from '../api/types.ts';
import { noEvidenceFilter, type EvidenceFilter } from '../evidence/evidence.ts';
import { failed, idle, loading, ready, type Loadable } from '../shared/loadable.ts';
import { searchVariables } from './search.ts';

/** Queries shorter than this ask nothing. */
export const MIN_QUERY = 2;

/**
 * The hits for `query`: idle for a short query, loading until its answer comes. Each answer moves the active
 * suggestion to the first (`setActive` is a state setter, so it never changes).
 */
export function useSearch(
  query: string,
  setActive: (i: number) => void,
  kind: NodeKind | null = null,
  evidence: EvidenceFilter = noEvidenceFilter,
): Loadable<SearchHit[]> {
  const [answer, setAnswer] = useState<{ key: string; result: Loadable<SearchHit[]> }>();
  const { statedOnly, minReliability } = evidence;
  const key = `${kind ?? ''}:${statedOnly}:${minReliability ?? ''}:${query}`;
  useEffect(() => {
    if (query.length < MIN_QUERY) return;
    const controller = new AbortController();
    api
      .search(searchVariables(query, kind, { statedOnly, minReliability }), controller.signal)
      .then((hits) => {
        setAnswer({ key, result: ready(hits) });
        setActive(0);
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setAnswer({ key, result: failed(describeError(e)) });
      });
    return () => controller.abort();
  }, [query, kind, statedOnly, minReliability, key, setActive]);
  if (query.length < MIN_QUERY) return idle;
  return answer?.key === key ? answer.result : loading;
}
