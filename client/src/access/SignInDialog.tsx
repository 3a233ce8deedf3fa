// The sign-in dialog: asks for an access token, checks it with the server (the `viewer` query) before keeping
// it, and keeps it for this tab or, if the analyst chooses, on this browser. A modal <dialog>: focus stays in
// it, Escape cancels.
import { useEffect, useRef, useState } from 'react';
import { ApiError, describeError } from '../api/client.ts';
import { api } from '../api/operations.ts';
import { tokens } from '../api/token.ts';
import type { Viewer } from '../api/types.ts';
import type { SignInReason } from './access.ts';

const LEADS: Record<SignInReason, string> = {
  required:
    'This explorer needs an access token. Ask whoever runs it for one: a reader token lets you explore, an editor token also lets you save views.',
  refused: 'The server no longer accepts the token in use. Sign in again with a valid access token.',
  forbidden:
    'Your token can read but not save. Sign in with an editor token to save views; your picture stays on the canvas as it is.',
  save: 'Saving views needs an editor token. Sign in with one; your picture stays on the canvas as it is.',
  change: 'Sign in with another access token.',
};

interface Props {
  reason: SignInReason;
  /** Called with the server's view of the new token once it is checked and kept. */
  onSignedIn: (viewer: Viewer) => void;
  onCancel: () => void;
}

/** The modal sign-in dialog. */
export function SignInDialog({ reason, onSignedIn, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(() => tokens.remembered());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = async () => {
    const candidate = token.trim();
    if (!candidate) return;
    setBusy(true);
    setError(null);
    try {
      const viewer = await api.viewer(candidate);
      tokens.set(candidate, remember);
      onSignedIn(viewer);
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'UNAUTHENTICATED'
          ? 'The server did not accept this token. Check it (letters and digits must match exactly) and try again.'
          : describeError(e),
      );
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="sign-in"
      aria-labelledby="sign-in-title"
      aria-describedby="sign-in-lead"
      data-testid="sign-in"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="sign-in-title">Sign in</h2>
        <p id="sign-in-lead">{LEADS[reason]}</p>
        <label className="field-label" htmlFor="access-token">
          Access token
        </label>
        <input
          id="access-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
        <label className="check remember">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          Remember on this browser
        </label>
        <p className="muted small">
          {remember
            ? 'Kept on this browser until you sign out, also after it closes. Choose this only on a computer no one else uses.'
            : 'Kept for this tab only: forgotten when it closes.'}
        </p>
        {error && (
          <p id="sign-in-error" className="error-text" role="alert">
            {error}
          </p>
        )}
        <p className="dialog-buttons">
          <button type="submit" disabled={busy || !token.trim()}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      </form>
    </dialog>
  );
}
