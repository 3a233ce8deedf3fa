// Paths between two nodes: the chosen ends, the filter sent with the question, the citations of an answer,
// and the transition that shows one path on the graph.
import type { SearchHit } from '../api/operations.ts';
import type { GraphFilter, GraphNode, GraphStats, Path } from '../api/types.ts';
import { evidenceFilter, type EvidenceFilter } from '../evidence/evidence.ts';
import { addElements, newNodeIds } from '../explorer/graph.ts';
import { RelationshipType } from '../generated/enums.ts';
import { remember, type ExplorerState } from '../explorer/state.ts';

/** The relationship types a path may be limited to: the schema's RelationshipType, without CITES. */
export const RELATIONSHIP_TYPES: readonly string[] = Object.values(RelationshipType).filter(
  (t) => t !== RelationshipType.CITES,
);

export type PathEnd = Pick<SearchHit, 'id' | 'label'> | null;

/** The two ends of the question. */
export interface PathEnds {
  from: PathEnd;
  to: PathEnd;
  /** How many times both ends were set at once with the paths to be found straight away (search "A to B"). */
  asked: number;
}

export const noEnds: PathEnds = { from: null, to: null, asked: 0 };

/** Sets both ends and asks for the paths between them now (the paths panel finds them when `asked` changes). */
export function pathAsked(ends: PathEnds, from: NonNullable<PathEnd>, to: NonNullable<PathEnd>): PathEnds {
  return {
    from: { id: from.id, label: from.label },
    to: { id: to.id, label: to.label },
    asked: ends.asked + 1,
  };
}

/** Sets one end (null clears it). */
export function setEnd(ends: PathEnds, end: 'from' | 'to', value: PathEnd): PathEnds {
  return { ...ends, [end]: value };
}

/** Sets one end to a node of the graph. */
export function endAt(ends: PathEnds, end: 'from' | 'to', node: Pick<GraphNode, 'id' | 'label'>): PathEnds {
  return setEnd(ends, end, { id: node.id, label: node.label });
}

/** The filter form's fields: relationship types, a time window, and the longest path asked for. */
export interface PathFilterForm {
  types: string[];
  since: string;
  until: string;
  maxLength: number;
}

/** The form as it opens: no filter, paths of up to four steps. */
export const emptyPathForm: PathFilterForm = { types: [], since: '', until: '', maxLength: 4 };

/** The API filter for the form and the explorer's evidence filter: only the fields that are set. */
export function pathFilter({ types, since, until }: PathFilterForm, evidence?: EvidenceFilter): GraphFilter {
  const filter: GraphFilter = evidence ? evidenceFilter(evidence) : {};
  if (types.length) filter.relationshipTypes = types;
  if (since) filter.since = since;
  if (until) filter.until = until;
  return filter;
}

/** True when the form narrows the question. */
export function filterOn({ types, since, until }: PathFilterForm): boolean {
  return !!(types.length || since || until);
}

/** Ticks a relationship type, or unticks a ticked one. */
export function toggleType(types: readonly string[], type: string): string[] {
  return types.includes(type) ? types.filter((x) => x !== type) : [...types, type];
}

/** The relationship types the graph holds (from stats), citations excepted; undefined until they are known. */
export function relationshipTypesOf(stats: GraphStats | null): string[] | undefined {
  if (!stats) return undefined;
  return Object.keys(stats.countsByRelationshipType)
    .filter((t) => t !== 'CITES')
    .sort();
}

/**
 * Shows one path: its nodes join the graph if needed and stand out, and the details panel explains it (the
 * selection is cleared); null clears the highlight.
 */
export function showPath(state: ExplorerState, path: Path | null): ExplorerState {
  if (!path) return state.path || state.pathInfo ? { ...state, path: null, pathInfo: null } : state;
  const added = newNodeIds(state.graph, path);
  const hiddenOnPath = new Set(path.nodes.map((n) => n.id));
  return {
    ...state,
    history: added.length ? remember(state, 'path') : state.history,
    graph: addElements(state.graph, path),
    hidden: state.hidden.filter((id) => !hiddenOnPath.has(id)),
    path: { nodeIds: path.nodes.map((n) => n.id), edgeIds: path.edges.map((e) => e.id) },
    pathInfo: { length: path.length, explanation: path.explanation, citations: path.citations },
    selection: { type: 'none' },
    focus: null,
  };
}
