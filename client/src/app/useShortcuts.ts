// Keyboard shortcuts of the page: `/` focuses the search box, Escape clears the selection and the path
// highlight, Ctrl/Cmd+Z undoes the last graph change (outside text fields).
import { useEffect, type RefObject } from 'react';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Installs the shortcuts for as long as the component is mounted. */
export function useShortcuts(
  search: RefObject<HTMLInputElement | null>,
  handlers: { clear: () => void; undo: () => void },
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        search.current?.focus();
      } else if (e.key === 'Escape') {
        handlers.clear();
      } else if (
        (e.ctrlKey || e.metaKey) &&
        e.key.toLowerCase() === 'z' &&
        !e.shiftKey &&
        !typing(e.target)
      ) {
        e.preventDefault();
        handlers.undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [search, handlers]);
}
