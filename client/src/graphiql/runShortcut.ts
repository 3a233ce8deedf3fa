// Ctrl+Enter (Cmd+Enter on a Mac) runs the query wherever the focus is in the console. GraphiQL binds it only
// inside its editors, so after a click on another tab (focus on the tab's button) the shortcut did nothing.
// The editors keep handling it themselves (they mark the event handled, and it is left alone here).

/** Whether `e` is the run shortcut and no editor has handled it. */
export function isUnhandledRun(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'defaultPrevented'>) {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented;
}

/** Installs the shortcut on `doc`; returns its removal. */
export function installRunShortcut(doc: Document = document): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!isUnhandledRun(e)) return;
    const run = doc.querySelector<HTMLButtonElement>('.graphiql-execute-button');
    if (!run || run.disabled) return;
    e.preventDefault();
    run.click();
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
