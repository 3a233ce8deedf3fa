// The suggestions for a query, asked of the API (the last request is cancelled when the query changes).
import { useEffect, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api, type SearchHit } from '../api/operations.ts';
import { failed, idle, loading, ready, type Loadable } from '../shared/loadable.ts';

/** Queries shorter than this ask nothing. */
export const MIN_QUERY = 2;

/**
 * The hits for `query`: idle for a short query, loading until its answer comes. Each answer moves the active
 * suggestion to the first (`setActive` is a state setter, so it never changes).
 */
export function useSearch(query: string, setActive: (i: number) => void): Loadable<SearchHit[]> {
  const [answer, setAnswer] = useState<{ query: string; result: Loadable<SearchHit[]> }>();
  useEffect(() => {
    if (query.length < MIN_QUERY) return;
    const controller = new AbortController();
    api
      .search(query, undefined, 10, controller.signal)
      .then((hits) => {
        setAnswer({ query, result: ready(hits) });
        setActive(0);
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setAnswer({ query, result: failed(describeError(e)) });
      });
    return () => controller.abort();
  }, [query, setActive]);
  if (query.length < MIN_QUERY) return idle;
  return answer?.query === query ? answer.result : loading;
}
