// "Add node…": its kind, name (a statement: its text), date, basis and citation. Drawn on the canvas after.
import { useState } from 'react';
import type { GraphNode, NodeKind } from '../api/types.ts';
import { kindStyle } from '../graph/kinds.ts';
import type { EditActions } from './actions.ts';
import { BasisPicker, CitationPicker, Missing, TextField, FormActions } from './Evidence.tsx';
import { emptyNodeForm, nodeInputOf, type NodeForm } from './forms.ts';

const KINDS: NodeKind[] = ['ACTOR', 'MEETING', 'AGREEMENT', 'STATEMENT', 'FIGURE'];

export function AddNodeForm({
  near,
  edit,
  busy,
}: {
  near: GraphNode | null;
  edit: EditActions;
  busy: boolean;
}) {
  const [form, setForm] = useState<NodeForm>(emptyNodeForm);
  const { input, errors } = nodeInputOf(form);
  return (
    <form
      className="edit-form"
      aria-label="Add a node"
      onSubmit={(e) => {
        e.preventDefault();
        if (input) edit.addNode(input);
      }}
    >
      <h3>Add a node</h3>
      <label className="edit-field">
        <span>Kind</span>
        <select
          aria-label="Kind"
          value={form.kind ?? ''}
          onChange={(e) => setForm({ ...form, kind: (e.target.value || null) as NodeKind | null })}
        >
          <option value="">Choose the kind…</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindStyle(k).label}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label={form.kind === 'STATEMENT' ? 'Text' : 'Name'}
        value={form.label}
        onChange={(label) => setForm({ ...form, label })}
      />
      <TextField
        label="Date (optional)"
        type="date"
        value={form.date}
        onChange={(date) => setForm({ ...form, date })}
      />
      <BasisPicker value={form} onChange={(e) => setForm({ ...form, ...e })} />
      <CitationPicker
        sources={near?.sources ?? []}
        value={form.citation}
        onChange={(citation) => setForm({ ...form, citation })}
      />
      <Missing errors={errors} />
      <FormActions label={'Add node'} ready={!(!input || busy)} onCancel={edit.close} />
    </form>
  );
}
