// Display names for nodes: the name or title, and for a statement a short form of its quote.

/** The longest label a statement gets, ellipsis included. */
export const MAX_QUOTE_LABEL = 80;

/** Shortens text to at most `max` characters, cutting at a word boundary and ending with "…". */
export function shorten(text: string, max = MAX_QUOTE_LABEL): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const cut = room.lastIndexOf(' ');
  const head = cut >= max / 2 ? room.slice(0, cut) : room;
  return `${head.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** The label of a stored node: name, title, a statement's shortened quote, or its id as the last resort. */
export function nodeLabel(props: Record<string, unknown>): string {
  for (const key of ['name', 'title'] as const) {
    const value = props[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  if (typeof props.text === 'string' && props.text.trim() !== '') return shorten(props.text);
  return typeof props.id === 'string' ? props.id : '(unnamed)';
}
