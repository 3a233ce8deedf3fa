// The side column: the legend, then four tabs: the paths panel, the saved-views panel, the documents and what is
// contested.
import type { ReactNode } from 'react';
import { api } from '../api/operations.ts';
import { EvidenceFilters } from '../evidence/EvidenceFilters.tsx';
import { Legend } from '../legend/Legend.tsx';
import { visibleCountsByKind } from '../explorer/projection.ts';
import { PathsPanel } from '../paths/PathsPanel.tsx';
import { relationshipTypesOf } from '../paths/paths.ts';
import { useStore } from '../shared/store.ts';
import { ViewsPanel } from '../views/ViewsPanel.tsx';
import { DocumentsPanel } from '../import/DocumentsPanel.tsx';
import { ContestedPanel } from '../contest/Disagreements.tsx';
import { useStyle } from '../style/useStyle.ts';
import { GroupControls } from '../groups/GroupControls.tsx';
import { useGroups } from '../groups/useGroups.ts';
import type { AppActions } from './actions.ts';
import type { AppStores, Tab } from './stores.ts';

const TABS: Record<Tab, string> = {
  paths: 'Paths',
  views: 'Saved views',
  documents: 'Documents',
  contested: 'Contested',
};
const TAB_ORDER: Tab[] = ['paths', 'views', 'documents', 'contested'];

/** The legend and the tabbed panels. */
export function SidePanels({ stores, actions }: { stores: AppStores; actions: AppActions }) {
  const state = useStore(stores.explorer);
  const stats = useStore(stores.stats);
  const tab = useStore(stores.tab);
  const { from, to, asked } = useStore(stores.ends);
  const { list, current } = useStore(stores.views);
  const { viewer } = useStore(stores.access);
  const selected = state.selection.type === 'node' ? state.graph.nodes[state.selection.id] : undefined;
  const { legend: styleLegend } = useStyle(stores);
  const groups = useStore(stores.groups);
  const groupProjection = useGroups(stores.explorer, stores.groups, stores.analysis);
  const { measures } = useStore(stores.analysis);
  return (
    <div className="side">
      <Legend
        stats={stats}
        shown={visibleCountsByKind(state)}
        hiddenKinds={state.hiddenKinds}
        dispatch={actions.dispatch}
        style={styleLegend}
      />
      <EvidenceFilters explorer={stores.explorer} api={api} />
      <GroupControls
        groups={groups}
        projection={groupProjection}
        measures={measures}
        onGroupBy={actions.groupBy}
        onToggle={actions.toggleGroup}
        onMeasure={actions.measure}
      />
      <Tabs tab={tab} onTab={actions.chooseTab} />
      <TabPanel name="paths" tab={tab}>
        <PathsPanel
          from={from}
          to={to}
          onFrom={(end) => actions.setEnd('from', end)}
          onTo={(end) => actions.setEnd('to', end)}
          selectedNode={selected ? { id: selected.id, label: selected.label } : null}
          onShow={(path) => actions.dispatch({ type: 'pathShown', path })}
          onGraph={state.path !== null}
          relationshipTypes={relationshipTypesOf(stats.type === 'ready' ? stats.value : null)}
          evidence={state.evidence}
          asked={asked}
        />
      </TabPanel>
      <TabPanel name="views" tab={tab}>
        <ViewsPanel
          views={list}
          current={current}
          snapshot={actions.snapshot}
          onSaved={actions.viewSaved}
          onOpen={actions.openView}
          onDeleted={actions.viewDeleted}
          reloadViews={actions.reloadViews}
          viewer={viewer}
          onSignIn={actions.askSignIn}
          earlier={state.earlier}
          versions={actions.versions}
        />
      </TabPanel>
      <TabPanel name="documents" tab={tab}>
        {tab === 'documents' && (
          <DocumentsPanel
            state={stores.documents}
            onLoad={actions.documents.load}
            onRead={actions.documents.read}
            onRemove={actions.documents.remove}
            onAdd={actions.addDocument.open}
            shown={state.documents}
            onShow={(documents) => actions.dispatch({ type: 'documentsShown', documents })}
          />
        )}
      </TabPanel>
      <TabPanel name="contested" tab={tab}>
        {/* Asked again whenever the page loads again (a document came or went): the counts are asked then too. */}
        {tab === 'contested' && <ContestedPanel refreshKey={stats} dispatch={actions.dispatch} />}
      </TabPanel>
    </div>
  );
}

/** One tab's panel, hidden while another tab is chosen. */
function TabPanel({ name, tab, children }: { name: Tab; tab: Tab; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`tabpanel-${name}`} aria-labelledby={`tab-${name}`} hidden={tab !== name}>
      {children}
    </div>
  );
}

/** The tab list: arrow keys move between the tabs. */
function Tabs({ tab, onTab }: { tab: Tab; onTab: (tab: Tab) => void }) {
  return (
    <div className="tabs" role="tablist" aria-label="Panels">
      {TAB_ORDER.map((t, i) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-selected={tab === t}
          aria-controls={`tabpanel-${t}`}
          tabIndex={tab === t ? 0 : -1}
          onClick={() => onTab(t)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              const step = e.key === 'ArrowRight' ? 1 : TAB_ORDER.length - 1;
              const next = TAB_ORDER[(i + step) % TAB_ORDER.length]!;
              onTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }
          }}
        >
          {TABS[t]}
        </button>
      ))}
    </div>
  );
}
