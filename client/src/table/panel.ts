// The results table's state (open or not, its filters and sort, the nodes of a kind asked of the API), its
// transitions, and the workflows that talk to the API and the canvas.
import { describeError } from '../api/client.ts';
import type { api, SearchHit } from '../api/operations.ts';
import { hitOfItem } from '../search/search.ts';
import type { GraphNode, NodeKind } from '../api/types.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';
import type { Store } from '../shared/store.ts';
import type { TableFilter, TableRow, TableSort } from './table.ts';

/** Most nodes of one kind "all nodes of this kind" asks for (the API's page size). */
export const ALL_OF_KIND_LIMIT = 1000;

export interface TableState extends TableFilter {
  open: boolean;
  sort: TableSort;
  /** Every node of one kind, asked of the API ("all nodes of this kind"), beside those on the canvas. */
  all: { kind: NodeKind; nodes: Loadable<GraphNode[]> } | null;
}

export const initialTable: TableState = {
  open: false,
  kind: null,
  text: '',
  dates: '',
  sort: { column: 'date', direction: 'asc' },
  all: null,
};

/** Opens or closes the table. */
export const tableToggled = (s: TableState): TableState => ({ ...s, open: !s.open });

/** Opens the table on the nodes of one kind (the other filters stay). */
export const tableOpenedOn = (s: TableState, kind: NodeKind): TableState => ({
  ...filterSet(s, { kind }),
  open: true,
});

/** Sets one of the filters; another kind drops the nodes of the previous kind and the sort on its columns. */
export function filterSet(s: TableState, change: Partial<TableFilter>): TableState {
  const next = { ...s, ...change };
  if (change.kind === undefined || change.kind === s.kind) return next;
  const all = s.all && s.all.kind === change.kind ? s.all : null;
  const sort = ['label', 'date', 'sources', 'footnotes'].includes(s.sort.column) ? s.sort : initialTable.sort;
  return { ...next, all, sort };
}

/** The extra nodes the table shows: every node of the chosen kind, once they came. */
export function extraNodes(s: Pick<TableState, 'all' | 'kind'>): GraphNode[] {
  return s.all && s.all.kind === s.kind && s.all.nodes.type === 'ready' ? s.all.nodes.value : [];
}

/** The hit that choosing a row stands for (as a search suggestion would). */
export const hitOf = (row: TableRow): SearchHit => hitOfItem({ ...row, date: row.period?.start ?? null });

/** Asks the API for every node of `kind` and keeps them in the table (one answer at a time per kind). */
export async function loadAllOfKind(
  table: Store<TableState>,
  nodesApi: Pick<typeof api, 'nodes'>,
  kind: NodeKind,
): Promise<void> {
  table.set((s) => ({ ...s, all: { kind, nodes: loading } }));
  let nodes: Loadable<GraphNode[]>;
  try {
    nodes = ready(await nodesApi.nodes({ filter: { kinds: [kind] }, limit: ALL_OF_KIND_LIMIT, offset: 0 }));
  } catch (e) {
    nodes = failed(describeError(e));
  }
  table.set((s) => (s.all?.kind === kind ? { ...s, all: { kind, nodes } } : s));
}

/** Forgets the nodes of a kind asked of the API (back to the canvas's nodes). */
export const allDropped = (s: TableState): TableState => ({ ...s, all: null });
