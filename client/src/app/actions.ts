// Everything the page's components can ask for, bound once to the page's stores, the canvas and the browser:
// the explorer's dispatch, the workflows of each concept, the saved-view snapshot and the exports.
import type { Core } from 'cytoscape';
import { signInAsked, signInCancelled, type SignInReason } from '../access/access.ts';
import type { ClientEvent } from '../api/client.ts';
import { api, type SearchHit } from '../api/operations.ts';
import { tokens } from '../api/token.ts';
import type { GraphNode, NodeKind, SavedViewSummary, Viewer } from '../api/types.ts';
import { noticeShown } from '../connection/connection.ts';
import {
  chooseSpan,
  documentClosed,
  documentOpened,
  spanChosen,
  type TextRange,
} from '../document/document.ts';
import type { MarkedRange, SpanItem } from '../document/spans.ts';
import { reduce } from '../explorer/reduce.ts';
import type { Action } from '../explorer/state.ts';
import { expandNode } from '../expand/expand.ts';
import { download, fitShapes, placementOf, pngOf, pngUriOf } from '../graph/canvas.ts';
import { graphSvg } from '../graph/svg.ts';
import { endAt, pathAsked, setEnd, type PathEnd } from '../paths/paths.ts';
import { chooseHit, hitOfItem } from '../search/search.ts';
import { createEditActions } from '../edit/actions.ts';
import {
  choosing,
  closedAdd,
  draftText,
  filesOf,
  importPreview,
  previewDraft,
  previewFiles,
  withTitle,
} from '../import/addDocument.ts';
import { plainTextOf } from '../import/draft.ts';
import { reloadDocuments, removeConfirmed } from '../import/documents.ts';
import { computeInWorker, runMeasures } from '../analysis/analysis.ts';
import {
  exchangeOf,
  fetchWholeGraph,
  toCsv,
  toGexf,
  toGraphml,
  type Exchange,
  type WholeGraphFile,
} from '../analysis/exchange.ts';
import { tableOpenedOn } from '../table/panel.ts';
import { needsMeasures, styleLooks, type StyleRules } from '../style/style.ts';
import { groupBy, toggleGroup, type GroupKey } from '../groups/groups.ts';
import { viewInput } from '../views/views.ts';
import { exportDocument, exportFileName } from './exportJson.ts';
import { browserMeasure, composePicture, pictureText, svgPicture } from './exportPicture.ts';
import { loadOpening } from './opening.ts';
import * as page from './page.ts';
import type { AppStores, Tab } from './stores.ts';

/** The real browser's environment for the page's workflows. */
export function browserEnv(): page.PageEnv {
  return {
    api,
    loadOpening: (kinds) => loadOpening(kinds),
    tokens,
    location: window.location,
    history: window.history,
    setTitle: (title) => (document.title = title),
    computeMeasures: computeInWorker,
  };
}

/** The actions of one page. Every function is made once, so passing one down never re-renders anything. */
export function createActions(stores: AppStores, env: page.PageEnv) {
  const p: page.Page = { stores, env };
  let cy: Core | null = null;
  const dispatch = (action: Action) => stores.explorer.set((s) => reduce(s, action));
  const fileName = (ext: string) => exportFileName(stores.views.get().current?.name ?? null, ext);
  /** The exported picture's text, with what the style rules colour, size and caption by. */
  const picture = () => {
    const state = stores.explorer.get();
    const { measures } = stores.analysis.get();
    const values = measures.type === 'ready' ? measures.value.values : null;
    const { legend } = styleLooks(stores.style.get(), Object.values(state.graph.nodes), values);
    return pictureText(state, stores.views.get().current?.name ?? null, legend);
  };
  /** The canvas (with its measures, when computed) in a format other tools open, as a download. */
  const exchange = (ext: string, type: string, write: (x: Exchange) => string) => {
    const { measures } = stores.analysis.get();
    const x = exchangeOf(stores.explorer.get(), measures.type === 'ready' ? measures.value.values : null);
    download(new Blob([write(x)], { type }), fileName(ext));
  };
  /** The whole graph as the server writes it (/export/<file>), saved as a download; a refusal as a notice. */
  const wholeGraph = async (file: WholeGraphFile) => {
    const got = await fetchWholeGraph(file, env.tokens.get());
    if (got.ok) download(got.blob, `whole-graph-${file}`);
    else
      stores.connection.set((s) => noticeShown(s, `The whole graph could not be exported: ${got.message}`));
  };
  return {
    dispatch,
    loadPage: () => page.loadPage(p),
    addressChanged: () => page.addressChanged(p),
    reloadViews: () => page.reloadViews(p),
    openView: (id: string | null) => page.openView(p, id),
    viewSaved: (view: SavedViewSummary) => page.viewSaved(p, view),
    viewDeleted: (id: string) => page.deletedView(p, id),
    /** The open view's versions (views/versionFlows.ts): the canvas they draw on, and what follows a restore. */
    versions: {
      explorer: stores.explorer,
      /** Restored: the view is open at its new version, drawn again from it. */
      onRestored: (view: SavedViewSummary) => {
        page.viewSaved(p, view);
        void page.loadPage(p);
      },
      /** From an earlier version back to the current one: the view in the address, loaded again. */
      back: () => void page.loadPage(p),
    },
    signedIn: (viewer: Viewer) => page.signedIn(p, viewer),
    signOut: () => page.signOut(p),
    clientEvent: (event: ClientEvent) => page.clientEvent(p, event),
    askSignIn: (reason: SignInReason) => stores.access.set((s) => signInAsked(s, reason)),
    cancelSignIn: () => stores.access.set(signInCancelled),
    hasToken: () => !!tokens.get(),
    dismissNotice: () => stores.connection.set((s) => noticeShown(s, null)),
    /** The server answers again: a graph that could not load for want of it loads now. */
    serverBack: () => {
      const { page: loaded } = stores.connection.get();
      if (loaded.type === 'error' && loaded.code !== 'NOT_FOUND' && loaded.code !== 'UNAUTHENTICATED')
        void page.loadPage(p);
    },
    expand: (id: string) => void expandNode({ explorer: stores.explorer, status: stores.expand, api }, id),
    chooseHit: (hit: SearchHit) =>
      void chooseHit({ explorer: stores.explorer, connection: stores.connection, api }, hit),
    /** Edits that cite, merges and their undo (client/src/edit). */
    edit: createEditActions({
      api,
      explorer: stores.explorer,
      reloadGraph: () => page.loadPage(p),
      show: (node: GraphNode) =>
        chooseHit({ explorer: stores.explorer, connection: stores.connection, api }, hitOfItem(node)),
      askSignIn: (reason: SignInReason) => stores.access.set((s) => signInAsked(s, reason)),
    }),
    /** Opens the results table on the nodes of one kind (the start panel). */
    openTable: (kind: NodeKind) => stores.table.set((s) => tableOpenedOn(s, kind)),
    /** "Add document": opens the pane, previews the files chosen, imports them (then the graph loads again). */
    addDocument: {
      open: () => stores.addDocument.set(() => choosing),
      close: () => stores.addDocument.set(() => closedAdd),
      /**
       * The seed format's files are previewed, and a GraphML file or CSV pair with its title; one plain .txt file
       * is drafted, as pasted text is.
       */
      files: (files: File[], title = '') =>
        void filesOf(files).then((f) =>
          plainTextOf(f)
            ? draftText({ state: stores.addDocument, api }, f[0]!.content)
            : previewFiles({ state: stores.addDocument, api }, withTitle(f, title)),
        ),
      text: (text: string) => void draftText({ state: stores.addDocument, api }, text),
      previewDraft: () => void previewDraft({ state: stores.addDocument, api }),
      import: () =>
        void importPreview({ state: stores.addDocument, api }, () => {
          void page.loadPage(p);
          void reloadDocuments({ state: stores.documents, api });
        }),
    },
    /** The Documents tab: the list, reading one, removing one (then the graph loads again). */
    documents: {
      load: () => void reloadDocuments({ state: stores.documents, api }),
      read: (id: string) => stores.document.set((v) => documentOpened(v, id, null)),
      remove: () =>
        void removeConfirmed({ state: stores.documents, api }, () => {
          dispatch({ type: 'documentsShown', documents: null });
          void page.loadPage(p);
        }),
    },
    /** Computes the measures of the canvas (off the main thread); the table shows them. */
    measure: () => void runMeasures(stores.analysis, stores.explorer),
    /**
     * Colours, sizes or captions the nodes by a property or a measure (client/src/style). A measure not computed
     * yet is computed; a new size lays the canvas out again so that no nodes overlap.
     */
    style: (change: Partial<StyleRules>) => {
      stores.style.set((s) => ({ ...s, ...change }));
      const relayout = () => {
        if (change.sizeBy !== undefined)
          dispatch({ type: 'layoutChosen', name: stores.explorer.get().layout.name });
      };
      const { type } = stores.analysis.get().measures;
      if (needsMeasures(stores.style.get()) && (type === 'idle' || type === 'error'))
        void runMeasures(stores.analysis, stores.explorer).then(relayout);
      else relayout();
    },
    /** Groups the canvas by a key (or none), then lays it out again so that each group's members sit together. */
    groupBy: (by: GroupKey | null) => {
      stores.groups.set((s) => groupBy(s, by));
      dispatch({ type: 'layoutChosen', name: stores.explorer.get().layout.name });
    },
    /** Collapses or expands one group (client/src/groups). */
    toggleGroup: (id: string) => stores.groups.set((s) => toggleGroup(s, id)),
    chooseTab: (tab: Tab) => stores.tab.set(() => tab),
    /** Opens the document view on `documentId`, emphasising `passage` (a passage of the selected item). */
    openDocument: (passage: { documentId: string } & TextRange) =>
      stores.document.set((v) => documentOpened(v, passage.documentId, passage)),
    /** Opens the document view on `documentId` without a passage to emphasise (the header's button). */
    openWholeDocument: (documentId: string) =>
      stores.document.set((v) => documentOpened(v, documentId, null)),
    closeDocument: () => stores.document.set(documentClosed),
    /** A span chosen in the document view: it becomes the emphasised one, and its claim is selected on the graph. */
    chooseSpan: (range: MarkedRange, item: SpanItem) => {
      stores.document.set((v) => spanChosen(v, range));
      void chooseSpan({ explorer: stores.explorer, connection: stores.connection, api }, item);
    },
    setEnd: (end: 'from' | 'to', value: PathEnd) => stores.ends.set((s) => setEnd(s, end, value)),
    pathEnd: (end: 'from' | 'to', node: GraphNode) => {
      stores.ends.set((s) => endAt(s, end, node));
      stores.tab.set(() => 'paths');
    },
    /** Finds the paths between two nodes at once (the search's "Modi to Xi" suggestion). */
    askPaths: (from: SearchHit, to: SearchHit) => {
      stores.ends.set((s) => pathAsked(s, from, to));
      stores.tab.set(() => 'paths');
    },
    shortcuts: {
      clear: () => dispatch({ type: 'cleared' }),
      undo: () => dispatch({ type: 'undo' }),
    },
    canvasReady: (instance: Core | null) => {
      cy = instance;
    },
    fit: () => cy && fitShapes(cy),
    snapshot: (meta: { name: string; description: string }) =>
      cy
        ? viewInput(stores.explorer.get(), placementOf(cy), meta, stores.style.get(), stores.groups.get())
        : null,
    /** The graph with its title, legend, dates and numbered sources; the bare graph if that cannot be drawn. */
    exportPng: () => {
      if (!cy) return;
      const graph = cy;
      const text = picture();
      composePicture(pngUriOf(graph), text).then(
        (blob) => download(blob, fileName('png')),
        () => download(pngOf(graph), fileName('png')),
      );
    },
    /** The same figure as SVG: the graph's shapes, lines and labels as vectors, with the text around them. */
    exportSvg: () => {
      if (!cy) return;
      const text = picture();
      const svg = svgPicture(graphSvg(cy), text, browserMeasure());
      download(new Blob([svg], { type: 'image/svg+xml' }), fileName('svg'));
    },
    exportGexf: () => exchange('gexf', 'application/gexf+xml', toGexf),
    exportGraphml: () => exchange('graphml', 'application/graphml+xml', toGraphml),
    exportCsvNodes: () => exchange('nodes.csv', 'text/csv;charset=utf-8', (x) => `\uFEFF${toCsv(x).nodes}`),
    exportCsvEdges: () =>
      exchange('relationships.csv', 'text/csv;charset=utf-8', (x) => `\uFEFF${toCsv(x).edges}`),
    exportWholeGexf: () => void wholeGraph('graph.gexf'),
    exportWholeGraphml: () => void wholeGraph('graph.graphml'),
    exportWholeCsvNodes: () => void wholeGraph('nodes.csv'),
    exportWholeCsvEdges: () => void wholeGraph('edges.csv'),
    exportJson: () => {
      if (!cy) return;
      const doc = exportDocument(stores.explorer.get(), placementOf(cy));
      const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
      download(blob, fileName('json'));
    },
  };
}

export type AppActions = ReturnType<typeof createActions>;
