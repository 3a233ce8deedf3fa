// The edit pane at the top of the details panel: the form open (on the node or relationship it was opened on),
// the status of its write, and the notice a write leaves (after a merge: "Undo merge"). The buttons that open
// the forms sit in the node's and the relationship's details (NodeEditActions, EdgeEditActions) and the header.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { useStore } from '../shared/store.ts';
import type { EditActions } from './actions.ts';
import { AddEdgeForm } from './AddEdgeForm.tsx';
import { AddNodeForm } from './AddNodeForm.tsx';
import { CorrectForm } from './CorrectForm.tsx';
import type { EditTarget } from './edit.ts';
import { EditStatusLine } from './Evidence.tsx';
import { MergeForm } from './MergeForm.tsx';
import { RetractForm } from './RetractForm.tsx';
import { canMerge, canRetract } from './model.ts';
import './edit.css';

/** The open form, its status and the last notice; nothing when none. */
export function EditPane({ edit }: { edit: EditActions | undefined }) {
  if (!edit) return null;
  return <Pane edit={edit} />;
}

function Pane({ edit }: { edit: EditActions }) {
  const { open, status, notice } = useStore(edit.store);
  const busy = status.type === 'busy';
  if (!open && !notice && status.type === 'idle') return null;
  return (
    <section className="edit-pane" aria-label="Edit" data-testid="edit-pane">
      {notice && (
        <div className="edit-notice" role="status" data-testid="edit-notice">
          <p>{notice.message}</p>
          {notice.undo && (
            <button type="button" disabled={busy} onClick={() => edit.undoMerge(notice.undo!)}>
              Undo merge
            </button>
          )}
          <button type="button" className="link" onClick={edit.dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {open && <Form key={keyOf(open)} target={open} edit={edit} busy={busy} />}
      <EditStatusLine status={status} edit={edit} />
    </section>
  );
}

const keyOf = (t: EditTarget) =>
  t.type === 'retract' ? `retract:${t.item.id}` : t.type === 'addNode' ? 'addNode' : `${t.type}:${t.node.id}`;

function Form({ target, edit, busy }: { target: EditTarget; edit: EditActions; busy: boolean }) {
  switch (target.type) {
    case 'addEdge':
      return <AddEdgeForm node={target.node} edit={edit} busy={busy} />;
    case 'correct':
      return <CorrectForm node={target.node} edit={edit} busy={busy} />;
    case 'retract':
      return <RetractForm item={target.item} label={target.label} edit={edit} busy={busy} />;
    case 'merge':
      return <MergeForm node={target.node} edit={edit} busy={busy} />;
    case 'addNode':
      return <AddNodeForm near={target.near} edit={edit} busy={busy} />;
  }
}

/** The edit buttons on a node's details. */
export function NodeEditActions({ node, edit }: { node: GraphNode; edit: EditActions | undefined }) {
  if (!edit) return null;
  return (
    <div className="actions edit-actions" role="group" aria-label="Edit this node">
      <button type="button" onClick={() => edit.open({ type: 'addEdge', node })}>
        Add relationship…
      </button>
      <button type="button" onClick={() => edit.open({ type: 'correct', node })}>
        Correct…
      </button>
      {canRetract(node) && (
        <button
          type="button"
          onClick={() => edit.open({ type: 'retract', item: node, label: `“${node.label}”` })}
        >
          Retract…
        </button>
      )}
      {canMerge(node) && (
        <button type="button" onClick={() => edit.open({ type: 'merge', node })}>
          Merge with…
        </button>
      )}
      <AddNodeButton edit={edit} near={node} />
    </div>
  );
}

/** The edit buttons on a relationship's details (`label` names it: "A MET_WITH B"). */
export function EdgeEditActions({
  edge,
  label,
  edit,
}: {
  edge: GraphEdge;
  label: string;
  edit: EditActions | undefined;
}) {
  if (!edit) return null;
  return (
    <div className="actions edit-actions" role="group" aria-label="Edit this relationship">
      <button type="button" onClick={() => edit.open({ type: 'retract', item: edge, label })}>
        Retract…
      </button>
    </div>
  );
}

/** "Add node…" (a node's details, and the start panel's): opens the form, offering `near`'s sources to cite. */
export function AddNodeButton({ edit, near }: { edit: EditActions; near: GraphNode | null }) {
  return (
    <button
      type="button"
      title="Add a node with its basis and source: it is drawn on the canvas"
      onClick={() => edit.open({ type: 'addNode', near })}
    >
      Add node…
    </button>
  );
}
