// The details panel while a path is shown: its steps from one end to the other (each node a link that selects
// it), the path explained in sentences, its citations, and the way to clear the highlight (also Esc, or a click
// on empty canvas).
import { SourceList } from '../details/SourceList.tsx';
import type { Action, ExplorerState } from '../explorer/state.ts';

interface Props {
  state: ExplorerState;
  dispatch: (a: Action) => void;
}

/** The path shown on the graph, explained; nothing when no path is shown. */
export function PathDetails({ state, dispatch }: Props) {
  const { path, pathInfo } = state;
  if (!path || !pathInfo) return null;
  const steps = pathInfo.length;
  return (
    <article aria-label="Path shown on the graph" data-testid="path-details">
      <p className="kind-line">
        Path · {steps} {steps === 1 ? 'step' : 'steps'}
      </p>
      <h3 className="node-title">
        {path.nodeIds.map((id, i) => (
          <span key={id}>
            {i > 0 && ' → '}
            <button
              type="button"
              className="link"
              onClick={() => dispatch({ type: 'selected', selection: { type: 'node', id } })}
            >
              {state.graph.nodes[id]?.label ?? id}
            </button>
          </span>
        ))}
      </h3>
      <p className="explanation" data-testid="path-details-explanation">
        {pathInfo.explanation}
      </p>
      <div className="actions">
        <button type="button" onClick={() => dispatch({ type: 'cleared' })}>
          Clear highlight (Esc)
        </button>
      </div>
      <h4>Citations ({pathInfo.citations.length})</h4>
      <SourceList sources={pathInfo.citations} />
    </article>
  );
}
