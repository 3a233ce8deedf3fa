// The date axis of the timeline layout: one label per date column, as precise as its nodes' dates ("September
// 2022"), kept under the columns as the analyst pans and zooms.
import type { Core } from 'cytoscape';
import { useEffect, useMemo, useState } from 'react';
import { visibleElements } from '../explorer/projection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { axisLabels } from '../time/timeline.ts';
import { timelineLayout } from './layouts/timeline.ts';

/** Date labels over the canvas for the timeline layout. */
export function TimelineAxis({ cy, state }: { cy: Core; state: ExplorerState }) {
  // The columns change with what is drawn: the graph and the filters. The same nodes as the layout places
  // (graph/layouts/registry.ts): drawn ones, the evidence filter applied, pinned ones left where they are.
  const { graph, hidden, hiddenKinds, timeWindow, evidence, pinned } = state;
  const columns = useMemo(() => {
    const kept = new Set(pinned);
    const ids = visibleElements({ graph, hidden, hiddenKinds, timeWindow, evidence }).nodeIds.filter(
      (id) => !kept.has(id),
    );
    return timelineLayout(graph, ids, cy.width() / Math.max(cy.height() - 26, 1)).columns;
  }, [cy, graph, hidden, hiddenKinds, timeWindow, evidence, pinned]);
  const [viewport, setViewport] = useState(() => ({ zoom: cy.zoom(), pan: { ...cy.pan() } }));
  useEffect(() => {
    const update = () => setViewport({ zoom: cy.zoom(), pan: { ...cy.pan() } });
    cy.on('viewport', update);
    update();
    return () => {
      cy.off('viewport', update);
    };
  }, [cy]);
  const labels = axisLabels(columns, viewport, cy.width(), (c) => formatDate(c.date, c.precision) ?? '');
  return (
    <div className="timeline-axis" aria-hidden="true">
      {labels.map((l) => (
        <span key={l.key} className="timeline-axis-label" style={{ left: l.x }}>
          {l.text}
        </span>
      ))}
    </div>
  );
}
