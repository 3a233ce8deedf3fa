// What the saved-views panel says about its last write: busy, done, an error (with "Try again" when that may
// help), a refusal for the token (sign in with another), or a conflict with the choice it asks for.
import type { SignInReason } from '../access/access.ts';
import type { SavedViewInput } from '../api/types.ts';
import type { Status } from './status.ts';

interface Props {
  status: Status;
  onSignIn: (reason: SignInReason) => void;
  onLoadTheirs: (id: string) => void;
  onOverwrite: (id: string, input: SavedViewInput) => void;
  onCancel: () => void;
}

/** The status line (and choices) of the saved-views panel. */
export function ViewStatus({ status, onSignIn, onLoadTheirs, onOverwrite, onCancel }: Props) {
  return (
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
            <strong>Not saved.</strong> {status.message} Your picture is still on the canvas and your entries
            are kept: sign in with an editor token, then try again.
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
          {/* The choice is what matters now: focus it (this also scrolls it into view). */}
          <button type="button" autoFocus onClick={() => onLoadTheirs(status.id)}>
            Load their version
          </button>
          <button type="button" onClick={() => onOverwrite(status.id, status.input)}>
            Overwrite with mine
          </button>
          <button type="button" className="link" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
