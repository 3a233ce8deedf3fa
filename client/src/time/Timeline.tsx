// The timeline: the dated meetings, statements and agreements of the graph in date order, with a range
// (two sliders, one per end) that filters the graph, and the switch to the layout by date.
import { useMemo } from 'react';
import type { Action, ExplorerState } from '../explorer/state.ts';
import { kindStyle } from '../graph/kinds.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { inWindow, timelineItems, type TimelineItem } from './time.ts';
import { dateLabel, timelineDates, windowBetween, windowIndices } from './timeline.ts';

interface Props {
  state: ExplorerState;
  dispatch: (a: Action) => void;
}

const WIDTH = 1000;
const HEIGHT = 44;

/** The timeline strip under the graph. */
export function Timeline({ state, dispatch }: Props) {
  const items = useMemo(() => timelineItems(state.graph), [state.graph]);
  const dates = useMemo(() => timelineDates(items), [items]);
  const window = state.timeWindow;
  const last = Math.max(dates.length - 1, 0);
  const { sinceIndex, untilIndex } = windowIndices(dates, window);
  const label = (i: number) => dateLabel(state.graph, items, dates, i);
  const set = (since: number, until: number) => {
    const next = windowBetween(items, dates, since, until);
    if (next !== undefined) dispatch({ type: 'timeWindowSet', window: next });
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
  const timeline = state.layout.name === 'timeline';
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
            aria-pressed={timeline}
            onClick={() => dispatch({ type: 'layoutChosen', name: timeline ? 'force' : 'timeline' })}
          >
            {timeline ? 'Back to force layout' : 'Lay out by date'}
          </button>
        </div>
      </div>
      <TimelineStrip
        items={items}
        dates={dates}
        range={window ? [sinceIndex, untilIndex] : null}
        inside={(i) => i >= sinceIndex && i <= untilIndex}
        onSelect={(id) => dispatch({ type: 'selected', selection: { type: 'node', id } })}
      />
      <div className="timeline-sliders">
        <Slider
          end="From"
          index={sinceIndex}
          last={last}
          label={label}
          onChange={(i) => set(i, untilIndex)}
        />
        <Slider end="To" index={untilIndex} last={last} label={label} onChange={(i) => set(sinceIndex, i)} />
        <span className="timeline-range small">
          {label(0)} … {label(last)}
        </span>
      </div>
    </section>
  );
}

/** The dots of the dated items, stacked per date, with the window shaded. */
function TimelineStrip({
  items,
  dates,
  range,
  inside,
  onSelect,
}: {
  items: TimelineItem[];
  dates: string[];
  range: [number, number] | null;
  inside: (i: number) => boolean;
  onSelect: (id: string) => void;
}) {
  const last = Math.max(dates.length - 1, 0);
  const x = (i: number) => (dates.length <= 1 ? WIDTH / 2 : 12 + (i / last) * (WIDTH - 24));
  const stacks = new Map<string, number>();
  const dots = items.map((item) => {
    const stack = stacks.get(item.start) ?? 0;
    stacks.set(item.start, stack + 1);
    return { item, i: dates.indexOf(item.start), stack };
  });
  return (
    <svg
      className="timeline-strip"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {range && (
        <rect
          x={x(range[0]) - 6}
          y={0}
          width={Math.max(x(range[1]) - x(range[0]) + 12, 12)}
          height={HEIGHT}
          className="timeline-window"
        />
      )}
      {dots.map(({ item, i, stack }) => (
        <circle
          key={item.id}
          cx={x(i)}
          cy={HEIGHT - 6 - (stack % 6) * 6.5}
          r={3.2}
          fill={kindStyle(item.kind).color}
          opacity={inside(i) ? 1 : 0.2}
          onClick={() => onSelect(item.id)}
        >
          <title>{`${formatDate(item.start) ?? ''} · ${item.label}`}</title>
        </circle>
      ))}
    </svg>
  );
}

/** One end of the window. */
function Slider({
  end,
  index,
  last,
  label,
  onChange,
}: {
  end: 'From' | 'To';
  index: number;
  last: number;
  label: (i: number) => string;
  onChange: (i: number) => void;
}) {
  return (
    <label>
      <span className="field-label">{end}</span>
      <input
        type="range"
        min={0}
        max={last}
        step={1}
        value={index}
        aria-valuetext={label(index)}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid={end === 'From' ? 'time-since' : 'time-until'}
      />
    </label>
  );
}
