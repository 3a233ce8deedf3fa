// "Merge with…" on an actor, meeting or agreement: the other node of the same kind (search), both side by side
// (name, aliases, relationships, documents), which one is kept, then the merge. It can be undone afterwards.
import { useState } from 'react';
import type { GraphNode } from '../api/types.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import type { EditActions } from './actions.ts';
import { listOf, mergeRefusal } from './model.ts';
import { FormActions } from './Evidence.tsx';

export function MergeForm({ node, edit, busy }: { node: GraphNode; edit: EditActions; busy: boolean }) {
  const [other, setOther] = useState<GraphNode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [keepId, setKeepId] = useState(node.id);
  const pair = other ? [node, other] : [];
  const kept = pair.find((n) => n.id === keepId) ?? node;
  const merged = pair.find((n) => n.id !== keepId) ?? null;
  return (
    <form
      className="edit-form"
      aria-label={`Merge ${node.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (other && merged) edit.merge(kept, merged);
      }}
    >
      <h3>Merge “{node.label}” with…</h3>
      {other ? (
        <p>
          <strong data-testid="merge-other">{other.label}</strong>{' '}
          <button type="button" className="link" onClick={() => setOther(null)}>
            change
          </button>
        </p>
      ) : (
        <SearchBox
          compact
          label="Merge with"
          placeholder={`Another ${node.kind.toLowerCase()}…`}
          onChoose={(hit) => {
            const refusal = mergeRefusal(node, hit);
            setProblem(refusal);
            if (refusal) return;
            void edit.node(hit.id).then(
              (n) => (n ? setOther(n) : setProblem(`“${hit.label}” is no longer in the graph.`)),
              (e: Error) => setProblem(e.message),
            );
          }}
        />
      )}
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {other && (
        <>
          <table className="edit-compare" data-testid="merge-compare">
            <thead>
              <tr>
                <th scope="col" />
                {pair.map((n) => (
                  <th key={n.id} scope="col">
                    {n.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Id</th>
                {pair.map((n) => (
                  <td key={n.id}>{n.id}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Aliases</th>
                {pair.map((n) => (
                  <td key={n.id}>{listOf(n.properties.aliases).join(', ') || '—'}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Relationships</th>
                {pair.map((n) => (
                  <td key={n.id}>{n.degree}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Documents</th>
                {pair.map((n) => (
                  <td key={n.id}>
                    {listOf(n.properties.documents ?? n.properties.document).join(', ') || '—'}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Keep</th>
                {pair.map((n) => (
                  <td key={n.id}>
                    <label>
                      <input
                        type="radio"
                        name="merge-keep"
                        checked={keepId === n.id}
                        onChange={() => setKeepId(n.id)}
                      />{' '}
                      Keep “{n.label}”
                    </label>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          {merged && (
            <p className="small">
              “{merged.label}” is merged into “{kept.label}”: its names join the aliases, its relationships,
              records and view memberships move, and it is deleted. The merge can be undone.
            </p>
          )}
        </>
      )}
      <FormActions
        label={merged ? `Merge, keeping “${kept.label}”` : 'Merge'}
        ready={!(!other || !merged || busy)}
        onCancel={edit.close}
      />
    </form>
  );
}
