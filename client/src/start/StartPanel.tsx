// What the details panel offers before anything is selected: the ways in. The results table by kind, how to ask
// for the paths between two nodes, the document's principal actors and events (the best-connected on the
// canvas), and the saved views. Each answer of the memo's questions is a click or two from here.
import type { NodeKind, SavedViewSummary } from '../api/types.ts';
import type { SearchHit } from '../api/operations.ts';
import { DateSuffix } from '../details/DateSuffix.tsx';
import type { ExplorerState } from '../explorer/state.ts';
import { kindStyle } from '../graph/kinds.ts';
import { KindSwatch } from '../legend/KindSwatch.tsx';
import type { Loadable } from '../shared/loadable.ts';
import { viewPath } from '../views/views.ts';
import { hitOfNode, keyNodes } from './start.ts';
import type { EditActions } from '../edit/actions.ts';
import { AddNodeButton } from '../edit/EditPane.tsx';

/** The kinds the start panel opens the table on, in the order an analyst asks about them. */
const TABLE_KINDS: readonly NodeKind[] = ['MEETING', 'STATEMENT', 'AGREEMENT', 'FIGURE', 'ACTOR'];

/** Saved views listed here at most (the Saved views tab lists them all). */
const VIEWS_LISTED = 5;

export interface StartActions {
  chooseHit: (hit: SearchHit) => void;
  openTable: (kind: NodeKind) => void;
  openView: (id: string) => void;
  /** Edits that cite (client/src/edit): "Add node…" opens its form. */
  edit?: EditActions;
}

interface Props {
  state: ExplorerState;
  views: Loadable<SavedViewSummary[]>;
  actions: StartActions;
}

/** The start panel. */
export function StartPanel({ state, views, actions }: Props) {
  const nodes = Object.values(state.graph.nodes);
  const actors = keyNodes(nodes, 'ACTOR');
  const events = keyNodes(nodes, 'MEETING');
  return (
    <section className="start" aria-labelledby="start-title" data-testid="start">
      <h3 id="start-title">Start here</h3>
      <p className="muted">
        Select a node or a relationship on the graph, or search for one, to read what it is and the sources
        behind it. Double-click a node to expand its neighbours.
      </p>
      <h4>Read as a table</h4>
      <div className="actions" role="group" aria-label="Open the table on">
        {TABLE_KINDS.map((k) => (
          <button key={k} type="button" onClick={() => actions.openTable(k)}>
            {kindStyle(k).plural}
          </button>
        ))}
      </div>
      <h4>How two are connected</h4>
      <p className="muted">
        Type both names in the search with “to” between them, such as <kbd>Modi to Xi</kbd>, and choose “How …
        is connected to …”.
      </p>
      {actors.length > 0 && <KeyList title="Principal actors" nodes={actors} onChoose={actions.chooseHit} />}
      {events.length > 0 && <KeyList title="Principal events" nodes={events} onChoose={actions.chooseHit} />}
      <h4>Saved views</h4>
      <SavedViews views={views} onOpen={actions.openView} />
      {actions.edit && (
        <>
          <h4>Add to the graph</h4>
          <p className="muted">
            A node or a relationship you add cites its source and says whether the source states it. To add a
            relationship, select one of its ends.
          </p>
          <AddNodeButton edit={actions.edit} near={null} />
        </>
      )}
    </section>
  );
}

function KeyList({
  title,
  nodes,
  onChoose,
}: {
  title: string;
  nodes: ReturnType<typeof keyNodes>;
  onChoose: (hit: SearchHit) => void;
}) {
  return (
    <>
      <h4>{title}</h4>
      <ul className="start-list" aria-label={title}>
        {nodes.map((n) => (
          <li key={n.id}>
            <KindSwatch kind={n.kind} />
            <span>
              <button type="button" className="link" onClick={() => onChoose(hitOfNode(n))}>
                {n.label}
              </button>
              <span className="muted small">
                <DateSuffix date={n.date} precision={n.properties.datePrecision} />
              </span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function SavedViews({
  views,
  onOpen,
}: {
  views: Loadable<SavedViewSummary[]>;
  onOpen: (id: string) => void;
}) {
  if (views.type !== 'ready') return <p className="muted">…</p>;
  if (views.value.length === 0)
    return <p className="muted">None yet: the Saved views tab saves the picture as it is.</p>;
  return (
    <ul className="start-list" aria-label="Saved views">
      {views.value.slice(0, VIEWS_LISTED).map((v) => (
        <li key={v.id}>
          <a
            href={viewPath(v.id)}
            onClick={(e) => {
              e.preventDefault();
              onOpen(v.id);
            }}
          >
            {v.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
