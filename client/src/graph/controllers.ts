// Interaction handlers on the canvas, each a small controller with its own dispose(): they turn Cytoscape
// events into explorer actions and never change the canvas themselves.
import type { Core, EventObject } from 'cytoscape';
import type { Action } from '../explorer/state.ts';

export interface Controller {
  dispose(): void;
}

function on(
  cy: Core,
  events: string,
  selector: string | null,
  handler: (e: EventObject) => void,
): Controller {
  if (selector) cy.on(events, selector, handler);
  else cy.on(events, handler);
  return { dispose: () => (selector ? cy.off(events, selector, handler) : cy.off(events, handler)) };
}

/**
 * Click a node or relationship to select it; click the background to clear the selection and the path shown.
 * A group's node or line (client/src/groups, data `grouping`) is no node or relationship of the graph: a click on
 * it changes nothing.
 */
export function selectionController(cy: Core, dispatch: (a: Action) => void): Controller {
  const parts = [
    on(cy, 'tap', 'node[!grouping]', (e) =>
      dispatch({ type: 'selected', selection: { type: 'node', id: e.target.id() } }),
    ),
    on(cy, 'tap', 'edge[!grouping]', (e) =>
      dispatch({ type: 'selected', selection: { type: 'edge', id: e.target.id() } }),
    ),
    on(cy, 'tap', null, (e) => {
      if (e.target === cy) dispatch({ type: 'cleared' });
    }),
  ];
  return { dispose: () => parts.forEach((p) => p.dispose()) };
}

/** Hovering a node emphasises it and its neighbours. */
export function hoverController(cy: Core, dispatch: (a: Action) => void): Controller {
  const parts = [
    on(cy, 'mouseover', 'node[!grouping]', (e) => dispatch({ type: 'hovered', id: e.target.id() })),
    on(cy, 'mouseout', 'node[!grouping]', () => dispatch({ type: 'hovered', id: null })),
  ];
  return { dispose: () => parts.forEach((p) => p.dispose()) };
}

/** Double-click a node to expand its neighbours (a group's node collapses or expands the group instead). */
export function expandController(cy: Core, expand: (id: string) => void): Controller {
  return on(cy, 'dbltap', 'node[!grouping]', (e) => expand(e.target.id()));
}
