// A node's details: kind and date, title and quote, the actions on it (expand, hide, remove, path ends), its
// sources, its relationships on the graph, its properties, the saved views that hold it and its history.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { expandLabel } from '../expand/expand.ts';
import { kindStyle } from '../graph/kinds.ts';
import { KindSwatch } from '../legend/KindSwatch.tsx';
import { viewPath } from '../views/views.ts';
import { expansionOf, nodeName, nodeView } from './details.ts';
import { DateSuffix } from './DateSuffix.tsx';
import type { DetailsProps } from './DetailsPanel.tsx';
import { PropertyTable } from './PropertyTable.tsx';
import { SourceList } from './SourceList.tsx';
import { useNodeViews } from './useNodeViews.ts';
import { Passages } from '../evidence/Passages.tsx';
import { useEvidence } from '../evidence/useEvidence.ts';
import { Contest, ContestedBadge } from '../contest/Contest.tsx';
import { NodeDisagreements } from '../contest/Disagreements.tsx';
import { NodeEditActions } from '../edit/EditPane.tsx';
import { History } from '../history/History.tsx';
import { historyProps } from './details.ts';

type Props = DetailsProps & { node: GraphNode };

/** The details of one node. */
export function NodeDetails(props: Props) {
  const { state, node } = props;
  const style = kindStyle(node.kind);
  const { title, quote, properties, edges } = nodeView(state, node);
  const evidence = useEvidence(node);
  return (
    <article aria-label={`${style.label}: ${node.label}`}>
      <p className="kind-line">
        <KindSwatch kind={node.kind} /> {style.label}
        <DateSuffix date={node.date} precision={node.properties.datePrecision} />
      </p>
      <h3 className="node-title">
        {title}
        <ContestedBadge node={node} />
      </h3>
      {quote && (
        <blockquote className="quote" data-testid="quote">
          “{quote}”
        </blockquote>
      )}
      {node.summary && <p className="summary">{node.summary}</p>}
      {node.properties.basis === 'inferred' && (
        <p className="inferred" data-testid="inferred">
          <strong>Inferred</strong>
          {typeof node.properties.inferenceNote === 'string' ? `: ${node.properties.inferenceNote}` : ''}
        </p>
      )}
      <Passages evidence={evidence} onOpen={props.actions.openDocument} />
      <Contest node={node} dispatch={props.actions.dispatch} />
      <NodeDisagreements node={node} dispatch={props.actions.dispatch} />
      <NodeActions {...props} />
      <NodeEditActions node={node} edit={props.actions.edit} />
      <h4>Sources</h4>
      <SourceList
        sources={node.sources}
        grades={evidence.type === 'ready' ? evidence.value.grades : undefined}
      />
      <h4>
        Relationships{' '}
        <span className="muted small">
          ({edges.length} shown of {node.degree})
        </span>
      </h4>
      <Relationships {...props} edges={edges} />
      <h4>Properties</h4>
      <PropertyTable properties={properties} />
      <h4>In saved views</h4>
      <InViews {...props} />
      <History {...historyProps(state, node)} />
    </article>
  );
}

function NodeActions({ state, node, expandStatus, actions }: Props) {
  const { dispatch } = actions;
  const expansion = state.expansions[node.id];
  const { busy, done, error } = expansionOf(expandStatus, node.id);
  return (
    <>
      <div className="actions" role="group" aria-label="Actions on this node">
        <button type="button" onClick={() => actions.expand(node.id)} disabled={busy}>
          {expandLabel(expansion, busy)}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'nodesHidden', ids: [node.id] })}>
          Hide
        </button>
        <button type="button" onClick={() => dispatch({ type: 'nodesRemoved', ids: [node.id] })}>
          Remove
        </button>
        <button type="button" onClick={() => actions.pathEnd('from', node)}>
          Path from here
        </button>
        <button type="button" onClick={() => actions.pathEnd('to', node)}>
          Path to here
        </button>
        {/* Pinning is this button only: dragging a node moves it, and a pinned node's pin moves with it, but a drag
            does not pin (nudging a node out of the way would otherwise fix it for good, and in every saved view). */}
        <button
          type="button"
          title="A pinned node stays where it is when the graph is laid out again"
          onClick={() =>
            dispatch({
              type: state.pinned.includes(node.id) ? 'nodesUnpinned' : 'nodesPinned',
              ids: [node.id],
            })
          }
        >
          {state.pinned.includes(node.id) ? 'Unpin' : 'Pin'}
        </button>
      </div>
      {expansion?.truncated && !busy && (
        <p className="muted small">
          More neighbours exist than are shown: “Show 25 more” brings the next page.
        </p>
      )}
      {done && !busy && (
        <p className="muted small" role="status">
          {done}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function Relationships({ state, node, actions: { dispatch }, edges }: Props & { edges: GraphEdge[] }) {
  if (edges.length === 0) return <p className="muted">None on the graph yet: expand to load them.</p>;
  return (
    <ul className="relationships">
      {edges.map((e) => {
        const out = e.source === node.id;
        const other = out ? e.target : e.source;
        return (
          <li key={e.id}>
            <button
              type="button"
              className="link"
              onClick={() => dispatch({ type: 'selected', selection: { type: 'edge', id: e.id } })}
              title="Show this relationship"
            >
              {out ? `${e.type} →` : `← ${e.type}`}
            </button>{' '}
            <button
              type="button"
              className="link"
              onClick={() => dispatch({ type: 'selected', selection: { type: 'node', id: other } })}
            >
              {nodeName(state, other)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function InViews({ node, views, actions }: Props) {
  const inViews = useNodeViews(node.id, views);
  if (inViews.type === 'loading') return <p className="muted">Loading…</p>;
  if (inViews.type === 'error') return <p className="muted">Unavailable: {inViews.message}</p>;
  if (inViews.type !== 'ready') return null;
  if (inViews.value.length === 0) {
    return (
      <p className="muted" data-testid="in-views">
        In no saved view.
      </p>
    );
  }
  return (
    <p data-testid="in-views">
      In saved views:{' '}
      {inViews.value.map((v, i) => (
        <span key={v.id}>
          {i > 0 && ', '}
          <a
            href={viewPath(v.id)}
            onClick={(e) => {
              e.preventDefault();
              actions.openView(v.id);
            }}
          >
            {v.name}
          </a>
        </span>
      ))}
    </p>
  );
}
