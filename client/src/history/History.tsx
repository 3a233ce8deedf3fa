// The "History" section of a node's or relationship's details: its changes, newest first, each as one line in
// words with who and when, and its before and after in full behind a disclosure. A disclosure itself (<details>,
// which the keyboard opens with Enter or Space): the history is asked for only once it is opened, and asked
// again for each node selected while it stays open, or when the selected item changes (an edit reloads it).
import { useState } from 'react';
import { api } from '../api/operations.ts';
import type { ChangeEvent } from '../api/types.ts';
import type { Loadable } from '../shared/loadable.ts';
import { useAnswer } from '../shared/useAnswer.ts';
import { describeEvent, snapshotText, whoAndWhen, type NameOf } from './describe.ts';

interface Props {
  /** The node's or relationship's id. */
  id: string;
  /** Anything that changes when the item does (its properties): the history is asked for again then. */
  refresh: string;
  /** What the page calls an id (the working graph's labels), for merges and relationships. */
  nameOf: NameOf;
  /** Said when it has no event: where it came from. */
  unchanged: string;
}

/** The disclosure with the item's history. */
export function History({ id, refresh, nameOf, unchanged }: Props) {
  const [open, setOpen] = useState(false);
  const events = useAnswer(open ? id : null, refresh, (signal) => api.history(id, signal));
  return (
    <details
      className="history"
      data-testid="history"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h4>History</h4>
      </summary>
      {open && <Events events={events} subject={id} nameOf={nameOf} unchanged={unchanged} />}
    </details>
  );
}

function Events({
  events,
  subject,
  nameOf,
  unchanged,
}: {
  events: Loadable<ChangeEvent[]>;
  subject: string;
  nameOf: NameOf;
  unchanged: string;
}) {
  if (events.type === 'loading') return <p className="muted">Loading…</p>;
  if (events.type === 'error') return <p className="muted">Unavailable: {events.message}</p>;
  if (events.type !== 'ready') return null;
  if (events.value.length === 0)
    return (
      <p className="muted" data-testid="history-none">
        {unchanged}
      </p>
    );
  return (
    <ol className="history-list" aria-label="Changes, newest first">
      {events.value.map((e) => (
        <li key={e.id} data-action={e.action}>
          <span className="history-what">{describeEvent(e, subject, nameOf)}</span>
          <span className="muted small"> {whoAndWhen(e)}</span>
          <details className="history-full">
            <summary className="small">Before and after</summary>
            <div className="history-snapshots">
              <p className="small muted">Before</p>
              <pre>{snapshotText(e.before)}</pre>
              <p className="small muted">After</p>
              <pre>{snapshotText(e.after)}</pre>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
