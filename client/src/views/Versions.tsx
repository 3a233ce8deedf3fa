// The open view's versions, from its history: each version's number, what made it, who and when; for each
// earlier one "Open" (drawn read-only), "Compare with current" (what was added and removed, on the canvas and
// counted here) and "Restore" (it becomes the newest version). A disclosure, asked for once opened and again
// when the view's version changes.
import { useState } from 'react';
import { api } from '../api/operations.ts';
import type { EarlierVersion } from '../explorer/state.ts';
import { localMinute } from '../history/describe.ts';
import { useAnswer } from '../shared/useAnswer.ts';
import type { CurrentView } from './savedViews.ts';
import { diffWords, versionsOf, versionWords } from './versions.ts';

/** What the list's buttons do (the app's bound actions). */
export interface VersionActions {
  open: (id: string, version: number, currentVersion: number) => void;
  /** Compares `version` with `later` (null: the current version). */
  compare: (id: string, version: number, later: number | null) => void;
  restore: (id: string, version: number) => void;
  back: () => void;
}

interface Props {
  current: CurrentView;
  /** The earlier version drawn now, if any (of this view or another). */
  earlier: EarlierVersion | null;
  busy: boolean;
  actions: VersionActions;
}

/** The versions disclosure of the open view. */
export function Versions({ current, earlier, busy, actions }: Props) {
  const [open, setOpen] = useState(false);
  const events = useAnswer(open ? current.id : null, current.version, (signal) =>
    api.history(current.id, signal),
  );
  const shown = earlier?.viewId === current.id ? earlier : null;
  return (
    <details
      className="versions"
      data-testid="versions"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Versions</summary>
      {shown?.compare && (
        <p className="version-diff" data-testid="version-diff" role="status">
          Version {shown.version} → {shown.currentVersion}
          {shown.compare.isCurrent ? ' (current)' : ''}: {diffWords(shown.compare.diff)}
          {shown.compare.unseen > 0 && ` (${shown.compare.unseen} removed no longer in the graph, not drawn)`}
          . <span className="diff-key added">added</span> <span className="diff-key removed">removed</span>
        </p>
      )}
      {events.type === 'loading' && open && <p className="muted">Loading…</p>}
      {events.type === 'error' && <p className="muted">Unavailable: {events.message}</p>}
      {events.type === 'ready' && versionsOf(events.value).length > 2 && (
        <CompareTwo
          versions={versionsOf(events.value).map((v) => v.version)}
          onCompare={(a, b) => actions.compare(current.id, Math.min(a, b), Math.max(a, b))}
        />
      )}
      {events.type === 'ready' && (
        <ol className="version-list" aria-label={`Versions of ${current.name}, newest first`}>
          {versionsOf(events.value).map((v) => {
            const isCurrent = v.version === current.version;
            const label = `version ${v.version}`;
            return (
              <li
                key={v.version}
                data-version={v.version}
                className={shown?.version === v.version ? 'version shown' : 'version'}
              >
                <span>
                  <strong>Version {v.version}</strong> {versionWords(v)}
                  {isCurrent && <span className="muted"> (current)</span>}
                </span>
                <span className="muted small">
                  {' '}
                  {v.by ?? 'unknown'} · {localMinute(v.at)}
                </span>
                {!isCurrent && (
                  <span className="view-actions">
                    <button
                      type="button"
                      aria-label={`Open ${label}`}
                      onClick={() => actions.open(current.id, v.version, current.version)}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      aria-label={`Compare ${label} with current`}
                      onClick={() => actions.compare(current.id, v.version, null)}
                    >
                      Compare with current
                    </button>
                    <button
                      type="button"
                      aria-label={`Restore ${label}`}
                      disabled={busy}
                      onClick={() => actions.restore(current.id, v.version)}
                    >
                      Restore
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}

/** Two versions chosen and compared (what the later one added and removed); offered from three versions on. */
function CompareTwo({
  versions,
  onCompare,
}: {
  versions: number[];
  onCompare: (a: number, b: number) => void;
}) {
  const [a, setA] = useState(versions[versions.length - 1]!);
  const [b, setB] = useState(versions[1]!);
  const pick = (label: string, value: number, set: (v: number) => void) => (
    <select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))}>
      {versions.map((v) => (
        <option key={v} value={v}>
          version {v}
        </option>
      ))}
    </select>
  );
  return (
    <p className="version-compare-two">
      Compare {pick('Compare from version', a, setA)} with {pick('Compare with version', b, setB)}{' '}
      <button type="button" disabled={a === b} onClick={() => onCompare(a, b)}>
        Compare
      </button>
    </p>
  );
}

/** Over the canvas while an earlier version is drawn: which, read-only, and the way back to the current one. */
export function EarlierBanner({ earlier, onBack }: { earlier: EarlierVersion | null; onBack: () => void }) {
  if (!earlier) return null;
  return (
    <div className="earlier-banner" role="status" data-testid="earlier-version">
      <p>
        {earlier.compare ? (
          <>
            Comparing version {earlier.version} of “{earlier.name}” with{' '}
            {earlier.compare.isCurrent ? 'the current version' : 'version'} ({earlier.currentVersion}):{' '}
            <span className="diff-key added">added</span> since,{' '}
            <span className="diff-key removed">removed</span> since.
          </>
        ) : (
          <>
            Version {earlier.version} of “{earlier.name}”: an earlier version (the current one is{' '}
            {earlier.currentVersion}), read-only.
          </>
        )}
      </p>
      <button type="button" onClick={onBack}>
        Back to the current version
      </button>
    </div>
  );
}
