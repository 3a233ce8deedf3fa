// "Add document": choose a document's files (the seed format: document.yaml, actors.yaml…, text.txt; or a GraphML
// file or a nodes and relationships CSV pair, with the title the form asks for), read what importing them would
// change and how their entities match the graph's, confirm or change each match, import.
// Or paste a document's plain text (or choose one .txt file): the server proposes a draft, the analyst accepts
// quotes and names the document, and the files made of it are reviewed the same way. Nothing is written before
// "Import"; a refusal (no editor token) offers to sign in.
import { useState } from 'react';
import { useStore } from '../shared/store.ts';
import type { Store } from '../shared/store.ts';
import { DOCUMENT_FILES, type AddDocumentState, type Judgement } from './addDocument.ts';
import { DraftReviewPane } from './DraftReviewPane.tsx';
import './import.css';

const JUDGEMENTS: [Judgement, string][] = [
  ['SAME', 'The same entity'],
  ['DIFFERENT', 'A different one'],
  ['UNSURE', 'Unsure (kept apart, flagged)'],
];

interface Props {
  state: Store<AddDocumentState>;
  /** The files chosen, with the title given for a GraphML file or a CSV pair ('' for none). */
  onFiles: (files: File[], title: string) => void;
  onText: (text: string) => void;
  onPreviewDraft: () => void;
  onImport: () => void;
  onSignIn: () => void;
  onClose: () => void;
}

/** The pane, over the canvas while open. */
export function AddDocumentPane({
  state,
  onFiles,
  onText,
  onPreviewDraft,
  onImport,
  onSignIn,
  onClose,
}: Props) {
  const s = useStore(state);
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  if (s.step === 'closed') return null;
  const error = s.step === 'choose' || s.step === 'review' || s.step === 'draft' ? s.error : null;
  return (
    <section className="add-document panel" aria-labelledby="add-document-title" data-testid="add-document">
      <div className="document-head">
        <h2 id="add-document-title">Add a document</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {s.step === 'choose' && (
        <label className="add-files">
          <span>
            Title, for a GraphML file or a CSV pair of nodes and relationships (left empty, a GraphML file’s
            own title is used):
          </span>
          <input type="text" value={title} disabled={s.busy} onChange={(e) => setTitle(e.target.value)} />
        </label>
      )}
      {s.step === 'choose' && (
        <label className="add-files">
          <span>
            Choose the document’s files: {DOCUMENT_FILES.join(', ')} (graph-seed/README.md describes them); or
            a GraphML file, or a nodes CSV and a relationships CSV (as the Export menu writes them). Nothing
            is written before you import.
          </span>
          <input
            type="file"
            multiple
            accept=".yaml,.yml,.txt,.graphml,.csv"
            disabled={s.busy}
            onChange={(e) => onFiles([...(e.target.files ?? [])], title)}
          />
          {s.busy && <span className="muted">Checking…</span>}
        </label>
      )}
      {s.step === 'choose' && (
        <form
          className="add-files"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) onText(text);
          }}
        >
          <label htmlFor="add-text">
            Or paste a document’s plain text (or choose one .txt file above): the explorer proposes its
            quotes, speakers and dates for you to accept.
          </label>
          <textarea
            id="add-text"
            rows={6}
            value={text}
            disabled={s.busy}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={s.busy || !text.trim()}>
            Propose a draft
          </button>
        </form>
      )}
      {s.step === 'draft' && <DraftReviewPane state={state} s={s} onPreview={onPreviewDraft} />}
      {s.step === 'review' && <Review state={state} s={s} onImport={onImport} />}
      {s.step === 'done' && (
        <p role="status">
          Imported “{s.title}”: {s.nodeCount} nodes and {s.edgeCount} relationships. The graph now shows them.
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}{' '}
          {/token|sign in|allow/i.test(error) && (
            <button type="button" className="link" onClick={onSignIn}>
              Sign in as an editor
            </button>
          )}
        </p>
      )}
    </section>
  );
}

function Review({
  state,
  s,
  onImport,
}: {
  state: Store<AddDocumentState>;
  s: Extract<AddDocumentState, { step: 'review' }>;
  onImport: () => void;
}) {
  const { preview } = s;
  if (!preview.valid)
    return (
      <>
        <p>
          These files cannot be imported: {preview.errors.length} error
          {preview.errors.length === 1 ? '' : 's'}. Nothing was written.
        </p>
        <ul className="add-errors" data-testid="add-errors">
          {preview.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
        <button type="button" onClick={() => state.set(() => ({ step: 'choose', busy: false, error: null }))}>
          Choose other files
        </button>
      </>
    );
  const candidates = preview.matches.filter((m) => m.existingId);
  const judge = (id: string, j: Judgement) =>
    state.set((x) => (x.step === 'review' ? { ...x, judgements: { ...x.judgements, [id]: j } } : x));
  return (
    <>
      <p data-testid="add-counts">
        {preview.documentId}: {preview.added} to add, {preview.changed} to change, {preview.removed} to
        remove.
      </p>
      {candidates.length > 0 ? (
        <table className="add-matches">
          <caption>Entities the graph may already hold: is each the same one?</caption>
          <thead>
            <tr>
              <th scope="col">In the document</th>
              <th scope="col">In the graph</th>
              <th scope="col">Why</th>
              <th scope="col">Score</th>
              <th scope="col">Judgement</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((m) => (
              <tr key={m.incomingId} data-id={m.incomingId}>
                <td>{m.incomingId}</td>
                <td>{m.existingId}</td>
                <td>{m.reason}</td>
                <td>{m.score.toFixed(2)}</td>
                <td>
                  {m.incomingId === m.existingId ? (
                    // The same id is the same entity: to keep it apart, the document must give it another id.
                    <span title="To keep it apart, give it another id in the document's files">
                      The same entity (its id)
                    </span>
                  ) : (
                    <select
                      aria-label={`Judgement on ${m.incomingId}`}
                      value={s.judgements[m.incomingId] ?? 'UNSURE'}
                      onChange={(e) => judge(m.incomingId, e.target.value as Judgement)}
                    >
                      {JUDGEMENTS.map(([j, text]) => (
                        <option key={j} value={j}>
                          {text}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No entity of the document matches one of the graph’s: all of it is new.</p>
      )}
      {preview.conflicts.length > 0 && (
        <section
          className="add-conflicts"
          aria-label="Against the analysts' edits"
          data-testid="add-conflicts"
        >
          <p>The analysts&rsquo; edits stand against these files here; the import keeps the edits:</p>
          <ul>
            {preview.conflicts.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" onClick={onImport} disabled={s.busy}>
        {s.busy ? 'Importing…' : 'Import'}
      </button>
    </>
  );
}
