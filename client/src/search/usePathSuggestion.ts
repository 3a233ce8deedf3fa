// The search box's paths suggestion: for words that read "A to B", the best hit for each end (under the
// explorer's evidence filter), offered as one choice that finds the paths between them.
import { useEffect, useState } from 'react';
import { api, type SearchHit } from '../api/operations.ts';
import type { EvidenceFilter } from '../evidence/evidence.ts';
import { pathQuery, searchVariables } from './search.ts';

/** Two nodes the words name, for a paths question. */
export interface PathSuggestion {
  from: SearchHit;
  to: SearchHit;
}

/** The paths suggestion for `query`, or null (not "A to B", an end found nothing, or both are one node). */
export function usePathSuggestion(
  query: string,
  evidence: EvidenceFilter | undefined,
  enabled: boolean,
): PathSuggestion | null {
  const [answer, setAnswer] = useState<{ query: string; value: PathSuggestion | null }>();
  const ends = enabled ? pathQuery(query) : null;
  const from = ends?.from;
  const to = ends?.to;
  const statedOnly = evidence?.statedOnly ?? false;
  const minReliability = evidence?.minReliability ?? null;
  useEffect(() => {
    if (!from || !to) return;
    const controller = new AbortController();
    const best = (text: string) =>
      api
        .search(
          { ...searchVariables(text, null, { statedOnly, minReliability }), limit: 1 },
          controller.signal,
        )
        .then((hits) => hits[0] ?? null);
    Promise.all([best(from), best(to)])
      .then(([a, b]) => setAnswer({ query, value: a && b && a.id !== b.id ? { from: a, to: b } : null }))
      .catch(() => {
        // The suggestion is a shortcut: without it the ordinary suggestions stay.
        if (!controller.signal.aborted) setAnswer({ query, value: null });
      });
    return () => controller.abort();
  }, [query, from, to, statedOnly, minReliability]);
  return ends && answer?.query === query ? answer.value : null;
}
