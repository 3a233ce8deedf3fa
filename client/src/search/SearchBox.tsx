// Search with suggestions as you type (debounced), of every kind or of the kind chosen beside the box, under the
// explorer's evidence filter when given one, as an ARIA combobox: arrows move through the suggestions, Enter
// chooses, Escape closes. Words that read "A to B" also offer the paths between the two (when `onPaths` is given). `/` anywhere focuses it (see app/useShortcuts.ts).
import { forwardRef, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../api/operations.ts';
import type { NodeKind } from '../api/types.ts';
import type { EvidenceFilter } from '../evidence/evidence.ts';
import { KindSelect } from '../legend/KindSelect.tsx';
import { choicesOf, Suggestions, type Choice } from './Suggestions.tsx';
import { useDebounced } from './useDebounced.ts';
import { MIN_QUERY, useSearch } from './useSearch.ts';
import { usePathSuggestion, type PathSuggestion } from './usePathSuggestion.ts';

interface Props {
  onChoose: (hit: SearchHit) => void;
  /** Offers "How A is connected to B" for words that read "A to B", and finds those paths when chosen. */
  onPaths?: (ends: PathSuggestion) => void;
  label?: string;
  placeholder?: string;
  /** Shown as the input's value when nothing is being typed (for the path pickers). */
  compact?: boolean;
  /** Offers a choice of kind beside the box (the header's search). */
  kindFilter?: boolean;
  /** The explorer's evidence filter: suggests only what the canvas would draw under it. */
  evidence?: EvidenceFilter;
}

/** The search box with its suggestion list. */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox(
  {
    onChoose,
    onPaths,
    label = 'Search the graph',
    placeholder = 'Search actors, meetings, quotes… (press /)',
    compact,
    kindFilter,
    evidence,
  },
  ref,
) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NodeKind | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // Closing on blur waits a moment (a click on a suggestion lands first); focus or typing cancels it, so a
  // close left over from an earlier blur cannot shut the list the analyst is typing into now.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const reopen = () => {
    clearTimeout(closing.current);
    setOpen(true);
  };
  const query = useDebounced(text.trim(), 200);
  const result = useSearch(query, setActive, kind, evidence);
  const paths = usePathSuggestion(query, evidence, !!onPaths);
  const id = useId();
  const listId = `${id}-list`;

  const choices = choicesOf(result.type === 'ready' ? result.value : [], paths);
  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    setOpen(false);
    if (choice.type === 'paths') {
      onPaths?.(choice);
      setText('');
      return;
    }
    onChoose(choice.hit);
    setText(compact ? choice.hit.label : '');
  };

  const expanded = open && query.length >= MIN_QUERY && result.type !== 'idle';
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, choices.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(choices[active]);
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.stopPropagation();
        setOpen(false);
      } else if (text) {
        e.stopPropagation();
        setText('');
      } else (e.target as HTMLInputElement).blur();
    }
  };
  return (
    <div className={compact ? 'search compact' : 'search'}>
      <label htmlFor={`${id}-input`} className={compact ? 'field-label' : 'visually-hidden'}>
        {label}
      </label>
      {kindFilter && (
        <KindSelect
          ariaLabel="Search in"
          className="search-kind"
          value={kind}
          onChange={(k) => {
            setKind(k);
            setOpen(true);
          }}
        />
      )}
      <input
        ref={ref}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && choices[active] ? `${id}-opt-${active}` : undefined}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          reopen();
        }}
        onFocus={reopen}
        onBlur={() => {
          clearTimeout(closing.current);
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      <Suggestions
        id={id}
        hidden={!expanded}
        query={query}
        result={result}
        choices={choices}
        active={active}
        onActive={setActive}
        onChoose={choose}
      />
    </div>
  );
});
