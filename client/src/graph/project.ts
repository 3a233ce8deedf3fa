// Projects the explorer state onto Cytoscape: adds and removes elements so the canvas holds the working
// graph, then sets every element's classes from state/projection.ts. The only place that writes to cy.
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../api/types.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { drawableEdges } from '../explorer/graph.ts';
import { elementClasses } from '../explorer/projection.ts';
import { nodeSize } from './kinds.ts';
import { LABEL_PX, labelPxOf, MANY_NODES, shortLabel } from './labels.ts';
import type { Point } from './layouts/placement.ts';
import { isGrouping } from '../groups/canvas.ts';

/** Cytoscape data of a node. */
export function nodeData(n: GraphNode) {
  return {
    id: n.id,
    label: n.label,
    shortLabel: shortLabel(n.label),
    kind: n.kind,
    degree: n.degree,
    size: nodeSize(n.degree),
    // Drawn with an amber double ring (graph/stylesheet.ts): another claim disputes it, or it disputes one.
    contested: n.contested ? 'yes' : 'no',
  };
}

/** Cytoscape data of a relationship. */
export function edgeData(e: GraphEdge) {
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    basis: e.properties.basis === 'inferred' ? 'INFERRED' : 'STATED',
    // Better-corroborated relationships are drawn a little thicker (1.4 px, +0.6 px per further publisher, at most 3.2).
    width: Math.min(3.2, 1.4 + 0.6 * Math.max(0, (e.corroboration ?? 1) - 1)),
  };
}

/**
 * Makes cy hold exactly the state's working graph. New nodes start at `startAt(id)` when given (a remembered
 * or computed position). Returns the ids of the nodes that were added.
 */
export function syncElements(
  cy: Core,
  state: ExplorerState,
  startAt: (id: string) => Point | undefined,
): string[] {
  const added: string[] = [];
  cy.batch(() => {
    const wantNodes = state.graph.nodes;
    const wantEdges = new Map(drawableEdges(state.graph).map((e) => [e.id, e]));
    // Groups' nodes and lines are groups/canvas.ts's to keep or remove.
    cy.edges().forEach((e) => {
      if (!wantEdges.has(e.id()) && !isGrouping(e)) e.remove();
    });
    cy.nodes().forEach((n) => {
      if (!wantNodes[n.id()] && !isGrouping(n)) n.remove();
    });
    const defs: ElementDefinition[] = [];
    const many = Object.keys(wantNodes).length >= MANY_NODES;
    for (const n of Object.values(wantNodes)) {
      const existing = cy.getElementById(n.id);
      if (existing.nonempty()) {
        // Only a newer copy of the node (after an expansion, say) needs its data refreshed.
        if (existing.scratch('_node') !== n) existing.data(nodeData(n)).scratch('_node', n);
        continue;
      }
      added.push(n.id);
      const position = startAt(n.id);
      const data = {
        ...nodeData(n),
        fontSize: labelPxOf(n.degree) / cy.zoom(),
        maxLabelWidth: 240 / cy.zoom(),
      };
      // On a big canvas a label waits for the label pass (labels.ts), so the first frame draws no text.
      const classes = many ? 'no-label' : '';
      defs.push(
        position
          ? { group: 'nodes', data, classes, position: { ...position }, scratch: { _node: n } }
          : { group: 'nodes', data, classes, scratch: { _node: n } },
      );
    }
    for (const e of wantEdges.values()) {
      if (cy.getElementById(e.id).empty())
        defs.push({ group: 'edges', data: { ...edgeData(e), fontSize: LABEL_PX.edge / cy.zoom() } });
    }
    if (defs.length) cy.add(defs);
  });
  return added;
}

/**
 * Sets each element's classes from the state (selection, hover, filters, path highlighting). The one class
 * not from the state, `no-label`, belongs to the label declutter (labels.ts) and is kept.
 */
export function applyClasses(cy: Core, state: ExplorerState): void {
  const classes = elementClasses(state);
  cy.batch(() => {
    cy.elements().forEach((ele) => {
      if (isGrouping(ele)) return;
      const base = classes.get(ele.id()) ?? '';
      const want = ele.hasClass('no-label') ? `${base} no-label`.trim() : base;
      if (ele.classes().join(' ') !== want) ele.classes(want);
    });
  });
}
