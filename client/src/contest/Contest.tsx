// A claim's agreements and disagreements: for each claim that disputes or bears it out (or that it disputes or
// bears out), the two claims side by side, each with its own sources, and the relationship's note between them.
import type { GraphNode } from '../api/types.ts';
import type { Action } from '../explorer/state.ts';
import { SourceList } from '../details/SourceList.tsx';
import { claimWords, STANCE_TITLES, type ContestEntry } from './contest.ts';
import { useContest } from './useContest.ts';
import './contest.css';

interface Props {
  node: GraphNode;
  dispatch: (a: Action) => void;
}

/** The "Contested" badge beside a claim's title. */
export function ContestedBadge({ node }: { node: GraphNode }) {
  if (!node.contested) return null;
  return (
    <span
      className="contested-badge"
      data-testid="contested-badge"
      title="Another claim disputes this one, or it disputes another"
    >
      Contested
    </span>
  );
}

/** The section of the details: nothing when no claim disputes or bears this one out. */
export function Contest({ node, dispatch }: Props) {
  const contest = useContest(node);
  if (contest.type === 'error')
    return <p className="muted small">Disputes could not load: {contest.message}</p>;
  if (contest.type !== 'ready') {
    return node.contested ? <p className="muted small">Loading what disputes it…</p> : null;
  }
  if (contest.value.length === 0) return null;
  const show = (entry: ContestEntry) => {
    dispatch({ type: 'nodeAdded', nodes: [node, entry.other], edges: [entry.link], focus: entry.other.id });
    dispatch({ type: 'selected', selection: { type: 'node', id: entry.other.id } });
  };
  return (
    <section className="contest" aria-label="Claims that dispute or bear it out" data-testid="contest">
      <h4>{node.contested ? 'Contested' : 'Borne out'}</h4>
      {contest.value.map((entry) => (
        <article key={entry.link.id} className={`contest-pair ${entry.stance}`} data-testid="contest-pair">
          <p className="contest-stance">
            <strong>{STANCE_TITLES[entry.stance]}</strong>
            {typeof entry.link.properties.note === 'string' && <> — {entry.link.properties.note}</>}
            {entry.link.properties.basis === 'inferred' && (
              <span className="inferred">
                {' '}
                (inferred
                {typeof entry.link.properties.inferenceNote === 'string'
                  ? `: ${entry.link.properties.inferenceNote}`
                  : ''}
                )
              </span>
            )}
          </p>
          <div className="contest-sides">
            <div className="contest-side" data-testid="contest-this">
              <p className="contest-label">This claim</p>
              <p className="contest-words">{claimWords(node)}</p>
              <SourceList sources={node.sources} />
            </div>
            <div className="contest-side" data-testid="contest-other">
              <p className="contest-label">
                <button type="button" className="link" onClick={() => show(entry)}>
                  {entry.other.label}
                </button>
              </p>
              <p className="contest-words">{claimWords(entry.other)}</p>
              <SourceList sources={entry.other.sources} />
            </div>
          </div>
        </article>
      ))}
    </section>
  );
}
