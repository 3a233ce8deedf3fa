// "Retract…" a claim: the reason (required), then a confirmation. The claim leaves the graph; its history keeps it.
import { useState } from 'react';
import type { GraphEdge, GraphNode } from '../api/types.ts';
import type { EditActions } from './actions.ts';
import { Missing, FormActions } from './Evidence.tsx';
import { reasonOf } from './forms.ts';

export function RetractForm({
  item,
  label,
  edit,
  busy,
}: {
  item: GraphNode | GraphEdge;
  label: string;
  edit: EditActions;
  busy: boolean;
}) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { input, errors } = reasonOf(reason);
  return (
    <form
      className="edit-form"
      aria-label={`Retract ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!input) return;
        if (confirming) edit.retract(item, label, input);
        else setConfirming(true);
      }}
    >
      <h3>Retract {label}</h3>
      <label className="edit-field">
        <span>Reason</span>
        <textarea rows={3} value={reason} disabled={confirming} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Missing errors={errors} />
      {confirming ? (
        <div className="conflict" role="alertdialog" aria-label="Confirm the retraction">
          <p>
            Retract {label}? It leaves the graph and every view of it; its history keeps it, with your reason.
          </p>
          <button type="submit" autoFocus disabled={busy}>
            Confirm retraction
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Back
          </button>
        </div>
      ) : (
        <FormActions label={'Retract…'} ready={!(!input || busy)} onCancel={edit.close} />
      )}
    </form>
  );
}
