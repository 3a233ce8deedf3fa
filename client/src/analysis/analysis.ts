// The analysis of the canvas: its measures (computed in a Web Worker), what the table shows of them, and the
// workflow that asks for them. The measures describe the canvas as it was when they were computed; the panel
// says for how many nodes. What they draw on the canvas is a style rule's (client/src/style).
import type { ExplorerState } from '../explorer/state.ts';
import { visibleElements } from '../explorer/projection.ts';
import { failed, idle, loading, ready, type Loadable } from '../shared/loadable.ts';
import type { Store } from '../shared/store.ts';
import type { Column } from '../table/table.ts';
import { MEASURE_LABELS, MEASURES, type Measure, type MeasureInput, type Measures } from './measures.ts';

/** Measures computed, with the time they took and how many nodes they were computed for. */
export interface MeasureResult {
  values: Measures;
  ms: number;
  nodes: number;
}

export interface AnalysisState {
  measures: Loadable<MeasureResult>;
}

export const initialAnalysis: AnalysisState = { measures: idle };

/** What the measures are computed on: the nodes and relationships drawn now. */
export function measureInputOf(state: ExplorerState): MeasureInput {
  const { nodeIds, edgeIds } = visibleElements(state);
  return {
    nodes: nodeIds,
    edges: edgeIds.map((id) => {
      const e = state.graph.edges[id]!;
      return [e.source, e.target];
    }),
  };
}

const DIGITS: Record<Measure, number> = { degree: 0, pagerank: 4, betweenness: 3, community: 0 };

/** The table's columns for the measures, once computed (a node not measured has empty cells). */
export function measureColumns(values: Measures | null): Column[] {
  if (!values) return [];
  return MEASURES.map((m) => ({
    id: `measure:${m}`,
    label: MEASURE_LABELS[m],
    text: (r) => (values[r.id] ? values[r.id]![m].toFixed(DIGITS[m]) : ''),
    sortKey: (r) => values[r.id]?.[m] ?? null,
  }));
}

/** Computes the measures in a Web Worker (the page stays responsive however large the canvas). */
export function computeInWorker(input: MeasureInput): Promise<{ values: Measures; ms: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./measures.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ values: Measures; ms: number } | { error: string }>) => {
      worker.terminate();
      if ('error' in e.data) reject(new Error(`The measures could not be computed: ${e.data.error}`));
      else resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`The measures could not be computed: ${e.message}`));
    };
    worker.postMessage(input);
  });
}

/** Computes the measures of the canvas and keeps them in `analysis`. */
export async function runMeasures(
  analysis: Store<AnalysisState>,
  explorer: Store<ExplorerState>,
  compute: (input: MeasureInput) => Promise<{ values: Measures; ms: number }> = computeInWorker,
): Promise<void> {
  const input = measureInputOf(explorer.get());
  analysis.set((s) => ({ ...s, measures: loading }));
  try {
    const { values, ms } = await compute(input);
    analysis.set((s) => ({ ...s, measures: ready({ values, ms, nodes: input.nodes.length }) }));
  } catch (e) {
    analysis.set((s) => ({ ...s, measures: failed(e instanceof Error ? e.message : String(e)) }));
  }
}
