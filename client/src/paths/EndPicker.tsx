// One end of the paths question: the node chosen, or a search box (and the selected node as a shortcut).
import type { EvidenceFilter } from '../evidence/evidence.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import type { PathEnd } from './paths.ts';

interface Props {
  label: string;
  end: PathEnd;
  onChange: (e: PathEnd) => void;
  selectedNode: { id: string; label: string } | null;
  /** The explorer's evidence filter: an end the path search would leave out is not suggested. */
  evidence?: EvidenceFilter;
}

/** Picks one end of a path. */
export function EndPicker({ label, end, onChange, selectedNode, evidence }: Props) {
  return (
    <div className="end-picker">
      {end ? (
        <p className="end">
          <span className="field-label">{label}</span>{' '}
          <strong data-testid={`path-${label.toLowerCase()}`}>{end.label}</strong>{' '}
          <button
            type="button"
            className="link"
            onClick={() => onChange(null)}
            aria-label={`Clear ${label.toLowerCase()}`}
          >
            change
          </button>
        </p>
      ) : (
        <>
          <SearchBox
            compact
            label={label}
            placeholder="Type a name…"
            evidence={evidence}
            onChoose={(hit) => onChange({ id: hit.id, label: hit.label })}
          />
          {selectedNode && (
            <button type="button" className="link small" onClick={() => onChange(selectedNode)}>
              use selected: {selectedNode.label}
            </button>
          )}
        </>
      )}
    </div>
  );
}
