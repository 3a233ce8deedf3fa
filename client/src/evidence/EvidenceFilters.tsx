// The evidence filter beside the legend's kind toggles: "Only what the sources state" and "Minimum source grade".
// They narrow what the canvas shows now and are sent with every expansion and paths question.
import { useState } from 'react';
import { describeError } from '../api/client.ts';
import type { Reliability } from '../api/types.ts';
import {
  chooseEvidence,
  evidenceOn,
  gradeLabel,
  MIN_GRADES,
  type EvidenceDeps,
  type EvidenceFilter,
} from './evidence.ts';
import { useStore } from '../shared/store.ts';

/** The two evidence controls. */
export function EvidenceFilters(deps: EvidenceDeps) {
  const { evidence } = useStore(deps.explorer);
  // What the analyst chose, shown at once: a new minimum grade reaches the canvas when the server has answered.
  const [choice, setChoice] = useState<EvidenceFilter>(() => ({
    statedOnly: evidence.statedOnly,
    minReliability: evidence.minReliability,
  }));
  const [error, setError] = useState<string | null>(null);
  // A filter applied from elsewhere (a saved view that was opened) replaces the choice shown, as soon as it lands.
  const applied = `${evidence.statedOnly}:${evidence.minReliability ?? ''}`;
  const [shownFor, setShownFor] = useState(applied);
  if (shownFor !== applied) {
    setShownFor(applied);
    setChoice({ statedOnly: evidence.statedOnly, minReliability: evidence.minReliability });
  }
  const choose = (change: Partial<EvidenceFilter>) => {
    const next = { ...choice, ...change };
    setChoice(next);
    setError(null);
    chooseEvidence(deps, next).catch((e: unknown) => {
      const { statedOnly, minReliability } = deps.explorer.get().evidence;
      setChoice({ statedOnly, minReliability });
      setError(describeError(e));
    });
  };
  return (
    <fieldset className="evidence-filters">
      <legend>Evidence{evidenceOn(evidence) ? ' (filtered)' : ''}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={choice.statedOnly}
          onChange={(e) => choose({ statedOnly: e.target.checked })}
        />
        Only what the sources state
      </label>
      <label>
        Minimum source grade{' '}
        <select
          value={choice.minReliability ?? ''}
          onChange={(e) => choose({ minReliability: (e.target.value || null) as Reliability | null })}
        >
          <option value="">any</option>
          {MIN_GRADES.map((g) => (
            <option key={g} value={g}>
              {gradeLabel(g)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="muted small">
          Could not apply the grade: {error}
        </p>
      )}
    </fieldset>
  );
}
