// "Correct…" a node's property: which, its new value (or removing it), and the source the correction cites. Sent
// from the version the explorer holds; a conflict offers to reload the node or reapply the correction.
import { useState } from 'react';
import type { GraphNode } from '../api/types.ts';
import type { EditActions } from './actions.ts';
import { CitationPicker, Missing, TextField, FormActions } from './Evidence.tsx';
import { correctionOf, noCitation, valueText, type CorrectForm as Form } from './forms.ts';
import { correctableProperties, versionOf } from './model.ts';

const OTHER = '__other__';

export function CorrectForm({ node, edit, busy }: { node: GraphNode; edit: EditActions; busy: boolean }) {
  const keys = correctableProperties(node);
  const first = keys[0] ?? '';
  const [form, setForm] = useState<Form>({
    property: first,
    value: valueText(node.properties[first]),
    remove: false,
    citation: noCitation,
  });
  const [other, setOther] = useState(keys.length === 0);
  const { input, errors } = correctionOf(node, form);
  const current = node.properties[form.property];
  const isList = Array.isArray(current);
  return (
    <form
      className="edit-form"
      aria-label={`Correct ${node.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (input) edit.correct(node, input);
      }}
    >
      <h3>Correct “{node.label}”</h3>
      <p className="muted small">
        Version {versionOf(node)}. The correction cites its source and is kept in the node’s history.
      </p>
      <label className="edit-field">
        <span>Property</span>
        <select
          aria-label="Property"
          value={other ? OTHER : form.property}
          onChange={(e) => {
            const key = e.target.value;
            setOther(key === OTHER);
            if (key !== OTHER)
              setForm({ ...form, property: key, value: valueText(node.properties[key]), remove: false });
            else setForm({ ...form, property: '', value: '', remove: false });
          }}
        >
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
          <option value={OTHER}>Another property…</option>
        </select>
      </label>
      {other && (
        <TextField
          label="Property name"
          value={form.property}
          onChange={(property) => setForm({ ...form, property })}
        />
      )}
      {current !== undefined && (
        <p className="muted small" data-testid="edit-current">
          Now: {valueText(current).replace(/\n/g, '; ')}
        </p>
      )}
      {!form.remove && (
        <label className="edit-field">
          <span>{isList ? 'New value (one item a line)' : 'New value'}</span>
          <textarea
            rows={isList || String(form.value).length > 60 ? 4 : 1}
            value={form.value}
            onChange={(e) => setForm({ ...form, value: e.target.value })}
          />
        </label>
      )}
      {current !== undefined && (
        <label>
          <input
            type="checkbox"
            checked={form.remove}
            onChange={(e) => setForm({ ...form, remove: e.target.checked })}
          />{' '}
          Remove this property
        </label>
      )}
      <CitationPicker
        sources={node.sources}
        value={form.citation}
        onChange={(citation) => setForm({ ...form, citation })}
      />
      <Missing errors={errors} />
      <FormActions label={'Save correction'} ready={!(!input || busy)} onCancel={edit.close} />
    </form>
  );
}
