// The page's header: title (and the open view's name), search, and the tools: undo, show hidden, fit, the
// results table, the document view, exports, back to the memo's graph, the GraphQL console and the account
// control.
import { useRef, type RefObject } from 'react';
import { signInFromAccount } from '../access/access.ts';
import { AccountControl } from '../access/AccountControl.tsx';
import { documentOfGraph } from '../document/document.ts';
import { undoLabel } from '../explorer/edits.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { useStore } from '../shared/store.ts';
import { tableToggled } from '../table/panel.ts';
import type { AppActions } from './actions.ts';
import { ExportMenu } from './ExportMenu.tsx';
import type { AppStores } from './stores.ts';
import { useToolbarFocus } from './useToolbarFocus.ts';

interface Props {
  stores: AppStores;
  actions: AppActions;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The header with search and the toolbar. */
export function Header({ stores, actions, searchRef }: Props) {
  const state = useStore(stores.explorer);
  const { current } = useStore(stores.views);
  const { viewer } = useStore(stores.access);
  const lastStep = undoLabel(state);
  const tableOpen = useStore(stores.table).open;
  const documentOpen = useStore(stores.document).open;
  const documentId = documentOfGraph(state);
  const toolbar = useRef<HTMLElement>(null);
  const toolbarFocus = useToolbarFocus(toolbar);
  return (
    <header className="app-header">
      <h1>
        <span className="brand">Knowledge-graph explorer</span>
        <span className="subtitle">{current ? current.name : '“No Limits” memo (11 October 2022)'}</span>
      </h1>
      <SearchBox
        ref={searchRef}
        onChoose={actions.chooseHit}
        onPaths={({ from, to }) => actions.askPaths(from, to)}
        kindFilter
        evidence={state.evidence}
      />
      <nav
        ref={toolbar}
        className="toolbar"
        role="toolbar"
        aria-label="Tools"
        onKeyDown={toolbarFocus.onKeyDown}
        onFocus={toolbarFocus.onFocus}
      >
        <button
          type="button"
          onClick={actions.shortcuts.undo}
          disabled={!lastStep}
          title={lastStep ? `Undo ${lastStep} (Ctrl+Z)` : 'Nothing to undo'}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => actions.dispatch({ type: 'hiddenShown' })}
          disabled={state.hidden.length === 0}
        >
          Show hidden ({state.hidden.length})
        </button>
        <button type="button" onClick={actions.fit}>
          Fit
        </button>
        <button type="button" aria-pressed={tableOpen} onClick={() => stores.table.set(tableToggled)}>
          Table
        </button>
        <button
          type="button"
          aria-pressed={documentOpen}
          disabled={!documentOpen && !documentId}
          title="Read the whole document, every passage a claim rests on marked"
          onClick={() =>
            documentOpen ? actions.closeDocument() : documentId && actions.openWholeDocument(documentId)
          }
        >
          Document
        </button>
        <button
          type="button"
          title="Bring in another document: its files are checked and matched to the graph before anything is written"
          onClick={actions.addDocument.open}
        >
          Add document
        </button>
        <ExportMenu actions={actions} />
        {current && (
          <button type="button" onClick={() => actions.openView(null)}>
            Memo graph
          </button>
        )}
        {/* rel="opener": the console opens as this page's child, so it gets this tab's token as well. */}
        <a href="/graphiql" target="_blank" rel="opener" className="button-link">
          GraphQL console
        </a>
        <AccountControl
          viewer={viewer}
          onSignIn={() => actions.askSignIn(signInFromAccount(actions.hasToken()))}
          onSignOut={actions.signOut}
        />
      </nav>
    </header>
  );
}
