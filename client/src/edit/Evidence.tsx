// The parts every edit form shares: the basis (stated, or inferred with a note), the citation (a source the
// nodes already cite, or a new one), what is still missing, and the status of the write with its way on.
import { useId } from 'react';
import type { Source } from '../api/types.ts';
import type { EditActions } from './actions.ts';
import type { EditStatus } from './edit.ts';
import { newSource, noCitation, type CitationChoice, type Evidence } from './forms.ts';

const NEW = '__new__';

/** Stated or inferred, and the note an inference needs. */
export function BasisPicker({ value, onChange }: { value: Evidence; onChange: (e: Evidence) => void }) {
  const name = useId();
  return (
    <fieldset className="edit-basis">
      <legend>Basis</legend>
      <label>
        <input
          type="radio"
          name={name}
          checked={value.basis === 'STATED'}
          onChange={() => onChange({ ...value, basis: 'STATED' })}
        />{' '}
        Stated: the source says it
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={value.basis === 'INFERRED'}
          onChange={() => onChange({ ...value, basis: 'INFERRED' })}
        />{' '}
        Inferred: my reading of the source
      </label>
      {value.basis === 'INFERRED' && (
        <label className="edit-field">
          <span>What the inference rests on</span>
          <textarea
            rows={2}
            value={value.note}
            onChange={(e) => onChange({ ...value, note: e.target.value })}
          />
        </label>
      )}
    </fieldset>
  );
}

/** The source the write cites: one of `sources`, or a new one (title required; address, publisher, date). */
export function CitationPicker({
  sources,
  value,
  onChange,
}: {
  sources: readonly Source[];
  value: CitationChoice;
  onChange: (c: CitationChoice) => void;
}) {
  const selected = value.type === 'existing' ? value.sourceId : value.type === 'new' ? NEW : '';
  return (
    <fieldset className="edit-citation">
      <legend>Citation</legend>
      <label className="edit-field">
        <span>Source</span>
        <select
          aria-label="Source"
          value={selected}
          onChange={(e) => {
            const v = e.target.value;
            onChange(v === NEW ? newSource : v === '' ? noCitation : { type: 'existing', sourceId: v });
          }}
        >
          <option value="">Choose the source…</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
              {s.publisher ? ` (${s.publisher})` : ''}
            </option>
          ))}
          <option value={NEW}>A new source…</option>
        </select>
      </label>
      {value.type === 'new' && (
        <>
          <TextField label="Title" value={value.title} onChange={(title) => onChange({ ...value, title })} />
          <TextField
            label="Address"
            type="url"
            value={value.url}
            onChange={(url) => onChange({ ...value, url })}
          />
          <TextField
            label="Publisher"
            value={value.publisher}
            onChange={(publisher) => onChange({ ...value, publisher })}
          />
          <TextField
            label="Published on"
            type="date"
            value={value.date}
            onChange={(date) => onChange({ ...value, date })}
          />
        </>
      )}
    </fieldset>
  );
}

/** One labelled input. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
}) {
  return (
    <label className="edit-field">
      <span>{label}</span>
      <input type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** What the form still needs before it can be sent. */
export function Missing({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="edit-missing muted small" data-testid="edit-missing" aria-label="Still needed">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** A form's buttons: send (while it can be sent) and cancel. */
export function FormActions({
  label,
  ready,
  onCancel,
}: {
  label: string;
  ready: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={!ready}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** The last write: busy, a message, a failure with its way on, a conflict with its choice. */
export function EditStatusLine({ status, edit }: { status: EditStatus; edit: EditActions }) {
  switch (status.type) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <p className="muted" role="status">
          {status.what}
        </p>
      );
    case 'info':
      return <p role="status">{status.message}</p>;
    case 'error':
      return (
        <p className="error-text" role="alert" data-testid="edit-error">
          {status.message}{' '}
          {status.retry && (
            <button type="button" onClick={status.retry}>
              Try again
            </button>
          )}
        </p>
      );
    case 'denied':
      return (
        <div className="conflict" role="alert" data-testid="not-allowed">
          <p>
            <strong>Not saved.</strong> {status.message} Your entries are kept: sign in with an editor token,
            then try again.
          </p>
          <button type="button" autoFocus onClick={() => edit.signIn(status.forbidden)}>
            Sign in as an editor
          </button>
          <button type="button" onClick={status.retry}>
            Try again
          </button>
        </div>
      );
    case 'conflict':
      return (
        <div className="conflict" role="alertdialog" aria-label="Conflict" data-testid="conflict">
          <p>
            <strong>Conflict.</strong> {status.message}
          </p>
          <button type="button" autoFocus onClick={status.reload}>
            Reload
          </button>
          <button type="button" onClick={status.reapply}>
            Reapply
          </button>
          <button type="button" className="link" onClick={edit.close}>
            Cancel
          </button>
        </div>
      );
  }
}
