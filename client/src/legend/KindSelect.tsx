// A choice of one kind of node, or every kind (the header's search, the results table).
import type { NodeKind } from '../api/types.ts';
import { ALL_KINDS, kindStyle } from '../graph/kinds.ts';

interface Props {
  value: NodeKind | null;
  onChange: (kind: NodeKind | null) => void;
  /** The accessible name when no visible label wraps the list. */
  ariaLabel?: string;
  className?: string;
}

/** A select of "All kinds" and each kind by its plural ("Figures"). */
export function KindSelect({ value, onChange, ariaLabel, className }: Props) {
  return (
    <select
      aria-label={ariaLabel}
      className={className}
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || null) as NodeKind | null)}
    >
      <option value="">All kinds</option>
      {ALL_KINDS.map((k) => (
        <option key={k} value={k}>
          {kindStyle(k).plural}
        </option>
      ))}
    </select>
  );
}
