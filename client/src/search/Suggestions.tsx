// The search box's suggestion list (an ARIA listbox): searching, an error, no match, or the hits with their
// kind and date.
import type { SearchHit } from '../api/operations.ts';
import { kindStyle } from '../graph/kinds.ts';
import { KindSwatch } from '../legend/KindSwatch.tsx';
import type { Loadable } from '../shared/loadable.ts';
import { formatDate } from '../../../core/model/dates.ts';

interface Props {
  /** The combobox's id: the list is `<id>-list`, its options `<id>-opt-<i>`. */
  id: string;
  hidden: boolean;
  query: string;
  result: Loadable<SearchHit[]>;
  active: number;
  onActive: (i: number) => void;
  onChoose: (hit: SearchHit) => void;
}

/** The suggestions under the search box. */
export function Suggestions({ id, hidden, query, result, active, onActive, onChoose }: Props) {
  const hits = result.type === 'ready' ? result.value : [];
  return (
    <ul id={`${id}-list`} role="listbox" aria-label="Suggestions" className="suggestions" hidden={hidden}>
      {result.type === 'loading' && <li className="muted">Searching…</li>}
      {result.type === 'error' && (
        <li className="error-text" role="alert">
          {result.message}
        </li>
      )}
      {result.type === 'ready' && hits.length === 0 && <li className="muted">No match for “{query}”.</li>}
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={`${id}-opt-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(hit);
          }}
          onMouseEnter={() => onActive(i)}
        >
          <KindSwatch kind={hit.kind} />
          <span className="hit-label">{hit.label}</span>
          <span className="hit-meta">
            {kindStyle(hit.kind).label}
            {hit.date
              ? ` · ${formatDate(hit.date, hit.datePrecision, hit.endDate, hit.endDatePrecision)}`
              : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
