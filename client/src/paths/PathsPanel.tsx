// Paths between two nodes: pick the ends, optionally filter by relationship type and time window, and read
// the shortest paths as sentences with their citations; one path at a time is highlighted on the graph.
import { useState } from 'react';
import { describeError } from '../api/client.ts';
import { api, type SearchHit } from '../api/operations.ts';
import type { GraphFilter, Path, Source } from '../api/types.ts';
import { SourceList } from '../details/SourceList.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { failed, idle, loading, ready, type Loadable } from '../state/loadable.ts';
import { RELATIONSHIP_TYPES } from './relationshipTypes.ts';

export type PathEnd = Pick<SearchHit, 'id' | 'label'> | null;

interface Props {
  from: PathEnd;
  to: PathEnd;
  onFrom: (end: PathEnd) => void;
  onTo: (end: PathEnd) => void;
  selectedNode: { id: string; label: string } | null;
  onShow: (path: Path | null) => void;
  /** The relationship types the graph holds (from stats); the model's list until they are known. */
  relationshipTypes?: readonly string[];
}

/** The sources cited by a path's relationships and nodes, each once. */
export function pathSources(path: Path): Source[] {
  if (path.citations) return path.citations;
  const seen = new Map<string, Source>();
  for (const e of path.edges) for (const s of e.sources) seen.set(s.id, s);
  return [...seen.values()];
}

/** The paths panel. */
export function PathsPanel({
  from,
  to,
  onFrom,
  onTo,
  selectedNode,
  onShow,
  relationshipTypes = RELATIONSHIP_TYPES,
}: Props) {
  const [types, setTypes] = useState<string[]>([]);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [maxLength, setMaxLength] = useState(4);
  const [result, setResult] = useState<Loadable<Path[]>>(idle);
  const [shown, setShown] = useState<number | null>(null);

  const show = (paths: Path[], i: number | null) => {
    setShown(i);
    onShow(i === null ? null : (paths[i] ?? null));
  };

  const find = async () => {
    if (!from || !to) return;
    const filter: GraphFilter = {};
    if (types.length) filter.relationshipTypes = types;
    if (since) filter.since = since;
    if (until) filter.until = until;
    setResult(loading);
    show([], null);
    try {
      const paths = await api.paths({ sourceId: from.id, targetId: to.id, maxLength, limit: 5, filter });
      setResult(ready(paths));
      if (paths.length) show(paths, 0);
    } catch (e) {
      setResult(failed(describeError(e)));
    }
  };

  return (
    <section className="panel paths" aria-labelledby="paths-title">
      <h2 id="paths-title">Paths</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <EndPicker label="From" end={from} onChange={onFrom} selectedNode={selectedNode} />
        <EndPicker label="To" end={to} onChange={onTo} selectedNode={selectedNode} />
        <details className="filters">
          <summary>Filters{types.length || since || until ? ' (on)' : ''}</summary>
          <fieldset>
            <legend>Relationship types (none ticked: all)</legend>
            <div className="type-grid">
              {relationshipTypes.map((t) => (
                <label key={t} className="check">
                  <input
                    type="checkbox"
                    checked={types.includes(t)}
                    onChange={() =>
                      setTypes((ts) => (ts.includes(t) ? ts.filter((x) => x !== t) : [...ts, t]))
                    }
                  />
                  {t}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="row">
            <label>
              Since <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
            </label>
            <label>
              Until <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
            </label>
          </div>
          <label>
            Longest path{' '}
            <select value={maxLength} onChange={(e) => setMaxLength(Number(e.target.value))}>
              {[1, 2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={n}>
                  {n} {n === 1 ? 'step' : 'steps'}
                </option>
              ))}
            </select>
          </label>
        </details>
        <button type="submit" disabled={!from || !to || result.type === 'loading'}>
          {result.type === 'loading' ? 'Finding paths…' : 'Find paths'}
        </button>
      </form>
      <div aria-live="polite">
        {result.type === 'error' && (
          <p className="error-text" role="alert">
            {result.message}
          </p>
        )}
        {result.type === 'ready' && result.value.length === 0 && (
          <p className="muted">No path of at most {maxLength} steps with these filters.</p>
        )}
        {result.type === 'ready' && result.value.length > 0 && (
          <ol className="path-list" data-testid="path-list">
            {result.value.map((p, i) => (
              <li key={i} className={shown === i ? 'path shown' : 'path'} data-testid="path">
                <button
                  type="button"
                  aria-pressed={shown === i}
                  onClick={() => show(result.value, shown === i ? null : i)}
                >
                  {shown === i ? 'Shown on graph' : 'Show on graph'}
                </button>{' '}
                <span className="muted small">
                  {p.length} {p.length === 1 ? 'step' : 'steps'}
                </span>
                <p className="explanation" data-testid="path-explanation">
                  {p.explanation}
                </p>
                <details>
                  <summary>Citations ({pathSources(p).length})</summary>
                  <SourceList sources={pathSources(p)} />
                </details>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function EndPicker({
  label,
  end,
  onChange,
  selectedNode,
}: {
  label: string;
  end: PathEnd;
  onChange: (e: PathEnd) => void;
  selectedNode: { id: string; label: string } | null;
}) {
  return (
    <div className="end-picker">
      {end ? (
        <p className="end">
          <span className="field-label">{label}</span>{' '}
          <strong data-testid={`path-${label.toLowerCase()}`}>{end.label}</strong>{' '}
          <button
            type="button"
            className="link"
            onClick={() => onChange(null)}
            aria-label={`Clear ${label.toLowerCase()}`}
          >
            change
          </button>
        </p>
      ) : (
        <>
          <SearchBox
            compact
            label={label}
            placeholder="Type a name…"
            onChoose={(hit) => onChange({ id: hit.id, label: hit.label })}
          />
          {selectedNode && (
            <button type="button" className="link small" onClick={() => onChange(selectedNode)}>
              use selected: {selectedNode.label}
            </button>
          )}
        </>
      )}
    </div>
  );
}
