// The legend: one row per kind with its swatch, how many the graph holds (from `stats`), how many are drawn,
// and a checkbox that shows or hides the kind; then what the style rules colour, size and caption by, if any.
import type { GraphStats, NodeKind } from '../api/types.ts';
import { ALL_KINDS, kindLabel, kindStyle } from '../graph/kinds.ts';
import type { Action } from '../explorer/state.ts';
import type { Loadable } from '../shared/loadable.ts';
import { KindSwatch } from './KindSwatch.tsx';
import { StyleLegend } from '../style/StyleLegend.tsx';
import type { StyleLegend as StyleLegendData } from '../style/style.ts';

interface Props {
  stats: Loadable<GraphStats>;
  shown: Record<string, number>;
  hiddenKinds: NodeKind[];
  dispatch: (a: Action) => void;
  /** The active style rules (client/src/style). */
  style?: StyleLegendData;
}

/** The legend with per-kind toggles. */
export function Legend({ stats, shown, hiddenKinds, dispatch, style = {} }: Props) {
  const total = stats.type === 'ready' ? stats.value.countsByKind : null;
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Legend</h2>
      <ul>
        {ALL_KINDS.map((kind) => {
          const id = `kind-toggle-${kind.toLowerCase()}`;
          const inGraph = total?.[kind] ?? total?.[kindLabel(kind)];
          return (
            <li key={kind}>
              <input
                type="checkbox"
                id={id}
                checked={!hiddenKinds.includes(kind)}
                onChange={() => dispatch({ type: 'kindToggled', kind })}
              />
              <label htmlFor={id}>
                <KindSwatch kind={kind} />
                <span className="legend-name">{kindStyle(kind).plural}</span>
                <span className="legend-count" title="drawn now / in the database">
                  {shown[kind] ?? 0}
                  {inGraph !== undefined ? ` / ${inGraph}` : ''}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <StyleLegend legend={style} />
      {stats.type === 'ready' && (
        <p className="muted small">
          Database: {stats.value.nodeCount} nodes, {stats.value.edgeCount} relationships.
        </p>
      )}
      {stats.type === 'error' && <p className="muted small">Counts unavailable: {stats.message}</p>}
      {!style.size && <p className="muted small">Node size grows with the number of relationships.</p>}
      <p className="muted small legend-lines">
        <span className="legend-ring" aria-hidden="true" /> Contested: another claim disputes it, or it
        disputes one. <span className="legend-dash" aria-hidden="true" /> Inferred relationship: the encoder’s
        reading, not what its source states.
      </p>
      <p className="muted small">
        Dashed blue outline: pinned, stays in place when the graph is laid out again.
      </p>
    </section>
  );
}
