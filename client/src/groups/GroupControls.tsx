// The "Groups" box beside the evidence filters: "Group by" (none, kind, country, actor type, organisation or
// community), what it means for nodes without a value, the measures to compute for communities, and each group with
// a button that collapses or expands it.
import type { AnalysisState } from '../analysis/analysis.ts';
import {
  GROUP_KEY_LABELS,
  GROUP_KEYS,
  type GroupKey,
  type GroupProjection,
  type GroupsState,
} from './groups.ts';
import './groups.css';

interface Props {
  groups: GroupsState;
  projection: GroupProjection;
  measures: AnalysisState['measures'];
  onGroupBy: (by: GroupKey | null) => void;
  onToggle: (id: string) => void;
  /** Computes the canvas's measures (communities come from them). */
  onMeasure: () => void;
}

/** What a node without a value for the key is said to lack. */
const LACKS: Record<GroupKey, string> = {
  kind: 'a kind',
  country: 'a country',
  actorType: 'an actor type',
  organisation: 'an organisation',
  community: 'a community (measured)',
};

/** The groups control. */
export function GroupControls({ groups, projection, measures, onGroupBy, onToggle, onMeasure }: Props) {
  const { by } = groups;
  const unmeasured = by === 'community' && measures.type !== 'ready';
  return (
    <fieldset className="group-controls" data-testid="group-controls">
      <legend>Groups{by ? ` (${projection.groups.length})` : ''}</legend>
      <label>
        Group by{' '}
        <select value={by ?? ''} onChange={(e) => onGroupBy((e.target.value || null) as GroupKey | null)}>
          <option value="">none</option>
          {GROUP_KEYS.map((k) => (
            <option key={k} value={k}>
              {GROUP_KEY_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {unmeasured && (
        <p className="small">
          Communities come from the measures.{' '}
          <button type="button" onClick={onMeasure} disabled={measures.type === 'loading'}>
            {measures.type === 'loading' ? 'Measuring…' : 'Compute the measures'}
          </button>
          {measures.type === 'error' && <span className="error-text"> {measures.message}</span>}
        </p>
      )}
      {by && !unmeasured && (
        <p className="small muted">
          {projection.groups.length === 0
            ? `No node on the canvas has ${LACKS[by]}.`
            : `Nodes without ${LACKS[by]}, or alone with theirs, stay outside the groups. Double-click a group, or press G with one of its nodes selected, to collapse or expand it.`}
        </p>
      )}
      {projection.groups.length > 0 && (
        <ul className="group-list">
          {projection.groups.map((g) => (
            <li key={g.id}>
              <button
                type="button"
                aria-label={`${g.collapsed ? 'Expand' : 'Collapse'} ${g.label}`}
                onClick={() => onToggle(g.id)}
              >
                {g.collapsed ? 'Expand' : 'Collapse'}
              </button>
              <span>
                {g.label} ({g.members.length})
              </span>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
