// Saved views: save the current picture (nodes, relationships, positions, viewport, filters) with a name and
// description; list, open, rename, update and delete them. An update made from a stale version gets CONFLICT
// from the API, and the analyst chooses: load their version, or overwrite it with this one. A write the token may
// not make (FORBIDDEN, UNAUTHENTICATED) keeps the picture and the form as they are and offers to sign in with
// another token; one the server asked to slow down for (RATE_LIMITED) or stopped (REQUEST_TIMEOUT) offers to
// try again.
import { useState } from 'react';
import type { SignInReason } from '../access/SignInDialog.tsx';
import { ApiError, describeError, type ApiErrorCode } from '../api/client.ts';
import { api } from '../api/operations.ts';
import type { SavedViewInput, SavedViewSummary, Viewer } from '../api/types.ts';
import type { Loadable } from '../state/loadable.ts';

export interface CurrentView {
  id: string;
  name: string;
  description: string | null;
  version: number;
}

type Status =
  | { type: 'idle' }
  | { type: 'busy'; what: string }
  | { type: 'done'; message: string }
  | { type: 'error'; message: string; retry?: () => void }
  | { type: 'denied'; message: string; retry: () => void }
  | { type: 'conflict'; id: string; name: string; input: SavedViewInput; message: string };

interface Props {
  views: Loadable<SavedViewSummary[]>;
  current: CurrentView | null;
  /** The current picture as a view input (needs the canvas for positions and viewport). */
  snapshot: (meta: { name: string; description: string }) => SavedViewInput | null;
  onSaved: (view: SavedViewSummary) => void;
  onOpen: (id: string) => void;
  onDeleted: (id: string) => void;
  reloadViews: () => void;
  /** Who is signed in, so that a reader is told before trying that saving needs an editor token. */
  viewer: Loadable<Viewer>;
  /** Opens the sign-in dialog. */
  onSignIn: (reason: SignInReason) => void;
}

/** Failures worth simply trying again a little later. */
const TRANSIENT: ApiErrorCode[] = ['RATE_LIMITED', 'REQUEST_TIMEOUT', 'NETWORK', 'DATABASE_UNAVAILABLE'];

/** The saved-views panel. */
export function ViewsPanel({
  views,
  current,
  snapshot,
  onSaved,
  onOpen,
  onDeleted,
  reloadViews,
  viewer,
  onSignIn,
}: Props) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<Status>({ type: 'idle' });
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  /** Shows why a write failed, with the way on: sign in with another token, or try again. */
  const failWrite = (e: unknown, retry: () => void) => {
    const code = e instanceof ApiError ? e.code : undefined;
    if (code === 'FORBIDDEN') {
      setStatus({
        type: 'denied',
        message: `Your token can read but not save: ${(e as ApiError).message}`,
        retry,
      });
    } else if (code === 'UNAUTHENTICATED') {
      setStatus({ type: 'denied', message: 'Saving needs an editor token, and none was accepted.', retry });
    } else {
      setStatus({
        type: 'error',
        message: describeError(e),
        ...(code && TRANSIENT.includes(code) ? { retry } : {}),
      });
    }
  };

  const fail = (e: unknown, id: string, viewName: string, input: SavedViewInput, retry: () => void) => {
    if (e instanceof ApiError && e.code === 'CONFLICT') {
      setStatus({
        type: 'conflict',
        id,
        name: viewName,
        input,
        message: `Someone else changed “${viewName}” after you opened it. Your changes are not saved yet.`,
      });
    } else failWrite(e, retry);
  };

  const save = async () => {
    const input = snapshot({ name, description });
    if (!input) return;
    setStatus({ type: 'busy', what: 'Saving…' });
    try {
      const saved = await api.saveView(input);
      onSaved(saved);
      setName('');
      setDescription('');
      setStatus({ type: 'done', message: `Saved “${saved.name}”.` });
      reloadViews();
    } catch (e) {
      failWrite(e, () => void save());
    }
  };

  const update = async () => {
    if (!current) return;
    const input = snapshot({ name: current.name, description: current.description ?? '' });
    if (!input) return;
    setStatus({ type: 'busy', what: 'Updating…' });
    try {
      const saved = await api.updateView(current.id, current.version, input);
      onSaved(saved);
      setStatus({ type: 'done', message: `Updated “${saved.name}” (version ${saved.version}).` });
      reloadViews();
    } catch (e) {
      fail(e, current.id, current.name, input, () => void update());
    }
  };

  const overwrite = async (id: string, input: SavedViewInput) => {
    setStatus({ type: 'busy', what: 'Overwriting…' });
    try {
      const latest = await api.view(id);
      if (!latest) throw new ApiError('The view was deleted meanwhile.', 'NOT_FOUND');
      const saved = await api.updateView(id, latest.version, input);
      if (current?.id === id) onSaved(saved);
      setStatus({
        type: 'done',
        message: `Overwrote “${saved.name}” with your version (now version ${saved.version}).`,
      });
      reloadViews();
    } catch (e) {
      fail(e, id, input.name, input, () => void overwrite(id, input));
    }
  };

  const rename = async (view: SavedViewSummary, newName: string, newDescription: string) => {
    setStatus({ type: 'busy', what: 'Renaming…' });
    let input: SavedViewInput | null = null;
    try {
      const full = await api.view(view.id);
      if (!full) throw new ApiError('The view was deleted meanwhile.', 'NOT_FOUND');
      input = {
        name: newName.trim(),
        description: newDescription.trim() || null,
        nodeIds: full.nodeIds,
        edgeIds: full.edgeIds,
        layout: full.layout,
        filter: full.filter,
      };
      const saved = await api.updateView(view.id, view.version, input);
      if (current?.id === view.id) onSaved(saved);
      setRenaming(null);
      setStatus({ type: 'done', message: `Renamed to “${saved.name}”.` });
      reloadViews();
    } catch (e) {
      const retry = () => void rename(view, newName, newDescription);
      if (input) fail(e, view.id, view.name, input, retry);
      else failWrite(e, retry);
    }
  };

  const remove = async (view: SavedViewSummary) => {
    setStatus({ type: 'busy', what: 'Deleting…' });
    try {
      await api.deleteView(view.id);
      setDeleting(null);
      onDeleted(view.id);
      setStatus({ type: 'done', message: `Deleted “${view.name}”.` });
      reloadViews();
    } catch (e) {
      failWrite(e, () => void remove(view));
    }
  };

  const reader =
    viewer.type === 'ready' && viewer.value.tokensRequired && viewer.value.role === 'READER'
      ? viewer.value
      : null;
  const busy = status.type === 'busy';
  return (
    <section className="panel views" aria-labelledby="views-title">
      <h2 id="views-title">Saved views</h2>
      {current && (
        <div className="current-view" data-testid="current-view">
          <p>
            Open: <strong>{current.name}</strong>{' '}
            <span className="muted small">version {current.version}</span>
          </p>
          <label className="field-label" htmlFor="view-link">
            Link to this view
          </label>
          <input
            id="view-link"
            readOnly
            value={`${location.origin}/?view=${encodeURIComponent(current.id)}`}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" onClick={() => void update()} disabled={busy}>
            Update “{current.name}” with this picture
          </button>
        </div>
      )}
      <div aria-live="polite" className="view-status">
        {status.type === 'busy' && <p className="muted">{status.what}</p>}
        {status.type === 'done' && <p className="ok-text">{status.message}</p>}
        {status.type === 'error' && (
          <p className="error-text" role="alert">
            {status.message}{' '}
            {status.retry && (
              <button type="button" onClick={status.retry}>
                Try again
              </button>
            )}
          </p>
        )}
        {status.type === 'denied' && (
          <div className="conflict" role="alert" data-testid="not-allowed">
            <p>
              <strong>Not saved.</strong> {status.message} Your picture is still on the canvas and your
              entries are kept: sign in with an editor token, then try again.
            </p>
            <button type="button" autoFocus onClick={() => onSignIn('forbidden')}>
              Sign in with another token
            </button>
            <button type="button" onClick={status.retry}>
              Try again
            </button>
          </div>
        )}
        {status.type === 'conflict' && (
          <div className="conflict" role="alertdialog" aria-labelledby="conflict-text" data-testid="conflict">
            <p id="conflict-text">
              <strong>Conflict.</strong> {status.message}
            </p>
            <button
              type="button"
              // The choice is what matters now: focus it (this also scrolls it into view).
              autoFocus
              onClick={() => {
                setStatus({ type: 'idle' });
                onOpen(status.id);
              }}
            >
              Load their version
            </button>
            <button type="button" onClick={() => void overwrite(status.id, status.input)}>
              Overwrite with mine
            </button>
            <button type="button" className="link" onClick={() => setStatus({ type: 'idle' })}>
              Cancel
            </button>
          </div>
        )}
      </div>

      {reader && (
        <p className="muted small" data-testid="read-only">
          {reader.name
            ? `Signed in as ${reader.name} with a reader token: you can open views, but saving needs an editor token.`
            : 'Reading without a token: saving views needs an editor token.'}{' '}
          <button type="button" className="link" onClick={() => onSignIn(reader.name ? 'forbidden' : 'save')}>
            Sign in with an editor token
          </button>
        </p>
      )}
      <form
        className="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field-label" htmlFor="view-name">
          Name
        </label>
        <input
          id="view-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label className="field-label" htmlFor="view-description">
          Description
        </label>
        <textarea
          id="view-description"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <button type="submit" disabled={busy || !name.trim()}>
          Save as new view
        </button>
      </form>

      {views.type === 'loading' && <p className="muted">Loading views…</p>}
      {views.type === 'error' && (
        <p className="error-text">
          {views.message}{' '}
          <button type="button" onClick={reloadViews}>
            Retry
          </button>
        </p>
      )}
      {views.type === 'ready' && views.value.length === 0 && <p className="muted">No saved view yet.</p>}
      {views.type === 'ready' && views.value.length > 0 && (
        <ul className="view-list" data-testid="view-list">
          {views.value.map((v) => (
            <li key={v.id} className={current?.id === v.id ? 'view current' : 'view'}>
              {renaming === v.id ? (
                <RenameForm
                  view={v}
                  busy={busy}
                  onCancel={() => setRenaming(null)}
                  onSubmit={(n, d) => void rename(v, n, d)}
                />
              ) : (
                <>
                  <a
                    href={`/?view=${encodeURIComponent(v.id)}`}
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
                    {v.nodeIds.length} nodes · v{v.version}
                  </span>
                  {v.description && <p className="small">{v.description}</p>}
                  {deleting === v.id ? (
                    <span role="alertdialog" aria-label={`Delete ${v.name}?`} className="confirm">
                      Delete “{v.name}”?{' '}
                      <button type="button" className="danger" onClick={() => void remove(v)} disabled={busy}>
                        Delete
                      </button>{' '}
                      <button type="button" onClick={() => setDeleting(null)}>
                        Keep
                      </button>
                    </span>
                  ) : (
                    <span className="view-actions">
                      <button type="button" onClick={() => onOpen(v.id)} aria-label={`Open ${v.name}`}>
                        Open
                      </button>
                      <button type="button" onClick={() => setRenaming(v.id)} aria-label={`Rename ${v.name}`}>
                        Rename
                      </button>
                      <button type="button" onClick={() => setDeleting(v.id)} aria-label={`Delete ${v.name}`}>
                        Delete
                      </button>
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
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
      <label className="field-label" htmlFor={`rename-${view.id}`}>
        New name
      </label>
      <input
        id={`rename-${view.id}`}
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoFocus
      />
      <label className="field-label" htmlFor={`redescribe-${view.id}`}>
        Description
      </label>
      <textarea
        id={`redescribe-${view.id}`}
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
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
