// The versions of a saved view, read from its history (the API's history(viewId): one event per save, update and
// restore, each keeping the view's snapshot at its new version), what changed between two versions (nodes and
// relationships added and removed), and the canvas pictures of an earlier version (drawn read-only) and of a
// comparison (both versions' elements, each marked). Pure.
import type { ChangeEvent, SavedView } from '../api/types.ts';
import type { ActionOf, EarlierVersion } from '../explorer/state.ts';
import { versionIn } from '../history/describe.ts';
import { openViewAction, parseLayout } from './views.ts';

/** One version of a view as its list shows it. */
export interface ViewVersion {
  version: number;
  action: string;
  by: string | null;
  at: string;
  /** The version a restore brought back. */
  restoredFrom: number | null;
}

const VERSION_ACTIONS = new Set(['SAVE_VIEW', 'UPDATE_VIEW', 'RESTORE_VIEW']);

/** The versions a view's history knows, newest first (one per version: a retried write's event counts once). */
export function versionsOf(events: ChangeEvent[]): ViewVersion[] {
  const seen = new Map<number, ViewVersion>();
  for (const e of events) {
    const version = versionIn(e.after);
    if (!VERSION_ACTIONS.has(e.action) || version === null || seen.has(version)) continue;
    const after = e.after as { restoredFrom?: unknown };
    seen.set(version, {
      version,
      action: e.action,
      by: e.by,
      at: e.at,
      restoredFrom: typeof after.restoredFrom === 'number' ? after.restoredFrom : null,
    });
  }
  return [...seen.values()].sort((a, b) => b.version - a.version);
}

/** What a version list's line says a version was made by. */
export function versionWords(v: ViewVersion): string {
  if (v.action === 'SAVE_VIEW') return 'saved';
  if (v.action === 'RESTORE_VIEW')
    return v.restoredFrom === null ? 'restored' : `restored version ${v.restoredFrom}`;
  return 'updated';
}

/** The members two versions are compared on. */
export interface Members {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** What a later version has that an earlier one had not (added), and the reverse (removed). */
export interface VersionDiff {
  addedNodes: string[];
  removedNodes: string[];
  addedEdges: string[];
  removedEdges: string[];
}

const minus = (a: readonly string[], b: readonly string[]) => {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => !other.has(x));
};

/** The nodes and relationships added and removed from `earlier` to `later`. */
export function compareVersions(earlier: Members, later: Members): VersionDiff {
  return {
    addedNodes: minus(later.nodeIds, earlier.nodeIds),
    removedNodes: minus(earlier.nodeIds, later.nodeIds),
    addedEdges: minus(later.edgeIds, earlier.edgeIds),
    removedEdges: minus(earlier.edgeIds, later.edgeIds),
  };
}

/**
 * A view's members for comparing: its nodes and its relationships. A view stored without relationship ids draws
 * every relationship among its nodes (views.ts), so those found now stand for them.
 */
export function membersOf(view: Pick<SavedView, 'nodeIds' | 'edgeIds' | 'subgraph'>): Members {
  return {
    nodeIds: view.nodeIds,
    edgeIds: view.edgeIds.length > 0 ? view.edgeIds : view.subgraph.edges.map((e) => e.id),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The diff in words: "2 nodes added, 1 removed; 3 relationships added, none removed". */
export function diffWords(d: VersionDiff): string {
  const side = (added: number, removed: number, what: string) =>
    `${plural(added, what)} added, ${removed === 0 ? 'none' : removed} removed`;
  return `${side(d.addedNodes.length, d.removedNodes.length, 'node')}; ${side(
    d.addedEdges.length,
    d.removedEdges.length,
    'relationship',
  )}`;
}

/** The action that draws an earlier version of a view, marked as such (the canvas banner says which). */
export function earlierVersionAction(old: SavedView, currentVersion: number): ActionOf<'graphLoaded'> {
  const earlier: EarlierVersion = {
    viewId: old.id,
    name: old.name,
    version: old.version,
    currentVersion,
    compare: null,
  };
  return { ...openViewAction(old), earlier };
}

/**
 * The action that draws a comparison: the current version's picture with the earlier version's nodes and
 * relationships that have gone since put back where they were, each element marked added or removed. What has
 * left the graph altogether cannot be drawn (the diff still counts it).
 */
export function comparisonAction(
  old: SavedView,
  current: SavedView,
  isCurrent = true,
): ActionOf<'graphLoaded'> {
  const diff = compareVersions(membersOf(old), membersOf(current));
  const now = openViewAction(current);
  const then = openViewAction(old);
  const removedNodes = new Set(diff.removedNodes);
  const removedEdges = new Set(diff.removedEdges);
  const nodes = [...now.nodes, ...then.nodes.filter((n) => removedNodes.has(n.id))];
  const shown = new Set(nodes.map((n) => n.id));
  const edges = [
    ...now.edges,
    ...old.subgraph.edges.filter((e) => removedEdges.has(e.id) && shown.has(e.source) && shown.has(e.target)),
  ];
  // Where each node was: the current layout's place, else the earlier one's; the viewport only if all have one.
  const positions = { ...parseLayout(old.layout).positions, ...parseLayout(current.layout).positions };
  const layout = parseLayout(current.layout);
  const allPlaced = nodes.every((n) => positions[n.id]);
  const earlier: EarlierVersion = {
    viewId: old.id,
    name: current.name,
    version: old.version,
    currentVersion: current.version,
    compare: {
      isCurrent,
      added: [...diff.addedNodes, ...diff.addedEdges],
      removed: [...diff.removedNodes, ...diff.removedEdges],
      diff,
      unseen:
        diff.removedNodes.filter((id) => !shown.has(id)).length +
        diff.removedEdges.filter((id) => !edges.some((e) => e.id === id)).length,
    },
  };
  return {
    ...now,
    nodes,
    edges,
    preset: Object.keys(positions).length
      ? {
          positions,
          zoom: allPlaced ? layout.zoom : undefined,
          pan: allPlaced ? layout.pan : undefined,
        }
      : undefined,
    // The removed nodes must be drawn even if the current filters would hide them.
    filters: now.filters && {
      ...now.filters,
      hidden: now.filters.hidden.filter((id) => !removedNodes.has(id)),
    },
    earlier,
  };
}
