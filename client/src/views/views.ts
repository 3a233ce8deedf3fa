// Saved views: what the explorer stores (nodes, relationships, positions, viewport, filters, the evidence filter)
// and how a stored view is read back and opened. A stored layout or filter comes from outside, so it is validated
// here, once.
import { z } from '../shared/zod.ts';
import type { SavedView, SavedViewInput } from '../api/types.ts';
import { NodeKind, Reliability } from '../generated/enums.ts';
import { evidenceState, type EvidenceDeps, type EvidenceFilter } from '../evidence/evidence.ts';
import { loadGraph } from '../explorer/edits.ts';
import { drawableEdges } from '../explorer/graph.ts';
import { LAYOUT_NAMES, type ActionOf, type ExplorerState, type Placement } from '../explorer/state.ts';
import type { TimeWindow } from '../time/time.ts';
import { isKey, NO_STYLE, type Key, type StyleRules } from '../style/style.ts';
import { GROUP_KEYS, noGroups, type GroupsState } from '../groups/groups.ts';

const point = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A style rule's key (client/src/style); one this page cannot draw by (a later version's) costs only its rule. */
const styleKey = z
  .string()
  .refine(isKey)
  .transform((k) => k as Key)
  .nullable()
  .optional()
  .catch(undefined);

const layoutSchema = z.object({
  positions: z.record(z.string(), point),
  zoom: z.number().positive().finite().optional(),
  pan: point.optional(),
  // A layout or pins this page cannot read (a later version's) cost only themselves, not the positions.
  name: z.enum(LAYOUT_NAMES).optional().catch(undefined),
  pinned: z.array(z.string()).optional().catch(undefined),
  // Whether the view is on the map (client/src/map); `name` is the layout that leaving the map returns to.
  map: z.boolean().optional().catch(undefined),
  // How the nodes were coloured, sized and captioned (client/src/style); measures are computed again on opening.
  style: z.object({ colourBy: styleKey, sizeBy: styleKey, captionBy: styleKey }).optional().catch(undefined),
  // How the canvas was grouped and which groups were collapsed (client/src/groups).
  groups: z
    .object({ by: z.enum(GROUP_KEYS), collapsed: z.array(z.string()) })
    .optional()
    .catch(undefined),
  // Views saved before style rules: how the measures drew the nodes, read as style rules (viewStyle).
  analysis: z
    .object({
      sizeBy: z.enum(['degree', 'pagerank', 'betweenness']).nullable().optional(),
      colourByCommunity: z.boolean().optional(),
    })
    .optional()
    .catch(undefined),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const filterSchema = z.object({
  hiddenKinds: z.array(z.enum(NodeKind)).optional(),
  hidden: z.array(z.string()).optional(),
  timeWindow: z
    .object({ since: isoDate, until: isoDate, showUndated: z.boolean().optional() })
    .nullable()
    .optional(),
  // The evidence filter (absent from views saved before it was kept: they open with none).
  statedOnly: z.boolean().nullable().optional(),
  minReliability: z.enum(Reliability).nullable().optional(),
});

export type StoredLayout = z.infer<typeof layoutSchema>;
export type StoredFilter = z.infer<typeof filterSchema>;

/** The input for saveView/updateView from the current state and the canvas's positions and viewport. */
export function viewInput(
  state: ExplorerState,
  placement: Placement,
  meta: { name: string; description: string },
  style: StyleRules = NO_STYLE,
  groups: GroupsState = noGroups,
): SavedViewInput {
  const nodeIds = Object.keys(state.graph.nodes);
  const layout: StoredLayout = {
    positions: Object.fromEntries(
      nodeIds.flatMap((id) => (placement.positions[id] ? [[id, placement.positions[id]]] : [])),
    ),
    zoom: placement.zoom,
    pan: placement.pan,
    name: state.layout.name,
  };
  const pinned = state.pinned.filter((id) => state.graph.nodes[id]);
  if (pinned.length) layout.pinned = pinned;
  if (state.map) layout.map = true;
  if (style.colourBy || style.sizeBy || style.captionBy) layout.style = { ...style };
  if (groups.by) layout.groups = { by: groups.by, collapsed: groups.collapsed };
  const filter: StoredFilter = {
    hiddenKinds: state.hiddenKinds,
    hidden: state.hidden,
    timeWindow: state.timeWindow,
    statedOnly: state.evidence.statedOnly,
    minReliability: state.evidence.minReliability,
  };
  return {
    name: meta.name.trim(),
    description: meta.description.trim() || null,
    nodeIds,
    edgeIds: drawableEdges(state.graph).map((e) => e.id),
    layout,
    filter,
  };
}

/** A stored layout, or an empty one when it is missing or malformed (the view still opens, laid out anew). */
export function parseLayout(raw: unknown): StoredLayout {
  const r = layoutSchema.safeParse(raw);
  return r.success ? r.data : { positions: {} };
}

/** A stored filter, or no filter when it is missing or malformed. */
export function parseFilter(raw: unknown): StoredFilter {
  const r = filterSchema.safeParse(raw);
  return r.success ? r.data : {};
}

/** The action that opens a saved view: its graph at its stored positions and viewport, with its filters. */
export function openViewAction(view: SavedView): ActionOf<'graphLoaded'> {
  const layout = parseLayout(view.layout);
  const filter = parseFilter(view.filter);
  const ids = new Set(view.subgraph.nodes.map((n) => n.id));
  const edgeIds = new Set(view.edgeIds);
  const edges = view.subgraph.edges.filter(
    (e) => (edgeIds.size === 0 || edgeIds.has(e.id)) && ids.has(e.source) && ids.has(e.target),
  );
  const allPlaced = view.subgraph.nodes.every((n) => layout.positions[n.id]);
  const preset: Placement | undefined =
    Object.keys(layout.positions).length > 0
      ? {
          positions: layout.positions,
          zoom: allPlaced ? layout.zoom : undefined,
          pan: allPlaced ? layout.pan : undefined,
        }
      : undefined;
  const window: TimeWindow | null = filter.timeWindow ?? null;
  return {
    type: 'graphLoaded',
    nodes: view.subgraph.nodes,
    edges,
    preset,
    layoutName: layout.name ?? 'force',
    map: layout.map ?? false,
    pinned: (layout.pinned ?? []).filter((id) => ids.has(id)),
    filters: { hiddenKinds: filter.hiddenKinds ?? [], timeWindow: window, hidden: filter.hidden ?? [] },
  };
}

/**
 * The style rules a view was saved with; for a view saved before them, its size by a measure and colour by
 * community as rules (the same look); none for a view saved without.
 */
export function viewStyle(view: Pick<SavedView, 'layout'>): StyleRules {
  const { style, analysis } = parseLayout(view.layout);
  if (style)
    return {
      colourBy: style.colourBy ?? null,
      sizeBy: style.sizeBy ?? null,
      captionBy: style.captionBy ?? null,
    };
  return {
    colourBy: analysis?.colourByCommunity ? 'measure:community' : null,
    sizeBy: analysis?.sizeBy ? `measure:${analysis.sizeBy}` : null,
    captionBy: null,
  };
}

/** How a view's canvas was grouped and which groups were collapsed; no groups for a view saved without. */
export function viewGroups(view: Pick<SavedView, 'layout'>): GroupsState {
  const groups = parseLayout(view.layout).groups;
  return groups ? { by: groups.by, collapsed: groups.collapsed } : noGroups;
}

/** The evidence filter a view was saved with; none for a view saved before views kept it, or a malformed one. */
export function viewEvidence(view: Pick<SavedView, 'filter'>): EvidenceFilter {
  const filter = parseFilter(view.filter);
  return { statedOnly: filter.statedOnly ?? false, minReliability: filter.minReliability ?? null };
}

/**
 * Opens a saved view on the canvas: its graph at its positions, its filters, and its evidence filter. With a
 * minimum grade, the sources that meet it are asked for first, so the view appears once, already filtered as it
 * was saved (and the filter controls show it). If the analyst chose another evidence filter meanwhile, that
 * choice stays. Nothing changes if `stillWanted` says no once the sources are known (another load began).
 * `action` draws something else with the view's evidence filter (an earlier version, a comparison: versions.ts).
 */
export async function openSavedView(
  deps: EvidenceDeps,
  view: SavedView,
  stillWanted: () => boolean = () => true,
  action: ActionOf<'graphLoaded'> = openViewAction(view),
): Promise<void> {
  const evidence = await evidenceState(deps, viewEvidence(view));
  if (!stillWanted()) return;
  deps.explorer.set((s) => {
    const opened = loadGraph(s, action);
    return evidence ? { ...opened, evidence } : opened;
  });
}

/** The page address of a view, `/?view=<id>`, or of the memo's graph (`/`) for null. The one place it is built. */
export function viewPath(id: string | null): string {
  return id ? `/?view=${encodeURIComponent(id)}` : '/';
}

/** Where a view opens on its own: `/?view=<id>` on this origin. */
export function viewLink(origin: string, id: string): string {
  return `${origin}${viewPath(id)}`;
}

/** The view id in a page address, if any. */
export function viewIdFromSearch(search: string): string | null {
  return new URLSearchParams(search).get('view');
}
