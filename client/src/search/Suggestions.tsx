// The search box's suggestion list (an ARIA listbox): searching, an error, no match, or the choices: the paths
// between two nodes when the words read "A to B", then the hits with their kind and date.
import type { SearchHit } from '../api/operations.ts';
import { kindStyle } from '../graph/kinds.ts';
import { KindSwatch } from '../legend/KindSwatch.tsx';
import type { Loadable } from '../shared/loadable.ts';
import { formatDate } from '../../../core/model/dates.ts';
import type { PathSuggestion } from './usePathSuggestion.ts';

/** One choice in the list. */
export type Choice = { type: 'hit'; hit: SearchHit } | ({ type: 'paths' } & PathSuggestion);

/** The choices in list order: the paths suggestion first (it is what "A to B" asks), then the hits. */
export function choicesOf(hits: readonly SearchHit[], paths: PathSuggestion | null): Choice[] {
  return [
    ...(paths ? [{ type: 'paths' as const, ...paths }] : []),
    ...hits.map((hit) => ({ type: 'hit' as const, hit })),
  ];
}

interface Props {
  /** The combobox's id: the list is `<id>-list`, its options `<id>-opt-<i>`. */
  id: string;
  hidden: boolean;
  query: string;
  result: Loadable<SearchHit[]>;
  choices: readonly Choice[];
  active: number;
  onActive: (i: number) => void;
  onChoose: (choice: Choice) => void;
}

/** The suggestions under the search box. */
export function Suggestions({ id, hidden, query, result, choices, active, onActive, onChoose }: Props) {
  return (
    <ul id={`${id}-list`} role="listbox" aria-label="Suggestions" className="suggestions" hidden={hidden}>
      {result.type === 'loading' && <li className="muted">Searching…</li>}
      {result.type === 'error' && (
        <li className="error-text" role="alert">
          {result.message}
        </li>
      )}
      {result.type === 'ready' && choices.length === 0 && <li className="muted">No match for “{query}”.</li>}
      {choices.map((choice, i) => (
        <li
          key={choice.type === 'hit' ? choice.hit.id : `paths:${choice.from.id}:${choice.to.id}`}
          id={`${id}-opt-${i}`}
          role="option"
          aria-selected={i === active}
          className={[i === active && 'active', choice.type === 'paths' && 'paths-choice']
            .filter(Boolean)
            .join(' ')}
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(choice);
          }}
          onMouseEnter={() => onActive(i)}
        >
          {choice.type === 'hit' ? <Hit hit={choice.hit} /> : <Paths {...choice} />}
        </li>
      ))}
    </ul>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <>
      <KindSwatch kind={hit.kind} />
      <span className="hit-label">{hit.label}</span>
      <span className="hit-meta">
        {kindStyle(hit.kind).label}
        {hit.date ? ` · ${formatDate(hit.date, hit.datePrecision, hit.endDate, hit.endDatePrecision)}` : ''}
      </span>
    </>
  );
}

function Paths({ from, to }: PathSuggestion) {
  return (
    <>
      <span className="paths-glyph" aria-hidden="true">
        ⇢
      </span>
      <span className="hit-label">
        How {from.label} is connected to {to.label}
      </span>
      <span className="hit-meta">Paths</span>
    </>
  );
}
