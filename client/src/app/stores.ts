// Every concept's state, one store each, made once per page (App holds them): the working graph, connection
// status, access, saved views, the database's counts, the last expansion, the path ends, the side tab, the
// results table, the document view, the analysis (measures) and the style rules.
import type { GraphStats } from '../api/types.ts';
import { initialAnalysis, type AnalysisState } from '../analysis/analysis.ts';
import { NO_STYLE, type StyleRules } from '../style/style.ts';
import { noGroups, type GroupsState } from '../groups/groups.ts';
import { closedAdd, type AddDocumentState } from '../import/addDocument.ts';
import { initialDocuments, type DocumentsState } from '../import/documents.ts';
import { initialAccess, type AccessState } from '../access/access.ts';
import { initialConnection, type ConnectionState } from '../connection/connection.ts';
import { closedDocument, type DocumentView } from '../document/document.ts';
import { initialState, type ExplorerState } from '../explorer/state.ts';
import type { ExpandStatus } from '../expand/expand.ts';
import { noEnds, type PathEnds } from '../paths/paths.ts';
import { loading, type Loadable } from '../shared/loadable.ts';
import { createStore, type Store } from '../shared/store.ts';
import { initialTable, type TableState } from '../table/panel.ts';
import { initialSavedViews, type SavedViewsState } from '../views/savedViews.ts';

/** The side panel shown under the legend. */
export type Tab = 'paths' | 'views' | 'documents' | 'contested';

export interface AppStores {
  explorer: Store<ExplorerState>;
  connection: Store<ConnectionState>;
  access: Store<AccessState>;
  views: Store<SavedViewsState>;
  stats: Store<Loadable<GraphStats>>;
  expand: Store<ExpandStatus>;
  ends: Store<PathEnds>;
  tab: Store<Tab>;
  table: Store<TableState>;
  document: Store<DocumentView>;
  analysis: Store<AnalysisState>;
  style: Store<StyleRules>;
  /** How the canvas is grouped, and which groups are collapsed (client/src/groups). */
  groups: Store<GroupsState>;
  addDocument: Store<AddDocumentState>;
  documents: Store<DocumentsState>;
}

/** Fresh stores for one page. */
export function createStores(): AppStores {
  return {
    explorer: createStore(initialState),
    connection: createStore(initialConnection),
    access: createStore(initialAccess),
    views: createStore(initialSavedViews),
    stats: createStore<Loadable<GraphStats>>(loading),
    expand: createStore<ExpandStatus>(null),
    ends: createStore(noEnds),
    tab: createStore<Tab>('paths'),
    table: createStore(initialTable),
    document: createStore<DocumentView>(closedDocument),
    analysis: createStore(initialAnalysis),
    style: createStore(NO_STYLE),
    groups: createStore(noGroups),
    addDocument: createStore<AddDocumentState>(closedAdd),
    documents: createStore(initialDocuments),
  };
}
