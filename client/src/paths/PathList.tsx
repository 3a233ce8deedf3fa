// The paths found, shortest first: each one's length, its explanation in sentences and its citations, and a
// button that shows it on the graph (one at a time).
import type { Path } from '../api/types.ts';
import { SourceList } from '../details/SourceList.tsx';

interface Props {
  paths: Path[];
  shown: number | null;
  onShow: (i: number | null) => void;
}

/** The list of paths found. */
export function PathList({ paths, shown, onShow }: Props) {
  return (
    <ol className="path-list" data-testid="path-list">
      {paths.map((p, i) => (
        <li key={i} className={shown === i ? 'path shown' : 'path'} data-testid="path">
          <button type="button" aria-pressed={shown === i} onClick={() => onShow(shown === i ? null : i)}>
            {shown === i ? 'Shown on graph' : 'Show on graph'}
          </button>{' '}
          <span className="muted small">
            {p.length} {p.length === 1 ? 'step' : 'steps'}
          </span>
          <p className="explanation" data-testid="path-explanation">
            {p.explanation}
          </p>
          <details>
            <summary>Citations ({p.citations.length})</summary>
            <SourceList sources={p.citations} />
          </details>
        </li>
      ))}
    </ol>
  );
}
