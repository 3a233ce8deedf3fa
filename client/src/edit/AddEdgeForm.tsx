// "Add relationship…" on a node: its type (those the model allows from or to this node's kind), the other end
// (search), the direction where both are possible, when, the basis and the citation. Not sent while anything
// is missing.
import { useState } from 'react';
import type { RelationshipType } from '../../../core/model/index.ts';
import type { GraphNode } from '../api/types.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import type { EditActions } from './actions.ts';
import { BasisPicker, CitationPicker, Missing, TextField, FormActions } from './Evidence.tsx';
import { directionOf, edgeInputOf, emptyEdgeForm, type EdgeForm } from './forms.ts';
import { allowedTypes, citableSources, directionsOf, meaningOf } from './model.ts';

export function AddEdgeForm({ node, edit, busy }: { node: GraphNode; edit: EditActions; busy: boolean }) {
  const [form, setForm] = useState<EdgeForm>(emptyEdgeForm);
  const [other, setOther] = useState<GraphNode | null>(null);
  const types = allowedTypes(node.kind, form.other?.kind ?? null);
  const both = form.type && directionsOf(form.type, node.kind, form.other?.kind ?? null).length === 2;
  const direction = directionOf(node.kind, form);
  const { input, errors } = edgeInputOf(node, form);
  const otherName = form.other?.label ?? 'the other end';
  return (
    <form
      className="edit-form"
      aria-label={`Add a relationship to ${node.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (input) edit.addEdge(input);
      }}
    >
      <h3>Add a relationship</h3>
      <p className="muted small">
        From or to <strong>{node.label}</strong>, citing its source.
      </p>
      <label className="edit-field">
        <span>Type</span>
        <select
          aria-label="Type"
          value={form.type ?? ''}
          onChange={(e) => setForm({ ...form, type: (e.target.value || null) as RelationshipType | null })}
        >
          <option value="">Choose the type…</option>
          {types.map((t) => (
            <option key={t} value={t} title={meaningOf(t)}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {form.type && <p className="muted small">{meaningOf(form.type)}</p>}
      <div className="edit-field">
        {/* While searching, the search box's own label says "Other end". */}
        {form.other && <span>Other end</span>}
        {form.other ? (
          <p>
            <strong data-testid="edit-other">{form.other.label}</strong>{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                setForm({ ...form, other: null });
                setOther(null);
              }}
            >
              change
            </button>
          </p>
        ) : (
          <SearchBox
            compact
            label="Other end"
            placeholder="Type a name…"
            onChoose={(hit) => {
              setForm((f) => ({ ...f, other: { id: hit.id, label: hit.label, kind: hit.kind } }));
              void edit.node(hit.id).then(setOther, () => setOther(null));
            }}
          />
        )}
      </div>
      {both && (
        <fieldset className="edit-direction">
          <legend>Direction</legend>
          <label>
            <input
              type="radio"
              name="edit-direction"
              checked={direction === 'out'}
              onChange={() => setForm({ ...form, direction: 'out' })}
            />{' '}
            {node.label} → {otherName}
          </label>
          <label>
            <input
              type="radio"
              name="edit-direction"
              checked={direction === 'in'}
              onChange={() => setForm({ ...form, direction: 'in' })}
            />{' '}
            {otherName} → {node.label}
          </label>
        </fieldset>
      )}
      <TextField
        label="Date (optional)"
        type="date"
        value={form.date}
        onChange={(date) => setForm({ ...form, date })}
      />
      <BasisPicker value={form} onChange={(e) => setForm({ ...form, ...e })} />
      <CitationPicker
        sources={citableSources(node.sources, other?.sources)}
        value={form.citation}
        onChange={(citation) => setForm({ ...form, citation })}
      />
      <Missing errors={errors} />
      <FormActions label={'Add relationship'} ready={!(!input || busy)} onCancel={edit.close} />
    </form>
  );
}
