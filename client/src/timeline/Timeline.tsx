// The timeline: the dated meetings, statements and agreements of the graph in date order, with a range
// (two sliders, one per end) that filters the graph, and the switch to the layout by date.
import { useMemo } from 'react';
import { kindStyle } from '../graph/kinds.ts';
import type { Action, ExplorerState } from '../state/explorer.ts';
import { formatDate, inWindow, normaliseWindow, timelineDomain, timelineItems } from '../state/time.ts';

interface Props {
  state: ExplorerState;
  dispatch: (a: Action) => void;
}

const WIDTH = 1000;
const HEIGHT = 44;

/** The timeline strip under the graph. */
export function Timeline({ state, dispatch }: Props) {
  const items = useMemo(() => timelineItems(state.graph), [state.graph]);
  const dates = useMemo(() => [...new Set(items.map((i) => i.start))].sort(), [items]);
  const domain = timelineDomain(items);
  const window = state.timeWindow;
  const last = Math.max(dates.length - 1, 0);
  const sinceIndex = window
    ? Math.max(
        dates.findIndex((d) => d >= window.since),
        0,
      )
    : 0;
  const untilFound = window ? dates.findLastIndex((d) => d <= window.until) : last;
  const untilIndex = untilFound === -1 ? 0 : untilFound;
  const precision = (date: string) => items.find((i) => i.start === date && i.end !== i.start)?.end;
  const label = (i: number) => {
    const d = dates[i];
    if (!d) return '';
    const end = precision(d);
    const node = items.find((it) => it.start === d);
    const p = node ? state.graph.nodes[node.id]?.properties.datePrecision : undefined;
    return formatDate(d, end ? p : 'day');
  };
  const x = (i: number) => (dates.length <= 1 ? WIDTH / 2 : 12 + (i / last) * (WIDTH - 24));

  const set = (since: number, until: number) => {
    const s = dates[Math.min(since, until)];
    const u = dates[Math.max(since, until)];
    if (!s || !u) return;
    dispatch({
      type: 'timeWindowSet',
      window: normaliseWindow({ since: s, until: u }, domain && { since: dates[0]!, until: dates[last]! }),
    });
  };
  const shownCount = items.filter((i) => inWindow(state.graph.nodes[i.id]!, window)).length;

  if (dates.length === 0) {
    return (
      <section className="timeline panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p className="muted">No dated meeting, statement or agreement on the graph.</p>
      </section>
    );
  }

  const perDate = new Map<string, number>();
  return (
    <section className="timeline panel" aria-labelledby="timeline-title">
      <div className="timeline-head">
        <h2 id="timeline-title">Timeline</h2>
        <p className="muted small" aria-live="polite" data-testid="timeline-summary">
          {window ? `${label(sinceIndex)} – ${label(untilIndex)}: ` : 'All dates: '}
          {shownCount} of {items.length} dated items
        </p>
        <div className="timeline-buttons">
          <button
            type="button"
            onClick={() => dispatch({ type: 'timeWindowSet', window: null })}
            disabled={!window}
          >
            All dates
          </button>
          <button
            type="button"
            aria-pressed={state.layout.name === 'timeline'}
            onClick={() =>
              dispatch({
                type: 'layoutChosen',
                name: state.layout.name === 'timeline' ? 'force' : 'timeline',
              })
            }
          >
            {state.layout.name === 'timeline' ? 'Back to force layout' : 'Lay out by date'}
          </button>
        </div>
      </div>
      <svg
        className="timeline-strip"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {window && (
          <rect
            x={x(sinceIndex) - 6}
            y={0}
            width={Math.max(x(untilIndex) - x(sinceIndex) + 12, 12)}
            height={HEIGHT}
            className="timeline-window"
          />
        )}
        {items.map((item) => {
          const i = dates.indexOf(item.start);
          const stack = perDate.get(item.start) ?? 0;
          perDate.set(item.start, stack + 1);
          const inside = i >= sinceIndex && i <= untilIndex;
          return (
            <circle
              key={item.id}
              cx={x(i)}
              cy={HEIGHT - 6 - (stack % 6) * 6.5}
              r={3.2}
              fill={kindStyle(item.kind).color}
              opacity={inside ? 1 : 0.2}
              onClick={() => dispatch({ type: 'selected', selection: { type: 'node', id: item.id } })}
            >
              <title>{`${formatDate(item.start)} · ${item.label}`}</title>
            </circle>
          );
        })}
      </svg>
      <div className="timeline-sliders">
        <label>
          <span className="field-label">From</span>
          <input
            type="range"
            min={0}
            max={last}
            step={1}
            value={sinceIndex}
            aria-valuetext={label(sinceIndex)}
            onChange={(e) => set(Number(e.target.value), untilIndex)}
            data-testid="time-since"
          />
        </label>
        <label>
          <span className="field-label">To</span>
          <input
            type="range"
            min={0}
            max={last}
            step={1}
            value={untilIndex}
            aria-valuetext={label(untilIndex)}
            onChange={(e) => set(sinceIndex, Number(e.target.value))}
            data-testid="time-until"
          />
        </label>
        <span className="timeline-range small">
          {label(0)} … {label(last)}
        </span>
      </div>
    </section>
  );
}
