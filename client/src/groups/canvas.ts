// Draws the groups (groups.ts `groupProjection`) on Cytoscape, after graph/project.ts has drawn the working graph:
// one node per group, a compound parent of its members while expanded, a node of its own showing the name and
// count while collapsed (its members and their relationships then hidden, and lines with a count standing for the
// relationships it takes part in). A group collapses where its members were and expands around where its node is.
import type { Core, EventObject, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { Controller } from '../graph/controllers.ts';
import { LABEL_PX } from '../graph/labels.ts';
import type { GroupProjection } from './groups.ts';

/** Data that marks the elements this file draws: graph/project.ts leaves them alone. */
const MARK = 'grouping';

/** Whether an element is a group's node or a merged line (not part of the working graph). */
export const isGrouping = (ele: SingularElementArgument) => ele.data(MARK) === true;

/** What a group's node says: its name and how many nodes it holds. */
export const groupCaption = (label: string, count: number) => `${label} (${count})`;

/** A collapsed group's size: larger with more members, within the bounds of the nodes' sizes. */
export const collapsedSize = (count: number) => Math.round(Math.min(40 + 8 * Math.sqrt(count), 96));

/** The id of a node's group while it is in one (expanded), else null. */
const parentOf = (n: NodeSingular): string | null => (n.isChild() ? n.parent().first().id() : null);

/** The middle of the members' positions. */
function centreOf(nodes: NodeSingular[]): { x: number; y: number } | null {
  if (nodes.length === 0) return null;
  const sum = nodes.reduce((s, n) => ({ x: s.x + n.position('x'), y: s.y + n.position('y') }), {
    x: 0,
    y: 0,
  });
  return { x: sum.x / nodes.length, y: sum.y / nodes.length };
}

/** Makes cy show `projection`: group nodes, members' parents, hidden elements and merged lines. */
export function applyGroups(cy: Core, projection: GroupProjection): void {
  cy.batch(() => {
    const groups = new Map(projection.groups.map((g) => [g.id, g]));
    const parentWanted = new Map<string, string>();
    for (const g of projection.groups) if (!g.collapsed) for (const m of g.members) parentWanted.set(m, g.id);

    // Nodes no longer in an expanded group leave it (before a group's node goes, which would take them along).
    cy.nodes().forEach((n) => {
      const parent = parentOf(n);
      if (parent && parentWanted.get(n.id()) !== parent) n.move({ parent: null });
    });
    const mergedIds = new Set(projection.merged.map((m) => m.id));
    cy.nodes('[?grouping]').forEach((n) => {
      if (!groups.has(n.id())) n.remove();
    });
    cy.edges('[?grouping]').forEach((e) => {
      if (!mergedIds.has(e.id())) e.remove();
    });

    for (const g of projection.groups) {
      const members = g.members
        .map((id) => cy.getElementById(id) as NodeSingular)
        .filter((n) => n.nonempty());
      let node = cy.getElementById(g.id) as NodeSingular;
      const caption = groupCaption(g.label, g.members.length);
      // The caption is its label (graph/labels.ts places it like any other), the name alone its `name`.
      const data = {
        name: g.label,
        label: caption,
        shortLabel: caption,
        count: g.members.length,
        size: collapsedSize(g.members.length),
        collapsed: g.collapsed,
      };
      if (node.empty()) {
        const at = centreOf(members) ?? { x: 0, y: 0 };
        const fontSize = LABEL_PX.normal / cy.zoom();
        node = cy.add({ group: 'nodes', data: { id: g.id, [MARK]: true, fontSize, ...data }, position: at });
      } else {
        const was = node.data('collapsed') as boolean;
        const c = centreOf(members);
        // Collapsing: the group's node takes the middle of its members (they have left it above).
        if (!was && g.collapsed && c) node.position(c);
        // Expanding: the members come back around the group's node, wherever it was moved to meanwhile.
        if (was && !g.collapsed && c) {
          const p = { ...node.position() };
          for (const m of members) m.shift({ x: p.x - c.x, y: p.y - c.y });
        }
        node.data(data);
      }
      if (!g.collapsed) for (const m of members) if (parentOf(m) !== g.id) m.move({ parent: g.id });
      node.classes(g.classes);
    }

    for (const id of projection.hidden) cy.getElementById(id).addClass('filtered grouped-away');

    for (const m of projection.merged) {
      const data = { count: m.count, caption: String(m.count), width: Math.min(6, 1.4 + Math.log2(m.count)) };
      let edge = cy.getElementById(m.id);
      if (edge.empty()) {
        const ends = { id: m.id, source: m.source, target: m.target, fontSize: LABEL_PX.edge / cy.zoom() };
        edge = cy.add({ group: 'edges', data: { ...ends, [MARK]: true, ...data } });
      } else edge.data(data);
      edge.classes(m.classes);
    }
  });
}

/** Double-click a group's node (a collapsed one, or an expanded one's box) to expand or collapse it. */
export function groupController(cy: Core, toggle: (id: string) => void): Controller {
  const onDouble = (e: EventObject) => toggle(e.target.id());
  cy.on('dbltap', 'node[?grouping]', onDouble);
  return { dispose: () => cy.off('dbltap', 'node[?grouping]', onDouble) };
}
