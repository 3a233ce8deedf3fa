// The header's toolbar is one stop in the Tab order (the ARIA toolbar pattern): Tab enters it on the tool last
// used, arrow keys (and Home, End) move between its tools, Tab leaves it. So the selected node's details are
// two Tab presses from the search box, not ten.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/** The toolbar's own tools (not the buttons inside the account menu). */
const TOOLS = ':scope > button:not([disabled]), :scope > a[href], :scope > details > summary';

/** The index `key` moves to from `index` among `count` tools, or null for a key that does not move. */
export function movedTo(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Roving focus for the toolbar `ref`: returns its key and focus handlers. */
export function useToolbarFocus(ref: RefObject<HTMLElement | null>) {
  const active = useRef(0);
  const tools = () => [...(ref.current?.querySelectorAll<HTMLElement>(TOOLS) ?? [])];
  // After every render: tools come and go (a disabled Undo, the "Memo graph" button), so tabindex is set again.
  useEffect(() => {
    const all = tools();
    if (active.current >= all.length) active.current = 0;
    all.forEach((el, i) => (el.tabIndex = i === active.current ? 0 : -1));
  });
  return {
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      const all = tools();
      const at = all.indexOf(e.target as HTMLElement);
      if (at < 0) return;
      const next = movedTo(e.key, at, all.length);
      if (next === null) return;
      e.preventDefault();
      all.forEach((el, i) => (el.tabIndex = i === next ? 0 : -1));
      active.current = next;
      all[next]!.focus();
    },
    onFocus: (e: { target: EventTarget }) => {
      const all = tools();
      const at = all.indexOf(e.target as HTMLElement);
      if (at < 0) return;
      active.current = at;
      all.forEach((el, i) => (el.tabIndex = i === at ? 0 : -1));
    },
  };
}
