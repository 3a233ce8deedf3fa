// The style rules applied to the canvas now: each node's look (for the canvas) and the legend (for the legend
// panel), worked out from the page's stores whenever the graph, the rules or the measures change.
import { useMemo } from 'react';
import type { AnalysisState } from '../analysis/analysis.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { useStore, type Store } from '../shared/store.ts';
import { styleLooks, type StyleRules } from './style.ts';

export function useStyle(stores: {
  explorer: Store<ExplorerState>;
  analysis: Store<AnalysisState>;
  style: Store<StyleRules>;
}): ReturnType<typeof styleLooks> {
  const { graph } = useStore(stores.explorer);
  const { measures } = useStore(stores.analysis);
  const rules = useStore(stores.style);
  const values = measures.type === 'ready' ? measures.value.values : null;
  return useMemo(() => styleLooks(rules, Object.values(graph.nodes), values), [rules, graph, values]);
}
