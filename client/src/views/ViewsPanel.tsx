// Saved views: save the current picture (nodes, relationships, positions, viewport, filters) with a name and
// description; list, open, rename, update and delete them. An update made from a stale version gets CONFLICT
// from the API, and the analyst chooses: load their version, or overwrite it with this one. A write the token may
// not make (FORBIDDEN, UNAUTHENTICATED) keeps the picture and the form as they are and offers to sign in with
// another token; one the server asked to slow down for (RATE_LIMITED) or stopped (REQUEST_TIMEOUT) offers to
// try again. The open view's versions can be opened, compared (with the current one or each other) and restored (Versions.tsx,
// versionFlows.ts). The workflows are in flows.ts, what the panel says about them in status.ts.
import { useState } from 'react';
import { readOnlyViewer, type SignInReason } from '../access/access.ts';
import { api } from '../api/operations.ts';
import type { SavedViewInput, SavedViewSummary, Viewer } from '../api/types.ts';
import type { Loadable } from '../shared/loadable.ts';
import { overwrite, rename, remove, saveNew, updateCurrent, type ViewFlowDeps } from './flows.ts';
import type { CurrentView } from './savedViews.ts';
import { idleStatus, type Status } from './status.ts';
import { ViewFields } from './ViewFields.tsx';
import { ViewList } from './ViewList.tsx';
import { viewLink } from './views.ts';
import { copyViewLink, type Clipboard } from './copyLink.ts';
import { ViewStatus } from './ViewStatus.tsx';
import type { EarlierVersion } from '../explorer/state.ts';
import { Versions } from './Versions.tsx';
import { compareViewVersions, openVersion, restoreVersion, type VersionDeps } from './versionFlows.ts';

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
  /** The earlier version of a view drawn now, if any (read-only: the open view cannot be updated from it). */
  earlier: EarlierVersion | null;
  /** What the versions' workflows need beside the panel's status: the canvas's store, and a restore's reload. */
  versions: Omit<VersionDeps, 'api' | 'setStatus'> & { back: () => void };
}

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
  earlier,
  versions,
}: Props) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<Status>(idleStatus);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ id: string; message: string } | null>(null);
  const deps: ViewFlowDeps = {
    api,
    current,
    snapshot,
    onSaved,
    onDeleted,
    reloadViews,
    setStatus,
    formSaved: () => {
      setName('');
      setDescription('');
    },
    renamed: () => setRenaming(null),
    deleted: () => setDeleting(null),
  };
  const versionDeps: VersionDeps = { ...versions, api, setStatus };
  const reader = readOnlyViewer(viewer);
  const busy = status.type === 'busy';
  // An earlier version on the canvas is read-only: restoring it is how it becomes the view again.
  const showingEarlier = !!current && earlier?.viewId === current.id;
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
            value={viewLink(location.origin, current.id)}
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            onClick={() =>
              void copyViewLink(
                navigator.clipboard as Clipboard | undefined,
                location.origin,
                current.id,
              ).then((message) => setCopied({ id: current.id, message }))
            }
          >
            Copy link
          </button>{' '}
          <span role="status" className="muted small" data-testid="copy-link-status">
            {copied?.id === current.id ? copied.message : ''}
          </span>
          <button type="button" onClick={() => void updateCurrent(deps)} disabled={busy || showingEarlier}>
            Update “{current.name}” with this picture
          </button>
          {showingEarlier && (
            <p className="muted small">
              An earlier version is shown, read-only: restore it to make it the current one, or{' '}
              <button type="button" className="link" onClick={versions.back}>
                go back to the current version
              </button>
              .
            </p>
          )}
          <Versions
            current={current}
            earlier={earlier}
            busy={busy}
            actions={{
              open: (id, version, currentVersion) =>
                void openVersion(versionDeps, id, version, currentVersion),
              compare: (id, version, later) => void compareViewVersions(versionDeps, id, version, later),
              restore: (id, version) => void restoreVersion(versionDeps, id, version),
              back: versions.back,
            }}
          />
        </div>
      )}
      <ViewStatus
        status={status}
        onSignIn={onSignIn}
        onLoadTheirs={(id) => {
          setStatus(idleStatus);
          onOpen(id);
        }}
        onOverwrite={(id, input) => void overwrite(deps, id, input)}
        onCancel={() => setStatus(idleStatus)}
      />
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
          void saveNew(deps, { name, description });
        }}
      >
        <ViewFields
          ids={['view-name', 'view-description']}
          name={name}
          description={description}
          onName={setName}
          onDescription={setDescription}
        />
        <button type="submit" disabled={busy || !name.trim()}>
          Save as new view
        </button>
      </form>
      <ViewList
        views={views}
        current={current}
        busy={busy}
        renaming={renaming}
        deleting={deleting}
        onRenaming={setRenaming}
        onDeleting={setDeleting}
        onOpen={onOpen}
        onRename={(v, n, d) => void rename(deps, v, n, d)}
        onDelete={(v) => void remove(deps, v)}
        reloadViews={reloadViews}
      />
    </section>
  );
}
