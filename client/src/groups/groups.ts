// Groups on the canvas: the drawn nodes gathered by a key (their kind, a property such as country or actor type,
// the organisation they belong to, or their community from the measures) into groups that the analyst collapses
// and expands. Pure functions only: which group each node belongs to, the collapsed/expanded state, and what the
// canvas draws of it (`groupProjection`); groups/canvas.ts writes that onto Cytoscape. Nodes with no value for the
// key, or alone with theirs, stay outside every group (the control says so): a group of one is just its node.
import type { GraphNode } from '../api/types.ts';
import type { Measures } from '../analysis/measures.ts';
import type { GraphData } from '../explorer/graph.ts';
import { visibleElements } from '../explorer/projection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { kindStyle } from '../graph/kinds.ts';

/** What the canvas can be grouped by, in the order the "Group by" list offers them. */
export const GROUP_KEYS = ['kind', 'country', 'actorType', 'organisation', 'community'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export const GROUP_KEY_LABELS: Record<GroupKey, string> = {
  kind: 'Kind',
  country: 'Country',
  actorType: 'Actor type',
  organisation: 'Organisation (member of)',
  community: 'Community (measure)',
};

/** The grouping chosen and which groups are collapsed (their ids). Saved with a view. */
export interface GroupsState {
  by: GroupKey | null;
  collapsed: string[];
}

export const noGroups: GroupsState = { by: null, collapsed: [] };

/** The id of a group's node on the canvas: the key and the value, so another key's groups never share it. */
export const groupId = (by: GroupKey, value: string) => `group:${by}:${value}`;

/** A group as the canvas draws it. */
export interface Group {
  id: string;
  /** "China", "Actors", "Community 2". */
  label: string;
  /** The drawn nodes in it, in id order. */
  members: string[];
  collapsed: boolean;
  /** The state classes of its node (groups/style.ts). */
  classes: string;
}

/** Relationships between two ends, at least one of them a collapsed group, drawn as one line with their count. */
export interface MergedEdge {
  id: string;
  source: string;
  target: string;
  count: number;
  /** The relationships it stands for. */
  edgeIds: string[];
  classes: string;
}

/** What the canvas draws of the groups. */
export interface GroupProjection {
  /** Groups of at least two drawn members (MIN_MEMBERS), largest first (then by name). */
  groups: Group[];
  /** The nodes and relationships a collapsed group stands for: not drawn while it is collapsed. */
  hidden: string[];
  merged: MergedEdge[];
}

export const NO_PROJECTION: GroupProjection = { groups: [], hidden: [], merged: [] };

/** The fewest drawn members a group has: a node alone with its value stays a node. */
export const MIN_MEMBERS = 2;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, ' ');

/**
 * The organisation each node belongs to: following MEMBER_OF among the drawn relationships to the top (Li
 * Zhanshu → the Politburo Standing Committee → the CCP: the CCP), the first organisation by name when a node is a
 * member of several. An organisation with members is in its own group; a node in none has no organisation.
 */
function organisations(graph: GraphData, edgeIds: readonly string[]): Map<string, string> {
  const memberOf = new Map<string, string[]>();
  const hasMembers = new Set<string>();
  for (const id of edgeIds) {
    const e = graph.edges[id]!;
    if (e.type !== 'MEMBER_OF' || e.source === e.target) continue;
    memberOf.set(e.source, [...(memberOf.get(e.source) ?? []), e.target]);
    hasMembers.add(e.target);
  }
  const name = (id: string) => graph.nodes[id]?.label ?? id;
  const byName = (a: string, b: string) => name(a).localeCompare(name(b)) || (a < b ? -1 : 1);
  const top = (id: string): string => {
    const seen = new Set([id]);
    let at = id;
    for (;;) {
      const next = (memberOf.get(at) ?? []).filter((t) => !seen.has(t)).sort(byName)[0];
      if (!next) return at;
      seen.add(next);
      at = next;
    }
  };
  const out = new Map<string, string>();
  for (const id of new Set([...memberOf.keys(), ...hasMembers])) out.set(id, top(id));
  return out;
}

/**
 * Each drawn node's group under `by`, as its value and name; a node with no value is in none. Communities come from
 * the measures (a node added after they were computed is in none until they are computed again).
 */
export function groupValues(
  graph: GraphData,
  drawn: { nodeIds: readonly string[]; edgeIds: readonly string[] },
  by: GroupKey,
  measures: Measures | null,
): Map<string, { value: string; label: string }> {
  const out = new Map<string, { value: string; label: string }>();
  const orgs = by === 'organisation' ? organisations(graph, drawn.edgeIds) : null;
  const property = (n: GraphNode, key: string) => {
    const v = n.properties[key];
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  };
  for (const id of drawn.nodeIds) {
    const n = graph.nodes[id]!;
    let group: { value: string; label: string } | null = null;
    if (by === 'kind') group = { value: n.kind, label: kindStyle(n.kind).plural };
    else if (by === 'country') {
      const v = property(n, 'country');
      group = v ? { value: v, label: v } : null;
    } else if (by === 'actorType') {
      const v = property(n, 'actorType');
      group = v ? { value: v, label: capitalised(v) } : null;
    } else if (by === 'organisation') {
      const org = orgs!.get(id);
      group = org ? { value: org, label: graph.nodes[org]?.label ?? org } : null;
    } else {
      const c = measures?.[id]?.community;
      group = c !== undefined ? { value: String(c), label: `Community ${c}` } : null;
    }
    if (group) out.set(id, group);
  }
  return out;
}

/**
 * What the canvas draws of the groups: the groups of the drawn nodes (expanded ones as compound nodes around their
 * members, collapsed ones as one node with the count), which nodes and relationships a collapsed group hides, and
 * the lines that stand for the relationships between a collapsed group and anything else, with their count.
 */
export function groupProjection(
  state: ExplorerState,
  groups: GroupsState,
  measures: Measures | null,
): GroupProjection {
  if (!groups.by) return NO_PROJECTION;
  const drawn = visibleElements(state);
  const values = groupValues(state.graph, drawn, groups.by, measures);
  const byId = new Map<string, { label: string; members: string[] }>();
  for (const id of [...drawn.nodeIds].sort()) {
    const v = values.get(id);
    if (!v) continue;
    const gid = groupId(groups.by, v.value);
    const g = byId.get(gid) ?? { label: v.label, members: [] };
    g.members.push(id);
    byId.set(gid, g);
  }
  for (const [gid, g] of byId) if (g.members.length < MIN_MEMBERS) byId.delete(gid);
  const collapsed = new Set(groups.collapsed.filter((id) => byId.has(id)));
  // The end a node is drawn as: its collapsed group, else itself.
  const endOf = new Map<string, string>();
  for (const gid of collapsed) for (const m of byId.get(gid)!.members) endOf.set(m, gid);

  const pathNodes = new Set(state.path?.nodeIds ?? []);
  const pathEdges = new Set(state.path?.edgeIds ?? []);
  const pathClass = (on: boolean) => (state.path ? (on ? ' on-path' : ' off-path') : '');

  const hidden = new Set<string>(endOf.keys());
  const merged = new Map<string, MergedEdge>();
  for (const id of drawn.edgeIds) {
    const e = state.graph.edges[id]!;
    const [a, b] = [endOf.get(e.source) ?? e.source, endOf.get(e.target) ?? e.target];
    if (a === e.source && b === e.target) continue;
    hidden.add(id);
    // Inside one collapsed group: the group stands for it.
    if (a === b) continue;
    // One line between two ends, whatever the relationships' directions.
    const [source, target] = a < b ? [a, b] : [b, a];
    const mid = `group-edge:${source}|${target}`;
    const m = merged.get(mid) ?? { id: mid, source, target, count: 0, edgeIds: [], classes: '' };
    m.count += 1;
    m.edgeIds.push(id);
    merged.set(mid, m);
  }
  for (const m of merged.values())
    m.classes = `group-edge${pathClass(m.edgeIds.some((id) => pathEdges.has(id)))}`.trim();

  const list: Group[] = [...byId.entries()].map(([id, g]) => {
    const isCollapsed = collapsed.has(id);
    const onPath = g.members.some((m) => pathNodes.has(m));
    return {
      id,
      label: g.label,
      members: g.members,
      collapsed: isCollapsed,
      classes: `group ${isCollapsed ? 'collapsed' : 'expanded'}${isCollapsed ? pathClass(onPath) : ''}`,
    };
  });
  list.sort((x, y) => y.members.length - x.members.length || x.label.localeCompare(y.label));
  return { groups: list, hidden: [...hidden], merged: [...merged.values()] };
}

/** Groups by another key (or none): every group starts expanded. */
export function groupBy(state: GroupsState, by: GroupKey | null): GroupsState {
  return state.by === by ? state : { by, collapsed: [] };
}

/** Collapses an expanded group, expands a collapsed one. */
export function toggleGroup(state: GroupsState, id: string): GroupsState {
  return state.collapsed.includes(id)
    ? { ...state, collapsed: state.collapsed.filter((c) => c !== id) }
    : { ...state, collapsed: [...state.collapsed, id] };
}

/** The group a node is in (collapsed or not), or null. */
export function groupOfNode(projection: GroupProjection, nodeId: string): Group | null {
  return projection.groups.find((g) => g.members.includes(nodeId)) ?? null;
}
