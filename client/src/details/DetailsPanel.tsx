// The details of the selected node or relationship: what it is, when, every property (a statement's full
// quote), its relationships, the sources behind it, the saved views that include it, and its history.
import type { Passage } from '../../../core/model/index.ts';
import type { GraphEdge, GraphNode, SavedViewSummary } from '../api/types.ts';
import type { Action, ExplorerState } from '../explorer/state.ts';
import type { ExpandStatus } from '../expand/expand.ts';
import { PathDetails } from '../paths/PathDetails.tsx';
import type { Loadable } from '../shared/loadable.ts';
import { DateSuffix } from './DateSuffix.tsx';
import { historyProps, nodeName } from './details.ts';
import { History } from '../history/History.tsx';
import { NodeDetails } from './NodeDetails.tsx';
import { PropertyTable } from './PropertyTable.tsx';
import { SourceList } from './SourceList.tsx';
import { Passages } from '../evidence/Passages.tsx';
import { useEvidence } from '../evidence/useEvidence.ts';
import { StartPanel, type StartActions } from '../start/StartPanel.tsx';
import { EdgeEditActions, EditPane } from '../edit/EditPane.tsx';

/** What the panel's buttons and links do (the app's bound actions). */
export interface DetailsActions extends StartActions {
  dispatch: (a: Action) => void;
  expand: (id: string) => void;
  pathEnd: (end: 'from' | 'to', node: GraphNode) => void;
  openView: (id: string) => void;
  /** Opens the document view on a passage of the selected item (client/src/document). */
  openDocument?: (passage: Passage) => void;
}

export interface DetailsProps {
  state: ExplorerState;
  views: Loadable<SavedViewSummary[]>;
  expandStatus: ExpandStatus;
  actions: DetailsActions;
}

/** The details panel. */
export function DetailsPanel(props: DetailsProps) {
  const { state } = props;
  const sel = state.selection;
  let body;
  if (sel.type === 'node' && state.graph.nodes[sel.id])
    body = <NodeDetails {...props} node={state.graph.nodes[sel.id]!} />;
  else if (sel.type === 'edge' && state.graph.edges[sel.id])
    body = <EdgeDetails {...props} edge={state.graph.edges[sel.id]!} />;
  else if (state.path && state.pathInfo)
    body = <PathDetails state={state} dispatch={props.actions.dispatch} />;
  else body = <StartPanel state={state} views={props.views} actions={props.actions} />;
  return (
    <aside
      id="details"
      tabIndex={-1}
      className="panel details"
      aria-labelledby="details-title"
      data-testid="details"
    >
      <h2 id="details-title" className="visually-hidden">
        Details
      </h2>
      <EditPane edit={props.actions.edit} />
      {body}
    </aside>
  );
}

function EdgeDetails({
  state,
  edge,
  actions: { dispatch, openDocument, edit },
}: DetailsProps & { edge: GraphEdge }) {
  const date = typeof edge.properties.date === 'string' ? edge.properties.date : null;
  const selectNode = (id: string) => dispatch({ type: 'selected', selection: { type: 'node', id } });
  const evidence = useEvidence(edge);
  return (
    <article aria-label={`Relationship ${edge.type}`}>
      <p className="kind-line">
        Relationship
        <DateSuffix date={date} precision={edge.properties.datePrecision} />
      </p>
      <h3 className="node-title">
        <button type="button" className="link" onClick={() => selectNode(edge.source)}>
          {nodeName(state, edge.source)}
        </button>{' '}
        <span className="edge-type">{edge.type}</span>{' '}
        <button type="button" className="link" onClick={() => selectNode(edge.target)}>
          {nodeName(state, edge.target)}
        </button>
      </h3>
      {edge.properties.basis === 'inferred' && (
        <p className="inferred" data-testid="inferred">
          <strong>Inferred</strong>
          {typeof edge.properties.inferenceNote === 'string' ? `: ${edge.properties.inferenceNote}` : ''}
        </p>
      )}
      <p className="muted">
        Corroboration: {edge.corroboration} independent publisher{edge.corroboration === 1 ? '' : 's'}
        {typeof edge.properties.credibility === 'number'
          ? `; credibility ${edge.properties.credibility}`
          : ''}
      </p>
      <Passages evidence={evidence} onOpen={openDocument} />
      <EdgeEditActions
        edge={edge}
        label={`${nodeName(state, edge.source)} ${edge.type} ${nodeName(state, edge.target)}`}
        edit={edit}
      />
      <h4>Sources</h4>
      <SourceList
        sources={edge.sources}
        grades={evidence.type === 'ready' ? evidence.value.grades : undefined}
      />
      <h4>Properties</h4>
      <PropertyTable properties={edge.properties} />
      <History {...historyProps(state, edge)} />
    </article>
  );
}
