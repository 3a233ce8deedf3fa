// The page's workflows across concepts: load the opening graph or the saved view in the address (with the
// viewer, the counts and the list of views), open another view, keep the address in step with the open view,
// and what signing in and out change. Plain async functions over the stores and their environment (`PageEnv`),
// so they are tested without a browser.
import {
  signedIn as accessSignedIn,
  signedOut,
  unauthenticated,
  viewerFailed,
  viewerLoaded,
} from '../access/access.ts';
import { ApiError, describeError, type ClientEvent } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import type { TokenStore } from '../api/token.ts';
import type { GraphEdge, GraphNode, NodeKind, SavedViewSummary, Viewer } from '../api/types.ts';
import { pageFailed, pageLoaded, pageLoading, waitingChanged } from '../connection/connection.ts';
import { loadGraph } from '../explorer/edits.ts';
import { ALL_KINDS } from '../graph/kinds.ts';
import { failed, loading, ready } from '../shared/loadable.ts';
import {
  currentSet,
  listFailed,
  listLoaded,
  listLoading,
  viewDeleted,
  viewsCleared,
} from '../views/savedViews.ts';
import { openSavedView, viewGroups, viewIdFromSearch, viewPath, viewStyle } from '../views/views.ts';
import { initialAnalysis, runMeasures } from '../analysis/analysis.ts';
import type { MeasureInput, Measures } from '../analysis/measures.ts';
import { NO_STYLE, needsMeasures } from '../style/style.ts';
import { noGroups } from '../groups/groups.ts';
import type { AppStores } from './stores.ts';

/** What the page's workflows use beside the stores: the API, the token, the address bar, the title. */
export interface PageEnv {
  api: Pick<typeof api, 'views' | 'stats' | 'viewer' | 'view' | 'gradedSources'>;
  loadOpening: (kinds: NodeKind[]) => Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }>;
  tokens: Pick<TokenStore, 'get' | 'clear'>;
  location: { readonly search: string };
  history: Pick<History, 'pushState' | 'replaceState'>;
  setTitle: (title: string) => void;
  /** Computes the measures of a canvas (a Web Worker in the browser). */
  computeMeasures: (input: MeasureInput) => Promise<{ values: Measures; ms: number }>;
}

/** The stores and the environment. */
export interface Page {
  stores: AppStores;
  env: PageEnv;
}

/** The kinds the opening picture draws: all but sources and the kinds the analyst hid. */
export function openingKinds(hiddenKinds: readonly NodeKind[]): NodeKind[] {
  return ALL_KINDS.filter((k) => k !== 'SOURCE' && !hiddenKinds.includes(k));
}

/** The page's title for the open view (null: the memo's graph). */
export function pageTitle(viewName: string | null): string {
  return viewName ? `${viewName} · Knowledge-graph explorer` : 'Knowledge-graph explorer';
}

/** The list of saved views, asked again. */
export function reloadViews({ stores, env }: Page): void {
  stores.views.set(listLoading);
  env.api.views().then(
    (list) => stores.views.set((s) => listLoaded(s, list)),
    (e: unknown) => stores.views.set((s) => listFailed(s, describeError(e))),
  );
}

/** The database's counts, asked again. */
export function reloadStats({ stores, env }: Page): void {
  stores.stats.set(() => loading);
  env.api.stats().then(
    (s) => stores.stats.set(() => ready(s)),
    (e: unknown) => stores.stats.set(() => failed(describeError(e))),
  );
}

/** Who the token in use belongs to, asked again. */
export function reloadViewer({ stores, env }: Page): void {
  env.api.viewer().then(
    (v) => stores.access.set((s) => viewerLoaded(s, v)),
    (e: unknown) =>
      stores.access.set((s) => viewerFailed(s, describeError(e), e instanceof ApiError ? e.code : undefined)),
  );
}

/** The number of the latest load of each page: an earlier load still under way then changes nothing. */
const latestLoad = new WeakMap<AppStores, number>();

/**
 * Loads what the address names: the saved view `/?view=<id>`, else the opening picture. Only the latest load
 * lands: one started before it (a view opened, then another; a load the page began twice) that answers later is
 * dropped, so it can neither show the wrong graph nor clear the selection made meanwhile.
 */
export async function loadPage(page: Page): Promise<void> {
  const { stores, env } = page;
  const mine = (latestLoad.get(stores) ?? 0) + 1;
  latestLoad.set(stores, mine);
  const latest = () => latestLoad.get(stores) === mine;
  stores.connection.set(pageLoading);
  reloadViewer(page);
  reloadStats(page);
  reloadViews(page);
  const viewId = viewIdFromSearch(env.location.search);
  try {
    if (viewId) {
      const view = await env.api.view(viewId);
      if (!latest()) return;
      if (!view) {
        const message = `No saved view has the id “${viewId}”: it may have been deleted.`;
        stores.connection.set((s) => pageFailed(s, message, 'NOT_FOUND'));
        return;
      }
      await openSavedView({ explorer: stores.explorer, api: env.api }, view, latest);
      if (!latest()) return;
      // The view's style rules; the measures they draw by are computed again for its canvas (measures of
      // another canvas would not fit it).
      const style = viewStyle(view);
      stores.style.set(() => style);
      stores.analysis.set(() => initialAnalysis);
      // Its groups too; groups by community wait for the measures.
      const groups = viewGroups(view);
      stores.groups.set(() => groups);
      if (needsMeasures(style) || groups.by === 'community')
        void runMeasures(stores.analysis, stores.explorer, env.computeMeasures);
      stores.views.set((s) => currentSet(s, view));
      stores.tab.set(() => 'views');
      env.setTitle(pageTitle(view.name));
    } else {
      const graph = await env.loadOpening(openingKinds(stores.explorer.get().hiddenKinds));
      if (!latest()) return;
      stores.explorer.set((s) => loadGraph(s, { type: 'graphLoaded', ...graph }));
      stores.analysis.set(() => initialAnalysis);
      stores.style.set(() => NO_STYLE);
      stores.groups.set(() => noGroups);
      stores.views.set((s) => currentSet(s, null));
      env.setTitle(pageTitle(null));
    }
    stores.connection.set(pageLoaded);
  } catch (e) {
    if (!latest()) return;
    stores.connection.set((s) => pageFailed(s, describeError(e), e instanceof ApiError ? e.code : undefined));
  }
}

/**
 * The browser went back or forward, or to a `#fragment` (as the skip links do, which fires the same event): load
 * again only when the address names another view than the one shown, or the last load failed. A fragment keeps
 * the graph, the selection and the layout as they are.
 */
export function addressChanged(page: Page): void {
  const { stores, env } = page;
  const wanted = viewIdFromSearch(env.location.search);
  const shown = stores.views.get().current?.id ?? null;
  if (wanted === shown && stores.connection.get().page.type !== 'error') return;
  void loadPage(page);
}

/** Opens a saved view (null: the memo's graph) as a new entry in the browser's history. */
export function openView(page: Page, id: string | null): void {
  page.env.history.pushState(null, '', viewPath(id));
  void loadPage(page);
}

/** A view was saved from this page: it is the open one now, and the address says so. */
export function viewSaved({ stores, env }: Page, view: SavedViewSummary): void {
  stores.views.set((s) => currentSet(s, view));
  // An earlier version of another view saved as a view of its own is that view now, no earlier version.
  stores.explorer.set((s) => (s.earlier && s.earlier.viewId !== view.id ? { ...s, earlier: null } : s));
  env.history.replaceState(null, '', viewPath(view.id));
}

/** A view was deleted: if it was open, the page shows the same picture, no longer as that view. */
export function deletedView({ stores, env }: Page, id: string): void {
  if (stores.views.get().current?.id !== id) return;
  stores.views.set((s) => viewDeleted(s, id));
  env.history.replaceState(null, '', viewPath(null));
}

/** After signing in: retry what failed (the opening load, else the panels that could not load). */
export function signedIn(page: Page, viewer: Viewer): void {
  const { stores } = page;
  stores.access.set((s) => accessSignedIn(s, viewer));
  if (stores.connection.get().page.type === 'error') {
    void loadPage(page);
    return;
  }
  reloadViews(page);
  if (stores.stats.get().type === 'error') reloadStats(page);
}

/**
 * Forgets the token. What it showed leaves the page with it (the next analyst at this browser signs in
 * afresh); on a server with tokens, reloading then asks for one again.
 */
export function signOut(page: Page): void {
  const { stores, env } = page;
  env.tokens.clear();
  stores.access.set(signedOut);
  stores.explorer.set((s) => loadGraph(s, { type: 'graphLoaded', nodes: [], edges: [] }));
  stores.views.set(viewsCleared);
  void loadPage(page);
}

/** What the API client tells the page beside each answer: a refused token, a rate limit waited out. */
export function clientEvent({ stores, env }: Page, event: ClientEvent): void {
  switch (event.type) {
    case 'unauthenticated':
      stores.access.set((s) => unauthenticated(s, !!env.tokens.get()));
      break;
    case 'waiting':
    case 'waited':
      stores.connection.set((s) => waitingChanged(s, event));
      break;
    default: {
      const never: never = event;
      throw new Error(`unknown client event ${JSON.stringify(never)}`);
    }
  }
}
