// The documents the graph holds, as the Documents tab lists them, and removing one: exactly its claims leave the
// graph (and the entities no other document names); the page then loads the graph again.
import { describeError } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import type { ExplorerDocumentsQuery } from '../generated/graphql.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';
import type { Store } from '../shared/store.ts';

export type GraphDocument = ExplorerDocumentsQuery['documents'][number];

export interface DocumentsState {
  list: Loadable<GraphDocument[]>;
  /** The document whose removal waits for the analyst's confirmation. */
  confirming: string | null;
  /** The last removal: done (its title) or why it failed. */
  status: { type: 'removed'; title: string } | { type: 'error'; message: string } | null;
}

export const initialDocuments: DocumentsState = { list: loading, confirming: null, status: null };

/** "Fixture Institute, 20 October 2022 · 8 nodes, 7 relationships · added by ed on 2 December 2026". */
export function documentLine(d: GraphDocument): string {
  const source = [d.publisher, d.date ? formatDate(d.date) : null].filter(Boolean).join(', ');
  const counts = `${d.nodeCount} node${d.nodeCount === 1 ? '' : 's'}, ${d.edgeCount} relationship${d.edgeCount === 1 ? '' : 's'}`;
  const added = `added ${d.addedBy ? `by ${d.addedBy} ` : 'from the command line '}on ${formatDate(d.addedAt.slice(0, 10))}`;
  return [source, counts, added].filter(Boolean).join(' · ');
}

/** A document's name, as its claims carry it: "document:no-limits-memo" gives "no-limits-memo". */
export const documentName = (id: string) => id.replace(/^document:/, '');

/**
 * The documents drawn after one is ticked on or off: every one of `all` (null, no filter) when none is left out;
 * never none at all (unticking the last one shown shows every document again).
 */
export function documentsToggled(
  shown: readonly string[] | null,
  all: readonly string[],
  name: string,
  on: boolean,
): string[] | null {
  const current = shown ?? all;
  const next = on ? [...new Set([...current, name])] : current.filter((d) => d !== name);
  if (next.length === 0 || all.every((d) => next.includes(d))) return null;
  return all.filter((d) => next.includes(d));
}

interface Deps {
  state: Store<DocumentsState>;
  api: Pick<typeof api, 'documents' | 'removeDocument'>;
}

/** Asks for the list again. */
export async function reloadDocuments({ state, api }: Deps): Promise<void> {
  state.set((s) => ({ ...s, list: s.list.type === 'ready' ? s.list : loading }));
  try {
    const list = await api.documents();
    state.set((s) => ({ ...s, list: ready(list) }));
  } catch (e) {
    state.set((s) => ({ ...s, list: failed(describeError(e)) }));
  }
}

/** Removes the document being confirmed, then reloads the list and (through `onRemoved`) the graph. */
export async function removeConfirmed(deps: Deps, onRemoved: () => void): Promise<void> {
  const { state, api } = deps;
  const s = state.get();
  const doc = s.list.type === 'ready' ? s.list.value.find((d) => d.id === s.confirming) : undefined;
  if (!doc) return;
  state.set((x) => ({ ...x, confirming: null, status: null }));
  try {
    await api.removeDocument(doc.id);
    state.set((x) => ({ ...x, status: { type: 'removed', title: doc.title } }));
    onRemoved();
    await reloadDocuments(deps);
  } catch (e) {
    state.set((x) => ({ ...x, status: { type: 'error', message: describeError(e) } }));
  }
}
