// The groups the canvas draws now: the grouping chosen, over the drawn graph and (for communities) the measures.
import { useMemo } from 'react';
import type { AnalysisState } from '../analysis/analysis.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { useStore, type Store } from '../shared/store.ts';
import { groupProjection, type GroupProjection, type GroupsState } from './groups.ts';

/** The groups' projection, recomputed when the graph, the grouping or the measures change. */
export function useGroups(
  explorer: Store<ExplorerState>,
  groups: Store<GroupsState>,
  analysis: Store<AnalysisState>,
): GroupProjection {
  const state = useStore(explorer);
  const chosen = useStore(groups);
  const { measures } = useStore(analysis);
  const values = measures.type === 'ready' ? measures.value.values : null;
  return useMemo(() => groupProjection(state, chosen, values), [state, chosen, values]);
}
