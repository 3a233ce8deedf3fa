// The timeline: the dated meetings, statements and agreements of the graph on an axis proportional to time (long
// empty stretches cut out and marked), with a window that filters the graph: dragged on the axis (drag across
// it for a new window, drag the shaded window to move it) or set with two sliders, one per end; "Show undated"
// keeps every undated node in a window; the switch to the layout by date, and the layout picker beside it.
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Action, ExplorerState } from '../explorer/state.ts';
import { kindStyle } from '../graph/kinds.ts';
import { LayoutPicker } from '../graph/layouts/LayoutPicker.tsx';
import { axisTicks, shiftWindow, timeScale, type TimeScale } from './scale.ts';
import {
  inWindow,
  normaliseWindow,
  timelineDomain,
  timelineItems,
  type TimeWindow,
  type TimelineItem,
} from './time.ts';
import { dateLabel, timelineDates, windowBetween, windowIndices, windowText } from './timeline.ts';

interface Props {
  state: ExplorerState;
  dispatch: (a: Action) => void;
}

const WIDTH = 1000;
const HEIGHT = 44;
const ROWS = 6;

/** The timeline strip under the graph. */
export function Timeline({ state, dispatch }: Props) {
  const items = useMemo(() => timelineItems(state.graph), [state.graph]);
  const dates = useMemo(() => timelineDates(items), [items]);
  const scale = useMemo(() => timeScale(items, 12, WIDTH - 12), [items]);
  const window = state.timeWindow;
  const showUndated = window?.showUndated === true;
  const last = Math.max(dates.length - 1, 0);
  const { sinceIndex, untilIndex } = windowIndices(dates, window);
  const label = (i: number) => dateLabel(state.graph, items, dates, i);
  const setWindow = (next: TimeWindow | null) => dispatch({ type: 'timeWindowSet', window: next });
  const set = (since: number, until: number) => {
    const next = windowBetween(items, dates, since, until, showUndated);
    if (next !== undefined) setWindow(next);
  };
  const shownCount = items.filter((i) => inWindow(state.graph.nodes[i.id]!, window)).length;

  if (dates.length === 0) {
    return (
      <section className="timeline panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <p className="muted">No dated meeting, statement or agreement on the graph.</p>
        <div className="timeline-buttons">
          <LayoutPicker layout={state.layout.name} map={state.map} dispatch={dispatch} />
        </div>
      </section>
    );
  }
  const timeline = state.layout.name === 'timeline' && !state.map;
  return (
    <section className="timeline panel" aria-labelledby="timeline-title">
      <div className="timeline-head">
        <h2 id="timeline-title">Timeline</h2>
        <p className="muted small" aria-live="polite" data-testid="timeline-summary">
          {window ? `${windowText(window)}: ` : 'All dates: '}
          {shownCount} of {items.length} dated items
        </p>
        <div className="timeline-buttons">
          <label className="timeline-undated small">
            <input
              type="checkbox"
              checked={showUndated}
              disabled={!window}
              onChange={(e) => window && setWindow({ ...window, showUndated: e.target.checked })}
            />
            Show undated
          </label>
          <button type="button" onClick={() => setWindow(null)} disabled={!window}>
            All dates
          </button>
          <button
            type="button"
            aria-pressed={timeline}
            onClick={() => dispatch({ type: 'layoutChosen', name: timeline ? 'force' : 'timeline' })}
          >
            {timeline ? 'Back to force layout' : 'Lay out by date'}
          </button>
          <LayoutPicker layout={state.layout.name} map={state.map} dispatch={dispatch} />
        </div>
      </div>
      <TimelineStrip
        items={items}
        scale={scale}
        window={window}
        onWindow={(w) => setWindow(w && normaliseWindow({ ...w, showUndated }, timelineDomain(items)))}
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

/** Each item's x range on the strip and its row (items that would overlap go to the next row up). */
function placeItems(items: readonly TimelineItem[], scale: TimeScale) {
  const rowEnds: number[] = [];
  return items.map((item) => {
    const x0 = scale.x(item.start);
    const x1 = Math.max(scale.x(item.end), x0);
    let row = rowEnds.findIndex((end) => end + 4 <= x0);
    if (row === -1) row = rowEnds.length < ROWS ? rowEnds.push(0) - 1 : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = Math.max(rowEnds[row] ?? 0, x1 + 3);
    return { item, x0, x1, row };
  });
}

type Drag = { mode: 'move'; from: number; window: TimeWindow } | { mode: 'brush'; from: number };

/** The items on the time axis, the breaks, the window (draggable) and the year labels. */
function TimelineStrip({
  items,
  scale,
  window,
  onWindow,
  onSelect,
}: {
  items: TimelineItem[];
  scale: TimeScale;
  window: TimeWindow | null;
  onWindow: (w: TimeWindow | null) => void;
  onSelect: (id: string) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  const [preview, setPreview] = useState<TimeWindow | null>(null);
  const shown = preview ?? window;
  const placed = useMemo(() => placeItems(items, scale), [items, scale]);
  const ticks = useMemo(() => axisTicks(scale), [scale]);

  const xOf = (e: PointerEvent) => {
    const box = svg.current!.getBoundingClientRect();
    return ((e.clientX - box.left) / Math.max(box.width, 1)) * WIDTH;
  };
  const windowAt = (d: Drag, x: number): TimeWindow => {
    if (d.mode === 'move') return shiftWindow(scale, d.window, x - d.from);
    const [a, b] = [scale.dateAt(Math.min(d.from, x)), scale.dateAt(Math.max(d.from, x))];
    return { since: a, until: b };
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const x = xOf(e);
    const inside = window && x >= scale.x(window.since) - 6 && x <= scale.x(window.until) + 6;
    drag.current = inside ? { mode: 'move', from: x, window } : { mode: 'brush', from: x };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || Math.abs(xOf(e) - d.from) < 3) return;
    setPreview(windowAt(d, xOf(e)));
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    setPreview(null);
    // A click (no drag) selects the item under it, handled by the item itself.
    if (d && Math.abs(xOf(e) - d.from) >= 3) onWindow(windowAt(d, xOf(e)));
  };

  return (
    <div className="timeline-axis-strip">
      <svg
        ref={svg}
        className="timeline-strip"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        data-testid="timeline-strip"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
          setPreview(null);
        }}
      >
        {shown && (
          <rect
            x={scale.x(shown.since) - 3}
            y={0}
            width={Math.max(scale.x(shown.until) - scale.x(shown.since) + 6, 6)}
            height={HEIGHT}
            className="timeline-window"
            data-testid="timeline-window"
          />
        )}
        {scale.breaks.map((x) => (
          <g key={x} className="timeline-break">
            <path d={`M${x - 5},${HEIGHT} L${x - 1},0 M${x + 1},${HEIGHT} L${x + 5},0`} />
          </g>
        ))}
        {placed.map(({ item, x0, x1, row }) => {
          const y = HEIGHT - 6 - row * 6.5;
          const inside = inWindow({ date: item.start, properties: { endDate: item.end } }, shown);
          const common = {
            fill: kindStyle(item.kind).color,
            opacity: inside ? 1 : 0.2,
            onClick: () => onSelect(item.id),
          };
          const title = <title>{`${item.when} · ${item.label}`}</title>;
          return x1 - x0 < 4 ? (
            <circle key={item.id} cx={x0} cy={y} r={3.2} {...common}>
              {title}
            </circle>
          ) : (
            <rect key={item.id} x={x0} y={y - 2.5} width={x1 - x0} height={5} rx={2} {...common}>
              {title}
            </rect>
          );
        })}
      </svg>
      <div className="timeline-ticks" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t.text} className="timeline-tick" style={{ left: `${(t.x / WIDTH) * 100}%` }}>
            {t.text}
          </span>
        ))}
      </div>
    </div>
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
