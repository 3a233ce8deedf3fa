// Paths between two nodes: pick the ends, optionally filter by relationship type and time window, and read
// the shortest paths as sentences with their citations; one path at a time is highlighted on the graph.
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api } from '../api/operations.ts';
import type { Path } from '../api/types.ts';
import { failed, idle, loading, ready, type Loadable } from '../shared/loadable.ts';
import { EndPicker } from './EndPicker.tsx';
import { PathFilters } from './PathFilters.tsx';
import { PathList } from './PathList.tsx';
import type { EvidenceFilter } from '../evidence/evidence.ts';
import { emptyPathForm, pathFilter, type PathEnd, type PathFilterForm, RELATIONSHIP_TYPES } from './paths.ts';

interface Props {
  from: PathEnd;
  to: PathEnd;
  onFrom: (end: PathEnd) => void;
  onTo: (end: PathEnd) => void;
  selectedNode: { id: string; label: string } | null;
  onShow: (path: Path | null) => void;
  /** Whether a path is highlighted on the graph now (Esc or a click on empty canvas clears it). */
  onGraph?: boolean;
  /** The relationship types the graph holds (from stats); the model's list until they are known. */
  relationshipTypes?: readonly string[];
  /** The explorer's evidence filter, sent with the question. */
  evidence?: EvidenceFilter;
  /** Changes when both ends were set elsewhere and the paths are to be found now (PathEnds.asked). */
  asked?: number;
}

/** The paths panel. */
export function PathsPanel({
  from,
  to,
  onFrom,
  onTo,
  selectedNode,
  onShow,
  onGraph = true,
  relationshipTypes = RELATIONSHIP_TYPES,
  evidence,
  asked = 0,
}: Props) {
  const [form, setForm] = useState<PathFilterForm>(emptyPathForm);
  const { maxLength } = form;
  const [result, setResult] = useState<Loadable<Path[]>>(idle);
  const [shown, setShown] = useState<number | null>(null);

  const show = (paths: Path[], i: number | null) => {
    setShown(i);
    onShow(i === null ? null : (paths[i] ?? null));
  };

  const find = async () => {
    if (!from || !to) return;
    setResult(loading);
    show([], null);
    try {
      const filter = pathFilter(form, evidence);
      const paths = await api.paths({ sourceId: from.id, targetId: to.id, maxLength, limit: 5, filter });
      setResult(ready(paths));
      if (paths.length) show(paths, 0);
    } catch (e) {
      setResult(failed(describeError(e)));
    }
  };

  // Ends set together elsewhere (search "Modi to Xi"): find at once, with the ends of this render.
  const answered = useRef(asked);
  useEffect(() => {
    if (asked === answered.current) return;
    answered.current = asked;
    void find();
  });

  return (
    <section className="panel paths" aria-labelledby="paths-title">
      <h2 id="paths-title">Paths</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void find();
        }}
      >
        <EndPicker
          label="From"
          end={from}
          onChange={onFrom}
          selectedNode={selectedNode}
          evidence={evidence}
        />
        <EndPicker label="To" end={to} onChange={onTo} selectedNode={selectedNode} evidence={evidence} />
        <PathFilters form={form} onForm={setForm} relationshipTypes={relationshipTypes} />
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
          <PathList
            paths={result.value}
            shown={onGraph ? shown : null}
            onShow={(i) => show(result.value, i)}
          />
        )}
      </div>
    </section>
  );
}
