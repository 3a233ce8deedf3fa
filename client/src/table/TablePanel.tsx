// The results table under the canvas: the nodes on the canvas (or every node of a kind) with their kind, label,
// date, place and sources, and each kind's own columns; filters by kind, words and dates, sorting by any column,
// CSV of the rows shown. A row selects and centres its node; the node selected on the canvas marks its row. The
// measures fill columns; beside them, the style rules' controls (client/src/style).
import { useEffect, useMemo, useRef } from 'react';
import { api, type SearchHit } from '../api/operations.ts';
import type { GraphStats } from '../api/types.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { kindStyle } from '../graph/kinds.ts';
import { download } from '../graph/canvas.ts';
import { KindSelect } from '../legend/KindSelect.tsx';
import { KindSwatch } from '../legend/KindSwatch.tsx';
import type { Loadable } from '../shared/loadable.ts';
import { useStore, type Store } from '../shared/store.ts';
import { extraNodes, filterSet, hitOf, loadAllOfKind, type TableState } from './panel.ts';
import {
  columnsFor,
  csvFileName,
  filterRows,
  nextSort,
  parseDateRange,
  sortRows,
  tableRows,
  toCsv,
} from './table.ts';
import './table.css';
import { measureColumns, type AnalysisState } from '../analysis/analysis.ts';
import { StyleControls } from '../style/StyleControls.tsx';
import type { StyleRules } from '../style/style.ts';

interface Props {
  table: Store<TableState>;
  explorer: Store<ExplorerState>;
  stats: Store<Loadable<GraphStats>>;
  analysis: Store<AnalysisState>;
  style: Store<StyleRules>;
  onChoose: (hit: SearchHit) => void;
  /** Computes the canvas's measures (degree, PageRank, betweenness, community), which fill columns. */
  onMeasure: () => void;
  /** Colours, sizes or captions the nodes by a property or a measure. */
  onStyle: (change: Partial<StyleRules>) => void;
}

/** The table panel (rendered only while open). */
export function TablePanel({ table, explorer, stats, analysis, style, onChoose, onMeasure, onStyle }: Props) {
  const t = useStore(table);
  const state = useStore(explorer);
  const counts = useStore(stats);
  const { measures } = useStore(analysis);
  const rules = useStore(style);
  const nodes = useMemo(() => Object.values(state.graph.nodes), [state.graph]);
  const values = measures.type === 'ready' ? measures.value.values : null;
  const columns = useMemo(() => [...columnsFor(t.kind), ...measureColumns(values)], [t.kind, values]);
  const { all: allOfKind, kind } = t;
  const all = useMemo(() => extraNodes({ all: allOfKind, kind }), [allOfKind, kind]);
  const rows = useMemo(() => tableRows(state.graph, state.hidden, all), [state.graph, state.hidden, all]);
  const shown = useMemo(() => sortRows(filterRows(rows, t), t.sort, columns), [rows, t, columns]);
  const selectedId = state.selection.type === 'node' ? state.selection.id : null;
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (!selectedId) return;
    body.current
      ?.querySelector(`tr[data-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const dates = parseDateRange(t.dates);
  const inDatabase =
    t.kind && counts.type === 'ready' ? Number(counts.value.countsByKind[t.kind] ?? 0) : null;
  const ofKind = t.kind ? rows.filter((r) => r.kind === t.kind).length : 0;
  const set = (change: Partial<TableState>) => table.set((s) => filterSet(s, change));
  const exportCsv = () => {
    const csv = toCsv(shown, columns);
    // A byte-order mark, so that spreadsheets read the file as UTF-8.
    download(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), csvFileName(t));
  };

  return (
    <section
      className="results-table panel"
      aria-labelledby="results-table-title"
      data-testid="results-table"
    >
      <div className="table-head">
        <h2 id="results-table-title">Table</h2>
        <label>
          <span className="field-label">Kind</span>
          <KindSelect value={t.kind} onChange={(kind) => set({ kind })} />
        </label>
        <label>
          <span className="field-label">Words</span>
          <input
            type="search"
            value={t.text}
            placeholder="e.g. trade"
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
        <label>
          <span className="field-label">Dates</span>
          <input
            type="search"
            value={t.dates}
            placeholder="e.g. September 2022"
            aria-invalid={dates === 'invalid'}
            aria-describedby="table-dates-help"
            onChange={(e) => set({ dates: e.target.value })}
          />
        </label>
        <button
          type="button"
          onClick={onMeasure}
          disabled={measures.type === 'loading'}
          title="Degree, PageRank, betweenness and communities of the nodes on the canvas, as columns to sort on"
        >
          {measures.type === 'loading' ? 'Measuring…' : values ? 'Measure again' : 'Measures'}
        </button>
        <StyleControls nodes={nodes} rules={rules} onStyle={onStyle} />
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          Export CSV
        </button>
        <button type="button" onClick={() => table.set((s) => ({ ...s, open: false }))}>
          Close table
        </button>
      </div>
      <p className="small muted table-status" role="status" id="table-dates-help">
        {dates === 'invalid'
          ? 'Dates: write a day, month or year ("16 September 2022", "September 2022", "2022") or two joined by "to".'
          : `${shown.length} of ${rows.length} rows${t.all ? '' : ' (the nodes on the canvas)'}.`}{' '}
        {t.kind && inDatabase !== null && ofKind < inDatabase && t.all?.kind !== t.kind && (
          <button type="button" className="link" onClick={() => void loadAllOfKind(table, api, t.kind!)}>
            All {inDatabase} {kindStyle(t.kind).plural.toLowerCase()} ({ofKind} on the canvas)
          </button>
        )}
        {measures.type === 'ready' &&
          `Measures of the ${measures.value.nodes} nodes on the canvas (${Math.round(measures.value.ms)} ms).`}{' '}
        {measures.type === 'error' && <span className="error-text">{measures.message}</span>}
        {t.all?.nodes.type === 'loading' && 'Loading…'}
        {t.all?.nodes.type === 'error' && <span className="error-text">{t.all.nodes.message}</span>}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = t.sort.column === c.id;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    aria-sort={sorted ? (t.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      onClick={() => table.set((s) => ({ ...s, sort: nextSort(s.sort, c.id) }))}
                    >
                      {c.label}
                      <span aria-hidden="true">
                        {sorted ? (t.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={body}>
            {shown.map((r) => (
              <tr
                key={r.id}
                data-id={r.id}
                tabIndex={0}
                aria-selected={r.id === selectedId}
                className={r.id === selectedId ? 'selected' : r.onCanvas ? undefined : 'off-canvas'}
                onClick={() => onChoose(hitOf(r))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onChoose(hitOf(r));
                  }
                }}
              >
                {columns.map((c) => (
                  <td key={c.id} title={c.text(r)}>
                    {c.id === 'kind' && <KindSwatch kind={r.kind} />}
                    {c.text(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
