// The one-line notice under the canvas: the rate-limit wait while the client waits it out, else the last
// notice (a node loading for search, or why it could not), which the analyst can dismiss.
import { waitingNotice, type ConnectionState } from './connection.ts';

/** The notice line, if there is one. */
export function Notices({ connection, onDismiss }: { connection: ConnectionState; onDismiss: () => void }) {
  const { waiting, notice } = connection;
  if (waiting.count > 0) {
    return (
      <div className="notice" role="status" data-testid="wait-notice">
        {waitingNotice(waiting)}
      </div>
    );
  }
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      {notice}{' '}
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
