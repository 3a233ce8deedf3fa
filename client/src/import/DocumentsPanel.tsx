// The Documents tab: every document the graph holds (title, publisher, date, what it makes, who added it and
// when), each readable in the document view and removable after a confirmation; "Add document" is in the header.
import { useEffect } from 'react';
import { useStore, type Store } from '../shared/store.ts';
import { documentLine, documentName, documentsToggled, type DocumentsState } from './documents.ts';
import './import.css';

interface Props {
  state: Store<DocumentsState>;
  onLoad: () => void;
  onRead: (id: string) => void;
  onRemove: () => void;
  onAdd: () => void;
  /** The documents whose claims the canvas draws (null: all), and choosing them. */
  shown: string[] | null;
  onShow: (documents: string[] | null) => void;
}

/** The documents panel. */
export function DocumentsPanel({ state, onLoad, onRead, onRemove, onAdd, shown, onShow }: Props) {
  const s = useStore(state);
  useEffect(() => onLoad(), [onLoad]);
  return (
    <section className="panel documents" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      {s.list.type === 'loading' && <p className="muted">Loading…</p>}
      {s.list.type === 'error' && (
        <p className="error-text" role="alert">
          {s.list.message}
        </p>
      )}
      {s.list.type === 'ready' && s.list.value.length > 1 && (
        <p className="muted small">
          Untick a document to leave its claims off the canvas (what another document also names stays).
        </p>
      )}
      {s.list.type === 'ready' && (
        <ul className="document-list" data-testid="document-list">
          {s.list.value.map((d, _, all) => (
            <li key={d.id} data-id={d.id}>
              {all.length > 1 && (
                <input
                  type="checkbox"
                  aria-label={`Draw the claims of ${d.title}`}
                  checked={!shown || shown.includes(documentName(d.id))}
                  onChange={(e) =>
                    onShow(
                      documentsToggled(
                        shown,
                        all.map((x) => documentName(x.id)),
                        documentName(d.id),
                        e.target.checked,
                      ),
                    )
                  }
                />
              )}{' '}
              <button
                type="button"
                className="link"
                onClick={() => onRead(d.id)}
                title="Read it, every passage marked"
              >
                {d.title}
              </button>
              <p className="muted small">{documentLine(d)}</p>
              {s.confirming === d.id ? (
                <p className="small">
                  Remove “{d.title}”? Its claims leave the graph; what other documents say stays.{' '}
                  <button type="button" onClick={onRemove}>
                    Remove
                  </button>{' '}
                  <button type="button" onClick={() => state.set((x) => ({ ...x, confirming: null }))}>
                    Keep
                  </button>
                </p>
              ) : (
                <button
                  type="button"
                  className="link small"
                  aria-label={`Remove ${d.title}`}
                  onClick={() => state.set((x) => ({ ...x, confirming: d.id, status: null }))}
                >
                  remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {s.status?.type === 'removed' && <p role="status">Removed “{s.status.title}”.</p>}
      {s.status?.type === 'error' && (
        <p className="error-text" role="alert">
          {s.status.message}
        </p>
      )}
      <button type="button" onClick={onAdd}>
        Add document…
      </button>
    </section>
  );
}
