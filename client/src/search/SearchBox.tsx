// Search with suggestions as you type (debounced), as an ARIA combobox: arrows move through the
// suggestions, Enter chooses, Escape closes. `/` anywhere focuses it (see app/useShortcuts.ts).
import { forwardRef, useEffect, useId, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api, type SearchHit } from '../api/operations.ts';
import { kindStyle } from '../graph/kinds.ts';
import { KindSwatch } from '../legend/KindSwatch.tsx';
import { failed, idle, loading, ready, type Loadable } from '../state/loadable.ts';
import { formatDate } from '../state/time.ts';
import { useDebounced } from './useDebounced.ts';

interface Props {
  onChoose: (hit: SearchHit) => void;
  label?: string;
  placeholder?: string;
  /** Shown as the input's value when nothing is being typed (for the path pickers). */
  compact?: boolean;
}

/** The search box with its suggestion list. */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox(
  {
    onChoose,
    label = 'Search the graph',
    placeholder = 'Search actors, meetings, quotes… (press /)',
    compact,
  },
  ref,
) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [result, setResult] = useState<Loadable<SearchHit[]>>(idle);
  const query = useDebounced(text.trim(), 200);
  const id = useId();
  const listId = `${id}-list`;

  useEffect(() => {
    if (query.length < 2) {
      setResult(idle);
      return;
    }
    const controller = new AbortController();
    setResult(loading);
    api
      .search(query, undefined, 10, controller.signal)
      .then((hits) => {
        setResult(ready(hits));
        setActive(0);
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== 'AbortError') setResult(failed(describeError(e)));
      });
    return () => controller.abort();
  }, [query]);

  const hits = result.type === 'ready' ? result.value : [];
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setOpen(false);
    setText(compact ? hit.label : '');
  };

  const expanded = open && query.length >= 2 && result.type !== 'idle';
  return (
    <div className={compact ? 'search compact' : 'search'}>
      <label htmlFor={`${id}-input`} className={compact ? 'field-label' : 'visually-hidden'}>
        {label}
      </label>
      <input
        ref={ref}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits[active] ? `${id}-opt-${active}` : undefined}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === 'Escape') {
            if (expanded) {
              e.stopPropagation();
              setOpen(false);
            } else if (text) {
              e.stopPropagation();
              setText('');
            } else (e.target as HTMLInputElement).blur();
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!expanded}>
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
              choose(hit);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <KindSwatch kind={hit.kind} />
            <span className="hit-label">{hit.label}</span>
            <span className="hit-meta">
              {kindStyle(hit.kind).label}
              {hit.date ? ` · ${formatDate(hit.date)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
});
