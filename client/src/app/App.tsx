// The explorer page: header (search, undo, exports, console link), side panels (legend, paths, saved views),
// the graph canvas with the timeline under it, and the details panel. Holds the state (state/explorer.ts)
// and the requests; the panels render it and dispatch actions. On a server with tokens it asks for one when the
// server says so (access/SignInDialog.tsx) and then retries what failed.
import type { Core } from 'cytoscape';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { AccountControl } from '../access/AccountControl.tsx';
import { SignInDialog, type SignInReason } from '../access/SignInDialog.tsx';
import { ApiError, describeError, onClientEvent } from '../api/client.ts';
import { api, type SearchHit } from '../api/operations.ts';
import { tokens } from '../api/token.ts';
import type { GraphNode, GraphStats, NodeKind, Path, SavedViewSummary, Viewer } from '../api/types.ts';
import { DetailsPanel } from '../details/DetailsPanel.tsx';
import { download, fitShapes, placementOf, pngOf } from '../graph/canvas.ts';
import { GraphCanvas } from '../graph/GraphCanvas.tsx';
import { KIND_STYLES } from '../graph/kinds.ts';
import { Legend } from '../legend/Legend.tsx';
import { PathsPanel, type PathEnd } from '../paths/PathsPanel.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { EXPAND_PAGE, initialState, reduce, undoLabel } from '../state/explorer.ts';
import { failed, loading, ready, type Loadable } from '../state/loadable.ts';
import { visibleCountsByKind } from '../state/projection.ts';
import { openViewAction, viewIdFromSearch, viewInput } from '../state/views.ts';
import { Timeline } from '../timeline/Timeline.tsx';
import { ViewsPanel, type CurrentView } from '../views/ViewsPanel.tsx';
import { exportDocument } from './exportJson.ts';
import { loadOpening } from './opening.ts';
import { useShortcuts } from './useShortcuts.ts';

type Tab = 'paths' | 'views';

const ALL_KINDS = Object.keys(KIND_STYLES) as NodeKind[];

/** The explorer. */
export function App() {
  const [state, dispatch] = useReducer(reduce, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const cyRef = useRef<Core | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const [page, setPage] = useState<Loadable<null>>(loading);
  const [stats, setStats] = useState<Loadable<GraphStats>>(loading);
  const [views, setViews] = useState<Loadable<SavedViewSummary[]>>(loading);
  const [current, setCurrent] = useState<CurrentView | null>(null);
  const [expandStatus, setExpandStatus] = useState<{ id: string; status: Loadable<string> } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [viewer, setViewer] = useState<Loadable<Viewer>>(loading);
  const [signIn, setSignIn] = useState<SignInReason | null>(null);
  // Reads the rate limiter refused and the client will retry by itself: how many, and the longest wait.
  const [waiting, setWaiting] = useState<{ count: number; seconds: number }>({ count: 0, seconds: 0 });
  const pageRef = useRef(page);
  pageRef.current = page;
  const statsRef = useRef(stats);
  statsRef.current = stats;
  const [tab, setTab] = useState<Tab>('paths');
  const [from, setFrom] = useState<PathEnd>(null);
  const [to, setTo] = useState<PathEnd>(null);

  const reloadViews = useCallback(() => {
    setViews((v) => (v.type === 'ready' ? v : loading));
    api.views().then(
      (list) => setViews(ready(list)),
      (e: unknown) => setViews(failed(describeError(e))),
    );
  }, []);

  const reloadStats = useCallback(() => {
    setStats(loading);
    api.stats().then(
      (s) => setStats(ready(s)),
      (e: unknown) => setStats(failed(describeError(e))),
    );
  }, []);

  const reloadViewer = useCallback(() => {
    api.viewer().then(
      (v) => setViewer(ready(v)),
      (e: unknown) => setViewer(failed(describeError(e), e instanceof ApiError ? e.code : undefined)),
    );
  }, []);

  const loadPage = useCallback(async () => {
    setPage(loading);
    setNotice(null);
    reloadViewer();
    reloadStats();
    reloadViews();
    const viewId = viewIdFromSearch(location.search);
    try {
      if (viewId) {
        const view = await api.view(viewId);
        if (!view) {
          setPage(failed(`No saved view has the id “${viewId}”: it may have been deleted.`, 'NOT_FOUND'));
          return;
        }
        dispatch(openViewAction(view));
        setCurrent({ id: view.id, name: view.name, description: view.description, version: view.version });
        setTab('views');
        document.title = `${view.name} · Knowledge-graph explorer`;
      } else {
        const shown = ALL_KINDS.filter((k) => k !== 'SOURCE' && !stateRef.current.hiddenKinds.includes(k));
        const graph = await loadOpening(shown);
        dispatch({ type: 'graphLoaded', ...graph });
        setCurrent(null);
        document.title = 'Knowledge-graph explorer';
      }
      setPage(ready(null));
    } catch (e) {
      setPage(failed(describeError(e), e instanceof ApiError ? e.code : undefined));
    }
  }, [reloadViews, reloadStats, reloadViewer]);

  useEffect(
    () =>
      onClientEvent((event) => {
        switch (event.type) {
          case 'unauthenticated':
            setSignIn((open) => open ?? (tokens.get() ? 'refused' : 'required'));
            break;
          case 'waiting':
            setWaiting((w) => ({ count: w.count + 1, seconds: Math.max(w.seconds, event.seconds) }));
            break;
          case 'waited':
            setWaiting((w) => (w.count <= 1 ? { count: 0, seconds: 0 } : { ...w, count: w.count - 1 }));
            break;
          default: {
            const never: never = event;
            throw new Error(`unknown client event ${JSON.stringify(never)}`);
          }
        }
      }),
    [],
  );

  /** After signing in: retry what failed (the opening load, else the panels that could not load). */
  const signedIn = useCallback(
    (v: Viewer) => {
      setSignIn(null);
      setViewer(ready(v));
      if (pageRef.current.type === 'error') {
        void loadPage();
        return;
      }
      reloadViews();
      if (statsRef.current.type === 'error') reloadStats();
    },
    [loadPage, reloadViews, reloadStats],
  );

  const signOut = useCallback(() => {
    tokens.clear();
    setViewer(loading);
    // What the token showed leaves the page with it (the next analyst at this browser signs in afresh); on a
    // server with tokens, reloading then asks for one again.
    dispatch({ type: 'graphLoaded', nodes: [], edges: [] });
    setCurrent(null);
    setViews(loading);
    void loadPage();
  }, [loadPage]);

  useEffect(() => {
    void loadPage();
    const onPop = () => void loadPage();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [loadPage]);

  const openView = useCallback(
    (id: string | null) => {
      history.pushState(null, '', id ? `/?view=${encodeURIComponent(id)}` : '/');
      void loadPage();
    },
    [loadPage],
  );

  const expand = useCallback(async (id: string) => {
    const s = stateRef.current;
    const previous = s.expansions[id];
    // The limit counts the node itself: the first page is the node and 25 neighbours.
    const limit = (previous?.limit ?? 1) + EXPAND_PAGE;
    const node = s.graph.nodes[id];
    const kinds = ALL_KINDS.filter(
      (k) => (k !== 'SOURCE' || node?.kind === 'SOURCE') && !s.hiddenKinds.includes(k),
    );
    setExpandStatus({ id, status: loading });
    try {
      const sub = await api.neighborhood({ id, depth: 1, limit, filter: { kinds } });
      dispatch({ type: 'expanded', id, nodes: sub.nodes, edges: sub.edges, limit, truncated: sub.truncated });
      const fresh = sub.nodes.filter((n) => n.id !== id && !s.graph.nodes[n.id]).length;
      const total = sub.nodes.length - 1;
      setExpandStatus({
        id,
        status: ready(
          fresh === 0
            ? `All ${total} neighbours shown are already on the graph.`
            : `Added ${fresh} ${fresh === 1 ? 'node' : 'nodes'} (${total} neighbours shown).`,
        ),
      });
    } catch (e) {
      setExpandStatus({ id, status: failed(describeError(e)) });
    }
  }, []);

  const chooseHit = useCallback(async (hit: SearchHit) => {
    const s = stateRef.current;
    if (s.graph.nodes[hit.id]) {
      dispatch({ type: 'nodeAdded', nodes: [], edges: [], focus: hit.id });
      return;
    }
    setNotice(`Loading ${hit.label}…`);
    try {
      const sub = await api.neighborhood({ id: hit.id, depth: 1, limit: 200 });
      const node: GraphNode | null = sub.nodes.find((n) => n.id === hit.id) ?? (await api.node(hit.id));
      if (!node) throw new ApiError(`${hit.label} is no longer in the graph.`, 'NOT_FOUND');
      const g = stateRef.current.graph;
      const edges = sub.edges.filter(
        (e) => (e.source === hit.id && g.nodes[e.target]) || (e.target === hit.id && g.nodes[e.source]),
      );
      dispatch({ type: 'nodeAdded', nodes: [node], edges, focus: hit.id });
      setNotice(null);
    } catch (e) {
      setNotice(describeError(e));
    }
  }, []);

  const shortcuts = useMemo(
    () => ({
      clear: () => {
        dispatch({ type: 'selected', selection: { type: 'none' } });
      },
      undo: () => dispatch({ type: 'undo' }),
    }),
    [],
  );
  useShortcuts(searchRef, shortcuts);

  const snapshot = useCallback((meta: { name: string; description: string }) => {
    const cy = cyRef.current;
    if (!cy) return null;
    return viewInput(stateRef.current, placementOf(cy), meta);
  }, []);

  const exportPng = () => {
    const cy = cyRef.current;
    if (cy) download(pngOf(cy), `${current?.name ?? 'graph'}.png`.replace(/[^\w.-]+/g, '-'));
  };
  const exportJson = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const doc = exportDocument(stateRef.current, placementOf(cy));
    download(
      new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }),
      `${current?.name ?? 'graph'}.json`.replace(/[^\w.-]+/g, '-'),
    );
  };

  const selectedNode = state.selection.type === 'node' ? state.graph.nodes[state.selection.id] : undefined;
  const onPathEnd = useCallback((end: 'from' | 'to', node: GraphNode) => {
    (end === 'from' ? setFrom : setTo)({ id: node.id, label: node.label });
    setTab('paths');
  }, []);
  const onShowPath = useCallback((path: Path | null) => dispatch({ type: 'pathShown', path }), []);
  const shownCounts = visibleCountsByKind(state);
  const relationshipTypes = useMemo(
    () =>
      stats.type === 'ready'
        ? Object.keys(stats.value.countsByRelationshipType)
            .filter((t) => t !== 'CITES')
            .sort()
        : undefined,
    [stats],
  );
  const lastStep = undoLabel(state);

  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="brand">Knowledge-graph explorer</span>
          <span className="subtitle">{current ? current.name : '“No Limits” memo (11 October 2022)'}</span>
        </h1>
        <SearchBox ref={searchRef} onChoose={(hit) => void chooseHit(hit)} />
        <nav className="toolbar" aria-label="Tools">
          <button
            type="button"
            onClick={() => dispatch({ type: 'undo' })}
            disabled={!lastStep}
            title={lastStep ? `Undo ${lastStep} (Ctrl+Z)` : 'Nothing to undo'}
          >
            Undo
          </button>
          <button
            type="button"
            onClick={() => dispatch({ type: 'hiddenShown' })}
            disabled={state.hidden.length === 0}
          >
            Show hidden ({state.hidden.length})
          </button>
          <button type="button" onClick={() => cyRef.current && fitShapes(cyRef.current)}>
            Fit
          </button>
          <button type="button" onClick={exportPng}>
            Export PNG
          </button>
          <button type="button" onClick={exportJson}>
            Export JSON
          </button>
          {current && (
            <button type="button" onClick={() => openView(null)}>
              Memo graph
            </button>
          )}
          {/* rel="opener": the console opens as this page's child, so it gets this tab's token as well. */}
          <a href="/graphiql" target="_blank" rel="opener" className="button-link">
            GraphQL console
          </a>
          <AccountControl
            viewer={viewer}
            onSignIn={() => setSignIn(tokens.get() ? 'change' : 'required')}
            onSignOut={signOut}
          />
        </nav>
      </header>

      <div className="side">
        <Legend stats={stats} shown={shownCounts} hiddenKinds={state.hiddenKinds} dispatch={dispatch} />
        <div className="tabs" role="tablist" aria-label="Panels">
          {(['paths', 'views'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`tabpanel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              onClick={() => setTab(t)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const next = t === 'paths' ? 'views' : 'paths';
                  setTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {t === 'paths' ? 'Paths' : 'Saved views'}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="tabpanel-paths" aria-labelledby="tab-paths" hidden={tab !== 'paths'}>
          <PathsPanel
            from={from}
            to={to}
            onFrom={setFrom}
            onTo={setTo}
            selectedNode={selectedNode ? { id: selectedNode.id, label: selectedNode.label } : null}
            onShow={onShowPath}
            relationshipTypes={relationshipTypes}
          />
        </div>
        <div role="tabpanel" id="tabpanel-views" aria-labelledby="tab-views" hidden={tab !== 'views'}>
          <ViewsPanel
            views={views}
            current={current}
            snapshot={snapshot}
            onSaved={(v) => {
              setCurrent({ id: v.id, name: v.name, description: v.description, version: v.version });
              history.replaceState(null, '', `/?view=${encodeURIComponent(v.id)}`);
            }}
            onOpen={(id) => openView(id)}
            onDeleted={(id) => {
              if (current?.id === id) {
                setCurrent(null);
                history.replaceState(null, '', '/');
              }
            }}
            reloadViews={reloadViews}
            viewer={viewer}
            onSignIn={setSignIn}
          />
        </div>
      </div>

      <main className="centre">
        <GraphCanvas
          state={state}
          dispatch={dispatch}
          onExpand={(id) => void expand(id)}
          onReady={(cy) => (cyRef.current = cy)}
        />
        {page.type === 'loading' && (
          <div className="overlay" role="status">
            <div className="spinner" aria-hidden="true" /> Loading the graph…
          </div>
        )}
        {page.type === 'error' && (
          <div className="overlay error" role="alert" data-testid="load-error">
            <h2>
              {page.code === 'NOT_FOUND'
                ? 'Saved view not found'
                : page.code === 'UNAUTHENTICATED'
                  ? 'Sign-in needed'
                  : page.code === 'REQUEST_TIMEOUT'
                    ? 'The graph took too long to load'
                    : 'The graph cannot be loaded'}
            </h2>
            <p>{page.message}</p>
            <p>
              {page.code === 'UNAUTHENTICATED' ? (
                <button
                  type="button"
                  onClick={() => setSignIn(tokens.get() ? 'refused' : 'required')}
                  autoFocus
                >
                  Sign in
                </button>
              ) : (
                <button type="button" onClick={() => void loadPage()} autoFocus>
                  Retry
                </button>
              )}{' '}
              {page.code === 'NOT_FOUND' && (
                <button type="button" onClick={() => openView(null)}>
                  Open the memo’s graph
                </button>
              )}
            </p>
          </div>
        )}
        {waiting.count > 0 && (
          <div className="notice" role="status" data-testid="wait-notice">
            The server asks the explorer to slow down: trying again in {waiting.seconds}{' '}
            {waiting.seconds === 1 ? 'second' : 'seconds'}…
          </div>
        )}
        {notice && waiting.count === 0 && (
          <div className="notice" role="status">
            {notice}{' '}
            <button type="button" className="link" onClick={() => setNotice(null)} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
        <Timeline state={state} dispatch={dispatch} />
      </main>

      <DetailsPanel
        state={state}
        views={views}
        expandStatus={expandStatus}
        dispatch={dispatch}
        onExpand={(id) => void expand(id)}
        onPathEnd={onPathEnd}
        onOpenView={(id) => openView(id)}
      />

      {signIn && (
        <SignInDialog
          reason={
            // Reading without a token (ANONYMOUS_READS) and a write asked for one.
            signIn === 'required' && viewer.type === 'ready' && viewer.value.tokensRequired ? 'save' : signIn
          }
          onSignedIn={signedIn}
          onCancel={() => setSignIn(null)}
        />
      )}
    </div>
  );
}
