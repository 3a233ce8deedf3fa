// The list of saved views: each one's name (a link that opens it), size, version, description and history (a
// disclosure), with Open, Rename (an inline form) and Delete (an inline confirmation).
import { useState } from 'react';
import type { SavedViewSummary } from '../api/types.ts';
import type { Loadable } from '../shared/loadable.ts';
import type { CurrentView } from './savedViews.ts';
import { ViewFields } from './ViewFields.tsx';
import { viewPath } from './views.ts';
import { History } from '../history/History.tsx';

interface Props {
  views: Loadable<SavedViewSummary[]>;
  current: CurrentView | null;
  busy: boolean;
  /** The view whose rename form is open, and the one whose delete asks for confirmation. */
  renaming: string | null;
  deleting: string | null;
  onRenaming: (id: string | null) => void;
  onDeleting: (id: string | null) => void;
  onOpen: (id: string) => void;
  onRename: (view: SavedViewSummary, name: string, description: string) => void;
  onDelete: (view: SavedViewSummary) => void;
  reloadViews: () => void;
}

/** The saved views, or why they are not shown. */
export function ViewList(props: Props) {
  const { views, current, renaming, busy, onRenaming, onRename, reloadViews } = props;
  if (views.type === 'loading') return <p className="muted">Loading views…</p>;
  if (views.type === 'error') {
    return (
      <p className="error-text">
        {views.message}{' '}
        <button type="button" onClick={reloadViews}>
          Retry
        </button>
      </p>
    );
  }
  if (views.type !== 'ready') return null;
  if (views.value.length === 0) return <p className="muted">No saved view yet.</p>;
  return (
    <ul className="view-list" data-testid="view-list">
      {views.value.map((v) => (
        <li key={v.id} className={current?.id === v.id ? 'view current' : 'view'}>
          {renaming === v.id ? (
            <RenameForm
              view={v}
              busy={busy}
              onCancel={() => onRenaming(null)}
              onSubmit={(n, d) => onRename(v, n, d)}
            />
          ) : (
            <ViewItem {...props} view={v} />
          )}
        </li>
      ))}
    </ul>
  );
}

const noNames = () => null;

function ViewItem({
  view: v,
  busy,
  deleting,
  onDeleting,
  onRenaming,
  onOpen,
  onDelete,
}: Props & { view: SavedViewSummary }) {
  return (
    <>
      <a
        href={viewPath(v.id)}
        className="view-name"
        onClick={(e) => {
          e.preventDefault();
          onOpen(v.id);
        }}
      >
        {v.name}
      </a>
      <span className="muted small">
        {' '}
        {v.nodeCount} nodes · v{v.version}
      </span>
      {v.description && <p className="small">{v.description}</p>}
      <History id={v.id} refresh={String(v.version)} nameOf={noNames} unchanged="No change recorded." />
      {deleting === v.id ? (
        <span role="alertdialog" aria-label={`Delete ${v.name}?`} className="confirm">
          Delete “{v.name}”?{' '}
          <button type="button" className="danger" onClick={() => onDelete(v)} disabled={busy}>
            Delete
          </button>{' '}
          <button type="button" onClick={() => onDeleting(null)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="view-actions">
          <button type="button" onClick={() => onOpen(v.id)} aria-label={`Open ${v.name}`}>
            Open
          </button>
          <button type="button" onClick={() => onRenaming(v.id)} aria-label={`Rename ${v.name}`}>
            Rename
          </button>
          <button type="button" onClick={() => onDeleting(v.id)} aria-label={`Delete ${v.name}`}>
            Delete
          </button>
        </span>
      )}
    </>
  );
}

function RenameForm({
  view,
  busy,
  onSubmit,
  onCancel,
}: {
  view: SavedViewSummary;
  busy: boolean;
  onSubmit: (name: string, description: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(view.name);
  const [description, setDescription] = useState(view.description ?? '');
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(name, description);
      }}
    >
      <ViewFields
        ids={[`rename-${view.id}`, `redescribe-${view.id}`]}
        nameLabel="New name"
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        autoFocus
      />
      <button type="submit" disabled={busy || !name.trim()}>
        Rename
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
