// The details of the selected node or relationship: what it is, when, every property (a statement's full
// quote), its relationships, the sources behind it, and the saved views that include it.
import type { GraphEdge, GraphNode, SavedViewSummary } from '../api/types.ts';
import { kindStyle } from '../graph/kinds.ts';
import { KindSwatch } from '../legend/KindSwatch.tsx';
import type { Action, ExplorerState } from '../state/explorer.ts';
import { edgesOf } from '../state/graph.ts';
import type { Loadable } from '../state/loadable.ts';
import { formatDate } from '../state/time.ts';
import { PropertyTable } from './PropertyTable.tsx';
import { SourceList } from './SourceList.tsx';
import { useNodeViews } from './useNodeViews.ts';

interface Props {
  state: ExplorerState;
  views: Loadable<SavedViewSummary[]>;
  expandStatus: { id: string; status: Loadable<string> } | null;
  dispatch: (a: Action) => void;
  onExpand: (id: string) => void;
  onPathEnd: (end: 'from' | 'to', node: GraphNode) => void;
  onOpenView: (id: string) => void;
}

/** The details panel. */
export function DetailsPanel(props: Props) {
  const { state } = props;
  const sel = state.selection;
  let body;
  if (sel.type === 'node' && state.graph.nodes[sel.id])
    body = <NodeDetails {...props} node={state.graph.nodes[sel.id]!} />;
  else if (sel.type === 'edge' && state.graph.edges[sel.id])
    body = <EdgeDetails {...props} edge={state.graph.edges[sel.id]!} />;
  else
    body = (
      <p className="muted">
        Select a node or a relationship on the graph, or search for one, to read what it is and the sources
        behind it. Double-click a node to expand its neighbours.
      </p>
    );
  return (
    <aside className="panel details" aria-labelledby="details-title" data-testid="details">
      <h2 id="details-title" className="visually-hidden">
        Details
      </h2>
      {body}
    </aside>
  );
}

function nodeName(state: ExplorerState, id: string): string {
  return state.graph.nodes[id]?.label ?? id;
}

function NodeDetails({
  state,
  node,
  views,
  expandStatus,
  dispatch,
  onExpand,
  onPathEnd,
  onOpenView,
}: Props & { node: GraphNode }) {
  const style = kindStyle(node.kind);
  const quote =
    node.kind === 'STATEMENT' && typeof node.properties.text === 'string' ? node.properties.text : null;
  const edges = edgesOf(state.graph, node.id);
  const { text: _text, ...rest } = node.properties;
  const properties = quote ? rest : node.properties;
  const expansion = state.expansions[node.id];
  const busy = expandStatus?.id === node.id && expandStatus.status.type === 'loading';
  const error =
    expandStatus?.id === node.id && expandStatus.status.type === 'error' ? expandStatus.status.message : null;
  const expanded =
    expandStatus?.id === node.id && expandStatus.status.type === 'ready' ? expandStatus.status.value : null;
  const inViews = useNodeViews(node.id, views);
  const speaker =
    node.kind === 'STATEMENT' ? edges.find((e) => e.type === 'SAID' && e.target === node.id) : undefined;

  return (
    <article aria-label={`${style.label}: ${node.label}`}>
      <p className="kind-line">
        <KindSwatch kind={node.kind} /> {style.label}
        {node.date && (
          <>
            {' · '}
            <time dateTime={node.date}>{formatDate(node.date, node.properties.datePrecision)}</time>
          </>
        )}
      </p>
      <h3 className="node-title">
        {quote ? (speaker ? `${nodeName(state, speaker.source)}: quote` : 'Quote') : node.label}
      </h3>
      {quote && (
        <blockquote className="quote" data-testid="quote">
          “{quote}”
        </blockquote>
      )}
      {node.summary && <p className="summary">{node.summary}</p>}

      <div className="actions" role="group" aria-label="Actions on this node">
        <button type="button" onClick={() => onExpand(node.id)} disabled={busy}>
          {busy
            ? 'Expanding…'
            : expansion?.truncated
              ? 'Show 25 more'
              : expansion
                ? 'Expand again'
                : 'Expand neighbours'}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'nodesHidden', ids: [node.id] })}>
          Hide
        </button>
        <button type="button" onClick={() => dispatch({ type: 'nodesRemoved', ids: [node.id] })}>
          Remove
        </button>
        <button type="button" onClick={() => onPathEnd('from', node)}>
          Path from here
        </button>
        <button type="button" onClick={() => onPathEnd('to', node)}>
          Path to here
        </button>
      </div>
      {expansion?.truncated && !busy && (
        <p className="muted small">
          More neighbours exist than are shown: “Show 25 more” brings the next page.
        </p>
      )}
      {expanded && !busy && (
        <p className="muted small" role="status">
          {expanded}
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}

      <h4>Sources</h4>
      <SourceList sources={node.sources} />

      <h4>
        Relationships{' '}
        <span className="muted small">
          ({edges.length} shown of {node.degree})
        </span>
      </h4>
      {edges.length === 0 ? (
        <p className="muted">None on the graph yet: expand to load them.</p>
      ) : (
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
      )}

      <h4>Properties</h4>
      <PropertyTable properties={properties} />

      <h4>In saved views</h4>
      {inViews.type === 'loading' && <p className="muted">Loading…</p>}
      {inViews.type === 'error' && <p className="muted">Unavailable: {inViews.message}</p>}
      {inViews.type === 'ready' &&
        (inViews.value.length === 0 ? (
          <p className="muted" data-testid="in-views">
            In no saved view.
          </p>
        ) : (
          <p data-testid="in-views">
            In saved views:{' '}
            {inViews.value.map((v, i) => (
              <span key={v.id}>
                {i > 0 && ', '}
                <a
                  href={`/?view=${encodeURIComponent(v.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpenView(v.id);
                  }}
                >
                  {v.name}
                </a>
              </span>
            ))}
          </p>
        ))}
    </article>
  );
}

function EdgeDetails({ state, edge, dispatch }: Props & { edge: GraphEdge }) {
  const date = typeof edge.properties.date === 'string' ? edge.properties.date : null;
  return (
    <article aria-label={`Relationship ${edge.type}`}>
      <p className="kind-line">
        Relationship
        {date && (
          <>
            {' · '}
            <time dateTime={date}>{formatDate(date, edge.properties.datePrecision)}</time>
          </>
        )}
      </p>
      <h3 className="node-title">
        <button
          type="button"
          className="link"
          onClick={() => dispatch({ type: 'selected', selection: { type: 'node', id: edge.source } })}
        >
          {nodeName(state, edge.source)}
        </button>{' '}
        <span className="edge-type">{edge.type}</span>{' '}
        <button
          type="button"
          className="link"
          onClick={() => dispatch({ type: 'selected', selection: { type: 'node', id: edge.target } })}
        >
          {nodeName(state, edge.target)}
        </button>
      </h3>
      <h4>Sources</h4>
      <SourceList sources={edge.sources} />
      <h4>Properties</h4>
      <PropertyTable properties={edge.properties} />
    </article>
  );
}
