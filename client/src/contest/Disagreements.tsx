// Disagreements listed side by side: what each side says, in which document, the passage and the sources. Used by
// the Contested tab (every entry) and a node's details (the entries it is part of).
import { api } from '../api/operations.ts';
import type { GraphNode } from '../api/types.ts';
import type { Action } from '../explorer/state.ts';
import { SourceList } from '../details/SourceList.tsx';
import type { Loadable } from '../shared/loadable.ts';
import { useAnswer } from '../shared/useAnswer.ts';
import { KIND_TITLES, nodesOf, sidesOf, type Disagreement } from './disagreements.ts';
import './contest.css';

/** The entries, all (nodeId null) or one node's; asked again when `refreshKey` changes (a document came or went). */
export function useDisagreements(nodeId: string | null, refreshKey: unknown): Loadable<Disagreement[]> {
  return useAnswer(nodeId ?? '', refreshKey, (signal) =>
    api.contested(nodeId ? { nodeId, limit: 100 } : { limit: 500 }, signal),
  );
}

interface ListProps {
  entries: Disagreement[];
  /** Brings both sides onto the canvas and selects the first. */
  onShow: (d: Disagreement) => void;
}

/** The entries, each with its reason and its two sides. */
export function DisagreementList({ entries, onShow }: ListProps) {
  return (
    <ol className="disagreements" data-testid="disagreements">
      {entries.map((d) => (
        <li key={d.id} className="contest-pair" data-id={d.id} data-kind={d.kind}>
          <p className="contest-stance">
            <strong>{KIND_TITLES[d.kind]}</strong>
          </p>
          <p className="small">{d.reason}</p>
          <div className="contest-sides">
            {sidesOf(d).map((side, i) => (
              <div className="contest-side" key={i} data-testid={i === 0 ? 'side-a' : 'side-b'}>
                <p className="contest-label">{side.document ?? 'a document'}</p>
                <p className="contest-words">{side.says}</p>
                {side.passage && <blockquote className="small">{side.passage}</blockquote>}
                <SourceList sources={side.sources} />
              </div>
            ))}
          </div>
          <button type="button" className="link small" onClick={() => onShow(d)}>
            Show on graph
          </button>
        </li>
      ))}
    </ol>
  );
}

/** Brings an entry's sides onto the canvas and selects the first. */
export function showDisagreement(d: Disagreement, dispatch: (a: Action) => void): void {
  dispatch({ type: 'nodeAdded', nodes: nodesOf(d), edges: [], focus: d.a.id });
  dispatch({ type: 'selected', selection: { type: 'node', id: d.a.id } });
}

/** A node's disagreements between documents, in its details (its DISPUTES are the Contest section's). */
export function NodeDisagreements({ node, dispatch }: { node: GraphNode; dispatch: (a: Action) => void }) {
  if (!node.contested) return null;
  return <NodeDisagreementsLoaded node={node} dispatch={dispatch} />;
}

function NodeDisagreementsLoaded({ node, dispatch }: { node: GraphNode; dispatch: (a: Action) => void }) {
  const list = useDisagreements(node.id, null);
  if (list.type === 'error')
    return <p className="muted small">Disagreements could not load: {list.message}</p>;
  if (list.type !== 'ready') return null;
  const between = list.value.filter((d) => d.kind !== 'DISPUTES');
  if (between.length === 0) return null;
  return (
    <section
      className="contest"
      aria-label="Where documents disagree about it"
      data-testid="node-disagreements"
    >
      <h4>Documents disagree</h4>
      <DisagreementList entries={between} onShow={(d) => showDisagreement(d, dispatch)} />
    </section>
  );
}

/** The Contested tab: every disagreement in the graph. */
export function ContestedPanel({
  refreshKey,
  dispatch,
}: {
  refreshKey: unknown;
  dispatch: (a: Action) => void;
}) {
  const list = useDisagreements(null, refreshKey);
  return (
    <section className="panel contested" aria-labelledby="contested-title">
      <h2 id="contested-title">Contested</h2>
      {list.type === 'loading' && <p className="muted">Loading…</p>}
      {list.type === 'error' && (
        <p className="error-text" role="alert">
          {list.message}
        </p>
      )}
      {list.type === 'ready' && list.value.length === 0 && (
        <p className="muted">No claim disputes another, and no two documents disagree.</p>
      )}
      {list.type === 'ready' && list.value.length > 0 && (
        <>
          <p className="muted small">
            {list.value.length} disagreement{list.value.length === 1 ? '' : 's'}: claims that dispute each
            other, and what two documents say differently of the same event, figure, quote or attendance.
          </p>
          <DisagreementList entries={list.value} onShow={(d) => showDisagreement(d, dispatch)} />
        </>
      )}
    </section>
  );
}
