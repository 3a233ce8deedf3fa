// The date axis of the timeline layout: one label per date column, kept under the columns as the analyst
// pans and zooms.
import type { Core } from 'cytoscape';
import { useEffect, useMemo, useState } from 'react';
import type { ExplorerState } from '../state/explorer.ts';
import { formatDate } from '../state/time.ts';
import { timelineLayout } from './layouts/timeline.ts';
import { visibleElements } from '../state/projection.ts';

/** Date labels over the canvas for the timeline layout. */
export function TimelineAxis({ cy, state }: { cy: Core; state: ExplorerState }) {
  const columns = useMemo(
    () =>
      timelineLayout(state.graph, visibleElements(state).nodeIds, cy.width() / Math.max(cy.height() - 26, 1))
        .columns,
    // The columns change with what is drawn: the graph and the filters.
    [state.graph, state.hidden, state.hiddenKinds, state.timeWindow],
  );
  const [viewport, setViewport] = useState(() => ({ zoom: cy.zoom(), pan: { ...cy.pan() } }));
  useEffect(() => {
    const update = () => setViewport({ zoom: cy.zoom(), pan: { ...cy.pan() } });
    cy.on('viewport', update);
    update();
    return () => {
      cy.off('viewport', update);
    };
  }, [cy]);
  const width = cy.width();
  let lastRight = -Infinity;
  return (
    <div className="timeline-axis" aria-hidden="true">
      {columns.map((c) => {
        const x = c.x * viewport.zoom + viewport.pan.x;
        const text = formatDate(c.date, precisionOf(c.date, state));
        const half = text.length * 3.4;
        if (x < -40 || x > width + 40 || x - half < lastRight + 8) return null;
        lastRight = x + half;
        return (
          <span key={c.date} className="timeline-axis-label" style={{ left: x }}>
            {text}
          </span>
        );
      })}
    </div>
  );
}

function precisionOf(date: string, state: ExplorerState): unknown {
  for (const n of Object.values(state.graph.nodes)) {
    if (n.date?.slice(0, 10) === date) return n.properties.datePrecision;
  }
  return undefined;
}
