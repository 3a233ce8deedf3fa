// The explorer page: wiring only. The header (search, undo, exports, console link), side panels (legend, paths,
// saved views), the graph canvas with the timeline (and the results table) under it, the document view over
// it, the details panel and the sign-in dialog each read their concept's store (app/stores.ts) and call the page's actions (app/actions.ts);
// the state and the pure transitions live with each concept, the workflows across concepts in app/page.ts.
import { useEffect, useRef, useState } from 'react';
import { dialogReason, signInToLoad } from '../access/access.ts';
import { SignInDialog } from '../access/SignInDialog.tsx';
import { onClientEvent } from '../api/client.ts';
import { LoadOverlay } from '../connection/LoadOverlay.tsx';
import { Notices } from '../connection/Notices.tsx';
import { ServerStatus } from '../connection/ServerStatus.tsx';
import { DetailsPanel } from '../details/DetailsPanel.tsx';
import { DocumentPane } from '../document/DocumentPane.tsx';
import { GraphCanvas } from '../graph/GraphCanvas.tsx';
import { AddDocumentPane } from '../import/AddDocumentPane.tsx';
import { useStore } from '../shared/store.ts';
import { useStyle } from '../style/useStyle.ts';
import { useGroups } from '../groups/useGroups.ts';
import { TablePanel } from '../table/TablePanel.tsx';
import { Timeline } from '../time/Timeline.tsx';
import { browserEnv, createActions } from './actions.ts';
import { Header } from './Header.tsx';
import { SidePanels } from './SidePanels.tsx';
import { createStores } from './stores.ts';
import { useShortcuts } from './useShortcuts.ts';
import { EarlierBanner } from '../views/Versions.tsx';

/** The explorer. */
export function App() {
  const [{ stores, actions }] = useState(() => {
    const stores = createStores();
    return { stores, actions: createActions(stores, browserEnv()) };
  });
  const searchRef = useRef<HTMLInputElement>(null);
  useShortcuts(searchRef, actions.shortcuts);
  useEffect(() => onClientEvent(actions.clientEvent), [actions]);
  useEffect(() => {
    void actions.loadPage();
    const onPop = () => actions.addressChanged();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [actions]);

  const state = useStore(stores.explorer);
  const connection = useStore(stores.connection);
  const access = useStore(stores.access);
  const { list } = useStore(stores.views);
  const expandStatus = useStore(stores.expand);
  const tableOpen = useStore(stores.table).open;
  const documentView = useStore(stores.document);
  const signInReason = dialogReason(access);
  const { looks } = useStyle(stores);
  const groups = useGroups(stores.explorer, stores.groups, stores.analysis);
  return (
    <div className="app">
      <nav className="skip-links" aria-label="Skip links">
        <a href="#graph-canvas">Skip to the graph</a>
        <a href="#details">Skip to the details</a>
      </nav>
      <Header stores={stores} actions={actions} searchRef={searchRef} />
      {/* Right after the header in focus order (the grid places it on the right): the selected node's actions
          are a few Tab presses from the search box. */}
      <DetailsPanel state={state} views={list} expandStatus={expandStatus} actions={actions} />
      <SidePanels stores={stores} actions={actions} />
      <main
        className={['centre', tableOpen && 'with-table', documentView.open && 'with-document']
          .filter(Boolean)
          .join(' ')}
      >
        <GraphCanvas
          state={state}
          dispatch={actions.dispatch}
          onExpand={actions.expand}
          onReady={actions.canvasReady}
          looks={looks}
          groups={groups}
          onToggleGroup={actions.toggleGroup}
        />
        <EarlierBanner earlier={state.earlier} onBack={actions.versions.back} />
        <LoadOverlay
          page={connection.page}
          onRetry={() => void actions.loadPage()}
          onSignIn={() => actions.askSignIn(signInToLoad(actions.hasToken()))}
          onOpenMemo={() => actions.openView(null)}
        />
        {documentView.open && (
          <DocumentPane
            view={documentView}
            selectedId={state.selection.type === 'none' ? null : state.selection.id}
            onChoose={actions.chooseSpan}
            onClose={actions.closeDocument}
          />
        )}
        <AddDocumentPane
          state={stores.addDocument}
          onFiles={actions.addDocument.files}
          onText={actions.addDocument.text}
          onPreviewDraft={actions.addDocument.previewDraft}
          onImport={actions.addDocument.import}
          onSignIn={() => actions.askSignIn('save')}
          onClose={actions.addDocument.close}
        />
        <Notices connection={connection} onDismiss={actions.dismissNotice} />
        <ServerStatus onRecovered={actions.serverBack} />
        <Timeline state={state} dispatch={actions.dispatch} />
        {tableOpen && (
          <TablePanel
            table={stores.table}
            explorer={stores.explorer}
            stats={stores.stats}
            analysis={stores.analysis}
            style={stores.style}
            onChoose={actions.chooseHit}
            onMeasure={actions.measure}
            onStyle={actions.style}
          />
        )}
      </main>
      {signInReason && (
        <SignInDialog reason={signInReason} onSignedIn={actions.signedIn} onCancel={actions.cancelSignIn} />
      )}
    </div>
  );
}
